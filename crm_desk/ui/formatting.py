"""How values look on screen: local time, role names, audit actions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from crm_desk.domain.roles import Role


def local_time(value: datetime | None, with_seconds: bool = False) -> str:
    """UTC from the database, shown in the workstation's time zone."""
    if value is None:
        return ""
    utc = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())
    fmt = "yyyy-MM-dd HH:mm:ss" if with_seconds else "yyyy-MM-dd HH:mm"
    return QLocale().toString(utc.toLocalTime(), fmt)


def role_label(role: Role) -> str:
    labels = {
        Role.ADVISER: QCoreApplication.translate("Roles", "Adviser"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.COMPLIANCE: QCoreApplication.translate("Roles", "Compliance officer"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels[role]


def action_label(action: str) -> str:
    labels = {
        "branch.created": QCoreApplication.translate("Actions", "Branch created"),
        "branch.renamed": QCoreApplication.translate("Actions", "Branch renamed"),
        "user.created": QCoreApplication.translate("Actions", "User created"),
        "user.disabled": QCoreApplication.translate("Actions", "User disabled"),
        "user.enabled": QCoreApplication.translate("Actions", "User enabled"),
        "user.role_changed": QCoreApplication.translate("Actions", "Role changed"),
        "user.password_reset": QCoreApplication.translate("Actions", "Password reset"),
        "user.password_changed": QCoreApplication.translate("Actions", "Password changed"),
        "auth.signed_in": QCoreApplication.translate("Actions", "Signed in"),
        "auth.signed_out": QCoreApplication.translate("Actions", "Signed out"),
        "auth.sign_in_failed": QCoreApplication.translate("Actions", "Sign-in failed"),
        "auth.session_locked": QCoreApplication.translate("Actions", "Window locked (idle)"),
        "auth.session_unlocked": QCoreApplication.translate("Actions", "Window unlocked"),
        "auth.unlock_failed": QCoreApplication.translate("Actions", "Unlock failed"),
        "auth.password_change_failed": QCoreApplication.translate(
            "Actions", "Password change failed"
        ),
        "database.restored": QCoreApplication.translate("Actions", "Database restored"),
        "client.created": QCoreApplication.translate("Actions", "Client created"),
        "client.updated": QCoreApplication.translate("Actions", "Profile changed"),
        "client.revealed": QCoreApplication.translate("Actions", "Personal data shown"),
        "client.reassigned": QCoreApplication.translate("Actions", "Client reassigned"),
        "client.vulnerability_set": QCoreApplication.translate("Actions", "Vulnerability flagged"),
        "client.vulnerability_cleared": QCoreApplication.translate(
            "Actions", "Vulnerability flag cleared"
        ),
        "client.professional_applied": QCoreApplication.translate(
            "Actions", "Professional status applied for"
        ),
        "client.professional_decided": QCoreApplication.translate(
            "Actions", "Professional status decided"
        ),
        "clients.imported": QCoreApplication.translate("Actions", "Clients imported"),
        "clients.exported": QCoreApplication.translate("Actions", "Clients exported"),
        "interview.recorded": QCoreApplication.translate("Actions", "Interview recorded"),
        "interview.corrected": QCoreApplication.translate("Actions", "Interview corrected"),
        "follow_up.created": QCoreApplication.translate("Actions", "Follow-up set"),
        "follow_up.done": QCoreApplication.translate("Actions", "Follow-up done"),
        "follow_up.snoozed": QCoreApplication.translate("Actions", "Follow-up postponed"),
        "complaint.accepted": QCoreApplication.translate("Actions", "Complaint accepted"),
        "complaint.investigating": QCoreApplication.translate(
            "Actions", "Complaint investigation started"
        ),
        "complaint.resolved": QCoreApplication.translate("Actions", "Complaint decided"),
        "complaint.answered": QCoreApplication.translate(
            "Actions", "Complainant answered (complaint closed)"
        ),
        "complaint.extended": QCoreApplication.translate("Actions", "Complaint deadline extended"),
        "complaint.reassigned": QCoreApplication.translate("Actions", "Complaint reassigned"),
        "complaint.reopened": QCoreApplication.translate("Actions", "Complaint reopened"),
        "complaints.report_exported": QCoreApplication.translate(
            "Actions", "Complaint report exported"
        ),
        "assessment.started": QCoreApplication.translate("Actions", "Risk assessment started"),
        "assessment.confirmed": QCoreApplication.translate("Actions", "Risk assessment confirmed"),
        "assessment.discarded": QCoreApplication.translate(
            "Actions", "Unfinished risk assessment discarded"
        ),
        "document.generated": QCoreApplication.translate("Actions", "Document made and archived"),
        "document.reprinted": QCoreApplication.translate("Actions", "Document reprinted as a copy"),
        "key.registered": QCoreApplication.translate("Actions", "Data key registered"),
        "key.imported": QCoreApplication.translate("Actions", "Data key imported"),
        "key.exported": QCoreApplication.translate("Actions", "Data key exported"),
        "sale.recorded": QCoreApplication.translate("Actions", "Sale recorded"),
        "sale.refused": QCoreApplication.translate(
            "Actions", "Sale refused (the attempt recorded)"
        ),
        "sale.cancelled": QCoreApplication.translate("Actions", "Sale cancelled in cooling-off"),
        "sale.corrected": QCoreApplication.translate("Actions", "Sale record corrected"),
        "exception.submitted": QCoreApplication.translate(
            "Actions", "Suitability exception requested"
        ),
        "exception.approved": QCoreApplication.translate(
            "Actions", "Suitability exception approved"
        ),
        "exception.rejected": QCoreApplication.translate(
            "Actions", "Suitability exception rejected"
        ),
        "exception.lapsed": QCoreApplication.translate(
            "Actions", "Suitability exception lapsed at approval"
        ),
        "product.created": QCoreApplication.translate("Actions", "Product created"),
        "product.updated": QCoreApplication.translate("Actions", "Product changed"),
        "product.rerated": QCoreApplication.translate("Actions", "Product re-rated"),
        "product.status_changed": QCoreApplication.translate("Actions", "Product status changed"),
        "products.imported": QCoreApplication.translate("Actions", "Product catalogue imported"),
        "products.exported": QCoreApplication.translate("Actions", "Product catalogue exported"),
        "callback.created": QCoreApplication.translate("Actions", "Follow-up call set"),
        "callback.recorded": QCoreApplication.translate("Actions", "Follow-up call recorded"),
        "callback.cancelled": QCoreApplication.translate(
            "Actions", "Follow-up call cancelled with the sale"
        ),
        "callback_case.opened": QCoreApplication.translate("Actions", "Follow-up case opened"),
        "callback_case.resolved": QCoreApplication.translate("Actions", "Follow-up case resolved"),
        "suitability_review.run": QCoreApplication.translate(
            "Actions", "Holdings reviewed for suitability"
        ),
        "suitability_review.closed": QCoreApplication.translate(
            "Actions", "Suitability review closed"
        ),
        "suitability_review.withdrawn": QCoreApplication.translate(
            "Actions", "Suitability reviews withdrawn (sale cancelled)"
        ),
    }
    return labels.get(action, action)


def entity_label(entity_type: str) -> str:
    labels = {
        "user": QCoreApplication.translate("Entities", "User"),
        "branch": QCoreApplication.translate("Entities", "Branch"),
        "database": QCoreApplication.translate("Entities", "Database"),
        "client": QCoreApplication.translate("Entities", "Client"),
        "interview": QCoreApplication.translate("Entities", "Interview"),
        "follow_up": QCoreApplication.translate("Entities", "Follow-up"),
        "complaint": QCoreApplication.translate("Entities", "Complaint"),
        "complaint_report": QCoreApplication.translate("Entities", "Complaint report"),
        "product": QCoreApplication.translate("Entities", "Product"),
        "product_import": QCoreApplication.translate("Entities", "Catalogue import"),
        "product_export": QCoreApplication.translate("Entities", "Catalogue export"),
        "callback_task": QCoreApplication.translate("Entities", "Follow-up call"),
        "callback_case": QCoreApplication.translate("Entities", "Follow-up case"),
        "suitability_review": QCoreApplication.translate("Entities", "Suitability review"),
        "document": QCoreApplication.translate("Entities", "Document"),
        "sale": QCoreApplication.translate("Entities", "Sale"),
        "client_import": QCoreApplication.translate("Entities", "Client import"),
        "client_export": QCoreApplication.translate("Entities", "Client export"),
    }
    return labels.get(entity_type, entity_type)


def field_label(field: str) -> str:
    labels = {
        "username": QCoreApplication.translate("Fields", "user name"),
        "full_name": QCoreApplication.translate("Fields", "full name"),
        "role": QCoreApplication.translate("Fields", "role"),
        "branch_id": QCoreApplication.translate("Fields", "branch"),
        "is_active": QCoreApplication.translate("Fields", "active"),
        "must_change_password": QCoreApplication.translate("Fields", "must change password"),
        "password": QCoreApplication.translate("Fields", "password"),
        "failed_attempts": QCoreApplication.translate("Fields", "failed sign-ins"),
        "locked_until": QCoreApplication.translate("Fields", "locked until"),
        "reason": QCoreApplication.translate("Fields", "reason"),
        "code": QCoreApplication.translate("Fields", "code"),
        "name": QCoreApplication.translate("Fields", "name"),
        "restored_from": QCoreApplication.translate("Fields", "restored from"),
        "previous_copy": QCoreApplication.translate("Fields", "previous database kept as"),
        "events_in_backup": QCoreApplication.translate("Fields", "events in the backup"),
        "field": QCoreApplication.translate("Fields", "field"),
        "address": QCoreApplication.translate("Fields", "address"),
        "birth_date": QCoreApplication.translate("Fields", "birth date"),
        "email": QCoreApplication.translate("Fields", "e-mail"),
        "experience_types": QCoreApplication.translate("Fields", "products invested in"),
        "experience_years": QCoreApplication.translate("Fields", "years of investing"),
        "financial_assets": QCoreApplication.translate("Fields", "financial assets"),
        "gender": QCoreApplication.translate("Fields", "sex"),
        "horizon": QCoreApplication.translate("Fields", "investment horizon"),
        "id_number": QCoreApplication.translate("Fields", "identity number"),
        "id_type": QCoreApplication.translate("Fields", "identity document"),
        "income_band": QCoreApplication.translate("Fields", "annual income"),
        "liquidity": QCoreApplication.translate("Fields", "liquidity needs"),
        "objectives": QCoreApplication.translate("Fields", "objectives"),
        "occupation": QCoreApplication.translate("Fields", "occupation"),
        "phone": QCoreApplication.translate("Fields", "mobile"),
        "preferred_language": QCoreApplication.translate("Fields", "preferred language"),
        "similar_acknowledged": QCoreApplication.translate("Fields", "namesake confirmed"),
        "imported_from": QCoreApplication.translate("Fields", "imported from"),
        "application_id": QCoreApplication.translate("Fields", "application"),
        "average_income": QCoreApplication.translate("Fields", "average income"),
        "status": QCoreApplication.translate("Fields", "status"),
        "assessment_id": QCoreApplication.translate("Fields", "assessment"),
        "document_id": QCoreApplication.translate("Fields", "document"),
        "number": QCoreApplication.translate("Fields", "document number"),
        "copy_of": QCoreApplication.translate("Fields", "copy of"),
        "content_sha256": QCoreApplication.translate("Fields", "content fingerprint"),
        "pdf_sha256": QCoreApplication.translate("Fields", "file fingerprint"),
        "questionnaire": QCoreApplication.translate("Fields", "questionnaire"),
        "score": QCoreApplication.translate("Fields", "score"),
        "level": QCoreApplication.translate("Fields", "risk level"),
        "lowest_category": QCoreApplication.translate("Fields", "lowest category"),
        "valid_until": QCoreApplication.translate("Fields", "valid until"),
        "supersedes_id": QCoreApplication.translate("Fields", "supersedes"),
        "flags_explained": QCoreApplication.translate("Fields", "contradictions explained"),
        "adviser_id": QCoreApplication.translate("Fields", "adviser"),
        "kind": QCoreApplication.translate("Fields", "kind"),
        "comment": QCoreApplication.translate("Fields", "comment"),
        "investor_type": QCoreApplication.translate("Fields", "investor type"),
        "version": QCoreApplication.translate("Fields", "version"),
        "channel": QCoreApplication.translate("Fields", "channel"),
        "occurred_at": QCoreApplication.translate("Fields", "time"),
        "purpose": QCoreApplication.translate("Fields", "purpose"),
        "due_date": QCoreApplication.translate("Fields", "due date"),
        "owner_id": QCoreApplication.translate("Fields", "owner"),
        "outcome": QCoreApplication.translate("Fields", "outcome"),
        "action": QCoreApplication.translate("Fields", "action"),
        "category": QCoreApplication.translate("Fields", "category"),
        "description": QCoreApplication.translate("Fields", "description"),
        "handler_id": QCoreApplication.translate("Fields", "handler"),
        "personal_data": QCoreApplication.translate("Fields", "touches personal data"),
        "complainant_name": QCoreApplication.translate("Fields", "complainant"),
        "complainant_contact": QCoreApplication.translate("Fields", "complainant's contact"),
        "is_group": QCoreApplication.translate("Fields", "group complaint"),
        "group_size": QCoreApplication.translate("Fields", "number of complainants"),
        "representatives": QCoreApplication.translate("Fields", "representatives"),
        "amount_in_dispute": QCoreApplication.translate("Fields", "amount in dispute"),
        "subject_adviser_id": QCoreApplication.translate("Fields", "adviser complained about"),
        "decision": QCoreApplication.translate("Fields", "decision"),
        "reasoning": QCoreApplication.translate("Fields", "reasoning"),
        "root_cause": QCoreApplication.translate("Fields", "root cause"),
        "root_cause_text": QCoreApplication.translate("Fields", "root cause found"),
        "corrective_action": QCoreApplication.translate("Fields", "corrective action"),
        "answer_method": QCoreApplication.translate("Fields", "told by"),
        "told_at": QCoreApplication.translate("Fields", "told at"),
        "client_response": QCoreApplication.translate("Fields", "client's response"),
        "satisfaction": QCoreApplication.translate("Fields", "satisfaction"),
        "outcome_accepted": QCoreApplication.translate("Fields", "outcome accepted"),
        "on_time": QCoreApplication.translate("Fields", "within the deadline"),
        "extension_level": QCoreApplication.translate("Fields", "extensions"),
        "round": QCoreApplication.translate("Fields", "round"),
        "name_zh": QCoreApplication.translate("Fields", "Chinese name"),
        "name_en": QCoreApplication.translate("Fields", "English name"),
        "product_type": QCoreApplication.translate("Fields", "product type"),
        "issuer": QCoreApplication.translate("Fields", "issuer"),
        "risk_level": QCoreApplication.translate("Fields", "product risk level"),
        "is_complex": QCoreApplication.translate("Fields", "complex product"),
        "horizon_months": QCoreApplication.translate("Fields", "term (months)"),
        "redemption": QCoreApplication.translate("Fields", "redemption"),
        "redemption_terms": QCoreApplication.translate("Fields", "redemption terms"),
        "min_amount": QCoreApplication.translate("Fields", "minimum amount"),
        "currency": QCoreApplication.translate("Fields", "currency"),
        "cooling_off_hours": QCoreApplication.translate("Fields", "cooling-off (hours)"),
        "risk_factors_zh": QCoreApplication.translate("Fields", "risk factors (Chinese)"),
        "risk_factors_en": QCoreApplication.translate("Fields", "risk factors (English)"),
        "sale_id": QCoreApplication.translate("Fields", "sale"),
        "amount": QCoreApplication.translate("Fields", "amount"),
        "product": QCoreApplication.translate("Fields", "product"),
        "verdict": QCoreApplication.translate("Fields", "suitability verdict"),
        "policy_version": QCoreApplication.translate("Fields", "policy version"),
        "rules": QCoreApplication.translate("Fields", "deciding rules"),
        "cooling_off_ends_at": QCoreApplication.translate("Fields", "cooling-off ends"),
        "exception_request_id": QCoreApplication.translate("Fields", "exception request"),
        "client_id": QCoreApplication.translate("Fields", "client"),
        "reasons": QCoreApplication.translate("Fields", "reasons"),
        "callable_from": QCoreApplication.translate("Fields", "may be called from"),
        "due_at": QCoreApplication.translate("Fields", "due by"),
        "attempt_no": QCoreApplication.translate("Fields", "attempt"),
        "answers": QCoreApplication.translate("Fields", "answers"),
        "script_version": QCoreApplication.translate("Fields", "script version"),
        "next_try_at": QCoreApplication.translate("Fields", "next try"),
        "cancellation_id": QCoreApplication.translate("Fields", "cancellation"),
        "task_id": QCoreApplication.translate("Fields", "follow-up call"),
        "callback_task_id": QCoreApplication.translate("Fields", "follow-up call"),
        "failed_items": QCoreApplication.translate("Fields", "answered no"),
        "resolution": QCoreApplication.translate("Fields", "resolution"),
        "cause": QCoreApplication.translate("Fields", "cause"),
        "batch": QCoreApplication.translate("Fields", "batch"),
        "holdings_checked": QCoreApplication.translate("Fields", "holdings checked"),
        "reviews_opened": QCoreApplication.translate("Fields", "reviews opened"),
        "review_ids": QCoreApplication.translate("Fields", "review numbers"),
        "reviews_superseded": QCoreApplication.translate("Fields", "older reviews replaced"),
        "note": QCoreApplication.translate("Fields", "note"),
        "reviews": QCoreApplication.translate("Fields", "reviews"),
        "name_initials": QCoreApplication.translate("Fields", "name initials"),
        "name_sort": QCoreApplication.translate("Fields", "name for sorting"),
        "interview_id": QCoreApplication.translate("Fields", "interview"),
        "corrects_id": QCoreApplication.translate("Fields", "corrects interview"),
        "follow_ups": QCoreApplication.translate("Fields", "follow-ups"),
        "product_id": QCoreApplication.translate("Fields", "product"),
        "check": QCoreApplication.translate("Fields", "key check value"),
        "exported_to": QCoreApplication.translate("Fields", "exported to"),
        "file": QCoreApplication.translate("Fields", "file"),
        "format": QCoreApplication.translate("Fields", "format"),
        "rows": QCoreApplication.translate("Fields", "rows"),
        "mode": QCoreApplication.translate("Fields", "imported"),
        "imported": QCoreApplication.translate("Fields", "clients imported"),
        "skipped": QCoreApplication.translate("Fields", "rows left out"),
        "invalid": QCoreApplication.translate("Fields", "rows with errors"),
        "duplicates": QCoreApplication.translate("Fields", "duplicates"),
        "created": QCoreApplication.translate("Fields", "products added"),
        "updated": QCoreApplication.translate("Fields", "products changed"),
        "unchanged": QCoreApplication.translate("Fields", "unchanged"),
        "rerated": QCoreApplication.translate("Fields", "re-rated"),
        "unmasked": QCoreApplication.translate("Fields", "personal data in full"),
        "search": QCoreApplication.translate("Fields", "search"),
        "vulnerable_only": QCoreApplication.translate("Fields", "vulnerable clients only"),
    }
    return labels.get(field, field)


def audit_value(field: str, value: object) -> str:
    """A recorded value as a reader expects it: 是/否, role names, reasons in words."""
    if value is None or value == "":
        return "—"
    if value is True:
        return QCoreApplication.translate("Fields", "yes")
    if value is False:
        return QCoreApplication.translate("Fields", "no")
    if value == "<redacted>":
        return QCoreApplication.translate("Fields", "(hidden)")
    if field == "role" and value in {r.value for r in Role}:
        return role_label(Role(str(value)))
    if field == "reason":
        reasons = {
            "wrong password": QCoreApplication.translate("Fields", "wrong password"),
            "unknown user name": QCoreApplication.translate("Fields", "unknown user name"),
            "locked": QCoreApplication.translate("Fields", "account locked"),
            "disabled": QCoreApplication.translate("Fields", "account disabled"),
        }
        return reasons.get(str(value), str(value))
    return str(value)
