"""Record an interview (面谈记录) with its follow-up actions, or a correction of one.

Keyboard: Tab walks the fields in reading order (Tab leaves the multi-line fields too), Enter never
saves (it adds the typed follow-up in the action field, a new line in the notes), Ctrl+Enter saves,
Escape cancels and asks first when something was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem, ValidationError
from crm_desk.domain.interviews import Channel, FollowUpInput, InterviewInput
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.interview_dto import InterviewDTO, OwnerChoice
from crm_desk.ui.errors import problem_text, show_error
from crm_desk.ui.formatting import role_label
from crm_desk.ui.table_model import Column, Index, RowsModel
from crm_desk.ui.widgets import CheckedForm, configure_table

T = TypeVar("T")
ROW_ERROR = QColor("#fde7e9")


def channel_label(channel: Channel) -> str:
    labels = {
        Channel.IN_BRANCH: QCoreApplication.translate("Interviews", "In branch"),
        Channel.PHONE: QCoreApplication.translate("Interviews", "Phone"),
        Channel.VIDEO: QCoreApplication.translate("Interviews", "Video call"),
        Channel.VISIT: QCoreApplication.translate("Interviews", "Visit (home or office)"),
    }
    return labels[channel]


def interview_problem_text(problem: Problem) -> str:
    """What is wrong with an interview or follow-up field, in the user's language."""
    p = problem.params
    texts: dict[str, Callable[[], str]] = {
        "occurred_at.future": lambda: QCoreApplication.translate(
            "Interviews", "Record an interview once it has taken place: the time is in the future."
        ),
        "channel.unknown": lambda: QCoreApplication.translate(
            "Interviews", "Choose how the interview was held."
        ),
        "purpose.required": lambda: QCoreApplication.translate(
            "Interviews", "Say what the interview was about, e.g. 'Annual review'."
        ),
        "action.required": lambda: QCoreApplication.translate(
            "Interviews", "Say what is to be done, e.g. 'Send the fund prospectus'."
        ),
        "due_date.required": lambda: QCoreApplication.translate(
            "Interviews", "Choose the date it is due."
        ),
        "due_date.before_interview": lambda: QCoreApplication.translate(
            "Interviews", "The due date cannot be before the interview ({day})."
        ).format(**p),
        "due_date.not_after_today": lambda: QCoreApplication.translate(
            "Interviews", "Choose a day after today ({day})."
        ).format(**p),
        "owner.invalid": lambda: QCoreApplication.translate(
            "Interviews", "Choose an active adviser or supervisor of the client's branch."
        ),
        "outcome.required": lambda: QCoreApplication.translate(
            "Interviews", "Say what was done and what came of it."
        ),
        "reason.required": lambda: QCoreApplication.translate(
            "Interviews", "Say why it waits, e.g. 'Client travelling until the 20th'."
        ),
    }
    text = texts.get(problem.code)
    return text() if text else problem_text(problem)  # the codes every form shares


def translated(problems: Mapping[str, Problem]) -> dict[str, Problem]:
    """The same problems with their messages in the user's language (CheckedForm shows the
    message of a code it does not know)."""
    return {
        name: Problem("interviews." + p.code, interview_problem_text(p), p.params)
        for name, p in problems.items()
    }


def attempt(form: CheckedForm, parent: QWidget, call: Callable[[], T]) -> T | None:
    """CheckedForm.attempt with this module's messages."""
    try:
        return call()
    except ValidationError as exc:
        if not form.show_problems(translated(exc.problems)):
            show_error(parent, exc)
    except KnownError as exc:
        show_error(parent, exc)
    return None


