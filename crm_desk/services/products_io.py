"""The product catalogue to and from a CSV or XLSX file.

Import: a preview reports on every row (row number, column, what is wrong and how to fix it) and
what the row would do — create a product, update the one with that code, or nothing; then the
whole file is written in one transaction, and only when every row is valid (all or nothing).
Updates go through the same steps as the product form: changed fields audited, a new risk level
re-rates the product and starts the ongoing-suitability review.

Export: the catalogue in the same columns, so an exported file imports again unchanged. Headings
and choices in Chinese or English; the import reads either.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desk.db.models import Product
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.products import (
    ProductInput,
    ProductRisk,
    ProductStatus,
    ProductTerms,
    ProductType,
    Redemption,
    input_of,
    normalise_code,
    validate_product,
)
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.product_dto import ProductQuery
from crm_desk.services.products import (
    ProductService,
    audited_terms,
    change_status,
    insert_product,
    update_terms,
)
from crm_desk.services.snapshots import terms_of
from crm_desk.services.tabular import (
    Cancelled,
    ExportFormat,
    FileRefused,
    ImportPhase,
    Progress,
    RefusedImport,
    Vocabulary,
    cell_text,
    check_cancel,
    csv_sheet,
    format_for,
    format_of,
    header_index,
    read_sheet,
    release,
    report,
    xlsx_sheet,
)

MAX_ROWS = 5_000  # a catalogue of a few thousand products at most
_CHUNK = 500

# -- the file's vocabulary ---------------------------------------------------------------------
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "product_code", "产品代码", "代码"),
    "name_zh": ("name_zh", "chinese_name", "中文名称", "产品名称"),
    "name_en": ("name_en", "english_name", "英文名称"),
    "product_type": ("product_type", "type", "产品类型", "类型"),
    "issuer": ("issuer", "manager", "发行机构", "发行人", "管理人"),
    "risk_level": ("risk_level", "risk", "风险等级"),
    "is_complex": ("is_complex", "complex", "复杂产品"),
    "horizon_months": ("horizon_months", "horizon", "投资期限", "期限"),
    "redemption": ("redemption", "liquidity", "赎回方式", "赎回", "流动性"),
    "redemption_terms": ("redemption_terms", "赎回条款", "流动性说明"),
    "min_amount": ("min_amount", "minimum", "起购金额", "起点金额"),
    "currency": ("currency", "币种"),
    "cooling_off_hours": ("cooling_off_hours", "cooling_off", "冷静期"),
    "risk_factors_zh": ("risk_factors_zh", "中文风险因素", "风险因素"),
    "risk_factors_en": ("risk_factors_en", "英文风险因素"),
    "status": ("status", "状态", "销售状态"),
}
COLUMNS = tuple(COLUMN_ALIASES)
REQUIRED_COLUMNS = (
    "code",
    "name_zh",
    "name_en",
    "product_type",
    "issuer",
    "risk_level",
    "horizon_months",
    "redemption",
    "min_amount",
    "risk_factors_zh",
    "risk_factors_en",
)
# The headings an export writes: the column names (English) or these (Chinese).
ZH_HEADINGS = {
    "code": "产品代码",
    "name_zh": "中文名称",
    "name_en": "英文名称",
    "product_type": "产品类型",
    "issuer": "发行机构",
    "risk_level": "风险等级",
    "is_complex": "复杂产品",
    "horizon_months": "投资期限（月）",
    "redemption": "赎回方式",
    "redemption_terms": "赎回条款",
    "min_amount": "起购金额",
    "currency": "币种",
    "cooling_off_hours": "冷静期（小时）",
    "risk_factors_zh": "中文风险因素",
    "risk_factors_en": "英文风险因素",
    "status": "状态",
}

# Each choice by its code, its Chinese name (the first one is what a Chinese export writes), or
# its English words.
VALUE_ALIASES: dict[str, dict[StrEnum, tuple[str, ...]]] = {
    "product_type": {
        ProductType.DEPOSIT: ("存款", "deposit"),
        ProductType.WEALTH_MANAGEMENT: ("理财产品", "理财", "银行理财", "wealth management"),
        ProductType.PUBLIC_FUND: ("公募基金", "基金", "public fund"),
        ProductType.PRIVATE_FUND: ("私募基金", "私募", "private fund"),
        ProductType.BOND: ("债券", "bond"),
        ProductType.STRUCTURED: ("结构性产品", "structured product", "structured"),
        ProductType.INSURANCE: ("保险", "insurance"),
        ProductType.OTHER: ("其他", "other"),
    },
    "risk_level": {
        ProductRisk.R1: ("PR1", "低风险", "低"),
        ProductRisk.R2: ("PR2", "中低风险", "较低风险", "中低"),
        ProductRisk.R3: ("PR3", "中风险", "中等风险", "中"),
        ProductRisk.R4: ("PR4", "中高风险", "较高风险", "中高"),
        ProductRisk.R5: ("PR5", "高风险", "高"),
    },
    "redemption": {
        Redemption.DAILY: ("每日开放", "每日", "随时", "daily"),
        Redemption.WEEKLY: ("每周开放", "每周", "weekly"),
        Redemption.MONTHLY: ("每月开放", "每月", "monthly"),
        Redemption.QUARTERLY: ("每季度开放", "每季度", "每季", "quarterly"),
        Redemption.AT_MATURITY: ("到期赎回", "到期", "封闭", "封闭式", "at maturity"),
    },
    "status": {
        ProductStatus.ON_SALE: ("在售", "销售中", "on sale"),
        ProductStatus.SUSPENDED: ("暂停销售", "暂停", "suspended"),
        ProductStatus.CLOSED: ("停售", "已停售", "关闭", "closed"),
    },
}
_YES = frozenset({"是", "yes", "y", "true", "1", "复杂", "√", "✓"})
_NO = frozenset({"否", "no", "n", "false", "0", "非复杂", "不是"})


def _value_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.casefold())


_HEADERS = header_index(COLUMN_ALIASES)
_VOCABULARY = Vocabulary(VALUE_ALIASES, _value_key)


def split_factors(text: str) -> list[str]:
    """One risk factor per line; in a cell without line breaks, separated by ';' or '；'."""
    parts = text.splitlines() if "\n" in text or "\r" in text else re.split(r"[;；]", text)
    return [part.strip() for part in parts if part.strip()]


# -- what the preview and the import hand out --------------------------------------------------
class RowAction(StrEnum):
    CREATE = "create"  # a new product
    UPDATE = "update"  # the product with this code, changed
    UNCHANGED = "unchanged"  # the product with this code, as it is already
    INVALID = "invalid"  # something to correct: the file cannot be imported


@dataclass(frozen=True, slots=True)
class CatalogueRow:
    row_number: int  # as the spreadsheet numbers it: the heading is row 1
    code: str
    name_zh: str
    name_en: str
    product: ProductInput  # the form the row fills in (absent columns from the product on file)
    status: ProductStatus | None  # the status the file asks for; None: as it is / on sale
    problems: Mapping[str, Problem] = field(default_factory=dict)  # by column
    existing_id: int | None = None
    existing_version: int | None = None
    changed: tuple[str, ...] = ()  # the fields an update changes
    rerated: tuple[ProductRisk, ProductRisk] | None = None  # (old, new) risk level

    @property
    def action(self) -> RowAction:
        if self.problems:
            return RowAction.INVALID
        if self.existing_id is None:
            return RowAction.CREATE
        return RowAction.UPDATE if self.changed else RowAction.UNCHANGED


@dataclass(frozen=True, slots=True)
class CatalogueTotals:
    rows: int = 0
    create: int = 0
    update: int = 0
    unchanged: int = 0
    invalid: int = 0
    rerated: int = 0


@dataclass(frozen=True, slots=True)
class CataloguePreview:
    file_name: str
    file_format: str
    columns: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    rows: tuple[CatalogueRow, ...] = ()
    file_problems: tuple[Problem, ...] = ()
    totals: CatalogueTotals = CatalogueTotals()

    @property
    def importable(self) -> bool:
        """The whole file, or nothing: readable, at least one row, no row with a problem."""
        return not self.file_problems and bool(self.rows) and self.totals.invalid == 0


@dataclass(frozen=True, slots=True)
class CatalogueImportResult:
    file_name: str
    created: int
    updated: int
    unchanged: int
    rerated: int
    product_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CatalogueExportResult:
    path: Path
    file_format: ExportFormat
    rows: int


class CatalogueImportRefused(RefusedImport[CataloguePreview]):
    """Nothing was written; ``preview`` is the file checked again when the catalogue changed."""


# -- one row into the product form -------------------------------------------------------------
def _flag(value: Any, problems: dict[str, Problem]) -> bool | None:
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    problems["is_complex"] = Problem(
        "import.yes_no",
        f"'{cell_text(value)}' is neither yes nor no; write 是 or 否 (yes or no).",
        {"value": cell_text(value)},
    )
    return None


def row_input(
    values: Mapping[str, Any], present: frozenset[str], existing: ProductTerms | None
) -> tuple[ProductInput, ProductStatus | None, dict[str, Problem]]:
    """The product form a row fills in, the status it asks for, and what is wrong with cells
    before the domain's own checks. For a product already on file, a column the file does not
    have, or an empty optional cell, keeps the product's current value."""
    problems: dict[str, Problem] = {}
    base = input_of(existing) if existing is not None else None

    def given(column: str) -> bool:
        return column in present and bool(cell_text(values.get(column)))

    def text(column: str, default: str = "") -> str:
        if given(column) or column in REQUIRED_COLUMNS:
            return cell_text(values.get(column))
        return str(getattr(base, column)) if base is not None else default

    def choice(column: str) -> str:
        return _VOCABULARY.choice(column, values.get(column), problems)

    factors = {
        column: split_factors(cell_text(values.get(column)))
        for column in ("risk_factors_zh", "risk_factors_en")
    }
    is_complex = _flag(values.get("is_complex"), problems) if given("is_complex") else None
    if is_complex is None and base is not None and "is_complex" not in problems:
        is_complex = base.is_complex
    status_code = choice("status") if given("status") else ""
    status = None
    if status_code and "status" not in problems:
        status = ProductStatus(status_code)
    product = ProductInput(
        code=cell_text(values.get("code")),
        name_zh=text("name_zh"),
        name_en=text("name_en"),
        product_type=choice("product_type"),
        issuer=text("issuer"),
        risk_level=choice("risk_level"),
        horizon_months=text("horizon_months"),
        redemption=choice("redemption"),
        min_amount=text("min_amount"),
        currency=text("currency", "CNY"),
        cooling_off_hours=text("cooling_off_hours", "0"),
        risk_factors_zh=factors["risk_factors_zh"],
        risk_factors_en=factors["risk_factors_en"],
        is_complex=is_complex,
        redemption_terms=text("redemption_terms"),
    )
    return product, status, problems


