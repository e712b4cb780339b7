"""Users and branches: administrators manage them; supervisors and compliance can look."""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import BranchDTO, UserDTO
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time, role_label
from crm_desk.ui.table_model import ROW_ROLE, Column, RowsModel, SortProxy
from crm_desk.ui.widgets import CheckedForm, configure_table


def _status(user: UserDTO) -> str:
    if not user.is_active:
        return QCoreApplication.translate("UsersPage", "Disabled")
    if user.locked_until is not None:
        return QCoreApplication.translate("UsersPage", "Locked until {0}").format(
            local_time(user.locked_until)
        )
    if user.must_change_password:
        return QCoreApplication.translate("UsersPage", "Must change password")
    return QCoreApplication.translate("UsersPage", "Active")


class UsersModel(RowsModel[UserDTO]):
    columns = (
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "User name"),
            lambda u: u.username,
            lambda u: u.username,
        ),
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "Full name"),
            lambda u: u.full_name,
            lambda u: u.full_name,
        ),
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "Role"),
            lambda u: role_label(u.role),
            lambda u: u.role.value,
        ),
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "Branch"),
            lambda u: u.branch_name,
            lambda u: u.branch_name,
        ),
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "Status"),
            _status,
            lambda u: (not u.is_active, _status(u)),
        ),
        Column[UserDTO](
            lambda: QCoreApplication.translate("UsersPage", "Last sign-in"),
            lambda u: local_time(u.last_login_at),
            lambda u: u.last_login_at,
        ),
    )


class BranchesModel(RowsModel[BranchDTO]):
    columns = (
        Column[BranchDTO](
            lambda: QCoreApplication.translate("UsersPage", "Code"),
            lambda b: b.code,
            lambda b: b.code,
        ),
        Column[BranchDTO](
            lambda: QCoreApplication.translate("UsersPage", "Name"),
            lambda b: b.name,
            lambda b: b.name,
        ),
        Column[BranchDTO](
            lambda: QCoreApplication.translate("UsersPage", "Active users"),
            lambda b: str(b.user_count),
            lambda b: b.user_count,
            align_right=True,
        ),
    )


