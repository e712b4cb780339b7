"""The areas' services and the hooks between them, built together at their first use.

Importing these modules (models, DTOs and domain rules of every area) is a sizeable part of the
start-up, and the sign-in window needs none of it: ``Services`` builds this after sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.policy import Policy
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
from crm_desk.services.keys import KeyService
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.products import ProductService
from crm_desk.services.products_io import CatalogueService
from crm_desk.services.reviews import ReviewService
from crm_desk.services.sales import SaleService
from crm_desk.services.users import UserService


@dataclass(frozen=True, slots=True)
class Areas:
    users: UserService
    audit: AuditService
    clients: ClientService
    interviews: InterviewService
    client_import: ClientImportService
    client_export: ClientExportService
    assessments: AssessmentService
    sales: SaleService
    products: ProductService
    catalogue: CatalogueService
    complaints: ComplaintService
    complaint_reports: ComplaintReportService
    callbacks: CallbackService
    reviews: ReviewService
    documents: DocumentService


def build_areas(
    uow_factory: UnitOfWorkFactory,
    policy: Policy,
    hasher: PasswordHasher,
    keys: KeyService,
) -> Areas:
    clients = ClientService(uow_factory, policy, hasher)
    clients.keys = keys
    clients.timeline_providers = []
    interviews = InterviewService(uow_factory, policy, hasher)
    clients.timeline_providers.append(interviews.timeline_provider)
    assessments = AssessmentService(uow_factory, policy, hasher)
    clients.timeline_providers.append(assessments.timeline_provider)
    sales = SaleService(uow_factory, policy, hasher)
    clients.timeline_providers.append(sales.timeline_provider)
    products = ProductService(uow_factory, policy, hasher)
    complaints = ComplaintService(uow_factory, policy, hasher)
    complaints.keys = keys
    clients.timeline_providers.append(complaints.timeline_provider)
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
    return Areas(
        users=UserService(uow_factory, policy, hasher),
        audit=AuditService(uow_factory, policy, hasher),
        clients=clients,
        interviews=interviews,
        client_import=ClientImportService(clients),
        client_export=ClientExportService(clients),
        assessments=assessments,
        sales=sales,
        products=products,
        catalogue=CatalogueService(products),
        complaints=complaints,
        complaint_reports=ComplaintReportService(uow_factory, policy, hasher),
        callbacks=callbacks,
        reviews=reviews,
        documents=documents,
    )
