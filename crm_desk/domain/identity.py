"""Identity documents and phone numbers: validated, normalised, and what they tell about the person.

A PRC resident identity card (and the 18-digit residence permits of Hong Kong, Macao and Taiwan
residents) carries the birth date and the sex; python-stdnum checks its GB 11643 check digit.
Phone numbers are parsed by libphonenumber: a mainland number without a country code, or any
number with one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import phonenumbers
from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

from crm_desk.domain.errors import Problem


class IdType(StrEnum):
    PRC_ID = "prc_id"  # 居民身份证 (also the 18-digit HK/Macao/Taiwan residence permits)
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证


class Gender(StrEnum):
    MALE = "M"
    FEMALE = "F"


@dataclass(frozen=True, slots=True)
class Identity:
    id_type: IdType
    number: str  # normalised: upper case, no spaces
    birth_date: date | None  # only documents that carry it
    gender: Gender | None


_HK_MACAO = re.compile(r"^[HM]\d{8}(\d{2})?$")
_TAIWAN = re.compile(r"^(\d{8}|\d{10})$")
_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")


def _normalise(number: str) -> str:
    return re.sub(r"[\s\-]", "", number).upper()


def check_identity(id_type: IdType, raw: str) -> Identity | Problem:
    number = _normalise(raw)
    if not number:
        return Problem("id.required", "Enter the document number.")
    if id_type is IdType.PRC_ID:
        try:
            ric.validate(number)
        except InvalidLength:
            return Problem(
                "id.prc_length",
                "A resident ID has 18 characters: 17 digits and a final digit or X.",
                {"given": len(number)},
            )
        except (InvalidComponent, KeyError):
            pass  # the birth date or the region code: told apart below
        except InvalidChecksum:
            return Problem(
                "id.prc_checksum",
                "The last character does not match the others "
                "(GB 11643 check digit); one character was probably mistyped.",
            )
        except (InvalidFormat, ValidationError):
            return Problem("id.prc_format", "Use 17 digits followed by a digit or X.")
        try:
            born = ric.get_birth_date(number)
        except InvalidComponent:
            return Problem(
                "id.prc_birth_date",
                "The birth date inside the number (characters 7 "
                "to 14) is not a real date; check the number.",
            )
        if not _region_possible(number[:6], born):
            return Problem(
                "id.prc_region",
                "The first six digits are not a region code of the PRC; check the number.",
                {"region": number[:6]},
            )
        gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
        return Identity(id_type, number, born, gender)
    if id_type is IdType.HK_MACAO_PERMIT and not _HK_MACAO.match(number):
        return Problem(
            "id.hk_macao_format",
            "A Home Return Permit number is H or M followed by 8 (or 10) digits.",
        )
    if id_type is IdType.TAIWAN_PERMIT and not _TAIWAN.match(number):
        return Problem("id.taiwan_format", "A Taiwan compatriot permit number has 8 or 10 digits.")
    if id_type is IdType.PASSPORT and not _PASSPORT.match(number):
        return Problem("id.passport_format", "A passport number has 5 to 20 letters and digits.")
    return Identity(id_type, number, None, None)


def _region_possible(code: str, born: date) -> bool:
    """A known county code not abolished before the birth year.

    python-stdnum also refuses a code created after the birth year, but the code is the one of the
    registration when the card was issued: the cards of Pudong (310115, created 1992) residents
    born long before carry it. And it fails with KeyError for a known province's unknown county.
    """
    info = {k: v for _part, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    for county in filter(None, info.get("county", "").split(",")):
        if not county.startswith("["):
            return True
        end = county[1:].split("]", 1)[0].partition("-")[2]
        if not end.isdigit() or born.year <= int(end):
            return True
    return False


def check_phone(raw: str) -> str | Problem:
    """The number in E.164 form (+8613812345678), or what is wrong with it."""
    text = raw.strip()
    if not text:
        return Problem("phone.required", "Enter a mobile phone number.")
    digits = re.sub(r"[\s\-()]", "", text)
    if digits.startswith("00"):  # the international prefix dialled from the mainland
        digits = "+" + digits[2:]
    if not re.fullmatch(r"\+?\d+", digits):
        # Letters are refused, not silently dropped.
        return Problem(
            "phone.format",
            "Use 11 digits for a mainland mobile (13812345678), or "
            "+ and the country code for others (+85291234567).",
        )
    if not digits.startswith("+") and not re.fullmatch(r"1\d{10}", digits):
        # Without a country code only a mainland mobile is meant.
        return Problem(
            "phone.mainland",
            "A mainland mobile number has 11 digits starting with 1 (for example 13812345678).",
        )
    text = digits
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else "CN")
    except phonenumbers.NumberParseException:
        return Problem(
            "phone.format",
            "Use 11 digits for a mainland mobile (13812345678), or "
            "+ and the country code for others (+85291234567).",
        )
    if not phonenumbers.is_valid_number(parsed):
        if phonenumbers.region_code_for_number(parsed) in ("CN", None) and not text.startswith("+"):
            return Problem(
                "phone.mainland",
                "A mainland mobile number has 11 digits starting with 1 (for example 13812345678).",
            )
        return Problem(
            "phone.invalid",
            "This is not a valid number for its country; check the country code and the digits.",
        )
    kinds = phonenumbers.PhoneNumberType
    mobile = (kinds.MOBILE, kinds.FIXED_LINE_OR_MOBILE)
    if parsed.country_code == 86 and phonenumbers.number_type(parsed) not in mobile:
        # A valid mainland landline (021 1234 5678) is not a mobile number.
        return Problem(
            "phone.mainland",
            "A mainland mobile number has 11 digits starting with 1 (for example 13812345678).",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_last_four(e164: str) -> str:
    return e164[-4:]


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(raw: str) -> str | None | Problem:
    """Optional: None when empty."""
    text = raw.strip()
    if not text:
        return None
    if not _EMAIL.match(text) or len(text) > 254:
        return Problem("email.format", "An e-mail address looks like name@example.com.")
    return text.lower()


def mask_phone(e164: str) -> str:
    """138****5678 for mainland numbers, +852 ****4567 for others."""
    if e164.startswith("+86"):
        local = e164[3:]
        return local[:3] + "*" * max(len(local) - 7, 0) + local[-4:]
    try:
        code = str(phonenumbers.parse(e164, None).country_code)
    except phonenumbers.NumberParseException:
        code = e164[1:4]
    return f"+{code} ****{e164[-4:]}"
