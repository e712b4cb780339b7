"""One client: the profile (personal data masked, revealed on request and audited), care flags,
professional-investor status, and one timeline of everything about the client."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.clients import InvestorType, Vulnerability
from crm_desk.domain.errors import KnownError, ValidationError
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientDetail, TimelineEntry
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.client_form import ClientFormDialog
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import action_label, field_label, local_time
from crm_desk.ui.labels import label
from crm_desk.ui.pages.callbacks import callback_timeline_detail
from crm_desk.ui.pages.client_assessments import ClientAssessmentsTab
from crm_desk.ui.pages.client_sales import (
    SALE_KINDS,
    ClientProductsTab,
    ClientSalesTab,
    timeline_detail,
    timeline_kind,
)
from crm_desk.ui.pages.complaints import ClientComplaintsTab
from crm_desk.ui.pages.documents import ClientDocumentsTab, kind_label
from crm_desk.ui.pages.reviews import review_timeline_detail
from crm_desk.ui.table_model import Column, RowsModel
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import CheckedForm, configure_table


def _kind(entry: TimelineEntry) -> str:
    kinds = {
        "profile": QCoreApplication.translate("Timeline", "Profile"),
        "interview": QCoreApplication.translate("Timeline", "Interview"),
        "follow_up": QCoreApplication.translate("Timeline", "Follow-up"),
        "assessment": QCoreApplication.translate("Timeline", "Risk assessment"),
        "complaint": QCoreApplication.translate("Timeline", "Complaint"),
        "document": QCoreApplication.translate("Timeline", "Document"),
        "callback": QCoreApplication.translate("Timeline", "Follow-up call"),
        "suitability_review": QCoreApplication.translate("Timeline", "Suitability review"),
    }
    return kinds.get(entry.kind) or timeline_kind(entry.kind) or entry.kind


def _title(entry: TimelineEntry) -> str:
    if entry.kind == "document":
        return kind_label(entry.title)
    return action_label(entry.title) if entry.kind == "profile" else entry.title


def _detail(entry: TimelineEntry) -> str:
    """A profile change lists its fields: shown by their names in the user's language."""
    if entry.kind in SALE_KINDS:
        return timeline_detail(entry)
    if entry.kind == "callback":
        return callback_timeline_detail(entry.detail)
    if entry.kind == "suitability_review":
        return review_timeline_detail(entry.detail)
    if entry.kind != "profile":
        return entry.detail
    return "、".join(field_label(f.strip()) for f in entry.detail.split(",") if f.strip())


class TimelineModel(RowsModel[TimelineEntry]):
    columns = (
        Column[TimelineEntry](
            lambda: QCoreApplication.translate("Timeline", "When"),
            lambda e: local_time(e.when),
            lambda e: e.when,
        ),
        Column[TimelineEntry](
            lambda: QCoreApplication.translate("Timeline", "What"), _kind, lambda e: e.kind
        ),
        Column[TimelineEntry](
            lambda: QCoreApplication.translate("Timeline", "Summary"), _title, _title
        ),
        Column[TimelineEntry](
            lambda: QCoreApplication.translate("Timeline", "By"), lambda e: e.by, lambda e: e.by
        ),
        Column[TimelineEntry](
            lambda: QCoreApplication.translate("Timeline", "Details"),
            _detail,
            _detail,
            tooltip=_detail,
        ),
    )


