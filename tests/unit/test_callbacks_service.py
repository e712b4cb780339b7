"""Follow-up calls (回访) through CallbackService, on the test database (SQLite, or PostgreSQL
when CRM_DESK_TEST_DATABASE_URL is set): which sales get a call, who may make it and when, the
checklist, the cases a "no" opens, cancellation, immutability and the audit trail.

Decision tested here: only sales with cooling-off, exception sales and sales to a client at or
above the policy's elderly age get a call; a plain suitable sale without cooling-off to a younger
client does not (the rule book's list, not every sale)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from crm_desk.domain.aftercare import (
    CHECKLIST_IDS,
    CallInput,
    CallReason,
    CallState,
    CallStatus,
    CaseReason,
    CaseStatus,
    call_reasons,
    call_state,
    call_window,
)
from crm_desk.domain.errors import (
    ConcurrentEdit,
    ConfigurationError,
    Conflict,
    NotFound,
    PermissionDenied,
)
from crm_desk.domain.errors import ValidationError as Invalid
from crm_desk.domain.policy import AftercarePolicy, parse_policy
from crm_desk.services.actor import Actor
from crm_desk.services.callback_dto import CallbackTaskDTO
from crm_desk.services.container import Services
from tests.aftercare_support import (
    Branch,
    make_branch,
    new_client,
    new_product,
    sell,
    sell_by_exception,
)
from tests.conftest import FakeClock, MakeUser
from tests.unit.test_domain_rules import VALID

pytestmark = pytest.mark.db

ALL_YES = dict.fromkeys(CHECKLIST_IDS, True)


@pytest.fixture
def branch(services: Services, admin: Actor, make_user: MakeUser) -> Branch:
    return make_branch(services, admin, make_user)


def reached(**answers: bool) -> CallInput:
    return CallInput(
        "reached",
        ALL_YES | answers,
        notes="客户表示已阅读合同。" if not answers else "客户称未阅读合同，需补充说明。",
    )


def not_reached(when: datetime | None) -> CallInput:
    return CallInput("not_reached", {}, notes="无人接听", next_try_at=when)


def only_task(services: Services, actor: Actor) -> CallbackTaskDTO:
    board = services.callbacks.board(actor)
    assert len(board.all) == 1, board
    return board.all[0]


def reason(exc: pytest.ExceptionInfo[Conflict]) -> str:
    return str(exc.value.params["reason"])


# -- which sales get a call -------------------------------------------------------------------
def test_a_plain_suitable_sale_to_a_younger_client_gets_no_call(
    services: Services, branch: Branch
) -> None:
    client = new_client(services, branch.seller)
    product = new_product(services, branch.admin, risk="R2")
    sell(services, branch.seller, client, product)
    assert services.callbacks.board(branch.colleague).all == ()


def test_a_sale_with_cooling_off_gets_a_call_once_it_ends(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller)
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=24)
    sale = sell(services, branch.seller, client, product)
    assert sale.cooling_off_ends_at == clock.now + timedelta(hours=24)

    task = only_task(services, branch.colleague)
    assert task.sale_id == sale.id and task.client_id == client
    assert task.reasons == (CallReason.COOLING_OFF,)
    assert task.callable_from == sale.cooling_off_ends_at
    due_days = services.policy.aftercare.callback_days
    assert task.due_at == sale.cooling_off_ends_at + timedelta(days=due_days)
    assert task.state is CallState.WAITING and task.may_call
    assert task.seller_id == branch.seller.user_id
    # The seller sees it on the board too, but may not make it; only who serves the client may
    # open the client's page (the caller gets what the call needs, and the number on request).
    mine = only_task(services, branch.seller)
    assert not mine.may_call and mine.client_visible
    assert not task.client_visible
    assert only_task(services, branch.supervisor).client_visible


def test_an_exception_sale_gets_a_call_due_from_the_sale(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller)  # C3
    product = new_product(services, branch.admin, risk="R4")
    sale = sell_by_exception(services, branch.seller, branch.supervisor, client, product)
    task = only_task(services, branch.colleague)
    assert task.reasons == (CallReason.EXCEPTION,)
    assert task.callable_from == sale.recorded_at
    assert task.state is CallState.DUE


def test_a_sale_to_an_elderly_client_gets_a_call(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    age = services.policy.investor.elderly_age
    today = clock.now.date()
    born = date(today.year - age, 1, 2)  # turned the age this year
    client = new_client(services, branch.seller, born=born)
    product = new_product(services, branch.admin, risk="R1")
    sell(services, branch.seller, client, product)
    assert only_task(services, branch.colleague).reasons == (CallReason.ELDERLY,)

    younger = new_client(services, branch.seller, born=date(today.year - age + 1, 1, 2))
    sell(services, branch.seller, younger, product)
    assert len(services.callbacks.board(branch.colleague).all) == 1


# -- who may call, and when -------------------------------------------------------------------
@pytest.fixture
def cooling_sale(services: Services, branch: Branch) -> int:
    client = new_client(services, branch.seller, name="陈冷静")
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=24)
    return sell(services, branch.seller, client, product).id


def test_no_call_during_cooling_off(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    with pytest.raises(Conflict) as early:
        services.callbacks.record_call(branch.colleague, task.id, task.version, reached())
    assert reason(early) == "callback_cooling_off"
    assert early.value.params["until"] == task.callable_from
    with pytest.raises(Conflict):
        services.callbacks.reveal_phone(branch.colleague, task.id)

    clock.now = task.callable_from
    recorded = services.callbacks.record_call(branch.colleague, task.id, task.version, reached())
    assert recorded.task.status is CallStatus.DONE and recorded.case_id is None


def test_the_seller_may_not_make_their_own_call(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.seller)
    clock.now = task.callable_from + timedelta(hours=1)
    with pytest.raises(Conflict) as own:
        services.callbacks.record_call(branch.seller, task.id, task.version, reached())
    assert reason(own) == "callback_own_sale"
    with pytest.raises(Conflict):
        services.callbacks.reveal_phone(branch.seller, task.id)
    # Another branch does not even see it; compliance reads but may not call.
    with pytest.raises(NotFound):
        services.callbacks.record_call(branch.far_adviser, task.id, task.version, reached())
    assert services.callbacks.board(branch.far_adviser).all == ()
    with pytest.raises(PermissionDenied):
        services.callbacks.record_call(branch.compliance, task.id, task.version, reached())
    assert not only_task(services, branch.compliance).may_call
    # A supervisor of the branch may.
    done = services.callbacks.record_call(branch.supervisor, task.id, task.version, reached())
    assert done.task.status is CallStatus.DONE


def test_the_caller_sees_the_phone_number_and_the_reveal_is_audited(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    assert len(task.phone_last4) == 4
    clock.now = task.callable_from
    number = services.callbacks.reveal_phone(branch.colleague, task.id)
    assert number.startswith("+86139") and number.endswith(task.phone_last4)
    event = services.audit.list_events(branch.admin, limit=1)[0]
    assert (event.action, event.entity_id, event.actor_name) == (
        "client.revealed",
        str(task.client_id),
        branch.colleague.display_name,
    )


# -- the checklist ----------------------------------------------------------------------------
def test_every_question_must_be_answered_when_the_client_was_reached(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from
    partial = CallInput("reached", {"identity": True, "contract_read": None})
    with pytest.raises(Invalid) as invalid:
        services.callbacks.record_call(branch.colleague, task.id, task.version, partial)
    assert set(invalid.value.problems) == {
        "answer.contract_read",
        "answer.risks_understood",
        "answer.complaint_channel",
    }
    with pytest.raises(Invalid) as no_outcome:
        services.callbacks.record_call(
            branch.colleague, task.id, task.version, CallInput("", ALL_YES)
        )
    assert set(no_outcome.value.problems) == {"outcome"}
    # A "no" needs a note of what the client said.
    with pytest.raises(Invalid) as silent_no:
        services.callbacks.record_call(
            branch.colleague,
            task.id,
            task.version,
            CallInput("reached", ALL_YES | {"identity": False}),
        )
    assert set(silent_no.value.problems) == {"notes"}
    # Nothing was saved by the refusals.
    assert services.callbacks.task_detail(branch.colleague, task.id).attempts == ()


def test_all_yes_closes_the_call_and_keeps_the_answers(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from + timedelta(hours=2)
    recorded = services.callbacks.record_call(branch.colleague, task.id, task.version, reached())
    assert recorded.task.status is CallStatus.DONE and recorded.task.state is None
    assert recorded.task.closed_by == branch.colleague.display_name
    detail = services.callbacks.task_detail(branch.supervisor, task.id)
    (attempt,) = detail.attempts
    assert [(a.item, a.answer) for a in attempt.answers] == [(i, True) for i in CHECKLIST_IDS]
    assert attempt.answers[0].question.zh_CN.startswith("客户是否")
    assert attempt.called_by == branch.colleague.display_name
    assert detail.cases == ()
    board = services.callbacks.board(branch.colleague)
    assert [t.id for t in board.closed] == [task.id]
    # Done is done: a second call on the same task is refused.
    with pytest.raises(Conflict) as closed:
        services.callbacks.record_call(branch.colleague, task.id, recorded.task.version, reached())
    assert reason(closed) == "callback_closed"
    event = services.audit.list_events(branch.admin, limit=1)[0]
    assert event.action == "callback.recorded" and event.entity_id == str(task.id)
    assert event.changes["answers"][1] == dict.fromkeys(CHECKLIST_IDS, "yes")
    assert event.changes["status"] == ["open", "done"]


def test_a_no_opens_a_case_the_supervisor_resolves(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from + timedelta(hours=2)
    recorded = services.callbacks.record_call(
        branch.colleague, task.id, task.version, reached(contract_read=False)
    )
    assert recorded.task.status is CallStatus.DONE and recorded.case_id is not None
    assert recorded.task.open_cases == 1
    # The client's timeline shows the call and what was answered no.
    entries = services.clients.timeline(branch.seller, task.client_id)
    (call,) = [e for e in entries if e.kind == "callback"]
    assert (call.ref_id, call.detail, call.by) == (
        task.id,
        "done:contract_read",
        branch.colleague.display_name,
    )

    (case,) = services.callbacks.cases(branch.supervisor, status=CaseStatus.OPEN)
    assert case.id == recorded.case_id and case.reason is CaseReason.ANSWER_NO
    assert case.failed_items == ("contract_read",)
    assert case.failed_questions[0].en.startswith("Has the client read the contract")
    assert case.notes == "客户称未阅读合同，需补充说明。"
    assert case.called_by == branch.colleague.display_name and case.may_resolve
    # The seller's own clients' cases are visible to the seller, but advisers cannot resolve.
    assert [c.id for c in services.callbacks.cases(branch.seller)] == [case.id]
    with pytest.raises(PermissionDenied):
        services.callbacks.resolve_case(branch.colleague, case.id, case.version, "已处理完毕。")
    with pytest.raises(Invalid) as short:
        services.callbacks.resolve_case(branch.supervisor, case.id, case.version, "ok")
    assert set(short.value.problems) == {"resolution"}

    resolved = services.callbacks.resolve_case(
        branch.supervisor,
        case.id,
        case.version,
        "已安排客户经理以外的同事上门讲解合同条款，客户确认理解。",
    )
    assert resolved.status is CaseStatus.RESOLVED and not resolved.may_resolve
    assert resolved.resolved_by == branch.supervisor.display_name
    with pytest.raises(Conflict) as again:
        services.callbacks.resolve_case(
            branch.second_supervisor, case.id, resolved.version, "再次处理此事。"
        )
    assert reason(again) == "case_resolved"
    event = services.audit.list_events(branch.admin, limit=1)[0]
    assert (event.action, event.entity_id) == ("callback_case.resolved", str(case.id))
    assert services.callbacks.cases(branch.supervisor, status=CaseStatus.OPEN) == []


def test_a_supervisor_who_sold_may_not_resolve_the_case_of_their_sale(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller)  # sold by the supervisor in person
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=24)
    sell(services, branch.supervisor, client, product)
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from
    recorded = services.callbacks.record_call(
        branch.colleague, task.id, task.version, reached(risks_understood=False)
    )
    assert recorded.case_id is not None
    (case,) = services.callbacks.cases(branch.supervisor)
    assert not case.may_resolve
    with pytest.raises(Conflict) as own:
        services.callbacks.resolve_case(
            branch.supervisor, case.id, case.version, "客户已理解风险。"
        )
    assert reason(own) == "case_own_sale"
    services.callbacks.resolve_case(
        branch.second_supervisor, case.id, case.version, "已再次解释产品风险。"
    )


def test_not_reached_reschedules_and_the_last_attempt_opens_a_case(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from + timedelta(hours=1)
    with pytest.raises(Invalid) as no_time:
        services.callbacks.record_call(branch.colleague, task.id, task.version, not_reached(None))
    assert set(no_time.value.problems) == {"next_try_at"}
    with pytest.raises(Invalid) as past:
        services.callbacks.record_call(
            branch.colleague, task.id, task.version, not_reached(clock.now - timedelta(hours=1))
        )
    assert past.value.problems["next_try_at"].code == "call.next_try_past"

    attempts = services.policy.aftercare.callback_max_attempts
    version = task.version
    for number in range(1, attempts):
        later = clock.now + timedelta(days=1)
        result = services.callbacks.record_call(
            branch.colleague, task.id, version, not_reached(later)
        )
        assert result.task.status is CallStatus.OPEN and result.case_id is None
        assert result.task.next_try_at == later and result.task.attempts == number
        version = result.task.version
        clock.now = later
    # The last attempt the policy allows: no next try needed, the call is given up.
    last = services.callbacks.record_call(branch.colleague, task.id, version, not_reached(None))
    assert last.task.status is CallStatus.UNREACHABLE and last.case_id is not None
    (case,) = services.callbacks.cases(branch.supervisor)
    assert case.reason is CaseReason.UNREACHABLE
    assert len(services.callbacks.task_detail(branch.colleague, task.id).attempts) == attempts


def test_overdue_calls_show_as_overdue(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.due_at + timedelta(minutes=1)
    board = services.callbacks.board(branch.colleague)
    assert [t.id for t in board.overdue] == [task.id]
    assert board.due == () and board.waiting == ()


def test_a_stale_version_is_refused_and_says_who_called(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from
    services.callbacks.record_call(
        branch.supervisor, task.id, task.version, not_reached(clock.now + timedelta(hours=3))
    )
    with pytest.raises(ConcurrentEdit) as stale:
        services.callbacks.record_call(branch.colleague, task.id, task.version, reached())
    assert stale.value.params["who"] == branch.supervisor.display_name


# -- cancellation -----------------------------------------------------------------------------
def test_cancelling_the_sale_in_cooling_off_cancels_the_call(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int
) -> None:
    clock.advance(hours=2)
    services.sales.cancel(branch.seller, cooling_sale, "客户在冷静期内要求撤销购买。")
    task = only_task(services, branch.colleague)
    assert task.status is CallStatus.CANCELLED and not task.may_call
    assert task.cancel_reason == "客户在冷静期内要求撤销购买。"
    clock.now = task.callable_from + timedelta(hours=1)
    with pytest.raises(Conflict) as closed:
        services.callbacks.record_call(branch.colleague, task.id, task.version, reached())
    assert reason(closed) == "callback_closed"
    actions = [e.action for e in services.audit.list_events(branch.admin, limit=5)]
    assert "callback.cancelled" in actions


# -- the record stands ------------------------------------------------------------------------
def test_a_recorded_call_and_a_resolved_case_never_change(
    services: Services, branch: Branch, clock: FakeClock, cooling_sale: int, engine: Engine
) -> None:
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from
    recorded = services.callbacks.record_call(
        branch.colleague, task.id, task.version, reached(identity=False)
    )
    assert recorded.case_id is not None
    services.callbacks.resolve_case(
        branch.supervisor, recorded.case_id, 1, "已电话核实客户本人身份，确认为本人购买。"
    )
    for statement in (
        "UPDATE callback_attempts SET notes = 'changed'",
        "DELETE FROM callback_attempts",
        "UPDATE callback_cases SET resolution = 'changed'",
        "DELETE FROM callback_cases",
    ):
        with engine.begin() as conn, pytest.raises(DBAPIError):
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT notes FROM callback_attempts")).scalar_one() != "changed"


def test_every_step_is_audited_in_its_transaction(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    start = services.audit.list_events(branch.admin, limit=1)[0].seq
    client = new_client(services, branch.seller)
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=48)
    sell(services, branch.seller, client, product)
    task = only_task(services, branch.colleague)
    clock.now = task.callable_from + timedelta(seconds=1)
    services.callbacks.record_call(
        branch.colleague, task.id, task.version, reached(complaint_channel=False)
    )
    actions = [
        e.action
        for e in reversed(services.audit.list_events(branch.admin, limit=100))
        if e.seq > start
    ]
    order = ["sale.recorded", "callback.created", "callback.recorded", "callback_case.opened"]
    assert [a for a in actions if a in order] == order


# -- the rules themselves (pure) ---------------------------------------------------------------
def test_which_sales_get_a_call_at_the_boundaries() -> None:
    sale_day = date(2026, 11, 27)
    plain = {"cooling_off_ends_at": None, "is_exception": False, "sale_day": sale_day}
    turns_65_today = date(1961, 11, 27)
    turns_65_tomorrow = date(1961, 11, 28)
    assert call_reasons(**plain, birth_date=turns_65_today, elderly_age=65) == (CallReason.ELDERLY,)
    assert call_reasons(**plain, birth_date=turns_65_tomorrow, elderly_age=65) == ()
    ends = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert call_reasons(
        cooling_off_ends_at=ends,
        is_exception=True,
        birth_date=turns_65_today,
        sale_day=sale_day,
        elderly_age=65,
    ) == (CallReason.COOLING_OFF, CallReason.EXCEPTION, CallReason.ELDERLY)


def test_a_call_is_waiting_until_cooling_off_ends_and_overdue_after_its_due_time() -> None:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    callable_from, due = call_window(start - timedelta(hours=24), start, 3)
    assert (callable_from, due) == (start, start + timedelta(days=3))
    assert call_state(callable_from, due, start - timedelta(seconds=1)) is CallState.WAITING
    assert call_state(callable_from, due, start) is CallState.DUE
    assert call_state(callable_from, due, due) is CallState.DUE
    assert call_state(callable_from, due, due + timedelta(seconds=1)) is CallState.OVERDUE
    # Without cooling-off the call may be made from the sale on.
    assert call_window(start, None, 2) == (start, start + timedelta(days=2))


def test_the_aftercare_policy_section_is_optional_and_checked() -> None:
    base = {k: v for k, v in VALID.items() if k != "aftercare"}
    assert parse_policy(base).aftercare == AftercarePolicy()
    chosen = parse_policy(base | {"aftercare": {"callback_days": 5}}).aftercare
    assert (chosen.callback_days, chosen.callback_max_attempts) == (5, 3)
    for wrong in ({"callback_days": 0}, {"callback_max_attempts": "3"}, {"callbak_days": 2}):
        with pytest.raises(ConfigurationError, match="aftercare"):
            parse_policy(base | {"aftercare": wrong})
