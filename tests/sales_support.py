"""Clients assessed as C3 and products of each kind, for the sales tests (services and UI)."""

from __future__ import annotations

import itertools
from typing import Any

from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client
from tests.products_support import product_input

# numbered_client(n) for n from 300 on is born after 1979: under 65, no elderly rule.
_numbers = itertools.count(300)


def assessed_client(
    services: Services,
    adviser: Actor,
    name: str | None = None,
    answers: dict[str, list[str]] | None = None,
    **changes: Any,
) -> int:
    """A client of ``adviser`` with a confirmed assessment: C3 with the balanced answers, a
    3-5 year horizon, balanced growth, five years of funds and stocks, ¥1.5m of assets."""
    form = numbered_client(next(_numbers), name=name, **changes)
    client_id = services.clients.create_client(adviser, form, acknowledge_similar=True).id
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, answers or BALANCED)
    services.assessments.confirm(adviser, draft.id, draft.version, True)
    return client_id


def unassessed_client(services: Services, adviser: Actor, name: str | None = None) -> int:
    form = numbered_client(next(_numbers), name=name)
    return services.clients.create_client(adviser, form, acknowledge_similar=True).id


def make_product(services: Services, admin: Actor, code: str, **changes: Any) -> int:
    return services.products.create_product(admin, product_input(code, **changes)).id


def fitting_product(services: Services, admin: Actor, code: str = "WM-R2-01") -> int:
    """R2 wealth management, 12 months, from ¥10,000, no cooling-off: fits a C3 client."""
    return make_product(services, admin, code)


def risky_product(services: Services, admin: Actor, code: str = "PF-R4-01") -> int:
    """R4 public fund, 36 months, from ¥1,000: above C3, so an exception for an ordinary C3."""
    return make_product(
        services,
        admin,
        code,
        name_zh="成长股票基金",
        name_en="Growth equity fund",
        product_type="public_fund",
        risk_level="R4",
        horizon_months="36",
        redemption="daily",
        min_amount="1000",
    )


def cooling_product(services: Services, admin: Actor, code: str = "PV-R3-01") -> int:
    """R3 private fund with a 24-hour cooling-off period, from ¥1,000,000: fits a C3 client."""
    return make_product(
        services,
        admin,
        code,
        name_zh="私募稳健一号",
        name_en="Private steady fund No. 1",
        product_type="private_fund",
        risk_level="R3",
        horizon_months="24",
        redemption="quarterly",
        min_amount="1000000",
        cooling_off_hours="24",
    )
