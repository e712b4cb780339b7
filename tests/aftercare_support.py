"""A branch with sales for the aftercare tests: advisers, supervisors, clients with a confirmed
assessment, products, and sales of every kind (suitable, with cooling-off, exception, elderly)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import SaleDTO
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client, prc_id
from tests.conftest import MakeUser
from tests.products_support import product_input

_numbers = itertools.count(7001)


@dataclass(frozen=True)
class Branch:
    admin: Actor
    seller: Actor  # adviser who makes the sales; serves the clients
    colleague: Actor  # another adviser of the branch: makes the calls
    supervisor: Actor
    second_supervisor: Actor
    compliance: Actor
    far_adviser: Actor  # another branch


def make_branch(services: Services, admin: Actor, make_user: MakeUser) -> Branch:
    """Each test module's ``branch`` fixture calls this."""
    far = services.users.create_branch(admin, code="BJ-002", name="北京金融街支行")
    return Branch(
        admin=admin,
        seller=make_user(Role.ADVISER, "li.seller"),
        colleague=make_user(Role.ADVISER, "wu.colleague"),
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        second_supervisor=make_user(Role.SUPERVISOR, "qian.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        far_adviser=make_user(Role.ADVISER, "far.adviser", far.id),
    )


def new_client(
    services: Services,
    adviser: Actor,
    *,
    born: date = date(1980, 5, 17),
    name: str | None = None,
    answers: dict[str, list[str]] | None = None,
) -> int:
    """A client of ``adviser`` with a confirmed assessment (C3 with the balanced answers)."""
    n = next(_numbers)
    form = numbered_client(n, name=name, id_number=prc_id("110105", born, f"{n % 1000:03d}"))
    client_id = services.clients.create_client(adviser, form, acknowledge_similar=True).id
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, answers or BALANCED)
    services.assessments.confirm(adviser, draft.id, draft.version, True)
    return client_id


def new_product(
    services: Services, admin: Actor, *, risk: str = "R2", cooling_off_hours: int = 0
) -> int:
    code = f"WM-AC-{next(_numbers)}"
    raw = product_input(code, risk_level=risk, cooling_off_hours=str(cooling_off_hours))
    return services.products.create_product(admin, raw).id


def sell(
    services: Services, adviser: Actor, client_id: int, product_id: int, amount: str = "50000"
) -> SaleDTO:
    return services.sales.record(adviser, client_id, product_id, Decimal(amount))


def sell_by_exception(
    services: Services,
    adviser: Actor,
    supervisor: Actor,
    client_id: int,
    product_id: int,
    amount: str = "50000",
) -> SaleDTO:
    request = services.sales.submit_exception(
        adviser,
        client_id,
        product_id,
        Decimal(amount),
        True,
        True,
        "客户书面确认：已知悉风险，坚持购买（签字件编号 W-2026-001）",
        "客户有相关投资经验，资金为闲置资金，充分理解产品风险。",
    )
    decided = services.sales.approve(supervisor, request.id, "已核实客户书面确认，同意例外。")
    assert decided.sale is not None
    return decided.sale


# 69 points: C4, no contradiction (as in the assessment tests).
GROWTH: dict[str, list[str]] = BALANCED | {
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


def reassess(
    services: Services, adviser: Actor, client_id: int, answers: dict[str, list[str]]
) -> None:
    """A new assessment that supersedes the client's latest one."""
    latest = max(services.assessments.history(adviser, client_id), key=lambda a: a.id)
    draft = services.assessments.start(adviser, client_id, supersedes_id=latest.id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, answers)
    services.assessments.confirm(adviser, draft.id, draft.version, True)


def rerate(services: Services, admin: Actor, product_id: int, risk: str) -> None:
    product = services.products.get_product(admin, product_id)
    terms = product.terms
    raw = product_input(
        terms.code,
        risk_level=risk,
        cooling_off_hours=str(terms.cooling_off_hours),
    )
    services.products.update_product(admin, product_id, product.version, raw)
