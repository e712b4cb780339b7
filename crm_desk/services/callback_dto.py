"""What the follow-up call services hand out: frozen, never live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from crm_desk.domain.aftercare import (
    CallOutcome,
    CallReason,
    CallState,
    CallStatus,
    CaseReason,
    CaseStatus,
)
from crm_desk.domain.questionnaire import LocalizedText


@dataclass(frozen=True, slots=True)
class CallbackTaskDTO:
    id: int
    version: int  # pass back as expected_version to record a call
    sale_id: int
    client_id: int
    client_name: str
    phone_last4: str
    product_id: int
    product_code: str
    product_name: LocalizedText
    amount: Decimal
    currency: str
    sold_at: datetime
    seller_id: int
    seller_name: str
    reasons: tuple[CallReason, ...]
    callable_from: datetime  # the end of cooling-off, or the sale time if none
    due_at: datetime
    next_try_at: datetime | None
    status: CallStatus
    state: CallState | None  # for an open call, now; None once closed
    attempts: int
    closed_at: datetime | None
    closed_by: str | None
    cancel_reason: str | None
    open_cases: int
    may_call: bool  # the reader may make this call now (or once cooling-off ends)
    client_visible: bool  # the reader serves the client (may open the client's page)

    @property
    def is_open(self) -> bool:
        return self.status is CallStatus.OPEN


@dataclass(frozen=True, slots=True)
class ChecklistAnswer:
    item: str
    question: LocalizedText  # as read out at the time
    answer: bool


@dataclass(frozen=True, slots=True)
class CallAttemptDTO:
    id: int
    attempt_no: int
    outcome: CallOutcome
    script_version: str
    answers: tuple[ChecklistAnswer, ...]
    notes: str
    next_try_at: datetime | None
    called_at: datetime
    called_by: str


@dataclass(frozen=True, slots=True)
class CallbackCaseDTO:
    id: int
    version: int
    task_id: int
    sale_id: int
    client_id: int
    client_name: str
    product_code: str
    product_name: LocalizedText
    seller_name: str
    reason: CaseReason
    failed_items: tuple[str, ...]
    failed_questions: tuple[LocalizedText, ...]
    notes: str  # the caller's notes from the attempt that opened it
    called_by: str | None
    status: CaseStatus
    opened_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None
    resolution: str | None
    may_resolve: bool  # the reader is a supervisor of the branch and not the seller


@dataclass(frozen=True, slots=True)
class CallbackTaskDetail:
    task: CallbackTaskDTO
    attempts: tuple[CallAttemptDTO, ...]
    cases: tuple[CallbackCaseDTO, ...]


@dataclass(frozen=True, slots=True)
class CallRecorded:
    task: CallbackTaskDTO
    case_id: int | None  # the case this call opened, if any


@dataclass(frozen=True, slots=True)
class CallbackBoard:
    """Open calls by state (each in due order), and those closed in the last days."""

    now: datetime
    overdue: tuple[CallbackTaskDTO, ...]
    due: tuple[CallbackTaskDTO, ...]
    waiting: tuple[CallbackTaskDTO, ...]
    closed: tuple[CallbackTaskDTO, ...]

    @property
    def all(self) -> tuple[CallbackTaskDTO, ...]:
        return self.overdue + self.due + self.waiting + self.closed
