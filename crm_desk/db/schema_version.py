"""Is the database at the schema this program expects? Answered without importing Alembic.

Alembic and its migration scripts cost about 60 ms to import, so start-up reads the version table
directly and imports them only when an upgrade is due. A test keeps SCHEMA_HEAD equal to the head
of migrations/versions.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

SCHEMA_HEAD = "0010"


def stored_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


def is_current(engine: Engine) -> bool:
    return stored_revision(engine) == SCHEMA_HEAD
