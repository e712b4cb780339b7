"""Identity documents, phone numbers and e-mail addresses (crm_desk/domain/identity.py).

Resident ID numbers are generated: a real region code, a birth date, a sequence and the GB 11643
check digit. Every valid one passes and tells the birth date and sex; every single mistyped
character and every swap of two neighbours is caught, always as a Problem, never an exception.
"""

from __future__ import annotations

import importlib.resources
from datetime import date

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crm_desk.domain.errors import Problem
from crm_desk.domain.identity import (
    Gender,
    Identity,
    IdType,
    check_email,
    check_identity,
    check_phone,
    phone_last_four,
)
from tests.clients_support import check_digit, prc_id


def _county_codes() -> tuple[list[str], dict[str, int]]:
    """Region codes from python-stdnum's list: those still in use, and the abolished ones with
    the last year they were assigned."""
    text = (importlib.resources.files("stdnum") / "cn" / "loc.dat").read_text(encoding="utf-8")
    current: list[str] = []
    abolished: dict[str, int] = {}
    province = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, value = line.strip().partition(" ")
        if not line.startswith(" "):
            province = code
            continue
        counties = value.removeprefix('county="').removesuffix('"').split(",")
        ends = [
            c[1:].split("]")[0].partition("-")[2] if c.startswith("[") else "" for c in counties
        ]
        if any(end == "" for end in ends):
            current.append(province + code)
        else:
            abolished[province + code] = max(int(end) for end in ends)
    return current, abolished


CURRENT_REGIONS, ABOLISHED_REGIONS = _county_codes()

# The first call loads stdnum's and libphonenumber's data lazily: no deadline on a busy machine.
relaxed = settings(deadline=None)


@st.composite
def resident_ids(draw: st.DrawFn) -> tuple[str, date, int]:
    """A valid resident ID number, the birth date and the sequence number it encodes."""
    region = draw(st.sampled_from(CURRENT_REGIONS))
    born = draw(st.dates(date(1900, 1, 1), date(2008, 12, 31)))
    sequence = draw(st.integers(0, 999))
    return prc_id(region, born, f"{sequence:03d}"), born, sequence


def problem(result: Identity | str | None | Problem) -> Problem:
    assert isinstance(result, Problem), f"accepted: {result!r}"
    return result


# --- resident ID cards --------------------------------------------------------------------------


def test_the_region_list_is_real() -> None:
    assert "110105" in CURRENT_REGIONS  # 北京市朝阳区
    assert "310115" in CURRENT_REGIONS  # 上海市浦东新区, created in 1992
    assert ABOLISHED_REGIONS["110103"] == 2010  # 北京市崇文区
    assert len(CURRENT_REGIONS) > 2000


@relaxed
@given(resident_ids())
def test_property_a_valid_resident_id_passes_with_its_birth_date_and_sex(
    generated: tuple[str, date, int],
) -> None:
    number, born, sequence = generated
    identity = check_identity(IdType.PRC_ID, number)
    assert isinstance(identity, Identity), identity
    assert identity.number == number
    assert identity.birth_date == born
    assert identity.gender is (Gender.MALE if sequence % 2 else Gender.FEMALE)


@relaxed
@given(resident_ids(), st.integers(0, 17), st.data())
def test_property_any_single_mistyped_character_is_caught(
    generated: tuple[str, date, int], position: int, data: st.DataObject
) -> None:
    number = generated[0]
    alphabet = "0123456789X" if position == 17 else "0123456789"
    typed = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    corrupted = number[:position] + typed + number[position + 1 :]
    assert problem(check_identity(IdType.PRC_ID, corrupted)).code == "id.prc_checksum"


@relaxed
@given(resident_ids(), st.integers(0, 16))
def test_property_any_swap_of_two_neighbouring_digits_is_caught(
    generated: tuple[str, date, int], position: int
) -> None:
    number = generated[0]
    assume(number[position] != number[position + 1])
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    found = problem(check_identity(IdType.PRC_ID, swapped))
    # An X moved away from the end is not even in the right format.
    assert found.code == ("id.prc_format" if "X" in swapped[:17] else "id.prc_checksum")


@relaxed
@given(st.sampled_from(list(IdType)), st.text(max_size=40))
def test_property_any_text_gives_an_identity_or_a_problem_never_an_exception(
    id_type: IdType, text: str
) -> None:
    result = check_identity(id_type, text)
    assert isinstance(result, Identity | Problem)


@relaxed
@given(st.from_regex(r"\A[0-9]{17}[0-9X]\Z"))
def test_property_any_eighteen_characters_give_an_identity_or_a_problem(number: str) -> None:
    result = check_identity(IdType.PRC_ID, number)
    if isinstance(result, Identity):
        assert number[-1] == check_digit(number[:17])
    else:
        assert result.code in {
            "id.prc_checksum",
            "id.prc_birth_date",
            "id.prc_region",
        }, result


