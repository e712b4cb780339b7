"""Running a risk assessment as an adviser would, with the client across the desk: the wizard by
keyboard alone, a contradiction explained or corrected, the result confirmed, then the client's
assessment tab: its history, the comparison of two assessments, and the expiry warnings."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desk.domain.assessment import ExpiryState, score
from crm_desk.domain.questionnaire import RiskLevel, load_questionnaire
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import AssessmentDTO
from crm_desk.services.assessments import QUESTIONNAIRES
from crm_desk.services.container import Services
from crm_desk.ui.assessment_wizard import AssessmentWizard
from crm_desk.ui.i18n import install_language
from crm_desk.ui.pages.client_assessments import ClientAssessmentsTab, ComparisonModel
from crm_desk.ui.table_model import ROW_ROLE
from tests.assessment_support import BALANCED
from tests.clients_support import client_input
from tests.conftest import FakeClock, MakeUser

QUESTIONNAIRE = load_questionnaire(QUESTIONNAIRES / "individual_v1.toml")
VALID_UNTIL = "2028-11-27"  # 24 months after the FakeClock's day, 2026-11-27
KEYS = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)]

# The keys an adviser presses for each question, in order: the n-th answer. This client says they
# have never invested (question 8, answer 1) yet have held funds and shares (question 9): the rule
# no_experience_vs_stocks fires. Question 9 first takes "nothing but deposits" (1), which funds (4)
# then clears.
CONTRADICTORY_KEYS: list[tuple[str, Sequence[int]]] = [
    ("age", [3]),
    ("income_stability", [1]),
    ("annual_income", [3]),
    ("financial_assets", [3]),
    ("investable_share", [2]),
    ("debts", [2]),
    ("knowledge", [2]),
    ("experience_years", [1]),
    ("experience_products", [1, 4, 5]),
    ("objective", [2]),
    ("horizon", [2]),
    ("liquidity", [2]),
    ("loss_attitude", [2]),
    ("max_loss", [2]),
    ("reaction_to_fall", [2]),
    ("risk_return_choice", [1]),
    ("special_circumstances", [1]),
]
CONTRADICTORY = BALANCED | {
    "experience_years": ["none"],
    "experience_products": ["funds", "stocks"],
}
BALANCED = CONTRADICTORY | {"experience_years": ["2_5"]}  # C3, nothing contradicts
GROWTH = BALANCED | {  # C4
    "age": ["31_50"],
    "objective": ["balanced_growth"],
    "horizon": ["3_5y"],
    "liquidity": ["after_3y"],
    "loss_attitude": ["moderate_loss"],
    "max_loss": ["10_30"],
    "reaction_to_fall": ["hold"],
    "risk_return_choice": ["mostly_b"],
}


def test_the_answer_sets_score_as_these_tests_assume() -> None:
    by_keys = {
        qid: [QUESTIONNAIRE.question(qid).options[k - 1].id for k in keys]
        for qid, keys in CONTRADICTORY_KEYS
    }
    assert [qid for qid, _ in CONTRADICTORY_KEYS] == list(QUESTIONNAIRE.question_ids)
    assert by_keys["experience_products"] == ["none", "funds", "stocks"]  # 1 is then cleared
    contradictory = score(QUESTIONNAIRE, CONTRADICTORY)
    assert (contradictory.level, [f.rule_id for f in contradictory.flags]) == (
        RiskLevel.C3,
        ["no_experience_vs_stocks"],
    )
    assert score(QUESTIONNAIRE, BALANCED).level is RiskLevel.C3
    assert not score(QUESTIONNAIRE, BALANCED).flags
    assert score(QUESTIONNAIRE, GROWTH).level is RiskLevel.C4
    assert not score(QUESTIONNAIRE, GROWTH).flags


# -- fixtures and helpers -------------------------------------------------------------------------
@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, username="li.adviser")


@pytest.fixture
def client_id(services: Services, adviser: Actor) -> int:
    return services.clients.create_client(adviser, client_input()).id


@pytest.fixture
def no_questions_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any message box fails the test: closing and saving must ask nothing."""
    asked: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2] if len(args) > 2 else kwargs))
        return QMessageBox.StandardButton.No

    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    yield asked
    assert asked == []


def assess(
    services: Services,
    actor: Actor,
    client: int,
    answers: Mapping[str, Sequence[str]] = BALANCED,
    supersedes_id: int | None = None,
) -> AssessmentDTO:
    draft = services.assessments.start(actor, client, supersedes_id=supersedes_id)
    draft = services.assessments.save_answers(actor, draft.id, draft.version, answers)
    return services.assessments.confirm(actor, draft.id, draft.version, True)