def generated_password() -> str:
    """A temporary password that is easy to read out: no 0/O or 1/l look-alikes."""
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def _table(model: RowsModel[object], name: str) -> tuple[QTableView, SortProxy]:
    proxy = SortProxy()
    proxy.setSourceModel(model)
    table = configure_table(QTableView(), name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return table, proxy


class TemporaryPasswordField(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(generated_password())
        self.edit.setObjectName("temporary_password")
        again = QPushButton(QCoreApplication.translate("UsersPage", "New suggestion"))
        again.clicked.connect(lambda: self.edit.setText(generated_password()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(again)

    def text(self) -> str:
        return self.edit.text()


class NewUserDialog(QDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        branches: list[BranchDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.created: UserDTO | None = None
        self.setWindowTitle(QCoreApplication.translate("UsersPage", "New user"))
        self.setMinimumWidth(480)
        self.form = CheckedForm()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.branch = QComboBox()
        for branch in branches:
            self.branch.addItem(f"{branch.code} {branch.name}", branch.id)
        index = self.branch.findData(actor.branch_id)
        self.branch.setCurrentIndex(max(index, 0))
        self.password = TemporaryPasswordField()
        self.form.add_field(
            "username", QCoreApplication.translate("UsersPage", "User name"), self.username
        )
        self.form.add_field(
            "full_name", QCoreApplication.translate("UsersPage", "Full name"), self.full_name
        )
        self.form.add_field("role", QCoreApplication.translate("UsersPage", "Role"), self.role)
        self.form.add_field(
            "branch_id", QCoreApplication.translate("UsersPage", "Branch"), self.branch
        )
        self.form.add_field(
            "password", QCoreApplication.translate("UsersPage", "Temporary password"), self.password
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("UsersPage", "Create user")
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.created = self.form.attempt(
            self,
            lambda: self._services.users.create_user(
                self._actor,
                username=self.username.text(),
                full_name=self.full_name.text(),
                role=str(self.role.currentData()),
                branch_id=int(self.branch.currentData() or 0),
                temporary_password=self.password.text(),
            ),
        )
        if self.created is not None:
            self.accept()


class UsersPage(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        manage_users = allowed(actor.role, Permission.USERS_MANAGE)
        manage_branches = allowed(actor.role, Permission.BRANCHES_MANAGE)

        self.users_model = UsersModel(self)
        self.users_table, self._users_proxy = _table(self.users_model, "users_table")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            QCoreApplication.translate("UsersPage", "Filter by name, role or branch")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._users_proxy.setFilterFixedString)
        self.new_user_button = QPushButton(QCoreApplication.translate("UsersPage", "New user…"))
        self.new_user_button.clicked.connect(self.new_user)
        self.reset_button = QPushButton(QCoreApplication.translate("UsersPage", "Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button = QPushButton(QCoreApplication.translate("UsersPage", "Disable"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.role_button = QPushButton(QCoreApplication.translate("UsersPage", "Change role…"))
        self.role_button.clicked.connect(self.change_role)
        user_buttons = QHBoxLayout()
        user_buttons.addWidget(self.filter, 1)
        for button in (
            self.new_user_button,
            self.reset_button,
            self.role_button,
            self.toggle_button,
        ):
            button.setVisible(manage_users)
            user_buttons.addWidget(button)
        users_tab = QWidget()
        users_layout = QVBoxLayout(users_tab)
        users_layout.addLayout(user_buttons)
        users_layout.addWidget(self.users_table)
        self.users_table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.branches_model = BranchesModel(self)
        self.branches_table, _ = _table(self.branches_model, "branches_table")
        self.new_branch_button = QPushButton(QCoreApplication.translate("UsersPage", "New branch…"))
        self.new_branch_button.clicked.connect(self.new_branch)
        self.rename_branch_button = QPushButton(QCoreApplication.translate("UsersPage", "Rename…"))
        self.rename_branch_button.clicked.connect(self.rename_branch)
        branch_buttons = QHBoxLayout()
        branch_buttons.addStretch()
        for button in (self.new_branch_button, self.rename_branch_button):
            button.setVisible(manage_branches)
            branch_buttons.addWidget(button)
        branches_tab = QWidget()
        branches_layout = QVBoxLayout(branches_tab)
        branches_layout.addLayout(branch_buttons)
        branches_layout.addWidget(self.branches_table)

        self.tabs = QTabWidget()
        self.tabs.addTab(users_tab, QCoreApplication.translate("UsersPage", "Users"))
        self.tabs.addTab(branches_tab, QCoreApplication.translate("UsersPage", "Branches"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.users_model.set_rows(self._services.users.list_users(self._actor))
            self.branches_model.set_rows(self._services.users.list_branches(self._actor))
        except KnownError as exc:
            show_error(self, exc)
        self._update_buttons()

    def selected_user(self) -> UserDTO | None:
        rows = self.users_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_branch(self) -> BranchDTO | None:
        rows = self.branches_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_user(self, username: str) -> None:
        for row in range(self._users_proxy.rowCount()):
            index = self._users_proxy.index(row, 0)
            if index.data(ROW_ROLE).username == username:
                self.users_table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.reset_button, self.toggle_button, self.role_button):
            button.setEnabled(user is not None)
        self.toggle_button.setText(
            QCoreApplication.translate("UsersPage", "Enable")
            if user and not user.is_active
            else QCoreApplication.translate("UsersPage", "Disable")
        )

    def _run(self, call: Callable[[], object]) -> bool:
        try:
            call()
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def new_user(self) -> None:
        dialog = NewUserDialog(self._services, self._actor, self.branches_model.rows(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.refresh()
            self.select_user(dialog.created.username)
            QMessageBox.information(
                self,
                QCoreApplication.translate("UsersPage", "User created"),
                QCoreApplication.translate(
                    "UsersPage",
                    "{name} can now sign in as '{user}' with the temporary password below, "
                    "and will be asked to choose their own.\n\n{password}",
                ).format(
                    name=dialog.created.full_name,
                    user=dialog.created.username,
                    password=dialog.password.text(),
                ),
            )

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        password = generated_password()
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("UsersPage", "Reset password"),
            QCoreApplication.translate(
                "UsersPage",
                "Give {name} a new temporary password? Their current password stops working and "
                "any lockout is lifted.\n\nTemporary password: {password}",
            ).format(name=user.full_name, password=password),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self._services.users.reset_password(self._actor, user.id, password))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.is_active:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("UsersPage", "Disable user"),
                QCoreApplication.translate(
                    "UsersPage",
                    "Disable {name}? They can no longer sign in; their records and history stay.",
                ).format(name=user.full_name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(
            lambda: self._services.users.set_active(self._actor, user.id, not user.is_active),
        )
        self.select_user(user.username)

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        labels = [role_label(role) for role in Role]
        choice, ok = QInputDialog.getItem(
            self,
            QCoreApplication.translate("UsersPage", "Change role"),
            QCoreApplication.translate("UsersPage", "New role for {name}").format(
                name=user.full_name
            ),
            labels,
            labels.index(role_label(user.role)),
            False,
        )
        if ok:
            role = list(Role)[labels.index(choice)]
            self._run(lambda: self._services.users.change_role(self._actor, user.id, role))
            self.select_user(user.username)

    def new_branch(self) -> None:
        code, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("UsersPage", "New branch"),
            QCoreApplication.translate("UsersPage", "Branch code (e.g. SH-002)"),
        )
        if not ok:
            return
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("UsersPage", "New branch"),
            QCoreApplication.translate("UsersPage", "Branch name"),
        )
        if ok:
            self._run(
                lambda: self._services.users.create_branch(self._actor, code=code, name=name),
            )

    def rename_branch(self) -> None:
        branch = self.selected_branch()
        if branch is None:
            return
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("UsersPage", "Rename branch"),
            QCoreApplication.translate("UsersPage", "New name"),
            QLineEdit.EchoMode.Normal,
            branch.name,
        )
        if ok:
            self._run(lambda: self._services.users.rename_branch(self._actor, branch.id, name))
