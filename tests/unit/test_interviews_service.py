"""Interviews and follow-ups through the service layer, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from stdnum.cn import ric

from crm_desk.domain.clients import ClientInput
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound, PermissionDenied
from crm_desk.domain.errors import ValidationError as Invalid
from crm_desk.domain.interviews import (
    Channel,
    DueState,
    FollowUpInput,
    FollowUpStatus,
    InterviewInput,
    due_state,
    group_by_due_state,
)
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.interview_dto import FollowUpDTO
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

HELD = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # seven hours before the FakeClock's start
TODAY = date(2026, 11, 27)


def prc_id(n: int) -> str:
    first17 = f"1101051980051{n:04d}"
    return first17 + ric.calc_check_digit(first17 + "0")


def new_client(services: Services, adviser: Actor, n: int = 1, name: str = "张伟") -> int:
    form = ClientInput(
        name=name,
        id_type="prc_id",
        id_number=prc_id(n),
        phone=f"139{n:08d}",
        occupation="工程师",
        income_band="300k_500k",
        financial_assets="1500000",
        experience_years="5",
        experience_types=("funds",),
        objectives=("balanced_growth",),
        horizon="3_5y",
        liquidity="medium",
    )
    return services.clients.create_client(adviser, form, acknowledge_similar=True).id


def interview(**changes: Any) -> InterviewInput:
    base = InterviewInput(
        occurred_at=HELD,
        channel="in_branch",
        purpose="年度回顾 annual review",
        participants="张伟, 李经理",
        notes="  Client wants steadier income.\nAsked about bond funds.  \n\n",
        needs="稳健收益",
        concerns="流动性",
        products_discussed="货币基金, 债券基金",
    )
    return replace(base, **changes)


def events(services: Services, admin: Actor, after_seq: int) -> list[tuple[str, str, int | None]]:
    """(action, entity, actor) of the events written after ``after_seq``, oldest first."""
    written = services.audit.list_events(admin, limit=100)
    return [
        (e.action, f"{e.entity_type}:{e.entity_id}", e.actor_id)
        for e in reversed(written)
        if e.seq > after_seq
    ]


def last_seq(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, username="li.adviser")


@pytest.fixture
def client_id(services: Services, adviser: Actor) -> int:
    return new_client(services, adviser)


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The workstation in China (UTC+8): the branch's day turns at 16:00 UTC."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


# -- recording --------------------------------------------------------------------------------
def test_an_interview_is_recorded_with_its_follow_ups_and_audited(
    services: Services, admin: Actor, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    colleague = make_user(Role.ADVISER, username="wang.colleague")
    before = last_seq(services, admin)

    recorded = services.interviews.record_interview(
        adviser,
        client_id,
        interview(),
        [
            FollowUpInput("  Send the   bond fund prospectus ", date(2026, 12, 1)),
            FollowUpInput("Book a risk re-assessment", date(2026, 12, 10), colleague.user_id),
        ],
    )

    assert recorded.client_name == "张伟"
    assert recorded.channel is Channel.IN_BRANCH
    assert recorded.occurred_at == HELD
    assert recorded.purpose == "年度回顾 annual review"
    assert recorded.notes == "Client wants steadier income.\nAsked about bond funds."
    assert recorded.recorded_by == adviser.full_name
    assert recorded.corrects_id is None and recorded.superseded_by_id is None
    first, second = recorded.follow_ups
    assert (first.action, first.due_date, first.owner_id) == (
        "Send the bond fund prospectus",
        date(2026, 12, 1),
        adviser.user_id,
    )
    assert (second.owner_id, second.owner_name) == (colleague.user_id, colleague.full_name)
    assert first.status is FollowUpStatus.OPEN and first.due_state is DueState.UPCOMING
    assert first.version == 1

    assert events(services, admin, before) == [
        ("interview.recorded", f"interview:{recorded.id}", adviser.user_id),
        ("follow_up.created", f"follow_up:{first.id}", adviser.user_id),
        ("follow_up.created", f"follow_up:{second.id}", adviser.user_id),
    ]
    trail = services.audit.list_events(admin, limit=3)
    interview_event = trail[-1]
    assert interview_event.changes["client_id"] == [None, client_id]
    assert interview_event.changes["follow_ups"] == [None, 2]
    assert len(interview_event.changes["content_sha256"][1]) == 64
    assert trail[0].changes["owner_id"] == [None, colleague.user_id]
    assert trail[0].changes["due_date"] == [None, "2026-12-10"]

    assert [i.id for i in services.interviews.interviews(adviser, client_id)] == [recorded.id]
    mine = services.interviews.my_follow_ups(adviser)
    assert [f.id for f in mine.all] == [first.id]
    theirs = services.interviews.my_follow_ups(colleague)
    assert [(f.id, f.client_name) for f in theirs.all] == [(second.id, "张伟")]


def test_an_interview_without_follow_ups_writes_one_event(
    services: Services, admin: Actor, adviser: Actor, client_id: int
) -> None:
    before = last_seq(services, admin)
    recorded = services.interviews.record_interview(
        adviser, client_id, interview(channel="phone", participants="", notes="")
    )
    assert recorded.follow_ups == ()
    assert events(services, admin, before) == [
        ("interview.recorded", f"interview:{recorded.id}", adviser.user_id)
    ]


def test_every_invalid_field_is_named_and_nothing_is_written(
    services: Services,
    admin: Actor,
    adviser: Actor,
    make_user: MakeUser,
    client_id: int,
    clock: FakeClock,
) -> None:
    other_branch = services.users.create_branch(admin, code="BJ-002", name="北京支行")
    far_adviser = make_user(Role.ADVISER, branch_id=other_branch.id)
    compliance = make_user(Role.COMPLIANCE)
    before = last_seq(services, admin)

    with pytest.raises(Invalid) as refused:
        services.interviews.record_interview(
            adviser,
            client_id,
            interview(
                occurred_at=clock.now + timedelta(hours=2),
                channel="carrier pigeon",
                purpose="   ",
                notes="x" * 4001,
            ),
            [
                FollowUpInput("", TODAY),
                FollowUpInput("Call back", TODAY - timedelta(days=1)),
                FollowUpInput("Send the contract", TODAY, far_adviser.user_id),
                FollowUpInput("Ask compliance", TODAY, compliance.user_id),
                FollowUpInput("No date", None),
                FollowUpInput("Fine", TODAY),
            ],
        )

    problems = refused.value.problems
    assert set(problems) == {
        "occurred_at",
        "channel",
        "purpose",
        "notes",
        "follow_ups[0].action",
        "follow_ups[1].due_date",
        "follow_ups[2].owner_id",
        "follow_ups[3].owner_id",
        "follow_ups[4].due_date",
    }
    assert problems["occurred_at"].code == "occurred_at.future"
    assert problems["channel"].code == "channel.unknown"
    assert problems["purpose"].code == "purpose.required"
    assert problems["follow_ups[0].action"].code == "action.required"
    assert problems["notes"].params == {"max": 4000}
    assert problems["follow_ups[1].due_date"].code == "due_date.before_interview"
    assert problems["follow_ups[2].owner_id"].code == "owner.invalid"
    assert problems["follow_ups[4].due_date"].code == "due_date.required"
    assert services.interviews.interviews(adviser, client_id) == []
    assert services.interviews.my_follow_ups(adviser).is_empty
    assert last_seq(services, admin) == before


def test_an_interview_time_must_carry_its_time_zone(
    services: Services, adviser: Actor, client_id: int
) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        services.interviews.record_interview(
            adviser, client_id, interview(occurred_at=HELD.replace(tzinfo=None))
        )


def test_a_disabled_colleague_cannot_own_a_follow_up(
    services: Services, admin: Actor, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    colleague = make_user(Role.ADVISER)
    supervisor = make_user(Role.SUPERVISOR)
    services.users.set_active(admin, colleague.user_id, False)

    owners = services.interviews.follow_up_owners(adviser, client_id)
    assert {o.id for o in owners} == {adviser.user_id, supervisor.user_id}
    assert {o.role for o in owners} == {Role.ADVISER, Role.SUPERVISOR}
    with pytest.raises(Invalid) as refused:
        services.interviews.record_interview(
            adviser, client_id, interview(), [FollowUpInput("Call", TODAY, colleague.user_id)]
        )
    assert set(refused.value.problems) == {"follow_ups[0].owner_id"}
    recorded = services.interviews.record_interview(
        adviser, client_id, interview(), [FollowUpInput("Call", TODAY, supervisor.user_id)]
    )
    assert recorded.follow_ups[0].owner_name == supervisor.full_name


# -- visibility -------------------------------------------------------------------------------
def test_only_those_who_serve_the_client_record_and_read_its_interviews(
    services: Services, admin: Actor, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    other_adviser = make_user(Role.ADVISER)
    supervisor = make_user(Role.SUPERVISOR)
    compliance = make_user(Role.COMPLIANCE)
    other_branch = services.users.create_branch(admin, code="GZ-003", name="广州支行")
    far_supervisor = make_user(Role.SUPERVISOR, branch_id=other_branch.id)
    before = last_seq(services, admin)

    with pytest.raises(NotFound):
        services.interviews.record_interview(other_adviser, client_id, interview())
    with pytest.raises(NotFound):
        services.interviews.record_interview(far_supervisor, client_id, interview())
    with pytest.raises(PermissionDenied):
        services.interviews.record_interview(compliance, client_id, interview())
    with pytest.raises(PermissionDenied):
        services.interviews.record_interview(admin, client_id, interview())
    with pytest.raises(NotFound):
        services.interviews.interviews(other_adviser, client_id)
    with pytest.raises(NotFound):
        services.interviews.follow_up_owners(other_adviser, client_id)
    assert last_seq(services, admin) == before

    by_supervisor = services.interviews.record_interview(
        supervisor, client_id, interview(), [FollowUpInput("Review the file", TODAY)]
    )
    assert by_supervisor.follow_ups[0].owner_id == supervisor.user_id  # the default owner
    assert [i.id for i in services.interviews.interviews(compliance, client_id)] == [
        by_supervisor.id
    ]
    assert len(services.interviews.timeline_entries(compliance, client_id)) == 2
    with pytest.raises(NotFound):
        services.interviews.timeline_entries(other_adviser, client_id)
    with pytest.raises(PermissionDenied):
        services.interviews.interviews(admin, client_id)


# -- corrections ------------------------------------------------------------------------------
def test_a_correction_is_a_new_interview_and_the_original_stays(
    services: Services, admin: Actor, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    original = services.interviews.record_interview(
        adviser, client_id, interview(purpose="Annual reveiw")
    )
    before = last_seq(services, admin)
    corrected = services.interviews.record_interview(
        adviser,
        client_id,
        interview(purpose="Annual review"),
        corrects_id=original.id,
    )
    assert corrected.id != original.id
    assert corrected.corrects_id == original.id
    assert events(services, admin, before) == [
        ("interview.corrected", f"interview:{corrected.id}", adviser.user_id)
    ]
    assert services.audit.list_events(admin, limit=1)[0].changes["corrects_id"] == [
        None,
        original.id,
    ]

    with pytest.raises(Conflict) as again:
        services.interviews.record_interview(
            adviser, client_id, interview(), corrects_id=original.id
        )
    assert again.value.params["reason"] == "interview_superseded"
    assert again.value.params["latest_id"] == corrected.id

    third = services.interviews.record_interview(
        adviser,
        client_id,
        interview(purpose="Annual review (2026)", occurred_at=HELD + timedelta(minutes=1)),
        corrects_id=corrected.id,
    )
    listed = services.interviews.interviews(adviser, client_id)
    assert [(i.id, i.corrects_id, i.superseded_by_id) for i in listed] == [
        (third.id, corrected.id, None),
        (corrected.id, original.id, third.id),
        (original.id, None, corrected.id),
    ]
    assert listed[2].purpose == "Annual reveiw"  # never edited
    timeline = services.interviews.timeline_entries(adviser, client_id)
    assert [(e.kind, e.ref_id, e.title) for e in timeline] == [
        ("interview", third.id, "Annual review (2026)")
    ]

    other_client = new_client(services, adviser, 2, "李娜")
    with pytest.raises(NotFound):
        services.interviews.record_interview(
            adviser, other_client, interview(), corrects_id=third.id
        )
    with pytest.raises(NotFound):
        services.interviews.record_interview(adviser, client_id, interview(), corrects_id=99999)


def test_the_timeline_shows_interviews_and_follow_ups_newest_first(
    services: Services, adviser: Actor, client_id: int, clock: FakeClock
) -> None:
    recorded = services.interviews.record_interview(
        adviser, client_id, interview(), [FollowUpInput("Send the prospectus", TODAY)]
    )
    follow_up = recorded.follow_ups[0]
    timeline = services.interviews.timeline_entries(adviser, client_id)
    assert [(e.kind, e.title, e.detail, e.by) for e in timeline] == [
        ("follow_up", "Send the prospectus", "2026-11-27", adviser.full_name),
        ("interview", recorded.purpose, recorded.notes, adviser.full_name),
    ]
    clock.advance(hours=3)
    services.interviews.complete_follow_up(adviser, follow_up.id, 1, "Sent by e-mail")
    done = services.interviews.timeline_entries(adviser, client_id)[0]
    assert (done.when, done.kind, done.detail, done.ref_id) == (
        clock.now,
        "follow_up",
        "Sent by e-mail",
        follow_up.id,
    )
    # The client page's one timeline carries them too.
    kinds = [e.kind for e in services.clients.timeline(adviser, client_id)]
    assert kinds.count("interview") == 1 and kinds.count("follow_up") == 1


# -- my follow-ups ----------------------------------------------------------------------------
def test_due_states_turn_at_the_branch_midnight_not_at_utc_midnight(
    services: Services, adviser: Actor, client_id: int, clock: FakeClock, shanghai: None
) -> None:
    services.interviews.record_interview(
        adviser,
        client_id,
        interview(occurred_at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC)),
        [
            FollowUpInput("due in a week", date(2026, 12, 4)),
            FollowUpInput("due tomorrow", date(2026, 11, 28)),
            FollowUpInput("due today", date(2026, 11, 27)),
            FollowUpInput("due yesterday", date(2026, 11, 26)),
        ],
    )

    def actions(board_part: tuple[FollowUpDTO, ...]) -> list[str]:
        return [f.action for f in board_part]

    clock.now = datetime(2026, 11, 27, 15, 59, 59, tzinfo=UTC)  # 23:59:59 in Shanghai
    board = services.interviews.my_follow_ups(adviser)
    assert board.today == date(2026, 11, 27)
    assert actions(board.overdue) == ["due yesterday"]
    assert actions(board.due_today) == ["due today"]
    assert actions(board.upcoming) == ["due tomorrow", "due in a week"]
    assert {f.due_state for f in board.upcoming} == {DueState.UPCOMING}

    clock.advance(seconds=1)  # 00:00 on the 28th in Shanghai, still the 27th in UTC
    board = services.interviews.my_follow_ups(adviser)
    assert board.today == date(2026, 11, 28)
    assert actions(board.overdue) == ["due yesterday", "due today"]
    assert actions(board.due_today) == ["due tomorrow"]
    assert actions(board.upcoming) == ["due in a week"]
    assert board.overdue[1].due_state is DueState.OVERDUE

    clock.advance(days=6)
    board = services.interviews.my_follow_ups(adviser)
    assert (len(board.overdue), actions(board.due_today), board.upcoming) == (
        3,
        ["due in a week"],
        (),
    )


def test_the_interview_day_is_the_branch_day_for_due_dates(
    services: Services, adviser: Actor, client_id: int, clock: FakeClock, shanghai: None
) -> None:
    clock.now = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    held = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 01:00 on the 28th in Shanghai
    with pytest.raises(Invalid) as refused:
        services.interviews.record_interview(
            adviser,
            client_id,
            interview(occurred_at=held),
            [FollowUpInput("same UTC day", date(2026, 11, 27))],
        )
    assert refused.value.problems["follow_ups[0].due_date"].params == {"day": "2026-11-28"}
    recorded = services.interviews.record_interview(
        adviser,
        client_id,
        interview(occurred_at=held),
        [FollowUpInput("same branch day", date(2026, 11, 28))],
    )
    assert recorded.follow_ups[0].due_state is DueState.DUE_TODAY


def test_supervisors_see_the_branch_board_and_others_only_their_own(
    services: Services, admin: Actor, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    compliance = make_user(Role.COMPLIANCE)
    other_branch = services.users.create_branch(admin, code="SZ-004", name="深圳支行")
    far_adviser = make_user(Role.ADVISER, branch_id=other_branch.id)
    far_client = new_client(services, far_adviser, 3, "陈静")
    services.interviews.record_interview(
        adviser, client_id, interview(), [FollowUpInput("mine", TODAY)]
    )
    services.interviews.record_interview(
        far_adviser, far_client, interview(), [FollowUpInput("far away", TODAY)]
    )

    assert services.interviews.my_follow_ups(supervisor).is_empty
    branch = services.interviews.my_follow_ups(supervisor, branch=True)
    assert branch.branch is True
    assert [(f.action, f.owner_name) for f in branch.all] == [("mine", adviser.full_name)]
    assert services.interviews.my_follow_ups(compliance).is_empty
    with pytest.raises(PermissionDenied):
        services.interviews.my_follow_ups(adviser, branch=True)
    with pytest.raises(PermissionDenied):
        services.interviews.my_follow_ups(compliance, branch=True)
    with pytest.raises(PermissionDenied):
        services.interviews.my_follow_ups(admin)


# -- done and snooze --------------------------------------------------------------------------
@pytest.fixture
def follow_up(services: Services, adviser: Actor, client_id: int) -> FollowUpDTO:
    recorded = services.interviews.record_interview(
        adviser, client_id, interview(), [FollowUpInput("Send the prospectus", TODAY)]
    )
    return recorded.follow_ups[0]


def test_completing_needs_an_outcome_and_is_audited(
    services: Services, admin: Actor, adviser: Actor, follow_up: FollowUpDTO, clock: FakeClock
) -> None:
    with pytest.raises(Invalid) as refused:
        services.interviews.complete_follow_up(adviser, follow_up.id, follow_up.version, " \n ")
    assert set(refused.value.problems) == {"outcome"}

    clock.advance(hours=1)
    before = last_seq(services, admin)
    done = services.interviews.complete_follow_up(
        adviser, follow_up.id, follow_up.version, "Sent; client will read it this week."
    )
    assert done.status is FollowUpStatus.DONE
    assert (done.done_by, done.done_at, done.due_state) == (adviser.full_name, clock.now, None)
    assert done.version == follow_up.version + 1
    assert events(services, admin, before) == [
        ("follow_up.done", f"follow_up:{follow_up.id}", adviser.user_id)
    ]
    changes = services.audit.list_events(admin, limit=1)[0].changes
    assert changes["status"] == ["open", "done"]
    assert changes["outcome"] == [None, "Sent; client will read it this week."]
    assert changes["version"] == [1, 2]
    assert services.interviews.my_follow_ups(adviser).is_empty
    with pytest.raises(Conflict):
        services.interviews.complete_follow_up(adviser, follow_up.id, done.version, "again")


def test_snoozing_moves_the_due_date_to_a_later_day_with_a_reason(
    services: Services, admin: Actor, adviser: Actor, follow_up: FollowUpDTO, clock: FakeClock
) -> None:
    with pytest.raises(Invalid) as refused:
        services.interviews.snooze_follow_up(adviser, follow_up.id, 1, TODAY, "")
    assert set(refused.value.problems) == {"new_due_date", "reason"}
    assert refused.value.problems["new_due_date"].code == "due_date.not_after_today"

    before = last_seq(services, admin)
    snoozed = services.interviews.snooze_follow_up(
        adviser, follow_up.id, 1, date(2026, 12, 3), "  Client travelling until   2 Dec "
    )
    assert (snoozed.due_date, snoozed.status, snoozed.version) == (
        date(2026, 12, 3),
        FollowUpStatus.OPEN,
        2,
    )
    assert events(services, admin, before) == [
        ("follow_up.snoozed", f"follow_up:{follow_up.id}", adviser.user_id)
    ]
    changes = services.audit.list_events(admin, limit=1)[0].changes
    assert changes["due_date"] == ["2026-11-27", "2026-12-03"]
    assert changes["reason"] == [None, "Client travelling until 2 Dec"]
    board = services.interviews.my_follow_ups(adviser)
    assert [f.id for f in board.upcoming] == [follow_up.id]


def test_a_stale_version_is_refused_with_who_changed_what(
    services: Services, make_user: MakeUser, adviser: Actor, follow_up: FollowUpDTO
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    # Both opened version 1; the supervisor saves first.
    services.interviews.snooze_follow_up(
        supervisor, follow_up.id, follow_up.version, date(2026, 12, 1), "Client asked to wait"
    )
    with pytest.raises(ConcurrentEdit) as stale:
        services.interviews.complete_follow_up(adviser, follow_up.id, follow_up.version, "Done")
    assert stale.value.params["who"] == supervisor.full_name
    assert stale.value.changed_fields == ["due_date"]
    assert stale.value.current_version == 2
    with pytest.raises(ConcurrentEdit):
        services.interviews.snooze_follow_up(
            adviser, follow_up.id, follow_up.version, date(2026, 12, 9), "later"
        )
    done = services.interviews.complete_follow_up(adviser, follow_up.id, 2, "Done after all")
    assert done.due_date == date(2026, 12, 1)


def test_a_save_racing_another_session_is_refused_not_overwritten(
    services: Services,
    make_user: MakeUser,
    adviser: Actor,
    follow_up: FollowUpDTO,
    clock: FakeClock,
    backend: str,
) -> None:
    """Two sessions read version 1; the other commits between this one's read and its write.
    (SQLite transactions take the write lock at BEGIN, so there the race cannot happen.)"""
    if backend != "postgresql":
        pytest.skip("SQLite serialises the two transactions: no window to race in")
    supervisor = make_user(Role.SUPERVISOR)
    start = clock.now
    raced: list[bool] = []

    def clock_that_lets_the_other_session_in() -> datetime:
        if not raced:  # complete_follow_up asks the time after reading, before writing
            raced.append(True)
            services.interviews.snooze_follow_up(
                supervisor, follow_up.id, 1, date(2026, 12, 2), "Racing"
            )
        return start

    original_factory = services.interviews.uow_factory

    def factory() -> Any:
        uow = original_factory()
        uow.clock = clock_that_lets_the_other_session_in
        return uow

    services.interviews.uow_factory = factory
    try:
        with pytest.raises(ConcurrentEdit) as stale:
            services.interviews.complete_follow_up(adviser, follow_up.id, 1, "Done")
    finally:
        services.interviews.uow_factory = original_factory
    assert raced == [True]
    assert stale.value.current_version == 2
    assert stale.value.params["who"] == supervisor.full_name
    board = services.interviews.my_follow_ups(adviser)
    assert [(f.id, f.due_date) for f in board.upcoming] == [(follow_up.id, date(2026, 12, 2))]


def test_only_the_owner_or_a_supervisor_of_the_branch_changes_a_follow_up(
    services: Services,
    admin: Actor,
    adviser: Actor,
    make_user: MakeUser,
    client_id: int,
) -> None:
    colleague = make_user(Role.ADVISER)
    stranger = make_user(Role.ADVISER)
    supervisor = make_user(Role.SUPERVISOR)
    compliance = make_user(Role.COMPLIANCE)
    other_branch = services.users.create_branch(admin, code="HZ-005", name="杭州支行")
    far_supervisor = make_user(Role.SUPERVISOR, branch_id=other_branch.id)
    recorded = services.interviews.record_interview(
        adviser,
        client_id,
        interview(),
        [
            FollowUpInput("the colleague's", TODAY, colleague.user_id),
            FollowUpInput("the adviser's", TODAY),
        ],
    )
    theirs, own = recorded.follow_ups
    before = last_seq(services, admin)

    # The client's adviser sees the client but does not own the colleague's follow-up.
    with pytest.raises(PermissionDenied):
        services.interviews.complete_follow_up(adviser, theirs.id, 1, "Not mine to close")
    with pytest.raises(NotFound):
        services.interviews.complete_follow_up(stranger, own.id, 1, "Who is this client?")
    with pytest.raises(NotFound):
        services.interviews.snooze_follow_up(far_supervisor, own.id, 1, date(2026, 12, 1), "x")
    with pytest.raises(PermissionDenied):
        services.interviews.complete_follow_up(compliance, own.id, 1, "Read-only")
    with pytest.raises(NotFound):
        services.interviews.complete_follow_up(adviser, 987654, 1, "Nothing there")
    assert last_seq(services, admin) == before

    # The owner may, though the client is not theirs; so may the branch's supervisor.
    assert services.interviews.complete_follow_up(colleague, theirs.id, 1, "Called").version == 2
    snoozed = services.interviews.snooze_follow_up(
        supervisor, own.id, 1, date(2026, 12, 1), "Adviser on leave"
    )
    assert snoozed.owner_id == adviser.user_id  # the owner stays


# -- pure rules -------------------------------------------------------------------------------
def test_due_state_and_grouping_rules() -> None:
    today = date(2026, 3, 1)
    assert due_state(date(2026, 2, 28), today) is DueState.OVERDUE
    assert due_state(today, today) is DueState.DUE_TODAY
    assert due_state(date(2026, 3, 2), today) is DueState.UPCOMING
    days = [date(2026, 3, 5), date(2026, 2, 1), today, date(2026, 2, 28)]
    groups = group_by_due_state(days, today, lambda d: d)
    assert groups == {
        DueState.OVERDUE: [date(2026, 2, 1), date(2026, 2, 28)],
        DueState.DUE_TODAY: [today],
        DueState.UPCOMING: [date(2026, 3, 5)],
    }
    assert group_by_due_state([], today, lambda d: d) == {s: [] for s in DueState}
    assert [s.rank for s in DueState] == [0, 1, 2]
