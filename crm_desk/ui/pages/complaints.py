"""The complaints page (the list within the user's reach, and a Reports tab for supervisors and
compliance) and the Complaints tab of the client page. Overdue complaints are red, those due
soon amber, wherever they are listed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.complaints import DeadlineState
from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintRow, DeadlineCounts
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.complaint_charts import ComplaintReportsWidget
from crm_desk.ui.complaint_dialog import (
    ComplaintDialog,
    ComplaintsModel,
    RegisterComplaintDialog,
)
from crm_desk.ui.errors import show_error
from crm_desk.ui.table_model import ROW_ROLE, Index, SortProxy
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import configure_table


class ComplaintList(QWidget):
    """A list of complaints with Register and Open; the owner says which complaints."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int | None = None,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._client_id = client_id
        self._client_name = client_name
        self.dialog: ComplaintDialog | None = None
        self.register_dialog: RegisterComplaintDialog | None = None
        self.model = ComplaintsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "complaints")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setObjectName("complaints_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")
        self.summary = QLabel()
        self.summary.setObjectName("complaints_summary")
        self.register_button = QPushButton(self.tr("Register complaint…"))
        self.register_button.setObjectName("register_complaint")
        self.register_button.setVisible(allowed(actor.role, Permission.COMPLAINTS_HANDLE))
        self.register_button.clicked.connect(self.register)
        if allowed(actor.role, Permission.COMPLAINTS_HANDLE):
            new = QShortcut(QKeySequence.StandardKey.New, self, activated=self.register)
            new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.register_button.setToolTip(
                QKeySequence(QKeySequence.StandardKey.New).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setObjectName("open_complaint")
        self.open_button.clicked.connect(self.open_selected)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.summary, 1)
        self.bar.addWidget(self.register_button)
        self.bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_rows(self, rows: list[ComplaintRow], empty_text: str) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        self.empty.setText(empty_text)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        overdue = sum(1 for r in rows if r.deadline_state is DeadlineState.OVERDUE)
        soon = sum(1 for r in rows if r.deadline_state is DeadlineState.DUE_SOON)
        still_open = sum(1 for r in rows if r.is_open)
        self.summary.setText(
            self.tr("{overdue} overdue · {soon} due soon · {open} open").format(
                overdue=overdue, soon=soon, open=still_open
            )
        )
        if chosen is not None:
            self.select_complaint(chosen.id)
        self._update_buttons()

    def selected(self) -> ComplaintRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_complaint(self, complaint_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == complaint_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _activated(self, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_complaint(row.id)

    def open_selected(self) -> ComplaintDialog | None:
        chosen = self.selected()
        return self.open_complaint(chosen.id) if chosen is not None else None

    def open_complaint(self, complaint_id: int) -> ComplaintDialog | None:
        """Open the complaint (window-modal); returned for tests."""
        try:
            dialog = ComplaintDialog(self._services, self._actor, complaint_id, self)
        except KnownError as exc:
            show_error(self, exc)
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.changed.connect(lambda _detail: self.changed.emit())
        dialog.finished.connect(lambda _result: self.changed.emit())
        dialog.open()
        return dialog

    def register(self) -> RegisterComplaintDialog | None:
        try:
            dialog = RegisterComplaintDialog(
                self._services,
                self._actor,
                self._client_id,
                self,
                client_name=self._client_name,
            )
        except KnownError as exc:
            show_error(self, exc)
            return None
        if self.register_dialog is not None:
            self.register_dialog.deleteLater()
        self.register_dialog = dialog
        dialog.registered.connect(lambda detail: self._registered(detail.id))
        dialog.open()
        return dialog

    def _registered(self, complaint_id: int) -> None:
        self.changed.emit()
        self.select_complaint(complaint_id)


class ComplaintsPage(QWidget):
    """Complaints within the user's reach; supervisors and compliance also get the reports."""

    open_client = Signal(int)
    counts_changed = Signal(object)  # DeadlineCounts

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.counts: DeadlineCounts | None = None
        self.heading = QLabel(self.tr("<h3>Complaints</h3>"))
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setObjectName("open_only")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.mine = QCheckBox(self.tr("Only those I handle"))
        self.mine.setObjectName("mine_only")
        self.mine.setVisible(allowed(actor.role, Permission.COMPLAINTS_HANDLE))
        self.mine.toggled.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.list = ComplaintList(services, actor, parent=self)
        self.list.changed.connect(self.refresh)
        self.list.bar.insertWidget(1, self.open_only)
        self.list.bar.insertWidget(2, self.mine)
        self.list.bar.addWidget(self.refresh_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list, self.tr("Complaints"))
        self.reports: ComplaintReportsWidget | None = None
        if allowed(actor.role, Permission.COMPLAINTS_REPORT):
            self.reports = ComplaintReportsWidget(services, actor, runner)
            self.tabs.addTab(self.reports, self.tr("Reports"))
            self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        if self.reports is not None and self.tabs.widget(index) is self.reports:
            if self.reports.report is None:
                self.reports.refresh()

    def refresh(self) -> None:
        try:
            rows = self._services.complaints.complaints(
                self._actor, open_only=self.open_only.isChecked(), mine=self.mine.isChecked()
            )
            counts = self._services.complaints.deadline_counts(self._actor)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.list.set_rows(
            rows,
            self.tr("No open complaints.")
            if self.open_only.isChecked()
            else self.tr("No complaints on file."),
        )
        self.counts = counts
        self.counts_changed.emit(counts)


class ClientComplaintsTab(QWidget):
    """The client page's Complaints tab: every complaint of the client the user may see."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self.list = ComplaintList(services, actor, client_id, client_name, self)
        self.list.changed.connect(self.refresh)
        self.list.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self._services.complaints.complaints(self._actor, client_id=self.client_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.list.set_rows(rows, self.tr("No complaints from this client."))
