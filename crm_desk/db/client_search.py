"""Finding clients by a fragment of their name, on each database's own character index.

SQLite: an FTS5 table holds each name's characters separated by spaces (rowid = client id); a
phrase query finds a contiguous fragment of any length. PostgreSQL: a GIN index over
``regexp_split_to_array(lower(name), '')`` narrows to names holding every character, and LIKE
keeps the contiguous ones. Both answer a two-character Chinese fragment from the index.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, bindparam, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from crm_desk.db.models import Client

_KEEP = re.compile(r"[\w]", re.UNICODE)


def name_characters(name: str) -> list[str]:
    """The characters that count for search: letters and digits, lower-cased; no spaces or dots."""
    return [c for c in name.casefold() if _KEEP.match(c) and c != "_"]


def _fts_document(name: str) -> str:
    return " ".join(name_characters(name))


def index_name(session: Session, client_id: int, name: str, *, new: bool) -> None:
    """Keep the SQLite character index in step with a client's name (PostgreSQL needs nothing)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    if not new:
        session.execute(text("DELETE FROM client_name_fts WHERE rowid = :id"), {"id": client_id})
    session.execute(
        text("INSERT INTO client_name_fts(rowid, chars) VALUES (:id, :chars)"),
        {"id": client_id, "chars": _fts_document(name)},
    )


def name_matches(dialect: str, fragment: str) -> ColumnElement[bool] | None:
    """A condition on Client for names containing ``fragment``; None when nothing searchable."""
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
    wanted = bindparam("name_chars", value=sorted(set(chars)), type_=ARRAY(Text))
    pattern = "%" + "".join(chars).replace("\\", "\\\\").replace("%", r"\%") + "%"
    squeezed = func.regexp_replace(func.lower(Client.name), r"[^\w]|_", "", "g")
    return func.regexp_split_to_array(func.lower(Client.name), "").op("@>")(wanted) & (
        squeezed.like(pattern, escape="\\")
    )