@relaxed
@given(st.integers(1, 40).filter(lambda n: n != 18), st.data())
def test_property_a_wrong_length_says_how_long_a_resident_id_is(
    length: int, data: st.DataObject
) -> None:
    number = data.draw(st.text("0123456789", min_size=length, max_size=length))
    found = problem(check_identity(IdType.PRC_ID, number))
    assert found.code == "id.prc_length"
    assert found.params == {"given": length}
    assert "18 characters" in found.message


@pytest.mark.parametrize(
    "birth",
    ["19801301", "19800001", "19800132", "19800100", "19800230", "19000229", "20010229"],
)
def test_an_impossible_birth_date_with_a_right_check_digit_is_named(birth: str) -> None:
    first17 = f"110105{birth}123"
    found = problem(check_identity(IdType.PRC_ID, first17 + check_digit(first17)))
    assert found.code == "id.prc_birth_date"
    assert "birth date" in found.message


@relaxed
@given(st.integers(13, 99) | st.just(0), st.integers(1, 28))
def test_property_an_impossible_month_is_a_birth_date_problem(month: int, day: int) -> None:
    first17 = f"3101151975{month:02d}{day:02d}042"
    found = problem(check_identity(IdType.PRC_ID, first17 + check_digit(first17)))
    assert found.code == "id.prc_birth_date"


def test_the_29th_of_february_of_a_leap_year_is_a_birth_date() -> None:
    identity = check_identity(IdType.PRC_ID, prc_id("440305", date(2000, 2, 29), "018"))
    assert isinstance(identity, Identity)
    assert identity.birth_date == date(2000, 2, 29)
    assert identity.gender is Gender.FEMALE


def test_a_region_created_after_the_birth_is_accepted() -> None:
    """Pudong (310115) exists since 1992; residents born earlier carry its code all the same."""
    identity = check_identity(IdType.PRC_ID, prc_id("310115", date(1958, 3, 9), "271"))
    assert isinstance(identity, Identity), identity
    assert identity.birth_date == date(1958, 3, 9)
    assert identity.gender is Gender.MALE


@pytest.mark.parametrize(
    ("region", "born", "accepted"),
    [
        ("110103", date(1980, 6, 1), True),  # 崇文区, abolished in 2010
        ("110103", date(2010, 6, 1), True),
        ("110103", date(2015, 6, 1), False),  # assigned after it no longer existed
        ("990000", date(1980, 6, 1), False),  # no such province
        ("110199", date(1980, 6, 1), False),  # a known province, no such county
    ],
)
def test_an_unknown_or_abolished_region_is_named(region: str, born: date, accepted: bool) -> None:
    result = check_identity(IdType.PRC_ID, prc_id(region, born))
    if accepted:
        assert isinstance(result, Identity), result
    else:
        found = problem(result)
        assert found.code == "id.prc_region"
        assert found.params == {"region": region}


def test_a_resident_id_is_normalised() -> None:
    number = prc_id("110105", date(1949, 12, 31), "002")
    assert number.endswith("X")
    identity = check_identity(IdType.PRC_ID, f" {number[:6]} {number[6:14]}-{number[14:].lower()} ")
    assert isinstance(identity, Identity)
    assert identity.number == number
    assert identity.gender is Gender.FEMALE


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "id.required"),
        ("  - ", "id.required"),
        ("11010519491231002", "id.prc_length"),  # the old 15-digit cards are 15, this is 17
        ("110105194912310", "id.prc_length"),
        ("1101051949123100X2", "id.prc_format"),
        ("A10105194912310021", "id.prc_format"),
    ],
)
def test_malformed_resident_ids_are_named(raw: str, code: str) -> None:
    assert problem(check_identity(IdType.PRC_ID, raw)).code == code


# --- other documents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("id_type", "raw", "normalised"),
    [
        (IdType.PASSPORT, "e12345678", "E12345678"),
        (IdType.PASSPORT, "G 1234 5678", "G12345678"),
        (IdType.PASSPORT, "AB123", "AB123"),
        (IdType.PASSPORT, "X" * 20, "X" * 20),
        (IdType.HK_MACAO_PERMIT, "H12345678", "H12345678"),
        (IdType.HK_MACAO_PERMIT, "m1234567890", "M1234567890"),
        (IdType.TAIWAN_PERMIT, "12345678", "12345678"),
        (IdType.TAIWAN_PERMIT, "1234-567890", "1234567890"),
    ],
)
def test_other_documents_are_accepted_without_birth_date_or_sex(
    id_type: IdType, raw: str, normalised: str
) -> None:
    assert check_identity(id_type, raw) == Identity(id_type, normalised, None, None)


