"""The suitability engine: pure, deterministic, no Qt and no database.

Given a snapshot of the client, the product's terms, the amount and the policy, ``evaluate``
returns a verdict and every rule it applied (passed ones included), each with its outcome, a
message in Chinese and English and its regulatory basis. A sale stores the whole Evaluation
(``to_json``) so that years later the record shows the same verdict.

The rules, always all of them and always in the order of ``Rule`` (``RULE_ORDER``):

1. ``ASSESSMENT_VALID`` — no confirmed assessment, or one whose last valid day is before
   ``client.as_of`` → PROHIBITED. How long an assessment stays valid is the questionnaire's
   ``validity_months``; each assessment records its own last valid day, which is what is read
   here. It applies to professional investors too: a bank must assess every non-institutional
   investor (《商业银行理财业务监督管理办法》第二十七条), the sale freezes the assessment it was
   made on, and a professional's file is kept current like anyone's (《证券期货投资者适当性管理
   办法》第十四条). Professional investors skip the *matching*, not the assessment.
2. ``RISK_MATCH`` — the product's level above the highest the policy's matrix allows the
   client's level: the lowest category (最低风险承受能力类别) PROHIBITED whatever their investor
   type ("refused, always"); other ordinary investors EXCEPTION (special written risk warning, the
   client insists in writing, a supervisor approves); professional investors PASS with a NOTE.
   Without a valid assessment there is nothing to match: a NOTE (rule 1 already refuses).
3. ``HORIZON`` — the product's horizon longer than the client's (``Horizon.months`` plus the
   policy's tolerance) → EXCEPTION.
4. ``OBJECTIVE`` — the product's level above the highest the client's objectives suit (the
   most permissive of them; none recorded counts as a mismatch) → EXCEPTION.
5. ``COMPLEX_EXPERIENCE`` — a complex product, and the client lacks both a relevant kind of
   experience for its product type and the policy's years of investing → EXCEPTION; "not
   applicable" (PASS) for a product that is not complex.
6. ``ELDERLY`` — a client aged [investors] ``elderly_age`` or more on ``as_of`` buying at or
   above ``elderly_review_from`` → EXCEPTION, and ``needs_review`` (a supervisor's review and a
   follow-up call). It applies to professional investors too: it is extra care, not matching.
7. ``CONCENTRATION`` — an amount above ``concentration_share`` of the client's financial assets
   → WARNING (shown and recorded, does not block). Only for products in CNY (the financial assets
   are recorded in yuan and the engine knows no exchange rates): a NOTE otherwise.
8. ``MINIMUM_AMOUNT`` — an amount of zero or less, not a whole number of fen, or below the
   product's minimum → PROHIBITED. Applies to everyone.

Professional investors are not matched on risk level, horizon, objective or complex-product
experience: where one of those would fail, the rule says so as a NOTE and does not change the
verdict. A rule switched off in the policy appears as a NOTE saying so.

The verdict is the worst outcome: any PROHIBITED → PROHIBITED; else any EXCEPTION →
NEEDS_EXCEPTION; else SUITABLE (WARNING and NOTE never block).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience, age_on
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import ProductRisk, ProductTerms, ProductType
from crm_desk.domain.questionnaire import LocalizedText, RiskLevel


class Verdict(StrEnum):
    SUITABLE = "suitable"
    NEEDS_EXCEPTION = "needs_exception"
    PROHIBITED = "prohibited"


class Outcome(StrEnum):
    """One rule's result. PASS and NOTE never change the verdict; WARNING is shown and
    recorded but does not block; EXCEPTION needs a supervisor; PROHIBITED refuses the sale."""

    PASS = "pass"
    NOTE = "note"
    WARNING = "warning"
    EXCEPTION = "exception"
    PROHIBITED = "prohibited"

    @property
    def severity(self) -> int:
        """0 for PASS … 4 for PROHIBITED: the verdict is the outcome of highest severity."""
        return _SEVERITY[self]


_SEVERITY = {outcome: rank for rank, outcome in enumerate(Outcome)}


class Rule(StrEnum):
    ASSESSMENT_VALID = "assessment_valid"
    RISK_MATCH = "risk_match"
    HORIZON = "horizon"
    OBJECTIVE = "objective"
    COMPLEX_EXPERIENCE = "complex_experience"
    ELDERLY = "elderly"
    CONCENTRATION = "concentration"
    MINIMUM_AMOUNT = "minimum_amount"


RULE_ORDER: tuple[Rule, ...] = tuple(Rule)  # every Evaluation lists its rules in this order
JSON_FORMAT = 1  # the shape of Evaluation.to_json; raise it on any change


@dataclass(frozen=True, slots=True)
class AssessmentFacts:
    assessment_id: int
    level: RiskLevel
    lowest_category: bool
    assessed_on: date
    valid_until: date


@dataclass(frozen=True, slots=True)
class ClientSnapshot:
    """What the engine (and a sale, frozen) knows about the client on ``as_of``.
    ``assessment`` is the latest confirmed one, expired or not; None if there is none."""

    client_id: int
    name: str
    as_of: date
    investor_type: InvestorType
    birth_date: date
    horizon: Horizon
    objectives: tuple[Objective, ...]
    experience_years: int
    experience_types: tuple[ProductExperience, ...]
    financial_assets: Decimal
    preferred_language: str
    assessment: AssessmentFacts | None

    @property
    def age(self) -> int:
        """The client's age in whole years on ``as_of``."""
        return age_on(self.birth_date, self.as_of)

    @property
    def valid_assessment(self) -> AssessmentFacts | None:
        """The assessment if it is still valid on ``as_of`` (valid on its last day too)."""
        a = self.assessment
        return a if a is not None and self.as_of <= a.valid_until else None


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    message: LocalizedText  # what was found, in plain words, both languages
    basis: LocalizedText  # the regulatory basis / policy clause

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule.value,
            "outcome": self.outcome.value,
            "message": {"zh_CN": self.message.zh_CN, "en": self.message.en},
            "basis": {"zh_CN": self.basis.zh_CN, "en": self.basis.en},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RuleResult:
        return cls(
            rule=Rule(data["rule"]),
            outcome=Outcome(data["outcome"]),
            message=_text_from_json(data["message"]),
            basis=_text_from_json(data["basis"]),
        )


