"""Documents as an adviser and a compliance officer use them: the preview opens on page 1, prints
through a QPrinter to a PDF file, saves the archived bytes; today's documents print in one batch
with a progress bar; a copy is reprinted; a PDF is checked against the archive."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.document_dto import VerificationStatus
from crm_desk.ui.document_preview import DocumentPreviewDialog
from crm_desk.ui.pages.documents import ClientDocumentsTab, DocumentsPage
from crm_desk.ui.tasks import SyncTaskRunner, TaskRunner
from tests.conftest import MakeUser
from tests.sales_support import assessed_client, fitting_product

pytestmark = pytest.mark.db


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, "li.adviser")


@pytest.fixture
def sold(services: Services, admin: Actor, adviser: Actor) -> int:
    """Three sales to one client today: three disclosures. Returns the client."""
    client = assessed_client(services, adviser, "张伟")
    product = fitting_product(services, admin)
    for amount in ("50000", "60000", "70000"):
        services.sales.record(adviser, client, product, amount)
    return client


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages_of(path: Path) -> int:
    return len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def open_first(qtbot, page: DocumentsPage) -> DocumentPreviewDialog:  # type: ignore[no-untyped-def]
    table = page.list.table
    table.selectRow(0)
    qtbot.mouseClick(page.list.open_button, Qt.MouseButton.LeftButton)
    dialog = page.list.preview
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_opens_on_page_one(
    qtbot, services: Services, adviser: Actor, sold: int
) -> None:  # type: ignore[no-untyped-def]
    page = DocumentsPage(services, adviser, SyncTaskRunner())
    qtbot.addWidget(page)
    page.show()
    assert page.list.model.rowCount() == 3  # "made today" is the default
    dialog = open_first(qtbot, page)
    assert dialog.pdf.ok and dialog.pdf.page_count() == 2
    assert dialog.current_page() == 0
    assert dialog.page_label.text().endswith("page 1 of 2")
    assert dialog.file.number in dialog.windowTitle()
    image = dialog.pdf.image(0, 40)
    assert not image.isNull()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    # The page's ink and the headings' blue are there: the first page shows its text.
    assert {QColor("#1f2933").name(), QColor("#14497a").name()} <= colours
    dialog.close()


def test_print_to_pdf_through_a_qprinter(
    qtbot, services: Services, adviser: Actor, sold: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = DocumentsPage(services, adviser, SyncTaskRunner())
    qtbot.addWidget(page)
    page.show()
    dialog = open_first(qtbot, page)
    target = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(target)) == 2
    assert target.read_bytes().startswith(b"%PDF") and pages_of(target) == 2
    assert dialog.printer is not None  # kept on the dialog while it lives

    saved = tmp_path / "saved"
    assert dialog.save_to(saved)
    stored = (tmp_path / "saved.pdf").read_bytes()
    assert stored == dialog.file.pdf  # the archived bytes: the saved file verifies
    assert services.documents.verify(adviser, stored).ok
    dialog.close()


def test_todays_documents_print_in_one_batch_with_progress(
    qtbot, services: Services, adviser: Actor, sold: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = DocumentsPage(services, adviser, SyncTaskRunner())
    qtbot.addWidget(page)
    seen: list[int] = []
    ids = page.todays_originals()
    assert len(ids) == 3
    target = tmp_path / "batch.pdf"
    page.progress.valueChanged.connect(seen.append)
    page.start_batch(ids, pdf_printer(target))
    assert seen == [0, 1, 2, 3]
    assert page.progress.value() == 3 and page.progress.maximum() == 3
    assert page.status.text() == "Printed 3 documents."
    assert page.batch_button.isEnabled() and page.progress.isHidden()
    assert pages_of(target) == 6


def test_the_batch_runs_off_the_ui_thread_and_can_be_cancelled(
    qtbot, services: Services, adviser: Actor, sold: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    page = DocumentsPage(services, adviser, runner)
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "threaded.pdf"
    page.start_batch(page.todays_originals(), pdf_printer(target))
    assert page.cancel_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.batch is None, timeout=60000)
    assert page.status.text() == "Printed 3 documents." and pages_of(target) == 6
    assert runner.wait()

    # Cancelled before it starts: nothing more is painted, and the page says how far it got.
    batch = page.start_batch(page.todays_originals(), pdf_printer(tmp_path / "cancelled.pdf"))
    batch.cancel()
    qtbot.waitUntil(lambda: page.batch is None, timeout=60000)
    assert page.status.text().startswith(("Printing stopped after", "Printed 3"))
    assert runner.wait()


def test_a_reprint_adds_a_marked_copy_to_the_list(
    qtbot, services: Services, adviser: Actor, sold: int
) -> None:  # type: ignore[no-untyped-def]
    page = DocumentsPage(services, adviser, SyncTaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.list.table.selectRow(0)
    qtbot.mouseClick(page.list.reprint_button, Qt.MouseButton.LeftButton)
    assert page.list.model.rowCount() == 4
    copies = [r for r in page.list.model.rows() if r.is_copy]
    assert len(copies) == 1 and copies[0].number.endswith("-C1")
    assert page.list.preview is not None and page.list.preview.file.number == copies[0].number
    page.list.preview.close()


def test_compliance_verifies_a_pdf_and_sees_what_is_wrong(
    qtbot, services: Services, adviser: Actor, make_user: MakeUser, sold: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    compliance = make_user(Role.COMPLIANCE, "he.compliance")
    page = DocumentsPage(services, compliance, SyncTaskRunner())
    qtbot.addWidget(page)
    assert page.batch_button.isHidden() and page.list.reprint_button.isHidden()
    panel = page.verify_panel
    assert panel is not None
    [first, *_] = services.documents.list_documents(compliance)
    original = services.documents.pdf(compliance, first.id).pdf
    good = tmp_path / "good.pdf"
    good.write_bytes(original)
    result = panel.check_file(good)
    assert result is not None and result.status is VerificationStatus.VERIFIED
    assert panel.verdict.text().startswith(f"Unaltered: document {first.number}")
    assert "张伟" in panel.details.text() and "Sale" in panel.details.text()

    resaved = tmp_path / "resaved.pdf"
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(original)))
    with resaved.open("wb") as out:
        writer.write(out)
    result = panel.check_file(resaved)
    assert result is not None and result.status is VerificationStatus.RESAVED
    assert "re-saved" in panel.verdict.text()
    assert panel.open_original.isVisibleTo(panel)
    qtbot.mouseClick(panel.open_original, Qt.MouseButton.LeftButton)
    assert panel.preview is not None and panel.preview.file.number == first.number
    panel.preview.close()

    missing = panel.check_file(tmp_path / "nowhere.pdf")
    assert missing is None and "could not be read" in panel.verdict.text()


def test_the_client_tab_prints_the_assessment_result(
    qtbot, services: Services, adviser: Actor, sold: int
) -> None:  # type: ignore[no-untyped-def]
    tab = ClientDocumentsTab(services, adviser, sold)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.list.model.rowCount() == 3
    dialog = tab.assessment_document()
    assert dialog is not None and dialog.pdf.ok and dialog.file.kind == "assessment"
    assert tab.list.model.rowCount() == 4
    again = tab.assessment_document()  # the same archived document, not a second one
    assert again is not None and again.file.id == dialog.file.id
    assert tab.list.model.rowCount() == 4
    dialog.close()
    again.close()
