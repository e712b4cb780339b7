"""Engines for the embedded SQLite file and for a shared PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from crm_desk.domain.names import searchable

SQLITE_BUSY_TIMEOUT_MS = 5000
READ_ONLY = "crm_desk_read_only"  # execution option: a transaction that never writes


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite+pysqlite", database=str(path)).render_as_string()


def normalise_url(url: str) -> URL:
    """``postgresql://`` means psycopg 3 here; ``sqlite://`` means the standard library driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_file(url: str | URL) -> Path | None:
    """The database file behind a SQLite URL, or None for a server or an in-memory database."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _searchable(name: str | None) -> str | None:
    return None if name is None else searchable(name)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the driver's implicit one is deferred).
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function("crm_name_chars", 1, _searchable, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so a transaction
        # that read the audit chain's head can never fail later when it writes after it.
        # Read-only operations begin DEFERRED: in WAL mode they read beside a writer instead of
        # queueing behind it (the client list's anchors read for ~0.5 s at a million clients).
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo)
        _configure_sqlite(engine)
        return engine
    return create_engine(
        parsed,
        echo=echo,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 5, "application_name": "crm-desk"},
    )


def describe(engine: Engine) -> str:
    """What the status bar shows: the file, or server/database without the password."""
    path = sqlite_file(engine.url)
    if path is not None:
        return f"SQLite {path}"
    url = engine.url
    return f"{url.get_backend_name()} {url.host or 'localhost'}:{url.port or 5432}/{url.database}"
