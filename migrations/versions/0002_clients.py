"""Clients, their vulnerabilities, professional-investor applications, interviews, follow-ups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Name search needs an index over single characters (two-character Chinese names are common and
trigram indexes find nothing under three characters): an FTS5 table of the name's characters on
SQLite, maintained by the service layer, and a GIN index over the characters on PostgreSQL.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_sort", sa.String(length=400), nullable=False),
        sa.Column("name_initials", sa.String(length=100), nullable=False),
        sa.Column("id_type", sa.String(length=20), nullable=False),
        sa.Column("id_number_enc", sa.LargeBinary(), nullable=False),
        sa.Column("id_number_index", sa.String(length=64), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=True),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=False),
        sa.Column("phone_index", sa.String(length=64), nullable=False),
        sa.Column("phone_last4", sa.String(length=4), nullable=False),
        sa.Column("email_enc", sa.LargeBinary(), nullable=True),
        sa.Column("address_enc", sa.LargeBinary(), nullable=True),
        sa.Column("occupation", sa.String(length=100), nullable=False),
        sa.Column("income_band", sa.String(length=20), nullable=False),
        sa.Column("financial_assets", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("experience_years", sa.Integer(), nullable=False),
        sa.Column("experience_types", sa.String(length=200), nullable=False),
        sa.Column("objectives", sa.String(length=200), nullable=False),
        sa.Column("horizon", sa.String(length=20), nullable=False),
        sa.Column("liquidity", sa.String(length=20), nullable=False),
        sa.Column("investor_type", sa.String(length=20), nullable=False),
        sa.Column("professional_evidence", sa.Text(), nullable=True),
        sa.Column("preferred_language", sa.String(length=10), nullable=False),
        sa.Column("flagged_vulnerable", sa.Boolean(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["users.id"], name=op.f("fk_clients_adviser_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_clients_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_clients_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_clients_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
        sa.UniqueConstraint("id_number_index", name=op.f("uq_clients_id_number_index")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clients_adviser_sort", ["adviser_id", "name_sort", "id"], unique=False
        )
        batch_op.create_index("ix_clients_birth_date", ["birth_date", "id"], unique=False)
        batch_op.create_index(
            "ix_clients_branch_sort", ["branch_id", "name_sort", "id"], unique=False
        )
        batch_op.create_index("ix_clients_initials", ["name_initials", "id"], unique=False)
        batch_op.create_index("ix_clients_name_birth", ["name", "birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_phone_index"), ["phone_index"], unique=False)
        batch_op.create_index("ix_clients_phone_last4", ["phone_last4"], unique=False)
        batch_op.create_index("ix_clients_sort", ["name_sort", "id"], unique=False)

    op.create_table(
        "client_vulnerabilities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_by", sa.Integer(), nullable=True),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clear_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cleared_by"], ["users.id"], name=op.f("fk_client_vulnerabilities_cleared_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_vulnerabilities_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["set_by"], ["users.id"], name=op.f("fk_client_vulnerabilities_set_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_vulnerabilities")),
    )
    with op.batch_alter_table("client_vulnerabilities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_client_vulnerabilities_client_id"), ["client_id"], unique=False
        )

    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("products_discussed", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_interviews_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["interviews.id"], name=op.f("fk_interviews_corrects_id_interviews")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_interviews_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interviews_client_time", ["client_id", "occurred_at"], unique=False
        )

    op.create_table(
        "professional_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("financial_assets", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("average_income", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("experience_years", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_professional_applications_client_id_clients"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_professional_applications_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["users.id"],
            name=op.f("fk_professional_applications_requested_by_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_professional_applications")),
    )
    with op.batch_alter_table("professional_applications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_professional_applications_client_id"), ["client_id"], unique=False
        )

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_follow_ups_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_follow_ups_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["done_by"], ["users.id"], name=op.f("fk_follow_ups_done_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"], ["interviews.id"], name=op.f("fk_follow_ups_interview_id_interviews")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_follow_ups_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_client_id"), ["client_id"], unique=False)
        batch_op.create_index(
            "ix_follow_ups_owner_status_due", ["owner_id", "status", "due_date"], unique=False
        )

    _create_name_search()


def downgrade() -> None:
    _drop_name_search()
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_owner_status_due")
        batch_op.drop_index(batch_op.f("ix_follow_ups_client_id"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("professional_applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_professional_applications_client_id"))

    op.drop_table("professional_applications")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_client_time")

    op.drop_table("interviews")
    with op.batch_alter_table("client_vulnerabilities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_vulnerabilities_client_id"))

    op.drop_table("client_vulnerabilities")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_sort")
        batch_op.drop_index("ix_clients_phone_last4")
        batch_op.drop_index(batch_op.f("ix_clients_phone_index"))
        batch_op.drop_index("ix_clients_name_birth")
        batch_op.drop_index("ix_clients_initials")
        batch_op.drop_index("ix_clients_branch_sort")
        batch_op.drop_index("ix_clients_birth_date")
        batch_op.drop_index("ix_clients_adviser_sort")

    op.drop_table("clients")
    op.drop_table("app_settings")


def _create_name_search() -> None:
    if op.get_bind().dialect.name != "sqlite":
        # The list's keyset order must be the byte order of the pinyin sort key, whatever the
        # server's default collation (SQLite compares bytes already).
        op.execute('ALTER TABLE clients ALTER COLUMN name_sort TYPE varchar(400) COLLATE "C"')
    if op.get_bind().dialect.name == "sqlite":
        # rowid = clients.id; "chars" holds the lower-cased name's characters separated by spaces,
        # so a phrase query matches a contiguous fragment of any length, one character included.
        op.execute("CREATE VIRTUAL TABLE client_name_fts USING fts5(chars, tokenize='unicode61')")
    else:
        op.execute(
            "CREATE INDEX ix_clients_name_chars ON clients "
            "USING gin (regexp_split_to_array(lower(name), ''))"
        )


def _drop_name_search() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS client_name_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_clients_name_chars")
