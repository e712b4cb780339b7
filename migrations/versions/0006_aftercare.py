"""After the sale: follow-up calls (回访) with their cases, and ongoing-suitability reviews.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

A call attempt never changes (triggers refuse UPDATE and DELETE); a resolved case never changes
and no case is ever deleted. A later batch migration on SQLite that rebuilds these tables drops
the triggers: recreate them there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "callback_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.String(length=100), nullable=False),
        sa.Column("callable_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "due_at >= callable_from", name=op.f("ck_callback_tasks_due_after_callable")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'done', 'unreachable', 'cancelled')",
            name=op.f("ck_callback_tasks_status_known"),
        ),
        _fk("callback_tasks", "branch_id", "branches"),
        _fk("callback_tasks", "client_id", "clients"),
        _fk("callback_tasks", "closed_by", "users"),
        _fk("callback_tasks", "product_id", "products"),
        _fk("callback_tasks", "sale_id", "sales"),
        _fk("callback_tasks", "seller_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_tasks")),
        sa.UniqueConstraint("sale_id", name=op.f("uq_callback_tasks_sale_id")),
    )
    op.create_index(
        "ix_callback_tasks_branch_id_status_due_at",
        "callback_tasks",
        ["branch_id", "status", "due_at"],
    )
    op.create_index("ix_callback_tasks_client_id", "callback_tasks", ["client_id"])

    op.create_table(
        "callback_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("attempt_no", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("script_version", sa.String(length=32), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("called_by", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('reached', 'not_reached')",
            name=op.f("ck_callback_attempts_outcome_known"),
        ),
        _fk("callback_attempts", "called_by", "users"),
        _fk("callback_attempts", "task_id", "callback_tasks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_attempts")),
        sa.UniqueConstraint(
            "task_id", "attempt_no", name=op.f("uq_callback_attempts_task_id_attempt_no")
        ),
    )

    op.create_table(
        "callback_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("failed_items", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "reason IN ('answer_no', 'unreachable')", name=op.f("ck_callback_cases_reason_known")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'resolved')", name=op.f("ck_callback_cases_status_known")
        ),
        _fk("callback_cases", "attempt_id", "callback_attempts"),
        _fk("callback_cases", "branch_id", "branches"),
        _fk("callback_cases", "client_id", "clients"),
        _fk("callback_cases", "resolved_by", "users"),
        _fk("callback_cases", "task_id", "callback_tasks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_cases")),
    )
    op.create_index(
        "ix_callback_cases_branch_id_status",
        "callback_cases",
        ["branch_id", "status", "opened_at"],
    )
    op.create_index(op.f("ix_callback_cases_task_id"), "callback_cases", ["task_id"])

    op.create_table(
        "suitability_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("cause", sa.String(length=20), nullable=False),
        sa.Column("level_before", sa.String(length=2), nullable=False),
        sa.Column("level_after", sa.String(length=2), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("policy_version", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "cause IN ('product_rerated', 'assessment_lowered')",
            name=op.f("ck_suitability_reviews_cause_known"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'closed', 'superseded', 'withdrawn')",
            name=op.f("ck_suitability_reviews_status_known"),
        ),
        sa.CheckConstraint(
            "verdict IN ('needs_exception', 'prohibited')",
            name=op.f("ck_suitability_reviews_verdict_known"),
        ),
        _fk("suitability_reviews", "adviser_id", "users"),
        _fk("suitability_reviews", "branch_id", "branches"),
        _fk("suitability_reviews", "client_id", "clients"),
        _fk("suitability_reviews", "closed_by", "users"),
        _fk("suitability_reviews", "product_id", "products"),
        _fk("suitability_reviews", "sale_id", "sales"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suitability_reviews")),
    )
    op.create_index(
        "ix_suitability_reviews_adviser_id_status", "suitability_reviews", ["adviser_id", "status"]
    )
    op.create_index(
        "ix_suitability_reviews_branch_id_status", "suitability_reviews", ["branch_id", "status"]
    )
    op.create_index(
        "ix_suitability_reviews_sale_id_status", "suitability_reviews", ["sale_id", "status"]
    )
    op.create_index("ix_suitability_reviews_batch", "suitability_reviews", ["batch"])
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.drop_index("ix_suitability_reviews_batch", table_name="suitability_reviews")
    op.drop_index("ix_suitability_reviews_sale_id_status", table_name="suitability_reviews")
    op.drop_index("ix_suitability_reviews_branch_id_status", table_name="suitability_reviews")
    op.drop_index("ix_suitability_reviews_adviser_id_status", table_name="suitability_reviews")
    op.drop_table("suitability_reviews")
    op.drop_index(op.f("ix_callback_cases_task_id"), table_name="callback_cases")
    op.drop_index("ix_callback_cases_branch_id_status", table_name="callback_cases")
    op.drop_table("callback_cases")
    op.drop_table("callback_attempts")
    op.drop_index("ix_callback_tasks_client_id", table_name="callback_tasks")
    op.drop_index("ix_callback_tasks_branch_id_status_due_at", table_name="callback_tasks")
    op.drop_table("callback_tasks")


ATTEMPT = "a recorded follow-up call never changes; record another call"
CASE = "a resolved follow-up case never changes, and no case is deleted"


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER callback_attempts_no_update BEFORE UPDATE ON callback_attempts "
            f"BEGIN SELECT RAISE(ABORT, '{ATTEMPT}'); END"
        )
        op.execute(
            "CREATE TRIGGER callback_attempts_no_delete BEFORE DELETE ON callback_attempts "
            f"BEGIN SELECT RAISE(ABORT, '{ATTEMPT}'); END"
        )
        op.execute(
            "CREATE TRIGGER callback_cases_resolved_no_update BEFORE UPDATE ON callback_cases "
            f"WHEN OLD.status = 'resolved' BEGIN SELECT RAISE(ABORT, '{CASE}'); END"
        )
        op.execute(
            "CREATE TRIGGER callback_cases_no_delete BEFORE DELETE ON callback_cases "
            f"BEGIN SELECT RAISE(ABORT, '{CASE}'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION callback_attempts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{ATTEMPT}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER callback_attempts_no_update BEFORE UPDATE OR DELETE ON callback_attempts "
        "FOR EACH ROW EXECUTE FUNCTION callback_attempts_immutable()"
    )
    op.execute(
        "CREATE FUNCTION callback_cases_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{CASE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER callback_cases_resolved_no_update BEFORE UPDATE ON callback_cases "
        "FOR EACH ROW WHEN (OLD.status = 'resolved') "
        "EXECUTE FUNCTION callback_cases_immutable()"
    )
    op.execute(
        "CREATE TRIGGER callback_cases_no_delete BEFORE DELETE ON callback_cases "
        "FOR EACH ROW EXECUTE FUNCTION callback_cases_immutable()"
    )


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "callback_attempts_no_update",
            "callback_attempts_no_delete",
            "callback_cases_resolved_no_update",
            "callback_cases_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    op.execute("DROP TRIGGER IF EXISTS callback_cases_no_delete ON callback_cases")
    op.execute("DROP TRIGGER IF EXISTS callback_cases_resolved_no_update ON callback_cases")
    op.execute("DROP TRIGGER IF EXISTS callback_attempts_no_update ON callback_attempts")
    op.execute("DROP FUNCTION IF EXISTS callback_cases_immutable()")
    op.execute("DROP FUNCTION IF EXISTS callback_attempts_immutable()")
