"""The follow-up call (回访) dialog: the sale in one glance, the client's number on request
(audited), the scripted checklist read out question by question with a yes or no for each, the
caller's notes — or, when nobody answered, when to try again. Also the labels of the call's
states and reasons, shared with the calls page."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.aftercare import (
    CHECKLIST,
    CallInput,
    CallOutcome,
    CallReason,
    CallState,
    CallStatus,
)
from crm_desk.domain.errors import ConcurrentEdit, KnownError, ValidationError
from crm_desk.services.actor import Actor
from crm_desk.services.callback_dto import CallbackTaskDTO, CallRecorded
from crm_desk.services.container import Services
from crm_desk.ui.assessment_wizard import ui_language
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import is_ctrl_enter, no_default_buttons, text_box
from crm_desk.ui.widgets import CheckedForm

BANNER_STYLE = (
    "QLabel { background: #fff4ce; color: #6b4e00; border: 1px solid #e8d48b; "
    "border-radius: 4px; padding: 6px; }"
)


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def reason_label(reason: CallReason) -> str:
    labels = {
        CallReason.COOLING_OFF: QCoreApplication.translate("Callbacks", "cooling-off"),
        CallReason.EXCEPTION: QCoreApplication.translate("Callbacks", "exception sale"),
        CallReason.ELDERLY: QCoreApplication.translate("Callbacks", "elderly client"),
    }
    return labels[reason]


def reasons_text(reasons: tuple[CallReason, ...]) -> str:
    return QCoreApplication.translate("Callbacks", ", ").join(reason_label(r) for r in reasons)


def task_state_label(task: CallbackTaskDTO) -> str:
    if task.state is not None:
        states = {
            CallState.OVERDUE: QCoreApplication.translate("Callbacks", "Overdue"),
            CallState.DUE: QCoreApplication.translate("Callbacks", "To call"),
            CallState.WAITING: QCoreApplication.translate("Callbacks", "Cooling-off"),
        }
        return states[task.state]
    statuses = {
        CallStatus.DONE: QCoreApplication.translate("Callbacks", "Done"),
        CallStatus.UNREACHABLE: QCoreApplication.translate("Callbacks", "Not reachable"),
        CallStatus.CANCELLED: QCoreApplication.translate("Callbacks", "Cancelled"),
        CallStatus.OPEN: QCoreApplication.translate("Callbacks", "Open"),
    }
    return statuses[task.status]


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Callbacks", "Yes")
        if value
        else QCoreApplication.translate("Callbacks", "No")
    )


class CallbackDialog(QDialog):
    """Window-modal; ``result_dto`` holds what was saved, ``stale`` says the list is behind."""

    recorded = Signal(object)  # CallRecorded

    def __init__(
        self,
        services: Services,
        actor: Actor,
        task: CallbackTaskDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.task = task
        self.result_dto: CallRecorded | None = None
        self.stale = False
        language = ui_language()
        self.setWindowTitle(self.tr("Follow-up call"))
        self.setMinimumWidth(620)

        summary = QLabel(
            self.tr(
                "<b>{client}</b> · {code} {product}<br>Sold {sold} by {seller} · {amount}<br>"
                "Why a call: {reasons} · may be called from {start} · due by {due}"
            ).format(
                client=escape(task.client_name),
                code=escape(task.product_code),
                product=escape(task.product_name.in_language(language)),
                sold=local_time(task.sold_at),
                seller=escape(task.seller_name),
                amount=money(task.amount, task.currency),
                reasons=reasons_text(task.reasons),
                start=local_time(task.callable_from),
                due=local_time(task.due_at),
            )
        )
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        summary.setObjectName("call_summary")

        self.banner = QLabel()
        self.banner.setObjectName("call_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        self.phone = QLabel(self.tr("Mobile: ****{last4}").format(last4=task.phone_last4))
        self.phone.setObjectName("phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_phone = QPushButton(self.tr("Show the number"))
        self.show_phone.setObjectName("show_phone")
        self.show_phone.setToolTip(self.tr("Shows the full number; each time is recorded"))
        self.show_phone.clicked.connect(self.reveal_phone)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone)
        phone_row.addWidget(self.show_phone)
        phone_row.addStretch(1)

        self.history = QLabel()
        self.history.setObjectName("call_history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.hide()

        self.form = CheckedForm()
        self.reached = QRadioButton(self.tr("Client reached"))
        self.reached.setObjectName("outcome_reached")
        self.not_reached = QRadioButton(self.tr("Not reached"))
        self.not_reached.setObjectName("outcome_not_reached")
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.reached)
        self.outcome_group.addButton(self.not_reached)
        outcome_box = QWidget()
        outcome_row = QHBoxLayout(outcome_box)
        outcome_row.setContentsMargins(0, 0, 0, 0)
        outcome_row.addWidget(self.reached)
        outcome_row.addWidget(self.not_reached)
        outcome_row.addStretch(1)
        self.form.add_field("outcome", self.tr("Call"), outcome_box)

        self.checklist = QGroupBox(self.tr("Checklist — read each question to the client"))
        self.checklist.setObjectName("checklist")
        self.checklist_form = CheckedForm()
        self.checklist.setLayout(self.checklist_form)
        self.answers: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for number, item in enumerate(CHECKLIST, start=1):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            question = QLabel(item.question.in_language(language))
            question.setWordWrap(True)
            question.setObjectName(f"question_{item.id}")
            yes = QRadioButton(self.tr("Yes"))
            yes.setObjectName(f"yes_{item.id}")
            no = QRadioButton(self.tr("No"))
            no.setObjectName(f"no_{item.id}")
            group = QButtonGroup(box)
            group.addButton(yes)
            group.addButton(no)
            buttons = QHBoxLayout()
            buttons.addWidget(yes)
            buttons.addWidget(no)
            buttons.addStretch(1)
            column.addWidget(question)
            column.addLayout(buttons)
            self.checklist_form.add_field(f"answer.{item.id}", f"{number}.", box)
            self.answers[item.id] = (yes, no)

        self.notes = text_box(
            "notes", self.tr("What the client said; required for every question answered no")
        )
        self.next_try = QDateTimeEdit()
        self.next_try.setObjectName("next_try_at")
        self.next_try.setCalendarPopup(True)
        self.next_try.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(10, 0))
        self.next_try.setDateTime(tomorrow)
        self.after_form = CheckedForm()
        self.after_form.add_field("notes", self.tr("Notes"), self.notes)
        self.after_form.add_field("next_try_at", self.tr("Try again at"), self.next_try)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Record the call"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.banner)
        layout.addLayout(phone_row)
        layout.addWidget(self.history)
        layout.addLayout(self.form)
        layout.addWidget(self.checklist)
        layout.addLayout(self.after_form)
        layout.addWidget(self.buttons)
        self.reached.toggled.connect(self._outcome_changed)
        self.not_reached.toggled.connect(self._outcome_changed)
        self._outcome_changed()
        self._explain_refusal()
        self._load_history()
        no_default_buttons(self)
        self.reached.setFocus()

    # -- state ----------------------------------------------------------------------------------
    def _explain_refusal(self) -> None:
        """Say up front why the call cannot be recorded (the service refuses it all the same)."""
        task = self.task
        text = ""
        if task.status is not CallStatus.OPEN:
            text = self.tr("This call is closed: {state}.").format(state=task_state_label(task))
        elif task.seller_id == self._actor.user_id:
            text = self.tr(
                "You made this sale: a colleague of the branch makes its follow-up call."
            )
        elif not task.may_call:
            text = self.tr("Only an adviser or supervisor of the client's branch makes the call.")
        elif task.state is CallState.WAITING:
            text = self.tr(
                "Cooling-off until {until}: the client may not be contacted before then."
            ).format(until=local_time(task.callable_from))
        if text:
            self.banner.setText(text)
            self.banner.show()
            for widget in (self.save_button, self.show_phone, self.reached, self.not_reached):
                widget.setEnabled(False)
            self.checklist.setEnabled(False)

    def _load_history(self) -> None:
        if not self.task.attempts:
            return
        try:
            detail = self._services.callbacks.task_detail(self._actor, self.task.id)
        except KnownError:
            return
        lines = [
            self.tr("Attempt {n}, {when}, {who}: {outcome}").format(
                n=a.attempt_no,
                when=local_time(a.called_at),
                who=escape(a.called_by),
                outcome=self.tr("reached")
                if a.outcome is CallOutcome.REACHED
                else self.tr("not reached"),
            )
            + (f" — {escape(a.notes)}" if a.notes else "")
            for a in detail.attempts
        ]
        self.history.setText("<br>".join(lines))
        self.history.show()

    def _outcome_changed(self) -> None:
        reached = self.reached.isChecked()
        self.checklist.setEnabled(reached and self.save_button.isEnabled())
        self.next_try.setEnabled(self.not_reached.isChecked())

    # -- actions --------------------------------------------------------------------------------
    def reveal_phone(self) -> None:
        try:
            number = self._services.callbacks.reveal_phone(self._actor, self.task.id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.phone.setText(self.tr("Mobile: {number}").format(number=number))
        self.show_phone.setEnabled(False)

    def set_answer(self, item: str, answer: bool) -> None:
        yes, no = self.answers[item]
        (yes if answer else no).setChecked(True)

    def call_input(self) -> CallInput:
        outcome = (
            CallOutcome.REACHED.value
            if self.reached.isChecked()
            else CallOutcome.NOT_REACHED.value
            if self.not_reached.isChecked()
            else ""
        )
        answers: dict[str, bool | None] = {}
        for item, (yes, no) in self.answers.items():
            answers[item] = True if yes.isChecked() else False if no.isChecked() else None
        next_try = (
            datetime.fromtimestamp(self.next_try.dateTime().toSecsSinceEpoch(), UTC)
            if self.not_reached.isChecked()
            else None
        )
        return CallInput(outcome, answers, self.notes.toPlainText(), next_try)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if is_ctrl_enter(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            saved = self._services.callbacks.record_call(
                self._actor, self.task.id, self.task.version, self.call_input()
            )
        except ValidationError as exc:
            shown = [
                form.show_problems({k: v for k, v in exc.problems.items() if k in names})
                for form, names in (
                    (self.form, {"outcome"}),
                    (self.checklist_form, {f"answer.{i.id}" for i in CHECKLIST}),
                    (self.after_form, {"notes", "next_try_at"}),
                )
            ]
            known = {"outcome", "notes", "next_try_at"} | {f"answer.{i.id}" for i in CHECKLIST}
            if not all(shown) or set(exc.problems) - known:
                show_error(self, exc)
            return
        except ConcurrentEdit as exc:
            self.stale = True
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr(
                    "{who} recorded this call while you had it open. Nothing was saved; the "
                    "list now shows the current state."
                ).format(who=exc.params["who"]),
            )
            self.reject()
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.result_dto = saved
        self.recorded.emit(saved)
        self.accept()