@dataclass(slots=True)
class _OnFile:
    id: int
    version: int
    terms: ProductTerms
    status: ProductStatus


def _on_file(uow: UnitOfWork, codes: Sequence[str]) -> dict[str, _OnFile]:
    found: dict[str, _OnFile] = {}
    wanted = sorted(set(codes))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for product in uow.session.execute(
            select(Product).where(Product.code.in_(chunk))
        ).scalars():
            found[product.code] = _OnFile(
                product.id, product.version, terms_of(product), ProductStatus(product.status)
            )
    return found


def _check(
    number: int,
    product: ProductInput,
    status: ProductStatus | None,
    problems: dict[str, Problem],
    on_file: Mapping[str, _OnFile],
) -> CatalogueRow:
    """The domain's checks on the row's form, and what it would change on file."""
    terms: ProductTerms | None = None
    try:
        terms = validate_product(product)
    except ValidationError as exc:
        problems = {**exc.problems, **problems}  # a problem found in the cell is the precise one
    code = normalise_code(product.code)
    existing = on_file.get(code)
    changed: tuple[str, ...] = ()
    rerated = None
    if existing is not None and terms is not None and not problems:
        before, after = audited_terms(existing.terms), audited_terms(terms)
        changed = tuple(name for name in after if before[name] != after[name])
        if status is not None and status is not existing.status:
            changed += ("status",)
        if terms.risk_level is not existing.terms.risk_level:
            rerated = (existing.terms.risk_level, terms.risk_level)
    order = {name: i for i, name in enumerate(COLUMNS)}
    return CatalogueRow(
        row_number=number,
        code=code,
        name_zh=product.name_zh,
        name_en=product.name_en,
        product=product,
        status=status,
        problems=dict(sorted(problems.items(), key=lambda item: order.get(item[0], 99))),
        existing_id=existing.id if existing else None,
        existing_version=existing.version if existing else None,
        changed=changed,
        rerated=rerated,
    )


