"""After the sale, as the branch would do it: a colleague of the seller makes the follow-up
call with its checklist, answers a "no", and the supervisor sees and resolves the case; an
adviser closes a suitability review after a re-rating."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from crm_desk.domain.aftercare import CHECKLIST_IDS, CallState, CallStatus, ReviewOutcome
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.ui.pages.callbacks import CallbacksPage, callback_timeline_detail
from crm_desk.ui.pages.reviews import ReviewsPage, review_timeline_detail
from crm_desk.ui.table_model import ROW_ROLE
from tests.aftercare_support import Branch, make_branch, new_client, new_product, rerate, sell
from tests.conftest import FakeClock, MakeUser

CTRL = Qt.KeyboardModifier.ControlModifier
RED = "#fde7e9"


@pytest.fixture
def branch(services: Services, admin: Actor, make_user: MakeUser) -> Branch:
    return make_branch(services, admin, make_user)


def show(qtbot: Any, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_colleague_records_a_no_and_the_supervisor_resolves_the_case(
    qtbot: Any, qtmodeltester: Any, services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller, name="陈回访")
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=24)
    sell(services, branch.seller, client, product)

    # During cooling-off: listed, but nobody may call yet.
    page = show(qtbot, CallbacksPage(services, branch.colleague))
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.selected().state is CallState.WAITING
    assert not page.call_button.isEnabled() and page.call_selected() is None
    assert not page.client_button.isEnabled()  # not the colleague's client
    assert "Cooling-off until" in page.detail.text()

    # The seller sees the same call and may never make it.
    seller_page = show(qtbot, CallbacksPage(services, branch.seller))
    seller_page.table.selectRow(0)
    assert not seller_page.call_button.isEnabled()

    # Cooling-off over: the call is due, shown in amber; later in red once overdue.
    clock.advance(hours=25)
    page.refresh()
    page.table.selectRow(0)
    assert page.selected().state is CallState.DUE and page.call_button.isEnabled()
    assert "0 overdue · 1 to call" in page.summary.text()

    dialog = page.call_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.checklist.isEnabled() is False  # nothing chosen yet
    qtbot.mouseClick(dialog.reached, Qt.MouseButton.LeftButton)
    assert dialog.checklist.isEnabled() and not dialog.next_try.isEnabled()
    # Saving with questions unanswered: each one says so, nothing is recorded.
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert (
        dialog.checklist_form.error_text("answer.identity")
        == "Answer yes or no, as the client said."
    )
    dialog.reveal_phone()
    assert dialog.phone.text().startswith("Mobile: +86")
    for item in CHECKLIST_IDS:
        dialog.set_answer(item, item != "risks_understood")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()  # a "no" needs a note
    assert dialog.after_form.error_text("notes").startswith("Note what the client said")
    qtbot.keyClicks(dialog.notes, "Client thought the product was capital protected.")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result_dto is not None and dialog.result_dto.case_id is not None
    assert "a case was opened" in page.message.text()
    page.table.selectRow(0)
    assert page.selected().status is CallStatus.DONE
    assert "An open case waits for the supervisor." in page.detail.text()

    # The supervisor sees the case and resolves it with a note.
    boss = show(qtbot, CallbacksPage(services, branch.supervisor))
    qtmodeltester.check(boss.cases_model)
    assert boss.tabs.tabText(1) == "Cases (1)"
    boss.tabs.setCurrentIndex(1)
    boss.cases_table.selectRow(0)
    case = boss.selected_case()
    assert case is not None and case.failed_items == ("risks_understood",)
    assert "Answered no" in boss.case_detail.text()
    assert "capital protected" in boss.case_detail.text()
    resolve = boss.resolve_selected()
    assert resolve is not None
    qtbot.waitExposed(resolve)
    qtbot.keyClicks(resolve.resolution, "ok")
    qtbot.keyClick(resolve, Qt.Key.Key_Return, CTRL)
    assert resolve.isVisible()
    assert resolve.form.error_text("resolution") == "Write in a few words what was done."
    resolve.resolution.setPlainText("已约客户到网点，由主管重新讲解产品风险，客户确认理解。")
    qtbot.keyClick(resolve, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not resolve.isVisible())
    assert boss.cases_model.rowCount() == 0 and boss.tabs.tabText(1) == "Cases"
    boss.show_resolved.setChecked(True)
    assert boss.cases_model.rowCount() == 1
    assert boss.cases_model.row_at(0).resolved_by == branch.supervisor.display_name


def test_overdue_calls_are_red(
    qtbot: Any, services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller)
    product = new_product(services, branch.admin, risk="R2", cooling_off_hours=24)
    sell(services, branch.seller, client, product)
    clock.advance(hours=24, days=services.policy.aftercare.callback_days, minutes=1)
    page = show(qtbot, CallbacksPage(services, branch.colleague))
    index = page.proxy.index(0, 0)
    assert index.data(ROW_ROLE).state is CallState.OVERDUE
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == RED
    assert page.proxy.index(0, 0).data() == "Overdue"


def test_an_adviser_closes_a_review_task(
    qtbot: Any, qtmodeltester: Any, services: Services, branch: Branch, clock: FakeClock
) -> None:
    client = new_client(services, branch.seller, name="赵持有")
    product = new_product(services, branch.admin, risk="R3")
    sell(services, branch.seller, client, product, "80000")
    clock.advance(days=30)
    rerate(services, branch.admin, product, "R4")

    page = show(qtbot, ReviewsPage(services, branch.seller))
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1 and "1 open reviews" in page.summary.text()
    page.table.selectRow(0)
    review = page.selected()
    assert review is not None and review.client_name == "赵持有"
    row = [page.proxy.index(0, c).data() for c in range(page.proxy.columnCount())]
    assert "Product re-rated R3 → R4" in row and "Would need an exception today" in row
    assert "80,000.00 CNY" in row
    assert "赵持有" in page.detail.text() and "•" in page.detail.text()

    dialog = page.close_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.form.error_text("outcome") == "Choose what came of the review."
    assert dialog.form.error_text("note") == "Write in a few words what was done."
    dialog.choose(ReviewOutcome.CLIENT_KEEPS)
    dialog.note.setPlainText("已电话告知客户风险等级上调，客户书面确认继续持有。")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.model.rowCount() == 0
    assert "closed" in page.message.text()
    page.status.setCurrentIndex(page.status.findData("closed"))
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert "Client informed, confirms keeping it" in page.detail.text()
    assert not page.close_button.isEnabled()

    # The supervisor sees the branch's reviews, closed ones included, by adviser.
    boss = show(qtbot, ReviewsPage(services, branch.supervisor))
    boss.status.setCurrentIndex(boss.status.findData(""))
    assert boss.model.rowCount() == 1
    assert boss.model.row_at(0).adviser_name == branch.seller.display_name
    assert timedelta(0) <= clock.now - boss.model.row_at(0).created_at


def test_the_client_timeline_says_in_words_what_came_of_calls_and_reviews() -> None:
    assert callback_timeline_detail("open") == "Call to make"
    assert callback_timeline_detail("done:contract_read,identity") == (
        "Call made — Answered no: Has the client read the contract and the product documents? / "
        "Did the client confirm their identity (name and last four digits of the ID)?"
    )
    assert review_timeline_detail("product_rerated:R3:R4:closed:client_keeps") == (
        "Product re-rated R3 → R4 · Closed: Client informed, confirms keeping it"
    )
    assert review_timeline_detail("assessment_lowered:C4:C3:open") == (
        "Assessment lower: C4 → C3 · Open"
    )
