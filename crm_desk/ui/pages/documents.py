"""Documents: the archive of what clients were handed (today's, or every one), opened in the
preview, reprinted as a marked copy, printed in one batch with a progress bar that never holds up
the window; and the compliance check of a PDF against the archive.

The batch print runs on the task runner's thread: it reads the PDFs in chunks (its own units of
work) and paints them on the printer there; the window only hears how far it got.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.document_dto import (
    DocumentFile,
    DocumentRow,
    Verification,
    VerificationStatus,
)
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.document_preview import DocumentPreviewDialog, LoadedPdf, paint_pages
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.table_model import ROW_ROLE, Column, RowsModel, SortProxy
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import configure_table

CHUNK = 25  # documents read from the archive per step of a batch print


def kind_label(kind: str) -> str:
    labels = {
        "disclosure": QCoreApplication.translate("Documents", "Product risk disclosure"),
        "warning": QCoreApplication.translate("Documents", "Special risk warning"),
        "assessment": QCoreApplication.translate("Documents", "Risk assessment result"),
    }
    return labels.get(kind, kind)


def subject_text(d: DocumentRow) -> str:
    if d.sale_id is not None:
        return QCoreApplication.translate("Documents", "Sale {id}").format(id=d.sale_id)
    if d.exception_request_id is not None:
        return QCoreApplication.translate("Documents", "Exception request {id}").format(
            id=d.exception_request_id
        )
    if d.assessment_id is not None:
        return QCoreApplication.translate("Documents", "Assessment {id}").format(id=d.assessment_id)
    return ""


def copy_text(d: DocumentRow) -> str:
    if not d.is_copy:
        return QCoreApplication.translate("Documents", "Original")
    return QCoreApplication.translate("Documents", "Copy {n} of {original}").format(
        n=d.copy_number, original=d.copy_of_number or ""
    )


class DocumentsModel(RowsModel[DocumentRow]):
    COL_NUMBER, COL_KIND, COL_CLIENT, COL_SUBJECT, COL_COPY, COL_BY, COL_AT, COL_PAGES = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Number"),
                lambda d: d.number,
                lambda d: d.number,
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Document"),
                lambda d: kind_label(d.kind),
                lambda d: kind_label(d.kind),
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Client"),
                lambda d: d.client_name,
                lambda d: d.client_name,
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "For"),
                subject_text,
                subject_text,
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Original or copy"),
                copy_text,
                lambda d: (d.copy_of_number or d.number, d.copy_number),
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Made by"),
                lambda d: d.generated_by,
                lambda d: d.generated_by,
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Made at"),
                lambda d: local_time(d.generated_at),
                lambda d: d.generated_at,
            ),
            Column[DocumentRow](
                lambda: QCoreApplication.translate("Documents", "Pages"),
                lambda d: str(d.page_count),
                lambda d: d.page_count,
                align_right=True,
            ),
        )


def open_preview(
    parent: QWidget, services: Services, actor: Actor, document_id: int
) -> DocumentPreviewDialog | None:
    try:
        file = services.documents.pdf(actor, document_id)
    except KnownError as error:
        show_error(parent, error)
        return None
    dialog = DocumentPreviewDialog(file, f"{kind_label(file.kind)} {file.number}", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class DocumentTable(QWidget):
    """A list of archived documents with Open and Reprint; used on this page and the client's."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        load: Callable[[], Sequence[DocumentRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self._load = services, actor, load
        self.preview: DocumentPreviewDialog | None = None
        self.model = DocumentsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "documents_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocumentsModel.COL_AT, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_document")
        self.open_button.clicked.connect(self.open_selected)
        self.reprint_button = QPushButton(self.tr("&Reprint as a copy"))
        self.reprint_button.setObjectName("reprint_document")
        self.reprint_button.setToolTip(
            self.tr("A new archived copy marked 副本 / COPY, pointing at the original")
        )
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.reprint_button.setVisible(allowed(actor.role, Permission.DOCUMENTS_PRINT))
        self.empty_label = QLabel()
        self.empty_label.setObjectName("documents_empty")
        self.empty_label.setStyleSheet("color: palette(mid);")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reprint_button)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()

    def refresh(self) -> None:
        try:
            rows = list(self._load())
        except KnownError as error:
            show_error(self, error)
            return
        self.model.set_rows(rows)
        self.empty_label.setText(
            self.tr("No documents.") if not rows else self.tr("{n} documents").format(n=len(rows))
        )
        self._enable()

    def selected(self) -> DocumentRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row: DocumentRow = self.proxy.data(rows[0], ROW_ROLE)
        return row

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.reprint_button.setEnabled(chosen)

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.preview = open_preview(self, self.services, self.actor, chosen.id)

    def reprint_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            copy = self.services.documents.reprint(self.actor, chosen.id)
        except KnownError as error:
            show_error(self, error)
            return
        self.refresh()
        self.changed.emit()
        self.preview = open_preview(self, self.services, self.actor, copy.id)


