"""All services, built from the same unit-of-work factory at the composition root.

Sign-in needs only the policy, the data key and the accounts: those are built at once. The areas'
services (and with them the models, DTOs and rules of every area, a sizeable part of start-up)
are built together at the first use of any of them, which is after sign-in in the app.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.policy import Policy
from crm_desk.services.auth import AuthService
from crm_desk.services.keys import KeyService
from crm_desk.services.passwords import PasswordHasher

if TYPE_CHECKING:
    from crm_desk.services.areas import Areas
    from crm_desk.services.assessments import AssessmentService
    from crm_desk.services.audit import AuditService
    from crm_desk.services.callbacks import CallbackService
    from crm_desk.services.client_export import ClientExportService
    from crm_desk.services.client_import import ClientImportService
    from crm_desk.services.clients import ClientService
    from crm_desk.services.complaint_reports import ComplaintReportService
    from crm_desk.services.complaints import ComplaintService
    from crm_desk.services.documents import DocumentService
    from crm_desk.services.interviews import InterviewService
    from crm_desk.services.products import ProductService
    from crm_desk.services.products_io import CatalogueService
    from crm_desk.services.reviews import ReviewService
    from crm_desk.services.sales import SaleService
    from crm_desk.services.users import UserService


class Services:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        policy: Policy,
        hasher: PasswordHasher,
        keys: KeyService,
    ) -> None:
        self._uow_factory = uow_factory
        self._hasher = hasher
        self.policy = policy
        self.keys = keys
        self.auth = AuthService(uow_factory, policy, hasher)
        self.auth.keys = keys
        self._built: Areas | None = None
        self._building = threading.Lock()

    @classmethod
    def build(
        cls,
        uow_factory: UnitOfWorkFactory,
        policy: Policy,
        hasher: PasswordHasher | None = None,
        *,
        key_dir: Path,
    ) -> Services:
        """Call ``keys.open()`` once the schema is current: until the workstation's data key is
        known and matches the database, sign-in and personal data are refused with a message."""
        hasher = hasher or PasswordHasher()
        return cls(uow_factory, policy, hasher, KeyService(uow_factory, key_dir))

    @property
    def _areas(self) -> Areas:
        # Locked: worker threads and the window may ask first at once, and two builds would
        # wire their hooks into different instances.
        with self._building:
            if self._built is None:
                from crm_desk.services.areas import build_areas

                self._built = build_areas(self._uow_factory, self.policy, self._hasher, self.keys)
            return self._built

    @property
    def users(self) -> UserService:
        return self._areas.users

    @property
    def audit(self) -> AuditService:
        return self._areas.audit

    @property
    def clients(self) -> ClientService:
        return self._areas.clients

    @property
    def interviews(self) -> InterviewService:
        return self._areas.interviews

    @property
    def client_import(self) -> ClientImportService:
        return self._areas.client_import

    @property
    def client_export(self) -> ClientExportService:
        return self._areas.client_export

    @property
    def assessments(self) -> AssessmentService:
        return self._areas.assessments

    @property
    def sales(self) -> SaleService:
        return self._areas.sales

    @property
    def products(self) -> ProductService:
        return self._areas.products

    @property
    def catalogue(self) -> CatalogueService:
        """The products' import and export."""
        return self._areas.catalogue

    @property
    def complaints(self) -> ComplaintService:
        return self._areas.complaints

    @property
    def complaint_reports(self) -> ComplaintReportService:
        return self._areas.complaint_reports

    @property
    def callbacks(self) -> CallbackService:
        """Follow-up calls (回访) and their cases."""
        return self._areas.callbacks

    @property
    def reviews(self) -> ReviewService:
        """Ongoing suitability."""
        return self._areas.reviews

    @property
    def documents(self) -> DocumentService:
        """Disclosure documents: archive, reprint, verify."""
        return self._areas.documents
