"""First start with no users: name the branch and create the administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from crm_desk.domain.errors import Problem
from crm_desk.services.auth import AuthService
from crm_desk.ui.widgets import CheckedForm, password_edit


class FirstRunDialog(QDialog):
    signed_in = Signal(object)  # Actor

    def __init__(self, auth: AuthService, min_password: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self.setWindowTitle(self.tr("Set up CRM Desk"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "<h3>Welcome to CRM Desk</h3>"
                "<p>This database has no users yet. Name your branch and create the administrator "
                "account; the administrator then creates the advisers, supervisors and compliance "
                "officers.</p>"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.form = CheckedForm()
        self.branch_code = QLineEdit()
        self.branch_code.setPlaceholderText(self.tr("e.g. SH-001"))
        self.branch_name = QLineEdit()
        self.branch_name.setPlaceholderText(self.tr("e.g. Shanghai Lujiazui Branch"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.full_name = QLineEdit()
        self.password = password_edit(self.tr("at least {n} characters").format(n=min_password))
        self.confirm = password_edit()
        self.form.add_field("branch_code", self.tr("Branch code"), self.branch_code)
        self.form.add_field("branch_name", self.tr("Branch name"), self.branch_name)
        self.form.add_field("username", self.tr("Administrator user name"), self.username)
        self.form.add_field("full_name", self.tr("Administrator full name"), self.full_name)
        self.form.add_field("password", self.tr("Password"), self.password)
        self.form.add_field("confirm", self.tr("Password again"), self.confirm)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create and sign in"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.form.show_problems({"confirm": Problem("password.mismatch", "Passwords differ.")})
            return
        actor = self.form.attempt(
            self,
            lambda: self._auth.first_run(
                branch_code=self.branch_code.text(),
                branch_name=self.branch_name.text(),
                username=self.username.text(),
                full_name=self.full_name.text(),
                password=self.password.text(),
            ),
        )
        if actor is None:
            return
        self.signed_in.emit(actor)
        self.accept()
