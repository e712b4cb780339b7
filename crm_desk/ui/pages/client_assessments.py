"""The client page's risk assessments: the current level and its expiry at the top, the wizard to
run, resume or correct one, every assessment on file, and two of them compared answer by answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.assessment import ExpiryState
from crm_desk.domain.errors import KnownError
from crm_desk.domain.questionnaire import LocalizedText
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import (
    AnswerComparison,
    AssessmentDTO,
    CurrentAssessment,
)
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.ui.assessment_wizard import AssessmentWizard, level_text, ui_language
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.table_model import Column, Index, RowsModel
from crm_desk.ui.widgets import AMBER, RED, configure_table

# (background, text) as on the follow-up board: amber for soon, red for too late.
CHANGED = QColor("#fff4ce")
STATUS_STYLE = "padding: 6px; border-radius: 4px; background: {background}; color: {text};"


def state_label(state: ExpiryState) -> str:
    labels = {
        ExpiryState.VALID: QCoreApplication.translate("ClientAssessments", "Valid"),
        ExpiryState.EXPIRING: QCoreApplication.translate("ClientAssessments", "Expiring soon"),
        ExpiryState.EXPIRED: QCoreApplication.translate("ClientAssessments", "Expired"),
    }
    return labels[state]


def _answers_text(texts: Sequence[LocalizedText], language: str) -> str:
    return "、".join(t.in_language(language) for t in texts) or "—"


class AssessmentHistoryModel(RowsModel[AssessmentDTO]):
    """Every confirmed assessment of one client, newest first."""

    COL_DATE, COL_LEVEL, COL_SCORE, COL_QUESTIONNAIRE = 0, 1, 2, 3
    COL_ADVISER, COL_VALID_UNTIL, COL_STATE, COL_SUPERSEDES = 4, 5, 6, 7

    def __init__(
        self,
        titles: Mapping[str, LocalizedText] | None = None,
        language: str | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._titles = dict(titles or {})
        self._language = language or ui_language()
        self.columns = (
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Date"),
                lambda a: local_time(a.confirmed_at),
                lambda a: a.confirmed_at,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Level"),
                lambda a: level_text(a.level, self._language),
                lambda a: a.level.rank,
                tooltip=self._level_tooltip,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Score"),
                lambda a: str(a.score),
                lambda a: a.score,
                align_right=True,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Questionnaire"),
                self._questionnaire,
                self._questionnaire,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Adviser"),
                lambda a: a.adviser_name,
                lambda a: a.adviser_name,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Valid until"),
                lambda a: a.valid_until.isoformat(),
                lambda a: a.valid_until,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "State"),
                self._state,
                self._state,
            ),
            Column[AssessmentDTO](
                lambda: QCoreApplication.translate("ClientAssessments", "Corrects"),
                self._supersedes,
                lambda a: a.supersedes_id or 0,
            ),
        )

    def _questionnaire(self, a: AssessmentDTO) -> str:
        title = self._titles.get(a.questionnaire_id)
        name = title.in_language(self._language) if title else a.questionnaire_id
        return QCoreApplication.translate("ClientAssessments", "{title}, version {version}").format(
            title=name, version=a.questionnaire_version
        )

    def _state(self, a: AssessmentDTO) -> str:
        if a.superseded_by_id is not None:
            return QCoreApplication.translate("ClientAssessments", "Corrected by a later one")
        return state_label(a.state)

    def _supersedes(self, a: AssessmentDTO) -> str:
        if a.supersedes_id is None:
            return ""
        earlier = next((r for r in self._rows if r.id == a.supersedes_id), None)
        when = local_time(earlier.confirmed_at) if earlier else f"#{a.supersedes_id}"
        return QCoreApplication.translate("ClientAssessments", "the one of {when}").format(
            when=when
        )

    def _level_tooltip(self, a: AssessmentDTO) -> str:
        lines = []
        if a.lowest_category:
            reasons = "、".join(r.in_language(self._language) for r in a.lowest_reasons)
            lines.append(
                QCoreApplication.translate(
                    "ClientAssessments", "Lowest risk-tolerance category: {reasons}"
                ).format(reasons=reasons)
            )
        for flag in a.flags:
            lines.append(
                QCoreApplication.translate(
                    "ClientAssessments", "Contradiction explained: {message} {explanation}"
                ).format(
                    message=flag.message.in_language(self._language), explanation=flag.explanation
                )
            )
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == self.COL_STATE
            and 0 <= index.row() < len(self._rows)
            and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        ):
            row = self._rows[index.row()]
            colours = {ExpiryState.EXPIRING: AMBER, ExpiryState.EXPIRED: RED}.get(row.state)
            if colours is None or row.superseded_by_id is not None:
                return None
            background, text = colours
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else text)
        return super().data(index, role)


class ComparisonModel(RowsModel[AnswerComparison]):
    """Question by question, the answers of two assessments; changed answers highlighted."""

    def __init__(
        self,
        left_title: str = "",
        right_title: str = "",
        language: str | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._language = language or ui_language()
        self.columns = (
            Column[AnswerComparison](
                lambda: QCoreApplication.translate("ClientAssessments", "Question"),
                lambda c: c.question.in_language(self._language),
                lambda c: self._order.get(c.question_id, 0),
                tooltip=lambda c: c.question.in_language(self._language),
            ),
            Column[AnswerComparison](
                lambda: left_title or QCoreApplication.translate("ClientAssessments", "Earlier"),
                lambda c: _answers_text(c.left, self._language),
                lambda c: _answers_text(c.left, self._language),
                tooltip=lambda c: _answers_text(c.left, self._language),
            ),
            Column[AnswerComparison](
                lambda: right_title or QCoreApplication.translate("ClientAssessments", "Later"),
                lambda c: _answers_text(c.right, self._language),
                lambda c: _answers_text(c.right, self._language),
                tooltip=lambda c: _answers_text(c.right, self._language),
            ),
            Column[AnswerComparison](
                lambda: QCoreApplication.translate("ClientAssessments", "Changed"),
                lambda c: (
                    QCoreApplication.translate("ClientAssessments", "changed") if c.changed else ""
                ),
                lambda c: c.changed,
            ),
        )
        self._order: dict[str, int] = {}

    def set_rows(self, rows: Sequence[AnswerComparison]) -> None:
        self._order = {row.question_id: n for n, row in enumerate(rows)}
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and 0 <= index.row() < len(self._rows)
            and self._rows[index.row()].changed
        ):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(CHANGED)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class CompareDialog(QDialog):
    """Two assessments of the client side by side, answer by answer."""

    def __init__(
        self,
        comparisons: Sequence[AnswerComparison],
        left: AssessmentDTO,
        right: AssessmentDTO,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        language = language or ui_language()
        self.setObjectName("compare_assessments")
        self.setWindowTitle(self.tr("Compare two assessments"))
        self._all = list(comparisons)

        def title(a: AssessmentDTO) -> str:
            return self.tr("{date} · {level}").format(
                date=local_time(a.confirmed_at), level=level_text(a.level, language)
            )

        self.model = ComparisonModel(title(left), title(right), language, self)
        self.table = configure_table(QTableView(), "comparison_table")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        changed = sum(1 for c in self._all if c.changed)
        self.summary = QLabel(
            self.tr("{changed} of {total} answers changed; they are highlighted.").format(
                changed=changed, total=len(self._all)
            )
        )
        self.summary.setObjectName("comparison_summary")
        self.only_changed = QCheckBox(self.tr("Show only the changed answers"))
        self.only_changed.setObjectName("only_changed")
        self.only_changed.toggled.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_changed)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._fill()

    def _fill(self) -> None:
        only = self.only_changed.isChecked()
        self.model.set_rows([c for c in self._all if c.changed or not only])


class ClientAssessmentsTab(QWidget):
    """The "Risk assessment" tab of the client page. ``changed`` fires when an assessment is
    confirmed, for the page to refresh its header."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self.language = ui_language()
        self.may_run = allowed(actor.role, Permission.ASSESSMENTS_RUN)
        self.current: CurrentAssessment | None = None
        self.status_state: ExpiryState | None = None
        self.has_draft = False
        self.wizard: AssessmentWizard | None = None
        self.compare_dialog: CompareDialog | None = None
        self.setObjectName("client_assessments")

        self.status = QLabel()
        self.status.setObjectName("assessment_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.draft_note = QLabel()
        self.draft_note.setObjectName("assessment_draft_note")
        self.draft_note.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run the risk assessment…"))
        self.run_button.setObjectName("run_assessment")
        self.run_button.clicked.connect(lambda: self.run_assessment())
        self.reassess_button = QPushButton(self.tr("Re-assess (correct)…"))
        self.reassess_button.setObjectName("reassess")
        self.reassess_button.setToolTip(
            self.tr(
                "Run the questionnaire again as a correction of the selected assessment, which "
                "stays on file"
            )
        )
        self.reassess_button.clicked.connect(self.reassess)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setObjectName("compare_assessments_button")
        self.compare_button.setToolTip(self.tr("Select two assessments (Ctrl+click) to compare"))
        self.compare_button.clicked.connect(lambda: self.compare())
        self.run_button.setVisible(self.may_run)
        self.reassess_button.setVisible(self.may_run)

        try:
            titles = {q.id: q.title for q in services.assessments.questionnaires(actor)}
        except KnownError:
            titles = {}  # the history shows questionnaire ids instead; refresh() reports errors
        self.model = AssessmentHistoryModel(titles, self.language, self)
        self.table = configure_table(QTableView(), "assessment_history")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setObjectName("assessment_history_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.reassess_button)
        buttons.addStretch()
        buttons.addWidget(self.compare_button)
        history = QLabel(self.tr("Assessments on file, newest first"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.draft_note)
        layout.addLayout(buttons)
        layout.addWidget(history)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        api = self._services.assessments
        try:
            current = api.current(self._actor, self.client_id)
            history = api.history(self._actor, self.client_id)
            draft = api.open_draft(self._actor, self.client_id) if self.may_run else None
            days = self._days_left(current)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.current = current
        self.has_draft = draft is not None
        self._show_status(current, days)
        if draft is not None:
            self.draft_note.setText(
                self.tr(
                    "An assessment started {when} is not finished: {answered} of {total} "
                    "questions answered."
                ).format(
                    when=local_time(draft.started_at),
                    answered=len(draft.answers),
                    total=len(draft.questionnaire.questions),
                )
            )
        self.draft_note.setVisible(draft is not None)
        self.run_button.setText(
            self.tr("Resume the assessment…") if draft else self.tr("Run the risk assessment…")
        )
        self.model.set_rows(history)
        if history:
            self.table.selectionModel().select(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self.may_run:
            self.empty.setText(
                self.tr(
                    "No assessment on file yet. Run the risk assessment with the client to "
                    "record their risk tolerance."
                )
            )
        else:
            self.empty.setText(self.tr("No assessment on file yet."))
        self.empty.setVisible(not history)
        self.table.setVisible(bool(history))
        self._update_buttons()

    def _days_left(self, current: CurrentAssessment) -> int | None:
        """Days to expiry, as the services count them (on their clock, in the branch's zone)."""
        if current.state is not ExpiryState.EXPIRING:
            return None
        for row in self._services.assessments.reminders(self._actor):
            if row.client_id == self.client_id:
                return row.days_left
        return None

    def _show_status(self, current: CurrentAssessment, days: int | None) -> None:
        colours: tuple[QColor, QColor] | None = None
        if current.state is None or current.recorded_level is None or current.valid_until is None:
            text = self.tr("Not assessed — sales are blocked until the client is assessed.")
            colours = RED
        else:
            level = level_text(current.recorded_level, self.language)
            until = current.valid_until.isoformat()
            if current.state is ExpiryState.EXPIRED:
                text = self.tr(
                    "Risk tolerance {level} — expired on {date}. Sales are blocked until the "
                    "client is re-assessed."
                ).format(level=level, date=(current.valid_until + timedelta(days=1)).isoformat())
                colours = RED
            elif current.state is ExpiryState.EXPIRING:
                colours = AMBER
                if days == 0:
                    text = self.tr(
                        "Risk tolerance {level} — valid until today ({date}); re-assess the "
                        "client now."
                    ).format(level=level, date=until)
                elif days == 1:
                    text = self.tr(
                        "Risk tolerance {level} — valid until {date}; expires tomorrow."
                    ).format(level=level, date=until)
                elif days is not None:
                    text = self.tr(
                        "Risk tolerance {level} — valid until {date}; expires in {days} days."
                    ).format(level=level, date=until, days=days)
                else:
                    text = self.tr(
                        "Risk tolerance {level} — valid until {date}; expires soon."
                    ).format(level=level, date=until)
            else:
                text = self.tr("Risk tolerance {level} — valid until {date}.").format(
                    level=level, date=until
                )
        self.status.setText(text)
        self.status_state = current.state
        if colours is None:
            self.status.setStyleSheet("padding: 6px;")
        else:
            self.status.setStyleSheet(
                STATUS_STYLE.format(background=colours[0].name(), text=colours[1].name())
            )

    def selected(self) -> list[AssessmentDTO]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.compare_button.setEnabled(len(chosen) == 2)
        correctable = len(chosen) == 1 and chosen[0].superseded_by_id is None
        self.reassess_button.setEnabled(self.may_run and not self.has_draft and correctable)
        if self.has_draft:
            self.reassess_button.setToolTip(
                self.tr("Finish or discard the unfinished assessment first")
            )
        else:
            self.reassess_button.setToolTip(
                self.tr(
                    "Run the questionnaire again as a correction of the selected assessment, "
                    "which stays on file"
                )
            )

    # -- actions ---------------------------------------------------------------------------------
    def run_assessment(self, supersedes_id: int | None = None) -> AssessmentWizard | None:
        """Open the wizard on the unfinished draft, or on a new assessment."""
        try:
            wizard = AssessmentWizard(
                self._services,
                self._actor,
                self.client_id,
                self,
                language=self.language,
                supersedes_id=supersedes_id,
            )
        except KnownError as exc:
            show_error(self, exc)
            return None
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.confirmed.connect(self._confirmed)
        wizard.finished.connect(self._wizard_closed)
        self.wizard = wizard
        wizard.open()
        return wizard

    def reassess(self) -> AssessmentWizard | None:
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        return self.run_assessment(supersedes_id=chosen[0].id)

    def _confirmed(self, _assessment: AssessmentDTO) -> None:
        self.refresh()
        self.changed.emit()

    def _wizard_closed(self, _result: int) -> None:
        self.wizard = None
        self.refresh()

    def compare(self) -> CompareDialog | None:
        chosen = self.selected()
        if len(chosen) != 2:
            return None
        left, right = sorted(chosen, key=lambda a: (a.confirmed_at, a.id))
        try:
            comparisons = self._services.assessments.compare(self._actor, left.id, right.id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        dialog = CompareDialog(comparisons, left, right, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "compare_dialog", None))
        self.compare_dialog = dialog
        dialog.open()
        return dialog
