"""The catalogue's import and export (CatalogueService) on the test database: a report on every
row, all or nothing, malformed files refused with a way forward, updates and re-ratings through
the same path as the product form, and export -> import round trips in CSV and XLSX."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.products import ProductRisk, ProductStatus, validate_product
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.products_io import CatalogueImportRefused, RowAction
from tests.products_support import product_input

pytestmark = pytest.mark.db

HEADER = (
    "code,name_zh,name_en,product_type,issuer,risk_level,horizon_months,redemption,"
    "min_amount,currency,cooling_off_hours,risk_factors_zh,risk_factors_en"
)
ROW_A = (
    "WM-CASH-01,现金管理理财,Cash management,wealth_management,招银理财,R1,0,daily,1,CNY,0,"
    '"流动性风险；收益波动风险","Liquidity risk; Yield may vary"'
)
ROW_B = (
    "PF-EQ-01,股票型基金,Equity fund,public_fund,华夏基金,R4,36,daily,1000,CNY,0,"
    '"市场风险\n管理人风险","Market risk\nManager risk"'
)


def write(tmp_path: Path, text: str, name: str = "catalogue.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def products(services: Services, admin: Actor) -> dict[str, tuple[str, int]]:
    return {p.code: (p.risk_level.value, p.version) for p in services.products.list_products(admin)}


def actions(services: Services, admin: Actor) -> list[str]:
    return [e.action for e in reversed(services.audit.list_events(admin, limit=200))]


@pytest.mark.parametrize("bom", [False, True])
def test_a_valid_file_creates_every_product(
    services: Services, admin: Actor, tmp_path: Path, bom: bool
) -> None:
    path = write(tmp_path, "\n".join([HEADER, ROW_A, ROW_B]) + "\n", bom=bom)
    preview = services.catalogue.preview_import(admin, path)
    assert preview.importable and preview.file_problems == ()
    assert [(r.row_number, r.code, r.action) for r in preview.rows] == [
        (2, "WM-CASH-01", RowAction.CREATE),
        (3, "PF-EQ-01", RowAction.CREATE),
    ]
    assert products(services, admin) == {}, "a preview writes nothing"
    result = services.catalogue.import_catalogue(admin, preview)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    cash = services.products.get_by_code(admin, "WM-CASH-01")
    assert cash.terms.risk_factors_zh == ("流动性风险", "收益波动风险")
    assert cash.terms.risk_factors_en == ("Liquidity risk", "Yield may vary")
    fund = services.products.get_by_code(admin, "PF-EQ-01")
    assert fund.terms.risk_factors_en == ("Market risk", "Manager risk")
    assert fund.terms.min_amount == Decimal("1000.00") and fund.status is ProductStatus.ON_SALE
    created = [a for a in actions(services, admin) if a.startswith("product")]
    assert created == ["product.created", "product.created", "products.imported"]


def test_chinese_headings_and_words(services: Services, admin: Actor, tmp_path: Path) -> None:
    text = (
        "产品代码,中文名称,英文名称,产品类型,发行机构,风险等级,复杂产品,投资期限（月）,赎回方式,"
        "起购金额,币种,冷静期（小时）,中文风险因素,英文风险因素,状态\n"
        "PE-LS-01,私募证券投资基金,Private equity long-short,私募基金,某某资产管理,高风险,否,24,"
        '每月开放,"1,000,000",CNY,24,市场风险;流动性风险,Market risk;Liquidity risk,暂停销售\n'
    )
    preview = services.catalogue.preview_import(admin, write(tmp_path, text))
    assert preview.importable, [r.problems for r in preview.rows]
    services.catalogue.import_catalogue(admin, preview)
    product = services.products.get_by_code(admin, "PE-LS-01")
    assert product.risk_level is ProductRisk.R5
    assert product.terms.min_amount == Decimal("1000000.00")
    assert product.terms.cooling_off_hours == 24
    assert product.status is ProductStatus.SUSPENDED


def test_one_bad_row_and_nothing_is_imported(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    bad = "SN-01,雪球,Snowball,structured,某券商,R7,twelve,daily,-5,RMB,0,敲入风险,Knock-in risk"
    path = write(tmp_path, "\n".join([HEADER, ROW_A, bad, ROW_B]) + "\n")
    preview = services.catalogue.preview_import(admin, path)
    assert not preview.importable
    assert preview.totals.invalid == 1 and preview.totals.create == 2
    [row] = [r for r in preview.rows if r.action is RowAction.INVALID]
    assert row.row_number == 3
    assert {name: p.code for name, p in row.problems.items()} == {
        "risk_level": "import.choice",
        "horizon_months": "whole.format",
        "min_amount": "min_amount.format",
        "currency": "currency.unknown",
    }
    assert list(row.problems) == ["risk_level", "horizon_months", "min_amount", "currency"]
    with pytest.raises(CatalogueImportRefused) as refused:
        services.catalogue.import_catalogue(admin, preview)
    assert refused.value.reason == "not_valid"
    assert products(services, admin) == {}
    assert not any(a.startswith("product") for a in actions(services, admin))


def test_the_same_code_twice_in_the_file(services: Services, admin: Actor, tmp_path: Path) -> None:
    twice = ROW_B.replace("PF-EQ-01", "wm-cash-01")
    preview = services.catalogue.preview_import(
        admin, write(tmp_path, "\n".join([HEADER, ROW_A, twice]) + "\n")
    )
    problems = [
        (r.row_number, r.problems["code"].code, r.problems["code"].params) for r in preview.rows
    ]
    assert problems == [
        (2, "import.duplicate_code_in_file", {"code": "WM-CASH-01", "rows": "3"}),
        (3, "import.duplicate_code_in_file", {"code": "WM-CASH-01", "rows": "2"}),
    ]
    assert not preview.importable


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("代码,名称\nA,甲\n".encode("gbk"), "import.encoding_gbk"),
        (b"code,name_zh\n\xff\xfe\x00abc\n", "import.encoding"),
        (b"", "import.empty"),
        ("code,name_zh,name_en\nA,甲,A\n".encode(), "import.missing_columns"),
        ("code,代码,name_zh\n".encode(), "import.duplicate_columns"),
        (b"\xd0\xcf\x11\xe0old excel", "import.old_excel"),
        (b"PK\x03\x04not really a workbook", "import.unreadable"),
    ],
)
def test_malformed_files_are_refused_with_a_way_forward(
    services: Services, admin: Actor, tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    preview = services.catalogue.preview_import(admin, path)
    assert [p.code for p in preview.file_problems] == [code]
    assert not preview.importable
    with pytest.raises(CatalogueImportRefused):
        services.catalogue.import_catalogue(admin, preview)


def test_missing_columns_are_named(services: Services, admin: Actor, tmp_path: Path) -> None:
    path = write(tmp_path, "code,name_zh,name_en,product_type,issuer\nA,甲,A,bond,X\n")
    [problem] = services.catalogue.preview_import(admin, path).file_problems
    assert problem.params["columns"] == (
        "risk_level, horizon_months, redemption, min_amount, risk_factors_zh, risk_factors_en"
    )


def test_updates_by_code_and_re_rates_through_the_same_path(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    services.products.create_product(admin, product_input("WM-CASH-01", risk_level="R1"))
    services.products.create_product(admin, product_input("PF-EQ-01", risk_level="R3"))
    calls: list[tuple[int, ProductRisk, ProductRisk]] = []
    services.products.on_rerated[:] = [  # this test's hook alone
        lambda uow, actor, product_id, old, new: calls.append((product_id, old, new))
    ]
    path = write(tmp_path, "\n".join([HEADER, ROW_A, ROW_B]) + "\n")
    preview = services.catalogue.preview_import(admin, path)
    cash, fund = preview.rows
    assert cash.action is RowAction.UPDATE and cash.rerated is None
    assert fund.action is RowAction.UPDATE and fund.rerated == (ProductRisk.R3, ProductRisk.R4)
    assert "risk_level" in fund.changed and "name_en" in fund.changed
    assert preview.totals.rerated == 1
    result = services.catalogue.import_catalogue(admin, preview)
    assert (result.created, result.updated, result.rerated) == (0, 2, 1)
    fund_id = services.products.get_by_code(admin, "PF-EQ-01").id
    assert calls == [(fund_id, ProductRisk.R3, ProductRisk.R4)]
    events = [e for e in reversed(services.audit.list_events(admin, limit=50))]
    rerated = [e for e in events if e.action == "product.rerated"]
    assert [(e.entity_id, e.changes["risk_level"]) for e in rerated] == [
        (str(fund_id), ["R3", "R4"])
    ]
    updated = [e for e in events if e.action == "product.updated"]
    assert all(e.changes["imported_from"] == [None, "catalogue.csv"] for e in updated)


def test_a_failing_review_hook_rolls_back_the_whole_import(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    services.products.create_product(admin, product_input("PF-EQ-01", risk_level="R3"))

    def hook(uow: UnitOfWork, actor: Actor, pid: int, old: ProductRisk, new: ProductRisk) -> None:
        raise RuntimeError("review failed")

    services.products.on_rerated[:] = [hook]  # this test's hook alone
    preview = services.catalogue.preview_import(
        admin, write(tmp_path, "\n".join([HEADER, ROW_A, ROW_B]) + "\n")
    )
    with pytest.raises(RuntimeError):
        services.catalogue.import_catalogue(admin, preview)
    assert products(services, admin) == {"PF-EQ-01": ("R3", 1)}


def test_a_catalogue_changed_since_the_preview_is_not_overwritten(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    created = services.products.create_product(admin, product_input("PF-EQ-01", risk_level="R3"))
    preview = services.catalogue.preview_import(
        admin, write(tmp_path, "\n".join([HEADER, ROW_A, ROW_B]) + "\n")
    )
    services.products.update_product(
        admin, created.id, 1, product_input("PF-EQ-01", risk_level="R3", issuer="新")
    )
    services.products.create_product(admin, product_input("WM-CASH-01"))
    with pytest.raises(CatalogueImportRefused) as refused:
        services.catalogue.import_catalogue(admin, preview)
    assert refused.value.reason == "changed"
    assert refused.value.preview is not None
    assert [r.action for r in refused.value.preview.rows] == [RowAction.UPDATE, RowAction.UPDATE]
    assert products(services, admin) == {"PF-EQ-01": ("R3", 2), "WM-CASH-01": ("R2", 1)}


def test_columns_left_out_keep_the_values_on_file(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    services.products.create_product(
        admin,
        product_input(
            "PE-01",
            product_type="private_fund",
            cooling_off_hours="48",
            currency="USD",
            redemption_terms="每季度开放",
        ),
    )
    header = HEADER.replace(",currency,cooling_off_hours", "")
    row = "PE-01,私募,Private,private_fund,某资管,R2,24,quarterly,1000000,风险,Risk"
    preview = services.catalogue.preview_import(admin, write(tmp_path, f"{header}\n{row}\n"))
    assert preview.importable, [r.problems for r in preview.rows]
    services.catalogue.import_catalogue(admin, preview)
    terms = services.products.get_by_code(admin, "PE-01").terms
    assert (terms.currency, terms.cooling_off_hours, terms.redemption_terms) == (
        "USD",
        48,
        "每季度开放",
    )
    assert (terms.name_en, terms.min_amount) == ("Private", Decimal("1000000.00"))


@pytest.mark.parametrize(
    ("name", "language"),
    [("out.csv", "zh_CN"), ("out.xlsx", "en"), ("out.csv", "en"), ("out.xlsx", "zh_CN")],
)
def test_export_then_import_changes_nothing(
    services: Services, admin: Actor, tmp_path: Path, name: str, language: str
) -> None:
    services.products.create_product(
        admin,
        product_input(
            "SN-01",
            product_type="structured",
            risk_level="R5",
            min_amount="1000000.50",
            risk_factors_en=("Knock-in risk: you may lose capital; read carefully", "Early end"),
            redemption="at_maturity",
        ),
    )
    fund = services.products.create_product(
        admin, product_input("PE-01", product_type="private_fund", cooling_off_hours="24")
    )
    services.products.set_status(admin, fund.id, 1, "closed", "Fund wound up")
    before = services.products.list_products(admin)
    result = services.catalogue.export_catalogue(admin, tmp_path / name, language=language)
    assert result.rows == 2 and not (tmp_path / f"{name}.part").exists()
    preview = services.catalogue.preview_import(admin, result.path)
    assert preview.importable, [r.problems for r in preview.rows]
    assert [r.action for r in preview.rows] == [RowAction.UNCHANGED, RowAction.UNCHANGED]
    services.catalogue.import_catalogue(admin, preview)
    assert services.products.list_products(admin) == before
    assert actions(services, admin)[-2:] == ["products.exported", "products.imported"]


def test_an_exported_row_reads_back_as_the_same_terms(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    services.products.create_product(admin, product_input("WM-01", is_complex=True))
    exported = services.catalogue.export_catalogue(admin, tmp_path / "all.xlsx")
    original = services.products.get_by_code(admin, "WM-01").terms
    [row] = services.catalogue.preview_import(admin, exported.path).rows
    # What the row holds, read from the file alone, is exactly the product on file.
    assert validate_product(row.product) == original
