"""Complaints (投诉): the four stages — 受理 accepted, 调查 investigating, 处理 resolved, 反馈
answered — the clock that runs from acceptance, and the figures the reports are made of.

The clock, as this module defines it (and tests at every boundary):

* Days are calendar days in the **branch's time zone** (policy ``[complaints] time_zone``), not
  the workstation's and not UTC: a complaint accepted at 23:30 UTC is accepted on the next day in
  Beijing, and its clock starts on that day.
* The acceptance day is day 0. With a limit of 15 days the complaint is **due on day 15** and
  stays on time for the whole of that day: the deadline is the local midnight at which day 15
  ends (00:00 of day 16). From day 16 it is overdue.
* The clock stops when the client is told the decision (stage *answered*): the regulation asks
  for a decision *and* its notification within the term, so a decision made on day 15 but told on
  day 16 is late.
* A complex case may be extended once to ``decision_days + complex_extension_days`` (30), and
  once more, with a supervisor's approval, by ``further_extension_days`` (to 60, never beyond
  ``max_days``). Limits always count from the acceptance day, not from the extension. An
  extension is granted only while the complaint is not yet overdue (on or before its due day).
* Reopening an answered complaint starts a **new round**: the reopening day is day 0 of the new
  round, the limit is ``decision_days`` again and the round may be extended as the first could.
  The earlier rounds and their stages stay on file unchanged.
* "Due soon": not overdue and due within ``due_soon_days`` days (due today counts).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_desk.domain.errors import ConfigurationError, Problem, ValidationError


class ComplaintChannel(StrEnum):
    COUNTER = "counter"
    PHONE = "phone"
    LETTER = "letter"
    ONLINE = "online"
    REGULATOR = "regulator"  # referred by the regulator (e.g. a 12378 hotline referral)


class ComplaintCategory(StrEnum):
    SALES_MISCONDUCT = "sales_misconduct"  # mis-selling, unsuitable product
    PRODUCT_PERFORMANCE = "product_performance"
    FEES = "fees"
    SERVICE_ATTITUDE = "service_attitude"
    WAIT_TIME = "wait_time"
    DATA_PRIVACY = "data_privacy"
    SYSTEM_FAULT = "system_fault"
    OTHER = "other"


class ComplaintStatus(StrEnum):
    """Order matters: the stages in the order a complaint goes through them."""

    ACCEPTED = "accepted"
    INVESTIGATING = "investigating"
    RESOLVED = "resolved"
    ANSWERED = "answered"  # the client was told: the round is closed


class StageKind(StrEnum):
    """One row of the append-only stage history."""

    ACCEPTED = "accepted"
    INVESTIGATING = "investigating"
    EXTENDED = "extended"
    RESOLVED = "resolved"
    ANSWERED = "answered"
    REOPENED = "reopened"
    REASSIGNED = "reassigned"


class Decision(StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"


class RootCause(StrEnum):
    MIS_SELLING = "mis_selling"
    DISCLOSURE = "disclosure"
    STAFF_CONDUCT = "staff_conduct"
    PROCESS = "process"
    SYSTEM = "system"
    PRODUCT_DESIGN = "product_design"
    PRICING = "pricing"
    CLIENT_MISUNDERSTANDING = "client_misunderstanding"
    EXTERNAL = "external"
    OTHER = "other"


class AnswerMethod(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    LETTER = "letter"
    ONLINE = "online"  # e-mail, app message


class DeadlineState(StrEnum):
    """Order matters: lists show overdue first."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"

    @property
    def rank(self) -> int:
        return list(DeadlineState).index(self)


OPEN_STATUSES = (
    ComplaintStatus.ACCEPTED,
    ComplaintStatus.INVESTIGATING,
    ComplaintStatus.RESOLVED,
)
MAX_EXTENSION_LEVEL = 2  # 0: none, 1: complex case, 2: further, with a supervisor's approval

# -- the policy -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComplaintPolicy:
    """``[complaints]`` in the policy file."""

    decision_days: int = 15
    complex_extension_days: int = 15
    further_extension_days: int = 30
    max_days: int = 60
    due_soon_days: int = 3
    time_zone: str = "Asia/Shanghai"

    @property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.time_zone)

    def limit_days(self, extension_level: int) -> int:
        """Days from the round's start day to its due day at this extension level."""
        if not 0 <= extension_level <= MAX_EXTENSION_LEVEL:
            raise ValueError(f"extension level {extension_level}")
        days = self.decision_days
        if extension_level >= 1:
            days += self.complex_extension_days
        if extension_level >= 2:
            days += self.further_extension_days
        return min(days, self.max_days)


COMPLAINT_KEYS = frozenset(ComplaintPolicy.__dataclass_fields__)


