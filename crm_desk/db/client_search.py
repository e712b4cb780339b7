"""Finding clients by a fragment of their name.

Two characters or more: the table client_name_pairs holds every two-character run of every name,
keyed (pair, sort key, id) and carrying the owner, on both databases. A two-character fragment is
one range of it, in list order, its length the count. A longer one is read from the range of its
rarest pair, in list order, keeping the names that also hold its other pairs (a seek each into
the same key) and hold the fragment itself contiguously (the name's searchable characters, on
SQLite through the function ``crm_name_chars`` registered on every connection).
One character: SQLite's FTS5 table of each name's characters (rowid = client id); on PostgreSQL a
GIN index over ``regexp_split_to_array(lower(name), '')``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    delete,
    exists,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from crm_desk.db.models import Client, ClientNamePair
from crm_desk.domain.names import name_characters


def _fts_document(name: str) -> str:
    return " ".join(name_characters(name))


def name_pairs(name: str) -> list[str]:
    """The distinct two-character runs of a name's searchable characters: 张三丰 -> 张三, 三丰."""
    chars = name_characters(name)
    return list(dict.fromkeys(a + b for a, b in zip(chars, chars[1:], strict=False)))


_ADD_PAIR = text(
    "INSERT INTO client_name_pairs (gram, name_sort, client_id, adviser_id, branch_id, "
    "name_initials) "
    "SELECT :gram, name_sort, id, adviser_id, branch_id, name_initials FROM clients WHERE id = :id"
)


def index_name(session: Session, client_id: int, name: str, *, new: bool) -> None:
    """Keep the name indexes in step with a client's name (after the row is written or changed:
    the pairs copy its sort key, owner and initials)."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    if not new:
        session.execute(delete(ClientNamePair).where(ClientNamePair.client_id == client_id))
        if sqlite:
            session.execute(
                text("DELETE FROM client_name_fts WHERE rowid = :id"), {"id": client_id}
            )
    pairs = name_pairs(name)
    if pairs:
        session.execute(_ADD_PAIR, [{"gram": gram, "id": client_id} for gram in pairs])
    if sqlite:
        session.execute(
            text("INSERT INTO client_name_fts(rowid, chars) VALUES (:id, :chars)"),
            {"id": client_id, "chars": _fts_document(name)},
        )


def owner_changed(session: Session, client_id: int, adviser_id: int, branch_id: int) -> None:
    """A reassigned client: the pairs carry the owner so that visibility needs no join."""
    session.execute(
        update(ClientNamePair)
        .where(ClientNamePair.client_id == client_id)
        .values(adviser_id=adviser_id, branch_id=branch_id)
    )


def squeezed_name(dialect: str, name: Any) -> ColumnElement[str]:
    """A name's searchable characters as the database computes them (see name_characters)."""
    if dialect == "sqlite":
        return func.crm_name_chars(name)
    return func.regexp_replace(func.lower(name), r"[^\w]|_", "", "g")


Owned = Callable[[Any, Any], list[ColumnElement[bool]]]  # (adviser column, branch column)
_RARER_THAN = 5000  # pair ranges are compared up to this many rows
_PAIRS = ClientNamePair.__table__


def name_holds(dialect: str, fragment: str) -> ColumnElement[bool]:
    """A condition on Client: the name holds the fragment's searchable characters in a row."""
    chars = "".join(name_characters(fragment))
    return squeezed_name(dialect, Client.name).contains(chars, autoescape=True)


def fragment_keys(
    session: Session,
    fragment: str,
    owned: Owned,
    *,
    not_initials: str | None = None,
    on_client: Sequence[ColumnElement[bool]] = (),
) -> Select[str, int] | None:
    """(sort key ``s``, id ``i``) of the names holding ``fragment`` (two searchable characters
    or more), read in list order from client_name_pairs with the owner conditions applied there,
    leaving out the names whose initials are ``not_initials`` (found by the initials reading of
    the same text) and keeping those whose client row meets ``on_client``. None for a fragment of
    fewer than two characters."""
    pairs = name_pairs(fragment)
    if not pairs:
        return None
    if len(pairs) > 1:  # the rarest pair drives: how many rows each range has, capped
        sizes = session.execute(
            select(
                *(
                    select(func.count())
                    .select_from(
                        select(ClientNamePair.client_id)
                        .where(ClientNamePair.gram == gram)
                        .limit(_RARER_THAN)
                        .subquery()
                    )
                    .scalar_subquery()
                    for gram in pairs
                )
            )
        ).one()
        pairs = [gram for _, gram in sorted(zip(sizes, pairs, strict=True))]
    drive = ClientNamePair
    keys = select(drive.name_sort.label("s"), drive.client_id.label("i")).where(
        drive.gram == pairs[0], *owned(drive.adviser_id, drive.branch_id)
    )
    if not_initials is not None:
        keys = keys.where(drive.name_initials.is_distinct_from(not_initials))
    for gram in pairs[1:]:
        other = _PAIRS.alias()  # a table alias: an ORM aliased() costs ~0.3 ms to build
        keys = keys.where(
            exists().where(
                other.c.gram == gram,
                other.c.name_sort == drive.name_sort,
                other.c.client_id == drive.client_id,
            )
        )
    on_client = list(on_client)
    if len(name_characters(fragment)) > 2:
        # Holding every pair is not yet holding them one after the other: the name itself,
        # read for those names only.
        on_client.append(name_holds(session.get_bind().dialect.name, fragment))
    if on_client:
        keys = keys.where(exists().where(Client.id == drive.client_id, *on_client))
    return keys


def character_matches(dialect: str, fragment: str) -> ColumnElement[bool] | None:
    """A condition on Client for names holding the one searchable character of ``fragment``
    (SQLite: the FTS5 character index; PostgreSQL: the GIN index over the characters); None
    when the fragment has none or more than one."""
    chars = name_characters(fragment)
    if len(chars) != 1:
        return None
    if dialect == "sqlite":
        phrase = '"' + chars[0] + '"'  # characters carry no quotes: \w only
        hits: Select[tuple[int]] = (
            select(literal_column("rowid"))
            .select_from(text("client_name_fts"))
            .where(text("client_name_fts MATCH :phrase").bindparams(phrase=phrase))
        )
        return Client.id.in_(hits)
    wanted = bindparam("name_chars", value=chars, type_=ARRAY(Text))
    return func.regexp_split_to_array(func.lower(Client.name), "").op("@>")(wanted)
