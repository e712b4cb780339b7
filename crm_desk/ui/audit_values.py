"""Recorded audit values as a reader expects them, in the window's language.

The trail stores what the services wrote: enum values ("on_sale", "needs_exception"), ISO times in
UTC, lists of rule ids, fingerprints. The same stored value can mean different things ("closed"
is a product no longer sold but a review that is finished), so each value is read with the action
and the record it belongs to. Anything not known is shown as stored: the trail hides nothing.

Kept apart from ui/formatting.py because it reuses the labels of the dialogs and pages, which
themselves import formatting."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from crm_desk.domain.aftercare import (
    CallOutcome,
    CallReason,
    CallStatus,
    CaseReason,
    CaseStatus,
    ReviewOutcome,
    ReviewStatus,
    ReviewTrigger,
)
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
from crm_desk.domain.complaints import (
    AnswerMethod,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintStatus,
    Decision,
    RootCause,
)
from crm_desk.domain.identity import Gender, IdType
from crm_desk.domain.interviews import Channel, FollowUpStatus
from crm_desk.domain.products import ProductRisk, ProductStatus, ProductType, Redemption
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.sales import ExceptionStatus
from crm_desk.domain.suitability import Verdict
from crm_desk.ui.assessment_wizard import level_text, ui_language
from crm_desk.ui.callback_dialog import reason_label
from crm_desk.ui.complaint_dialog import complaint_label
from crm_desk.ui.formatting import audit_value, field_label, local_time
from crm_desk.ui.interview_dialog import channel_label
from crm_desk.ui.labels import label
from crm_desk.ui.pages.documents import kind_label
from crm_desk.ui.pages.reviews import outcome_label as review_outcome_label
from crm_desk.ui.verdicts import rule_label, status_label, verdict_label

Reader = Callable[[str], str]

# Fingerprints (SHA-256, review batches) are kept whole in the tooltip, shortened in the row.
SHORT_HASH = 10
_HEX = re.compile(r"[0-9a-f]{32,}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _enum(kind: type[StrEnum], text: Callable[[StrEnum], str]) -> Reader:
    """Read a stored value as a member of ``kind``; a value it does not know stays as stored."""

    def read(value: str) -> str:
        try:
            member = kind(value)
        except ValueError:
            return value
        return text(member)

    return read


def _call_status(status: StrEnum) -> str:
    labels = {
        CallStatus.OPEN: QCoreApplication.translate("Callbacks", "Open"),
        CallStatus.DONE: QCoreApplication.translate("Callbacks", "Done"),
        CallStatus.UNREACHABLE: QCoreApplication.translate("Callbacks", "Not reachable"),
        CallStatus.CANCELLED: QCoreApplication.translate("Callbacks", "Cancelled"),
    }
    return labels[CallStatus(status)]


def _case_status(status: StrEnum) -> str:
    if status is CaseStatus.OPEN:
        return QCoreApplication.translate("CallbacksPage", "Open")
    return QCoreApplication.translate("CallbacksPage", "Resolved")


def _case_reason(reason: StrEnum) -> str:
    if reason is CaseReason.UNREACHABLE:
        return QCoreApplication.translate("CallbacksPage", "Client not reachable")
    return QCoreApplication.translate("AuditValues", "answered no to a question of the call")


def _call_outcome(outcome: StrEnum) -> str:
    if outcome is CallOutcome.REACHED:
        return QCoreApplication.translate("CallbackDialog", "Client reached")
    return QCoreApplication.translate("CallbackDialog", "Not reached")


def _review_status(status: StrEnum) -> str:
    labels = {
        ReviewStatus.OPEN: QCoreApplication.translate("ReviewsPage", "Open"),
        ReviewStatus.CLOSED: QCoreApplication.translate("ReviewsPage", "Closed"),
        ReviewStatus.SUPERSEDED: QCoreApplication.translate(
            "ReviewsPage", "Replaced by a newer review"
        ),
        ReviewStatus.WITHDRAWN: QCoreApplication.translate(
            "ReviewsPage", "Withdrawn: sale cancelled"
        ),
    }
    return labels[ReviewStatus(status)]


def _review_cause(cause: StrEnum) -> str:
    if cause is ReviewTrigger.PRODUCT_RERATED:
        return QCoreApplication.translate("AuditValues", "the product was re-rated")
    return QCoreApplication.translate("AuditValues", "the client's assessment came out lower")


def _follow_up_status(status: StrEnum) -> str:
    if status is FollowUpStatus.DONE:
        return QCoreApplication.translate("FollowUpsPage", "Done")
    return QCoreApplication.translate("Callbacks", "Open")


def _checklist_item(item: str) -> str:
    labels = {
        "identity": QCoreApplication.translate("AuditValues", "identity confirmed"),
        "contract_read": QCoreApplication.translate("AuditValues", "contract read"),
        "risks_understood": QCoreApplication.translate("AuditValues", "risks understood"),
        "complaint_channel": QCoreApplication.translate("AuditValues", "knows how to complain"),
    }
    return labels.get(item, item)


def _import_mode(mode: str) -> str:
    labels = {
        "all": QCoreApplication.translate("AuditValues", "the whole file"),
        "valid_only": QCoreApplication.translate("AuditValues", "the valid rows only"),
    }
    return labels.get(mode, mode)


def _rule_reason(reason: str) -> str:
    """'rule: 中文 / English' (sales record both) as the rule's name and the window's language."""
    rule, colon, message = reason.partition(": ")
    chinese, slash, english = message.partition(" / ")
    if not colon or not slash:
        return reason
    text = chinese if ui_language() == "zh_CN" else english
    return f"{rule_label(rule)}: {text}"


def _choice(kind: type[StrEnum]) -> Reader:
    return _enum(kind, label)


# Values that read the same whatever the action: the field says what they are.
_BY_FIELD: dict[str, Reader] = {
    "gender": _choice(Gender),
    "id_type": _choice(IdType),
    "income_band": _choice(IncomeBand),
    "horizon": _choice(Horizon),
    "liquidity": _choice(Liquidity),
    "objectives": _choice(Objective),
    "experience_types": _choice(ProductExperience),
    "preferred_language": _choice(Language),
    "investor_type": _choice(InvestorType),
    "product_type": _choice(ProductType),
    "redemption": _choice(Redemption),
    "risk_level": _choice(ProductRisk),
    "verdict": _enum(Verdict, lambda v: verdict_label(Verdict(v))),
    "rules": rule_label,
    "category": _enum(ComplaintCategory, complaint_label),
    "decision": _enum(Decision, complaint_label),
    "root_cause": _enum(RootCause, complaint_label),
    "answer_method": _enum(AnswerMethod, complaint_label),
    "cause": _enum(ReviewTrigger, _review_cause),
    "failed_items": _checklist_item,
    "field": field_label,
    "mode": _import_mode,
    "format": str.upper,
}

# Values whose meaning depends on the record: (field, entity type or action) → reader.
_BY_RECORD: dict[tuple[str, str], Reader] = {
    ("status", "product"): _choice(ProductStatus),
    ("status", "complaint"): _enum(ComplaintStatus, complaint_label),
    ("status", "callback_task"): _enum(CallStatus, _call_status),
    ("status", "callback_case"): _enum(CaseStatus, _case_status),
    ("status", "suitability_review"): _enum(ReviewStatus, _review_status),
    ("status", "follow_up"): _enum(FollowUpStatus, _follow_up_status),
    # Exception requests and professional-investor applications: pending → approved/rejected.
    ("status", "exception"): _enum(ExceptionStatus, lambda s: status_label(ExceptionStatus(s))),
    ("status", "client"): _enum(ExceptionStatus, lambda s: status_label(ExceptionStatus(s))),
    ("level", "product"): _choice(ProductRisk),
    ("level", "client"): _enum(RiskLevel, lambda v: level_text(RiskLevel(v), ui_language())),
    ("kind", "client"): _choice(Vulnerability),  # document.* are also on the client: see below
    ("kind", "document"): kind_label,
    ("channel", "interview"): _enum(Channel, lambda c: channel_label(Channel(c))),
    ("channel", "complaint"): _enum(ComplaintChannel, complaint_label),
    ("outcome", "callback_task"): _enum(CallOutcome, _call_outcome),
    ("outcome", "suitability_review"): _enum(
        ReviewOutcome, lambda o: review_outcome_label(ReviewOutcome(o))
    ),
    ("reason", "callback_case"): _enum(CaseReason, _case_reason),
    ("reasons", "callback_task"): _enum(CallReason, lambda r: reason_label(CallReason(r))),
    ("reasons", "sale"): _rule_reason,
    ("reasons", "exception"): _rule_reason,
}

# Comma-joined lists stored as one text.
_JOINED = {"objectives", "experience_types", "reasons"}


def _reader(action: str, entity_type: str, field: str) -> Reader | None:
    # The action's area first: a document made for a client is recorded on the client.
    for key in (action, action.partition(".")[0], entity_type):
        found = _BY_RECORD.get((field, key))
        if found is not None:
            return found
    return _BY_FIELD.get(field)


def _separator() -> str:
    return QCoreApplication.translate("AuditValues", ", ")


def value_text(
    action: str, entity_type: str, field: str, value: object, *, full: bool = False
) -> str:
    """One recorded value of ``field`` in an event ``action`` on a record of ``entity_type``.
    ``full`` keeps fingerprints whole (for the tooltip); the row shows their start."""
    if isinstance(value, list):
        if not value:
            return "—"
        if field == "flags_explained" and not full:
            return str(len(value))
        return _separator().join(
            value_text(action, entity_type, field, v, full=full) for v in value
        )
    if isinstance(value, Mapping):
        if not value:
            return "—"
        if field == "answers":
            return _separator().join(
                f"{_checklist_item(str(k))}: {audit_value(field, v == 'yes')}"
                for k, v in value.items()
            )
        return _separator().join(f"{field_label(str(k))}: {v}" for k, v in value.items())
    if not isinstance(value, str) or value in ("", "<redacted>"):
        return audit_value(field, value)
    if _HEX.fullmatch(value):
        return value if full else value[:SHORT_HASH] + "…"
    if _TIME.match(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return local_time(moment)
    reader = _reader(action, entity_type, field)
    if reader is None:
        return audit_value(field, value)
    if field in _JOINED and "," in value and not value.count(": "):
        return _separator().join(reader(part.strip()) for part in value.split(",") if part)
    return reader(value)
