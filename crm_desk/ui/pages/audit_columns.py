"""Columns shared by the two lists of audit events (the whole trail and one's own activity)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desk.services.dto import AuditEventDTO
from crm_desk.ui.formatting import (
    action_label,
    audit_value,
    entity_label,
    field_label,
    local_time,
)
from crm_desk.ui.table_model import Column


def changes_text(event: AuditEventDTO) -> str:
    parts = []
    for field, values in event.changes.items():
        before, after = (list(values) + [None, None])[:2]
        label = field_label(field)
        if before in (None, ""):
            parts.append(f"{label}: {audit_value(field, after)}")
        else:
            parts.append(f"{label}: {audit_value(field, before)} → {audit_value(field, after)}")
    return "; ".join(parts)


SEQ = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "No."),
    lambda e: str(e.seq),
    lambda e: e.seq,
    align_right=True,
)
TIME = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Time"),
    lambda e: local_time(e.occurred_at, with_seconds=True),
    lambda e: e.occurred_at,
)
ACTOR = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Who"),
    lambda e: e.actor_name,
    lambda e: e.actor_name,
)
ACTION = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Action"),
    lambda e: action_label(e.action),
    lambda e: e.action,
    tooltip=lambda e: e.action,
)
ENTITY = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Record"),
    lambda e: (
        f"{entity_label(e.entity_type)} #{e.entity_id}"
        if e.entity_id
        else entity_label(e.entity_type)
    ),
    lambda e: (e.entity_type, e.entity_id),
)
CHANGES = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Changes"),
    changes_text,
    changes_text,
    tooltip=changes_text,
)
HASH = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Fingerprint"),
    lambda e: e.hash[:16] + "…",
    lambda e: e.hash,
    tooltip=lambda e: e.hash,
)
