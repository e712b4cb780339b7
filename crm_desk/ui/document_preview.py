"""An archived document on screen (QtPdf), printed through the system print dialog, or saved as
a PDF file; and the painting of PDF pages onto a printer that the batch print shares.

The printer lives on the dialog (``self.printer``): a QPrinter that goes out of scope while the
print dialog or the painter still use it crashes the preview.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desk.services.document_dto import DocumentFile

MAX_PRINT_DPI = 300  # sharp on paper; more only makes the job slower


class LoadedPdf:
    """A QPdfDocument over bytes in memory, with the buffer it reads kept alive beside it."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount()

    def image(self, page: int, dpi: float) -> QImage:
        points = self.document.pagePointSize(page)
        size = QSize(
            max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
        )
        return self.document.render(page, size)

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def paint_pages(pdf: LoadedPdf, painter: QPainter, printer: QPrinter, first: bool) -> bool:
    """Each page of ``pdf`` on its own sheet, scaled to the printable area keeping its shape.
    ``first``: nothing is on the printer yet. Returns whether the next page needs a new sheet
    (always True once something was painted).

    A page goes over in bands of about an inch: rendering a whole page at 300 dpi and handing
    it to the printer are two long calls that hold Python's interpreter lock, so a batch on
    another thread would stall the window for a third of a second at each page; band by band,
    each step is short and the window keeps answering between them. Each band is laid on white
    first: an opaque image prints without a transparency mask, in less time."""
    dpi = print_dpi(printer)
    for page in range(pdf.page_count()):
        if not first:
            printer.newPage()
        first = False
        points = pdf.document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        area = painter.viewport()
        scale = min(area.width() / size.width(), area.height() / size.height())
        left = (area.width() - size.width() * scale) / 2
        top = (area.height() - size.height() * scale) / 2
        band = max(1, dpi)
        for y in range(0, size.height(), band):
            height = min(band, size.height() - y)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(size)
            options.setScaledClipRect(QRect(0, y, size.width(), height))
            ink = pdf.document.render(page, QSize(size.width(), height), options)
            sheet = QImage(ink.size(), QImage.Format.Format_RGB32)
            sheet.fill(Qt.GlobalColor.white)
            on_white = QPainter(sheet)
            on_white.drawImage(0, 0, ink)
            on_white.end()
            target = QRectF(left, top + y * scale, size.width() * scale, height * scale)
            painter.drawImage(target, sheet)
            # Hand the interpreter lock over between bands: Qt's calls above keep it, and a
            # waiting UI thread would otherwise get it only when a switch interval happens to
            # fall between two of them (a batch on another thread: gaps of 50-280 ms).
            time.sleep(0)
    return not first


def print_documents(
    files: Sequence[DocumentFile] | Callable[[], Sequence[DocumentFile]],
    printer: QPrinter,
) -> int:
    """Paint documents onto ``printer`` in one job; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages, first = 0, True
    try:
        for file in files() if callable(files) else files:
            pdf = LoadedPdf(file.pdf)
            try:
                paint_pages(pdf, painter, printer, first)
                first = False
                pages += pdf.page_count()
            finally:
                pdf.close()
    finally:
        painter.end()
    return pages


class DocumentPreviewDialog(QDialog):
    """One document, page by page, with Print and Save as PDF."""

    def __init__(self, file: DocumentFile, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.setWindowTitle(title)
        self.setObjectName("document_preview")
        self.pdf = LoadedPdf(file.pdf)
        self.printer: QPrinter | None = None  # kept: see the module's note

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf.document)

        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(self.view.pageNavigator().currentPage())

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.resize(820, 900)

    def _show_page(self, page: int) -> None:
        self.page_label.setText(
            self.tr("{number} · page {page} of {pages}").format(
                number=self.file.number, page=page + 1, pages=self.pdf.page_count()
            )
        )

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def make_printer(self) -> QPrinter:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self.file.number)
        return self.printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {number}").format(number=self.file.number))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paints every page; returns the pages printed (0 if the printer failed)."""
        self.printer = printer
        try:
            return print_documents([self.file], printer)
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Print"),
                self.tr("The printer could not be opened. Check that it is on and connected."),
            )
            return 0

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the document as PDF"),
            f"{self.file.number}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        """The archived bytes exactly, so the saved file verifies against the archive."""
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(self.file.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("The file could not be written: {reason}").format(
                    reason=exc.strerror or str(exc)
                ),
            )
            return False
        return True