def open_tab(qtbot: Any, services: Services, actor: Actor, client: int) -> ClientAssessmentsTab:
    tab = ClientAssessmentsTab(services, actor, client)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def open_wizard(
    qtbot: Any, services: Services, actor: Actor, client: int, **kwargs: Any
) -> AssessmentWizard:
    wizard = AssessmentWizard(services, actor, client, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def press(qtbot: Any, wizard: QWidget, key: Qt.Key, modifier: Any = None) -> None:
    """A key as the adviser presses it: to whatever has the keyboard focus in the wizard."""
    target = wizard.focusWidget() or wizard
    if modifier is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifier)


def answer_by_keyboard(
    qtbot: Any, wizard: AssessmentWizard, plan: Sequence[tuple[str, Sequence[int]]]
) -> None:
    for question_id, keys in plan:
        page = wizard.current_page()
        assert page is not None and page.question.id == question_id
        for key in keys:
            press(qtbot, wizard, KEYS[key - 1])
        press(qtbot, wizard, Qt.Key.Key_Return)


# -- the wizard -----------------------------------------------------------------------------------
def test_an_adviser_completes_the_questionnaire_by_keyboard_explains_a_flag_and_confirms(
    qtbot: Any,
    qtmodeltester: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    no_questions_asked: list[str],
) -> None:
    tab = open_tab(qtbot, services, adviser, client_id)
    assert "Not assessed" in tab.status.text()
    assert tab.empty.isVisible() and tab.model.rowCount() == 0
    assert tab.run_button.isVisible() and tab.run_button.text() == "Run the risk assessment…"

    tab.run_button.click()
    wizard = tab.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitExposed(wizard)
    total = len(QUESTIONNAIRE.questions)
    assert wizard.progress.text() == f"Question 1 of {total}"
    assert "How old are you?" in wizard.pages[0].text.text()

    # Enter does nothing before the question is answered, and says why.
    press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.current_index() == 0 and wizard.message.isVisible()

    started = time.perf_counter()
    answer_by_keyboard(qtbot, wizard, CONTRADICTORY_KEYS[:8])
    # Question 9 takes several answers; "nothing but deposits" is exclusive.
    press(qtbot, wizard, Qt.Key.Key_1)
    assert wizard.answers()["experience_products"] == ("none",)
    press(qtbot, wizard, Qt.Key.Key_4)
    assert wizard.answers()["experience_products"] == ("funds",)
    page = wizard.current_page()
    assert page is not None and [b.isChecked() for b in page.buttons[:5]] == [
        False,
        False,
        False,
        True,
        False,
    ]
    press(qtbot, wizard, Qt.Key.Key_5)
    press(qtbot, wizard, Qt.Key.Key_Return)
    answer_by_keyboard(qtbot, wizard, CONTRADICTORY_KEYS[9:])
    questions_done = time.perf_counter() - started

    # Every answer was saved as the adviser went.
    assert wizard.on_result_page()
    assert wizard.progress.text() == "Result"
    draft = services.assessments.open_draft(adviser, client_id)
    assert draft is not None
    assert {k: list(v) for k, v in draft.answers.items()} == CONTRADICTORY
    assert wizard.running_score.text().startswith("Score so far: 45 ")

    result = wizard.result_page
    assert result.level.text() == "Risk tolerance: C3 Balanced"
    assert result.score.text() == "Total score: 45 of 100"
    assert "not in the lowest" in result.lowest.text()
    assert result.valid_until.text() == f"Valid until {VALID_UNTIL} when confirmed today."
    assert list(result.flag_rows) == ["no_experience_vs_stocks"]
    flag = result.flag_rows["no_experience_vs_stocks"]
    assert "no investment experience" in flag.message.text()
    assert flag.status.text().startswith("Not resolved")
    assert not wizard.confirm_button.isEnabled()

    # The focus is on the flag's "Explain…": Enter opens it, Ctrl+Enter saves the explanation.
    assert wizard.focusWidget() is flag.explain_button
    press(qtbot, wizard, Qt.Key.Key_Return)
    dialog = wizard.explain_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.text, "ok")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.error.isVisible()  # too short: refused, said why
    assert "a few words" in dialog.error.text()
    dialog.text.clear()
    qtbot.keyClicks(dialog.text, "Shares came with an employee share plan; never traded himself")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: wizard.explain_dialog is None)

    flag = wizard.result_page.flag_rows["no_experience_vs_stocks"]
    assert flag.status.text().startswith("Explained: Shares came with an employee share plan")
    assert not wizard.confirm_button.isEnabled()  # the client has not confirmed yet
    assert wizard.focusWidget() is wizard.result_page.client_confirms
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert wizard.result_page.client_confirms.isChecked() and wizard.confirm_button.isEnabled()

    with qtbot.waitSignal(tab.changed), qtbot.waitSignal(wizard.confirmed) as confirmed:
        press(qtbot, wizard, Qt.Key.Key_Return)
    seconds = time.perf_counter() - started
    print(
        f"\nKeyboard completion of the default questionnaire ({total} questions): "
        f"{questions_done:.2f} s to the result page, {seconds:.2f} s including the "
        "explanation and the confirmation"
    )
    recorded: AssessmentDTO = confirmed.args[0]
    assert (recorded.level, recorded.score) == (RiskLevel.C3, 45)
    assert [(f.rule_id, f.explanation) for f in recorded.flags] == [
        (
            "no_experience_vs_stocks",
            "Shares came with an employee share plan; never traded himself",
        )
    ]

    # The assessment appears on the client's tab, which now shows the level and its expiry.
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.model.rowCount() == 1 and not tab.empty.isVisible()
    row = tab.model.index(0, 0).data(ROW_ROLE)
    assert row.id == recorded.id
    texts = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert texts[1] == "C3 Balanced" and texts[2] == "45"
    assert texts[3] == f"{QUESTIONNAIRE.title.en}, version 1"
    assert texts[4] == "Test Adviser" and texts[5] == VALID_UNTIL and texts[6] == "Valid"
    assert tab.status.text() == f"Risk tolerance C3 Balanced — valid until {VALID_UNTIL}."
    assert services.assessments.open_draft(adviser, client_id) is None
    assert tab.run_button.text() == "Run the risk assessment…"
    qtmodeltester.check(tab.model)