def _text_from_json(data: Mapping[str, Any]) -> LocalizedText:
    zh, en = data["zh_CN"], data["en"]
    if not isinstance(zh, str) or not isinstance(en, str):
        raise ValueError(f"a text must have zh_CN and en strings, found {data!r}")
    return LocalizedText(zh_CN=zh, en=en)


_PROHIBITED, _EXCEPTION = Outcome.PROHIBITED, Outcome.EXCEPTION


def verdict_of(outcomes: Iterable[Outcome]) -> Verdict:
    """The worst outcome decides: PROHIBITED, else EXCEPTION, else SUITABLE."""
    verdict = Verdict.SUITABLE
    for outcome in outcomes:
        if outcome is _PROHIBITED:
            return Verdict.PROHIBITED
        if outcome is _EXCEPTION:
            verdict = Verdict.NEEDS_EXCEPTION
    return verdict


@dataclass(frozen=True, slots=True)
class Evaluation:
    verdict: Verdict
    rules: tuple[RuleResult, ...]  # every rule, in a fixed order, passed ones included
    needs_review: bool  # a 65+ client buying at/above the policy level: supervisor review
    policy_version: str

    def result(self, rule: Rule) -> RuleResult:
        for found in self.rules:
            if found.rule is rule:
                return found
        raise KeyError(rule)

    def outcome(self, rule: Rule) -> Outcome:
        return self.result(rule).outcome

    @property
    def blocking(self) -> tuple[RuleResult, ...]:
        """The rules that refuse the sale or need an exception, in rule order."""
        return tuple(r for r in self.rules if r.outcome in (Outcome.EXCEPTION, Outcome.PROHIBITED))

    @property
    def warnings(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if r.outcome is Outcome.WARNING)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types only; ``from_json(to_json())`` gives back an equal Evaluation."""
        return {
            "format": JSON_FORMAT,
            "verdict": self.verdict.value,
            "needs_review": self.needs_review,
            "policy_version": self.policy_version,
            "rules": [r.to_json() for r in self.rules],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evaluation:
        """Raises ValueError on anything that is not a stored evaluation of this format."""
        try:
            if data["format"] != JSON_FORMAT:
                raise ValueError(f"format {data['format']!r}, expected {JSON_FORMAT}")
            needs_review = data["needs_review"]
            version = data["policy_version"]
            if not isinstance(needs_review, bool) or not isinstance(version, str):
                raise ValueError("needs_review must be true/false and policy_version a text")
            return cls(
                verdict=Verdict(data["verdict"]),
                rules=tuple(RuleResult.from_json(r) for r in data["rules"]),
                needs_review=needs_review,
                policy_version=version,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"Not a stored suitability evaluation: {exc!r}") from exc


# --- wording ------------------------------------------------------------------------------------

ADEQ_ZH = "《证券期货投资者适当性管理办法》"
ADEQ_EN = "CSRC Measures for the Suitability Management of Securities and Futures Investors"
WMP_ZH = "《商业银行理财业务监督管理办法》"
WMP_EN = "CBIRC Measures for the Supervision of the Wealth Management Business of Commercial Banks"

EXPERIENCE_LABELS: Mapping[ProductExperience, tuple[str, str]] = {
    ProductExperience.DEPOSITS: ("存款", "deposits"),
    ProductExperience.BONDS: ("债券", "bonds"),
    ProductExperience.FUNDS: ("公募基金", "public funds"),
    ProductExperience.STOCKS: ("股票", "stocks"),
    ProductExperience.PRIVATE_FUNDS: ("私募基金", "private funds"),
    ProductExperience.STRUCTURED: ("结构性产品", "structured products"),
    ProductExperience.DERIVATIVES: ("期货期权", "futures and options"),
    ProductExperience.INSURANCE: ("投资型保险", "investment insurance"),
    ProductExperience.FOREX_GOLD: ("外汇黄金", "forex and gold"),
}
PRODUCT_TYPE_LABELS: Mapping[ProductType, tuple[str, str]] = {
    ProductType.DEPOSIT: ("存款", "deposit"),
    ProductType.WEALTH_MANAGEMENT: ("理财产品", "wealth management product"),
    ProductType.PUBLIC_FUND: ("公募基金", "public fund"),
    ProductType.PRIVATE_FUND: ("私募基金", "private fund"),
    ProductType.BOND: ("债券", "bond"),
    ProductType.STRUCTURED: ("结构性产品", "structured product"),
    ProductType.INSURANCE: ("保险", "insurance"),
    ProductType.OTHER: ("其他", "other"),
}
OBJECTIVE_LABELS: Mapping[Objective, tuple[str, str]] = {
    Objective.PRESERVATION: ("资本保值", "preserve capital"),
    Objective.INCOME: ("稳定收益", "steady income"),
    Objective.BALANCED: ("平衡增长", "balanced growth"),
    Objective.GROWTH: ("积极增长", "aggressive growth"),
}
HORIZON_LABELS: Mapping[Horizon, tuple[str, str]] = {
    Horizon.UNDER_1Y: ("1 年以下", "under 1 year"),
    Horizon.Y1_3: ("1–3 年", "1 to 3 years"),
    Horizon.Y3_5: ("3–5 年", "3 to 5 years"),
    Horizon.OVER_5Y: ("5 年以上", "over 5 years"),
}
# The regulatory bases, zh and en; the policy clause is added per evaluation.
LAW_ASSESSMENT = (
    f"{ADEQ_ZH}第十条、第十四条；{WMP_ZH}第二十七条；有效期：问卷 validity_months",
    f"{ADEQ_EN}, arts. 10 and 14; {WMP_EN}, art. 27; validity: the questionnaire's validity_months",
)
LAW_NO_MATCH = (f"{ADEQ_ZH}第十八条", f"{ADEQ_EN}, art. 18")
LAW_MATCH = (
    f"{ADEQ_ZH}第十八条；{WMP_ZH}第二十八条",
    f"{ADEQ_EN}, art. 18; {WMP_EN}, art. 28",
)
LAW_LOWEST = (
    f"{ADEQ_ZH}第十九条、第二十二条第（五）项；{WMP_ZH}第二十八条",
    f"{ADEQ_EN}, art. 19 and art. 22(5); {WMP_EN}, art. 28",
)
LAW_PROFESSIONAL = (f"{ADEQ_ZH}第八条、第十八条", f"{ADEQ_EN}, arts. 8 and 18")
LAW_ABOVE = (
    f"{ADEQ_ZH}第十九条、第二十二条第（三）项；{WMP_ZH}第二十八条",
    f"{ADEQ_EN}, art. 19 and art. 22(3); {WMP_EN}, art. 28",
)
LAW_HORIZON = (
    f"{ADEQ_ZH}第十三条、第十八条",
    f"{ADEQ_EN}, arts. 13 and 18",
)
LAW_OBJECTIVE = (
    f"{ADEQ_ZH}第十三条、第二十二条第（四）项",
    f"{ADEQ_EN}, art. 13 and art. 22(4)",
)
LAW_NOT_COMPLEX = (f"{ADEQ_ZH}第十六条", f"{ADEQ_EN}, art. 16")
LAW_COMPLEX = (
    f"{ADEQ_ZH}第十三条、第十六条",
    f"{ADEQ_EN}, arts. 13 and 16",
)
LAW_ELDERLY = (
    f"{ADEQ_ZH}第二十条（特别的注意义务）",
    f"{ADEQ_EN}, art. 20 (special duty of care)",
)
LAW_CONCENTRATION = (
    f"{ADEQ_ZH}第十三条（资产状况）；本行风险控制",
    f"{ADEQ_EN}, art. 13 (financial situation); the branch's risk control",
)
LAW_MINIMUM = (
    f"产品说明书（起购金额）；{ADEQ_ZH}第十六条",
    f"the product's terms (minimum amount); {ADEQ_EN}, art. 16",
)
_CENT = Decimal("0.01")
_ZERO = Decimal(0)
_TENTH = Decimal("0.1")
_HUNDRED = Decimal(100)


def _t(zh: str, en: str) -> LocalizedText:
    return LocalizedText(zh_CN=zh, en=en)


def _money(amount: Decimal, currency: str) -> tuple[str, str]:
    """("100,000.00 元", "CNY 100,000.00"); other currencies keep their code in both."""
    figure = f"{amount:,.2f}"
    if currency == "CNY":
        return f"{figure} 元", f"CNY {figure}"
    return f"{currency} {figure}", f"{currency} {figure}"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _number(value: Decimal) -> str:
    """A plain decimal without exponent or trailing zeros: 50, 33.3."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _labels(
    items: Iterable[Any], table: Mapping[Any, tuple[str, str]], empty: tuple[str, str]
) -> tuple[str, str]:
    chosen = [table[item] for item in items]
    if not chosen:
        return empty
    return "、".join(zh for zh, _ in chosen), ", ".join(en for _, en in chosen)


