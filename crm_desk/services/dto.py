"""Frozen results handed to the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crm_desk.domain.roles import Role


@dataclass(frozen=True, slots=True)
class BranchDTO:
    id: int
    code: str
    name: str
    user_count: int


@dataclass(frozen=True, slots=True)
class UserDTO:
    id: int
    username: str
    full_name: str
    role: Role
    branch_id: int
    branch_name: str
    is_active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEventDTO:
    seq: int
    occurred_at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, list[object]]
    hash: str
