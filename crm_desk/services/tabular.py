"""Spreadsheet files in and out, for every import and export: CSV (UTF-8, with or without a BOM;
GBK recognised and refused with a way forward) and XLSX (openpyxl), read into a heading and rows,
and written so that Excel neither evaluates a cell nor loses the digits of a long number.

The client import and export and the product catalogue's import and export share these; each keeps
its own columns, value vocabulary and row checks.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.errors import KnownError, Problem

PROGRESS_EVERY = 500


class ImportPhase(StrEnum):
    READING = "reading"
    CHECKING = "checking"
    WRITING = "writing"


Progress = Callable[[ImportPhase, int, int], None]  # phase, rows done, rows in all (0: unknown)
Cancelled = Callable[[], bool]


class ImportCancelled(KnownError):
    code = "import_cancelled"
    template = "The import was cancelled; nothing was saved."


class FileRefused(Exception):
    """The file as a whole cannot be imported; ``problem`` says why and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(slots=True)
class Table:
    file_format: str
    header: list[Any]
    rows: list[tuple[int, list[Any]]]  # (row number, cells), blank rows left out


# -- reading -----------------------------------------------------------------------------------
def blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def collect(
    records: Iterable[Sequence[Any]],
    file_format: str,
    on_progress: Progress | None,
    cancelled: Cancelled | None,
    max_rows: int,
) -> Table:
    header: list[Any] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, cells in enumerate(records, start=1):
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if blank(cells):
            continue
        if header is None:
            header = list(cells)
            continue
        if len(rows) >= max_rows:
            raise FileRefused(
                Problem(
                    "import.too_many_rows",
                    f"The file has more than {max_rows} rows; split it into smaller files.",
                    {"max": max_rows},
                )
            )
        rows.append((number, list(cells)))
        if on_progress is not None and len(rows) % PROGRESS_EVERY == 0:
            on_progress(ImportPhase.READING, len(rows), 0)
    if header is None:
        raise FileRefused(
            Problem("import.empty", "The file is empty: the first row must name the columns.")
        )
    return Table(file_format, header, rows)


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):  # the BOM Excel writes for "CSV UTF-8"
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            guess = data.decode("gb18030")
        except UnicodeDecodeError:
            guess = ""
        if re.search(r"[\u4e00-\u9fff]", guess):
            raise FileRefused(
                Problem(
                    "import.encoding_gbk",
                    "The file is not in UTF-8: it looks like GBK, the Chinese encoding older "
                    "Excel versions use for CSV. In Excel choose Save As, 'CSV UTF-8 (Comma "
                    "delimited)' or 'Excel Workbook (.xlsx)', and import that file.",
                    {"encoding": "GBK"},
                )
            ) from exc
        raise FileRefused(
            Problem(
                "import.encoding",
                "The file is not UTF-8 text (an unreadable byte at position "
                f"{exc.start}). Save it as 'CSV UTF-8' or as an Excel workbook (.xlsx).",
                {"position": exc.start},
            )
        ) from exc


def read_csv(
    data: bytes, on_progress: Progress | None, cancelled: Cancelled | None, max_rows: int
) -> Table:
    text = decode(data)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return collect(reader, "csv", on_progress, cancelled, max_rows)
    except csv.Error as exc:
        raise FileRefused(
            Problem(
                "import.csv_format",
                f"The file is not valid CSV near line {reader.line_num}: {exc}.",
                {"line": reader.line_num},
            )
        ) from exc


def _unreadable_workbook() -> FileRefused:
    return FileRefused(
        Problem(
            "import.unreadable",
            "The file cannot be read as an Excel workbook; open it in Excel, save it as .xlsx "
            "and try again.",
        )
    )


