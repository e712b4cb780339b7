"""Demo data after the sale: follow-up calls in every state — still in cooling-off, due,
overdue, not reached once, done with every answer yes, done with a "no" that opened a case (one
still open, one resolved) — and a re-rating that opened suitability reviews, one of them closed.

The sales are made through the services on a clock set in the past (their audit events carry
that time too: a demo only), so the calls fall due as they would have."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from crm_desk.db.models import Client
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.aftercare import CHECKLIST_IDS, CallInput
from crm_desk.domain.errors import KnownError
from crm_desk.domain.products import ProductInput, ProductRisk, ProductStatus
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.callbacks import CallbackService
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import SaleDTO
from crm_desk.services.sales import SaleService

PRIVATE_FUND = ProductInput(
    code="PF-FOF-01",
    name_zh="稳健配置私募母基金",
    name_en="Balanced allocation private fund of funds",
    product_type="private_fund",
    issuer="示范私募基金管理有限公司",
    risk_level="R3",
    horizon_months="24",
    redemption="quarterly",
    min_amount="1000000",
    cooling_off_hours="24",
    risk_factors_zh=(
        "市场风险：底层基金净值波动可能导致本金损失",
        "流动性风险：每季度开放一次赎回",
        "管理人风险：投资决策可能失误",
    ),
    risk_factors_en=(
        "Market risk: the underlying funds may fall and principal may be lost",
        "Liquidity risk: redemption once a quarter",
        "Manager risk: investment decisions may prove wrong",
    ),
    redemption_terms="每季度末月最后一个工作日开放赎回，提前 10 个工作日申请",
)
FUND_AMOUNT = Decimal("1000000")
SHELF_AMOUNT = Decimal("100000")


def _clocked(make: Callable[[], UnitOfWork], when: datetime) -> Callable[[], UnitOfWork]:
    def factory() -> UnitOfWork:
        uow = make()
        uow.clock = lambda: when
        return uow

    return factory


def _sales_at(services: Services, when: datetime) -> SaleService:
    """The sale service on a past clock, with the same after-sale hooks (calls, documents)."""
    sales = SaleService(
        _clocked(services.sales.uow_factory, when), services.policy, services.auth.hasher
    )
    sales.after_sale = list(services.sales.after_sale)
    sales.after_exception_submitted = list(services.sales.after_exception_submitted)
    sales.after_cancellation = list(services.sales.after_cancellation)
    return sales


def _calls_at(services: Services, when: datetime) -> CallbackService:
    calls = CallbackService(
        _clocked(services.callbacks.uow_factory, when), services.policy, services.auth.hasher
    )
    calls.keys = services.keys
    return calls


def _branch_clients(services: Services, advisers: list[Actor]) -> list[tuple[Actor, int]]:
    by_id = {a.user_id: a for a in advisers}
    with services.clients.uow_factory() as uow:
        rows = uow.session.execute(
            select(Client.id, Client.adviser_id)
            .where(Client.adviser_id.in_(list(by_id)))
            .order_by(Client.id)
        ).all()
    return [(by_id[r.adviser_id], r.id) for r in rows]


def _suitable(
    services: Services,
    clients: list[tuple[Actor, int]],
    product_id: int,
    amount: Decimal,
    used: set[int],
) -> Iterator[tuple[Actor, int]]:
    """Clients for whom the product fits (the engine says SUITABLE), not used yet."""
    for adviser, client_id in clients:
        if client_id in used:
            continue
        try:
            check = services.sales.check(adviser, client_id, product_id, amount)
        except KnownError:
            continue
        if check.evaluation.verdict is Verdict.SUITABLE:
            used.add(client_id)
            yield adviser, client_id


def seed_aftercare(
    services: Services, admin: Actor, advisers: list[Actor], supervisor: Actor
) -> None:
    """Sales by the advisers of the supervisor's branch; a colleague of the seller in the same
    branch makes each call."""
    now = datetime.now(UTC)
    advisers = [a for a in advisers if a.branch_id == supervisor.branch_id]
    clients = _branch_clients(services, advisers)
    used: set[int] = set()
    fund = services.products.create_product(admin, PRIVATE_FUND).id
    fund_buyers = _suitable(services, clients, fund, FUND_AMOUNT, used)

    def sell(days_ago: float) -> SaleDTO | None:
        buyer = next(fund_buyers, None)
        if buyer is None:
            return None
        adviser, client_id = buyer
        sales = _sales_at(services, now - timedelta(days=days_ago))
        return sales.record(adviser, client_id, fund, FUND_AMOUNT)

    def colleague_of(seller_id: int) -> Actor:
        return next((a for a in advisers if a.user_id != seller_id), supervisor)

    def task_of(sale: SaleDTO) -> tuple[int, int]:
        board = services.callbacks.board(supervisor)
        task = next(t for t in board.all if t.sale_id == sale.id)
        return task.id, task.version

    yes = dict.fromkeys(CHECKLIST_IDS, True)
    sell(0.2)  # still in cooling-off
    sell(2)  # due
    sell(7)  # overdue
    missed = sell(3)  # not reached once: tried again tomorrow morning
    if missed is not None:
        task = task_of(missed)
        caller = colleague_of(missed.adviser_id)
        tomorrow = (now + timedelta(days=1)).astimezone().replace(hour=10, minute=0)
        _calls_at(services, now - timedelta(hours=20)).record_call(
            caller,
            *task,
            CallInput("not_reached", {}, "无人接听，已发短信预约回访时间。", tomorrow),
        )
    done = sell(5)  # all yes
    if done is not None:
        _calls_at(services, now - timedelta(days=3)).record_call(
            colleague_of(done.adviser_id),
            *task_of(done),
            CallInput("reached", yes, "客户确认本人购买，已阅读合同，了解风险及投资者投诉渠道。"),
        )
    worried = sell(4)  # a "no": the case waits for the supervisor
    if worried is not None:
        _calls_at(services, now - timedelta(days=2)).record_call(
            colleague_of(worried.adviser_id),
            *task_of(worried),
            CallInput(
                "reached",
                yes | {"risks_understood": False},
                "客户以为产品保本，对可能亏损本金表示意外，希望主管再解释一次。",
            ),
        )
    resolved = sell(9)  # a "no" already resolved by the supervisor
    if resolved is not None:
        recorded = _calls_at(services, now - timedelta(days=7)).record_call(
            colleague_of(resolved.adviser_id),
            *task_of(resolved),
            CallInput(
                "reached",
                yes | {"contract_read": False},
                "客户表示合同尚未细读，答应本周内阅读。",
            ),
        )
        if recorded.case_id is not None:
            services.callbacks.resolve_case(
                supervisor,
                recorded.case_id,
                1,
                "已电话联系客户，逐条讲解合同主要条款，客户确认已阅读并理解。",
            )
    _seed_reviews(services, admin, clients, used, now)


def _seed_reviews(
    services: Services,
    admin: Actor,
    clients: list[tuple[Actor, int]],
    used: set[int],
    now: datetime,
) -> None:
    """Holders of an R3 product bought last month; it is re-rated R4 today, so the holders
    whose level is C3 get a review. One review is already closed."""
    shelf = [
        p
        for p in services.products.list_products(admin)
        if p.status is ProductStatus.ON_SALE
        and p.terms.risk_level is ProductRisk.R3
        and p.terms.cooling_off_hours == 0
    ]
    for product in shelf:
        amount = max(SHELF_AMOUNT, product.terms.min_amount)
        buyers = list(_suitable(services, clients, product.id, amount, set(used)))[:6]
        if len(buyers) < 3:
            continue
        sales = _sales_at(services, now - timedelta(days=35))
        for adviser, client_id in buyers:
            sales.record(adviser, client_id, product.id, amount)
            used.add(client_id)
        terms = product.terms
        services.products.update_product(
            admin,
            product.id,
            product.version,
            ProductInput(
                code=terms.code,
                name_zh=terms.name_zh,
                name_en=terms.name_en,
                product_type=terms.product_type.value,
                issuer=terms.issuer,
                risk_level=ProductRisk.R4.value,
                horizon_months=str(terms.horizon_months),
                redemption=terms.redemption.value,
                min_amount=str(terms.min_amount),
                currency=terms.currency,
                cooling_off_hours=str(terms.cooling_off_hours),
                risk_factors_zh=terms.risk_factors_zh,
                risk_factors_en=terms.risk_factors_en,
                is_complex=terms.is_complex,
                redemption_terms=terms.redemption_terms,
            ),
        )
        by_adviser = {a.user_id: a for a, _ in buyers}
        for review in services.reviews.reviews(buyers[0][0]).rows[:1]:
            services.reviews.close_review(
                by_adviser[review.adviser_id],
                review.id,
                review.version,
                "client_keeps",
                "已电话告知客户产品风险等级由 R3 上调为 R4，客户书面确认知悉并继续持有。",
            )
        return
