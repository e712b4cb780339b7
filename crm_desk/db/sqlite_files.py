"""Copying and checking SQLite files with the online backup API (safe while the app runs)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` (WAL included) written to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise FileExistsError(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    partial.replace(target)
    return target


def integrity_problems(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` lines other than "ok"; a file that is no database says so."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [str(row[0]) for row in rows if row[0] != "ok"]
