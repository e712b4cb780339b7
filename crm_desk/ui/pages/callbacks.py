"""Follow-up calls (回访): the branch's pool of calls — overdue (red), to call (amber), still in
cooling-off, and those closed lately — made by any adviser or supervisor of the branch except
the one who sold; and the cases a "no" opened, which a supervisor resolves with a note."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.aftercare import CHECKLIST, CallState, CallStatus, CaseReason, CaseStatus
from crm_desk.domain.errors import KnownError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.callback_dto import (
    CallbackBoard,
    CallbackCaseDTO,
    CallbackTaskDTO,
    CallRecorded,
)
from crm_desk.services.container import Services
from crm_desk.ui.assessment_wizard import ui_language
from crm_desk.ui.callback_dialog import (
    CallbackDialog,
    reasons_text,
    task_state_label,
    yes_no,
)
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import is_ctrl_enter, no_default_buttons, text_box
from crm_desk.ui.table_model import ROW_ROLE, Column, Index, RowsModel, SortProxy
from crm_desk.ui.widgets import (
    AMBER,
    OVERDUE,
    CheckedForm,
    configure_table,
    detail_label,
    stretch_column,
)

STATE_COLORS: dict[CallState, tuple[QColor, QColor]] = {
    CallState.OVERDUE: OVERDUE,
    CallState.DUE: AMBER,
}
MUTED = QColor("#6d6d6d")


def _task_key(t: CallbackTaskDTO) -> tuple[int, Any, int]:
    rank = t.state.rank if t.state is not None else 9
    return (rank, t.due_at if t.state is not None else -(t.closed_at or t.due_at).timestamp(), t.id)


class CallsModel(RowsModel[CallbackTaskDTO]):
    COL_PRODUCT = 3
    columns = (
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "State"),
            task_state_label,
            _task_key,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Due by"),
            lambda t: local_time(t.due_at),
            lambda t: (t.due_at, t.id),
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Client"),
            lambda t: t.client_name,
            lambda t: t.client_name,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Product"),
            lambda t: f"{t.product_code} {t.product_name.in_language(ui_language())}",
            lambda t: t.product_code,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Sold by (may not call)"),
            lambda t: t.seller_name,
            lambda t: t.seller_name,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Why"),
            lambda t: reasons_text(t.reasons),
            lambda t: t.reasons,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "May be called from"),
            lambda t: local_time(t.callable_from),
            lambda t: t.callable_from,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Attempts"),
            lambda t: str(t.attempts),
            lambda t: t.attempts,
            True,
        ),
        Column[CallbackTaskDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Next try / closed"),
            lambda t: local_time(t.next_try_at if t.is_open else t.closed_at),
            lambda t: (t.next_try_at if t.is_open else t.closed_at) or t.due_at,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not (0 <= index.row() < self.rowCount()):
                return None
            task = self.row_at(index.row())
            if task.state is None:
                return QBrush(MUTED) if role == Qt.ItemDataRole.ForegroundRole else None
            colors = STATE_COLORS.get(task.state)
            if colors is None:
                return None
            return QBrush(colors[0] if role == Qt.ItemDataRole.BackgroundRole else colors[1])
        return super().data(index, role)


def case_reason_text(case: CallbackCaseDTO) -> str:
    if case.reason is CaseReason.UNREACHABLE:
        return QCoreApplication.translate("CallbacksPage", "Client not reachable")
    language = ui_language()
    return QCoreApplication.translate("CallbacksPage", "Answered no: {questions}").format(
        questions=" / ".join(q.in_language(language) for q in case.failed_questions)
    )


class CasesModel(RowsModel[CallbackCaseDTO]):
    columns = (
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Status"),
            lambda c: (
                QCoreApplication.translate("CallbacksPage", "Open")
                if c.status is CaseStatus.OPEN
                else QCoreApplication.translate("CallbacksPage", "Resolved")
            ),
            lambda c: (c.status is not CaseStatus.OPEN, c.opened_at),
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Opened"),
            lambda c: local_time(c.opened_at),
            lambda c: c.opened_at,
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Client"),
            lambda c: c.client_name,
            lambda c: c.client_name,
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Product"),
            lambda c: c.product_code,
            lambda c: c.product_code,
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Sold by"),
            lambda c: c.seller_name,
            lambda c: c.seller_name,
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Called by"),
            lambda c: c.called_by or "",
            lambda c: c.called_by or "",
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "What happened"),
            case_reason_text,
            lambda c: c.reason.value,
            tooltip=case_reason_text,
        ),
        Column[CallbackCaseDTO](
            lambda: QCoreApplication.translate("CallbacksPage", "Resolved by"),
            lambda c: c.resolved_by or "",
            lambda c: c.resolved_by or "",
        ),
    )


class ResolveCaseDialog(QDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        case: CallbackCaseDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.case = case
        self.result_dto: CallbackCaseDTO | None = None
        self.setWindowTitle(self.tr("Resolve the case"))
        self.setMinimumWidth(520)
        summary = QLabel(
            self.tr("<b>{client}</b> · {product} · sold by {seller}<br>{what}<br>{notes}").format(
                client=escape(case.client_name),
                product=escape(case.product_code),
                seller=escape(case.seller_name),
                what=escape(case_reason_text(case)),
                notes=escape(case.notes),
            )
        )
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        self.form = CheckedForm()
        self.resolution = text_box(
            "resolution", self.tr("What was done: who spoke to the client, what was agreed")
        )
        self.form.add_field("resolution", self.tr("Resolution"), self.resolution)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Resolve"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        no_default_buttons(self)
        self.resolution.setFocus()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if is_ctrl_enter(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        saved = self.form.attempt(
            self,
            lambda: self._services.callbacks.resolve_case(
                self._actor, self.case.id, self.case.version, self.resolution.toPlainText()
            ),
        )
        if saved is not None:
            self.result_dto = saved
            self.accept()


class CallbacksPage(QWidget):
    """The "Follow-up calls" page. ``open_client`` asks the main window to show a client."""

    open_client = Signal(int)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.board: CallbackBoard | None = None
        self.dialog: QDialog | None = None  # the last one opened, kept until the next

        heading = QLabel(self.tr("<h3>Follow-up calls</h3>"))
        heading.setTextFormat(Qt.TextFormat.RichText)
        if actor.role is Role.COMPLIANCE:
            rule = self.tr("Every branch's follow-up calls and cases, to read.")
        else:
            rule = self.tr(
                "The branch's calls are shared: any adviser or supervisor of the branch makes a "
                "call, except the adviser who made the sale. During cooling-off the client may "
                "not be contacted; the call opens when it ends."
            )
        self.rule = QLabel(rule)
        self.rule.setObjectName("callbacks_rule")
        self.rule.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("callbacks_message")
        self.message.setWordWrap(True)
        self.message.hide()

        # -- calls
        self.summary = QLabel()
        self.summary.setObjectName("callbacks_summary")
        self.model = CallsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "callbacks")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.call_selected())
        stretch_column(self.table, CallsModel.COL_PRODUCT)
        self.detail = detail_label("callback_detail")
        self.call_button = QPushButton(self.tr("Make the call…"))
        self.call_button.setObjectName("call_button")
        self.call_button.setToolTip(self.tr("Open the checklist for the selected call (Enter)"))
        self.call_button.clicked.connect(self.call_selected)
        self.client_button = QPushButton(self.tr("Open client"))
        self.client_button.clicked.connect(self._open_selected_client)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.call_button)
        buttons.addWidget(self.client_button)
        buttons.addWidget(self.refresh_button)
        calls = QWidget()
        calls_layout = QVBoxLayout(calls)
        calls_layout.addLayout(buttons)
        calls_layout.addWidget(self.table, 3)
        calls_layout.addWidget(self.detail, 1)

        # -- cases
        self.cases_model = CasesModel(self)
        self.cases_proxy = SortProxy(self)
        self.cases_proxy.setSourceModel(self.cases_model)
        self.cases_table = configure_table(QTableView(), "callback_cases")
        self.cases_table.setModel(self.cases_proxy)
        self.cases_table.setSortingEnabled(True)
        self.cases_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.cases_table.activated.connect(lambda _index: self.resolve_selected())
        self.show_resolved = QCheckBox(self.tr("Show resolved cases"))
        self.show_resolved.setObjectName("show_resolved")
        self.show_resolved.toggled.connect(self.refresh_cases)
        self.cases_summary = QLabel()
        self.cases_summary.setObjectName("cases_summary")
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.setObjectName("resolve_button")
        self.resolve_button.setToolTip(
            self.tr("Supervisors of the branch resolve a case, never the one who sold")
        )
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.resolve_button.setVisible(actor.role is Role.SUPERVISOR)
        self.case_detail = QLabel()
        self.case_detail.setObjectName("case_detail")
        self.case_detail.setWordWrap(True)
        self.case_detail.setTextFormat(Qt.TextFormat.RichText)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(self.cases_summary, 1)
        case_buttons.addWidget(self.show_resolved)
        case_buttons.addWidget(self.resolve_button)
        cases = QWidget()
        cases_layout = QVBoxLayout(cases)
        cases_layout.addLayout(case_buttons)
        cases_layout.addWidget(self.cases_table, 3)
        cases_layout.addWidget(self.case_detail, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(calls, self.tr("Calls"))
        self.tabs.addTab(cases, self.tr("Cases"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.rule)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.cases_table.selectionModel().selectionChanged.connect(self._case_selected)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.board is not None:
            self.refresh()

    # -- calls ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.selected()
        try:
            board = self._services.callbacks.board(self._actor)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.board = board
        self.model.set_rows(board.all)
        self.summary.setText(
            self.tr("{overdue} overdue · {due} to call · {waiting} in cooling-off").format(
                overdue=len(board.overdue), due=len(board.due), waiting=len(board.waiting)
            )
        )
        if chosen is not None:
            self.select_task(chosen.id)
        self._selection_changed()
        self.refresh_cases()

    def selected(self) -> CallbackTaskDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_task(self, task_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == task_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        task = self.selected()
        self.call_button.setEnabled(
            task is not None and task.may_call and task.state is not CallState.WAITING
        )
        self.client_button.setEnabled(task is not None and task.client_visible)
        self.detail.setText(self._detail_text(task) if task is not None else "")

    def _detail_text(self, task: CallbackTaskDTO) -> str:
        lines = [
            self.tr("<b>{client}</b> · sold {sold} by {seller} · why a call: {why}").format(
                client=escape(task.client_name),
                sold=local_time(task.sold_at),
                seller=escape(task.seller_name),
                why=reasons_text(task.reasons),
            )
        ]
        if task.seller_id == self._actor.user_id and task.is_open:
            lines.append(self.tr("You made this sale: a colleague makes the call."))
        elif task.state is CallState.WAITING:
            lines.append(
                self.tr("Cooling-off until {until}: do not contact the client before.").format(
                    until=local_time(task.callable_from)
                )
            )
        if task.status is CallStatus.CANCELLED:
            lines.append(
                self.tr("Cancelled with the sale: {reason}").format(
                    reason=escape(task.cancel_reason or "")
                )
            )
        elif not task.is_open:
            lines.append(
                self.tr("{state} {when} by {who}").format(
                    state=task_state_label(task),
                    when=local_time(task.closed_at),
                    who=escape(task.closed_by or ""),
                )
            )
        if task.attempts and not task.is_open:
            try:
                detail = self._services.callbacks.task_detail(self._actor, task.id)
            except KnownError:
                detail = None
            if detail is not None:
                language = ui_language()
                for attempt in detail.attempts:
                    answers = "; ".join(
                        f"{escape(a.question.in_language(language))} {yes_no(a.answer)}"
                        for a in attempt.answers
                    )
                    if answers:
                        lines.append(answers)
                    if attempt.notes:
                        lines.append(escape(attempt.notes))
        if task.open_cases:
            lines.append(self.tr("An open case waits for the supervisor."))
        return "<br>".join(lines)

    def _open_selected_client(self) -> None:
        task = self.selected()
        if task is not None and task.client_visible:
            self.open_client.emit(task.client_id)

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._finished(dialog))
        dialog.open()

    def _finished(self, dialog: QDialog) -> None:
        result = getattr(dialog, "result_dto", None)
        if isinstance(result, CallRecorded):
            self._say_recorded(result)
        elif isinstance(result, CallbackCaseDTO):
            self._say(self.tr("The case is resolved."))
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _say_recorded(self, recorded: CallRecorded) -> None:
        task = recorded.task
        if recorded.case_id is not None and task.status is CallStatus.DONE:
            self._say(
                self.tr(
                    "Call with {client} recorded. The client answered no: a case was opened "
                    "for the branch supervisor."
                ).format(client=task.client_name)
            )
        elif recorded.case_id is not None:
            self._say(
                self.tr(
                    "{client} could not be reached after {n} attempts: a case was opened for "
                    "the branch supervisor."
                ).format(client=task.client_name, n=task.attempts)
            )
        elif task.is_open:
            self._say(
                self.tr("Not reached: try again at {when}.").format(
                    when=local_time(task.next_try_at)
                )
            )
        else:
            self._say(self.tr("Call with {client} recorded.").format(client=task.client_name))

    def call_selected(self) -> CallbackDialog | None:
        """Open the checklist (window-modal) for the selected call; returned for tests."""
        task = self.selected()
        if task is None or not task.may_call or task.state is CallState.WAITING:
            return None
        dialog = CallbackDialog(self._services, self._actor, task, self)
        self._open(dialog)
        return dialog

    # -- cases ----------------------------------------------------------------------------------
    def refresh_cases(self) -> None:
        status = None if self.show_resolved.isChecked() else CaseStatus.OPEN
        try:
            cases = self._services.callbacks.cases(self._actor, status=status)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.cases_model.set_rows(cases)
        open_count = sum(1 for c in cases if c.status is CaseStatus.OPEN)
        self.cases_summary.setText(self.tr("{n} open cases").format(n=open_count))
        self.tabs.setTabText(
            1, self.tr("Cases ({n})").format(n=open_count) if open_count else self.tr("Cases")
        )
        self._case_selected()

    def selected_case(self) -> CallbackCaseDTO | None:
        rows = self.cases_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _case_selected(self) -> None:
        case = self.selected_case()
        self.resolve_button.setEnabled(case is not None and case.may_resolve)
        if case is None:
            self.case_detail.clear()
            return
        lines = [escape(case_reason_text(case))]
        if case.notes:
            lines.append(self.tr("Caller's notes: {notes}").format(notes=escape(case.notes)))
        if case.status is CaseStatus.RESOLVED:
            lines.append(
                self.tr("Resolved {when} by {who}: {text}").format(
                    when=local_time(case.resolved_at),
                    who=escape(case.resolved_by or ""),
                    text=escape(case.resolution or ""),
                )
            )
        self.case_detail.setText("<br>".join(lines))

    def resolve_selected(self) -> ResolveCaseDialog | None:
        case = self.selected_case()
        if case is None or not case.may_resolve:
            return None
        dialog = ResolveCaseDialog(self._services, self._actor, case, self)
        self._open(dialog)
        return dialog


def callback_timeline_detail(detail: str) -> str:
    """A "callback" timeline entry's detail ("done:contract_read") in words."""
    status, _, failed = detail.partition(":")
    words = {
        CallStatus.OPEN.value: QCoreApplication.translate("CallbacksPage", "Call to make"),
        CallStatus.DONE.value: QCoreApplication.translate("CallbacksPage", "Call made"),
        CallStatus.UNREACHABLE.value: QCoreApplication.translate(
            "CallbacksPage", "Client not reachable"
        ),
        CallStatus.CANCELLED.value: QCoreApplication.translate(
            "CallbacksPage", "Cancelled with the sale"
        ),
    }.get(status, status)
    if failed:
        language = ui_language()
        questions = {item.id: item.question for item in CHECKLIST}
        answered_no = " / ".join(
            questions[i].in_language(language) if i in questions else i for i in failed.split(",")
        )
        words += " — " + QCoreApplication.translate(
            "CallbacksPage", "Answered no: {questions}"
        ).format(questions=answered_no)
    return words
