"""Import the product catalogue from a CSV or XLSX file: choose it, read the report on every row
(what it would create or change, or what to correct), then import the whole file — possible only
when every row is valid. The report can be saved as a CSV file to correct the spreadsheet by.

Reading, checking and importing run through the TaskRunner; the window never waits on them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.products_io import (
    CatalogueImportRefused,
    CatalogueImportResult,
    CataloguePreview,
    CatalogueRow,
    RowAction,
)
from crm_desk.services.tabular import ImportCancelled, ImportPhase, csv_sheet
from crm_desk.ui.client_import_dialog import import_problem_text
from crm_desk.ui.errors import error_text
from crm_desk.ui.formatting import field_label
from crm_desk.ui.product_dialog import ui_language
from crm_desk.ui.table_model import Column, Index, RowsModel, SortProxy
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import ERROR_STYLE, configure_table

_ERROR_BRUSH = QBrush(QColor("#fde7e9"))
_CHANGE_BRUSH = QBrush(QColor("#fff4ce"))
_ACTION_ORDER = {
    RowAction.INVALID: 0,
    RowAction.UPDATE: 1,
    RowAction.CREATE: 2,
    RowAction.UNCHANGED: 3,
}


def column_label(name: str) -> str:
    """A column of the catalogue file, as the user knows it."""
    if name == "status":
        return QCoreApplication.translate("CatalogueImport", "status")
    return field_label(name)


def catalogue_problem_text(problem: Problem) -> str:
    if problem.code == "import.missing_columns":
        return QCoreApplication.translate(
            "CatalogueImport",
            "Required columns are missing: {columns}. The first row must name each column, in "
            "English or in Chinese (for example code or 产品代码).",
        ).format(**problem.params)
    return import_problem_text(problem)


def action_text(row: CatalogueRow) -> str:
    texts = {
        RowAction.CREATE: lambda: QCoreApplication.translate("CatalogueImport", "New product"),
        RowAction.UPDATE: lambda: QCoreApplication.translate("CatalogueImport", "Update"),
        RowAction.UNCHANGED: lambda: QCoreApplication.translate("CatalogueImport", "No change"),
        RowAction.INVALID: lambda: QCoreApplication.translate("CatalogueImport", "To correct"),
    }
    return texts[row.action]()


def details_text(row: CatalogueRow) -> str:
    if row.problems:
        return "; ".join(
            f"{column_label(name)}: {catalogue_problem_text(problem)}"
            for name, problem in row.problems.items()
        )
    if row.action is RowAction.UPDATE:
        text = QCoreApplication.translate("CatalogueImport", "Changes: {0}").format(
            ", ".join(column_label(name) for name in row.changed)
        )
        if row.rerated is not None:
            text += " " + QCoreApplication.translate(
                "CatalogueImport", "Re-rated {old} → {new}: holders will be reviewed."
            ).format(old=row.rerated[0].value, new=row.rerated[1].value)
        return text
    return ""


def _name(row: CatalogueRow) -> str:
    return row.name_zh if ui_language() == "zh_CN" else row.name_en


class CatalogueRowsModel(RowsModel[CatalogueRow]):
    columns = (
        Column[CatalogueRow](
            lambda: QCoreApplication.translate("CatalogueImport", "Row"),
            lambda r: str(r.row_number),
            lambda r: r.row_number,
            align_right=True,
        ),
        Column[CatalogueRow](
            lambda: QCoreApplication.translate("CatalogueImport", "Result"),
            action_text,
            lambda r: (_ACTION_ORDER[r.action], r.row_number),
        ),
        Column[CatalogueRow](
            lambda: QCoreApplication.translate("CatalogueImport", "Code"),
            lambda r: r.code,
            lambda r: r.code,
        ),
        Column[CatalogueRow](
            lambda: QCoreApplication.translate("CatalogueImport", "Name"),
            _name,
            _name,
        ),
        Column[CatalogueRow](
            lambda: QCoreApplication.translate("CatalogueImport", "Details"),
            details_text,
            lambda r: r.row_number,
            tooltip=details_text,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                row = self.row_at(index.row())
                if row.action is RowAction.INVALID:
                    return _ERROR_BRUSH
                if row.rerated is not None:
                    return _CHANGE_BRUSH
            return None
        return super().data(index, role)


class _ProblemsProxy(SortProxy):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.problems_only = False

    def set_problems_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.problems_only = value
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, CatalogueRowsModel)
        return model.row_at(source_row).action is RowAction.INVALID


class _Relay(QObject):
    progress = Signal(str, int, int)


def write_report(path: Path, preview: CataloguePreview) -> int:
    """One line per problem (row, column, message), in the user's language; returns the count."""
    lines = 0
    with csv_sheet(path) as write:
        write(
            [
                QCoreApplication.translate("CatalogueImport", "Row"),
                QCoreApplication.translate("CatalogueImport", "Column"),
                QCoreApplication.translate("CatalogueImport", "Problem"),
            ]
        )
        for problem in preview.file_problems:
            write(["", "", catalogue_problem_text(problem)])
            lines += 1
        for row in preview.rows:
            for name, problem in row.problems.items():
                write([row.row_number, column_label(name), catalogue_problem_text(problem)])
                lines += 1
    return lines


