"""All services, built once at the composition root from the same unit-of-work factory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.policy import Policy
from crm_desk.services.assessments import AssessmentService
from crm_desk.services.audit import AuditService
from crm_desk.services.auth import AuthService
from crm_desk.services.callbacks import CallbackService
from crm_desk.services.client_export import ClientExportService
from crm_desk.services.client_import import ClientImportService
from crm_desk.services.clients import ClientService
from crm_desk.services.complaint_reports import ComplaintReportService
from crm_desk.services.complaints import ComplaintService
from crm_desk.services.documents import DocumentService
from crm_desk.services.interviews import InterviewService
from crm_desk.services.keys import KeyService
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.products import ProductService
from crm_desk.services.products_io import CatalogueService
from crm_desk.services.reviews import ReviewService
from crm_desk.services.sales import SaleService
from crm_desk.services.users import UserService


@dataclass(frozen=True, slots=True)
class Services:
    auth: AuthService
    users: UserService
    audit: AuditService
    clients: ClientService
    interviews: InterviewService
    keys: KeyService
    client_import: ClientImportService
    client_export: ClientExportService
    assessments: AssessmentService
    sales: SaleService
    policy: Policy
    products: ProductService
    catalogue: CatalogueService  # the products' import and export
    complaints: ComplaintService
    complaint_reports: ComplaintReportService
    callbacks: CallbackService  # follow-up calls (回访) and their cases
    reviews: ReviewService  # ongoing suitability
    documents: DocumentService  # disclosure documents: archive, reprint, verify

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
        keys = KeyService(uow_factory, key_dir)
        clients = ClientService(uow_factory, policy, hasher)
        clients.keys = keys
        clients.timeline_providers = []
        interviews = InterviewService(uow_factory, policy, hasher)
        clients.timeline_providers.append(interviews.timeline_provider)
        assessments = AssessmentService(uow_factory, policy, hasher)
        clients.timeline_providers.append(assessments.timeline_provider)
        sales = SaleService(uow_factory, policy, hasher)
        clients.timeline_providers.append(sales.timeline_provider)
        auth = AuthService(uow_factory, policy, hasher)
        products = ProductService(uow_factory, policy, hasher)
        complaints = ComplaintService(uow_factory, policy, hasher)
        complaints.keys = keys
        clients.timeline_providers.append(complaints.timeline_provider)
        auth.keys = keys
        # After the sale: the follow-up call, and the reviews when a holding may stop fitting.
        callbacks = CallbackService(uow_factory, policy, hasher)
        callbacks.keys = keys
        reviews = ReviewService(uow_factory, policy, hasher)
        sales.after_sale.append(callbacks.after_sale)
        sales.after_cancellation.append(callbacks.after_cancellation)
        sales.after_cancellation.append(reviews.after_cancellation)
        products.on_rerated.append(reviews.on_rerated)
        clients.timeline_providers.append(callbacks.timeline_provider)
        clients.timeline_providers.append(reviews.timeline_provider)
        assessments.on_confirmed.append(reviews.on_assessment_confirmed)
        # The disclosure with the sale, the special risk warning before the exception request.
        documents = DocumentService(uow_factory, policy, hasher)
        documents.keys = keys
        sales.after_sale.append(documents.on_sale)
        sales.after_exception_submitted.append(documents.on_exception_submitted)
        clients.timeline_providers.append(documents.timeline_provider)
        return cls(
            auth=auth,
            users=UserService(uow_factory, policy, hasher),
            audit=AuditService(uow_factory, policy, hasher),
            clients=clients,
            interviews=interviews,
            keys=keys,
            client_import=ClientImportService(clients),
            client_export=ClientExportService(clients),
            assessments=assessments,
            sales=sales,
            policy=policy,
            products=products,
            catalogue=CatalogueService(products),
            complaints=complaints,
            complaint_reports=ComplaintReportService(uow_factory, policy, hasher),
            callbacks=callbacks,
            reviews=reviews,
            documents=documents,
        )
