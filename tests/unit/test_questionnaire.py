"""Questionnaires as data: the shipped files, scoring properties, and a loader that refuses any
malformed definition with every problem listed and never with another exception."""

from __future__ import annotations

import copy
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desk.config import RESOURCES
from crm_desk.domain.assessment import score
from crm_desk.domain.errors import ConfigurationError, NotFound
from crm_desk.domain.questionnaire import (
    QuestionKind,
    Questionnaire,
    QuestionnaireError,
    RiskLevel,
    available_questionnaires,
    find_questionnaire,
    load_questionnaire,
    parse_questionnaire,
)

QUESTIONNAIRES = RESOURCES / "questionnaires"
DEFAULT_FILE = QUESTIONNAIRES / "individual_v1.toml"
TINY_FILE = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "tiny.toml"
SHIPPED = available_questionnaires(QUESTIONNAIRES)
ALL = [*SHIPPED, load_questionnaire(TINY_FILE)]
RAW = {
    path.name: tomllib.loads(path.read_text(encoding="utf-8")) for path in (DEFAULT_FILE, TINY_FILE)
}


def raw(name: str = "tiny.toml") -> dict[str, Any]:
    return copy.deepcopy(RAW[name])


def problems_of(data: Any, source: str = "test.toml") -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(data, source)
    assert caught.value.problems, "a refusal must say why"
    return caught.value.problems


# --- the shipped questionnaire --------------------------------------------------------------------


def test_the_default_questionnaire_loads_with_the_industry_bands() -> None:
    q = find_questionnaire(SHIPPED, "individual")
    assert (q.id, q.version, q.validity_months) == ("individual", 1, 24)
    assert q.source == str(DEFAULT_FILE) and len(q.fingerprint) == 64
    assert 15 <= len(q.questions) <= 20
    assert q.max_score == 100
    assert [(b.level, b.min_score, b.max_score) for b in q.bands] == [
        (RiskLevel.C1, 0, 20),
        (RiskLevel.C2, 21, 30),
        (RiskLevel.C3, 31, 50),
        (RiskLevel.C4, 51, 80),
        (RiskLevel.C5, 81, 100),
    ]
    assert len(q.consistency_rules) >= 3
    assert q.title.zh_CN == "个人投资者风险承受能力评估问卷"


def test_the_default_questionnaire_covers_the_standard_topics() -> None:
    q = find_questionnaire(SHIPPED, "individual", 1)
    ids = set(q.question_ids)
    assert {
        "age",
        "income_stability",
        "annual_income",
        "financial_assets",
        "investable_share",
        "debts",
        "knowledge",
        "experience_years",
        "experience_products",
        "objective",
        "horizon",
        "liquidity",
        "loss_attitude",
        "max_loss",
        "reaction_to_fall",
        "special_circumstances",
    } <= ids
    assert q.question("experience_products").kind is QuestionKind.MULTIPLE
    lowest = {
        (question.id, option.id)
        for question in q.questions
        for option in question.options
        if option.lowest_category
    }
    assert {
        ("loss_attitude", "no_loss"),
        ("special_circumstances", "no_full_capacity"),
        ("special_circumstances", "no_risk_tolerance"),
    } <= lowest
    whens = {frozenset(rule.when) for rule in q.consistency_rules}
    assert frozenset({("experience_years", "none"), ("experience_products", "stocks")}) in whens
    assert frozenset({("loss_attitude", "no_loss"), ("objective", "aggressive_growth")}) in whens
    assert frozenset({("liquidity", "within_1y"), ("horizon", "over_5y")}) in whens


def test_every_text_of_every_shipped_questionnaire_is_in_both_languages() -> None:
    for q in SHIPPED:
        texts = [q.title, *(r.message for r in q.consistency_rules)]
        for question in q.questions:
            texts += [question.text, *(o.text for o in question.options)]
            texts += [o.reason for o in question.options if o.reason is not None]
        for text in texts:
            assert text.zh_CN.strip() and text.en.strip()
            assert text.in_language("zh_CN") == text.zh_CN and text.in_language("en") == text.en


