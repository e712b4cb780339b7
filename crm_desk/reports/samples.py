"""Realistic facts for each document in both languages: for the tests, the benchmark and the
screenshots. Nothing here reaches a client."""

from __future__ import annotations

from crm_desk.domain.documents import (
    AnswerLine,
    AssessmentResultFacts,
    ClientFacts,
    CopyMark,
    DisclosureFacts,
    ExceptionFacts,
    FlagLine,
    Header,
    ProductFacts,
    RuleLine,
    WarningFacts,
)
from crm_desk.reports.texts import is_zh, t

RULES_ZH = (
    RuleLine(
        "assessment_valid",
        "pass",
        "客户的风险承受能力评估有效，至 2028-03-14 止。",
        "《证券期货投资者适当性管理办法》第七条",
    ),
    RuleLine(
        "risk_match",
        "pass",
        "客户等级 C4 可购买不高于 R4 的产品；本产品为 R3。",
        "《证券期货投资者适当性管理办法》第十八条",
    ),
    RuleLine(
        "horizon",
        "pass",
        "产品期限 12 个月，在客户计划的 1–3 年投资期限之内。",
        "适当性政策第 4 条：期限匹配",
    ),
    RuleLine(
        "objective",
        "pass",
        "产品的收益目标与客户“稳健增值”的投资目标一致。",
        "适当性政策第 5 条：投资目标",
    ),
    RuleLine(
        "complex_experience",
        "note",
        "本产品不属于复杂产品，无需特定投资经验。",
        "《证券期货投资者适当性管理办法》第二十条",
    ),
    RuleLine(
        "elderly",
        "pass",
        "客户年龄 52 岁，不适用老年客户特别程序。",
        "金融业客户服务与风险控制规范：老年客户关怀",
    ),
    RuleLine(
        "concentration",
        "warning",
        "本次购买后，该产品将占客户金融资产的 36%，超过建议的 30%。",
        "适当性政策第 7 条：集中度提示",
    ),
    RuleLine(
        "minimum_amount",
        "pass",
        "购买金额 300,000.00 元不低于起购金额 50,000.00 元。",
        "产品说明书：起购金额",
    ),
)
RULES_EN = (
    RuleLine(
        "assessment_valid",
        "pass",
        "The client's assessment is valid until 2028-03-14.",
        "Measures on Investor Suitability, art. 7",
    ),
    RuleLine(
        "risk_match",
        "pass",
        "A C4 client may buy products up to R4; this one is R3.",
        "Measures on Investor Suitability, art. 18",
    ),
    RuleLine(
        "horizon",
        "pass",
        "The 12-month term fits the client's 1–3 year horizon.",
        "Suitability policy, clause 4: term",
    ),
    RuleLine(
        "objective",
        "pass",
        "The product aims at steady growth, the client's objective.",
        "Suitability policy, clause 5: objective",
    ),
    RuleLine(
        "complex_experience",
        "note",
        "Not a complex product: no specific experience needed.",
        "Measures on Investor Suitability, art. 20",
    ),
    RuleLine(
        "elderly",
        "pass",
        "The client is 52: the procedure for clients of 65+ does not apply.",
        "Customer service and risk control norm: elderly clients",
    ),
    RuleLine(
        "concentration",
        "warning",
        "After this sale the product is 36% of the client's financial assets, above the "
        "suggested 30%.",
        "Suitability policy, clause 7: concentration",
    ),
    RuleLine(
        "minimum_amount",
        "pass",
        "300,000.00 is at least the minimum of 50,000.00.",
        "Product terms: minimum amount",
    ),
)


def header(language: str, number: str = "SH01-2026-000042", copy: bool = False) -> Header:
    zh = is_zh(language)
    return Header(
        number=number,
        language=language,
        generated_at="2026-11-27T06:05:00+00:00",
        generated_local="2026-11-27 14:05",
        branch_name="上海陆家嘴支行" if zh else "Shanghai Lujiazui Branch",
        branch_code="SH01",
        adviser_name="王丽" if zh else "Li Wang",
        generated_by="王丽" if zh else "Li Wang",
        copy=CopyMark(1, number, "陈主管" if zh else "Chen Ming") if copy else None,
    )


def client(language: str, level: str = "C4") -> ClientFacts:
    zh = is_zh(language)
    return ClientFacts(
        name="张伟" if zh else "Emily Carter",
        id_type="prc_id" if zh else "passport",
        id_masked="310***********123X" if zh else "E12****89",
        investor_type="ordinary",
        age=52,
        level=level,
        assessed_on="2026-03-15",
        valid_until="2028-03-14",
        lowest_category=False,
    )


def product(language: str, level: str = "R3", cooling_off: int = 24) -> ProductFacts:
    zh = is_zh(language)
    return ProductFacts(
        code="WM-STEADY-12",
        name="稳健增利 12 个月定期开放理财产品" if zh else "Steady Growth 12-Month Term Fund",
        product_type="wealth_management",
        issuer="华东理财有限责任公司" if zh else "East China Wealth Management Co., Ltd.",
        risk_level=level,
        is_complex=False,
        horizon_months=12,
        redemption="at_maturity",
        redemption_terms="产品存续期内不可提前赎回" if zh else "No early redemption",
        min_amount="50000.00",
        currency="CNY",
        cooling_off_hours=cooling_off,
        risk_factors=(
            (
                "市场风险：产品投资于债券及权益类资产，资产价格受利率、宏观经济及市场情绪影响而波动，"
                "可能导致产品净值下跌。",
                "信用风险：所投资债券的发行人可能违约，无法按时足额支付本息。",
                "流动性风险：产品存续期内不可提前赎回，您在急需资金时可能无法及时变现。",
                "政策风险：国家货币政策、财政政策及监管规定的变化可能影响产品的收益。",
                "不可抗力风险：自然灾害、战争等不可抗力事件可能导致产品损失。",
            )
            if zh
            else (
                "Market risk: the fund holds bonds and equities whose prices move with interest "
                "rates, the economy and market sentiment; its net asset value may fall.",
                "Credit risk: an issuer of a bond held may default and not pay in full or on time.",
                "Liquidity risk: there is no early redemption; you may be unable to get your money "
                "back when you need it.",
                "Policy risk: changes in monetary, fiscal or regulatory policy may affect returns.",
                "Force majeure: natural disasters, war and similar events may cause losses.",
            )
        ),
    )


