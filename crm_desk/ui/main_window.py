"""The main window: navigation for the areas the user's role may use, a lockable work area."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from crm_desk import __version__
from crm_desk.domain.errors import AccountDisabled, AccountLocked, KnownError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.change_password import ChangePasswordDialog
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.formatting import role_label
from crm_desk.ui.i18n import LANGUAGES, chosen_language
from crm_desk.ui.idle_lock import LockScreen
from crm_desk.ui.pages.approvals import ApprovalsPage
from crm_desk.ui.pages.audit import AuditPage
from crm_desk.ui.pages.callbacks import CallbacksPage
from crm_desk.ui.pages.clients import ClientsArea
from crm_desk.ui.pages.complaints import ComplaintsPage
from crm_desk.ui.pages.documents import DocumentsPage
from crm_desk.ui.pages.exception_queue import MyRequestsPage
from crm_desk.ui.pages.follow_ups import FollowUpsPage
from crm_desk.ui.pages.home import HomePage
from crm_desk.ui.pages.products import ProductsPage
from crm_desk.ui.pages.reviews import ReviewsPage
from crm_desk.ui.pages.users import UsersPage
from crm_desk.ui.tasks import TaskRunner

GEOMETRY_KEY = "ui/main_window_geometry"


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_chosen = Signal(str)
    locked = Signal()
    unlocked = Signal()
    closed_by_user = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        database: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self._runner = runner
        self._hidden_while_locked: list[QWidget] = []
        self._closing_for_sign_out = False
        self.setWindowTitle(self.tr("CRM Desk"))
        self.setObjectName("main_window")

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        # Wide enough for "Complaints (12 overdue)" and "My exception requests" in English;
        # never a scroll bar under the navigation (a longer label elides).
        self.nav.setFixedWidth(220)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: palette(base); font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 9px 12px; }"
        )
        self.pages = QStackedWidget()
        self.page_names: list[str] = []
        self._add_pages()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.work_area = work

        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._try_unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out_requested)
        self.screens = QStackedWidget()
        self.screens.addWidget(work)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)

        self._build_menus()
        self._build_status_bar(database)
        geometry = QSettings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    # -- structure ---------------------------------------------------------------------------
    def _add_pages(self) -> None:
        a, s = self.actor, self.services
        pages: list[tuple[str, str, QWidget]] = [("home", self.tr("Home"), HomePage(s, a))]
        self.clients_area: ClientsArea | None = None
        if allowed(a.role, Permission.CLIENTS_VIEW):
            self.clients_area = ClientsArea(s, a, self._runner)
            pages.append(("clients", self.tr("Clients"), self.clients_area))
        if allowed(a.role, Permission.INTERVIEWS_RECORD):
            follow_ups = FollowUpsPage(s, a)
            follow_ups.open_client.connect(self.open_client)
            pages.append(("follow_ups", self.tr("My follow-ups"), follow_ups))
        if allowed(a.role, Permission.CALLBACKS_VIEW):
            callbacks = CallbacksPage(s, a)
            callbacks.open_client.connect(self.open_client)
            pages.append(("callbacks", self.tr("Follow-up calls"), callbacks))
        if allowed(a.role, Permission.REVIEWS_VIEW):
            reviews = ReviewsPage(s, a)
            reviews.open_client.connect(self.open_client)
            pages.append(("reviews", self.tr("Suitability reviews"), reviews))
        if allowed(a.role, Permission.SALES_RECORD):
            my_requests = MyRequestsPage(s, a)
            my_requests.open_client.connect(self.open_client)
            pages.append(("my_requests", self.tr("My exception requests"), my_requests))
        # Supervisors decide; compliance reads the same queues.
        if allowed(a.role, Permission.PROFESSIONAL_DECIDE) or a.role is Role.COMPLIANCE:
            approvals = ApprovalsPage(s, a)
            approvals.open_client.connect(self.open_client)
            pages.append(("approvals", self.tr("Approvals"), approvals))
        self.complaints_page: ComplaintsPage | None = None
        if allowed(a.role, Permission.COMPLAINTS_VIEW):
            self.complaints_page = ComplaintsPage(s, a, self._runner)
            self.complaints_page.counts_changed.connect(lambda _c: self._complaint_counts())
            pages.append(("complaints", self.tr("Complaints"), self.complaints_page))
        self.products_page: ProductsPage | None = None
        if allowed(a.role, Permission.PRODUCTS_VIEW):
            self.products_page = ProductsPage(s, a, self._runner)
            pages.append(("products", self.tr("Products"), self.products_page))
        if allowed(a.role, Permission.DOCUMENTS_VIEW):
            pages.append(("documents", self.tr("Documents"), DocumentsPage(s, a, self._runner)))
        if allowed(a.role, Permission.USERS_VIEW):
            pages.append(("users", self.tr("Users and branches"), UsersPage(s, a)))
        if allowed(a.role, Permission.AUDIT_VIEW):
            pages.append(
                (
                    "audit",
                    self.tr("Audit trail"),
                    AuditPage(
                        lambda before, limit: s.audit.list_events(
                            a, before_seq=before, limit=limit
                        ),
                        lambda: s.audit.verify(a),
                        self._runner,
                    ),
                )
            )
        for number, (name, label, page) in enumerate(pages, start=1):
            item = QListWidgetItem(label)
            item.setToolTip(self.tr("Ctrl+{n}").format(n=number))
            self.nav.addItem(item)
            self.pages.addWidget(page)
            self.page_names.append(name)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
            self.addAction(action)
        self._complaint_counts()

    def _complaint_counts(self) -> None:
        """The navigation shows how many complaints are overdue or due soon."""
        page = self.complaints_page
        if page is None or page.counts is None or "complaints" not in self.page_names:
            return
        item = self.nav.item(self.page_names.index("complaints"))
        counts = page.counts
        text = self.tr("Complaints")
        if counts.overdue:
            text = self.tr("Complaints ({n} overdue)").format(n=counts.overdue)
        elif counts.due_soon:
            text = self.tr("Complaints ({n} due soon)").format(n=counts.due_soon)
        item.setText(text)

    def open_client(self, client_id: int) -> None:
        if self.clients_area is not None:
            self.show_page("clients")
            self.clients_area.open_client(client_id)

    def page(self, name: str) -> QWidget:
        return self.pages.widget(self.page_names.index(name))

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.page_names.index(name))

    def _build_menus(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        self.change_password_action = account.addAction(self.tr("Change password…"))
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = account.addAction(self.tr("Lock now"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = account.addAction(self.tr("Sign out"))
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        if allowed(self.actor.role, Permission.KEY_EXPORT):
            self.export_key_action = account.addAction(self.tr("Export the data key…"))
            self.export_key_action.triggered.connect(self.export_key)
        account.addSeparator()
        quit_action = account.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        settings = self.menuBar().addMenu(self.tr("&Settings"))
        language = settings.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        current = chosen_language()
        labels = {"system": self.tr("Follow the system"), "zh_CN": "中文（简体）", "en": "English"}
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", *LANGUAGES):
            action = language.addAction(labels[code])
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("About CRM Desk"))
        about.triggered.connect(self._about)

    def _build_status_bar(self, database: str) -> None:
        a = self.actor
        self.status_user = QLabel(self.tr("User: {0}").format(f"{a.display_name} ({a.username})"))
        self.status_role = QLabel(self.tr("Role: {0}").format(role_label(a.role)))
        self.status_branch = QLabel(self.tr("Branch: {0}").format(a.branch_name))
        self.status_database = QLabel(self.tr("Database: {0}").format(database))
        self.status_database.setToolTip(database)
        bar = self.statusBar()
        bar.setStyleSheet(
            "QStatusBar::item { border: none; } QStatusBar QLabel { padding: 0 10px; }"
        )
        for label in (self.status_user, self.status_role, self.status_branch):
            bar.addWidget(label)
        bar.addPermanentWidget(self.status_database)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CRM Desk"),
            self.tr(
                "<h3>CRM Desk {version}</h3><p>Clients, suitability and disclosures for bank and "
                "brokerage branches.</p>"
            ).format(version=__version__),
        )

    # -- account -------------------------------------------------------------------------------
    def change_password(self) -> None:
        dialog = ChangePasswordDialog(
            self.services.auth,
            self.actor,
            self.services.policy.security.min_password_length,
            forced=False,
            parent=self,
        )
        dialog.changed.connect(self._password_changed)
        dialog.open()

    def _password_changed(self, actor: Actor) -> None:
        self.actor = actor
        self.statusBar().showMessage(self.tr("Your password was changed."), 5000)

    def export_key(self) -> None:
        """For safekeeping, and for the other workstations of a shared database."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the data key"),
            "crm-desk-data.key",
            self.tr("CRM Desk key (*.key)"),
        )
        if not path:
            return
        try:
            written = self.services.keys.export_key(self.actor, Path(path))
        except KnownError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Export the data key"),
            self.tr(
                "The data key was written to {path}.\n\nWhoever holds this file can read the "
                "clients' personal data in any copy of the database: keep it offline, in a safe "
                "place. Import it on each workstation that shares this database."
            ).format(path=written),
        )

    # -- idle lock -----------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.is_locked:
            return
        # Dialogs left open are hidden too (and shown again on unlock), with their contents.
        self._hidden_while_locked = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for widget in self._hidden_while_locked:
            widget.hide()
        self.menuBar().setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare(self.actor.display_name)
        self.locked.emit()
        try:
            self.services.auth.record_idle_lock(self.actor)
        except KnownError:
            pass  # the lock itself must never fail because the database is unavailable

    def _try_unlock(self, password: str) -> None:
        try:
            self.actor = self.services.auth.unlock_session(self.actor, password)
        except (AccountLocked, AccountDisabled) as exc:
            QMessageBox.warning(self, self.tr("CRM Desk"), error_text(exc))
            self.sign_out_requested.emit()
            return
        except KnownError as exc:
            self.lock_screen.say(error_text(exc))
            return
        self.screens.setCurrentWidget(self.work_area)
        self.menuBar().setEnabled(True)
        for widget in self._hidden_while_locked:
            widget.show()
        self._hidden_while_locked = []
        self.unlocked.emit()

    # -- closing -------------------------------------------------------------------------------
    def close_for_sign_out(self) -> None:
        self._closing_for_sign_out = True
        for widget in self._hidden_while_locked:
            widget.close()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
        if not self._closing_for_sign_out:
            self.closed_by_user.emit()
