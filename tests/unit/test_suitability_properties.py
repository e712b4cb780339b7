"""Properties of the suitability engine over random clients, products, amounts and policies:
the verdict is the worst outcome, every rule is listed once in order, review follows the elderly
rule, and the stored form round-trips."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desk.config import DEFAULT_POLICY
from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.policy import Policy, load_policy
from crm_desk.domain.products import ProductRisk, ProductTerms, ProductType, Redemption
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.suitability import (
    RULE_ORDER,
    AssessmentFacts,
    ClientSnapshot,
    Evaluation,
    Outcome,
    Rule,
    Verdict,
    evaluate,
)

POLICY = load_policy(DEFAULT_POLICY)
AS_OF = date(2026, 11, 27)

assessments = st.none() | st.builds(
    AssessmentFacts,
    assessment_id=st.integers(1, 10**9),
    level=st.sampled_from(RiskLevel),
    lowest_category=st.booleans(),
    assessed_on=st.just(date(2025, 1, 1)),
    valid_until=st.dates(AS_OF - timedelta(days=30), AS_OF + timedelta(days=30)),
)
money = st.decimals(
    min_value=Decimal("-100"), max_value=Decimal("100000000"), places=2, allow_nan=False
)
clients = st.builds(
    ClientSnapshot,
    client_id=st.integers(1, 10**9),
    name=st.text(min_size=1, max_size=5),
    as_of=st.just(AS_OF),
    investor_type=st.sampled_from(InvestorType),
    birth_date=st.dates(date(1920, 1, 1), date(2008, 1, 1)),
    horizon=st.sampled_from(Horizon),
    objectives=st.lists(st.sampled_from(Objective), max_size=2, unique=True).map(tuple),
    experience_years=st.integers(0, 40),
    experience_types=st.lists(st.sampled_from(ProductExperience), max_size=3, unique=True).map(
        tuple
    ),
    financial_assets=money.map(abs),
    preferred_language=st.sampled_from(["zh_CN", "en"]),
    assessment=assessments,
)
products = st.builds(
    ProductTerms,
    code=st.just("P-1"),
    name_zh=st.just("产品"),
    name_en=st.just("Product"),
    product_type=st.sampled_from(ProductType),
    issuer=st.just("Issuer"),
    risk_level=st.sampled_from(ProductRisk),
    is_complex=st.booleans(),
    horizon_months=st.integers(0, 720),
    redemption=st.sampled_from(Redemption),
    redemption_terms=st.just(""),
    min_amount=money.map(abs),
    currency=st.sampled_from(["CNY", "CNY", "USD"]),
    cooling_off_hours=st.integers(0, 72),
    risk_factors_zh=st.just(("风险",)),
    risk_factors_en=st.just(("Risk",)),
)
policies = st.builds(
    lambda h, o, c, e, k, t, share: replace(
        POLICY,
        suitability=replace(
            POLICY.suitability,
            check_horizon=h,
            check_objective=o,
            check_complex_experience=c,
            check_elderly=e,
            check_concentration=k,
            horizon_tolerance_months=t,
            concentration_share=share,
        ),
    ),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.integers(0, 12),
    st.sampled_from([Decimal("0.1"), Decimal("0.5"), Decimal("1")]),
)
amounts = money | st.sampled_from(
    [Decimal("0.001"), Decimal("NaN"), Decimal("sNaN"), Decimal("1E+3"), Decimal("-0")]
)


@settings(max_examples=300, deadline=None)
@given(clients, products, amounts, policies)
def test_property_the_verdict_is_the_worst_outcome_and_every_rule_is_listed(
    client: ClientSnapshot, product: ProductTerms, amount: Decimal, policy: Policy
) -> None:
    result = evaluate(client, product, amount, policy)
    assert tuple(r.rule for r in result.rules) == RULE_ORDER
    assert len({r.rule for r in result.rules}) == len(Rule)
    outcomes = {r.outcome for r in result.rules}
    if Outcome.PROHIBITED in outcomes:
        assert result.verdict is Verdict.PROHIBITED
    elif Outcome.EXCEPTION in outcomes:
        assert result.verdict is Verdict.NEEDS_EXCEPTION
    else:
        assert result.verdict is Verdict.SUITABLE
    assert result.needs_review is (result.outcome(Rule.ELDERLY) is Outcome.EXCEPTION)
    # Facts that decide on their own, whatever else is true:
    valid = client.assessment is not None and AS_OF <= client.assessment.valid_until
    if not valid or not amount.is_finite() or amount < product.min_amount or amount <= 0:
        assert result.verdict is Verdict.PROHIBITED
    if client.investor_type is InvestorType.PROFESSIONAL:
        matched = (Rule.RISK_MATCH, Rule.HORIZON, Rule.OBJECTIVE, Rule.COMPLEX_EXPERIENCE)
        lowest = client.assessment is not None and client.assessment.lowest_category
        for rule in matched:
            if rule is not Rule.RISK_MATCH or not lowest:
                assert result.outcome(rule) in (Outcome.PASS, Outcome.NOTE)
    assert result.outcome(Rule.CONCENTRATION) in (Outcome.PASS, Outcome.NOTE, Outcome.WARNING)
    for r in result.rules:
        assert r.message.zh_CN and r.message.en and r.basis.zh_CN and r.basis.en
    # The same input gives the same output, and the stored form round-trips exactly.
    assert evaluate(client, product, amount, policy) == result
    stored = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert Evaluation.from_json(stored) == result
