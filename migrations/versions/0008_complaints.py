"""Complaints and their stages.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

The stage history is append-only: triggers refuse UPDATE and DELETE of complaint_stages on both
databases. A later batch migration on SQLite that rebuilds complaint_stages drops them: recreate
them there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("complainant_name", sa.String(length=200), nullable=True),
        sa.Column("complainant_contact_enc", sa.LargeBinary(), nullable=True),
        sa.Column("is_group", sa.Boolean(), nullable=False),
        sa.Column("group_size", sa.Integer(), nullable=True),
        sa.Column("representatives", sa.Text(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("amount_in_dispute", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("subject_adviser_id", sa.Integer(), nullable=True),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("round_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("extension_level", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "category IN ('sales_misconduct', 'product_performance', 'fees', 'service_attitude', "
            "'wait_time', 'data_privacy', 'system_fault', 'other')",
            name=op.f("ck_complaints_category_known"),
        ),
        sa.CheckConstraint(
            "channel IN ('counter', 'phone', 'letter', 'online', 'regulator')",
            name=op.f("ck_complaints_channel_known"),
        ),
        sa.CheckConstraint(
            "status IN ('accepted', 'investigating', 'resolved', 'answered')",
            name=op.f("ck_complaints_status_known"),
        ),
        sa.CheckConstraint(
            "amount_in_dispute >= 0", name=op.f("ck_complaints_amount_not_negative")
        ),
        sa.CheckConstraint(
            "client_id IS NOT NULL OR complainant_name IS NOT NULL",
            name=op.f("ck_complaints_complainant_known"),
        ),
        sa.CheckConstraint(
            "extension_level BETWEEN 0 AND 2", name=op.f("ck_complaints_extension_level_range")
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_complaints_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_complaints_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["users.id"], name=op.f("fk_complaints_handler_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_complaints_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["registered_by"], ["users.id"], name=op.f("fk_complaints_registered_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_complaints_sale_id_sales")
        ),
        sa.ForeignKeyConstraint(
            ["subject_adviser_id"],
            ["users.id"],
            name=op.f("fk_complaints_subject_adviser_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index("ix_complaints_accepted_at", ["accepted_at"], unique=False)
        batch_op.create_index(
            "ix_complaints_branch_status_due", ["branch_id", "status", "due_date"], unique=False
        )
        batch_op.create_index("ix_complaints_client_id", ["client_id"], unique=False)
        batch_op.create_index(
            "ix_complaints_handler_status", ["handler_id", "status"], unique=False
        )

    op.create_table(
        "complaint_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("extension_level", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=True),
        sa.Column("root_cause", sa.String(length=30), nullable=True),
        sa.Column("root_cause_text", sa.Text(), nullable=True),
        sa.Column("corrective_action", sa.Text(), nullable=True),
        sa.Column("answer_method", sa.String(length=20), nullable=True),
        sa.Column("told_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("client_response", sa.Text(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("outcome_accepted", sa.Boolean(), nullable=True),
        sa.Column("on_time", sa.Boolean(), nullable=True),
        sa.CheckConstraint(
            "stage IN ('accepted', 'investigating', 'extended', 'resolved', 'answered', "
            "'reopened', 'reassigned')",
            name=op.f("ck_complaint_stages_stage_known"),
        ),
        sa.CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
            name=op.f("ck_complaint_stages_satisfaction_range"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_complaint_stages_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_stages_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["users.id"], name=op.f("fk_complaint_stages_handler_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_stages")),
    )
    with op.batch_alter_table("complaint_stages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_complaint_stages_complaint_id", ["complaint_id", "id"], unique=False
        )
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    with op.batch_alter_table("complaint_stages", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_stages_complaint_id")

    op.drop_table("complaint_stages")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index("ix_complaints_handler_status")
        batch_op.drop_index("ix_complaints_client_id")
        batch_op.drop_index("ix_complaints_branch_status_due")
        batch_op.drop_index("ix_complaints_accepted_at")

    op.drop_table("complaints")


MESSAGE = "the stage history of a complaint is never changed; record a new stage"


def _create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER complaint_stages_no_{verb.lower()} BEFORE {verb} "
                f"ON complaint_stages BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION complaint_stages_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER complaint_stages_no_{verb.lower()} BEFORE {verb} "
            "ON complaint_stages FOR EACH ROW EXECUTE FUNCTION complaint_stages_append_only()"
        )


def _drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS complaint_stages_no_update")
        op.execute("DROP TRIGGER IF EXISTS complaint_stages_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS complaint_stages_no_delete ON complaint_stages")
    op.execute("DROP TRIGGER IF EXISTS complaint_stages_no_update ON complaint_stages")
    op.execute("DROP FUNCTION IF EXISTS complaint_stages_append_only()")
