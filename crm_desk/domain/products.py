"""Products on the shelf: their risk level R1–R5 and the terms the suitability rules read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from crm_desk.domain.errors import Problem, ValidationError


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


# -- what an administrator types, and the checks on it -----------------------------------------
# ISO 4217 codes a branch sells in; anything else is most likely a typo (RMB for CNY, HKG...).
CURRENCIES = frozenset(
    {
        "CNY",
        "USD",
        "HKD",
        "EUR",
        "GBP",
        "JPY",
        "SGD",
        "AUD",
        "CAD",
        "CHF",
        "NZD",
        "MOP",
        "TWD",
        "KRW",
    }
)
PRIVATE_FUND_MIN_COOLING_OFF_HOURS = 24  # 私募投资基金募集行为管理办法: no less than 24 hours
MAX_HORIZON_MONTHS = 600
MAX_COOLING_OFF_HOURS = 24 * 30
MAX_MIN_AMOUNT = Decimal("9999999999999999.99")  # Numeric(18, 2)
MAX_NAME = 200
MAX_FACTOR = 500
MAX_FACTORS = 30
_CODE = re.compile(r"^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$")


@dataclass(frozen=True, slots=True)
class ProductInput:
    """The product form (or an import row) as typed; every text untrusted. ``is_complex`` None
    means "not said": structured products are then complex, the others not."""

    code: str
    name_zh: str
    name_en: str
    product_type: str
    issuer: str
    risk_level: str
    horizon_months: str
    redemption: str
    min_amount: str
    currency: str = "CNY"
    cooling_off_hours: str = "0"
    risk_factors_zh: Sequence[str] = ()
    risk_factors_en: Sequence[str] = ()
    is_complex: bool | None = None
    redemption_terms: str = ""


def normalise_code(text: str) -> str:
    return "".join(text.split()).upper()


def _text(value: str) -> str:
    return " ".join(value.split())


def _whole(raw: str, name: str, high: int, problems: dict[str, Problem]) -> int:
    """Whole months or hours, 0 to ``high``."""
    text = str(raw).strip().replace(",", "")
    try:
        value = int(text)
    except ValueError:
        problems[name] = Problem(
            "whole.format", f"Enter a whole number between 0 and {high}, e.g. 12.", {"max": high}
        )
        return 0
    if not 0 <= value <= high:
        problems[name] = Problem(
            "whole.range", f"Enter a whole number between 0 and {high}.", {"max": high}
        )
    return value


def _factors(raw: Sequence[str], name: str, problems: dict[str, Problem]) -> tuple[str, ...]:
    factors = tuple(dict.fromkeys(f for f in (_text(item) for item in raw) if f))
    if not factors:
        problems[name] = Problem(
            "risk_factors.required",
            "List at least one risk factor the disclosure must show, one per line.",
        )
    elif len(factors) > MAX_FACTORS:
        problems[name] = Problem(
            "risk_factors.too_many",
            f"List {MAX_FACTORS} risk factors at most.",
            {"max": MAX_FACTORS},
        )
    elif any(len(f) > MAX_FACTOR for f in factors):
        problems[name] = Problem(
            "risk_factors.too_long",
            f"Keep each risk factor to {MAX_FACTOR} characters at most.",
            {"max": MAX_FACTOR},
        )
    return factors


def validate_product(
    raw: ProductInput,
    private_fund_min_cooling_off: int = PRIVATE_FUND_MIN_COOLING_OFF_HOURS,
) -> ProductTerms:
    """The terms, or ValidationError with one problem per field saying what to change."""
    problems: dict[str, Problem] = {}

    code = normalise_code(raw.code)
    if not code:
        problems["code"] = Problem(
            "product_code.required", "Enter the product code, for example WM-CASH-01."
        )
    elif not _CODE.match(code):
        problems["code"] = Problem(
            "product_code.format",
            "Use 1 to 32 capital letters A-Z, digits and '-', starting and ending with a letter "
            "or digit, for example WM-CASH-01.",
        )

    names: dict[str, str] = {}
    for field_name, required_code, message in (
        ("name_zh", "product_name_zh.required", "Enter the product's Chinese name."),
        ("name_en", "product_name_en.required", "Enter the product's English name."),
        ("issuer", "issuer.required", "Enter the issuer or manager of the product."),
    ):
        text = _text(getattr(raw, field_name))
        names[field_name] = text
        if not text:
            problems[field_name] = Problem(required_code, message)
        elif len(text) > MAX_NAME:
            problems[field_name] = Problem(
                "name.too_long", f"Use {MAX_NAME} characters at most.", {"max": MAX_NAME}
            )

    product_type: ProductType | None = None
    try:
        product_type = ProductType(str(raw.product_type).strip())
    except ValueError:
        problems["product_type"] = Problem("choice.required", "Choose one of the options.")
    risk_level: ProductRisk | None = None
    try:
        risk_level = ProductRisk(str(raw.risk_level).strip().upper())
    except ValueError:
        problems["risk_level"] = Problem(
            "product_risk.required", "Choose the product's risk level, R1 (low) to R5 (high)."
        )
    redemption: Redemption | None = None
    try:
        redemption = Redemption(str(raw.redemption).strip())
    except ValueError:
        problems["redemption"] = Problem("choice.required", "Choose one of the options.")
    redemption_terms = _text(raw.redemption_terms)
    if len(redemption_terms) > 1000:
        problems["redemption_terms"] = Problem(
            "text.too_long", "Use 1000 characters at most.", {"max": 1000}
        )

    horizon = _whole(raw.horizon_months, "horizon_months", MAX_HORIZON_MONTHS, problems)

    amount = Decimal(0)
    text = str(raw.min_amount).replace(",", "").replace("，", "").strip()
    try:
        amount = Decimal(text)
        if not amount.is_finite() or amount < 0 or amount > MAX_MIN_AMOUNT:
            raise InvalidOperation
        if amount != amount.quantize(Decimal("0.01")):
            problems["min_amount"] = Problem(
                "money.cents", "Use at most two decimal places (yuan and fen)."
            )
    except InvalidOperation:
        problems["min_amount"] = Problem(
            "min_amount.format",
            "Enter the minimum amount as a number of zero or more, e.g. 50000 or 1,000,000.00.",
        )

    currency = "".join(str(raw.currency).split()).upper()
    if currency not in CURRENCIES:
        problems["currency"] = Problem(
            "currency.unknown",
            "Use a three-letter ISO 4217 currency code: " + ", ".join(sorted(CURRENCIES)) + ".",
            {"accepted": ", ".join(sorted(CURRENCIES))},
        )

    cooling_off = _whole(
        raw.cooling_off_hours, "cooling_off_hours", MAX_COOLING_OFF_HOURS, problems
    )
    if (
        "cooling_off_hours" not in problems
        and product_type is ProductType.PRIVATE_FUND
        and cooling_off < private_fund_min_cooling_off
    ):
        problems["cooling_off_hours"] = Problem(
            "cooling_off.private_fund",
            f"A private fund must give at least {private_fund_min_cooling_off} hours of "
            "cooling-off.",
            {"min": private_fund_min_cooling_off},
        )

    is_complex = (
        product_type is ProductType.STRUCTURED if raw.is_complex is None else bool(raw.is_complex)
    )
    if product_type is ProductType.STRUCTURED and not is_complex:
        problems["is_complex"] = Problem(
            "complex.structured",
            "A structured product is a complex product: tick 'complex product'.",
        )

    factors_zh = _factors(raw.risk_factors_zh, "risk_factors_zh", problems)
    factors_en = _factors(raw.risk_factors_en, "risk_factors_en", problems)

    if problems:
        raise ValidationError(problems)
    assert product_type is not None and risk_level is not None and redemption is not None
    return ProductTerms(
        code=code,
        name_zh=names["name_zh"],
        name_en=names["name_en"],
        product_type=product_type,
        issuer=names["issuer"],
        risk_level=risk_level,
        is_complex=is_complex,
        horizon_months=horizon,
        redemption=redemption,
        redemption_terms=redemption_terms,
        min_amount=amount.quantize(Decimal("0.01")),
        currency=currency,
        cooling_off_hours=cooling_off,
        risk_factors_zh=factors_zh,
        risk_factors_en=factors_en,
    )


def input_of(terms: ProductTerms) -> ProductInput:
    """The form filled with saved terms (to edit them, or to export them)."""
    return ProductInput(
        code=terms.code,
        name_zh=terms.name_zh,
        name_en=terms.name_en,
        product_type=terms.product_type.value,
        issuer=terms.issuer,
        risk_level=terms.risk_level.value,
        horizon_months=str(terms.horizon_months),
        redemption=terms.redemption.value,
        min_amount=str(terms.min_amount),
        currency=terms.currency,
        cooling_off_hours=str(terms.cooling_off_hours),
        risk_factors_zh=terms.risk_factors_zh,
        risk_factors_en=terms.risk_factors_en,
        is_complex=terms.is_complex,
        redemption_terms=terms.redemption_terms,
    )
