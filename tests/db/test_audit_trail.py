"""The audit table on a real database: append-only triggers, tampering found, concurrent writers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from crm_desk.db.models import AuditEvent
from crm_desk.domain.audit import ChainedEvent, expected_hash
from crm_desk.domain.errors import KnownError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from tests.conftest import USER_PASSWORD, MakeUser

pytestmark = pytest.mark.db


@pytest.fixture
def trail(services: Services, admin: Actor, make_user: MakeUser) -> list[AuditEventDTO]:
    """A trail of ten events from real operations, oldest first."""
    adviser = make_user(Role.ADVISER, username="trail.adviser")
    services.users.create_branch(admin, code="BJ-002", name="北京支行")
    services.users.rename_branch(admin, admin.branch_id, "上海浦东支行")
    services.auth.record_idle_lock(adviser)
    services.auth.sign_out(adviser)
    services.auth.sign_in("trail.adviser", USER_PASSWORD)
    events = list(reversed(services.audit.list_events(admin, limit=1000)))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert len(events) >= 10
    return events


def behind_the_triggers(engine: Engine, backend: str, change: Callable[[Connection], Any]) -> None:
    """Run ``change`` with the append-only triggers out of the way, as an attacker with DBA rights
    would, then put them back."""
    with engine.begin() as conn:
        if backend == "sqlite":
            triggers = conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'audit_events'"
                )
            ).all()
            assert len(triggers) == 2
            for name, _sql in triggers:
                conn.execute(text(f"DROP TRIGGER {name}"))
            change(conn)
            for _name, sql in triggers:
                conn.execute(text(sql))
        else:
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            change(conn)
            conn.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))


def assert_still_append_only(engine: Engine) -> None:
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET action = 'x' WHERE seq = 1"))


# --- the triggers -----------------------------------------------------------------------------


def test_update_is_refused_by_the_database(engine: Engine, trail: list[AuditEventDTO]) -> None:
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor_name = 'nobody' WHERE seq = 3"))
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET changes = '{}'"))
    with engine.connect() as conn:
        name = conn.execute(text("SELECT actor_name FROM audit_events WHERE seq = 3")).scalar_one()
    assert name == trail[2].actor_name


def test_delete_is_refused_by_the_database(engine: Engine, trail: list[AuditEventDTO]) -> None:
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq = :seq"), {"seq": len(trail)})
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == len(trail)


def test_truncate_is_refused_on_postgresql(
    engine: Engine, backend: str, trail: list[AuditEventDTO]
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE trigger covers an unqualified DELETE")
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_events CASCADE"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == len(trail)


def test_an_orm_update_through_a_unit_of_work_is_refused_and_not_mistaken_for_a_user_error(
    services: Services, trail: list[AuditEventDTO]
) -> None:
    uow = services.audit.uow_factory()
    with pytest.raises(DBAPIError, match="append-only") as error, uow:
        row = uow.session.execute(select(AuditEvent).where(AuditEvent.seq == 2)).scalar_one()
        row.action = "user.nothing_happened"
        uow.commit()
    assert not isinstance(error.value, KnownError)  # a bug or an attack, not "try again"


def test_the_triggers_allow_appending(
    services: Services, admin: Actor, trail: list[AuditEventDTO]
) -> None:
    services.users.create_branch(admin, code="GZ-003", name="广州支行")
    report, _ = services.audit.verify(admin)
    assert report.intact and report.events_checked == len(trail) + 1


# --- reading the trail ------------------------------------------------------------------------


def test_the_trail_reads_newest_first_in_pages_without_gaps_or_overlaps(
    services: Services, admin: Actor, trail: list[AuditEventDTO]
) -> None:
    seen: list[int] = []
    page = services.audit.list_events(admin, limit=4)
    while page:
        assert len(page) <= 4
        seen.extend(e.seq for e in page)
        page = services.audit.list_events(admin, before_seq=page[-1].seq, limit=4)
    assert seen == [e.seq for e in reversed(trail)]


def test_my_activity_shows_only_my_own_events(
    services: Services, admin: Actor, trail: list[AuditEventDTO]
) -> None:
    adviser_id = next(e.actor_id for e in trail if e.action == "auth.session_locked")
    adviser = next(u for u in services.users.list_users(admin) if u.id == adviser_id)
    actor = services.auth.sign_in(adviser.username, USER_PASSWORD)
    mine = services.audit.my_activity(actor)
    assert mine and all(e.actor_id == adviser_id for e in mine)
    assert [e.seq for e in mine] == sorted((e.seq for e in mine), reverse=True)
    assert {e.action for e in mine} >= {"auth.session_locked", "auth.signed_out"}
    assert not any(e.action.startswith("branch.") for e in mine)


# --- tampering behind the triggers' back ------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("actor_name", "someone else"),
        ("changes", '{"name":["上海陆家嘴支行","改过的名字"]}'),
        ("action", "branch.created"),
        ("entity_id", "999"),
        ("actor_id", None),
        ("occurred_at", "shift"),
    ],
)
def test_a_row_altered_behind_the_triggers_is_named_by_verify(
    services: Services,
    admin: Actor,
    engine: Engine,
    backend: str,
    trail: list[AuditEventDTO],
    column: str,
    value: object,
) -> None:
    target = next(e for e in trail if e.action == "branch.renamed")
    if value == "shift":
        value = target.occurred_at - timedelta(days=1)
    statement = update(AuditEvent).where(AuditEvent.seq == target.seq).values({column: value})
    behind_the_triggers(engine, backend, lambda conn: conn.execute(statement))

    report, _head = services.audit.verify(admin)
    assert not report.intact
    assert report.first_broken_seq == target.seq
    assert report.kind == "content"
    assert report.events_checked == target.seq
    assert_still_append_only(engine)


def test_a_forged_row_with_a_recomputed_hash_is_found_at_the_next_event(
    services: Services, admin: Actor, engine: Engine, backend: str, trail: list[AuditEventDTO]
) -> None:
    target = trail[4]
    with engine.connect() as conn:
        row = conn.execute(select(AuditEvent).where(AuditEvent.seq == target.seq)).one()
    forged = ChainedEvent(
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor_id=row.actor_id,
        actor_name="a better-looking name",
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        changes_json=row.changes,
        prev_hash=row.prev_hash,
        hash="",
    )
    statement = (
        update(AuditEvent)
        .where(AuditEvent.seq == target.seq)
        .values(actor_name=forged.actor_name, hash=expected_hash(forged))
    )
    behind_the_triggers(engine, backend, lambda conn: conn.execute(statement))
    report, _ = services.audit.verify(admin)
    assert report.first_broken_seq == target.seq + 1
    assert report.kind == "link"


def test_a_deleted_middle_row_is_found(
    services: Services, admin: Actor, engine: Engine, backend: str, trail: list[AuditEventDTO]
) -> None:
    middle = trail[len(trail) // 2]
    statement = delete(AuditEvent).where(AuditEvent.seq == middle.seq)
    behind_the_triggers(engine, backend, lambda conn: conn.execute(statement))
    report, _ = services.audit.verify(admin)
    assert report.first_broken_seq == middle.seq + 1
    assert report.kind == "gap"
    assert report.reason is not None and str(middle.seq) in report.reason


def test_a_cut_off_tail_leaves_a_valid_chain_but_a_different_head(
    services: Services, admin: Actor, engine: Engine, backend: str, trail: list[AuditEventDTO]
) -> None:
    _, head_before = services.audit.verify(admin)
    assert head_before == trail[-1].hash
    statement = delete(AuditEvent).where(AuditEvent.seq >= trail[-2].seq)
    behind_the_triggers(engine, backend, lambda conn: conn.execute(statement))
    report, head_after = services.audit.verify(admin)
    assert report.intact  # only the written-down head hash shows the loss
    assert head_after == trail[-3].hash != head_before


# --- concurrent writers -----------------------------------------------------------------------


def run_concurrently(threads: int, writes: int, work: Callable[[int, int], None]) -> None:
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def worker(t: int) -> None:
        try:
            start.wait()
            for w in range(writes):
                work(t, w)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in pool)
    assert errors == []


def check_one_contiguous_chain(
    services: Services, admin: Actor, before: int, expected_new: int
) -> None:
    report, head = services.audit.verify(admin)
    assert report.intact, report.reason
    assert report.events_checked == before + expected_new
    events = services.audit.list_events(admin, limit=100_000)
    assert sorted(e.seq for e in events) == list(range(1, before + expected_new + 1))
    assert head == events[0].hash
    assert len({e.hash for e in events}) == len(events)


def test_concurrent_writers_on_postgresql_leave_one_valid_chain(
    services: Services, admin: Actor, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("needs a PostgreSQL server (CRM_DESK_TEST_DATABASE_URL)")
    before = services.audit.list_events(admin, limit=1)[0].seq
    threads, writes = 8, 25

    def work(t: int, w: int) -> None:
        if w % 2:
            services.users.rename_branch(admin, admin.branch_id, f"支行 {t}-{w}")
        else:
            services.users.create_branch(admin, code=f"T{t}-{w}", name=f"Branch {t}/{w}")

    run_concurrently(threads, writes, work)
    check_one_contiguous_chain(services, admin, before, threads * writes)
    branch_codes = {b.code for b in services.users.list_branches(admin)}
    assert len(branch_codes) == 1 + threads * (writes + 1) // 2


def test_concurrent_writers_on_sqlite_leave_one_valid_chain(
    services: Services, admin: Actor, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the PostgreSQL variant runs more writers")
    before = services.audit.list_events(admin, limit=1)[0].seq
    threads, writes = 4, 10

    def work(t: int, w: int) -> None:
        services.users.create_branch(admin, code=f"T{t}-{w}", name=f"Branch {t}/{w}")

    run_concurrently(threads, writes, work)
    check_one_contiguous_chain(services, admin, before, threads * writes)
