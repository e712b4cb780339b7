"""Columns shared by the two lists of audit events (the whole trail and one's own activity)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desk.services.dto import AuditEventDTO
from crm_desk.ui.audit_values import value_text
from crm_desk.ui.formatting import action_label, entity_label, field_label, local_time
from crm_desk.ui.table_model import Column


def changes_text(event: AuditEventDTO, full: bool = False) -> str:
    """The changes on one line; ``full`` keeps fingerprints whole (the tooltip)."""

    def text(field: str, value: object) -> str:
        return value_text(event.action, event.entity_type, field, value, full=full)

    parts = []
    for field, values in event.changes.items():
        before, after = (list(values) + [None, None])[:2]
        label = field_label(field)
        if before in (None, ""):
            parts.append(f"{label}: {text(field, after)}")
        elif before == after:  # recorded to name the record (a product's code when re-rated)
            parts.append(f"{label}: {text(field, after)}")
        else:
            parts.append(f"{label}: {text(field, before)} → {text(field, after)}")
    return "; ".join(parts)


def record_text(event: AuditEventDTO) -> str:
    if not event.entity_id:
        return entity_label(event.entity_type)
    if event.entity_id.isdigit():
        return f"{entity_label(event.entity_type)} #{event.entity_id}"
    if event.entity_id == "data_key":
        return QCoreApplication.translate("AuditColumns", "Data key")
    return f"{entity_label(event.entity_type)} {event.entity_id}"


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
    record_text,
    lambda e: (e.entity_type, e.entity_id),
)
CHANGES = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Changes"),
    changes_text,
    changes_text,
    tooltip=lambda e: changes_text(e, full=True),
)
HASH = Column[AuditEventDTO](
    lambda: QCoreApplication.translate("AuditColumns", "Fingerprint"),
    lambda e: e.hash[:16] + "…",
    lambda e: e.hash,
    tooltip=lambda e: e.hash,
)
