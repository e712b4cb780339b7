"""Backing up and restoring the embedded SQLite database (crm_desk/services/backup.py)."""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine

from crm_desk.db.engine import make_engine
from crm_desk.db.sqlite_files import integrity_problems
from crm_desk.domain.errors import AuthenticationFailed, ConfigurationError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.backup import (
    RestoreRefused,
    backup_database,
    check_backup,
    restore_database,
)
from crm_desk.services.container import Services
from tests.conftest import USER_PASSWORD, MakeUser

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("back-up and restore here are for the embedded SQLite file")


def usernames(services: Services, admin: Actor) -> set[str]:
    return {u.username for u in services.users.list_users(admin)}


def fingerprint(services: Services, admin: Actor) -> tuple[int, str, set[str]]:
    """What an administrator would compare: trail length, head hash, accounts."""
    report, head = services.audit.verify(admin)
    assert report.intact
    return report.events_checked, head, usernames(services, admin)


@pytest.fixture
def backup(engine: Engine, admin: Actor, make_user: MakeUser, tmp_path: Path) -> Path:
    make_user(Role.ADVISER, username="in.backup")
    return backup_database(engine, tmp_path / "backups")


def test_a_backup_is_a_timestamped_copy_that_passes_the_checks(
    engine: Engine, services: Services, admin: Actor, backup: Path, tmp_path: Path
) -> None:
    assert backup.parent == tmp_path / "backups"
    assert re.fullmatch(r"crm-test-\d{8}T\d{12}Z\.sqlite3", backup.name), backup.name
    assert integrity_problems(backup) == []
    report = check_backup(backup)
    assert report.intact
    assert report.events_checked == services.audit.verify(admin)[0].events_checked
    with closing(sqlite3.connect(backup)) as conn:
        names = {row[0] for row in conn.execute("SELECT username FROM users")}
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert names == {"admin", "in.backup"}  # rows still in the live WAL are in the copy too


def test_two_backups_do_not_overwrite_each_other(engine: Engine, backup: Path) -> None:
    second = backup_database(engine, backup.parent)
    assert second != backup and backup.exists() and second.exists()


def test_restoring_a_good_backup_replaces_the_live_data_and_keeps_the_old_file(
    engine: Engine,
    services: Services,
    admin: Actor,
    make_user: MakeUser,
    backup: Path,
    tmp_path: Path,
) -> None:
    events_in_backup = check_backup(backup).events_checked
    make_user(Role.ADVISER, username="after.backup")
    assert "after.backup" in usernames(services, admin)
    keep = tmp_path / "replaced"

    result = restore_database(engine, backup, keep, admin)

    assert result.restored_from == backup
    assert result.events_checked == events_in_backup
    assert usernames(services, admin) == {"admin", "in.backup"}

    assert result.previous_copy is not None and result.previous_copy.parent == keep
    with closing(sqlite3.connect(result.previous_copy)) as conn:
        kept = {row[0] for row in conn.execute("SELECT username FROM users")}
    assert "after.backup" in kept

    report, _ = services.audit.verify(admin)
    assert report.intact
    assert report.events_checked == events_in_backup + 1
    restored = services.audit.list_events(admin, limit=1)[0]
    assert restored.action == "database.restored"
    assert restored.actor_id == admin.user_id
    assert restored.changes["restored_from"] == [None, str(backup)]
    assert restored.changes["previous_copy"] == [None, str(result.previous_copy)]
    assert restored.changes["events_in_backup"] == [None, events_in_backup]

    # The restored database takes new work as usual; the later account is gone.
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("after.backup", USER_PASSWORD)
    services.users.create_branch(admin, code="BJ-002", name="北京支行")
    assert services.audit.verify(admin)[0].intact


def test_a_restore_by_the_command_line_is_recorded_without_a_user(
    engine: Engine, services: Services, admin: Actor, backup: Path, tmp_path: Path
) -> None:
    restore_database(engine, backup, tmp_path / "replaced", Actor.system("crm-desk restore"))
    event = services.audit.list_events(admin, limit=1)[0]
    assert (event.action, event.actor_id, event.actor_name) == (
        "database.restored",
        None,
        "crm-desk restore",
    )


# --- refused backups leave the live database untouched ----------------------------------------


def assert_refused(
    engine: Engine,
    services: Services,
    admin: Actor,
    candidate: Path,
    tmp_path: Path,
    match: str,
) -> RestoreRefused:
    before = fingerprint(services, admin)
    keep = tmp_path / "replaced"
    with pytest.raises(RestoreRefused, match=match) as refused:
        restore_database(engine, candidate, keep, admin)
    assert str(candidate) in str(refused.value)
    assert fingerprint(services, admin) == before
    assert not keep.exists()  # nothing was replaced, so nothing was kept
    with pytest.raises(RestoreRefused):
        check_backup(candidate)
    return refused.value


