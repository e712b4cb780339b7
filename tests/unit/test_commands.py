"""The administration commands, run in-process against the test database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_desk.commands import run_command
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CRM_DESK_DATABASE_URL", database_url)

    def run(*args: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return run_command(list(args))

    return run


def first_admin(cli) -> int:
    return cli(
        "create-user",
        "--username",
        "boss",
        "--full-name",
        "老板",
        "--role",
        "administrator",
        "--branch-code",
        "sh-001",
        "--branch-name",
        "上海分行",
        "--password-stdin",
        stdin=ADMIN_PASSWORD + "\n",
    )


def test_create_db_reports_the_schema(cli, capsys):
    assert cli("create-db") == 0
    assert "schema at revision 0010" in capsys.readouterr().out


def test_first_user_must_be_an_administrator_with_a_branch(cli, capsys):
    with pytest.raises(SystemExit, match="first user is the administrator"):
        cli(
            "create-user",
            "--username",
            "li.na",
            "--full-name",
            "李娜",
            "--branch-code",
            "X",
            "--password-stdin",
            stdin=ADMIN_PASSWORD + "\n",
        )
    assert first_admin(cli) == 0
    assert "Created branch SH-001 上海分行 and administrator boss" in capsys.readouterr().out


def test_later_users_get_a_temporary_password_and_errors_name_the_field(cli, capsys):
    first_admin(cli)
    assert (
        cli(
            "create-user",
            "--username",
            "li.na",
            "--full-name",
            "李娜",
            "--branch-code",
            "SH-001",
            "--password-stdin",
            stdin="short\n",
        )
        == 2
    )
    assert "password: Use at least 12 characters" in capsys.readouterr().err
    assert (
        cli(
            "create-user",
            "--username",
            "li.na",
            "--full-name",
            "李娜",
            "--branch-code",
            "SH-001",
            "--password-stdin",
            stdin="a fine temporary 1\n",
        )
        == 0
    )
    assert "must change the password" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="No branch BJ-1"):
        cli(
            "create-user",
            "--username",
            "x.y",
            "--full-name",
            "X",
            "--branch-code",
            "BJ-1",
            "--password-stdin",
            stdin="a fine temporary 1\n",
        )


def test_verify_audit_names_the_first_broken_event(cli, capsys, engine, backend):
    first_admin(cli)
    assert cli("verify-audit") == 0
    assert "Audit trail intact: 2 events" in capsys.readouterr().out
    with engine.begin() as conn:
        if backend == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        conn.execute(text("UPDATE audit_events SET entity_id = '99' WHERE seq = 2"))
    assert cli("verify-audit") == 1
    assert "BROKEN at event 2" in capsys.readouterr().err


def test_backup_then_restore_keeps_the_old_file(cli, capsys, backend, tmp_path: Path):
    first_admin(cli)
    if backend != "sqlite":
        assert cli("backup") == 2
        assert "pg_dump" in capsys.readouterr().err
        return
    assert cli("backup", "--to", str(tmp_path / "copies")) == 0
    (copy,) = (tmp_path / "copies").glob("*.sqlite3")
    assert cli("restore", str(copy), "--check-only") == 0
    assert cli("restore", str(copy)) == 0
    out = capsys.readouterr().out
    assert "Restored from" in out and "kept as" in out
    assert cli("restore", str(tmp_path / "missing.sqlite3")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_export_and_import_the_data_key_between_workstations(
    cli, capsys, tmp_path: Path, monkeypatch
):
    from crm_desk.backend import open_backend
    from crm_desk.services.crypto import new_master_key
    from crm_desk.services.keystore import _write_private, key_path

    first_admin(cli)
    backend = open_backend()  # this workstation writes personal data first: its key counts
    with backend.services.clients.uow_factory() as uow:
        backend.services.keys.for_writing(uow)
        uow.commit()
    backend.engine.dispose()
    exported = tmp_path / "branch.key"
    assert cli("export-key", str(exported)) == 0
    assert exported.stat().st_mode & 0o777 == 0o600
    capsys.readouterr()

    other_home = tmp_path / "other-workstation"  # another workstation, same database
    monkeypatch.setenv("CRM_DESK_HOME", str(other_home))
    stranger = tmp_path / "stranger.key"
    _write_private(stranger, new_master_key())
    assert cli("import-key", str(stranger)) == 2
    assert "does not match" in capsys.readouterr().err
    assert cli("import-key", str(exported)) == 0
    assert "matches this database" in capsys.readouterr().out
    assert key_path(other_home / "config").read_bytes() == exported.read_bytes()