class CatalogueImportDialog(QDialog):
    imported = Signal(object)  # CatalogueImportResult

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = services.catalogue
        self._actor = actor
        self._runner = runner
        self._cancel = threading.Event()
        self._busy = False
        self.preview: CataloguePreview | None = None
        self.import_result: CatalogueImportResult | None = None
        self.setWindowTitle(self.tr("Import the product catalogue"))
        self.resize(980, 620)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        hint = QLabel(
            self.tr(
                "A CSV file (UTF-8) or an Excel workbook (.xlsx), as the catalogue export "
                "writes it. The first row names the columns, in English or in Chinese: "
                "code/产品代码, name_zh/中文名称, risk_level/风险等级, and so on. A known code "
                "updates that product; a new code creates one. Risk factors: one per line, or "
                "separated by ';'. Nothing is saved until you import, and only a file without "
                "errors can be imported."
            )
        )
        hint.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_only = QCheckBox(self.tr("Show only rows to correct"))
        self.problems_only.toggled.connect(self._filter_changed)

        self.model = CatalogueRowsModel(self)
        self.proxy = _ProblemsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "catalogue_rows")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button = QPushButton(self.tr("Save the report…"))
        self.report_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import_catalogue")
        self.import_button.clicked.connect(self.import_all)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems_only)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)

        self._relay = _Relay(self)
        self._relay.progress.connect(self._progressed)
        self._set_busy(False)
        self.choose_button.setDefault(True)

    # -- choosing and previewing ---------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the catalogue file"),
            "",
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read and check the file (also what tests call instead of the file dialog)."""
        if self._busy:
            return
        self.path_edit.setText(str(path))
        self.preview = None
        self.model.set_rows([])
        self._show_summary(self.tr("Reading the file…"))
        service, actor, relay, cancel = self._service, self._actor, self._relay, self._cancel
        self._start(
            lambda: service.preview_import(
                actor,
                Path(path),
                on_progress=lambda phase, done, total: relay.progress.emit(
                    phase.value, done, total
                ),
                cancelled=cancel.is_set,
            ),
            self._previewed,
        )

    def _previewed(self, preview: CataloguePreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self._show_summary(self._summary_text(preview), error=not preview.importable)
        self._set_busy(False)

    def _summary_text(self, preview: CataloguePreview) -> str:
        if preview.file_problems:
            return self.tr("This file cannot be imported: {0}").format(
                " ".join(catalogue_problem_text(p) for p in preview.file_problems)
            )
        t = preview.totals
        text = self.tr(
            "{rows} rows: {create} new products, {update} to update ({rerated} re-rated), "
            "{unchanged} unchanged, {invalid} to correct."
        ).format(
            rows=t.rows,
            create=t.create,
            update=t.update,
            rerated=t.rerated,
            unchanged=t.unchanged,
            invalid=t.invalid,
        )
        if not preview.rows:
            text += " " + self.tr("The file has no product rows.")
        elif preview.importable:
            text += " " + self.tr("Every row is valid: the file can be imported.")
        else:
            text += " " + self.tr(
                "Nothing is imported until every row is correct: correct the file (Save the "
                "report lists each problem) and choose it again."
            )
        if preview.ignored_columns:
            text += " " + self.tr("Columns left out: {0}.").format(
                ", ".join(preview.ignored_columns)
            )
        return text

    def save_report(self) -> None:
        preview = self.preview
        if preview is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            Path(preview.file_name).stem + "-report.csv",
            self.tr("CSV (*.csv)"),
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        assert self.preview is not None
        try:
            count = write_report(path, self.preview)
        except OSError as exc:
            self._show_summary(
                self.tr("The report cannot be written: {0}").format(exc.strerror or exc),
                error=True,
            )
            return
        self.progress_label.setText(self.tr("{0} problems written to the report.").format(count))
        self.progress_label.setVisible(True)

    # -- importing -----------------------------------------------------------------------------
    def import_all(self, confirmed: bool = False) -> None:
        preview = self.preview
        if preview is None or not preview.importable or self._busy:
            return
        if preview.totals.rerated and not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Re-rate products"),
                self.tr(
                    "{0} products change risk level. Each re-rating lists the holdings that no "
                    "longer fit and gives their advisers a review task. Import?"
                ).format(preview.totals.rerated),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._show_summary(self.tr("Importing…"))
        service, actor, relay, cancel = self._service, self._actor, self._relay, self._cancel
        self._start(
            lambda: service.import_catalogue(
                actor,
                preview,
                on_progress=lambda phase, done, total: relay.progress.emit(
                    phase.value, done, total
                ),
                cancelled=cancel.is_set,
            ),
            self._imported,
        )

    def _imported(self, result: CatalogueImportResult) -> None:
        self.import_result = result
        self._set_busy(False)
        self._show_summary(
            self.tr("{created} products created, {updated} updated, {unchanged} unchanged.").format(
                created=result.created, updated=result.updated, unchanged=result.unchanged
            )
        )
        self.imported.emit(result)
        self.accept()

    # -- running, progress, cancel -------------------------------------------------------------
    def _start(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._cancel.clear()
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self._runner.run(work, on_done, self._failed)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        texts = {
            ImportPhase.READING.value: self.tr("Reading the file…"),
            ImportPhase.CHECKING.value: self.tr("Checking the rows…"),
            ImportPhase.WRITING.value: self.tr("Saving the products…"),
        }
        if not self._cancel.is_set():
            self.progress_label.setText(texts.get(phase, ""))
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self._busy:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportCancelled):
            self._show_summary(self.tr("Cancelled; nothing was imported."))
        elif isinstance(exc, CatalogueImportRefused):
            if exc.preview is not None:
                self.preview = exc.preview
                self.model.set_rows(exc.preview.rows)
            refused = {
                "changed": self.tr(
                    "The catalogue changed since the file was checked; nothing was imported. "
                    "The rows below are checked again against the catalogue as it is now: "
                    "import again if they are right."
                ),
            }
            self._show_summary(
                refused.get(exc.reason, self.tr("This file cannot be imported as it is.")),
                error=True,
            )
            self._update_buttons()
        elif isinstance(exc, KnownError):
            self._show_summary(error_text(exc), error=True)
        else:
            raise exc

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.progress_label.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        idle = not self._busy
        self.import_button.setEnabled(idle and preview is not None and preview.importable)
        self.report_button.setEnabled(
            idle
            and preview is not None
            and (bool(preview.file_problems) or preview.totals.invalid > 0)
        )

    def _show_summary(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def _filter_changed(self, checked: bool) -> None:
        self.proxy.set_problems_only(checked)

    def reject(self) -> None:
        """Escape or Close while working cancels the work first; nothing is left half done."""
        if self._busy:
            self.cancel()
            return
        super().reject()

    @property
    def busy(self) -> bool:
        return self._busy
