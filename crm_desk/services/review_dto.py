"""What the ongoing-suitability review services hand out: frozen, never live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from crm_desk.domain.aftercare import ReviewOutcome, ReviewStatus, ReviewTrigger
from crm_desk.domain.questionnaire import LocalizedText


@dataclass(frozen=True, slots=True)
class ReviewReason:
    """One rule the holding fails now, as the engine explained it."""

    rule: str
    outcome: str  # "exception" or "prohibited"
    message: LocalizedText


@dataclass(frozen=True, slots=True)
class ReviewDTO:
    id: int
    version: int  # pass back as expected_version to close it
    sale_id: int
    client_id: int
    client_name: str
    adviser_id: int  # the client's adviser now
    adviser_name: str
    product_id: int
    product_code: str
    product_name: LocalizedText
    amount: Decimal
    currency: str
    sold_at: datetime
    cause: ReviewTrigger
    level_before: str  # the product's R-level, or the client's C-level, before the change
    level_after: str
    verdict: str  # "needs_exception" or "prohibited", on the facts when the review was opened
    reasons: tuple[ReviewReason, ...]
    created_at: datetime
    status: ReviewStatus
    outcome: ReviewOutcome | None
    note: str | None
    closed_by: str | None
    closed_at: datetime | None
    may_close: bool

    @property
    def is_open(self) -> bool:
        return self.status is ReviewStatus.OPEN


@dataclass(frozen=True, slots=True)
class ReviewList:
    rows: tuple[ReviewDTO, ...]
    total: int  # rows matching, of which at most the page's limit are in ``rows``
    open_by_adviser: tuple[tuple[str, int], ...]  # (adviser, open reviews), for supervisors


@dataclass(frozen=True, slots=True)
class ReviewRun:
    """What one change (a re-rating or a lower assessment) opened."""

    batch: str
    checked: int  # holdings evaluated
    opened: int  # review tasks created
    superseded: int  # older open reviews of the same holdings replaced
