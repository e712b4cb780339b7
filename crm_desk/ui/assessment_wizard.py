"""The risk-tolerance assessment, run with the client across the desk: one question a page.

Keyboard: 1–9 choose the n-th answer (on a multiple-choice question they tick and untick), Enter or
Alt+N goes on once the question is answered, Alt+B goes back, Home jumps to the first unanswered
question (or to the result when every one is answered). On the result page Space ticks the
client's confirmation and Enter confirms.

Every step saves the answers to the draft on file, so closing the window (Escape, the title bar, a
slip of the mouse) asks nothing and loses nothing: opening it again resumes at the first unanswered
question. Only Discard deletes the draft, and it asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.assessment import AnswersInvalid, AssessmentOutcome, ConsistencyFlag, score
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    KnownError,
    Problem,
    ValidationError,
)
from crm_desk.domain.questionnaire import Question, QuestionKind, Questionnaire, RiskLevel
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import AssessmentDraftDTO, AssessmentDTO
from crm_desk.services.container import Services
from crm_desk.ui.errors import error_text, problem_text, show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.widgets import ERROR_STYLE

MUTED_STYLE = "color: palette(mid);"
RESOLVED_STYLE = "color: #1e6b34;"
FLAG_STYLE = "QFrame#flag_row { border: 1px solid #e0b4b4; border-radius: 4px; }"


def ui_language() -> str:
    """The language of the questionnaire texts: the application's, as the translators set it."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def level_text(level: RiskLevel, language: str) -> str:
    """The level and its name in ``language``, e.g. "C3 稳健型" or "C3 Balanced"."""
    return f"{level.value} {level.label.in_language(language)}"


def assessment_problem_text(problem: Problem) -> str:
    """What is wrong with an answer or an explanation, in the user's language."""
    texts: dict[str, Callable[[], str]] = {
        "answer.missing": lambda: QCoreApplication.translate(
            "Assessments", "This question is not answered yet."
        ),
        "answer.too_many": lambda: QCoreApplication.translate(
            "Assessments", "Choose one answer only."
        ),
        "answer.exclusive": lambda: QCoreApplication.translate(
            "Assessments", "This answer goes on its own; untick the others."
        ),
        "answer.duplicate": lambda: QCoreApplication.translate(
            "Assessments", "An answer is chosen twice."
        ),
        "answer.not_a_list": lambda: QCoreApplication.translate(
            "Assessments", "The answer could not be read; choose it again."
        ),
        "answer.unknown_option": lambda: QCoreApplication.translate(
            "Assessments",
            "An answer is not one of the question's options; close the assessment and open it "
            "again.",
        ),
        "answer.unknown_question": lambda: QCoreApplication.translate(
            "Assessments",
            "A question is not in this questionnaire; close the assessment and open it again.",
        ),
        "explanation.required": lambda: QCoreApplication.translate(
            "Assessments",
            "Explain in a few words why both answers stand, as the client confirmed.",
        ),
    }
    text = texts.get(problem.code)
    return text() if text else problem_text(problem)


def _mnemonic_safe(text: str) -> str:
    return text.replace("&", "&&")