class _Relay(QObject):
    progressed = Signal(int)


class BatchPrint:
    """Prints documents in one job off the UI thread; progress arrives as a queued signal."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        ids: Sequence[int],
        printer: QPrinter,
        runner: TaskRunner,
    ) -> None:
        self.services, self.actor, self.ids = services, actor, list(ids)
        self.printer = printer  # kept alive for the whole job
        self.runner = runner
        self.relay = _Relay()
        self.cancelled = threading.Event()

    def start(
        self,
        on_progress: Callable[[int], None],
        on_done: Callable[[int], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.relay.progressed.connect(on_progress)
        self.runner.run(self._work, on_done, on_error)

    def cancel(self) -> None:
        self.cancelled.set()

    def _work(self) -> int:
        from PySide6.QtGui import QPainter

        painter = QPainter()
        if not painter.begin(self.printer):
            raise OSError("the printer could not be opened")
        printed, first = 0, True
        try:
            for start in range(0, len(self.ids), CHUNK):
                files: list[DocumentFile] = self.services.documents.pdfs(
                    self.actor, self.ids[start : start + CHUNK]
                )
                for file in files:
                    if self.cancelled.is_set():
                        return printed
                    pdf = LoadedPdf(file.pdf)
                    try:
                        paint_pages(pdf, painter, self.printer, first)
                    finally:
                        pdf.close()
                    first = False
                    printed += 1
                    self.relay.progressed.emit(printed)
        finally:
            painter.end()
        return printed


class VerifyPanel(QWidget):
    """Choose a PDF; see whether it is an unaltered archived document, and of what."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.result: Verification | None = None
        self.preview: DocumentPreviewDialog | None = None
        intro = QLabel(
            self.tr(
                "Check a PDF against the archive: an unaltered document names its sale or "
                "assessment; an altered, re-saved or foreign file is told apart. For a paper "
                "copy, open the archived document by the number printed on it."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a PDF…"))
        self.choose_button.setObjectName("choose_pdf")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel()
        self.file_label.setObjectName("verify_file")
        self.verdict = QLabel()
        self.verdict.setObjectName("verify_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict.setMinimumHeight(80)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details = QLabel()
        self.details.setObjectName("verify_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_original = QPushButton(self.tr("Open the archived original"))
        self.open_original.setObjectName("open_original")
        self.open_original.clicked.connect(self._open_original)
        self.open_original.hide()

        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(self.open_original, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the PDF to check"), "", self.tr("PDF documents (*.pdf)")
        )
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> Verification | None:
        self.file_label.setText(str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._show(
                False,
                self.tr("The file could not be read: {reason}").format(
                    reason=exc.strerror or str(exc)
                ),
                "",
            )
            return None
        try:
            result = self.services.documents.verify(self.actor, data)
        except KnownError as error:
            self._show(False, error_text(error), "")
            return None
        self.result = result
        self._show(result.ok, verdict_text(result), details_text(result))
        document = result.document
        self.open_original.setVisible(
            document is not None
            and not result.ok
            and document.client_name != "—"
            and allowed(self.actor.role, Permission.DOCUMENTS_VIEW)
        )
        return result

    def _show(self, ok: bool, verdict: str, details: str) -> None:
        colours = ("#e6f4ea", "#1e6b3a") if ok else ("#fde7e9", "#8c1d18")
        self.verdict.setStyleSheet(
            f"padding: 10px; font-size: 11pt; background: {colours[0]}; color: {colours[1]};"
        )
        self.verdict.setText(verdict)
        self.details.setText(details)

    def _open_original(self) -> None:
        if self.result is not None and self.result.document is not None:
            self.preview = open_preview(self, self.services, self.actor, self.result.document.id)


def verdict_text(v: Verification) -> str:
    d, n = v.document, v.number or ""
    if v.status is VerificationStatus.VERIFIED and d is not None:
        if d.is_copy:
            return QCoreApplication.translate(
                "Documents",
                "Unaltered: copy {copy} of document {original}, as archived on {when}.",
            ).format(
                copy=d.copy_number, original=d.copy_of_number or "", when=local_time(d.generated_at)
            )
        return QCoreApplication.translate(
            "Documents", "Unaltered: document {number}, as archived on {when}."
        ).format(number=d.number, when=local_time(d.generated_at))
    texts = {
        VerificationStatus.NOT_PDF: QCoreApplication.translate(
            "Documents", "This file is not a PDF document."
        ),
        VerificationStatus.UNKNOWN: QCoreApplication.translate(
            "Documents",
            "Not a document of this archive: the file carries no CRM Desk document number.",
        ),
        VerificationStatus.NOT_IN_ARCHIVE: QCoreApplication.translate(
            "Documents",
            "Document {number} is not in this archive: the file may come from another database.",
        ).format(number=n),
        VerificationStatus.OTHER_FINGERPRINT: QCoreApplication.translate(
            "Documents",
            "This archive's document {number} has a different content fingerprint: the file "
            "comes from another database, or its number was put there by hand.",
        ).format(number=n),
        VerificationStatus.RESAVED: QCoreApplication.translate(
            "Documents",
            "Document {number} exists and this file shows the same pages, but it is not the "
            "archived file: another program re-saved it. Use the archived original.",
        ).format(number=n),
        VerificationStatus.ALTERED: QCoreApplication.translate(
            "Documents",
            "Document {number} exists but this file differs from the archived one: it was "
            "altered. Only the archived original counts.",
        ).format(number=n),
    }
    return texts.get(v.status, v.status.value)


def details_text(v: Verification) -> str:
    lines = [
        QCoreApplication.translate("Documents", "File fingerprint (SHA-256): {sha}").format(
            sha=v.file_sha256
        )
    ]
    d = v.document
    if d is not None:
        lines = [
            QCoreApplication.translate(
                "Documents", "{kind} {number} for {subject}, client {client}"
            ).format(
                kind=kind_label(d.kind),
                number=d.number,
                subject=subject_text(d),
                client=d.client_name,
            ),
            QCoreApplication.translate("Documents", "Made by {who} at {when}").format(
                who=d.generated_by, when=local_time(d.generated_at)
            ),
            QCoreApplication.translate(
                "Documents", "Archived file fingerprint (SHA-256): {sha}"
            ).format(sha=d.pdf_sha256),
            *lines,
        ]
    return "\n".join(lines)


class DocumentsPage(QWidget):
    """The archive and, for those who may, the verification of a PDF."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.batch: BatchPrint | None = None
        self.printer: QPrinter | None = None  # kept: see ui/document_preview.py

        self.scope = QComboBox()
        self.scope.setObjectName("documents_scope")
        self.scope.addItem(self.tr("Made today"), "today")
        self.scope.addItem(self.tr("All documents"), "all")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.batch_button = QPushButton(self.tr("&Print today's documents…"))
        self.batch_button.setObjectName("batch_print")
        self.batch_button.clicked.connect(self.print_today)
        self.batch_button.setVisible(allowed(actor.role, Permission.DOCUMENTS_PRINT))
        self.progress = QProgressBar()
        self.progress.setObjectName("batch_progress")
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel printing"))
        self.cancel_button.setObjectName("batch_cancel")
        self.cancel_button.clicked.connect(self.cancel_batch)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("batch_status")

        self.list = DocumentTable(services, actor, self._rows)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.batch_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        archive = QWidget()
        archive_layout = QVBoxLayout(archive)
        archive_layout.addLayout(top)
        archive_layout.addWidget(self.list, 1)
        archive_layout.addLayout(progress_row)
        archive_layout.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.addTab(archive, self.tr("Archive"))
        self.verify_panel: VerifyPanel | None = None
        if allowed(actor.role, Permission.DOCUMENTS_VERIFY):
            self.verify_panel = VerifyPanel(services, actor)
            self.tabs.addTab(self.verify_panel, self.tr("Verify a document"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    def _rows(self) -> list[DocumentRow]:
        if self.scope.currentData() == "today":
            return self.services.documents.list_documents(
                self.actor, day=self.services.documents.today(self.actor)
            )
        return self.services.documents.list_documents(self.actor)

    def refresh(self) -> None:
        self.list.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    # -- batch printing ------------------------------------------------------------------------
    def todays_originals(self) -> list[int]:
        day = self.services.documents.today(self.actor)
        rows = self.services.documents.list_documents(self.actor, day=day, originals_only=True)
        return [r.id for r in sorted(rows, key=lambda r: r.number)]

    def print_today(self) -> None:
        try:
            ids = self.todays_originals()
        except KnownError as error:
            show_error(self, error)
            return
        if not ids:
            QMessageBox.information(
                self, self.tr("Print"), self.tr("No documents were made today.")
            )
            return
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(
            self.tr("Documents of {day}").format(
                day=self.services.documents.today(self.actor).isoformat()
            )
        )
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_batch(ids, self.printer)

    def start_batch(self, ids: Sequence[int], printer: QPrinter) -> BatchPrint:
        self.printer = printer
        batch = self.batch = BatchPrint(self.services, self.actor, ids, printer, self.runner)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m documents"))
        self.progress.show()
        self.cancel_button.show()
        self.batch_button.setEnabled(False)
        self.status.setText(self.tr("Printing {n} documents…").format(n=len(ids)))
        batch.start(self._progressed, self._finished, self._failed)
        return batch

    def cancel_batch(self) -> None:
        if self.batch is not None:
            self.batch.cancel()

    def _progressed(self, done: int) -> None:
        self.progress.setValue(done)

    def _finished(self, printed: int) -> None:
        total = len(self.batch.ids) if self.batch else printed
        self._end(
            self.tr("Printed {n} documents.").format(n=printed)
            if printed == total
            else self.tr("Printing stopped after {n} of {total} documents.").format(
                n=printed, total=total
            )
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            text = error_text(error)
        else:
            text = self.tr("Printing failed: {reason}").format(reason=str(error))
        self._end(text)
        QMessageBox.warning(self, self.tr("Print"), text)

    def _end(self, text: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.batch_button.setEnabled(True)
        self.status.setText(text)
        self.batch = None


class ClientDocumentsTab(QWidget):
    """The client page's documents: everything the client was handed, and their latest risk
    assessment's result document, made (and archived) when first printed."""

    changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.client_id = services, actor, client_id
        self.list = DocumentTable(
            services, actor, lambda: services.documents.list_documents(actor, client_id=client_id)
        )
        self.assessment_button = QPushButton(self.tr("Print the &assessment result…"))
        self.assessment_button.setObjectName("assessment_document")
        self.assessment_button.setToolTip(
            self.tr("The result of the latest risk assessment, for the client to sign")
        )
        self.assessment_button.clicked.connect(self.assessment_document)
        self.assessment_button.setVisible(allowed(actor.role, Permission.DOCUMENTS_PRINT))
        self.list.buttons.insertWidget(1, self.assessment_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.list.refresh()

    def refresh(self) -> None:
        self.list.refresh()

    def assessment_document(self) -> DocumentPreviewDialog | None:
        try:
            history = self.services.assessments.history(self.actor, self.client_id)
            if not history:
                QMessageBox.information(
                    self,
                    self.tr("Risk assessment result"),
                    self.tr("The client has no confirmed risk assessment yet."),
                )
                return None
            made = self.services.documents.assessment_document(self.actor, history[0].id)
        except KnownError as error:
            show_error(self, error)
            return None
        self.list.refresh()
        self.changed.emit()
        self.list.preview = open_preview(self, self.services, self.actor, made.id)
        return self.list.preview
