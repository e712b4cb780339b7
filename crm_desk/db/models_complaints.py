"""Tables of the complaints work (see the migration of the same name).

``complaints`` holds each complaint's current state (stage, handler, the current round's due
day) for the lists; ``complaint_stages`` is its history, append-only (triggers refuse UPDATE and
DELETE on both databases): every stage, extension, reassignment and reopening is a new row, so a
reopened complaint keeps the record of each earlier round exactly as it was.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desk.db.base import Base
from crm_desk.domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintStatus,
    StageKind,
)


def _values(enum: type[ComplaintStatus | ComplaintChannel | ComplaintCategory | StageKind]) -> str:
    return ", ".join(f"'{member.value}'" for member in enum)


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(f"status IN ({_values(ComplaintStatus)})", name="status_known"),
        CheckConstraint(f"channel IN ({_values(ComplaintChannel)})", name="channel_known"),
        CheckConstraint(f"category IN ({_values(ComplaintCategory)})", name="category_known"),
        CheckConstraint("extension_level BETWEEN 0 AND 2", name="extension_level_range"),
        CheckConstraint("amount_in_dispute >= 0", name="amount_not_negative"),
        CheckConstraint(
            "client_id IS NOT NULL OR complainant_name IS NOT NULL", name="complainant_known"
        ),
        Index("ix_complaints_branch_status_due", "branch_id", "status", "due_date"),
        Index("ix_complaints_handler_status", "handler_id", "status"),
        Index("ix_complaints_client_id", "client_id"),
        Index("ix_complaints_accepted_at", "accepted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    # A complainant who is not a client; the contact is personal data, stored encrypted.
    complainant_name: Mapped[str | None] = mapped_column(String(200))
    complainant_contact_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    is_group: Mapped[bool] = mapped_column(default=False)
    group_size: Mapped[int | None]
    representatives: Mapped[str] = mapped_column(Text, default="")
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    amount_in_dispute: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    subject_adviser_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    personal_data: Mapped[bool] = mapped_column(default=False)
    handler_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20))
    accepted_at: Mapped[datetime]
    registered_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The current round (1, or more after reopening): its start, due day and extensions.
    round: Mapped[int] = mapped_column(default=1)
    round_started_at: Mapped[datetime]
    due_date: Mapped[date]
    extension_level: Mapped[int] = mapped_column(default=0)
    resolved_at: Mapped[datetime | None]  # of the current round
    answered_at: Mapped[datetime | None]  # of the current round: when the client was told
    updated_at: Mapped[datetime]

    __mapper_args__ = {"version_id_col": version}


class ComplaintStage(Base):
    """Append-only history of a complaint. ``due_date`` and ``extension_level`` are the round's
    after this row; the stage-specific columns are filled by the stage that records them."""

    __tablename__ = "complaint_stages"
    __table_args__ = (
        CheckConstraint(f"stage IN ({_values(StageKind)})", name="stage_known"),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_range"
        ),
        Index("ix_complaint_stages_complaint_id", "complaint_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"))
    round: Mapped[int]
    stage: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime]
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    handler_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    due_date: Mapped[date]
    extension_level: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")  # a reason, or the investigation's note
    decision: Mapped[str | None] = mapped_column(String(20))
    reasoning: Mapped[str | None] = mapped_column(Text)
    root_cause: Mapped[str | None] = mapped_column(String(30))
    root_cause_text: Mapped[str | None] = mapped_column(Text)
    corrective_action: Mapped[str | None] = mapped_column(Text)
    answer_method: Mapped[str | None] = mapped_column(String(20))
    told_at: Mapped[datetime | None]
    client_response: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None]
    outcome_accepted: Mapped[bool | None]
    on_time: Mapped[bool | None]  # answered rows: told on or before the round's due day
