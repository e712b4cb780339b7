"""A realistic product shelf for the demo: deposits to snowball notes, R1 to R5, every type.

The codes are stable: the demo sales, exceptions and reviews refer to the products by code.
Issuers are fictitious.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm_desk.domain.products import ProductInput, ProductStatus
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services

BANK = "示范银行股份有限公司"
WMC = "示范理财有限责任公司"
FUNDS = "示范基金管理有限公司"

MARKET_ZH = "市场风险：产品净值随市场波动，可能低于本金。"
MARKET_EN = "Market risk: the value moves with the markets and may fall below the amount invested."
LIQUIDITY_ZH = "流动性风险：只能在开放日赎回，急需资金时可能无法及时取回。"
LIQUIDITY_EN = (
    "Liquidity risk: redemption only on open days; the money may not be available when needed."
)
CREDIT_ZH = "信用风险：债券发行人违约时，产品可能损失本金和收益。"
CREDIT_EN = "Credit risk: if a bond issuer defaults, the product may lose capital and income."
NOT_DEPOSIT_ZH = "本产品不是存款，不受存款保险保障；过往业绩不代表未来表现。"
NOT_DEPOSIT_EN = (
    "This is not a deposit and is not covered by deposit insurance; past performance does not "
    "predict future results."
)


@dataclass(frozen=True, slots=True)
class DemoProduct:
    form: ProductInput
    status: ProductStatus = ProductStatus.ON_SALE
    reason: str = ""  # why it is not on sale


def _p(
    code: str,
    name_zh: str,
    name_en: str,
    kind: str,
    issuer: str,
    risk: str,
    months: int,
    redemption: str,
    minimum: str,
    factors: list[tuple[str, str]],
    *,
    currency: str = "CNY",
    cooling_off: int = 0,
    complex_product: bool | None = None,
    terms: str = "",
) -> ProductInput:
    return ProductInput(
        code=code,
        name_zh=name_zh,
        name_en=name_en,
        product_type=kind,
        issuer=issuer,
        risk_level=risk,
        horizon_months=str(months),
        redemption=redemption,
        min_amount=minimum,
        currency=currency,
        cooling_off_hours=str(cooling_off),
        risk_factors_zh=tuple(zh for zh, _en in factors),
        risk_factors_en=tuple(en for _zh, en in factors),
        is_complex=complex_product,
        redemption_terms=terms,
    )


SHELF: tuple[DemoProduct, ...] = (
    # -- R1
    DemoProduct(
        _p(
            "DP-CD-3Y",
            "三年期大额存单",
            "3-year large-denomination certificate of deposit",
            "deposit",
            BANK,
            "R1",
            36,
            "at_maturity",
            "200000",
            [
                (
                    "提前支取风险：提前支取按活期利率计息。",
                    "Early withdrawal: interest falls to the demand-deposit rate.",
                ),
                (
                    "存款保险：同一存款人在本行的存款合计最高赔付50万元。",
                    "Deposit insurance covers up to ¥500,000 per depositor at this bank.",
                ),
            ],
            terms="可转让；到期一次还本付息",
        )
    ),
    DemoProduct(
        _p(
            "WM-CASH-01",
            "天天利现金管理类理财",
            "Daily Gain cash-management wealth product",
            "wealth_management",
            WMC,
            "R1",
            0,
            "daily",
            "1",
            [
                (
                    "收益波动风险：七日年化收益率每日变动，不代表实际收益。",
                    "Yield risk: the 7-day annualised yield changes daily and is not a promise.",
                ),
                (
                    "快速赎回额度：每日快速赎回上限1万元，超出部分T+1到账。",
                    "Instant redemption is capped at ¥10,000 a day; the rest arrives next day.",
                ),
                (NOT_DEPOSIT_ZH, NOT_DEPOSIT_EN),
            ],
            terms="工作日9:00-15:00赎回当日到账",
        )
    ),
    DemoProduct(
        _p(
            "PF-MMF-01",
            "示范货币市场基金A",
            "Demo money market fund A",
            "public_fund",
            FUNDS,
            "R1",
            0,
            "daily",
            "1",
            [
                (
                    "收益波动风险：货币基金收益率随市场利率变化。",
                    "Yield risk: the fund's yield follows market interest rates.",
                ),
                (NOT_DEPOSIT_ZH, NOT_DEPOSIT_EN),
            ],
        )
    ),
    DemoProduct(
        _p(
            "BD-TREAS-3Y",
            "三年期储蓄国债（电子式）",
            "3-year savings treasury bond (electronic)",
            "bond",
            "中华人民共和国财政部",
            "R1",
            36,
            "at_maturity",
            "100",
            [
                (
                    "提前兑取风险：持有不满半年提前兑取不计息，并收取千分之一手续费。",
                    "Early encashment within six months earns no interest and costs a 0.1% fee.",
                ),
            ],
            terms="发行期后半年可提前兑取",
        )
    ),
    DemoProduct(
        _p(
            "IN-ANN-10Y",
            "安享年金保险（分红型）",
            "Peaceful Years participating annuity insurance",
            "insurance",
            "示范人寿保险股份有限公司",
            "R1",
            120,
            "at_maturity",
            "10000",
            [
                (
                    "退保损失风险：犹豫期后退保只能取回现金价值，可能低于已交保费。",
                    "Surrender loss: after the free-look period only the cash value is refunded.",
                ),
                (
                    "分红不确定风险：红利水平不保证，可能为零。",
                    "Bonuses are not guaranteed and may be zero.",
                ),
            ],
            terms="年交，交费期5年；犹豫期15天",
        )
    ),
    # -- R2
    DemoProduct(
        _p(
            "SD-GOLD-01",
            "挂钩黄金看涨结构性存款（6个月）",
            "6-month structured deposit linked to gold (bullish)",
            "structured",
            BANK,
            "R2",
            6,
            "at_maturity",
            "10000",
            [
                (
                    "收益不确定风险：保本，但浮动收益取决于黄金价格，可能只获得最低收益率。",
                    "Capital is protected, but the return depends on gold and may be the minimum.",
                ),
                (
                    "不可提前支取：存续期内不能提前支取。",
                    "No early withdrawal before maturity.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "WM-FIX-90D",
            "稳盈90天固收理财",
            "Steady 90-day fixed-income wealth product",
            "wealth_management",
            WMC,
            "R2",
            3,
            "at_maturity",
            "10000",
            [(MARKET_ZH, MARKET_EN), (CREDIT_ZH, CREDIT_EN), (NOT_DEPOSIT_ZH, NOT_DEPOSIT_EN)],
            terms="封闭90天，到期自动赎回",
        )
    ),
    DemoProduct(
        _p(
            "WM-FIX-1Y",
            "稳盈一年期固收+理财",
            "Steady one-year fixed-income-plus wealth product",
            "wealth_management",
            WMC,
            "R2",
            12,
            "at_maturity",
            "10000",
            [
                (MARKET_ZH, MARKET_EN),
                (CREDIT_ZH, CREDIT_EN),
                (
                    "权益波动风险：不超过10%的资产投资股票，净值可能短期下跌。",
                    "Up to 10% in equities: the value may fall in the short term.",
                ),
                (NOT_DEPOSIT_ZH, NOT_DEPOSIT_EN),
            ],
        )
    ),
    DemoProduct(
        _p(
            "PF-BOND-01",
            "示范纯债债券型基金",
            "Demo pure bond fund",
            "public_fund",
            FUNDS,
            "R2",
            12,
            "daily",
            "10",
            [
                (
                    "利率风险：市场利率上升时债券价格下跌。",
                    "Interest-rate risk: bond prices fall when rates rise.",
                ),
                (CREDIT_ZH, CREDIT_EN),
                (
                    "赎回费：持有不满7天赎回收取1.5%赎回费。",
                    "A 1.5% fee on redemptions within 7 days.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "WM-USD-01",
            "美元稳健理财（季度开放）",
            "USD steady wealth product (quarterly)",
            "wealth_management",
            WMC,
            "R2",
            3,
            "quarterly",
            "5000",
            [
                (
                    "汇率风险：以人民币计算时，收益受美元汇率变动影响。",
                    "Currency risk: counted in yuan, the return depends on the dollar rate.",
                ),
                (LIQUIDITY_ZH, LIQUIDITY_EN),
                (NOT_DEPOSIT_ZH, NOT_DEPOSIT_EN),
            ],
            currency="USD",
            terms="每季度末最后一个工作日开放",
        )
    ),
    # -- R3
    DemoProduct(
        _p(
            "WM-MIX-2Y",
            "睿远两年封闭混合类理财",
            "Insight two-year closed-end mixed wealth product",
            "wealth_management",
            WMC,
            "R3",
            24,
            "at_maturity",
            "10000",
            [(MARKET_ZH, MARKET_EN), (LIQUIDITY_ZH, LIQUIDITY_EN), (CREDIT_ZH, CREDIT_EN)],
        ),
        ProductStatus.SUSPENDED,
        "Subscription quota for this issue is used up; the next issue opens next month",
    ),
    DemoProduct(
        _p(
            "PF-MIX-01",
            "示范偏债混合型基金",
            "Demo bond-heavy hybrid fund",
            "public_fund",
            FUNDS,
            "R3",
            24,
            "daily",
            "10",
            [
                (MARKET_ZH, MARKET_EN),
                (
                    "股票仓位风险：股票投资比例0-30%，净值波动大于纯债基金。",
                    "Holds 0-30% in shares: more volatile than a pure bond fund.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "BD-CORP-01",
            "示范集团2029年到期公司债",
            "Demo Group corporate bond due 2029",
            "bond",
            "示范集团有限公司",
            "R3",
            36,
            "at_maturity",
            "100000",
            [
                (CREDIT_ZH, CREDIT_EN),
                (
                    "二级市场流动性风险：提前转让可能折价。",
                    "Selling before maturity may only be possible at a discount.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "OT-GOLD-01",
            "积存金",
            "Gold accumulation account",
            "other",
            BANK,
            "R3",
            0,
            "daily",
            "500",
            [
                (
                    "价格风险：黄金价格波动，卖出时可能亏损。",
                    "Gold prices move; selling may realise a loss.",
                ),
                (
                    "不计利息：积存金不产生利息收入。",
                    "Gold holdings earn no interest.",
                ),
            ],
        )
    ),
    # -- R4
    DemoProduct(
        _p(
            "PF-MIX-02",
            "示范灵活配置混合型基金",
            "Demo flexible-allocation hybrid fund",
            "public_fund",
            FUNDS,
            "R4",
            36,
            "daily",
            "10",
            [
                (MARKET_ZH, MARKET_EN),
                (
                    "仓位调整风险：股票仓位0-95%，基金经理判断失误可能放大亏损。",
                    "Shares 0-95% at the manager's discretion: a wrong call amplifies losses.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "PF-EQ-01",
            "示范沪深300指数基金",
            "Demo CSI 300 index fund",
            "public_fund",
            FUNDS,
            "R4",
            36,
            "daily",
            "10",
            [
                (MARKET_ZH, MARKET_EN),
                (
                    "跟踪误差风险：基金收益可能偏离指数。",
                    "Tracking error: the fund's return may differ from the index.",
                ),
            ],
        )
    ),
    DemoProduct(
        _p(
            "PF-EQ-02",
            "示范科技创新股票型基金",
            "Demo technology innovation equity fund",
            "public_fund",
            FUNDS,
            "R4",
            36,
            "daily",
            "10",
            [
                (MARKET_ZH, MARKET_EN),
                (
                    "行业集中风险：集中投资科技行业，波动显著高于市场。",
                    "Concentrated in technology: far more volatile than the market.",
                ),
            ],
        ),
        ProductStatus.CLOSED,
        "Fund merged into PF-EQ-01 by the manager; no new subscriptions",
    ),
    DemoProduct(
        _p(
            "IN-UL-01",
            "示范投资连结保险",
            "Demo unit-linked insurance",
            "insurance",
            "示范人寿保险股份有限公司",
            "R4",
            60,
            "monthly",
            "50000",
            [
                (
                    "投资账户风险：账户价值随投资表现波动，不保证本金。",
                    "The account value follows its investments; capital is not guaranteed.",
                ),
                (
                    "退保费用：前五年退保收取退保费用。",
                    "Surrender charges apply in the first five years.",
                ),
            ],
        )
    ),
    # -- R5
    DemoProduct(
        _p(
            "PE-LS-01",
            "示范私募证券投资基金（股票多空）",
            "Demo long-short equity private securities fund",
            "private_fund",
            "示范私募基金管理有限公司",
            "R5",
            24,
            "monthly",
            "1000000",
            [
                (MARKET_ZH, MARKET_EN),
                (
                    "杠杆与做空风险：使用融资融券和股指期货，亏损可能放大。",
                    "Uses margin, short selling and index futures: losses can be amplified.",
                ),
                (
                    "管理人风险：私募基金信息披露少于公募基金。",
                    "Private funds disclose less than public funds.",
                ),
                (
                    "冷静期：签署合同后24小时为冷静期，期间可无条件解除合同。",
                    "24-hour cooling-off after signing: the contract may be cancelled freely.",
                ),
            ],
            cooling_off=24,
            terms="每月开放一次；锁定期6个月",
        )
    ),
    DemoProduct(
        _p(
            "SN-SNOW-01",
            "中证500雪球结构收益凭证",
            "CSI 500 snowball structured note",
            "structured",
            "示范证券股份有限公司",
            "R5",
            24,
            "at_maturity",
            "1000000",
            [
                (
                    "敲入风险：指数下跌超过敲入线（如80%）后，到期可能承担指数全部跌幅。",
                    "Knock-in: below the barrier (e.g. 80%), you bear the index's whole fall.",
                ),
                (
                    "提前敲出风险：敲出后产品提前终止，只获得持有期票息。",
                    "Knock-out ends the note early; coupon only for the time held.",
                ),
                (
                    "发行人信用风险：收益凭证无担保，发行人违约可能损失本金。",
                    "Unsecured: if the issuer defaults, capital may be lost.",
                ),
            ],
            cooling_off=24,
            complex_product=True,
        )
    ),
)

SHELF_CODES = tuple(item.form.code for item in SHELF)


def seed_products(services: Services, admin: Actor) -> list[str]:
    """The demo shelf, created through the catalogue service (audited like any product).
    Returns the codes, in shelf order."""
    for item in SHELF:
        product = services.products.create_product(admin, item.form)
        if item.status is not ProductStatus.ON_SALE:
            services.products.set_status(
                admin, product.id, product.version, item.status, item.reason
            )
    return list(SHELF_CODES)