def test_random_bytes_are_refused(
    engine: Engine, services: Services, admin: Actor, tmp_path: Path
) -> None:
    candidate = tmp_path / "random.sqlite3"
    candidate.write_bytes(os.urandom(64 * 1024))
    assert_refused(engine, services, admin, candidate, tmp_path, "integrity check")


def test_a_truncated_backup_is_refused(
    engine: Engine, services: Services, admin: Actor, backup: Path, tmp_path: Path
) -> None:
    candidate = tmp_path / "truncated.sqlite3"
    data = backup.read_bytes()
    candidate.write_bytes(data[: len(data) // 2])
    assert_refused(engine, services, admin, candidate, tmp_path, "integrity check")


def test_a_backup_with_a_damaged_page_is_refused(
    engine: Engine, services: Services, admin: Actor, backup: Path, tmp_path: Path
) -> None:
    candidate = tmp_path / "damaged.sqlite3"
    data = bytearray(backup.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[2 * page + 8 : 3 * page] = b"\xa5" * (page - 8)
    candidate.write_bytes(bytes(data))
    assert_refused(engine, services, admin, candidate, tmp_path, "integrity check")


def test_a_sqlite_file_of_another_program_is_refused(
    engine: Engine, services: Services, admin: Actor, tmp_path: Path
) -> None:
    candidate = tmp_path / "notes.sqlite3"
    with closing(sqlite3.connect(candidate)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('not a CRM Desk database')")
        conn.commit()
    assert_refused(engine, services, admin, candidate, tmp_path, "not a CRM Desk database")


def test_an_empty_file_is_refused(
    engine: Engine, services: Services, admin: Actor, tmp_path: Path
) -> None:
    candidate = tmp_path / "empty.sqlite3"
    candidate.write_bytes(b"")
    assert_refused(engine, services, admin, candidate, tmp_path, "not a CRM Desk database")


def test_a_missing_file_is_refused(
    engine: Engine, services: Services, admin: Actor, tmp_path: Path
) -> None:
    assert_refused(engine, services, admin, tmp_path / "nowhere.sqlite3", tmp_path, "not exist")


def test_a_backup_of_another_schema_revision_is_refused(
    engine: Engine, services: Services, admin: Actor, backup: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(backup)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")
        conn.commit()
    assert_refused(engine, services, admin, backup, tmp_path, "revision 0000_older")


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 3",
        "UPDATE audit_events SET changes = '{}' WHERE seq = 3",
        "DELETE FROM audit_events WHERE seq = 3",
    ],
)
def test_a_backup_whose_audit_trail_was_tampered_is_refused(
    engine: Engine,
    services: Services,
    admin: Actor,
    backup: Path,
    tmp_path: Path,
    tamper: str,
) -> None:
    with closing(sqlite3.connect(backup)) as conn:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("DROP TRIGGER audit_events_no_delete")
        conn.execute(tamper)
        conn.commit()
    expected = "event 4" if tamper.startswith("DELETE") else "event 3"
    refused = assert_refused(engine, services, admin, backup, tmp_path, "audit trail is broken")
    assert expected in str(refused)


def test_backup_and_restore_refuse_a_server_database(tmp_path: Path) -> None:
    server = make_engine("postgresql+psycopg://crm@127.0.0.1:1/crm")
    try:
        with pytest.raises(ConfigurationError, match="pg_dump"):
            backup_database(server, tmp_path)
        with pytest.raises(ConfigurationError, match="pg_dump"):
            restore_database(server, tmp_path / "x.sqlite3", tmp_path, Actor.system("cli"))
    finally:
        server.dispose()


def test_an_administrator_newer_than_the_backup_can_restore_it(
    engine: Engine,
    services: Services,
    admin: Actor,
    make_user: MakeUser,
    backup: Path,
    tmp_path: Path,
) -> None:
    newer = make_user(Role.ADMINISTRATOR, username="newer.admin")
    result = restore_database(engine, backup, tmp_path / "replaced", newer)
    assert "newer.admin" not in usernames(services, admin)
    report, _ = services.audit.verify(admin)
    assert report.intact and report.events_checked == result.events_checked + 1
    event = services.audit.list_events(admin, limit=1)[0]
    assert event.action == "database.restored"
    assert event.actor_id is None  # no dangling reference to an account the data lacks
    assert "newer.admin" in event.actor_name
