"""Columns shared by the two lists of audit events (the whole trail and one's own activity)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desk.services.dto import AuditEventDTO
from crm_desk.ui.formatting import action_label, local_time
from crm_desk.ui.table_model import Column


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditColumns", text)


def changes_text(event: AuditEventDTO) -> str:
    parts = []
    for field, values in event.changes.items():
        before, after = (values + [None, None])[:2]
        if before in (None, ""):
            parts.append(f"{field}: {after}")
        else:
            parts.append(f"{field}: {before} → {after}")
    return "; ".join(parts)


SEQ = Column[AuditEventDTO](
    lambda: _t("No."), lambda e: str(e.seq), lambda e: e.seq, align_right=True
)
TIME = Column[AuditEventDTO](
    lambda: _t("Time"),
    lambda e: local_time(e.occurred_at, with_seconds=True),
    lambda e: e.occurred_at,
)
ACTOR = Column[AuditEventDTO](lambda: _t("Who"), lambda e: e.actor_name, lambda e: e.actor_name)
ACTION = Column[AuditEventDTO](
    lambda: _t("Action"),
    lambda e: action_label(e.action),
    lambda e: e.action,
    tooltip=lambda e: e.action,
)
ENTITY = Column[AuditEventDTO](
    lambda: _t("Record"),
    lambda e: f"{e.entity_type} {e.entity_id}".strip(),
    lambda e: (e.entity_type, e.entity_id),
)
CHANGES = Column[AuditEventDTO](
    lambda: _t("Changes"), changes_text, changes_text, tooltip=changes_text
)
HASH = Column[AuditEventDTO](
    lambda: _t("Fingerprint"),
    lambda e: e.hash[:16] + "…",
    lambda e: e.hash,
    tooltip=lambda e: e.hash,
)
