"""After the sale: the follow-up call (回访) with its scripted checklist, and the ongoing
suitability review of holdings. Pure rules: which sales get a call, when it may be made, what a
recorded call must contain, and what a re-run verdict means for a holding already bought."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from crm_desk.domain.clients import age_on
from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.questionnaire import LocalizedText
from crm_desk.domain.suitability import Evaluation, Outcome, Rule, RuleResult, Verdict

NOTES_MAX = 4000
MIN_NOTE = 5  # a case resolution or a review outcome says something, not "ok"
# A rescheduled call is tried again within this many days, not parked for months.
RESCHEDULE_MAX_DAYS = 30


class CallReason(StrEnum):
    """Why a sale gets a follow-up call; a sale may have several."""

    COOLING_OFF = "cooling_off"
    EXCEPTION = "exception"
    ELDERLY = "elderly"


class CallStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    UNREACHABLE = "unreachable"  # given up after the policy's number of unanswered attempts
    CANCELLED = "cancelled"  # the sale was cancelled in cooling-off


class CallState(StrEnum):
    """Where an open call stands now. Order matters: the list shows overdue first."""

    OVERDUE = "overdue"
    DUE = "due"
    WAITING = "waiting"  # cooling-off not over: the client may not be contacted yet

    @property
    def rank(self) -> int:
        return list(CallState).index(self)


class CallOutcome(StrEnum):
    REACHED = "reached"
    NOT_REACHED = "not_reached"


class CaseReason(StrEnum):
    ANSWER_NO = "answer_no"  # the client answered "no" to a checklist question
    UNREACHABLE = "unreachable"


class CaseStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    question: LocalizedText


SCRIPT_VERSION = "2026.1"

# The script the caller reads out; each answer is yes or no. Stored with every call as asked.
CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "identity",
        LocalizedText(
            zh_CN="客户是否已核实本人身份（姓名及证件号码后四位）？",
            en="Did the client confirm their identity (name and last four digits of the ID)?",
        ),
    ),
    ChecklistItem(
        "contract_read",
        LocalizedText(
            zh_CN="客户是否已阅读并理解合同及产品说明书？",
            en="Has the client read the contract and the product documents?",
        ),
    ),
    ChecklistItem(
        "risks_understood",
        LocalizedText(
            zh_CN="客户是否了解产品风险，包括可能损失本金？",
            en="Does the client understand the product's risks, including loss of principal?",
        ),
    ),
    ChecklistItem(
        "complaint_channel",
        LocalizedText(
            zh_CN="客户是否知晓投诉渠道（网点柜台、客服热线）？",
            en="Does the client know how to complain (branch counter, service hotline)?",
        ),
    ),
)
CHECKLIST_IDS = tuple(item.id for item in CHECKLIST)


def call_reasons(
    *,
    cooling_off_ends_at: datetime | None,
    is_exception: bool,
    birth_date: date,
    sale_day: date,
    elderly_age: int,
) -> tuple[CallReason, ...]:
    """Why this sale needs a follow-up call; empty if it needs none.

    Only these sales get a call (the rule book's list): a plain suitable sale without cooling-off
    to a younger client does not."""
    reasons: list[CallReason] = []
    if cooling_off_ends_at is not None:
        reasons.append(CallReason.COOLING_OFF)
    if is_exception:
        reasons.append(CallReason.EXCEPTION)
    if age_on(birth_date, sale_day) >= elderly_age:
        reasons.append(CallReason.ELDERLY)
    return tuple(reasons)


def call_window(
    recorded_at: datetime, cooling_off_ends_at: datetime | None, days_to_call: int
) -> tuple[datetime, datetime]:
    """(from when the client may be called, by when the call is due)."""
    callable_from = cooling_off_ends_at or recorded_at
    return callable_from, callable_from + timedelta(days=days_to_call)


def call_state(callable_from: datetime, due_at: datetime, now: datetime) -> CallState:
    if now < callable_from:
        return CallState.WAITING
    if now > due_at:
        return CallState.OVERDUE
    return CallState.DUE


@dataclass(frozen=True, slots=True)
class CallInput:
    """The checklist dialog as filled in. ``answers`` maps each checklist item to yes (True) or
    no (False); None means not asked yet. ``next_try_at`` only when the client was not reached."""

    outcome: str
    answers: Mapping[str, bool | None]
    notes: str = ""
    next_try_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CheckedCall:
    outcome: CallOutcome
    answers: tuple[tuple[str, bool], ...]  # in checklist order; empty when not reached
    notes: str
    next_try_at: datetime | None

    @property
    def failed_items(self) -> tuple[str, ...]:
        return tuple(item for item, yes in self.answers if not yes)


def clean_text(value: str) -> str:
    return "\n".join(line.rstrip() for line in value.strip().splitlines())


def check_call(raw: CallInput, now: datetime, *, last_attempt: bool = False) -> CheckedCall:
    """Every question answered when the client was reached; a later try when not, unless this
    was the last attempt the policy allows (the call is then given up and a case opened)."""
    problems: dict[str, Problem] = {}
    try:
        outcome = CallOutcome(raw.outcome)
    except ValueError:
        outcome = None
        problems["outcome"] = Problem(
            "call.outcome_required", "Say whether the client was reached."
        )
    notes = clean_text(raw.notes)
    if len(notes) > NOTES_MAX:
        problems["notes"] = Problem(
            "text.too_long", "At most {max} characters.", {"max": NOTES_MAX}
        )
    unknown = set(raw.answers) - set(CHECKLIST_IDS)
    if unknown:
        problems["answers"] = Problem(
            "call.unknown_item", "Unknown checklist item: {items}.", {"items": sorted(unknown)}
        )
    answers: list[tuple[str, bool]] = []
    next_try: datetime | None = None
    if outcome is CallOutcome.REACHED:
        for item in CHECKLIST_IDS:
            value = raw.answers.get(item)
            if value is None:
                problems[f"answer.{item}"] = Problem(
                    "call.answer_required", "Answer yes or no, as the client said."
                )
            else:
                answers.append((item, bool(value)))
        if any(not yes for _, yes in answers) and len(notes) < MIN_NOTE:
            problems["notes"] = Problem(
                "call.no_needs_note",
                "Note what the client said for the questions answered no.",
            )
    elif outcome is CallOutcome.NOT_REACHED and not last_attempt:
        if raw.next_try_at is None:
            problems["next_try_at"] = Problem("call.next_try_required", "Choose when to try again.")
        elif raw.next_try_at <= now:
            problems["next_try_at"] = Problem(
                "call.next_try_past", "The next try must be later than now."
            )
        elif raw.next_try_at > now + timedelta(days=RESCHEDULE_MAX_DAYS):
            problems["next_try_at"] = Problem(
                "call.next_try_too_late",
                "Try again within {max} days.",
                {"max": RESCHEDULE_MAX_DAYS},
            )
        else:
            next_try = raw.next_try_at
    if problems:
        raise ValidationError(problems)
    assert outcome is not None
    return CheckedCall(outcome, tuple(answers), notes, next_try)


def check_note(value: str, field: str = "note") -> str:
    """A resolution or closing note: a few words at least, not a novel."""
    text = clean_text(value)
    if len(text) < MIN_NOTE:
        raise ValidationError(
            {field: Problem("note.required", "Write in a few words what was done.")}
        )
    if len(text) > NOTES_MAX:
        raise ValidationError(
            {field: Problem("text.too_long", "At most {max} characters.", {"max": NOTES_MAX})}
        )
    return text


# -- ongoing suitability -----------------------------------------------------------------------


class ReviewTrigger(StrEnum):
    PRODUCT_RERATED = "product_rerated"
    ASSESSMENT_LOWERED = "assessment_lowered"


class ReviewStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    SUPERSEDED = "superseded"  # a later change opened a newer review of the same holding
    WITHDRAWN = "withdrawn"  # the sale was cancelled in cooling-off: nothing is held any more


class ReviewOutcome(StrEnum):
    """What came of a review, in the adviser's words."""

    CLIENT_INFORMED = "client_informed"
    CLIENT_KEEPS = "client_keeps"  # informed, and confirms in writing they keep the holding
    REDEEMED = "redeemed"
    REASSESSED = "reassessed"  # the client was re-assessed and the holding fits again
    OTHER = "other"


# Rules about the purchase itself, not the holding: a minimum raised after the sale does not make
# a holding unsuitable, and concentration is only ever a warning.
PURCHASE_ONLY_RULES = frozenset({Rule.MINIMUM_AMOUNT, Rule.CONCENTRATION})


def holding_failures(evaluation: Evaluation) -> tuple[RuleResult, ...]:
    """The rules a holding fails on the current facts: those needing an exception or refusing,
    apart from the rules about the purchase itself (see PURCHASE_ONLY_RULES)."""
    return tuple(
        r
        for r in evaluation.rules
        if (r.outcome is Outcome.EXCEPTION or r.outcome is Outcome.PROHIBITED)
        and r.rule not in PURCHASE_ONLY_RULES
    )


Accepted = frozenset[tuple[str, str, str]]  # (rule, outcome, English message) at the sale


def accepted_at_sale(evaluation_json: Mapping[str, object]) -> Accepted:
    """What a sale made by exception accepted: the failing rules of its frozen evaluation, each
    with the words that described the facts then. Unreadable: nothing accepted."""
    accepted: set[tuple[str, str, str]] = set()
    rules = evaluation_json.get("rules")
    if not isinstance(rules, list):
        return frozenset()
    for rule in rules:
        try:
            if rule["outcome"] in ("exception", "prohibited"):
                accepted.add((str(rule["rule"]), str(rule["outcome"]), str(rule["message"]["en"])))
        except (KeyError, TypeError):
            continue
    return frozenset(accepted)


def beyond_accepted(failures: tuple[RuleResult, ...], accepted: Accepted) -> bool:
    """Whether a holding fails in a way not accepted when it was sold: a rule that passed then,
    a worse outcome, or the same rule on other facts (a higher product level, a lower client
    level). A suitable sale accepted nothing, so any failure counts."""
    return any((r.rule.value, r.outcome.value, r.message.en) not in accepted for r in failures)


def holding_verdict(failures: tuple[RuleResult, ...]) -> Verdict:
    """SUITABLE when nothing fails; PROHIBITED if any failure refuses; else NEEDS_EXCEPTION."""
    if not failures:
        return Verdict.SUITABLE
    if any(r.outcome is Outcome.PROHIBITED for r in failures):
        return Verdict.PROHIBITED
    return Verdict.NEEDS_EXCEPTION
