"""Field checks shared by the account operations; each problem says what to do."""

from __future__ import annotations

import re

from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.passwords import password_problems
from crm_desk.domain.roles import Role

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
BRANCH_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")

Problems = dict[str, Problem]


def clean_username(raw: str, problems: Problems) -> str:
    username = raw.strip().casefold()
    if not USERNAME_RE.match(username):
        problems["username"] = Problem(
            "username.format",
            "Use 3 to 64 letters a-z, digits, '.', '_' or '-', starting with a letter or digit.",
        )
    return username


def clean_name(raw: str, field: str, problems: Problems) -> str:
    name = " ".join(raw.split())
    if not name:
        problems[field] = Problem("name.required", "This cannot be empty.")
    elif len(name) > 200:
        problems[field] = Problem("name.too_long", "Use 200 characters at most.", {"max": 200})
    return name


def clean_branch_code(raw: str, problems: Problems) -> str:
    code = raw.strip().upper()
    if not BRANCH_CODE_RE.match(code):
        problems["branch_code"] = Problem(
            "branch_code.format", "Use 1 to 32 letters, digits or '-', for example SH-001."
        )
    return code


def clean_role(raw: str | Role, problems: Problems) -> Role:
    try:
        return Role(raw)
    except ValueError:
        problems["role"] = Problem("role.unknown", "Choose one of the four roles.")
        return Role.ADVISER


def check_password(
    password: str, username: str, min_length: int, problems: Problems, field: str = "password"
) -> None:
    found = password_problems(password, username=username, min_length=min_length)
    if found:
        problems[field] = found[0]


def raise_if(problems: Problems) -> None:
    if problems:
        raise ValidationError(problems)
