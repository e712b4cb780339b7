"""The permission matrix: every service operation called as every role, against the one table.

Adding an operation without adding it to CASES fails ``test_every_operation_has_a_case``. A case's
``prepare`` makes, before the call and outside what the call is judged on, what a permitted role
needs to call it validly: a client it serves, a flag to clear, an application to decide.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import crm_desk.services.areas  # noqa: F401  (every service registers its operations)
from crm_desk.domain.aftercare import CHECKLIST_IDS, CallInput
from crm_desk.domain.errors import AccountDisabled, PermissionDenied
from crm_desk.domain.interviews import FollowUpInput, InterviewInput
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientQuery
from crm_desk.services.container import Services
from crm_desk.services.permissions import OPERATIONS, PERMISSIONS, Permission
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client, prc_id
from tests.complaint_support import RESOLUTION, answer, complaint_input
from tests.conftest import USER_PASSWORD, FakeClock, MakeUser
from tests.products_support import product_input

pytestmark = pytest.mark.db


@dataclass(frozen=True)
class Context:
    admin: Actor
    target: Actor  # an adviser of the admin's branch, the object of account operations
    other_branch_id: int
    folder: Path  # where files are exported, imported, written
    # Made by a case's ``prepare``, for the acting user:
    client_id: int = 0  # a client the actor serves: their own (an adviser), else the target's
    other_adviser_id: int = 0  # another adviser of the branch, to reassign to
    vulnerability_id: int = 0  # an open flag on client_id
    application_id: int = 0  # a pending application for a client of the target's
    follow_up: tuple[int, int] = (0, 0)  # (id, version): open, owned by the actor or the target
    preview: Any = None  # the actor's preview of an import file of one valid row
    draft: tuple[int, int] = (0, 0)  # (id, version): an assessment draft of client_id
    assessments: tuple[int, int] = (0, 0)  # confirmed, of client_id: the 2nd supersedes the 1st
    complaint: tuple[int, int] = (0, 0)  # (id, version): of client_id, handled by the actor
    product_id: int = 0  # a product on sale, version 1
    catalogue_preview: Any = None  # the actor's preview of a catalogue file of one new product
    callback: tuple[int, int] = (0, 0)  # (id, version): an open call the actor may make
    callback_case: int = 0  # an open case of a call (version 1)
    review: tuple[int, int] = (0, 0)  # (id, version): an open review of client_id's holding
    sale_id: int = 0  # a sale to client_id (its disclosure made with it)
    document_id: int = 0  # an archived document of client_id
    request_id: int = 0  # a pending exception request for client_id, by its adviser
    sale_products: tuple[int, int, int] = (0, 0, 0)  # on sale: fits, needs an exception, cooling


Call = Callable[[Services, Actor, Context], Any]
Prepare = Callable[[Services, Actor, Context], Context]


@dataclass(frozen=True)
class Case:
    call: Call
    # The audit actions a permitted call writes, in order (one: a str); None for a read.
    action: str | tuple[str, ...] | None
    prepare: Prepare | None = None


SETUP = Actor.system("test set-up")
CLIENT = 60  # numbered_client(CLIENT) is the prepared client's form


def owner(actor: Actor, c: Context) -> Actor:
    """Who serves the prepared client: the acting adviser, or the target for everyone else."""
    return actor if actor.role is Role.ADVISER else c.target


def with_client(s: Services, a: Actor, c: Context) -> Context:
    raw = numbered_client(CLIENT)
    detail = s.clients.create_client(SETUP, raw, adviser_id=owner(a, c).user_id)
    return replace(c, client_id=detail.id)


def with_flag(s: Services, a: Actor, c: Context) -> Context:
    c = with_client(s, a, c)
    detail = s.clients.set_vulnerability(owner(a, c), c.client_id, "illness", "In hospital")
    return replace(c, vulnerability_id=detail.vulnerabilities[0].id)


def with_application(s: Services, a: Actor, c: Context) -> Context:
    client = s.clients.create_client(SETUP, numbered_client(61), adviser_id=c.target.user_id)
    detail = s.clients.apply_professional(
        c.target,
        client.id,
        financial_assets="3500000",
        average_income="200000",
        experience_years="3",
        evidence="Bank statements 2024-2026 seen",
    )
    return replace(c, application_id=detail.applications[0].id)


def with_other_adviser(s: Services, a: Actor, c: Context) -> Context:
    c = with_client(s, a, c)
    other = s.users.create_user(
        c.admin,
        username="other.adviser",
        full_name="另一 顾问",
        role=Role.ADVISER,
        branch_id=c.admin.branch_id,
        temporary_password="temporary passphrase 8",
    )
    return replace(c, other_adviser_id=other.id)


HELD = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # the day before conftest's FakeClock


def interview() -> InterviewInput:
    return InterviewInput(occurred_at=HELD, channel="in_branch", purpose="Annual review")


def with_follow_up(s: Services, a: Actor, c: Context) -> Context:
    c = with_client(s, a, c)
    recorded = s.interviews.record_interview(
        owner(a, c), c.client_id, interview(), [FollowUpInput("Call back", date(2026, 12, 1))]
    )
    follow_up = recorded.follow_ups[0]
    return replace(c, follow_up=(follow_up.id, follow_up.version))


def with_complaint(s: Services, a: Actor, c: Context) -> Context:
    """A complaint of the prepared client, handled by the actor when they may handle one."""
    c = with_client(s, a, c)
    handler = a.user_id if a.role in (Role.ADVISER, Role.SUPERVISOR) else None
    d = s.complaints.register(
        owner(a, c), complaint_input(client_id=c.client_id, handler_id=handler)
    )
    return replace(c, complaint=(d.id, d.version))


def with_investigation(s: Services, a: Actor, c: Context) -> Context:
    c = with_complaint(s, a, c)
    d = s.complaints.start_investigation(a, *c.complaint, "")
    return replace(c, complaint=(d.id, d.version))


def with_resolution(s: Services, a: Actor, c: Context) -> Context:
    c = with_investigation(s, a, c)
    d = s.complaints.resolve(a, *c.complaint, RESOLUTION)
    return replace(c, complaint=(d.id, d.version))


def with_answer(s: Services, a: Actor, c: Context) -> Context:
    c = with_resolution(s, a, c)
    d = s.complaints.answer(a, *c.complaint, answer(FakeClock().now))
    return replace(c, complaint=(d.id, d.version))


IMPORT_HEADER = (
    "name,id_type,id_number,phone,email,address,occupation,income_band,financial_assets,"
    "experience_years,experience_types,objectives,horizon,liquidity,preferred_language,adviser"
)


def import_file(c: Context, actor: Actor) -> Path:
    raw = numbered_client(70)
    path = c.folder / f"import-{actor.username}.csv"
    path.write_text(
        IMPORT_HEADER
        + "\n"
        + ",".join(
            [
                raw.name,
                raw.id_type,
                raw.id_number,
                raw.phone,
                raw.email,
                raw.address,
                raw.occupation,
                raw.income_band,
                "1500000",
                raw.experience_years,
                ";".join(raw.experience_types),
                ";".join(raw.objectives),
                raw.horizon,
                raw.liquidity,
                raw.preferred_language,
                owner(actor, c).username,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def with_import_preview(s: Services, a: Actor, c: Context) -> Context:
    c = with_client(s, a, c)  # the data key is registered before the call
    return replace(c, preview=s.client_import.preview(a, import_file(c, a)))


def with_import_file(s: Services, a: Actor, c: Context) -> Context:
    import_file(c, a)
    return c


def every_answer(s: Services, **changes: list[str]) -> dict[str, list[str]]:
    """Each question of the default questionnaire answered with its first option."""
    [questionnaire] = s.assessments.questionnaires(SETUP)
    return {q.id: [q.options[0].id] for q in questionnaire.questions} | changes


def answered_draft(s: Services, a: Actor, c: Context, answers: dict[str, list[str]]) -> Context:
    c = with_client(s, a, c)
    draft = s.assessments.start(owner(a, c), c.client_id)
    draft = s.assessments.save_answers(owner(a, c), draft.id, draft.version, answers)
    return replace(c, draft=(draft.id, draft.version))


def with_draft(s: Services, a: Actor, c: Context) -> Context:
    return answered_draft(s, a, c, {"age": ["31_50"]})


def with_complete_draft(s: Services, a: Actor, c: Context) -> Context:
    return answered_draft(s, a, c, every_answer(s))


def with_contradiction(s: Services, a: Actor, c: Context) -> Context:
    answers = every_answer(s, experience_years=["none"], experience_products=["stocks"])
    return answered_draft(s, a, c, answers)


def with_assessments(s: Services, a: Actor, c: Context) -> Context:
    c = with_client(s, a, c)
    confirmed: list[int] = []
    for _ in range(2):
        draft = s.assessments.start(
            owner(a, c), c.client_id, supersedes_id=confirmed[-1] if confirmed else None
        )
        draft = s.assessments.save_answers(owner(a, c), draft.id, draft.version, every_answer(s))
        confirmed.append(s.assessments.confirm(owner(a, c), draft.id, draft.version, True).id)
    return replace(c, assessments=(confirmed[0], confirmed[1]))


def with_product(s: Services, a: Actor, c: Context) -> Context:
    return replace(c, product_id=s.products.create_product(SETUP, product_input("PM-01")).id)


CATALOGUE_FILE = (
    "code,name_zh,name_en,product_type,issuer,risk_level,horizon_months,redemption,min_amount,"
    "risk_factors_zh,risk_factors_en\n"
    "PM-NEW,新产品,New product,bond,某银行,R2,12,at_maturity,1000,利率风险,Interest rate risk\n"
)


def with_catalogue_file(s: Services, a: Actor, c: Context) -> Context:
    (c.folder / f"catalogue-{a.username}.csv").write_text(CATALOGUE_FILE, encoding="utf-8")
    return c


def with_catalogue_preview(s: Services, a: Actor, c: Context) -> Context:
    c = with_catalogue_file(s, a, c)
    preview = s.catalogue.preview_import(a, c.folder / f"catalogue-{a.username}.csv")
    return replace(c, catalogue_preview=preview)


def with_callback(s: Services, a: Actor, c: Context) -> Context:
    """A sale by the target adviser to an elderly client of theirs: a call the actor may make
    now (no cooling-off), being another adviser or a supervisor of the branch."""
    raw = numbered_client(62, id_number=prc_id("110105", date(1950, 3, 3), "062"))
    client = s.clients.create_client(SETUP, raw, adviser_id=c.target.user_id).id
    draft = s.assessments.start(c.target, client)
    draft = s.assessments.save_answers(c.target, draft.id, draft.version, BALANCED)
    s.assessments.confirm(c.target, draft.id, draft.version, True)
    product = s.products.create_product(SETUP, product_input("PM-CB", risk_level="R1")).id
    s.sales.record(c.target, client, product, "50000")
    task = s.callbacks.board(SETUP).all[0]
    return replace(c, callback=(task.id, task.version))


def with_callback_case(s: Services, a: Actor, c: Context) -> Context:
    c = with_callback(s, a, c)
    answers = dict.fromkeys(CHECKLIST_IDS, True) | {"contract_read": False}
    call = CallInput("reached", answers, notes="The client has not read the contract yet")
    recorded = s.callbacks.record_call(a, *c.callback, call)
    assert recorded.case_id is not None
    return replace(c, callback_case=recorded.case_id)


def with_review(s: Services, a: Actor, c: Context) -> Context:
    """The prepared client (C3) holds an R2 product that is re-rated R5."""
    c = with_client(s, a, c)
    adviser = owner(a, c)
    draft = s.assessments.start(adviser, c.client_id)
    draft = s.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    s.assessments.confirm(adviser, draft.id, draft.version, True)
    product = s.products.create_product(SETUP, product_input("PM-RV")).id
    s.sales.record(adviser, c.client_id, product, "50000")
    s.products.update_product(SETUP, product, 1, product_input("PM-RV", risk_level="R5"))
    review = s.reviews.reviews(SETUP).rows[0]
    return replace(c, review=(review.id, review.version))


def with_sale(s: Services, a: Actor, c: Context) -> Context:
    """The prepared client (C3) bought an R2 product: the disclosure was made with the sale."""
    c = with_client(s, a, c)
    adviser = owner(a, c)
    draft = s.assessments.start(adviser, c.client_id)
    draft = s.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    s.assessments.confirm(adviser, draft.id, draft.version, True)
    product = s.products.create_product(SETUP, product_input("PM-DOC")).id
    return replace(c, sale_id=s.sales.record(adviser, c.client_id, product, "50000").id)


def with_sale_before_documents(s: Services, a: Actor, c: Context) -> Context:
    """A sale recorded without its disclosure, as before disclosures came with the sale."""
    s.sales.after_sale.remove(s.documents.on_sale)
    try:
        return with_sale(s, a, c)
    finally:
        s.sales.after_sale.append(s.documents.on_sale)


def with_document(s: Services, a: Actor, c: Context) -> Context:
    c = with_sale(s, a, c)
    [document] = s.documents.sale_documents(SETUP, c.sale_id)
    return replace(c, document_id=document.id)


def with_sale_products(s: Services, a: Actor, c: Context) -> Context:
    """The prepared client assessed C3, and three products on sale: an R2 that fits, an R4 that
    needs an exception and an R3 private fund with 24 hours of cooling-off."""
    c = with_client(s, a, c)
    adviser = owner(a, c)
    draft = s.assessments.start(adviser, c.client_id)
    draft = s.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    s.assessments.confirm(adviser, draft.id, draft.version, True)
    fits = s.products.create_product(SETUP, product_input("SL-R2")).id
    risky = s.products.create_product(
        SETUP, product_input("SL-R4", product_type="public_fund", risk_level="R4")
    ).id
    cooling = s.products.create_product(
        SETUP,
        product_input(
            "SL-PF", product_type="private_fund", risk_level="R3", cooling_off_hours="24"
        ),
    ).id
    return replace(c, sale_products=(fits, risky, cooling))


def submit_exception(s: Services, a: Actor, c: Context) -> Any:
    return s.sales.submit_exception(
        a,
        c.client_id,
        c.sale_products[1],
        "20000",
        True,
        True,
        "客户书面坚持购买",
        "客户有五年基金投资经验，了解净值波动，仅配置少量比例。",
    )


def with_exception_request(s: Services, a: Actor, c: Context) -> Context:
    c = with_sale_products(s, a, c)
    return replace(c, request_id=submit_exception(s, owner(a, c), c).id)


def with_cooling_sale(s: Services, a: Actor, c: Context) -> Context:
    c = with_sale_products(s, a, c)
    sale = s.sales.record(owner(a, c), c.client_id, c.sale_products[2], "50000")
    return replace(c, sale_id=sale.id)


# Reads that leave an audit event all the same: compliance may make them.
AUDITED_READS = {
    "CatalogueService.export_catalogue": "products.exported",
    "ClientService.reveal": "client.revealed",
    "ClientExportService.export_clients": "clients.exported",
    "ComplaintReportService.export_report": "complaints.report_exported",
}
# Write no audit event, but are steps of a write: not reads for compliance. (An assessment
# draft's answers and explanations are audited when the assessment is confirmed.)
WRITE_STEPS = {
    "CatalogueService.preview_import",
    "ClientImportService.preview",
    "AssessmentService.save_answers",
    "AssessmentService.resolve_flag",
}


CASES: dict[str, Case] = {
    # -- disclosure documents
    "DocumentService.assessment_document": Case(
        lambda s, a, c: s.documents.assessment_document(a, c.assessments[1]),
        "document.generated",
        with_assessments,
    ),
    "DocumentService.sale_documents": Case(
        lambda s, a, c: s.documents.sale_documents(a, c.sale_id), None, with_sale
    ),
    "DocumentService.sale_disclosure": Case(
        lambda s, a, c: s.documents.sale_disclosure(a, c.sale_id),
        "document.generated",
        with_sale_before_documents,
    ),
    "DocumentService.reprint": Case(
        lambda s, a, c: s.documents.reprint(a, c.document_id), "document.reprinted", with_document
    ),
    "DocumentService.list_documents": Case(
        lambda s, a, c: s.documents.list_documents(a, client_id=c.client_id), None, with_document
    ),
    "DocumentService.today": Case(lambda s, a, c: s.documents.today(a), None),
    "DocumentService.pdf": Case(
        lambda s, a, c: s.documents.pdf(a, c.document_id), None, with_document
    ),
    "DocumentService.pdfs": Case(
        lambda s, a, c: s.documents.pdfs(a, [c.document_id]), None, with_document
    ),
    "DocumentService.verify": Case(
        lambda s, a, c: s.documents.verify(a, b"%PDF-1.4 not one of ours"), None
    ),
    # -- follow-up calls and suitability reviews
    "CallbackService.board": Case(lambda s, a, c: s.callbacks.board(a), None),
    "CallbackService.task_detail": Case(
        lambda s, a, c: s.callbacks.task_detail(a, c.callback[0]), None, with_callback
    ),
    "CallbackService.record_call": Case(
        lambda s, a, c: s.callbacks.record_call(
            a, *c.callback, CallInput("reached", dict.fromkeys(CHECKLIST_IDS, True))
        ),
        "callback.recorded",
        with_callback,
    ),
    "CallbackService.reveal_phone": Case(
        lambda s, a, c: s.callbacks.reveal_phone(a, c.callback[0]),
        "client.revealed",
        with_callback,
    ),
    "CallbackService.cases": Case(lambda s, a, c: s.callbacks.cases(a), None),
    "CallbackService.resolve_case": Case(
        lambda s, a, c: s.callbacks.resolve_case(
            a, c.callback_case, 1, "Explained the contract to the client again in the branch"
        ),
        "callback_case.resolved",
        with_callback_case,
    ),
    "ReviewService.reviews": Case(lambda s, a, c: s.reviews.reviews(a), None),
    "ReviewService.close_review": Case(
        lambda s, a, c: s.reviews.close_review(
            a, *c.review, "client_informed", "Told the client the product is now R5"
        ),
        "suitability_review.closed",
        with_review,
    ),
    # -- the product catalogue
    "ProductService.list_products": Case(lambda s, a, c: s.products.list_products(a), None),
    "ProductService.get_product": Case(
        lambda s, a, c: s.products.get_product(a, c.product_id), None, with_product
    ),
    "ProductService.get_by_code": Case(
        lambda s, a, c: s.products.get_by_code(a, "PM-01"), None, with_product
    ),
    "ProductService.create_product": Case(
        lambda s, a, c: s.products.create_product(a, product_input("PM-02")), "product.created"
    ),
    "ProductService.update_product": Case(
        lambda s, a, c: s.products.update_product(
            a, c.product_id, 1, product_input("PM-01", min_amount="2000")
        ),
        "product.updated",
        with_product,
    ),
    "ProductService.set_status": Case(
        lambda s, a, c: s.products.set_status(a, c.product_id, 1, "suspended", "Issuer paused"),
        "product.status_changed",
        with_product,
    ),
    "CatalogueService.preview_import": Case(
        lambda s, a, c: s.catalogue.preview_import(a, c.folder / f"catalogue-{a.username}.csv"),
        None,
        with_catalogue_file,
    ),
    "CatalogueService.import_catalogue": Case(
        lambda s, a, c: s.catalogue.import_catalogue(a, c.catalogue_preview),
        ("product.created", "products.imported"),
        with_catalogue_preview,
    ),
    "CatalogueService.export_catalogue": Case(
        lambda s, a, c: s.catalogue.export_catalogue(a, c.folder / f"catalogue-{a.username}.xlsx"),
        "products.exported",
        with_product,
    ),
    "AuditService.list_events": Case(lambda s, a, c: s.audit.list_events(a), None),
    "AuditService.my_activity": Case(lambda s, a, c: s.audit.my_activity(a), None),
    "AuditService.verify": Case(lambda s, a, c: s.audit.verify(a), None),
    "AuthService.unlock_session": Case(
        lambda s, a, c: s.auth.unlock_session(a, USER_PASSWORD), "auth.session_unlocked"
    ),
    "AuthService.record_idle_lock": Case(
        lambda s, a, c: s.auth.record_idle_lock(a), "auth.session_locked"
    ),
    "AuthService.sign_out": Case(lambda s, a, c: s.auth.sign_out(a), "auth.signed_out"),
    "AuthService.change_password": Case(
        lambda s, a, c: s.auth.change_password(a, USER_PASSWORD, "a fresh passphrase 77"),
        "user.password_changed",
    ),
    "UserService.list_users": Case(lambda s, a, c: s.users.list_users(a), None),
    "UserService.list_branches": Case(lambda s, a, c: s.users.list_branches(a), None),
    "UserService.create_user": Case(
        lambda s, a, c: s.users.create_user(
            a,
            username="new.adviser",
            full_name="新 顾问",
            role=Role.ADVISER,
            branch_id=c.other_branch_id,
            temporary_password="temporary passphrase 9",
        ),
        "user.created",
    ),
    "UserService.set_active": Case(
        lambda s, a, c: s.users.set_active(a, c.target.user_id, False), "user.disabled"
    ),
    "UserService.change_role": Case(
        lambda s, a, c: s.users.change_role(a, c.target.user_id, Role.SUPERVISOR),
        "user.role_changed",
    ),
    "UserService.reset_password": Case(
        lambda s, a, c: s.users.reset_password(a, c.target.user_id, "reset passphrase 2026"),
        "user.password_reset",
    ),
    "UserService.create_branch": Case(
        lambda s, a, c: s.users.create_branch(a, code="GZ-009", name="广州天河支行"),
        "branch.created",
    ),
    "UserService.rename_branch": Case(
        lambda s, a, c: s.users.rename_branch(a, c.other_branch_id, "北京金融街支行"),
        "branch.renamed",
    ),
    # -- clients
    "ClientService.get_client": Case(
        lambda s, a, c: s.clients.get_client(a, c.client_id), None, with_client
    ),
    "ClientService.timeline": Case(
        lambda s, a, c: s.clients.timeline(a, c.client_id), None, with_client
    ),
    "ClientService.reveal": Case(
        lambda s, a, c: s.clients.reveal(a, c.client_id, "id_number"),
        "client.revealed",
        with_client,
    ),
    "ClientService.create_client": Case(
        lambda s, a, c: s.clients.create_client(
            a,
            numbered_client(77),
            adviser_id=None if a.role is Role.ADVISER else c.target.user_id,
        ),
        "client.created",
        with_client,  # registers the data key first: the call writes one event
    ),
    "ClientService.update_client": Case(
        lambda s, a, c: s.clients.update_client(
            a, c.client_id, 1, numbered_client(CLIENT, occupation="教师")
        ),
        "client.updated",
        with_client,
    ),
    "ClientService.reassign": Case(
        lambda s, a, c: s.clients.reassign(a, c.client_id, c.other_adviser_id),
        "client.reassigned",
        with_other_adviser,
    ),
    "ClientService.set_vulnerability": Case(
        lambda s, a, c: s.clients.set_vulnerability(
            a, c.client_id, "hearing_vision", "Hard of hearing; speak slowly"
        ),
        "client.vulnerability_set",
        with_client,
    ),
    "ClientService.clear_vulnerability": Case(
        lambda s, a, c: s.clients.clear_vulnerability(a, c.vulnerability_id, "Back home, well"),
        "client.vulnerability_cleared",
        with_flag,
    ),
    "ClientService.apply_professional": Case(
        lambda s, a, c: s.clients.apply_professional(
            a,
            c.client_id,
            financial_assets="3500000",
            average_income="200000",
            experience_years="3",
            evidence="Bank statements 2024-2026 seen",
        ),
        "client.professional_applied",
        with_client,
    ),
    "ClientService.decide_professional": Case(
        lambda s, a, c: s.clients.decide_professional(
            a, c.application_id, True, "Evidence checked and sufficient"
        ),
        "client.professional_decided",
        with_application,
    ),
    "ClientService.pending_applications": Case(
        lambda s, a, c: s.clients.pending_applications(a), None, with_application
    ),
    "ClientService.count_clients": Case(
        lambda s, a, c: s.clients.count_clients(a, ClientQuery()), None, with_client
    ),
    "ClientService.search": Case(
        lambda s, a, c: s.clients.search(a, ClientQuery(text="客户")), None, with_client
    ),
    "ClientService.client_page": Case(
        lambda s, a, c: s.clients.client_page(a, ClientQuery(text="客户")), None, with_client
    ),
    "ClientService.anchors": Case(
        lambda s, a, c: s.clients.anchors(a, ClientQuery()), None, with_client
    ),
    "ClientService.advisers": Case(lambda s, a, c: s.clients.advisers(a), None),
    "KeyService.export_key": Case(
        lambda s, a, c: s.keys.export_key(a, c.folder / "exported.key"), "key.exported"
    ),
    # -- interviews and follow-ups
    "InterviewService.record_interview": Case(
        lambda s, a, c: s.interviews.record_interview(a, c.client_id, interview()),
        "interview.recorded",
        with_client,
    ),
    "InterviewService.interviews": Case(
        lambda s, a, c: s.interviews.interviews(a, c.client_id), None, with_client
    ),
    "InterviewService.client_follow_ups": Case(
        lambda s, a, c: s.interviews.client_follow_ups(a, c.client_id), None, with_client
    ),
    "InterviewService.timeline_entries": Case(
        lambda s, a, c: s.interviews.timeline_entries(a, c.client_id), None, with_client
    ),
    "InterviewService.follow_up_owners": Case(
        lambda s, a, c: s.interviews.follow_up_owners(a, c.client_id), None, with_client
    ),
    "InterviewService.my_follow_ups": Case(lambda s, a, c: s.interviews.my_follow_ups(a), None),
    "InterviewService.complete_follow_up": Case(
        lambda s, a, c: s.interviews.complete_follow_up(
            a, *c.follow_up, "Called; the client confirmed"
        ),
        "follow_up.done",
        with_follow_up,
    ),
    "InterviewService.snooze_follow_up": Case(
        lambda s, a, c: s.interviews.snooze_follow_up(
            a, *c.follow_up, date(2026, 12, 20), "Client travelling until the 20th"
        ),
        "follow_up.snoozed",
        with_follow_up,
    ),
    # -- risk-tolerance assessments
    "AssessmentService.questionnaires": Case(lambda s, a, c: s.assessments.questionnaires(a), None),
    "AssessmentService.start": Case(
        lambda s, a, c: s.assessments.start(a, c.client_id), "assessment.started", with_client
    ),
    "AssessmentService.open_draft": Case(
        lambda s, a, c: s.assessments.open_draft(a, c.client_id), None, with_draft
    ),
    "AssessmentService.save_answers": Case(
        lambda s, a, c: s.assessments.save_answers(a, *c.draft, {"horizon": ["3_5y"]}),
        None,
        with_draft,
    ),
    "AssessmentService.resolve_flag": Case(
        lambda s, a, c: s.assessments.resolve_flag(
            a, *c.draft, "no_experience_vs_stocks", "Holds shares from an employee plan"
        ),
        None,
        with_contradiction,
    ),
    "AssessmentService.discard": Case(
        lambda s, a, c: s.assessments.discard(a, c.draft[0]), "assessment.discarded", with_draft
    ),
    "AssessmentService.confirm": Case(
        lambda s, a, c: s.assessments.confirm(a, *c.draft, True),
        "assessment.confirmed",
        with_complete_draft,
    ),
    "AssessmentService.history": Case(
        lambda s, a, c: s.assessments.history(a, c.client_id), None, with_assessments
    ),
    "AssessmentService.get": Case(
        lambda s, a, c: s.assessments.get(a, c.assessments[1]), None, with_assessments
    ),
    "AssessmentService.compare": Case(
        lambda s, a, c: s.assessments.compare(a, *c.assessments), None, with_assessments
    ),
    "AssessmentService.current": Case(
        lambda s, a, c: s.assessments.current(a, c.client_id), None, with_assessments
    ),
    "AssessmentService.reminders": Case(
        lambda s, a, c: s.assessments.reminders(a), None, with_assessments
    ),
    # -- sales and exception requests
    "SaleService.shelf": Case(
        lambda s, a, c: s.sales.shelf(a, c.client_id), None, with_sale_products
    ),
    "SaleService.check": Case(
        lambda s, a, c: s.sales.check(a, c.client_id, c.sale_products[0], "50000"),
        None,
        with_sale_products,
    ),
    "SaleService.record": Case(
        lambda s, a, c: s.sales.record(a, c.client_id, c.sale_products[0], "50000"),
        ("sale.recorded", "callback.created"),  # the client is 65 or over: a follow-up call
        with_sale_products,
    ),
    "SaleService.submit_exception": Case(
        submit_exception, "exception.submitted", with_sale_products
    ),
    "SaleService.approve": Case(
        lambda s, a, c: s.sales.approve(a, c.request_id, "同意，客户经验充分"),
        ("exception.approved", "sale.recorded", "callback.created"),
        with_exception_request,
    ),
    "SaleService.reject": Case(
        lambda s, a, c: s.sales.reject(a, c.request_id, "不同意，金额过大"),
        "exception.rejected",
        with_exception_request,
    ),
    "SaleService.exception_queue": Case(
        lambda s, a, c: s.sales.exception_queue(a), None, with_exception_request
    ),
    "SaleService.my_requests": Case(
        lambda s, a, c: s.sales.my_requests(a), None, with_exception_request
    ),
    "SaleService.client_requests": Case(
        lambda s, a, c: s.sales.client_requests(a, c.client_id), None, with_exception_request
    ),
    "SaleService.exception_detail": Case(
        lambda s, a, c: s.sales.exception_detail(a, c.request_id), None, with_exception_request
    ),
    "SaleService.client_sales": Case(
        lambda s, a, c: s.sales.client_sales(a, c.client_id), None, with_cooling_sale
    ),
    "SaleService.get_sale": Case(
        lambda s, a, c: s.sales.get_sale(a, c.sale_id), None, with_cooling_sale
    ),
    "SaleService.cancel": Case(
        lambda s, a, c: s.sales.cancel(a, c.sale_id, "客户冷静期内改变主意"),
        ("sale.cancelled", "callback.cancelled"),
        with_cooling_sale,
    ),
    "SaleService.correct": Case(
        lambda s, a, c: s.sales.correct(a, c.sale_id, "合同编号应为 HT-2026-0042"),
        "sale.corrected",
        with_cooling_sale,
    ),
    # -- import and export
    "ClientImportService.preview": Case(
        lambda s, a, c: s.client_import.preview(a, c.folder / f"import-{a.username}.csv"),
        None,
        with_import_file,
    ),
    "ClientImportService.commit_import": Case(
        lambda s, a, c: s.client_import.commit_import(a, c.preview, "all"),
        ("client.created", "clients.imported"),
        with_import_preview,
    ),
    "ClientExportService.export_clients": Case(
        lambda s, a, c: s.client_export.export_clients(
            a, ClientQuery(), c.folder / f"export-{a.username}.csv"
        ),
        "clients.exported",
        with_client,
    ),
    # -- complaints
    "ComplaintService.register": Case(
        lambda s, a, c: s.complaints.register(a, complaint_input(client_id=c.client_id)),
        "complaint.accepted",
        with_client,
    ),
    "ComplaintService.start_investigation": Case(
        lambda s, a, c: s.complaints.start_investigation(a, *c.complaint, "Fee sheet"),
        "complaint.investigating",
        with_complaint,
    ),
    "ComplaintService.resolve": Case(
        lambda s, a, c: s.complaints.resolve(a, *c.complaint, RESOLUTION),
        "complaint.resolved",
        with_investigation,
    ),
    "ComplaintService.answer": Case(
        lambda s, a, c: s.complaints.answer(a, *c.complaint, answer(FakeClock().now)),
        "complaint.answered",
        with_resolution,
    ),
    "ComplaintService.extend": Case(
        lambda s, a, c: s.complaints.extend(a, *c.complaint, "Needs the recordings"),
        "complaint.extended",
        with_complaint,
    ),
    "ComplaintService.reassign": Case(
        lambda s, a, c: s.complaints.reassign(a, *c.complaint, c.target.user_id, "Cover"),
        "complaint.reassigned",
        with_complaint,
    ),
    "ComplaintService.reopen": Case(
        lambda s, a, c: s.complaints.reopen(a, *c.complaint, "Client disputes the answer"),
        "complaint.reopened",
        with_answer,
    ),
    "ComplaintService.get": Case(
        lambda s, a, c: s.complaints.get(a, c.complaint[0]), None, with_complaint
    ),
    "ComplaintService.complaints": Case(
        lambda s, a, c: s.complaints.complaints(a), None, with_complaint
    ),
    "ComplaintService.deadline_counts": Case(lambda s, a, c: s.complaints.deadline_counts(a), None),
    "ComplaintService.choices": Case(
        lambda s, a, c: s.complaints.choices(a, c.client_id), None, with_client
    ),
    "ComplaintReportService.report": Case(
        lambda s, a, c: s.complaint_reports.report(a, date(2026, 11, 1), date(2026, 11, 30)),
        None,
        with_complaint,
    ),
    "ComplaintReportService.export_report": Case(
        lambda s, a, c: s.complaint_reports.export_report(
            a, date(2026, 11, 1), date(2026, 11, 30), c.folder / f"complaints-{a.username}.xlsx"
        ),
        "complaints.report_exported",
        with_complaint,
    ),
}

MATRIX = [
    pytest.param(name, role, id=f"{name}-{role.value}")
    for name, role in itertools.product(sorted(CASES), list(Role))
]


def test_every_operation_has_a_case() -> None:
    assert set(OPERATIONS), "no operation registered: the services were not imported"
    assert set(CASES) == set(OPERATIONS)


def test_the_table_covers_every_permission_and_gives_every_role_its_own_account() -> None:
    assert set(PERMISSIONS) == set(Permission)
    assert set(OPERATIONS.values()) <= set(PERMISSIONS)
    assert PERMISSIONS[Permission.OWN_ACCOUNT] == frozenset(Role)


def test_compliance_reads_everything_and_changes_nothing() -> None:
    for name, permission in OPERATIONS.items():
        if permission is Permission.OWN_ACCOUNT:
            continue
        if Role.COMPLIANCE in PERMISSIONS[permission]:
            assert CASES[name].action in (None, AUDITED_READS.get(name)), (
                f"compliance may write through {name}"
            )
    reads = [name for name, case in CASES.items() if case.action is None]
    reads += list(AUDITED_READS)
    assert not set(WRITE_STEPS) & set(AUDITED_READS)
    missing = [
        n
        for n in reads
        if n not in WRITE_STEPS and Role.COMPLIANCE not in PERMISSIONS[OPERATIONS[n]]
    ]
    assert missing == []
    assert all(CASES[name].action is None for name in WRITE_STEPS)


def test_only_administrators_change_accounts_and_branches() -> None:
    for name, permission in OPERATIONS.items():
        if name.startswith(("UserService.", "KeyService.")) and CASES[name].action is not None:
            assert PERMISSIONS[permission] == {Role.ADMINISTRATOR}, name


def test_only_those_who_serve_clients_change_client_records() -> None:
    """Advisers and supervisors; administrators see no client at all."""
    client_services = (
        "ClientService.",
        "InterviewService.",
        "ClientImportService.",
        "AssessmentService.",
        "SaleService.",
    )
    for name, permission in OPERATIONS.items():
        if name.startswith(client_services) and name not in AUDITED_READS:
            roles = PERMISSIONS[permission]
            assert Role.ADMINISTRATOR not in roles, name
            if CASES[name].action is not None:
                assert roles <= {Role.ADVISER, Role.SUPERVISOR}, name


@pytest.fixture
def context(services: Services, admin: Actor, make_user: MakeUser, tmp_path: Path) -> Context:
    target = make_user(Role.ADVISER, username="target.adviser")
    other = services.users.create_branch(admin, code="BJ-002", name="北京支行")
    folder = tmp_path / "files"
    folder.mkdir()
    return Context(admin=admin, target=target, other_branch_id=other.id, folder=folder)


def last_seq(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


@pytest.mark.parametrize(("name", "role"), MATRIX)
def test_permission_matrix(
    name: str, role: Role, services: Services, make_user: MakeUser, context: Context
) -> None:
    actor = make_user(role, username=f"acting.{role.value}")
    case = CASES[name]
    permitted = role in PERMISSIONS[OPERATIONS[name]]
    if permitted and case.prepare is not None:
        context = case.prepare(services, actor, context)
    before = last_seq(services, context.admin)

    if permitted:
        case.call(services, actor, context)
        written = services.audit.list_events(context.admin, limit=50)
        written = [event for event in reversed(written) if event.seq > before]
        if case.action is None:
            assert written == [], f"a read wrote {[e.action for e in written]}"
        else:
            actions = (case.action,) if isinstance(case.action, str) else case.action
            assert [(e.action, e.actor_id) for e in written] == [
                (action, actor.user_id) for action in actions
            ]
    else:
        with pytest.raises(PermissionDenied) as denied:
            case.call(services, actor, context)
        assert denied.value.params["role"] == role.value
        assert name in denied.value.params["operation"]
        assert last_seq(services, context.admin) == before, "a refused call left an audit event"


def test_a_refused_call_changes_nothing(
    services: Services, admin: Actor, make_user: MakeUser, context: Context
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.users.set_active(supervisor, context.target.user_id, False)
    with pytest.raises(PermissionDenied):
        services.users.create_branch(supervisor, code="XX-1", name="Nowhere")
    target = next(u for u in services.users.list_users(admin) if u.id == context.target.user_id)
    assert target.is_active
    assert "XX-1" not in {b.code for b in services.users.list_branches(admin)}


def test_a_disabled_user_is_refused_at_the_next_operation(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    services.users.list_users(supervisor)
    services.users.set_active(admin, supervisor.user_id, False)
    before = last_seq(services, admin)
    with pytest.raises(AccountDisabled):
        services.users.list_users(supervisor)
    with pytest.raises(AccountDisabled):
        services.audit.my_activity(supervisor)
    with pytest.raises(AccountDisabled):
        services.auth.sign_out(supervisor)
    assert last_seq(services, admin) == before


def test_a_forged_administrator_actor_is_judged_by_the_stored_role(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    forged = Actor(
        adviser.user_id,
        "admin",
        "王管理",
        Role.ADMINISTRATOR,
        adviser.branch_id,
        adviser.branch_name,
    )
    before = last_seq(services, admin)
    with pytest.raises(PermissionDenied) as denied:
        services.users.create_branch(forged, code="HACK-1", name="Forged branch")
    assert denied.value.params["role"] == "adviser"
    with pytest.raises(PermissionDenied):
        services.users.change_role(forged, adviser.user_id, Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        services.audit.list_events(forged)
    assert last_seq(services, admin) == before
    assert "HACK-1" not in {b.code for b in services.users.list_branches(admin)}


def test_a_forged_actor_of_a_user_that_does_not_exist_is_refused(
    services: Services, admin: Actor
) -> None:
    ghost = Actor(10_000, "ghost", "Ghost", Role.ADMINISTRATOR, admin.branch_id)
    with pytest.raises(AccountDisabled):
        services.users.list_users(ghost)


def test_a_role_change_takes_effect_at_the_next_operation(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    with pytest.raises(PermissionDenied):
        services.users.list_users(adviser)
    services.users.change_role(admin, adviser.user_id, Role.SUPERVISOR)
    assert services.users.list_users(adviser)  # the stale Actor still says adviser

    second_admin = make_user(Role.ADMINISTRATOR)
    services.users.create_branch(second_admin, code="CD-003", name="成都支行")
    services.users.change_role(admin, second_admin.user_id, Role.COMPLIANCE)
    with pytest.raises(PermissionDenied) as denied:
        services.users.create_branch(second_admin, code="CD-004", name="成都二支行")
    assert denied.value.params["role"] == "compliance"
