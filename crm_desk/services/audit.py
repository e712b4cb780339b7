"""Appending to the audit trail (inside the caller's transaction) and reading and verifying it."""

from __future__ import annotations

import json
from collections.abc import Collection, Generator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from crm_desk.db.models import AuditEvent
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.audit import (
    GENESIS_HASH,
    ChainedEvent,
    ChainReport,
    canonical_json,
    event_hash,
    masked_changes,
    verify_chain,
)
from crm_desk.domain.clock import ensure_utc
from crm_desk.domain.errors import ConcurrentEdit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.dto import AuditEventDTO
from crm_desk.services.permissions import Permission, operation

# Any constant will do: PostgreSQL advisory lock that serialises appends to the chain.
AUDIT_CHAIN_LOCK = 0x43524D_4155444954 & 0x7FFF_FFFF_FFFF_FFFF

Changes = Mapping[str, tuple[Any, Any]]


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    changes: Changes | None = None,
    *,
    actor_name: str | None = None,
) -> AuditEvent:
    """Append one event to the chain in the caller's transaction (committed or rolled back too)."""
    session = uow.session
    if uow.dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})
    # SQLite transactions begin IMMEDIATE (db/engine.py), which serialises writers the same way.
    head = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (head.seq + 1, head.hash) if head else (1, GENESIS_HASH)
    occurred_at = ensure_utc(uow.clock())
    changes_json = canonical_json(masked_changes(changes or {}))
    name = actor_name if actor_name is not None else actor.display_name
    entity = str(entity_id)
    digest = event_hash(
        seq=seq,
        occurred_at=occurred_at,
        actor_id=actor.user_id,
        actor_name=name,
        action=action,
        entity_type=entity_type,
        entity_id=entity,
        changes_json=changes_json,
        prev_hash=prev_hash,
    )
    event = AuditEvent(
        seq=seq,
        occurred_at=occurred_at,
        actor_id=actor.user_id,
        actor_name=name,
        action=action,
        entity_type=entity_type,
        entity_id=entity,
        changes=changes_json,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(event)
    session.flush()
    return event


def concurrent_edit(
    uow: UnitOfWork,
    entity_type: str,
    entity_id: object,
    actions: Collection[str],
    expected: int,
    current_version: int,
    updated_at: datetime,
    ignored: Collection[str] = ("version",),
) -> ConcurrentEdit:
    """Who changed what since the version the user opened, from the audit trail: the fields of
    every ``actions`` event past version ``expected`` (less ``ignored``), and the last author.
    An event that records no version counts as a change; with no event, ``updated_at``."""
    events = (
        uow.session.execute(
            select(AuditEvent)
            .where(
                AuditEvent.entity_type == entity_type,
                AuditEvent.entity_id == str(entity_id),
                AuditEvent.action.in_(tuple(actions)),
            )
            .order_by(AuditEvent.seq)
        )
        .scalars()
        .all()
    )
    fields: list[str] = []
    who, when = "?", updated_at
    for event in events:
        changes = json.loads(event.changes)
        version = changes.get("version", [None, None])[1]
        if version is not None and version <= expected:
            continue
        fields.extend(f for f in changes if f not in ignored and f not in fields)
        who, when = event.actor_name, event.occurred_at
    return ConcurrentEdit(who, when, fields, current_version)


def _chained(session: Session) -> Generator[ChainedEvent]:
    rows = session.execute(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000)
    ).scalars()
    try:
        for row in rows:
            yield ChainedEvent(
                seq=row.seq,
                occurred_at=row.occurred_at,
                actor_id=row.actor_id,
                actor_name=row.actor_name,
                action=row.action,
                entity_type=row.entity_type,
                entity_id=row.entity_id,
                changes_json=row.changes,
                prev_hash=row.prev_hash,
                hash=row.hash,
            )
    finally:
        # A broken chain stops the walk early: close the (server-side, on PostgreSQL) cursor now.
        rows.close()


def verify_trail(uow: UnitOfWork) -> tuple[ChainReport, str]:
    """The chain report and the head hash (noted down, it proves later that no event was cut)."""
    events = _chained(uow.session)
    try:
        report = verify_chain(events)
    finally:
        events.close()
    head = uow.session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar_one_or_none()
    return report, head or GENESIS_HASH


def _dto(row: AuditEvent) -> AuditEventDTO:
    return AuditEventDTO(
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor_id=row.actor_id,
        actor_name=row.actor_name,
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        changes=json.loads(row.changes),
        hash=row.hash,
    )


class AuditService(Service):
    @operation(Permission.AUDIT_VIEW)
    def list_events(
        self, uow: UnitOfWork, actor: Actor, *, before_seq: int | None = None, limit: int = 200
    ) -> list[AuditEventDTO]:
        """Newest first, one keyset page: pass the last seq seen to get the next page."""
        query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if before_seq is not None:
            query = query.where(AuditEvent.seq < before_seq)
        return [_dto(row) for row in uow.session.execute(query).scalars()]

    @operation(Permission.OWN_ACCOUNT)
    def my_activity(
        self, uow: UnitOfWork, actor: Actor, *, limit: int = 100
    ) -> list[AuditEventDTO]:
        query = (
            select(AuditEvent)
            .where(AuditEvent.actor_id == actor.user_id)
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        )
        return [_dto(row) for row in uow.session.execute(query).scalars()]

    @operation(Permission.AUDIT_VERIFY)
    def verify(self, uow: UnitOfWork, actor: Actor) -> tuple[ChainReport, str]:
        return verify_trail(uow)
