"""A supervisor's queue of decisions waiting on them: suitability exceptions (decided on their own
screen, see ui/exception_dialog.py) and professional-investor applications (decided on the
client's page). Compliance reads both."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ProfessionalApplicationDTO
from crm_desk.services.container import Services
from crm_desk.ui.errors import error_text
from crm_desk.ui.formatting import local_time
from crm_desk.ui.pages.exception_queue import ExceptionQueue
from crm_desk.ui.table_model import ROW_ROLE, Column, RowsModel, SortProxy
from crm_desk.ui.widgets import configure_table

App = ProfessionalApplicationDTO


def _meets(app: App) -> str:
    if app.meets_thresholds:
        return QCoreApplication.translate("Approvals", "meets the thresholds")
    return QCoreApplication.translate("Approvals", "below the thresholds")


class ApplicationsModel(RowsModel[App]):
    columns = (
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Received"),
            lambda a: local_time(a.requested_at),
            lambda a: a.requested_at,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Client"),
            lambda a: a.client_name,
            lambda a: a.client_name,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Requested by"),
            lambda a: a.requested_by,
            lambda a: a.requested_by,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Financial assets"),
            lambda a: f"¥{a.financial_assets:,.0f}",
            lambda a: a.financial_assets,
            align_right=True,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Average income"),
            lambda a: f"¥{a.average_income:,.0f}",
            lambda a: a.average_income,
            align_right=True,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Years investing"),
            lambda a: str(a.experience_years),
            lambda a: a.experience_years,
            align_right=True,
        ),
        Column[App](
            lambda: QCoreApplication.translate("Approvals", "Policy check"),
            _meets,
            lambda a: a.meets_thresholds,
        ),
    )


class ApprovalsPage(QWidget):
    open_client = Signal(int)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.model = ApplicationsModel(self)
        proxy = SortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "professional_applications")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open)
        self.open_button = QPushButton(self.tr("Open the client to decide"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel()
        self.message.setStyleSheet("color: palette(mid);")
        title = QLabel(self.tr("<b>Professional investor applications</b> waiting for a decision"))
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        applications = QWidget()
        layout = QVBoxLayout(applications)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.exceptions = ExceptionQueue(services, actor)
        self.exceptions.open_client.connect(self.open_client)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.exceptions, self.tr("Suitability exceptions"))
        self.tabs.addTab(applications, self.tr("Professional investor applications"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(self._services.clients.pending_applications(self._actor))
        except KnownError as exc:
            self.message.setText(error_text(exc))
            return
        empty = self.model.rowCount() == 0
        self.message.setText(self.tr("Nothing is waiting for you.") if empty else "")
        self.open_button.setEnabled(not empty)

    def _open(self, index: QModelIndex) -> None:
        app: App | None = index.data(ROW_ROLE) if index.isValid() else None
        if app is not None:
            self.open_client.emit(app.client_id)
