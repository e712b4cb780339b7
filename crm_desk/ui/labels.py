"""Translated names of the domain's choices, for combo boxes, lists and the client page."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from crm_desk.domain.clients import (
    Horizon,
    IncomeBand,
    InvestorType,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
    Vulnerability,
)
from crm_desk.domain.identity import Gender, IdType
from crm_desk.domain.products import ProductRisk, ProductStatus, ProductType, Redemption


def label(value: StrEnum) -> str:
    """The label of any choice the client form offers."""
    table = {
        IdType.PRC_ID: QCoreApplication.translate("Labels", "Resident ID card"),
        IdType.PASSPORT: QCoreApplication.translate("Labels", "Passport"),
        IdType.HK_MACAO_PERMIT: QCoreApplication.translate(
            "Labels", "Home Return Permit (HK/Macao)"
        ),
        IdType.TAIWAN_PERMIT: QCoreApplication.translate("Labels", "Taiwan Compatriot Permit"),
        Gender.MALE: QCoreApplication.translate("Labels", "Male"),
        Gender.FEMALE: QCoreApplication.translate("Labels", "Female"),
        IncomeBand.UNDER_100K: QCoreApplication.translate("Labels", "under ¥100,000"),
        IncomeBand.FROM_100K: QCoreApplication.translate("Labels", "¥100,000 – 300,000"),
        IncomeBand.FROM_300K: QCoreApplication.translate("Labels", "¥300,000 – 500,000"),
        IncomeBand.FROM_500K: QCoreApplication.translate("Labels", "¥500,000 – 1,000,000"),
        IncomeBand.OVER_1M: QCoreApplication.translate("Labels", "over ¥1,000,000"),
        Objective.PRESERVATION: QCoreApplication.translate("Labels", "Preserve capital"),
        Objective.INCOME: QCoreApplication.translate("Labels", "Steady income"),
        Objective.BALANCED: QCoreApplication.translate("Labels", "Balanced growth"),
        Objective.GROWTH: QCoreApplication.translate("Labels", "Aggressive growth"),
        Horizon.UNDER_1Y: QCoreApplication.translate("Labels", "under 1 year"),
        Horizon.Y1_3: QCoreApplication.translate("Labels", "1 to 3 years"),
        Horizon.Y3_5: QCoreApplication.translate("Labels", "3 to 5 years"),
        Horizon.OVER_5Y: QCoreApplication.translate("Labels", "over 5 years"),
        Liquidity.HIGH: QCoreApplication.translate(
            "Labels", "High: may need the money at short notice"
        ),
        Liquidity.MEDIUM: QCoreApplication.translate("Labels", "Medium"),
        Liquidity.LOW: QCoreApplication.translate("Labels", "Low: the money can stay invested"),
        InvestorType.ORDINARY: QCoreApplication.translate("Labels", "Ordinary investor"),
        InvestorType.PROFESSIONAL: QCoreApplication.translate("Labels", "Professional investor"),
        ProductExperience.DEPOSITS: QCoreApplication.translate("Labels", "Deposits"),
        ProductExperience.BONDS: QCoreApplication.translate("Labels", "Bonds"),
        ProductExperience.FUNDS: QCoreApplication.translate("Labels", "Public funds"),
        ProductExperience.STOCKS: QCoreApplication.translate("Labels", "Stocks"),
        ProductExperience.PRIVATE_FUNDS: QCoreApplication.translate("Labels", "Private funds"),
        ProductExperience.STRUCTURED: QCoreApplication.translate("Labels", "Structured products"),
        ProductExperience.DERIVATIVES: QCoreApplication.translate("Labels", "Futures and options"),
        ProductExperience.INSURANCE: QCoreApplication.translate("Labels", "Investment insurance"),
        ProductExperience.FOREX_GOLD: QCoreApplication.translate("Labels", "Forex and gold"),
        Vulnerability.HEARING_VISION: QCoreApplication.translate(
            "Labels", "Hearing or sight impaired"
        ),
        Vulnerability.LOW_LITERACY: QCoreApplication.translate("Labels", "Limited reading ability"),
        Vulnerability.ILLNESS: QCoreApplication.translate("Labels", "Serious illness"),
        Vulnerability.COGNITIVE: QCoreApplication.translate("Labels", "Reduced capacity to decide"),
        Vulnerability.BEREAVEMENT: QCoreApplication.translate("Labels", "Recently bereaved"),
        Vulnerability.OTHER: QCoreApplication.translate("Labels", "Other"),
        Language.ZH_CN: "中文",
        Language.EN: "English",
        ProductType.DEPOSIT: QCoreApplication.translate("Labels", "Deposit"),
        ProductType.WEALTH_MANAGEMENT: QCoreApplication.translate("Labels", "Wealth management"),
        ProductType.PUBLIC_FUND: QCoreApplication.translate("Labels", "Public fund"),
        ProductType.PRIVATE_FUND: QCoreApplication.translate("Labels", "Private fund"),
        ProductType.BOND: QCoreApplication.translate("Labels", "Bond"),
        ProductType.STRUCTURED: QCoreApplication.translate("Labels", "Structured product"),
        ProductType.INSURANCE: QCoreApplication.translate("Labels", "Insurance"),
        ProductType.OTHER: QCoreApplication.translate("Labels", "Other product"),
        ProductRisk.R1: QCoreApplication.translate("Labels", "R1 low"),
        ProductRisk.R2: QCoreApplication.translate("Labels", "R2 medium-low"),
        ProductRisk.R3: QCoreApplication.translate("Labels", "R3 medium"),
        ProductRisk.R4: QCoreApplication.translate("Labels", "R4 medium-high"),
        ProductRisk.R5: QCoreApplication.translate("Labels", "R5 high"),
        ProductStatus.ON_SALE: QCoreApplication.translate("Labels", "On sale"),
        ProductStatus.SUSPENDED: QCoreApplication.translate("Labels", "Suspended"),
        ProductStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        Redemption.DAILY: QCoreApplication.translate("Labels", "Daily"),
        Redemption.WEEKLY: QCoreApplication.translate("Labels", "Weekly"),
        Redemption.MONTHLY: QCoreApplication.translate("Labels", "Monthly"),
        Redemption.QUARTERLY: QCoreApplication.translate("Labels", "Quarterly"),
        Redemption.AT_MATURITY: QCoreApplication.translate("Labels", "At maturity only"),
    }
    return table.get(value, str(value))
