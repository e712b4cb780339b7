"""The client (KYC) profile: its vocabulary and the checks on what an adviser types.

``validate_client`` turns the raw form into a ``ClientProfile`` or raises ``ValidationError`` with
one problem per field, each saying what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.identity import (
    Gender,
    Identity,
    IdType,
    check_email,
    check_identity,
    check_phone,
)


class IncomeBand(StrEnum):
    UNDER_100K = "under_100k"
    FROM_100K = "100k_300k"
    FROM_300K = "300k_500k"
    FROM_500K = "500k_1m"
    OVER_1M = "over_1m"


class Objective(StrEnum):
    PRESERVATION = "capital_preservation"
    INCOME = "steady_income"
    BALANCED = "balanced_growth"
    GROWTH = "aggressive_growth"


class Horizon(StrEnum):
    UNDER_1Y = "under_1y"
    Y1_3 = "1_3y"
    Y3_5 = "3_5y"
    OVER_5Y = "over_5y"

    @property
    def months(self) -> int:
        """The longest holding this horizon covers, for matching against product terms."""
        return {"under_1y": 12, "1_3y": 36, "3_5y": 60, "over_5y": 600}[self.value]


class Liquidity(StrEnum):
    HIGH = "high"  # may need the money at short notice
    MEDIUM = "medium"
    LOW = "low"


class InvestorType(StrEnum):
    ORDINARY = "ordinary"
    PROFESSIONAL = "professional"


class ProductExperience(StrEnum):
    DEPOSITS = "deposits"
    BONDS = "bonds"
    FUNDS = "funds"
    STOCKS = "stocks"
    PRIVATE_FUNDS = "private_funds"
    STRUCTURED = "structured"
    DERIVATIVES = "derivatives"
    INSURANCE = "insurance"
    FOREX_GOLD = "forex_gold"


class Vulnerability(StrEnum):
    """Set by hand with a reason; being 65 or over is computed from the birth date instead."""

    HEARING_VISION = "hearing_vision"
    LOW_LITERACY = "low_literacy"
    ILLNESS = "illness"
    COGNITIVE = "cognitive"
    BEREAVEMENT = "bereavement"
    OTHER = "other"


class Language(StrEnum):
    ZH_CN = "zh_CN"
    EN = "en"


E = TypeVar("E", bound=StrEnum)
MAX_ASSETS = Decimal("1000000000000")  # a typo guard, not a policy


@dataclass(frozen=True, slots=True)
class ClientInput:
    """The form as typed; every text untrusted."""

    name: str
    id_type: str
    id_number: str
    phone: str
    birth_date: date | None = None
    gender: str | None = None
    email: str = ""
    address: str = ""
    occupation: str = ""
    income_band: str = ""
    financial_assets: str = ""
    experience_years: str = "0"
    experience_types: Sequence[str] = ()
    objectives: Sequence[str] = ()
    horizon: str = ""
    liquidity: str = ""
    preferred_language: str = Language.ZH_CN.value
    # On an edit form, the personal-data fields left as they were (shown masked, never revealed
    # to fill the form): "id_number", "phone", "email", "address". The service fills them in.
    keep_personal: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ClientProfile:
    name: str
    identity: Identity
    birth_date: date
    gender: Gender | None
    phone: str  # E.164
    email: str | None
    address: str | None
    occupation: str
    income_band: IncomeBand
    financial_assets: Decimal
    experience_years: int
    experience_types: tuple[ProductExperience, ...]
    objectives: tuple[Objective, ...]
    horizon: Horizon
    liquidity: Liquidity
    preferred_language: Language
    warnings: tuple[Problem, ...] = field(default=())


def _choice(
    kind: type[E], raw: str, name: str, problems: dict[str, Problem], code: str, message: str
) -> E | None:
    try:
        return kind(raw)
    except ValueError:
        problems[name] = Problem(code, message)
        return None


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def validate_client(raw: ClientInput, today: date) -> ClientProfile:
    problems: dict[str, Problem] = {}

    name = " ".join(raw.name.split())
    if not name:
        problems["name"] = Problem(
            "client_name.required", "Enter the client's name as on the document."
        )
    elif len(name) > 100:
        problems["name"] = Problem("name.too_long", "Use 100 characters at most.", {"max": 100})

    id_type = _choice(
        IdType,
        raw.id_type,
        "id_type",
        problems,
        "id_type.unknown",
        "Choose the kind of identity document.",
    )
    identity: Identity | None = None
    if id_type is not None:
        checked = check_identity(id_type, raw.id_number)
        if isinstance(checked, Problem):
            problems["id_number"] = checked
        else:
            identity = checked

    birth_date = raw.birth_date
    if identity is not None and identity.birth_date is not None:
        if birth_date is not None and birth_date != identity.birth_date:
            problems["birth_date"] = Problem(
                "birth_date.mismatch",
                "The birth date differs from the one in the ID number "
                f"({identity.birth_date.isoformat()}); correct one of them.",
                {"expected": identity.birth_date.isoformat()},
            )
        birth_date = identity.birth_date
    if birth_date is None:
        # A resident ID carries the birth date: when the number is wrong, that one message says
        # what to fix.
        if not (id_type is IdType.PRC_ID and "id_number" in problems):
            problems.setdefault(
                "birth_date", Problem("birth_date.required", "Enter the birth date.")
            )
    elif birth_date > today or age_on(birth_date, today) > 120:
        problems.setdefault(
            "birth_date",
            Problem("birth_date.range", "The birth date must be in the past and within 120 years."),
        )
    elif age_on(birth_date, today) < 18:
        problems.setdefault(
            "birth_date",
            Problem(
                "birth_date.minor", "Clients must be 18 or older to invest on their own account."
            ),
        )

    gender: Gender | None = None
    if raw.gender:
        gender = _choice(
            Gender, raw.gender, "gender", problems, "gender.unknown", "Choose male or female."
        )
    if identity is not None and identity.gender is not None:
        if gender is not None and gender != identity.gender:
            problems["gender"] = Problem(
                "gender.mismatch",
                "The sex differs from the one the ID number encodes (17th digit); "
                "correct one of them.",
            )
        gender = identity.gender

    phone = check_phone(raw.phone)
    if isinstance(phone, Problem):
        problems["phone"] = phone
    email = check_email(raw.email)
    if isinstance(email, Problem):
        problems["email"] = email
    address = " ".join(raw.address.split()) or None
    if address is not None and len(address) > 300:
        problems["address"] = Problem(
            "address.too_long", "Use 300 characters at most.", {"max": 300}
        )
    occupation = " ".join(raw.occupation.split())
    if len(occupation) > 100:
        problems["occupation"] = Problem(
            "name.too_long", "Use 100 characters at most.", {"max": 100}
        )

    income = _choice(
        IncomeBand,
        raw.income_band,
        "income_band",
        problems,
        "choice.required",
        "Choose one of the options.",
    )
    assets = Decimal(0)
    try:
        text = raw.financial_assets.replace(",", "").replace("，", "").strip() or "0"
        assets = Decimal(text)
        if not assets.is_finite() or assets < 0 or assets > MAX_ASSETS:
            raise InvalidOperation
        if assets != assets.quantize(Decimal("0.01")):
            problems["financial_assets"] = Problem(
                "money.cents", "Use at most two decimal places (yuan and fen)."
            )
    except InvalidOperation:
        problems["financial_assets"] = Problem(
            "money.format", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00."
        )
    years = 0
    try:
        years = int(str(raw.experience_years).strip() or "0")
        if not 0 <= years <= 80:
            raise ValueError
    except ValueError:
        problems["experience_years"] = Problem("years.range", "Enter whole years between 0 and 80.")
    kinds: list[ProductExperience] = []
    for item in raw.experience_types:
        try:
            kinds.append(ProductExperience(item))
        except ValueError:
            problems["experience_types"] = Problem("choice.unknown", "Choose from the list.")
    if (
        "experience_years" not in problems
        and years == 0
        and any(k not in (ProductExperience.DEPOSITS,) for k in kinds)
    ):
        problems["experience_years"] = Problem(
            "experience.contradiction",
            "Product experience is ticked but the years of experience are 0; correct one.",
        )
    objectives: list[Objective] = []
    for item in raw.objectives:
        try:
            objectives.append(Objective(item))
        except ValueError:
            problems["objectives"] = Problem("choice.unknown", "Choose from the list.")
    if not raw.objectives:
        problems["objectives"] = Problem("objectives.required", "Tick at least one objective.")
    horizon = _choice(
        Horizon, raw.horizon, "horizon", problems, "choice.required", "Choose one of the options."
    )
    liquidity = _choice(
        Liquidity,
        raw.liquidity,
        "liquidity",
        problems,
        "choice.required",
        "Choose one of the options.",
    )
    language = _choice(
        Language,
        raw.preferred_language,
        "preferred_language",
        problems,
        "choice.required",
        "Choose Chinese or English.",
    )

    if problems:
        raise ValidationError(problems)
    assert identity and birth_date and income and horizon and liquidity and language
    assert not isinstance(phone, Problem) and not isinstance(email, Problem)
    return ClientProfile(
        name=name,
        identity=identity,
        birth_date=birth_date,
        gender=gender,
        phone=phone,
        email=email,
        address=address,
        occupation=occupation,
        income_band=income,
        financial_assets=assets.quantize(Decimal("0.01")),
        experience_years=years,
        experience_types=tuple(dict.fromkeys(kinds)),
        objectives=tuple(dict.fromkeys(objectives)),
        horizon=horizon,
        liquidity=liquidity,
        preferred_language=language,
    )


def is_elderly(birth_date: date, today: date, age: int = 65) -> bool:
    return age_on(birth_date, today) >= age


def changed_fields(
    before: Mapping[str, object], after: Mapping[str, object]
) -> dict[str, tuple[object, object]]:
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
