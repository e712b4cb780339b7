"""How a suitability verdict looks everywhere it is shown: a coloured badge (fits / needs
exception / not allowed) and the list of every rule with its outcome icon, its message in the
window's language and its regulatory basis. Also the words for sale and request states."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.products import ProductTerms
from crm_desk.domain.sales import ExceptionStatus, SaleState, blocking_rules
from crm_desk.domain.suitability import Evaluation, Outcome, Rule, RuleResult, Verdict
from crm_desk.ui.assessment_wizard import ui_language
from crm_desk.ui.labels import label
from crm_desk.ui.table_model import Column, Index, RowsModel
from crm_desk.ui.widgets import AMBER, BLUE, GREEN, GREY, RED, configure_table

VERDICT_COLOURS = {Verdict.SUITABLE: GREEN, Verdict.NEEDS_EXCEPTION: AMBER, Verdict.PROHIBITED: RED}
OUTCOME_COLOURS = {
    Outcome.PASS: GREEN,
    Outcome.NOTE: BLUE,
    Outcome.WARNING: AMBER,
    Outcome.EXCEPTION: AMBER,
    Outcome.PROHIBITED: RED,
}
OUTCOME_ICONS = {
    Outcome.PASS: "✔",
    Outcome.NOTE: "ℹ",
    Outcome.WARNING: "⚠",
    Outcome.EXCEPTION: "⚑",
    Outcome.PROHIBITED: "✖",
}
STATUS_COLOURS = {
    ExceptionStatus.PENDING: AMBER,
    ExceptionStatus.APPROVED: GREEN,
    ExceptionStatus.REJECTED: RED,
    ExceptionStatus.LAPSED: GREY,
}


def verdict_label(verdict: Verdict) -> str:
    labels = {
        Verdict.SUITABLE: QCoreApplication.translate("Verdicts", "Fits"),
        Verdict.NEEDS_EXCEPTION: QCoreApplication.translate("Verdicts", "Needs exception"),
        Verdict.PROHIBITED: QCoreApplication.translate("Verdicts", "Not allowed"),
    }
    return labels[verdict]


def outcome_label(outcome: Outcome) -> str:
    labels = {
        Outcome.PASS: QCoreApplication.translate("Verdicts", "Passed"),
        Outcome.NOTE: QCoreApplication.translate("Verdicts", "Note"),
        Outcome.WARNING: QCoreApplication.translate("Verdicts", "Warning"),
        Outcome.EXCEPTION: QCoreApplication.translate("Verdicts", "Needs exception"),
        Outcome.PROHIBITED: QCoreApplication.translate("Verdicts", "Not allowed"),
    }
    return labels[outcome]


def rule_label(rule: Rule | str) -> str:
    labels = {
        Rule.ASSESSMENT_VALID: QCoreApplication.translate("Verdicts", "Valid risk assessment"),
        Rule.RISK_MATCH: QCoreApplication.translate("Verdicts", "Risk level match"),
        Rule.HORIZON: QCoreApplication.translate("Verdicts", "Investment horizon"),
        Rule.OBJECTIVE: QCoreApplication.translate("Verdicts", "Investment objective"),
        Rule.COMPLEX_EXPERIENCE: QCoreApplication.translate(
            "Verdicts", "Experience for a complex product"
        ),
        Rule.ELDERLY: QCoreApplication.translate("Verdicts", "Client aged 65 or over"),
        Rule.CONCENTRATION: QCoreApplication.translate("Verdicts", "Concentration"),
        Rule.MINIMUM_AMOUNT: QCoreApplication.translate("Verdicts", "Minimum amount"),
    }
    try:
        return labels[Rule(rule)]
    except ValueError:
        return str(rule)


def status_label(status: ExceptionStatus) -> str:
    labels = {
        ExceptionStatus.PENDING: QCoreApplication.translate("Verdicts", "Waiting for a supervisor"),
        ExceptionStatus.APPROVED: QCoreApplication.translate("Verdicts", "Approved"),
        ExceptionStatus.REJECTED: QCoreApplication.translate("Verdicts", "Rejected"),
        ExceptionStatus.LAPSED: QCoreApplication.translate(
            "Verdicts", "Lapsed: no longer allowed at approval"
        ),
    }
    return labels[status]


def sale_state_label(state: SaleState) -> str:
    labels = {
        SaleState.COOLING_OFF: QCoreApplication.translate("Verdicts", "In cooling-off"),
        SaleState.ACTIVE: QCoreApplication.translate("Verdicts", "Held"),
        SaleState.CANCELLED: QCoreApplication.translate("Verdicts", "Cancelled"),
    }
    return labels[state]


def badge(text: str, colours: tuple[QColor, QColor]) -> str:
    """Rich text: ``text`` on a coloured background."""
    background, foreground = colours
    return (
        f"<span style='background:{background.name()}; color:{foreground.name()}; "
        f"padding: 2px 6px;'>&nbsp;{escape(text)}&nbsp;</span>"
    )


def verdict_badge(verdict: Verdict) -> str:
    return badge(verdict_label(verdict), VERDICT_COLOURS[verdict])


def deciding_reasons(evaluation: Evaluation, language: str | None = None) -> str:
    """The messages of the rules that decide the verdict, one line each ("" when it fits)."""
    lang = language or ui_language()
    return "\n".join(r.message.in_language(lang) for r in blocking_rules(evaluation))


def money(amount: Any, currency: str = "CNY") -> str:
    symbol = "¥" if currency == "CNY" else f"{currency} "
    return f"{symbol}{amount:,.2f}"


def product_name(terms: ProductTerms, language: str | None = None) -> str:
    return f"{terms.code} {terms.name_in(language or ui_language())}"


def special_warning_text(terms: ProductTerms, evaluation: Evaluation, client_name: str) -> str:
    """The special risk warning (特别风险警示) the adviser reads to the client before the client
    may insist: why the product does not fit, and the risks the product carries."""
    language = ui_language()
    reasons = "".join(
        f"<li>{escape(r.message.in_language(language))}</li>" for r in blocking_rules(evaluation)
    )
    risks = "".join(f"<li>{escape(f)}</li>" for f in terms.risk_factors_in(language))
    intro = QCoreApplication.translate(
        "Verdicts",
        "<p><b>Special risk warning</b> for {client}: {product} ({level}, {kind}) does not fit "
        "the client's risk profile.</p><p>Why:</p>",
    ).format(
        client=escape(client_name),
        product=escape(product_name(terms, language)),
        level=terms.risk_level.value,
        kind=escape(label(terms.product_type)),
    )
    risk_intro = QCoreApplication.translate(
        "Verdicts", "<p>The risks of this product, read them to the client:</p>"
    )
    outro = QCoreApplication.translate(
        "Verdicts",
        "<p>The client may lose part or all of the money invested. If the client still wishes "
        "to buy after this warning, the client confirms it in writing and a supervisor must "
        "approve the sale before it proceeds.</p>",
    )
    return f"{intro}<ul>{reasons}</ul>{risk_intro}<ul>{risks}</ul>{outro}"


class RulesModel(RowsModel[RuleResult]):
    """Every rule the engine applied, in its order; the outcome coloured."""

    COL_OUTCOME, COL_RULE, COL_MESSAGE, COL_BASIS = 0, 1, 2, 3

    def __init__(self, language: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language or ui_language()
        lang = self._language
        self.columns = (
            Column[RuleResult](
                lambda: QCoreApplication.translate("Verdicts", "Outcome"),
                lambda r: f"{OUTCOME_ICONS[r.outcome]} {outcome_label(r.outcome)}",
                lambda r: r.outcome.severity,
            ),
            Column[RuleResult](
                lambda: QCoreApplication.translate("Verdicts", "Rule"),
                lambda r: rule_label(r.rule),
                lambda r: list(Rule).index(r.rule),
            ),
            Column[RuleResult](
                lambda: QCoreApplication.translate("Verdicts", "What was found"),
                lambda r: r.message.in_language(lang),
                lambda r: r.message.in_language(lang),
                tooltip=lambda r: r.message.in_language(lang),
            ),
            Column[RuleResult](
                lambda: QCoreApplication.translate("Verdicts", "Basis"),
                lambda r: r.basis.in_language(lang),
                lambda r: r.basis.in_language(lang),
                tooltip=lambda r: r.basis.in_language(lang),
            ),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and index.column() == self.COL_OUTCOME
            and 0 <= index.row() < self.rowCount()
        ):
            background, text = OUTCOME_COLOURS[self.row_at(index.row()).outcome]
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else text)
        return super().data(index, role)


class WrappingDelegate(QStyledItemDelegate):
    """Rows tall enough for their wrapped text. The measured height leaves no room for the grid
    line QTableView takes from each cell, nor for Chinese lines (a fallback font) being taller
    than the measure rounds to: the last line of a long basis then ends in "…". Measure at the
    painted width and add that room."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        painted = QStyleOptionViewItem(option)
        painted.rect = option.rect.adjusted(0, 0, -2, 0)
        return super().sizeHint(painted, index) + QSize(0, 6)


class RulesView(QWidget):
    """A verdict: its badge and policy version above every rule with its outcome and basis."""

    def __init__(self, name: str = "rules", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.model = RulesModel(parent=self)
        self.table = configure_table(QTableView(), name)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WrappingDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RulesModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RulesModel.COL_BASIS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Wrapped text needs taller rows when a column narrows (the dialog resized, a splitter
        # moved): without this the basis column ends in "…".
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.set_evaluation(None)

    def set_evaluation(self, evaluation: Evaluation | None, title: str = "") -> None:
        self.evaluation = evaluation
        if evaluation is None:
            self.heading.setText(title)
            self.model.set_rows([])
            return
        policy = QCoreApplication.translate("Verdicts", "policy {version}").format(
            version=escape(evaluation.policy_version)
        )
        parts = [escape(title)] if title else []
        parts.append(verdict_badge(evaluation.verdict))
        if evaluation.needs_review:
            parts.append(
                badge(
                    QCoreApplication.translate("Verdicts", "supervisor review and follow-up call"),
                    AMBER,
                )
            )
        parts.append(f"<span style='color:#666666;'>{policy}</span>")
        self.heading.setText(" ".join(parts))
        self.model.set_rows(evaluation.rules)
        self.table.resizeRowsToContents()