def test_find_questionnaire_refuses_an_unknown_one() -> None:
    with pytest.raises(NotFound):
        find_questionnaire(SHIPPED, "corporate")
    with pytest.raises(NotFound):
        find_questionnaire(SHIPPED, "individual", 99)


def test_risk_levels_rank_one_to_five() -> None:
    assert [level.rank for level in RiskLevel] == [1, 2, 3, 4, 5]
    assert RiskLevel.from_rank(3) is RiskLevel.C3
    assert RiskLevel.C1.label.zh_CN == "保守型" and RiskLevel.C5.label.en == "Aggressive"
    with pytest.raises(ValueError):
        RiskLevel.from_rank(6)


# --- properties of scoring ------------------------------------------------------------------------


def answer_sets(q: Questionnaire) -> st.SearchStrategy[dict[str, tuple[str, ...]]]:
    """Every complete, permitted answer set of a questionnaire."""
    per_question: dict[str, st.SearchStrategy[tuple[str, ...]]] = {}
    for question in q.questions:
        if question.kind is QuestionKind.SINGLE:
            per_question[question.id] = st.sampled_from(question.option_ids).map(lambda o: (o,))
            continue
        alone = [(o.id,) for o in question.options if o.exclusive]
        together = [o.id for o in question.options if not o.exclusive]
        choices = st.lists(st.sampled_from(together), min_size=1, unique=True).map(tuple)
        per_question[question.id] = st.sampled_from(alone) | choices if alone else choices
    return st.fixed_dictionaries(per_question)


questionnaire_and_answers = st.sampled_from(ALL).flatmap(
    lambda q: st.tuples(st.just(q), answer_sets(q))
)


@given(questionnaire_and_answers)
def test_every_complete_answer_set_yields_exactly_one_level(case: Any) -> None:
    q, answers = case
    outcome = score(q, answers)
    assert outcome.complete and outcome.missing == ()
    assert q.min_score <= outcome.total_score <= q.max_score
    assert sum(1 for band in q.bands if band.contains(outcome.total_score)) == 1
    assert outcome.score_level is q.level_for(outcome.total_score)
    assert outcome.level in set(RiskLevel)
    assert (outcome.questionnaire_id, outcome.questionnaire_version) == q.key


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.id)
def test_every_possible_score_has_one_level_and_levels_never_fall(q: Questionnaire) -> None:
    ranks = [q.level_for(total).rank for total in range(0, q.max_score + 1)]
    assert ranks == sorted(ranks)
    assert ranks[0] == 1 and ranks[-1] == 5, "every level can be reached"
    for total in range(0, q.max_score + 1):
        assert sum(1 for band in q.bands if band.contains(total)) == 1


@given(
    st.sampled_from(ALL).flatmap(lambda q: st.tuples(st.just(q), answer_sets(q), answer_sets(q)))
)
def test_a_higher_score_never_yields_a_lower_level(case: Any) -> None:
    q, first, second = case
    low, high = sorted((score(q, first), score(q, second)), key=lambda o: o.total_score)
    assert low.score_level.rank <= high.score_level.rank
    if not low.lowest_category and not high.lowest_category:
        assert low.level.rank <= high.level.rank


def with_lowest_option(q: Questionnaire) -> st.SearchStrategy[dict[str, tuple[str, ...]]]:
    lowest = [
        (question, option)
        for question in q.questions
        for option in question.options
        if option.lowest_category
    ]

    def force(args: Any) -> dict[str, tuple[str, ...]]:
        answers, (question, option) = args
        answers = dict(answers)
        if question.kind is QuestionKind.MULTIPLE and not option.exclusive:
            current = answers[question.id]
            if not any(question.option(o).exclusive for o in current):
                answers[question.id] = tuple(dict.fromkeys([*current, option.id]))
                return answers
        answers[question.id] = (option.id,)
        return answers

    return st.tuples(answer_sets(q), st.sampled_from(lowest)).map(force)