def _within_file(rows: list[CatalogueRow]) -> list[CatalogueRow]:
    """The same code on two rows: neither is imported; the user keeps the right one."""
    by_code: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row.code:
            by_code[row.code].append(row.row_number)
    checked: list[CatalogueRow] = []
    for row in rows:
        others = [n for n in by_code.get(row.code, []) if n != row.row_number]
        if others and "code" not in row.problems:
            listed = ", ".join(str(n) for n in others)
            problem = Problem(
                "import.duplicate_code_in_file",
                f"The code {row.code} is also on row {listed} of this file; keep one of them.",
                {"code": row.code, "rows": listed},
            )
            row = replace(row, problems={"code": problem, **row.problems})
        checked.append(row)
    return checked


def _totals(rows: Sequence[CatalogueRow]) -> CatalogueTotals:
    actions = [row.action for row in rows]
    return CatalogueTotals(
        rows=len(rows),
        create=actions.count(RowAction.CREATE),
        update=actions.count(RowAction.UPDATE),
        unchanged=actions.count(RowAction.UNCHANGED),
        invalid=actions.count(RowAction.INVALID),
        rerated=sum(1 for row in rows if row.rerated and row.action is RowAction.UPDATE),
    )


# -- export ------------------------------------------------------------------------------------
def _export_value(column: str, terms: ProductTerms, status: ProductStatus, chinese: bool) -> Any:
    if column == "status":
        value: Any = status
    elif column in ("risk_factors_zh", "risk_factors_en"):
        return "\n".join(getattr(terms, column))
    elif column == "min_amount":
        return format(terms.min_amount, "f")
    elif column == "is_complex":
        return (
            ("是" if terms.is_complex else "否")
            if chinese
            else ("yes" if terms.is_complex else "no")
        )
    else:
        value = getattr(terms, column)
    if isinstance(value, StrEnum) and column in VALUE_ALIASES:
        if chinese and column != "risk_level":
            return VALUE_ALIASES[column][value][0]
        return value.value
    return value


