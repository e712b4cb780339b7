"""The complaint clock at every boundary: acceptance day, due day, local midnight, extensions,
reopening and time zones; the [complaints] policy section; the form checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crm_desk.domain.complaints import (
    AnswerInput,
    ComplaintInput,
    ComplaintPolicy,
    DeadlineState,
    ResolutionInput,
    answered_on_time,
    deadline_moment,
    deadline_state,
    due_day,
    local_day,
    needs_supervisor,
    next_extension,
    parse_amount,
    parse_complaint_policy,
    percentile,
    separation_problem,
    validate_answer,
    validate_complaint,
    validate_resolution,
)
from crm_desk.domain.errors import ConfigurationError, Problem, ValidationError

BEIJING = ZoneInfo("Asia/Shanghai")
POLICY = ComplaintPolicy()  # 15, +15, +30, 60 at most, due soon within 3 days, Beijing


def test_acceptance_at_2330_utc_is_the_next_day_in_beijing() -> None:
    accepted = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    assert local_day(accepted, BEIJING) == date(2026, 3, 2)
    assert due_day(local_day(accepted, BEIJING), POLICY, 0) == date(2026, 3, 17)
    # One minute before Beijing midnight is still the same day.
    assert local_day(datetime(2026, 3, 1, 15, 59, tzinfo=UTC), BEIJING) == date(2026, 3, 1)
    assert local_day(datetime(2026, 3, 1, 16, 0, tzinfo=UTC), BEIJING) == date(2026, 3, 2)


def test_the_same_moment_in_another_branch_time_zone_counts_from_its_own_day() -> None:
    accepted = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    london = ComplaintPolicy(time_zone="Europe/London")
    assert due_day(local_day(accepted, london.zone), london, 0) == date(2026, 3, 16)


def test_day_15_ends_at_local_midnight() -> None:
    start = date(2026, 3, 2)
    due = due_day(start, POLICY, 0)
    assert due == date(2026, 3, 17)
    deadline = deadline_moment(due, BEIJING)
    assert deadline == datetime(2026, 3, 17, 16, 0, tzinfo=UTC)  # 00:00 of the 18th in Beijing
    assert answered_on_time(deadline - timedelta(seconds=1), due, BEIJING)
    assert not answered_on_time(deadline, due, BEIJING)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 3, 2), DeadlineState.ON_TRACK),  # acceptance day, day 0
        (date(2026, 3, 13), DeadlineState.ON_TRACK),  # 4 days left
        (date(2026, 3, 14), DeadlineState.DUE_SOON),  # 3 days left
        (date(2026, 3, 17), DeadlineState.DUE_SOON),  # day 15: due today, still on time
        (date(2026, 3, 18), DeadlineState.OVERDUE),  # day 16
    ],
)
def test_deadline_states_around_the_due_day(today: date, state: DeadlineState) -> None:
    assert deadline_state(date(2026, 3, 17), today, POLICY) is state


def test_extension_limits_count_from_the_acceptance_day() -> None:
    start = date(2026, 3, 2)
    assert [due_day(start, POLICY, level) for level in (0, 1, 2)] == [
        date(2026, 3, 17),
        date(2026, 4, 1),  # 30 days
        date(2026, 5, 1),  # 60 days
    ]
    assert [POLICY.limit_days(level) for level in (0, 1, 2)] == [15, 30, 60]


def test_extension_levels_and_refusals_at_the_boundaries() -> None:
    due = date(2026, 3, 17)
    assert next_extension(0, due, due, POLICY) == (1, None)  # on the due day: still allowed
    assert next_extension(0, due, due + timedelta(days=1), POLICY) == (0, "extension_late")
    assert next_extension(1, due, due, POLICY) == (2, None)
    assert needs_supervisor(2) and not needs_supervisor(1)
    assert next_extension(2, due, due, POLICY) == (2, "extension_exhausted")
    no_further = ComplaintPolicy(further_extension_days=0)
    assert next_extension(1, due, due, no_further) == (1, "extension_exhausted")
    assert no_further.limit_days(2) == 30


def test_reopening_restarts_the_clock_from_the_reopening_day() -> None:
    """A new round: day 0 is the reopening day in the branch's calendar, 15 days again."""
    reopened_at = datetime(2026, 4, 10, 17, 0, tzinfo=UTC)  # 01:00 on the 11th in Beijing
    assert due_day(local_day(reopened_at, BEIJING), POLICY, 0) == date(2026, 4, 26)


def test_deadline_across_a_daylight_saving_change_is_a_calendar_day_count() -> None:
    ny = ComplaintPolicy(time_zone="America/New_York")
    accepted = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)  # 10:00 EST
    due = due_day(local_day(accepted, ny.zone), ny, 0)
    assert due == date(2026, 3, 16)  # DST began on the 8th: still 15 calendar days
    assert deadline_moment(due, ny.zone) == datetime(2026, 3, 17, 4, 0, tzinfo=UTC)  # EDT


# -- the policy section ----------------------------------------------------------------------------

