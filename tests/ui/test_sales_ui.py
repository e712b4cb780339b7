"""pytest-qt: an adviser looks at the client's product shelf, records a suitable sale, tries a
prohibited one (only the attempt is recorded) and submits an exception with the special risk
warning; a supervisor approves it from the queue on the one decision screen; the adviser sees the
outcome in their own queue; a sale is cancelled in cooling-off from the client's sales."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from crm_desk.domain.roles import Role
from crm_desk.domain.sales import ExceptionStatus, SaleState
from crm_desk.domain.suitability import Rule, Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.exception_dialog import ExceptionDialog
from crm_desk.ui.main_window import MainWindow
from crm_desk.ui.pages.approvals import ApprovalsPage
from crm_desk.ui.pages.client_page import ClientPage
from crm_desk.ui.pages.client_sales import RequestsModel, ShelfModel
from crm_desk.ui.pages.exception_queue import MyRequestsPage
from crm_desk.ui.sale_dialog import SaleDialog
from crm_desk.ui.tasks import SyncTaskRunner
from crm_desk.ui.verdicts import RulesModel
from tests.conftest import FakeClock, MakeUser
from tests.sales_support import (
    assessed_client,
    cooling_product,
    fitting_product,
    risky_product,
    unassessed_client,
)

INSISTENCE = "Client's own words: I have read the warning and still want this fund."
JUSTIFICATION = "Five years of fund investing; a small share of assets; understands the risk."


@dataclass(frozen=True)
class Desk:
    adviser: Actor
    supervisor: Actor
    compliance: Actor
    client_id: int
    fitting: int
    risky: int
    cooling: int


@pytest.fixture
def desk(services: Services, admin: Actor, make_user: MakeUser) -> Desk:
    adviser = make_user(Role.ADVISER, "li.adviser")
    return Desk(
        adviser=adviser,
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        client_id=assessed_client(services, adviser, "张伟"),
        fitting=fitting_product(services, admin),
        risky=risky_product(services, admin),
        cooling=cooling_product(services, admin),
    )


def client_page(qtbot, services: Services, actor: Actor, client_id: int) -> ClientPage:  # type: ignore[no-untyped-def]
    page = ClientPage(services, actor, client_id, SyncTaskRunner())
    qtbot.addWidget(page)
    page.show()
    return page


def sale_dialog(qtbot, services: Services, desk: Desk, product: int, client: int | None = None):  # type: ignore[no-untyped-def]
    dialog = SaleDialog(
        services, desk.adviser, client or desk.client_id, "张伟", product_id=product
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_shelf_shows_each_verdict_at_a_glance_and_every_rule_on_demand(
    qtbot, services: Services, desk: Desk, qtmodeltester
) -> None:
    page = client_page(qtbot, services, desk.adviser, desk.client_id)
    page.tabs.setCurrentWidget(page.products_tab)
    shelf = page.products_tab
    assert shelf.loaded and shelf.model.rowCount() == 3
    qtmodeltester.check(shelf.model)
    verdicts = {
        shelf.model.row_at(r).terms.code: shelf.model.index(r, ShelfModel.COL_VERDICT).data()
        for r in range(3)
    }
    assert verdicts == {"PF-R4-01": "Needs exception", "PV-R3-01": "Fits", "WM-R2-01": "Fits"}
    colour = shelf.model.index(0, ShelfModel.COL_VERDICT).data(Qt.ItemDataRole.BackgroundRole)
    assert colour is not None
    # The R4 fund: every rule listed with its outcome and basis, in the window's language.
    row = next(
        r for r in range(shelf.proxy.rowCount()) if "PF-R4" in shelf.proxy.index(r, 0).data()
    )
    shelf.table.selectRow(row)
    rules = shelf.rules.model
    qtmodeltester.check(rules)
    assert rules.rowCount() == len(Rule)
    texts = [rules.index(r, RulesModel.COL_OUTCOME).data() for r in range(rules.rowCount())]
    assert texts.count("⚑ Needs exception") == 1 and "✔ Passed" in texts
    assert "R4" in rules.index(1, RulesModel.COL_MESSAGE).data()
    assert rules.index(1, RulesModel.COL_BASIS).data()
    assert "Needs exception" in shelf.rules.heading.text()
    shelf.show_choice.setCurrentIndex(shelf.show_choice.findData(Verdict.SUITABLE.value))
    assert shelf.proxy.rowCount() == 2
    # Judged at another amount: below the minimums, the products are not allowed.
    shelf.amount.setText("1,500")
    shelf.refresh()
    shelf.show_choice.setCurrentIndex(0)
    assert {shelf.model.row_at(r).verdict for r in range(3)} == {
        Verdict.PROHIBITED,
        Verdict.NEEDS_EXCEPTION,
    }
    shelf.amount.setText("1.234")
    shelf.refresh()
    assert "two decimal places" in shelf.amount_form.error_text("amount")


def test_an_adviser_records_a_suitable_sale(qtbot, services: Services, desk: Desk, admin) -> None:  # type: ignore[no-untyped-def]
    dialog = sale_dialog(qtbot, services, desk, desk.fitting)
    assert dialog.amount.text() == "10000.00"  # the product's minimum to start with
    dialog.amount.setText("5000")
    dialog.refresh_check()
    assert dialog.check is not None and dialog.check.evaluation.verdict is Verdict.PROHIBITED
    assert "Not allowed (Minimum amount)" in dialog.action_button.text()
    dialog.amount.setText("12.345")
    dialog.refresh_check()
    assert "two decimal places" in dialog.form.error_text("amount")
    assert not dialog.action_button.isEnabled()
    dialog.amount.setText("50,000")
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=2000)  # follows the typing
    assert dialog.verdict_text() == "Fits" and dialog.action_button.text() == "Record sale"
    assert dialog.rules.model.rowCount() == len(Rule)
    assert not dialog.exception_box.isVisible()
    with qtbot.waitSignal(dialog.recorded) as recorded:
        dialog.action_button.click()
    assert recorded.args[0].amount == 50000
    [sale] = services.sales.client_sales(desk.adviser, desk.client_id)
    assert sale.terms.code == "WM-R2-01" and sale.verdict is Verdict.SUITABLE
    assert services.audit.list_events(admin, limit=5)[0].action == "sale.recorded"


def test_a_prohibited_attempt_is_recorded_and_nothing_else(
    qtbot, services: Services, desk: Desk, admin
) -> None:  # type: ignore[no-untyped-def]
    client = unassessed_client(services, desk.adviser, "王芳")
    dialog = sale_dialog(qtbot, services, desk, desk.fitting, client)
    assert dialog.check is not None and dialog.check.evaluation.verdict is Verdict.PROHIBITED
    assert "Valid risk assessment" in dialog.action_button.text()
    with qtbot.waitSignal(dialog.attempted):
        dialog.action_button.click()
    assert dialog.isVisible() and not dialog.action_button.isEnabled()
    assert "refused attempt was recorded" in dialog.status.text()
    assert "no confirmed" in dialog.status.text().lower() or "assessment" in dialog.status.text()
    assert services.sales.client_sales(desk.adviser, client) == []
    event = services.audit.list_events(admin, limit=1)[0]
    assert event.action == "sale.refused" and event.entity_id == str(client)


def test_an_exception_is_submitted_with_the_warning_and_approved_from_the_queue(
    qtbot, services: Services, desk: Desk, qtmodeltester
) -> None:
    dialog = sale_dialog(qtbot, services, desk, desk.risky)
    dialog.amount.setText("20000")
    dialog.refresh_check()
    assert dialog.check is not None
    assert dialog.check.evaluation.verdict is Verdict.NEEDS_EXCEPTION
    assert dialog.exception_box.isVisible()
    assert dialog.action_button.text() == "Submit for approval"
    warning = dialog.warning.toPlainText()
    assert "Special risk warning" in warning and "Growth equity fund" in warning
    assert "Market risk" in warning  # the product's risk factors are read to the client
    dialog.action_button.click()  # nothing ticked, nothing written
    assert dialog.isVisible()
    assert "special risk warning" in dialog.exception_form.error_text("warning_given")
    assert dialog.exception_form.error_text("justification")
    assert services.sales.my_requests(desk.adviser) == []
    dialog.warning_given.setChecked(True)
    dialog.client_insists.setChecked(True)
    dialog.insistence.setPlainText(INSISTENCE)
    dialog.justification.setPlainText(JUSTIFICATION)
    with qtbot.waitSignal(dialog.submitted) as submitted:
        dialog.action_button.click()
    request = submitted.args[0]
    assert request.status is ExceptionStatus.PENDING

    # The supervisor's queue: the request, its age against the deadline.
    approvals = ApprovalsPage(services, desk.supervisor)
    qtbot.addWidget(approvals)
    queue = approvals.exceptions
    qtmodeltester.check(queue.model)
    assert queue.model.rowCount() == 1 and queue.pending_count() == 1
    waiting = queue.model.index(0, RequestsModel.COL_WAITING).data()
    assert waiting == "0 min of 48 h"
    decision = queue.open_request(queue.table.currentIndex())
    assert isinstance(decision, ExceptionDialog)
    qtbot.addWidget(decision)
    assert JUSTIFICATION in decision.case_text.text()
    assert INSISTENCE.replace("'", "&#x27;") in decision.case_text.text()
    assert decision.verdicts.count() == 2  # today's verdict and the one at submission
    assert decision.today.model.rowCount() == len(Rule)
    assert decision.approve_button.isVisible()
    decision.approve_button.click()  # no comment: refused at the field
    assert "reason for the decision" in decision.form.error_text("comment")
    decision.comment.setPlainText("Agreed: experienced client, small amount")
    with qtbot.waitSignal(decision.decided) as decided:
        decision.approve_button.click()
    result = decided.args[0]
    assert result.request.status is ExceptionStatus.APPROVED and result.sale is not None
    assert "the sale was recorded" in decision.note.text()
    assert not decision.approve_button.isVisible()
    assert queue.pending_count() == 0

    # The adviser sees the outcome in their own queue.
    mine = MyRequestsPage(services, desk.adviser)
    qtbot.addWidget(mine)
    assert mine.model.rowCount() == 1
    assert mine.model.index(0, RequestsModel.COL_STATUS).data() == "Approved"
    assert "small amount" in mine.model.index(0, mine.model.columnCount() - 1).data()


def test_four_eyes_and_compliance_see_the_screen_without_the_buttons(
    qtbot, services: Services, desk: Desk
) -> None:
    request = services.sales.submit_exception(
        desk.supervisor,
        desk.client_id,
        desk.risky,
        "20000",
        True,
        True,
        INSISTENCE,
        JUSTIFICATION,
    )
    for actor, why in (
        (desk.supervisor, "your own sale"),
        (desk.compliance, "Compliance reads"),
        (desk.adviser, "Waiting for a supervisor"),
    ):
        dialog = ExceptionDialog(services, actor, request.id)
        qtbot.addWidget(dialog)
        assert not dialog.approve_button.isVisible() and not dialog.decision_box.isVisible()
        assert why in dialog.note.text()


def test_an_overdue_request_is_highlighted_and_a_lapse_is_explained(
    qtbot, services: Services, desk: Desk, clock: FakeClock
) -> None:
    request = services.sales.submit_exception(
        desk.adviser, desk.client_id, desk.risky, "20000", True, True, INSISTENCE, JUSTIFICATION
    )
    clock.advance(days=800)  # past the deadline, and the assessment has expired
    approvals = ApprovalsPage(services, desk.supervisor)
    qtbot.addWidget(approvals)
    model = approvals.exceptions.model
    assert "overdue" in model.index(0, RequestsModel.COL_WAITING).data()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 overdue" in approvals.exceptions.summary.text()
    dialog = ExceptionDialog(services, desk.supervisor, request.id)
    qtbot.addWidget(dialog)
    assert "no longer allowed" in dialog.note.text()
    dialog.comment.setPlainText("Agreed on the facts submitted")
    dialog.decide(True)
    assert "lapsed" in dialog.note.text()
    mine = MyRequestsPage(services, desk.adviser)
    qtbot.addWidget(mine)
    assert mine.model.index(0, RequestsModel.COL_STATUS).data().startswith("Lapsed")
    assert "now not allowed" in mine.model.index(0, mine.model.columnCount() - 1).data()


def test_a_sale_in_cooling_off_is_cancelled_from_the_client_sales(
    qtbot, services: Services, desk: Desk, qtmodeltester
) -> None:
    services.sales.record(desk.adviser, desk.client_id, desk.cooling, "1000000")
    page = client_page(qtbot, services, desk.adviser, desk.client_id)
    page.tabs.setCurrentWidget(page.sales_tab)
    tab = page.sales_tab
    qtmodeltester.check(tab.sales)
    assert tab.sales.rowCount() == 1
    assert "In cooling-off until" in tab.sales.index(0, 5).data()
    assert "Cooling-off ends" in tab.facts.text()
    assert tab.cancel_button.isEnabled()
    dialog = tab.cancel_sale()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.isVisible() and dialog.form.error_text("text")
    dialog.text.setText("The client changed their mind")
    dialog.save()
    [sale] = services.sales.client_sales(desk.adviser, desk.client_id)
    assert sale.state is SaleState.CANCELLED
    assert tab.sales.index(0, 5).data() == "Cancelled"
    assert "changed their mind" in tab.facts.text()
    assert not tab.cancel_button.isEnabled()
    kinds = {page.timeline.row_at(r).kind for r in range(page.timeline.rowCount())}
    assert {"sale", "sale_cancelled"} <= kinds


def test_a_supervisor_decides_from_the_main_window(qtbot, services: Services, desk: Desk) -> None:
    services.sales.submit_exception(
        desk.adviser, desk.client_id, desk.risky, "20000", True, True, INSISTENCE, JUSTIFICATION
    )
    window = MainWindow(services, desk.supervisor, "test", SyncTaskRunner())
    qtbot.addWidget(window)
    window.show_page("approvals")
    approvals = window.page("approvals")
    assert isinstance(approvals, ApprovalsPage)
    assert approvals.exceptions.pending_count() == 1
    compliance = MainWindow(services, desk.compliance, "test", SyncTaskRunner())
    qtbot.addWidget(compliance)
    assert "approvals" in compliance.page_names and "my_requests" not in compliance.page_names
    adviser = MainWindow(services, desk.adviser, "test", SyncTaskRunner())
    qtbot.addWidget(adviser)
    assert "my_requests" in adviser.page_names and "approvals" not in adviser.page_names
