"""Clients from a CSV or XLSX file: first a preview that reports on every row, then one transaction
that writes all of them, or only the valid ones when the user explicitly chose so.

Reading the file and checking the rows against the domain rules happen outside any transaction
(on SQLite every transaction holds the write lock); only the look-ups against existing clients
and advisers, and the writing itself, run inside one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select

from crm_desk.db.models import Client, User
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.clients import (
    ClientInput,
    ClientProfile,
    Horizon,
    IncomeBand,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
    validate_client,
)
from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.identity import Gender, IdType, check_identity
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.clients import (
    ClientService,
    id_index,
    local_today,
    new_client,
    record_created,
    visible_to,
)
from crm_desk.services.crypto import FieldCipher
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.tabular import (
    PROGRESS_EVERY,
    Cancelled,
    FileRefused,
    Progress,
    RefusedImport,
    Vocabulary,
    header_index,
    read_sheet,
)
from crm_desk.services.tabular import ImportCancelled as ImportCancelled  # re-exported
from crm_desk.services.tabular import ImportPhase as ImportPhase  # re-exported
from crm_desk.services.tabular import cell_text as _cell_text
from crm_desk.services.tabular import check_cancel as _check_cancel
from crm_desk.services.tabular import format_of as _format_of
from crm_desk.services.tabular import release as _release
from crm_desk.services.tabular import report as _report

MAX_ROWS = 50_000
_CHUNK = 500  # identity numbers or names per IN (...) look-up

# -- the file's vocabulary ---------------------------------------------------------------------
# Each column by its English field name or the Chinese heading a branch would write.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "姓名", "客户姓名", "客户名称"),
    "id_type": ("id_type", "证件类型"),
    "id_number": ("id_number", "证件号码", "证件号", "身份证号", "身份证号码"),
    "phone": ("phone", "mobile", "手机", "手机号", "手机号码"),
    "birth_date": ("birth_date", "出生日期"),
    "gender": ("gender", "sex", "性别"),
    "email": ("email", "e-mail", "邮箱", "电子邮箱", "电子邮件"),
    "address": ("address", "地址", "联系地址"),
    "occupation": ("occupation", "职业"),
    "income_band": ("income_band", "年收入"),
    "financial_assets": ("financial_assets", "金融资产"),
    "experience_years": ("experience_years", "投资年限"),
    "experience_types": ("experience_types", "投资经验"),
    "objectives": ("objectives", "投资目标"),
    "horizon": ("horizon", "投资期限"),
    "liquidity": ("liquidity", "流动性需求", "流动性"),
    "preferred_language": ("preferred_language", "language", "语言", "首选语言"),
    "adviser": ("adviser", "客户经理"),
}
COLUMNS = tuple(COLUMN_ALIASES)
REQUIRED_COLUMNS = (
    "name",
    "id_type",
    "id_number",
    "phone",
    "income_band",
    "objectives",
    "horizon",
    "liquidity",
)

# Each choice by its code, its Chinese name, or the English label the client form shows.
VALUE_ALIASES: dict[str, dict[StrEnum, tuple[str, ...]]] = {
    "id_type": {
        IdType.PRC_ID: ("居民身份证", "身份证", "港澳台居民居住证", "resident id card"),
        IdType.PASSPORT: ("护照",),
        IdType.HK_MACAO_PERMIT: (
            "港澳居民来往内地通行证",
            "回乡证",
            "home return permit",
            "home return permit (hk/macao)",
        ),
        IdType.TAIWAN_PERMIT: ("台湾居民来往大陆通行证", "台胞证", "taiwan compatriot permit"),
    },
    "gender": {Gender.MALE: ("男", "male"), Gender.FEMALE: ("女", "female")},
    "income_band": {
        IncomeBand.UNDER_100K: ("10万以下", "under ¥100,000"),
        IncomeBand.FROM_100K: ("10-30万", "10万-30万", "¥100,000 – 300,000"),
        IncomeBand.FROM_300K: ("30-50万", "30万-50万", "¥300,000 – 500,000"),
        IncomeBand.FROM_500K: ("50-100万", "50万-100万", "¥500,000 – 1,000,000"),
        IncomeBand.OVER_1M: ("100万以上", "over ¥1,000,000"),
    },
    "experience_types": {
        ProductExperience.DEPOSITS: ("存款", "储蓄"),
        ProductExperience.BONDS: ("债券",),
        ProductExperience.FUNDS: ("基金", "公募基金", "public funds"),
        ProductExperience.STOCKS: ("股票",),
        ProductExperience.PRIVATE_FUNDS: ("私募基金", "私募"),
        ProductExperience.STRUCTURED: ("结构性产品", "structured products"),
        ProductExperience.DERIVATIVES: (
            "衍生品",
            "期货",
            "期权",
            "期货期权",
            "futures and options",
        ),
        ProductExperience.INSURANCE: ("保险", "投资型保险", "investment insurance"),
        ProductExperience.FOREX_GOLD: ("外汇", "黄金", "外汇黄金", "forex and gold"),
    },
    "objectives": {
        Objective.PRESERVATION: ("保本", "资本保值", "保值", "preserve capital"),
        Objective.INCOME: ("稳定收益", "稳健收益", "steady income"),
        Objective.BALANCED: ("平衡增长", "稳健增长", "balanced growth"),
        Objective.GROWTH: ("积极增长", "激进增长", "aggressive growth"),
    },
    "horizon": {
        Horizon.UNDER_1Y: ("1年以下", "1年以内", "under 1 year"),
        Horizon.Y1_3: ("1-3年", "1 to 3 years"),
        Horizon.Y3_5: ("3-5年", "3 to 5 years"),
        Horizon.OVER_5Y: ("5年以上", "over 5 years"),
    },
    "liquidity": {
        Liquidity.HIGH: ("高",),
        Liquidity.MEDIUM: ("中", "中等"),
        Liquidity.LOW: ("低",),
    },
    "preferred_language": {
        Language.ZH_CN: ("zh", "中文", "简体中文", "chinese"),
        Language.EN: ("英文", "英语", "english"),
    },
}
_LIST_SEPARATORS = re.compile(r"[;；、,，|/\n]+")


def _value_key(text: str) -> str:
    """Spelling differences that do not matter: case, spaces, 至/~ for a dash, 元 and ¥."""
    key = re.sub(r"\s+", "", text.casefold())
    key = re.sub(r"[~～—–至到]", "-", key)
    return re.sub(r"[元¥￥,，]", "", key)


_HEADERS = header_index(COLUMN_ALIASES)
_VOCABULARY = Vocabulary(VALUE_ALIASES, _value_key)


# -- what the preview and the import hand out --------------------------------------------------
class ImportMode(StrEnum):
    ALL = "all"  # the whole file, only when every row is valid
    VALID_ONLY = "valid_only"  # the valid rows; the others are left out, explicitly


class RowStatus(StrEnum):
    OK = "ok"
    WARNING = "warning"  # importable; the same name and birth date exist already
    DUPLICATE = "duplicate"  # the identity document is already on file, or twice in the file
    INVALID = "invalid"


DUPLICATE_CODES = frozenset({"import.duplicate_existing", "import.duplicate_in_file"})


@dataclass(frozen=True, slots=True)
class ImportRow:
    row_number: int  # as the spreadsheet numbers it: the heading is row 1
    client: ClientInput
    adviser: str  # the adviser's user name as written; "" for the importing adviser
    # What is wrong, by column: from the row itself, and against the clients and advisers on file.
    row_problems: Mapping[str, Problem] = field(default_factory=dict)
    database_problems: Mapping[str, Problem] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    existing_client_id: int | None = None  # the client already holding this identity document
    existing_visible: bool = False  # whether the importing user may open that client
    same_id_rows: tuple[int, ...] = ()  # the other rows of the file with the same document

    @property
    def problems(self) -> dict[str, Problem]:
        return {**self.row_problems, **self.database_problems}

    @property
    def importable(self) -> bool:
        return not self.row_problems and not self.database_problems

    @property
    def status(self) -> RowStatus:
        problems = self.problems
        if any(p.code not in DUPLICATE_CODES for p in problems.values()):
            return RowStatus.INVALID
        if problems:
            return RowStatus.DUPLICATE
        return RowStatus.WARNING if self.warnings else RowStatus.OK


@dataclass(frozen=True, slots=True)
class ImportTotals:
    rows: int = 0
    valid: int = 0  # importable, warnings included
    invalid: int = 0
    duplicates: int = 0
    warnings: int = 0


@dataclass(frozen=True, slots=True)
class ImportPreview:
    file_name: str
    file_format: str  # "csv" or "xlsx"
    columns: tuple[str, ...] = ()  # the fields found, in the file's order
    ignored_columns: tuple[str, ...] = ()  # headings that name no field
    rows: tuple[ImportRow, ...] = ()
    file_problems: tuple[Problem, ...] = ()  # the file as a whole cannot be read or imported
    totals: ImportTotals = ImportTotals()

    @property
    def fully_valid(self) -> bool:
        """What "Import all" needs: a readable file whose every row can be imported."""
        return (
            not self.file_problems and self.totals.rows > 0 and self.totals.valid == len(self.rows)
        )

    @property
    def has_valid_rows(self) -> bool:
        return not self.file_problems and self.totals.valid > 0


@dataclass(frozen=True, slots=True)
class ImportResult:
    file_name: str
    mode: ImportMode
    imported: int
    skipped: int
    client_ids: tuple[int, ...]


class ImportRefused(RefusedImport[ImportPreview]):
    """Nothing was written; ``preview`` is the file checked again, when the database changed."""


# -- one row into the client form --------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _parse_date(value: Any) -> tuple[date | None, Problem | None]:
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = _cell_text(value)
    if not text:
        return None, None
    found = _DATE.match(text) or _COMPACT_DATE.match(text)
    if found:
        try:
            return date(*(int(part) for part in found.groups())), None
        except ValueError:
            pass
    return None, Problem(
        "import.date_format",
        f"'{text}' is not a date; write it as 1985-03-07.",
        {"value": text},
    )


def _choices(column: str, value: Any, problems: dict[str, Problem]) -> tuple[str, ...]:
    codes: list[str] = []
    for part in _LIST_SEPARATORS.split(_cell_text(value)):
        part = part.strip()
        if not part:
            continue
        code = _VOCABULARY.code(column, part)
        if code is None:
            problems[column] = _VOCABULARY.unknown(column, part)
            codes.append(part)
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def row_input(values: Mapping[str, Any]) -> tuple[ClientInput, str, dict[str, Problem]]:
    """The client form a row fills in, the adviser's user name, and what is wrong with cells
    before the domain's own checks (dates, choices, numbers Excel mangled)."""
    problems: dict[str, Problem] = {}
    raw_id = values.get("id_number")
    if isinstance(raw_id, float) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
        if isinstance(raw_id, float) or len(str(raw_id)) >= 16:
            problems["id_number"] = Problem(
                "import.id_number_as_number",
                "Excel stored the identity number as a number and lost its last digits; format "
                "the column as Text and type the numbers again.",
            )
    birth_date, date_problem = _parse_date(values.get("birth_date"))
    if date_problem is not None:
        problems["birth_date"] = date_problem
    client = ClientInput(
        name=_cell_text(values.get("name")),
        id_type=_VOCABULARY.choice("id_type", values.get("id_type"), problems),
        id_number=_cell_text(raw_id),
        phone=_cell_text(values.get("phone")),
        birth_date=birth_date,
        gender=_VOCABULARY.choice("gender", values.get("gender"), problems) or None,
        email=_cell_text(values.get("email")),
        address=_cell_text(values.get("address")),
        occupation=_cell_text(values.get("occupation")),
        income_band=_VOCABULARY.choice("income_band", values.get("income_band"), problems),
        financial_assets=_cell_text(values.get("financial_assets")),
        experience_years=_cell_text(values.get("experience_years")) or "0",
        experience_types=_choices("experience_types", values.get("experience_types"), problems),
        objectives=_choices("objectives", values.get("objectives"), problems),
        horizon=_VOCABULARY.choice("horizon", values.get("horizon"), problems),
        liquidity=_VOCABULARY.choice("liquidity", values.get("liquidity"), problems),
        preferred_language=(
            _VOCABULARY.choice("preferred_language", values.get("preferred_language"), problems)
            or Language.ZH_CN.value
        ),
    )
    adviser = _cell_text(values.get("adviser")).casefold()
    return client, adviser, problems


