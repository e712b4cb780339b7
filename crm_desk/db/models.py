"""Tables: branches, users, the append-only audit trail, clients and their interviews."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_desk.db.base import Base
from crm_desk.domain.roles import Role

ROLE_VALUES = ", ".join(f"'{role.value}'" for role in Role)


class Branch(Base):
    __tablename__ = "branches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN ({ROLE_VALUES})", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)  # stored case-folded
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]

    branch: Mapped[Branch] = relationship(lazy="joined", innerjoin=True)


class AuditEvent(Base):
    """Append-only: triggers in the migration refuse UPDATE and DELETE on both databases."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity_type", "entity_id"),
        Index("ix_audit_events_actor_id_seq", "actor_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Chain position; unique so two writers can never both extend the same event.
    seq: Mapped[int] = mapped_column(unique=True)
    occurred_at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    changes: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AppSetting(Base):
    """Facts about this database itself, e.g. the check value of the data key."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Client(Base):
    """A client (individual). Identity number, phone, e-mail and address are stored encrypted;
    ``*_index`` columns are keyed blind indexes for exact look-up, never reversible."""

    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_adviser_sort", "adviser_id", "name_sort", "id"),
        Index("ix_clients_branch_sort", "branch_id", "name_sort", "id"),
        Index("ix_clients_sort", "name_sort", "id"),
        Index("ix_clients_name_birth", "name", "birth_date"),
        # Search indexes carry the sort key and the owner: a search is counted and paged from them.
        Index("ix_clients_initials", "name_initials", "name_sort", "id", "adviser_id", "branch_id"),
        Index(
            "ix_clients_phone_last4", "phone_last4", "name_sort", "id", "adviser_id", "branch_id"
        ),
        Index("ix_clients_birth_date", "birth_date", "id"),
        Index("ix_clients_assessment_valid_until", "assessment_valid_until"),
        Index("ix_clients_risk_level", "risk_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(String(100))
    name_sort: Mapped[str] = mapped_column(String(400))  # pinyin / lower case: the list's order
    name_initials: Mapped[str] = mapped_column(String(100))  # pinyin initials: zs for 张三
    id_type: Mapped[str] = mapped_column(String(20))
    id_number_enc: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_index: Mapped[str] = mapped_column(String(64), unique=True)
    birth_date: Mapped[date]
    gender: Mapped[str | None] = mapped_column(String(1))
    phone_enc: Mapped[bytes] = mapped_column(LargeBinary)
    phone_index: Mapped[str] = mapped_column(String(64), index=True)
    phone_last4: Mapped[str] = mapped_column(String(4))
    email_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    occupation: Mapped[str] = mapped_column(String(100), default="")
    income_band: Mapped[str] = mapped_column(String(20))
    financial_assets: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    experience_years: Mapped[int] = mapped_column(default=0)
    experience_types: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    objectives: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    horizon: Mapped[str] = mapped_column(String(20))
    liquidity: Mapped[str] = mapped_column(String(20))
    investor_type: Mapped[str] = mapped_column(String(20), default="ordinary")
    professional_evidence: Mapped[str | None] = mapped_column(Text)
    preferred_language: Mapped[str] = mapped_column(String(10), default="zh_CN")
    # Any open hand-set vulnerability flag (kept here so the list can filter on it cheaply).
    flagged_vulnerable: Mapped[bool] = mapped_column(default=False)
    # The latest confirmed assessment, copied here for the list's filters and columns; whether
    # it is still valid is decided by comparing assessment_valid_until with today.
    risk_level: Mapped[str | None] = mapped_column(String(2))
    assessment_valid_until: Mapped[date | None]
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    adviser: Mapped[User] = relationship(foreign_keys=[adviser_id], lazy="raise")

    __mapper_args__ = {"version_id_col": version}


class ClientNamePair(Base):
    """Each two-character run of a client's name (张三丰: 张三, 三丰) with the list's sort key,
    the client's owner and the name's initials: a two-character search reads one range of the
    primary key, already in list order, and counts it without touching the clients table (the
    initials: to leave out what the initials reading of the same text finds). Kept by
    client_search.py."""

    __tablename__ = "client_name_pairs"
    __table_args__ = (
        PrimaryKeyConstraint(
            "gram",
            "name_sort",
            "client_id",
            postgresql_include=["adviser_id", "branch_id", "name_initials"],
        ),
        Index("ix_client_name_pairs_client_id", "client_id"),
        {"sqlite_with_rowid": False},
    )

    gram: Mapped[str] = mapped_column(String(8))
    name_sort: Mapped[str] = mapped_column(String(400))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    adviser_id: Mapped[int]
    branch_id: Mapped[int]
    name_initials: Mapped[str | None] = mapped_column(String(100))  # copied from clients


class ClientVulnerability(Base):
    __tablename__ = "client_vulnerabilities"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    set_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime]
    cleared_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cleared_at: Mapped[datetime | None]
    clear_reason: Mapped[str | None] = mapped_column(Text)


class ProfessionalApplication(Base):
    """An ordinary investor's written application to be treated as professional, with evidence;
    a supervisor decides."""

    __tablename__ = "professional_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    financial_assets: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    average_income: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    experience_years: Mapped[int]
    evidence: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str | None] = mapped_column(Text)


class Interview(Base):
    """面谈记录. Never edited: a correction is a new interview pointing at the one it corrects."""

    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_client_time", "client_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    occurred_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(20))
    participants: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    products_discussed: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime]


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_owner_status_due", "owner_id", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id"))
    action: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date]
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")
    outcome: Mapped[str | None] = mapped_column(Text)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]

    __mapper_args__ = {"version_id_col": version}


class Assessment(Base):
    """A risk-tolerance assessment. A draft is saved as the adviser goes (nothing is lost); once
    confirmed it never changes (a trigger refuses it) — a correction is a new assessment that
    points at the one it supersedes."""

    __tablename__ = "assessments"
    __table_args__ = (
        Index("ix_assessments_client_status", "client_id", "status", "confirmed_at"),
        CheckConstraint("status IN ('draft', 'confirmed', 'discarded')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON {question: [options]}
    resolutions: Mapped[str] = mapped_column(Text, default="{}")  # JSON {rule: explanation}
    score: Mapped[int | None]
    level: Mapped[str | None] = mapped_column(String(2))
    lowest_category: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[str | None] = mapped_column(Text)  # JSON: reasons and flags as confirmed
    client_confirmed: Mapped[bool] = mapped_column(default=False)
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]
    valid_until: Mapped[date | None]
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))

    __mapper_args__ = {"version_id_col": version}


class Product(Base):
    """A product on the shelf. Risk factors are JSON lists (zh/en), one factor per entry; a
    change of risk level is audited and starts the ongoing-suitability review."""

    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("risk_level IN ('R1', 'R2', 'R3', 'R4', 'R5')", name="risk_level_known"),
        CheckConstraint("status IN ('on_sale', 'suspended', 'closed')", name="status_known"),
        CheckConstraint("min_amount >= 0", name="min_amount_not_negative"),
        CheckConstraint("cooling_off_hours >= 0", name="cooling_off_not_negative"),
        Index("ix_products_status_code", "status", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    product_type: Mapped[str] = mapped_column(String(30))
    issuer: Mapped[str] = mapped_column(String(200))
    risk_level: Mapped[str] = mapped_column(String(2))
    is_complex: Mapped[bool] = mapped_column(default=False)
    horizon_months: Mapped[int]
    redemption: Mapped[str] = mapped_column(String(20))
    redemption_terms: Mapped[str] = mapped_column(Text, default="")
    min_amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    cooling_off_hours: Mapped[int] = mapped_column(default=0)
    risk_factors_zh: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    risk_factors_en: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    status: Mapped[str] = mapped_column(String(12), default="on_sale")
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __mapper_args__ = {"version_id_col": version}
