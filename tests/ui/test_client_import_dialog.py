"""The import dialog alone, driven with a synchronous task runner: what an adviser sees and does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox

from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientQuery
from crm_desk.services.client_import import RowStatus
from crm_desk.services.container import Services
from crm_desk.ui.client_import_dialog import ClientImportDialog
from crm_desk.ui.tasks import SyncTaskRunner, TaskRunner
from tests.conftest import MakeUser
from tests.unit.test_client_import import HEADER, row, write_csv

pytestmark = pytest.mark.db


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, username="li.na")


def dialog_for(qtbot, services: Services, actor: Actor, runner: TaskRunner | None = None):
    dialog = ClientImportDialog(services, actor, runner or SyncTaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def count(services: Services, actor: Actor) -> int:
    return services.clients.count_clients(actor, ClientQuery())


def test_the_preview_shows_errors_and_import_all_stays_disabled(
    qtbot, services, adviser, tmp_path: Path, qtmodeltester
):
    path = write_csv(
        tmp_path / "mixed.csv",
        [row(1), row(2, phone="abc"), row(3, birth_date="1990-02-30"), row(1, name="重复")],
    )
    dialog = dialog_for(qtbot, services, adviser)
    assert not dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()

    dialog.load(path)

    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    statuses = [model.index(r, 1).data() for r in range(4)]
    assert statuses[0].startswith("Duplicate:") and "row 5" in statuses[0]
    assert statuses[1].startswith("Mobile: ")
    assert "'1990-02-30' is not a date" in statuses[2]
    assert statuses[3].startswith("Duplicate:")
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == statuses[1]
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None, "highlighted"
    assert model.index(1, 4).data() != row(2)["id_number"], "the ID number is masked"
    assert "*" in model.index(1, 4).data()
    assert "4 rows: 0 ready to import" in dialog.summary.text()
    assert not dialog.import_all_button.isEnabled()
    assert not dialog.import_valid_button.isEnabled(), "no valid row to import"
    assert not dialog.progress.isVisible()


def test_a_fully_valid_file_imports_all(qtbot, services, adviser, tmp_path: Path, qtmodeltester):
    path = write_csv(tmp_path / "good.csv", [row(1), row(2)])
    dialog = dialog_for(qtbot, services, adviser)
    dialog.load(path)

    assert [dialog.model.index(r, 1).data() for r in range(2)] == ["OK", "OK"]
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Every row can be imported." in dialog.summary.text()
    assert dialog.import_all_button.isEnabled()
    assert not dialog.import_valid_button.isEnabled()
    qtmodeltester.check(dialog.model)

    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_all_button.click()
    assert imported.args[0].imported == 2
    assert dialog.result() == dialog.DialogCode.Accepted
    assert count(services, adviser) == 2


def test_import_valid_rows_only_asks_first(
    qtbot, services, adviser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = write_csv(tmp_path / "mixed.csv", [row(1), row(2, phone="abc"), row(3)])
    dialog = dialog_for(qtbot, services, adviser)
    dialog.load(path)
    assert not dialog.import_all_button.isEnabled()
    assert dialog.import_valid_button.isEnabled()

    questions: list[str] = []

    def answer(button):
        def ask(parent, title, text, *args, **kwargs):
            questions.append(text)
            return button

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.import_valid_button.click()
    assert count(services, adviser) == 0, "declined: nothing written"
    assert "Import the 2 valid rows and leave out the 1 rows" in questions[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dialog.import_valid_button.click()
    assert dialog.import_result is not None and dialog.import_result.imported == 2
    assert sorted(r.name for r in services.clients.client_page(adviser, ClientQuery())) == [
        "客户1",
        "客户3",
    ]


def test_only_rows_with_problems_can_be_shown(qtbot, services, adviser, tmp_path: Path):
    path = write_csv(tmp_path / "mixed.csv", [row(1), row(2, phone="abc"), row(3)])
    dialog = dialog_for(qtbot, services, adviser)
    dialog.load(path)
    assert dialog.proxy.rowCount() == 3
    dialog.problems_only.setChecked(True)
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 0).data() == "3"
    dialog.problems_only.setChecked(False)
    assert dialog.proxy.rowCount() == 3


def test_a_file_that_cannot_be_read_says_why(qtbot, services, adviser, tmp_path: Path):
    gbk = write_csv(tmp_path / "gbk.csv", [row(1, name="张三")], HEADER, encoding="gbk")
    dialog = dialog_for(qtbot, services, adviser)
    dialog.load(gbk)
    assert "looks like GBK" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_all_button.isEnabled()
    assert not dialog.import_valid_button.isEnabled()

    missing = write_csv(tmp_path / "short.csv", [row(1)], [c for c in HEADER if c != "phone"])
    dialog.load(missing)
    assert "Required columns are missing: phone" in dialog.summary.text()


def test_a_role_that_may_not_import_gets_a_message(qtbot, services, make_user, tmp_path: Path):
    compliance = make_user(Role.COMPLIANCE)
    dialog = dialog_for(qtbot, services, compliance)
    dialog.load(write_csv(tmp_path / "good.csv", [row(1)]))
    assert dialog.summary.text() == "Your role does not allow this action."
    assert not dialog.busy and dialog.choose_button.isEnabled()


def test_a_cancelled_import_writes_nothing(qtbot, services, adviser, tmp_path: Path):
    """Cancel pressed while the rows are saved (from the progress report)."""
    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 1101)])
    dialog = dialog_for(qtbot, services, adviser)
    dialog.load(path)
    assert dialog.import_all_button.isEnabled()
    seen: list[tuple[str, int, int]] = []

    def on_progress(phase: str, done: int, total: int) -> None:
        seen.append((phase, done, total))
        if phase == "writing":
            assert dialog.busy and dialog.cancel_button.isVisible()
            dialog.cancel_button.click()

    dialog._relay.progress.connect(on_progress)
    dialog.show()
    dialog.import_all_button.click()

    assert ("writing", 500, 1100) in seen
    assert dialog.summary.text() == "Cancelled; nothing was imported."
    assert count(services, adviser) == 0
    assert not dialog.busy and dialog.isVisible()


def test_the_window_stays_responsive_with_the_thread_pool(qtbot, services, adviser, tmp_path: Path):
    """With the real runner the work happens off the UI thread; the result arrives by signal."""
    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 1501)])
    runner = TaskRunner()
    dialog = dialog_for(qtbot, services, adviser, runner)
    dialog.show()
    dialog.load(path)
    assert dialog.busy and dialog.cancel_button.isVisible() and not dialog.choose_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.preview is not None and dialog.preview.fully_valid
    assert {r.status for r in dialog.preview.rows} == {RowStatus.OK}
    assert dialog.progress.maximum() in (0, 1500)

    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.import_all_button.click()
    runner.wait()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    assert count(services, adviser) == 1500


def test_closing_while_busy_cancels_first(qtbot, services, adviser, tmp_path: Path):
    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 2001)])
    runner = TaskRunner()
    dialog = dialog_for(qtbot, services, adviser, runner)
    dialog.show()
    dialog.load(path)
    dialog.reject()  # Escape
    assert dialog.isVisible(), "not closed while the file is being read"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.summary.text() == "Cancelled; nothing was imported."
    dialog.reject()
    assert not dialog.isVisible()
