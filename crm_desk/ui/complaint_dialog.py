"""Complaint dialogs: register one, see one with its stage history, and move it on — start the
investigation, record the decision, record the answer, extend, reassign, reopen.

Every dialog opens window-modal with ``open()`` and is returned to the caller (tests drive it).
Field problems appear under their fields; a stale version is explained and nothing is lost.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.complaints import (
    AnswerInput,
    AnswerMethod,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintInput,
    ComplaintStatus,
    DeadlineState,
    Decision,
    ResolutionInput,
    RootCause,
    StageKind,
)
from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintDetail, ComplaintRow, StageDTO
from crm_desk.services.container import Services
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import is_ctrl_enter, no_default_buttons, text_box, to_utc
from crm_desk.ui.record_dialog import RecordDialog
from crm_desk.ui.table_model import Column, Index, RowsModel
from crm_desk.ui.widgets import AMBER, OVERDUE, CheckedForm, configure_table

DEADLINE_COLORS: dict[DeadlineState, tuple[QColor, QColor]] = {
    DeadlineState.OVERDUE: OVERDUE,
    DeadlineState.DUE_SOON: AMBER,
}


def complaint_label(value: StrEnum) -> str:
    """The translated name of any complaint choice."""
    # Keyed by type and name: members of different enums may share a value ("answered").
    table: dict[tuple[type[StrEnum], str], str] = {
        (ComplaintChannel, "COUNTER"): QCoreApplication.translate("Complaints", "At the counter"),
        (ComplaintChannel, "PHONE"): QCoreApplication.translate("Complaints", "Phone"),
        (ComplaintChannel, "LETTER"): QCoreApplication.translate("Complaints", "Letter"),
        (ComplaintChannel, "ONLINE"): QCoreApplication.translate("Complaints", "Online"),
        (ComplaintChannel, "REGULATOR"): QCoreApplication.translate(
            "Complaints", "Regulator referral"
        ),
        (ComplaintCategory, "SALES_MISCONDUCT"): QCoreApplication.translate(
            "Complaints", "Sales misconduct / suitability"
        ),
        (ComplaintCategory, "PRODUCT_PERFORMANCE"): QCoreApplication.translate(
            "Complaints", "Product performance"
        ),
        (ComplaintCategory, "FEES"): QCoreApplication.translate("Complaints", "Fees and charges"),
        (ComplaintCategory, "SERVICE_ATTITUDE"): QCoreApplication.translate(
            "Complaints", "Service attitude"
        ),
        (ComplaintCategory, "WAIT_TIME"): QCoreApplication.translate("Complaints", "Waiting time"),
        (ComplaintCategory, "DATA_PRIVACY"): QCoreApplication.translate(
            "Complaints", "Personal data and privacy"
        ),
        (ComplaintCategory, "SYSTEM_FAULT"): QCoreApplication.translate(
            "Complaints", "System fault"
        ),
        (ComplaintCategory, "OTHER"): QCoreApplication.translate("Complaints", "Other"),
        (ComplaintStatus, "ACCEPTED"): QCoreApplication.translate("Complaints", "Accepted"),
        (ComplaintStatus, "INVESTIGATING"): QCoreApplication.translate(
            "Complaints", "Investigating"
        ),
        (ComplaintStatus, "RESOLVED"): QCoreApplication.translate("Complaints", "Decided"),
        (ComplaintStatus, "ANSWERED"): QCoreApplication.translate("Complaints", "Answered"),
        (StageKind, "ACCEPTED"): QCoreApplication.translate("Complaints", "Accepted"),
        (StageKind, "INVESTIGATING"): QCoreApplication.translate(
            "Complaints", "Investigation started"
        ),
        (StageKind, "EXTENDED"): QCoreApplication.translate("Complaints", "Deadline extended"),
        (StageKind, "RESOLVED"): QCoreApplication.translate("Complaints", "Decided"),
        (StageKind, "ANSWERED"): QCoreApplication.translate("Complaints", "Client answered"),
        (StageKind, "REOPENED"): QCoreApplication.translate("Complaints", "Reopened"),
        (StageKind, "REASSIGNED"): QCoreApplication.translate("Complaints", "Reassigned"),
        (Decision, "UPHELD"): QCoreApplication.translate("Complaints", "Upheld"),
        (Decision, "PARTLY_UPHELD"): QCoreApplication.translate("Complaints", "Partly upheld"),
        (Decision, "NOT_UPHELD"): QCoreApplication.translate("Complaints", "Not upheld"),
        (RootCause, "MIS_SELLING"): QCoreApplication.translate("Complaints", "Mis-selling"),
        (RootCause, "DISCLOSURE"): QCoreApplication.translate(
            "Complaints", "Disclosure or explanation"
        ),
        (RootCause, "STAFF_CONDUCT"): QCoreApplication.translate("Complaints", "Staff conduct"),
        (RootCause, "PROCESS"): QCoreApplication.translate("Complaints", "Process or procedure"),
        (RootCause, "SYSTEM"): QCoreApplication.translate("Complaints", "IT system"),
        (RootCause, "PRODUCT_DESIGN"): QCoreApplication.translate("Complaints", "Product design"),
        (RootCause, "PRICING"): QCoreApplication.translate("Complaints", "Pricing and fees"),
        (RootCause, "CLIENT_MISUNDERSTANDING"): QCoreApplication.translate(
            "Complaints", "Client misunderstanding"
        ),
        (RootCause, "EXTERNAL"): QCoreApplication.translate("Complaints", "Third party or market"),
        (RootCause, "OTHER"): QCoreApplication.translate("Complaints", "Other"),
        (AnswerMethod, "IN_PERSON"): QCoreApplication.translate("Complaints", "In person"),
        (AnswerMethod, "PHONE"): QCoreApplication.translate("Complaints", "Phone"),
        (AnswerMethod, "LETTER"): QCoreApplication.translate("Complaints", "Letter"),
        (AnswerMethod, "ONLINE"): QCoreApplication.translate("Complaints", "E-mail or online"),
        (DeadlineState, "OVERDUE"): QCoreApplication.translate("Complaints", "Overdue"),
        (DeadlineState, "DUE_SOON"): QCoreApplication.translate("Complaints", "Due soon"),
        (DeadlineState, "ON_TRACK"): QCoreApplication.translate("Complaints", "On track"),
    }
    return table.get((type(value), value.name), value.value)


def report_value_label(kind: str, value: str) -> str:
    """For the report export and charts: a stored value in the user's language."""
    enums: dict[str, type[StrEnum]] = {
        "category": ComplaintCategory,
        "channel": ComplaintChannel,
        "status": ComplaintStatus,
        "root_cause": RootCause,
    }
    if kind == "none" or (not value and kind not in enums):
        return QCoreApplication.translate("Complaints", "(none)")
    enum = enums.get(kind)
    if enum is None:
        return value
    try:
        return complaint_label(enum(value))
    except ValueError:
        return value


