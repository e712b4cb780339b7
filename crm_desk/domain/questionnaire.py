"""Risk-tolerance questionnaires as data: the definition, and the loader that checks a file whole.

A questionnaire lives in a TOML file under ``resources/questionnaires/``; its id and version are
recorded with every assessment, with the file's fingerprint, so the assessment can be explained
years later. ``load_questionnaire`` reads one file and reports every problem it finds at once in a
``QuestionnaireError``; nothing else escapes it, however broken the file.

The file format (see ``resources/questionnaires/individual_v1.toml`` for a full example)::

    id = "individual"                 # lower-case letters, digits and _
    version = 1                       # a whole number, 1 or more; raise it on any change
    validity_months = 24              # how long an assessment stays valid, 1..120
    title = { zh_CN = "...", en = "..." }
    intro = { zh_CN = "...", en = "..." }      # optional: read to the client before starting

    [[bands]]                         # exactly C1..C5 in this order, contiguous, from 0
    level = "C1"
    min = 0
    max = 20                          # inclusive; only the last band may leave it out (no ceiling)

    [[questions]]
    id = "age"
    kind = "single"                   # or "multiple"
    text = { zh_CN = "...", en = "..." }
    help = { zh_CN = "...", en = "..." }       # optional
    scoring = "max"                   # multiple only, required: "max" or "sum" of the choices
    cap = 8                           # optional, with scoring = "sum": the most the question gives

    [[questions.options]]
    id = "a"
    text = { zh_CN = "...", en = "..." }
    score = 0                         # a whole number, 0 or more
    lowest_category = true            # optional: choosing it puts the client in the lowest category
    reason = { zh_CN = "...", en = "..." }     # required exactly when lowest_category = true
    exclusive = true                  # optional, multiple only: chosen alone ("none of these")

    [[consistency]]                   # answers that contradict each other when chosen together
    id = "no_experience_vs_stocks"
    when = [{ question = "experience_years", option = "none" },
            { question = "experience_products", option = "stocks" }]
    message = { zh_CN = "...", en = "..." }
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from crm_desk.domain.errors import ConfigurationError, NotFound

LANGUAGES = ("zh_CN", "en")
MIN_VALIDITY_MONTHS = 1
MAX_VALIDITY_MONTHS = 120
MAX_OPTION_SCORE = 1000  # a typo guard, not a policy
_ID = re.compile(r"[a-z0-9][a-z0-9_]{0,63}")


# --- the vocabulary -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One text in both shipped languages."""

    zh_CN: str
    en: str

    def in_language(self, language: str) -> str:
        """The Chinese text for ``zh_CN`` (or any ``zh``), the English one otherwise."""
        return self.zh_CN if str(language).lower().startswith("zh") else self.en


class RiskLevel(StrEnum):
    """The client's risk tolerance, C1 (conservative) to C5 (aggressive)."""

    C1 = "C1"
    C2 = "C2"
    C3 = "C3"
    C4 = "C4"
    C5 = "C5"

    @property
    def rank(self) -> int:
        """1 for C1 … 5 for C5: compare levels by rank, never by text."""
        return int(self.value[1:])

    @classmethod
    def from_rank(cls, rank: int) -> RiskLevel:
        for level in cls:
            if level.rank == rank:
                return level
        raise ValueError(f"There is no risk level of rank {rank}; ranks are 1 to 5.")

    @property
    def label(self) -> LocalizedText:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RiskLevel.C1: LocalizedText("保守型", "Conservative"),
    RiskLevel.C2: LocalizedText("谨慎型", "Cautious"),
    RiskLevel.C3: LocalizedText("稳健型", "Balanced"),
    RiskLevel.C4: LocalizedText("积极型", "Growth"),
    RiskLevel.C5: LocalizedText("激进型", "Aggressive"),
}
LOWEST_CATEGORY_LABEL = LocalizedText("最低风险承受能力类别", "Lowest risk-tolerance category")


class QuestionKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"


class Scoring(StrEnum):
    """How a multiple-choice question turns the chosen options into one score."""

    MAX = "max"  # the highest-scoring option chosen
    SUM = "sum"  # the options' scores added up, then capped at ``cap`` if the question has one


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: LocalizedText
    score: int  # 0 or more
    lowest_category: bool = False
    reason: LocalizedText | None = None  # why it means the lowest category; set exactly then
    exclusive: bool = False  # multiple choice: chosen alone or not at all


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: QuestionKind
    text: LocalizedText
    options: tuple[Option, ...]  # in the order shown
    help: LocalizedText | None = None
    scoring: Scoring = Scoring.MAX  # multiple choice only; a single choice scores its one option
    cap: int | None = None  # scoring SUM only

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"question {self.id!r} has no option {option_id!r}")

    def score_of(self, option_ids: Iterable[str]) -> int:
        """The question's score for these chosen options (already checked to belong to it)."""
        scores = [self.option(option_id).score for option_id in option_ids]
        if not scores:
            return 0
        if self.kind is QuestionKind.SINGLE or self.scoring is Scoring.MAX:
            return max(scores)
        total = sum(scores)
        return total if self.cap is None else min(total, self.cap)

    @property
    def max_score(self) -> int:
        """The most any permitted answer can score."""
        if self.kind is QuestionKind.SINGLE or self.scoring is Scoring.MAX:
            return max((option.score for option in self.options), default=0)
        alone = max((o.score for o in self.options if o.exclusive), default=0)
        together = sum(o.score for o in self.options if not o.exclusive)
        best = max(alone, together)
        return best if self.cap is None else min(best, self.cap)

    @property
    def min_score(self) -> int:
        """The least any permitted answer can score (every answer chooses at least one option)."""
        lowest = min((option.score for option in self.options), default=0)
        return lowest if self.cap is None else min(lowest, self.cap)


@dataclass(frozen=True, slots=True)
class Band:
    """Scores from ``min_score`` to ``max_score`` inclusive give ``level``."""

    level: RiskLevel
    min_score: int
    max_score: int | None  # None: no ceiling (the last band only)

    def contains(self, score: int) -> bool:
        return self.min_score <= score and (self.max_score is None or score <= self.max_score)


@dataclass(frozen=True, slots=True)
class ConsistencyRule:
    """Answers that contradict each other: the rule fires when every one of them was chosen."""

    id: str
    when: tuple[tuple[str, str], ...]  # (question_id, option_id), two or more
    message: LocalizedText

    def fires(self, answers: Mapping[str, Collection[str]]) -> bool:
        return all(option in answers.get(question, ()) for question, option in self.when)


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: int
    title: LocalizedText
    validity_months: int
    bands: tuple[Band, ...]  # C1..C5 in order, contiguous, from 0 to at least max_score
    questions: tuple[Question, ...]  # in the order asked
    consistency_rules: tuple[ConsistencyRule, ...] = ()
    intro: LocalizedText | None = None
    source: str = "<memory>"  # the file it was read from
    fingerprint: str = ""  # SHA-256 of the definition's content, to record with each assessment

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(question.id for question in self.questions)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"questionnaire {self.id!r} has no question {question_id!r}")

    @property
    def max_score(self) -> int:
        return sum(question.max_score for question in self.questions)

    @property
    def min_score(self) -> int:
        return sum(question.min_score for question in self.questions)

    def level_for(self, score: int) -> RiskLevel:
        """The level the bands give this total score."""
        for band in self.bands:
            if band.contains(score):
                return band.level
        raise ValueError(f"The score {score} lies outside every band of questionnaire {self.id}.")