@given(st.sampled_from(ALL).flatmap(lambda q: st.tuples(st.just(q), with_lowest_option(q))))
def test_a_lowest_category_answer_always_yields_the_lowest_category_and_c1(case: Any) -> None:
    q, answers = case
    outcome = score(q, answers)
    assert outcome.lowest_category
    assert outcome.level is RiskLevel.C1
    assert outcome.lowest_reasons
    for reason in outcome.lowest_reasons:
        option = q.question(reason.question_id).option(reason.option_id)
        assert option.lowest_category and reason.reason == option.reason
        assert reason.reason.zh_CN and reason.reason.en and reason.option_text == option.text


@given(questionnaire_and_answers)
def test_without_a_lowest_category_answer_the_level_is_the_bands_level(case: Any) -> None:
    q, answers = case
    outcome = score(q, answers)
    chosen_lowest = any(
        q.question(qid).option(oid).lowest_category for qid, ids in answers.items() for oid in ids
    )
    assert outcome.lowest_category is chosen_lowest
    if not chosen_lowest:
        assert outcome.level is outcome.score_level and outcome.lowest_reasons == ()


# --- the loader refuses malformed definitions----------------------------------------------------


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside a parsed TOML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from paths(value, (*prefix, index))


def get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def assert_refused_cleanly(data: Any) -> list[str]:
    try:
        parse_questionnaire(data, "mutant.toml")
    except QuestionnaireError as exc:
        assert isinstance(exc, ConfigurationError)
        assert exc.problems and all(p.startswith("mutant.toml: ") for p in exc.problems)
        assert all(len(p) > len("mutant.toml: ") + 5 for p in exc.problems)
        assert "mutant.toml" in str(exc)
        return exc.problems
    return []


REQUIRED = {
    (): ("id", "version", "title", "validity_months", "bands", "questions"),
    ("questions",): ("id", "kind", "text", "options"),
    ("options",): ("id", "text", "score"),
    ("bands",): ("level", "min"),
    ("consistency",): ("id", "when", "message"),
    ("when",): ("question", "option"),
    ("text",): ("zh_CN", "en"),
}


def required_key_paths(data: Any) -> list[tuple[Any, ...]]:
    found = [((), key) for key in REQUIRED[()]]
    for path in paths(data):
        node = get(data, path)
        if not isinstance(node, dict):
            continue
        if isinstance(path[-1], str) and (path[-1],) in REQUIRED:
            found += [(path, key) for key in REQUIRED[(path[-1],)] if key in node]
        elif len(path) >= 2 and isinstance(path[-1], int) and (path[-2],) in REQUIRED:
            found += [(path, key) for key in REQUIRED[(path[-2],)] if key in node]
    return found


sources = st.sampled_from(sorted(RAW))


@given(sources, st.data())
def test_dropping_any_required_key_is_refused(name: str, data: st.DataObject) -> None:
    document = raw(name)
    path, key = data.draw(st.sampled_from(required_key_paths(document)))
    del get(document, path)[key]
    problems = assert_refused_cleanly(document)
    assert problems and any(repr(key) in p or f"no {key}" in p for p in problems), problems


def wrong_type_for(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, bool):
        return st.sampled_from(["yes", 1, 0, [True]])
    if isinstance(value, int):
        return st.sampled_from([str(value), float(value) + 0.5, True, [value], {"n": value}])
    if isinstance(value, str):
        return st.sampled_from([1, 2.5, False, [value], {"text": value}])
    if isinstance(value, list):
        return st.sampled_from([{}, "list", 3, {"0": "x"}])
    return st.sampled_from(["table", 3, [value], True])


@given(sources, st.data())
def test_a_value_of_the_wrong_type_anywhere_is_refused(name: str, data: st.DataObject) -> None:
    document = raw(name)
    path = data.draw(st.sampled_from(list(paths(document))))
    parent = get(document, path[:-1])
    parent[path[-1]] = data.draw(wrong_type_for(parent[path[-1]]))
    assert assert_refused_cleanly(document), f"{path} accepted a value of the wrong type"


