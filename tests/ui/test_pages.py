"""Each page alone: its model, its buttons, what an administrator or compliance officer sees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from crm_desk.domain.roles import Role
from crm_desk.ui.pages.audit import PAGE_SIZE, AuditPage
from crm_desk.ui.pages.home import HomePage
from crm_desk.ui.pages.users import NewUserDialog, UsersPage
from crm_desk.ui.table_model import ROW_ROLE
from crm_desk.ui.tasks import SyncTaskRunner, TaskRunner


def audit_page(services, actor, runner=None) -> AuditPage:
    return AuditPage(
        lambda before, limit: services.audit.list_events(actor, before_seq=before, limit=limit),
        lambda: services.audit.verify(actor),
        runner or SyncTaskRunner(),
    )


def test_new_user_dialog_shows_errors_at_the_fields_then_creates(qtbot, services, admin):
    dialog = NewUserDialog(services, admin, services.users.list_branches(admin))
    qtbot.addWidget(dialog)
    dialog.username.setText("x")
    dialog.full_name.setText("")
    dialog.password.edit.setText("short")
    dialog.submit()
    assert dialog.created is None
    assert "3 to 64 letters" in dialog.form.error_text("username")
    assert dialog.form.error_text("full_name") == "This cannot be empty."
    assert "at least 12 characters" in dialog.form.error_text("password")

    dialog.username.setText("li.na")
    dialog.full_name.setText("李娜")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
    dialog.password.edit.setText("a fine temporary 1")
    dialog.submit()
    assert dialog.created is not None and dialog.created.role is Role.SUPERVISOR
    assert dialog.created.must_change_password


def test_generated_temporary_password_is_accepted(qtbot, services, admin):
    dialog = NewUserDialog(services, admin, services.users.list_branches(admin))
    qtbot.addWidget(dialog)
    dialog.username.setText("chen.jie")
    dialog.full_name.setText("陈杰")
    dialog.submit()  # the suggested password as it stands
    assert dialog.created is not None


def test_users_page_lists_and_disables(
    qtbot, services, admin, make_user, monkeypatch, qtmodeltester
):
    adviser = make_user(Role.ADVISER, username="li.na")
    page = UsersPage(services, admin)
    qtbot.addWidget(page)
    qtmodeltester.check(page.users_model)
    qtmodeltester.check(page.branches_model)
    names = [page.users_model.row_at(r).username for r in range(page.users_model.rowCount())]
    assert sorted(names) == ["admin", "li.na"]
    assert not page.toggle_button.isEnabled()  # nothing selected yet

    page.select_user("li.na")
    assert page.toggle_button.isEnabled() and page.toggle_button.text() == "Disable"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.toggle_button.click()
    li = next(u for u in services.users.list_users(admin) if u.id == adviser.user_id)
    assert not li.is_active
    page.select_user("li.na")
    assert page.toggle_button.text() == "Enable"

    page.filter.setText("li.")
    assert page._users_proxy.rowCount() == 1


def test_users_sort_by_raw_value(qtbot, services, admin, make_user):
    make_user(Role.ADVISER, username="zz.last")
    make_user(Role.COMPLIANCE, username="aa.first")
    page = UsersPage(services, admin)
    qtbot.addWidget(page)
    page.users_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    proxy = page._users_proxy
    shown = [proxy.index(r, 0).data(ROW_ROLE).username for r in range(proxy.rowCount())]
    assert shown == ["aa.first", "admin", "zz.last"]


def test_supervisor_sees_the_list_without_management_buttons(qtbot, services, make_user):
    supervisor = make_user(Role.SUPERVISOR)
    page = UsersPage(services, supervisor)
    qtbot.addWidget(page)
    assert page.users_model.rowCount() >= 2
    assert not page.new_user_button.isVisibleTo(page)
    assert not page.reset_button.isVisibleTo(page)


def test_audit_page_pages_through_the_trail(qtbot, services, admin, qtmodeltester):
    for n in range(PAGE_SIZE + 30):
        services.users.rename_branch(admin, admin.branch_id, f"网点 {n}")
    page = audit_page(services, admin)
    qtbot.addWidget(page)
    model = page.model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    total = PAGE_SIZE + 30 + 2  # two events of the first run
    assert model.rowCount() == total and not model.canFetchMore()
    seqs = [model.row_at(r).seq for r in range(model.rowCount())]
    assert seqs == list(range(total, 0, -1))
    qtmodeltester.check(model)


def test_audit_page_verify_reports_intact_then_broken(qtbot, services, admin, engine, backend):
    page = audit_page(services, admin, TaskRunner())
    qtbot.addWidget(page)
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=5000)
    assert page.result.text().startswith("The chain is intact: 2 events checked.")

    with engine.begin() as conn:  # an edit behind the application's back
        conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
        conn.execute(text("UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 1"))
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=5000)
    assert "BROKEN at event 1" in page.result.text()
    assert "altered" in page.result.text()


def test_home_page_shows_own_activity(qtbot, services, make_user, qtmodeltester):
    adviser = make_user(Role.ADVISER)
    page = HomePage(services, adviser)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    actions = {page.model.row_at(r).action for r in range(page.model.rowCount())}
    assert {"auth.signed_in", "user.password_changed"} <= actions
    assert "Test Adviser" in page.greeting.text() and "Adviser" in page.greeting.text()
    assert not page.empty.isVisibleTo(page)
