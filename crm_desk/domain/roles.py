"""The four roles of a branch."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADVISER = "adviser"
    SUPERVISOR = "supervisor"
    COMPLIANCE = "compliance"
    ADMINISTRATOR = "administrator"
