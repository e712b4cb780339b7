"""Tables of the aftercare work (see the migration of the same name): follow-up calls (回访)
with their attempts and the cases a "no" opens, and the ongoing-suitability review tasks.

A call attempt never changes once written (triggers refuse UPDATE and DELETE): the answers the
client gave are the record. A case is resolved once; after that it never changes either.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from crm_desk.db.base import Base


class CallbackTask(Base):
    """One follow-up call per sale that needs one, in the branch's pool: any active adviser or
    supervisor of the client's branch may make it, except the adviser who sold."""

    __tablename__ = "callback_tasks"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'done', 'unreachable', 'cancelled')", name="status_known"
        ),
        CheckConstraint("due_at >= callable_from", name="due_after_callable"),
        Index("ix_callback_tasks_branch_id_status_due_at", "branch_id", "status", "due_at"),
        Index("ix_callback_tasks_client_id", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    seller_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # may never make the call
    reasons: Mapped[str] = mapped_column(String(100))  # comma-separated CallReason values
    callable_from: Mapped[datetime]  # the end of cooling-off, or the sale time if none
    due_at: Mapped[datetime]
    next_try_at: Mapped[datetime | None]  # after an unanswered attempt
    status: Mapped[str] = mapped_column(String(12), default="open")
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]  # done, unreachable or cancelled
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": version}


class CallbackAttempt(Base):
    """One call made (reached or not), with the checklist answers as asked. Immutable."""

    __tablename__ = "callback_attempts"
    __table_args__ = (
        UniqueConstraint("task_id", "attempt_no"),
        CheckConstraint("outcome IN ('reached', 'not_reached')", name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("callback_tasks.id"))
    attempt_no: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(12))
    script_version: Mapped[str] = mapped_column(String(32))
    # JSON list [{"item", "answer", "question": {"zh_CN", "en"}}], empty when not reached.
    answers: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_try_at: Mapped[datetime | None]
    called_at: Mapped[datetime]
    called_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class CallbackCase(Base):
    """A "no" on the checklist, or a client who could not be reached: for the branch's
    supervisor to resolve with a note. Resolved once; then it never changes."""

    __tablename__ = "callback_cases"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'resolved')", name="status_known"),
        CheckConstraint("reason IN ('answer_no', 'unreachable')", name="reason_known"),
        Index("ix_callback_cases_branch_id_status", "branch_id", "status", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    task_id: Mapped[int] = mapped_column(ForeignKey("callback_tasks.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("callback_attempts.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    reason: Mapped[str] = mapped_column(String(12))
    failed_items: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    status: Mapped[str] = mapped_column(String(10), default="open")
    opened_at: Mapped[datetime]
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": version}


class SuitabilityReview(Base):
    """A holding that no longer fits after a re-rating or a lower assessment, for the client's
    adviser to review and close with an outcome. Created in bulk (one statement for a
    re-rating), so the row itself is the record; one audit event summarises the batch."""

    __tablename__ = "suitability_reviews"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'closed', 'superseded', 'withdrawn')", name="status_known"
        ),
        CheckConstraint("cause IN ('product_rerated', 'assessment_lowered')", name="cause_known"),
        CheckConstraint("verdict IN ('needs_exception', 'prohibited')", name="verdict_known"),
        Index("ix_suitability_reviews_adviser_id_status", "adviser_id", "status"),
        Index("ix_suitability_reviews_branch_id_status", "branch_id", "status"),
        Index("ix_suitability_reviews_sale_id_status", "sale_id", "status"),
        Index("ix_suitability_reviews_batch", "batch"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    batch: Mapped[str] = mapped_column(String(40))  # the change that opened it (one audit event)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # the client's, at creation
    cause: Mapped[str] = mapped_column(String(20))  # ReviewTrigger
    level_before: Mapped[str] = mapped_column(String(2))  # R3 → R4, or C4 → C2
    level_after: Mapped[str] = mapped_column(String(2))
    verdict: Mapped[str] = mapped_column(String(20))
    # JSON list of the rules that failed: [{"rule", "outcome", "message": {"zh_CN", "en"}}]
    reasons: Mapped[str] = mapped_column(Text)
    policy_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="open")
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]

    __mapper_args__ = {"version_id_col": version}