def deadline_text(row: ComplaintRow) -> str:
    """ "Overdue by 2 days", "Due today", "Due in 5 days" or "Answered"."""
    if row.days_left is None:
        return complaint_label(row.status)
    if row.days_left < 0:
        return QCoreApplication.translate("Complaints", "Overdue by {n} day(s)").format(
            n=-row.days_left
        )
    if row.days_left == 0:
        return QCoreApplication.translate("Complaints", "Due today")
    return QCoreApplication.translate("Complaints", "Due in {n} day(s)").format(n=row.days_left)


def deadline_brush(row: ComplaintRow, role: int) -> QBrush | None:
    colors = DEADLINE_COLORS.get(row.deadline_state) if row.deadline_state else None
    if colors is None:
        return None
    return QBrush(colors[0] if role == Qt.ItemDataRole.BackgroundRole else colors[1])


def _combo(name: str, values: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in values:
        combo.addItem(text, data)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _enum_combo(name: str, enum: type[StrEnum], *, blank: bool = False) -> QComboBox:
    values: list[tuple[str, Any]] = (
        [(QCoreApplication.translate("Complaints", "— choose —"), "")] if blank else []
    )
    values += [(complaint_label(member), member.value) for member in enum]
    return _combo(name, values)


def select_data(combo: QComboBox, data: Any) -> None:
    """Choose the entry carrying ``data`` (tests and code alike)."""
    index = combo.findData(data)
    if index < 0:
        raise ValueError(f"{data!r} is not offered by {combo.objectName()}")
    combo.setCurrentIndex(index)


# -- registering ----------------------------------------------------------------------------------


class RegisterComplaintDialog(QDialog):
    """Register (accept) a complaint: of a client (from the client page) or of anyone (from the
    complaints page). ``saved`` holds the new complaint; the dialog then accepts."""

    registered = Signal(object)  # ComplaintDetail

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int | None = None,
        parent: QWidget | None = None,
        *,
        client_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._client_id = client_id
        self.saved: ComplaintDetail | None = None
        self.setObjectName("register_complaint_dialog")
        self.setWindowTitle(self.tr("Register a complaint"))
        self.setMinimumWidth(700)
        choices = services.complaints.choices(actor, client_id)
        self._sales = {sale.id: sale for sale in choices.sales}

        heading = QLabel(
            self.tr("Client: {name}").format(name=client_name)
            if client_id is not None
            else self.tr(
                "A complainant who is not a client (or whose client record is not yours): "
                "enter their name and how to reach them."
            )
        )
        heading.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Registering accepts the complaint: its clock starts today. The decision, told "
                "to the complainant, is due in {days} days."
            ).format(days=services.policy.complaints.decision_days)
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        self.form = CheckedForm()
        self.channel = _enum_combo("channel", ComplaintChannel, blank=True)
        self.category = _enum_combo("category", ComplaintCategory, blank=True)
        self.description = text_box(
            "description", self.tr("What happened, in the complainant's words, and what they ask")
        )
        self.complainant_name = QLineEdit()
        self.complainant_name.setObjectName("complainant_name")
        self.complainant_contact = QLineEdit()
        self.complainant_contact.setObjectName("complainant_contact")
        self.complainant_contact.setPlaceholderText(self.tr("Phone, address or e-mail"))
        self.is_group = QCheckBox(self.tr("Group complaint (several complainants)"))
        self.is_group.setObjectName("is_group")
        self.group_size = QSpinBox()
        self.group_size.setObjectName("group_size")
        self.group_size.setRange(2, 100000)
        self.representatives = text_box(
            "representatives", self.tr("Names of the representatives and how to reach them")
        )
        self.sale = _combo(
            "sale_id",
            [(self.tr("— none —"), None)]
            + [
                (
                    self.tr("{product} · {amount} {currency} · {day} · {adviser}").format(
                        product=s.product_name,
                        amount=f"{s.amount:,.2f}",
                        currency=s.currency,
                        day=local_time(s.recorded_at)[:10],
                        adviser=s.adviser_name,
                    ),
                    s.id,
                )
                for s in choices.sales
            ],
        )
        self.product = _combo(
            "product_id",
            [(self.tr("— none —"), None)]
            + [(f"{p.code} {p.name}", p.id) for p in choices.products],
        )
        self.amount = QLineEdit()
        self.amount.setObjectName("amount_in_dispute")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 12,500.00; empty if none"))
        self.subject = _combo(
            "subject_adviser_id",
            [(self.tr("— nobody in particular —"), None)]
            + [(p.name, p.id) for p in choices.advisers],
        )
        self.personal_data = QCheckBox(
            self.tr("Touches personal data: only the handler, supervisors and compliance see it")
        )
        self.personal_data.setObjectName("personal_data")
        self.handler = _combo(
            "handler_id", [(p.name, p.id) for p in choices.handlers], actor.user_id
        )

        self.form.add_field("channel", self.tr("Received by"), self.channel)
        self.form.add_field("category", self.tr("Category"), self.category)
        self.form.add_field("description", self.tr("Description"), self.description)
        if client_id is None:
            self.form.add_field("complainant_name", self.tr("Complainant"), self.complainant_name)
            self.form.add_field("complainant_contact", self.tr("Contact"), self.complainant_contact)
        self.form.add_field("is_group", "", self.is_group)
        self.form.add_field("group_size", self.tr("Number of complainants"), self.group_size)
        self.form.add_field("representatives", self.tr("Representatives"), self.representatives)
        if client_id is not None:
            self.form.add_field("sale_id", self.tr("Sale concerned"), self.sale)
        self.form.add_field("product_id", self.tr("Product concerned"), self.product)
        self.form.add_field("amount_in_dispute", self.tr("Amount in dispute"), self.amount)
        self.form.add_field("subject_adviser_id", self.tr("Adviser complained about"), self.subject)
        self.form.add_field("personal_data", "", self.personal_data)
        self.form.add_field("handler_id", self.tr("Handler"), self.handler)

        for unused in (
            (self.sale,) if client_id is None else (self.complainant_name, self.complainant_contact)
        ):
            unused.setParent(self)
            unused.hide()
        self.is_group.toggled.connect(self._group_toggled)
        self.sale.currentIndexChanged.connect(self._sale_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self._group_toggled(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Accept the complaint"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        no_default_buttons(self)
        self.channel.setFocus()

    def _group_toggled(self, on: bool) -> None:
        self.group_size.setEnabled(on)
        self.representatives.setEnabled(on)

    def _sale_changed(self) -> None:
        # A sale names its product: the product choice follows it.
        sale_id = self.sale.currentData()
        if sale_id is None:
            self.product.setEnabled(True)
            return
        product_id = self._sales[sale_id].product_id
        self.product.setCurrentIndex(max(self.product.findData(product_id), 0))
        self.product.setEnabled(False)

    def _category_changed(self) -> None:
        if self.category.currentData() == ComplaintCategory.DATA_PRIVACY.value:
            self.personal_data.setChecked(True)
            self.personal_data.setEnabled(False)
        else:
            self.personal_data.setEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if is_ctrl_enter(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def form_input(self) -> ComplaintInput:
        group = self.is_group.isChecked()
        return ComplaintInput(
            channel=self.channel.currentData() or "",
            category=self.category.currentData() or "",
            description=self.description.toPlainText(),
            client_id=self._client_id,
            complainant_name=self.complainant_name.text(),
            complainant_contact=self.complainant_contact.text(),
            is_group=group,
            group_size=self.group_size.value() if group else None,
            representatives=self.representatives.toPlainText() if group else "",
            sale_id=self.sale.currentData() if self._client_id is not None else None,
            product_id=self.product.currentData(),
            amount_in_dispute=self.amount.text(),
            subject_adviser_id=self.subject.currentData(),
            personal_data=self.personal_data.isChecked(),
            handler_id=self.handler.currentData(),
        )

    def submit(self) -> None:
        saved = self.form.attempt(
            self, lambda: self._services.complaints.register(self._actor, self.form_input())
        )
        if saved is None:
            return
        self.saved = saved
        self.registered.emit(saved)
        self.accept()


# -- moving a complaint on ------------------------------------------------------------------------


class _StageDialog(RecordDialog[ComplaintDetail]):
    """What the stage dialogs share: the complaint shown, Ctrl+Enter saves, a stale version
    explained (nothing saved, the complaint shown afresh)."""

    def __init__(
        self, services: Services, actor: Actor, complaint: ComplaintDetail, parent: QWidget | None
    ) -> None:
        row = complaint.row
        summary = QCoreApplication.translate(
            "Complaints", "<b>Complaint {id}</b> · {who} · {category}<br>{deadline}"
        ).format(
            id=row.id,
            who=escape(row.complainant),
            category=escape(complaint_label(row.category)),
            deadline=escape(deadline_text(row)),
        )
        super().__init__(summary, parent, min_width=520)
        self._services = services
        self._actor = actor
        self.complaint = complaint
        self.ok_button.setToolTip(QCoreApplication.translate("Complaints", "Ctrl+Enter"))

    def _changed_meanwhile(self, who: str, when: str) -> str:
        return QCoreApplication.translate(
            "Complaints",
            "{who} changed this complaint at {when} while you had it open. Nothing was "
            "saved; the complaint now shows its current state. Check it and try again.",
        ).format(who=who, when=when)


class InvestigateDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        self.setWindowTitle(self.tr("Start the investigation"))
        self.note = text_box("note", self.tr("What will be looked at (optional)"))
        self.form.add_field("note", self.tr("Plan"), self.note)
        self.ok_button.setText(self.tr("Start investigating"))
        no_default_buttons(self)
        self.note.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.start_investigation(
            self._actor, c.id, c.version, self.note.toPlainText()
        )


class ResolveDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        self.setWindowTitle(self.tr("Record the decision"))
        self.explain(
            self.tr(
                "The clock runs on until the complainant is told the decision: record the "
                "answer as soon as they have been told."
            )
        )
        self.decision = _enum_combo("decision", Decision, blank=True)
        self.reasoning = text_box(
            "reasoning", self.tr("The facts found and the rule or contract term applied")
        )
        self.root_cause = _enum_combo("root_cause", RootCause, blank=True)
        self.root_cause_text = text_box("root_cause_text", self.tr("What caused it"))
        self.corrective_action = text_box(
            "corrective_action", self.tr("What changes so that it does not happen again")
        )
        self.form.add_field("decision", self.tr("Decision"), self.decision)
        self.form.add_field("reasoning", self.tr("Reasoning"), self.reasoning)
        self.form.add_field("root_cause", self.tr("Root cause"), self.root_cause)
        self.form.add_field("root_cause_text", self.tr("Root cause found"), self.root_cause_text)
        self.form.add_field(
            "corrective_action", self.tr("Corrective action"), self.corrective_action
        )
        self.ok_button.setText(self.tr("Record the decision"))
        no_default_buttons(self)
        self.decision.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.resolve(
            self._actor,
            c.id,
            c.version,
            ResolutionInput(
                decision=self.decision.currentData() or "",
                reasoning=self.reasoning.toPlainText(),
                root_cause=self.root_cause.currentData() or "",
                root_cause_text=self.root_cause_text.toPlainText(),
                corrective_action=self.corrective_action.toPlainText(),
            ),
        )


class AnswerDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        self.setWindowTitle(self.tr("Record the answer to the complainant"))
        self.explain(
            self.tr("This closes the complaint (it can be reopened). Due: {due}.").format(
                due=complaint.row.due_date.isoformat()
            )
        )
        self.method = _enum_combo("method", AnswerMethod, blank=True)
        self.told_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.told_at.setObjectName("told_at")
        self.told_at.setCalendarPopup(True)
        self.told_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.client_response = text_box(
            "client_response", self.tr("What the complainant said to the answer")
        )
        self.satisfaction = _combo(
            "satisfaction",
            [(self.tr("— ask the complainant —"), None)]
            + [
                (self.tr("1 — very dissatisfied"), 1),
                (self.tr("2 — dissatisfied"), 2),
                (self.tr("3 — neutral"), 3),
                (self.tr("4 — satisfied"), 4),
                (self.tr("5 — very satisfied"), 5),
            ],
        )
        self.outcome_accepted = _combo(
            "outcome_accepted",
            [
                (self.tr("— choose —"), None),
                (self.tr("Yes, accepted the outcome"), True),
                (self.tr("No, does not accept it"), False),
            ],
        )
        self.form.add_field("method", self.tr("Told by"), self.method)
        self.form.add_field("told_at", self.tr("Told at"), self.told_at)
        self.form.add_field("client_response", self.tr("Response"), self.client_response)
        self.form.add_field("satisfaction", self.tr("Satisfaction"), self.satisfaction)
        self.form.add_field("outcome_accepted", self.tr("Outcome accepted"), self.outcome_accepted)
        self.ok_button.setText(self.tr("Close the complaint"))
        no_default_buttons(self)
        self.method.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.answer(
            self._actor,
            c.id,
            c.version,
            AnswerInput(
                method=self.method.currentData() or "",
                told_at=to_utc(self.told_at.dateTime()),
                client_response=self.client_response.toPlainText(),
                satisfaction=self.satisfaction.currentData(),
                outcome_accepted=self.outcome_accepted.currentData(),
            ),
        )


class ExtendDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        policy = services.policy.complaints
        level = complaint.row.extension_level + 1
        start = complaint.row.due_date - timedelta(
            days=policy.limit_days(complaint.row.extension_level)
        )
        new_due = start + timedelta(days=policy.limit_days(level))
        if complaint.extension_needs_supervisor:
            self.setWindowTitle(self.tr("Approve a further extension"))
            self.explain(
                self.tr(
                    "As supervisor you approve a further extension to {days} days in all: the "
                    "decision will be due on {due} instead of {old}."
                ).format(days=policy.limit_days(level), due=new_due, old=complaint.row.due_date)
            )
        else:
            self.setWindowTitle(self.tr("Extend the deadline (complex case)"))
            self.explain(
                self.tr(
                    "A complex case may take {days} days in all: the decision will be due on "
                    "{due} instead of {old}. Tell the complainant about the extension."
                ).format(days=policy.limit_days(level), due=new_due, old=complaint.row.due_date)
            )
        self.reason = text_box("reason", self.tr("Why the case needs more time"))
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Extend"))
        no_default_buttons(self)
        self.reason.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.extend(
            self._actor, c.id, c.version, self.reason.toPlainText()
        )


class ReassignDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        self.setWindowTitle(self.tr("Reassign the complaint"))
        excluded = {complaint.row.handler_id, complaint.subject_adviser_id, complaint.seller_id}
        handlers = services.complaints.choices(actor, complaint.row.client_id).handlers
        self.handler = _combo(
            "handler_id", [(p.name, p.id) for p in handlers if p.id not in excluded]
        )
        self.explain(
            self.tr(
                "Neither the adviser complained about nor the one who sold the product may "
                "handle it; they are not offered."
            )
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.form.add_field("handler_id", self.tr("New handler"), self.handler)
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Reassign"))
        no_default_buttons(self)
        self.handler.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.reassign(
            self._actor, c.id, c.version, self.handler.currentData() or 0, self.reason.text()
        )


class ReopenDialog(_StageDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint: ComplaintDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, complaint, parent)
        self.setWindowTitle(self.tr("Reopen the complaint"))
        self.explain(
            self.tr(
                "A new round starts today with its own deadline ({days} days); the earlier "
                "rounds stay on file as they are."
            ).format(days=services.policy.complaints.decision_days)
        )
        self.reason = text_box("reason", self.tr("Why it is reopened: new facts, a dispute…"))
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Reopen"))
        no_default_buttons(self)
        self.reason.setFocus()

    def _call(self) -> ComplaintDetail:
        c = self.complaint
        return self._services.complaints.reopen(
            self._actor, c.id, c.version, self.reason.toPlainText()
        )


# -- one complaint -------------------------------------------------------------------------------


def _stage_detail(s: StageDTO) -> str:
    parts: list[str] = []
    if s.stage is StageKind.RESOLVED:
        parts.append(
            QCoreApplication.translate("Complaints", "{decision}: {reasoning}").format(
                decision=complaint_label(s.decision) if s.decision else "?",
                reasoning=s.reasoning or "",
            )
        )
        parts.append(
            QCoreApplication.translate("Complaints", "Root cause: {cause} — {text}").format(
                cause=complaint_label(s.root_cause) if s.root_cause else "?",
                text=s.root_cause_text or "",
            )
        )
        parts.append(
            QCoreApplication.translate("Complaints", "Corrective action: {action}").format(
                action=s.corrective_action or ""
            )
        )
    elif s.stage is StageKind.ANSWERED:
        parts.append(
            QCoreApplication.translate(
                "Complaints",
                "Told by {method} at {when}; satisfaction {score}/5; {accepted}; {timely}",
            ).format(
                method=complaint_label(s.answer_method) if s.answer_method else "?",
                when=local_time(s.told_at),
                score=s.satisfaction,
                accepted=QCoreApplication.translate("Complaints", "outcome accepted")
                if s.outcome_accepted
                else QCoreApplication.translate("Complaints", "outcome not accepted"),
                timely=QCoreApplication.translate("Complaints", "within the deadline")
                if s.on_time
                else QCoreApplication.translate("Complaints", "after the deadline"),
            )
        )
        parts.append(
            QCoreApplication.translate("Complaints", "Response: {text}").format(
                text=s.client_response or ""
            )
        )
    elif s.stage is StageKind.EXTENDED:
        parts.append(
            QCoreApplication.translate("Complaints", "Now due {due}. {reason}").format(
                due=s.due_date, reason=s.note
            )
        )
    elif s.stage is StageKind.REASSIGNED:
        parts.append(
            QCoreApplication.translate("Complaints", "To {handler}. {reason}").format(
                handler=s.handler_name, reason=s.note
            )
        )
    elif s.stage is StageKind.REOPENED:
        parts.append(
            QCoreApplication.translate("Complaints", "Round {n}, due {due}. {reason}").format(
                n=s.round, due=s.due_date, reason=s.note
            )
        )
    elif s.stage is StageKind.ACCEPTED:
        parts.append(
            QCoreApplication.translate("Complaints", "Due {due}; handler {handler}").format(
                due=s.due_date, handler=s.handler_name
            )
        )
    elif s.note:
        parts.append(s.note)
    return "\n".join(p for p in parts if p)


class StagesModel(RowsModel[StageDTO]):
    columns = (
        Column[StageDTO](
            lambda: QCoreApplication.translate("Complaints", "When"),
            lambda s: local_time(s.occurred_at),
            lambda s: (s.occurred_at, s.id),
        ),
        Column[StageDTO](
            lambda: QCoreApplication.translate("Complaints", "Round"),
            lambda s: str(s.round),
            lambda s: s.round,
        ),
        Column[StageDTO](
            lambda: QCoreApplication.translate("Complaints", "Stage"),
            lambda s: complaint_label(s.stage),
            lambda s: s.stage.value,
        ),
        Column[StageDTO](
            lambda: QCoreApplication.translate("Complaints", "By"),
            lambda s: s.actor_name,
            lambda s: s.actor_name,
        ),
        Column[StageDTO](
            lambda: QCoreApplication.translate("Complaints", "Details"),
            _stage_detail,
            _stage_detail,
            tooltip=_stage_detail,
        ),
    )


class ComplaintDialog(QDialog):
    """One complaint: what it is about, its deadline, its history, and what the reader may do
    now. ``changed`` carries the complaint after each change."""

    changed = Signal(object)  # ComplaintDetail

    def __init__(
        self,
        services: Services,
        actor: Actor,
        complaint_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.setObjectName("complaint_dialog")
        self.setMinimumSize(760, 560)
        self.detail: ComplaintDetail = services.complaints.get(actor, complaint_id)
        self.step: _StageDialog | None = None  # the last stage dialog opened
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("deadline_badge")
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stages = StagesModel(self)
        self.table = configure_table(QTableView(), "complaint_stages")
        self.table.setModel(self.stages)
        self.table.setWordWrap(True)

        self.investigate_button = QPushButton(self.tr("Start investigation…"))
        self.resolve_button = QPushButton(self.tr("Record decision…"))
        self.answer_button = QPushButton(self.tr("Record answer…"))
        self.extend_button = QPushButton(self.tr("Extend deadline…"))
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        close = self.close_button = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button, dialog in (
            (self.investigate_button, InvestigateDialog),
            (self.resolve_button, ResolveDialog),
            (self.answer_button, AnswerDialog),
            (self.extend_button, ExtendDialog),
            (self.reassign_button, ReassignDialog),
            (self.reopen_button, ReopenDialog),
        ):
            button.clicked.connect(lambda _=False, d=dialog: self.open_step(d))
        buttons = QHBoxLayout()
        for button in (
            self.investigate_button,
            self.resolve_button,
            self.answer_button,
            self.extend_button,
            self.reassign_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        history = QLabel(self.tr("<b>History</b>"))
        history.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(history)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_detail(self.detail)
        # The history is read, not worked in: the window opens on Close (Enter or Escape leave),
        # not with a focus frame on the history's first cell; Tab still reaches the table.
        close.setFocus()

    def show_detail(self, d: ComplaintDetail) -> None:
        self.detail = d
        row = d.row
        self.setWindowTitle(self.tr("Complaint {id}").format(id=row.id))
        self.header.setText(
            self.tr("<h3>Complaint {id} · {who}</h3>{category} · {channel} · {status}").format(
                id=row.id,
                who=escape(row.complainant),
                category=escape(complaint_label(row.category)),
                channel=escape(complaint_label(row.channel)),
                status=escape(complaint_label(row.status)),
            )
        )
        self.badge.setText(deadline_text(row))
        colors = DEADLINE_COLORS.get(row.deadline_state) if row.deadline_state else None
        self.badge.setStyleSheet(
            f"background: {colors[0].name()}; color: {colors[1].name()}; padding: 4px 8px;"
            if colors
            else "padding: 4px 8px;"
        )
        facts = [
            self.tr("Accepted {when} by {who}; due {due} (round {round}).").format(
                when=local_time(row.accepted_at),
                who=escape(d.registered_by),
                due=row.due_date.isoformat(),
                round=row.round,
            ),
            self.tr("Handler: {name}").format(name=escape(row.handler_name)),
        ]
        if d.complainant_contact:
            facts.append(self.tr("Contact: {text}").format(text=escape(d.complainant_contact)))
        if d.group_size:
            facts.append(
                self.tr("Group of {n}; representatives: {text}").format(
                    n=d.group_size, text=escape(d.representatives)
                )
            )
        if d.sale_summary:
            facts.append(self.tr("Sale: {text}").format(text=escape(d.sale_summary)))
        elif row.product_name:
            facts.append(self.tr("Product: {text}").format(text=escape(row.product_name)))
        if d.seller_name:
            facts.append(self.tr("Sold by: {name}").format(name=escape(d.seller_name)))
        if d.subject_adviser_name:
            facts.append(
                self.tr("Adviser complained about: {name}").format(
                    name=escape(d.subject_adviser_name)
                )
            )
        if d.amount_in_dispute is not None:
            facts.append(
                self.tr("Amount in dispute: ¥{amount}").format(amount=f"{d.amount_in_dispute:,.2f}")
            )
        if row.personal_data:
            facts.append(self.tr("<i>Touches personal data: restricted visibility.</i>"))
        facts.append("<br>" + escape(d.description).replace("\n", "<br>"))
        self.facts.setText("<br>".join(facts))
        self.stages.set_rows(d.stages)
        self.table.resizeRowsToContents()
        status = d.status
        self.investigate_button.setVisible(d.may_handle and status is ComplaintStatus.ACCEPTED)
        self.resolve_button.setVisible(d.may_handle and status is ComplaintStatus.INVESTIGATING)
        self.answer_button.setVisible(d.may_handle and status is ComplaintStatus.RESOLVED)
        self.extend_button.setVisible(d.may_extend)
        self.extend_button.setText(
            self.tr("Approve further extension…")
            if d.extension_needs_supervisor
            else self.tr("Extend deadline…")
        )
        self.reassign_button.setVisible(d.may_reassign)
        self.reopen_button.setVisible(d.may_reopen)

    def open_step(self, kind: type[_StageDialog]) -> _StageDialog:
        """Open one of the stage dialogs (window-modal) for this complaint; returned for tests."""
        if self.step is not None:
            self.step.deleteLater()
        step = kind(self._services, self._actor, self.detail, self)
        self.step = step
        step.finished.connect(lambda _result: self._step_finished(step))
        step.open()
        return step

    def _step_finished(self, step: _StageDialog) -> None:
        if step.saved is not None:
            self.show_detail(step.saved)
            self.changed.emit(step.saved)
        elif step.stale:
            try:
                self.show_detail(self._services.complaints.get(self._actor, self.detail.id))
            except KnownError as exc:
                show_error(self, exc)

    def refresh(self) -> None:
        self.show_detail(self._services.complaints.get(self._actor, self.detail.id))


class ComplaintsModel(RowsModel[ComplaintRow]):
    """Complaints, overdue ones red and due-soon ones amber in every column."""

    columns = (
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "No."),
            lambda r: str(r.id),
            lambda r: r.id,
            align_right=True,
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Deadline"),
            deadline_text,
            lambda r: (
                r.deadline_state.rank if r.deadline_state is not None else 9,
                r.due_date,
                r.id,
            ),
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Due"),
            lambda r: r.due_date.isoformat(),
            lambda r: (r.due_date, r.id),
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Stage"),
            lambda r: complaint_label(r.status),
            lambda r: r.status.value,
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Complainant"),
            lambda r: (
                r.complainant
                + (" " + QCoreApplication.translate("Complaints", "(group)") if r.is_group else "")
            ),
            lambda r: r.complainant,
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Category"),
            lambda r: complaint_label(r.category),
            lambda r: complaint_label(r.category),
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Handler"),
            lambda r: r.handler_name,
            lambda r: r.handler_name,
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Accepted"),
            lambda r: local_time(r.accepted_at),
            lambda r: r.accepted_at,
        ),
        Column[ComplaintRow](
            lambda: QCoreApplication.translate("Complaints", "Summary"),
            lambda r: r.summary,
            lambda r: r.summary,
            tooltip=lambda r: r.summary,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not (0 <= index.row() < self.rowCount()):
                return None
            return deadline_brush(self.row_at(index.row()), role)
        return super().data(index, role)
