"""Scoring a risk-tolerance assessment, and how long it stays valid.

``score`` turns a client's answers into an ``AssessmentOutcome``: the total, the level the bands
give it, whether the client falls into the lowest category (which forces C1) and why, and the
consistency rules their answers break. By default an incomplete answer set is refused with
``AnswersIncomplete``; ``allow_incomplete=True`` scores what there is and lists the questions still
open in ``missing`` (a provisional result for the wizard's running total, never one to record).

Dates: an assessment made on day D with a validity of N months is valid up to and including the
same day N calendar months later, or that month's last day when it has no such day (31 January
plus one month is 28 or 29 February). The assessment date is the branch's local date of the UTC
timestamp recorded (``assessment_date``).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.questionnaire import (
    LocalizedText,
    Question,
    QuestionKind,
    Questionnaire,
    RiskLevel,
)

__all__ = [
    "DEFAULT_WARN_DAYS",
    "AnsweredQuestion",
    "Answers",
    "AnswersIncomplete",
    "AnswersInvalid",
    "AssessmentOutcome",
    "ConsistencyFlag",
    "ExpiryState",
    "LowestCategoryReason",
    "RiskLevel",
    "add_months",
    "assessment_date",
    "days_left",
    "expiry_state",
    "is_valid_on",
    "normalize_answers",
    "score",
    "valid_until",
]

# question id -> the chosen option ids (one for a single-choice question)
Answers = Mapping[str, Sequence[str]]
DEFAULT_WARN_DAYS = 30


class AnswersInvalid(ValidationError):
    """Answers that do not fit the questionnaire; ``problems`` is keyed by question id."""


class AnswersIncomplete(ValidationError):
    """Questions left unanswered; ``problems`` is keyed by question id, in questionnaire order."""

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(
            {
                question_id: Problem(
                    "answer.missing",
                    f"Question {question_id!r} is not answered.",
                    {"question": question_id},
                )
                for question_id in self.missing
            }
        )


@dataclass(frozen=True, slots=True)
class AnsweredQuestion:
    question_id: str
    option_ids: tuple[str, ...]  # in the questionnaire's option order
    score: int


@dataclass(frozen=True, slots=True)
class LowestCategoryReason:
    """An answer that puts the client in the lowest category: what they chose, and what it means."""

    question_id: str
    option_id: str
    option_text: LocalizedText
    reason: LocalizedText


@dataclass(frozen=True, slots=True)
class ConsistencyFlag:
    """A consistency rule the answers break, for the adviser to resolve with the client."""

    rule_id: str
    message: LocalizedText
    answers: tuple[tuple[str, str], ...]  # (question_id, option_id) that contradict each other


@dataclass(frozen=True, slots=True)
class AssessmentOutcome:
    questionnaire_id: str
    questionnaire_version: int
    answers: tuple[AnsweredQuestion, ...]  # answered questions, in questionnaire order
    total_score: int
    score_level: RiskLevel  # what the bands give the total alone
    level: RiskLevel  # the client's level: C1 whenever lowest_category
    lowest_category: bool
    lowest_reasons: tuple[LowestCategoryReason, ...]
    flags: tuple[ConsistencyFlag, ...]  # in the questionnaire's rule order
    missing: tuple[str, ...] = ()  # unanswered question ids; empty unless allow_incomplete

    @property
    def complete(self) -> bool:
        return not self.missing

    def answer_map(self) -> dict[str, tuple[str, ...]]:
        return {answer.question_id: answer.option_ids for answer in self.answers}


def _answer_problem(question: Question, chosen: object) -> tuple[Problem | None, tuple[str, ...]]:
    """(the problem with this answer or None, the chosen ids in the questionnaire's order)."""
    qid = question.id
    if isinstance(chosen, str) or not isinstance(chosen, Sequence | set | frozenset):
        return (
            Problem(
                "answer.not_a_list",
                f"Question {qid!r}: the answer must be a list of option ids, found {chosen!r}.",
                {"question": qid},
            ),
            (),
        )
    ids = list(chosen)
    for option_id in ids:
        if not isinstance(option_id, str) or option_id not in question.option_ids:
            return (
                Problem(
                    "answer.unknown_option",
                    f"Question {qid!r} has no option {option_id!r}.",
                    {"question": qid, "option": option_id},
                ),
                (),
            )
    if len(set(ids)) != len(ids):
        return (
            Problem(
                "answer.duplicate",
                f"Question {qid!r}: an option is chosen twice.",
                {"question": qid},
            ),
            (),
        )
    if question.kind is QuestionKind.SINGLE and len(ids) > 1:
        return (
            Problem(
                "answer.too_many",
                f"Question {qid!r} takes one answer, found {len(ids)}.",
                {"question": qid},
            ),
            (),
        )
    exclusive = [option_id for option_id in ids if question.option(option_id).exclusive]
    if exclusive and len(ids) > 1:
        return (
            Problem(
                "answer.exclusive",
                f"Question {qid!r}: option {exclusive[0]!r} cannot be combined with others.",
                {"question": qid, "option": exclusive[0]},
            ),
            (),
        )
    return None, tuple(option_id for option_id in question.option_ids if option_id in ids)


def normalize_answers(
    questionnaire: Questionnaire, answers: Answers
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Check answers against the questionnaire: (question id -> chosen option ids in the
    questionnaire's order, the unanswered question ids). An empty choice counts as unanswered.

    Raises ``AnswersInvalid`` for an unknown question or option, an option chosen twice, two
    answers to a single-choice question, or an exclusive option combined with others.
    """
    problems: dict[str, Problem] = {}
    known = set(questionnaire.question_ids)
    for question_id in answers:
        if question_id not in known:
            problems[str(question_id)] = Problem(
                "answer.unknown_question",
                f"Questionnaire {questionnaire.id} v{questionnaire.version} has no question "
                f"{question_id!r}.",
                {"question": question_id},
            )
    normalized: dict[str, tuple[str, ...]] = {}
    missing: list[str] = []
    for question in questionnaire.questions:
        chosen = answers.get(question.id)
        empty = isinstance(chosen, Sequence | set | frozenset) and not isinstance(chosen, str)
        if chosen is None or (empty and len(chosen) == 0):
            missing.append(question.id)
            continue
        problem, ids = _answer_problem(question, chosen)
        if problem is not None:
            problems[question.id] = problem
        else:
            normalized[question.id] = ids
    if problems:
        raise AnswersInvalid(problems)
    return normalized, tuple(missing)


def score(
    questionnaire: Questionnaire, answers: Answers, *, allow_incomplete: bool = False
) -> AssessmentOutcome:
    """Score the answers. Incomplete answers raise ``AnswersIncomplete`` unless
    ``allow_incomplete``; then the outcome is provisional and ``missing`` lists what is open."""
    normalized, missing = normalize_answers(questionnaire, answers)
    if missing and not allow_incomplete:
        raise AnswersIncomplete(missing)
    answered: list[AnsweredQuestion] = []
    reasons: list[LowestCategoryReason] = []
    for question in questionnaire.questions:
        ids = normalized.get(question.id)
        if ids is None:
            continue
        answered.append(AnsweredQuestion(question.id, ids, question.score_of(ids)))
        for option_id in ids:
            option = question.option(option_id)
            if option.lowest_category:
                reason = option.reason or option.text
                reasons.append(LowestCategoryReason(question.id, option.id, option.text, reason))
    total = sum(answer.score for answer in answered)
    score_level = questionnaire.level_for(total)
    lowest = bool(reasons)
    flags = tuple(
        ConsistencyFlag(rule.id, rule.message, rule.when)
        for rule in questionnaire.consistency_rules
        if rule.fires(normalized)
    )
    return AssessmentOutcome(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        answers=tuple(answered),
        total_score=total,
        score_level=score_level,
        level=RiskLevel.C1 if lowest else score_level,
        lowest_category=lowest,
        lowest_reasons=tuple(reasons),
        flags=flags,
        missing=missing,
    )


# --- validity --------------------------------------------------------------------------------


class ExpiryState(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # still valid, but expires within the warning window
    EXPIRED = "expired"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, or that month's last day if it is shorter."""
    if isinstance(day, datetime):
        raise TypeError("add_months takes a date; convert a timestamp with assessment_date().")
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def valid_until(assessed_on: date, validity_months: int) -> date:
    """The last day on which an assessment made on ``assessed_on`` is valid."""
    if validity_months < 1:
        raise ValueError(f"validity_months must be 1 or more, found {validity_months}.")
    return add_months(assessed_on, validity_months)


def is_valid_on(valid_until: date, day: date) -> bool:
    """Valid on the valid-until day itself, expired from the day after."""
    return day <= valid_until


def days_left(valid_until: date, today: date) -> int:
    """Days from today to the valid-until day: 0 on the last valid day, negative once expired."""
    return (valid_until - today).days


def expiry_state(valid_until: date, today: date, warn_days: int = DEFAULT_WARN_DAYS) -> ExpiryState:
    """``expiring`` from ``warn_days`` days before the valid-until day up to that day itself
    (so with 30, an assessment valid until 31 May is expiring from 1 May), ``expired`` after."""
    left = days_left(valid_until, today)
    if left < 0:
        return ExpiryState.EXPIRED
    if left <= warn_days:
        return ExpiryState.EXPIRING
    return ExpiryState.VALID


def assessment_date(assessed_at: datetime, zone: tzinfo) -> date:
    """The local date, in the branch's time zone, of an assessment recorded at ``assessed_at``.

    Timestamps are stored in UTC; 23:30 UTC on 31 January is already 1 February in Beijing, and
    the client was assessed on 1 February.
    """
    if assessed_at.tzinfo is None or assessed_at.utcoffset() is None:
        raise ValueError("assessed_at must carry its time zone (timestamps are stored in UTC).")
    return assessed_at.astimezone(zone).date()