# Each rule is a pure function of a few hashable facts; remembering the last few thousand
# results makes a shelf of a thousand products cheap (the same levels and amounts recur).
_cached = lru_cache(maxsize=2048)


@lru_cache(maxsize=512)
def _law(version: str, law: tuple[str, str], keys: tuple[str, ...]) -> LocalizedText:
    """A basis text: the same few for every evaluation, so made once (texts are immutable)."""
    if not keys:
        return _t(*law)
    return _t(
        f"{law[0]}；政策 {version} {'、'.join(keys)}",
        f"{law[1]}; policy {version} {', '.join(keys)}",
    )


class _Basis:
    """The regulatory bases, with the policy clause a number comes from."""

    def __init__(self, version: str) -> None:
        self.version = version

    def policy(self, *keys: str) -> tuple[str, str]:
        clause = "、".join(keys)
        return (
            f"政策 {self.version} {clause}",
            f"policy {self.version} {', '.join(keys)}",
        )

    def make(self, law: tuple[str, str], *keys: str) -> LocalizedText:
        return _law(self.version, law, keys)

    def switched_off(self, rule: Rule, key: str) -> RuleResult:
        return _switched_off(self.version, rule, key)


@_cached
def _switched_off(version: str, rule: Rule, key: str) -> RuleResult:
    pzh, pen = _Basis(version).policy(f"[suitability] {key} = false")
    return RuleResult(
        rule,
        Outcome.NOTE,
        _t("未检查：本规则已由政策关闭。", "Not checked: this rule is switched off by the policy."),
        _t(pzh, pen),
    )