class _ClickableLabel(QLabel):
    """An answer's text beside its button: clicking the text chooses the answer too."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class QuestionPage(QWidget):
    """One question: its text, help, and a numbered button for each answer."""

    chosen = Signal(int)  # the index of the answer clicked

    def __init__(
        self,
        question: Question,
        number: int,
        language: str,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question_{question.id}")
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setObjectName("questionnaire_intro")
            intro_label.setWordWrap(True)
            intro_label.setStyleSheet(MUTED_STYLE)
            layout.addWidget(intro_label)
        self.text = QLabel(f"{number}. {question.text.in_language(language)}")
        self.text.setObjectName("question_text")
        self.text.setWordWrap(True)
        font = QFont(self.text.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        layout.addWidget(self.text)
        self.help = QLabel(question.help.in_language(language) if question.help else "")
        self.help.setObjectName("question_help")
        self.help.setWordWrap(True)
        self.help.setStyleSheet(MUTED_STYLE)
        self.help.setVisible(question.help is not None)
        layout.addWidget(self.help)
        if question.kind is QuestionKind.MULTIPLE:
            kind = self.tr("Choose every answer that applies (press its number to tick or untick).")
        else:
            kind = self.tr("Choose one answer (press its number).")
        self.kind_hint = QLabel(kind)
        self.kind_hint.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.kind_hint)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.buttons: list[QAbstractButton] = []
        self.labels: list[QLabel] = []
        for index, option in enumerate(question.options):
            button: QAbstractButton
            if question.kind is QuestionKind.MULTIPLE:
                button = QCheckBox(str(index + 1))
            else:
                button = QRadioButton(str(index + 1))
            button.setObjectName(f"option_{option.id}")
            text = option.text.in_language(language)
            button.setAccessibleName(text)
            label = _ClickableLabel(_mnemonic_safe(text))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if option.exclusive:
                tip = self.tr("Chosen on its own: ticking it clears the other answers.")
                button.setToolTip(tip)
                label.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, i=index: self.chosen.emit(i))
            label.clicked.connect(lambda i=index: self.chosen.emit(i))
            grid.addWidget(button, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, index, 1)
            self.buttons.append(button)
            self.labels.append(label)
        layout.addLayout(grid)
        layout.addStretch()

    def show_answer(self, chosen: tuple[str, ...]) -> None:
        """Tick exactly the chosen answers (no signals: the wizard already knows)."""
        for option, button in zip(self.question.options, self.buttons, strict=True):
            radio = isinstance(button, QRadioButton)
            button.blockSignals(True)
            if radio:
                button.setAutoExclusive(False)  # else a ticked radio button cannot be cleared
            button.setChecked(option.id in chosen)
            if radio:
                button.setAutoExclusive(True)
            button.blockSignals(False)

    def focus_answer(self) -> None:
        checked = [b for b in self.buttons if b.isChecked()]
        target = checked[0] if checked else (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


class ExplainDialog(QDialog):
    """The adviser's explanation of answers that contradict each other, as the client confirmed.

    ``submit(text)`` saves it: None when saved (the dialog accepts), a message to show when the
    text was refused, "" when there is nothing more to do here (the dialog closes)."""

    def __init__(
        self,
        message: str,
        text: str,
        submit: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("explain_dialog")
        self.setWindowTitle(self.tr("Explain the contradiction"))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        prompt = QLabel(
            self.tr(
                "Why do both answers stand? Record what the client said, in a few words "
                "(Ctrl+Enter saves)."
            )
        )
        prompt.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("explanation")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.error = QLabel()
        self.error.setObjectName("error_explanation")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.text.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        problem = self._submit(self.text.toPlainText())
        if problem is None:
            self.accept()
        elif problem == "":
            self.reject()
        else:
            self.error.setText(problem)
            self.error.show()
            self.text.setFocus()


class FlagRow(QFrame):
    """One consistency flag: what contradicts what, whether it is resolved, and the two ways out."""

    def __init__(
        self,
        flag: ConsistencyFlag,
        questionnaire: Questionnaire,
        explanation: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rule_id = flag.rule_id
        self.setObjectName("flag_row")
        self.setStyleSheet(FLAG_STYLE)
        self.message = QLabel(flag.message.in_language(language))
        self.message.setWordWrap(True)
        numbers = {qid: n for n, qid in enumerate(questionnaire.question_ids, start=1)}
        answers = "; ".join(
            f"{numbers.get(qid, '?')}. "
            f"{questionnaire.question(qid).option(oid).text.in_language(language)}"
            for qid, oid in flag.answers
            if qid in numbers
        )
        self.answers = QLabel(
            self.tr("Answers that contradict each other: {answers}").format(answers=answers)
        )
        self.answers.setWordWrap(True)
        self.answers.setStyleSheet(MUTED_STYLE)
        self.status = QLabel()
        self.status.setObjectName("flag_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        if explanation:
            self.status.setText(self.tr("Explained: {text}").format(text=explanation))
            self.status.setStyleSheet(RESOLVED_STYLE)
        else:
            self.status.setText(
                self.tr("Not resolved: correct an answer, or explain why both stand.")
            )
            self.status.setStyleSheet(ERROR_STYLE)
        self.resolved = bool(explanation)
        self.change_button = QPushButton(self.tr("Change the answer"))
        self.change_button.setToolTip(
            self.tr("Go back to the questions concerned; Next returns here.")
        )
        self.explain_button = QPushButton(
            self.tr("Change the explanation…") if explanation else self.tr("Explain…")
        )
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.explain_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.answers)
        layout.addWidget(self.status)
        layout.addLayout(buttons)


class ResultPage(QWidget):
    """The outcome as it would be recorded, for the adviser and the client to read together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_page")
        heading = QLabel(self.tr("Result"))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        self.score = QLabel()
        self.score.setObjectName("result_score")
        self.level = QLabel()
        self.level.setObjectName("result_level")
        level_font = QFont(self.level.font())
        level_font.setBold(True)
        level_font.setPointSizeF(level_font.pointSizeF() * 1.3)
        self.level.setFont(level_font)
        self.override = QLabel()
        self.override.setObjectName("result_override")
        self.override.setWordWrap(True)
        self.lowest = QLabel()
        self.lowest.setObjectName("result_lowest")
        self.lowest.setWordWrap(True)
        self.lowest.setTextFormat(Qt.TextFormat.PlainText)
        self.missing = QLabel()
        self.missing.setObjectName("result_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(ERROR_STYLE)
        self.flags_box = QGroupBox(self.tr("Consistency of the answers"))
        self.flags_layout = QVBoxLayout(self.flags_box)
        self.no_flags = QLabel(self.tr("The answers do not contradict each other."))
        self.flags_layout.addWidget(self.no_flags)
        self.flag_rows: dict[str, FlagRow] = {}
        self.valid_until = QLabel()
        self.valid_until.setObjectName("result_valid_until")
        self.client_confirms = QCheckBox(self.tr("The client has read the result and confirms it"))
        self.client_confirms.setObjectName("client_confirms")

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(heading)
        column.addWidget(self.level)
        column.addWidget(self.score)
        column.addWidget(self.override)
        column.addWidget(self.lowest)
        column.addWidget(self.missing)
        column.addWidget(self.flags_box)
        column.addWidget(self.valid_until)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.client_confirms)

    def show_draft(self, draft: AssessmentDraftDTO, language: str) -> None:
        outcome = draft.provisional
        questionnaire = draft.questionnaire
        self.level.setText(
            self.tr("Risk tolerance: {level}").format(level=level_text(outcome.level, language))
        )
        self.score.setText(
            self.tr("Total score: {score} of {max}").format(
                score=outcome.total_score, max=questionnaire.max_score
            )
        )
        overridden = outcome.lowest_category and outcome.score_level is not outcome.level
        self.override.setText(
            self.tr(
                "The score alone would give {level}; the lowest category puts the client at C1."
            ).format(level=level_text(outcome.score_level, language))
            if overridden
            else ""
        )
        self.override.setVisible(overridden)
        if outcome.lowest_category:
            reasons = "\n".join(
                f"• {reason.reason.in_language(language)} "
                f"({reason.option_text.in_language(language)})"
                for reason in outcome.lowest_reasons
            )
            self.lowest.setText(
                self.tr(
                    "The client is in the lowest risk-tolerance category, because of these answers:"
                )
                + "\n"
                + reasons
            )
            self.lowest.setStyleSheet(ERROR_STYLE)
        else:
            self.lowest.setText(self.tr("The client is not in the lowest risk-tolerance category."))
            self.lowest.setStyleSheet("")
        numbers = {qid: n for n, qid in enumerate(questionnaire.question_ids, start=1)}
        if outcome.missing:
            self.missing.setText(
                self.tr("Not answered yet: questions {numbers}. Press Home to answer them.").format(
                    numbers=", ".join(str(numbers[q]) for q in outcome.missing if q in numbers)
                )
            )
        self.missing.setVisible(bool(outcome.missing))
        for row in self.flag_rows.values():
            self.flags_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.flag_rows = {}
        for flag in outcome.flags:
            row = FlagRow(flag, questionnaire, draft.resolutions.get(flag.rule_id, ""), language)
            self.flags_layout.addWidget(row)
            self.flag_rows[flag.rule_id] = row
        self.no_flags.setVisible(not outcome.flags)
        self.valid_until.setText(
            self.tr("Valid until {date} when confirmed today.").format(
                date=draft.valid_until_if_confirmed_today.isoformat()
            )
        )


