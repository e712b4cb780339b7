"""Searches counted and paged from one index each: name pairs, initials and last four digits.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

client_name_pairs holds every two-character run of every client's name with the list's sort key
and the client's owner, keyed (pair, sort key, id): a two-character search is one range of that
key, already in list order, counted without reading the clients table (bench/clients.py: 1M
clients, count + first page under 1 ms instead of 10-35 ms for the common pairs like 王伟).
ix_clients_initials and ix_clients_phone_last4 gain the sort key and the owner columns, so
that a search by initials or by the last four digits is counted and paged without reading the
clients it does not show.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIST_AND_OWNER = ["name_sort", "id", "adviser_id", "branch_id"]
_KEEP = re.compile(r"[\w]", re.UNICODE)  # as crm_desk.db.client_search.name_characters


def _pairs(name: str) -> list[str]:
    chars = [c for c in name.casefold() if _KEEP.match(c) and c != "_"]
    return list(dict.fromkeys(a + b for a, b in zip(chars, chars[1:], strict=False)))


def upgrade() -> None:
    op.create_table(
        "client_name_pairs",
        sa.Column("gram", sa.String(length=8), nullable=False),
        sa.Column("name_sort", sa.String(length=400), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_name_pairs_client_id_clients")
        ),
        sa.PrimaryKeyConstraint(
            "gram",
            "name_sort",
            "client_id",
            name=op.f("pk_client_name_pairs"),
            postgresql_include=["adviser_id", "branch_id"],
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_client_name_pairs_client_id", "client_name_pairs", ["client_id"])
    with op.batch_alter_table("clients", schema=None) as batch_op:
        for name, column in (
            ("ix_clients_initials", "name_initials"),
            ("ix_clients_phone_last4", "phone_last4"),
        ):
            batch_op.drop_index(name)
            batch_op.create_index(name, [column, *_LIST_AND_OWNER])

    bind = op.get_bind()
    pairs = sa.table(
        "client_name_pairs",
        sa.column("gram"),
        sa.column("name_sort"),
        sa.column("client_id"),
        sa.column("adviser_id"),
        sa.column("branch_id"),
    )
    rows = bind.execute(
        sa.text("SELECT id, name, name_sort, adviser_id, branch_id FROM clients ORDER BY id")
    )
    while batch := rows.fetchmany(10_000):
        values = [
            {
                "gram": gram,
                "name_sort": r.name_sort,
                "client_id": r.id,
                "adviser_id": r.adviser_id,
                "branch_id": r.branch_id,
            }
            for r in batch
            for gram in _pairs(r.name)
        ]
        if values:
            bind.execute(pairs.insert(), values)


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_initials")
        batch_op.create_index("ix_clients_initials", ["name_initials", "id"])
        batch_op.drop_index("ix_clients_phone_last4")
        batch_op.create_index("ix_clients_phone_last4", ["phone_last4"])
    op.drop_index("ix_client_name_pairs_client_id", table_name="client_name_pairs")
    op.drop_table("client_name_pairs")
