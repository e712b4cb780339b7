"""Change one's own password; forced after an administrator set a temporary one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from crm_desk.domain.errors import AuthenticationFailed, KnownError, Problem, ValidationError
from crm_desk.services.actor import Actor
from crm_desk.services.auth import AuthService
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.widgets import CheckedForm, password_edit


class ChangePasswordDialog(QDialog):
    changed = Signal(object)  # Actor

    def __init__(
        self,
        auth: AuthService,
        actor: Actor,
        min_password: int,
        *,
        forced: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(
                self.tr(
                    "Your password was set by an administrator. "
                    "Choose your own before you continue."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = CheckedForm()
        self.current = password_edit()
        self.new = password_edit(self.tr("at least {n} characters").format(n=min_password))
        self.confirm = password_edit()
        self.form.add_field("current", self.tr("Current password"), self.current)
        self.form.add_field("new_password", self.tr("New password"), self.new)
        self.form.add_field("confirm", self.tr("New password again"), self.confirm)
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.new.text() != self.confirm.text():
            self.form.show_problems({"confirm": Problem("password.mismatch", "Passwords differ.")})
            return
        try:
            actor = self._auth.change_password(self._actor, self.current.text(), self.new.text())
        except ValidationError as exc:
            if not self.form.show_problems(exc.problems):
                show_error(self, exc)
            return
        except AuthenticationFailed as exc:
            self.form.show_problems({"current": Problem("current.wrong", error_text(exc))})
            return
        except KnownError as exc:
            show_error(self, exc)
            self.reject()
            return
        self.changed.emit(actor)
        self.accept()
