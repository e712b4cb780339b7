"""The product catalogue: administrators maintain it (new, edit, status, import, export);
advisers, supervisors and compliance look it up and open any product read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.domain.products import ProductRisk, ProductStatus, ProductType
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.services.product_dto import ProductDTO, ProductQuery
from crm_desk.services.products_io import CatalogueExportResult, CatalogueImportResult
from crm_desk.ui.catalogue_import_dialog import CatalogueImportDialog
from crm_desk.ui.errors import show_error
from crm_desk.ui.labels import label
from crm_desk.ui.product_dialog import (
    ProductDialog,
    StatusDialog,
    amount_text,
    complex_text,
    ui_language,
)
from crm_desk.ui.table_model import ROW_ROLE, Column, RowsModel, SortProxy
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import configure_table, fit_column

_STATUS_ORDER = {ProductStatus.ON_SALE: 0, ProductStatus.SUSPENDED: 1, ProductStatus.CLOSED: 2}


def _months(product: ProductDTO) -> str:
    months = product.terms.horizon_months
    if months == 0:
        return QCoreApplication.translate("ProductsPage", "open-ended")
    return QCoreApplication.translate("ProductsPage", "{0} months").format(months)


def _cooling_off(product: ProductDTO) -> str:
    hours = product.terms.cooling_off_hours
    if hours == 0:
        return QCoreApplication.translate("ProductsPage", "none")
    return QCoreApplication.translate("ProductsPage", "{0} h").format(hours)


class ProductsModel(RowsModel[ProductDTO]):
    COL_NAME = 1
    columns = (
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Code"),
            lambda p: p.code,
            lambda p: p.code,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Name"),
            lambda p: p.name_in(ui_language()),
            lambda p: p.name_in(ui_language()),
            tooltip=lambda p: f"{p.terms.name_zh}\n{p.terms.name_en}",
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Type"),
            lambda p: label(p.product_type),
            lambda p: list(ProductType).index(p.product_type),
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Issuer"),
            lambda p: p.terms.issuer,
            lambda p: p.terms.issuer,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Risk"),
            lambda p: label(p.risk_level),
            lambda p: p.risk_level.rank,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Complex"),
            complex_text,
            lambda p: p.terms.is_complex,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Term"),
            _months,
            lambda p: p.terms.horizon_months,
            align_right=True,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Minimum"),
            lambda p: amount_text(p.min_amount, p.terms.currency),
            lambda p: (p.terms.currency != "CNY", p.terms.currency, p.min_amount),
            align_right=True,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Cooling-off"),
            _cooling_off,
            lambda p: p.terms.cooling_off_hours,
            align_right=True,
        ),
        Column[ProductDTO](
            lambda: QCoreApplication.translate("ProductsPage", "Status"),
            lambda p: label(p.status),
            lambda p: _STATUS_ORDER[p.status],
        ),
    )


def _filter_combo(name: str, everything: str, values: list[Any]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(everything, None)
    for value in values:
        combo.addItem(label(value), value)
    return combo


class ProductsPage(QWidget):
    changed = Signal()  # the catalogue was saved: other pages may refresh their shelves

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self.can_manage = allowed(actor.role, Permission.PRODUCTS_MANAGE)

        self.search = QLineEdit()
        self.search.setObjectName("product_search")
        self.search.setPlaceholderText(self.tr("Search by code, name or issuer"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.status_filter = _filter_combo(
            "status_filter", self.tr("Any status"), list(ProductStatus)
        )
        self.type_filter = _filter_combo("type_filter", self.tr("Any type"), list(ProductType))
        self.risk_filter = _filter_combo("risk_filter", self.tr("Any risk"), list(ProductRisk))
        for combo in (self.status_filter, self.type_filter, self.risk_filter):
            combo.currentIndexChanged.connect(self.refresh)

        self.new_button = QPushButton(self.tr("New product…"))
        self.new_button.clicked.connect(self.new_product)
        self.open_button = QPushButton(self.tr("Edit…") if self.can_manage else self.tr("Open…"))
        self.open_button.clicked.connect(self.open_selected)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.clicked.connect(self.change_status)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_catalogue)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_catalogue)
        for button in (self.new_button, self.status_button, self.import_button):
            button.setVisible(self.can_manage)

        self.model = ProductsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "products_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # A long name gives way (the tooltip has both names): the minimum amount, the
        # cooling-off and the status stay in sight.
        self.table.horizontalHeader().setSectionResizeMode(
            ProductsModel.COL_NAME, QHeaderView.ResizeMode.Interactive
        )
        self.table.activated.connect(self._activated)  # Enter or a double click
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty = QLabel()
        self.empty.setObjectName("products_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); font-size: 11pt; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.risk_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for button in (
            self.new_button,
            self.open_button,
            self.status_button,
            self.import_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        if self.can_manage:
            QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_product)
            self.new_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString())
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.refresh()

    # -- the list ------------------------------------------------------------------------------
    def query(self) -> ProductQuery:
        status, kind, risk = (
            combo.currentData()
            for combo in (self.status_filter, self.type_filter, self.risk_filter)
        )
        return ProductQuery(
            text=self.search.text(),
            status=ProductStatus(status) if status else None,
            product_type=ProductType(kind) if kind else None,
            risk_level=ProductRisk(risk) if risk else None,
        )

    def refresh(self) -> None:
        selected = self.selected()
        query = self.query()
        try:
            rows = self._services.products.list_products(self._actor, query)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        fit_column(self.table, ProductsModel.COL_NAME, 200)
        filtered = query != ProductQuery()
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            if filtered:
                text = self.tr("No product matches the search and filters.")
            elif self.can_manage:
                text = self.tr(
                    "The catalogue is empty. Add products one by one with New product…, or "
                    "import a spreadsheet of them with Import…."
                )
            else:
                text = self.tr(
                    "The catalogue is empty. An administrator adds the products the branch "
                    "sells; they appear here."
                )
            self.empty.setText(text)
            self.stack.setCurrentWidget(self.empty)
        self.count.setText(self.tr("{0} products").format(len(rows)))
        if selected is not None:
            self.select(selected.code)
        self._update_buttons()

    def selected(self) -> ProductDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).code == code:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.status_button.setEnabled(chosen)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_selected()

    # -- actions -------------------------------------------------------------------------------
    def _saved(self, product: ProductDTO) -> None:
        self.refresh()
        self.select(product.code)
        self.changed.emit()

    def new_product(self) -> ProductDialog:
        dialog = ProductDialog(self._services, self._actor, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def open_selected(self) -> ProductDialog | None:
        product = self.selected()
        if product is None:
            return None
        try:  # the latest version, not the list's copy
            product = self._services.products.get_product(self._actor, product.id)
        except KnownError as exc:
            show_error(self, exc)
            self.refresh()
            return None
        dialog = ProductDialog(
            self._services, self._actor, product, read_only=not self.can_manage, parent=self
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def change_status(self) -> StatusDialog | None:
        product = self.selected()
        if product is None or not self.can_manage:
            return None
        dialog = StatusDialog(self._services, self._actor, product, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def import_catalogue(self) -> CatalogueImportDialog:
        dialog = CatalogueImportDialog(self._services, self._actor, self._runner, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, result: CatalogueImportResult) -> None:
        self.refresh()
        self.changed.emit()

    def export_catalogue(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the catalogue"),
            self.tr("product-catalogue.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the products the list shows (also what tests call instead of the file dialog)."""
        services, actor, query = self._services, self._actor, self.query()
        language = ui_language()
        self.export_button.setEnabled(False)
        self._runner.run(
            lambda: services.catalogue.export_catalogue(
                actor, path, query=query, language=language
            ),
            self._exported,
            self._export_failed,
        )

    def _exported(self, result: CatalogueExportResult) -> None:
        self._update_buttons()
        QMessageBox.information(
            self,
            self.tr("Export the catalogue"),
            self.tr("{rows} products written to {path}.").format(
                rows=result.rows, path=result.path
            ),
        )

    def _export_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, KnownError):
            show_error(self, exc)
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                self,
                self.tr("Export the catalogue"),
                self.tr("The file cannot be written: {0}").format(exc.strerror or exc),
            )
        else:
            raise exc
