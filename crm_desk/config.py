"""Where CRM Desk keeps its files and which database and policy it uses.

Precedence for the database: ``--database URL`` > ``CRM_DESK_DATABASE_URL`` > ``database_url`` in
the administrator's ``config.toml`` > the embedded SQLite file in the user's data folder.
``CRM_DESK_HOME`` puts every folder under one directory (tests, demos, portable installs).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from crm_desk.domain.errors import ConfigurationError

APP_NAME = "CRM Desk"
APP_AUTHOR = "CRM Desk"
REPO_ROOT = Path(__file__).resolve().parents[1]
RESOURCES = REPO_ROOT / "resources"
DEFAULT_POLICY = RESOURCES / "policy" / "default.toml"
DATABASE_FILE_NAME = "crm-desk.sqlite3"


@dataclass(frozen=True, slots=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME

    @staticmethod
    def under(home: Path) -> Paths:
        return Paths(home / "data", home / "config", home / "logs")


def default_paths(environ: Mapping[str, str] = os.environ) -> Paths:
    home = environ.get("CRM_DESK_HOME")
    if home:
        return Paths.under(Path(home))
    import platformdirs  # only needed when no home is given

    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return Paths(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir))


@dataclass(frozen=True, slots=True)
class Settings:
    paths: Paths
    database_url: str
    policy_file: Path


def _config_file(paths: Paths) -> dict[str, object]:
    if not paths.config_file.exists():
        return {}
    try:
        return tomllib.loads(paths.config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(
            f"The configuration file {paths.config_file} is unreadable: {exc}"
        ) from exc


def load_settings(
    paths: Paths, database: str | None = None, environ: Mapping[str, str] = os.environ
) -> Settings:
    from crm_desk.db.engine import sqlite_url

    config = _config_file(paths)
    url = database or environ.get("CRM_DESK_DATABASE_URL") or config.get("database_url")
    if url is not None and (not isinstance(url, str) or not url.strip()):
        raise ConfigurationError(f"{paths.config_file}: database_url must be a database URL.")
    policy = environ.get("CRM_DESK_POLICY_FILE") or config.get("policy_file") or DEFAULT_POLICY
    return Settings(
        paths=paths,
        database_url=str(url).strip() if url else sqlite_url(paths.database_file),
        policy_file=Path(str(policy)),
    )
