"""What the suitability engine reads, built from the database: the client's snapshot and a
product's terms. Plain functions taking the caller's unit of work, so every operation (shelf,
sale, approval, review) builds them the same way inside its own transaction."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from crm_desk.db.models import Assessment, Client, Product
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.assessment import assessment_date
from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.products import ProductRisk, ProductTerms, ProductType, Redemption
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.suitability import AssessmentFacts, ClientSnapshot


def _split(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def assessment_facts(uow: UnitOfWork, client_id: int) -> AssessmentFacts | None:
    """The latest confirmed assessment, expired or not (the engine judges validity)."""
    row = uow.session.execute(
        select(
            Assessment.id,
            Assessment.level,
            Assessment.lowest_category,
            Assessment.confirmed_at,
            Assessment.valid_until,
        )
        .where(Assessment.client_id == client_id, Assessment.status == "confirmed")
        .order_by(Assessment.confirmed_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    if row is None or row.confirmed_at is None or row.valid_until is None:
        return None
    return AssessmentFacts(
        assessment_id=row.id,
        level=RiskLevel(row.level),
        lowest_category=row.lowest_category,
        assessed_on=assessment_date(row.confirmed_at, uow.clock().astimezone().tzinfo),  # type: ignore[arg-type]
        valid_until=row.valid_until,
    )


def client_snapshot(uow: UnitOfWork, client: Client, today: date) -> ClientSnapshot:
    return ClientSnapshot(
        client_id=client.id,
        name=client.name,
        as_of=today,
        investor_type=InvestorType(client.investor_type),
        birth_date=client.birth_date,
        horizon=Horizon(client.horizon),
        objectives=tuple(Objective(o) for o in _split(client.objectives)),
        experience_years=client.experience_years,
        experience_types=tuple(ProductExperience(e) for e in _split(client.experience_types)),
        financial_assets=client.financial_assets,
        preferred_language=client.preferred_language,
        assessment=assessment_facts(uow, client.id),
    )


def terms_of(product: Product) -> ProductTerms:
    return ProductTerms(
        code=product.code,
        name_zh=product.name_zh,
        name_en=product.name_en,
        product_type=ProductType(product.product_type),
        issuer=product.issuer,
        risk_level=ProductRisk(product.risk_level),
        is_complex=product.is_complex,
        horizon_months=product.horizon_months,
        redemption=Redemption(product.redemption),
        redemption_terms=product.redemption_terms,
        min_amount=product.min_amount,
        currency=product.currency,
        cooling_off_hours=product.cooling_off_hours,
        risk_factors_zh=tuple(json.loads(product.risk_factors_zh)),
        risk_factors_en=tuple(json.loads(product.risk_factors_en)),
    )
