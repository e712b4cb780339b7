"""The audit trail as a compliance officer reads it: stored values in words, in both languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from crm_desk.services.dto import AuditEventDTO
from crm_desk.ui.formatting import local_time
from crm_desk.ui.i18n import install_language
from crm_desk.ui.pages.audit_columns import CHANGES, ENTITY, changes_text

BATCH = "6698532204594800ba847f32fac9f1b7"


def event(
    action: str, entity_type: str, changes: dict[str, list[object]], entity_id: str = "7"
) -> AuditEventDTO:
    return AuditEventDTO(
        seq=1,
        occurred_at=datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        actor_id=1,
        actor_name="李娜",
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        changes=changes,
        hash="0" * 64,
    )


# One stored value, meaning different things on different records.
PRODUCT_CLOSED = event("product.status_changed", "product", {"status": ["on_sale", "closed"]})
REVIEW_CLOSED = event(
    "suitability_review.closed",
    "suitability_review",
    {"status": ["open", "closed"], "outcome": [None, "client_keeps"]},
)
EXCEPTION_APPROVED = event(
    "exception.approved",
    "client",
    {"status": ["pending", "approved"], "verdict": [None, "needs_exception"]},
)
REVIEW_RUN = event(
    "suitability_review.run",
    "product",
    {"cause": [None, "product_rerated"], "level": ["R3", "R4"], "batch": [None, BATCH]},
)
# Documents and vulnerability flags are both recorded on the client, both with a "kind".
DOCUMENT = event("document.generated", "client", {"kind": [None, "disclosure"]})
VULNERABLE = event("client.vulnerability_set", "client", {"kind": [None, "bereavement"]})
CALL = event("callback.created", "callback_task", {"reasons": [None, "cooling_off,elderly"]})

CASES = {
    "en": [
        (PRODUCT_CLOSED, "status: On sale → Closed"),
        (REVIEW_CLOSED, "status: Open → Closed; outcome: Client informed, confirms keeping it"),
        (
            EXCEPTION_APPROVED,
            "status: Waiting for a supervisor → Approved; suitability verdict: Needs exception",
        ),
        (
            REVIEW_RUN,
            "cause: the product was re-rated; risk level: R3 medium → R4 medium-high; "
            "batch: 6698532204…",
        ),
        (DOCUMENT, "kind: Product risk disclosure"),
        (VULNERABLE, "kind: Recently bereaved"),
        (CALL, "reasons: cooling-off, elderly client"),
    ],
    "zh_CN": [
        (PRODUCT_CLOSED, "状态: 在售 → 已停售"),
        (REVIEW_CLOSED, "状态: 待处理 → 已关闭; 结果: 已告知客户，客户确认继续持有"),
        (EXCEPTION_APPROVED, "状态: 等待主管审批 → 已批准; 适当性结论: 需例外审批"),
        (
            REVIEW_RUN,
            "起因: 产品风险等级调整; 风险等级: R3 中风险 → R4 中高风险; 批次: 6698532204…",
        ),
        (DOCUMENT, "类型: 产品风险揭示书"),
        (VULNERABLE, "类型: 近期丧亲"),
        (CALL, "原因: 冷静期、老年客户"),
    ],
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_stored_values_read_as_words_of_the_record(qapp: QApplication, language: str) -> None:
    install_language(language)
    for recorded, expected in CASES[language]:
        assert changes_text(recorded) == expected, recorded.action


def test_fingerprints_are_short_in_the_row_and_whole_in_the_tooltip(qapp: QApplication) -> None:
    row = CHANGES.text(REVIEW_RUN)
    tooltip = CHANGES.tooltip(REVIEW_RUN) if CHANGES.tooltip else ""
    assert BATCH not in row and "6698532204…" in row
    assert BATCH in tooltip


def test_recorded_times_are_local_and_unknown_values_stay_as_stored(qapp: QApplication) -> None:
    due = datetime(2026, 11, 26, 16, 39, 18, tzinfo=UTC)
    submitted = event(
        "exception.submitted",
        "client",
        {"due_at": [None, str(due)], "product": [None, "BD-CORP-01"], "rules": [None, ["x_rule"]]},
    )
    text = changes_text(submitted)
    assert f"due by: {local_time(due)}" in text
    assert "product: BD-CORP-01" in text and "deciding rules: x_rule" in text


def test_records_are_named_by_kind_and_number(qapp: QApplication) -> None:
    assert ENTITY.text(event("suitability_review.withdrawn", "sale", {})) == "Sale #7"
    imported = event("clients.imported", "client_import", {}, entity_id="clients.xlsx")
    assert ENTITY.text(imported) == "Client import clients.xlsx"
    install_language("zh_CN")
    assert ENTITY.text(event("suitability_review.withdrawn", "sale", {})) == "销售 #7"