# --- the rules ----------------------------------------------------------------------------------


@_cached
def _assessment(
    version: str,
    level: RiskLevel | None,
    lowest: bool,
    assessed_on: date | None,
    valid_until: date | None,
    expired_on: date | None,
) -> RuleResult:
    """``level`` None: no assessment. ``expired_on``: the day read for, when the assessment
    had expired by then."""
    basis = _Basis(version)
    law = basis.make(LAW_ASSESSMENT)
    if level is None or assessed_on is None or valid_until is None:
        return RuleResult(
            Rule.ASSESSMENT_VALID,
            Outcome.PROHIBITED,
            _t(
                "客户尚无已确认的风险承受能力评估：须先完成评估，方可销售。",
                "The client has no confirmed risk-tolerance assessment: assess the client "
                "before any sale.",
            ),
            law,
        )
    lowest_zh = "，属风险承受能力最低类别" if lowest else ""
    lowest_en = ", lowest risk-tolerance category" if lowest else ""
    made = assessed_on.isoformat()
    until = valid_until.isoformat()
    if expired_on is not None:
        return RuleResult(
            Rule.ASSESSMENT_VALID,
            Outcome.PROHIBITED,
            _t(
                f"风险承受能力评估（{level}{lowest_zh}，{made} 评估）有效期至 "
                f"{until}，截至 {expired_on.isoformat()} 已过期：须重新评估，方可销售。",
                f"The risk-tolerance assessment ({level}{lowest_en}, made {made}) "
                f"was valid until {until} and has expired by {expired_on.isoformat()}: "
                "re-assess the client before any sale.",
            ),
            law,
        )
    return RuleResult(
        Rule.ASSESSMENT_VALID,
        Outcome.PASS,
        _t(
            f"风险承受能力评估有效：{level}{lowest_zh}，{made} 评估，有效期至 {until}。",
            f"Valid risk-tolerance assessment: {level}{lowest_en}, made {made}, "
            f"valid until {until}.",
        ),
        law,
    )


