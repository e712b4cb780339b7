"""What a sale froze, read back: the client's snapshot, the product's terms, every rule outcome,
the policy version, the exception and its approval, and any cancellation or correction.

Plain functions taking the caller's unit of work (no permission check: the caller's operation
has made it), so the disclosure work renders a sale's documents from the same facts the sale
screen shows, years later, whatever changed in the catalogue or the policy since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from crm_desk.db.models import Branch
from crm_desk.db.models_sales import ExceptionRequest, Sale, SaleCancellation, SaleCorrection
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.errors import NotFound
from crm_desk.domain.products import ProductTerms
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.sales import ExceptionStatus
from crm_desk.domain.suitability import AssessmentFacts, ClientSnapshot, Evaluation, Verdict
from crm_desk.services.clients import user_names

# -- the client's snapshot as JSON ------------------------------------------------------------


def snapshot_to_json(snapshot: ClientSnapshot) -> dict[str, Any]:
    assessment = snapshot.assessment
    return {
        "client_id": snapshot.client_id,
        "name": snapshot.name,
        "as_of": snapshot.as_of.isoformat(),
        "investor_type": snapshot.investor_type.value,
        "birth_date": snapshot.birth_date.isoformat(),
        "horizon": snapshot.horizon.value,
        "objectives": [o.value for o in snapshot.objectives],
        "experience_years": snapshot.experience_years,
        "experience_types": [e.value for e in snapshot.experience_types],
        "financial_assets": str(snapshot.financial_assets),
        "preferred_language": snapshot.preferred_language,
        "assessment": None
        if assessment is None
        else {
            "assessment_id": assessment.assessment_id,
            "level": assessment.level.value,
            "lowest_category": assessment.lowest_category,
            "assessed_on": assessment.assessed_on.isoformat(),
            "valid_until": assessment.valid_until.isoformat(),
        },
    }


def snapshot_from_json(data: dict[str, Any]) -> ClientSnapshot:
    raw = data.get("assessment")
    assessment = (
        None
        if raw is None
        else AssessmentFacts(
            assessment_id=int(raw["assessment_id"]),
            level=RiskLevel(raw["level"]),
            lowest_category=bool(raw["lowest_category"]),
            assessed_on=date.fromisoformat(raw["assessed_on"]),
            valid_until=date.fromisoformat(raw["valid_until"]),
        )
    )
    return ClientSnapshot(
        client_id=int(data["client_id"]),
        name=data["name"],
        as_of=date.fromisoformat(data["as_of"]),
        investor_type=InvestorType(data["investor_type"]),
        birth_date=date.fromisoformat(data["birth_date"]),
        horizon=Horizon(data["horizon"]),
        objectives=tuple(Objective(o) for o in data["objectives"]),
        experience_years=int(data["experience_years"]),
        experience_types=tuple(ProductExperience(e) for e in data["experience_types"]),
        financial_assets=Decimal(data["financial_assets"]),
        preferred_language=data["preferred_language"],
        assessment=assessment,
    )


def dump(data: dict[str, Any]) -> str:
    """The stored text of a frozen fact: stable key order, Chinese kept readable."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def load_snapshot(text: str) -> ClientSnapshot:
    return snapshot_from_json(json.loads(text))


def load_terms(text: str) -> ProductTerms:
    return ProductTerms.from_json(json.loads(text))


def load_evaluation(text: str) -> Evaluation:
    return Evaluation.from_json(json.loads(text))


# -- the facts ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CancellationFacts:
    reason: str
    cancelled_at: datetime
    cancelled_by_id: int
    cancelled_by: str


@dataclass(frozen=True, slots=True)
class CorrectionFacts:
    id: int
    note: str
    corrected_at: datetime
    corrected_by_id: int
    corrected_by: str


@dataclass(frozen=True, slots=True)
class ExceptionRequestFacts:
    """An exception request as submitted (the special risk warning's facts) and as decided."""

    request_id: int
    client_id: int
    product_id: int
    adviser_id: int
    adviser_name: str
    branch_id: int
    branch_code: str
    branch_name: str
    amount: Decimal
    currency: str
    client_snapshot: ClientSnapshot  # as evaluated at submission
    product_terms: ProductTerms
    evaluation: Evaluation  # at submission
    policy_version: str
    warning_given: bool
    warning_given_at: datetime | None
    client_insists: bool
    insistence_text: str
    justification: str
    status: ExceptionStatus
    submitted_at: datetime
    due_at: datetime
    decided_by_id: int | None
    decided_by: str | None
    decided_at: datetime | None
    decision_comment: str | None
    decision_evaluation: Evaluation | None  # the engine's run at the decision (approval/lapse)
    sale_id: int | None


@dataclass(frozen=True, slots=True)
class SaleFacts:
    """Everything a sale froze when it was made; never changes (the rows cannot)."""

    sale_id: int
    client_id: int
    product_id: int
    adviser_id: int  # the selling adviser
    adviser_name: str
    branch_id: int
    branch_code: str
    branch_name: str
    amount: Decimal
    currency: str
    verdict: Verdict  # SUITABLE, or NEEDS_EXCEPTION for an approved exception
    needs_review: bool
    client_snapshot: ClientSnapshot
    product_terms: ProductTerms
    evaluation: Evaluation  # every rule with its outcome, message and basis
    policy_version: str
    assessment_id: int | None
    client_level: str | None
    product_level: str
    recorded_at: datetime
    recorded_by_id: int
    recorded_by: str
    cooling_off_ends_at: datetime | None
    approved_by_id: int | None
    approved_by: str | None
    exception: ExceptionRequestFacts | None
    cancellation: CancellationFacts | None
    corrections: tuple[CorrectionFacts, ...]

    @property
    def cancelled(self) -> bool:
        return self.cancellation is not None


