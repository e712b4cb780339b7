"""My follow-ups: overdue (red), due today (amber) and upcoming, in one list sorted by state and
due date; done with an outcome, snoozed with a new date and a reason. Supervisors can switch to
every open follow-up of their branch."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem
from crm_desk.domain.interviews import DueState
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.interview_dto import FollowUpBoard, FollowUpDTO
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import (
    no_default_buttons,
    text_box,
    to_date,
    translated,
)
from crm_desk.ui.record_dialog import RecordDialog
from crm_desk.ui.table_model import ROW_ROLE, Column, Index, RowsModel, SortProxy
from crm_desk.ui.widgets import AMBER, OVERDUE, configure_table

STATE_COLORS: dict[DueState, tuple[QColor, QColor]] = {
    DueState.OVERDUE: OVERDUE,
    DueState.DUE_TODAY: AMBER,
}


def state_label(state: DueState | None) -> str:
    labels = {
        DueState.OVERDUE: QCoreApplication.translate("FollowUpsPage", "Overdue"),
        DueState.DUE_TODAY: QCoreApplication.translate("FollowUpsPage", "Due today"),
        DueState.UPCOMING: QCoreApplication.translate("FollowUpsPage", "Upcoming"),
    }
    return (
        labels[state] if state is not None else QCoreApplication.translate("FollowUpsPage", "Done")
    )


def _state_key(f: FollowUpDTO) -> tuple[int, date, int]:
    return (f.due_state.rank if f.due_state is not None else 9, f.due_date, f.id)


class FollowUpsModel(RowsModel[FollowUpDTO]):
    columns = (
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "State"),
            lambda f: state_label(f.due_state),
            _state_key,
        ),
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "Due"),
            lambda f: f.due_date.isoformat(),
            lambda f: (f.due_date, f.id),
        ),
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "Client"),
            lambda f: f.client_name,
            lambda f: f.client_name,
        ),
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "Action"),
            lambda f: f.action,
            lambda f: f.action,
            tooltip=lambda f: f.action,
        ),
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "Owner"),
            lambda f: f.owner_name,
            lambda f: f.owner_name,
        ),
        Column[FollowUpDTO](
            lambda: QCoreApplication.translate("FollowUpsPage", "Set on"),
            lambda f: local_time(f.created_at),
            lambda f: f.created_at,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not (0 <= index.row() < self.rowCount()):
                return None
            state = self.row_at(index.row()).due_state
            colors = STATE_COLORS.get(state) if state is not None else None
            if colors is None:
                return None
            return QBrush(colors[0] if role == Qt.ItemDataRole.BackgroundRole else colors[1])
        return super().data(index, role)


class _FollowUpDialog(RecordDialog[FollowUpDTO]):
    """What the done and snooze dialogs share: the follow-up shown, Ctrl+Enter saves, a stale
    version explained."""

    def __init__(
        self, services: Services, actor: Actor, follow_up: FollowUpDTO, parent: QWidget | None
    ) -> None:
        summary = QCoreApplication.translate(
            "FollowUpsPage", "<b>{action}</b><br>{client} · due {due} · {owner}"
        ).format(
            action=escape(follow_up.action),
            client=escape(follow_up.client_name),
            due=follow_up.due_date.isoformat(),
            owner=escape(follow_up.owner_name),
        )
        super().__init__(summary, parent, min_width=460)
        self._services = services
        self._actor = actor
        self.follow_up = follow_up

    def _problems(self, problems: dict[str, Problem]) -> dict[str, Problem]:
        return translated(problems)

    def _changed_meanwhile(self, who: str, when: str) -> str:
        return QCoreApplication.translate(
            "FollowUpsPage",
            "{who} changed this follow-up at {when} while you had it open. Nothing was "
            "saved; the list now shows the current state. Check it and try again.",
        ).format(who=who, when=when)


class CompleteFollowUpDialog(_FollowUpDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        follow_up: FollowUpDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, follow_up, parent)
        self.setWindowTitle(self.tr("Follow-up done"))
        self.outcome = text_box("outcome", self.tr("What was done and what came of it"))
        self.form.add_field("outcome", self.tr("Outcome"), self.outcome)
        self.ok_button.setText(self.tr("Mark as done"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        no_default_buttons(self)
        self.outcome.setFocus()

    def _call(self) -> FollowUpDTO:
        return self._services.interviews.complete_follow_up(
            self._actor, self.follow_up.id, self.follow_up.version, self.outcome.toPlainText()
        )


class SnoozeFollowUpDialog(_FollowUpDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        follow_up: FollowUpDTO,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, follow_up, parent)
        self.setWindowTitle(self.tr("Snooze follow-up"))
        self.new_due = QDateEdit(QDate(max(today, follow_up.due_date) + timedelta(days=7)))
        self.new_due.setObjectName("new_due_date")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("yyyy-MM-dd")
        self.new_due.setMinimumDate(QDate(today + timedelta(days=1)))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. Client travelling until the 20th"))
        self.form.add_field("new_due_date", self.tr("New due date"), self.new_due)
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Snooze"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        no_default_buttons(self)
        self.reason.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Two one-line fields: Enter saves here, as in any small dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def _call(self) -> FollowUpDTO:
        return self._services.interviews.snooze_follow_up(
            self._actor,
            self.follow_up.id,
            self.follow_up.version,
            to_date(self.new_due.date()),
            self.reason.text(),
        )


class FollowUpsPage(QWidget):
    """The "My follow-ups" page. ``open_client`` asks the main window to show a client."""

    open_client = Signal(int)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.board: FollowUpBoard | None = None
        self.dialog: _FollowUpDialog | None = None  # the last one opened, kept until the next
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.branch_toggle = QCheckBox(self.tr("Show every open follow-up of the branch"))
        self.branch_toggle.setObjectName("branch_toggle")
        self.branch_toggle.setVisible(actor.role is Role.SUPERVISOR)
        self.branch_toggle.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("follow_ups_summary")

        self.model = FollowUpsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "follow_ups")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setObjectName("follow_ups_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")

        self.done_button = QPushButton(self.tr("Done…"))
        self.done_button.setObjectName("done_button")
        self.done_button.setToolTip(
            self.tr("Mark the selected follow-up as done, with the outcome")
        )
        self.done_button.clicked.connect(self.complete_selected)
        self.snooze_button = QPushButton(self.tr("Snooze…"))
        self.snooze_button.setObjectName("snooze_button")
        self.snooze_button.setToolTip(self.tr("Move the selected follow-up to a later day"))
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.branch_toggle)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    @property
    def branch_view(self) -> bool:
        return self._actor.role is Role.SUPERVISOR and self.branch_toggle.isChecked()

    def refresh(self) -> None:
        selected = self.selected()
        try:
            board = self._services.interviews.my_follow_ups(self._actor, branch=self.branch_view)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.board = board
        self.model.set_rows(board.all)
        if board.branch:
            self.heading.setText(self.tr("<h3>Open follow-ups of the branch</h3>"))
            self.empty.setText(self.tr("The branch has no open follow-ups."))
        else:
            self.heading.setText(self.tr("<h3>My follow-ups</h3>"))
            self.empty.setText(
                self.tr(
                    "Nothing is due. Follow-up actions you are given in interviews appear here."
                )
            )
        self.summary.setText(
            self.tr("{overdue} overdue · {today} due today · {upcoming} upcoming").format(
                overdue=len(board.overdue),
                today=len(board.due_today),
                upcoming=len(board.upcoming),
            )
        )
        self.table.setVisible(not board.is_empty)
        self.empty.setVisible(board.is_empty)
        if selected is not None:
            self.select_follow_up(selected.id)
        self._update_buttons()

    def selected(self) -> FollowUpDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_follow_up(self, follow_up_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == follow_up_id:
                self.table.selectRow(row)
                return True
        return False

    def may_change(self, follow_up: FollowUpDTO) -> bool:
        return follow_up.owner_id == self._actor.user_id or self._actor.role is Role.SUPERVISOR

    def _update_buttons(self) -> None:
        chosen = self.selected()
        allowed = chosen is not None and self.may_change(chosen)
        self.done_button.setEnabled(allowed)
        self.snooze_button.setEnabled(allowed)

    def _activated(self, index: Index) -> None:
        follow_up = index.data(ROW_ROLE)
        if follow_up is not None:
            self.open_client.emit(follow_up.client_id)

    def _open(self, dialog: _FollowUpDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._finished(dialog))
        dialog.open()

    def _finished(self, dialog: _FollowUpDialog) -> None:
        self.refresh()
        if dialog.saved is None and not dialog.stale:
            self.select_follow_up(dialog.follow_up.id)

    def complete_selected(self) -> CompleteFollowUpDialog | None:
        """Open the done dialog (window-modal) for the selected follow-up; returned for tests."""
        chosen = self.selected()
        if chosen is None or not self.may_change(chosen):
            return None
        dialog = CompleteFollowUpDialog(self._services, self._actor, chosen, self)
        self._open(dialog)
        return dialog

    def snooze_selected(self) -> SnoozeFollowUpDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may_change(chosen):
            return None
        if self.board is None:
            return None
        dialog = SnoozeFollowUpDialog(self._services, self._actor, chosen, self.board.today, self)
        self._open(dialog)
        return dialog
