"""Import the product catalogue from a CSV or XLSX file: choose it, read the report on every row
(what it would create or change, or what to correct), then import the whole file — possible only
when every row is valid. The report can be saved as a CSV file to correct the spreadsheet by.

Reading, checking and importing run through the TaskRunner; the window never waits on them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from crm_desk.domain.errors import Problem
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.products_io import (
    CatalogueImportResult,
    CataloguePreview,
    CatalogueRow,
    RowAction,
)
from crm_desk.services.tabular import csv_sheet
from crm_desk.ui.client_import_dialog import import_problem_text
from crm_desk.ui.formatting import field_label
from crm_desk.ui.import_dialog_base import (
    ERROR_BRUSH,
    WARNING_BRUSH,
    ImportDialog,
    MarkedRowsModel,
    Work,
)
from crm_desk.ui.product_dialog import ui_language
from crm_desk.ui.table_model import Column
from crm_desk.ui.tasks import TaskRunner

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


class CatalogueRowsModel(MarkedRowsModel[CatalogueRow]):
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

    def background(self, row: CatalogueRow) -> QBrush | None:
        if row.action is RowAction.INVALID:
            return ERROR_BRUSH
        if row.rerated is not None:
            return WARNING_BRUSH
        return None


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


class CatalogueImportDialog(ImportDialog[CataloguePreview, CatalogueImportResult]):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = services.catalogue
        self._actor = actor
        self.setWindowTitle(self.tr("Import the product catalogue"))
        self.report_button = QPushButton(self.tr("Save the report…"))
        self.report_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import_catalogue")
        self.import_button.clicked.connect(self.import_all)
        self._lay_out(
            hint=self.tr(
                "A CSV file (UTF-8) or an Excel workbook (.xlsx), as the catalogue export "
                "writes it. The first row names the columns, in English or in Chinese: "
                "code/产品代码, name_zh/中文名称, risk_level/风险等级, and so on. A known code "
                "updates that product; a new code creates one. Risk factors: one per line, or "
                "separated by ';'. Nothing is saved until you import, and only a file without "
                "errors can be imported."
            ),
            problems_only=self.tr("Show only rows to correct"),
            model=CatalogueRowsModel(self),
            needs_attention=lambda row: row.action is RowAction.INVALID,
            table_name="catalogue_rows",
            actions=(self.report_button, self.import_button),
        )

    # -- choosing and previewing ---------------------------------------------------------------
    def _choose_caption(self) -> str:
        return self.tr("Choose the catalogue file")

    def _reader(self, path: Path) -> Work:
        service, actor = self._service, self._actor
        return lambda on_progress, cancelled: service.preview_import(
            actor, path, on_progress=on_progress, cancelled=cancelled
        )

    def _problem_text(self, problem: Problem) -> str:
        return catalogue_problem_text(problem)

    def _summary_is_error(self, preview: CataloguePreview) -> bool:
        return not preview.importable

    def _totals_text(self, preview: CataloguePreview) -> str:
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
        service, actor = self._service, self._actor
        self._run_import(
            lambda on_progress, cancelled: service.import_catalogue(
                actor, preview, on_progress=on_progress, cancelled=cancelled
            )
        )

    def _imported_text(self, result: CatalogueImportResult) -> str:
        return self.tr(
            "{created} products created, {updated} updated, {unchanged} unchanged."
        ).format(created=result.created, updated=result.updated, unchanged=result.unchanged)

    def _writing_text(self) -> str:
        return self.tr("Saving the products…")

    def _refused_texts(self) -> dict[str, str]:
        return {
            "changed": self.tr(
                "The catalogue changed since the file was checked; nothing was imported. "
                "The rows below are checked again against the catalogue as it is now: "
                "import again if they are right."
            ),
        }

    def _update_buttons(self) -> None:
        preview = self.preview
        idle = not self._busy
        self.import_button.setEnabled(idle and preview is not None and preview.importable)
        self.report_button.setEnabled(
            idle
            and preview is not None
            and (bool(preview.file_problems) or preview.totals.invalid > 0)
        )