@_cached
def _risk_match(
    version: str,
    level: RiskLevel | None,
    lowest: bool,
    professional: bool,
    risk: ProductRisk,
    allowed: ProductRisk | None,
) -> RuleResult:
    """``level`` and ``allowed`` are None without a valid assessment."""
    basis = _Basis(version)
    rule = Rule.RISK_MATCH
    if level is None or allowed is None:
        return RuleResult(
            rule,
            Outcome.NOTE,
            _t(
                f"无法匹配：没有有效的风险承受能力评估（产品风险等级 {risk}）。",
                "Cannot be matched: there is no valid risk-tolerance assessment (the product "
                f"is {risk}).",
            ),
            basis.make(LAW_NO_MATCH),
        )
    key = f"[suitability] matrix.{level}"
    if risk.rank <= allowed.rank:
        return RuleResult(
            rule,
            Outcome.PASS,
            _t(
                f"产品风险等级 {risk} 不高于客户等级 {level} 可购买的最高等级 {allowed}。",
                f"Product risk {risk} is within what a {level} client may buy (up to {allowed}).",
            ),
            basis.make(LAW_MATCH, key),
        )
    if lowest:
        return RuleResult(
            rule,
            Outcome.PROHIBITED,
            _t(
                f"客户属风险承受能力最低类别（{level}），"
                f"不得购买高于 {allowed} 的产品，本产品为 {risk}；"
                "即使客户坚持也不得销售。",
                f"The client is in the lowest risk-tolerance category ({level}) and may "
                f"not buy above {allowed}; this product is {risk}. It cannot be sold "
                "even if the client insists.",
            ),
            basis.make(LAW_LOWEST, key),
        )
    if professional:
        return RuleResult(
            rule,
            Outcome.NOTE,
            _t(
                f"专业投资者：产品风险等级 {risk} 高于 {level} 可购买的最高等级 "
                f"{allowed}；专业投资者不作风险等级匹配，仅作提示。",
                f"Professional investor: product risk {risk} is above what a "
                f"{level} client may buy (up to {allowed}); professional investors "
                "are not matched, this is a note only.",
            ),
            basis.make(LAW_PROFESSIONAL, key),
        )
    return RuleResult(
        rule,
        Outcome.EXCEPTION,
        _t(
            f"产品风险等级 {risk} 高于客户等级 {level} 可购买的最高等级 "
            f"{allowed}：须向客户出具特别风险警示书，客户书面确认坚持购买，并经主管审批。",
            f"Product risk {risk} is above what a {level} client may buy (up to "
            f"{allowed}): the client must receive a special written risk warning and "
            "insist in writing, and a supervisor must approve.",
        ),
        basis.make(LAW_ABOVE, key),
    )


def _professional_note(rule: Rule, zh: str, en: str, law: LocalizedText) -> RuleResult:
    return RuleResult(
        rule,
        Outcome.NOTE,
        _t(
            f"专业投资者，不作匹配，仅作提示：{zh}",
            f"Professional investor, not matched, noted: {en}",
        ),
        law,
    )


@_cached
def _horizon(
    version: str, check: bool, tolerance: int, horizon: Horizon, months: int, professional: bool
) -> RuleResult:
    basis = _Basis(version)
    if not check:
        return basis.switched_off(Rule.HORIZON, "check_horizon")
    law = basis.make(
        LAW_HORIZON,
        "[suitability] horizon_tolerance_months",
    )
    horizon_zh, horizon_en = HORIZON_LABELS[horizon]
    if horizon is Horizon.OVER_5Y:
        limit_zh, limit_en = horizon_zh, horizon_en
    else:
        limit_zh = f"{horizon_zh}，至多 {horizon.months} 个月"
        limit_en = f"{horizon_en}, up to {horizon.months} months"
    if tolerance:
        limit_zh += f"，另加容差 {tolerance} 个月"
        limit_en += f", plus {tolerance} months' tolerance"
    if months <= horizon.months + tolerance:
        return RuleResult(
            Rule.HORIZON,
            Outcome.PASS,
            _t(
                f"产品期限 {months} 个月，不超过客户的投资期限（{limit_zh}）。",
                f"The product's horizon, {months} months, is within the client's ({limit_en}).",
            ),
            law,
        )
    zh = f"产品期限 {months} 个月，超过客户的投资期限（{limit_zh}）。"
    en = f"The product's horizon, {months} months, is longer than the client's ({limit_en})."
    if professional:
        return _professional_note(Rule.HORIZON, zh, en, law)
    return RuleResult(Rule.HORIZON, Outcome.EXCEPTION, _t(zh, en), law)


