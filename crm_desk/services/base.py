"""What every service is built with at the composition root."""

from __future__ import annotations

from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain.policy import Policy
from crm_desk.services.passwords import PasswordHasher


class Service:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher
    ) -> None:
        self.uow_factory = uow_factory
        self.policy = policy
        self.hasher = hasher