class QuestionnaireError(ConfigurationError):
    """A questionnaire file that cannot be used; ``problems`` lists every fault found, in English,
    each naming the file and, where it applies, the question and option."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems) or [f"{source}: the questionnaire cannot be used."]
        count = len(self.problems)
        summary = f"{source}: {count} problem{'s' if count != 1 else ''} in the questionnaire"
        super().__init__(summary + ":\n" + "\n".join(f"- {p}" for p in self.problems))


# --- reading a file -------------------------------------------------------------------------------


def load_questionnaire(path: Path | str) -> Questionnaire:
    """Read and check one questionnaire file; any fault raises ``QuestionnaireError``."""
    source = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise QuestionnaireError(source, [f"{source}: the file does not exist."]) from None
    except UnicodeDecodeError as exc:
        message = f"{source}: the file is not UTF-8 text ({exc.reason} at byte {exc.start})."
        raise QuestionnaireError(source, [message]) from None
    except OSError as exc:
        reason = exc.strerror or exc
        raise QuestionnaireError(source, [f"{source}: the file cannot be read: {reason}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise QuestionnaireError(source, [f"{source}: not valid TOML: {exc}"]) from None
    except RecursionError:
        raise QuestionnaireError(source, [f"{source}: not valid TOML: nested too deeply"]) from None
    return parse_questionnaire(data, source)


def available_questionnaires(directory: Path | str) -> list[Questionnaire]:
    """Every ``*.toml`` questionnaire in ``directory``, ordered by id then version.

    One faulty file refuses them all, with the problems of every file in one error: an
    administrator who edited a questionnaire learns at start, not when an adviser opens it.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise QuestionnaireError(str(folder), [f"{folder}: the questionnaire folder is missing."])
    found: list[Questionnaire] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            found.append(load_questionnaire(path))
        except QuestionnaireError as exc:
            problems.extend(exc.problems)
    first_file: dict[tuple[str, int], str] = {}
    for questionnaire in found:
        if questionnaire.key in first_file:
            problems.append(
                f"{questionnaire.source}: questionnaire {questionnaire.id!r} version "
                f"{questionnaire.version} is also defined in {first_file[questionnaire.key]}; "
                "give the changed one a new version."
            )
        first_file.setdefault(questionnaire.key, questionnaire.source)
    if problems:
        raise QuestionnaireError(str(folder), problems)
    return sorted(found, key=lambda q: q.key)


def find_questionnaire(
    questionnaires: Iterable[Questionnaire], questionnaire_id: str, version: int | None = None
) -> Questionnaire:
    """That version of the questionnaire, or its latest version; ``NotFound`` if there is none."""
    matching = [q for q in questionnaires if q.id == questionnaire_id]
    if version is not None:
        matching = [q for q in matching if q.version == version]
    if not matching:
        key = questionnaire_id if version is None else f"{questionnaire_id} v{version}"
        raise NotFound("questionnaire", key)
    return max(matching, key=lambda q: q.version)


# --- checking a definition ------------------------------------------------------------------------


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _names(keys: Iterable[object]) -> str:
    return ", ".join(sorted(repr(str(key)) for key in keys))


