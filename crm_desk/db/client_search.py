"""Finding clients by a fragment of their name.

Two characters (the most common search: a surname and a given name, or a given name): the table
client_name_pairs holds every two-character run of every name, keyed (pair, sort key, id), on both
databases; one range of it is the answer, in list order, its length the count.
Other lengths: SQLite's FTS5 table holds each name's characters separated by spaces (rowid =
client id), and a phrase query finds a contiguous fragment of any length. PostgreSQL intersects
the pair ranges of a longer fragment (one character: a GIN index over
``regexp_split_to_array(lower(name), '')``) and LIKE keeps the contiguous ones.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    delete,
    func,
    intersect,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from crm_desk.db.models import Client, ClientNamePair

_KEEP = re.compile(r"[\w]", re.UNICODE)


def name_characters(name: str) -> list[str]:
    """The characters that count for search: letters and digits, lower-cased; no spaces or dots."""
    return [c for c in name.casefold() if _KEEP.match(c) and c != "_"]


def _fts_document(name: str) -> str:
    return " ".join(name_characters(name))


def name_pairs(name: str) -> list[str]:
    """The distinct two-character runs of a name's searchable characters: 张三丰 -> 张三, 三丰."""
    chars = name_characters(name)
    return list(dict.fromkeys(a + b for a, b in zip(chars, chars[1:], strict=False)))


def pair_of(fragment: str) -> str | None:
    """The fragment as a key of client_name_pairs when it is exactly two searchable characters."""
    chars = name_characters(fragment)
    return "".join(chars) if len(chars) == 2 else None


_ADD_PAIR = text(
    "INSERT INTO client_name_pairs (gram, name_sort, client_id, adviser_id, branch_id) "
    "SELECT :gram, name_sort, id, adviser_id, branch_id FROM clients WHERE id = :id"
)


def index_name(session: Session, client_id: int, name: str, *, new: bool) -> None:
    """Keep the name indexes in step with a client's name (after the row is written or changed:
    the pairs copy its sort key and owner)."""
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


def name_matches(dialect: str, fragment: str) -> ColumnElement[bool] | None:
    """A condition on Client for names containing ``fragment``; None when nothing searchable.
    Two characters are better read from client_name_pairs alone (see ClientService._hits).
    SQLite: a phrase of the FTS5 character index. PostgreSQL: the names holding every
    two-character run of the fragment (client_name_pairs), one character through the GIN index;
    then the contiguous ones by LIKE."""
    chars = name_characters(fragment)
    if not chars:
        return None
    if dialect == "sqlite":
        phrase = '"' + " ".join(chars) + '"'  # characters carry no quotes: \w only
        hits: Select[tuple[int]] = (
            select(literal_column("rowid"))
            .select_from(text("client_name_fts"))
            .where(text("client_name_fts MATCH :phrase").bindparams(phrase=phrase))
        )
        return Client.id.in_(hits)
    pattern = "%" + "".join(chars).replace("\\", "\\\\").replace("%", r"\%") + "%"
    squeezed = func.regexp_replace(func.lower(Client.name), r"[^\w]|_", "", "g")
    contiguous = squeezed.like(pattern, escape="\\")
    pairs = name_pairs(fragment)
    if pairs:
        # Names holding every two-character run of the fragment, from client_name_pairs: a few
        # index ranges. The GIN index over single characters had to test every Latin name
        # holding the letters (12 ms at 1M clients for a fragment nobody has).
        holders = intersect(
            *(select(ClientNamePair.client_id).where(ClientNamePair.gram == g) for g in pairs)
        )
        return Client.id.in_(holders) & contiguous
    wanted = bindparam("name_chars", value=sorted(set(chars)), type_=ARRAY(Text))
    return func.regexp_split_to_array(func.lower(Client.name), "").op("@>")(wanted) & contiguous
