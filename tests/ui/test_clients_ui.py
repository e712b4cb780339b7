"""pytest-qt: the client list pages through the database, search finds and opens a client, the
profile edits with errors at the fields, personal data is revealed only on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desk.domain.roles import Role
from crm_desk.services.client_dto import ClientQuery
from crm_desk.ui.client_form import ClientFormDialog
from crm_desk.ui.pages.client_list_model import ClientListModel, ClientSource
from crm_desk.ui.pages.clients import ClientsArea
from crm_desk.ui.tasks import SyncTaskRunner
from tests.clients_support import client_input, numbered_client


@pytest.fixture
def adviser(make_user):
    return make_user(Role.ADVISER, username="li.na")


def add_clients(services, actor, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        services.clients.create_client(actor, numbered_client(n), acknowledge_similar=True)


def model_for(services, actor, every: int) -> ClientListModel:
    clients = services.clients
    source = ClientSource(
        search=lambda q, **kw: clients.search(actor, q, **kw),
        page=lambda q, **kw: clients.client_page(actor, q, **kw),
        anchors=lambda q: clients.anchors(actor, q),
    )
    return ClientListModel(source, SyncTaskRunner(), anchor_every=every)


def test_the_list_model_knows_the_count_and_loads_only_what_is_shown(
    services, adviser, qtmodeltester, monkeypatch
):
    import crm_desk.services.clients as client_service

    monkeypatch.setattr(client_service, "ANCHOR_EVERY", 64)
    add_clients(services, adviser, 450)
    model = model_for(services, adviser, every=64)
    model.PAGE = 50
    model.set_query(ClientQuery())  # the count and the first page in one search
    assert model.rowCount() == 450 and model.cached_pages() == 1
    everything = services.clients.client_page(adviser, ClientQuery(), limit=1000)

    assert model.row_at(49) == everything[49] and model.page_loads == 0
    assert model.row_at(50) == everything[50] and model.page_loads == 1
    assert model.row_at(449) == everything[449]  # the end: read backwards, no walk
    assert model.page_loads == 2
    assert model.row_at(260) is None  # a deep jump waits for the anchors ...
    model.prepare_anchors()
    assert model.row_at(260) == everything[260]  # ... then lands on an anchor plus a short skip
    assert model.row_at(311) == everything[311]
    assert model.row_at(210) == everything[210]  # the page before a cached one: backwards
    for row in range(0, 450, 7):
        assert model.row_at(row) == everything[row]
    assert model.cached_pages() <= model.CACHE_PAGES
    qtmodeltester.check(model)


def test_sorting_by_birth_date_reorders_in_the_database(services, adviser):
    add_clients(services, adviser, 30)
    model = model_for(services, adviser, every=1024)
    model.set_query(ClientQuery())
    model.sort(3, Qt.SortOrder.DescendingOrder)
    births = [model.row_at(r).birth_date for r in range(model.rowCount())]
    assert births == sorted(births, reverse=True) and len(births) == 30


def test_search_then_open_then_edit_with_a_validation_error(qtbot, services, adviser):
    add_clients(services, adviser, 20)
    services.clients.create_client(adviser, client_input(name="欧阳娜娜", phone="13900001111"))
    area = ClientsArea(services, adviser, SyncTaskRunner())
    qtbot.addWidget(area)
    page = area.list_page
    assert page.count_label.text() == "21 clients"

    page.search.setText("娜娜")  # a two-character Chinese fragment
    qtbot.waitUntil(lambda: page.count_label.text() == "1 clients", timeout=3000)
    assert page.model.row_at(0).name == "欧阳娜娜"
    page.search.setText("1111")  # the last four digits of the mobile
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).name == "欧阳娜娜")
    page.search.setText("no such person")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.empty.isVisibleTo(page) and "No client matches" in page.empty.text()

    page.search.setText("oynn")  # pinyin initials
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page._open_current()
    client_page = area.client_pages()[0]
    assert area.tabs.currentWidget() is client_page
    assert client_page.values["phone"].text() == "139****1111"  # masked until asked

    dialog = client_page.edit()
    qtbot.addWidget(dialog)
    dialog.financial_assets.setText("lots")
    dialog.submit()
    assert dialog.isVisible()
    assert "Enter an amount in yuan" in dialog.form.error_text("financial_assets")
    dialog.financial_assets.setText("2,000,000")
    dialog.occupation.setText("教师")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert client_page.values["occupation"].text() == "教师"
    assert client_page.values["assets"].text() == "¥2,000,000.00"
    assert client_page.values["phone"].text() == "139****1111"  # kept, never revealed to edit
    kinds = [client_page.timeline.row_at(r).title for r in range(client_page.timeline.rowCount())]
    assert kinds[:2] == ["client.updated", "client.created"]


def test_reveal_shows_the_full_number_and_is_audited(qtbot, services, adviser, admin):
    detail = services.clients.create_client(adviser, client_input(phone="13812345678"))
    area = ClientsArea(services, adviser, SyncTaskRunner())
    qtbot.addWidget(area)
    page = area.open_client(detail.id)
    assert page is not None
    page.reveal_buttons["phone"].click()
    assert page.values["phone"].text() == "+8613812345678"
    events = services.audit.list_events(admin, limit=3)
    assert events[0].action == "client.revealed" and events[0].changes["field"] == [None, "phone"]


def test_a_duplicate_identity_number_offers_to_open_the_existing_client(
    qtbot, services, adviser, monkeypatch
):
    existing = services.clients.create_client(adviser, client_input())
    area = ClientsArea(services, adviser, SyncTaskRunner())
    qtbot.addWidget(area)
    dialog = ClientFormDialog(services, adviser, parent=area)
    qtbot.addWidget(dialog)
    dialog.open_client.connect(area.open_client)
    raw = client_input(name="张伟伟")
    dialog.name.setText(raw.name)
    dialog.id_number.setText(raw.id_number)
    dialog._fill_from_id()
    assert dialog.birth_date.date().toString("yyyy-MM-dd") == "1980-05-17"  # from the ID
    dialog.phone.setText("13800000000")
    dialog.income_band.setCurrentIndex(dialog.income_band.findData("300k_500k"))
    dialog.horizon.setCurrentIndex(dialog.horizon.findData("3_5y"))
    dialog.liquidity.setCurrentIndex(dialog.liquidity.findData("medium"))
    dialog.objectives.boxes["balanced_growth"].setChecked(True)
    dialog.financial_assets.setText("100000")

    def press_open(box: QMessageBox) -> int:
        open_button = next(b for b in box.buttons() if "Open the existing" in b.text())
        open_button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_open)
    dialog.submit()
    assert [p.client_id for p in area.client_pages()] == [existing.id]
    assert services.clients.count_clients(adviser, ClientQuery()) == 1


def test_concurrent_edit_is_explained_and_reload_shows_their_version(
    qtbot, services, adviser, monkeypatch
):
    detail = services.clients.create_client(adviser, client_input())
    dialog = ClientFormDialog(services, adviser, detail)
    qtbot.addWidget(dialog)
    from dataclasses import replace

    services.clients.update_client(
        adviser, detail.id, detail.version, replace(client_input(), occupation="医生")
    )
    dialog.occupation.setText("律师")
    shown: list[str] = []

    def press_reload(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == "Reload").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_reload)
    dialog.submit()
    assert "occupation" in shown[0] and "Nothing was overwritten" in shown[0]
    assert dialog.occupation.text() == "医生"  # their version, nothing of ours saved
    assert services.clients.get_client(adviser, detail.id).occupation == "医生"


def test_export_writes_the_list_as_shown_masked_unless_asked(
    qtbot, services, adviser, admin, tmp_path
):
    import openpyxl

    add_clients(services, adviser, 12)
    area = ClientsArea(services, adviser, SyncTaskRunner())
    qtbot.addWidget(area)
    page = area.list_page
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.csv"
    page.export(str(masked), unmasked=False)
    assert "12 clients written" in page.count_label.text()
    cells = [
        str(c)
        for row in openpyxl.load_workbook(masked).active.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert any("****" in c for c in cells)
    assert not any(c.startswith("1390000") for c in cells)  # no full mobile

    page.export(str(full), unmasked=True)
    text = full.read_text(encoding="utf-8-sig")
    assert "+8613900000001" in text or "13900000001" in text
    event = services.audit.list_events(admin, limit=1)[0]
    assert event.action == "clients.exported"
