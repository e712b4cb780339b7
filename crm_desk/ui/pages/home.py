"""The first page everyone sees: who is signed in, where, and what they did recently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import role_label
from crm_desk.ui.pages import audit_columns as col
from crm_desk.ui.table_model import RowsModel, SortProxy
from crm_desk.ui.widgets import configure_table


class MyActivityModel(RowsModel[AuditEventDTO]):
    columns = (col.TIME, col.ACTION, col.ENTITY, col.CHANGES)


class HomePage(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.greeting = QLabel()
        self.greeting.setTextFormat(Qt.TextFormat.RichText)
        self.greeting.setWordWrap(True)
        self.complaints = QLabel()  # overdue and due-soon complaints within reach
        self.complaints.setObjectName("home_complaints")
        self.complaints.setTextFormat(Qt.TextFormat.RichText)
        self.complaints.hide()
        heading = QLabel(self.tr("<b>Your recent activity</b>"))
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.model = MyActivityModel(self)
        proxy = SortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "my_activity")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.empty = QLabel(self.tr("Nothing recorded yet."))
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.complaints)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.refresh()

    def refresh(self) -> None:
        a = self._actor
        self.greeting.setText(
            self.tr("<h2>Welcome, {name}</h2><p>{role} · {branch}</p>").format(
                name=a.display_name, role=role_label(a.role), branch=a.branch_name
            )
        )
        self._show_complaints()
        try:
            self.model.set_rows(self._services.audit.my_activity(a, limit=100))
        except KnownError as exc:
            show_error(self, exc)
        self.empty.setVisible(self.model.rowCount() == 0)

    def _show_complaints(self) -> None:
        if not allowed(self._actor.role, Permission.COMPLAINTS_VIEW):
            return
        try:
            counts = self._services.complaints.deadline_counts(self._actor)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.complaints.setVisible(bool(counts.overdue or counts.due_soon))
        self.complaints.setText(
            self.tr(
                "<p style='color:#8c1d18'><b>Complaints: {overdue} overdue, {soon} due within "
                "{days} days</b> — see the Complaints page.</p>"
            ).format(
                overdue=counts.overdue,
                soon=counts.due_soon,
                days=self._services.policy.complaints.due_soon_days,
            )
        )
