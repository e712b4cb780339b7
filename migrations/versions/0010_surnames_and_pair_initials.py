"""Surnames spelled as surnames; client_name_pairs carries the name's pinyin initials too.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

1. pypinyin spells 曾 céng, 单 dān, 解 jiě: as surnames they are zēng, shàn, xiè. Clients whose name
   starts with one of the surnames in crm_desk.domain.names.SURNAME_READINGS get their sort key
   and initials worked out again (曾小明 sorts under z and is found by zxm), in clients and in
   client_name_pairs, which copies the sort key. The version column is left alone: nothing a user
   entered changed. (This uses the app's own spelling rules: it is what they produce today.)
2. A text such as "ly" is both whole initials (刘洋) and a piece of Latin names (Emily): the search
   reads the two sets from their own indexes and, to count them as a sum and page them without
   sorting their union, the name-piece set leaves out the names the initials set already finds.
   With the initials copied next to the pair that test needs no visit to the clients table (which
   cost 2-10 ms for the 1,700 rows of a common pair at 1M clients).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from crm_desk.domain.names import SURNAME_READINGS, initials, sort_key

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = ["gram", "name_sort", "client_id"]


def _respell_surnames() -> None:
    bind = op.get_bind()
    firsts = sorted({surname[0] for surname in SURNAME_READINGS})
    rows = bind.execute(
        sa.text("SELECT id, name FROM clients WHERE substr(name, 1, 1) IN :firsts").bindparams(
            sa.bindparam("firsts", expanding=True)
        ),
        {"firsts": firsts},
    ).all()
    values = [
        {"id": client_id, "sort": sort_key(name), "letters": initials(name)}
        for client_id, name in rows
        if name.startswith(tuple(SURNAME_READINGS))
    ]
    if values:
        bind.execute(
            sa.text(
                "UPDATE clients SET name_sort = :sort, name_initials = :letters WHERE id = :id"
            ),
            values,
        )
        bind.execute(
            sa.text("UPDATE client_name_pairs SET name_sort = :sort WHERE client_id = :id"),
            values,
        )


def _primary_key(include: list[str]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: a table WITHOUT ROWID keeps every column in its key's b-tree
    op.drop_constraint("pk_client_name_pairs", "client_name_pairs", type_="primary")
    op.execute(  # create_primary_key() takes no INCLUDE
        "ALTER TABLE client_name_pairs ADD CONSTRAINT pk_client_name_pairs "
        f"PRIMARY KEY ({', '.join(_KEY)}) INCLUDE ({', '.join(include)})"
    )


def upgrade() -> None:
    _respell_surnames()
    op.add_column("client_name_pairs", sa.Column("name_initials", sa.String(100), nullable=True))
    op.execute(
        "UPDATE client_name_pairs SET name_initials = "
        "(SELECT c.name_initials FROM clients c WHERE c.id = client_name_pairs.client_id)"
    )
    _primary_key(["adviser_id", "branch_id", "name_initials"])


def downgrade() -> None:
    # The surnames keep their surname spelling: a valid sort key and initials either way.
    _primary_key(["adviser_id", "branch_id"])
    with op.batch_alter_table("client_name_pairs", schema=None) as batch_op:
        batch_op.drop_column("name_initials")
