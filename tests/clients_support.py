"""Valid client data for tests: resident ID numbers with the right check digit, phones, forms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from stdnum.cn import ric

from crm_desk.domain.clients import ClientInput

TODAY = date(2026, 11, 27)  # the day of tests.conftest.FakeClock


def check_digit(first17: str) -> str:
    """The GB 11643 check digit (python-stdnum wants the number with a placeholder digit)."""
    return ric.calc_check_digit(first17 + "0")


def prc_id(region: str = "110105", born: date = date(1980, 5, 17), seq: str = "123") -> str:
    """A valid resident ID; the last digit of ``seq`` (the 17th) is odd for men."""
    first17 = f"{region}{born:%Y%m%d}{seq}"
    assert len(first17) == 17, first17
    return first17 + check_digit(first17)


def mobile(n: int) -> str:
    """A distinct valid mainland mobile number (11 digits) for each n below 10**8."""
    return f"139{n:08d}"


def client_input(**changes: Any) -> ClientInput:
    """A complete, valid form (a 46-year-old man in Beijing); ``changes`` override fields."""
    base = ClientInput(
        name="张伟",
        id_type="prc_id",
        id_number=prc_id(),
        phone="13812345678",
        email="zhang.wei@example.com",
        address="北京市朝阳区建国路88号",
        occupation="工程师",
        income_band="300k_500k",
        financial_assets="1,500,000",
        experience_years="5",
        experience_types=("funds", "stocks"),
        objectives=("balanced_growth",),
        horizon="3_5y",
        liquidity="medium",
    )
    return replace(base, **changes)


def numbered_client(n: int, name: str | None = None, **changes: Any) -> ClientInput:
    """Client number n: its own ID number (birth date spread over 1950-2000), phone and e-mail."""
    born = date(1950, 1, 1) + timedelta(days=(n * 37) % 18250)
    values: dict[str, Any] = {
        "name": name or f"客户{n}",
        "id_number": prc_id("110105", born, f"{n % 1000:03d}"),
        "phone": mobile(n),
        "email": f"client{n}@example.com",
    }
    return client_input(**{**values, **changes})
