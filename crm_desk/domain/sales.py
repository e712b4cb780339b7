"""Sales and exception requests: the amounts and texts a sale needs, the states of a request,
cooling-off, and the errors that refuse a sale. Pure: no Qt, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from crm_desk.domain.errors import KnownError, Problem
from crm_desk.domain.questionnaire import LocalizedText
from crm_desk.domain.suitability import Evaluation, Outcome, RuleResult, Verdict

MAX_AMOUNT = Decimal("9999999999999999.99")  # Numeric(18, 2)
MIN_JUSTIFICATION = 20  # characters: a sentence a supervisor can judge, not "client wants"
MIN_INSISTENCE = 5
MIN_COMMENT = 5
MIN_REASON = 5
MIN_CORRECTION = 10


class ExceptionStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    LAPSED = "lapsed"  # at approval the engine, run again on the current facts, said PROHIBITED


class SaleState(StrEnum):
    """How a recorded sale stands today."""

    COOLING_OFF = "cooling_off"  # recorded, the client may still cancel
    ACTIVE = "active"  # a holding
    CANCELLED = "cancelled"


def parse_amount(text: str | Decimal) -> Decimal | Problem:
    """An amount of money above zero, at most two decimals; thousands separators allowed."""
    if isinstance(text, Decimal):
        amount = text
    else:
        cleaned = str(text).replace(",", "").replace("，", "").replace("¥", "").strip()
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            return _amount_format()
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        return _amount_format()
    if amount != amount.quantize(Decimal("0.01")):
        return Problem("money.cents", "Use at most two decimal places (yuan and fen).")
    return amount.quantize(Decimal("0.01"))


def _amount_format() -> Problem:
    return Problem(
        "amount.format", "Enter the amount as a number above zero, e.g. 100000 or 100,000.00."
    )


def clean_text(text: str) -> str:
    """Inner runs of spaces kept as written (a quotation), outer whitespace dropped."""
    return str(text).strip()


def too_short(text: str, minimum: int) -> bool:
    return len("".join(text.split())) < minimum


def cooling_off_end(recorded_at: datetime, hours: int) -> datetime | None:
    return recorded_at + timedelta(hours=hours) if hours > 0 else None


def sale_state(now: datetime, cooling_off_ends_at: datetime | None, cancelled: bool) -> SaleState:
    if cancelled:
        return SaleState.CANCELLED
    if cooling_off_ends_at is not None and now < cooling_off_ends_at:
        return SaleState.COOLING_OFF
    return SaleState.ACTIVE


def blocking_rules(evaluation: Evaluation) -> tuple[RuleResult, ...]:
    """The rules that decide the verdict: those that prohibit, else those that need an exception."""
    if evaluation.verdict is Verdict.PROHIBITED:
        wanted = {Outcome.PROHIBITED}
    elif evaluation.verdict is Verdict.NEEDS_EXCEPTION:
        wanted = {Outcome.EXCEPTION}
    else:
        return ()
    return tuple(r for r in evaluation.rules if r.outcome in wanted)


@dataclass(frozen=True, slots=True)
class RefusalReason:
    rule: str
    message: LocalizedText
    basis: LocalizedText


class SaleRefused(KnownError):
    """The engine prohibits this sale; only the attempt was recorded (audited)."""

    code = "sale_refused"
    template = "The sale is refused: {detail}"

    def __init__(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        reasons = tuple(
            RefusalReason(r.rule.value, r.message, r.basis) for r in blocking_rules(evaluation)
        )
        super().__init__("; ".join(r.message.en for r in reasons), reasons=reasons)


class ExceptionRequired(KnownError):
    """The sale needs a supervisor's approval: the adviser submits an exception request."""

    code = "exception_required"
    template = "This sale needs a supervisor's approval: {detail}"

    def __init__(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        reasons = tuple(
            RefusalReason(r.rule.value, r.message, r.basis) for r in blocking_rules(evaluation)
        )
        super().__init__("; ".join(r.message.en for r in reasons), reasons=reasons)
