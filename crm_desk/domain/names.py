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


# Surnames read otherwise than their character's everyday reading (曾 is zēng as a surname, céng
# in 曾经): a Chinese name starting with one is spelled from this table, the rest by pypinyin,
# which knows no surname mode. Compound surnames first.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "单于": ("chan", "yu"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "查": ("zha",),
    "朴": ("piao",),
    "乐": ("yue",),
    "盖": ("ge",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "缪": ("miao",),
    "种": ("chong",),
    "重": ("chong",),
    "秘": ("bi",),
    "繁": ("po",),
    "折": ("she",),
    "粘": ("nian",),
    "藏": ("zang",),
    "都": ("du",),
    "六": ("lu",),
    "薄": ("bo",),
    "员": ("yun",),
    "阚": ("kan",),
    "隗": ("wei",),
    "召": ("shao",),
    "洗": ("xian",),
    "佴": ("nai",),
    "句": ("gou",),
}


def _syllables(name: str, *, first_letters: bool) -> list[str]:
    """The pinyin of a name with Chinese characters, its surname read as a surname."""
    lazy_pinyin, style = _pinyin()
    keep = (lambda text: list(text)) if not first_letters else "ignore"
    kind = style.FIRST_LETTER if first_letters else style.NORMAL
    head: list[str] = []
    for surname, reading in SURNAME_READINGS.items():
        if name.startswith(surname):
            head = [r[0] for r in reading] if first_letters else list(reading)
            name = name[len(surname) :]
            break
    rest: list[str] = lazy_pinyin(name, style=kind, errors=keep)
    return head + rest


def sort_key(name: str) -> str:
    """Pinyin syllables for Chinese characters, lower case for the rest; the name breaks ties."""
    if any(map(_is_han, name)):
        spelled = " ".join(_syllables(name.casefold(), first_letters=False))
    else:
        spelled = " ".join(name.casefold().split())
    return f"{spelled} {name}"[:400]


def initials(name: str) -> str:
    """First letters of each pinyin syllable or Latin word: 张三丰 → zsf, James Wong → jw."""
    if any(map(_is_han, name)):
        letters = _syllables(name, first_letters=True)
        return "".join(letter for letter in letters if letter.isalpha()).casefold()[:100]
    return "".join(word[0] for word in name.casefold().split() if word[:1].isalpha())[:100]


def name_characters(name: str) -> list[str]:
    """The characters that count for search: letters and digits, lower-cased; no spaces or dots."""
    return [c for c in name.casefold() if _KEEP.match(c) and c != "_"]


def searchable(name: str) -> str:
    """The name's searchable characters run together: what a name fragment must be a piece of.
    SQLite connections know it as the SQL function crm_name_chars (crm_desk/db/engine.py)."""
    return "".join(name_characters(name))
