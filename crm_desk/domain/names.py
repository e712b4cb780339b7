"""How client names sort and abbreviate: Chinese by pinyin (张三 → "zhang san", initials "zs")."""

from __future__ import annotations

import functools
import re
import unicodedata

_KEEP = re.compile(r"[\w]", re.UNICODE)


@functools.cache
def _pinyin():  # type: ignore[no-untyped-def]
    # pypinyin loads its dictionaries on import (~50 ms): only when a name is first processed.
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def _is_han(char: str) -> bool:
    return "CJK" in unicodedata.name(char, "")


def sort_key(name: str) -> str:
    """Pinyin syllables for Chinese characters, lower case for the rest; the name breaks ties."""
    lazy_pinyin, _style = _pinyin()
    parts = lazy_pinyin(name.casefold(), errors=lambda text: list(text))
    spelled = " ".join("".join(parts).split()) if not any(map(_is_han, name)) else " ".join(parts)
    return f"{spelled} {name}"[:400]


def initials(name: str) -> str:
    """First letters of each pinyin syllable or Latin word: 张三丰 → zsf, James Wong → jw."""
    lazy_pinyin, style = _pinyin()
    if any(map(_is_han, name)):
        letters = lazy_pinyin(name, style=style.FIRST_LETTER, errors="ignore")
        return "".join(letter for letter in letters if letter.isalpha()).casefold()[:100]
    return "".join(word[0] for word in name.casefold().split() if word[:1].isalpha())[:100]


def name_characters(name: str) -> list[str]:
    """The characters that count for search: letters and digits, lower-cased; no spaces or dots."""
    return [c for c in name.casefold() if _KEEP.match(c) and c != "_"]


def searchable(name: str) -> str:
    """The name's searchable characters run together: what a name fragment must be a piece of.
    SQLite connections know it as the SQL function crm_name_chars (crm_desk/db/engine.py)."""
    return "".join(name_characters(name))
