"""Products on the shelf: their risk level R1–R5 and the terms the suitability rules read."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any


class ProductRisk(StrEnum):
    """The product's risk level, R1 (low) to R5 (high)."""

    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R4 = "R4"
    R5 = "R5"

    @property
    def rank(self) -> int:
        """1 for R1 … 5 for R5: compare with a client's level by rank (C3 may buy up to R3)."""
        return int(self.value[1:])


class ProductType(StrEnum):
    DEPOSIT = "deposit"
    WEALTH_MANAGEMENT = "wealth_management"
    PUBLIC_FUND = "public_fund"
    PRIVATE_FUND = "private_fund"
    BOND = "bond"
    STRUCTURED = "structured"
    INSURANCE = "insurance"
    OTHER = "other"


class ProductStatus(StrEnum):
    ON_SALE = "on_sale"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class Redemption(StrEnum):
    """How soon the client can get the money back."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    AT_MATURITY = "at_maturity"  # closed-end: only at the end of the term


@dataclass(frozen=True, slots=True)
class ProductTerms:
    """What a sale freezes about the product, and what the suitability engine reads.

    ``risk_factors_*`` are the factors the disclosure must list, one per entry."""

    code: str
    name_zh: str
    name_en: str
    product_type: ProductType
    issuer: str
    risk_level: ProductRisk
    is_complex: bool
    horizon_months: int
    redemption: Redemption
    redemption_terms: str
    min_amount: Decimal
    currency: str
    cooling_off_hours: int
    risk_factors_zh: tuple[str, ...]
    risk_factors_en: tuple[str, ...]

    def name_in(self, language: str) -> str:
        return self.name_zh if str(language).lower().startswith("zh") else self.name_en

    def risk_factors_in(self, language: str) -> tuple[str, ...]:
        zh = str(language).lower().startswith("zh")
        return self.risk_factors_zh if zh else self.risk_factors_en

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["min_amount"] = str(self.min_amount)
        data["risk_factors_zh"] = list(self.risk_factors_zh)
        data["risk_factors_en"] = list(self.risk_factors_en)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProductTerms:
        return cls(
            code=data["code"],
            name_zh=data["name_zh"],
            name_en=data["name_en"],
            product_type=ProductType(data["product_type"]),
            issuer=data["issuer"],
            risk_level=ProductRisk(data["risk_level"]),
            is_complex=bool(data["is_complex"]),
            horizon_months=int(data["horizon_months"]),
            redemption=Redemption(data["redemption"]),
            redemption_terms=data["redemption_terms"],
            min_amount=Decimal(data["min_amount"]),
            currency=data["currency"],
            cooling_off_hours=int(data["cooling_off_hours"]),
            risk_factors_zh=tuple(data["risk_factors_zh"]),
            risk_factors_en=tuple(data["risk_factors_en"]),
        )
