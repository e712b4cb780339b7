"""All services, built once at the composition root from the same unit-of-work factory."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.policy import Policy
from crm_desk.services.audit import AuditService
from crm_desk.services.auth import AuthService
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.users import UserService


@dataclass(frozen=True, slots=True)
class Services:
    auth: AuthService
    users: UserService
    audit: AuditService
    policy: Policy

    @classmethod
    def build(
        cls, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher | None = None
    ) -> Services:
        hasher = hasher or PasswordHasher()
        return cls(
            auth=AuthService(uow_factory, policy, hasher),
            users=UserService(uow_factory, policy, hasher),
            audit=AuditService(uow_factory, policy, hasher),
            policy=policy,
        )
