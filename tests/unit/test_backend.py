"""Opening the app's backend: clear messages for what an administrator can fix."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from crm_desk.backend import open_backend
from crm_desk.config import Paths, default_paths, load_settings
from crm_desk.domain.errors import ConfigurationError, ServerUnreachable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_first_start_creates_and_migrates_the_embedded_database(crm_home: Path):
    backend = open_backend()
    try:
        assert backend.settings.database_url.endswith("data/crm-desk.sqlite3")
        assert (crm_home / "data" / "crm-desk.sqlite3").exists()
        assert backend.services.auth.needs_first_run()
    finally:
        backend.engine.dispose()


def test_database_precedence_flag_env_config(crm_home: Path, monkeypatch: pytest.MonkeyPatch):
    paths = default_paths()
    assert paths == Paths.under(crm_home)
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('database_url = "sqlite:////from/config.sqlite3"\n')
    assert load_settings(paths).database_url == "sqlite:////from/config.sqlite3"
    monkeypatch.setenv("CRM_DESK_DATABASE_URL", "sqlite:////from/env.sqlite3")
    assert load_settings(paths).database_url == "sqlite:////from/env.sqlite3"
    assert load_settings(paths, "sqlite:////from/flag.sqlite3").database_url.endswith(
        "flag.sqlite3"
    )


def test_an_unreachable_server_is_a_clear_message(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(ServerUnreachable, match="cannot be reached"):
        open_backend(f"postgresql://crm@127.0.0.1:{free_port()}/crm")


def test_a_malformed_policy_is_refused_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    policy = tmp_path / "policy.toml"
    policy.write_text(
        'version = "x"\n[security]\nmin_password_length = 12\nmax_failed_logins = "five"\n'
        "lockout_minutes = 15\nidle_lock_minutes = 10\n"
    )
    monkeypatch.setenv("CRM_DESK_POLICY_FILE", str(policy))
    with pytest.raises(ConfigurationError, match="max_failed_logins"):
        open_backend()


def test_an_unreadable_config_file_is_refused_naming_it(crm_home: Path):
    paths = default_paths()
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text("database_url = \n")
    with pytest.raises(ConfigurationError, match="config.toml"):
        open_backend()
