"""One screen for an exception request: the verdict at submission and today's (what an approval
would store), the client's profile, the warning, the client's insistence and the adviser's
justification; approve or reject with a mandatory comment. Never one's own request or client
(four eyes); compliance and advisers see the same screen read-only."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, ValidationError
from crm_desk.domain.roles import Role
from crm_desk.domain.sales import ExceptionStatus
from crm_desk.domain.suitability import ClientSnapshot, Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import DecisionResult, ExceptionDetail
from crm_desk.ui.errors import error_text
from crm_desk.ui.formatting import local_time
from crm_desk.ui.labels import label
from crm_desk.ui.pages.client_sales import outcome_text, waiting_text
from crm_desk.ui.verdicts import (
    RED,
    STATUS_COLOURS,
    RulesView,
    badge,
    deciding_reasons,
    money,
    product_name,
    status_label,
)
from crm_desk.ui.widgets import ERROR_STYLE, CheckedForm


def _value(text: str) -> QLabel:
    value = QLabel(text)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class ExceptionDialog(QDialog):
    decided = Signal(object)  # DecisionResult

    def __init__(
        self, services: Services, actor: Actor, request_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.request_id = request_id
        self.setObjectName("exception_dialog")
        self.detail: ExceptionDetail = services.sales.exception_detail(actor, request_id)
        r = self.detail.request
        self.setWindowTitle(
            self.tr("Exception request: {client}, {product}").format(
                client=r.client_name, product=product_name(r.terms)
            )
        )
        self.header = QLabel()
        self.header.setObjectName("exception_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)

        self.today = RulesView("exception_rules_today")
        self.submitted_rules = RulesView("exception_rules_submitted")
        self.decision_rules = RulesView("exception_rules_decision")
        self.verdicts = QTabWidget()

        self.profile = QGroupBox(self.tr("Client profile"))
        self.profile_grid = QGridLayout(self.profile)
        self.case = QGroupBox(self.tr("Warning, insistence and justification"))
        case = QVBoxLayout(self.case)
        self.case_text = _value("")
        self.case_text.setObjectName("exception_case")
        self.case_text.setTextFormat(Qt.TextFormat.RichText)
        self.case_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        case.addWidget(self.case_text)
        case.addStretch()

        self.comment = QPlainTextEdit()
        self.comment.setObjectName("decision_comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            self.tr("Your reason: it is recorded with the decision and shown to the adviser")
        )
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 3 + 14)
        self.form = CheckedForm()
        self.form.add_field("comment", self.tr("Comment"), self.comment)
        self.note = QLabel()
        self.note.setObjectName("decision_note")
        self.note.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve_exception")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("reject_exception")
        self.reject_button.clicked.connect(lambda: self.decide(False))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.approve_button, self.reject_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(close)
        self.decision_box = QWidget()
        decision_layout = QVBoxLayout(self.decision_box)
        decision_layout.setContentsMargins(0, 0, 0, 0)
        decision_layout.addLayout(self.form)

        side = QVBoxLayout()
        side.addWidget(self.profile)
        side.addWidget(self.case, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.verdicts, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.decision_box)
        layout.addLayout(buttons)
        self.resize(1150, 760)
        self.show_detail(self.detail)

    # -- showing -------------------------------------------------------------------------------
    def show_detail(self, detail: ExceptionDetail) -> None:
        self.detail = detail
        r = detail.request
        status = badge(status_label(r.status), RED if r.overdue else STATUS_COLOURS[r.status])
        self.header.setText(
            self.tr(
                "<h3>{client} · {product} · {amount}</h3>"
                "<p>{status} · submitted {submitted} by {adviser} · decision due {due} · {age}</p>"
            ).format(
                client=escape(r.client_name),
                product=escape(product_name(r.terms)),
                amount=money(r.amount, r.currency),
                status=status,
                submitted=local_time(r.submitted_at),
                adviser=escape(r.adviser_name),
                due=local_time(r.due_at),
                age=escape(waiting_text(r)),
            )
        )
        while self.verdicts.count():
            self.verdicts.removeTab(0)
        if r.status is ExceptionStatus.PENDING and detail.current_evaluation is not None:
            self.today.set_evaluation(
                detail.current_evaluation, self.tr("Today, on the current facts:")
            )
            self.verdicts.addTab(self.today, self.tr("Verdict today"))
        if r.decision_evaluation is not None:
            self.decision_rules.set_evaluation(
                r.decision_evaluation, self.tr("At the decision, on the facts of that day:")
            )
            self.verdicts.addTab(self.decision_rules, self.tr("Verdict at the decision"))
        self.submitted_rules.set_evaluation(r.evaluation, self.tr("When submitted:"))
        self.verdicts.addTab(self.submitted_rules, self.tr("Verdict at submission"))
        self._show_profile(detail)
        warned = local_time(r.warning_given_at) if r.warning_given_at else self.tr("not recorded")
        self.case_text.setText(
            self.tr(
                "<p><b>Special risk warning given:</b> {warned}</p>"
                "<p><b>The client insists in writing:</b><br>{insistence}</p>"
                "<p><b>The adviser's justification:</b><br>{justification}</p>"
            ).format(
                warned=warned,
                insistence=escape(r.insistence_text).replace("\n", "<br>"),
                justification=escape(r.justification).replace("\n", "<br>"),
            )
            + (
                self.tr("<p><b>Decision</b> by {who}, {when}:<br>{comment}</p>").format(
                    who=escape(r.decided_by or ""),
                    when=local_time(r.decided_at),
                    comment=escape(outcome_text(r)),
                )
                if r.status is not ExceptionStatus.PENDING
                else ""
            )
        )
        may_decide = r.may_decide
        self.decision_box.setVisible(may_decide)
        self.approve_button.setVisible(may_decide)
        self.reject_button.setVisible(may_decide)
        self.note.setStyleSheet("")
        if may_decide:
            current = detail.current_evaluation
            if not detail.product_on_sale:
                self.note.setText(
                    self.tr("The product is no longer on sale: it can only be rejected.")
                )
                self.approve_button.setEnabled(False)
            elif current is not None and current.verdict is Verdict.PROHIBITED:
                self.note.setStyleSheet(ERROR_STYLE)
                self.note.setText(
                    self.tr(
                        "The facts changed: the sale is no longer allowed. Approving will "
                        "record that the request lapsed: {why}"
                    ).format(why=deciding_reasons(current).replace("\n", " "))
                )
            else:
                self.note.setText(
                    self.tr("Approving records the sale with today's verdict and your name.")
                )
        elif r.status is ExceptionStatus.PENDING:
            self.note.setText(self._why_not())
        else:
            self.note.setText("")

    def _why_not(self) -> str:
        r = self.detail.request
        if self._actor.role is Role.COMPLIANCE:
            return self.tr("Compliance reads exception requests; supervisors decide them.")
        if self._actor.role is not Role.SUPERVISOR:
            return self.tr("Waiting for a supervisor of the branch.")
        if self._actor.user_id == r.adviser_id:
            return self.tr("This is your own sale: another supervisor decides it (four eyes).")
        return self.tr("This is your own client: another supervisor decides it (four eyes).")

    def _show_profile(self, detail: ExceptionDetail) -> None:
        while self.profile_grid.count():
            item = self.profile_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        now, then = detail.client, detail.client_at_submission
        rows = [
            (self.tr("Age"), str(detail.client_age), None),
            (self.tr("Investor type"), label(now.investor_type), label(then.investor_type)),
            (self.tr("Risk level"), self._level(now), self._level(then)),
            (self.tr("Investment horizon"), label(now.horizon), label(then.horizon)),
            (
                self.tr("Objectives"),
                "、".join(label(o) for o in now.objectives) or "—",
                "、".join(label(o) for o in then.objectives) or "—",
            ),
            (
                self.tr("Experience"),
                self._experience(now),
                self._experience(then),
            ),
            (
                self.tr("Financial assets"),
                money(now.financial_assets),
                money(then.financial_assets),
            ),
            (self.tr("Adviser"), detail.client_adviser_name, None),
        ]
        if detail.elderly:
            rows.append((self.tr("Extra care"), self.tr("65 or over"), None))
        for vulnerability in detail.vulnerabilities:
            rows.append((self.tr("Extra care"), label(vulnerability), None))
        self.profile_grid.addWidget(QLabel(self.tr("<b>Today</b>")), 0, 1)
        self.profile_grid.addWidget(QLabel(self.tr("<b>At submission</b>")), 0, 2)
        for n, (name, today, before) in enumerate(rows, start=1):
            self.profile_grid.addWidget(QLabel(name), n, 0)
            self.profile_grid.addWidget(_value(today), n, 1)
            changed = before is not None and before != today
            shown = _value(before if before is not None else "")
            if changed:
                shown.setStyleSheet("background: #fff4ce;")
            self.profile_grid.addWidget(shown, n, 2)

    def _level(self, snapshot: ClientSnapshot) -> str:
        a = snapshot.assessment
        if a is None:
            return self.tr("not assessed")
        text = self.tr("{level}, valid until {until}").format(
            level=a.level.value, until=a.valid_until.isoformat()
        )
        if a.lowest_category:
            text += self.tr(" (lowest category)")
        if snapshot.as_of > a.valid_until:
            text += self.tr(" — expired")
        return text

    def _experience(self, snapshot: ClientSnapshot) -> str:
        kinds = "、".join(label(k) for k in snapshot.experience_types) or self.tr("none")
        return self.tr("{years} years; {kinds}").format(
            years=snapshot.experience_years, kinds=kinds
        )

    # -- deciding ------------------------------------------------------------------------------
    def decide(self, approve: bool) -> DecisionResult | None:
        call = self._services.sales.approve if approve else self._services.sales.reject
        try:
            result = call(self._actor, self.request_id, self.comment.toPlainText())
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return None
        except KnownError as exc:
            self.note.setStyleSheet(ERROR_STYLE)
            self.note.setText(error_text(exc))
            self._reload()
            return None
        self.decided.emit(result)
        self._reload()
        self.comment.clear()
        self.form.clear_errors()
        request = result.request
        self.note.setStyleSheet("" if request.status is not ExceptionStatus.LAPSED else ERROR_STYLE)
        if request.status is ExceptionStatus.APPROVED:
            self.note.setText(self.tr("Approved: the sale was recorded."))
        elif request.status is ExceptionStatus.LAPSED:
            self.note.setText(
                self.tr("The request lapsed: the sale is no longer allowed. {why}").format(
                    why=outcome_text(request)
                )
            )
        else:
            self.note.setText(self.tr("Rejected: the adviser sees your comment."))
        return result

    def _reload(self) -> None:
        try:
            detail = self._services.sales.exception_detail(self._actor, self.request_id)
        except KnownError:
            return
        note, style = self.note.text(), self.note.styleSheet()
        self.show_detail(detail)
        if note:
            self.note.setText(note)
            self.note.setStyleSheet(style)