class AssessmentWizard(QDialog):
    """Run (or resume) the client's risk-tolerance assessment.

    Opens the client's unfinished draft, or starts one (a correction of ``supersedes_id`` when
    given); a ``KnownError`` from the services (permission, client not found) escapes the
    constructor for the caller to show. ``confirmed`` carries the recorded assessment; the dialog
    then accepts.
    """

    confirmed = Signal(object)  # AssessmentDTO
    discarded = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
        supersedes_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._client_id = client_id
        self.language = language or ui_language()
        self.recorded: AssessmentDTO | None = None
        self.explain_dialog: ExplainDialog | None = None
        self._closed_for_good = False  # confirmed, discarded, or gone: nothing more to save
        self._stops: list[int] = []  # pages Next visits after "Change the answer"
        api = services.assessments
        draft = api.open_draft(actor, client_id)
        self.resumed = draft is not None
        if draft is None:
            draft = api.start(actor, client_id, supersedes_id=supersedes_id)
        self.draft: AssessmentDraftDTO = draft
        self._answers: dict[str, tuple[str, ...]] = dict(draft.answers)
        self.setObjectName("assessment_wizard")
        self.setWindowTitle(self.tr("Risk assessment: {name}").format(name=draft.client_name))
        self.setMinimumSize(680, 560)

        self.title = QLabel()
        self.title.setObjectName("questionnaire_title")
        self.title.setWordWrap(True)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.note = QLabel()
        self.note.setObjectName("wizard_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED_STYLE)
        self.progress = QProgressBar()
        self.progress.setObjectName("assessment_progress")
        self.progress.setTextVisible(True)
        self.running_score = QLabel()
        self.running_score.setObjectName("running_score")
        self.stack = QStackedWidget()
        self.pages: list[QuestionPage] = []
        self.result_page = ResultPage()
        self.result_page.client_confirms.toggled.connect(self._update_buttons)
        self.message = QLabel()
        self.message.setObjectName("wizard_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        keys = QLabel(
            self.tr(
                "Keys: 1–9 choose an answer · Enter or Alt+N next · Alt+B back · "
                "Home first unanswered · Escape closes (the answers are kept)"
            )
        )
        keys.setWordWrap(True)
        keys.setStyleSheet(MUTED_STYLE)

        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setObjectName("discard_assessment")
        self.discard_button.setToolTip(self.tr("Delete this unfinished assessment"))
        self.discard_button.clicked.connect(self.discard)
        self.close_button = QPushButton(self.tr("Close, continue later"))
        self.close_button.setObjectName("close_assessment")
        self.close_button.setToolTip(self.tr("The answers are kept; open it again to carry on"))
        self.close_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("back")
        self.back_button.setToolTip(self.tr("Previous question (Alt+B)"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("next")
        self.next_button.setToolTip(self.tr("Save the answer and go on (Enter or Alt+N)"))
        self.next_button.clicked.connect(self.go_next)
        self.confirm_button = QPushButton(self.tr("Confirm the result"))
        self.confirm_button.setObjectName("confirm_assessment")
        self.confirm_button.setToolTip(
            self.tr(
                "Record the assessment; possible once every question is answered, every "
                "contradiction resolved and the client's confirmation ticked"
            )
        )
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.confirm_button)

        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.running_score)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addWidget(keys)
        layout.addLayout(buttons)

        self._build_pages()
        self.go_to(self.first_unanswered())

    # -- building --------------------------------------------------------------------------------
    @property
    def questionnaire(self) -> Questionnaire:
        return self.draft.questionnaire

    @property
    def result_index(self) -> int:
        return len(self.pages)

    def _build_pages(self) -> None:
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            if page is not self.result_page:
                page.deleteLater()
        questionnaire = self.questionnaire
        intro = questionnaire.intro.in_language(self.language) if questionnaire.intro else ""
        self.pages = []
        for number, question in enumerate(questionnaire.questions, start=1):
            page = QuestionPage(question, number, self.language, intro if number == 1 else "")
            page.chosen.connect(lambda option, i=number - 1: self.choose(option, i))
            page.show_answer(self._answers.get(question.id, ()))
            self.stack.addWidget(page)
            self.pages.append(page)
        self.stack.addWidget(self.result_page)
        self.title.setText(
            self.tr("{title} (version {version})").format(
                title=questionnaire.title.in_language(self.language),
                version=questionnaire.version,
            )
        )
        notes = []
        if self.resumed:
            notes.append(
                self.tr("Resumed: the answers given since {when} are kept.").format(
                    when=local_time(self.draft.started_at)
                )
            )
        if self.draft.supersedes_id is not None:
            notes.append(
                self.tr("This assessment corrects an earlier one, which stays on file unchanged.")
            )
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    # -- where we are ----------------------------------------------------------------------------
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_page(self) -> QuestionPage | None:
        index = self.current_index()
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def on_result_page(self) -> bool:
        return self.current_index() == self.result_index

    def answered(self, index: int) -> bool:
        return bool(self._answers.get(self.pages[index].question.id))

    def answers(self) -> dict[str, tuple[str, ...]]:
        """The answers as they stand on screen (saved at the next step)."""
        return dict(self._answers)

    def first_unanswered(self) -> int:
        for index in range(len(self.pages)):
            if not self.answered(index):
                return index
        return self.result_index

    def provisional(self) -> AssessmentOutcome | None:
        """The outcome of the answers on screen, scored as far as they go."""
        try:
            return score(self.questionnaire, self._answers, allow_incomplete=True)
        except AnswersInvalid:
            return None

    # -- moving ----------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.result_index))
        self.stack.setCurrentIndex(index)
        self._say("")
        if index == self.result_index:
            self.result_page.show_draft(self.draft, self.language)
            for rule_id, row in self.result_page.flag_rows.items():
                row.change_button.clicked.connect(lambda _c=False, r=rule_id: self.change_answer(r))
                row.explain_button.clicked.connect(lambda _c=False, r=rule_id: self.explain(r))
        self._focus_page()
        self._update_progress()
        self._update_buttons()

    def _focus_page(self) -> None:
        """Focus where the keyboard is wanted: the answer, the first open flag, or the box."""
        page = self.current_page()
        if page is not None:
            page.focus_answer()
            return
        open_rows = [r for r in self.result_page.flag_rows.values() if not r.resolved]
        if open_rows:
            open_rows[0].explain_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.result_page.client_confirms.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_next(self) -> None:
        index = self.current_index()
        if index >= self.result_index:
            return
        if not self.answered(index):
            self._say(
                self.tr("Choose an answer first: press 1 to {last}, or click it.").format(
                    last=len(self.pages[index].question.options)
                )
            )
            return
        if not self.save():
            return
        target = self._stops.pop(0) if self._stops else index + 1
        self.go_to(target)

    def go_back(self) -> None:
        index = self.current_index()
        if index <= 0 or not self.save():
            return
        self._stops = []
        self.go_to(index - 1)

    def go_to_first_unanswered(self) -> None:
        if not self.save():
            return
        self._stops = []
        self.go_to(self.first_unanswered())

    # -- answering -------------------------------------------------------------------------------
    def choose(self, option_index: int, page_index: int | None = None) -> None:
        """Answer n of the question (clicked, or its number pressed); a multiple-choice answer
        toggles, and an exclusive one ("none of these") clears the others and is cleared by them."""
        index = self.current_index() if page_index is None else page_index
        if not 0 <= index < len(self.pages):
            return
        question = self.pages[index].question
        if not 0 <= option_index < len(question.options):
            return
        option = question.options[option_index]
        chosen = set(self._answers.get(question.id, ()))
        if question.kind is QuestionKind.SINGLE:
            chosen = {option.id}
        elif option.id in chosen:
            chosen.discard(option.id)
        elif option.exclusive:
            chosen = {option.id}
        else:
            chosen = {c for c in chosen if not question.option(c).exclusive} | {option.id}
        ordered = tuple(o for o in question.option_ids if o in chosen)
        if ordered:
            self._answers[question.id] = ordered
        else:
            self._answers.pop(question.id, None)
        self.pages[index].show_answer(ordered)
        self._say("")
        self._update_progress()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._focus_page()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # A focused push button takes Enter itself (auto-default); anywhere else it lands here.
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        page = self.current_page()
        if page is not None and plain and Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
            self.choose(key - Qt.Key.Key_1.value)
            event.accept()
            return
        if key in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value) and plain:
            if page is not None:
                self.go_next()
            elif self.confirm_button.isEnabled():
                self.confirm()
            event.accept()
            return
        # Plain keys, not shortcuts: a translated button text with a mnemonic cannot collide.
        moves: dict[tuple[int, bool], Callable[[], None]] = {
            (Qt.Key.Key_N.value, True): self.go_next,
            (Qt.Key.Key_B.value, True): self.go_back,
            (Qt.Key.Key_Home.value, False): self.go_to_first_unanswered,
        }
        alt = modifiers == Qt.KeyboardModifier.AltModifier
        move = moves.get((key, alt)) if alt or plain else None
        if move is not None:
            move()
            event.accept()
            return
        super().keyPressEvent(event)  # Escape closes, through reject()

    # -- saving ----------------------------------------------------------------------------------
    def _changes(self) -> dict[str, list[str]]:
        saved = self.draft.answers
        return {
            question_id: list(self._answers.get(question_id, ()))
            for question_id in self.questionnaire.question_ids
            if tuple(self._answers.get(question_id, ())) != tuple(saved.get(question_id, ()))
        }

    def save(self) -> bool:
        """Save the answers changed since the last save; False (and said why) when refused."""
        changes = self._changes()
        if not changes:
            return True
        try:
            self.draft = self._services.assessments.save_answers(
                self._actor, self.draft.id, self.draft.version, changes
            )
        except ConcurrentEdit:
            self.reload()
            return False
        except ValidationError as exc:
            self._say("\n".join(assessment_problem_text(p) for p in exc.problems.values()))
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self._answers = dict(self.draft.answers)
        return True

    def reload(self) -> None:
        """Someone saved the draft meanwhile: show what is on file now, never overwrite it."""
        try:
            draft = self._services.assessments.open_draft(self._actor, self._client_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        if draft is None:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr(
                    "This assessment was confirmed or discarded at another workstation; "
                    "the window closes."
                ),
            )
            self._closed_for_good = True
            super().reject()
            return
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "Someone else saved this assessment while you had it open. It now shows "
                "the answers on file; check them with the client and carry on."
            ),
        )
        same_questionnaire = draft.questionnaire.key == self.questionnaire.key
        self.draft = draft
        self._answers = dict(draft.answers)
        self._stops = []
        if same_questionnaire:
            for page in self.pages:
                page.show_answer(self._answers.get(page.question.id, ()))
        else:
            self._build_pages()
        self.go_to(self.first_unanswered())

    # -- the result ------------------------------------------------------------------------------
    def change_answer(self, rule_id: str) -> None:
        """Visit the questions a flag names, then come back to the result."""
        flag = next((f for f in self.draft.provisional.flags if f.rule_id == rule_id), None)
        if flag is None:
            return
        ids = self.questionnaire.question_ids
        stops = sorted({ids.index(qid) for qid, _ in flag.answers if qid in ids})
        if not stops:
            return
        self._stops = [*stops[1:], self.result_index]
        self.go_to(stops[0])

    def explain(self, rule_id: str) -> ExplainDialog | None:
        flag = next((f for f in self.draft.provisional.flags if f.rule_id == rule_id), None)
        if flag is None:
            return None
        dialog = ExplainDialog(
            flag.message.in_language(self.language),
            self.draft.resolutions.get(rule_id, ""),
            lambda text: self._resolve(rule_id, text),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "explain_dialog", None))
        self.explain_dialog = dialog
        dialog.open()
        return dialog

    def _resolve(self, rule_id: str, text: str) -> str | None:
        if not self.save():
            return ""
        try:
            self.draft = self._services.assessments.resolve_flag(
                self._actor, self.draft.id, self.draft.version, rule_id, text
            )
        except ValidationError as exc:
            return "\n".join(assessment_problem_text(p) for p in exc.problems.values())
        except ConcurrentEdit:
            self.reload()
            return ""
        except KnownError as exc:
            show_error(self, exc)
            return ""
        self.go_to(self.result_index)
        return None

    def can_confirm(self) -> bool:
        outcome = self.draft.provisional
        return (
            self.on_result_page()
            and outcome.complete
            and not self._changes()
            and not self.draft.unresolved_flags
            and self.result_page.client_confirms.isChecked()
        )

    def confirm(self) -> None:
        if not self.on_result_page() or not self.save():
            return
        try:
            recorded = self._services.assessments.confirm(
                self._actor,
                self.draft.id,
                self.draft.version,
                self.result_page.client_confirms.isChecked(),
            )
        except ConcurrentEdit:
            self.reload()
            return
        except Conflict as exc:
            QMessageBox.warning(self, self.windowTitle(), self._refusal(exc))
            self.go_to(self.result_index)
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.recorded = recorded
        self._closed_for_good = True
        self.confirmed.emit(recorded)
        self.accept()

    def _refusal(self, exc: Conflict) -> str:
        reasons = {
            "incomplete": self.tr("Answer every question first (Home goes to the first open one)."),
            "unresolved_flags": self.tr(
                "Resolve every contradiction first: correct an answer, or explain why both stand."
            ),
            "not_confirmed_by_client": self.tr(
                "Tick the box once the client has read the result and confirms it."
            ),
        }
        text = reasons.get(str(exc.params.get("reason")))
        return text if text is not None else error_text(exc)

    # -- leaving ---------------------------------------------------------------------------------
    def discard(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Discard this assessment? The answers given so far are deleted; the client's "
                "earlier assessments stay as they are."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.assessments.discard(self._actor, self.draft.id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self._closed_for_good = True
        self.discarded.emit()
        super().reject()

    def reject(self) -> None:
        """Closing asks nothing: what is on screen is saved, the draft waits for next time."""
        if not self._closed_for_good:
            changes = self._changes()
            if changes:
                try:
                    self.draft = self._services.assessments.save_answers(
                        self._actor, self.draft.id, self.draft.version, changes
                    )
                except ConcurrentEdit:
                    pass  # someone else's answers are on file; ours must not overwrite them
                except KnownError as exc:
                    show_error(self, exc)
        super().reject()

    # -- showing ---------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_progress(self) -> None:
        total = len(self.pages)
        index = self.current_index()
        self.progress.setRange(0, max(total, 1))
        if index < total:
            self.progress.setValue(index + 1)
            self.progress.setFormat(
                self.tr("Question {number} of {total}").format(number=index + 1, total=total)
            )
        else:
            self.progress.setValue(total)
            self.progress.setFormat(self.tr("Result"))
        outcome = self.provisional()
        answered = sum(1 for page in self.pages if self._answers.get(page.question.id))
        self.running_score.setText(
            self.tr("Score so far: {score} · {answered} of {total} answered").format(
                score=outcome.total_score if outcome else "—", answered=answered, total=total
            )
        )

    def _update_buttons(self) -> None:
        on_question = self.current_page() is not None
        index = self.current_index()
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(on_question)
        self.next_button.setEnabled(on_question and self.answered(index))
        self.confirm_button.setVisible(not on_question)
        self.confirm_button.setEnabled(self.can_confirm())
