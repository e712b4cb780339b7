"""Lockout, password rules and the policy file (crm_desk/domain)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desk.config import DEFAULT_POLICY
from crm_desk.domain.errors import ConfigurationError
from crm_desk.domain.lockout import LoginState
from crm_desk.domain.passwords import password_problems
from crm_desk.domain.policy import (
    SecurityPolicy,
    SuitabilityPolicy,
    load_policy,
    parse_policy,
)

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
MAX, MINUTES = 5, 15


def failures(count: int, start: LoginState | None = None, at: datetime = NOW) -> LoginState:
    state = start or LoginState(0, None)
    for _ in range(count):
        state = state.after_failure(at, MAX, MINUTES)
    return state


# --- lockout ----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_up_to_four_failures_do_not_lock(count: int) -> None:
    state = failures(count)
    assert state.failed_attempts == count
    assert state.locked_until is None
    assert not state.is_locked(NOW)


def test_the_fifth_failure_locks_for_fifteen_minutes() -> None:
    state = failures(5)
    assert state.locked_until == NOW + timedelta(minutes=15)
    assert state.is_locked(NOW)
    assert state.is_locked(NOW + timedelta(minutes=15) - timedelta(microseconds=1))


def test_the_lock_ends_exactly_at_locked_until() -> None:
    state = failures(5)
    assert state.locked_until is not None
    assert not state.is_locked(state.locked_until)
    assert not state.is_locked(state.locked_until + timedelta(seconds=1))


def test_a_failure_after_the_lock_expired_starts_counting_again() -> None:
    locked = failures(5)
    assert locked.locked_until is not None
    after = locked.after_failure(locked.locked_until, MAX, MINUTES)
    assert after.failed_attempts == 1 and after.locked_until is None
    assert not after.is_locked(locked.locked_until)
    # Four more failures lock again, not one.
    relocked = failures(3, after, at=locked.locked_until)
    assert relocked.locked_until is None
    relocked = relocked.after_failure(locked.locked_until, MAX, MINUTES)
    assert relocked.locked_until == locked.locked_until + timedelta(minutes=15)


def test_a_failure_while_locked_keeps_the_account_locked() -> None:
    locked = failures(5)
    later = NOW + timedelta(minutes=5)
    again = locked.after_failure(later, MAX, MINUTES)
    assert again.is_locked(later)
    assert again.locked_until == locked.locked_until  # neither lifted nor extended


def test_success_clears_failures_and_lock() -> None:
    assert LoginState.after_success() == LoginState(0, None)
    assert not LoginState.after_success().is_locked(NOW)


@pytest.mark.parametrize(("max_failures", "minutes"), [(1, 1), (3, 30), (10, 60 * 24)])
def test_lockout_follows_the_policy_numbers(max_failures: int, minutes: int) -> None:
    state = LoginState(0, None)
    for _ in range(max_failures - 1):
        state = state.after_failure(NOW, max_failures, minutes)
    assert state.locked_until is None
    state = state.after_failure(NOW, max_failures, minutes)
    assert state.locked_until == NOW + timedelta(minutes=minutes)


# --- password rules ---------------------------------------------------------------------------


def codes(password: str, username: str = "wang.li", min_length: int = 12) -> list[str]:
    return [p.code for p in password_problems(password, username=username, min_length=min_length)]


def test_a_good_passphrase_is_accepted() -> None:
    assert codes("river stone 1984 blue") == []
    assert codes("我的密码有十二个汉字长吗") == []  # characters, not bytes


def test_length_is_checked_at_the_boundary() -> None:
    assert codes("abcdefghijk") == ["password.too_short"]  # 11
    assert codes("abcdefghijkl") == []  # 12
    assert codes("abcdefghijklmnop", min_length=16) == []
    assert codes("abcdefghijklmno", min_length=16) == ["password.too_short"]


def test_the_length_problem_says_how_many_are_needed_and_given() -> None:
    (problem,) = password_problems("short one", username="x", min_length=12)
    assert problem.params == {"min": 12, "given": 9}
    assert "12" in problem.message and "9" in problem.message


def test_an_empty_password_is_refused() -> None:
    assert "password.too_short" in codes("")


@pytest.mark.parametrize(
    "password", [" leading space pw", "trailing space pw ", "\ttabbed password"]
)
def test_leading_or_trailing_spaces_are_refused(password: str) -> None:
    assert "password.spaces" in codes(password)


@pytest.mark.parametrize("password", ["my wang.li password", "MY WANG.LI PASSWORD"])
def test_the_user_name_inside_the_password_is_refused(password: str) -> None:
    assert "password.contains_username" in codes(password, username="Wang.Li")


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "abababababab", "abcabcabcabc"])
def test_three_or_fewer_different_characters_are_refused(password: str) -> None:
    assert codes(password) == ["password.too_simple"]


def test_four_different_characters_are_enough() -> None:
    assert codes("abcdabcdabcd") == []


def test_several_problems_are_all_reported_length_first() -> None:
    found = codes(" aaa", username="")
    assert found == ["password.too_short", "password.spaces", "password.too_simple"]


# --- policy -----------------------------------------------------------------------------------

VALID = {
    "version": "2026.1",
    "security": {
        "min_password_length": 12,
        "max_failed_logins": 5,
        "lockout_minutes": 15,
        "idle_lock_minutes": 10,
    },
    "investors": {
        "professional_assets": 5000000,
        "professional_income": 500000,
        "professional_experience_years": 2,
        "conversion_assets": 3000000,
        "conversion_income": 300000,
        "conversion_experience_years": 1,
        "elderly_age": 65,
    },
    "suitability": {
        "matrix": {"C1": "R1", "C2": "R2", "C3": "R3", "C4": "R4", "C5": "R5"},
        "check_horizon": True,
        "check_objective": True,
        "check_complex_experience": True,
        "check_elderly": True,
        "check_concentration": True,
        "horizon_tolerance_months": 0,
        "objective_levels": {
            "capital_preservation": "R2",
            "steady_income": "R3",
            "balanced_growth": "R4",
            "aggressive_growth": "R5",
        },
        "complex_experience": {
            "deposit": ["structured", "derivatives"],
            "wealth_management": ["structured", "private_funds", "derivatives"],
            "public_fund": ["funds", "private_funds", "derivatives"],
            "private_fund": ["private_funds", "derivatives"],
            "bond": ["bonds", "structured", "derivatives"],
            "structured": ["structured", "derivatives"],
            "insurance": ["insurance", "structured"],
            "other": ["structured", "derivatives"],
        },
        "complex_min_experience_years": 1,
        "elderly_review_from": "R4",
        "concentration_share": 0.5,
        "exception_deadline_hours": 48,
    },
    "complaints": {
        "decision_days": 15,
        "complex_extension_days": 15,
        "further_extension_days": 30,
        "max_days": 60,
        "due_soon_days": 3,
        "time_zone": "Asia/Shanghai",
    },
}


def with_security(**changes: object) -> dict[str, object]:
    security = dict(VALID["security"])  # type: ignore[call-overload]
    for key, value in changes.items():
        if value is None:
            security.pop(key)
        else:
            security[key] = value
    return {**VALID, "version": "2026.1", "security": security}


def write(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_policy_loads_with_the_documented_numbers() -> None:
    policy = load_policy(DEFAULT_POLICY)
    assert policy.version == "2026.1"
    assert policy.security == SecurityPolicy(
        min_password_length=12, max_failed_logins=5, lockout_minutes=15, idle_lock_minutes=10
    )
    assert policy.source == str(DEFAULT_POLICY)


def test_an_edited_copy_is_used(tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    text = text.replace("lockout_minutes = 15", "lockout_minutes = 30")
    text = text.replace('version = "2026.1"', 'version = "2026.2-branch"')
    policy = load_policy(write(tmp_path, text))
    assert policy.security.lockout_minutes == 30
    assert policy.version == "2026.2-branch"


def refused(data: dict[str, object], *words: str) -> str:
    with pytest.raises(ConfigurationError) as error:
        parse_policy(data, source="branch-policy.toml")
    message = str(error.value)
    assert "branch-policy.toml" in message
    for word in words:
        assert word in message
    return message


def test_a_missing_security_section_is_refused() -> None:
    refused({"version": "1"}, "[security]")
    refused({"version": "1", "security": 5}, "[security]")


@pytest.mark.parametrize("version", [None, "", "   ", 2026, ["2026"]])
def test_a_missing_or_blank_version_is_refused(version: object) -> None:
    data = dict(VALID)
    if version is None:
        data.pop("version")
    else:
        data["version"] = version
    refused(data, "version")


@pytest.mark.parametrize(
    "key", ["min_password_length", "max_failed_logins", "lockout_minutes", "idle_lock_minutes"]
)
@pytest.mark.parametrize("value", ["12", 12.0, True, [12], {"n": 12}, None])
def test_a_number_of_the_wrong_type_or_missing_is_refused(key: str, value: object) -> None:
    data = with_security(**{key: value})
    refused(data, key, "whole number")


@pytest.mark.parametrize(
    ("key", "value", "bounds"),
    [
        ("min_password_length", 11, "between 12 and 128"),
        ("min_password_length", 129, "between 12 and 128"),
        ("max_failed_logins", 0, "between 1 and 100"),
        ("max_failed_logins", 101, "between 1 and 100"),
        ("lockout_minutes", 0, "between 1 and 1440"),
        ("lockout_minutes", 1441, "between 1 and 1440"),
        ("idle_lock_minutes", -5, "between 1 and 1440"),
        ("idle_lock_minutes", 10**9, "between 1 and 1440"),
    ],
)
def test_a_number_out_of_range_is_refused(key: str, value: int, bounds: str) -> None:
    refused(with_security(**{key: value}), key, bounds, str(value))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("min_password_length", 12),
        ("min_password_length", 128),
        ("max_failed_logins", 1),
        ("max_failed_logins", 100),
        ("lockout_minutes", 1440),
        ("idle_lock_minutes", 1),
    ],
)
def test_numbers_at_the_range_ends_are_accepted(key: str, value: int) -> None:
    policy = parse_policy(with_security(**{key: value}))
    assert getattr(policy.security, key) == value


def test_unknown_keys_are_refused_by_name() -> None:
    refused(with_security(lockout_minute=15), "lockout_minute")
    refused(with_security(max_failed_login=5, colour="red"), "colour", "max_failed_login")


def test_a_misspelt_section_is_refused_not_ignored() -> None:
    data = {**with_security(), "securty": {"lockout_minutes": 1}}
    with pytest.raises(ConfigurationError, match="securty"):
        parse_policy(data)


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "policy.toml"
    with pytest.raises(ConfigurationError, match="does not exist") as error:
        load_policy(path)
    assert str(path) in str(error.value)


def test_a_directory_instead_of_a_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as error:
        load_policy(tmp_path)
    assert str(tmp_path) in str(error.value)


def test_invalid_toml_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'version = "1"\n[security\nmin_password_length = 12\n')
    with pytest.raises(ConfigurationError, match="not valid TOML") as error:
        load_policy(path)
    assert str(path) in str(error.value)
    assert "line 2" in str(error.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes('version = "政策"\n'.encode("gb18030"))
    with pytest.raises(ConfigurationError) as error:
        load_policy(path)
    assert str(path) in str(error.value)


def test_a_bad_value_in_a_file_names_the_file_section_and_key(tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace(
        "max_failed_logins = 5", 'max_failed_logins = "five"'
    )
    path = write(tmp_path, text)
    with pytest.raises(ConfigurationError) as error:
        load_policy(path)
    message = str(error.value)
    assert str(path) in message and "[security]" in message and "max_failed_logins" in message


TOML_SCALARS = (
    st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.booleans()
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | st.datetimes(timezones=st.just(UTC))
)
KEYS = st.sampled_from(
    [
        "version",
        "security",
        "min_password_length",
        "max_failed_logins",
        "lockout_minutes",
        "idle_lock_minutes",
    ]
) | st.text(max_size=8)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=12,
)


@given(st.dictionaries(KEYS, TOML_VALUES, max_size=5))
def test_property_random_documents_give_a_policy_or_a_configuration_error(
    data: dict[str, object],
) -> None:
    try:
        policy = parse_policy(data, source="random.toml")
    except ConfigurationError as error:
        assert "random.toml" in str(error)
    else:
        assert isinstance(data.get("security"), dict)
        assert 12 <= policy.security.min_password_length <= 128


@given(
    st.fixed_dictionaries(
        {
            key: st.integers(min_value=-5, max_value=2000) | st.booleans() | st.text(max_size=3)
            for key in VALID["security"]  # type: ignore[attr-defined]
        }
    )
)
def test_property_random_security_sections_are_taken_only_when_every_number_fits(
    security: dict[str, object],
) -> None:
    bounds = {
        "min_password_length": (12, 128),
        "max_failed_logins": (1, 100),
        "lockout_minutes": (1, 1440),
        "idle_lock_minutes": (1, 1440),
    }
    fits = all(
        type(security[key]) is int and low <= security[key] <= high  # type: ignore[operator]
        for key, (low, high) in bounds.items()
    )
    try:
        policy = parse_policy(
            {**VALID, "version": "x", "security": security},
            source="random.toml",
        )
    except ConfigurationError:
        assert not fits
    else:
        assert fits
        assert {key: getattr(policy.security, key) for key in bounds} == security


@settings(deadline=None)  # file I/O: a slow CI disk must not fail it
@given(st.binary(max_size=200))
def test_property_random_file_contents_give_a_policy_or_a_configuration_error(
    content: bytes,
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.toml"
        path.write_bytes(content)
        try:
            load_policy(path)
        except ConfigurationError as error:
            assert str(path) in str(error)


# --- policy: [suitability] ----------------------------------------------------------------------


def with_suitability(**changes: object) -> dict[str, object]:
    """VALID with [suitability] keys replaced (None removes one); "matrix.C3" edits an entry."""
    suitability: dict[str, object] = {
        key: dict(value) if isinstance(value, dict) else value
        for key, value in VALID["suitability"].items()  # type: ignore[attr-defined]
    }
    for key, value in changes.items():
        table, _, entry = key.partition(".")
        target: dict[str, object] = suitability[table] if entry else suitability  # type: ignore[assignment]
        name = entry or key
        if value is None:
            target.pop(name)
        else:
            target[name] = value
    return {**VALID, "suitability": suitability}


def test_the_shipped_suitability_policy_is_the_documented_one() -> None:
    policy = load_policy(DEFAULT_POLICY)
    rules = policy.suitability
    assert rules == SuitabilityPolicy()
    assert rules == parse_policy(VALID).suitability
    assert {c.value: p.value for c, p in rules.matrix.items()} == {
        "C1": "R1", "C2": "R2", "C3": "R3", "C4": "R4", "C5": "R5"
    }  # fmt: skip
    assert {o.value: p.value for o, p in rules.objective_levels.items()} == {
        "capital_preservation": "R2",
        "steady_income": "R3",
        "balanced_growth": "R4",
        "aggressive_growth": "R5",
    }
    assert rules.elderly_review_from.value == "R4"
    assert str(rules.concentration_share) == "0.5"
    assert rules.exception_deadline_hours == 48
    assert rules.horizon_tolerance_months == 0
    assert rules.complex_min_experience_years == 1
    assert all(
        (rules.check_horizon, rules.check_objective, rules.check_complex_experience,
         rules.check_elderly, rules.check_concentration)
    )  # fmt: skip
    assert {t.value: sorted(k.value for k in kinds) for t, kinds in
            rules.complex_experience.items()} == {
        key: sorted(value)
        for key, value in VALID["suitability"]["complex_experience"].items()  # type: ignore[index]
    }  # fmt: skip
    hash(policy)  # a frozen policy stays hashable with its tables


def test_an_edited_copy_changes_the_suitability_rules(tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    text = text.replace("check_elderly = true", "check_elderly = false")
    text = text.replace('C4 = "R4", C5 = "R5"', 'C4 = "R5", C5 = "R5"')
    text = text.replace("concentration_share = 0.5", "concentration_share = 0.3")
    rules = load_policy(write(tmp_path, text)).suitability
    assert rules.check_elderly is False
    assert rules.matrix[max(rules.matrix)].value == "R5"
    assert [p.value for p in rules.matrix.values()] == ["R1", "R2", "R3", "R5", "R5"]
    assert str(rules.concentration_share) == "0.3"


def test_a_missing_suitability_section_is_refused() -> None:
    data = dict(VALID)
    data.pop("suitability")
    refused(data, "[suitability]", "missing")
    refused({**VALID, "suitability": "on"}, "[suitability]")


def test_missing_and_unknown_suitability_keys_are_refused_by_name() -> None:
    refused(with_suitability(concentration_share=None), "[suitability]", "concentration_share")
    refused(with_suitability(check_horizon=None), "[suitability]", "check_horizon")
    refused(with_suitability(elderly_age=65), "[suitability]", "elderly_age")
    refused(with_suitability(validity_months=24), "[suitability]", "validity_months")


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"matrix": "C1=R1"}, ["matrix", "table"]),
        ({"matrix.C3": None}, ["matrix", "no entry for C3"]),
        ({"matrix.C6": "R5"}, ["matrix", "unknown entries C6"]),
        ({"matrix.C2": "R6"}, ["matrix.C2", "R1 to R5", "'R6'"]),
        ({"matrix.C2": "r2"}, ["matrix.C2", "R1 to R5"]),
        ({"matrix.C2": 2}, ["matrix.C2", "R1 to R5"]),
        ({"matrix.C4": "R2"}, ["matrix", "higher client level", "C4 = R2"]),
        ({"objective_levels.steady_income": None}, ["objective_levels", "steady_income"]),
        ({"objective_levels.speculation": "R5"}, ["objective_levels", "speculation"]),
        ({"objective_levels.steady_income": "high"}, ["objective_levels.steady_income"]),
        ({"complex_experience.bond": None}, ["complex_experience", "no entry for bond"]),
        ({"complex_experience.crypto": ["stocks"]}, ["complex_experience", "crypto"]),
        ({"complex_experience.bond": []}, ["complex_experience.bond", "non-empty list"]),
        ({"complex_experience.bond": "bonds"}, ["complex_experience.bond", "non-empty list"]),
        ({"complex_experience.bond": ["bonds", "lottery"]}, ["complex_experience.bond", "lottery"]),
        ({"complex_experience": ["bonds"]}, ["complex_experience", "table"]),
        ({"check_elderly": "yes"}, ["check_elderly", "true or false"]),
        ({"check_objective": 1}, ["check_objective", "true or false"]),
        ({"elderly_review_from": "R0"}, ["elderly_review_from", "R1 to R5"]),
        ({"elderly_review_from": 4}, ["elderly_review_from", "R1 to R5"]),
        ({"concentration_share": 0}, ["concentration_share", "above 0 and at most 1"]),
        ({"concentration_share": 1.5}, ["concentration_share", "above 0 and at most 1"]),
        ({"concentration_share": -0.1}, ["concentration_share", "above 0 and at most 1"]),
        ({"concentration_share": "half"}, ["concentration_share", "'half'"]),
        ({"concentration_share": "nan"}, ["concentration_share"]),
        ({"concentration_share": True}, ["concentration_share"]),
        ({"exception_deadline_hours": 0}, ["exception_deadline_hours", "between 1 and 720"]),
        ({"exception_deadline_hours": 721}, ["exception_deadline_hours", "between 1 and 720"]),
        ({"exception_deadline_hours": 48.0}, ["exception_deadline_hours", "whole number"]),
        ({"horizon_tolerance_months": -1}, ["horizon_tolerance_months", "between 0 and 120"]),
        ({"complex_min_experience_years": 51}, ["complex_min_experience_years"]),
    ],
)
def test_a_malformed_suitability_value_is_refused_naming_the_key(
    changes: dict[str, object], words: list[str]
) -> None:
    refused(with_suitability(**changes), "[suitability]", *words)


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"concentration_share": 1}, lambda s: str(s.concentration_share) == "1"),
        ({"concentration_share": "0.25"}, lambda s: str(s.concentration_share) == "0.25"),
        ({"exception_deadline_hours": 720}, lambda s: s.exception_deadline_hours == 720),
        ({"check_objective": False}, lambda s: s.check_objective is False),
        ({"matrix.C1": "R2", "matrix.C2": "R2"}, lambda s: s.matrix[min(s.matrix)].value == "R2"),
        (
            {"complex_experience.bond": ["bonds", "bonds"]},
            lambda s: (
                len([k for t, k in s.complex_experience.items() if t.value == "bond"][0]) == 1
            ),
        ),
    ],
)
def test_suitability_values_at_the_edges_are_accepted(
    changes: dict[str, object], check: object
) -> None:
    rules = parse_policy(with_suitability(**changes)).suitability
    assert check(rules)  # type: ignore[operator]


def test_a_bad_suitability_value_in_a_file_names_the_file_section_and_key(tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace(
        'elderly_review_from = "R4"', 'elderly_review_from = "high"'
    )
    path = write(tmp_path, text)
    with pytest.raises(ConfigurationError) as error:
        load_policy(path)
    message = str(error.value)
    assert str(path) in message and "[suitability]" in message
    assert "elderly_review_from" in message
