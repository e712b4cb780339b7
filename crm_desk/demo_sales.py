"""Demo sales of every kind: suitable sales (some still in cooling-off), refused attempts,
exception requests waiting (one overdue, one in the second branch), approved, rejected and one
that lapsed because the client's assessment expired while it waited, a cancellation within
cooling-off and a correction.

Products are looked up on the shelf by what the engine says for each client, not by code; times
in the past are made with the sale service on a past clock (the audit events carry that time too:
a demo only)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from crm_desk.db.models import Assessment, Client
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.clock import ensure_utc
from crm_desk.domain.errors import KnownError
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import SaleDTO
from crm_desk.services.sales import SaleService

AMOUNTS = tuple(Decimal(a) for a in ("50000", "100000", "200000", "300000", "1000000"))
INSISTENCE = (
    "客户亲笔书写：“本人已阅读《特别风险警示书》，知悉该产品风险等级高于本人风险承受能力，"
    "仍坚持购买，风险自担。”（确认书编号 {ref}）"
)
JUSTIFICATIONS = (
    "客户有多年基金投资经验，对净值波动理解充分；本次仅配置其金融资产的一小部分，"
    "作为长期增值部分，已当面讲解最大回撤情形。",
    "客户为企业主，另有大额定期存款作为流动性储备；本产品期限与其子女留学资金计划匹配，"
    "客户明确表示可以承受阶段性亏损。",
    "客户曾持有同类产品并经历过下跌，未提前赎回；本次金额低于其年收入，已提示集中度及流动性风险。",
)


@dataclass(frozen=True, slots=True)
class _Client:
    adviser: Actor
    client_id: int
    assessed_at: datetime | None  # the latest confirmed assessment
    valid_until: date | None


def _clocked(make: Callable[[], UnitOfWork], when: datetime) -> Callable[[], UnitOfWork]:
    def factory() -> UnitOfWork:
        uow = make()
        uow.clock = lambda: when
        return uow

    return factory


def _sales_at(services: Services, when: datetime) -> SaleService:
    """The sale service on a past clock, with the same hooks (follow-up calls, documents)."""
    sales = SaleService(
        _clocked(services.sales.uow_factory, when), services.policy, services.auth.hasher
    )
    sales.after_sale = list(services.sales.after_sale)
    sales.after_exception_submitted = list(services.sales.after_exception_submitted)
    sales.after_cancellation = list(services.sales.after_cancellation)
    return sales


def _clients(services: Services, advisers: list[Actor]) -> list[_Client]:
    by_id = {a.user_id: a for a in advisers}
    with services.clients.uow_factory() as uow:
        assessed = (
            select(Assessment.client_id, func.max(Assessment.confirmed_at).label("at"))
            .where(Assessment.status == "confirmed")
            .group_by(Assessment.client_id)
            .subquery()
        )
        rows = uow.session.execute(
            select(Client.id, Client.adviser_id, Client.assessment_valid_until, assessed.c.at)
            .outerjoin(assessed, assessed.c.client_id == Client.id)
            .where(Client.adviser_id.in_(list(by_id)))
            .order_by(Client.id.desc())  # the aftercare demo takes the first ones
        ).all()
    return [
        _Client(
            by_id[r.adviser_id],
            r.id,
            ensure_utc(r.at) if r.at is not None else None,
            r.assessment_valid_until,
        )
        for r in rows
    ]


def _offers(
    services: Services, client: _Client, verdict: Verdict, when: datetime | None = None
) -> Iterator[tuple[int, Decimal]]:
    """(product, amount) pairs the engine judges ``verdict`` for this client."""
    sales = _sales_at(services, when) if when is not None else services.sales
    try:
        shelf = sales.shelf(client.adviser, client.client_id)
    except KnownError:
        return
    for item in shelf:
        for amount in (item.terms.min_amount, *AMOUNTS):
            if amount < item.terms.min_amount or amount <= 0:
                continue
            check = sales.check(client.adviser, client.client_id, item.product_id, amount)
            if check.evaluation.verdict is verdict:
                yield item.product_id, amount
                break


def _first(
    services: Services,
    clients: list[_Client],
    used: set[int],
    verdict: Verdict,
    when: datetime,
) -> tuple[_Client, int, Decimal] | None:
    """A client not used yet, assessed before ``when`` and still valid today, with a product
    the engine judges ``verdict`` for them on that day."""
    for client in clients:
        if (
            client.client_id in used
            or client.assessed_at is None
            or client.assessed_at > when
            or client.valid_until is None
            or client.valid_until < datetime.now(UTC).astimezone().date()
        ):
            continue
        offer = next(_offers(services, client, verdict, when), None)
        if offer is not None:
            used.add(client.client_id)
            return client, *offer
    return None


def _place(
    services: Services,
    clients: list[_Client],
    used: set[int],
    verdict: Verdict,
    when: datetime,
    now: datetime,
) -> tuple[_Client, int, Decimal, datetime] | None:
    """As ``_first`` at ``when``; failing that (no client assessed that long ago), now."""
    for moment in (when, now):
        found = _first(services, clients, used, verdict, moment)
        if found is not None:
            return (*found, moment)
    return None


def _submit(sales: SaleService, client: _Client, product: int, amount: Decimal, n: int) -> int:
    request = sales.submit_exception(
        client.adviser,
        client.client_id,
        product,
        amount,
        True,
        True,
        INSISTENCE.format(ref=f"TW-2026-{n:04d}"),
        JUSTIFICATIONS[n % len(JUSTIFICATIONS)],
    )
    return request.id


def seed_sales(services: Services, advisers: dict[str, Actor], supervisor: Actor) -> None:
    """Sales by the advisers of both branches; the supervisor decides the first branch's."""
    now = datetime.now(UTC)
    today = now.astimezone().date()
    clients = _clients(services, list(advisers.values()))
    home = [c for c in clients if c.adviser.branch_id == supervisor.branch_id]
    away = [c for c in clients if c.adviser.branch_id != supervisor.branch_id]
    used: set[int] = set()
    number = iter(range(1, 1000))

    # Waiting: one past the deadline, one fresh, one in the other branch. The requests come
    # first: few clients were assessed long enough ago to have asked days before.
    deadline = timedelta(hours=services.policy.suitability.exception_deadline_hours)
    for group, age in (
        (home, deadline + timedelta(hours=20)),
        (home, timedelta(hours=2)),
        (away, timedelta(hours=6)),
    ):
        placed = _place(services, group, used, Verdict.NEEDS_EXCEPTION, now - age, now)
        if placed is not None:
            client, product, amount, when = placed
            _submit(_sales_at(services, when), client, product, amount, next(number))

    # Decided: two approved, one rejected (submitted yesterday if the client was assessed by then).
    for approve in (True, True, False):
        placed = _place(
            services, home, used, Verdict.NEEDS_EXCEPTION, now - timedelta(hours=26), now
        )
        if placed is None:
            break
        client, product, amount, when = placed
        request = _submit(_sales_at(services, when), client, product, amount, next(number))
        decider = _sales_at(services, when + (now - when) * 3 / 4)
        if approve:
            decider.approve(
                supervisor,
                request,
                "已核对特别风险警示书及客户书面确认，客户经验与资金安排合理，同意。",
            )
        else:
            decider.reject(
                supervisor,
                request,
                "金额占客户金融资产比例过高，且期限长于客户资金安排，不同意。",
            )

    # Lapsed: submitted while the assessment was valid; it expired before the supervisor looked.
    for client in home:
        if client.client_id in used or client.valid_until is None or client.valid_until >= today:
            continue
        last = client.valid_until
        then = datetime(last.year, last.month, last.day, 3, tzinfo=UTC) - timedelta(days=2)
        if client.assessed_at is None or client.assessed_at > then:
            continue
        offer = next(_offers(services, client, Verdict.NEEDS_EXCEPTION, then), None)
        if offer is None:
            continue
        used.add(client.client_id)
        request = _submit(_sales_at(services, then), client, *offer, next(number))
        services.sales.approve(supervisor, request, "同意：客户经验充分，金额适中。")
        break
    # Suitable sales over the last weeks (for clients assessed before then) and today.
    recorded: list[SaleDTO] = []
    for n, days_ago in enumerate((40, 25, 12, 6, 3, 1, 0.2, 0.1)):
        group = away if n % 4 == 3 else home
        placed = _place(
            services, group, used, Verdict.SUITABLE, now - timedelta(days=days_ago), now
        )
        if placed is not None:
            client, product, amount, when = placed
            recorded.append(
                _sales_at(services, when).record(client.adviser, client.client_id, product, amount)
            )

    # Products with a cooling-off period bought this morning: one still in it, one cancelled.
    cooling_sales: list[SaleDTO] = []
    for client in home:
        if len(cooling_sales) == 2:
            break
        if client.client_id in used or client.valid_until is None or client.valid_until < today:
            continue
        item = next(
            (
                i
                for i in services.sales.shelf(client.adviser, client.client_id)
                if i.terms.cooling_off_hours >= 6 and i.verdict is Verdict.SUITABLE
            ),
            None,
        )
        if item is None:
            continue
        used.add(client.client_id)
        cooling_sales.append(
            services.sales.record(
                client.adviser, client.client_id, item.product_id, item.terms.min_amount
            )
        )
    if cooling_sales:
        sale = cooling_sales[-1]
        seller = next(a for a in advisers.values() if a.user_id == sale.adviser_id)
        services.sales.cancel(seller, sale.id, "客户冷静期内来电，因家庭资金安排调整要求撤销。")
    if recorded:
        sale = recorded[0]
        seller = next(a for a in advisers.values() if a.user_id == sale.adviser_id)
        services.sales.correct(
            seller,
            sale.id,
            "客户签约时间应为当日 10:30（系统登记时间为录入时间），纸质合同编号 HT-2026-0317。",
        )

    # Refused attempts: a client never assessed, and one whose assessment has expired.
    for wanted in (
        lambda c: c.valid_until is None,
        lambda c: c.valid_until is not None and c.valid_until < today,
    ):
        refused = next((c for c in home if c.client_id not in used and wanted(c)), None)
        if refused is None:
            continue
        offer = next(_offers(services, refused, Verdict.PROHIBITED), None)
        if offer is None:
            continue
        used.add(refused.client_id)
        try:
            services.sales.record(refused.adviser, refused.client_id, *offer)
        except KnownError:
            pass  # refused, as intended: the attempt is in the audit trail
