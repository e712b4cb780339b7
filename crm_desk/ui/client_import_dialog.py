"""Import clients from a CSV or XLSX file: choose it, read the report for every row, then import
all of them (only for a fully valid file) or, after a confirmation, only the valid ones.

Reading, checking and importing run through the TaskRunner, with a progress bar and Cancel; the
window never waits on them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from crm_desk.domain.audit import mask_text
from crm_desk.domain.errors import Problem
from crm_desk.domain.identity import IdType
from crm_desk.services.actor import Actor
from crm_desk.services.client_import import (
    ImportMode,
    ImportPreview,
    ImportResult,
    ImportRow,
    RowStatus,
)
from crm_desk.services.container import Services
from crm_desk.ui.errors import problem_text
from crm_desk.ui.import_dialog_base import (
    ERROR_BRUSH,
    WARNING_BRUSH,
    ImportDialog,
    MarkedRowsModel,
    Work,
)
from crm_desk.ui.labels import label
from crm_desk.ui.table_model import Column
from crm_desk.ui.tasks import TaskRunner

_STATUS_ORDER = {
    RowStatus.INVALID: 0,
    RowStatus.DUPLICATE: 1,
    RowStatus.WARNING: 2,
    RowStatus.OK: 3,
}


def field_label(name: str) -> str:
    labels: dict[str, Callable[[], str]] = {
        "name": lambda: QCoreApplication.translate("ClientImportDialog", "Name"),
        "id_type": lambda: QCoreApplication.translate("ClientImportDialog", "ID type"),
        "id_number": lambda: QCoreApplication.translate("ClientImportDialog", "ID number"),
        "phone": lambda: QCoreApplication.translate("ClientImportDialog", "Mobile"),
        "birth_date": lambda: QCoreApplication.translate("ClientImportDialog", "Birth date"),
        "gender": lambda: QCoreApplication.translate("ClientImportDialog", "Sex"),
        "email": lambda: QCoreApplication.translate("ClientImportDialog", "E-mail"),
        "address": lambda: QCoreApplication.translate("ClientImportDialog", "Address"),
        "occupation": lambda: QCoreApplication.translate("ClientImportDialog", "Occupation"),
        "income_band": lambda: QCoreApplication.translate("ClientImportDialog", "Annual income"),
        "financial_assets": lambda: QCoreApplication.translate(
            "ClientImportDialog", "Financial assets"
        ),
        "experience_years": lambda: QCoreApplication.translate(
            "ClientImportDialog", "Years of investing"
        ),
        "experience_types": lambda: QCoreApplication.translate(
            "ClientImportDialog", "Investment experience"
        ),
        "objectives": lambda: QCoreApplication.translate("ClientImportDialog", "Objectives"),
        "horizon": lambda: QCoreApplication.translate("ClientImportDialog", "Horizon"),
        "liquidity": lambda: QCoreApplication.translate("ClientImportDialog", "Liquidity needs"),
        "preferred_language": lambda: QCoreApplication.translate("ClientImportDialog", "Language"),
        "adviser": lambda: QCoreApplication.translate("ClientImportDialog", "Adviser"),
    }
    text = labels.get(name)
    return text() if text else name


def import_problem_text(problem: Problem) -> str:
    """The translated text of a problem the import finds; others as the client form shows them."""
    p = dict(problem.params)
    texts: dict[str, Callable[[], str]] = {
        "import.encoding_gbk": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "The file is not in UTF-8: it looks like GBK, the Chinese encoding older Excel "
            "versions use for CSV. In Excel choose Save As, 'CSV UTF-8 (Comma delimited)' or "
            "'Excel Workbook (.xlsx)', and import that file.",
        ),
        "import.encoding": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "The file is not UTF-8 text. Save it as 'CSV UTF-8' or as an Excel workbook (.xlsx).",
        ),
        "import.csv_format": lambda: QCoreApplication.translate(
            "ClientImportDialog", "The file is not valid CSV near line {line}."
        ).format(**p),
        "import.unreadable": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "The file cannot be read as an Excel workbook; open it in Excel, save it as .xlsx "
            "and try again.",
        ),
        "import.unreadable_file": lambda: QCoreApplication.translate(
            "ClientImportDialog", "The file cannot be opened: {detail}"
        ).format(**p),
        "import.old_excel": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "This is an old Excel file (.xls). Open it in Excel and save it as an Excel "
            "workbook (.xlsx) or as 'CSV UTF-8'.",
        ),
        "import.empty": lambda: QCoreApplication.translate(
            "ClientImportDialog", "The file is empty: the first row must name the columns."
        ),
        "import.too_many_rows": lambda: QCoreApplication.translate(
            "ClientImportDialog", "The file has more than {max} rows; split it into smaller files."
        ).format(**p),
        "import.duplicate_columns": lambda: QCoreApplication.translate(
            "ClientImportDialog", "These columns name the same field: {columns}. Keep one of each."
        ).format(**p),
        "import.missing_columns": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "Required columns are missing: {columns}. The first row must name each column, in "
            "English or in Chinese (for example name or 姓名).",
        ).format(**p),
        "import.date_format": lambda: QCoreApplication.translate(
            "ClientImportDialog", "'{value}' is not a date; write it as 1985-03-07."
        ).format(**p),
        "import.choice": lambda: QCoreApplication.translate(
            "ClientImportDialog", "'{value}' is not one of the accepted values: {accepted}."
        ).format(**p),
        "import.id_number_as_number": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "Excel stored the identity number as a number and lost its last digits; format "
            "the column as Text and type the numbers again.",
        ),
        "import.duplicate_in_file": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "The same identity document is on row {rows} of this file; keep only one of these "
            "rows.",
        ).format(**p),
        "import.duplicate_existing": lambda: (
            QCoreApplication.translate(
                "ClientImportDialog", "Already a client: client no. {client_id}."
            ).format(**p)
            if p.get("visible")
            else QCoreApplication.translate(
                "ClientImportDialog", "Already a client of the bank, served by another adviser."
            )
        ),
        "import.similar_in_file": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "Row {rows} has the same name and birth date with another identity document; check "
            "that these are different people.",
        ).format(**p),
        "import.similar_existing": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "{count} client(s) with the same name and birth date already exist; check that "
            "this is a different person.",
        ).format(**p),
        "import.adviser_required": lambda: QCoreApplication.translate(
            "ClientImportDialog", "Write the adviser's user name in the adviser column (客户经理)."
        ),
        "import.adviser_unknown": lambda: QCoreApplication.translate(
            "ClientImportDialog", "No user is called '{username}'; write the adviser's user name."
        ).format(**p),
        "adviser.unknown": lambda: QCoreApplication.translate(
            "ClientImportDialog", "This user is not an active adviser."
        ),
        "adviser.own": lambda: QCoreApplication.translate(
            "ClientImportDialog",
            "Advisers import clients for themselves only; leave the adviser column empty.",
        ),
        "adviser.branch": lambda: QCoreApplication.translate(
            "ClientImportDialog", "This adviser is not in your branch."
        ),
    }
    text = texts.get(problem.code)
    return text() if text else problem_text(problem)


def status_text(row: ImportRow) -> str:
    problems = row.problems
    if problems:
        details = "; ".join(
            f"{field_label(name)}: {import_problem_text(problem)}"
            for name, problem in problems.items()
        )
        if row.status is RowStatus.DUPLICATE:
            return QCoreApplication.translate("ClientImportDialog", "Duplicate: {0}").format(
                details
            )
        return details
    if row.warnings:
        return QCoreApplication.translate("ClientImportDialog", "Warning: {0}").format(
            "; ".join(import_problem_text(w) for w in row.warnings)
        )
    return QCoreApplication.translate("ClientImportDialog", "OK")


def _id_type_text(row: ImportRow) -> str:
    try:
        return label(IdType(row.client.id_type))
    except ValueError:
        return row.client.id_type


def _masked(value: str) -> str:
    return mask_text(value) if value else ""


class ImportRowsModel(MarkedRowsModel[ImportRow]):
    """The file's rows with their status; rows with problems highlighted."""

    columns = (
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Row"),
            lambda r: str(r.row_number),
            lambda r: r.row_number,
            align_right=True,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Status"),
            status_text,
            lambda r: (_STATUS_ORDER[r.status], r.row_number),
            tooltip=status_text,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Name"),
            lambda r: r.client.name,
            lambda r: r.client.name,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "ID type"),
            _id_type_text,
            lambda r: r.client.id_type,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "ID number"),
            lambda r: _masked(r.client.id_number),
            lambda r: r.row_number,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Mobile"),
            lambda r: _masked(r.client.phone),
            lambda r: r.row_number,
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Birth date"),
            lambda r: r.client.birth_date.isoformat() if r.client.birth_date else "",
            lambda r: r.client.birth_date.isoformat() if r.client.birth_date else "",
        ),
        Column[ImportRow](
            lambda: QCoreApplication.translate("ClientImportDialog", "Adviser"),
            lambda r: r.adviser,
            lambda r: r.adviser,
        ),
    )

    def background(self, row: ImportRow) -> QBrush | None:
        if row.status in (RowStatus.INVALID, RowStatus.DUPLICATE):
            return ERROR_BRUSH
        if row.status is RowStatus.WARNING:
            return WARNING_BRUSH
        return None