# -- checking ----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Candidate:
    row_number: int
    client: ClientInput
    adviser: str
    row_problems: dict[str, Problem]
    profile: ClientProfile | None = None
    document: tuple[IdType, str] | None = None  # a well-formed identity document
    row_warnings: list[Problem] = field(default_factory=list)
    same_id_rows: tuple[int, ...] = ()
    database_problems: dict[str, Problem] = field(default_factory=dict)
    database_warnings: list[Problem] = field(default_factory=list)
    existing_client_id: int | None = None
    existing_visible: bool = False
    adviser_user: User | None = None

    def dto(self) -> ImportRow:
        order = {name: i for i, name in enumerate(COLUMNS)}

        def ordered(problems: dict[str, Problem]) -> dict[str, Problem]:
            return dict(sorted(problems.items(), key=lambda item: order.get(item[0], 99)))

        return ImportRow(
            row_number=self.row_number,
            client=self.client,
            adviser=self.adviser,
            row_problems=ordered(self.row_problems),
            database_problems=ordered(self.database_problems),
            warnings=(*self.row_warnings, *self.database_warnings),
            existing_client_id=self.existing_client_id,
            existing_visible=self.existing_visible,
            same_id_rows=self.same_id_rows,
        )


def _validate(candidate: _Candidate, today: date) -> None:
    """The domain's checks; a problem found while reading the cell is the more precise one."""
    try:
        candidate.profile = validate_client(candidate.client, today)
    except ValidationError as exc:
        candidate.row_problems = {**exc.problems, **candidate.row_problems}
    if candidate.row_problems:
        candidate.profile = None
    try:
        id_type = IdType(candidate.client.id_type)
    except ValueError:
        return
    identity = check_identity(id_type, candidate.client.id_number)
    if not isinstance(identity, Problem):
        candidate.document = (identity.id_type, identity.number)


