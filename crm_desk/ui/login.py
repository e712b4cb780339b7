"""Sign-in: user name and password; lockout and disabled accounts explained."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import AuthenticationFailed, KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.auth import AuthService
from crm_desk.services.keys import KeyService
from crm_desk.ui.errors import error_text
from crm_desk.ui.widgets import ERROR_STYLE, password_edit


class LoginDialog(QDialog):
    signed_in = Signal(object)  # Actor

    def __init__(
        self,
        auth: AuthService,
        database: str,
        keys: KeyService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._keys = keys
        self.setWindowTitle(self.tr("CRM Desk: sign in"))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("<h2>CRM Desk</h2>"))
        title.setTextFormat(Qt.TextFormat.RichText)
        self.username = QLineEdit()
        self.password = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        where = QLabel(self.tr("Database: {0}").format(database))
        where.setStyleSheet("color: palette(mid);")
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.import_key_button = QPushButton(self.tr("Import the data key…"))
        self.import_key_button.clicked.connect(self.import_key)
        layout.addWidget(self.import_key_button)
        layout.addWidget(buttons)
        layout.addWidget(where)
        self.username.setFocus()
        self._show_key_problem()

    def _show_key_problem(self) -> None:
        problem = self._keys.problem if self._keys is not None else None
        self.import_key_button.setVisible(problem is not None)
        if problem is not None:
            self._say(error_text(problem))

    def import_key(self, path: str | None = None) -> None:
        """Install the key file another workstation exported (checked against the database)."""
        if self._keys is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import the data key"),
                "",
                self.tr("CRM Desk key (*.key);;All files (*)"),
            )
        if not path:
            return
        try:
            self._keys.import_key(Path(path))
        except KnownError as exc:
            self._say(error_text(exc))
            return
        self.message.hide()
        self._show_key_problem()

    def submit(self) -> None:
        if not self.username.text().strip():
            self._say(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        try:
            actor: Actor = self._auth.sign_in(self.username.text(), self.password.text())
        except AuthenticationFailed as exc:
            self._say(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except KnownError as exc:
            self._say(error_text(exc))
            self.password.clear()
            return
        self.password.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
