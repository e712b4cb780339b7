"""What the client services hand out: frozen, personal data masked unless revealed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

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

# A deep jump in the client list starts from the nearest anchor (every ANCHOR_EVERY-th row's key)
# and skips fewer than this many rows: never a deep OFFSET.
ANCHOR_EVERY = 1024


class ClientSort(StrEnum):
    NAME = "name"  # by pinyin, then id
    BIRTH_DATE = "birth_date"


@dataclass(frozen=True, slots=True)
class ClientQuery:
    """What the client list shows: one search text and the filters."""

    text: str = ""
    adviser_id: int | None = None
    vulnerable_only: bool = False
    risk_level: str | None = None  # "C1".."C5": currently (validly) assessed at that level
    assessment: str | None = None  # "expiring" (within 30 days), "expired", "none" (not assessed)
    sort: ClientSort = ClientSort.NAME
    descending: bool = False


@dataclass(frozen=True, slots=True, order=True)
class SortKey:
    """Position of a row in the list's order: the sort value, then the id."""

    value: str
    id: int


@dataclass(frozen=True, slots=True)
class ClientRow:
    id: int
    name: str
    id_type: IdType
    id_number_masked: str
    phone_masked: str
    birth_date: date
    age: int
    gender: Gender | None
    adviser_id: int
    adviser_name: str
    investor_type: InvestorType
    vulnerable: bool  # 65 or over, or a flag set by hand
    key: SortKey
    risk_level: str | None = None  # the latest assessment's level ...
    assessment_valid_until: date | None = None  # ... valid up to this day (None: never assessed)
    assessment_state: str | None = None  # "valid", "expiring", "expired"; None: never assessed


@dataclass(frozen=True, slots=True)
class ClientSearch:
    """A search as the list shows it first: how many clients it finds, and the first page."""

    count: int
    rows: list[ClientRow]


@dataclass(frozen=True, slots=True)
class VulnerabilityDTO:
    id: int
    kind: Vulnerability
    reason: str
    set_by: str
    set_at: datetime


@dataclass(frozen=True, slots=True)
class ProfessionalApplicationDTO:
    id: int
    client_id: int
    client_name: str
    financial_assets: Decimal
    average_income: Decimal
    experience_years: int
    evidence: str
    requested_by_id: int
    requested_by: str
    requested_at: datetime
    status: str
    meets_thresholds: bool
    decided_by: str | None
    decided_at: datetime | None
    decision_comment: str | None


@dataclass(frozen=True, slots=True)
class ClientDetail:
    id: int
    version: int
    name: str
    id_type: IdType
    id_number_masked: str
    birth_date: date
    age: int
    gender: Gender | None
    phone_masked: str
    email_masked: str | None
    address_masked: str | None
    occupation: str
    income_band: IncomeBand
    financial_assets: Decimal
    experience_years: int
    experience_types: tuple[ProductExperience, ...]
    objectives: tuple[Objective, ...]
    horizon: Horizon
    liquidity: Liquidity
    investor_type: InvestorType
    professional_evidence: str | None
    preferred_language: Language
    adviser_id: int
    adviser_name: str
    branch_id: int
    elderly: bool
    risk_level: str | None  # the latest assessment's level, valid until the next field
    assessment_valid_until: date | None
    assessment_state: str | None  # "valid", "expiring", "expired"; None: never assessed
    vulnerabilities: tuple[VulnerabilityDTO, ...]
    applications: tuple[ProfessionalApplicationDTO, ...]
    created_at: datetime
    updated_at: datetime
    updated_by: str
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SimilarClient:
    id: int | None  # None when the user does not serve that client
    name: str
    birth_date: date
    adviser_name: str
    visible: bool = True


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One thing that happened to the client; later capabilities add their kinds."""

    when: datetime
    kind: str  # "interview", "follow_up", "profile", "assessment", "sale", "document", ...
    title: str
    detail: str
    by: str
    ref_id: int | None = None
