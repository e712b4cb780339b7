"""The Products page, the product form and the catalogue import dialog, driven as an administrator
and as an adviser would (synchronous task runner; modal boxes patched, never blocking)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crm_desk.domain.products import ProductRisk, ProductStatus
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.catalogue_import_dialog import CatalogueImportDialog
from crm_desk.ui.pages.products import ProductsPage
from crm_desk.ui.product_dialog import ProductDialog
from crm_desk.ui.tasks import SyncTaskRunner
from tests.conftest import MakeUser
from tests.products_support import product_input
from tests.unit.test_product_import import HEADER, ROW_A, ROW_B, write

pytestmark = pytest.mark.db


def page_for(qtbot, services: Services, actor: Actor) -> ProductsPage:
    page = ProductsPage(services, actor, SyncTaskRunner())
    qtbot.addWidget(page)
    return page


def shown(page: ProductsPage) -> list[list[str]]:
    proxy = page.proxy
    return [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def test_admin_creates_a_product_after_correcting_the_form(
    qtbot, services: Services, admin: Actor, qtmodeltester
) -> None:
    page = page_for(qtbot, services, admin)
    assert page.stack.currentWidget() is page.empty
    assert "The catalogue is empty" in page.empty.text() and "Import" in page.empty.text()
    assert not page.export_button.isEnabled()

    dialog = page.new_product()
    QTest.keyClicks(dialog.code, "pf/eq/01")
    dialog.name_zh.setText("华夏股票型基金")
    QTest.keyClicks(dialog.name_en, "Hua Xia equity fund")
    dialog.product_type.setCurrentIndex(dialog.product_type.findData("private_fund"))
    assert dialog.cooling_off_hours.value() == 24, "a private fund's cooling-off is filled in"
    dialog.issuer.setText("华夏基金管理有限公司")
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData("R4"))
    dialog.redemption.setCurrentIndex(dialog.redemption.findData("daily"))
    dialog.horizon_months.setValue(36)
    QTest.keyClicks(dialog.min_amount, "one million")
    dialog.risk_factors_zh.setPlainText("市场风险\n\n管理人风险\n")
    dialog.cooling_off_hours.setValue(12)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.isVisible(), "nothing saved: the form stays open"
    assert "capital letters" in dialog.form.error_text("code")
    assert "minimum amount as a number" in dialog.form.error_text("min_amount")
    assert "at least 24 hours" in dialog.form.error_text("cooling_off_hours")
    assert "at least one risk factor" in dialog.form.error_text("risk_factors_en")
    assert dialog.form.error_text("name_zh") == ""
    assert services.products.list_products(admin) == []

    dialog.code.setText("PF-EQ-01")
    dialog.min_amount.setText("1,000,000")
    dialog.cooling_off_hours.setValue(24)
    dialog.risk_factors_en.setPlainText("Market risk\nManager risk")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert not dialog.isVisible()
    [product] = services.products.list_products(admin)
    assert product.terms.risk_factors_zh == ("市场风险", "管理人风险")
    assert product.terms.min_amount == 1_000_000
    qtmodeltester.check(page.model)
    assert page.stack.currentWidget() is page.table
    assert shown(page) == [
        [
            "PF-EQ-01",
            "Hua Xia equity fund",
            "Private fund",
            "华夏基金管理有限公司",
            "R4 medium-high",
            "",
            "36 months",
            "1,000,000.00 CNY",
            "24 h",
            "On sale",
        ]
    ]
    assert page.selected() is not None and page.selected().code == "PF-EQ-01"


def test_admin_edits_changes_the_status_and_filters(
    qtbot, services: Services, admin: Actor
) -> None:
    services.products.create_product(admin, product_input("WM-CASH-01", risk_level="R1"))
    services.products.create_product(admin, product_input("SN-01", product_type="structured"))
    page = page_for(qtbot, services, admin)
    page.select("WM-CASH-01")
    dialog = page.open_selected()
    assert dialog is not None and dialog.code.isReadOnly()
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData("R2"))
    dialog.submit()
    assert not dialog.isVisible()
    assert services.products.get_by_code(admin, "WM-CASH-01").risk_level is ProductRisk.R2

    page.select("SN-01")
    status = page.change_status()
    assert status is not None
    status.status.setCurrentIndex(status.status.findData("suspended"))
    status.submit()
    assert "Say why" in status.form.error_text("reason")
    status.reason.setText("Issuer paused subscriptions")
    status.submit()
    assert not status.isVisible()
    assert services.products.get_by_code(admin, "SN-01").status is ProductStatus.SUSPENDED
    assert [row[-1] for row in shown(page)] == ["Suspended", "On sale"]

    page.status_filter.setCurrentIndex(page.status_filter.findData(ProductStatus.ON_SALE))
    assert [row[0] for row in shown(page)] == ["WM-CASH-01"]
    page.search.setText("nothing like this")
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == "No product matches the search and filters."
    page.search.clear()
    page.status_filter.setCurrentIndex(0)
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # risk, by rank
    assert [row[0] for row in shown(page)] == ["SN-01", "WM-CASH-01"]


def test_advisers_read_the_catalogue_without_changing_it(
    qtbot, services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    empty = page_for(qtbot, services, adviser)
    assert "An administrator adds the products" in empty.empty.text()
    services.products.create_product(admin, product_input("WM-CASH-01"))
    page = page_for(qtbot, services, adviser)
    for button in (page.new_button, page.status_button, page.import_button):
        assert button.isHidden()
    assert not page.export_button.isHidden() and page.open_button.text() == "Open…"
    page.select("WM-CASH-01")
    dialog = page.open_selected()
    assert dialog is not None and dialog.read_only
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert dialog.name_zh.isReadOnly() and not dialog.risk_level.isEnabled()
    assert page.change_status() is None
    dialog.close()

    page.show()
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the selected product
    opened = [d for d in page.findChildren(ProductDialog) if d.isVisible()]
    assert len(opened) == 1 and opened[0].code.text() == "WM-CASH-01" and opened[0].read_only
    opened[0].close()


def test_import_dialog_reports_every_problem_then_imports_a_correct_file(
    qtbot, services: Services, admin: Actor, tmp_path: Path, qtmodeltester, monkeypatch
) -> None:
    page = page_for(qtbot, services, admin)
    dialog = page.import_catalogue()
    assert isinstance(dialog, CatalogueImportDialog)
    assert not dialog.import_button.isEnabled()

    bad = "SN-01,雪球,Snowball,structured,某券商,R7,12,daily,abc,CNY,0,敲入风险,"
    dialog.load(write(tmp_path, "\n".join([HEADER, ROW_A, bad]) + "\n", name="bad.csv"))
    qtmodeltester.check(dialog.model)
    rows = [[dialog.model.index(r, c).data() for c in range(5)] for r in range(2)]
    assert rows[0][:3] == ["2", "New product", "WM-CASH-01"]
    assert rows[1][:3] == ["3", "To correct", "SN-01"]
    assert "product risk level: 'R7' is not one of the accepted values" in rows[1][4]
    assert "minimum amount: Enter the minimum amount as a number" in rows[1][4]
    assert "risk factors (English): List at least one risk factor" in rows[1][4]
    assert "1 to correct" in dialog.summary.text()
    assert "Nothing is imported until every row is correct" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.report_button.isEnabled()
    dialog.problems_only.setChecked(True)
    assert dialog.proxy.rowCount() == 1

    report = tmp_path / "report.csv"
    dialog.write_report(report)
    with report.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0] == ["Row", "Column", "Problem"]
    assert [line[:2] for line in lines[1:]] == [
        ["3", "product risk level"],
        ["3", "minimum amount"],
        ["3", "risk factors (English)"],
    ]
    assert services.products.list_products(admin) == []

    services.products.create_product(admin, product_input("PF-EQ-01", risk_level="R3"))
    dialog.load(write(tmp_path, "\n".join([HEADER, ROW_A, ROW_B]) + "\n", name="good.csv"))
    assert dialog.import_button.isEnabled()
    assert "1 new products, 1 to update (1 re-rated)" in dialog.summary.text()
    assert "Re-rated R3 → R4" in dialog.model.index(1, 4).data()
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.import_button.click()
    assert asked and "1 products change risk level" in asked[0]
    assert not dialog.isVisible() and dialog.import_result is not None
    assert (dialog.import_result.created, dialog.import_result.updated) == (1, 1)
    assert [row[0] for row in shown(page)] == ["PF-EQ-01", "WM-CASH-01"]


def test_an_unreadable_file_is_explained(
    qtbot, services: Services, admin: Actor, tmp_path: Path
) -> None:
    dialog = CatalogueImportDialog(services, admin, SyncTaskRunner())
    qtbot.addWidget(dialog)
    path = tmp_path / "old.csv"
    path.write_bytes("产品代码,中文名称\nA,甲\n".encode("gbk"))
    dialog.load(path)
    assert "looks like GBK" in dialog.summary.text()
    dialog.load(write(tmp_path, "code,name_zh\nA,甲\n", name="short.csv"))
    assert "for example code or 产品代码" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_export_writes_what_the_list_shows(
    qtbot, services: Services, admin: Actor, make_user: MakeUser, tmp_path: Path, monkeypatch
) -> None:
    services.products.create_product(admin, product_input("WM-CASH-01", risk_level="R1"))
    services.products.create_product(admin, product_input("PF-EQ-01", risk_level="R4"))
    compliance = make_user(Role.COMPLIANCE)
    page = page_for(qtbot, services, compliance)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page.risk_filter.setCurrentIndex(page.risk_filter.findData(ProductRisk.R4))
    page.export_to(tmp_path / "r4.csv")
    assert told and told[0].startswith("1 products written to")
    with (tmp_path / "r4.csv").open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0][:2] == ["code", "name_zh"] and [line[0] for line in lines[1:]] == ["PF-EQ-01"]
