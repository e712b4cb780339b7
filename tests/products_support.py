"""Product forms for tests: a valid one, with any field changed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from crm_desk.domain.products import ProductInput


def product_input(code: str = "WM-TEST-01", **changes: Any) -> ProductInput:
    """A valid R2 wealth-management product; pass fields to change, e.g. risk_level="R4"."""
    raw = ProductInput(
        code=code,
        name_zh="稳健理财测试产品",
        name_en="Steady wealth management test product",
        product_type="wealth_management",
        issuer="测试理财有限责任公司",
        risk_level="R2",
        horizon_months="12",
        redemption="monthly",
        min_amount="10000",
        currency="CNY",
        cooling_off_hours="0",
        risk_factors_zh=("市场风险：净值可能波动", "流动性风险：每月开放一次"),
        risk_factors_en=("Market risk: the value may fall", "Liquidity risk: monthly redemption"),
        redemption_terms="每月第一个工作日开放赎回",
    )
    return replace(raw, **changes)
