"""Back up and restore the embedded SQLite database (a server database uses its own tools)."""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from crm_desk.db.engine import make_engine, sqlite_file, sqlite_url
from crm_desk.db.migrate import current_revision, head_revision
from crm_desk.db.models import User
from crm_desk.db.sqlite_files import backup_file, integrity_problems
from crm_desk.db.uow import uow_factory
from crm_desk.domain.audit import ChainReport
from crm_desk.domain.errors import ConfigurationError, KnownError
from crm_desk.services import audit
from crm_desk.services.actor import Actor


class RestoreRefused(KnownError):
    code = "restore_refused"
    template = "The backup {path} was not restored: {detail}"

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(detail, path=path)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None
    events_checked: int


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _database_file(engine: Engine) -> Path:
    path = sqlite_file(engine.url)
    if path is None:
        raise ConfigurationError(
            "Back-up and restore here are for the embedded SQLite database; "
            "back up a PostgreSQL server with pg_dump or the server's own tools."
        )
    return path


def backup_database(engine: Engine, target_dir: Path) -> Path:
    """A consistent copy (SQLite online backup API) named by UTC time; the app may keep running."""
    source = _database_file(engine)
    if not source.exists():
        raise ConfigurationError(f"There is no database at {source} to back up.")
    return backup_file(source, target_dir / f"{source.stem}-{_stamp()}.sqlite3")


def _verified_copy(candidate: Path, workdir: Path) -> tuple[Path, ChainReport]:
    """Copy the backup aside and check the copy: integrity, schema revision, audit chain.

    The copy is what gets restored, so what was checked is exactly what goes live.
    """
    if not candidate.is_file():
        raise RestoreRefused(candidate, "the file does not exist.")
    problems = integrity_problems(candidate)
    if problems:
        raise RestoreRefused(
            candidate, "it fails SQLite's integrity check: " + "; ".join(problems[:3])
        )
    copy = backup_file(candidate, workdir / "candidate.sqlite3")
    engine = make_engine(sqlite_url(copy))
    try:
        try:
            revision = current_revision(engine)
        except SQLAlchemyError as exc:
            raise RestoreRefused(candidate, f"it cannot be read as a database ({exc}).") from exc
        if revision is None:
            raise RestoreRefused(candidate, "it is not a CRM Desk database.")
        head = head_revision()
        if revision != head:
            raise RestoreRefused(
                candidate, f"its schema is at revision {revision}, this program expects {head}."
            )
        with uow_factory(engine)() as uow:
            report, _head = audit.verify_trail(uow)
    finally:
        engine.dispose()
    if not report.intact:
        raise RestoreRefused(
            candidate,
            f"its audit trail is broken at event {report.first_broken_seq}: {report.reason}.",
        )
    return copy, report


def check_backup(candidate: Path) -> ChainReport:
    """Whether a backup could be restored, without touching the live database."""
    with tempfile.TemporaryDirectory(prefix="crm-desk-check-") as workdir:
        return _verified_copy(candidate, Path(workdir))[1]


def restore_database(
    engine: Engine, candidate: Path, keep_dir: Path, actor: Actor
) -> RestoreResult:
    """Replace the live database with a checked backup; the replaced database is kept as a copy.

    Run it with the app closed. The restore itself is recorded in the restored audit trail.
    """
    live = _database_file(engine)
    with tempfile.TemporaryDirectory(prefix="crm-desk-restore-") as workdir:
        checked, report = _verified_copy(candidate, Path(workdir))
        engine.dispose()
        previous = (
            backup_file(live, keep_dir / f"{live.stem}-replaced-{_stamp()}.sqlite3")
            if live.exists()
            else None
        )
        with closing(sqlite3.connect(checked)) as src, closing(sqlite3.connect(live)) as dst:
            src.backup(dst)
    with uow_factory(engine)() as uow:
        recorder = actor
        if actor.user_id is not None:
            stored = uow.session.get(User, actor.user_id)
            if stored is None or stored.username != actor.username:
                # The acting account is newer than the backup (or another user has its id there):
                # record who it was by name instead of referring to a user the data lacks.
                recorder = Actor.system(f"{actor.display_name} ({actor.username})")
        audit.record(
            uow,
            recorder,
            "database.restored",
            "database",
            live.name,
            {
                "restored_from": (None, str(candidate)),
                "previous_copy": (None, str(previous)),
                "events_in_backup": (None, report.events_checked),
            },
        )
        uow.commit()
    return RestoreResult(candidate, previous, report.events_checked)