def no_default_buttons(dialog: QDialog) -> None:
    """Enter in a one-line field must not press Save: only Ctrl+Enter saves."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def is_ctrl_enter(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


def text_box(name: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 3 + 12)
    return box


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """A follow-up typed into the dialog, not yet saved."""

    action: str
    due_date: date
    owner_id: int
    owner_name: str


class FollowUpDraftModel(RowsModel[FollowUpDraft]):
    columns = (
        Column[FollowUpDraft](
            lambda: QCoreApplication.translate("InterviewDialog", "Action"),
            lambda d: d.action,
            lambda d: d.action,
            tooltip=lambda d: d.action,
        ),
        Column[FollowUpDraft](
            lambda: QCoreApplication.translate("InterviewDialog", "Due"),
            lambda d: d.due_date.isoformat(),
            lambda d: d.due_date,
        ),
        Column[FollowUpDraft](
            lambda: QCoreApplication.translate("InterviewDialog", "Owner"),
            lambda d: d.owner_name,
            lambda d: d.owner_name,
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: dict[int, str] = {}

    def set_problems(self, problems: dict[int, str]) -> None:
        """Mark rows the service refused (row -> message): tinted, the message as tooltip."""
        self._problems = dict(problems)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.set_problems({})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() in self._problems:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ROW_ERROR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._problems[index.row()]
        return super().data(index, role)


class FollowUpEditor(QWidget):
    """The follow-up list of the dialog: the rows so far and a line to add one."""

    def __init__(self, owners: list[OwnerChoice], actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FollowUpDraftModel(self)
        self.table = configure_table(QTableView(), "follow_ups_table")
        self.table.setModel(self.model)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        self.action = QLineEdit()
        self.action.setObjectName("follow_up_action")
        self.action.setPlaceholderText(self.tr("Action, e.g. Send the fund prospectus"))
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setObjectName("follow_up_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.owner = QComboBox()
        self.owner.setObjectName("follow_up_owner")
        for choice in owners:
            self.owner.addItem(f"{choice.name} ({role_label(choice.role)})", choice.id)
        if self.owner.findData(actor.user_id) < 0:
            self.owner.addItem(actor.display_name, actor.user_id)
        self.owner.setCurrentIndex(max(self.owner.findData(actor.user_id), 0))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("add_follow_up")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_follow_up")
        self.remove_button.clicked.connect(self.remove_selected)
        self.action.returnPressed.connect(self.add)
        self.action.textChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        entry = QHBoxLayout()
        entry.addWidget(self.action, 1)
        entry.addWidget(self.due)
        entry.addWidget(self.owner)
        entry.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addStretch()
        below.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.table)
        layout.addLayout(below)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.action.text().strip()))
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def add(self) -> None:
        """Add the typed action (Enter in the action field does the same)."""
        text = self.action.text().strip()
        if not text:
            return
        draft = FollowUpDraft(
            text,
            to_date(self.due.date()),
            int(self.owner.currentData()),
            self.owner.currentText(),
        )
        self.model.set_problems({})
        self.model.append_rows([draft])
        self.action.clear()
        self.action.setFocus()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())
        self._update_buttons()

    def inputs(self) -> list[FollowUpInput]:
        return [FollowUpInput(d.action, d.due_date, d.owner_id) for d in self.model.rows()]


class InterviewDialog(QDialog):
    """Record an interview of one client; with ``corrects`` a correction of that interview (the
    original stays on file). ``recorded`` carries the saved interview; the dialog then accepts."""

    recorded = Signal(object)  # InterviewDTO

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        parent: QWidget | None = None,
        *,
        client_name: str = "",
        corrects: InterviewDTO | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._client_id = client_id
        self._corrects = corrects
        self.saved: InterviewDTO | None = None
        self.setObjectName("interview_dialog")
        if corrects is not None:
            self.setWindowTitle(self.tr("Correct an interview"))
        else:
            self.setWindowTitle(self.tr("Record an interview"))
        self.setMinimumWidth(640)

        heading = QLabel()
        heading.setWordWrap(True)
        name = client_name or (corrects.client_name if corrects else "")
        if name:
            heading.setText(self.tr("Client: {name}").format(name=name))
        heading.setVisible(bool(name))
        note = QLabel(
            self.tr(
                "The original stays on file unchanged; this corrected record takes its place "
                "in the client's timeline."
            )
        )
        note.setWordWrap(True)
        note.setVisible(corrects is not None)

        self.form = CheckedForm()
        self.occurred_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.occurred_at.setObjectName("occurred_at")
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in Channel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.participants = QLineEdit()
        self.participants.setObjectName("participants")
        self.participants.setPlaceholderText(self.tr("Who took part besides you and the client"))
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. Annual review, product enquiry"))
        self.needs = text_box("needs", self.tr("What the client says they need"))
        self.concerns = text_box("concerns", self.tr("What worries the client"))
        self.products = QLineEdit()
        self.products.setObjectName("products_discussed")
        self.notes = text_box("notes")
        try:
            owners = services.interviews.follow_up_owners(actor, client_id)
        except KnownError as exc:
            show_error(self, exc)
            owners = []
        self.follow_ups = FollowUpEditor(owners, actor)

        self.form.add_field("occurred_at", self.tr("Date and time"), self.occurred_at)
        self.form.add_field("channel", self.tr("Channel"), self.channel)
        self.form.add_field("participants", self.tr("Participants"), self.participants)
        self.form.add_field("purpose", self.tr("Purpose"), self.purpose)
        self.form.add_field("needs", self.tr("Stated needs"), self.needs)
        self.form.add_field("concerns", self.tr("Concerns"), self.concerns)
        self.form.add_field("products_discussed", self.tr("Products discussed"), self.products)
        self.form.add_field("notes", self.tr("Notes"), self.notes)
        self.form.add_field("follow_ups", self.tr("Follow-up actions"), self.follow_ups)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save the interview (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        chain: list[QWidget] = [
            self.occurred_at,
            self.channel,
            self.participants,
            self.purpose,
            self.needs,
            self.concerns,
            self.products,
            self.notes,
            self.follow_ups.action,
            self.follow_ups.due,
            self.follow_ups.owner,
            self.follow_ups.add_button,
            self.follow_ups.table,
            self.follow_ups.remove_button,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        no_default_buttons(self)
        if corrects is not None:
            self._fill_from(corrects)
        self.purpose.setFocus()

    def _fill_from(self, old: InterviewDTO) -> None:
        self.occurred_at.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(old.occurred_at.timestamp())).toLocalTime()
        )
        self.channel.setCurrentIndex(max(self.channel.findData(old.channel.value), 0))
        self.participants.setText(old.participants)
        self.purpose.setText(old.purpose)
        self.needs.setPlainText(old.needs)
        self.concerns.setPlainText(old.concerns)
        self.products.setText(old.products_discussed)
        self.notes.setPlainText(old.notes)

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Multi-line fields keep a plain Enter (a new line) and pass Ctrl+Enter up to here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit()
            event.accept()  # a plain Enter never saves
            return
        super().keyPressEvent(event)

    # -- saving --------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        if self._corrects is not None:
            return True
        texts = (self.participants.text(), self.purpose.text(), self.products.text())
        boxes = (self.needs, self.concerns, self.notes)
        return (
            any(t.strip() for t in texts)
            or any(b.toPlainText().strip() for b in boxes)
            or self.follow_ups.model.rowCount() > 0
            or bool(self.follow_ups.action.text().strip())
        )

    def interview_input(self) -> InterviewInput:
        return InterviewInput(
            occurred_at=to_utc(self.occurred_at.dateTime()),
            channel=str(self.channel.currentData()),
            purpose=self.purpose.text(),
            participants=self.participants.text(),
            notes=self.notes.toPlainText(),
            needs=self.needs.toPlainText(),
            concerns=self.concerns.toPlainText(),
            products_discussed=self.products.text(),
        )

    def submit(self) -> None:
        # An action typed but not yet added is meant to be saved with the rest.
        self.follow_ups.add()
        self.follow_ups.model.set_problems({})
        saved = attempt(self.form, self, self._save)
        if saved is not None:
            self.saved = saved
            self.recorded.emit(saved)
            self.accept()

    def _save(self) -> InterviewDTO:
        try:
            return self._services.interviews.record_interview(
                self._actor,
                self._client_id,
                self.interview_input(),
                self.follow_ups.inputs(),
                corrects_id=self._corrects.id if self._corrects else None,
            )
        except ValidationError as exc:
            raise ValidationError(self._gather_row_problems(exc.problems)) from exc

    def _gather_row_problems(self, problems: Mapping[str, Problem]) -> dict[str, Problem]:
        """follow_ups[i].field problems: the rows tinted, one message under the list."""
        fields: dict[str, Problem] = {}
        rows: dict[int, list[str]] = {}
        for name, problem in problems.items():
            if name.startswith("follow_ups[") and "]." in name:
                row = int(name[len("follow_ups[") : name.index("]")])
                rows.setdefault(row, []).append(interview_problem_text(problem))
            else:
                fields[name] = problem
        if rows:
            self.follow_ups.model.set_problems({r: " ".join(m) for r, m in rows.items()})
            lines = [
                self.tr("Follow-up {number}: {message}").format(number=r + 1, message=" ".join(m))
                for r, m in sorted(rows.items())
            ]
            fields["follow_ups"] = Problem("interviews.follow_ups", "\n".join(lines))
        return fields

    def reject(self) -> None:
        if self.saved is None and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Discard this interview? Nothing has been saved."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