@_cached
def _objective(
    version: str,
    check: bool,
    levels: tuple[tuple[Objective, ProductRisk], ...],
    risk: ProductRisk,
    professional: bool,
) -> RuleResult:
    """``levels``: each of the client's objectives with the highest level it suits."""
    basis = _Basis(version)
    if not check:
        return basis.switched_off(Rule.OBJECTIVE, "check_objective")
    law = basis.make(
        LAW_OBJECTIVE,
        "[suitability] objective_levels",
    )
    if not levels:
        zh = f"客户未记录投资目标，无法确认 {risk} 产品符合其目标。"
        en = f"No investment objective is recorded, so a {risk} product cannot be shown to fit one."
        outcome = Outcome.EXCEPTION
    else:
        suits = max((lvl for _, lvl in levels), key=lambda lvl: lvl.rank)
        listed_zh = "；".join(f"{OBJECTIVE_LABELS[o][0]}：至多 {lvl}" for o, lvl in levels)
        listed_en = "; ".join(f"{OBJECTIVE_LABELS[o][1]}: up to {lvl}" for o, lvl in levels)
        if risk.rank <= suits.rank:
            return RuleResult(
                Rule.OBJECTIVE,
                Outcome.PASS,
                _t(
                    f"产品风险等级 {risk} 符合客户的投资目标（{listed_zh}）。",
                    f"Product risk {risk} fits the client's objectives ({listed_en}).",
                ),
                law,
            )
        zh = f"产品风险等级 {risk} 高于客户投资目标适合的最高等级 {suits}（{listed_zh}）。"
        en = (
            f"Product risk {risk} is above the highest the client's objectives suit, "
            f"{suits} ({listed_en})."
        )
        outcome = Outcome.EXCEPTION
    if professional:
        return _professional_note(Rule.OBJECTIVE, zh, en, law)
    return RuleResult(Rule.OBJECTIVE, outcome, _t(zh, en), law)


@_cached
def _complex(
    version: str,
    check: bool,
    is_complex: bool,
    product_type: ProductType,
    relevant: frozenset[ProductExperience],
    minimum: int,
    experience_types: tuple[ProductExperience, ...],
    years: int,
    professional: bool,
) -> RuleResult:
    basis = _Basis(version)
    type_zh, type_en = PRODUCT_TYPE_LABELS[product_type]
    if not is_complex:
        return RuleResult(
            Rule.COMPLEX_EXPERIENCE,
            Outcome.PASS,
            _t("不适用：本产品不是复杂产品。", "Not applicable: the product is not complex."),
            basis.make(LAW_NOT_COMPLEX),
        )
    if not check:
        return basis.switched_off(Rule.COMPLEX_EXPERIENCE, "check_complex_experience")
    law = basis.make(
        LAW_COMPLEX,
        f"[suitability] complex_experience.{product_type}",
        "[suitability] complex_min_experience_years",
    )
    needed = [e for e in ProductExperience if e in relevant]  # a stable order for the message
    has = [e for e in experience_types if e in relevant]
    needed_zh, needed_en = _labels(needed, EXPERIENCE_LABELS, ("—", "—"))
    if has and years >= minimum:
        has_zh, has_en = _labels(has, EXPERIENCE_LABELS, ("—", "—"))
        return RuleResult(
            Rule.COMPLEX_EXPERIENCE,
            Outcome.PASS,
            _t(
                f"复杂产品（{type_zh}）：客户有相关经验（{has_zh}），投资经验 {years} 年"
                f"（至少 {minimum} 年）。",
                f"Complex product ({type_en}): the client has relevant experience ({has_en}) and "
                f"{_years(years)} of investing (at least {minimum}).",
            ),
            law,
        )
    own_zh, own_en = _labels(experience_types, EXPERIENCE_LABELS, ("无", "none"))
    zh = (
        f"复杂产品（{type_zh}），客户缺少相关经验：须有{needed_zh}之一的经验且投资经验至少 "
        f"{minimum} 年；客户的经验为{own_zh}，{years} 年。"
    )
    en = (
        f"Complex product ({type_en}) without relevant experience: it needs experience of one "
        f"of {needed_en} and at least {_years(minimum)} of investing; the client has "
        f"{own_en}, {_years(years)}."
    )
    if professional:
        return _professional_note(Rule.COMPLEX_EXPERIENCE, zh, en, law)
    return RuleResult(Rule.COMPLEX_EXPERIENCE, Outcome.EXCEPTION, _t(zh, en), law)


