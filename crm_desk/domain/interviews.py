"""Interviews (面谈记录) and their follow-up actions: what an adviser types, checked, and when a
follow-up counts as overdue, due today or upcoming in the branch's own calendar."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from crm_desk.domain.errors import Problem, ValidationError


class Channel(StrEnum):
    IN_BRANCH = "in_branch"
    PHONE = "phone"
    VIDEO = "video"
    VISIT = "visit"  # at the client's home or office


class DueState(StrEnum):
    """Order matters: the list shows overdue first."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    UPCOMING = "upcoming"

    @property
    def rank(self) -> int:
        return list(DueState).index(self)


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


PURPOSE_MAX = 200
LINE_MAX = 500  # participants, products discussed, a follow-up action, a snooze reason
TEXT_MAX = 4000  # notes, needs, concerns, an outcome
# A clock a minute or two apart between workstations must not refuse an interview just held.
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class InterviewInput:
    """The form as typed; every text untrusted. ``occurred_at`` must be timezone-aware."""

    occurred_at: datetime
    channel: str
    purpose: str
    participants: str = ""
    notes: str = ""
    needs: str = ""
    concerns: str = ""
    products_discussed: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpInput:
    action: str
    due_date: date | None
    owner_id: int | None = None  # None: the person recording the interview


@dataclass(frozen=True, slots=True)
class CheckedFollowUp:
    action: str
    due_date: date
    owner_id: int | None


@dataclass(frozen=True, slots=True)
class CheckedInterview:
    occurred_at: datetime
    channel: Channel
    purpose: str
    participants: str
    notes: str
    needs: str
    concerns: str
    products_discussed: str
    follow_ups: tuple[CheckedFollowUp, ...]


def follow_up_field(index: int, name: str) -> str:
    """The problem key of one field of one follow-up row: ``follow_ups[0].due_date``."""
    return f"follow_ups[{index}].{name}"


def _line(text: str) -> str:
    return " ".join(text.split())


