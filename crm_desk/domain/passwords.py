"""What makes a password acceptable (hashing itself is done by argon2 in the service layer)."""

from __future__ import annotations

from crm_desk.domain.errors import Problem


def password_problems(password: str, *, username: str, min_length: int) -> list[Problem]:
    """Everything wrong with a proposed password, most important first; empty when acceptable."""
    problems: list[Problem] = []
    if len(password) < min_length:
        problems.append(
            Problem(
                "password.too_short",
                f"Use at least {min_length} characters ({len(password)} given).",
                {"min": min_length, "given": len(password)},
            )
        )
    if password.strip() != password:
        problems.append(
            Problem("password.spaces", "Do not start or end the password with a space.")
        )
    if username and username.casefold() in password.casefold():
        problems.append(
            Problem("password.contains_username", "Do not put the user name in the password.")
        )
    if password and len(set(password)) < 4:
        problems.append(Problem("password.too_simple", "Use more than three different characters."))
    return problems
