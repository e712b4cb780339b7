"""Answer sets for the shipped individual questionnaire, shared by the assessment tests."""

from __future__ import annotations

# 47 points: C3, no contradiction.
BALANCED: dict[str, list[str]] = {
    "age": ["51_64"],
    "income_stability": ["stable_salary"],
    "annual_income": ["300k_500k"],
    "financial_assets": ["500k_3m"],
    "investable_share": ["10_25"],
    "debts": ["mortgage"],
    "knowledge": ["basic"],
    "experience_years": ["2_5"],
    "experience_products": ["funds"],
    "objective": ["steady_income"],
    "horizon": ["1_3y"],
    "liquidity": ["in_1_3y"],
    "loss_attitude": ["small_loss"],
    "max_loss": ["under_10"],
    "reaction_to_fall": ["sell_part"],
    "risk_return_choice": ["all_a"],
    "special_circumstances": ["none"],
}
