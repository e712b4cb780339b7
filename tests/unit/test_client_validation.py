"""The client form's checks (crm_desk/domain/clients.py): one problem per field, each with a code,
and a valid form normalised (amounts to the fen, phone in E.164, pinyin sort key and initials)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from crm_desk.domain.clients import (
    ClientProfile,
    Horizon,
    IncomeBand,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
    age_on,
    changed_fields,
    is_elderly,
    validate_client,
)
from crm_desk.domain.errors import ValidationError
from crm_desk.domain.identity import Gender, IdType
from crm_desk.domain.names import initials, sort_key
from tests.clients_support import TODAY, client_input, prc_id


def refused(**changes: Any) -> dict[str, str]:
    """The field -> problem code map of a form with ``changes``."""
    with pytest.raises(ValidationError) as error:
        validate_client(client_input(**changes), TODAY)
    for name, found in error.value.problems.items():
        assert found.message, name
        assert error.value.fields[name] == found.message
    return {name: found.code for name, found in error.value.problems.items()}


def test_a_valid_form_is_normalised() -> None:
    profile = validate_client(
        client_input(
            name="  张   伟 ",
            id_number=" 110105 19800517 1239 ",
            phone="138-1234-5678",
            email=" Zhang.Wei@Example.COM ",
            address=" 北京市朝阳区   建国路88号 ",
            occupation="  软件  工程师 ",
            financial_assets=" 1,500,000.5 ",
            experience_types=("funds", "stocks", "funds"),
            objectives=("steady_income", "balanced_growth", "steady_income"),
        ),
        TODAY,
    )
    assert isinstance(profile, ClientProfile)
    assert profile.name == "张 伟"
    assert profile.identity.id_type is IdType.PRC_ID
    assert profile.identity.number == prc_id()
    assert profile.birth_date == date(1980, 5, 17)
    assert profile.gender is Gender.MALE  # the 17th digit, 3, is odd
    assert profile.phone == "+8613812345678"
    assert profile.email == "zhang.wei@example.com"
    assert profile.address == "北京市朝阳区 建国路88号"
    assert profile.occupation == "软件 工程师"
    assert profile.financial_assets == Decimal("1500000.50")
    assert profile.financial_assets.as_tuple().exponent == -2
    assert profile.income_band is IncomeBand.FROM_300K
    assert profile.experience_years == 5
    assert profile.experience_types == (ProductExperience.FUNDS, ProductExperience.STOCKS)
    assert profile.objectives == (Objective.INCOME, Objective.BALANCED)
    assert profile.horizon is Horizon.Y3_5
    assert profile.liquidity is Liquidity.MEDIUM
    assert profile.preferred_language is Language.ZH_CN
    assert profile.warnings == ()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", Decimal("0.00")),
        ("0", Decimal("0.00")),
        ("3000000", Decimal("3000000.00")),
        ("3，000，000.10", Decimal("3000000.10")),  # full-width commas from a Chinese keyboard
        ("999999999999.99", Decimal("999999999999.99")),
    ],
)
def test_financial_assets_are_yuan_to_the_fen(typed: str, stored: Decimal) -> None:
    profile = validate_client(client_input(financial_assets=typed), TODAY)
    assert profile.financial_assets == stored
    assert profile.financial_assets.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("name", "pinyin", "letters"),
    [
        ("张伟", "zhang wei", "zw"),
        ("欧阳明月", "ou yang ming yue", "oymy"),
        ("James Wong", "james wong", "jw"),
        ("曾小明", "zeng xiao ming", "zxm"),  # 曾 is céng in 曾经, zēng as a surname
        ("单田芳", "shan tian fang", "stf"),
        ("单于明", "chan yu ming", "cym"),  # a compound surname
        ("解放", "xie fang", "xf"),
        ("王曾", "wang ceng", "wc"),  # only the surname is read as one
    ],
)
def test_sort_key_and_initials_come_from_pinyin(name: str, pinyin: str, letters: str) -> None:
    assert sort_key(name).startswith(pinyin)
    assert sort_key(name).endswith(name)  # the name breaks ties between equal spellings
    assert initials(name) == letters


def test_pinyin_sorts_chinese_names_as_a_reader_expects() -> None:
    names = ["张伟", "安娜", "王芳", "Bob Li", "李娜", "陈静", "曾敏"]
    assert sorted(names, key=sort_key) == ["安娜", "Bob Li", "陈静", "李娜", "王芳", "曾敏", "张伟"]


def test_other_documents_take_the_typed_birth_date_and_sex() -> None:
    profile = validate_client(
        client_input(
            name="James Wong",
            id_type="passport",
            id_number="k1234567",
            birth_date=date(1970, 2, 3),
            gender="M",
            phone="+852 9123 4567",
            preferred_language="en",
        ),
        TODAY,
    )
    assert profile.identity.number == "K1234567"
    assert profile.birth_date == date(1970, 2, 3)
    assert profile.gender is Gender.MALE
    assert profile.phone == "+85291234567"
    assert profile.preferred_language is Language.EN


def test_optional_fields_may_be_empty() -> None:
    profile = validate_client(
        client_input(
            email="", address="  ", occupation="", experience_years="", experience_types=()
        ),
        TODAY,
    )
    assert profile.email is None
    assert profile.address is None
    assert profile.occupation == ""
    assert profile.experience_years == 0
    assert profile.experience_types == ()


def test_deposits_alone_need_no_years_of_experience() -> None:
    profile = validate_client(
        client_input(experience_years="0", experience_types=("deposits",)), TODAY
    )
    assert profile.experience_types == (ProductExperience.DEPOSITS,)


def test_every_invalid_field_gets_its_own_problem() -> None:
    assert refused(
        name="   ",
        id_number="110105198005171238",  # wrong check digit
        phone="12345",
        email="zhang@",
        address="路" * 301,
        occupation="职" * 101,
        income_band="rich",
        financial_assets="lots",
        experience_years="81",
        experience_types=("stocks", "lottery"),
        objectives=("get_rich",),
        horizon="forever",
        liquidity="",
        preferred_language="fr",
    ) == {
        "name": "client_name.required",
        "id_number": "id.prc_checksum",
        "phone": "phone.mainland",
        "email": "email.format",
        "address": "address.too_long",
        "occupation": "name.too_long",
        "income_band": "choice.required",
        "financial_assets": "money.format",
        "experience_years": "years.range",
        "experience_types": "choice.unknown",
        "objectives": "choice.unknown",
        "horizon": "choice.required",
        "liquidity": "choice.required",
        "preferred_language": "choice.required",
    }


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, {"name": "client_name.required"}),
        ({"name": "张" * 101}, {"name": "name.too_long"}),
        (
            {"id_type": "driving_licence"},
            {"id_type": "id_type.unknown", "birth_date": "birth_date.required"},
        ),
        ({"id_number": ""}, {"id_number": "id.required"}),  # one message: fix the number
        ({"phone": ""}, {"phone": "phone.required"}),
        ({"phone": "02112345678"}, {"phone": "phone.mainland"}),
        ({"income_band": ""}, {"income_band": "choice.required"}),
        ({"horizon": "10y"}, {"horizon": "choice.required"}),
        ({"liquidity": "none"}, {"liquidity": "choice.required"}),
        ({"objectives": ()}, {"objectives": "objectives.required"}),
        ({"experience_types": ("bitcoin",)}, {"experience_types": "choice.unknown"}),
        ({"gender": "X"}, {"gender": "gender.unknown"}),
    ],
)
def test_each_field_is_checked(changes: dict[str, Any], expected: dict[str, str]) -> None:
    assert refused(**changes) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abc", "money.format"),
        ("-1", "money.format"),
        ("NaN", "money.format"),
        ("Infinity", "money.format"),
        ("1000000000000.01", "money.format"),  # beyond any client: a typo
        ("1500000.505", "money.cents"),
        ("0.001", "money.cents"),
    ],
)
def test_financial_assets_format_and_fen(typed: str, code: str) -> None:
    assert refused(financial_assets=typed) == {"financial_assets": code}


@pytest.mark.parametrize("typed", ["-1", "81", "2.5", "abc", "五"])
def test_years_of_experience_are_whole_years_from_0_to_80(typed: str) -> None:
    # A number that is not one is named as such, not as a contradiction with the ticked stocks.
    assert refused(experience_years=typed) == {"experience_years": "years.range"}


@pytest.mark.parametrize("typed", ["0", "", " "])
def test_no_years_with_stock_experience_is_a_contradiction(typed: str) -> None:
    found = refused(experience_years=typed, experience_types=("deposits", "stocks"))
    assert found == {"experience_years": "experience.contradiction"}


def test_a_birth_date_other_than_the_id_number_s_is_named_with_the_right_one() -> None:
    with pytest.raises(ValidationError) as error:
        validate_client(client_input(birth_date=date(1980, 5, 18)), TODAY)
    found = error.value.problems["birth_date"]
    assert found.code == "birth_date.mismatch"
    assert found.params == {"expected": "1980-05-17"}
    assert "1980-05-17" in found.message
    assert set(error.value.problems) == {"birth_date"}


def test_the_same_birth_date_as_the_id_number_s_is_fine() -> None:
    assert validate_client(client_input(birth_date=date(1980, 5, 17)), TODAY).birth_date == date(
        1980, 5, 17
    )


def test_a_sex_other_than_the_id_number_s_is_named() -> None:
    assert refused(gender="F") == {"gender": "gender.mismatch"}
    woman = prc_id("110105", date(1980, 5, 17), "124")
    assert refused(id_number=woman, gender="M") == {"gender": "gender.mismatch"}
    assert validate_client(client_input(id_number=woman, gender="F"), TODAY).gender is Gender.FEMALE


@pytest.mark.parametrize(
    ("born", "code"),
    [
        (date(2008, 11, 28), "birth_date.minor"),  # 18 tomorrow
        (date(2020, 1, 1), "birth_date.minor"),
        (date(1905, 11, 26), "birth_date.range"),  # 121: older than anyone
    ],
)
def test_minors_and_impossible_ages_are_refused(born: date, code: str) -> None:
    assert refused(id_number=prc_id("110105", born)) == {"birth_date": code}


def test_eighteen_today_is_old_enough() -> None:
    profile = validate_client(client_input(id_number=prc_id("110105", date(2008, 11, 27))), TODAY)
    assert age_on(profile.birth_date, TODAY) == 18


def test_a_typed_birth_date_must_be_in_the_past() -> None:
    found = refused(
        id_type="passport", id_number="E12345678", birth_date=date(2027, 1, 1), gender=""
    )
    assert found == {"birth_date": "birth_date.range"}


def test_age_and_elderly() -> None:
    born = date(1961, 11, 27)
    assert age_on(born, TODAY) == 65
    assert is_elderly(born, TODAY)
    assert not is_elderly(date(1961, 11, 28), TODAY)
    assert is_elderly(date(1961, 11, 28), TODAY, age=60)
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_changed_fields_lists_only_what_changed() -> None:
    assert changed_fields({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == {"b": (2, 3)}
