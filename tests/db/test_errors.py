"""Database failures a user can act on come out as known errors; everything else stays a bug."""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, NoResultFound, OperationalError

import crm_desk.db.engine as engine_module
from crm_desk.db.engine import make_engine, sqlite_file
from crm_desk.db.errors import known_error_for, translated_errors
from crm_desk.db.models import Branch
from crm_desk.db.uow import UnitOfWorkFactory, uow_factory
from crm_desk.domain.errors import (
    Conflict,
    DatabaseAuthFailed,
    DatabaseBusy,
    DiskFull,
    KnownError,
    NotFound,
    ServerUnreachable,
)
from crm_desk.domain.policy import Policy
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.passwords import fast_hasher_for_tests
from tests.conftest import ADMIN_PASSWORD, FakeClock

pytestmark = pytest.mark.db


def services_on(engine: Engine, policy: Policy) -> Services:
    return Services.build(
        uow_factory(engine, FakeClock()),
        policy,
        fast_hasher_for_tests(),
        key_dir=Path(os.environ["CRM_DESK_HOME"]) / "keys",
    )


# --- SQLite: locked by another program --------------------------------------------------------


@pytest.fixture
def impatient_engine(
    database_url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    """The same database, with a 50 ms busy timeout instead of seconds."""
    if backend != "sqlite":
        pytest.skip("a file lock is SQLite's; PostgreSQL waits on row locks instead")
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def other_program(database_url: str) -> Iterator[sqlite3.Connection]:
    """Another process's connection holding the write lock (BEGIN IMMEDIATE)."""
    path = sqlite_file(database_url)
    assert path is not None
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def test_a_database_locked_by_another_program_is_reported_as_busy(
    impatient_engine: Engine, admin: Actor, policy: Policy, other_program: sqlite3.Connection
) -> None:
    services = services_on(impatient_engine, policy)
    started = time.monotonic()
    with pytest.raises(DatabaseBusy) as busy:
        services.users.list_users(admin)
    assert time.monotonic() - started < 3
    assert "busy" in str(busy.value)
    assert isinstance(busy.value.__cause__, OperationalError)
    with pytest.raises(DatabaseBusy):
        services.auth.sign_in("admin", ADMIN_PASSWORD)
    with pytest.raises(DatabaseBusy):
        services.users.create_branch(admin, code="BJ-002", name="北京支行")

    other_program.execute("ROLLBACK")  # the other program lets go: the same services work again
    services.users.create_branch(admin, code="BJ-002", name="北京支行")
    assert services.auth.sign_in("admin", ADMIN_PASSWORD).user_id == admin.user_id
    report, _ = services.audit.verify(admin)
    assert report.intact


def test_busy_through_a_plain_unit_of_work(
    impatient_engine: Engine, admin: Actor, other_program: sqlite3.Connection
) -> None:
    factory = uow_factory(impatient_engine, FakeClock())
    with pytest.raises(DatabaseBusy), factory() as uow:
        uow.session.execute(select(func.count(Branch.id))).scalar_one()


# --- SQLite: the disk is full -----------------------------------------------------------------


def test_a_full_disk_is_reported_and_leaves_the_trail_intact(
    database_url: str, backend: str, admin: Actor, policy: Policy
) -> None:
    if backend != "sqlite":
        pytest.skip("a size limit on the file stands in for a full disk")
    engine = make_engine(database_url)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    services = services_on(engine, policy)
    created = 0
    try:
        with pytest.raises(DiskFull) as full:
            for n in range(500):
                services.users.create_branch(admin, code=f"F-{n}", name="满" * 200)
                created += 1
        assert "full" in str(full.value)
        report, _ = services.audit.verify(admin)
        assert report.intact
        branches = services.users.list_branches(admin)
        assert len(branches) == 1 + created  # the failed branch left neither row nor event
    finally:
        engine.dispose()


# --- PostgreSQL: the server cannot be reached -------------------------------------------------


def closed_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def unreachable() -> Iterator[Engine]:
    engine = make_engine(f"postgresql://crm@127.0.0.1:{closed_port()}/crm")
    yield engine
    engine.dispose()


def test_a_server_that_is_not_there_is_reported_as_unreachable(
    unreachable: Engine, policy: Policy
) -> None:
    services = services_on(unreachable, policy)
    with pytest.raises(ServerUnreachable) as down:
        services.auth.needs_first_run()
    assert "cannot be reached" in str(down.value)
    assert "127.0.0.1" in str(down.value)  # says which server
    with pytest.raises(ServerUnreachable):
        services.auth.sign_in("admin", ADMIN_PASSWORD)
    operator = Actor.system("command line")
    with pytest.raises(ServerUnreachable):
        services.users.list_users(operator)


def test_connecting_outside_a_unit_of_work_is_translated_too(unreachable: Engine) -> None:
    with pytest.raises(ServerUnreachable), translated_errors(), unreachable.connect():
        pass  # pragma: no cover


# --- the translation table --------------------------------------------------------------------


class DriverError(Exception):
    """Stands in for a psycopg error: a message and a SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "message", "known"),
    [
        ("28P01", 'password authentication failed for user "crm"', DatabaseAuthFailed),
        ("28000", 'no pg_hba.conf entry for host "10.0.0.9"', DatabaseAuthFailed),
        ("08006", "connection failure", ServerUnreachable),
        ("08001", "could not connect", ServerUnreachable),
        ("57P01", "terminating connection due to administrator command", ServerUnreachable),
        ("57P03", "the database system is starting up", ServerUnreachable),
        ("53100", "could not extend file: No space left on device", DiskFull),
        ("55P03", "could not obtain lock on row", DatabaseBusy),
        ("40P01", "deadlock detected", DatabaseBusy),
    ],
)
def test_postgresql_errors_a_user_can_act_on(
    sqlstate: str, message: str, known: type[KnownError]
) -> None:
    error = OperationalError("SELECT 1", {}, DriverError(message, sqlstate))
    translated = known_error_for(error)
    assert isinstance(translated, known)


@pytest.mark.parametrize(
    ("sqlstate", "message"),
    [
        ("42501", "audit events are append-only"),
        ("42P01", 'relation "clients" does not exist'),
        ("22003", "integer out of range"),
    ],
)
def test_postgresql_bugs_stay_bugs(sqlstate: str, message: str) -> None:
    assert known_error_for(DBAPIError("SELECT 1", {}, DriverError(message, sqlstate))) is None


@pytest.mark.parametrize(
    ("message", "known"),
    [
        ("database is locked", DatabaseBusy),
        ("database table is locked", DatabaseBusy),
        ("database or disk is full", DiskFull),
        ("disk I/O error", DiskFull),
        ("attempt to write a readonly database", DiskFull),
        ("unable to open database file", DiskFull),
    ],
)
def test_sqlite_errors_a_user_can_act_on(message: str, known: type[KnownError]) -> None:
    error = OperationalError("INSERT", {}, sqlite3.OperationalError(message))
    assert isinstance(known_error_for(error), known)


@pytest.mark.parametrize(
    "error",
    [
        IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed: users.id")),
        IntegrityError("UPDATE", {}, sqlite3.IntegrityError("audit events are append-only")),
        OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: clients")),
        NoResultFound("No row was found when one was required"),
    ],
)
def test_sqlite_bugs_stay_bugs(error: Exception) -> None:
    assert known_error_for(error) is None  # type: ignore[arg-type]


# --- the unit of work -------------------------------------------------------------------------


def branch_codes(uow: UnitOfWorkFactory) -> list[str]:
    with uow() as work:
        return list(work.session.execute(select(Branch.code).order_by(Branch.code)).scalars())


def test_a_unit_of_work_rolls_back_unless_committed(
    uow: UnitOfWorkFactory, clock: FakeClock
) -> None:
    with uow() as work:
        work.session.add(Branch(code="ROLLED-BACK", name="x", created_at=clock()))
        work.session.flush()
    with uow() as work:
        work.session.add(Branch(code="KEPT", name="y", created_at=clock()))
        work.commit()
    assert branch_codes(uow) == ["KEPT"]


def test_an_error_inside_a_unit_of_work_undoes_its_writes(
    uow: UnitOfWorkFactory, clock: FakeClock
) -> None:
    with pytest.raises(NotFound), uow() as work:
        work.session.add(Branch(code="HALF-DONE", name="x", created_at=clock()))
        work.session.flush()
        raise NotFound("branch", 1)
    assert branch_codes(uow) == []


def test_a_unique_value_saved_twice_at_once_is_a_conflict_not_a_crash(
    uow: UnitOfWorkFactory, clock: FakeClock
) -> None:
    """Two workstations passing the "is this code free?" check at the same moment: the unique
    constraint decides, and the later one gets a message instead of a traceback."""
    with uow() as work:
        work.session.add(Branch(code="DUP", name="x", created_at=clock()))
        work.commit()
    with pytest.raises(Conflict, match="same unique value"), uow() as work:
        work.session.add(Branch(code="DUP", name="y", created_at=clock()))
        work.commit()
    assert branch_codes(uow) == ["DUP"]


def test_a_primary_key_clash_stays_a_bug(uow: UnitOfWorkFactory, clock: FakeClock) -> None:
    with uow() as work:
        work.session.add(Branch(id=77, code="A-1", name="x", created_at=clock()))
        work.commit()
    with pytest.raises(IntegrityError), uow() as work:
        work.session.add(Branch(id=77, code="A-2", name="y", created_at=clock()))
        work.commit()
    assert branch_codes(uow) == ["A-1"]


def test_a_unit_of_work_leaves_no_connection_checked_out(
    engine: Engine, uow: UnitOfWorkFactory
) -> None:
    for _ in range(3):
        with pytest.raises(NotFound), uow() as work:
            work.session.execute(text("SELECT 1"))
            raise NotFound("thing", 1)
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
