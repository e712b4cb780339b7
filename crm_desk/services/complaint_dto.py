"""What the complaint services hand out: frozen, never live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from crm_desk.domain.complaints import (
    AnswerMethod,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintStatus,
    DeadlineState,
    Decision,
    RootCause,
    StageKind,
)
from crm_desk.domain.roles import Role


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    id: int
    version: int  # pass back as expected_version to change the complaint
    status: ComplaintStatus
    category: ComplaintCategory
    channel: ComplaintChannel
    client_id: int | None
    complainant: str  # the client's name, or the complainant's who is not a client
    is_group: bool
    personal_data: bool
    handler_id: int
    handler_name: str
    accepted_at: datetime
    round: int
    due_date: date  # the current round's due day, in the branch's calendar
    extension_level: int
    deadline_state: DeadlineState | None  # None once answered
    days_left: int | None  # due day minus the branch's today; negative when overdue
    product_name: str
    summary: str  # the description's first line

    @property
    def is_open(self) -> bool:
        return self.status is not ComplaintStatus.ANSWERED


@dataclass(frozen=True, slots=True)
class StageDTO:
    id: int
    round: int
    stage: StageKind
    occurred_at: datetime
    actor_name: str
    handler_name: str
    due_date: date
    extension_level: int
    note: str
    decision: Decision | None
    reasoning: str | None
    root_cause: RootCause | None
    root_cause_text: str | None
    corrective_action: str | None
    answer_method: AnswerMethod | None
    told_at: datetime | None
    client_response: str | None
    satisfaction: int | None
    outcome_accepted: bool | None
    on_time: bool | None


@dataclass(frozen=True, slots=True)
class ComplaintDetail:
    row: ComplaintRow
    description: str
    complainant_contact: str  # decrypted; empty for a client (their record holds it)
    group_size: int | None
    representatives: str
    sale_id: int | None
    sale_summary: str
    product_id: int | None
    amount_in_dispute: Decimal | None
    subject_adviser_id: int | None
    subject_adviser_name: str
    seller_id: int | None
    seller_name: str
    registered_by: str
    resolved_at: datetime | None
    answered_at: datetime | None
    today: date  # the branch's calendar day the deadline was judged on
    stages: tuple[StageDTO, ...]  # oldest first
    # What the reader may do now (the service checks again when they do it):
    may_handle: bool
    may_extend: bool
    extension_needs_supervisor: bool  # the next extension is the further one
    may_reassign: bool
    may_reopen: bool

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def version(self) -> int:
        return self.row.version

    @property
    def status(self) -> ComplaintStatus:
        return self.row.status


@dataclass(frozen=True, slots=True)
class PersonChoice:
    id: int
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class SaleChoice:
    id: int
    product_id: int
    product_name: str
    amount: Decimal
    currency: str
    recorded_at: datetime
    adviser_id: int
    adviser_name: str


@dataclass(frozen=True, slots=True)
class ProductChoice:
    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ComplaintChoices:
    """What the registration form offers: handlers of the branch, advisers who may be
    complained about, the client's sales and the product catalogue."""

    handlers: tuple[PersonChoice, ...]
    advisers: tuple[PersonChoice, ...]
    sales: tuple[SaleChoice, ...]
    products: tuple[ProductChoice, ...]


@dataclass(frozen=True, slots=True)
class DeadlineCounts:
    """Open complaints within the actor's reach, for the home page and the navigation."""

    open: int
    due_soon: int
    overdue: int


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str  # the category/channel value, a product's code, an adviser's name
    count: int
    # A product's names, for the UI to pick the window's language ("" for other rows).
    name_zh: str = ""
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class ComplaintReport:
    """Complaints accepted in the period (branch days, both ends included), the branch's for a
    supervisor, every branch's for compliance.

    Handling figures are over the answered rounds of those complaints (a reopened complaint's
    second round has its own clock): days from the round's start to the client being told."""

    first_day: date
    last_day: date
    scope: str  # the branch's name, or "" for all branches
    total: int
    open: int
    overdue_open: int
    reopened: int
    by_category: tuple[CountRow, ...]
    by_channel: tuple[CountRow, ...]
    by_product: tuple[CountRow, ...]
    by_adviser: tuple[CountRow, ...]
    by_root_cause: tuple[CountRow, ...]
    answered_rounds: int
    median_days: float | None
    p90_days: float | None
    on_time_share: float | None  # answered on or before the due day / answered rounds
    mean_satisfaction: float | None
    satisfaction_counts: tuple[int, int, int, int, int]  # ratings 1..5
    accepted_share: float | None  # the client accepted the outcome
    handling_days: tuple[float, ...]  # every answered round's figure, for the export