@pytest.mark.parametrize(
    ("id_type", "raw", "code"),
    [
        (IdType.PASSPORT, "AB12", "id.passport_format"),
        (IdType.PASSPORT, "X" * 21, "id.passport_format"),
        (IdType.PASSPORT, "E1234567!", "id.passport_format"),
        (IdType.PASSPORT, "护照12345", "id.passport_format"),
        (IdType.HK_MACAO_PERMIT, "C12345678", "id.hk_macao_format"),
        (IdType.HK_MACAO_PERMIT, "H1234567", "id.hk_macao_format"),
        (IdType.HK_MACAO_PERMIT, "H123456789", "id.hk_macao_format"),
        (IdType.HK_MACAO_PERMIT, "12345678", "id.hk_macao_format"),
        (IdType.TAIWAN_PERMIT, "123456789", "id.taiwan_format"),
        (IdType.TAIWAN_PERMIT, "1234567", "id.taiwan_format"),
        (IdType.TAIWAN_PERMIT, "T1234567", "id.taiwan_format"),
        (IdType.TAIWAN_PERMIT, "", "id.required"),
    ],
)
def test_other_documents_in_the_wrong_format_are_named(
    id_type: IdType, raw: str, code: str
) -> None:
    found = problem(check_identity(id_type, raw))
    assert found.code == code
    assert found.message


# --- phones -------------------------------------------------------------------------------------

MOBILE_PREFIXES = ["135", "136", "137", "138", "139", "150", "151", "158", "186", "188", "189"]


@relaxed
@given(st.sampled_from(MOBILE_PREFIXES), st.integers(0, 10**8 - 1))
def test_property_a_mainland_mobile_is_stored_in_e164(prefix: str, rest: int) -> None:
    number = f"{prefix}{rest:08d}"
    assert check_phone(number) == "+86" + number
    assert check_phone(f"{number[:3]} {number[3:7]}-{number[7:]}") == "+86" + number
    assert check_phone("+86 " + number) == "+86" + number
    assert phone_last_four(check_phone(number)) == number[-4:]  # type: ignore[arg-type]


@relaxed
@given(st.text("0123456789", min_size=1, max_size=10).filter(lambda s: s[0] != "0"))
def test_property_fewer_than_eleven_digits_are_refused_as_a_mainland_mobile(digits: str) -> None:
    found = problem(check_phone(digits))
    assert found.code in {"phone.mainland", "phone.format"}, found


@relaxed
@given(st.text(max_size=30))
def test_property_any_text_gives_a_number_or_a_problem_never_an_exception(text: str) -> None:
    result = check_phone(text)
    if isinstance(result, str):
        assert result.startswith("+")
        assert result[1:].isdigit()
        assert phonenumbers.is_valid_number(phonenumbers.parse(result))
    else:
        assert result.code.startswith("phone.")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "phone.required"),
        ("   ", "phone.required"),
        ("abc", "phone.format"),
        ("+", "phone.format"),
        ("1381234567", "phone.mainland"),  # ten digits
        ("138123456789", "phone.mainland"),  # twelve
        ("23812345678", "phone.mainland"),  # does not start with 1
        ("12012345678", "phone.mainland"),  # no such mobile range
        ("02112345678", "phone.mainland"),  # a Shanghai landline, not a mobile
        ("010-12345678", "phone.mainland"),
        ("+86 21 1234 5678", "phone.mainland"),
        ("+861381234567", "phone.invalid"),  # one digit short after +86
        ("+1 999 555", "phone.invalid"),
        ("+852 1234", "phone.invalid"),
    ],
)
def test_bad_phone_numbers_are_named(raw: str, code: str) -> None:
    found = problem(check_phone(raw))
    assert found.code == code
    assert found.message


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("+852 9123 4567", "+85291234567"),  # Hong Kong
        ("+853 6612 3456", "+85366123456"),  # Macao
        ("+886 912 345 678", "+886912345678"),  # Taiwan
        ("+1 415 555 2671", "+14155552671"),
        ("+44 7911 123456", "+447911123456"),
        ("0085291234567", "+85291234567"),  # dialled from the mainland
        ("+8613812345678", "+8613812345678"),
    ],
)
def test_numbers_with_a_country_code_are_accepted(raw: str, e164: str) -> None:
    assert check_phone(raw) == e164


@pytest.mark.parametrize("region", ["HK", "MO", "TW", "SG", "JP", "GB", "DE", "AU", "US", "CA"])
def test_every_country_s_example_mobile_is_accepted(region: str) -> None:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    written = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assert check_phone(written) == phonenumbers.format_number(
        example, phonenumbers.PhoneNumberFormat.E164
    )


# --- e-mail -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("", None),
        ("   ", None),
        (" Zhang.Wei@Example.COM ", "zhang.wei@example.com"),
        ("li+funds@bank.com.cn", "li+funds@bank.com.cn"),
    ],
)
def test_an_email_is_optional_and_stored_in_lower_case(raw: str, stored: str | None) -> None:
    assert check_email(raw) == stored


@pytest.mark.parametrize(
    "raw",
    ["zhang", "zhang@", "@example.com", "zhang@example", "zhang wei@example.com", "a@b@c.cn"]
    + ["x" * 250 + "@example.com"],
)
def test_a_malformed_email_is_named(raw: str) -> None:
    found = problem(check_email(raw))
    assert found.code == "email.format"
    assert "name@example.com" in found.message
