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
    }
    return labels.get(action, action)


def entity_label(entity_type: str) -> str:
    labels = {
        "user": QCoreApplication.translate("Entities", "User"),
        "branch": QCoreApplication.translate("Entities", "Branch"),
        "database": QCoreApplication.translate("Entities", "Database"),
    }
    return labels.get(entity_type, entity_type)