def _whole(section: Mapping[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigurationError(f"{where}: '{key}' must be a whole number, found {value!r}.")
    if not low <= value <= high:
        raise ConfigurationError(
            f"{where}: '{key}' must be between {low} and {high}, found {value}."
        )
    return value


def parse_complaint_policy(raw: Mapping[str, Any], where: str) -> ComplaintPolicy:
    """The ``[complaints]`` section, every key required and checked; ``where`` names the file."""
    unknown = set(raw) - COMPLAINT_KEYS
    if unknown:
        raise ConfigurationError(f"{where}: unknown keys {', '.join(sorted(unknown))}.")
    zone_name = raw.get("time_zone")
    if not isinstance(zone_name, str) or not zone_name.strip():
        raise ConfigurationError(
            f"{where}: 'time_zone' must name a time zone such as \"Asia/Shanghai\"."
        )
    try:
        ZoneInfo(zone_name.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigurationError(
            f"{where}: 'time_zone' {zone_name!r} is not a known time zone "
            '(an IANA name such as "Asia/Shanghai").'
        ) from exc
    policy = ComplaintPolicy(
        decision_days=_whole(raw, "decision_days", where, 1, 365),
        complex_extension_days=_whole(raw, "complex_extension_days", where, 0, 365),
        further_extension_days=_whole(raw, "further_extension_days", where, 0, 365),
        max_days=_whole(raw, "max_days", where, 1, 365),
        due_soon_days=_whole(raw, "due_soon_days", where, 0, 30),
        time_zone=zone_name.strip(),
    )
    total = policy.decision_days + policy.complex_extension_days + policy.further_extension_days
    if total > policy.max_days:
        raise ConfigurationError(
            f"{where}: decision_days + complex_extension_days + further_extension_days "
            f"({total}) exceed max_days ({policy.max_days})."
        )
    return policy


# -- the clock ------------------------------------------------------------------------------------


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day of a moment in the branch's time zone."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(zone).date()


def due_day(start_day: date, policy: ComplaintPolicy, extension_level: int) -> date:
    return start_day + timedelta(days=policy.limit_days(extension_level))


def deadline_moment(due: date, zone: tzinfo) -> datetime:
    """The first moment the complaint is late: local midnight at the end of the due day."""
    return datetime.combine(due + timedelta(days=1), time(0), tzinfo=zone)


def deadline_state(due: date, today: date, policy: ComplaintPolicy) -> DeadlineState:
    if today > due:
        return DeadlineState.OVERDUE
    if (due - today).days <= policy.due_soon_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TRACK


def answered_on_time(answered_at: datetime, due: date, zone: tzinfo) -> bool:
    return local_day(answered_at, zone) <= due


def next_extension(
    extension_level: int, due: date, today: date, policy: ComplaintPolicy
) -> tuple[int, str | None]:
    """The level an extension would reach, or (level, reason) when it cannot be granted:
    ``extension_exhausted`` (already at the maximum, or the policy allows no more days) or
    ``extension_late`` (the complaint is already overdue)."""
    if extension_level >= MAX_EXTENSION_LEVEL:
        return extension_level, "extension_exhausted"
    level = extension_level + 1
    if policy.limit_days(level) <= policy.limit_days(extension_level):
        return extension_level, "extension_exhausted"
    if today > due:
        return extension_level, "extension_late"
    return level, None


def needs_supervisor(next_level: int) -> bool:
    """The second extension needs a supervisor's approval (four eyes: not the handler)."""
    return next_level >= 2


# -- what the user types --------------------------------------------------------------------------

DESCRIPTION_MAX = 4000
LINE_MAX = 200
TEXT_MAX = 4000


@dataclass(frozen=True, slots=True)
class ComplaintInput:
    """The registration form as typed; every text untrusted. Either ``client_id`` or a
    complainant's name and contact. The handler defaults to the person registering it."""

    channel: str
    category: str
    description: str
    client_id: int | None = None
    complainant_name: str = ""
    complainant_contact: str = ""
    is_group: bool = False
    group_size: int | None = None
    representatives: str = ""  # a group complaint's representatives, names and how to reach them
    sale_id: int | None = None
    product_id: int | None = None
    amount_in_dispute: str = ""  # yuan, empty if none
    subject_adviser_id: int | None = None  # the adviser complained about
    personal_data: bool = False  # touches personal data (always so for data-privacy complaints)
    handler_id: int | None = None


@dataclass(frozen=True, slots=True)
class CheckedComplaint:
    channel: ComplaintChannel
    category: ComplaintCategory
    description: str
    client_id: int | None
    complainant_name: str
    complainant_contact: str
    is_group: bool
    group_size: int | None
    representatives: str
    sale_id: int | None
    product_id: int | None
    amount_in_dispute: Decimal | None
    subject_adviser_id: int | None
    personal_data: bool
    handler_id: int | None


def _line(text: str) -> str:
    return " ".join(text.split())


def _block(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _too_long(limit: int) -> Problem:
    return Problem("text.too_long", f"Use {limit} characters at most.", {"max": limit})


def _text(
    value: str,
    name: str,
    limit: int,
    problems: dict[str, Problem],
    missing: Problem | None = None,
    *,
    block: bool = True,
) -> str:
    text = _block(value) if block else _line(value)
    if not text and missing is not None:
        problems[name] = missing
    elif len(text) > limit:
        problems[name] = _too_long(limit)
    return text


def parse_amount(text: str) -> Decimal | None | Problem:
    """Yuan with at most two decimals, commas allowed; empty is None."""
    cleaned = text.replace(",", "").replace("，", "").replace("¥", "").strip()
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return Problem("money.format", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00.")
    if not amount.is_finite() or amount < 0:
        return Problem("money.format", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00.")
    if amount != amount.quantize(Decimal("0.01")):
        return Problem("money.cents", "Use at most two decimal places (yuan and fen).")
    if amount >= Decimal("1e16"):
        return Problem("money.format", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00.")
    return amount.quantize(Decimal("0.01"))


def validate_complaint(
    raw: ComplaintInput, more_problems: Mapping[str, Problem] | None = None
) -> CheckedComplaint:
    """The complaint, or ValidationError naming every field that is wrong; ``more_problems``
    are the caller's checks against stored data, reported together."""
    problems: dict[str, Problem] = {}
    channel: ComplaintChannel | None = None
    category: ComplaintCategory | None = None
    try:
        channel = ComplaintChannel(raw.channel)
    except ValueError:
        problems["channel"] = Problem("choice.required", "Choose one of the options.")
    try:
        category = ComplaintCategory(raw.category)
    except ValueError:
        problems["category"] = Problem("choice.required", "Choose one of the options.")
    description = _text(
        raw.description,
        "description",
        DESCRIPTION_MAX,
        problems,
        Problem(
            "complaint.description_required",
            "Write down what the complainant says happened and what they ask for.",
        ),
    )
    name = _text(raw.complainant_name, "complainant_name", LINE_MAX, problems, block=False)
    contact = _text(raw.complainant_contact, "complainant_contact", LINE_MAX, problems, block=False)
    if raw.client_id is None:
        if not name:
            problems["complainant_name"] = Problem(
                "complaint.complainant_required",
                "Choose the client, or enter the name of a complainant who is not a client.",
            )
        if not contact:
            problems["complainant_contact"] = Problem(
                "complaint.contact_required",
                "Enter how to reach the complainant (phone, address or e-mail).",
            )
    else:
        name, contact = "", ""  # the client's own record holds these
    representatives = _text(raw.representatives, "representatives", TEXT_MAX, problems)
    group_size: int | None = None
    if raw.is_group:
        if not representatives:
            problems["representatives"] = Problem(
                "complaint.representatives_required",
                "A group complaint names its representatives and how to reach them.",
            )
        if raw.group_size is None or not 2 <= raw.group_size <= 100000:
            problems["group_size"] = Problem(
                "complaint.group_size", "A group complaint has at least 2 complainants."
            )
        else:
            group_size = raw.group_size
    else:
        representatives = ""
    amount = parse_amount(raw.amount_in_dispute)
    if isinstance(amount, Problem):
        problems["amount_in_dispute"] = amount
        amount = None
    for key, problem in (more_problems or {}).items():
        problems.setdefault(key, problem)
    if problems or channel is None or category is None:
        raise ValidationError(problems)
    return CheckedComplaint(
        channel=channel,
        category=category,
        description=description,
        client_id=raw.client_id,
        complainant_name=name,
        complainant_contact=contact,
        is_group=raw.is_group,
        group_size=group_size,
        representatives=representatives,
        sale_id=raw.sale_id,
        product_id=raw.product_id,
        amount_in_dispute=amount,
        subject_adviser_id=raw.subject_adviser_id,
        personal_data=raw.personal_data or category is ComplaintCategory.DATA_PRIVACY,
        handler_id=raw.handler_id,
    )


def separation_problem(
    handler_id: int, subject_adviser_id: int | None, seller_id: int | None
) -> Problem | None:
    """The handler is never the adviser complained about, nor the one who sold the product."""
    if subject_adviser_id is not None and handler_id == subject_adviser_id:
        return Problem(
            "handler.subject",
            "The adviser the complaint is about cannot handle it; choose someone else.",
        )
    if seller_id is not None and handler_id == seller_id:
        return Problem(
            "handler.seller",
            "The adviser who sold the product concerned cannot handle the complaint; choose "
            "someone else.",
        )
    return None


def check_reason(reason: str, name: str = "reason") -> str:
    problems: dict[str, Problem] = {}
    text = _text(
        reason,
        name,
        TEXT_MAX,
        problems,
        Problem("reason.required", "Say why, in a few words the next adviser will understand."),
    )
    if problems:
        raise ValidationError(problems)
    return text


@dataclass(frozen=True, slots=True)
class ResolutionInput:
    decision: str
    reasoning: str
    root_cause: str
    root_cause_text: str
    corrective_action: str


@dataclass(frozen=True, slots=True)
class CheckedResolution:
    decision: Decision
    reasoning: str
    root_cause: RootCause
    root_cause_text: str
    corrective_action: str


def validate_resolution(raw: ResolutionInput) -> CheckedResolution:
    """The decision with its reasoning, and what caused the complaint and what changes so it
    does not happen again (needed for every closed complaint, so patterns can be found)."""
    problems: dict[str, Problem] = {}
    decision: Decision | None = None
    cause: RootCause | None = None
    try:
        decision = Decision(raw.decision)
    except ValueError:
        problems["decision"] = Problem("choice.required", "Choose one of the options.")
    reasoning = _text(
        raw.reasoning,
        "reasoning",
        TEXT_MAX,
        problems,
        Problem(
            "complaint.reasoning_required",
            "Explain the decision: the facts found and the rule or contract term applied.",
        ),
    )
    try:
        cause = RootCause(raw.root_cause)
    except ValueError:
        problems["root_cause"] = Problem("choice.required", "Choose one of the options.")
    cause_text = _text(
        raw.root_cause_text,
        "root_cause_text",
        TEXT_MAX,
        problems,
        Problem(
            "complaint.root_cause_required", "Describe what caused it, as the investigation found."
        ),
    )
    action = _text(
        raw.corrective_action,
        "corrective_action",
        TEXT_MAX,
        problems,
        Problem(
            "complaint.corrective_action_required",
            "Say what changes so it does not happen again (or why nothing needs to).",
        ),
    )
    if problems or decision is None or cause is None:
        raise ValidationError(problems)
    return CheckedResolution(decision, reasoning, cause, cause_text, action)


@dataclass(frozen=True, slots=True)
class AnswerInput:
    method: str
    told_at: datetime | None  # when the client was told; timezone-aware
    client_response: str
    satisfaction: int | None  # 1 (very dissatisfied) … 5 (very satisfied)
    outcome_accepted: bool | None


@dataclass(frozen=True, slots=True)
class CheckedAnswer:
    method: AnswerMethod
    told_at: datetime
    client_response: str
    satisfaction: int
    outcome_accepted: bool


FUTURE_TOLERANCE = timedelta(minutes=5)


def validate_answer(raw: AnswerInput, *, now: datetime, resolved_at: datetime) -> CheckedAnswer:
    """How and when the client was told, what they said, and the closure figures."""
    problems: dict[str, Problem] = {}
    method: AnswerMethod | None = None
    try:
        method = AnswerMethod(raw.method)
    except ValueError:
        problems["method"] = Problem("choice.required", "Choose one of the options.")
    if raw.told_at is None:
        problems["told_at"] = Problem(
            "complaint.told_at_required", "Enter when the client was told."
        )
    elif raw.told_at.tzinfo is None:
        raise ValueError("told_at must be timezone-aware")
    elif raw.told_at > now + FUTURE_TOLERANCE:
        problems["told_at"] = Problem(
            "complaint.told_at_future", "Record the answer once the client has been told."
        )
    elif raw.told_at < resolved_at - FUTURE_TOLERANCE:
        problems["told_at"] = Problem(
            "complaint.told_at_before_decision",
            "The client can only be told after the decision was recorded.",
        )
    response = _text(
        raw.client_response,
        "client_response",
        TEXT_MAX,
        problems,
        Problem("complaint.response_required", "Write down what the client said to the answer."),
    )
    if raw.satisfaction is None or not 1 <= raw.satisfaction <= 5:
        problems["satisfaction"] = Problem(
            "complaint.satisfaction", "Record the client's satisfaction from 1 to 5."
        )
    if raw.outcome_accepted is None:
        problems["outcome_accepted"] = Problem(
            "complaint.accepted_required", "Record whether the client accepted the outcome."
        )
    if (
        problems
        or method is None
        or raw.told_at is None
        or raw.satisfaction is None
        or raw.outcome_accepted is None
    ):
        raise ValidationError(problems)
    return CheckedAnswer(method, raw.told_at, response, raw.satisfaction, raw.outcome_accepted)


# -- report figures -------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float | None:
    """The middle value; the mean of the two middle ones for an even count; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least p% of the values at or below
    it (P90 of 10 values is the 9th smallest); None if empty."""
    if not values:
        return None
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def handling_days(started_at: datetime, answered_at: datetime) -> float:
    """Elapsed days from the round's start to the answer, to the minute."""
    return (answered_at - started_at).total_seconds() / 86400
