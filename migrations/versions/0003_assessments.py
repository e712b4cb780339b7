"""Risk-tolerance assessments, and the client's current level copied for the list's filters.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

A confirmed assessment never changes: triggers refuse UPDATE of a confirmed row and any DELETE.
A later batch migration on SQLite that rebuilds assessments drops them: recreate them there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_version", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("resolutions", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(length=2), nullable=True),
        sa.Column("lowest_category", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("client_confirmed", sa.Boolean(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'confirmed', 'discarded')",
            name=op.f("ck_assessments_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["users.id"], name=op.f("fk_assessments_adviser_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_assessments_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["assessments.id"],
            name=op.f("fk_assessments_supersedes_id_assessments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index(
        "ix_assessments_client_status", "assessments", ["client_id", "status", "confirmed_at"]
    )
    _create_immutability_triggers()

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("risk_level", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("assessment_valid_until", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_clients_assessment_valid_until", ["assessment_valid_until"], unique=False
        )
        batch_op.create_index("ix_clients_risk_level", ["risk_level"], unique=False)


def downgrade() -> None:
    _drop_immutability_triggers()
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_risk_level")
        batch_op.drop_index("ix_clients_assessment_valid_until")
        batch_op.drop_column("assessment_valid_until")
        batch_op.drop_column("risk_level")

    op.drop_index("ix_assessments_client_status", table_name="assessments")

    op.drop_table("assessments")


MESSAGE = "a confirmed assessment never changes; record a new one that supersedes it"


def _create_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER assessments_confirmed_no_update BEFORE UPDATE ON assessments "
            f"WHEN OLD.status = 'confirmed' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        op.execute(
            "CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION assessments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER assessments_confirmed_no_update BEFORE UPDATE ON assessments "
        "FOR EACH ROW WHEN (OLD.status = 'confirmed') EXECUTE FUNCTION assessments_immutable()"
    )
    op.execute(
        "CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments "
        "FOR EACH ROW EXECUTE FUNCTION assessments_immutable()"
    )


def _drop_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS assessments_confirmed_no_update")
        op.execute("DROP TRIGGER IF EXISTS assessments_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS assessments_no_delete ON assessments")
    op.execute("DROP TRIGGER IF EXISTS assessments_confirmed_no_update ON assessments")
    op.execute("DROP FUNCTION IF EXISTS assessments_immutable()")
