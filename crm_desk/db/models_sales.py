"""Tables of the sales work (see the migration of the same name): sales, the exception requests
a supervisor decides, and the cancellations and corrections that point at a sale.

A sale never changes once written (triggers refuse UPDATE and DELETE on both databases): what
was known when it was made — the client's snapshot, the product's terms, every rule outcome and
the policy version — is frozen as JSON in the row. A cancellation or a correction is a new row.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desk.db.base import Base


class Sale(Base):
    """One completed sale: a SUITABLE one, or an exception a supervisor approved. Immutable."""

    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("verdict IN ('suitable', 'needs_exception')", name="verdict_known"),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_sales_client_id", "client_id"),
        Index("ix_sales_product_id", "product_id"),
        Index("ix_sales_adviser_id_recorded_at", "adviser_id", "recorded_at"),
        Index("ix_sales_branch_id_recorded_at", "branch_id", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # the selling adviser
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3))
    verdict: Mapped[str] = mapped_column(String(20))
    needs_review: Mapped[bool] = mapped_column(default=False)
    client_snapshot: Mapped[str] = mapped_column(Text)  # JSON, services/sale_facts.py
    product_terms: Mapped[str] = mapped_column(Text)  # JSON, ProductTerms.to_json()
    evaluation: Mapped[str] = mapped_column(Text)  # JSON, Evaluation.to_json()
    policy_version: Mapped[str] = mapped_column(String(64))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    client_level: Mapped[str | None] = mapped_column(String(2))
    product_level: Mapped[str] = mapped_column(String(2))
    exception_request_id: Mapped[int | None] = mapped_column(
        ForeignKey("exception_requests.id"), unique=True
    )
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    cooling_off_ends_at: Mapped[datetime | None]


class ExceptionRequest(Base):
    """A sale above the client's profile, waiting for a supervisor. Decided once: the decision
    is a conditional update on ``status = 'pending'`` and the version, so two supervisors can
    never both decide it."""

    __tablename__ = "exception_requests"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'lapsed')", name="status_known"
        ),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_exception_requests_branch_id_status", "branch_id", "status", "due_at"),
        Index("ix_exception_requests_adviser_id_status", "adviser_id", "status"),
        Index("ix_exception_requests_client_id", "client_id"),
        # One request at a time per client and product, even from two workstations at once.
        Index(
            "uq_exception_requests_pending",
            "client_id",
            "product_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3))
    client_snapshot: Mapped[str] = mapped_column(Text)  # as evaluated at submission
    product_terms: Mapped[str] = mapped_column(Text)
    evaluation: Mapped[str] = mapped_column(Text)
    policy_version: Mapped[str] = mapped_column(String(64))
    warning_given: Mapped[bool] = mapped_column(default=False)
    warning_given_at: Mapped[datetime | None]
    client_insists: Mapped[bool] = mapped_column(default=False)
    insistence_text: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    submitted_at: Mapped[datetime]
    due_at: Mapped[datetime]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str | None] = mapped_column(Text)
    # The engine's verdict when the supervisor decided (it runs again at approval): the new
    # evaluation of an approved request (the sale stores it too), or why one lapsed.
    decision_evaluation: Mapped[str | None] = mapped_column(Text)
    # Set on approval; sales and exception requests point at each other, so this key is added
    # after both tables exist.
    sale_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales.id", use_alter=True, name="fk_exception_requests_sale_id_sales")
    )

    __mapper_args__ = {"version_id_col": version}


class SaleCancellation(Base):
    """A sale cancelled within its cooling-off period. Immutable; at most one per sale."""

    __tablename__ = "sale_cancellations"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    cancelled_at: Mapped[datetime]
    cancelled_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class SaleCorrection(Base):
    """A later note that corrects what a sale's record says; the sale itself never changes."""

    __tablename__ = "sale_corrections"
    __table_args__ = (Index("ix_sale_corrections_sale_id", "sale_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    note: Mapped[str] = mapped_column(Text)
    corrected_at: Mapped[datetime]
    corrected_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
