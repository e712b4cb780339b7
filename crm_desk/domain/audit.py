"""The audit trail as a hash chain: each event's SHA-256 covers its content and the previous hash.

Altering, inserting or removing any event breaks the chain at that event or the next one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crm_desk.domain.clock import ensure_utc

GENESIS_HASH = "0" * 64

# Values never written to the trail in clear; later capabilities add their personal-data fields.
SECRET_FIELDS = frozenset({"password", "password_hash"})
PERSONAL_FIELDS = frozenset({"id_number", "phone", "mobile", "email", "address"})


def mask_text(value: str) -> str:
    """Keep the first three and last four characters: 110***********123X, 138****5678."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if local else "***@" + domain
    if len(value) <= 7:
        keep = len(value) // 3
        return "*" * (len(value) - keep) + value[len(value) - keep :]
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_field(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in SECRET_FIELDS:
        return "<redacted>"
    if field in PERSONAL_FIELDS:
        return mask_text(str(value))
    return value


def masked_changes(changes: Mapping[str, tuple[Any, Any]]) -> dict[str, list[Any]]:
    """{field: (before, after)} -> {field: [before, after]} with personal data masked."""
    return {
        field: [mask_field(field, before), mask_field(field, after)]
        for field, (before, after) in sorted(changes.items())
    }


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def format_timestamp(value: datetime) -> str:
    """The hashed form of a timestamp: UTC, microseconds, no ambiguity between databases."""
    return ensure_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    seq: int
    occurred_at: datetime  # UTC
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: str
    changes_json: str
    prev_hash: str
    hash: str


def event_hash(
    *,
    seq: int,
    occurred_at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity_type: str,
    entity_id: str,
    changes_json: str,
    prev_hash: str,
) -> str:
    payload = canonical_json(
        [
            seq,
            format_timestamp(occurred_at),
            actor_id,
            actor_name,
            action,
            entity_type,
            entity_id,
            changes_json,
            prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def expected_hash(event: ChainedEvent) -> str:
    return event_hash(
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        changes_json=event.changes_json,
        prev_hash=event.prev_hash,
    )


@dataclass(frozen=True, slots=True)
class ChainReport:
    events_checked: int
    first_broken_seq: int | None
    reason: str | None  # English, for logs and the command line
    kind: str | None = None  # "gap", "link" or "content", for a translated message

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(events: Iterable[ChainedEvent]) -> ChainReport:
    """Walk events in sequence order; report the first one that does not fit."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    for event in events:
        count += 1
        if event.seq != expected_seq:
            return ChainReport(
                count,
                event.seq,
                f"events {expected_seq}..{event.seq - 1} are missing before it",
                "gap",
            )
        if event.prev_hash != expected_prev:
            return ChainReport(count, event.seq, "it does not link to the event before it", "link")
        if expected_hash(event) != event.hash:
            return ChainReport(
                count, event.seq, "its content was altered after it was recorded", "content"
            )
        expected_prev = event.hash
        expected_seq += 1
    return ChainReport(count, None, None)
