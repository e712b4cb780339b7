"""Bring a database to the newest schema at start, only when it is behind.

A SQLite file that already holds data is copied (online backup) before any migration runs.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from crm_desk.db.engine import sqlite_file
from crm_desk.db.sqlite_files import backup_file

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Migrate to head; returns the copy made of an existing SQLite file, if one was made."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    copy: Path | None = None
    path = sqlite_file(engine.url)
    if current is not None and path is not None and path.exists() and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        copy = backup_file(
            path, backup_dir / f"{path.stem}-before-upgrade-from-{current}-{stamp}.sqlite3"
        )
    command.upgrade(alembic_config(engine), "head")
    return copy


def downgrade(engine: Engine, revision: str = "base") -> None:
    command.downgrade(alembic_config(engine), revision)
