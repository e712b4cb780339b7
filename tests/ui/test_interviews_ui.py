"""Recording an interview and working through "My follow-ups", as an adviser would."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from crm_desk.domain.interviews import Channel, FollowUpInput
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.interview_dialog import InterviewDialog
from crm_desk.ui.pages.follow_ups import (
    CompleteFollowUpDialog,
    FollowUpsPage,
    SnoozeFollowUpDialog,
)
from crm_desk.ui.table_model import ROW_ROLE
from tests.conftest import FakeClock, MakeUser
from tests.unit.test_interviews_service import interview, new_client

CTRL = Qt.KeyboardModifier.ControlModifier
RED = "#fde7e9"
AMBER = "#fff4ce"


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, username="li.adviser")


@pytest.fixture
def client_id(services: Services, adviser: Actor) -> int:
    return new_client(services, adviser)


def moment(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def open_dialog(qtbot: Any, services: Services, actor: Actor, client_id: int) -> InterviewDialog:
    dialog = InterviewDialog(services, actor, client_id, client_name="张伟")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The services run on the tests' clock, not the machine's: the interview was an hour ago.
    dialog.occurred_at.setDateTime(moment(datetime(2026, 11, 27, 8, 0, tzinfo=UTC)))
    return dialog


def test_record_an_interview_through_the_dialog(
    qtbot: Any, qtmodeltester: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    dialog = open_dialog(qtbot, services, adviser, client_id)
    assert dialog.windowTitle() == "Record an interview"
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.PHONE.value))
    dialog.participants.setText("张伟、王芳（配偶）")  # QTest types ASCII only
    qtbot.keyClicks(dialog.purpose, "Annual review")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)  # Enter in a line does not save
    assert dialog.isVisible() and dialog.saved is None
    qtbot.keyClicks(dialog.needs, "Steady income")
    qtbot.keyClicks(dialog.concerns, "Needs cash in 2027")
    qtbot.keyClicks(dialog.products, "Bond fund A")
    qtbot.keyClicks(dialog.notes, "Client prefers low risk.")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # a new line, not a save
    qtbot.keyClicks(dialog.notes, "Will bring statements.")
    assert dialog.isVisible() and dialog.saved is None

    editor = dialog.follow_ups
    qtbot.keyClicks(editor.action, "Send the prospectus")
    editor.due.setDate(QDate(2026, 12, 1))
    qtbot.keyClick(editor.action, Qt.Key.Key_Return)  # Enter in the action field adds it
    qtbot.keyClicks(editor.action, "Call about the statements")  # typed, never added by hand
    assert editor.model.rowCount() == 1 and editor.action.text() == "Call about the statements"
    qtmodeltester.check(editor.model)

    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted

    recorded = saved.args[0]
    assert (recorded.channel, recorded.purpose) == (Channel.PHONE, "Annual review")
    assert recorded.participants == "张伟、王芳（配偶）"
    assert recorded.notes == "Client prefers low risk.\nWill bring statements."
    assert recorded.occurred_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    assert [(f.action, f.due_date, f.owner_id) for f in recorded.follow_ups] == [
        ("Send the prospectus", date(2026, 12, 1), adviser.user_id),
        ("Call about the statements", date(2026, 12, 1), adviser.user_id),
    ]
    assert [i.id for i in services.interviews.interviews(adviser, client_id)] == [recorded.id]


def test_a_validation_error_shows_at_the_field_and_nothing_is_saved(
    qtbot: Any, services: Services, adviser: Actor, make_user: MakeUser, client_id: int
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    dialog = open_dialog(qtbot, services, adviser, client_id)
    editor = dialog.follow_ups
    owners = [editor.owner.itemData(i) for i in range(editor.owner.count())]
    assert sorted(owners) == sorted([adviser.user_id, supervisor.user_id])
    assert editor.owner.currentData() == adviser.user_id  # the actor by default
    qtbot.keyClicks(editor.action, "Call back")
    editor.due.setDate(QDate(2026, 11, 20))  # before the interview
    editor.owner.setCurrentIndex(editor.owner.findData(supervisor.user_id))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return, CTRL)  # the purpose is still empty

    assert dialog.isVisible() and dialog.saved is None
    assert dialog.form.error_text("purpose") == (
        "Say what the interview was about, e.g. 'Annual review'."
    )
    assert dialog.findChild(QLabel, "error_purpose").isVisible()
    assert dialog.form.error_text("follow_ups") == (
        "Follow-up 1: The due date cannot be before the interview (2026-11-27)."
    )
    row = editor.model.index(0, 0)
    assert editor.model.data(row, Qt.ItemDataRole.BackgroundRole).color().name() == RED
    assert "cannot be before" in editor.model.data(row, Qt.ItemDataRole.ToolTipRole)
    assert services.interviews.interviews(adviser, client_id) == []

    qtbot.keyClicks(dialog.purpose, "Product enquiry")
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 0
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.purpose == "Product enquiry"


def test_escape_asks_before_throwing_typed_words_away(
    qtbot: Any, services: Services, adviser: Actor, client_id: int, monkeypatch: Any
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog(qtbot, services, adviser, client_id)
    qtbot.keyClicks(dialog.purpose, "Half typed")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert asked == ["Discard this interview? Nothing has been saved."] * 2

    empty = open_dialog(qtbot, services, adviser, client_id)
    qtbot.keyClick(empty.purpose, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not empty.isVisible() and len(asked) == 2


def test_a_correction_starts_from_the_original(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    original = services.interviews.record_interview(
        adviser, client_id, interview(purpose="Anual review")
    )
    dialog = InterviewDialog(services, adviser, client_id, corrects=original)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Correct an interview"
    assert dialog.purpose.text() == "Anual review"
    assert dialog.notes.toPlainText() == original.notes
    dialog.purpose.setText("Annual review")
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.corrects_id == original.id


# -- My follow-ups ----------------------------------------------------------------------------
def board(services: Services, adviser: Actor, client_id: int) -> list[int]:
    recorded = services.interviews.record_interview(
        adviser,
        client_id,
        interview(occurred_at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC)),
        [
            FollowUpInput("Upcoming call", date(2026, 12, 5)),
            FollowUpInput("Overdue prospectus", date(2026, 11, 25)),
            FollowUpInput("Today's statements", date(2026, 11, 27)),
        ],
    )
    return [f.id for f in recorded.follow_ups]


def actions_shown(page: FollowUpsPage) -> list[str]:
    return [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]


def test_overdue_is_red_and_due_today_amber(
    qtbot: Any, qtmodeltester: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    board(services, adviser, client_id)
    page = FollowUpsPage(services, adviser)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)

    assert actions_shown(page) == ["Overdue prospectus", "Today's statements", "Upcoming call"]
    states = [page.proxy.index(r, 0).data() for r in range(3)]
    assert states == ["Overdue", "Due today", "Upcoming"]
    background = Qt.ItemDataRole.BackgroundRole
    foreground = Qt.ItemDataRole.ForegroundRole
    assert page.proxy.index(0, 3).data(background).color().name() == RED
    assert page.proxy.index(0, 1).data(foreground).color().name() == "#8c1d18"
    assert page.proxy.index(1, 3).data(background).color().name() == AMBER
    assert page.proxy.index(2, 3).data(background) is None
    assert page.summary.text() == "1 overdue · 1 due today · 1 upcoming"
    assert not page.branch_toggle.isVisibleTo(page)  # advisers see only their own
    assert page.empty.isHidden()

    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # any column sorts
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert actions_shown(page)[0] == "Upcoming call"


def test_complete_a_follow_up_from_my_follow_ups(
    qtbot: Any, services: Services, admin: Actor, adviser: Actor, client_id: int
) -> None:
    upcoming, overdue, today = board(services, adviser, client_id)
    page = FollowUpsPage(services, adviser)
    qtbot.addWidget(page)
    page.show()
    assert not page.done_button.isEnabled()  # nothing selected yet
    assert page.select_follow_up(overdue)
    assert page.done_button.isEnabled()

    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CompleteFollowUpDialog) and dialog.isVisible()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return, CTRL)  # no outcome yet
    assert dialog.isVisible()
    assert dialog.form.error_text("outcome") == "Say what was done and what came of it."

    qtbot.keyClicks(dialog.outcome, "Sent by e-mail; client will call back.")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return, CTRL)

    assert not dialog.isVisible() and dialog.saved is not None
    assert actions_shown(page) == ["Today's statements", "Upcoming call"]
    assert page.summary.text() == "0 overdue · 1 due today · 1 upcoming"
    last = services.audit.list_events(admin, limit=1)[0]
    assert (last.action, last.entity_id, last.actor_id) == (
        "follow_up.done",
        str(overdue),
        adviser.user_id,
    )
    assert last.changes["outcome"] == [None, "Sent by e-mail; client will call back."]


def test_snooze_explains_a_change_made_meanwhile(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    make_user: MakeUser,
    client_id: int,
    monkeypatch: Any,
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    _, overdue, _ = board(services, adviser, client_id)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    page = FollowUpsPage(services, adviser)
    qtbot.addWidget(page)
    page.select_follow_up(overdue)
    dialog = page.snooze_selected()
    assert isinstance(dialog, SnoozeFollowUpDialog)
    assert dialog.new_due.minimumDate() == QDate(2026, 11, 28)

    dialog.submit()  # no reason given
    assert dialog.form.error_text("reason").startswith("Say why it waits")
    assert dialog.isVisible()

    # Meanwhile the supervisor moves it.
    services.interviews.snooze_follow_up(supervisor, overdue, 1, date(2026, 12, 1), "On leave")
    qtbot.keyClicks(dialog.reason, "Client abroad")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert not dialog.isVisible() and dialog.stale and dialog.saved is None
    assert len(warnings) == 1 and warnings[0].startswith(supervisor.full_name + " changed this")
    shown = {page.model.row_at(r).id: page.model.row_at(r) for r in range(page.model.rowCount())}
    assert shown[overdue].due_date == date(2026, 12, 1)  # the list shows the current state
    assert shown[overdue].version == 2


def test_an_empty_board_says_so(qtbot: Any, services: Services, adviser: Actor) -> None:
    page = FollowUpsPage(services, adviser)
    qtbot.addWidget(page)
    assert page.table.isHidden() and not page.empty.isHidden()
    assert page.empty.text().startswith("Nothing is due.")
    assert page.summary.text() == "0 overdue · 0 due today · 0 upcoming"
    assert page.complete_selected() is None and page.snooze_selected() is None


def test_supervisors_switch_to_the_branch_and_open_a_client(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    make_user: MakeUser,
    client_id: int,
    clock: FakeClock,
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    board(services, adviser, client_id)
    page = FollowUpsPage(services, supervisor)
    qtbot.addWidget(page)
    page.show()
    assert page.branch_toggle.isVisible()
    assert not page.empty.isHidden() and "My follow-ups" in page.heading.text()

    page.branch_toggle.setChecked(True)
    assert "Open follow-ups of the branch" in page.heading.text()
    assert len(actions_shown(page)) == 3
    assert {page.model.row_at(r).owner_name for r in range(3)} == {adviser.full_name}
    page.table.selectRow(0)
    assert page.done_button.isEnabled()  # a supervisor of the branch may close it

    page.table.setFocus()
    with qtbot.waitSignal(page.open_client) as opened:
        qtbot.keyClick(page.table.viewport(), Qt.Key.Key_Return)
    assert opened.args == [client_id]

    clock.advance(days=10)  # everything is overdue now
    page.refresh()
    assert page.summary.text() == "3 overdue · 0 due today · 0 upcoming"
    assert page.selected() is not None  # the selection survives a refresh
    assert page.proxy.index(0, 0).data(ROW_ROLE).due_state.value == "overdue"


def test_tab_walks_the_fields_in_reading_order(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    dialog = open_dialog(qtbot, services, adviser, client_id)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.occurred_at.setFocus()
    visited: list[str] = []
    for _ in range(24):  # the date edits take Tab through their own sections first
        widget = QApplication.focusWidget()
        if not visited or visited[-1] != widget.objectName():
            visited.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert visited[:11] == [
        "occurred_at",
        "channel",
        "participants",
        "purpose",
        "needs",  # Tab leaves a multi-line field instead of typing a tab
        "concerns",
        "products_discussed",
        "notes",
        "follow_up_action",
        "follow_up_due",
        "follow_up_owner",
    ]
    assert dialog.needs.toPlainText() == ""
