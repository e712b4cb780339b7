"""The suitability engine: pure, deterministic, no Qt and no database.

Given a snapshot of the client, the product's terms, the amount and the policy, ``evaluate``
returns a verdict and every rule it applied (passed ones included), each with its outcome, a
message in Chinese and English and its regulatory basis. A sale stores the whole Evaluation
(``to_json``) so that years later the record shows the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import ProductTerms
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


class Rule(StrEnum):
    ASSESSMENT_VALID = "assessment_valid"
    RISK_MATCH = "risk_match"
    HORIZON = "horizon"
    OBJECTIVE = "objective"
    COMPLEX_EXPERIENCE = "complex_experience"
    ELDERLY = "elderly"
    CONCENTRATION = "concentration"
    MINIMUM_AMOUNT = "minimum_amount"


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


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    message: LocalizedText  # what was found, in plain words, both languages
    basis: LocalizedText  # the regulatory basis / policy clause


@dataclass(frozen=True, slots=True)
class Evaluation:
    verdict: Verdict
    rules: tuple[RuleResult, ...]  # every rule, in a fixed order, passed ones included
    needs_review: bool  # a 65+ client buying at/above the policy level: supervisor review
    policy_version: str

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError  # the engine work fills this in

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evaluation:
        raise NotImplementedError


def evaluate(
    client: ClientSnapshot, product: ProductTerms, amount: Decimal, policy: Policy
) -> Evaluation:
    raise NotImplementedError  # the engine work fills this in
