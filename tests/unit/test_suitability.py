"""The suitability engine (crm_desk/domain/suitability.py), table-driven.

Every client level C1–C5 against every product level R1–R5 for ordinary, lowest-category and
professional investors, against a matrix written out below (not computed from the policy); each
other rule at its boundary; every verdict lists every rule once, in order; the same input gives
the same output; the stored form round-trips exactly.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from crm_desk.config import DEFAULT_POLICY
from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.policy import Policy, load_policy
from crm_desk.domain.products import ProductRisk, ProductTerms, ProductType, Redemption
from crm_desk.domain.questionnaire import LocalizedText, RiskLevel
from crm_desk.domain.suitability import (
    RULE_ORDER,
    AssessmentFacts,
    ClientSnapshot,
    Evaluation,
    Outcome,
    Rule,
    RuleResult,
    Verdict,
    evaluate,
)

POLICY = load_policy(DEFAULT_POLICY)
TODAY = date(2026, 11, 27)

# -- builders: a client and a product that pass every rule; each test changes one thing ----------


def assessment(
    level: str = "C5",
    *,
    lowest: bool = False,
    valid_until: date = date(2028, 11, 27),
    assessed_on: date = date(2026, 11, 27),
) -> AssessmentFacts:
    return AssessmentFacts(
        assessment_id=7,
        level=RiskLevel(level),
        lowest_category=lowest,
        assessed_on=assessed_on,
        valid_until=valid_until,
    )


def client(**changes: object) -> ClientSnapshot:
    base = ClientSnapshot(
        client_id=1,
        name="张伟",
        as_of=TODAY,
        investor_type=InvestorType.ORDINARY,
        birth_date=date(1980, 5, 17),  # 46
        horizon=Horizon.OVER_5Y,
        objectives=(Objective.GROWTH,),
        experience_years=5,
        experience_types=(ProductExperience.FUNDS, ProductExperience.STOCKS),
        financial_assets=Decimal("10000000.00"),
        preferred_language="zh_CN",
        assessment=assessment(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def product(**changes: object) -> ProductTerms:
    base = ProductTerms(
        code="WM-001",
        name_zh="稳利理财1号",
        name_en="Steady Income WM No. 1",
        product_type=ProductType.WEALTH_MANAGEMENT,
        issuer="某银行理财有限公司",
        risk_level=ProductRisk.R1,
        is_complex=False,
        horizon_months=12,
        redemption=Redemption.AT_MATURITY,
        redemption_terms="到期一次性兑付",
        min_amount=Decimal("10000.00"),
        currency="CNY",
        cooling_off_hours=24,
        risk_factors_zh=("市场风险",),
        risk_factors_en=("Market risk",),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def suitability(**changes: object) -> Policy:
    return replace(POLICY, suitability=replace(POLICY.suitability, **changes))  # type: ignore[arg-type]


AMOUNT = Decimal("100000.00")


def run(
    who: ClientSnapshot | None = None,
    what: ProductTerms | None = None,
    amount: Decimal = AMOUNT,
    policy: Policy = POLICY,
) -> Evaluation:
    result = evaluate(who or client(), what or product(), amount, policy)
    complete(result)
    return result


def complete(result: Evaluation) -> None:
    """Every rule once, in the fixed order, each explained in both languages with a basis."""
    assert tuple(r.rule for r in result.rules) == RULE_ORDER == tuple(Rule)
    for r in result.rules:
        assert r.message.zh_CN.strip() and r.message.en.strip(), r
        assert r.basis.zh_CN.strip() and r.basis.en.strip(), r
        assert r.message.zh_CN != r.message.en
    assert result.policy_version == POLICY.version


def test_the_baseline_passes_every_rule() -> None:
    result = run()
    assert result.verdict is Verdict.SUITABLE
    assert [r.outcome for r in result.rules] == [Outcome.PASS] * len(Rule)
    assert not result.needs_review
    assert result.blocking == () and result.warnings == ()


# -- the matrix: every client level × product level × investor kind ------------------------------

# What the policy file says, written out. Each row: the outcome of the risk rule for R1..R5.
# P pass, E exception (special warning + supervisor), X prohibited, N note (professional).
ORDINARY = {
    "C1": "P E E E E",
    "C2": "P P E E E",
    "C3": "P P P E E",
    "C4": "P P P P E",
    "C5": "P P P P P",
}
LOWEST_CATEGORY = {
    "C1": "P X X X X",
    "C2": "P P X X X",
    "C3": "P P P X X",
    "C4": "P P P P X",
    "C5": "P P P P P",
}
PROFESSIONAL = {
    "C1": "P N N N N",
    "C2": "P P N N N",
    "C3": "P P P N N",
    "C4": "P P P P N",
    "C5": "P P P P P",
}
LETTERS = {"P": Outcome.PASS, "E": Outcome.EXCEPTION, "X": Outcome.PROHIBITED, "N": Outcome.NOTE}
VERDICTS = {
    Outcome.PASS: Verdict.SUITABLE,
    Outcome.NOTE: Verdict.SUITABLE,
    Outcome.EXCEPTION: Verdict.NEEDS_EXCEPTION,
    Outcome.PROHIBITED: Verdict.PROHIBITED,
}
KINDS = {"ordinary": ORDINARY, "lowest category": LOWEST_CATEGORY, "professional": PROFESSIONAL}
PAIRS = [
    (kind, level, f"R{r + 1}", LETTERS[row.split()[r]])
    for kind, table in KINDS.items()
    for level, row in table.items()
    for r in range(5)
]


def test_the_written_matrix_covers_all_75_cases() -> None:
    assert len(PAIRS) == 75
    assert len({(k, c, r) for k, c, r, _ in PAIRS}) == 75


@pytest.mark.parametrize(("kind", "level", "risk", "expected"), PAIRS)
def test_every_level_pair_for_every_kind_of_investor(
    kind: str, level: str, risk: str, expected: Outcome
) -> None:
    who = client(
        investor_type=InvestorType.PROFESSIONAL
        if kind == "professional"
        else InvestorType.ORDINARY,
        assessment=assessment(level, lowest=kind == "lowest category"),
    )
    result = run(who, product(risk_level=ProductRisk(risk)))
    found = result.result(Rule.RISK_MATCH)
    assert found.outcome is expected, found.message.en
    assert result.verdict is VERDICTS[expected]
    # The other rules do not interfere: the client fits the product in every other way.
    others = [r.outcome for r in result.rules if r.rule is not Rule.RISK_MATCH]
    assert others == [Outcome.PASS] * (len(Rule) - 1)
    # The message names the facts: both levels, and the highest allowed level when above it.
    for text in (found.message.zh_CN, found.message.en):
        assert risk in text and level in text
    if expected is not Outcome.PASS:
        allowed = f"R{int(level[1])}"
        assert allowed in found.message.zh_CN and allowed in found.message.en
    assert f"[suitability] matrix.{level}" in found.basis.en
    assert f"政策 {POLICY.version}" in found.basis.zh_CN


def test_the_risk_rule_cites_the_regulation_for_each_case() -> None:
    above = product(risk_level=ProductRisk.R3)
    ordinary = run(client(assessment=assessment("C2")), above).result(Rule.RISK_MATCH)
    assert "第十九条" in ordinary.basis.zh_CN and "art. 19" in ordinary.basis.en
    assert "特别风险警示书" in ordinary.message.zh_CN
    assert "special written risk warning" in ordinary.message.en
    lowest = run(client(assessment=assessment("C1", lowest=True)), above).result(Rule.RISK_MATCH)
    assert "第二十二条第（五）项" in lowest.basis.zh_CN and "art. 22(5)" in lowest.basis.en
    assert (
        "最低类别" in lowest.message.zh_CN and "lowest risk-tolerance category" in lowest.message.en
    )
    pro = client(investor_type=InvestorType.PROFESSIONAL, assessment=assessment("C1"))
    note = run(pro, above).result(Rule.RISK_MATCH)
    assert "第八条" in note.basis.zh_CN and "arts. 8 and 18" in note.basis.en
    assert "专业投资者" in note.message.zh_CN and "Professional investor" in note.message.en


def test_the_matrix_is_read_from_the_policy() -> None:
    generous = suitability(
        matrix={RiskLevel(f"C{n}"): ProductRisk(f"R{min(5, n + 1)}") for n in range(1, 6)}
    )
    c3 = client(assessment=assessment("C3"))
    assert run(c3, product(risk_level=ProductRisk.R4), policy=generous).verdict is Verdict.SUITABLE
    assert run(c3, product(risk_level=ProductRisk.R4)).verdict is Verdict.NEEDS_EXCEPTION


def test_a_lowest_category_professional_is_still_refused_above_their_level() -> None:
    who = client(investor_type=InvestorType.PROFESSIONAL, assessment=assessment("C1", lowest=True))
    result = run(who, product(risk_level=ProductRisk.R2))
    assert result.outcome(Rule.RISK_MATCH) is Outcome.PROHIBITED
    assert result.verdict is Verdict.PROHIBITED


# -- the assessment ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        (TODAY + timedelta(days=1), Outcome.PASS),
        (TODAY, Outcome.PASS),  # valid until today: still valid today
        (TODAY - timedelta(days=1), Outcome.PROHIBITED),  # expired yesterday
    ],
)
def test_the_assessment_is_valid_up_to_and_including_its_last_day(
    valid_until: date, expected: Outcome
) -> None:
    who = client(assessment=assessment("C3", valid_until=valid_until))
    result = run(who)
    found = result.result(Rule.ASSESSMENT_VALID)
    assert found.outcome is expected
    assert valid_until.isoformat() in found.message.zh_CN
    assert valid_until.isoformat() in found.message.en
    assert "C3" in found.message.en
    if expected is Outcome.PROHIBITED:
        assert result.verdict is Verdict.PROHIBITED
        assert "expired" in found.message.en and "过期" in found.message.zh_CN
        assert result.outcome(Rule.RISK_MATCH) is Outcome.NOTE  # nothing valid to match on
    else:
        assert result.verdict is Verdict.SUITABLE


@pytest.mark.parametrize("kind", [InvestorType.ORDINARY, InvestorType.PROFESSIONAL])
def test_no_assessment_refuses_ordinary_and_professional_investors(kind: InvestorType) -> None:
    result = run(client(investor_type=kind, assessment=None))
    found = result.result(Rule.ASSESSMENT_VALID)
    assert found.outcome is Outcome.PROHIBITED
    assert "no confirmed risk-tolerance assessment" in found.message.en
    assert "尚无已确认的风险承受能力评估" in found.message.zh_CN
    assert "art. 27" in found.basis.en and "第二十七条" in found.basis.zh_CN
    assert result.verdict is Verdict.PROHIBITED
    assert result.outcome(Rule.RISK_MATCH) is Outcome.NOTE


def test_an_expired_assessment_is_not_matched_even_for_a_safe_product() -> None:
    who = client(assessment=assessment("C5", valid_until=TODAY - timedelta(days=400)))
    result = run(who, product(risk_level=ProductRisk.R1))
    assert result.verdict is Verdict.PROHIBITED
    assert [r.rule for r in result.blocking] == [Rule.ASSESSMENT_VALID]


# -- horizon -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("horizon", "months", "expected"),
    [
        (Horizon.UNDER_1Y, 12, Outcome.PASS),
        (Horizon.UNDER_1Y, 13, Outcome.EXCEPTION),
        (Horizon.Y1_3, 36, Outcome.PASS),  # equal
        (Horizon.Y1_3, 37, Outcome.EXCEPTION),  # one month longer
        (Horizon.Y3_5, 60, Outcome.PASS),
        (Horizon.Y3_5, 61, Outcome.EXCEPTION),
        (Horizon.OVER_5Y, 600, Outcome.PASS),
        (Horizon.UNDER_1Y, 0, Outcome.PASS),
    ],
)
def test_a_product_horizon_longer_than_the_clients_needs_an_exception(
    horizon: Horizon, months: int, expected: Outcome
) -> None:
    result = run(client(horizon=horizon), product(horizon_months=months))
    found = result.result(Rule.HORIZON)
    assert found.outcome is expected
    assert f"{months} months" in found.message.en and f"{months} 个月" in found.message.zh_CN
    expected_verdict = Verdict.SUITABLE if expected is Outcome.PASS else Verdict.NEEDS_EXCEPTION
    assert result.verdict is expected_verdict


def test_the_horizon_tolerance_comes_from_the_policy() -> None:
    tolerant = suitability(horizon_tolerance_months=6)
    who = client(horizon=Horizon.Y1_3)
    assert run(who, product(horizon_months=42), policy=tolerant).outcome(Rule.HORIZON) is (
        Outcome.PASS
    )
    found = run(who, product(horizon_months=43), policy=tolerant).result(Rule.HORIZON)
    assert found.outcome is Outcome.EXCEPTION
    assert "6 months' tolerance" in found.message.en and "容差 6 个月" in found.message.zh_CN


def test_a_professional_with_a_shorter_horizon_gets_a_note() -> None:
    who = client(investor_type=InvestorType.PROFESSIONAL, horizon=Horizon.UNDER_1Y)
    result = run(who, product(horizon_months=24))
    assert result.outcome(Rule.HORIZON) is Outcome.NOTE
    assert result.verdict is Verdict.SUITABLE
    assert "Professional investor" in result.result(Rule.HORIZON).message.en


# -- objective -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("objectives", "risk", "expected"),
    [
        ((Objective.PRESERVATION,), "R2", Outcome.PASS),
        ((Objective.PRESERVATION,), "R3", Outcome.EXCEPTION),
        ((Objective.INCOME,), "R3", Outcome.PASS),
        ((Objective.INCOME,), "R4", Outcome.EXCEPTION),
        ((Objective.BALANCED,), "R4", Outcome.PASS),
        ((Objective.BALANCED,), "R5", Outcome.EXCEPTION),
        ((Objective.GROWTH,), "R5", Outcome.PASS),
        ((Objective.PRESERVATION, Objective.GROWTH), "R5", Outcome.PASS),  # the most permissive
        ((), "R1", Outcome.EXCEPTION),  # nothing recorded: cannot be shown to fit
    ],
)
def test_an_objective_mismatch_needs_an_exception(
    objectives: tuple[Objective, ...], risk: str, expected: Outcome
) -> None:
    result = run(client(objectives=objectives), product(risk_level=ProductRisk(risk)))
    found = result.result(Rule.OBJECTIVE)
    assert found.outcome is expected, found.message.en
    assert risk in found.message.en and risk in found.message.zh_CN
    assert "[suitability] objective_levels" in found.basis.en


def test_an_objective_mismatch_names_the_objective_and_its_level() -> None:
    found = run(
        client(objectives=(Objective.PRESERVATION,)), product(risk_level=ProductRisk.R3)
    ).result(Rule.OBJECTIVE)
    assert "preserve capital: up to R2" in found.message.en
    assert "资本保值：至多 R2" in found.message.zh_CN
    assert "art. 22(4)" in found.basis.en


# -- complex products ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "experience", "years", "expected"),
    [
        (ProductType.STRUCTURED, (ProductExperience.STRUCTURED,), 1, Outcome.PASS),
        (ProductType.STRUCTURED, (ProductExperience.DERIVATIVES,), 3, Outcome.PASS),
        (ProductType.STRUCTURED, (ProductExperience.FUNDS,), 10, Outcome.EXCEPTION),
        (ProductType.STRUCTURED, (ProductExperience.STRUCTURED,), 0, Outcome.EXCEPTION),
        (ProductType.STRUCTURED, (), 0, Outcome.EXCEPTION),
        (ProductType.PRIVATE_FUND, (ProductExperience.PRIVATE_FUNDS,), 2, Outcome.PASS),
        (ProductType.PRIVATE_FUND, (ProductExperience.FUNDS,), 2, Outcome.EXCEPTION),
        (ProductType.BOND, (ProductExperience.BONDS,), 1, Outcome.PASS),
        (ProductType.PUBLIC_FUND, (ProductExperience.FUNDS,), 1, Outcome.PASS),
        (ProductType.INSURANCE, (ProductExperience.STOCKS,), 5, Outcome.EXCEPTION),
    ],
)
def test_a_complex_product_needs_relevant_experience(
    kind: ProductType,
    experience: tuple[ProductExperience, ...],
    years: int,
    expected: Outcome,
) -> None:
    who = client(experience_types=experience, experience_years=years)
    result = run(who, product(product_type=kind, is_complex=True))
    found = result.result(Rule.COMPLEX_EXPERIENCE)
    assert found.outcome is expected, found.message.en
    assert f"complex_experience.{kind.value}" in found.basis.en
    assert "complex_min_experience_years" in found.basis.en
    if expected is Outcome.EXCEPTION:
        assert "without relevant experience" in found.message.en
        assert "缺少相关经验" in found.message.zh_CN
        assert result.verdict is Verdict.NEEDS_EXCEPTION


def test_the_same_client_buys_a_simple_product_without_the_experience() -> None:
    who = client(experience_types=(ProductExperience.DEPOSITS,), experience_years=0)
    found = run(who, product(product_type=ProductType.STRUCTURED)).result(Rule.COMPLEX_EXPERIENCE)
    assert found.outcome is Outcome.PASS
    assert found.message.en == "Not applicable: the product is not complex."
    assert found.message.zh_CN == "不适用：本产品不是复杂产品。"


def test_the_complex_experience_message_lists_what_is_needed_and_what_the_client_has() -> None:
    who = client(experience_types=(ProductExperience.DEPOSITS,), experience_years=0)
    found = run(who, product(product_type=ProductType.STRUCTURED, is_complex=True)).result(
        Rule.COMPLEX_EXPERIENCE
    )
    assert "structured products, futures and options" in found.message.en
    assert "the client has deposits, 0 years" in found.message.en
    assert "结构性产品、期货期权" in found.message.zh_CN and "存款" in found.message.zh_CN


def test_a_professional_without_the_experience_gets_a_note() -> None:
    who = client(
        investor_type=InvestorType.PROFESSIONAL,
        experience_types=(ProductExperience.DEPOSITS,),
        experience_years=0,
    )
    result = run(who, product(product_type=ProductType.STRUCTURED, is_complex=True))
    assert result.outcome(Rule.COMPLEX_EXPERIENCE) is Outcome.NOTE
    assert result.verdict is Verdict.SUITABLE


# -- elderly clients -----------------------------------------------------------------------------

BIRTHDAY_65 = date(1961, 11, 27)  # 65 on TODAY


@pytest.mark.parametrize(
    ("as_of", "risk", "expected", "age"),
    [
        (TODAY - timedelta(days=1), "R4", Outcome.PASS, 64),  # the day before the birthday
        (TODAY, "R4", Outcome.EXCEPTION, 65),  # on the 65th birthday
        (TODAY, "R5", Outcome.EXCEPTION, 65),
        (TODAY, "R3", Outcome.PASS, 65),  # below the review level
        (TODAY - timedelta(days=1), "R5", Outcome.PASS, 64),
    ],
)
def test_a_client_of_65_or_over_buying_r4_or_above_needs_review(
    as_of: date, risk: str, expected: Outcome, age: int
) -> None:
    who = client(birth_date=BIRTHDAY_65, as_of=as_of)
    result = run(who, product(risk_level=ProductRisk(risk)))
    found = result.result(Rule.ELDERLY)
    assert found.outcome is expected
    assert f"{age}" in found.message.en and f"{age} 岁" in found.message.zh_CN
    assert result.needs_review is (expected is Outcome.EXCEPTION)
    assert "[investors] elderly_age" in found.basis.en
    assert "[suitability] elderly_review_from" in found.basis.en
    if expected is Outcome.EXCEPTION:
        assert result.verdict is Verdict.NEEDS_EXCEPTION
        assert "follow-up call" in found.message.en and "回访" in found.message.zh_CN


def test_a_leap_day_birthday_turns_65_on_the_first_of_march() -> None:
    born = date(1960, 2, 29)
    r4 = product(risk_level=ProductRisk.R4)
    assert run(client(birth_date=born, as_of=date(2025, 2, 28)), r4).needs_review is False
    assert run(client(birth_date=born, as_of=date(2025, 3, 1)), r4).needs_review is True


def test_the_elderly_rule_applies_to_professional_investors_too() -> None:
    who = client(investor_type=InvestorType.PROFESSIONAL, birth_date=date(1950, 1, 1))
    result = run(who, product(risk_level=ProductRisk.R5))
    assert result.outcome(Rule.ELDERLY) is Outcome.EXCEPTION
    assert result.needs_review


def test_the_elderly_age_and_review_level_come_from_the_policy() -> None:
    policy = replace(
        suitability(elderly_review_from=ProductRisk.R3),
        investor=replace(POLICY.investor, elderly_age=70),
    )
    who = client(birth_date=date(1958, 1, 1))  # 68
    assert run(who, product(risk_level=ProductRisk.R3), policy=policy).needs_review is False
    older = client(birth_date=date(1955, 1, 1))  # 71
    found = run(older, product(risk_level=ProductRisk.R3), policy=policy).result(Rule.ELDERLY)
    assert found.outcome is Outcome.EXCEPTION
    assert "70 or over" in found.message.en and "at or above R3" in found.message.en


# -- concentration -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected", "words"),
    [
        ("500000.00", Outcome.PASS, "50%"),  # exactly half of 1,000,000.00
        ("500000.01", Outcome.WARNING, "above 50%"),  # one fen more
        ("100000.00", Outcome.PASS, "10%"),
    ],
)
def test_an_amount_above_the_concentration_share_is_warned_about(
    amount: str, expected: Outcome, words: str
) -> None:
    who = client(financial_assets=Decimal("1000000.00"))
    result = run(who, amount=Decimal(amount))
    found = result.result(Rule.CONCENTRATION)
    assert found.outcome is expected
    assert result.verdict is Verdict.SUITABLE  # a warning never blocks
    assert words in found.message.en
    assert f"CNY {Decimal(amount):,.2f}" in found.message.en
    assert "CNY 1,000,000.00" in found.message.en
    assert "1,000,000.00 元" in found.message.zh_CN
    assert "[suitability] concentration_share" in found.basis.en
    if expected is Outcome.WARNING:
        assert result.warnings == (found,)
        assert "超过 50%" in found.message.zh_CN


def test_a_client_with_no_financial_assets_is_warned_about_any_amount() -> None:
    found = run(client(financial_assets=Decimal("0.00"))).result(Rule.CONCENTRATION)
    assert found.outcome is Outcome.WARNING
    assert "CNY 0.00" in found.message.en


def test_the_concentration_share_comes_from_the_policy() -> None:
    who = client(financial_assets=Decimal("1000000.00"))
    strict = suitability(concentration_share=Decimal("0.25"))
    found = run(who, amount=Decimal("300000.00"), policy=strict).result(Rule.CONCENTRATION)
    assert found.outcome is Outcome.WARNING
    assert "30% of the client's financial assets" in found.message.en
    assert "above 25%" in found.message.en


def test_a_foreign_currency_product_is_not_compared_with_assets_in_yuan() -> None:
    found = run(
        client(financial_assets=Decimal("1.00")), product(currency="USD", min_amount=Decimal(1))
    ).result(Rule.CONCENTRATION)
    assert found.outcome is Outcome.NOTE
    assert "USD" in found.message.en and "USD" in found.message.zh_CN


# -- minimum amount ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("10000.00", Outcome.PASS),  # exactly the minimum
        ("10000", Outcome.PASS),
        ("9999.99", Outcome.PROHIBITED),  # one fen below
        ("0", Outcome.PROHIBITED),
        ("-5000.00", Outcome.PROHIBITED),
        ("10000.001", Outcome.PROHIBITED),  # not a whole number of fen
        ("NaN", Outcome.PROHIBITED),
        ("sNaN", Outcome.PROHIBITED),
        ("Infinity", Outcome.PROHIBITED),
    ],
)
def test_the_amount_must_be_positive_and_at_least_the_minimum(
    amount: str, expected: Outcome
) -> None:
    result = run(amount=Decimal(amount))
    found = result.result(Rule.MINIMUM_AMOUNT)
    assert found.outcome is expected, found.message.en
    if expected is Outcome.PROHIBITED:
        assert result.verdict is Verdict.PROHIBITED
    else:
        assert result.verdict is Verdict.SUITABLE


def test_the_minimum_amount_messages_name_both_amounts() -> None:
    below = run(amount=Decimal("9999.99")).result(Rule.MINIMUM_AMOUNT)
    assert below.message.en == (
        "The amount, CNY 9,999.99, is below the product's minimum of CNY 10,000.00."
    )
    assert below.message.zh_CN == "购买金额 9,999.99 元 低于产品起购金额 10,000.00 元。"
    zero = run(amount=Decimal("0")).result(Rule.MINIMUM_AMOUNT)
    assert "more than zero" in zero.message.en and "须大于零" in zero.message.zh_CN
    negative = run(amount=Decimal("-1")).result(Rule.MINIMUM_AMOUNT)
    assert "CNY -1.00" in negative.message.en
    # Nothing to compare a bad amount with: the concentration rule says so.
    assert run(amount=Decimal("0")).outcome(Rule.CONCENTRATION) is Outcome.PASS


@pytest.mark.parametrize("kind", [InvestorType.ORDINARY, InvestorType.PROFESSIONAL])
def test_the_minimum_applies_to_professional_investors_too(kind: InvestorType) -> None:
    result = run(client(investor_type=kind), amount=Decimal("9999.99"))
    assert result.verdict is Verdict.PROHIBITED


# -- switches ------------------------------------------------------------------------------------

SWITCHES = [
    ("check_horizon", Rule.HORIZON, {"horizon": Horizon.UNDER_1Y}, {"horizon_months": 60}),
    ("check_objective", Rule.OBJECTIVE, {"objectives": (Objective.PRESERVATION,)}, {}),
    (
        "check_complex_experience",
        Rule.COMPLEX_EXPERIENCE,
        {"experience_types": ()},
        {"is_complex": True},
    ),
    ("check_elderly", Rule.ELDERLY, {"birth_date": date(1940, 1, 1)}, {}),
    ("check_concentration", Rule.CONCENTRATION, {"financial_assets": Decimal("1.00")}, {}),
]


@pytest.mark.parametrize(("key", "rule", "who", "what"), SWITCHES)
def test_a_rule_switched_off_is_listed_as_not_checked(
    key: str, rule: Rule, who: dict[str, object], what: dict[str, object]
) -> None:
    failing_client, failing_product = client(**who), product(risk_level=ProductRisk.R5, **what)
    on = run(failing_client, failing_product)
    assert on.outcome(rule) in (Outcome.EXCEPTION, Outcome.WARNING)
    off = run(failing_client, failing_product, policy=suitability(**{key: False}))
    found = off.result(rule)
    assert found.outcome is Outcome.NOTE
    assert found.message.en == "Not checked: this rule is switched off by the policy."
    assert found.basis.en == f"policy {POLICY.version} [suitability] {key} = false"
    assert off.verdict is Verdict.SUITABLE
    assert not off.needs_review


# -- several rules at once, determinism, the stored form -----------------------------------------


def test_a_verdict_is_the_worst_of_several_failing_rules() -> None:
    who = client(
        assessment=assessment("C2"),
        birth_date=date(1950, 6, 1),
        horizon=Horizon.UNDER_1Y,
        objectives=(Objective.INCOME,),
        experience_types=(),
        experience_years=0,
        financial_assets=Decimal("20000.00"),
    )
    what = product(risk_level=ProductRisk.R4, is_complex=True, horizon_months=36)
    result = run(who, what, Decimal("15000.00"))
    assert result.verdict is Verdict.NEEDS_EXCEPTION
    assert [r.rule for r in result.blocking] == [
        Rule.RISK_MATCH,
        Rule.HORIZON,
        Rule.OBJECTIVE,
        Rule.COMPLEX_EXPERIENCE,
        Rule.ELDERLY,
    ]
    assert result.outcome(Rule.CONCENTRATION) is Outcome.WARNING
    assert result.needs_review
    prohibited = run(who, what, Decimal("9999.99"))
    assert prohibited.verdict is Verdict.PROHIBITED


def test_the_engine_is_deterministic() -> None:
    who = client(assessment=assessment("C2"), birth_date=date(1950, 6, 1))
    what = product(risk_level=ProductRisk.R5, is_complex=True)
    first = evaluate(who, what, AMOUNT, POLICY)
    for _ in range(3):
        again = evaluate(
            replace(who), replace(what), Decimal("100000.00"), load_policy(DEFAULT_POLICY)
        )
        assert again == first
        assert json.dumps(again.to_json(), ensure_ascii=False) == json.dumps(
            first.to_json(), ensure_ascii=False
        )


def test_the_stored_form_round_trips_exactly() -> None:
    result = run(
        client(assessment=assessment("C1", lowest=True), birth_date=date(1950, 6, 1)),
        product(risk_level=ProductRisk.R4, is_complex=True),
    )
    stored = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert stored["format"] == 1
    assert stored["verdict"] == "prohibited"
    assert stored["rules"][0]["rule"] == "assessment_valid"
    assert set(stored["rules"][1]["message"]) == {"zh_CN", "en"}
    back = Evaluation.from_json(stored)
    assert back == result
    assert isinstance(back.rules[0].message, LocalizedText)
    assert back.to_json() == result.to_json()


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("verdict"),
        lambda d: d.update(verdict="fine"),
        lambda d: d.update(format=2),
        lambda d: d.update(needs_review="no"),
        lambda d: d["rules"][0].update(outcome="maybe"),
        lambda d: d["rules"][0]["message"].pop("en"),
        lambda d: d["rules"][0]["basis"].update(zh_CN=5),
        lambda d: d.update(rules=5),
    ],
)
def test_a_damaged_stored_form_is_refused(damage: object) -> None:
    data = json.loads(json.dumps(run().to_json()))
    damage(data)  # type: ignore[operator]
    with pytest.raises(ValueError, match="Not a stored suitability evaluation"):
        Evaluation.from_json(data)


def test_a_rule_result_round_trips_on_its_own() -> None:
    one = RuleResult(
        Rule.HORIZON, Outcome.NOTE, LocalizedText("中文", "English"), LocalizedText("依据", "basis")
    )
    assert RuleResult.from_json(one.to_json()) == one
