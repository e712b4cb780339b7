"""Recording a sale: the adviser picks the product and the amount, and the verdict with every
rule's reason is shown (and follows the amount) before anything is saved.

Fits → "Record sale". Not allowed → the button says why; pressing it records the refused attempt
(audited) and nothing else. Needs an exception → the special risk warning to read to the client,
the client's written insistence and the adviser's justification → "Submit for approval".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem, ValidationError
from crm_desk.domain.sales import (
    ExceptionRequired,
    SaleRefused,
    blocking_rules,
    parse_amount,
)
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.sale_dto import SaleCheck, ShelfItem
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.verdicts import (
    RulesView,
    money,
    product_name,
    rule_label,
    special_warning_text,
    verdict_label,
)
from crm_desk.ui.widgets import ERROR_STYLE, CheckedForm

CHECK_DELAY_MS = 250  # the verdict follows the amount once typing pauses


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


class SaleDialog(QDialog):
    recorded = Signal(object)  # SaleDTO
    submitted = Signal(object)  # ExceptionRequestDTO
    attempted = Signal()  # a refused attempt was recorded

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        client_name: str,
        *,
        product_id: int | None = None,
        shelf: list[ShelfItem] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self.client_name = client_name
        self.check: SaleCheck | None = None
        self.setWindowTitle(self.tr("Record a sale for {name}").format(name=client_name))
        self.setObjectName("sale_dialog")

        items = shelf if shelf is not None else services.sales.shelf(actor, client_id)
        self.product = QComboBox()
        self.product.setObjectName("sale_product")
        for item in items:
            self.product.addItem(
                self.tr("{product} · {level} · from {minimum}").format(
                    product=product_name(item.terms),
                    level=item.terms.risk_level.value,
                    minimum=money(item.terms.min_amount, item.terms.currency),
                ),
                item.product_id,
            )
        if product_id is not None and self.product.findData(product_id) >= 0:
            self.product.setCurrentIndex(self.product.findData(product_id))
        self.amount = QLineEdit()
        self.amount.setObjectName("sale_amount")
        self.amount.setPlaceholderText(self.tr("e.g. 100,000.00"))
        self.terms_hint = QLabel()
        self.terms_hint.setStyleSheet("color: palette(mid);")
        self.terms_hint.setWordWrap(True)
        self.form = CheckedForm()
        self.form.add_field("product", self.tr("Product"), self.product)
        self.form.add_field("amount", self.tr("Amount"), self.amount)
        self.form.addRow("", self.terms_hint)

        self.rules = RulesView("sale_rules")

        self.exception_box = QGroupBox(self.tr("Exception request to a supervisor"))
        self.warning = QTextBrowser()
        self.warning.setObjectName("special_warning")
        self.warning.setOpenExternalLinks(False)
        self.warning_given = QCheckBox(
            self.tr("I gave the client the special risk warning above, in writing")
        )
        self.client_insists = QCheckBox(
            self.tr("The client insists on buying and confirmed it in writing")
        )
        self.insistence = _text_box(
            "insistence_text",
            self.tr("The client's written words, or the reference of the signed form"),
        )
        self.justification = _text_box(
            "justification",
            self.tr("Why this sale is right for the client nonetheless (for the supervisor)"),
        )
        self.exception_form = CheckedForm()
        self.exception_form.add_field("warning_given", "", self.warning_given)
        self.exception_form.add_field("client_insists", "", self.client_insists)
        self.exception_form.add_field(
            "insistence_text", self.tr("Client's insistence"), self.insistence
        )
        self.exception_form.add_field(
            "justification", self.tr("Your justification"), self.justification
        )
        self.warning.setMinimumWidth(380)
        box = QHBoxLayout(self.exception_box)
        box.addWidget(self.warning, 1)
        box.addLayout(self.exception_form, 1)
        self.exception_box.hide()

        self.status = QLabel()
        self.status.setObjectName("sale_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setObjectName("sale_action")
        self.action_button.clicked.connect(self.act)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.action_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the amount must not record a sale
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rules)
        splitter.addWidget(self.exception_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1100, 820)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.refresh_check)
        self.amount.textChanged.connect(lambda _text: self._timer.start())
        self.amount.returnPressed.connect(self.refresh_check)  # Enter judges, never records
        act = QShortcut(QKeySequence("Ctrl+Return"), self)
        act.activated.connect(self._shortcut)
        self.product.currentIndexChanged.connect(lambda _i: self.refresh_check())
        if items:
            first = next((i for i in items if i.product_id == self.product.currentData()), None)
            if first is not None:
                self.amount.setText(f"{first.terms.min_amount:.2f}")
        self.refresh_check()
        self.amount.setFocus()

    # -- the verdict, before saving ----------------------------------------------------------
    def _product_id(self) -> int | None:
        data = self.product.currentData()
        return int(data) if data is not None else None

    def refresh_check(self) -> None:
        """Judge the sale as it stands on the form; nothing is written."""
        self._timer.stop()
        self.check = None
        self.status.clear()
        product_id = self._product_id()
        if product_id is None:
            self._show(None, self.tr("No product is on sale."))
            return
        text = self.amount.text().strip()
        if not text:
            self.form.clear_errors()
            self._show(None, self.tr("Enter the amount."))
            return
        parsed = parse_amount(text)
        if isinstance(parsed, Problem):
            self.form.show_problems({"amount": parsed})
            self.amount.setFocus()
            self._show(None, self.tr("Correct the amount."))
            return
        self.form.clear_errors()
        try:
            self.check = self._services.sales.check(self._actor, self.client_id, product_id, parsed)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self._show(None, self.tr("Correct the amount."))
            return
        except KnownError as exc:
            self._show(None, error_text(exc))
            return
        self._show(self.check)

    def _show(self, check: SaleCheck | None, why: str = "") -> None:
        if check is None:
            self.rules.set_evaluation(None, why)
            self.exception_box.hide()
            self.action_button.setText(self.tr("Record sale"))
            self.action_button.setToolTip("")
            self.action_button.setEnabled(False)
            return
        terms, evaluation = check.terms, check.evaluation
        cooling = (
            self.tr("cooling-off {hours} h").format(hours=terms.cooling_off_hours)
            if terms.cooling_off_hours
            else self.tr("no cooling-off")
        )
        self.terms_hint.setText(
            self.tr("{level}, {months} months, minimum {minimum}, {cooling}").format(
                level=terms.risk_level.value,
                months=terms.horizon_months,
                minimum=money(terms.min_amount, terms.currency),
                cooling=cooling,
            )
        )
        self.rules.set_evaluation(
            evaluation,
            self.tr("{product}, {amount}:").format(
                product=product_name(terms), amount=money(check.amount, terms.currency)
            ),
        )
        verdict = evaluation.verdict
        self.exception_box.setVisible(verdict is Verdict.NEEDS_EXCEPTION)
        self.action_button.setEnabled(True)
        self.action_button.setToolTip("")
        if verdict is Verdict.SUITABLE:
            self.action_button.setText(self.tr("Record sale"))
        elif verdict is Verdict.PROHIBITED:
            rules = "、".join(rule_label(r.rule) for r in blocking_rules(evaluation))
            self.action_button.setText(
                self.tr("Not allowed ({rules}): record the refused attempt").format(rules=rules)
            )
            self.action_button.setToolTip(
                self.tr("The sale cannot be made. Pressing records the attempt in the audit trail.")
            )
        else:
            self.warning.setHtml(special_warning_text(terms, evaluation, self.client_name))
            if check.pending_request_id is not None:
                self.action_button.setText(self.tr("Already waiting for a supervisor"))
                self.action_button.setEnabled(False)
            else:
                self.action_button.setText(self.tr("Submit for approval"))

    # -- acting ------------------------------------------------------------------------------
    def act(self) -> None:
        if self._timer.isActive() or self.check is None:
            self.refresh_check()
        check = self.check
        if check is None:
            return
        if check.evaluation.verdict is Verdict.NEEDS_EXCEPTION:
            self._submit(check)
        else:
            self._record(check)

    def _shortcut(self) -> None:
        if self.action_button.isEnabled():
            self.act()

    def _record(self, check: SaleCheck) -> None:
        try:
            sale = self._services.sales.record(
                self._actor, self.client_id, check.product_id, check.amount
            )
        except SaleRefused as exc:
            self._say(
                self.tr("The refused attempt was recorded. {why}").format(why=error_text(exc))
            )
            self.action_button.setEnabled(False)
            self.attempted.emit()
            return
        except ExceptionRequired as exc:  # the facts changed since the check
            self.refresh_check()
            self._say(error_text(exc))
            return
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.recorded.emit(sale)
        self.accept()

    def _submit(self, check: SaleCheck) -> None:
        self.exception_form.clear_errors()
        try:
            request = self._services.sales.submit_exception(
                self._actor,
                self.client_id,
                check.product_id,
                check.amount,
                self.warning_given.isChecked(),
                self.client_insists.isChecked(),
                self.insistence.toPlainText(),
                self.justification.toPlainText(),
            )
        except ValidationError as exc:
            amount = {k: v for k, v in exc.problems.items() if k == "amount"}
            rest = {k: v for k, v in exc.problems.items() if k != "amount"}
            if amount:
                self.form.show_problems(amount)
            self.exception_form.show_problems(rest)
            return
        except SaleRefused as exc:
            self.refresh_check()
            self._say(error_text(exc))
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.submitted.emit(request)
        self.accept()

    def _say(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def verdict_text(self) -> str:
        """The verdict shown, in words (for the window's accessible summary and tests)."""
        return verdict_label(self.check.evaluation.verdict) if self.check else ""
