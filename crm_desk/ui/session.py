"""The signed-in life of the app: first run or sign-in, forced password change, the main window,
the idle lock and signing out — driven by signals, so no nested event loops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.change_password import ChangePasswordDialog
from crm_desk.ui.first_run import FirstRunDialog
from crm_desk.ui.i18n import SETTING_KEY, install_language
from crm_desk.ui.idle_lock import IdleMonitor
from crm_desk.ui.login import LoginDialog
from crm_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crm_desk.ui.main_window import MainWindow


class DeskSession(QObject):
    main_window_shown = Signal(object)  # MainWindow
    finished = Signal()

    def __init__(
        self,
        services: Services,
        database: str,
        runner: TaskRunner | None = None,
        idle_msecs: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.database = database
        self.runner = runner or TaskRunner()
        minutes = services.policy.security.idle_lock_minutes
        self.idle = IdleMonitor(idle_msecs if idle_msecs is not None else minutes * 60_000, self)
        self.idle.idle.connect(self._on_idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self._signing_out = False

    # -- entry points --------------------------------------------------------------------------
    def start(self) -> QDialog:
        """Show the first-run dialog on an empty database, the sign-in dialog otherwise."""
        dialog: QDialog
        if self.services.auth.needs_first_run():
            first = FirstRunDialog(
                self.services.auth, self.services.policy.security.min_password_length
            )
            first.signed_in.connect(self._signed_in)
            dialog = first
        else:
            login = LoginDialog(self.services.auth, self.database, self.services.keys)
            login.signed_in.connect(self._signed_in)
            dialog = login
        dialog.rejected.connect(self._dialog_cancelled)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_as(self, actor: Actor) -> None:
        """Skip the sign-in dialog (the demo signs in through the service itself)."""
        self._signed_in(actor)

    # -- flow ----------------------------------------------------------------------------------
    def _dialog_cancelled(self) -> None:
        if self.window is None:
            self.finished.emit()

    def _signed_in(self, actor: Actor) -> None:
        self.dialog = None
        if actor.must_change_password:
            change = ChangePasswordDialog(
                self.services.auth,
                actor,
                self.services.policy.security.min_password_length,
                forced=True,
            )
            change.changed.connect(self._open_main)
            change.rejected.connect(lambda: self._back_to_sign_in(actor))
            self.dialog = change
            change.show()
            return
        self._open_main(actor)

    def _open_main(self, actor: Actor) -> None:
        # Imported once signed in: its pages are the bulk of the UI code, and the sign-in window
        # should not wait for them.
        from crm_desk.ui.main_window import MainWindow

        self.dialog = None
        window = MainWindow(self.services, actor, self.database, self.runner)
        window.sign_out_requested.connect(self.sign_out)
        window.language_chosen.connect(self.change_language)
        window.locked.connect(self.idle.pause)
        window.unlocked.connect(self.idle.start)
        window.closed_by_user.connect(self._window_closed)
        self.window = window
        window.show()
        self.idle.start()
        self.main_window_shown.emit(window)
        QTimer.singleShot(0, window.raise_)

    def _window_closed(self) -> None:
        """Quitting from the window signs the user out and ends the session."""
        window, self.window = self.window, None
        self.idle.pause()
        if window is not None:
            try:
                self.services.auth.sign_out(window.actor)
            except KnownError:
                pass
        self.finished.emit()

    def _on_idle(self) -> None:
        if self.window is not None and not self.window.is_locked:
            self.window.lock()

    def sign_out(self) -> None:
        window = self.window
        if window is None:
            return
        self._back_to_sign_in(window.actor)

    def _back_to_sign_in(self, actor: Actor) -> None:
        self.idle.pause()
        try:
            self.services.auth.sign_out(actor)
        except KnownError:
            pass  # an account locked or disabled meanwhile still leaves
        if self.window is not None:
            window, self.window = self.window, None
            window.close_for_sign_out()
            window.deleteLater()
        self.start()

    def change_language(self, choice: str) -> None:
        """Apply at once: the window is rebuilt in the new language for the same user."""
        from PySide6.QtCore import QSettings

        QSettings().setValue(SETTING_KEY, choice)
        install_language(choice)
        old = self.window
        if old is None:
            return
        page = old.page_names[old.nav.currentRow()]
        self.window = None
        old.close_for_sign_out()
        old.deleteLater()
        self._open_main(old.actor)
        assert self.window is not None
        self.window.show_page(page)
