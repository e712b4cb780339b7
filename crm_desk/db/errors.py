"""Turn driver errors a user can act on (locked, disk full, server down) into known errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.domain.errors import (
    Conflict,
    DatabaseAuthFailed,
    DatabaseBusy,
    DiskFull,
    KnownError,
    ServerUnreachable,
)

_SQLITE_WRITE_FAILURES = (
    "database or disk is full",
    "disk i/o error",
    "attempt to write a readonly database",
    "unable to open database file",
)


def _is_business_unique_violation(orig: object, sqlstate: str | None, text: str) -> bool:
    """A unique constraint of ours (uq_*), not a primary key: the latter would be a bug."""
    if sqlstate == "23505":
        diag = getattr(orig, "diag", None)
        return str(getattr(diag, "constraint_name", "") or "").startswith("uq_")
    if text.startswith("UNIQUE constraint failed:"):
        columns = [c.strip() for c in text.split(":", 1)[1].split(",")]
        return all(c and not c.endswith(".id") for c in columns)
    return False


def known_error_for(exc: SQLAlchemyError) -> KnownError | None:
    if isinstance(exc, StaleDataError):
        # A versioned row changed between our read and our write (an UPDATE matched no row),
        # wherever the flush happened: nothing was written.
        return Conflict("the record changed while saving; reload it", reason="stale")
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    sqlstate = getattr(orig, "sqlstate", None)
    if _is_business_unique_violation(orig, sqlstate, text):
        # Two workstations passed the "is it free?" check at the same moment; the later loses.
        return Conflict(
            "someone else just saved a record with the same unique value; refresh and try again.",
            reason="duplicate",
        )
    if sqlstate:
        if sqlstate.startswith("28"):
            return DatabaseAuthFailed(text)
        if sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03"):
            return ServerUnreachable(text)
        if sqlstate in ("53100", "53000"):
            return DiskFull(text)
        if sqlstate in ("55P03", "40P01"):
            return DatabaseBusy()
        return None
    lowered = text.lower()
    if "database is locked" in lowered or "database table is locked" in lowered:
        return DatabaseBusy()
    if any(marker in lowered for marker in _SQLITE_WRITE_FAILURES):
        return DiskFull(text)
    if isinstance(exc, OperationalError) and (
        "connection" in lowered or "could not connect" in lowered or "timeout" in lowered
    ):
        if "password authentication failed" in lowered:
            return DatabaseAuthFailed(text)
        return ServerUnreachable(text)
    return None


@contextmanager
def translated_errors() -> Iterator[None]:
    """For work outside a unit of work (connecting, migrating): known errors come out as such."""
    try:
        yield
    except SQLAlchemyError as exc:
        known = known_error_for(exc)
        if known is None:
            raise
        raise known from exc