@given(sources, st.data())
def test_duplicate_ids_are_refused(name: str, data: st.DataObject) -> None:
    document = raw(name)
    kind = data.draw(st.sampled_from(["question", "option", "rule"]))
    if kind == "question":
        items = document["questions"]
    elif kind == "option":
        items = data.draw(st.sampled_from(document["questions"]))["options"]
    else:
        items = document["consistency"]
    original = data.draw(st.sampled_from(items))
    items.insert(data.draw(st.integers(0, len(items))), copy.deepcopy(original))
    problems = assert_refused_cleanly(document)
    assert any("used twice" in p and repr(original["id"]) in p for p in problems), problems


@given(sources, st.data())
def test_broken_bands_are_refused(name: str, data: st.DataObject) -> None:
    document = raw(name)
    bands = document["bands"]
    how = data.draw(st.sampled_from(["min", "max", "swap", "drop", "rename"]))
    index = data.draw(st.integers(0, len(bands) - 1))
    shift = data.draw(st.integers(1, 5))
    if how == "min":
        bands[index]["min"] += data.draw(st.sampled_from([shift, -shift]))
    elif how == "max":
        # the last band may reach past the top score; below it, or any other band's end, breaks
        if index == len(bands) - 1:
            bands[index]["max"] -= shift
        else:
            bands[index]["max"] += data.draw(st.sampled_from([shift, -shift]))
    elif how == "swap":
        other = data.draw(st.integers(0, len(bands) - 1).filter(lambda i: i != index))
        bands[index], bands[other] = bands[other], bands[index]
    elif how == "drop":
        del bands[index]
    else:
        bands[index]["level"] = data.draw(st.sampled_from(["C0", "C6", "R3", "c2", "C3 "]))
    problems = assert_refused_cleanly(document)
    assert any("band" in p for p in problems), problems


json_junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.dates(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(sources, st.data(), json_junk)
def test_random_junk_anywhere_is_refused_or_accepted_never_a_crash(
    name: str, data: st.DataObject, junk: Any
) -> None:
    document = raw(name)
    path = data.draw(st.sampled_from(list(paths(document))))
    parent = get(document, path[:-1])
    if data.draw(st.booleans()):
        parent[path[-1]] = junk
    elif isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=8))] = junk
    else:
        parent.append(junk)
    assert_refused_cleanly(document)


