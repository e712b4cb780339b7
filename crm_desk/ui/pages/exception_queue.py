"""Suitability exceptions: the supervisors' queue (pending first, oldest deadline on top, overdue
in red, then the latest decided) and the advisers' own requests with their outcomes. Each opens
the one screen with the full verdict, the client's profile and the justification."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.domain.sales import ExceptionStatus
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import ExceptionRequestDTO
from crm_desk.ui.errors import error_text
from crm_desk.ui.exception_dialog import ExceptionDialog
from crm_desk.ui.pages.client_sales import RequestsModel
from crm_desk.ui.table_model import ROW_ROLE, SortProxy
from crm_desk.ui.widgets import configure_table, fit_column


class ExceptionQueue(QWidget):
    """``mine``: the actor's own requests (an adviser's queue) instead of those to decide."""

    open_client = Signal(int)
    changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, *, mine: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.mine = mine
        self.model = RequestsModel(parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(
            QTableView(), "my_exception_requests" if mine else "exception_queue"
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)  # the service's order: pending by deadline first
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch
        )
        for column in (RequestsModel.COL_PRODUCT, RequestsModel.COL_STATUS):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive
            )
        self.table.setColumnHidden(RequestsModel.COL_ADVISER, mine)  # always the reader
        self.table.doubleClicked.connect(lambda index: self.open_request(index))
        self.pending_only = QCheckBox(self.tr("Pending only"))
        self.pending_only.setObjectName("pending_only")
        self.pending_only.toggled.connect(lambda _on: self.refresh())
        self.open_button = QPushButton(self.tr("Open…") if mine else self.tr("Open to decide…"))
        self.open_button.setObjectName("open_exception")
        self.open_button.clicked.connect(lambda: self.open_request(self.table.currentIndex()))
        self.client_button = QPushButton(self.tr("Open the client"))
        self.client_button.clicked.connect(self._open_client)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("exception_summary")
        title = QLabel(
            self.tr("<b>My exception requests</b> and their outcomes")
            if mine
            else self.tr("<b>Suitability exceptions</b>: pending first, oldest deadline on top")
        )
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.pending_only)
        top.addWidget(self.refresh_button)
        top.addWidget(self.client_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.refresh()

    def refresh(self) -> None:
        try:
            if self.mine:
                rows = self._services.sales.my_requests(self._actor)
                if self.pending_only.isChecked():
                    rows = [r for r in rows if r.status is ExceptionStatus.PENDING]
            else:
                rows = self._services.sales.exception_queue(
                    self._actor, include_decided=not self.pending_only.isChecked()
                )
        except KnownError as exc:
            self.summary.setText(error_text(exc))
            return
        self.model.set_rows(rows)
        for column in (RequestsModel.COL_PRODUCT, RequestsModel.COL_STATUS):
            fit_column(self.table, column)
        pending = [r for r in rows if r.status is ExceptionStatus.PENDING]
        overdue = [r for r in pending if r.overdue]
        if not rows:
            self.summary.setText(self.tr("No exception requests."))
        else:
            self.summary.setText(
                self.tr("{pending} pending, {overdue} overdue; {decided} decided shown.").format(
                    pending=len(pending), overdue=len(overdue), decided=len(rows) - len(pending)
                )
            )
        self.open_button.setEnabled(bool(rows))
        self.client_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)

    def pending_count(self) -> int:
        return sum(1 for r in self.model.rows() if r.status is ExceptionStatus.PENDING)

    def current(self) -> ExceptionRequestDTO | None:
        index = self.table.currentIndex()
        request: ExceptionRequestDTO | None = index.data(ROW_ROLE) if index.isValid() else None
        return request

    def _open_client(self) -> None:
        request = self.current()
        if request is not None:
            self.open_client.emit(request.client_id)

    def open_request(self, index: QModelIndex) -> ExceptionDialog | None:
        request: ExceptionRequestDTO | None = index.data(ROW_ROLE) if index.isValid() else None
        if request is None:
            return None
        try:
            dialog = ExceptionDialog(self._services, self._actor, request.id, parent=self)
        except KnownError as exc:
            self.summary.setText(error_text(exc))
            self.refresh()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(lambda _d: (self.refresh(), self.changed.emit()))
        dialog.open()
        return dialog


class MyRequestsPage(ExceptionQueue):
    """An adviser's own exception requests, with the outcome of each."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, mine=True, parent=parent)
