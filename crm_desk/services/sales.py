"""Sales: the product shelf with a verdict for each product, recording a sale, exception
requests and their supervisor decisions, cancellations within cooling-off and corrections."""

from __future__ import annotations

from collections.abc import Callable

from crm_desk.db.models_sales import ExceptionRequest, Sale, SaleCancellation
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.policy import Policy
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.passwords import PasswordHasher

SaleHook = Callable[[UnitOfWork, Actor, Sale], None]
ExceptionHook = Callable[[UnitOfWork, Actor, ExceptionRequest], None]
CancellationHook = Callable[[UnitOfWork, Actor, Sale, SaleCancellation], None]


class SaleService(Service):
    def __init__(
        self, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher
    ) -> None:
        super().__init__(uow_factory, policy, hasher)
        # Called inside the transaction that writes the row; a hook must not call an operation.
        self.after_sale: list[SaleHook] = []
        self.after_exception_submitted: list[ExceptionHook] = []
        self.after_cancellation: list[CancellationHook] = []