@_cached
def _elderly(
    version: str, check: bool, elderly: int, start: ProductRisk, age: int, risk: ProductRisk
) -> RuleResult:
    basis = _Basis(version)
    if not check:
        return basis.switched_off(Rule.ELDERLY, "check_elderly")
    law = basis.make(
        LAW_ELDERLY,
        "[investors] elderly_age",
        "[suitability] elderly_review_from",
    )
    if age < elderly:
        return RuleResult(
            Rule.ELDERLY,
            Outcome.PASS,
            _t(f"客户 {age} 岁，未满 {elderly} 岁。", f"The client is {age}, under {elderly}."),
            law,
        )
    if risk.rank < start.rank:
        return RuleResult(
            Rule.ELDERLY,
            Outcome.PASS,
            _t(
                f"客户 {age} 岁；产品风险等级 {risk} 低于须审核的等级 {start}。",
                f"The client is {age}; product risk {risk} is below {start}, from "
                f"which sales to clients of {elderly} or over are reviewed.",
            ),
            law,
        )
    return RuleResult(
        Rule.ELDERLY,
        Outcome.EXCEPTION,
        _t(
            f"客户 {age} 岁（{elderly} 岁及以上），产品风险等级 {risk} 达到须审核的等级 "
            f"{start}：须经主管审核，并在销售后安排回访。",
            f"The client is {age} ({elderly} or over) and the product is {risk}, at or "
            f"above {start}: a supervisor must review the sale, and a follow-up call is "
            "due after it.",
        ),
        law,
    )


def _amount_problem(amount: Decimal) -> bool:
    return not amount.is_finite() or amount <= 0 or amount != amount.quantize(_CENT)


@_cached
def _concentration(
    version: str, check: bool, share: Decimal, amount: Decimal, assets: Decimal, currency: str
) -> RuleResult:
    """Remembered by the Decimals' values: every text here depends on the values only (fixed
    decimal places), never on how a value is written (1E+2 and 100.00 give the same text)."""
    basis = _Basis(version)
    if not check:
        return basis.switched_off(Rule.CONCENTRATION, "check_concentration")
    law = basis.make(
        LAW_CONCENTRATION,
        "[suitability] concentration_share",
    )
    if _amount_problem(amount):
        return RuleResult(
            Rule.CONCENTRATION,
            Outcome.PASS,
            _t(
                "不适用：购买金额无效（见起购金额）。",
                "Not applicable: the amount is not valid (see the minimum amount).",
            ),
            law,
        )
    if currency != "CNY":
        return RuleResult(
            Rule.CONCENTRATION,
            Outcome.NOTE,
            _t(
                f"未检查：产品以 {currency} 计价，客户金融资产以人民币记录。",
                f"Not checked: the product is in {currency} and the client's financial "
                "assets are recorded in CNY.",
            ),
            law,
        )
    amount_zh, amount_en = _money(amount, "CNY")
    assets_zh, assets_en = _money(assets, "CNY")
    limit = _number(share * _HUNDRED) + "%"
    if assets > 0:
        percent = _number((amount * _HUNDRED / assets).quantize(_TENTH, ROUND_HALF_UP)) + "%"
        part_zh = f"购买金额 {amount_zh} 占客户金融资产 {assets_zh} 的 {percent}"
        part_en = (
            f"The amount, {amount_en}, is {percent} of the client's financial assets of {assets_en}"
        )
    else:
        part_zh = f"购买金额 {amount_zh}，客户金融资产为 {assets_zh}"
        part_en = f"The amount is {amount_en} and the client's financial assets are {assets_en}"
    if amount <= share * assets:
        return RuleResult(
            Rule.CONCENTRATION,
            Outcome.PASS,
            _t(f"{part_zh}，不超过 {limit}。", f"{part_en}, within {limit}."),
            law,
        )
    return RuleResult(
        Rule.CONCENTRATION,
        Outcome.WARNING,
        _t(
            f"{part_zh}，超过 {limit}：请提示客户集中投资的风险。",
            f"{part_en}, above {limit}: warn the client about putting so much into one product.",
        ),
        law,
    )


