"""Demo complaints for the branch SH-001: every stage, some overdue or due soon, one extended
once and one twice (with the supervisor's approval), one reopened, one about personal data, a
group complaint, a letter from someone who is not a client, and a few months of answered ones so
that the supervisor's reports have something to show.

The complaints are moved on through the services on clocks set in the past (their stage history
and audit events carry those times: a demo only). Clients and sales are looked up in the
database, never by id.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from crm_desk.db.models import Client, Product
from crm_desk.db.models_sales import Sale
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.clock import ensure_utc
from crm_desk.domain.complaints import AnswerInput, ComplaintInput, ResolutionInput
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintDetail
from crm_desk.services.complaints import ComplaintService
from crm_desk.services.container import Services

RESOLUTIONS = (
    ResolutionInput(
        "partly_upheld",
        "费用符合合同约定，但客户经理提供的费率说明表未及时更新，导致客户误解。",
        "disclosure",
        "费率调整后宣传材料未同步更新。",
        "已重新印制费率说明表，并于周会上对客户经理进行培训。",
    ),
    ResolutionInput(
        "not_upheld",
        "产品净值下跌属市场波动，销售时已充分揭示风险并留存签字确认。",
        "external",
        "市场下跌；风险揭示书已签署。",
        "无需整改；向客户再次解释产品风险特征。",
    ),
    ResolutionInput(
        "upheld",
        "客户在柜台等候超过40分钟，叫号系统故障期间未安排分流。",
        "process",
        "系统故障时无应急分流流程。",
        "制定叫号系统故障应急预案，增设大堂引导岗。",
    ),
    ResolutionInput(
        "upheld",
        "客户经理服务态度生硬，未耐心解答客户疑问。",
        "staff_conduct",
        "客户经理沟通方式不当。",
        "对当事客户经理进行服务礼仪辅导并纳入季度考核。",
    ),
)
RESPONSES = (
    "客户表示理解，接受处理结果。",
    "客户对结果基本满意，希望今后加强沟通。",
    "客户仍不满意，表示将考虑向监管部门反映。",
)


def _service_at(services: Services, when: datetime) -> ComplaintService:
    factory = services.complaints.uow_factory

    def make() -> UnitOfWork:
        uow = factory()
        uow.clock = lambda: when
        return uow

    service = ComplaintService(make, services.policy, services.auth.hasher)
    service.keys = services.keys
    return service


def seed_complaints(services: Services, advisers: dict[str, Actor], supervisor: Actor) -> int:
    """Complaints of the supervisor's branch; returns how many were registered."""
    rng = random.Random(7)
    now = services.complaints.uow_factory().clock()
    team = [a for a in advisers.values() if a.branch_id == supervisor.branch_id]
    if len(team) < 2:
        return 0
    first, second = team[0], team[1]
    with services.complaints.uow_factory() as uow:
        clients = {
            adviser.user_id: [
                (row.id, row.name)
                for row in uow.session.execute(
                    select(Client.id, Client.name)
                    .where(Client.adviser_id == adviser.user_id)
                    .order_by(Client.id)
                    .limit(30)
                )
            ]
            for adviser in team
        }
        sales = uow.session.execute(
            select(Sale.id, Sale.client_id, Sale.adviser_id, Sale.product_id, Sale.recorded_at)
            .join(Client, Client.id == Sale.client_id)
            .where(Sale.branch_id == supervisor.branch_id)
            .order_by(Sale.id)
        ).all()
        products = list(uow.session.execute(select(Product.id).order_by(Product.code)).scalars())
    if not clients[first.user_id] or not clients[second.user_id]:
        return 0

    count = 0

    def other(adviser_id: int | None) -> Actor:
        return second if adviser_id == first.user_id else first

    def register(days_ago: float, raw: ComplaintInput) -> tuple[ComplaintDetail, datetime]:
        nonlocal count
        when = now - timedelta(days=days_ago)
        count += 1
        owner = first  # a complainant who is not a client: whoever received the letter
        if raw.client_id is not None:
            owner = next(
                (a for a in team if raw.client_id in {c for c, _ in clients[a.user_id]}),
                supervisor,  # a client of someone else of the branch: the supervisor sees it
            )
        return _service_at(services, when).register(owner, raw), when

    def at(
        when: datetime, action: Callable[[ComplaintService], ComplaintDetail]
    ) -> ComplaintDetail:
        return action(_service_at(services, when))

    used: set[int] = set()

    def sale_before(days_ago: float) -> Any:
        """A sale made at least a day before the complaint, not used by another one."""
        limit = now - timedelta(days=days_ago + 1)
        found = next(
            (s for s in sales if s.id not in used and ensure_utc(s.recorded_at) <= limit), None
        )
        if found is not None:
            used.add(found.id)
        return found

    def client_of(adviser: Actor, n: int) -> int:
        pool = clients[adviser.user_id]
        return pool[n % len(pool)][0]

    def close(
        d: ComplaintDetail,
        handler: Actor,
        start: datetime,
        days: float,
        resolution: ResolutionInput,
        satisfaction: int,
        accepted: bool,
    ) -> ComplaintDetail:
        d = at(
            start + timedelta(hours=3),
            lambda s: s.start_investigation(handler, d.id, d.version, "调取录音与业务凭证"),
        )
        decided = start + timedelta(days=days - 0.5)
        d = at(decided, lambda s: s.resolve(handler, d.id, d.version, resolution))
        told = start + timedelta(days=days)
        answer = AnswerInput(
            "phone",
            told,
            RESPONSES[0 if accepted else 2] if satisfaction != 3 else RESPONSES[1],
            satisfaction,
            accepted,
        )
        return at(told, lambda s: s.answer(handler, d.id, d.version, answer))

    # 1. Accepted today: waiting time at the counter.
    register(
        0.05,
        ComplaintInput(
            "counter",
            "wait_time",
            "周六上午在柜台排队等候近50分钟，无人解释原因。要求支行说明并改进。",
            client_id=client_of(first, 0),
            handler_id=second.user_id,
        ),
    )
    # 2. Investigating, five days in: fees on a sale, handled by someone other than the seller.
    sale = sale_before(5)
    raw = ComplaintInput(
        "phone",
        "fees",
        "赎回时扣除的费用高于购买时客户经理口头告知的费率，要求退还差额。",
        client_id=sale.client_id if sale else client_of(first, 1),
        sale_id=sale.id if sale else None,
        amount_in_dispute="1280.00",
        handler_id=other(sale.adviser_id if sale else first.user_id).user_id,
    )
    d, when = register(5, raw)
    handler = other(sale.adviser_id if sale else first.user_id)
    at(
        when + timedelta(days=1),
        lambda s: s.start_investigation(handler, d.id, d.version, "核对费率表"),
    )
    # 3. Overdue by three days, still investigating: product performance.
    d, when = register(
        18,
        ComplaintInput(
            "online",
            "product_performance",
            "所购理财产品到期收益远低于宣传的业绩比较基准，要求解释。",
            client_id=client_of(second, 2),
            product_id=products[0] if products else None,
            handler_id=first.user_id,
        ),
    )
    at(when + timedelta(days=2), lambda s: s.start_investigation(first, d.id, d.version, ""))
    # 4. Overdue and never started: a letter from someone who is not a client.
    register(
        17,
        ComplaintInput(
            "letter",
            "service_attitude",
            "来信反映陪同母亲办理业务时，大堂人员态度冷淡、拒绝协助填写表格。",
            complainant_name="周女士",
            complainant_contact="13761234567",
            handler_id=supervisor.user_id,
        ),
    )
    # 5. Due soon: decided, the client not yet told.
    d, when = register(
        13,
        ComplaintInput(
            "counter",
            "fees",
            "账户管理费未提前通知即开始收取。",
            client_id=client_of(first, 3),
            amount_in_dispute="360.00",
            handler_id=second.user_id,
        ),
    )
    d = at(when + timedelta(days=1), lambda s: s.start_investigation(second, d.id, d.version, ""))
    at(when + timedelta(days=9), lambda s: s.resolve(second, d.id, d.version, RESOLUTIONS[0]))
    # 6. A sales-misconduct complaint about the seller, extended once (complex case).
    sale = sale_before(20)
    seller = next((a for a in team if sale and a.user_id == sale.adviser_id), first)
    d, when = register(
        20,
        ComplaintInput(
            "phone",
            "sales_misconduct",
            "客户称购买时客户经理未说明产品存在本金亏损风险，亦未进行风险测评确认，"
            "要求全额赎回并赔偿损失。",
            client_id=sale.client_id if sale else client_of(seller, 4),
            sale_id=sale.id if sale else None,
            subject_adviser_id=seller.user_id,
            amount_in_dispute="50000.00",
            handler_id=supervisor.user_id,
        ),
    )
    d = at(
        when + timedelta(days=1),
        lambda s: s.start_investigation(supervisor, d.id, d.version, "调取双录"),
    )
    at(
        when + timedelta(days=10),
        lambda s: s.extend(
            supervisor, d.id, d.version, "需调取销售双录并约谈当事客户经理，案情复杂。"
        ),
    )
    # 7. A regulator referral extended twice: by the handler, then approved by the supervisor.
    d, when = register(
        40,
        ComplaintInput(
            "regulator",
            "sales_misconduct",
            "监管转办：客户反映年逾七十仍被推荐高风险私募产品。",
            client_id=client_of(second, 5),
            handler_id=first.user_id,
        ),
    )
    d = at(when + timedelta(days=1), lambda s: s.start_investigation(first, d.id, d.version, ""))
    d = at(
        when + timedelta(days=12),
        lambda s: s.extend(first, d.id, d.version, "需向产品管理人调取材料，案情复杂。"),
    )
    at(
        when + timedelta(days=28),
        lambda s: s.extend(supervisor, d.id, d.version, "管理人材料尚未提供，批准再延期。"),
    )
    # 8 and 9. Answered: one on time, one late.
    d, when = register(
        30,
        ComplaintInput(
            "counter",
            "wait_time",
            "叫号系统故障，等候时间过长。",
            client_id=client_of(first, 6),
            handler_id=second.user_id,
        ),
    )
    close(d, second, when, 9, RESOLUTIONS[2], 4, True)
    d, when = register(
        45,
        ComplaintInput(
            "phone",
            "service_attitude",
            "电话咨询时客户经理语气不耐烦。",
            client_id=client_of(second, 7),
            subject_adviser_id=second.user_id,
            handler_id=first.user_id,
        ),
    )
    close(d, first, when, 17, RESOLUTIONS[3], 2, False)
    # 10. Reopened: answered, then the client disputed the answer.
    d, when = register(
        35,
        ComplaintInput(
            "online",
            "fees",
            "基金转换收取了两次费用。",
            client_id=client_of(first, 8),
            amount_in_dispute="215.50",
            handler_id=second.user_id,
        ),
    )
    d = close(d, second, when, 8, RESOLUTIONS[0], 2, False)
    at(
        now - timedelta(days=10),
        lambda s: s.reopen(
            second, d.id, d.version, "客户补充提供了转换交易明细，对原处理结果有异议。"
        ),
    )
    # 11. Personal data: visible only to the handler, the supervisor and compliance.
    d, when = register(
        3,
        ComplaintInput(
            "online",
            "data_privacy",
            "客户接到陌生来电，对方能准确说出其账户余额，怀疑个人信息泄露。",
            client_id=client_of(second, 9),
            handler_id=supervisor.user_id,
        ),
    )
    at(
        when + timedelta(hours=5),
        lambda s: s.start_investigation(supervisor, d.id, d.version, "查询访问日志"),
    )
    # 12. A group complaint with representatives.
    register(
        7,
        ComplaintInput(
            "counter",
            "product_performance",
            "多名客户联名反映同一款结构性存款到期仅获保底收益。",
            client_id=client_of(first, 10),
            is_group=True,
            group_size=6,
            representatives="代表：张先生 13812340001；李女士 13812340002",
            product_id=products[-1] if products else None,
            handler_id=supervisor.user_id,
        ),
    )
    # A few months of answered complaints for the reports.
    categories = ("fees", "wait_time", "service_attitude", "product_performance", "system_fault")
    channels = ("counter", "phone", "online", "letter")
    for n in range(14):
        adviser = team[n % len(team)]
        handler = other(adviser.user_id)
        d, when = register(
            rng.uniform(50, 150),
            ComplaintInput(
                rng.choice(channels),
                rng.choice(categories),
                "历史投诉记录（演示数据）。",
                client_id=client_of(adviser, 11 + n),
                product_id=rng.choice([None, *products]) if products else None,
                subject_adviser_id=adviser.user_id if rng.random() < 0.4 else None,
                handler_id=handler.user_id,
            ),
        )
        close(
            d,
            handler,
            when,
            rng.uniform(2, 18),
            rng.choice(RESOLUTIONS),
            rng.choice((2, 3, 4, 4, 5, 5)),
            rng.random() < 0.75,
        )
    return count
