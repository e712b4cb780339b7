"""Start-up checks the schema without Alembic; the constant it compares with must be the head."""

from __future__ import annotations

from sqlalchemy import Engine

from crm_desk.db.migrate import head_revision
from crm_desk.db.schema_version import SCHEMA_HEAD, is_current, stored_revision


def test_schema_head_constant_is_the_newest_migration():
    assert SCHEMA_HEAD == head_revision(), "update SCHEMA_HEAD in crm_desk/db/schema_version.py"


def test_a_migrated_database_is_current(engine: Engine):
    assert stored_revision(engine) == SCHEMA_HEAD
    assert is_current(engine)


def test_an_empty_database_is_not_current(empty_database_url: str):
    from crm_desk.db.engine import make_engine

    engine = make_engine(empty_database_url)
    try:
        assert stored_revision(engine) is None
        assert not is_current(engine)
    finally:
        engine.dispose()
