"""Complaint test data: a product and a sale written straight to the tables (the catalogue and
sales services have their own tests), and complaint forms."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from crm_desk.db.models import Product
from crm_desk.db.models_sales import Sale
from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.complaints import AnswerInput, ComplaintInput, ResolutionInput


def add_product(uow: UnitOfWorkFactory, code: str = "F001", name: str = "稳健债券基金") -> int:
    with uow() as work:
        now = work.clock()
        product = Product(
            code=code,
            name_zh=name,
            name_en=f"Fund {code}",
            product_type="public_fund",
            issuer="Test AMC",
            risk_level="R2",
            horizon_months=12,
            redemption="daily",
            min_amount=Decimal("1000"),
            created_at=now,
            updated_at=now,
        )
        work.session.add(product)
        work.session.flush()
        product_id = product.id
        work.commit()
    return product_id


def add_sale(
    uow: UnitOfWorkFactory,
    *,
    client_id: int,
    product_id: int,
    adviser_id: int,
    branch_id: int,
    when: datetime | None = None,
) -> int:
    with uow() as work:
        sale = Sale(
            client_id=client_id,
            product_id=product_id,
            adviser_id=adviser_id,
            branch_id=branch_id,
            amount=Decimal("200000.00"),
            currency="CNY",
            verdict="suitable",
            client_snapshot="{}",
            product_terms="{}",
            evaluation="{}",
            policy_version="2026.1",
            product_level="R2",
            recorded_at=when or work.clock(),
            recorded_by=adviser_id,
        )
        work.session.add(sale)
        work.session.flush()
        sale_id = sale.id
        work.commit()
    return sale_id


def complaint_input(**changes: Any) -> ComplaintInput:
    base = ComplaintInput(
        channel="counter",
        category="fees",
        description="The redemption fee was higher than the adviser said.\nAsks for a refund.",
        amount_in_dispute="1,250.00",
    )
    return replace(base, **changes)


RESOLUTION = ResolutionInput(
    decision="partly_upheld",
    reasoning="The fee matches the contract, but the adviser's summary sheet gave the old rate.",
    root_cause="disclosure",
    root_cause_text="Summary sheet not updated after the fee change of 1 March.",
    corrective_action="Sheets reprinted; advisers briefed on 12 March.",
)


def answer(told_at: datetime, satisfaction: int = 4, accepted: bool = True) -> AnswerInput:
    return AnswerInput(
        method="phone",
        told_at=told_at,
        client_response="Accepts the partial refund.",
        satisfaction=satisfaction,
        outcome_accepted=accepted,
    )