class ReasonDialog(QDialog):
    """A choice (optional) and a written reason, with the problems shown at the fields."""

    def __init__(
        self,
        title: str,
        prompt: str,
        choices: list[tuple[str, str]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = CheckedForm()
        self.choice = QComboBox()
        for text, value in choices or []:
            self.choice.addItem(text, value)
        if choices:
            self.form.add_field("kind", self.tr("Kind"), self.choice)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.form.add_field("reason", prompt, self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.resize(460, 220)


class ProfessionalDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply for professional investor status"))
        self.form = CheckedForm()
        self.assets = QLineEdit()
        self.income = QLineEdit()
        self.years = QLineEdit()
        self.evidence = QPlainTextEdit()
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(
            self.tr(
                "Documents seen: bank and securities statements, income certificate, "
                "trading records"
            )
        )
        self.form.add_field("financial_assets", self.tr("Financial assets (yuan)"), self.assets)
        self.form.add_field(
            "average_income", self.tr("Average annual income, last 3 years"), self.income
        )
        self.form.add_field("experience_years", self.tr("Years of investing"), self.years)
        self.form.add_field("evidence", self.tr("Evidence"), self.evidence)
        note = QLabel(
            self.tr(
                "The client's written application must be on file. A supervisor "
                "decides; until then the client stays an ordinary investor."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.resize(520, 360)


class ClientPage(QWidget):
    changed = Signal(object)  # ClientDetail after any change
    open_client = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self.client_id = client_id
        self.detail: ClientDetail = services.clients.get_client(actor, client_id)
        can_edit = allowed(actor.role, Permission.CLIENTS_EDIT)

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.badges = QLabel()
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(self.tr("Edit profile…"))
        self.edit_button.clicked.connect(self.edit)
        self.interview_button = QPushButton(self.tr("Record interview…"))
        self.interview_button.clicked.connect(self.record_interview)
        self.interview_button.setVisible(allowed(actor.role, Permission.INTERVIEWS_RECORD))
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.reassign_button.clicked.connect(self.reassign)
        self.reassign_button.setVisible(allowed(actor.role, Permission.CLIENTS_REASSIGN))
        for button in (self.edit_button,):
            button.setVisible(can_edit)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.header)
        titles.addWidget(self.badges)
        top.addLayout(titles, 1)
        for button in (self.interview_button, self.edit_button, self.reassign_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        # Profile tab
        self.profile = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        profile_box = QWidget()
        profile_box.setLayout(self.profile)
        self._profile_rows()
        self.care_box = QGroupBox(self.tr("Extra care"))
        care = QVBoxLayout(self.care_box)
        self.care_list = QLabel()
        self.care_list.setWordWrap(True)
        self.flag_button = QPushButton(self.tr("Flag a vulnerability…"))
        self.flag_button.clicked.connect(self.flag)
        self.clear_button = QPushButton(self.tr("Clear a flag…"))
        self.clear_button.clicked.connect(self.clear_flag)
        care_buttons = QHBoxLayout()
        care_buttons.addWidget(self.flag_button)
        care_buttons.addWidget(self.clear_button)
        care_buttons.addStretch()
        for button in (self.flag_button, self.clear_button):
            button.setVisible(can_edit)
        care.addWidget(self.care_list)
        care.addLayout(care_buttons)
        self.investor_box = QGroupBox(self.tr("Investor classification"))
        investor = QVBoxLayout(self.investor_box)
        self.investor_text = QLabel()
        self.investor_text.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Record an application to become professional…"))
        self.apply_button.clicked.connect(self.apply_professional)
        self.apply_button.setVisible(can_edit)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        decide = QHBoxLayout()
        decide.addWidget(self.apply_button)
        decide.addWidget(self.approve_button)
        decide.addWidget(self.reject_button)
        decide.addStretch()
        investor.addWidget(self.investor_text)
        investor.addLayout(decide)
        profile_tab = QWidget()
        profile_layout = QHBoxLayout(profile_tab)
        profile_layout.addWidget(profile_box, 3)
        side = QVBoxLayout()
        side.addWidget(self.care_box)
        side.addWidget(self.investor_box)
        side.addStretch()
        profile_layout.addLayout(side, 2)

        # Timeline tab
        self.timeline = TimelineModel(self)
        self.timeline_table = configure_table(QTableView(), "client_timeline")
        self.timeline_table.setModel(self.timeline)
        self.timeline_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        self.timeline_empty = QLabel(self.tr("Nothing recorded yet."))
        self.timeline_empty.setStyleSheet("color: palette(mid);")
        timeline_tab = QWidget()
        timeline_layout = QVBoxLayout(timeline_tab)
        timeline_layout.addWidget(self.timeline_table)
        timeline_layout.addWidget(self.timeline_empty)

        self.tabs = QTabWidget()
        self.tabs.addTab(profile_tab, self.tr("Profile"))
        self.tabs.addTab(timeline_tab, self.tr("Timeline"))
        self.assessments_tab = ClientAssessmentsTab(services, actor, client_id)
        self.assessments_tab.changed.connect(self._assessment_changed)
        self.tabs.insertTab(1, self.assessments_tab, self.tr("Risk assessment"))
        self.products_tab = ClientProductsTab(services, actor, client_id, self.detail.name)
        self.sales_tab = ClientSalesTab(services, actor, client_id, self.detail.name)
        self.products_tab.sold.connect(self._sales_changed)
        self.sales_tab.changed.connect(self._sales_changed)
        self.tabs.insertTab(2, self.products_tab, self.tr("Products"))
        self.tabs.insertTab(3, self.sales_tab, self.tr("Sales"))
        self.complaints_tab: ClientComplaintsTab | None = None
        if allowed(actor.role, Permission.COMPLAINTS_VIEW):
            self.complaints_tab = ClientComplaintsTab(services, actor, client_id, self.detail.name)
            self.tabs.addTab(self.complaints_tab, self.tr("Complaints"))
        self.documents_tab: ClientDocumentsTab | None = None
        if allowed(actor.role, Permission.DOCUMENTS_VIEW):
            self.documents_tab = ClientDocumentsTab(services, actor, client_id)
            self.sales_tab.changed.connect(self.documents_tab.refresh)
            self.products_tab.sold.connect(self.documents_tab.refresh)
            self.tabs.addTab(self.documents_tab, self.tr("Documents"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.show_detail(self.detail)

    def title(self) -> str:
        return self.detail.name

    # -- showing -------------------------------------------------------------------------------
    def _profile_rows(self) -> None:
        rows = [
            ("id_number", self.tr("Identity document")),
            ("birth", self.tr("Birth date")),
            ("phone", self.tr("Mobile phone")),
            ("email", self.tr("E-mail")),
            ("address", self.tr("Address")),
            ("occupation", self.tr("Occupation")),
            ("income", self.tr("Annual income")),
            ("assets", self.tr("Financial assets")),
            ("experience", self.tr("Investment experience")),
            ("objectives", self.tr("Objectives")),
            ("horizon", self.tr("Investment horizon")),
            ("liquidity", self.tr("Liquidity needs")),
            ("language", self.tr("Preferred language")),
            ("adviser", self.tr("Adviser")),
            ("updated", self.tr("Last changed")),
        ]
        may_reveal = allowed(self._actor.role, Permission.PERSONAL_DATA_REVEAL)
        for key, text in rows:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            if key in ("id_number", "phone", "email", "address") and may_reveal:
                line = QHBoxLayout()
                line.addWidget(value, 1)
                button = QPushButton(self.tr("Show"))
                button.setToolTip(self.tr("Show the full value (recorded in the audit trail)"))
                button.clicked.connect(lambda _=False, f=key: self.reveal(f))
                self.reveal_buttons[key] = button
                line.addWidget(button)
                holder = QWidget()
                holder.setLayout(line)
                line.setContentsMargins(0, 0, 0, 0)
                self.profile.addRow(text, holder)
            else:
                self.profile.addRow(text, value)

    def show_detail(self, d: ClientDetail) -> None:
        self.detail = d
        self.header.setText(f"<h2>{d.name}</h2>")
        badges = [label(d.investor_type), self._risk_badge(d)]
        if d.elderly:
            badges.append(self.tr("<span style='color:#b3261e'>65 or over</span>"))
        if d.vulnerabilities:
            badges.append(self.tr("<span style='color:#b3261e'>vulnerability on file</span>"))
        self.badges.setText(" · ".join(badges))
        v = self.values
        v["id_number"].setText(f"{label(d.id_type)}  {d.id_number_masked}")
        gender = f" · {label(d.gender)}" if d.gender else ""
        v["birth"].setText(
            self.tr("{date} (age {age}){gender}").format(
                date=d.birth_date.isoformat(), age=d.age, gender=gender
            )
        )
        v["phone"].setText(d.phone_masked)
        v["email"].setText(d.email_masked or "—")
        v["address"].setText(d.address_masked or "—")
        for key, button in self.reveal_buttons.items():
            button.setEnabled(
                key in ("id_number", "phone")
                or (key == "email" and bool(d.email_masked))
                or (key == "address" and bool(d.address_masked))
            )
        v["occupation"].setText(d.occupation or "—")
        v["income"].setText(label(d.income_band))
        v["assets"].setText(f"¥{d.financial_assets:,.2f}")
        kinds = "、".join(label(k) for k in d.experience_types) or self.tr("none")
        v["experience"].setText(
            self.tr("{years} years; {kinds}").format(years=d.experience_years, kinds=kinds)
        )
        v["objectives"].setText("、".join(label(o) for o in d.objectives))
        v["horizon"].setText(label(d.horizon))
        v["liquidity"].setText(label(d.liquidity))
        v["language"].setText(label(d.preferred_language))
        v["adviser"].setText(d.adviser_name)
        v["updated"].setText(
            self.tr("{when} by {who}").format(
                when=local_time(d.updated_at), who=d.updated_by or "—"
            )
        )

        flags = [
            f"• {label(f.kind)}: {f.reason} ({f.set_by}, {local_time(f.set_at)})"
            for f in d.vulnerabilities
        ]
        if d.elderly:
            flags.insert(
                0,
                self.tr(
                    "• 65 or over: high-risk sales get a supervisor's review and a follow-up call"
                ),
            )
        self.care_list.setText("\n".join(flags) or self.tr("No flags."))
        self.clear_button.setEnabled(bool(d.vulnerabilities))

        pending = [a for a in d.applications if a.status == "pending"]
        lines = [label(d.investor_type)]
        if d.investor_type is InvestorType.PROFESSIONAL and d.professional_evidence:
            lines.append(self.tr("Evidence: {0}").format(d.professional_evidence))
        for app in d.applications[:3]:
            lines.append(
                self.tr("Application of {when} by {who}: {status}").format(
                    when=local_time(app.requested_at),
                    who=app.requested_by,
                    status=self._status(app.status),
                )
            )
        self.investor_text.setText("\n".join(lines))
        self.apply_button.setEnabled(d.investor_type is InvestorType.ORDINARY and not pending)
        may_decide = (
            allowed(self._actor.role, Permission.PROFESSIONAL_DECIDE)
            and bool(pending)
            and pending[0].requested_by_id != self._actor.user_id
        )
        self.approve_button.setVisible(may_decide)
        self.reject_button.setVisible(may_decide)
        self._load_timeline()

    def _sales_changed(self) -> None:
        """A sale, a request or a refused attempt: the lists and the timeline follow."""
        self.sales_tab.refresh()
        self._load_timeline()

    def _assessment_changed(self) -> None:
        try:
            detail = self._services.clients.get_client(self._actor, self.client_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.show_detail(detail)
        self.products_tab.invalidate()  # a new level: every verdict may change
        self.changed.emit(detail)

    def _risk_badge(self, d: ClientDetail) -> str:
        if d.risk_level is None or d.assessment_valid_until is None:
            return self.tr(
                "<span style='color:#b3261e'>not assessed: no sales until the "
                "client is assessed</span>"
            )
        until = d.assessment_valid_until.isoformat()
        if d.assessment_state == "expired":
            return self.tr(
                "<span style='color:#b3261e'>{level}, assessment was valid until {date}: "
                "re-assess before any sale</span>"
            ).format(level=d.risk_level, date=until)
        if d.assessment_state == "expiring":
            return self.tr(
                "<span style='color:#9a6700'>{level}, assessment expires on {date}</span>"
            ).format(level=d.risk_level, date=until)
        return self.tr("{level}, assessed until {date}").format(level=d.risk_level, date=until)

    def _status(self, status: str) -> str:
        return {
            "pending": self.tr("waiting for a supervisor"),
            "approved": self.tr("approved"),
            "rejected": self.tr("rejected"),
        }.get(status, status)

    def _load_timeline(self) -> None:
        try:
            self.timeline.set_rows(self._services.clients.timeline(self._actor, self.client_id))
        except KnownError as exc:
            show_error(self, exc)
        self.timeline_empty.setVisible(self.timeline.rowCount() == 0)

    def _apply(self, call: Callable[[], ClientDetail]) -> bool:
        try:
            detail = call()
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.show_detail(detail)
        self.changed.emit(detail)
        return True

    # -- actions -------------------------------------------------------------------------------
    def reveal(self, field: str) -> None:
        try:
            value = self._services.clients.reveal(self._actor, self.client_id, field)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.values[field].setText(value)
        self.reveal_buttons[field].setEnabled(False)

    def edit(self) -> ClientFormDialog:
        dialog = ClientFormDialog(self._services, self._actor, self.detail, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda d: (self.show_detail(d), self.changed.emit(d)))
        dialog.open_client.connect(self.open_client)
        dialog.open()
        return dialog

    def record_interview(self) -> None:
        from crm_desk.ui.interview_dialog import InterviewDialog

        dialog = InterviewDialog(
            self._services, self._actor, self.client_id, parent=self, client_name=self.detail.name
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._load_timeline)
        dialog.open()

    def reassign(self) -> None:
        advisers = [
            a
            for a in self._services.clients.advisers(self._actor)
            if a[0] != self.detail.adviser_id
        ]
        if not advisers:
            QMessageBox.information(
                self, self.tr("Reassign"), self.tr("There is no other adviser in your branch.")
            )
            return
        names = [name for _, name in advisers]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Reassign"),
            self.tr("New adviser for {name}").format(name=self.detail.name),
            names,
            0,
            False,
        )
        if ok:
            adviser_id = advisers[names.index(choice)][0]
            self._apply(
                lambda: self._services.clients.reassign(self._actor, self.client_id, adviser_id)
            )

    def flag(self) -> None:
        choices = [(label(v), v.value) for v in Vulnerability]
        dialog = ReasonDialog(self.tr("Flag a vulnerability"), self.tr("Why"), choices, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            result = dialog.form.attempt(
                self,
                lambda: self._services.clients.set_vulnerability(
                    self._actor,
                    self.client_id,
                    str(dialog.choice.currentData()),
                    dialog.reason.toPlainText(),
                ),
            )
            if result is not None:
                self.show_detail(result)
                self.changed.emit(result)
                return

    def clear_flag(self) -> None:
        choices = [(f"{label(f.kind)}: {f.reason}", str(f.id)) for f in self.detail.vulnerabilities]
        dialog = ReasonDialog(
            self.tr("Clear a flag"), self.tr("Why it no longer applies"), choices, self
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            result = dialog.form.attempt(
                self,
                lambda: self._services.clients.clear_vulnerability(
                    self._actor, int(dialog.choice.currentData()), dialog.reason.toPlainText()
                ),
            )
            if result is not None:
                self.show_detail(result)
                self.changed.emit(result)
                return

    def apply_professional(self) -> None:
        dialog = ProfessionalDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            result = dialog.form.attempt(
                self,
                lambda: self._services.clients.apply_professional(
                    self._actor,
                    self.client_id,
                    financial_assets=dialog.assets.text(),
                    average_income=dialog.income.text(),
                    experience_years=dialog.years.text(),
                    evidence=dialog.evidence.toPlainText(),
                ),
            )
            if result is not None:
                self.show_detail(result)
                self.changed.emit(result)
                return

    def decide(self, approve: bool) -> None:
        pending = [a for a in self.detail.applications if a.status == "pending"]
        if not pending:
            return
        app = pending[0]
        prompt = self.tr("Reason for approving") if approve else self.tr("Reason for rejecting")
        dialog = ReasonDialog(self.tr("Professional investor application"), prompt, None, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                result = self._services.clients.decide_professional(
                    self._actor, app.id, approve, dialog.reason.toPlainText()
                )
            except ValidationError as exc:
                dialog.form.show_problems({"reason": next(iter(exc.problems.values()))})
                continue
            except KnownError as exc:
                show_error(self, exc)
                return
            self.show_detail(result)
            self.changed.emit(result)
            return
