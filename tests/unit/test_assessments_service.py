"""Risk-tolerance assessments through AssessmentService, on the test database (SQLite, or
PostgreSQL when CRM_DESK_TEST_DATABASE_URL is set): run, resume, explain contradictions, confirm,
expire, supersede, compare, remind; the client list's filters; who may do what; the audit trail.

Answer sets are built from the shipped questionnaire (resources/questionnaires/individual_v1.toml).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from crm_desk.domain.assessment import ExpiryState
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound, PermissionDenied
from crm_desk.domain.errors import ValidationError as Invalid
from crm_desk.domain.questionnaire import RiskLevel, load_questionnaire
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import AssessmentDTO
from crm_desk.services.assessments import QUESTIONNAIRES
from crm_desk.services.client_dto import ClientQuery
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

QUESTIONNAIRE = load_questionnaire(QUESTIONNAIRES / "individual_v1.toml")
TODAY = date(2026, 11, 27)  # the FakeClock's day
VALID_UNTIL = date(2028, 11, 27)  # 24 months later, the last valid day

Answers = Mapping[str, Sequence[str]]

# 69 points: C4, no contradiction.
GROWTH = BALANCED | {
    "age": ["31_50"],
    "experience_products": ["funds", "stocks"],
    "objective": ["balanced_growth"],
    "horizon": ["3_5y"],
    "liquidity": ["after_3y"],
    "loss_attitude": ["moderate_loss"],
    "max_loss": ["10_30"],
    "reaction_to_fall": ["hold"],
    "risk_return_choice": ["mostly_b"],
}
# Every lowest-category option there is: C1 whatever the score.
LOWEST = BALANCED | {
    "loss_attitude": ["no_loss"],
    "max_loss": ["none"],
    "special_circumstances": ["no_full_capacity", "no_risk_tolerance"],
}
# No experience at all, yet stocks among the products: the rule no_experience_vs_stocks fires.
CONTRADICTORY = BALANCED | {
    "experience_years": ["none"],
    "experience_products": ["funds", "stocks"],
}
FLAG = "no_experience_vs_stocks"


def test_the_answer_sets_are_complete_and_score_as_the_tests_assume() -> None:
    assert len(QUESTIONNAIRE.questions) == 17
    for answers in (BALANCED, GROWTH, LOWEST, CONTRADICTORY):
        assert set(answers) == set(QUESTIONNAIRE.question_ids)
    assert QUESTIONNAIRE.validity_months == 24


# -- helpers ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Team:
    admin: Actor
    adviser: Actor  # branch SH-001
    colleague: Actor  # another adviser of SH-001
    supervisor: Actor  # SH-001
    compliance: Actor
    far_supervisor: Actor  # BJ-002


@pytest.fixture
def team(services: Services, admin: Actor, make_user: MakeUser) -> Team:
    far = services.users.create_branch(admin, code="BJ-002", name="北京金融街支行")
    return Team(
        admin=admin,
        adviser=make_user(Role.ADVISER, "li.adviser"),
        colleague=make_user(Role.ADVISER, "wu.adviser"),
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        far_supervisor=make_user(Role.SUPERVISOR, "far.supervisor", far.id),
    )


_clients = iter(range(1, 10_000))


def new_client(services: Services, adviser: Actor, name: str | None = None) -> int:
    n = next(_clients)
    form = numbered_client(n, name=name)
    return services.clients.create_client(adviser, form, acknowledge_similar=True).id


@pytest.fixture
def client_id(services: Services, team: Team) -> int:
    return new_client(services, team.adviser, "张伟")


def assess(
    services: Services,
    actor: Actor,
    client: int,
    answers: Answers = BALANCED,
    supersedes_id: int | None = None,
) -> AssessmentDTO:
    """Start, answer everything, confirm with the client: the confirmed record."""
    draft = services.assessments.start(actor, client, supersedes_id=supersedes_id)
    draft = services.assessments.save_answers(actor, draft.id, draft.version, answers)
    return services.assessments.confirm(actor, draft.id, draft.version, True)


def events_since(services: Services, admin: Actor, seq: int) -> list[AuditEventDTO]:
    """Audit events after ``seq``, oldest first."""
    return [e for e in reversed(services.audit.list_events(admin, limit=500)) if e.seq > seq]


def head(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def move_to(clock: FakeClock, day: date) -> None:
    """The clock to 09:00 UTC of ``day`` (the same calendar day in every zone of UTC-9..+14)."""
    clock.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def conflict_reason(exc: pytest.ExceptionInfo[Conflict]) -> str:
    return str(exc.value.params["reason"])


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The workstation in China (UTC+8): the branch's day turns at 16:00 UTC."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


# -- running an assessment --------------------------------------------------------------------
def test_an_assessment_is_saved_in_steps_resumed_and_confirmed(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    assert services.assessments.open_draft(adviser, client_id) is None
    offered = services.assessments.questionnaires(adviser)
    assert [(q.id, q.version) for q in offered] == [("individual", 1)]

    draft = services.assessments.start(adviser, client_id)
    assert draft.client_id == client_id and draft.client_name == "张伟"
    assert draft.questionnaire.fingerprint == QUESTIONNAIRE.fingerprint
    assert draft.answers == {} and draft.resolutions == {}
    assert draft.provisional.missing == QUESTIONNAIRE.question_ids
    assert draft.valid_until_if_confirmed_today == VALID_UNTIL

    ids = list(QUESTIONNAIRE.question_ids)
    steps = [ids[:6], ids[6:12], ids[12:]]
    for number, step in enumerate(steps, start=1):
        saved = services.assessments.save_answers(
            adviser, draft.id, draft.version, {q: BALANCED[q] for q in step}
        )
        assert saved.id == draft.id and saved.version > draft.version
        draft = saved
        answered = [q for s in steps[:number] for q in s]
        assert set(draft.answers) == set(answered)
        assert draft.provisional.missing == tuple(q for q in ids if q not in answered)
        # The adviser's window closes: the next start opens the same draft with the answers.
        resumed = services.assessments.open_draft(adviser, client_id)
        assert resumed is not None
        assert (resumed.id, resumed.version, resumed.answers) == (
            draft.id,
            draft.version,
            draft.answers,
        )
        again = services.assessments.start(adviser, client_id)
        assert (again.id, again.version, again.answers) == (draft.id, draft.version, draft.answers)
        if number == 1:
            with pytest.raises(Conflict) as incomplete:
                services.assessments.confirm(adviser, draft.id, draft.version, True)
            assert conflict_reason(incomplete) == "incomplete"
            assert incomplete.value.params["missing"] == list(ids[6:])

    assert draft.provisional.complete
    assert draft.provisional.total_score == 47 and draft.provisional.level is RiskLevel.C3
    assert draft.answers == {q: tuple(v) for q, v in BALANCED.items()}

    with pytest.raises(Conflict) as unconfirmed:
        services.assessments.confirm(adviser, draft.id, draft.version, False)
    assert conflict_reason(unconfirmed) == "not_confirmed_by_client"

    record = services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert (record.id, record.level, record.score) == (draft.id, RiskLevel.C3, 47)
    assert services.assessments.open_draft(adviser, client_id) is None
    assert services.clients.get_client(adviser, client_id).risk_level == "C3"


def test_a_contradiction_must_be_explained_or_corrected_before_confirming(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, CONTRADICTORY)
    assert draft.provisional.complete
    assert [f.rule_id for f in draft.provisional.flags] == [FLAG]
    assert draft.unresolved_flags == (FLAG,)

    with pytest.raises(Conflict) as unresolved:
        services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert conflict_reason(unresolved) == "unresolved_flags"
    assert unresolved.value.params["rules"] == [FLAG]

    with pytest.raises(Invalid) as short:  # an explanation says something
        services.assessments.resolve_flag(adviser, draft.id, draft.version, FLAG, "  ok  ")
    assert "explanation" in short.value.problems
    with pytest.raises(NotFound):  # a rule that does not fire cannot be explained away
        services.assessments.resolve_flag(
            adviser, draft.id, draft.version, "no_loss_vs_aggressive_growth", "Client insists"
        )
    reopened = services.assessments.open_draft(adviser, client_id)
    assert reopened is not None and reopened.version == draft.version
    assert reopened.resolutions == {}

    explanation = "Holds shares from an employee plan;   never bought any himself"
    draft = services.assessments.resolve_flag(adviser, draft.id, draft.version, FLAG, explanation)
    assert draft.unresolved_flags == ()
    assert draft.resolutions == {FLAG: " ".join(explanation.split())}

    with pytest.raises(Conflict) as unconfirmed:
        services.assessments.confirm(adviser, draft.id, draft.version, False)
    assert conflict_reason(unconfirmed) == "not_confirmed_by_client"

    record = services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert [(f.rule_id, f.explanation) for f in record.flags] == [
        (FLAG, " ".join(explanation.split()))
    ]
    assert record.flags[0].message.en and record.flags[0].message.zh_CN


def test_a_contradiction_corrected_by_changing_an_answer_needs_no_explanation(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, CONTRADICTORY)
    assert draft.unresolved_flags == (FLAG,)
    draft = services.assessments.save_answers(
        adviser, draft.id, draft.version, {"experience_years": ["under_2"]}
    )
    assert draft.provisional.flags == () and draft.unresolved_flags == ()
    before = head(services, team.admin)
    record = services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert record.flags == ()
    assert record.answers["experience_years"] == ("under_2",)
    [confirmed] = events_since(services, team.admin, before)
    assert confirmed.changes["flags_explained"] == [None, []]


def test_an_explanation_of_a_contradiction_corrected_later_is_not_recorded(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, CONTRADICTORY)
    draft = services.assessments.resolve_flag(
        adviser, draft.id, draft.version, FLAG, "Client says he holds stocks"
    )
    # On second thought the client has a year of experience: the contradiction is gone.
    draft = services.assessments.save_answers(
        adviser, draft.id, draft.version, {"experience_years": ["under_2"]}
    )
    before = head(services, team.admin)
    record = services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert record.flags == ()
    [confirmed] = events_since(services, team.admin, before)
    assert confirmed.action == "assessment.confirmed"
    assert confirmed.changes["flags_explained"] == [None, []]  # nothing was explained away


def test_a_stale_version_is_refused_and_nothing_is_overwritten(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    opened = services.assessments.start(adviser, client_id)
    current = services.assessments.save_answers(adviser, opened.id, opened.version, CONTRADICTORY)
    with pytest.raises(ConcurrentEdit) as stale:
        services.assessments.save_answers(adviser, opened.id, opened.version, {"age": ["18_30"]})
    assert stale.value.current_version == current.version
    with pytest.raises(ConcurrentEdit):
        services.assessments.resolve_flag(adviser, opened.id, opened.version, FLAG, "Explained")
    with pytest.raises(ConcurrentEdit):
        services.assessments.confirm(adviser, opened.id, opened.version, True)
    resumed = services.assessments.open_draft(adviser, client_id)
    assert resumed is not None
    assert (resumed.version, resumed.answers, resumed.resolutions) == (
        current.version,
        current.answers,
        {},
    )


@pytest.mark.parametrize(
    ("answers", "question", "code"),
    [
        ({"shoe_size": ["42"]}, "shoe_size", "answer.unknown_question"),
        ({"age": ["17_or_less"]}, "age", "answer.unknown_option"),
        ({"age": ["18_30", "31_50"]}, "age", "answer.too_many"),
        ({"age": "18_30"}, "age", "answer.not_a_list"),
        ({"experience_products": ["none", "stocks"]}, "experience_products", "answer.exclusive"),
        ({"experience_products": ["bonds", "bonds"]}, "experience_products", "answer.duplicate"),
    ],
)
def test_invalid_answers_are_refused_and_not_saved(
    services: Services,
    team: Team,
    client_id: int,
    answers: Answers,
    question: str,
    code: str,
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, {"debts": ["none"]})
    with pytest.raises(Invalid) as invalid:
        services.assessments.save_answers(adviser, draft.id, draft.version, answers)
    assert invalid.value.problems[question].code == code
    resumed = services.assessments.open_draft(adviser, client_id)
    assert resumed is not None
    assert (resumed.version, resumed.answers) == (draft.version, {"debts": ("none",)})


def test_an_answer_can_be_taken_back(services: Services, team: Team, client_id: int) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, {"age": []})
    assert "age" not in draft.answers and draft.provisional.missing == ("age",)
    with pytest.raises(Conflict) as incomplete:
        services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert conflict_reason(incomplete) == "incomplete"


def test_lowest_category_answers_give_c1_with_the_reasons(
    services: Services, team: Team, client_id: int
) -> None:
    record = assess(services, team.adviser, client_id, LOWEST)
    assert record.level is RiskLevel.C1
    assert record.score_level is RiskLevel.C3  # the score alone would say more
    assert record.lowest_category is True
    reasons = {text.en for text in record.lowest_reasons}
    assert len(record.lowest_reasons) == 4
    expected = set()
    for question_id, option_id in [
        ("loss_attitude", "no_loss"),
        ("max_loss", "none"),
        ("special_circumstances", "no_full_capacity"),
        ("special_circumstances", "no_risk_tolerance"),
    ]:
        option = QUESTIONNAIRE.question(question_id).option(option_id)
        assert option.lowest_category
        expected.add((option.reason or option.text).en)
    assert reasons == expected
    assert all(text.zh_CN for text in record.lowest_reasons)
    assert services.assessments.current(team.adviser, client_id).level is RiskLevel.C1


def test_one_lowest_category_answer_is_enough_whatever_the_score(
    services: Services, team: Team, client_id: int
) -> None:
    answers = GROWTH | {"special_circumstances": ["no_full_capacity"]}
    record = assess(services, team.adviser, client_id, answers)
    assert (record.score, record.score_level, record.level) == (69, RiskLevel.C4, RiskLevel.C1)
    assert record.lowest_category and len(record.lowest_reasons) == 1
    ordinary = assess(services, team.adviser, client_id, GROWTH, supersedes_id=record.id)
    assert (ordinary.level, ordinary.lowest_category, ordinary.lowest_reasons) == (
        RiskLevel.C4,
        False,
        (),
    )


def test_the_confirmed_record_keeps_everything_it_was_decided_on(
    services: Services, team: Team, client_id: int, clock: FakeClock
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, CONTRADICTORY)
    draft = services.assessments.resolve_flag(
        adviser, draft.id, draft.version, FLAG, "Inherited shares, never traded"
    )
    clock.advance(minutes=25)  # the client reads the result before confirming
    confirmed = services.assessments.confirm(adviser, draft.id, draft.version, True)

    for record in (
        confirmed,
        services.assessments.get(adviser, confirmed.id),
        services.assessments.get(team.compliance, confirmed.id),
        services.assessments.history(adviser, client_id)[0],
    ):
        assert record.client_id == client_id
        assert (record.questionnaire_id, record.questionnaire_version) == ("individual", 1)
        assert record.questionnaire_fingerprint == QUESTIONNAIRE.fingerprint
        assert record.answers == {q: tuple(v) for q, v in CONTRADICTORY.items()}
        assert (record.score, record.level, record.score_level) == (45, RiskLevel.C3, RiskLevel.C3)
        assert (record.lowest_category, record.lowest_reasons) == (False, ())
        assert [(f.rule_id, f.explanation) for f in record.flags] == [
            (FLAG, "Inherited shares, never traded")
        ]
        rule = next(r for r in QUESTIONNAIRE.consistency_rules if r.id == FLAG)
        assert record.flags[0].message == rule.message
        assert record.client_confirmed is True
        assert record.adviser_name == "Test Adviser"
        assert record.confirmed_at == clock.now
        assert record.confirmed_at.utcoffset() == timedelta(0)
        assert record.valid_until == VALID_UNTIL
        assert record.state is ExpiryState.VALID
        assert (record.supersedes_id, record.superseded_by_id) == (None, None)

    detail = services.clients.get_client(adviser, client_id)
    assert (detail.risk_level, detail.assessment_valid_until) == ("C3", VALID_UNTIL)
    timeline = services.clients.timeline(adviser, client_id)
    assert [(e.kind, e.ref_id, e.title) for e in timeline if e.kind == "assessment"] == [
        ("assessment", confirmed.id, "C3 (45)")
    ]


def test_a_draft_can_be_discarded_and_a_new_one_started(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    draft = services.assessments.start(adviser, client_id)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, {"age": ["18_30"]})
    before = head(services, team.admin)
    services.assessments.discard(adviser, draft.id)
    assert [(e.action, e.changes) for e in events_since(services, team.admin, before)] == [
        ("assessment.discarded", {"assessment_id": [None, draft.id]})
    ]
    assert services.assessments.open_draft(adviser, client_id) is None
    with pytest.raises(NotFound):
        services.assessments.save_answers(adviser, draft.id, draft.version, {"age": ["31_50"]})
    with pytest.raises(NotFound):
        services.assessments.discard(adviser, draft.id)
    fresh = services.assessments.start(adviser, client_id)
    assert fresh.id != draft.id and fresh.answers == {}
    assert services.assessments.history(adviser, client_id) == []


# -- validity ---------------------------------------------------------------------------------
def test_never_assessed_blocks_sales(services: Services, team: Team, client_id: int) -> None:
    current = services.assessments.current(team.adviser, client_id)
    assert (current.assessment_id, current.level, current.recorded_level) == (None, None, None)
    assert (current.valid_until, current.state) == (None, None)
    assert current.blocks_sales
    services.assessments.start(team.adviser, client_id)  # a draft is not an assessment
    assert services.assessments.current(team.adviser, client_id).blocks_sales


def test_valid_up_to_and_including_the_valid_until_day_and_expired_the_day_after(
    services: Services, team: Team, client_id: int, clock: FakeClock
) -> None:
    record = assess(services, team.adviser, client_id, GROWTH)
    assert record.valid_until == VALID_UNTIL
    current = services.assessments.current(team.adviser, client_id)
    assert (current.assessment_id, current.level, current.state) == (
        record.id,
        RiskLevel.C4,
        ExpiryState.VALID,
    )
    assert not current.blocks_sales

    expectations = [
        (VALID_UNTIL - timedelta(days=1), RiskLevel.C4, ExpiryState.EXPIRING),
        (VALID_UNTIL, RiskLevel.C4, ExpiryState.EXPIRING),
        (VALID_UNTIL + timedelta(days=1), None, ExpiryState.EXPIRED),
    ]
    for day, level, state in expectations:
        clock.advance(days=(day - clock.now.date()).days)
        current = services.assessments.current(team.adviser, client_id)
        assert (current.level, current.state, current.blocks_sales) == (
            level,
            state,
            level is None,
        ), day
        assert current.recorded_level is RiskLevel.C4  # what it said, for the record
        assert current.valid_until == VALID_UNTIL
        assert services.assessments.get(team.adviser, record.id).state is state
        c4 = services.clients.count_clients(team.adviser, ClientQuery(risk_level="C4"))
        assert c4 == (1 if level else 0), day


def test_the_assessment_date_is_the_branchs_day_not_utcs(
    services: Services, team: Team, client_id: int, clock: FakeClock, shanghai: None
) -> None:
    clock.now = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 01:00 on 28 November in Shanghai
    record = assess(services, team.adviser, client_id)
    assert record.confirmed_at == clock.now  # stored in UTC
    assert record.valid_until == date(2028, 11, 28)
    clock.now = datetime(2028, 11, 28, 15, 59, tzinfo=UTC)  # 23:59 on the last valid day
    assert services.assessments.current(team.adviser, client_id).level is RiskLevel.C3
    clock.now = datetime(2028, 11, 28, 16, 0, tzinfo=UTC)  # midnight in Shanghai
    assert services.assessments.current(team.adviser, client_id).blocks_sales


# -- corrections ------------------------------------------------------------------------------
def test_a_correction_supersedes_the_old_assessment_which_stays_on_record(
    services: Services, team: Team, client_id: int, clock: FakeClock
) -> None:
    adviser = team.adviser
    old = assess(services, adviser, client_id, GROWTH)
    clock.advance(days=3)
    draft = services.assessments.start(adviser, client_id, supersedes_id=old.id)
    assert draft.supersedes_id == old.id
    assert services.assessments.get(adviser, old.id).superseded_by_id is None  # not yet
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, BALANCED)
    new = services.assessments.confirm(adviser, draft.id, draft.version, True)
    assert (new.supersedes_id, new.superseded_by_id) == (old.id, None)
    assert new.valid_until == VALID_UNTIL + timedelta(days=3)

    history = services.assessments.history(adviser, client_id)
    assert [(a.id, a.level) for a in history] == [(new.id, RiskLevel.C3), (old.id, RiskLevel.C4)]
    kept = history[1]
    assert kept.superseded_by_id == new.id
    assert (kept.answers, kept.score, kept.confirmed_at) == (
        old.answers,
        old.score,
        old.confirmed_at,
    )
    current = services.assessments.current(adviser, client_id)
    assert (current.assessment_id, current.level) == (new.id, RiskLevel.C3)
    detail = services.clients.get_client(adviser, client_id)
    assert (detail.risk_level, detail.assessment_valid_until) == ("C3", new.valid_until)


def test_only_a_confirmed_assessment_of_the_same_client_can_be_superseded(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    other_client = new_client(services, adviser)
    elsewhere = assess(services, adviser, other_client)
    with pytest.raises(NotFound):
        services.assessments.start(adviser, client_id, supersedes_id=elsewhere.id)
    with pytest.raises(NotFound):
        services.assessments.start(adviser, client_id, supersedes_id=999_999)
    draft = services.assessments.start(adviser, client_id)
    services.assessments.discard(adviser, draft.id)
    with pytest.raises(NotFound):
        services.assessments.start(adviser, client_id, supersedes_id=draft.id)
    assert services.assessments.open_draft(adviser, client_id) is None


def test_an_assessment_is_superseded_once_the_chain_never_forks(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    first = assess(services, adviser, client_id, GROWTH)
    second = assess(services, adviser, client_id, BALANCED, supersedes_id=first.id)
    with pytest.raises(Conflict) as forked:
        services.assessments.start(adviser, client_id, supersedes_id=first.id)
    assert conflict_reason(forked) == "already_superseded"
    third = assess(services, adviser, client_id, LOWEST, supersedes_id=second.id)
    history = services.assessments.history(adviser, client_id)
    assert [(a.id, a.supersedes_id, a.superseded_by_id) for a in history] == [
        (third.id, second.id, None),
        (second.id, first.id, third.id),
        (first.id, None, second.id),
    ]


def test_two_assessments_are_compared_answer_by_answer(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    old = assess(services, adviser, client_id, BALANCED)
    new = assess(services, adviser, client_id, GROWTH, supersedes_id=old.id)
    rows = services.assessments.compare(team.compliance, old.id, new.id)
    assert [r.question_id for r in rows] == list(QUESTIONNAIRE.question_ids)
    changed = {r.question_id for r in rows if r.changed}
    assert changed == {q for q in BALANCED if BALANCED[q] != GROWTH[q]}
    products = next(r for r in rows if r.question_id == "experience_products")
    question = QUESTIONNAIRE.question("experience_products")
    assert products.question == question.text
    assert products.left == (question.option("funds").text,)
    assert products.right == (question.option("funds").text, question.option("stocks").text)
    age = next(r for r in rows if r.question_id == "debts")
    assert not age.changed and age.left == age.right != ()
    assert all(not r.changed for r in services.assessments.compare(adviser, old.id, old.id))


def test_assessments_of_different_clients_are_not_compared(
    services: Services, team: Team, client_id: int
) -> None:
    mine = assess(services, team.adviser, client_id)
    other = assess(services, team.adviser, new_client(services, team.adviser))
    with pytest.raises(Conflict) as different:
        services.assessments.compare(team.adviser, mine.id, other.id)
    assert conflict_reason(different) == "other_client"
    draft = services.assessments.start(team.adviser, client_id, supersedes_id=mine.id)
    with pytest.raises(NotFound):  # a draft is not an assessment yet
        services.assessments.compare(team.adviser, mine.id, draft.id)


# -- reminders and the client list -------------------------------------------------------------
@dataclass(frozen=True)
class Book:
    expired: int  # the adviser's, C3, valid until 2028-11-27
    expiring: int  # the adviser's, C4, valid until 2029-01-06
    valid: int  # the adviser's, C3, valid until 2029-05-06
    never: int  # the adviser's, never assessed
    colleagues_expiring: int  # the colleague's, C1, valid until 2029-01-01
    colleagues_valid: int  # the colleague's, C3, valid until 2029-05-06
    far_expired: int  # another branch's, C3, valid until 2028-11-27


REMINDER_DAY = date(2028, 12, 20)


@pytest.fixture
def book(services: Services, team: Team, make_user: MakeUser, clock: FakeClock) -> Book:
    """Clients assessed at different times; the clock then stands at REMINDER_DAY."""
    far_branch = team.far_supervisor.branch_id
    far_adviser = make_user(Role.ADVISER, "far.adviser", far_branch)
    clients = {
        "expired": new_client(services, team.adviser, "过期客户"),
        "expiring": new_client(services, team.adviser, "将到期客户"),
        "valid": new_client(services, team.adviser, "有效客户"),
        "never": new_client(services, team.adviser, "未评估客户"),
        "colleagues_expiring": new_client(services, team.colleague, "同事将到期"),
        "colleagues_valid": new_client(services, team.colleague, "同事有效"),
        "far_expired": new_client(services, far_adviser, "外行过期"),
    }
    assess(services, team.adviser, clients["expired"], BALANCED)
    assess(services, far_adviser, clients["far_expired"], BALANCED)
    move_to(clock, date(2027, 1, 1))
    assess(services, team.colleague, clients["colleagues_expiring"], LOWEST)
    move_to(clock, date(2027, 1, 6))
    assess(services, team.adviser, clients["expiring"], GROWTH)
    move_to(clock, date(2027, 5, 6))
    assess(services, team.adviser, clients["valid"], BALANCED)
    assess(services, team.colleague, clients["colleagues_valid"], BALANCED)
    move_to(clock, REMINDER_DAY)
    return Book(**clients)


def test_reminders_list_the_advisers_own_expiring_and_expired_clients_by_date(
    services: Services, team: Team, book: Book
) -> None:
    rows = services.assessments.reminders(team.adviser)
    assert [(r.client_id, r.valid_until, r.days_left, r.state, r.level) for r in rows] == [
        (book.expired, date(2028, 11, 27), -23, ExpiryState.EXPIRED, RiskLevel.C3),
        (book.expiring, date(2029, 1, 6), 17, ExpiryState.EXPIRING, RiskLevel.C4),
    ]
    assert [(r.client_name, r.adviser_name) for r in rows] == [
        ("过期客户", "Test Adviser"),
        ("将到期客户", "Test Adviser"),
    ]
    assert [r.client_id for r in services.assessments.reminders(team.colleague)] == [
        book.colleagues_expiring
    ]


def test_reminders_for_a_supervisor_cover_the_branch(
    services: Services, team: Team, book: Book
) -> None:
    rows = services.assessments.reminders(team.supervisor)
    assert [(r.client_id, r.valid_until) for r in rows] == [
        (book.expired, date(2028, 11, 27)),
        (book.colleagues_expiring, date(2029, 1, 1)),
        (book.expiring, date(2029, 1, 6)),
    ]
    far = services.assessments.reminders(team.far_supervisor)
    assert [r.client_id for r in far] == [book.far_expired]
    everyone = services.assessments.reminders(team.compliance)
    assert {r.client_id for r in everyone} == {
        book.expired,
        book.colleagues_expiring,
        book.expiring,
        book.far_expired,
    }


def test_the_reminder_window_starts_thirty_days_before_the_last_valid_day(
    services: Services, team: Team, client_id: int, clock: FakeClock
) -> None:
    assess(services, team.adviser, client_id)
    move_to(clock, VALID_UNTIL - timedelta(days=31))
    assert services.assessments.reminders(team.adviser) == []
    assert services.clients.count_clients(team.adviser, ClientQuery(assessment="expiring")) == 0
    move_to(clock, VALID_UNTIL - timedelta(days=30))
    [row] = services.assessments.reminders(team.adviser)
    assert (row.client_id, row.days_left, row.state) == (client_id, 30, ExpiryState.EXPIRING)
    assert services.clients.count_clients(team.adviser, ClientQuery(assessment="expiring")) == 1


def test_the_client_list_filters_by_current_level_and_assessment_state(
    services: Services, team: Team, book: Book
) -> None:
    def listed(actor: Actor, query: ClientQuery) -> set[int]:
        rows = services.clients.client_page(actor, query, limit=100)
        assert services.clients.count_clients(actor, query) == len(rows)
        return {row.id for row in rows}

    adviser, supervisor = team.adviser, team.supervisor
    # The expired C3 client has no current level.
    assert listed(adviser, ClientQuery(risk_level="C3")) == {book.valid}
    assert listed(adviser, ClientQuery(risk_level="C4")) == {book.expiring}
    assert listed(adviser, ClientQuery(risk_level="C1")) == set()
    assert listed(supervisor, ClientQuery(risk_level="C3")) == {book.valid, book.colleagues_valid}
    assert listed(supervisor, ClientQuery(risk_level="C1")) == {book.colleagues_expiring}
    assert listed(adviser, ClientQuery(assessment="expiring")) == {book.expiring}
    assert listed(adviser, ClientQuery(assessment="expired")) == {book.expired}
    assert listed(adviser, ClientQuery(assessment="none")) == {book.never}
    assert listed(supervisor, ClientQuery(assessment="expiring")) == {
        book.expiring,
        book.colleagues_expiring,
    }
    assert listed(team.compliance, ClientQuery(assessment="expired")) == {
        book.expired,
        book.far_expired,
    }
    both = ClientQuery(risk_level="C4", assessment="expiring")
    assert listed(supervisor, both) == {book.expiring}
    rows = {r.id: r for r in services.clients.client_page(adviser, ClientQuery(), limit=100)}
    assert (rows[book.expired].risk_level, rows[book.expired].assessment_state) == ("C3", "expired")
    assert rows[book.expiring].assessment_state == "expiring"
    assert rows[book.valid].assessment_state == "valid"
    assert (rows[book.never].risk_level, rows[book.never].assessment_state) == (None, None)


def test_a_renewed_assessment_leaves_the_reminders_and_the_expired_filter(
    services: Services, team: Team, book: Book
) -> None:
    old = services.assessments.current(team.adviser, book.expired)
    assert old.blocks_sales and old.assessment_id is not None
    renewed = assess(services, team.adviser, book.expired, GROWTH, supersedes_id=old.assessment_id)
    assert renewed.valid_until == date(2030, 12, 20)
    assert [r.client_id for r in services.assessments.reminders(team.adviser)] == [book.expiring]
    expired = services.clients.count_clients(team.adviser, ClientQuery(assessment="expired"))
    assert expired == 0
    assert services.assessments.current(team.adviser, book.expired).level is RiskLevel.C4


# -- who may do what --------------------------------------------------------------------------
def test_compliance_reads_assessments_but_cannot_run_them(
    services: Services, team: Team, client_id: int
) -> None:
    record = assess(services, team.adviser, client_id)
    draft = services.assessments.start(team.adviser, client_id, supersedes_id=record.id)
    draft = services.assessments.save_answers(team.adviser, draft.id, draft.version, GROWTH)
    compliance = team.compliance
    before = head(services, team.admin)
    with pytest.raises(PermissionDenied):
        services.assessments.start(compliance, client_id)
    with pytest.raises(PermissionDenied):
        services.assessments.save_answers(compliance, draft.id, draft.version, BALANCED)
    with pytest.raises(PermissionDenied):
        services.assessments.resolve_flag(compliance, draft.id, draft.version, FLAG, "Explained")
    with pytest.raises(PermissionDenied):
        services.assessments.confirm(compliance, draft.id, draft.version, True)
    with pytest.raises(PermissionDenied):
        services.assessments.discard(compliance, draft.id)
    assert head(services, team.admin) == before
    assert services.assessments.history(compliance, client_id)[0].id == record.id
    assert services.assessments.current(compliance, client_id).level is RiskLevel.C3
    seen = services.assessments.open_draft(compliance, client_id)
    assert seen is not None and seen.version == draft.version  # untouched
    with pytest.raises(PermissionDenied):
        services.assessments.history(team.admin, client_id)  # administrators see no clients


def test_an_adviser_cannot_assess_or_see_another_advisers_client(
    services: Services, team: Team, client_id: int
) -> None:
    record = assess(services, team.adviser, client_id)
    draft = services.assessments.start(team.adviser, client_id, supersedes_id=record.id)
    colleague = team.colleague
    before = head(services, team.admin)
    calls = [
        lambda: services.assessments.start(colleague, client_id),
        lambda: services.assessments.open_draft(colleague, client_id),
        lambda: services.assessments.save_answers(colleague, draft.id, draft.version, BALANCED),
        lambda: services.assessments.resolve_flag(
            colleague, draft.id, draft.version, FLAG, "x" * 9
        ),
        lambda: services.assessments.confirm(colleague, draft.id, draft.version, True),
        lambda: services.assessments.discard(colleague, draft.id),
        lambda: services.assessments.history(colleague, client_id),
        lambda: services.assessments.get(colleague, record.id),
        lambda: services.assessments.compare(colleague, record.id, record.id),
        lambda: services.assessments.current(colleague, client_id),
    ]
    for call in calls:
        with pytest.raises(NotFound):
            call()
    assert head(services, team.admin) == before
    own = assess(services, colleague, new_client(services, colleague))
    with pytest.raises(NotFound):  # not even to learn that the two are different clients
        services.assessments.compare(colleague, own.id, record.id)
    resumed = services.assessments.open_draft(team.adviser, client_id)
    assert resumed is not None and (resumed.version, resumed.answers) == (draft.version, {})


def test_a_supervisor_assesses_the_branchs_clients_only(
    services: Services, team: Team, client_id: int
) -> None:
    record = assess(services, team.supervisor, client_id, GROWTH)
    assert record.adviser_name == "Test Supervisor"
    assert services.assessments.current(team.adviser, client_id).level is RiskLevel.C4
    with pytest.raises(NotFound):
        services.assessments.start(team.far_supervisor, client_id)
    with pytest.raises(NotFound):
        services.assessments.get(team.far_supervisor, record.id)
    # The adviser starts, the supervisor finishes: a draft belongs to the client, not its author.
    draft = services.assessments.start(team.adviser, client_id, supersedes_id=record.id)
    draft = services.assessments.save_answers(team.adviser, draft.id, draft.version, BALANCED)
    corrected = services.assessments.confirm(team.supervisor, draft.id, draft.version, True)
    assert (corrected.adviser_name, corrected.supersedes_id) == ("Test Supervisor", record.id)


# -- the audit trail --------------------------------------------------------------------------
def test_starting_and_confirming_are_audited_with_the_level_before_and_after(
    services: Services, team: Team, client_id: int
) -> None:
    adviser = team.adviser
    before = head(services, team.admin)
    first = assess(services, adviser, client_id, GROWTH)
    second = assess(services, adviser, client_id, LOWEST, supersedes_id=first.id)
    written = events_since(services, team.admin, before)
    assert [(e.action, e.entity_type, e.entity_id, e.actor_id) for e in written] == [
        (action, "client", str(client_id), adviser.user_id)
        for action in (
            "assessment.started",
            "assessment.confirmed",
            "assessment.started",
            "assessment.confirmed",
        )
    ]
    started, confirmed, restarted, reconfirmed = (e.changes for e in written)
    assert started == {
        "assessment_id": [None, first.id],
        "questionnaire": [None, "individual v1"],
        "supersedes_id": [None, None],
    }
    assert restarted["supersedes_id"] == [None, first.id]
    assert confirmed["assessment_id"] == [None, first.id]
    assert confirmed["level"] == [None, "C4"]
    assert confirmed["score"] == [None, 69]
    assert confirmed["valid_until"] == [None, VALID_UNTIL.isoformat()]
    assert confirmed["lowest_category"] == [None, False]
    assert reconfirmed["level"] == ["C4", "C1"]
    assert reconfirmed["lowest_category"] == [None, True]
    assert reconfirmed["supersedes_id"] == [None, first.id]
    assert reconfirmed["valid_until"] == [VALID_UNTIL.isoformat(), VALID_UNTIL.isoformat()]
    assert second.supersedes_id == first.id


def test_confirming_an_assessment_does_not_refuse_an_open_client_form(
    services: Services, team: Team
) -> None:
    """The level copied onto the client is not an edit of the client's record: a form opened
    before the assessment still saves."""
    form = numbered_client(500, name="赵敏")
    opened = services.clients.create_client(team.adviser, form)
    assess(services, team.adviser, opened.id)
    saved = services.clients.update_client(
        team.adviser,
        opened.id,
        opened.version,
        numbered_client(500, name="赵敏", occupation="教师"),
    )
    assert saved.occupation == "教师"
    assert (saved.risk_level, saved.assessment_valid_until) == ("C3", VALID_UNTIL)