def _rows_text(rows: Iterable[int]) -> str:
    return ", ".join(str(r) for r in rows)


def _within_file(candidates: Sequence[_Candidate]) -> None:
    """The same document twice: neither row is imported, the user decides which one is right.
    The same name and birth date on rows with different documents: a warning."""
    by_document: dict[tuple[IdType, str], list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.document is not None:
            by_document[candidate.document].append(candidate)
    for group in by_document.values():
        if len(group) < 2:
            continue
        for candidate in group:
            others = tuple(c.row_number for c in group if c is not candidate)
            candidate.same_id_rows = others
            candidate.profile = None
            candidate.row_problems.setdefault(
                "id_number",
                Problem(
                    "import.duplicate_in_file",
                    f"The same identity document is on row {_rows_text(others)} of this file; "
                    "keep only one of these rows.",
                    {"rows": _rows_text(others)},
                ),
            )
    by_person: dict[tuple[str, date], list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.profile is not None:  # duplicates of a document are out already
            by_person[(candidate.profile.name, candidate.profile.birth_date)].append(candidate)
    for group in by_person.values():
        if len(group) < 2:
            continue
        for candidate in group:
            others = tuple(c.row_number for c in group if c is not candidate)
            candidate.row_warnings.append(
                Problem(
                    "import.similar_in_file",
                    f"Row {_rows_text(others)} has the same name and birth date with another "
                    "identity document; check that these are different people.",
                    {"rows": _rows_text(others)},
                )
            )


T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ClientImportService(Service):
    """Import through the same rules, encryption and audit as ClientService.create_client."""

    def __init__(self, clients: ClientService) -> None:
        super().__init__(clients.uow_factory, clients.policy, clients.hasher)
        self.clients = clients

    # -- the preview ---------------------------------------------------------------------------
    @operation(Permission.CLIENTS_IMPORT)
    def preview(
        self,
        uow: UnitOfWork,
        actor: Actor,
        path: Path | str,
        on_progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPreview:
        """Every row checked as the client form would check it, and against the clients on file.
        Writes nothing. A file that cannot be imported at all comes back with ``file_problems``."""
        path = Path(path)
        today = local_today(uow)
        _release(uow)
        try:
            sheet = read_sheet(
                path,
                _HEADERS,
                REQUIRED_COLUMNS,
                "name or 姓名",
                max_rows=MAX_ROWS,
                on_progress=on_progress,
                cancelled=cancelled,
            )
        except FileRefused as refused:
            return ImportPreview(path.name, _format_of(path), file_problems=(refused.problem,))
        candidates: list[_Candidate] = []
        total = len(sheet.rows)
        for done, (number, values) in enumerate(sheet.rows, start=1):
            _check_cancel(cancelled)
            client, adviser, problems = row_input(values)
            candidate = _Candidate(number, client, adviser, problems)
            _validate(candidate, today)
            candidates.append(candidate)
            _report(on_progress, ImportPhase.CHECKING, done, total)
        _within_file(candidates)
        _check_cancel(cancelled)
        self._check_database(uow, actor, candidates)
        return _preview(path.name, sheet.file_format, candidates, sheet.columns, sheet.ignored)

    def _check_database(
        self, uow: UnitOfWork, actor: Actor, candidates: Sequence[_Candidate]
    ) -> None:
        """Advisers, documents already on file, the same name and birth date: a few batched
        look-ups, whatever the number of rows."""
        for candidate in candidates:
            candidate.database_problems.clear()
            candidate.database_warnings.clear()
            candidate.existing_client_id = None
            candidate.existing_visible = False
        self._check_advisers(uow, actor, candidates)
        cipher = self.clients._cipher()
        by_index: dict[str, list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            if candidate.document is not None:
                id_type, number = candidate.document
                by_index[id_index(cipher, id_type, number)].append(candidate)
        for chunk in _chunks(list(by_index)):
            found = uow.session.execute(
                select(Client.id, Client.id_number_index, visible_to(actor).label("visible")).where(
                    Client.id_number_index.in_(chunk)
                )
            )
            for row in found:
                for candidate in by_index[row.id_number_index]:
                    candidate.existing_client_id = row.id
                    candidate.existing_visible = bool(row.visible)
                    candidate.database_problems["id_number"] = Problem(
                        "import.duplicate_existing",
                        f"A client with this identity document already exists (client {row.id}).",
                        {"client_id": row.id, "visible": bool(row.visible)},
                    )
        people: dict[tuple[str, date], list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            if candidate.profile is not None and "id_number" not in candidate.database_problems:
                people[(candidate.profile.name, candidate.profile.birth_date)].append(candidate)
        names = sorted({name for name, _born in people})
        for chunk in _chunks(names):
            same_person = uow.session.execute(
                select(Client.name, Client.birth_date, func.count())
                .where(Client.name.in_(chunk))
                .group_by(Client.name, Client.birth_date)
            )
            for name, born, count in same_person:
                for candidate in people.get((name, born), ()):
                    candidate.database_warnings.append(
                        Problem(
                            "import.similar_existing",
                            f"{count} client(s) with the same name and birth date already "
                            "exist; check that this is a different person.",
                            {"count": count},
                        )
                    )

    def _check_advisers(
        self, uow: UnitOfWork, actor: Actor, candidates: Sequence[_Candidate]
    ) -> None:
        """The adviser column by user name, with create_client's rules on who may be given to
        whom; an empty cell means the importing adviser (a supervisor must name one)."""
        usernames = sorted({c.adviser for c in candidates if c.adviser})
        ids: dict[str, int] = {}
        for chunk in _chunks(usernames):
            ids.update(
                (row.username, row.id)
                for row in uow.session.execute(
                    select(User.username, User.id).where(User.username.in_(chunk))
                )
            )
        checked: dict[str, User | Problem] = {}
        for username in ["", *usernames]:
            if not username and actor.role is Role.SUPERVISOR:
                checked[username] = Problem(
                    "import.adviser_required",
                    "Write the adviser's user name in the adviser column (客户经理).",
                )
                continue
            if username and username not in ids:
                checked[username] = Problem(
                    "import.adviser_unknown",
                    f"No user is called '{username}'; write the adviser's user name.",
                    {"username": username},
                )
                continue
            try:
                checked[username] = self.clients._adviser_for(
                    uow, actor, ids[username] if username else None
                )
            except ValidationError as exc:
                checked[username] = next(iter(exc.problems.values()))
        for candidate in candidates:
            outcome = checked[candidate.adviser]
            if isinstance(outcome, Problem):
                candidate.database_problems["adviser"] = outcome
                candidate.adviser_user = None
            else:
                candidate.adviser_user = outcome

    # -- the import ----------------------------------------------------------------------------
    @operation(Permission.CLIENTS_IMPORT)
    def commit_import(
        self,
        uow: UnitOfWork,
        actor: Actor,
        preview: ImportPreview,
        mode: ImportMode | str,
        on_progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Write the previewed rows in one transaction: all of them (``ImportMode.ALL``, only
        when every row is valid) or the valid ones (``VALID_ONLY``). A row the preview refused is
        never written; the others are checked again against the database inside the transaction.
        Cancelling, or any failure, writes nothing."""
        mode = ImportMode(mode)
        if preview.file_problems or not preview.rows:
            raise ImportRefused("The file cannot be imported; see the preview.", "file_problems")
        if mode is ImportMode.ALL and not preview.fully_valid:
            raise ImportRefused(
                "Some rows have problems: correct the file, or import only the valid rows.",
                "not_valid",
            )
        today = local_today(uow)
        _release(uow)
        candidates: list[_Candidate] = []
        total = len(preview.rows)
        for done, row in enumerate(preview.rows, start=1):
            _check_cancel(cancelled)
            # What the preview found in the row's cells stands (a date it could not read is
            # gone from the form); the domain's checks run again on the form itself.
            candidate = _Candidate(row.row_number, row.client, row.adviser, dict(row.row_problems))
            _validate(candidate, today)
            candidates.append(candidate)
            _report(on_progress, ImportPhase.CHECKING, done, total)
        _within_file(candidates)

        # From here to the commit: one transaction, everything or nothing.
        self._check_database(uow, actor, candidates)
        wanted = [c for c in candidates if c.profile is not None and not c.database_problems]
        if mode is ImportMode.ALL and len(wanted) != len(candidates):
            raise ImportRefused(
                "The clients on file changed since the preview and some rows now have problems; "
                "nothing was imported. Check the preview again.",
                "changed",
                _preview(
                    preview.file_name,
                    preview.file_format,
                    candidates,
                    preview.columns,
                    preview.ignored_columns,
                ),
            )
        if not wanted:
            raise ImportRefused(
                "No row can be imported; nothing was written.",
                "nothing_valid",
                _preview(
                    preview.file_name,
                    preview.file_format,
                    candidates,
                    preview.columns,
                    preview.ignored_columns,
                ),
            )
        cipher = self.clients.keys.for_writing(uow)  # registers the key with the first data
        created: list[int] = []
        for batch in _chunks(wanted, PROGRESS_EVERY):
            created.extend(self._create(uow, actor, cipher, batch, preview.file_name, cancelled))
            _report(on_progress, ImportPhase.WRITING, len(created), len(wanted))
        _check_cancel(cancelled)
        statuses = [c.dto().status for c in candidates]
        audit.record(
            uow,
            actor,
            "clients.imported",
            "client_import",
            preview.file_name,
            {
                "file": (None, preview.file_name),
                "format": (None, preview.file_format),
                "mode": (None, mode.value),
                "rows": (None, total),
                "imported": (None, len(created)),
                "skipped": (None, total - len(created)),
                "invalid": (None, statuses.count(RowStatus.INVALID)),
                "duplicates": (None, statuses.count(RowStatus.DUPLICATE)),
            },
        )
        uow.commit()
        return ImportResult(
            file_name=preview.file_name,
            mode=mode,
            imported=len(created),
            skipped=total - len(created),
            client_ids=tuple(created),
        )

    def _create(
        self,
        uow: UnitOfWork,
        actor: Actor,
        cipher: FieldCipher,
        batch: Sequence[_Candidate],
        file_name: str,
        cancelled: Cancelled | None,
    ) -> list[int]:
        """As ClientService.create_client writes and audits each client, the rows of a batch
        inserted together. The similar-name warning the preview showed counts as acknowledged."""
        now = uow.clock()
        written: list[tuple[Client, _Candidate, ClientProfile]] = []
        for candidate in batch:
            _check_cancel(cancelled)
            profile, adviser = candidate.profile, candidate.adviser_user
            assert profile is not None and adviser is not None
            written.append((new_client(cipher, profile, adviser, actor, now), candidate, profile))
        uow.session.add_all([client for client, _c, _p in written])
        uow.session.flush()  # one multi-row INSERT ... RETURNING for the batch
        for client, candidate, profile in written:
            _check_cancel(cancelled)
            extra: dict[str, tuple[Any, Any]] = {"imported_from": (None, file_name)}
            if candidate.row_warnings or candidate.database_warnings:
                extra["similar_acknowledged"] = (None, True)
            record_created(uow, actor, client, profile, extra)
        return [client.id for client, _c, _p in written]


def _preview(
    file_name: str,
    file_format: str,
    candidates: Sequence[_Candidate],
    columns: tuple[str, ...],
    ignored: tuple[str, ...],
) -> ImportPreview:
    rows = tuple(c.dto() for c in candidates)
    statuses = [r.status for r in rows]
    return ImportPreview(
        file_name=file_name,
        file_format=file_format,
        columns=columns,
        ignored_columns=ignored,
        rows=rows,
        totals=ImportTotals(
            rows=len(rows),
            valid=sum(1 for r in rows if r.importable),
            invalid=statuses.count(RowStatus.INVALID),
            duplicates=statuses.count(RowStatus.DUPLICATE),
            warnings=statuses.count(RowStatus.WARNING),
        ),
    )
