"""Sales, the exception requests a supervisor decides, and sale cancellations and corrections.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

A sale, a cancellation and a correction never change: triggers refuse UPDATE and DELETE on both
databases. Sales and exception requests point at each other (the sale at the request it came
from, the approved request at its sale); the second key is added once both tables exist. A later
batch migration on SQLite that rebuilds one of these tables drops its triggers: recreate them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMMUTABLE_TABLES = ("sales", "sale_cancellations", "sale_corrections")
SALE_FK = "fk_exception_requests_sale_id_sales"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    # SQLite checks a foreign key only when used, so the key to sales can be declared up front;
    # PostgreSQL needs the referenced table first and gets the key by ALTER TABLE below.
    sale_fk = [sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=SALE_FK)] if sqlite else []
    op.create_table(
        "exception_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("client_snapshot", sa.Text(), nullable=False),
        sa.Column("product_terms", sa.Text(), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("policy_version", sa.String(length=64), nullable=False),
        sa.Column("warning_given", sa.Boolean(), nullable=False),
        sa.Column("warning_given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("client_insists", sa.Boolean(), nullable=False),
        sa.Column("insistence_text", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_comment", sa.Text(), nullable=True),
        sa.Column("decision_evaluation", sa.Text(), nullable=True),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'lapsed')",
            name=op.f("ck_exception_requests_status_known"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_exception_requests_amount_positive")),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["users.id"], name=op.f("fk_exception_requests_adviser_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_exception_requests_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_exception_requests_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_exception_requests_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_exception_requests_product_id_products"),
        ),
        *sale_fk,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exception_requests")),
    )
    op.create_index(
        "ix_exception_requests_adviser_id_status",
        "exception_requests",
        ["adviser_id", "status"],
    )
    op.create_index(
        "ix_exception_requests_branch_id_status",
        "exception_requests",
        ["branch_id", "status", "due_at"],
    )
    op.create_index("ix_exception_requests_client_id", "exception_requests", ["client_id"])
    pending = sa.text("status = 'pending'")
    op.create_index(
        "uq_exception_requests_pending",
        "exception_requests",
        ["client_id", "product_id"],
        unique=True,
        sqlite_where=pending,
        postgresql_where=pending,
    )

    op.create_table(
        "sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("client_snapshot", sa.Text(), nullable=False),
        sa.Column("product_terms", sa.Text(), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("policy_version", sa.String(length=64), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("client_level", sa.String(length=2), nullable=True),
        sa.Column("product_level", sa.String(length=2), nullable=False),
        sa.Column("exception_request_id", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("cooling_off_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "verdict IN ('suitable', 'needs_exception')", name=op.f("ck_sales_verdict_known")
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_sales_amount_positive")),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["users.id"], name=op.f("fk_sales_adviser_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["users.id"], name=op.f("fk_sales_approved_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_sales_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_sales_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_sales_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["exception_request_id"],
            ["exception_requests.id"],
            name=op.f("fk_sales_exception_request_id_exception_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_sales_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_sales_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
        sa.UniqueConstraint("exception_request_id", name=op.f("uq_sales_exception_request_id")),
    )
    op.create_index("ix_sales_adviser_id_recorded_at", "sales", ["adviser_id", "recorded_at"])
    op.create_index("ix_sales_branch_id_recorded_at", "sales", ["branch_id", "recorded_at"])
    op.create_index("ix_sales_client_id", "sales", ["client_id"])
    op.create_index("ix_sales_product_id", "sales", ["product_id"])
    if not sqlite:
        op.create_foreign_key(SALE_FK, "exception_requests", "sales", ["sale_id"], ["id"])

    op.create_table(
        "sale_cancellations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cancelled_by"], ["users.id"], name=op.f("fk_sale_cancellations_cancelled_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_sale_cancellations_sale_id_sales")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_cancellations")),
        sa.UniqueConstraint("sale_id", name=op.f("uq_sale_cancellations_sale_id")),
    )
    op.create_table(
        "sale_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("corrected_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corrected_by"], ["users.id"], name=op.f("fk_sale_corrections_corrected_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_sale_corrections_sale_id_sales")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_corrections")),
    )
    op.create_index("ix_sale_corrections_sale_id", "sale_corrections", ["sale_id"])
    _create_immutability_triggers()


def downgrade() -> None:
    _drop_immutability_triggers()
    op.drop_index("ix_sale_corrections_sale_id", table_name="sale_corrections")
    op.drop_table("sale_corrections")
    op.drop_table("sale_cancellations")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(SALE_FK, "exception_requests", type_="foreignkey")
    op.drop_index("ix_sales_product_id", table_name="sales")
    op.drop_index("ix_sales_client_id", table_name="sales")
    op.drop_index("ix_sales_branch_id_recorded_at", table_name="sales")
    op.drop_index("ix_sales_adviser_id_recorded_at", table_name="sales")
    op.drop_table("sales")
    op.drop_index("uq_exception_requests_pending", table_name="exception_requests")
    op.drop_index("ix_exception_requests_client_id", table_name="exception_requests")
    op.drop_index("ix_exception_requests_branch_id_status", table_name="exception_requests")
    op.drop_index("ix_exception_requests_adviser_id_status", table_name="exception_requests")
    op.drop_table("exception_requests")


MESSAGE = "a sale record never changes; record a cancellation or a correction that points at it"


def _create_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in IMMUTABLE_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION sale_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    for table in IMMUTABLE_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION sale_records_immutable()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION sale_records_immutable()"
        )


def _drop_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in IMMUTABLE_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        return
    for table in IMMUTABLE_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}")
    op.execute("DROP FUNCTION IF EXISTS sale_records_immutable()")
