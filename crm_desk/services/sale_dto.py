"""What the sales screens show: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from crm_desk.domain.clients import Vulnerability
from crm_desk.domain.products import ProductTerms
from crm_desk.domain.sales import ExceptionStatus, SaleState
from crm_desk.domain.suitability import ClientSnapshot, Evaluation, Verdict


@dataclass(frozen=True, slots=True)
class ShelfItem:
    """A product on sale and the verdict for this client at ``amount`` (the product's minimum
    unless the adviser gave one)."""

    product_id: int
    terms: ProductTerms
    amount: Decimal
    evaluation: Evaluation

    @property
    def verdict(self) -> Verdict:
        return self.evaluation.verdict


@dataclass(frozen=True, slots=True)
class SaleCheck:
    """The verdict shown before anything is saved."""

    client_id: int
    client_name: str
    product_id: int
    terms: ProductTerms
    amount: Decimal
    evaluation: Evaluation
    pending_request_id: int | None  # an exception for this product already waits for a decision


@dataclass(frozen=True, slots=True)
class CancellationDTO:
    reason: str
    cancelled_at: datetime
    cancelled_by: str


@dataclass(frozen=True, slots=True)
class CorrectionDTO:
    id: int
    note: str
    corrected_at: datetime
    corrected_by: str


@dataclass(frozen=True, slots=True)
class SaleDTO:
    id: int
    client_id: int
    client_name: str
    product_id: int
    terms: ProductTerms  # as frozen by the sale
    amount: Decimal
    currency: str
    verdict: Verdict
    needs_review: bool
    evaluation: Evaluation
    policy_version: str
    client_level: str | None
    product_level: str
    adviser_id: int
    adviser_name: str
    recorded_at: datetime
    recorded_by: str
    cooling_off_ends_at: datetime | None
    state: SaleState
    approved_by: str | None
    exception_request_id: int | None
    cancellation: CancellationDTO | None
    corrections: tuple[CorrectionDTO, ...]

    @property
    def may_cancel(self) -> bool:
        return self.state is SaleState.COOLING_OFF


@dataclass(frozen=True, slots=True)
class ExceptionRequestDTO:
    id: int
    version: int
    client_id: int
    client_name: str
    product_id: int
    terms: ProductTerms  # as evaluated at submission
    amount: Decimal
    currency: str
    client_level: str | None
    adviser_id: int
    adviser_name: str
    status: ExceptionStatus
    submitted_at: datetime
    due_at: datetime
    age: timedelta  # waiting so far, or until the decision
    overdue: bool  # still pending after the policy deadline
    evaluation: Evaluation  # at submission
    decision_evaluation: Evaluation | None  # at the decision: the sale's, or why it lapsed
    warning_given: bool
    warning_given_at: datetime | None
    client_insists: bool
    insistence_text: str
    justification: str
    decided_by: str | None
    decided_at: datetime | None
    decision_comment: str | None
    sale_id: int | None
    # Four eyes: False for the selling adviser and the client's own adviser (and non-supervisors).
    may_decide: bool


@dataclass(frozen=True, slots=True)
class ExceptionDetail:
    """One screen for the decision: the request, the client's profile now and at submission,
    and the verdict the engine gives today (what approval would store)."""

    request: ExceptionRequestDTO
    client: ClientSnapshot  # today
    client_at_submission: ClientSnapshot
    client_age: int
    elderly: bool
    vulnerabilities: tuple[Vulnerability, ...]
    client_adviser_name: str
    current_evaluation: Evaluation | None  # None once decided, or if the product left the shelf
    product_on_sale: bool


@dataclass(frozen=True, slots=True)
class DecisionResult:
    request: ExceptionRequestDTO
    sale: SaleDTO | None  # the sale made on approval; None if rejected or lapsed
