"""The branch policy: every number a domain rule uses, read from an editable TOML file.

Later capabilities add their own sections; each section is parsed and checked here so a
malformed file is refused at start with a message naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from crm_desk.domain.clients import Objective, ProductExperience
from crm_desk.domain.complaints import ComplaintPolicy, parse_complaint_policy
from crm_desk.domain.errors import ConfigurationError
from crm_desk.domain.products import ProductRisk, ProductType
from crm_desk.domain.questionnaire import RiskLevel


@dataclass(frozen=True, slots=True)
class SecurityPolicy:
    min_password_length: int = 12
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 10


@dataclass(frozen=True, slots=True)
class InvestorPolicy:
    """Professional-investor thresholds (natural persons) and who counts as elderly."""

    professional_assets: Decimal = Decimal("5000000")
    professional_income: Decimal = Decimal("500000")
    professional_experience_years: int = 2
    conversion_assets: Decimal = Decimal("3000000")
    conversion_income: Decimal = Decimal("300000")
    conversion_experience_years: int = 1
    elderly_age: int = 65


def _frozen(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(mapping))


DEFAULT_MATRIX: Mapping[RiskLevel, ProductRisk] = _frozen(
    {RiskLevel(f"C{n}"): ProductRisk(f"R{n}") for n in range(1, 6)}
)
DEFAULT_OBJECTIVE_LEVELS: Mapping[Objective, ProductRisk] = _frozen(
    {
        Objective.PRESERVATION: ProductRisk.R2,
        Objective.INCOME: ProductRisk.R3,
        Objective.BALANCED: ProductRisk.R4,
        Objective.GROWTH: ProductRisk.R5,
    }
)
_E = ProductExperience
DEFAULT_COMPLEX_EXPERIENCE: Mapping[ProductType, frozenset[ProductExperience]] = _frozen(
    {
        ProductType.DEPOSIT: frozenset({_E.STRUCTURED, _E.DERIVATIVES}),
        ProductType.WEALTH_MANAGEMENT: frozenset({_E.STRUCTURED, _E.PRIVATE_FUNDS, _E.DERIVATIVES}),
        ProductType.PUBLIC_FUND: frozenset({_E.FUNDS, _E.PRIVATE_FUNDS, _E.DERIVATIVES}),
        ProductType.PRIVATE_FUND: frozenset({_E.PRIVATE_FUNDS, _E.DERIVATIVES}),
        ProductType.BOND: frozenset({_E.BONDS, _E.STRUCTURED, _E.DERIVATIVES}),
        ProductType.STRUCTURED: frozenset({_E.STRUCTURED, _E.DERIVATIVES}),
        ProductType.INSURANCE: frozenset({_E.INSURANCE, _E.STRUCTURED}),
        ProductType.OTHER: frozenset({_E.STRUCTURED, _E.DERIVATIVES}),
    }
)


@dataclass(frozen=True, slots=True)
class SuitabilityPolicy:
    """The numbers and switches of the suitability engine ([suitability] in the policy file).

    Not here, on purpose: how long an assessment stays valid (the questionnaire file's
    ``validity_months``; each assessment records its own valid-until day, which the engine reads)
    and the age from which a client counts as elderly ([investors] ``elderly_age``).

    ``matrix``: for each client level, the highest product level an ordinary investor may buy
    without an exception. ``objective_levels``: the highest product level each investment
    objective suits (a client with several objectives is matched against the most permissive).
    ``complex_experience``: for a complex product of each type, the kinds of experience that
    count as relevant; the client also needs ``complex_min_experience_years`` of investing.
    ``concentration_share``: a purchase above this share of the client's financial assets is
    warned about. ``exception_deadline_hours``: how soon a supervisor should decide an exception.
    """

    matrix: Mapping[RiskLevel, ProductRisk] = field(default=DEFAULT_MATRIX, hash=False)
    check_horizon: bool = True
    check_objective: bool = True
    check_complex_experience: bool = True
    check_elderly: bool = True
    check_concentration: bool = True
    horizon_tolerance_months: int = 0
    objective_levels: Mapping[Objective, ProductRisk] = field(
        default=DEFAULT_OBJECTIVE_LEVELS, hash=False
    )
    complex_experience: Mapping[ProductType, frozenset[ProductExperience]] = field(
        default=DEFAULT_COMPLEX_EXPERIENCE, hash=False
    )
    complex_min_experience_years: int = 1
    elderly_review_from: ProductRisk = ProductRisk.R4
    concentration_share: Decimal = Decimal("0.5")
    exception_deadline_hours: int = 48

    def highest_allowed(self, level: RiskLevel) -> ProductRisk:
        """The highest product level a client at ``level`` may buy without an exception."""
        return self.matrix[level]


@dataclass(frozen=True, slots=True)
class AftercarePolicy:
    """Follow-up calls (回访): days to make the call once the client may be called (after the
    cooling-off period, or after the sale if none), and unanswered attempts before the call is
    given up and a case opened for the supervisor."""

    callback_days: int = 3
    callback_max_attempts: int = 3


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    security: SecurityPolicy
    investor: InvestorPolicy = InvestorPolicy()
    aftercare: AftercarePolicy = AftercarePolicy()
    source: str = "<built-in>"
    suitability: SuitabilityPolicy = SuitabilityPolicy()
    complaints: ComplaintPolicy = ComplaintPolicy()


KNOWN_SECTIONS = frozenset(
    {"version", "security", "investors", "suitability", "aftercare", "complaints"}
)


def _int(section: Mapping[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigurationError(f"{where}: '{key}' must be a whole number, found {value!r}.")
    if not low <= value <= high:
        raise ConfigurationError(
            f"{where}: '{key}' must be between {low} and {high}, found {value}."
        )
    return value


def _money(section: Mapping[str, Any], key: str, where: str) -> Decimal:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ConfigurationError(f"{where}: '{key}' must be an amount in yuan, found {value!r}.")
    try:
        amount = Decimal(str(value))
    except ArithmeticError as exc:
        raise ConfigurationError(
            f"{where}: '{key}' must be an amount in yuan, found {value!r}."
        ) from exc
    if not amount.is_finite() or amount < 0:
        raise ConfigurationError(f"{where}: '{key}' must be zero or more, found {value}.")
    return amount


def _section(data: Mapping[str, Any], name: str, source: str, known: set[str]) -> Mapping[str, Any]:
    raw = data.get(name)
    if not isinstance(raw, Mapping):
        raise ConfigurationError(f"{source}: the [{name}] section is missing.")
    unknown = set(raw) - known
    if unknown:
        raise ConfigurationError(f"{source} [{name}]: unknown keys {', '.join(sorted(unknown))}.")
    return raw


def _bool(section: Mapping[str, Any], key: str, where: str) -> bool:
    value = section.get(key)
    if not isinstance(value, bool):
        raise ConfigurationError(f"{where}: '{key}' must be true or false, found {value!r}.")
    return value


def _product_level(value: Any, where: str, key: str) -> ProductRisk:
    try:
        return ProductRisk(value)
    except ValueError:
        raise ConfigurationError(
            f"{where}: '{key}' must be a product risk level R1 to R5, found {value!r}."
        ) from None


def _table(section: Mapping[str, Any], key: str, where: str, names: list[str]) -> Mapping[str, Any]:
    """A table that must name exactly ``names``: nothing missing, nothing misspelt."""
    value = section.get(key)
    if not isinstance(value, Mapping):
        raise ConfigurationError(
            f"{where}: '{key}' must be a table of {', '.join(names)}, found {value!r}."
        )
    missing = [name for name in names if name not in value]
    if missing:
        raise ConfigurationError(f"{where}: '{key}' has no entry for {', '.join(missing)}.")
    unknown = sorted(set(value) - set(names))
    if unknown:
        raise ConfigurationError(
            f"{where}: '{key}' has unknown entries {', '.join(map(str, unknown))} "
            f"(expected {', '.join(names)})."
        )
    return value


def _share(section: Mapping[str, Any], key: str, where: str) -> Decimal:
    value = section.get(key)
    message = f"{where}: '{key}' must be a share above 0 and at most 1 (0.5 is half)"
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ConfigurationError(f"{message}, found {value!r}.")
    try:
        share = Decimal(str(value))
    except InvalidOperation:
        raise ConfigurationError(f"{message}, found {value!r}.") from None
    if not share.is_finite() or not Decimal(0) < share <= Decimal(1):
        raise ConfigurationError(f"{message}, found {value!r}.")
    return share


def _suitability(data: Mapping[str, Any], source: str) -> SuitabilityPolicy:
    known = set(SuitabilityPolicy.__dataclass_fields__)
    raw = _section(data, "suitability", source, known)
    where = f"{source} [suitability]"
    missing = sorted(known - set(raw))
    if missing:
        raise ConfigurationError(f"{where}: missing keys {', '.join(missing)}.")

    levels = [level.value for level in RiskLevel]
    table = _table(raw, "matrix", where, levels)
    matrix = {
        RiskLevel(name): _product_level(table[name], where, f"matrix.{name}") for name in levels
    }
    ranks = [matrix[level].rank for level in RiskLevel]
    if ranks != sorted(ranks):
        raise ConfigurationError(
            f"{where}: 'matrix' must not allow a higher client level less than a lower one, "
            f"found {', '.join(f'{c.value} = {p.value}' for c, p in matrix.items())}."
        )

    objectives = [objective.value for objective in Objective]
    table = _table(raw, "objective_levels", where, objectives)
    objective_levels = {
        Objective(name): _product_level(table[name], where, f"objective_levels.{name}")
        for name in objectives
    }

    types = [kind.value for kind in ProductType]
    table = _table(raw, "complex_experience", where, types)
    experience: dict[ProductType, frozenset[ProductExperience]] = {}
    kinds = ", ".join(kind.value for kind in ProductExperience)
    for name in types:
        entry = table[name]
        key = f"complex_experience.{name}"
        if not isinstance(entry, list) or not entry:
            raise ConfigurationError(
                f"{where}: '{key}' must be a non-empty list of kinds of experience "
                f"({kinds}), found {entry!r}."
            )
        try:
            experience[ProductType(name)] = frozenset(ProductExperience(e) for e in entry)
        except ValueError:
            raise ConfigurationError(
                f"{where}: '{key}' may only list {kinds}; found {entry!r}."
            ) from None

    return SuitabilityPolicy(
        matrix=_frozen(matrix),
        check_horizon=_bool(raw, "check_horizon", where),
        check_objective=_bool(raw, "check_objective", where),
        check_complex_experience=_bool(raw, "check_complex_experience", where),
        check_elderly=_bool(raw, "check_elderly", where),
        check_concentration=_bool(raw, "check_concentration", where),
        horizon_tolerance_months=_int(raw, "horizon_tolerance_months", where, 0, 120),
        objective_levels=_frozen(objective_levels),
        complex_experience=_frozen(experience),
        complex_min_experience_years=_int(raw, "complex_min_experience_years", where, 0, 50),
        elderly_review_from=_product_level(
            raw.get("elderly_review_from"), where, "elderly_review_from"
        ),
        concentration_share=_share(raw, "concentration_share", where),
        exception_deadline_hours=_int(raw, "exception_deadline_hours", where, 1, 24 * 30),
    )


def parse_policy(data: Mapping[str, Any], source: str = "<built-in>") -> Policy:
    unknown_sections = set(data) - KNOWN_SECTIONS
    if unknown_sections:
        raise ConfigurationError(
            f"{source}: unknown settings {', '.join(sorted(unknown_sections))} "
            "(a misspelt section would otherwise be ignored silently)."
        )
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise ConfigurationError(f"{source}: 'version' must be a non-empty text.")
    raw_security = data.get("security")
    if not isinstance(raw_security, Mapping):
        raise ConfigurationError(f"{source}: the [security] section is missing.")
    where = f"{source} [security]"
    unknown = set(raw_security) - set(SecurityPolicy.__dataclass_fields__)
    if unknown:
        raise ConfigurationError(f"{where}: unknown keys {', '.join(sorted(unknown))}.")
    security = SecurityPolicy(
        min_password_length=_int(raw_security, "min_password_length", where, 12, 128),
        max_failed_logins=_int(raw_security, "max_failed_logins", where, 1, 100),
        lockout_minutes=_int(raw_security, "lockout_minutes", where, 1, 24 * 60),
        idle_lock_minutes=_int(raw_security, "idle_lock_minutes", where, 1, 24 * 60),
    )
    where = f"{source} [investors]"
    raw_investors = _section(data, "investors", source, set(InvestorPolicy.__dataclass_fields__))
    investor = InvestorPolicy(
        professional_assets=_money(raw_investors, "professional_assets", where),
        professional_income=_money(raw_investors, "professional_income", where),
        professional_experience_years=_int(
            raw_investors, "professional_experience_years", where, 0, 50
        ),
        conversion_assets=_money(raw_investors, "conversion_assets", where),
        conversion_income=_money(raw_investors, "conversion_income", where),
        conversion_experience_years=_int(
            raw_investors, "conversion_experience_years", where, 0, 50
        ),
        elderly_age=_int(raw_investors, "elderly_age", where, 50, 100),
    )
    return Policy(
        version=version.strip(),
        security=security,
        investor=investor,
        source=source,
        suitability=_suitability(data, source),
        aftercare=_aftercare(data, source),
        complaints=parse_complaint_policy(
            _section(data, "complaints", source, set(ComplaintPolicy.__dataclass_fields__)),
            f"{source} [complaints]",
        ),
    )


def _aftercare(data: Mapping[str, Any], source: str) -> AftercarePolicy:
    """Optional: a file without the section gets the defaults."""
    if "aftercare" not in data:
        return AftercarePolicy()
    raw = _section(data, "aftercare", source, set(AftercarePolicy.__dataclass_fields__))
    where = f"{source} [aftercare]"
    defaults = AftercarePolicy()
    days, attempts = defaults.callback_days, defaults.callback_max_attempts
    if "callback_days" in raw:
        days = _int(raw, "callback_days", where, 1, 60)
    if "callback_max_attempts" in raw:
        attempts = _int(raw, "callback_max_attempts", where, 1, 20)
    return AftercarePolicy(callback_days=days, callback_max_attempts=attempts)


def load_policy(path: Path) -> Policy:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigurationError(f"The policy file {path} does not exist.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"The policy file {path} cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"The policy file {path} is not valid TOML: {exc}") from exc
    return parse_policy(data, source=str(path))
