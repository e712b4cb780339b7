"""The engine's inputs read from the database (crm_desk/services/snapshots.py), on SQLite and on
PostgreSQL (CRM_DESK_TEST_DATABASE_URL): the bulk loader gives exactly what the one-client
loader gives — no assessment, an expired one, two of them, the lowest category, a draft that does
not count — in chunks or through a subquery; evaluate_holders; the shelf's terms as plain rows.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_desk.db.models import Client, Product
from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.clients import InvestorType
from crm_desk.domain.errors import NotFound
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import ProductRisk, ProductStatus
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.roles import Role
from crm_desk.domain.suitability import ClientSnapshot, Rule, Verdict, evaluate
from crm_desk.services import snapshots
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.snapshots import (
    client_snapshot,
    client_snapshots,
    evaluate_holders,
    shelf_terms,
    terms_of,
)
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

GROWTH = BALANCED | {  # C4
    "age": ["31_50"],
    "experience_products": ["funds", "stocks"],
    "objective": ["balanced_growth"],
    "horizon": ["3_5y"],
    "liquidity": ["after_3y"],
    "loss_attitude": ["moderate_loss"],
    "max_loss": ["10_30"],
    "reaction_to_fall": ["hold"],
    "risk_return_choice": ["mostly_b"],
}
LOWEST = BALANCED | {"loss_attitude": ["no_loss"], "max_loss": ["none"]}


@dataclass(frozen=True)
class Clients:
    none: int  # never assessed (a draft only)
    expired: int  # assessed 25 months before "today"
    two: int  # assessed twice, on different days: the later one counts
    same_moment: int  # assessed twice at the same instant: the higher id counts
    lowest: int  # lowest category
    professional: int  # a professional investor with a valid C3
    today: date


def assess(services: Services, adviser: Actor, client_id: int, answers: object) -> int:
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, answers)  # type: ignore[arg-type]
    return services.assessments.confirm(adviser, draft.id, draft.version, True).id


@pytest.fixture
def clients(
    services: Services, make_user: MakeUser, clock: FakeClock, uow: UnitOfWorkFactory
) -> Clients:
    adviser = make_user(Role.ADVISER, "snap.adviser")

    def new(n: int) -> int:
        form = numbered_client(n, name=f"快照{n}")
        return services.clients.create_client(adviser, form, acknowledge_similar=True).id

    ids = [new(n) for n in range(401, 407)]  # born 1990-91: no elderly rule
    none, expired, two, same_moment, lowest, professional = ids
    clock.now = datetime(2024, 1, 10, 3, 0, tzinfo=UTC)
    assess(services, adviser, expired, BALANCED)
    assess(services, adviser, two, GROWTH)  # C4, later replaced by a C3
    clock.now = datetime(2026, 2, 10, 3, 0, tzinfo=UTC)
    assess(services, adviser, two, BALANCED)
    assess(services, adviser, same_moment, BALANCED)
    assess(services, adviser, same_moment, GROWTH)  # same instant, higher id: C4 counts
    assess(services, adviser, lowest, LOWEST)
    assess(services, adviser, professional, BALANCED)
    services.assessments.start(adviser, none)  # a draft is not an assessment
    with uow() as u:
        u.session.execute(
            update(Client)
            .where(Client.id == professional)
            .values(investor_type=InvestorType.PROFESSIONAL.value)
        )
        u.commit()
    clock.now = datetime(2026, 2, 12, 3, 0, tzinfo=UTC)
    today = clock.now.astimezone().date()
    return Clients(none, expired, two, same_moment, lowest, professional, today)


def one_by_one(uow: UnitOfWorkFactory, ids: list[int], today: date) -> dict[int, ClientSnapshot]:
    with uow() as u:
        return {
            i: client_snapshot(u, u.session.get(Client, i), today)  # type: ignore[arg-type]
            for i in ids
        }


def all_ids(c: Clients) -> list[int]:
    return [c.none, c.expired, c.two, c.same_moment, c.lowest, c.professional]


def test_the_bulk_loader_gives_what_the_single_loader_gives(
    clients: Clients, uow: UnitOfWorkFactory
) -> None:
    ids = all_ids(clients)
    expected = one_by_one(uow, ids, clients.today)
    with uow() as u:
        bulk = client_snapshots(u, ids, clients.today)
    assert bulk == expected
    # ... and the facts are the right ones, not merely the same:
    assert bulk[clients.none].assessment is None
    expired = bulk[clients.expired].assessment
    assert expired is not None and expired.valid_until < clients.today
    assert bulk[clients.expired].valid_assessment is None
    two = bulk[clients.two].assessment
    assert two is not None and two.level is RiskLevel.C3
    assert two.assessed_on == date(2026, 2, 10)
    same = bulk[clients.same_moment].assessment
    assert same is not None and same.level is RiskLevel.C4
    lowest = bulk[clients.lowest].assessment
    assert lowest is not None and lowest.lowest_category and lowest.level is RiskLevel.C1
    assert bulk[clients.professional].investor_type is InvestorType.PROFESSIONAL
    assert bulk[clients.two].name == "快照403" and bulk[clients.two].as_of == clients.today


def test_chunks_duplicates_and_unknown_ids(
    clients: Clients, uow: UnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = all_ids(clients)
    expected = one_by_one(uow, ids, clients.today)
    monkeypatch.setattr(snapshots, "CHUNK", 2)
    monkeypatch.setattr(snapshots, "PG_CHUNK", 2)
    with uow() as u:
        bulk = client_snapshots(u, [*reversed(ids), ids[0], ids[3], 999_999], clients.today)
        assert client_snapshots(u, [], clients.today) == {}
    assert bulk == expected
    assert list(bulk) == sorted(ids)


def test_a_select_of_ids_is_used_as_a_subquery(clients: Clients, uow: UnitOfWorkFactory) -> None:
    ids = all_ids(clients)
    expected = one_by_one(uow, ids, clients.today)
    with uow() as u:
        everyone = client_snapshots(u, select(Client.id), clients.today)
        some = client_snapshots(
            u, select(Client.id).where(Client.name.in_(["快照402", "快照403"])), clients.today
        )
    assert everyone == expected
    assert some == {clients.expired: expected[clients.expired], clients.two: expected[clients.two]}


def test_snapshots_count_the_day_they_are_read_for(
    clients: Clients, uow: UnitOfWorkFactory, policy: Policy
) -> None:
    """The valid-until day is fixed in the assessment; the day read for decides validity."""
    with uow() as u:
        before = client_snapshots(u, [clients.expired], date(2026, 1, 10))[clients.expired]
        after = client_snapshots(u, [clients.expired], date(2026, 1, 11))[clients.expired]
    assert before.valid_assessment is not None  # 24 months: valid up to 2026-01-10 itself
    assert after.valid_assessment is None


def product_row(code: str, risk: str, status: str = "on_sale", **more: object) -> Product:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    values: dict[str, object] = {
        "code": code,
        "name_zh": f"产品{code}",
        "name_en": f"Product {code}",
        "product_type": "public_fund",
        "issuer": "某基金管理有限公司",
        "risk_level": risk,
        "is_complex": False,
        "horizon_months": 12,
        "redemption": "daily",
        "redemption_terms": "T+1",
        "min_amount": Decimal("1000.00"),
        "currency": "CNY",
        "cooling_off_hours": 0,
        "risk_factors_zh": json.dumps(["市场风险", "流动性风险"], ensure_ascii=False),
        "risk_factors_en": json.dumps(["Market risk", "Liquidity risk"]),
        "status": status,
        "created_at": now,
        "updated_at": now,
        **more,
    }
    return Product(**values)


def test_evaluate_holders_judges_each_holding_in_the_order_given(
    clients: Clients, uow: UnitOfWorkFactory, policy: Policy
) -> None:
    with uow() as u:
        u.session.add(product_row("F-R4", "R4"))
        u.commit()
    with uow() as u:
        product = u.session.execute(select(Product).where(Product.code == "F-R4")).scalar_one()
        terms = terms_of(product)
        holdings = [
            (clients.two, Decimal("5000.00")),
            (clients.none, Decimal("5000.00")),
            (clients.same_moment, Decimal("5000.00")),
            (clients.two, Decimal("500.00")),  # a second holding: below the minimum now
            (clients.professional, Decimal("8000.00")),
        ]
        judged = evaluate_holders(u, terms, holdings, clients.today, policy)
        by_mapping = evaluate_holders(
            u, terms, {clients.lowest: Decimal("2000.00")}, clients.today, policy
        )
        with pytest.raises(NotFound):
            evaluate_holders(u, terms, [(999_999, Decimal(1))], clients.today, policy)
    singles = one_by_one(uow, [h[0] for h in holdings], clients.today)
    assert [client_id for client_id, _ in judged] == [h[0] for h in holdings]
    for (client_id, amount), (_, evaluation) in zip(holdings, judged, strict=True):
        assert evaluation == evaluate(singles[client_id], terms, amount, policy)
    verdicts = [e.verdict for _, e in judged]
    assert verdicts == [
        Verdict.NEEDS_EXCEPTION,  # C3 holding an R4
        Verdict.PROHIBITED,  # never assessed
        Verdict.SUITABLE,  # C4
        Verdict.PROHIBITED,  # below the minimum
        Verdict.SUITABLE,  # professional: a note
    ]
    [(lowest_id, lowest)] = by_mapping
    assert lowest_id == clients.lowest
    assert lowest.outcome(Rule.RISK_MATCH).value == "prohibited"


def test_the_shelf_terms_are_the_terms_of_each_product(uow: UnitOfWorkFactory) -> None:
    with uow() as u:
        u.session.add_all(
            [
                product_row("B-2", "R2"),
                product_row("A-1", "R1", is_complex=True, currency="USD"),
                product_row("C-5", "R5", status="suspended"),
                product_row("D-3", "R3", status="closed", min_amount=Decimal("0.01")),
            ]
        )
        u.commit()
    with uow() as u:
        objects = {p.id: terms_of(p) for p in u.session.execute(select(Product)).scalars()}
        on_sale = shelf_terms(u)
        everything = shelf_terms(u, None)
        suspended = shelf_terms(u, ProductStatus.SUSPENDED)
    assert [t.code for _, t in on_sale] == ["A-1", "B-2"]
    assert [t.code for _, t in everything] == ["A-1", "B-2", "C-5", "D-3"]
    assert [t.code for _, t in suspended] == ["C-5"]
    assert dict(everything) == objects
    a1 = dict(on_sale)[next(i for i, t in on_sale if t.code == "A-1")]
    assert a1.is_complex and a1.currency == "USD" and a1.risk_level is ProductRisk.R1
    assert a1.risk_factors_zh == ("市场风险", "流动性风险")
    assert a1.min_amount == Decimal("1000.00")


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The workstation in China (UTC+8): the branch's day turns at 16:00 UTC."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_assessment_day_is_the_branchs_day_in_both_loaders(
    services: Services,
    clients: Clients,
    uow: UnitOfWorkFactory,
    clock: FakeClock,
    make_user: MakeUser,
    shanghai: None,
) -> None:
    adviser = make_user(Role.ADVISER, "late.adviser")
    late = services.clients.create_client(
        adviser, numbered_client(420, name="晚评估"), acknowledge_similar=True
    ).id
    clock.now = datetime(2026, 2, 10, 17, 30, tzinfo=UTC)  # 01:30 on 11 February in Shanghai
    assess(services, adviser, late, BALANCED)
    with uow() as u:
        bulk = client_snapshots(u, [late], date(2026, 2, 11))[late]
    single = one_by_one(uow, [late], date(2026, 2, 11))[late]
    assert bulk == single
    assert bulk.assessment is not None
    assert bulk.assessment.assessed_on == date(2026, 2, 11)
    assert bulk.assessment.valid_until == date(2028, 2, 11)