@given(json_junk)
def test_a_document_of_pure_junk_is_refused(junk: Any) -> None:
    assert assert_refused_cleanly(junk)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_file_content_is_refused_with_a_questionnaire_error(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.toml"
        path.write_bytes(content)
        with pytest.raises(QuestionnaireError) as caught:
            load_questionnaire(path)
    assert caught.value.problems and all(str(path) in p for p in caught.value.problems)


@given(st.integers(0, 60).flatmap(lambda n: st.just("[" * n + "]" * n)))
def test_deeply_nested_toml_is_refused(brackets: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deep.toml"
        path.write_text(f"x = {brackets}\n", encoding="utf-8")
        with pytest.raises(QuestionnaireError):
            load_questionnaire(path)


# --- each kind of problem, named with file, question and option -----------------------------------


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = TINY_FILE.read_text(encoding="utf-8")
    text = text.replace("score = 5\n", "score = -5\n", 1)  # 1: option 'b' scores below zero
    text = text.replace('{ zh_CN = "Y", en = "Y" }', '{ zh_CN = "Y" }')  # 2: option 'y' lacks en
    text = text.replace('id = "z"', 'id = "x"')  # 3: option id 'x' used twice in question 'm'
    path = tmp_path / "three.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    problems = caught.value.problems
    assert len(problems) == 3, problems
    assert all(p.startswith(f"{path}: ") for p in problems)
    negative, english, duplicate = problems
    assert "question 'q', option 'b'" in negative and "'score'" in negative and "-5" in negative
    assert "question 'm', option 'y'" in english and "no en text" in english
    assert "question 'm', option 'x'" in duplicate and "used twice" in duplicate
    assert "3 problems" in str(caught.value)


def mutate(path: tuple[Any, ...], value: Any, name: str = "tiny.toml") -> dict[str, Any]:
    document = raw(name)
    get(document, path[:-1])[path[-1]] = value
    return document


def without(path: tuple[Any, ...], name: str = "tiny.toml") -> dict[str, Any]:
    document = raw(name)
    del get(document, path[:-1])[path[-1]]
    return document


def one_problem(data: Any) -> str:
    problems = problems_of(data)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (mutate(("questions", 0, "options", 1, "id"), "a"), ["option 'a'", "used twice"]),
        (mutate(("questions", 0, "text"), {"en": "Single"}), ["question 'q'", "no zh_CN text"]),
        (mutate(("questions", 0, "text", "en"), "  "), ["question 'q'", "'text.en' is empty"]),
        (
            mutate(("questions", 0, "text", "fr"), "Question"),
            ["question 'q'", "unknown language", "'fr'"],
        ),
        (
            mutate(("questions", 1, "options", 1, "score"), -1),
            ["question 'm', option 'x'", "'score' must be between 0"],
        ),
        (mutate(("questions", 0, "options"), []), ["question 'q'", "at least two options"]),
        (mutate(("questions", 0, "kind"), "ranking"), ["question 'q'", "'kind'", "'ranking'"]),
        (without(("questions", 1, "scoring")), ["question 'm'", "needs 'scoring'"]),
        (mutate(("questions", 1, "scoring"), "avg"), ["question 'm'", "'scoring'", "'avg'"]),
        (mutate(("questions", 0, "scoring"), "max"), ["question 'q'", "only for multiple"]),
        (
            mutate(("questions", 0, "options", 0, "exclusive"), True),
            ["question 'q', option 'a'", "only for multiple"],
        ),
        (
            without(("questions", 0, "options", 2, "reason")),
            ["question 'q', option 'c'", "needs a 'reason'"],
        ),
        (
            mutate(("questions", 0, "options", 0, "reason"), {"zh_CN": "因", "en": "Why"}),
            ["question 'q', option 'a'", "only for options with lowest_category"],
        ),
        (
            mutate(("questions", 0, "options", 0, "lowest_category"), "yes"),
            ["question 'q', option 'a'", "true or false"],
        ),
        (mutate(("questions", 0, "options", 0, "id"), "A B"), ["option", "lower-case"]),
        (mutate(("questions", 0, "colour"), "red"), ["question 'q'", "unknown key", "'colour'"]),
        (mutate(("author",), "me"), ["unknown key", "'author'"]),
        (mutate(("validity_months",), 0), ["'validity_months' must be between 1 and 120"]),
        (mutate(("validity_months",), 121), ["'validity_months' must be between 1 and 120"]),
        (mutate(("validity_months",), "24"), ["'validity_months' must be a whole number"]),
        (mutate(("version",), 1.5), ["'version' must be a whole number"]),
        (mutate(("bands", 1, "min"), 2), ["band C2", "overlaps band C1"]),
        (mutate(("bands", 1, "min"), 4), ["band C2", "gap", "scores 3 to 3"]),
        (mutate(("bands", 0, "min"), 1), ["band C1", "must start at 0"]),
        (mutate(("bands", 4, "max"), 12), ["band C5", "highest possible score is 13"]),
        (mutate(("bands", 2, "level"), "C7"), ["band C7", "C1, C2, C3, C4, C5"]),
        (
            mutate(("bands", 4), {"level": "C5", "min": 12, "max": 10}),
            ["band C5", "'max' (10) is below 'min' (12)"],
        ),
        (
            mutate(("consistency", 0, "when", 0, "question"), "nope"),
            ["consistency rule 'b_with_none', question 'nope'", "does not exist"],
        ),
        (
            mutate(("consistency", 0, "when", 1, "option"), "w"),
            ["consistency rule 'b_with_none', question 'm', option 'w'", "does not have"],
        ),
        (
            mutate(("consistency", 0, "when", 1), {"question": "q", "option": "a"}),
            ["consistency rule 'b_with_none', question 'q'", "never fire"],
        ),
        (
            mutate(("consistency", 0, "when"), [{"question": "q", "option": "b"}]),
            ["consistency rule 'b_with_none'", "two or more"],
        ),
        (mutate(("consistency", 0, "message"), "oops"), ["'message' must be a table of texts"]),
    ],
)
def test_each_kind_of_problem_is_named(document: dict[str, Any], expected: list[str]) -> None:
    problem = one_problem(document)
    assert problem.startswith("test.toml: ")
    for fragment in expected:
        assert fragment in problem, problem


