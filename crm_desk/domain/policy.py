"""The branch policy: every number a domain rule uses, read from an editable TOML file.

Later capabilities add their own sections; each section is parsed and checked here so a
malformed file is refused at start with a message naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desk.domain.errors import ConfigurationError


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


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    security: SecurityPolicy
    investor: InvestorPolicy = InvestorPolicy()
    source: str = "<built-in>"


KNOWN_SECTIONS = frozenset({"version", "security", "investors"})


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
    return Policy(version=version.strip(), security=security, investor=investor, source=source)


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