def disclosure(language: str, *, exception: bool = False, copy: bool = False) -> DisclosureFacts:
    zh = is_zh(language)
    h = header(language, copy=copy)
    rules = RULES_ZH if zh else RULES_EN
    level = "C4"
    product_level = "R3"
    if exception:
        level, product_level = "C2", "R4"
        first = rules[1]
        rules = (
            rules[0],
            RuleLine(
                first.rule,
                "exception",
                "客户等级 C2 可购买不高于 R2 的产品；本产品为 R4，高出两级。"
                if zh
                else "A C2 client may buy products up to R2; this one is R4, two levels above.",
                first.basis,
            ),
            *rules[2:],
        )
    return DisclosureFacts(
        header=h,
        client=client(language, level),
        product=product(language, product_level),
        sale_id=1187,
        amount="300000.00",
        currency="CNY",
        verdict="needs_exception" if exception else "suitable",
        needs_review=False,
        policy_version="2026.1",
        rules=rules,
        cooling_off_ends_local="2026-11-28 14:05",
        complaint_channel=t("complaints.text", language, branch=h.branch_name),
        exception=(
            ExceptionFacts(
                request_id=77,
                submitted_local="2026-11-26 10:12",
                insistence_text=(
                    "本人已阅读特别风险警示书，知晓本产品风险高于本人的风险承受能力，仍坚持购买，自愿承担风险。"
                    if zh
                    else "I read the special risk warning and know this product's risk is above "
                    "my tolerance. I still insist on buying it and accept the risk."
                ),
                justification=(
                    "客户有十年股票投资经验，资产配置中本产品占比较低，已充分说明风险。"
                    if zh
                    else "The client has ten years of stock trading, the amount is a small part "
                    "of their assets, and the risks were explained in full."
                ),
                supervisor_name="陈明" if zh else "Ming Chen",
                approved_local="2026-11-27 13:58",
                decision_comment="同意，注意回访。" if zh else "Approved; call the client back.",
                warning_number="SH01-2026-000040",
            )
            if exception
            else None
        ),
    )


def warning(language: str) -> WarningFacts:
    zh = is_zh(language)
    d = disclosure(language, exception=True)
    assert d.exception is not None
    return WarningFacts(
        header=header(language, number="SH01-2026-000040"),
        client=d.client,
        product=d.product,
        request_id=77,
        amount=d.amount,
        currency=d.currency,
        policy_version=d.policy_version,
        rules=d.rules,
        insistence_text=d.exception.insistence_text,
        justification=d.exception.justification,
        submitted_local="2026-11-26 10:12",
        complaint_channel=d.complaint_channel if zh else d.complaint_channel,
    )


def assessment(language: str) -> AssessmentResultFacts:
    zh = is_zh(language)
    h = header(language, number="SH01-2026-000031")
    questions = (
        [
            ("您的年龄段是？", ("41–55 岁",), 8),
            ("您的家庭年收入（人民币）是？", ("50 万至 100 万元",), 8),
            ("您可用于投资的资产占家庭总资产的比例是？", ("30% 至 50%",), 6),
            ("您有多少年投资股票、基金等风险资产的经验？", ("5 至 10 年",), 8),
            ("您曾投资过哪些产品？（可多选）", ("股票", "公募基金", "债券"), 8),
            ("您计划的投资期限是？", ("1 至 3 年",), 6),
            ("您的主要投资目标是？", ("资产稳健增值",), 6),
            ("您能承受的最大投资损失是？", ("20% 以内",), 8),
        ]
        if zh
        else [
            ("Your age?", ("41–55",), 8),
            ("Your household's yearly income (CNY)?", ("0.5m to 1m",), 8),
            ("What share of your household's assets can you invest?", ("30% to 50%",), 6),
            ("Years of experience with stocks, funds and other risky assets?", ("5 to 10",), 8),
            ("Products you have invested in (any)?", ("Stocks", "Public funds", "Bonds"), 8),
            ("Your planned investment horizon?", ("1 to 3 years",), 6),
            ("Your main objective?", ("Steady growth",), 6),
            ("The largest loss you could accept?", ("Up to 20%",), 8),
        ]
    )
    return AssessmentResultFacts(
        header=h,
        client=client(language),
        assessment_id=31,
        questionnaire="个人投资者风险承受能力评估问卷"
        if zh
        else "Individual investor risk questionnaire",
        questionnaire_version=1,
        answers=tuple(AnswerLine(q, a, s) for q, a, s in questions),
        score=58,
        max_score=100,
        level="C4",
        score_level="C4",
        lowest_category=False,
        lowest_reasons=(),
        flags=(
            FlagLine(
                "“投资经验不足一年”与“曾投资股票”同时选择。"
                if zh
                else "“Under one year of experience” chosen with “stocks”.",
                "客户 2025 年开户后短期交易过股票，经确认两项回答均属实。"
                if zh
                else "The client traded stocks briefly after opening an account in 2025; both "
                "answers stand.",
            ),
        ),
        confirmed_local="2026-03-15 10:40",
        valid_until="2028-03-14",
        complaint_channel=t("complaints.text", language, branch=h.branch_name),
    )