class ClientImportDialog(ImportDialog[ImportPreview, ImportResult]):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = services.client_import
        self._actor = actor
        self.setWindowTitle(self.tr("Import clients"))
        self.import_all_button = QPushButton(self.tr("Import all"))
        self.import_all_button.setObjectName("import_all")
        self.import_all_button.clicked.connect(self.import_all)
        self.import_valid_button = QPushButton(self.tr("Import valid rows only…"))
        self.import_valid_button.setObjectName("import_valid_only")
        self.import_valid_button.clicked.connect(self.import_valid_only)
        self._lay_out(
            hint=self.tr(
                "A CSV file (UTF-8) or an Excel workbook (.xlsx). The first row names the "
                "columns, in English or in Chinese: name/姓名, id_type/证件类型, "
                "id_number/证件号码, phone/手机, and so on. Nothing is saved until you import."
            ),
            problems_only=self.tr("Show only rows that need attention"),
            model=ImportRowsModel(self),
            needs_attention=lambda row: row.status is not RowStatus.OK,
            table_name="import_rows",
            actions=(self.import_valid_button, self.import_all_button),
        )

    # -- choosing and previewing ---------------------------------------------------------------
    def _choose_caption(self) -> str:
        return self.tr("Choose the file to import")

    def _reader(self, path: Path) -> Work:
        service, actor = self._service, self._actor
        return lambda on_progress, cancelled: service.preview(
            actor, path, on_progress=on_progress, cancelled=cancelled
        )

    def _problem_text(self, problem: Problem) -> str:
        return import_problem_text(problem)

    def _summary_is_error(self, preview: ImportPreview) -> bool:
        return bool(preview.file_problems)

    def _totals_text(self, preview: ImportPreview) -> str:
        totals = preview.totals
        text = self.tr(
            "{rows} rows: {valid} ready to import, {invalid} with errors, "
            "{duplicates} duplicates, {warnings} with warnings."
        ).format(
            rows=totals.rows,
            valid=totals.valid,
            invalid=totals.invalid,
            duplicates=totals.duplicates,
            warnings=totals.warnings,
        )
        if preview.fully_valid:
            text += " " + self.tr("Every row can be imported.")
        elif totals.valid:
            text += " " + self.tr(
                "Correct the file and choose it again, or import only the valid rows."
            )
        else:
            text += " " + self.tr("No row can be imported; correct the file and choose it again.")
        return text

    # -- importing -----------------------------------------------------------------------------
    def import_all(self) -> None:
        if self.preview is not None and self.preview.fully_valid and not self._busy:
            self._commit(ImportMode.ALL)

    def import_valid_only(self) -> None:
        preview = self.preview
        if preview is None or not preview.has_valid_rows or self._busy:
            return
        left_out = preview.totals.rows - preview.totals.valid
        answer = QMessageBox.question(
            self,
            self.tr("Import valid rows only"),
            self.tr(
                "Import the {valid} valid rows and leave out the {left_out} rows that have "
                "problems? The rows left out are not saved; correct them and import them later."
            ).format(valid=preview.totals.valid, left_out=left_out),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._commit(ImportMode.VALID_ONLY)

    def _commit(self, mode: ImportMode) -> None:
        preview = self.preview
        assert preview is not None
        service, actor = self._service, self._actor
        self._run_import(
            lambda on_progress, cancelled: service.commit_import(
                actor, preview, mode, on_progress=on_progress, cancelled=cancelled
            )
        )

    def _imported_text(self, result: ImportResult) -> str:
        return self.tr("{imported} clients imported; {skipped} rows left out.").format(
            imported=result.imported, skipped=result.skipped
        )

    def _writing_text(self) -> str:
        return self.tr("Saving the clients…")

    def _refused_texts(self) -> dict[str, str]:
        return {
            "changed": self.tr(
                "The clients on file changed since the check, and some rows now have "
                "problems; nothing was imported. See the rows below."
            ),
            "nothing_valid": self.tr("No row can be imported; nothing was saved."),
        }

    def _update_buttons(self) -> None:
        preview = self.preview
        idle = not self._busy
        self.import_all_button.setEnabled(idle and preview is not None and preview.fully_valid)
        self.import_valid_button.setEnabled(
            idle and preview is not None and preview.has_valid_rows and not preview.fully_valid
        )


def export_titles() -> dict[str, str]:
    """Translated headings for ClientExportService.export_clients(titles=...): the list page's
    Export action passes them so that the file speaks the user's language."""
    return {
        "id": QCoreApplication.translate("ClientImportDialog", "Client no."),
        "name": QCoreApplication.translate("ClientImportDialog", "Name"),
        "id_type": QCoreApplication.translate("ClientImportDialog", "ID type"),
        "id_number": QCoreApplication.translate("ClientImportDialog", "ID number"),
        "phone": QCoreApplication.translate("ClientImportDialog", "Mobile"),
        "birth_date": QCoreApplication.translate("ClientImportDialog", "Birth date"),
        "age": QCoreApplication.translate("ClientImportDialog", "Age"),
        "gender": QCoreApplication.translate("ClientImportDialog", "Sex"),
        "adviser": QCoreApplication.translate("ClientImportDialog", "Adviser"),
        "investor_type": QCoreApplication.translate("ClientImportDialog", "Investor type"),
        "vulnerable": QCoreApplication.translate("ClientImportDialog", "Needs extra care"),
        "yes": QCoreApplication.translate("ClientImportDialog", "yes"),
        "no": QCoreApplication.translate("ClientImportDialog", "no"),
    }
