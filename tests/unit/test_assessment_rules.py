"""Scoring an assessment, its consistency flags, and how long it stays valid."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desk.config import RESOURCES
from crm_desk.domain.assessment import (
    AnswersIncomplete,
    AnswersInvalid,
    ExpiryState,
    RiskLevel,
    assessment_date,
    days_left,
    expiry_state,
    is_valid_on,
    normalize_answers,
    score,
    valid_until,
)
from crm_desk.domain.errors import ValidationError
from crm_desk.domain.questionnaire import load_questionnaire

DEFAULT = load_questionnaire(RESOURCES / "questionnaires" / "individual_v1.toml")
TINY = load_questionnaire(
    Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "tiny.toml"
)
DEFAULT_RULES = {rule.id: rule for rule in DEFAULT.consistency_rules}
SHANGHAI = ZoneInfo("Asia/Shanghai")

# A consistent client: middle-aged, salaried, some funds and shares, balanced, five-year horizon.
CONSISTENT: dict[str, tuple[str, ...]] = {
    "age": ("31_50",),
    "income_stability": ("stable_salary",),
    "annual_income": ("300k_500k",),
    "financial_assets": ("500k_3m",),
    "investable_share": ("10_25",),
    "debts": ("mortgage",),
    "knowledge": ("basic",),
    "experience_years": ("2_5",),
    "experience_products": ("bonds", "funds", "stocks"),
    "objective": ("balanced_growth",),
    "horizon": ("3_5y",),
    "liquidity": ("in_1_3y",),
    "loss_attitude": ("moderate_loss",),
    "max_loss": ("10_30",),
    "reaction_to_fall": ("hold",),
    "risk_return_choice": ("mostly_a",),
    "special_circumstances": ("none",),
}


def answers(**changes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {**CONSISTENT, **changes}


# --- scoring --------------------------------------------------------------------------------------


def test_a_consistent_client_scores_c4_without_flags() -> None:
    outcome = score(DEFAULT, CONSISTENT)
    # 5 + 4 + 3 + 4 + 2 + 3 + 3 + 4 + 5 + 5 + 5 + 3 + 5 + 6 + 5 + 3 + 0
    assert outcome.total_score == 65
    assert outcome.level is RiskLevel.C4 and outcome.score_level is RiskLevel.C4
    assert not outcome.lowest_category and outcome.lowest_reasons == ()
    assert outcome.flags == () and outcome.missing == () and outcome.complete
    assert [a.question_id for a in outcome.answers] == list(DEFAULT.question_ids)
    assert outcome.answer_map()["experience_products"] == ("bonds", "funds", "stocks")
    assert [a.score for a in outcome.answers if a.question_id == "experience_products"] == [5]


def test_the_highest_and_lowest_answers_give_100_c5_and_10_c1() -> None:
    best = {
        q.id: (max(q.options, key=lambda o: o.score).id,)
        if q.kind == "single"
        else tuple(o.id for o in q.options if not o.exclusive and not o.lowest_category)
        for q in DEFAULT.questions
    }
    best["special_circumstances"] = ("none",)
    high = score(DEFAULT, best)
    assert (high.total_score, high.level) == (100, RiskLevel.C5)
    lowest_scores = {
        q.id: (min(q.options, key=lambda o: (o.score, o.lowest_category)).id,)
        for q in DEFAULT.questions
    }
    low = score(DEFAULT, lowest_scores)  # includes "cannot accept any loss"
    assert (low.total_score, low.level, low.lowest_category) == (DEFAULT.min_score, "C1", True)
    assert DEFAULT.min_score == 10
    cautious = {
        q.id: (min((o for o in q.options if not o.lowest_category), key=lambda o: o.score).id,)
        for q in DEFAULT.questions
    }
    assert score(DEFAULT, cautious).total_score == 15  # small_loss 2 and under_10 3 instead of 0s
    assert score(DEFAULT, cautious).level is RiskLevel.C1


@pytest.mark.parametrize(
    ("total", "level"),
    [
        (0, "C1"),
        (20, "C1"),
        (21, "C2"),
        (30, "C2"),
        (31, "C3"),
        (50, "C3"),
        (51, "C4"),
        (80, "C4"),
        (81, "C5"),
        (100, "C5"),
    ],
)
def test_band_edges_of_the_default_questionnaire(total: int, level: str) -> None:
    assert DEFAULT.level_for(total) == level


def test_a_lowest_category_answer_forces_c1_and_says_why_in_both_languages() -> None:
    outcome = score(
        DEFAULT,
        answers(
            loss_attitude=("no_loss",),
            special_circumstances=("no_full_capacity", "no_risk_tolerance"),
        ),
    )
    assert outcome.total_score == 60
    assert outcome.score_level is RiskLevel.C4  # the bands alone would say C4
    assert outcome.lowest_category and outcome.level is RiskLevel.C1
    reasons = {(r.question_id, r.option_id): r for r in outcome.lowest_reasons}
    assert set(reasons) == {
        ("loss_attitude", "no_loss"),
        ("special_circumstances", "no_full_capacity"),
        ("special_circumstances", "no_risk_tolerance"),
    }
    capacity = reasons[("special_circumstances", "no_full_capacity")]
    assert capacity.reason.zh_CN == "不具有完全民事行为能力"
    assert capacity.reason.en == "No full civil capacity"
    assert (
        reasons[("loss_attitude", "no_loss")].option_text.en
        == "I cannot accept any loss of capital"
    )


def test_multiple_choice_sum_is_capped_and_max_takes_the_riskiest() -> None:
    assert score(TINY, {"q": ("b",), "m": ("x", "y", "z")}).total_score == 13  # 5 + min(12, 8)
    assert score(TINY, {"q": ("a",), "m": ("x",)}).total_score == 3
    products = DEFAULT.question("experience_products")
    assert products.score_of(["bonds", "derivatives"]) == 8


def test_answers_come_back_in_the_questionnaires_order() -> None:
    normalized, missing = normalize_answers(TINY, {"m": ["z", "x"], "q": ["a"]})
    assert normalized == {"q": ("a",), "m": ("x", "z")} and missing == ()


def test_an_incomplete_answer_set_is_refused_naming_the_open_questions() -> None:
    partial = dict(CONSISTENT)
    del partial["horizon"]
    partial["debts"] = ()  # an empty choice is no answer
    with pytest.raises(AnswersIncomplete) as caught:
        score(DEFAULT, partial)
    assert caught.value.missing == ("debts", "horizon")
    assert set(caught.value.problems) == {"debts", "horizon"}
    assert isinstance(caught.value, ValidationError)
    assert "'horizon' is not answered" in str(caught.value)


def test_an_incomplete_answer_set_may_be_scored_provisionally() -> None:
    outcome = score(TINY, {"q": ("b",)}, allow_incomplete=True)
    assert outcome.missing == ("m",) and not outcome.complete
    assert outcome.total_score == 5 and outcome.level is RiskLevel.C2
    assert score(TINY, {}, allow_incomplete=True).missing == ("q", "m")


@pytest.mark.parametrize(
    ("given_answers", "question", "code"),
    [
        ({"q": ("a",), "m": ("x",), "extra": ("a",)}, "extra", "answer.unknown_question"),
        ({"q": ("d",), "m": ("x",)}, "q", "answer.unknown_option"),
        ({"q": ("a", "b"), "m": ("x",)}, "q", "answer.too_many"),
        ({"q": ("a",), "m": ("x", "x")}, "m", "answer.duplicate"),
        ({"q": ("a",), "m": ("n", "x")}, "m", "answer.exclusive"),
        ({"q": "a", "m": ("x",)}, "q", "answer.not_a_list"),
        ({"q": ("a",), "m": 3}, "m", "answer.not_a_list"),
    ],
)
def test_answers_that_do_not_fit_are_refused(given_answers: dict, question: str, code: str) -> None:
    with pytest.raises(AnswersInvalid) as caught:
        score(TINY, given_answers)
    assert caught.value.problems[question].code == code


# --- consistency rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        (
            {"experience_years": ("none",), "experience_products": ("stocks",)},
            "no_experience_vs_stocks",
        ),
        (
            {"experience_years": ("over_10",), "experience_products": ("none",)},
            "long_experience_vs_no_products",
        ),
        (
            {"loss_attitude": ("no_loss",), "objective": ("aggressive_growth",)},
            "no_loss_vs_aggressive_growth",
        ),
        (
            {"liquidity": ("within_1y",), "horizon": ("over_5y",)},
            "money_needed_within_1y_vs_horizon_over_5y",
        ),
        (
            {"knowledge": ("none",), "experience_products": ("bonds", "derivatives")},
            "no_knowledge_vs_derivatives",
        ),
    ],
)
def test_contradictory_answers_are_flagged(changes: dict, rule: str) -> None:
    outcome = score(DEFAULT, answers(**changes))
    assert [flag.rule_id for flag in outcome.flags] == [rule]
    flag = outcome.flags[0]
    chosen_pairs = {(q, o) for q, ids in changes.items() for o in ids}
    assert flag.answers == DEFAULT_RULES[rule].when and set(flag.answers) <= chosen_pairs
    assert flag.message.zh_CN and flag.message.en


def test_each_half_of_a_contradiction_alone_is_not_flagged() -> None:
    assert (
        score(DEFAULT, answers(experience_years=("none",), experience_products=("bonds",))).flags
        == ()
    )
    assert (
        score(DEFAULT, answers(experience_years=("2_5",), experience_products=("stocks",))).flags
        == ()
    )
    assert score(DEFAULT, answers(liquidity=("within_1y",), horizon=("1_3y",))).flags == ()
    assert score(DEFAULT, answers(liquidity=("after_3y",), horizon=("over_5y",))).flags == ()
    assert score(DEFAULT, answers(loss_attitude=("no_loss",))).flags == ()


@pytest.mark.parametrize("rule", DEFAULT.consistency_rules, ids=lambda rule: rule.id)
def test_every_shipped_rule_fires_exactly_when_all_its_answers_are_chosen(rule) -> None:
    chosen = answers()
    for question_id, option_id in rule.when:
        question = DEFAULT.question(question_id)
        chosen[question_id] = (option_id,)
        assert question.option(option_id)
    assert rule.id in [flag.rule_id for flag in score(DEFAULT, chosen).flags]
    for question_id, option_id in rule.when:
        question = DEFAULT.question(question_id)
        other = next(o.id for o in question.options if o.id != option_id)
        broken = {**chosen, question_id: (other,)}
        assert rule.id not in [flag.rule_id for flag in score(DEFAULT, broken).flags]


def test_several_flags_come_in_the_files_order() -> None:
    outcome = score(
        DEFAULT,
        answers(
            liquidity=("within_1y",),
            horizon=("over_5y",),
            experience_years=("none",),
            experience_products=("stocks",),
        ),
    )
    assert [flag.rule_id for flag in outcome.flags] == [
        "no_experience_vs_stocks",
        "money_needed_within_1y_vs_horizon_over_5y",
    ]


# --- validity and expiry --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assessed_on", "months", "until"),
    [
        (date(2024, 3, 15), 24, date(2026, 3, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 24, date(2026, 2, 28)),  # 29 Feb to a common year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 3, 31), 24, date(2026, 3, 31)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2024, 5, 31), 120, date(2034, 5, 31)),
    ],
)
def test_valid_until_counts_calendar_months(assessed_on: date, months: int, until: date) -> None:
    assert valid_until(assessed_on, months) == until


def test_valid_until_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        valid_until(date(2024, 1, 1), 0)
    with pytest.raises(TypeError):
        valid_until(datetime(2024, 1, 1, tzinfo=UTC), 24)


def test_valid_on_the_last_day_and_expired_the_day_after() -> None:
    until = valid_until(date(2024, 2, 29), 24)  # 28 Feb 2026
    assert is_valid_on(until, until - timedelta(days=1))
    assert is_valid_on(until, until)
    assert not is_valid_on(until, until + timedelta(days=1))
    assert until + timedelta(days=1) == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("days_before", "state"),
    [
        (365, ExpiryState.VALID),
        (31, ExpiryState.VALID),
        (30, ExpiryState.EXPIRING),
        (29, ExpiryState.EXPIRING),
        (1, ExpiryState.EXPIRING),
        (0, ExpiryState.EXPIRING),
        (-1, ExpiryState.EXPIRED),
        (-400, ExpiryState.EXPIRED),
    ],
)
def test_the_expiring_window_is_thirty_days(days_before: int, state: ExpiryState) -> None:
    until = date(2026, 5, 31)
    today = until - timedelta(days=days_before)
    assert expiry_state(until, today) is state
    assert expiry_state(until, today) == state.value  # 'valid' | 'expiring' | 'expired'
    assert days_left(until, today) == days_before


def test_the_warning_window_can_be_changed() -> None:
    until = date(2026, 5, 31)
    assert expiry_state(until, date(2026, 5, 20), warn_days=7) is ExpiryState.VALID
    assert expiry_state(until, date(2026, 5, 24), warn_days=7) is ExpiryState.EXPIRING
    assert expiry_state(until, date(2026, 5, 31), warn_days=0) is ExpiryState.EXPIRING


def test_the_assessment_date_is_the_branchs_local_date_of_the_utc_timestamp() -> None:
    late_utc = datetime(2024, 1, 31, 23, 30, tzinfo=UTC)  # 07:30 on 1 February in Beijing
    assessed_on = assessment_date(late_utc, SHANGHAI)
    assert assessed_on == date(2024, 2, 1)
    assert valid_until(assessed_on, 24) == date(2026, 2, 1)
    assert assessment_date(late_utc, UTC) == date(2024, 1, 31)
    assert assessment_date(datetime(2024, 2, 1, 7, 30, tzinfo=SHANGHAI), SHANGHAI) == date(
        2024, 2, 1
    )
    with pytest.raises(ValueError):
        assessment_date(datetime(2024, 1, 31, 23, 30), SHANGHAI)  # noqa: DTZ001 - naive on purpose


@given(st.dates(date(1990, 1, 1), date(2090, 12, 31)), st.integers(1, 120))
def test_valid_until_is_n_calendar_months_later_at_most_on_the_same_day(
    assessed_on: date, months: int
) -> None:
    until = valid_until(assessed_on, months)
    assert (until.year * 12 + until.month) - (assessed_on.year * 12 + assessed_on.month) == months
    assert until.day <= assessed_on.day
    next_day = until + timedelta(days=1)
    assert until.day == assessed_on.day or next_day.month != until.month  # clamped to month end
    assert is_valid_on(until, until) and not is_valid_on(until, next_day)
    assert expiry_state(until, next_day) is ExpiryState.EXPIRED