GOOD = {
    "decision_days": 15,
    "complex_extension_days": 15,
    "further_extension_days": 30,
    "max_days": 60,
    "due_soon_days": 3,
    "time_zone": "Asia/Shanghai",
}


def test_the_policy_section_parses() -> None:
    assert parse_complaint_policy(GOOD, "p.toml [complaints]") == POLICY


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"decision_days": 0}, "between 1 and 365"),
        ({"decision_days": "15"}, "whole number"),
        ({"further_extension_days": 31}, "exceed max_days (60)"),
        ({"time_zone": "Mars/Olympus"}, "not a known time zone"),
        ({"time_zone": ""}, "must name a time zone"),
        ({"deadline": 3}, "unknown keys deadline"),
    ],
)
def test_a_wrong_policy_section_is_refused_with_the_key(
    change: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigurationError) as refused:
        parse_complaint_policy({**GOOD, **change}, "p.toml [complaints]")
    assert message in str(refused.value)
    assert "p.toml [complaints]" in str(refused.value)


def test_a_missing_key_is_refused() -> None:
    raw = dict(GOOD)
    del raw["max_days"]
    with pytest.raises(ConfigurationError, match="max_days"):
        parse_complaint_policy(raw, "x")


# -- form checks -----------------------------------------------------------------------------------


def test_a_complaint_needs_a_client_or_a_named_complainant_with_a_contact() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_complaint(ComplaintInput(channel="phone", category="fees", description=" "))
    assert set(refused.value.problems) == {
        "description",
        "complainant_name",
        "complainant_contact",
    }
    checked = validate_complaint(
        ComplaintInput(
            channel="letter",
            category="data_privacy",
            description="Got calls from a stranger who knew my balance",
            complainant_name="李 四",
            complainant_contact="13812345678",
            amount_in_dispute="1,000.50",
        )
    )
    assert checked.personal_data  # always so for a data-privacy complaint
    assert str(checked.amount_in_dispute) == "1000.50"


def test_a_group_complaint_names_its_representatives() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_complaint(
            ComplaintInput(
                channel="counter",
                category="product_performance",
                description="The fund lost 30%",
                client_id=1,
                is_group=True,
                group_size=1,
            )
        )
    assert set(refused.value.problems) == {"representatives", "group_size"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("1,500,000.00", "1500000.00"),
        ("¥20", "20.00"),
        ("1.234", "money.cents"),
        ("-5", "money.format"),
        ("abc", "money.format"),
        ("NaN", "money.format"),
    ],
)
def test_amounts_in_dispute(text: str, expected: str | None) -> None:
    result = parse_amount(text)
    if isinstance(result, Problem):
        assert result.code == expected
    else:
        assert (str(result) if result is not None else None) == expected


def test_separation_of_duties_rule() -> None:
    assert separation_problem(5, 5, None) is not None
    assert separation_problem(5, None, 5) is not None
    assert separation_problem(5, 6, 7) is None
    problem = separation_problem(5, 6, 5)
    assert problem is not None and problem.code == "handler.seller"


def test_resolution_requires_reasoning_root_cause_and_corrective_action() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_resolution(ResolutionInput("upheld", "", "bogus", "", ""))
    assert set(refused.value.problems) == {
        "reasoning",
        "root_cause",
        "root_cause_text",
        "corrective_action",
    }


def test_answer_checks_time_satisfaction_and_acceptance() -> None:
    now = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    resolved = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        validate_answer(
            AnswerInput("phone", now + timedelta(hours=1), "OK", 6, None),
            now=now,
            resolved_at=resolved,
        )
    assert set(refused.value.problems) == {"told_at", "satisfaction", "outcome_accepted"}
    with pytest.raises(ValidationError) as early:
        validate_answer(
            AnswerInput("phone", resolved - timedelta(days=1), "OK", 3, True),
            now=now,
            resolved_at=resolved,
        )
    assert early.value.problems["told_at"].code == "complaint.told_at_before_decision"
    answer = validate_answer(
        AnswerInput("letter", now, " Accepts the refund ", 4, True), now=now, resolved_at=resolved
    )
    assert answer.satisfaction == 4 and answer.client_response == "Accepts the refund"


def test_nearest_rank_percentile() -> None:
    assert percentile([], 90) is None
    assert percentile([7.0], 90) == 7.0
    assert percentile([float(n) for n in range(1, 11)], 90) == 9.0
    assert percentile([float(n) for n in range(1, 12)], 90) == 10.0  # ceil(9.9) = 10th


def test_the_shipped_policy_has_the_complaints_section_and_it_is_required() -> None:
    import tomllib

    from crm_desk.config import DEFAULT_POLICY
    from crm_desk.domain.policy import load_policy, parse_policy

    assert load_policy(DEFAULT_POLICY).complaints == POLICY
    data = tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8"))
    del data["complaints"]
    with pytest.raises(ConfigurationError, match=r"the \[complaints\] section is missing"):
        parse_policy(data, "branch.toml")