class _Checker:
    """Collects every problem of one definition, each prefixed with the file and the place."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(
            f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}"
        )

    def table(self, value: object, where: str, what: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.add(where, f"{what} must be a table, found {_describe(value)}.")
        return None

    def keys(
        self,
        table: Mapping[str, Any],
        where: str,
        required: Collection[str],
        optional: Collection[str],
    ) -> None:
        unknown = [key for key in table if key not in required and key not in optional]
        if unknown:
            self.add(
                where,
                f"unknown key(s) {_names(unknown)} (allowed: {_names([*required, *optional])}).",
            )
        missing = [key for key in required if key not in table]
        if missing:
            self.add(where, f"missing {_names(missing)}.")

    def ident(self, table: Mapping[str, Any], key: str, where: str) -> str | None:
        if key not in table:
            return None  # reported as missing
        value = table[key]
        if isinstance(value, str) and _ID.fullmatch(value):
            return value
        self.add(
            where,
            f"'{key}' must be lower-case letters, digits and _ (at most 64 characters), "
            f"found {_describe(value)}.",
        )
        return None

    def integer(
        self, table: Mapping[str, Any], key: str, where: str, low: int, high: int
    ) -> int | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"'{key}' must be a whole number, found {_describe(value)}.")
            return None
        if not low <= value <= high:
            self.add(where, f"'{key}' must be between {low} and {high}, found {value}.")
            return None
        return value

    def flag(self, table: Mapping[str, Any], key: str, where: str) -> bool:
        value = table.get(key, False)
        if isinstance(value, bool):
            return value
        self.add(where, f"'{key}' must be true or false, found {_describe(value)}.")
        return False

    def text(self, table: Mapping[str, Any], key: str, where: str) -> LocalizedText | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, Mapping):
            self.add(
                where,
                f"'{key}' must be a table of texts {{ zh_CN = ..., en = ... }}, "
                f"found {_describe(value)}.",
            )
            return None
        unknown = [lang for lang in value if lang not in LANGUAGES]
        if unknown:
            self.add(where, f"'{key}' has unknown language(s) {_names(unknown)}; use zh_CN and en.")
        texts: dict[str, str] = {}
        for lang in LANGUAGES:
            entry = value.get(lang)
            if lang not in value:
                self.add(where, f"'{key}' has no {lang} text.")
            elif not isinstance(entry, str):
                self.add(where, f"'{key}.{lang}' must be a text, found {_describe(entry)}.")
            elif not entry.strip():
                self.add(where, f"'{key}.{lang}' is empty.")
            else:
                texts[lang] = entry.strip()
        if len(texts) != len(LANGUAGES) or unknown:
            return None
        return LocalizedText(zh_CN=texts["zh_CN"], en=texts["en"])

    def array(self, table: Mapping[str, Any], key: str, where: str) -> list[Any] | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, list | tuple):
            return list(value)
        self.add(where, f"'{key}' must be a list, found {_describe(value)}.")
        return None


def _question_where(index: int, question_id: object) -> str:
    if isinstance(question_id, str) and question_id:
        return f"question {question_id!r}"
    return f"question #{index + 1}"


def _option_where(question_where: str, index: int, option_id: object) -> str:
    if isinstance(option_id, str) and option_id:
        return f"{question_where}, option {option_id!r}"
    return f"{question_where}, option #{index + 1}"


def _parse_option(
    check: _Checker, raw: object, index: int, question_where: str, kind: QuestionKind | None
) -> Option | None:
    where = _option_where(
        question_where, index, raw.get("id") if isinstance(raw, Mapping) else None
    )
    table = check.table(raw, where, "an option")
    if table is None:
        return None
    before = len(check.problems)
    check.keys(table, where, ("id", "text", "score"), ("lowest_category", "reason", "exclusive"))
    option_id = check.ident(table, "id", where)
    text = check.text(table, "text", where)
    score = check.integer(table, "score", where, 0, MAX_OPTION_SCORE)
    lowest = check.flag(table, "lowest_category", where)
    reason = check.text(table, "reason", where)
    if lowest and "reason" not in table:
        check.add(
            where, "an option with lowest_category = true needs a 'reason' in both languages."
        )
    if not lowest and "reason" in table:
        check.add(where, "'reason' is only for options with lowest_category = true.")
    exclusive = check.flag(table, "exclusive", where)
    if "exclusive" in table and kind is QuestionKind.SINGLE:
        check.add(where, "'exclusive' is only for multiple-choice questions.")
    if len(check.problems) > before or option_id is None or text is None or score is None:
        return None
    return Option(option_id, text, score, lowest, reason, exclusive)


def _parse_question(check: _Checker, raw: object, index: int) -> Question | None:
    where = _question_where(index, raw.get("id") if isinstance(raw, Mapping) else None)
    table = check.table(raw, where, "a question")
    if table is None:
        return None
    before = len(check.problems)
    check.keys(table, where, ("id", "kind", "text", "options"), ("help", "scoring", "cap"))
    question_id = check.ident(table, "id", where)
    kind: QuestionKind | None = None
    raw_kind = table.get("kind")
    if isinstance(raw_kind, str) and raw_kind in set(QuestionKind):
        kind = QuestionKind(raw_kind)
    elif "kind" in table:
        check.add(where, f"'kind' must be 'single' or 'multiple', found {_describe(raw_kind)}.")
    text = check.text(table, "text", where)
    help_text = check.text(table, "help", where)

    scoring = Scoring.MAX
    cap: int | None = None
    if kind is QuestionKind.SINGLE:
        for key in ("scoring", "cap"):
            if key in table:
                check.add(where, f"'{key}' is only for multiple-choice questions.")
    elif kind is QuestionKind.MULTIPLE:
        raw_scoring = table.get("scoring")
        if isinstance(raw_scoring, str) and raw_scoring in set(Scoring):
            scoring = Scoring(raw_scoring)
        elif "scoring" in table:
            check.add(where, f"'scoring' must be 'max' or 'sum', found {_describe(raw_scoring)}.")
        else:
            check.add(where, "a multiple-choice question needs 'scoring' = 'max' or 'sum'.")
        cap = check.integer(table, "cap", where, 0, MAX_OPTION_SCORE * 100)
        if "cap" in table and raw_scoring == Scoring.MAX.value:
            check.add(where, "'cap' is only for scoring = 'sum'.")

    options: list[Option] = []
    raw_options = check.array(table, "options", where)
    if raw_options is not None:
        if len(raw_options) < 2:
            check.add(where, f"a question needs at least two options, found {len(raw_options)}.")
        seen: set[str] = set()
        for option_index, raw_option in enumerate(raw_options):
            option = _parse_option(check, raw_option, option_index, where, kind)
            raw_id = raw_option.get("id") if isinstance(raw_option, Mapping) else None
            if isinstance(raw_id, str):
                if raw_id in seen:
                    check.add(
                        _option_where(where, option_index, raw_id),
                        "the option id is used twice in this question.",
                    )
                seen.add(raw_id)
            if option is not None:
                options.append(option)
        if kind is QuestionKind.MULTIPLE and options and all(o.exclusive for o in options):
            check.add(where, "every option is exclusive; use a single-choice question.")

    if (
        len(check.problems) > before
        or question_id is None
        or kind is None
        or text is None
        or raw_options is None
    ):
        return None
    return Question(question_id, kind, text, tuple(options), help_text, scoring, cap)


def _parse_band(check: _Checker, raw: object, index: int) -> Band | None:
    level_value = raw.get("level") if isinstance(raw, Mapping) else None
    where = f"band {level_value}" if isinstance(level_value, str) else f"band #{index + 1}"
    table = check.table(raw, where, "a band")
    if table is None:
        return None
    before = len(check.problems)
    check.keys(table, where, ("level", "min"), ("max",))
    level: RiskLevel | None = None
    if isinstance(level_value, str) and level_value in set(RiskLevel):
        level = RiskLevel(level_value)
    elif "level" in table:
        check.add(
            where, f"'level' must be one of C1, C2, C3, C4, C5, found {_describe(level_value)}."
        )
    low = check.integer(table, "min", where, 0, MAX_OPTION_SCORE * 1000)
    high = check.integer(table, "max", where, 0, MAX_OPTION_SCORE * 1000)
    if low is not None and high is not None and high < low:
        check.add(where, f"'max' ({high}) is below 'min' ({low}).")
    if len(check.problems) > before or level is None or low is None:
        return None
    return Band(level, low, high)


def _check_bands(check: _Checker, bands: list[Band], count: int, max_score: int | None) -> None:
    """The bands as a whole: C1..C5 in order, from 0, no gap, no overlap, up to the top score."""
    if len(bands) != count:
        return  # a band with problems of its own: the set cannot be judged
    levels = [band.level for band in bands]
    expected = list(RiskLevel)
    if not levels:
        check.add("bands", "none are defined; list C1, C2, C3, C4 and C5.")
        return
    if levels != expected:
        for level in expected:
            if levels.count(level) > 1:
                check.add(f"band {level}", "appears more than once.")
            elif level not in levels:
                check.add("bands", f"band {level} is missing.")
        if sorted(levels) == expected:
            check.add(
                "bands",
                "must be listed C1, C2, C3, C4, C5 in that order, found "
                + ", ".join(level.value for level in levels)
                + ".",
            )
        return
    if bands[0].min_score != 0:
        check.add(f"band {bands[0].level}", f"must start at 0, found {bands[0].min_score}.")
    for previous, band in zip(bands, bands[1:], strict=False):
        if previous.max_score is None:
            check.add(
                f"band {previous.level}", "needs a 'max'; only the last band may leave it out."
            )
            continue
        if band.min_score <= previous.max_score:
            check.add(
                f"band {band.level}",
                f"overlaps band {previous.level}: it starts at {band.min_score}, "
                f"band {previous.level} ends at {previous.max_score}.",
            )
        elif band.min_score > previous.max_score + 1:
            check.add(
                f"band {band.level}",
                f"leaves a gap after band {previous.level}: scores {previous.max_score + 1} to "
                f"{band.min_score - 1} have no level.",
            )
    if max_score is None:
        return  # the questions have problems of their own; the top score is not known
    last = bands[-1]
    if last.max_score is not None and last.max_score < max_score:
        check.add(
            f"band {last.level}",
            f"ends at {last.max_score} but the highest possible score is {max_score}; "
            "scores above it would have no level.",
        )
    for band in bands:
        if band.min_score > max_score:
            check.add(
                f"band {band.level}",
                f"starts at {band.min_score} but the highest possible score is {max_score}, "
                "so no client can reach it; scale the scores or the bands.",
            )


def _parse_rule(
    check: _Checker,
    raw: object,
    index: int,
    questions: Mapping[str, Question],
    question_ids_seen: Collection[str],
) -> ConsistencyRule | None:
    raw_id = raw.get("id") if isinstance(raw, Mapping) else None
    where = (
        f"consistency rule {raw_id!r}"
        if isinstance(raw_id, str) and raw_id
        else f"consistency rule #{index + 1}"
    )
    table = check.table(raw, where, "a consistency rule")
    if table is None:
        return None
    before = len(check.problems)
    check.keys(table, where, ("id", "when", "message"), ())
    rule_id = check.ident(table, "id", where)
    message = check.text(table, "message", where)
    conditions: list[tuple[str, str]] = []
    raw_when = check.array(table, "when", where)
    if raw_when is not None:
        if len(raw_when) < 2:
            check.add(where, "'when' needs two or more answers that contradict each other.")
        for position, raw_condition in enumerate(raw_when):
            condition_where = f"{where}, answer #{position + 1}"
            condition = check.table(raw_condition, condition_where, "an answer in 'when'")
            if condition is None:
                continue
            check.keys(condition, condition_where, ("question", "option"), ())
            question_id = condition.get("question")
            option_id = condition.get("option")
            if not isinstance(question_id, str) or not isinstance(option_id, str):
                if "question" in condition and "option" in condition:
                    check.add(condition_where, "'question' and 'option' must be texts.")
                continue
            pair_where = f"{where}, question {question_id!r}, option {option_id!r}"
            if (question_id, option_id) in conditions:
                check.add(pair_where, "is named twice.")
                continue
            conditions.append((question_id, option_id))
            question = questions.get(question_id)
            if question is None:
                if question_id not in question_ids_seen:
                    check.add(pair_where, "names a question that does not exist.")
            elif option_id not in question.option_ids:
                check.add(pair_where, "names an option that the question does not have.")
        single_questions = [
            q for q, _ in conditions if q in questions and questions[q].kind is QuestionKind.SINGLE
        ]
        for question_id in sorted(set(single_questions)):
            if single_questions.count(question_id) > 1:
                check.add(
                    f"{where}, question {question_id!r}",
                    "names two options of one single-choice question, so it can never fire.",
                )
    if len(check.problems) > before or rule_id is None or message is None:
        return None
    return ConsistencyRule(rule_id, tuple(conditions), message)


def _fingerprint(data: Mapping[str, Any]) -> str:
    canonical = json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_questionnaire(data: Mapping[str, Any], source: str = "<memory>") -> Questionnaire:
    """Check a whole definition (as read from TOML) and build it; every fault found is listed in
    one ``QuestionnaireError``."""
    check = _Checker(source)
    if not isinstance(data, Mapping):
        check.add("", f"the questionnaire must be a table of settings, found {_describe(data)}.")
        raise QuestionnaireError(source, check.problems)
    check.keys(
        data,
        "",
        ("id", "version", "title", "validity_months", "bands", "questions"),
        ("intro", "consistency"),
    )
    questionnaire_id = check.ident(data, "id", "")
    version = check.integer(data, "version", "", 1, 1_000_000)
    title = check.text(data, "title", "")
    intro = check.text(data, "intro", "")
    validity = check.integer(data, "validity_months", "", MIN_VALIDITY_MONTHS, MAX_VALIDITY_MONTHS)

    questions: list[Question] = []
    question_ids_seen: set[str] = set()
    raw_questions = check.array(data, "questions", "")
    questions_sound = raw_questions is not None
    if raw_questions is not None:
        if not raw_questions:
            check.add("", "'questions' is empty; a questionnaire needs at least one question.")
            questions_sound = False
        for index, raw_question in enumerate(raw_questions):
            before = len(check.problems)
            question = _parse_question(check, raw_question, index)
            raw_id = raw_question.get("id") if isinstance(raw_question, Mapping) else None
            if isinstance(raw_id, str):
                if raw_id in question_ids_seen:
                    check.add(_question_where(index, raw_id), "the question id is used twice.")
                question_ids_seen.add(raw_id)
            if question is None or len(check.problems) > before:
                questions_sound = False
            if question is not None:
                questions.append(question)

    bands: list[Band] = []
    raw_bands = check.array(data, "bands", "")
    if raw_bands is not None:
        for index, raw_band in enumerate(raw_bands):
            band = _parse_band(check, raw_band, index)
            if band is not None:
                bands.append(band)
        max_score = sum(q.max_score for q in questions) if questions_sound else None
        _check_bands(check, bands, len(raw_bands), max_score)

    rules: list[ConsistencyRule] = []
    raw_rules = check.array(data, "consistency", "")
    by_id = {question.id: question for question in questions}
    rule_ids_seen: set[str] = set()
    for index, raw_rule in enumerate(raw_rules or []):
        rule = _parse_rule(check, raw_rule, index, by_id, question_ids_seen)
        raw_id = raw_rule.get("id") if isinstance(raw_rule, Mapping) else None
        if isinstance(raw_id, str):
            if raw_id in rule_ids_seen:
                check.add(f"consistency rule {raw_id!r}", "the rule id is used twice.")
            rule_ids_seen.add(raw_id)
        if rule is not None:
            rules.append(rule)

    if (
        check.problems
        or questionnaire_id is None
        or version is None
        or title is None
        or validity is None
    ):
        raise QuestionnaireError(source, check.problems)
    return Questionnaire(
        id=questionnaire_id,
        version=version,
        title=title,
        validity_months=validity,
        bands=tuple(bands),
        questions=tuple(questions),
        consistency_rules=tuple(rules),
        intro=intro,
        source=source,
        fingerprint=_fingerprint(data),
    )