@_cached
def _minimum(version: str, amount_text: str, minimum_text: str, currency: str) -> RuleResult:
    basis = _Basis(version)
    amount, minimum = Decimal(amount_text), Decimal(minimum_text)
    law = basis.make(LAW_MINIMUM)
    minimum_zh, minimum_en = _money(minimum, currency)
    if not amount.is_finite():
        return RuleResult(
            Rule.MINIMUM_AMOUNT,
            Outcome.PROHIBITED,
            _t("购买金额不是有效的数字。", "The amount is not a valid number."),
            law,
        )
    if amount <= 0:
        entered_zh, entered_en = _money(amount, currency)
        return RuleResult(
            Rule.MINIMUM_AMOUNT,
            Outcome.PROHIBITED,
            _t(
                f"购买金额须大于零（输入为 {entered_zh}）。",
                f"The amount must be more than zero (entered: {entered_en}).",
            ),
            law,
        )
    if amount != amount.quantize(_CENT):
        return RuleResult(
            Rule.MINIMUM_AMOUNT,
            Outcome.PROHIBITED,
            _t(
                f"购买金额 {amount} 须精确到分（至多两位小数）。",
                f"The amount {amount} must be in whole fen (at most two decimal places).",
            ),
            law,
        )
    amount_zh, amount_en = _money(amount, currency)
    if amount < minimum:
        return RuleResult(
            Rule.MINIMUM_AMOUNT,
            Outcome.PROHIBITED,
            _t(
                f"购买金额 {amount_zh} 低于产品起购金额 {minimum_zh}。",
                f"The amount, {amount_en}, is below the product's minimum of {minimum_en}.",
            ),
            law,
        )
    return RuleResult(
        Rule.MINIMUM_AMOUNT,
        Outcome.PASS,
        _t(
            f"购买金额 {amount_zh} 不低于产品起购金额 {minimum_zh}。",
            f"The amount, {amount_en}, meets the product's minimum of {minimum_en}.",
        ),
        law,
    )


def evaluate(
    client: ClientSnapshot, product: ProductTerms, amount: Decimal, policy: Policy
) -> Evaluation:
    """Every rule, in ``RULE_ORDER``, and the verdict they give (see the module's docstring).

    Pure: the same arguments always give an equal Evaluation (and the same ``to_json``). Each
    rule is a function of the few facts it reads, remembered (``_cached``): a shelf repeats the
    same levels, horizons and amounts a thousand times, a review the same product."""
    rules = policy.suitability
    version = policy.version
    professional = client.investor_type is InvestorType.PROFESSIONAL
    risk = product.risk_level
    found = client.assessment
    expired_on = client.as_of if found is not None and client.as_of > found.valid_until else None
    valid = found if found is not None and expired_on is None else None
    results = (
        _assessment(version, None, False, None, None, None)
        if found is None
        else _assessment(
            version,
            found.level,
            found.lowest_category,
            found.assessed_on,
            found.valid_until,
            expired_on,
        ),
        _risk_match(
            version,
            valid.level if valid else None,
            valid.lowest_category if valid else False,
            professional,
            risk,
            rules.matrix[valid.level] if valid else None,
        ),
        _horizon(
            version,
            rules.check_horizon,
            rules.horizon_tolerance_months,
            client.horizon,
            product.horizon_months,
            professional,
        ),
        _objective(
            version,
            rules.check_objective,
            tuple((o, rules.objective_levels[o]) for o in client.objectives),
            risk,
            professional,
        ),
        _complex(
            version,
            rules.check_complex_experience,
            product.is_complex,
            product.product_type,
            rules.complex_experience[product.product_type],
            rules.complex_min_experience_years,
            client.experience_types,
            client.experience_years,
            professional,
        ),
        _elderly(
            version,
            rules.check_elderly,
            policy.investor.elderly_age,
            rules.elderly_review_from,
            age_on(client.birth_date, client.as_of),
            risk,
        ),
        _concentration(
            version,
            rules.check_concentration,
            rules.concentration_share,
            amount if amount.is_finite() else _ZERO,  # NaN cannot be a key; both not valid
            client.financial_assets + 0,  # -0.00 is 0.00
            product.currency,
        ),
        _minimum(version, str(amount), str(product.min_amount), product.currency),
    )
    return Evaluation(
        verdict=verdict_of(r.outcome for r in results),
        rules=results,
        needs_review=results[5].outcome is Outcome.EXCEPTION,  # Rule.ELDERLY
        policy_version=version,
    )


__all__ = [
    "RULE_ORDER",
    "AssessmentFacts",
    "ClientSnapshot",
    "Evaluation",
    "Outcome",
    "Rule",
    "RuleResult",
    "Verdict",
    "evaluate",
    "verdict_of",
]