def _branch(uow: UnitOfWork, branch_id: int) -> tuple[str, str]:
    row = uow.session.execute(select(Branch.code, Branch.name).where(Branch.id == branch_id)).one()
    return row.code, row.name


def request_facts(uow: UnitOfWork, row: ExceptionRequest) -> ExceptionRequestFacts:
    names = user_names(uow, {row.adviser_id, row.decided_by})
    code, name = _branch(uow, row.branch_id)
    return ExceptionRequestFacts(
        request_id=row.id,
        client_id=row.client_id,
        product_id=row.product_id,
        adviser_id=row.adviser_id,
        adviser_name=names.get(row.adviser_id, "?"),
        branch_id=row.branch_id,
        branch_code=code,
        branch_name=name,
        amount=Decimal(row.amount),
        currency=row.currency,
        client_snapshot=load_snapshot(row.client_snapshot),
        product_terms=load_terms(row.product_terms),
        evaluation=load_evaluation(row.evaluation),
        policy_version=row.policy_version,
        warning_given=row.warning_given,
        warning_given_at=row.warning_given_at,
        client_insists=row.client_insists,
        insistence_text=row.insistence_text,
        justification=row.justification,
        status=ExceptionStatus(row.status),
        submitted_at=row.submitted_at,
        due_at=row.due_at,
        decided_by_id=row.decided_by,
        decided_by=names.get(row.decided_by) if row.decided_by is not None else None,
        decided_at=row.decided_at,
        decision_comment=row.decision_comment,
        decision_evaluation=(
            load_evaluation(row.decision_evaluation) if row.decision_evaluation else None
        ),
        sale_id=row.sale_id,
    )


def exception_facts(uow: UnitOfWork, request_id: int) -> ExceptionRequestFacts:
    row = uow.session.get(ExceptionRequest, request_id)
    if row is None:
        raise NotFound("exception request", request_id)
    return request_facts(uow, row)


def sale_facts(uow: UnitOfWork, sale_id: int) -> SaleFacts:
    sale = uow.session.get(Sale, sale_id)
    if sale is None:
        raise NotFound("sale", sale_id)
    cancellation = uow.session.execute(
        select(SaleCancellation).where(SaleCancellation.sale_id == sale.id)
    ).scalar_one_or_none()
    corrections = (
        uow.session.execute(
            select(SaleCorrection)
            .where(SaleCorrection.sale_id == sale.id)
            .order_by(SaleCorrection.corrected_at, SaleCorrection.id)
        )
        .scalars()
        .all()
    )
    names = user_names(
        uow,
        {sale.adviser_id, sale.recorded_by, sale.approved_by}
        | ({cancellation.cancelled_by} if cancellation else set())
        | {c.corrected_by for c in corrections},
    )
    request = (
        uow.session.get(ExceptionRequest, sale.exception_request_id)
        if sale.exception_request_id is not None
        else None
    )
    code, name = _branch(uow, sale.branch_id)
    return SaleFacts(
        sale_id=sale.id,
        client_id=sale.client_id,
        product_id=sale.product_id,
        adviser_id=sale.adviser_id,
        adviser_name=names.get(sale.adviser_id, "?"),
        branch_id=sale.branch_id,
        branch_code=code,
        branch_name=name,
        amount=Decimal(sale.amount),
        currency=sale.currency,
        verdict=Verdict(sale.verdict),
        needs_review=sale.needs_review,
        client_snapshot=load_snapshot(sale.client_snapshot),
        product_terms=load_terms(sale.product_terms),
        evaluation=load_evaluation(sale.evaluation),
        policy_version=sale.policy_version,
        assessment_id=sale.assessment_id,
        client_level=sale.client_level,
        product_level=sale.product_level,
        recorded_at=sale.recorded_at,
        recorded_by_id=sale.recorded_by,
        recorded_by=names.get(sale.recorded_by, "?"),
        cooling_off_ends_at=sale.cooling_off_ends_at,
        approved_by_id=sale.approved_by,
        approved_by=names.get(sale.approved_by) if sale.approved_by is not None else None,
        exception=request_facts(uow, request) if request is not None else None,
        cancellation=(
            CancellationFacts(
                reason=cancellation.reason,
                cancelled_at=cancellation.cancelled_at,
                cancelled_by_id=cancellation.cancelled_by,
                cancelled_by=names.get(cancellation.cancelled_by, "?"),
            )
            if cancellation is not None
            else None
        ),
        corrections=tuple(
            CorrectionFacts(
                id=c.id,
                note=c.note,
                corrected_at=c.corrected_at,
                corrected_by_id=c.corrected_by,
                corrected_by=names.get(c.corrected_by, "?"),
            )
            for c in corrections
        ),
    )
