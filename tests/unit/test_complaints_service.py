"""Complaints through the service layer, on SQLite and on PostgreSQL: the four stages, the
clock, extensions, reopening, separation of duties and who sees what."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from crm_desk.db.models_complaints import Complaint, ComplaintStage
from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.complaints import (
    ComplaintStatus,
    DeadlineState,
    ResolutionInput,
    StageKind,
)
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintDetail
from crm_desk.services.container import Services
from tests.clients_support import numbered_client
from tests.complaint_support import RESOLUTION, add_product, add_sale, answer, complaint_input
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

# conftest's FakeClock starts at 2026-11-27 09:00 UTC: 17:00 in Beijing, the policy's zone.
DAY0 = date(2026, 11, 27)


@dataclass
class Branch:
    adviser: Actor  # serves the client
    colleague: Actor  # another adviser of the branch, the usual handler
    supervisor: Actor
    supervisor2: Actor
    compliance: Actor
    client_id: int


@pytest.fixture
def branch(services: Services, make_user: MakeUser) -> Branch:
    adviser = make_user(Role.ADVISER, "adviser.a")
    client = services.clients.create_client(adviser, numbered_client(1))
    return Branch(
        adviser=adviser,
        colleague=make_user(Role.ADVISER, "adviser.b"),
        supervisor=make_user(Role.SUPERVISOR, "super.a"),
        supervisor2=make_user(Role.SUPERVISOR, "super.b"),
        compliance=make_user(Role.COMPLIANCE, "compliance.a"),
        client_id=client.id,
    )


def register(services: Services, b: Branch, **changes: object) -> ComplaintDetail:
    raw = complaint_input(client_id=b.client_id, handler_id=b.colleague.user_id)
    return services.complaints.register(b.adviser, replace(raw, **changes))  # type: ignore[arg-type]


def actions_after(services: Services, admin: Actor, seq: int) -> list[str]:
    return [e.action for e in reversed(services.audit.list_events(admin, limit=50)) if e.seq > seq]


def last_seq(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def test_registering_starts_the_clock_on_the_branch_day(
    services: Services, branch: Branch, admin: Actor
) -> None:
    before = last_seq(services, admin)
    detail = register(services, branch)
    assert detail.status is ComplaintStatus.ACCEPTED
    assert detail.row.due_date == DAY0 + timedelta(days=15)
    assert detail.row.deadline_state is DeadlineState.ON_TRACK
    assert detail.row.handler_id == branch.colleague.user_id
    assert str(detail.amount_in_dispute) == "1250.00"
    assert [s.stage for s in detail.stages] == [StageKind.ACCEPTED]
    assert actions_after(services, admin, before) == ["complaint.accepted"]


def test_accepted_at_2330_utc_is_due_from_the_next_beijing_day(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)  # 07:30 on the 28th in Beijing
    detail = register(services, branch)
    assert detail.row.due_date == date(2026, 11, 28) + timedelta(days=15)


def test_the_four_stages_and_an_answer_on_the_due_day(
    services: Services, branch: Branch, clock: FakeClock, admin: Actor
) -> None:
    handler = branch.colleague
    d = register(services, branch)
    with pytest.raises(Conflict):  # no skipping: investigate first
        services.complaints.resolve(handler, d.id, d.version, RESOLUTION)
    d = services.complaints.start_investigation(handler, d.id, d.version, "Pull the fee sheet")
    assert d.status is ComplaintStatus.INVESTIGATING
    with pytest.raises(ValidationError) as refused:
        services.complaints.resolve(
            handler, d.id, d.version, ResolutionInput("upheld", "", "", "", "")
        )
    assert {"reasoning", "root_cause", "root_cause_text", "corrective_action"} <= set(
        refused.value.problems
    )
    d = services.complaints.resolve(handler, d.id, d.version, RESOLUTION)
    assert d.status is ComplaintStatus.RESOLVED
    # The last minute of day 15 in Beijing: 15:59 UTC on the due day.
    clock.now = datetime(2026, 12, 12, 15, 59, tzinfo=UTC)
    d = services.complaints.answer(handler, d.id, d.version, answer(clock.now, satisfaction=5))
    assert d.status is ComplaintStatus.ANSWERED
    assert d.row.deadline_state is None
    last = d.stages[-1]
    assert last.stage is StageKind.ANSWERED and last.on_time is True and last.satisfaction == 5
    assert [s.stage for s in d.stages] == [
        StageKind.ACCEPTED,
        StageKind.INVESTIGATING,
        StageKind.RESOLVED,
        StageKind.ANSWERED,
    ]
    resolved = d.stages[2]
    assert resolved.root_cause is not None and resolved.corrective_action
    events = services.audit.list_events(admin, limit=10)
    assert [e.action for e in events[:3]] == [
        "complaint.answered",
        "complaint.resolved",
        "complaint.investigating",
    ]


def test_an_answer_after_local_midnight_of_day_15_is_late(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    handler = branch.colleague
    d = register(services, branch)
    d = services.complaints.start_investigation(handler, d.id, d.version, "")
    d = services.complaints.resolve(handler, d.id, d.version, RESOLUTION)
    clock.now = datetime(2026, 12, 12, 16, 0, tzinfo=UTC)  # 00:00 on the 13th in Beijing
    assert services.complaints.get(handler, d.id).row.deadline_state is DeadlineState.OVERDUE
    d = services.complaints.answer(handler, d.id, d.version, answer(clock.now))
    assert d.stages[-1].on_time is False


def test_only_the_handler_moves_the_stages(services: Services, branch: Branch) -> None:
    d = register(services, branch)
    for actor in (branch.adviser, branch.supervisor):
        with pytest.raises(PermissionDenied):
            services.complaints.start_investigation(actor, d.id, d.version, "")
    with pytest.raises(PermissionDenied):
        services.complaints.start_investigation(branch.compliance, d.id, d.version, "")


def test_a_stale_version_is_refused(services: Services, branch: Branch) -> None:
    d = register(services, branch)
    services.complaints.start_investigation(branch.colleague, d.id, d.version, "")
    with pytest.raises(ConcurrentEdit):
        services.complaints.start_investigation(branch.colleague, d.id, d.version, "")


# -- separation of duties ------------------------------------------------------------------


def test_the_adviser_complained_about_cannot_handle_it(
    services: Services, branch: Branch, admin: Actor
) -> None:
    before = last_seq(services, admin)
    with pytest.raises(ValidationError) as refused:
        register(services, branch, subject_adviser_id=branch.adviser.user_id, handler_id=None)
    assert refused.value.problems["handler_id"].code == "handler.subject"
    with pytest.raises(ValidationError):
        register(
            services,
            branch,
            subject_adviser_id=branch.colleague.user_id,
            handler_id=branch.colleague.user_id,
        )
    assert last_seq(services, admin) == before
    assert services.complaints.complaints(branch.compliance) == []


def test_the_adviser_who_sold_the_product_cannot_handle_it(
    services: Services, branch: Branch, uow: UnitOfWorkFactory
) -> None:
    product = add_product(uow)
    sale = add_sale(
        uow,
        client_id=branch.client_id,
        product_id=product,
        adviser_id=branch.colleague.user_id,
        branch_id=branch.adviser.branch_id or 0,
    )
    with pytest.raises(ValidationError) as refused:
        register(services, branch, sale_id=sale, category="sales_misconduct")
    assert refused.value.problems["handler_id"].code == "handler.seller"
    d = register(
        services,
        branch,
        sale_id=sale,
        category="sales_misconduct",
        handler_id=branch.supervisor.user_id,
    )
    assert d.seller_id == branch.colleague.user_id
    assert d.product_id == product  # taken from the sale
    # Reassigning it to the seller is refused too.
    with pytest.raises(ValidationError) as again:
        services.complaints.reassign(
            branch.supervisor2, d.id, d.version, branch.colleague.user_id, "Holiday cover"
        )
    assert again.value.problems["handler_id"].code == "handler.seller"


def test_a_sale_of_another_client_is_refused(
    services: Services, branch: Branch, uow: UnitOfWorkFactory
) -> None:
    other = services.clients.create_client(branch.adviser, numbered_client(2))
    sale = add_sale(
        uow,
        client_id=other.id,
        product_id=add_product(uow),
        adviser_id=branch.adviser.user_id,
        branch_id=branch.adviser.branch_id or 0,
    )
    with pytest.raises(ValidationError) as refused:
        register(services, branch, sale_id=sale)
    assert refused.value.problems["sale_id"].code == "complaint.sale_unknown"


def test_reassignment_is_a_supervisor_action(
    services: Services, branch: Branch, admin: Actor
) -> None:
    d = register(services, branch, subject_adviser_id=branch.adviser.user_id)
    with pytest.raises(PermissionDenied):
        services.complaints.reassign(
            branch.colleague, d.id, d.version, branch.supervisor.user_id, "Too busy"
        )
    with pytest.raises(ValidationError) as refused:
        services.complaints.reassign(
            branch.supervisor, d.id, d.version, branch.adviser.user_id, "Knows the client"
        )
    assert refused.value.problems["handler_id"].code == "handler.subject"
    d = services.complaints.reassign(
        branch.supervisor, d.id, d.version, branch.supervisor.user_id, "Escalated"
    )
    assert d.row.handler_id == branch.supervisor.user_id
    assert d.stages[-1].stage is StageKind.REASSIGNED and d.stages[-1].note == "Escalated"
    assert services.audit.list_events(admin, limit=1)[0].action == "complaint.reassigned"


# -- extensions and reopening ---------------------------------------------------------------


def test_extensions_to_30_then_60_days_with_reasons_and_a_supervisor(
    services: Services, branch: Branch, admin: Actor
) -> None:
    handler = branch.colleague
    d = register(services, branch)
    with pytest.raises(ValidationError):
        services.complaints.extend(handler, d.id, d.version, "  ")
    d = services.complaints.extend(handler, d.id, d.version, "Needs the call recordings")
    assert d.row.due_date == DAY0 + timedelta(days=30) and d.row.extension_level == 1
    assert d.extension_needs_supervisor
    # The further extension: not by the handler, by a supervisor of the branch.
    with pytest.raises(PermissionDenied):
        services.complaints.extend(handler, d.id, d.version, "Still waiting")
    d = services.complaints.extend(
        branch.supervisor, d.id, d.version, "Regulator asked for the fund's records"
    )
    assert d.row.due_date == DAY0 + timedelta(days=60) and d.row.extension_level == 2
    with pytest.raises(Conflict) as refused:
        services.complaints.extend(branch.supervisor, d.id, d.version, "More")
    assert refused.value.params["reason"] == "extension_exhausted"
    extended = [s for s in d.stages if s.stage is StageKind.EXTENDED]
    assert [s.note for s in extended] == [
        "Needs the call recordings",
        "Regulator asked for the fund's records",
    ]
    events = services.audit.list_events(admin, limit=2)
    assert [e.action for e in events] == ["complaint.extended", "complaint.extended"]
    assert events[0].changes["due_date"][1] == (DAY0 + timedelta(days=60)).isoformat()


def test_a_supervisor_never_approves_the_extension_of_their_own_complaint(
    services: Services, branch: Branch
) -> None:
    d = register(services, branch, handler_id=branch.supervisor.user_id)
    d = services.complaints.extend(branch.supervisor, d.id, d.version, "Complex case")
    with pytest.raises(Conflict) as refused:
        services.complaints.extend(branch.supervisor, d.id, d.version, "Still complex")
    assert refused.value.params["reason"] == "extension_own"
    assert services.complaints.extend(branch.supervisor2, d.id, d.version, "Approved").row.due_date


def test_no_extension_once_overdue(services: Services, branch: Branch, clock: FakeClock) -> None:
    d = register(services, branch)
    clock.now = datetime(2026, 12, 12, 15, 59, tzinfo=UTC)  # due day, last minute
    assert services.complaints.get(branch.colleague, d.id).may_extend
    clock.advance(minutes=1)
    assert not services.complaints.get(branch.colleague, d.id).may_extend
    with pytest.raises(Conflict) as refused:
        services.complaints.extend(branch.colleague, d.id, d.version, "Late")
    assert refused.value.params["reason"] == "extension_late"


def close(services: Services, b: Branch, d: ComplaintDetail, told: datetime) -> ComplaintDetail:
    d = services.complaints.start_investigation(b.colleague, d.id, d.version, "")
    d = services.complaints.resolve(b.colleague, d.id, d.version, RESOLUTION)
    return services.complaints.answer(b.colleague, d.id, d.version, answer(told, 2, False))


def test_reopening_starts_a_new_round_and_keeps_the_old_one(
    services: Services, branch: Branch, clock: FakeClock, admin: Actor
) -> None:
    d = register(services, branch)
    d = services.complaints.extend(branch.colleague, d.id, d.version, "Complex")
    with pytest.raises(Conflict):
        services.complaints.reopen(branch.colleague, d.id, d.version, "Not answered yet")
    clock.advance(days=3)
    d = close(services, branch, d, clock.now)
    first_round = d.stages
    clock.now = datetime(2027, 1, 10, 16, 30, tzinfo=UTC)  # 00:30 on the 11th in Beijing
    with pytest.raises(PermissionDenied):
        services.complaints.reopen(branch.adviser, d.id, d.version, "Client disputes")
    d = services.complaints.reopen(branch.colleague, d.id, d.version, "Client disputes the fee")
    assert d.status is ComplaintStatus.INVESTIGATING
    assert d.row.round == 2 and d.row.extension_level == 0
    assert d.row.due_date == date(2027, 1, 11) + timedelta(days=15)
    assert d.stages[: len(first_round)] == first_round  # the first round as it was
    assert d.stages[-1].stage is StageKind.REOPENED and d.stages[-1].round == 2
    assert d.may_extend  # the new round may be extended as the first could
    d = services.complaints.extend(branch.colleague, d.id, d.version, "Complex again")
    assert d.row.due_date == date(2027, 1, 11) + timedelta(days=30)
    assert services.audit.list_events(admin, limit=2)[1].action == "complaint.reopened"


def test_the_stage_history_cannot_be_changed_or_deleted(
    services: Services, branch: Branch, uow: UnitOfWorkFactory
) -> None:
    register(services, branch)
    for statement in (
        "UPDATE complaint_stages SET note = 'rewritten'",
        "DELETE FROM complaint_stages",
    ):
        with uow() as work, pytest.raises(DBAPIError):
            work.session.execute(text(statement))
            work.session.flush()
    with uow() as work:
        assert work.session.execute(select(ComplaintStage.note)).scalars().all() == [""]


def test_the_complainant_contact_is_encrypted_at_rest(
    services: Services, branch: Branch, uow: UnitOfWorkFactory
) -> None:
    d = services.complaints.register(
        branch.adviser,
        complaint_input(
            complainant_name="王 五",
            complainant_contact="13900001111",
            handler_id=branch.colleague.user_id,
        ),
    )
    assert d.complainant_contact == "13900001111"
    assert d.row.complainant == "王 五"
    with uow() as work:
        stored = work.session.execute(select(Complaint.complainant_contact_enc)).scalar_one()
    assert stored is not None and b"13900001111" not in stored


# -- who sees what ---------------------------------------------------------------------------------


def test_visibility_follows_the_client_and_the_handler(
    services: Services, branch: Branch, make_user: MakeUser, admin: Actor
) -> None:
    d = register(services, branch)
    stranger = make_user(Role.ADVISER, "adviser.c")
    other_branch = services.users.create_branch(admin, code="BJ-002", name="北京支行")
    far_supervisor = make_user(Role.SUPERVISOR, "super.far", branch_id=other_branch.id)
    for actor in (branch.adviser, branch.colleague, branch.supervisor, branch.compliance):
        assert [r.id for r in services.complaints.complaints(actor)] == [d.id]
        assert services.complaints.get(actor, d.id).id == d.id
    for actor in (stranger, far_supervisor):
        assert services.complaints.complaints(actor) == []
        with pytest.raises(NotFound):
            services.complaints.get(actor, d.id)
    assert [
        r.id for r in services.complaints.complaints(branch.adviser, client_id=d.row.client_id or 0)
    ] == [d.id]


def test_personal_data_complaints_only_for_handler_supervisor_and_compliance(
    services: Services, branch: Branch, make_user: MakeUser, admin: Actor
) -> None:
    privacy = register(services, branch, category="data_privacy")
    flagged = register(services, branch, category="fees", personal_data=True)
    plain = register(services, branch)
    assert privacy.row.personal_data and flagged.row.personal_data
    other_branch = services.users.create_branch(admin, code="GZ-003", name="广州支行")
    far_supervisor = make_user(Role.SUPERVISOR, "super.gz", branch_id=other_branch.id)
    # The client's own adviser registered them, and still sees only the plain one.
    assert [r.id for r in services.complaints.complaints(branch.adviser)] == [plain.id]
    with pytest.raises(NotFound):
        services.complaints.get(branch.adviser, privacy.id)
    every = {privacy.id, flagged.id, plain.id}
    for actor in (branch.colleague, branch.supervisor, branch.compliance):
        assert {r.id for r in services.complaints.complaints(actor)} == every
    assert services.complaints.complaints(far_supervisor) == []
    # Reassigned away, the former handler loses sight of it.
    services.complaints.reassign(
        branch.supervisor, privacy.id, privacy.version, branch.supervisor2.user_id, "Sensitive"
    )
    with pytest.raises(NotFound):
        services.complaints.get(branch.colleague, privacy.id)
    assert services.complaints.get(branch.supervisor2, privacy.id).id == privacy.id
    assert services.complaints.deadline_counts(branch.adviser).open == 1
    assert services.complaints.deadline_counts(branch.compliance).open == 3


def test_lists_and_counters_show_overdue_and_due_soon(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    early = register(services, branch)
    clock.advance(days=10)
    later = register(services, branch)
    clock.advance(days=3)  # early: 2 days left (due soon); later: 12 days left
    rows = {r.id: r for r in services.complaints.complaints(branch.colleague, open_only=True)}
    assert rows[early.id].deadline_state is DeadlineState.DUE_SOON
    assert rows[early.id].days_left == 2
    assert rows[later.id].deadline_state is DeadlineState.ON_TRACK
    counts = services.complaints.deadline_counts(branch.colleague)
    assert (counts.open, counts.due_soon, counts.overdue) == (2, 1, 0)
    clock.advance(days=3)  # early: overdue by one day
    counts = services.complaints.deadline_counts(branch.colleague)
    assert (counts.open, counts.due_soon, counts.overdue) == (2, 0, 1)
    first = services.complaints.complaints(branch.colleague)[0]
    assert first.id == early.id and first.deadline_state is DeadlineState.OVERDUE


def test_choices_offer_the_clients_sales_and_the_branchs_people(
    services: Services, branch: Branch, uow: UnitOfWorkFactory
) -> None:
    product = add_product(uow)
    add_sale(
        uow,
        client_id=branch.client_id,
        product_id=product,
        adviser_id=branch.adviser.user_id,
        branch_id=branch.adviser.branch_id or 0,
    )
    choices = services.complaints.choices(branch.adviser, branch.client_id)
    assert [s.product_id for s in choices.sales] == [product]
    assert choices.sales[0].adviser_name == branch.adviser.full_name
    handler_ids = {p.id for p in choices.handlers}
    assert {branch.adviser.user_id, branch.colleague.user_id, branch.supervisor.user_id} <= (
        handler_ids
    )
    assert branch.compliance.user_id not in handler_ids
    assert [p.id for p in choices.products] == [product]


def test_the_demo_has_complaints_in_every_stage(services: Services) -> None:
    from crm_desk.demo import seed_demo

    credentials = seed_demo(services)
    supervisor = services.auth.sign_in("wang.fang", credentials["wang.fang"][1])
    rows = services.complaints.complaints(supervisor)
    assert {r.status for r in rows} == set(ComplaintStatus)
    assert any(r.deadline_state is DeadlineState.OVERDUE for r in rows)
    assert any(r.deadline_state is DeadlineState.DUE_SOON for r in rows)
    assert {r.extension_level for r in rows} >= {1, 2}
    assert any(r.round > 1 for r in rows)
    assert any(r.personal_data for r in rows)
    assert any(r.is_group for r in rows)
    details = [services.complaints.get(supervisor, r.id) for r in rows]
    assert any(d.sale_id is not None for d in details)
    # Those the supervisor's advisers may not see: the personal-data one.
    adviser = services.auth.sign_in("li.na", credentials["li.na"][1])
    hidden = {r.id for r in rows if r.personal_data}
    assert hidden.isdisjoint({r.id for r in services.complaints.complaints(adviser)})


def test_the_client_timeline_shows_the_complaints_the_reader_may_see(
    services: Services, branch: Branch
) -> None:
    plain = register(services, branch)
    privacy = register(services, branch, category="data_privacy")
    mine = services.clients.timeline(branch.adviser, branch.client_id)
    assert [(e.kind, e.ref_id) for e in mine if e.kind == "complaint"] == [("complaint", plain.id)]
    entry = next(e for e in mine if e.kind == "complaint")
    assert entry.title == "The redemption fee was higher than the adviser said."
    boss = services.clients.timeline(branch.supervisor, branch.client_id)
    assert {e.ref_id for e in boss if e.kind == "complaint"} == {plain.id, privacy.id}


def test_a_change_made_meanwhile_names_who_made_it(services: Services, branch: Branch) -> None:
    seen = register(services, branch)  # the handler has it open at this version
    services.complaints.reassign(
        branch.supervisor, seen.id, seen.version, branch.supervisor2.user_id, "Holiday cover"
    )
    with pytest.raises(NotFound):  # no longer theirs, and not a client they serve
        services.complaints.start_investigation(branch.colleague, seen.id, seen.version, "")
    with pytest.raises(ConcurrentEdit) as stale:
        services.complaints.start_investigation(branch.supervisor2, seen.id, seen.version, "")
    assert stale.value.params["who"] == branch.supervisor.full_name
    assert stale.value.changed_fields == ["reassigned"]


def test_the_list_shows_every_open_complaint_and_the_latest_answered(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    older = close(services, branch, register(services, branch), clock.now)
    clock.advance(hours=1)
    newer = close(services, branch, register(services, branch), clock.now)
    clock.advance(hours=1)
    still_open = register(services, branch)
    rows = services.complaints.complaints(branch.colleague, answered_limit=1)
    assert [r.id for r in rows] == [still_open.id, newer.id]
    assert older.id in {r.id for r in services.complaints.complaints(branch.colleague)}
