"""Sales on a real database: the records cannot be changed or removed, even by hand in SQL, and
two supervisors approving the same exception request at the same moment make one decision."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from crm_desk.domain.errors import Conflict
from crm_desk.domain.roles import Role
from crm_desk.domain.sales import ExceptionStatus
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from tests.conftest import MakeUser
from tests.sales_support import assessed_client, cooling_product, risky_product

pytestmark = pytest.mark.db


@dataclass(frozen=True)
class Recorded:
    sale_id: int
    supervisors: tuple[Actor, Actor]
    request_id: int


@pytest.fixture
def recorded(services: Services, admin: Actor, make_user: MakeUser) -> Recorded:
    """A sale with a cancellation and a correction, and a pending exception request."""
    adviser = make_user(Role.ADVISER, "li.adviser")
    first = make_user(Role.SUPERVISOR, "zhou.supervisor")
    second = make_user(Role.SUPERVISOR, "qian.supervisor")
    client = assessed_client(services, adviser, "张伟")
    sale = services.sales.record(adviser, client, cooling_product(services, admin), "1000000")
    services.sales.cancel(adviser, sale.id, "客户冷静期内撤销")
    services.sales.correct(adviser, sale.id, "合同编号应为 HT-2026-0042")
    request = services.sales.submit_exception(
        adviser,
        client,
        risky_product(services, admin),
        "20000",
        True,
        True,
        "客户书面坚持购买",
        "客户有五年基金投资经验，了解净值波动，仅配置少量比例。",
    )
    return Recorded(sale.id, (first, second), request.id)


CHANGES = [
    ("UPDATE sales SET amount = 1 WHERE id = :id", "sales"),
    ("UPDATE sales SET evaluation = '{}' WHERE id = :id", "sales"),
    ("DELETE FROM sales WHERE id = :id", "sales"),
    ("UPDATE sale_cancellations SET reason = 'changed' WHERE sale_id = :id", "cancellation"),
    ("DELETE FROM sale_cancellations WHERE sale_id = :id", "cancellation"),
    ("UPDATE sale_corrections SET note = 'changed' WHERE sale_id = :id", "correction"),
    ("DELETE FROM sale_corrections WHERE sale_id = :id", "correction"),
]


@pytest.mark.parametrize(("statement", "record"), CHANGES, ids=[c[0][:30] for c in CHANGES])
def test_a_sale_record_cannot_be_changed_or_removed(
    engine: Engine, recorded: Recorded, statement: str, record: str
) -> None:
    with engine.connect() as conn:
        with pytest.raises(DBAPIError) as refused:
            conn.execute(text(statement), {"id": recorded.sale_id})
        assert "a sale record never changes" in str(refused.value)
        conn.rollback()
        count = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM sales) + (SELECT count(*) FROM sale_cancellations)"
                " + (SELECT count(*) FROM sale_corrections)"
            )
        ).scalar_one()
    assert count == 3


def test_truncating_sales_is_refused_on_postgresql(
    engine: Engine, recorded: Recorded, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE trigger covers an unqualified DELETE")
    with engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(text("TRUNCATE sales CASCADE"))


def test_two_supervisors_approving_at_once_make_exactly_one_decision(
    services: Services, recorded: Recorded
) -> None:
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(supervisor: Actor) -> None:
        start.wait()
        try:
            decision = services.sales.approve(
                supervisor, recorded.request_id, f"同意（{supervisor.username}）"
            )
            outcomes.append("approved" if decision.sale is not None else "no sale")
        except Conflict as exc:
            outcomes.append(str(exc.params.get("reason")))
        except Exception as exc:  # noqa: BLE001 - reported in the assertion below
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=approve, args=(s,)) for s in recorded.supervisors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["approved", "exception_decided"], outcomes
    first = recorded.supervisors[0]
    [request] = [r for r in services.sales.exception_queue(first) if r.id == recorded.request_id]
    assert request.status is ExceptionStatus.APPROVED and request.sale_id is not None
    sales = services.sales.client_sales(first, request.client_id)
    assert [s.exception_request_id for s in sales].count(recorded.request_id) == 1
    assert request.decision_comment in {f"同意（{s.username}）" for s in recorded.supervisors}


def test_an_approval_and_a_rejection_at_once_make_exactly_one_decision(
    services: Services, recorded: Recorded
) -> None:
    start = threading.Barrier(2)
    outcomes: list[str] = []
    approver, rejecter = recorded.supervisors

    def decide(approve: bool) -> None:
        start.wait()
        try:
            if approve:
                services.sales.approve(approver, recorded.request_id, "同意，经验充分")
            else:
                services.sales.reject(rejecter, recorded.request_id, "不同意，金额过大")
            outcomes.append("approved" if approve else "rejected")
        except Conflict as exc:
            outcomes.append(str(exc.params.get("reason")))
        except Exception as exc:  # noqa: BLE001
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=decide, args=(flag,)) for flag in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) in (
        ["approved", "exception_decided"],
        ["exception_decided", "rejected"],
    ), outcomes
    [request] = [r for r in services.sales.exception_queue(approver) if r.id == recorded.request_id]
    won = "approved" if "approved" in outcomes else "rejected"
    assert request.status.value == won
    assert (request.sale_id is not None) == (won == "approved")


def test_two_submissions_at_once_make_one_pending_request(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    """Two workstations submit the same exception at the same moment: one request waits."""
    adviser = make_user(Role.ADVISER, "wu.adviser")
    client = assessed_client(services, adviser, "李娜")
    product = risky_product(services, admin, "PF-R4-02")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        start.wait()
        try:
            services.sales.submit_exception(
                adviser,
                client,
                product,
                "20000",
                True,
                True,
                "客户书面坚持购买",
                "客户有五年基金投资经验，了解净值波动，仅配置少量比例。",
            )
            outcomes.append("submitted")
        except Conflict as exc:
            outcomes.append(str(exc.params.get("reason")))
        except Exception as exc:  # noqa: BLE001
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("submitted") == 1, outcomes
    assert set(outcomes) <= {"submitted", "exception_pending", "duplicate"}, outcomes
    assert len(services.sales.client_requests(adviser, client)) == 1