def test_closing_half_way_asks_nothing_and_reopening_resumes_at_the_first_unanswered(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    no_questions_asked: list[str],
) -> None:
    wizard = open_wizard(qtbot, services, adviser, client_id)
    assert not wizard.resumed
    answer_by_keyboard(qtbot, wizard, CONTRADICTORY_KEYS[:5])
    press(qtbot, wizard, Qt.Key.Key_2)  # question 6 answered, Enter not yet pressed
    press(qtbot, wizard, Qt.Key.Key_Escape)  # a slip: the window closes, nothing asked
    assert not wizard.isVisible()

    again = open_wizard(qtbot, services, adviser, client_id)
    assert again.resumed and again.note.text().startswith("Resumed")
    assert again.current_index() == 6  # question 7, the first unanswered
    assert again.progress.text() == f"Question 7 of {len(QUESTIONNAIRE.questions)}"
    expected = {qid: tuple(CONTRADICTORY[qid]) for qid in QUESTIONNAIRE.question_ids[:6]}
    assert again.answers() == expected
    assert [b.isChecked() for b in again.pages[0].buttons] == [False, False, True, False]

    # Back (Alt+B) shows the answers kept; Home returns to the first unanswered question.
    press(qtbot, again, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert again.current_index() == 5
    page = again.current_page()
    assert page is not None and page.buttons[1].isChecked()
    press(qtbot, again, Qt.Key.Key_Home)
    assert again.current_index() == 6
    # Alt+N goes on only once the question is answered.
    press(qtbot, again, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert again.current_index() == 6
    press(qtbot, again, Qt.Key.Key_2)
    press(qtbot, again, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert again.current_index() == 7

    again.close_button.click()
    draft = services.assessments.open_draft(adviser, client_id)
    assert draft is not None and len(draft.answers) == 7


def test_a_flag_is_resolved_by_changing_the_answer(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    draft = services.assessments.start(adviser, client_id)
    services.assessments.save_answers(adviser, draft.id, draft.version, CONTRADICTORY)
    wizard = open_wizard(qtbot, services, adviser, client_id)
    assert wizard.on_result_page()  # everything answered: the result at once
    flag = wizard.result_page.flag_rows["no_experience_vs_stocks"]

    flag.change_button.click()
    page = wizard.current_page()
    assert page is not None and page.question.id == "experience_years"
    press(qtbot, wizard, Qt.Key.Key_3)  # 2 to 5 years
    press(qtbot, wizard, Qt.Key.Key_Return)
    page = wizard.current_page()
    assert page is not None and page.question.id == "experience_products"  # the other answer
    press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.on_result_page()  # and back to the result
    assert wizard.result_page.flag_rows == {}
    assert wizard.result_page.no_flags.isVisible()
    wizard.result_page.client_confirms.setChecked(True)
    assert wizard.confirm_button.isEnabled()
    with qtbot.waitSignal(wizard.confirmed) as confirmed:
        wizard.confirm_button.click()
    assert confirmed.args[0].flags == ()
    assert not wizard.isVisible()


def test_lowest_category_shows_why_and_overrides_the_score(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    draft = services.assessments.start(adviser, client_id)
    lowest = GROWTH | {"special_circumstances": ["no_risk_tolerance"]}
    services.assessments.save_answers(adviser, draft.id, draft.version, lowest)
    wizard = open_wizard(qtbot, services, adviser, client_id)
    result = wizard.result_page
    assert result.level.text() == "Risk tolerance: C1 Conservative"
    assert "C4 Growth" in result.override.text() and result.override.isVisible()
    assert "lowest risk-tolerance category" in result.lowest.text()
    assert "No risk tolerance" in result.lowest.text()


def test_the_wizard_shows_the_questions_in_chinese_when_the_ui_is_chinese(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    install_language("zh_CN")
    wizard = open_wizard(qtbot, services, adviser, client_id)
    assert wizard.language == "zh_CN"
    assert "您的年龄是？" in wizard.pages[0].text.text()
    draft = services.assessments.open_draft(adviser, client_id)
    assert draft is not None
    services.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    wizard.reject()
    wizard = open_wizard(qtbot, services, adviser, client_id)
    assert "C3 稳健型" in wizard.result_page.level.text()


def test_someone_elses_save_reloads_the_draft_with_a_message(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine = open_wizard(qtbot, services, adviser, client_id)
    theirs = open_wizard(qtbot, services, adviser, client_id)  # the same draft, elsewhere
    press(qtbot, theirs, Qt.Key.Key_1)
    press(qtbot, theirs, Qt.Key.Key_Return)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    press(qtbot, mine, Qt.Key.Key_4)
    press(qtbot, mine, Qt.Key.Key_Return)
    assert len(told) == 1 and "Someone else saved this assessment" in told[0]
    assert mine.answers() == {"age": ("18_30",)}  # theirs, not overwritten
    assert mine.current_index() == 1
    draft = services.assessments.open_draft(adviser, client_id)
    assert draft is not None and draft.answers == {"age": ("18_30",)}


def test_discard_asks_first_then_deletes_the_draft(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = open_wizard(qtbot, services, adviser, client_id)
    answer_by_keyboard(qtbot, wizard, CONTRADICTORY_KEYS[:2])
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard.discard_button.click()
    assert wizard.isVisible() and services.assessments.open_draft(adviser, client_id)
    with qtbot.waitSignal(wizard.discarded):
        wizard.discard_button.click()
    assert len(asked) == 2 and asked[0].startswith("Discard this assessment?")
    assert not wizard.isVisible()
    assert services.assessments.open_draft(adviser, client_id) is None


# -- the client's tab -----------------------------------------------------------------------------
def test_the_tab_offers_to_resume_an_unfinished_assessment(
    qtbot: Any, services: Services, adviser: Actor, client_id: int
) -> None:
    draft = services.assessments.start(adviser, client_id)
    services.assessments.save_answers(adviser, draft.id, draft.version, {"age": ["31_50"]})
    tab = open_tab(qtbot, services, adviser, client_id)
    assert tab.run_button.text() == "Resume the assessment…"
    assert tab.draft_note.isVisible() and "1 of 17 questions" in tab.draft_note.text()
    wizard = tab.run_assessment()
    assert wizard is not None and wizard.resumed and wizard.current_index() == 1
    wizard.reject()
    qtbot.waitUntil(lambda: tab.wizard is None)


def test_two_assessments_are_compared_with_the_changed_answers_highlighted(
    qtbot: Any,
    qtmodeltester: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    clock: FakeClock,
) -> None:
    first = assess(services, adviser, client_id, BALANCED)
    clock.advance(days=40)
    second = assess(services, adviser, client_id, GROWTH, supersedes_id=first.id)
    tab = open_tab(qtbot, services, adviser, client_id)
    assert tab.model.rowCount() == 2
    assert [tab.model.index(r, 1).data() for r in range(2)] == ["C4 Growth", "C3 Balanced"]
    assert tab.model.index(0, 7).data().startswith("the one of ")  # the newer corrects the older
    assert tab.model.index(1, 6).data() == "Corrected by a later one"
    assert tab.model.index(0, 6).data() == "Valid"
    qtmodeltester.check(tab.model)

    # One row selected (the newest, at first): re-assess possible, compare not.
    assert [a.id for a in tab.selected()] == [second.id]
    assert tab.reassess_button.isEnabled() and not tab.compare_button.isEnabled()
    tab.table.selectAll()
    assert tab.compare_button.isEnabled() and not tab.reassess_button.isEnabled()

    tab.compare_button.click()
    dialog = tab.compare_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(QUESTIONNAIRE.questions)
    assert "C3 Balanced" in model.headerData(1, Qt.Orientation.Horizontal)  # older on the left
    assert "C4 Growth" in model.headerData(2, Qt.Orientation.Horizontal)
    changed = {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
        if model.index(r, 3).data() == "changed"
    }
    assert changed == {
        "How old are you?": ("51 to 64", "31 to 50"),
        **{
            QUESTIONNAIRE.question(qid).text.en: (
                QUESTIONNAIRE.question(qid).option(BALANCED[qid][0]).text.en,
                QUESTIONNAIRE.question(qid).option(GROWTH[qid][0]).text.en,
            )
            for qid in (
                "objective",
                "horizon",
                "liquidity",
                "loss_attitude",
                "max_loss",
                "reaction_to_fall",
                "risk_return_choice",
            )
        },
    }
    highlighted = [
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert len(highlighted) == len(changed) == 8
    assert dialog.summary.text().startswith("8 of 17 answers changed")
    dialog.only_changed.setChecked(True)
    assert model.rowCount() == 8
    qtmodeltester.check(model)


def test_the_comparison_model_alone(qtmodeltester: Any) -> None:
    model = ComparisonModel("left", "right", "en")
    model.set_rows([])
    qtmodeltester.check(model)


def test_re_assessing_supersedes_the_selected_assessment(
    qtbot: Any, services: Services, adviser: Actor, client_id: int, clock: FakeClock
) -> None:
    first = assess(services, adviser, client_id, BALANCED)
    clock.advance(days=1)
    tab = open_tab(qtbot, services, adviser, client_id)
    tab.reassess_button.click()
    wizard = tab.wizard
    assert wizard is not None and wizard.draft.supersedes_id == first.id
    assert "corrects an earlier one" in wizard.note.text()
    draft = wizard.draft
    wizard.draft = services.assessments.save_answers(adviser, draft.id, draft.version, GROWTH)
    wizard.reject()
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.run_button.text() == "Resume the assessment…"
    assert not tab.reassess_button.isEnabled()  # one correction at a time


def test_expiring_and_expired_assessments_are_shown_in_amber_then_red(
    qtbot: Any, services: Services, adviser: Actor, client_id: int, clock: FakeClock
) -> None:
    assess(services, adviser, client_id, BALANCED)  # valid until 2028-11-27
    tab = open_tab(qtbot, services, adviser, client_id)
    assert tab.status_state is ExpiryState.VALID
    assert tab.status.text() == f"Risk tolerance C3 Balanced — valid until {VALID_UNTIL}."

    clock.advance(days=731 - 20)  # 2028-11-07: 20 days left
    tab.refresh()
    assert tab.status_state is ExpiryState.EXPIRING
    assert tab.status.text() == (
        f"Risk tolerance C3 Balanced — valid until {VALID_UNTIL}; expires in 20 days."
    )
    assert "#fff4ce" in tab.status.styleSheet()
    assert tab.model.index(0, 6).data() == "Expiring soon"
    assert tab.model.index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is not None

    clock.advance(days=19)
    tab.refresh()
    assert tab.status.text().endswith("expires tomorrow.")
    clock.advance(days=1)
    tab.refresh()
    assert "valid until today" in tab.status.text()

    clock.advance(days=1)  # 2028-11-28: expired
    tab.refresh()
    assert tab.status_state is ExpiryState.EXPIRED
    assert tab.status.text().startswith("Risk tolerance C3 Balanced — expired on 2028-11-28.")
    assert "Sales are blocked" in tab.status.text()
    assert "#fde7e9" in tab.status.styleSheet()
    assert tab.model.index(0, 6).data() == "Expired"


def test_compliance_reads_the_history_but_cannot_run_an_assessment(
    qtbot: Any,
    services: Services,
    adviser: Actor,
    client_id: int,
    make_user: MakeUser,
) -> None:
    compliance = make_user(Role.COMPLIANCE, username="zhou.compliance")
    tab = open_tab(qtbot, services, compliance, client_id)
    assert not tab.run_button.isVisible() and not tab.reassess_button.isVisible()
    assert tab.empty.text() == "No assessment on file yet."
    assess(services, adviser, client_id, BALANCED)
    tab.refresh()
    assert tab.model.rowCount() == 1 and tab.compare_button.isVisible()
    assert not tab.run_button.isVisible()