def _block(text: str) -> str:
    """Keep the writer's line breaks, drop trailing spaces and blank lines at either end."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _required_line(
    text: str, name: str, limit: int, problems: dict[str, Problem], missing: Problem
) -> str:
    value = _line(text)
    if not value:
        problems[name] = missing
    elif len(value) > limit:
        problems[name] = Problem(
            "text.too_long", f"Use {limit} characters at most.", {"max": limit}
        )
    return value


def _optional(value: str, name: str, limit: int, problems: dict[str, Problem]) -> str:
    if len(value) > limit:
        problems[name] = Problem(
            "text.too_long", f"Use {limit} characters at most.", {"max": limit}
        )
    return value


def check_follow_up(
    index: int, raw: FollowUpInput, interview_day: date, problems: dict[str, Problem]
) -> CheckedFollowUp | None:
    action = _required_line(
        raw.action,
        follow_up_field(index, "action"),
        LINE_MAX,
        problems,
        Problem("action.required", "Say what is to be done, e.g. 'Send the fund prospectus'."),
    )
    due_name = follow_up_field(index, "due_date")
    if raw.due_date is None:
        problems[due_name] = Problem("due_date.required", "Choose the date it is due.")
    elif raw.due_date < interview_day:
        problems[due_name] = Problem(
            "due_date.before_interview",
            "The due date cannot be before the interview ({day}).",
            {"day": interview_day.isoformat()},
        )
    if any(key.startswith(f"follow_ups[{index}].") for key in problems) or raw.due_date is None:
        return None
    return CheckedFollowUp(action, raw.due_date, raw.owner_id)


def validate_interview(
    raw: InterviewInput,
    follow_ups: Sequence[FollowUpInput],
    *,
    now: datetime,
    local_day: Callable[[datetime], date],
    more_problems: Mapping[str, Problem] | None = None,
) -> CheckedInterview:
    """The interview with its follow-ups, or ValidationError naming every field that is wrong.

    ``local_day`` turns a moment into the branch's calendar day; ``more_problems`` are checks the
    caller made against stored data (an owner who is not of the branch), reported together.
    """
    if raw.occurred_at.tzinfo is None:
        raise ValueError("occurred_at must be timezone-aware")
    problems: dict[str, Problem] = {}
    if raw.occurred_at > now + FUTURE_TOLERANCE:
        problems["occurred_at"] = Problem(
            "occurred_at.future", "Record an interview once it has taken place."
        )
    channel: Channel | None = None
    try:
        channel = Channel(raw.channel)
    except ValueError:
        problems["channel"] = Problem("channel.unknown", "Choose how the interview was held.")
    purpose = _required_line(
        raw.purpose,
        "purpose",
        PURPOSE_MAX,
        problems,
        Problem("purpose.required", "Say what the interview was about, e.g. 'Annual review'."),
    )
    participants = _optional(_line(raw.participants), "participants", LINE_MAX, problems)
    products = _optional(_line(raw.products_discussed), "products_discussed", LINE_MAX, problems)
    notes = _optional(_block(raw.notes), "notes", TEXT_MAX, problems)
    needs = _optional(_block(raw.needs), "needs", TEXT_MAX, problems)
    concerns = _optional(_block(raw.concerns), "concerns", TEXT_MAX, problems)
    interview_day = local_day(raw.occurred_at)
    checked = [
        check_follow_up(index, item, interview_day, problems)
        for index, item in enumerate(follow_ups)
    ]
    for name, problem in (more_problems or {}).items():
        problems.setdefault(name, problem)
    if problems or channel is None:
        raise ValidationError(problems)
    return CheckedInterview(
        occurred_at=raw.occurred_at,
        channel=channel,
        purpose=purpose,
        participants=participants,
        notes=notes,
        needs=needs,
        concerns=concerns,
        products_discussed=products,
        follow_ups=tuple(c for c in checked if c is not None),
    )


def check_outcome(outcome: str) -> str:
    value = _block(outcome)
    if not value:
        raise ValidationError(
            {"outcome": Problem("outcome.required", "Say what was done and what came of it.")}
        )
    if len(value) > TEXT_MAX:
        raise ValidationError(
            {
                "outcome": Problem(
                    "text.too_long", f"Use {TEXT_MAX} characters at most.", {"max": TEXT_MAX}
                )
            }
        )
    return value


def check_snooze(new_due_date: date | None, reason: str, today: date) -> tuple[date, str]:
    """A snooze moves the due date to a later day than today and says why."""
    problems: dict[str, Problem] = {}
    if new_due_date is None:
        problems["new_due_date"] = Problem("due_date.required", "Choose the date it is due.")
    elif new_due_date <= today:
        problems["new_due_date"] = Problem(
            "due_date.not_after_today",
            "Choose a day after today ({day}).",
            {"day": today.isoformat()},
        )
    text = _line(reason)
    if not text:
        problems["reason"] = Problem(
            "reason.required", "Say why it waits, e.g. 'Client travelling until the 20th'."
        )
    elif len(text) > LINE_MAX:
        problems["reason"] = Problem(
            "text.too_long", f"Use {LINE_MAX} characters at most.", {"max": LINE_MAX}
        )
    if problems or new_due_date is None:
        raise ValidationError(problems)
    return new_due_date, text


def due_state(due: date, today: date) -> DueState:
    if due < today:
        return DueState.OVERDUE
    if due == today:
        return DueState.DUE_TODAY
    return DueState.UPCOMING


T = TypeVar("T")


def group_by_due_state(
    items: Iterable[T], today: date, due: Callable[[T], date]
) -> dict[DueState, list[T]]:
    """Every state present (possibly empty), each list in due-date order (stable otherwise)."""
    groups: dict[DueState, list[T]] = {state: [] for state in DueState}
    for item in sorted(items, key=due):
        groups[due_state(due(item), today)].append(item)
    return groups
