"""Fixtures shared by every test: a private home folder, a fresh migrated database, services.

Set CRM_DESK_TEST_DATABASE_URL to a PostgreSQL server URL (a role allowed to create databases)
to run the same database and service tests there; otherwise each test gets its own SQLite file.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from crm_desk.config import DEFAULT_POLICY
from crm_desk.db.engine import make_engine, sqlite_url
from crm_desk.db.migrate import upgrade
from crm_desk.db.sqlite_files import backup_file
from crm_desk.db.uow import UnitOfWorkFactory, uow_factory
from crm_desk.domain.policy import Policy, load_policy
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.passwords import fast_hasher_for_tests

PG_URL = os.environ.get("CRM_DESK_TEST_DATABASE_URL")
ADMIN_PASSWORD = "branch opening key 2026"
USER_PASSWORD = "a good passphrase 42"
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def crm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every data, config and log path of the app goes to this test's own folder."""
    home = tmp_path / "crm-home"
    monkeypatch.setenv("CRM_DESK_HOME", str(home))
    monkeypatch.delenv("CRM_DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("CRM_DESK_POLICY_FILE", raising=False)
    return home


@pytest.fixture(scope="session")
def backend() -> str:
    return "postgresql" if PG_URL else "sqlite"


def _pg_admin_engine() -> Engine:
    assert PG_URL
    return make_engine(PG_URL).execution_options(isolation_level="AUTOCOMMIT")


def _pg_url(database: str) -> str:
    assert PG_URL
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrated once per session; each test copies it (a file copy, or CREATE DATABASE TEMPLATE)."""
    if PG_URL:
        name = f"crm_template_{os.getpid()}"
        admin = _pg_admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine = make_engine(_pg_url(name))
        upgrade(engine)
        engine.dispose()
        yield name
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        engine = make_engine(sqlite_url(path))
        upgrade(engine)
        engine.dispose()
        yield str(path)


@pytest.fixture
def database_url(template_database: str, tmp_path: Path) -> Iterator[str]:
    if PG_URL:
        name = f"crm_test_{os.getpid()}_{next(_numbers)}"
        admin = _pg_admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_database}"'))
        yield _pg_url(name)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        path = tmp_path / "crm-test.sqlite3"
        backup_file(Path(template_database), path)
        yield sqlite_url(path)


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all (not even alembic_version), on the test backend."""
    if PG_URL:
        name = f"crm_empty_{os.getpid()}_{next(_numbers)}"
        admin = _pg_admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield _pg_url(name)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        yield sqlite_url(tmp_path / "crm-empty.sqlite3")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@dataclass
class FakeClock:
    """A clock the test moves by hand; always timezone-aware UTC."""

    now: datetime = datetime(2026, 11, 27, 9, 0, 0, 123456, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def uow(engine: Engine, clock: FakeClock) -> UnitOfWorkFactory:
    return uow_factory(engine, clock)


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(DEFAULT_POLICY)


@pytest.fixture
def services(uow: UnitOfWorkFactory, policy: Policy, crm_home: Path) -> Services:
    built = Services.build(uow, policy, fast_hasher_for_tests(), key_dir=crm_home / "keys")
    built.keys.open()  # first start: creates this workstation's data key and registers it
    return built


@pytest.fixture
def admin(services: Services) -> Actor:
    return services.auth.first_run(
        branch_code="SH-001",
        branch_name="上海陆家嘴支行",
        username="admin",
        full_name="王管理",
        password=ADMIN_PASSWORD,
    )


MakeUser = Callable[..., Actor]


@pytest.fixture
def make_user(services: Services, admin: Actor) -> MakeUser:
    """Create a user through the services and sign them in with a permanent password."""

    def make(role: Role, username: str | None = None, branch_id: int | None = None) -> Actor:
        name = username or f"{role.value}{next(_numbers)}"
        services.users.create_user(
            admin,
            username=name,
            full_name=f"Test {role.value.title()}",
            role=role,
            branch_id=branch_id if branch_id is not None else admin.branch_id,
            temporary_password="temporary passphrase 1",
        )
        actor = services.auth.sign_in(name, "temporary passphrase 1")
        return services.auth.change_password(actor, "temporary passphrase 1", USER_PASSWORD)

    return make