def test_a_questionnaire_without_questions_is_refused() -> None:
    document = raw()
    document["questions"] = []
    del document["consistency"]
    assert "'questions' is empty" in one_problem(document)


def test_bands_out_of_order_are_named() -> None:
    document = raw()
    document["bands"][1], document["bands"][2] = document["bands"][2], document["bands"][1]
    problem = one_problem(document)
    assert "in that order, found C1, C3, C2, C4, C5" in problem


def test_a_missing_and_a_repeated_band_are_named() -> None:
    document = raw()
    document["bands"][3] = dict(document["bands"][2])
    problems = problems_of(document)
    assert any("band C3" in p and "more than once" in p for p in problems)
    assert any("band C4 is missing" in p for p in problems)


def test_a_band_beyond_the_top_score_is_unreachable() -> None:
    document = raw()
    document["questions"][0]["options"][1]["score"] = 1  # the top score drops from 13 to 9
    problems = problems_of(document)
    assert any("band C5" in p and "no client can reach it" in p for p in problems), problems


def test_the_last_band_may_have_no_ceiling_but_the_others_must() -> None:
    document = raw()
    del document["bands"][4]["max"]
    assert parse_questionnaire(document).level_for(1000) is RiskLevel.C5
    del document["bands"][2]["max"]
    assert any("band C3" in p and "needs a 'max'" in p for p in problems_of(document))


def test_a_multiple_choice_sum_is_capped() -> None:
    tiny = load_questionnaire(TINY_FILE)
    question = tiny.question("m")
    assert question.score_of(["x", "y", "z"]) == 8
    assert question.score_of(["x", "y"]) == 7
    assert question.max_score == 8 and tiny.max_score == 13


def test_the_fingerprint_follows_the_content() -> None:
    first = parse_questionnaire(raw())
    assert parse_questionnaire(raw()).fingerprint == first.fingerprint
    changed = mutate(("questions", 0, "options", 1, "text", "en"), "Bee")
    assert parse_questionnaire(changed).fingerprint != first.fingerprint


# --- files and folders ----------------------------------------------------------------------------


def test_invalid_toml_is_a_questionnaire_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\nversion = \n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert caught.value.problems == [caught.value.problems[0]]
    assert str(path) in caught.value.problems[0] and "not valid TOML" in caught.value.problems[0]


def test_a_missing_or_unreadable_file_is_a_questionnaire_error(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="does not exist"):
        load_questionnaire(tmp_path / "absent.toml")
    (tmp_path / "latin1.toml").write_bytes('title = "caf\u00e9"'.encode("latin-1"))
    with pytest.raises(QuestionnaireError, match="not UTF-8"):
        load_questionnaire(tmp_path / "latin1.toml")
    with pytest.raises(QuestionnaireError, match="cannot be read"):
        load_questionnaire(tmp_path)  # a folder, not a file


def test_a_folder_with_one_bad_file_lists_the_problems_of_every_file(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(TINY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "copy.toml").write_text(TINY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.toml").write_text("id = 3\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a questionnaire", encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        available_questionnaires(tmp_path)
    problems = caught.value.problems
    assert any(p.startswith(str(tmp_path / "bad.toml")) and "'id'" in p for p in problems)
    assert any("version 1 is also defined in" in p for p in problems)


def test_a_folder_of_good_files_is_sorted_by_id_and_version(tmp_path: Path) -> None:
    text = TINY_FILE.read_text(encoding="utf-8")
    (tmp_path / "b.toml").write_text(text.replace("version = 1", "version = 2"), encoding="utf-8")
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    found = available_questionnaires(tmp_path)
    assert [q.key for q in found] == [("tiny", 1), ("tiny", 2)]
    assert find_questionnaire(found, "tiny").version == 2
    (tmp_path / "empty").mkdir()
    assert available_questionnaires(tmp_path / "empty") == []
    with pytest.raises(QuestionnaireError, match="folder is missing"):
        available_questionnaires(tmp_path / "absent")
