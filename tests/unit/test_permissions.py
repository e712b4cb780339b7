"""The permission matrix: every service operation called as every role, against the one table.

Adding an operation without adding it to CASES fails ``test_every_operation_has_a_case``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import crm_desk.services.container  # noqa: F401  (every service registers its operations)
from crm_desk.domain.errors import AccountDisabled, PermissionDenied
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.permissions import OPERATIONS, PERMISSIONS, Permission
from tests.conftest import USER_PASSWORD, MakeUser

pytestmark = pytest.mark.db


@dataclass(frozen=True)
class Context:
    admin: Actor
    target: Actor  # an adviser of the admin's branch, the object of account operations
    other_branch_id: int


Call = Callable[[Services, Actor, Context], Any]


@dataclass(frozen=True)
class Case:
    call: Call
    action: str | None  # the audit action a permitted call writes; None for a read


CASES: dict[str, Case] = {
    "AuditService.list_events": Case(lambda s, a, c: s.audit.list_events(a), None),
    "AuditService.my_activity": Case(lambda s, a, c: s.audit.my_activity(a), None),
    "AuditService.verify": Case(lambda s, a, c: s.audit.verify(a), None),
    "AuthService.unlock_session": Case(
        lambda s, a, c: s.auth.unlock_session(a, USER_PASSWORD), "auth.session_unlocked"
    ),
    "AuthService.record_idle_lock": Case(
        lambda s, a, c: s.auth.record_idle_lock(a), "auth.session_locked"
    ),
    "AuthService.sign_out": Case(lambda s, a, c: s.auth.sign_out(a), "auth.signed_out"),
    "AuthService.change_password": Case(
        lambda s, a, c: s.auth.change_password(a, USER_PASSWORD, "a fresh passphrase 77"),
        "user.password_changed",
    ),
    "UserService.list_users": Case(lambda s, a, c: s.users.list_users(a), None),
    "UserService.list_branches": Case(lambda s, a, c: s.users.list_branches(a), None),
    "UserService.create_user": Case(
        lambda s, a, c: s.users.create_user(
            a,
            username="new.adviser",
            full_name="新 顾问",
            role=Role.ADVISER,
            branch_id=c.other_branch_id,
            temporary_password="temporary passphrase 9",
        ),
        "user.created",
    ),
    "UserService.set_active": Case(
        lambda s, a, c: s.users.set_active(a, c.target.user_id, False), "user.disabled"
    ),
    "UserService.change_role": Case(
        lambda s, a, c: s.users.change_role(a, c.target.user_id, Role.SUPERVISOR),
        "user.role_changed",
    ),
    "UserService.reset_password": Case(
        lambda s, a, c: s.users.reset_password(a, c.target.user_id, "reset passphrase 2026"),
        "user.password_reset",
    ),
    "UserService.create_branch": Case(
        lambda s, a, c: s.users.create_branch(a, code="GZ-009", name="广州天河支行"),
        "branch.created",
    ),
    "UserService.rename_branch": Case(
        lambda s, a, c: s.users.rename_branch(a, c.other_branch_id, "北京金融街支行"),
        "branch.renamed",
    ),
}

MATRIX = [
    pytest.param(name, role, id=f"{name}-{role.value}")
    for name, role in itertools.product(sorted(CASES), list(Role))
]


def test_every_operation_has_a_case() -> None:
    assert set(OPERATIONS), "no operation registered: the services were not imported"
    assert set(CASES) == set(OPERATIONS)


def test_the_table_covers_every_permission_and_gives_every_role_its_own_account() -> None:
    assert set(PERMISSIONS) == set(Permission)
    assert set(OPERATIONS.values()) <= set(PERMISSIONS)
    assert PERMISSIONS[Permission.OWN_ACCOUNT] == frozenset(Role)


def test_compliance_reads_everything_and_changes_nothing() -> None:
    for name, permission in OPERATIONS.items():
        if permission is Permission.OWN_ACCOUNT:
            continue
        if Role.COMPLIANCE in PERMISSIONS[permission]:
            assert CASES[name].action is None, f"compliance may write through {name}"
    reads = [name for name, case in CASES.items() if case.action is None]
    assert all(Role.COMPLIANCE in PERMISSIONS[OPERATIONS[name]] for name in reads)


def test_only_administrators_change_accounts_and_branches() -> None:
    for name, permission in OPERATIONS.items():
        if CASES[name].action is not None and permission is not Permission.OWN_ACCOUNT:
            assert PERMISSIONS[permission] == {Role.ADMINISTRATOR}, name


@pytest.fixture
def context(services: Services, admin: Actor, make_user: MakeUser) -> Context:
    target = make_user(Role.ADVISER, username="target.adviser")
    other = services.users.create_branch(admin, code="BJ-002", name="北京支行")
    return Context(admin=admin, target=target, other_branch_id=other.id)


def last_seq(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


@pytest.mark.parametrize(("name", "role"), MATRIX)
def test_permission_matrix(
    name: str, role: Role, services: Services, make_user: MakeUser, context: Context
) -> None:
    actor = make_user(role, username=f"acting.{role.value}")
    case = CASES[name]
    before = last_seq(services, context.admin)
    permitted = role in PERMISSIONS[OPERATIONS[name]]

    if permitted:
        case.call(services, actor, context)
        written = services.audit.list_events(context.admin, limit=50)
        written = [event for event in written if event.seq > before]
        if case.action is None:
            assert written == [], f"a read wrote {[e.action for e in written]}"
        else:
            assert [(e.action, e.actor_id) for e in written] == [(case.action, actor.user_id)]
    else:
        with pytest.raises(PermissionDenied) as denied:
            case.call(services, actor, context)
        assert denied.value.params["role"] == role.value
        assert name in denied.value.params["operation"]
        assert last_seq(services, context.admin) == before, "a refused call left an audit event"


def test_a_refused_call_changes_nothing(
    services: Services, admin: Actor, make_user: MakeUser, context: Context
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.users.set_active(supervisor, context.target.user_id, False)
    with pytest.raises(PermissionDenied):
        services.users.create_branch(supervisor, code="XX-1", name="Nowhere")
    target = next(u for u in services.users.list_users(admin) if u.id == context.target.user_id)
    assert target.is_active
    assert "XX-1" not in {b.code for b in services.users.list_branches(admin)}


def test_a_disabled_user_is_refused_at_the_next_operation(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    supervisor = make_user(Role.SUPERVISOR)
    services.users.list_users(supervisor)
    services.users.set_active(admin, supervisor.user_id, False)
    before = last_seq(services, admin)
    with pytest.raises(AccountDisabled):
        services.users.list_users(supervisor)
    with pytest.raises(AccountDisabled):
        services.audit.my_activity(supervisor)
    with pytest.raises(AccountDisabled):
        services.auth.sign_out(supervisor)
    assert last_seq(services, admin) == before


def test_a_forged_administrator_actor_is_judged_by_the_stored_role(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    forged = Actor(
        adviser.user_id,
        "admin",
        "王管理",
        Role.ADMINISTRATOR,
        adviser.branch_id,
        adviser.branch_name,
    )
    before = last_seq(services, admin)
    with pytest.raises(PermissionDenied) as denied:
        services.users.create_branch(forged, code="HACK-1", name="Forged branch")
    assert denied.value.params["role"] == "adviser"
    with pytest.raises(PermissionDenied):
        services.users.change_role(forged, adviser.user_id, Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        services.audit.list_events(forged)
    assert last_seq(services, admin) == before
    assert "HACK-1" not in {b.code for b in services.users.list_branches(admin)}


def test_a_forged_actor_of_a_user_that_does_not_exist_is_refused(
    services: Services, admin: Actor
) -> None:
    ghost = Actor(10_000, "ghost", "Ghost", Role.ADMINISTRATOR, admin.branch_id)
    with pytest.raises(AccountDisabled):
        services.users.list_users(ghost)


def test_a_role_change_takes_effect_at_the_next_operation(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    with pytest.raises(PermissionDenied):
        services.users.list_users(adviser)
    services.users.change_role(admin, adviser.user_id, Role.SUPERVISOR)
    assert services.users.list_users(adviser)  # the stale Actor still says adviser

    second_admin = make_user(Role.ADMINISTRATOR)
    services.users.create_branch(second_admin, code="CD-003", name="成都支行")
    services.users.change_role(admin, second_admin.user_id, Role.COMPLIANCE)
    with pytest.raises(PermissionDenied) as denied:
        services.users.create_branch(second_admin, code="CD-004", name="成都二支行")
    assert denied.value.params["role"] == "compliance"