class CatalogueService(Service):
    """Import and export of the catalogue, through the same steps as ProductService."""

    def __init__(self, products: ProductService) -> None:
        super().__init__(products.uow_factory, products.policy, products.hasher)
        self.products = products

    @operation(Permission.PRODUCTS_MANAGE)
    def preview_import(
        self,
        uow: UnitOfWork,
        actor: Actor,
        path: Path | str,
        on_progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> CataloguePreview:
        """Every row checked as the product form checks it, and against the catalogue. Writes
        nothing. A file that cannot be imported at all comes back with ``file_problems``."""
        path = Path(path)
        release(uow)
        try:
            sheet = read_sheet(
                path,
                _HEADERS,
                REQUIRED_COLUMNS,
                "code or 产品代码",
                max_rows=MAX_ROWS,
                on_progress=on_progress,
                cancelled=cancelled,
            )
        except FileRefused as refused:
            return CataloguePreview(path.name, format_of(path), file_problems=(refused.problem,))
        present = frozenset(sheet.columns)
        cells = sheet.rows
        on_file = _on_file(uow, [normalise_code(cell_text(v.get("code"))) for _n, v in cells])
        release(uow)
        rows: list[CatalogueRow] = []
        for done, (number, values) in enumerate(cells, start=1):
            check_cancel(cancelled)
            code = normalise_code(cell_text(values.get("code")))
            existing = on_file.get(code)
            product, status, problems = row_input(
                values, present, existing.terms if existing else None
            )
            rows.append(_check(number, product, status, problems, on_file))
            report(on_progress, ImportPhase.CHECKING, done, len(cells))
        rows = _within_file(rows)
        return CataloguePreview(
            file_name=path.name,
            file_format=sheet.file_format,
            columns=sheet.columns,
            ignored_columns=sheet.ignored,
            rows=tuple(rows),
            totals=_totals(rows),
        )

    @operation(Permission.PRODUCTS_MANAGE)
    def import_catalogue(
        self,
        uow: UnitOfWork,
        actor: Actor,
        preview: CataloguePreview,
        on_progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> CatalogueImportResult:
        """Write every row of a fully valid preview in one transaction: new codes created, known
        ones updated (re-rated when the risk level changes). If a row is invalid, or the
        catalogue changed since the preview, nothing is written."""
        if not preview.importable:
            raise CatalogueImportRefused(
                "The file has problems: correct them and check it again; nothing was imported.",
                "not_valid",
            )
        codes = [row.code for row in preview.rows]
        on_file = _on_file(uow, codes)
        rows = _within_file(
            [_check(row.row_number, row.product, row.status, {}, on_file) for row in preview.rows]
        )
        moved = [
            row
            for row, before in zip(rows, preview.rows, strict=True)
            if row.problems
            or row.existing_id != before.existing_id
            or row.existing_version != before.existing_version
        ]
        if moved:
            raise CatalogueImportRefused(
                "The catalogue changed since the file was checked; nothing was imported. Check "
                "the file again.",
                "changed",
                replace(preview, rows=tuple(rows), totals=_totals(rows)),
            )
        extra = {"imported_from": (None, preview.file_name)}
        created = updated = unchanged = rerated = 0
        ids: list[int] = []
        for done, row in enumerate(rows, start=1):
            check_cancel(cancelled)
            terms = validate_product(row.product)
            if row.existing_id is None:
                product = insert_product(
                    uow, actor, terms, row.status or ProductStatus.ON_SALE, extra
                )
                created += 1
            else:
                product = uow.session.get_one(Product, row.existing_id)
                changes = update_terms(uow, actor, product, terms, self.products.on_rerated, extra)
                status_changed = row.status is not None and change_status(
                    uow, actor, product, row.status, f"Imported from {preview.file_name}", extra
                )
                if changes or status_changed:
                    updated += 1
                    rerated += "risk_level" in changes
                else:
                    unchanged += 1
            ids.append(product.id)
            report(on_progress, ImportPhase.WRITING, done, len(rows))
        check_cancel(cancelled)
        audit.record(
            uow,
            actor,
            "products.imported",
            "product_import",
            preview.file_name,
            {
                "file": (None, preview.file_name),
                "format": (None, preview.file_format),
                "rows": (None, len(rows)),
                "created": (None, created),
                "updated": (None, updated),
                "unchanged": (None, unchanged),
                "rerated": (None, rerated),
            },
        )
        uow.commit()
        return CatalogueImportResult(
            preview.file_name, created, updated, unchanged, rerated, tuple(ids)
        )

    @operation(Permission.PRODUCTS_VIEW)
    def export_catalogue(
        self,
        uow: UnitOfWork,
        actor: Actor,
        path: Path | str,
        *,
        query: ProductQuery | None = None,
        language: str = "zh_CN",
        file_format: ExportFormat | None = None,
    ) -> CatalogueExportResult:
        """The products ``query`` selects (default: all), by code, in the import's columns:
        headings and choices in Chinese (``language`` zh...) or English. The file appears only
        once complete. Audited as 'products.exported'."""
        path = Path(path)
        fmt = file_format or format_for(path)
        chinese = language.lower().startswith("zh")
        query = query or ProductQuery()
        statement = select(Product).order_by(Product.code)
        if query.status is not None:
            statement = statement.where(Product.status == str(query.status))
        if query.product_type is not None:
            statement = statement.where(Product.product_type == str(query.product_type))
        if query.risk_level is not None:
            statement = statement.where(Product.risk_level == str(query.risk_level))
        products = [
            (terms_of(p), ProductStatus(p.status))
            for p in uow.session.execute(statement).scalars()
            if _matches(p, query.text)
        ]
        partial = path.with_name(path.name + ".part")
        try:
            sheet = xlsx_sheet if fmt is ExportFormat.XLSX else csv_sheet
            with sheet(partial, "产品目录" if chinese else "Products") as write:
                write([ZH_HEADINGS[c] if chinese else c for c in COLUMNS])
                for terms, status in products:
                    write([_export_value(c, terms, status, chinese) for c in COLUMNS])
            audit.record(
                uow,
                actor,
                "products.exported",
                "product_export",
                path.name,
                {
                    "file": (None, path.name),
                    "format": (None, fmt.value),
                    "rows": (None, len(products)),
                },
            )
            uow.commit()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return CatalogueExportResult(path, fmt, len(products))


def _matches(product: Product, text: str) -> bool:
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return True
    return any(
        wanted in value.casefold()
        for value in (product.code, product.name_zh, product.name_en, product.issuer)
    )
