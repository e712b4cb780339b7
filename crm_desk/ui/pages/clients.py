"""The Clients area: the searchable list in the first tab, each opened client in its own tab."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, NotFound
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientDetail, ClientQuery, ClientRow, ClientSearch
from crm_desk.services.client_export import ExportCancelled
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.client_form import ClientFormDialog
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.pages.client_list_model import (
    COL_ADVISER,
    COL_NAME,
    ClientListModel,
    ClientSource,
)
from crm_desk.ui.pages.client_page import ClientPage
from crm_desk.ui.table_model import ROW_ROLE
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import configure_table

SEARCH_DELAY_MS = 250


class _ProgressRelay(QObject):
    """Carries a worker thread's progress to the UI thread (a queued signal)."""

    progressed = Signal(int, int)


class ClientListPage(QWidget):
    open_client = Signal(int)
    new_client = Signal()
    import_requested = Signal()

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        clients = services.clients
        self.model = ClientListModel(
            ClientSource(
                search=lambda q, **kw: clients.search(actor, q, **kw),
                page=lambda q, **kw: clients.client_page(actor, q, **kw),
                anchors=lambda q: clients.anchors(actor, q),
            ),
            runner,
            parent=self,
        )
        self.model.failed.connect(self._failed)

        self.search = QLineEdit()
        self.search.setObjectName("client_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr(
                "Search: name or part of it, pinyin initials, ID number, mobile or its "
                "last 4 digits"
            )
        )
        self.search.textChanged.connect(self._typed)
        self.adviser = QComboBox()
        self.adviser.addItem(self.tr("All advisers"), None)
        if actor.role is not Role.ADVISER:
            try:
                for adviser_id, name in clients.advisers(actor):
                    self.adviser.addItem(name, adviser_id)
            except KnownError as exc:
                self._failed(exc)
        self.adviser.setVisible(actor.role is not Role.ADVISER)
        self.adviser.currentIndexChanged.connect(lambda _=0: self._search_now())
        self.level = QComboBox()
        self.level.setObjectName("risk_level_filter")
        self.level.addItem(self.tr("Any risk level"), None)
        for level in ("C1", "C2", "C3", "C4", "C5"):
            self.level.addItem(level, level)
        self.level.currentIndexChanged.connect(lambda _=0: self._search_now())
        self.assessment = QComboBox()
        self.assessment.setObjectName("assessment_filter")
        self.assessment.addItem(self.tr("Any assessment"), None)
        self.assessment.addItem(self.tr("Expires within 30 days"), "expiring")
        self.assessment.addItem(self.tr("Expired"), "expired")
        self.assessment.addItem(self.tr("Not assessed"), "none")
        self.assessment.currentIndexChanged.connect(lambda _=0: self._search_now())
        self.vulnerable = QCheckBox(self.tr("Needs extra care only"))
        self.vulnerable.toggled.connect(lambda _=False: self._search_now())
        self.count_label = QLabel()
        self.count_label.setObjectName("client_count")
        self.new_button = QPushButton(self.tr("New client…"))
        self.new_button.clicked.connect(self.new_client)
        self.new_button.setVisible(allowed(actor.role, Permission.CLIENTS_EDIT))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_requested)
        self.import_button.setVisible(allowed(actor.role, Permission.CLIENTS_IMPORT))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr(
                "Save the list as shown (search and filters) to an Excel workbook or a CSV file"
            )
        )
        self.export_button.clicked.connect(lambda: self.export())
        self.export_button.setVisible(allowed(actor.role, Permission.CLIENTS_EXPORT))

        self.table = configure_table(QTableView(), "client_list")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # no scan of 1M rows
        for column, width in enumerate((150, 170, 120, 100, 50, 110, 90, 90, 100, 50)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._activated)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self._open_current)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self._pending = 0

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.adviser)
        top.addWidget(self.level)
        top.addWidget(self.assessment)
        top.addWidget(self.vulnerable)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.table.setColumnHidden(COL_ADVISER, actor.role is Role.ADVISER)
        self._search_now()

    def current_query(self) -> ClientQuery:
        return replace(
            self.model.query,
            text=self.search.text().strip(),
            adviser_id=self.adviser.currentData(),
            vulnerable_only=self.vulnerable.isChecked(),
            risk_level=self.level.currentData(),
            assessment=self.assessment.currentData(),
        )

    def _typed(self) -> None:
        self._timer.start()  # wait for a pause in the typing

    def _search_now(self) -> None:
        """Count and read the first page off the UI thread, then show them; a newer search
        wins."""
        self._timer.stop()
        query = self.current_query()
        self._pending += 1
        ticket = self._pending

        def found(result: ClientSearch) -> None:
            if ticket != self._pending:
                return
            self.model.set_query(query, result)
            self.model.prepare_anchors()
            self._show_count()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self._failed(exc)
            else:
                raise exc

        clients, actor, limit = self._services.clients, self._actor, self.model.PAGE
        self._runner.run(lambda: clients.search(actor, query, limit=limit), found, failed)

    def refresh(self) -> None:
        self._search_now()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        query = self.model.query
        self.count_label.setText(self.tr("{n} clients").format(n=f"{count:,}"))
        searching = bool(
            query.text
            or query.vulnerable_only
            or query.adviser_id
            or query.risk_level
            or query.assessment
        )
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        if searching:
            self.empty.setText(
                self.tr(
                    "No client matches. Check the spelling, try fewer "
                    "characters, or search by ID number or mobile."
                )
            )
        else:
            self.empty.setText(
                self.tr("No clients yet. Create one with “New client…” or import a file.")
            )

    def _failed(self, exc: KnownError) -> None:
        self.count_label.setText(error_text(exc))

    def export(self, path: str | None = None, unmasked: bool | None = None) -> None:
        """The list as shown, off the UI thread, with a progress dialog that can cancel it."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the client list"),
                "clients.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)"),
            )
            if not path:
                return
        if unmasked is None:
            unmasked = False
            if allowed(self._actor.role, Permission.PERSONAL_DATA_REVEAL):
                answer = QMessageBox.question(
                    self,
                    self.tr("Export the client list"),
                    self.tr(
                        "Write full identity numbers, mobiles, e-mails and addresses? Choose No "
                        "for masked values. A full export is recorded in the audit trail."
                    ),
                    QMessageBox.StandardButton.Yes
                    | QMessageBox.StandardButton.No
                    | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Cancel:
                    return
                unmasked = answer == QMessageBox.StandardButton.Yes
        from crm_desk.ui.client_import_dialog import export_titles
        from crm_desk.ui.labels import label

        query, actor, full = self.model.query, self._actor, unmasked
        progress = QProgressDialog(
            self.tr("Exporting…"), self.tr("Cancel"), 0, max(self.model.rowCount(), 1), self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        relay = _ProgressRelay(self)
        relay.progressed.connect(lambda done, total: progress.setValue(min(done, total)))
        stop = {"asked": False}
        progress.canceled.connect(lambda: stop.update(asked=True))
        titles = export_titles()
        exporter = self._services.client_export

        def work() -> object:
            return exporter.export_clients(
                actor,
                query,
                Path(path),
                unmasked=full,
                titles=titles,
                value_label=label,
                on_progress=relay.progressed.emit,
                cancelled=lambda: stop["asked"],
            )

        def done(result: Any) -> None:
            progress.reset()
            self.count_label.setText(
                self.tr("{n} clients written to {path}").format(
                    n=f"{result.rows:,}", path=result.path
                )
            )

        def failed(exc: BaseException) -> None:
            progress.reset()
            if isinstance(exc, ExportCancelled):
                self.count_label.setText(self.tr("Export cancelled; no file was written."))
            elif isinstance(exc, KnownError):
                show_error(self, exc)
            else:
                raise exc

        self._runner.run(work, done, failed)

    def _activated(self, index: QModelIndex) -> None:
        row: ClientRow | None = index.data(ROW_ROLE)
        if row is not None:
            self.open_client.emit(row.id)

    def _open_current(self) -> None:
        self._activated(self.table.currentIndex())


class ClientsArea(QWidget):
    """Tabs: the list, then one tab per opened client (Ctrl+W closes the current one)."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.list_page = ClientListPage(services, actor, runner)
        self.list_page.open_client.connect(self.open_client)
        self.list_page.new_client.connect(self.create_client)
        self.list_page.import_requested.connect(self.import_clients)
        self.tabs.addTab(self.list_page, self.tr("Client list"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        QShortcut(
            QKeySequence("Ctrl+W"), self, activated=lambda: self.close_tab(self.tabs.currentIndex())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def client_pages(self) -> list[ClientPage]:
        return [
            w
            for i in range(1, self.tabs.count())
            if isinstance(w := self.tabs.widget(i), ClientPage)
        ]

    def open_client(self, client_id: int) -> ClientPage | None:
        for page in self.client_pages():
            if page.client_id == client_id:
                self.tabs.setCurrentWidget(page)
                return page
        try:
            page = ClientPage(self._services, self._actor, client_id, self._runner)
        except NotFound as exc:
            show_error(self, exc)
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        page.changed.connect(self._client_changed)
        page.open_client.connect(self.open_client)
        index = self.tabs.addTab(page, page.title())
        self.tabs.setCurrentIndex(index)
        return page

    def close_tab(self, index: int) -> None:
        if index > 0:
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def _client_changed(self, detail: ClientDetail) -> None:
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, ClientPage) and widget.client_id == detail.id:
                self.tabs.setTabText(i, widget.title())
        self.list_page.refresh()

    def create_client(self) -> ClientFormDialog:
        dialog = ClientFormDialog(self._services, self._actor, parent=self)
        dialog.saved.connect(lambda detail: (self.list_page.refresh(), self.open_client(detail.id)))
        dialog.open_client.connect(self.open_client)
        dialog.open()
        return dialog

    def import_clients(self) -> None:
        from crm_desk.ui.client_import_dialog import ClientImportDialog

        dialog = ClientImportDialog(self._services, self._actor, self._runner, parent=self)
        dialog.finished.connect(lambda _=0: self.list_page.refresh())
        dialog.open()
