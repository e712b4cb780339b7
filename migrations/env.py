"""Alembic environment.

The app passes its engine; the `alembic` command line uses CRM_DESK_DATABASE_URL.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Engine

from crm_desk.db import (  # noqa: F401  (registers the tables)
    models,
    models_aftercare,
    models_complaints,
    models_documents,
    models_sales,
)
from crm_desk.db.base import Base, UTCDateTime
from crm_desk.db.engine import make_engine

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    url = os.environ.get("CRM_DESK_DATABASE_URL")
    if not url:
        raise SystemExit("Set CRM_DESK_DATABASE_URL to the database to migrate.")
    return make_engine(url)


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations stay free of app types: UTCDateTime is a timestamp with time zone in the schema.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


# Search structures that only one database has, created by hand in the migrations; autogenerate
# cannot describe them, so it must not offer to drop them either.
DIALECT_SPECIFIC = ("client_name_fts", "ix_clients_name_chars")


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return not (name and name.startswith(DIALECT_SPECIFIC))


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            render_item=_render_item,
            include_name=_include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_migrations_online()
