"""The signed-in life of the app through real widgets: first run, sign-in, lockout, forced change,
idle lock, navigation by role, language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from crm_desk.domain.roles import Role
from crm_desk.ui.first_run import FirstRunDialog
from crm_desk.ui.login import LoginDialog
from crm_desk.ui.main_window import MainWindow
from crm_desk.ui.session import DeskSession
from crm_desk.ui.tasks import SyncTaskRunner
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

ADVISER_NAV = [
    "Home",
    "Clients",
    "My follow-ups",
    "Follow-up calls",
    "Suitability reviews",
    "My exception requests",
    "Complaints",
    "Products",
    "Documents",
]


def make_session(qtbot, services, idle_msecs=60_000) -> DeskSession:
    session = DeskSession(services, "SQLite test.sqlite3", SyncTaskRunner(), idle_msecs=idle_msecs)
    windows: list[MainWindow] = []
    session.main_window_shown.connect(windows.append)
    session.shown = windows  # type: ignore[attr-defined]
    return session


def nav_labels(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_first_start_shows_first_run_and_opens_the_main_window(qtbot, services):
    session = make_session(qtbot, services)
    dialog = session.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, FirstRunDialog) and dialog.isVisible()

    qtbot.keyClicks(dialog.branch_code, "sh-001")
    dialog.branch_name.setText("上海陆家嘴支行")  # QTest types ASCII only
    qtbot.keyClicks(dialog.username, "admin")
    dialog.full_name.setText("王管理")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    dialog.create_button.click()
    assert "at least 12 characters" in dialog.form.error_text("password")
    assert services.auth.needs_first_run()  # nothing half-written

    dialog.password.setText(ADMIN_PASSWORD)
    dialog.confirm.setText(ADMIN_PASSWORD + "x")
    dialog.create_button.click()
    assert "differ" in dialog.form.error_text("confirm")

    dialog.confirm.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(session.main_window_shown):
        dialog.create_button.click()
    window = session.shown[0]
    qtbot.addWidget(window)
    assert window.status_user.text() == "User: 王管理 (admin)"
    assert window.status_role.text() == "Role: Administrator"
    assert window.status_branch.text() == "Branch: 上海陆家嘴支行"
    assert "test.sqlite3" in window.status_database.text()
    assert nav_labels(window) == ["Home", "Products", "Users and branches", "Audit trail"]


def test_sign_in_locks_after_five_failures(qtbot, services, admin):
    session = make_session(qtbot, services)
    dialog = session.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog)
    for attempt in range(5):
        dialog.username.setText("admin")
        dialog.password.setText(f"wrong password {attempt}")
        dialog.sign_in_button.click()
        assert dialog.isVisible()
    assert "locked until" in dialog.message.text()
    dialog.password.setText(ADMIN_PASSWORD)  # the right password no longer opens it
    dialog.sign_in_button.click()
    assert "locked until" in dialog.message.text()
    assert not session.shown


def test_temporary_password_must_be_changed_first(qtbot, services, admin):
    services.users.create_user(
        admin,
        username="li.na",
        full_name="李娜",
        role=Role.ADVISER,
        branch_id=admin.branch_id,
        temporary_password="temporary pass 123",
    )
    session = make_session(qtbot, services)
    login = session.start()
    qtbot.addWidget(login)
    login.username.setText("li.na")
    login.password.setText("temporary pass 123")
    login.sign_in_button.click()
    change = session.dialog
    assert change is not None and change.windowTitle() == "Change password"
    qtbot.addWidget(change)
    assert not session.shown
    change.current.setText("temporary pass 123")
    change.new.setText("temporary pass 123")
    change.confirm.setText("temporary pass 123")
    change.submit()
    assert "different from the current" in change.form.error_text("new_password")
    change.new.setText(USER_PASSWORD)
    change.confirm.setText(USER_PASSWORD)
    with qtbot.waitSignal(session.main_window_shown):
        change.submit()
    window = session.shown[0]
    qtbot.addWidget(window)
    assert nav_labels(window) == ADVISER_NAV  # an adviser sees no administration


def test_idle_lock_keeps_what_was_typed(qtbot, services, admin):
    session = make_session(qtbot, services, idle_msecs=150)
    session.open_as(admin)
    window = session.shown[0]
    qtbot.addWidget(window)
    window.show_page("users")
    users_page = window.page("users")
    users_page.filter.setFocus()
    qtbot.keyClicks(users_page.filter, "wang")
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert not users_page.isVisible()  # the work is covered, not closed
    assert not window.menuBar().isEnabled()

    window.lock_screen.password.setText("not my password")
    window.lock_screen.unlock_button.click()
    assert window.is_locked
    assert "Wrong user name or password" in window.lock_screen.message.text()

    qtbot.keyClicks(window.lock_screen.password, ADMIN_PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.is_locked
    assert users_page.isVisible()
    assert users_page.filter.text() == "wang"
    actions = [e.action for e in services.audit.list_events(admin, limit=5)]
    assert actions[:3] == ["auth.session_unlocked", "auth.unlock_failed", "auth.session_locked"]


def test_open_dialog_is_hidden_while_locked_and_comes_back(qtbot, services, admin):
    session = make_session(qtbot, services)
    session.open_as(admin)
    window = session.shown[0]
    qtbot.addWidget(window)
    from crm_desk.ui.pages.users import NewUserDialog

    dialog = NewUserDialog(services, admin, services.users.list_branches(admin), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.full_name.setText("赵六")
    window.lock()
    assert not dialog.isVisible()
    window.lock_screen.password.setText(ADMIN_PASSWORD)
    window.lock_screen.unlock_button.click()
    assert dialog.isVisible() and dialog.full_name.text() == "赵六"


def test_five_failed_unlocks_sign_the_user_out(qtbot, services, admin, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: None)
    session = make_session(qtbot, services)
    session.open_as(admin)
    window = session.shown[0]
    qtbot.addWidget(window)
    window.lock()
    for attempt in range(5):
        window.lock_screen.password.setText(f"wrong {attempt} password")
        window.lock_screen.unlock_button.click()
    assert session.window is None  # signed out
    assert isinstance(session.dialog, LoginDialog)
    qtbot.addWidget(session.dialog)


def test_navigation_follows_the_role(qtbot, services, make_user):
    for role, expected in [
        (Role.ADVISER, ADVISER_NAV),
        (
            Role.SUPERVISOR,
            [
                "Home",
                "Clients",
                "My follow-ups",
                "Follow-up calls",
                "Suitability reviews",
                "My exception requests",
                "Approvals",
                "Complaints",
                "Products",
                "Documents",
                "Users and branches",
            ],
        ),
        (
            Role.COMPLIANCE,
            [
                "Home",
                "Clients",
                "Follow-up calls",
                "Suitability reviews",
                "Approvals",  # reads the queues, decides nothing
                "Complaints",
                "Products",
                "Documents",
                "Users and branches",
                "Audit trail",
            ],
        ),
    ]:
        actor = make_user(role)
        window = MainWindow(services, actor, "db", SyncTaskRunner())
        qtbot.addWidget(window)
        assert nav_labels(window) == expected
        if role is Role.COMPLIANCE:  # reads, never writes: no management buttons
            users = window.page("users")
            assert not users.new_user_button.isVisibleTo(users)
            assert not users.new_branch_button.isVisibleTo(users)


def test_language_switch_rebuilds_the_window_in_chinese(qtbot, services, admin):
    session = make_session(qtbot, services)
    session.open_as(admin)
    first = session.shown[0]
    qtbot.addWidget(first)
    first.show_page("audit")
    session.change_language("zh_CN")
    window = session.window
    assert window is not None and window is not first
    qtbot.addWidget(window)
    assert nav_labels(window) == ["首页", "产品", "用户与网点", "审计轨迹"]
    assert window.page_names[window.nav.currentRow()] == "audit"
    assert window.status_role.text() == "角色：管理员"
    session.change_language("en")
    qtbot.addWidget(session.window)


def test_sign_out_returns_to_the_sign_in_dialog(qtbot, services, admin):
    session = make_session(qtbot, services)
    session.open_as(admin)
    window = session.shown[0]
    qtbot.addWidget(window)
    window.sign_out_action.trigger()
    assert session.window is None
    assert isinstance(session.dialog, LoginDialog) and session.dialog.isVisible()
    qtbot.addWidget(session.dialog)
    assert services.audit.list_events(admin, limit=1)[0].action == "auth.signed_out"
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QLineEdit)] == []
