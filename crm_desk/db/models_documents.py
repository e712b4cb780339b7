"""Tables of the documents work (see the migration of the same name): the archive of every
document handed to a client.

An archived document never changes (triggers refuse UPDATE and DELETE on both databases): the
PDF's bytes, their SHA-256, the facts it was made from (JSON, so a re-render gives the same
bytes) and their SHA-256 — the content fingerprint printed on it. A reprint is a new row, marked
as a copy, pointing at the original.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desk.db.base import Base


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("kind IN ('disclosure', 'warning', 'assessment')", name="kind_known"),
        CheckConstraint("copy_number >= 0", name="copy_number_positive"),
        Index("ix_documents_client_id", "client_id"),
        Index("ix_documents_generated_at", "generated_at"),
        Index("ix_documents_sale_id", "sale_id"),
        Index("ix_documents_exception_request_id", "exception_request_id"),
        Index("ix_documents_assessment_id", "assessment_id"),
        Index("ix_documents_copy_of_id", "copy_of_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # SH01-2026-000042[-C1]
    kind: Mapped[str] = mapped_column(String(12))
    language: Mapped[str] = mapped_column(String(10))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    exception_request_id: Mapped[int | None] = mapped_column(ForeignKey("exception_requests.id"))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    copy_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    copy_number: Mapped[int] = mapped_column(default=0)  # 0: the original
    template_version: Mapped[str] = mapped_column(String(16))
    facts: Mapped[str] = mapped_column(Text)  # reports.facts canonical JSON
    content_sha256: Mapped[str] = mapped_column(String(64))  # printed on the document
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the file's bytes
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    page_count: Mapped[int]
    generated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: a command
    generated_at: Mapped[datetime]
