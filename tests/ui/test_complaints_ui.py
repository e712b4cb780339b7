"""Complaints on screen, as an adviser, a handler, a supervisor and compliance would use them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox

from crm_desk.domain.complaints import ComplaintStatus, DeadlineState, StageKind
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.complaint_dialog import (
    AnswerDialog,
    ComplaintDialog,
    ExtendDialog,
    InvestigateDialog,
    RegisterComplaintDialog,
    ResolveDialog,
    select_data,
)
from crm_desk.ui.main_window import MainWindow
from crm_desk.ui.pages.complaints import ClientComplaintsTab, ComplaintsPage
from crm_desk.ui.table_model import ROW_ROLE
from crm_desk.ui.tasks import SyncTaskRunner
from tests.clients_support import numbered_client
from tests.complaint_support import RESOLUTION, complaint_input
from tests.conftest import FakeClock, MakeUser

RED = "#fde7e9"
AMBER = "#fff4ce"


@pytest.fixture
def people(make_user: MakeUser) -> dict[str, Actor]:
    return {
        "adviser": make_user(Role.ADVISER, "ui.adviser"),
        "handler": make_user(Role.ADVISER, "ui.handler"),
        "supervisor": make_user(Role.SUPERVISOR, "ui.super"),
        "compliance": make_user(Role.COMPLIANCE, "ui.compliance"),
    }


@pytest.fixture
def client_id(services: Services, people: dict[str, Actor]) -> int:
    return services.clients.create_client(people["adviser"], numbered_client(3, "张伟")).id


def moment(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def step(qtbot: Any, dialog: ComplaintDialog, button: Any, kind: type) -> Any:
    assert button.isVisible()
    button.click()
    opened = dialog.step
    assert isinstance(opened, kind)
    qtbot.waitExposed(opened)
    return opened


def test_a_complaint_goes_from_acceptance_to_answered(
    qtbot: Any,
    qtmodeltester: Any,
    services: Services,
    people: dict[str, Actor],
    client_id: int,
    clock: FakeClock,
) -> None:
    # The client's adviser registers it from the client page and gives it to a colleague.
    tab = ClientComplaintsTab(services, people["adviser"], client_id, "张伟")
    qtbot.addWidget(tab)
    tab.show()
    assert tab.list.empty.isVisible()
    register = tab.list.register()
    assert isinstance(register, RegisterComplaintDialog)
    qtbot.waitExposed(register)
    select_data(register.channel, "phone")
    select_data(register.category, "fees")
    qtbot.keyClicks(register.description, "Redemption fee higher than promised")
    qtbot.keyClicks(register.amount, "1,250.00")
    select_data(register.handler, people["handler"].user_id)
    register.save_button.click()
    assert register.saved is not None and not register.isVisible()
    assert tab.list.model.rowCount() == 1
    qtmodeltester.check(tab.list.model)
    registered = tab.list.model.row_at(0)
    assert registered.status is ComplaintStatus.ACCEPTED
    assert registered.due_date == date(2026, 12, 12)  # 15 days after the Beijing day

    # The handler takes it through the stages from the complaints page.
    page = ComplaintsPage(services, people["handler"])
    qtbot.addWidget(page)
    page.show()
    assert page.list.model.rowCount() == 1
    page.list.table.selectRow(0)
    dialog = page.list.open_selected()
    assert isinstance(dialog, ComplaintDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.resolve_button.isVisible() and not dialog.reassign_button.isVisible()

    investigate = step(qtbot, dialog, dialog.investigate_button, InvestigateDialog)
    qtbot.keyClicks(investigate.note, "Pull the fee schedule and the call recording")
    ok(investigate)
    assert dialog.detail.status is ComplaintStatus.INVESTIGATING

    resolve = step(qtbot, dialog, dialog.resolve_button, ResolveDialog)
    ok(resolve)  # nothing chosen: problems at the fields, nothing saved
    assert resolve.isVisible()
    assert resolve.form.error_text("reasoning") and resolve.form.error_text("root_cause")
    select_data(resolve.decision, "partly_upheld")
    qtbot.keyClicks(resolve.reasoning, "Fee per contract; the summary sheet was outdated")
    select_data(resolve.root_cause, "disclosure")
    qtbot.keyClicks(resolve.root_cause_text, "Sheet not reprinted after the fee change")
    qtbot.keyClicks(resolve.corrective_action, "Sheets reprinted; advisers briefed")
    qtbot.keyClick(
        resolve.corrective_action, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert dialog.detail.status is ComplaintStatus.RESOLVED

    clock.advance(days=2)
    answer = step(qtbot, dialog, dialog.answer_button, AnswerDialog)
    answer.told_at.setDateTime(moment(clock.now))
    select_data(answer.method, "phone")
    qtbot.keyClicks(answer.client_response, "Accepts the partial refund")
    select_data(answer.satisfaction, 4)
    select_data(answer.outcome_accepted, True)
    ok(answer)
    detail = dialog.detail
    assert detail.status is ComplaintStatus.ANSWERED
    assert [s.stage for s in detail.stages] == [
        StageKind.ACCEPTED,
        StageKind.INVESTIGATING,
        StageKind.RESOLVED,
        StageKind.ANSWERED,
    ]
    assert detail.stages[-1].on_time and detail.stages[-1].satisfaction == 4
    assert dialog.badge.text() == "Answered"
    assert dialog.reopen_button.isVisible() and not dialog.answer_button.isVisible()
    qtmodeltester.check(dialog.stages)
    dialog.accept()
    # Closed complaints leave the "open only" list; they are in the full one.
    assert page.list.model.rowCount() == 0
    page.open_only.setChecked(False)
    assert page.list.model.rowCount() == 1


def test_problems_show_at_the_fields_and_separation_is_refused(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int
) -> None:
    dialog = RegisterComplaintDialog(services, people["adviser"], client_id, client_name="张伟")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved is None
    assert "what the complainant says" in dialog.form.error_text("description")
    assert dialog.form.error_text("channel")
    select_data(dialog.channel, "counter")
    select_data(dialog.category, "sales_misconduct")
    qtbot.keyClicks(dialog.description, "Sold a fund without explaining the risk")
    select_data(dialog.subject, people["adviser"].user_id)  # about themselves, handled by them
    dialog.save_button.click()
    assert dialog.saved is None
    assert "cannot handle it" in dialog.form.error_text("handler_id")
    select_data(dialog.handler, people["supervisor"].user_id)
    dialog.save_button.click()
    assert dialog.saved is not None
    assert dialog.saved.subject_adviser_id == people["adviser"].user_id


def test_data_privacy_is_always_personal_data(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int
) -> None:
    dialog = RegisterComplaintDialog(services, people["adviser"], client_id)
    qtbot.addWidget(dialog)
    select_data(dialog.category, "data_privacy")
    assert dialog.personal_data.isChecked() and not dialog.personal_data.isEnabled()


def test_a_complainant_who_is_not_a_client(
    qtbot: Any, services: Services, people: dict[str, Actor]
) -> None:
    page = ComplaintsPage(services, people["adviser"])
    qtbot.addWidget(page)
    dialog = page.list.register()
    assert dialog is not None
    select_data(dialog.channel, "letter")
    select_data(dialog.category, "service_attitude")
    qtbot.keyClicks(dialog.description, "Rude staff at the counter")
    dialog.save_button.click()
    assert dialog.form.error_text("complainant_name") and dialog.form.error_text(
        "complainant_contact"
    )
    dialog.complainant_name.setText("王五")
    qtbot.keyClicks(dialog.complainant_contact, "13900001111")
    dialog.is_group.setChecked(True)
    dialog.group_size.setValue(3)
    qtbot.keyClicks(dialog.representatives, "Wang Wu, 13900001111")
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.group_size == 3
    assert page.list.model.row_at(0).complainant == "王五"


def test_overdue_and_due_soon_complaints_are_highlighted(
    qtbot: Any,
    qtmodeltester: Any,
    services: Services,
    people: dict[str, Actor],
    client_id: int,
    clock: FakeClock,
) -> None:
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    late = services.complaints.register(people["adviser"], raw)
    clock.advance(days=4)
    soon = services.complaints.register(people["adviser"], raw)
    clock.advance(days=2)
    fresh = services.complaints.register(people["adviser"], raw)
    clock.advance(days=10)  # late: day 16 (overdue); soon: day 12 (3 left); fresh: day 10
    page = ComplaintsPage(services, people["supervisor"])
    qtbot.addWidget(page)
    model = page.list.model
    qtmodeltester.check(model)
    by_id = {model.row_at(r).id: r for r in range(model.rowCount())}
    states = {cid: model.row_at(r).deadline_state for cid, r in by_id.items()}
    assert states == {
        late.id: DeadlineState.OVERDUE,
        soon.id: DeadlineState.DUE_SOON,
        fresh.id: DeadlineState.ON_TRACK,
    }

    def background(cid: int, column: int = 4) -> Any:
        return model.index(by_id[cid], column).data(Qt.ItemDataRole.BackgroundRole)

    assert background(late.id).color().name() == RED
    assert background(soon.id).color().name() == AMBER
    assert background(fresh.id) is None
    assert model.index(by_id[late.id], 1).data() == "Overdue by 1 day(s)"
    assert page.list.summary.text() == "1 overdue · 1 due soon · 3 open"
    # Sorted by deadline: the overdue one first.
    assert page.list.proxy.index(0, 0).data(ROW_ROLE).id == late.id
    # The handler's complaint window shows the badge in red, and offers no extension.
    dialog = ComplaintDialog(services, people["handler"], late.id)
    qtbot.addWidget(dialog)
    assert dialog.badge.text() == "Overdue by 1 day(s)"
    assert RED in dialog.badge.styleSheet()
    assert not dialog.extend_button.isVisible()
    # The client page's tab highlights it too.
    tab = ClientComplaintsTab(services, people["adviser"], client_id)
    qtbot.addWidget(tab)
    row = next(
        r for r in range(tab.list.model.rowCount()) if tab.list.model.row_at(r).id == late.id
    )
    assert tab.list.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == RED


def test_the_navigation_counts_overdue_complaints(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int, clock: FakeClock
) -> None:
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    services.complaints.register(people["adviser"], raw)
    clock.advance(days=16)
    window = MainWindow(services, people["supervisor"], "db", SyncTaskRunner())
    qtbot.addWidget(window)
    item = window.nav.item(window.page_names.index("complaints"))
    assert item.text() == "Complaints (1 overdue)"


def test_the_supervisor_extends_after_the_handler(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int
) -> None:
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    complaint = services.complaints.register(people["adviser"], raw)
    dialog = ComplaintDialog(services, people["handler"], complaint.id)
    qtbot.addWidget(dialog)
    dialog.show()
    extend = step(qtbot, dialog, dialog.extend_button, ExtendDialog)
    assert "2026-12-27" in extend.explanation.text()  # 30 days from the 27th of November
    ok(extend)
    assert extend.form.error_text("reason")
    qtbot.keyClicks(extend.reason, "Needs the call recordings")
    ok(extend)
    assert dialog.detail.row.due_date == date(2026, 12, 27)
    assert not dialog.extend_button.isVisible()  # the next one is the supervisor's
    boss = ComplaintDialog(services, people["supervisor"], complaint.id)
    qtbot.addWidget(boss)
    boss.show()
    qtbot.waitExposed(boss)
    # The history opens without a focus frame on its first cell; Tab still reaches it.
    assert boss.focusWidget() is boss.close_button
    assert not boss.table.currentIndex().isValid()
    assert boss.table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert boss.extend_button.text() == "Approve further extension…"
    further = step(qtbot, boss, boss.extend_button, ExtendDialog)
    qtbot.keyClicks(further.reason, "Awaiting the fund manager's records")
    ok(further)
    assert boss.detail.row.due_date == date(2027, 1, 26)
    assert not boss.extend_button.isVisible()


def test_reports_tab_shows_charts_and_exports(
    qtbot: Any,
    services: Services,
    people: dict[str, Actor],
    client_id: int,
    tmp_path: Path,
) -> None:
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    services.complaints.register(people["adviser"], raw)
    services.complaints.register(people["adviser"], raw)
    adviser_page = ComplaintsPage(services, people["adviser"])
    qtbot.addWidget(adviser_page)
    assert adviser_page.reports is None and adviser_page.tabs.count() == 1
    for who in ("supervisor", "compliance"):
        # Inline for one, through the task runner (synchronous in tests) for the other.
        page = ComplaintsPage(
            services, people[who], SyncTaskRunner() if who == "compliance" else None
        )
        qtbot.addWidget(page)
        reports = page.reports
        assert reports is not None
        reports.first_day.setDate(date(2026, 11, 1))
        reports.last_day.setDate(date(2026, 11, 30))
        page.tabs.setCurrentWidget(reports)  # the first visit computes the report
        assert reports.report is not None and reports.report.total == 2
        assert "<b>2</b> complaints" in reports.figures.text()
        assert set(reports.charts) == {
            "category",
            "channel",
            "product",
            "adviser",
            "root_cause",
            "satisfaction",
        }
        assert reports.charts["category"].series()[0].barSets()[0].at(0) == 2
        assert all(view.chart() in reports.charts.values() for view in reports.views)
        target = tmp_path / f"report-{who}.xlsx"
        reports._save_file_name = lambda *_args, t=target: (str(t), "")
        assert reports.export() == target
        workbook = load_workbook(target, read_only=True)
        sheet = workbook.active
        assert sheet is not None
        values = [
            r[1] for r in sheet.iter_rows(values_only=True) if r and r[0] == "投诉量 Complaints"
        ]
        workbook.close()
        assert values == [2]


def test_reports_keep_dates_in_order(
    qtbot: Any, services: Services, people: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "crm_desk.ui.complaint_charts.show_error", lambda _parent, exc: shown.append(exc.code)
    )
    page = ComplaintsPage(services, people["supervisor"])
    qtbot.addWidget(page)
    assert page.reports is not None
    page.reports.first_day.setDate(date(2026, 12, 1))
    page.reports.last_day.setDate(date(2026, 11, 1))
    page.reports.refresh()
    assert shown == ["validation"]


def test_answer_time_uses_the_utc_clock(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int
) -> None:
    """The told-at field is local time on screen and UTC in the record."""
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    c = services.complaints.register(people["adviser"], raw)
    h = people["handler"]
    c = services.complaints.start_investigation(h, c.id, c.version, "")
    c = services.complaints.resolve(
        h,
        c.id,
        c.version,
        RESOLUTION,
    )
    dialog = AnswerDialog(services, h, c)
    qtbot.addWidget(dialog)
    told = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    dialog.told_at.setDateTime(moment(told))
    select_data(dialog.method, "letter")
    dialog.client_response.setPlainText("收到，接受")
    select_data(dialog.satisfaction, 5)
    select_data(dialog.outcome_accepted, False)
    dialog.submit()
    assert dialog.saved is not None
    assert dialog.saved.stages[-1].told_at == told
    assert dialog.saved.stages[-1].outcome_accepted is False


def test_every_complaint_choice_has_its_own_label() -> None:
    from crm_desk.domain.complaints import (
        AnswerMethod,
        ComplaintCategory,
        ComplaintChannel,
        Decision,
        RootCause,
    )
    from crm_desk.ui.complaint_dialog import complaint_label

    for enum in (
        AnswerMethod,
        ComplaintCategory,
        ComplaintChannel,
        ComplaintStatus,
        DeadlineState,
        Decision,
        RootCause,
        StageKind,
    ):
        labels = [complaint_label(member) for member in enum]
        assert all(label != member.value for label, member in zip(labels, enum, strict=True))
        assert len(set(labels)) == len(labels), enum
    assert complaint_label(ComplaintStatus.ANSWERED) != complaint_label(StageKind.ANSWERED)


def test_a_complaint_about_a_sale_is_never_handled_by_the_seller(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int, uow: Any
) -> None:
    from tests.complaint_support import add_product, add_sale

    product = add_product(uow)
    add_sale(
        uow,
        client_id=client_id,
        product_id=product,
        adviser_id=people["adviser"].user_id or 0,
        branch_id=people["adviser"].branch_id or 0,
    )
    dialog = RegisterComplaintDialog(services, people["adviser"], client_id, client_name="张伟")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sale.count() == 2  # none, and the one sale
    dialog.sale.setCurrentIndex(1)
    assert dialog.product.currentData() == product and not dialog.product.isEnabled()
    select_data(dialog.channel, "phone")
    select_data(dialog.category, "sales_misconduct")
    qtbot.keyClicks(dialog.description, "Not told about the lock-up period")
    dialog.save_button.click()  # the handler is the seller (the adviser registering it)
    assert dialog.saved is None
    assert "sold the product" in dialog.form.error_text("handler_id")
    select_data(dialog.handler, people["handler"].user_id)
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.seller_id == people["adviser"].user_id
    assert dialog.saved.product_id == product


def test_ctrl_n_registers_and_enter_opens(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int
) -> None:
    services.complaints.register(
        people["adviser"],
        complaint_input(client_id=client_id, handler_id=people["handler"].user_id),
    )
    page = ComplaintsPage(services, people["handler"])
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.list.table.setFocus()
    page.list.table.selectRow(0)
    qtbot.keyClick(page.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.list.register_dialog, RegisterComplaintDialog)
    page.list.register_dialog.reject()
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    assert isinstance(page.list.dialog, ComplaintDialog)
    assert page.list.dialog.detail.row.handler_id == people["handler"].user_id
    page.list.dialog.reject()


def test_the_home_page_counts_complaints_near_their_deadline(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int, clock: FakeClock
) -> None:
    from crm_desk.ui.pages.home import HomePage

    quiet = HomePage(services, people["supervisor"])
    qtbot.addWidget(quiet)
    assert quiet.complaints.isHidden()
    raw = complaint_input(client_id=client_id, handler_id=people["handler"].user_id)
    services.complaints.register(people["adviser"], raw)
    clock.advance(days=13)
    services.complaints.register(people["adviser"], raw)
    clock.advance(days=3)  # the first: overdue; the second: 12 days left
    home = HomePage(services, people["supervisor"])
    qtbot.addWidget(home)
    assert not home.complaints.isHidden()
    assert "1 overdue, 0 due within 3 days" in home.complaints.text()
    admin_home = HomePage(services, services.auth.sign_in("admin", "branch opening key 2026"))
    qtbot.addWidget(admin_home)
    assert admin_home.complaints.isHidden()  # administrators see no complaints


def test_an_export_that_cannot_be_written_says_so_and_records_nothing(
    qtbot: Any,
    services: Services,
    people: dict[str, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    admin: Actor,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "crm_desk.ui.complaint_charts.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    page = ComplaintsPage(services, people["supervisor"], SyncTaskRunner())
    qtbot.addWidget(page)
    assert page.reports is not None
    before = services.audit.list_events(admin, limit=1)[0].seq
    target = tmp_path / "missing folder" / "report.csv"
    page.reports._save_file_name = lambda *_args: (str(target), "")
    page.reports.export()
    assert len(warnings) == 1 and "could not be written" in warnings[0]
    assert not target.exists()
    assert services.audit.list_events(admin, limit=1)[0].seq == before
    assert page.reports.export_button.isEnabled()


def test_the_product_chart_names_products_in_the_window_language(
    qtbot: Any, services: Services, people: dict[str, Actor], client_id: int, uow: Any
) -> None:
    from PySide6.QtCharts import QBarCategoryAxis

    from crm_desk.ui.complaint_charts import ComplaintReportsWidget
    from crm_desk.ui.i18n import install_language
    from tests.complaint_support import add_product

    product = add_product(uow, "F001", "稳健债券基金")
    raw = complaint_input(
        client_id=client_id, handler_id=people["handler"].user_id, product_id=product
    )
    services.complaints.register(people["adviser"], raw)
    widget = ComplaintReportsWidget(services, people["supervisor"], today=date(2026, 11, 30))
    qtbot.addWidget(widget)
    report = services.complaint_reports.report(
        people["supervisor"], date(2026, 11, 1), date(2026, 11, 30)
    )

    def product_labels() -> list[str]:
        widget.show_report(report)
        axis = next(
            a
            for a in widget.charts["product"].axes()
            if isinstance(a, QBarCategoryAxis)  # the products, not the counts
        )
        return list(axis.categories())

    assert product_labels() == ["Fund F001"]
    install_language("zh_CN")
    assert product_labels() == ["稳健债券基金"]
