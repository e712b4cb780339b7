"""What a printed document says, frozen: the facts the archive keeps and a re-render reads.

Every value is plain (text, whole numbers, flags) and free text is already in the document's
language, so the facts read the same years later whatever changed in the catalogue or the policy.
Enumerated values (product type, redemption, rule outcome) stay codes: the template turns them
into words, and ``TEMPLATE_VERSION`` changes when it words anything differently.

The content fingerprint printed on a document is the SHA-256 of ``canonical_json(facts)``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar, Union

from crm_desk.domain.questionnaire import LocalizedText

TEMPLATE_VERSION = "1"
# Written into every document's metadata: "crm-desk-document <number> <content sha256>".
MARKER = "crm-desk-document"


# Printed on every document; {branch} is the branch's name. The deadlines are the norm's.
COMPLAINT_CHANNEL = LocalizedText(
    "如对本次服务有任何异议，您可以向{branch}客户服务柜台或客户经理提出，也可拨打本机构"
    "客户服务热线。我们将在受理后 15 日内答复（复杂情形不超过 30 日）。对处理结果不满意的，"
    "您可以向金融消费者权益保护部门或监管机构投诉。",
    "If you are unhappy with our service, tell the service desk of {branch} or your adviser, "
    "or call our customer service hotline. We answer within 15 days of accepting a complaint "
    "(30 days for complex cases). If you disagree with the answer, you may complain to the "
    "financial consumer protection department or the regulator.",
)


def complaint_channel(language: str, branch: str) -> str:
    return COMPLAINT_CHANNEL.in_language(language).format(branch=branch)


class DocumentKind(StrEnum):
    DISCLOSURE = "disclosure"  # 产品风险揭示书, one per sale
    WARNING = "warning"  # 特别风险警示书, before an exception request is submitted
    ASSESSMENT = "assessment"  # 风险承受能力评估结果确认书


@dataclass(frozen=True, slots=True)
class CopyMark:
    """A reprint: marked 副本 / COPY, with its own number, pointing at the original."""

    copy_number: int  # 1 for the first copy of this original
    original_number: str
    printed_by: str


@dataclass(frozen=True, slots=True)
class Header:
    number: str  # branch code, year and sequence: SH01-2026-000042
    language: str  # "zh_CN" or "en"
    generated_at: str  # ISO 8601, UTC
    generated_local: str  # as the branch read its clock: "2026-11-27 14:05"
    branch_name: str
    branch_code: str
    adviser_name: str  # the client's adviser on the sale or assessment
    generated_by: str
    copy: CopyMark | None = None


@dataclass(frozen=True, slots=True)
class ClientFacts:
    name: str
    id_type: str  # domain.identity.IdType value
    id_masked: str  # 110***********123X: never the full number on paper
    investor_type: str  # "ordinary" | "professional"
    age: int | None
    level: str | None  # C1..C5, None when not assessed
    assessed_on: str | None  # ISO date
    valid_until: str | None  # ISO date
    lowest_category: bool


@dataclass(frozen=True, slots=True)
class ProductFacts:
    code: str
    name: str  # in the document's language
    product_type: str  # domain.products.ProductType value
    issuer: str
    risk_level: str  # R1..R5
    is_complex: bool
    horizon_months: int
    redemption: str  # domain.products.Redemption value
    redemption_terms: str
    min_amount: str  # Decimal as text
    currency: str
    cooling_off_hours: int
    risk_factors: tuple[str, ...]  # in the document's language


@dataclass(frozen=True, slots=True)
class RuleLine:
    rule: str  # domain.suitability.Rule value
    outcome: str  # domain.suitability.Outcome value
    message: str
    basis: str


@dataclass(frozen=True, slots=True)
class ExceptionFacts:
    """The exception a supervisor approved: printed on the disclosure of that sale."""

    request_id: int
    submitted_local: str
    insistence_text: str
    justification: str
    supervisor_name: str
    approved_local: str
    decision_comment: str
    warning_number: str | None  # the special risk warning handed over before submission


@dataclass(frozen=True, slots=True)
class DisclosureFacts:
    header: Header
    client: ClientFacts
    product: ProductFacts
    sale_id: int
    amount: str
    currency: str
    verdict: str  # "suitable" | "needs_exception"
    needs_review: bool
    policy_version: str
    rules: tuple[RuleLine, ...]
    cooling_off_ends_local: str | None
    complaint_channel: str
    exception: ExceptionFacts | None = None
    kind: str = DocumentKind.DISCLOSURE.value


@dataclass(frozen=True, slots=True)
class WarningFacts:
    header: Header
    client: ClientFacts
    product: ProductFacts
    request_id: int
    amount: str
    currency: str
    policy_version: str
    rules: tuple[RuleLine, ...]
    insistence_text: str
    justification: str
    submitted_local: str
    complaint_channel: str
    kind: str = DocumentKind.WARNING.value


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    answers: tuple[str, ...]
    score: int


@dataclass(frozen=True, slots=True)
class FlagLine:
    message: str
    explanation: str


@dataclass(frozen=True, slots=True)
class AssessmentResultFacts:
    header: Header
    client: ClientFacts
    assessment_id: int
    questionnaire: str  # title in the document's language
    questionnaire_version: int
    answers: tuple[AnswerLine, ...]
    score: int
    max_score: int
    level: str
    score_level: str
    lowest_category: bool
    lowest_reasons: tuple[str, ...]
    flags: tuple[FlagLine, ...]
    confirmed_local: str
    valid_until: str  # ISO date
    complaint_channel: str
    kind: str = DocumentKind.ASSESSMENT.value


DocumentFacts = DisclosureFacts | WarningFacts | AssessmentResultFacts
_BY_KIND: dict[str, type[Any]] = {
    DocumentKind.DISCLOSURE.value: DisclosureFacts,
    DocumentKind.WARNING.value: WarningFacts,
    DocumentKind.ASSESSMENT.value: AssessmentResultFacts,
}


def to_data(facts: DocumentFacts) -> dict[str, Any]:
    return dataclasses.asdict(facts)


def canonical_json(facts: DocumentFacts) -> str:
    """One text for the same facts, on any machine: keys sorted, no spaces, UTF-8 as is."""
    return json.dumps(to_data(facts), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(facts: DocumentFacts) -> str:
    return hashlib.sha256(canonical_json(facts).encode("utf-8")).hexdigest()


def from_json(text: str) -> DocumentFacts:
    data = json.loads(text)
    cls = _BY_KIND.get(data.get("kind", ""))
    if cls is None:
        raise ValueError(f"unknown document kind {data.get('kind')!r}")
    built: DocumentFacts = _build(cls, data)
    return built


def with_header(facts: DocumentFacts, header: Header) -> DocumentFacts:
    return dataclasses.replace(facts, header=header)


T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    values = {f.name: _value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def _value(hint: Any, raw: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        if raw is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(inner, raw)
    if origin is tuple:
        (inner, _ellipsis) = typing.get_args(hint)
        return tuple(_value(inner, item) for item in raw)
    if dataclasses.is_dataclass(hint):
        return _build(hint, raw)  # type: ignore[arg-type]
    return raw