def read_xlsx(
    path: Path, on_progress: Progress | None, cancelled: Cancelled | None, max_rows: int
) -> Table:
    import openpyxl  # type: ignore[import-untyped]  # only when a workbook is imported
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        # Workbooks from other programs raise harmless warnings (styles, data validation).
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
            raise _unreadable_workbook() from exc
        try:
            if not workbook.worksheets:
                raise FileRefused(
                    Problem(
                        "import.empty", "The file is empty: the first row must name the columns."
                    )
                )
            rows: Iterator[Sequence[Any]] = workbook.worksheets[0].iter_rows(values_only=True)
            return collect(rows, "xlsx", on_progress, cancelled, max_rows)
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise _unreadable_workbook() from exc
        finally:
            workbook.close()


def read_table(
    path: Path,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    max_rows: int,
) -> Table:
    """The heading and the rows of a CSV file or of a workbook's first sheet (by content, not by
    the file name's ending)."""
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError as exc:
        raise FileRefused(
            Problem(
                "import.unreadable_file",
                f"The file cannot be opened: {exc.strerror or exc}.",
                {"detail": exc.strerror or str(exc)},
            )
        ) from exc
    if start.startswith(b"PK\x03\x04"):
        return read_xlsx(path, on_progress, cancelled, max_rows)
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(
            Problem(
                "import.old_excel",
                "This is an old Excel file (.xls). Open it in Excel and save it as an Excel "
                "workbook (.xlsx) or as 'CSV UTF-8'.",
            )
        )
    return read_csv(path.read_bytes(), on_progress, cancelled, max_rows)


def header_key(text: str) -> str:
    key = text.replace("\ufeff", "").strip()
    key = re.sub(r"[（(][^）)]*[）)]", "", key)  # 金融资产（元）, name (required)
    key = key.strip(" *＊").casefold()
    return re.sub(r"[\s\-]+", "_", key)


