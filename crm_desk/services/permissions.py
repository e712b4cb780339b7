"""The one table of who may do what, and the decorator that enforces it on every operation."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import bindparam, select

from crm_desk.db.engine import READ_ONLY
from crm_desk.db.models import Branch, User
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.errors import AccountDisabled, PermissionDenied
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor


class Permission(StrEnum):
    OWN_ACCOUNT = "own_account"  # change one's own password, unlock, see one's own activity
    USERS_VIEW = "users_view"
    USERS_MANAGE = "users_manage"
    BRANCHES_MANAGE = "branches_manage"
    AUDIT_VIEW = "audit_view"
    AUDIT_VERIFY = "audit_verify"
    CLIENTS_VIEW = "clients_view"  # within the actor's reach: own clients, branch, or all
    CLIENTS_EDIT = "clients_edit"
    CLIENTS_REASSIGN = "clients_reassign"
    PERSONAL_DATA_REVEAL = "personal_data_reveal"
    PROFESSIONAL_DECIDE = "professional_decide"
    INTERVIEWS_RECORD = "interviews_record"
    KEY_EXPORT = "key_export"
    CLIENTS_IMPORT = "clients_import"
    CLIENTS_EXPORT = "clients_export"
    ASSESSMENTS_RUN = "assessments_run"
    PRODUCTS_VIEW = "products_view"  # the catalogue: everyone who sells, supervises or checks
    PRODUCTS_MANAGE = "products_manage"
    COMPLAINTS_VIEW = "complaints_view"  # complaints within reach; personal-data ones narrower
    COMPLAINTS_HANDLE = "complaints_handle"  # register, move through the stages, reopen
    COMPLAINTS_SUPERVISE = "complaints_supervise"  # reassign; approve the further extension
    COMPLAINTS_REPORT = "complaints_report"  # statistics and their export
    CALLBACKS_VIEW = "callbacks_view"  # follow-up calls (回访) and their cases
    CALLBACKS_RECORD = "callbacks_record"  # make a call of the branch's pool (not one's own sale)
    CALLBACK_CASES_RESOLVE = "callback_cases_resolve"
    REVIEWS_VIEW = "reviews_view"  # ongoing-suitability review tasks
    REVIEWS_CLOSE = "reviews_close"
    SALES_VIEW = "sales_view"  # sales, verdicts and exception requests within the actor's reach
    SALES_RECORD = "sales_record"  # record, cancel, correct a sale; submit an exception request
    EXCEPTIONS_DECIDE = "exceptions_decide"  # approve or reject (never one's own: four eyes)
    DOCUMENTS_VIEW = "documents_view"  # archived documents of the clients within reach
    DOCUMENTS_PRINT = "documents_print"  # make an assessment's document; reprint a copy
    DOCUMENTS_VERIFY = "documents_verify"  # check a PDF against the archive


A, S, C, M = Role.ADVISER, Role.SUPERVISOR, Role.COMPLIANCE, Role.ADMINISTRATOR

# Compliance reads everything and changes nothing; only administrators manage accounts.
PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.OWN_ACCOUNT: frozenset({A, S, C, M}),
    Permission.USERS_VIEW: frozenset({S, C, M}),
    Permission.USERS_MANAGE: frozenset({M}),
    Permission.BRANCHES_MANAGE: frozenset({M}),
    Permission.AUDIT_VIEW: frozenset({C, M}),
    Permission.AUDIT_VERIFY: frozenset({C, M}),
    # Administrators keep the system running and do not serve clients: no client data for them.
    Permission.CLIENTS_VIEW: frozenset({A, S, C}),
    Permission.CLIENTS_EDIT: frozenset({A, S}),
    Permission.CLIENTS_REASSIGN: frozenset({S}),
    Permission.PERSONAL_DATA_REVEAL: frozenset({A, S, C}),
    Permission.PROFESSIONAL_DECIDE: frozenset({S}),
    Permission.INTERVIEWS_RECORD: frozenset({A, S}),
    Permission.KEY_EXPORT: frozenset({M}),
    Permission.CLIENTS_IMPORT: frozenset({A, S}),
    Permission.CLIENTS_EXPORT: frozenset({A, S, C}),
    Permission.ASSESSMENTS_RUN: frozenset({A, S}),
    # The catalogue holds no client data: administrators maintain it, everyone else reads it.
    Permission.PRODUCTS_VIEW: frozenset({A, S, C, M}),
    Permission.PRODUCTS_MANAGE: frozenset({M}),
    # Complaints: advisers and supervisors register and handle them (never one about themselves
    # or their own sale), supervisors reassign and approve the further extension, compliance reads.
    Permission.COMPLAINTS_VIEW: frozenset({A, S, C}),
    Permission.COMPLAINTS_HANDLE: frozenset({A, S}),
    Permission.COMPLAINTS_SUPERVISE: frozenset({S}),
    Permission.COMPLAINTS_REPORT: frozenset({S, C}),
    # After the sale: colleagues of the seller make the calls, supervisors resolve the cases a
    # "no" opens; advisers close the reviews of their clients' holdings.
    Permission.CALLBACKS_VIEW: frozenset({A, S, C}),
    Permission.CALLBACKS_RECORD: frozenset({A, S}),
    Permission.CALLBACK_CASES_RESOLVE: frozenset({S}),
    Permission.REVIEWS_VIEW: frozenset({A, S, C}),
    Permission.REVIEWS_CLOSE: frozenset({A, S}),
    Permission.SALES_VIEW: frozenset({A, S, C}),
    Permission.SALES_RECORD: frozenset({A, S}),
    Permission.EXCEPTIONS_DECIDE: frozenset({S}),
    # Documents: those who serve clients print them; compliance reads and verifies, and never
    # adds a copy to the archive; anyone handed a paper may check it (no client data shown).
    Permission.DOCUMENTS_VIEW: frozenset({A, S, C}),
    Permission.DOCUMENTS_PRINT: frozenset({A, S}),
    Permission.DOCUMENTS_VERIFY: frozenset({A, S, C}),
}

# Every guarded operation, "Class.method" -> permission; the permission-matrix test walks it.
OPERATIONS: dict[str, Permission] = {}


def allowed(role: Role, permission: Permission) -> bool:
    return role in PERMISSIONS[permission]


# Columns, not the User entity, in a statement built once: this runs before every operation, and
# loading an ORM object (identity map, joined branch) cost twice the query itself.
_ACCOUNT = (
    select(
        User.username,
        User.full_name,
        User.role,
        User.branch_id,
        Branch.name,
        User.must_change_password,
        User.is_active,
    )
    .join(Branch, Branch.id == User.branch_id)
    .where(User.id == bindparam("user_id"))
)


def authorize(uow: UnitOfWork, actor: Actor, permission: Permission, operation: str) -> Actor:
    """Check against the stored account, not the caller's copy: a disabled user or a changed role
    takes effect at the next operation. Returns the actor as stored."""
    if actor.is_system:
        return actor
    account = uow.session.execute(_ACCOUNT, {"user_id": actor.user_id}).one_or_none()
    if account is None or not account.is_active:
        raise AccountDisabled()
    username, full_name, role_value, branch_id, branch_name, must_change, _ = account
    role = Role(role_value)
    if not allowed(role, permission):
        raise PermissionDenied(operation, role.value)
    if must_change and permission is not Permission.OWN_ACCOUNT:
        raise PermissionDenied(operation + " before changing the temporary password", role.value)
    return Actor(
        actor.user_id, username, full_name, role, branch_id, branch_name, bool(must_change)
    )


P = ParamSpec("P")
R = TypeVar("R")


class HasUnitOfWork(Protocol):
    uow_factory: UnitOfWorkFactory


Svc = TypeVar("Svc", bound=HasUnitOfWork)


def operation(
    permission: Permission, *, read_only: bool = False
) -> Callable[
    [Callable[Concatenate[Svc, UnitOfWork, Actor, P], R]], Callable[Concatenate[Svc, Actor, P], R]
]:
    """Open a unit of work, authorise the actor, then run the operation with both.

    The operation receives the actor as stored (fresh role and branch) and must commit itself.
    ``read_only`` operations never write: on SQLite their transaction does not take the write
    lock, so a long read (the list's anchors) does not hold up the others.
    """

    def decorate(
        func: Callable[Concatenate[Svc, UnitOfWork, Actor, P], R],
    ) -> Callable[Concatenate[Svc, Actor, P], R]:
        name = func.__qualname__
        OPERATIONS[name] = permission

        @functools.wraps(func)
        def wrapper(self: Svc, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with self.uow_factory() as uow:
                if read_only:
                    uow.session.connection(execution_options={READ_ONLY: True})
                current = authorize(uow, actor, permission, name)
                result = func(self, uow, current, *args, **kwargs)
                if read_only:
                    # Nothing was written, so COMMIT ends the transaction as ROLLBACK would; but
                    # psycopg forgets its prepared statements at every ROLLBACK, and on
                    # PostgreSQL planning a search's statements cost more than running them.
                    uow.commit()
                return result

        return wrapper

    return decorate
