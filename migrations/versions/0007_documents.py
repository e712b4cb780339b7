"""The archive of generated documents.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

An archived document never changes: triggers refuse UPDATE and DELETE on both databases. A later
batch migration on SQLite that rebuilds documents drops them: recreate them there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_documents_client_id": ["client_id"],
    "ix_documents_generated_at": ["generated_at"],
    "ix_documents_sale_id": ["sale_id"],
    "ix_documents_exception_request_id": ["exception_request_id"],
    "ix_documents_assessment_id": ["assessment_id"],
    "ix_documents_copy_of_id": ["copy_of_id"],
}


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("exception_request_id", sa.Integer(), nullable=True),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("copy_of_id", sa.Integer(), nullable=True),
        sa.Column("copy_number", sa.Integer(), nullable=False),
        sa.Column("template_version", sa.String(length=16), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("generated_by", sa.Integer(), nullable=True),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('disclosure', 'warning', 'assessment')",
            name=op.f("ck_documents_kind_known"),
        ),
        sa.CheckConstraint("copy_number >= 0", name=op.f("ck_documents_copy_number_positive")),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_documents_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_documents_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_documents_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["copy_of_id"], ["documents.id"], name=op.f("fk_documents_copy_of_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["exception_request_id"],
            ["exception_requests.id"],
            name=op.f("fk_documents_exception_request_id_exception_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["generated_by"], ["users.id"], name=op.f("fk_documents_generated_by_users")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_documents_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
        sa.UniqueConstraint("pdf_sha256", name=op.f("uq_documents_pdf_sha256")),
    )
    for name, columns in INDEXES.items():
        op.create_index(name, "documents", columns, unique=False)
    _create_immutability_triggers()


def downgrade() -> None:
    _drop_immutability_triggers()
    for name in INDEXES:
        op.drop_index(name, table_name="documents")
    op.drop_table("documents")


MESSAGE = "an archived document never changes; a reprint is a new copy"


def _create_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER documents_no_{verb.lower()} BEFORE {verb} ON documents "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER documents_no_{verb.lower()} BEFORE {verb} ON documents "
            "FOR EACH ROW EXECUTE FUNCTION documents_immutable()"
        )


def _drop_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_no_update")
        op.execute("DROP TRIGGER IF EXISTS documents_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS documents_no_delete ON documents")
    op.execute("DROP TRIGGER IF EXISTS documents_no_update ON documents")
    op.execute("DROP FUNCTION IF EXISTS documents_immutable()")