def header_index(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Each spelling of each column's heading (as header_key folds it) -> the column's name."""
    return {header_key(alias): name for name, spellings in aliases.items() for alias in spellings}


def map_header(
    header: Sequence[Any], headings: Mapping[str, str], required: Sequence[str], example: str
) -> tuple[dict[str, int], list[str]]:
    """Where each known column is, and the headings that name none. Refuses a file that names a
    column twice or lacks a required one (``example``: 'name or 姓名', for the message)."""
    positions: dict[str, int] = {}
    ignored: list[str] = []
    seen: dict[str, list[str]] = defaultdict(list)
    for position, cell in enumerate(header):
        text = cell_text(cell)
        if not text:
            continue
        name = headings.get(header_key(text))
        if name is None:
            ignored.append(text)
            continue
        seen[name].append(text)
        positions.setdefault(name, position)
    twice = {name: texts for name, texts in seen.items() if len(texts) > 1}
    if twice:
        listed = "; ".join(", ".join(texts) for texts in twice.values())
        raise FileRefused(
            Problem(
                "import.duplicate_columns",
                f"These columns name the same field: {listed}. Keep one of each.",
                {"columns": listed},
            )
        )
    missing = [name for name in required if name not in positions]
    if missing:
        listed = ", ".join(missing)
        raise FileRefused(
            Problem(
                "import.missing_columns",
                f"Required columns are missing: {listed}. The first row must name each column, "
                f"in English or in Chinese (for example {example}).",
                {"columns": listed},
            )
        )
    return positions, ignored


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value).strip()


def format_of(path: Path) -> str:
    return "xlsx" if path.suffix.casefold() in (".xlsx", ".xlsm") else "csv"


def release(uow: UnitOfWork) -> None:
    """End the transaction the permission check opened: on SQLite every transaction holds the
    write lock, which the slow reading and checking of a large file must not keep."""
    uow.session.rollback()


def check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def report(on_progress: Progress | None, phase: ImportPhase, done: int, total: int) -> None:
    if on_progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        on_progress(phase, done, total)


@dataclass(slots=True)
class Sheet:
    """A file read by column: the known columns and, for each row, its cells by column name."""

    file_format: str
    columns: tuple[str, ...]  # the known columns found, in the file's order
    ignored: tuple[str, ...]  # headings that name no column
    rows: list[tuple[int, dict[str, Any]]]  # (row number, cells by column; None past the end)


def read_sheet(
    path: Path,
    headings: Mapping[str, str],
    required: Sequence[str],
    example: str,
    *,
    max_rows: int,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Sheet:
    """read_table, then map_header (``example`` is for its message); FileRefused as they do."""
    table = read_table(path, on_progress, cancelled, max_rows=max_rows)
    positions, ignored = map_header(table.header, headings, required, example)
    return Sheet(
        file_format=table.file_format,
        columns=tuple(sorted(positions, key=positions.__getitem__)),
        ignored=tuple(ignored),
        rows=[
            (number, {name: cells[i] if i < len(cells) else None for name, i in positions.items()})
            for number, cells in table.rows
        ],
    )


class Vocabulary:
    """The spellings a coded column accepts: each code's value and its aliases, compared after
    ``key`` folds away the differences that do not matter (case, spaces...)."""

    def __init__(
        self, aliases: Mapping[str, Mapping[StrEnum, Sequence[str]]], key: Callable[[str], str]
    ) -> None:
        self.aliases = aliases
        self.key = key
        self._codes = {
            column: {
                key(spelling): code.value
                for code, spellings in choices.items()
                for spelling in (code.value, *spellings)
            }
            for column, choices in aliases.items()
        }

    def code(self, column: str, text: str) -> str | None:
        return self._codes[column].get(self.key(text))

    def unknown(self, column: str, value: str) -> Problem:
        accepted = ", ".join(code.value for code in self.aliases[column])
        return Problem(
            "import.choice",
            f"'{value}' is not one of the accepted values: {accepted}.",
            {"value": value, "accepted": accepted},
        )

    def choice(self, column: str, value: Any, problems: dict[str, Problem]) -> str:
        """The code a cell names, "" for an empty cell; an unknown spelling is returned as
        written, with its problem put in ``problems`` under the column's name."""
        text = cell_text(value)
        if not text:
            return ""
        code = self.code(column, text)
        if code is None:
            problems[column] = self.unknown(column, text)
            return text
        return code


PreviewT = TypeVar("PreviewT")


class RefusedImport(KnownError, Generic[PreviewT]):
    """Nothing was written; ``reason`` says why, for the UI; ``preview`` is the file checked
    again when the data on file changed since the preview."""

    code = "import_refused"
    template = "{detail}"

    def __init__(self, detail: str, reason: str, preview: PreviewT | None = None) -> None:
        super().__init__(detail, reason=reason)
        self.reason = reason
        self.preview = preview


# -- writing -----------------------------------------------------------------------------------
class ExportFormat(StrEnum):
    CSV = "csv"  # UTF-8 with a BOM, so that Excel shows Chinese correctly
    XLSX = "xlsx"


WriteRow = Callable[[Sequence[Any]], None]


def csv_cell(value: Any) -> str:
    """Plain text Excel will not evaluate (=, +, -, @ start a formula) nor turn into a number
    that loses digits (an 18-digit identity number)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not re.fullmatch(r"[+-][\d ]+", text)
    ):
        return "'" + text
    if re.fullmatch(r"\d{12,}", text):
        return "\t" + text
    return text


@contextmanager
def csv_sheet(path: Path, title: str = "") -> Iterator[WriteRow]:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)

        def write(values: Sequence[Any]) -> None:
            writer.writerow([csv_cell(v) for v in values])

        yield write


@contextmanager
def xlsx_sheet(path: Path, title: str = "Sheet") -> Iterator[WriteRow]:
    from openpyxl import Workbook  # only when exporting XLSX
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)

    def write(values: Sequence[Any]) -> None:
        cells: list[Any] = []
        for value in values:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)

    yield write
    workbook.save(path)


def format_for(path: Path) -> ExportFormat:
    return ExportFormat.XLSX if path.suffix.casefold() == ".xlsx" else ExportFormat.CSV
