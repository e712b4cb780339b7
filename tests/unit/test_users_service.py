"""Accounts and branches: creating, disabling, demoting, resetting, listing, renaming."""

from __future__ import annotations

import pytest

from crm_desk.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO, UserDTO
from tests.conftest import USER_PASSWORD, MakeUser

pytestmark = pytest.mark.db

TEMPORARY = "temporary passphrase 5"
WRONG = "not the password at all"


def create(services: Services, admin: Actor, **changes: object) -> UserDTO:
    values: dict[str, object] = {
        "username": "liu.adviser",
        "full_name": "刘 顾问",
        "role": Role.ADVISER,
        "branch_id": admin.branch_id,
        "temporary_password": TEMPORARY,
    }
    values.update(changes)
    return services.users.create_user(admin, **values)  # type: ignore[arg-type]


def refused_fields(services: Services, admin: Actor, **changes: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as error:
        create(services, admin, **changes)
    return {name: problem.code for name, problem in error.value.problems.items()}


def latest(services: Services, admin: Actor) -> AuditEventDTO:
    return services.audit.list_events(admin, limit=1)[0]


def user(services: Services, admin: Actor, user_id: int) -> UserDTO:
    return next(u for u in services.users.list_users(admin) if u.id == user_id)


# --- creating users ---------------------------------------------------------------------------


def test_an_administrator_creates_a_user_who_must_change_the_password(
    services: Services, admin: Actor
) -> None:
    created = create(services, admin, username="  Liu.Adviser ", full_name=" 刘   顾问 ")
    assert created.username == "liu.adviser"
    assert created.full_name == "刘 顾问"
    assert created.role is Role.ADVISER
    assert created.branch_id == admin.branch_id and created.branch_name == "上海陆家嘴支行"
    assert created.is_active and created.must_change_password
    assert user(services, admin, created.id) == created

    event = latest(services, admin)
    assert (event.action, event.actor_id, event.entity_id) == (
        "user.created",
        admin.user_id,
        str(created.id),
    )
    assert event.changes == {
        "branch_id": [None, admin.branch_id],
        "full_name": [None, "刘 顾问"],
        "role": [None, "adviser"],
        "username": [None, "liu.adviser"],
    }
    assert TEMPORARY not in str(event.changes)
    assert services.auth.sign_in("liu.adviser", TEMPORARY).must_change_password


@pytest.mark.parametrize("taken", ["liu.adviser", "LIU.ADVISER", " liu.adviser "])
def test_a_taken_user_name_is_refused_whatever_its_case(
    services: Services, admin: Actor, taken: str
) -> None:
    create(services, admin)
    assert refused_fields(services, admin, username=taken) == {"username": "username.taken"}


def test_the_first_administrators_name_is_taken_too(services: Services, admin: Actor) -> None:
    assert refused_fields(services, admin, username="admin") == {"username": "username.taken"}


def test_an_unknown_branch_is_refused(services: Services, admin: Actor) -> None:
    assert refused_fields(services, admin, branch_id=9999) == {"branch_id": "branch.unknown"}


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("too short", "password.too_short"),
        ("xxxxxxxxxxxxxxx", "password.too_simple"),
        ("my liu.adviser pass", "password.contains_username"),
        (" padded password ", "password.spaces"),
    ],
)
def test_a_weak_temporary_password_is_refused(
    services: Services, admin: Actor, password: str, code: str
) -> None:
    assert refused_fields(services, admin, temporary_password=password) == {"password": code}


def test_every_wrong_field_is_named_at_once(services: Services, admin: Actor) -> None:
    before = latest(services, admin).seq
    found = refused_fields(
        services,
        admin,
        username="王",
        full_name=" ",
        role="teller",
        branch_id=0,
        temporary_password="",
    )
    assert set(found) == {"username", "full_name", "role", "branch_id", "password"}
    assert latest(services, admin).seq == before
    assert [u.username for u in services.users.list_users(admin)] == ["admin"]


# --- disabling and demoting -------------------------------------------------------------------


def test_disabling_and_enabling_a_user_is_recorded(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    disabled = services.users.set_active(admin, adviser.user_id, False)
    assert not disabled.is_active
    event = latest(services, admin)
    assert (event.action, event.changes) == ("user.disabled", {"is_active": [True, False]})
    # Disabling twice changes nothing and records nothing.
    services.users.set_active(admin, adviser.user_id, False)
    assert latest(services, admin).seq == event.seq
    enabled = services.users.set_active(admin, adviser.user_id, True)
    assert enabled.is_active
    assert latest(services, admin).action == "user.enabled"
    # Never deleted: the disabled user stayed on the list the whole time.
    assert adviser.user_id in {u.id for u in services.users.list_users(admin)}


def test_disabled_users_are_listed_after_active_ones(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    first = make_user(Role.ADVISER)
    make_user(Role.ADVISER)
    services.users.set_active(admin, first.user_id, False)
    listed = services.users.list_users(admin)
    assert listed[-1].id == first.user_id
    assert [u.is_active for u in listed] == [True, True, False]


def test_an_administrator_cannot_disable_their_own_account(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    make_user(Role.ADMINISTRATOR)  # not the last administrator: still refused
    before = latest(services, admin).seq
    with pytest.raises(Conflict, match="your own account"):
        services.users.set_active(admin, admin.user_id, False)
    assert user(services, admin, admin.user_id).is_active
    assert latest(services, admin).seq == before


def test_the_last_active_administrator_cannot_be_disabled(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    other = make_user(Role.ADMINISTRATOR)
    services.users.set_active(admin, other.user_id, False)
    console = Actor.system("command line")
    with pytest.raises(Conflict, match="last active administrator"):
        services.users.set_active(console, admin.user_id, False)
    assert user(services, admin, admin.user_id).is_active
    # With a second active administrator it is allowed.
    services.users.set_active(admin, other.user_id, True)
    services.users.set_active(console, admin.user_id, False)
    assert not user(services, other, admin.user_id).is_active


def test_the_last_active_administrator_cannot_be_demoted(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    with pytest.raises(Conflict, match="last active administrator"):
        services.users.change_role(admin, admin.user_id, Role.SUPERVISOR)
    assert user(services, admin, admin.user_id).role is Role.ADMINISTRATOR

    other = make_user(Role.ADMINISTRATOR)
    services.users.set_active(admin, other.user_id, False)  # a disabled one does not count
    with pytest.raises(Conflict):
        services.users.change_role(admin, admin.user_id, Role.COMPLIANCE)

    services.users.set_active(admin, other.user_id, True)
    demoted = services.users.change_role(admin, admin.user_id, Role.COMPLIANCE)
    assert demoted.role is Role.COMPLIANCE
    with pytest.raises(PermissionDenied):
        services.users.create_branch(admin, code="NO-1", name="No")


def test_a_role_change_records_before_and_after(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    changed = services.users.change_role(admin, adviser.user_id, "supervisor")
    assert changed.role is Role.SUPERVISOR
    event = latest(services, admin)
    assert (event.action, event.entity_id, event.changes) == (
        "user.role_changed",
        str(adviser.user_id),
        {"role": ["adviser", "supervisor"]},
    )
    with pytest.raises(ValidationError) as error:
        services.users.change_role(admin, adviser.user_id, "superuser")
    assert set(error.value.problems) == {"role"}


def test_operations_on_a_user_that_does_not_exist_say_so(services: Services, admin: Actor) -> None:
    with pytest.raises(NotFound):
        services.users.set_active(admin, 4242, False)
    with pytest.raises(NotFound):
        services.users.change_role(admin, 4242, Role.ADVISER)
    with pytest.raises(NotFound):
        services.users.reset_password(admin, 4242, "reset passphrase 2026")


# --- resetting passwords ----------------------------------------------------------------------


def test_a_reset_forces_a_change_and_lifts_the_lockout(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="ma.adviser")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("ma.adviser", WRONG)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("ma.adviser", WRONG)
    locked_until = user(services, admin, adviser.user_id).locked_until
    assert locked_until is not None

    reset = services.users.reset_password(admin, adviser.user_id, "reset passphrase 2026")
    assert reset.must_change_password and reset.locked_until is None
    event = latest(services, admin)
    assert event.action == "user.password_reset"
    assert event.changes == {
        "failed_attempts": [0, 0],
        "locked_until": [str(locked_until), None],
        "must_change_password": [False, True],
        "password": ["<redacted>", "<redacted>"],
    }
    assert "reset passphrase" not in str(event.changes)

    # No waiting for the lock: the temporary password works at once, and only for a change.
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("ma.adviser", USER_PASSWORD)
    signed_in = services.auth.sign_in("ma.adviser", "reset passphrase 2026")
    assert signed_in.must_change_password
    with pytest.raises(PermissionDenied):
        services.users.list_users(signed_in)
    services.auth.change_password(signed_in, "reset passphrase 2026", "my own passphrase 88")
    assert not services.auth.sign_in("ma.adviser", "my own passphrase 88").must_change_password


def test_a_reset_clears_failures_short_of_a_lock(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="he.adviser")
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("he.adviser", WRONG)
    services.users.reset_password(admin, adviser.user_id, "reset passphrase 2026")
    assert latest(services, admin).changes["failed_attempts"] == [3, 0]
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("he.adviser", WRONG)  # 4 after the reset: not locked
    services.auth.sign_in("he.adviser", "reset passphrase 2026")


def test_a_weak_reset_password_is_refused(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="tang.adviser")
    with pytest.raises(ValidationError) as error:
        services.users.reset_password(admin, adviser.user_id, "tang.adviser 2026")
    assert error.value.problems["password"].code == "password.contains_username"
    assert not user(services, admin, adviser.user_id).must_change_password
    services.auth.sign_in("tang.adviser", USER_PASSWORD)


# --- who sees whom ----------------------------------------------------------------------------


def test_supervisors_list_only_their_own_branch(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    beijing = services.users.create_branch(admin, code="BJ-002", name="北京金融街支行")
    supervisor = make_user(Role.SUPERVISOR, username="sh.supervisor")
    make_user(Role.ADVISER, username="sh.adviser")
    make_user(Role.ADVISER, username="bj.adviser", branch_id=beijing.id)
    make_user(Role.SUPERVISOR, username="bj.supervisor", branch_id=beijing.id)
    compliance = make_user(Role.COMPLIANCE, username="bj.compliance", branch_id=beijing.id)

    seen = {u.username for u in services.users.list_users(supervisor)}
    assert seen == {"admin", "sh.supervisor", "sh.adviser"}
    assert [b.code for b in services.users.list_branches(supervisor)] == ["SH-001"]

    everyone = {
        "admin",
        "sh.supervisor",
        "sh.adviser",
        "bj.adviser",
        "bj.supervisor",
        "bj.compliance",
    }
    assert {u.username for u in services.users.list_users(compliance)} == everyone
    assert {u.username for u in services.users.list_users(admin)} == everyone
    branches = {b.code: b.user_count for b in services.users.list_branches(compliance)}
    assert branches == {"SH-001": 3, "BJ-002": 3}


def test_branch_user_counts_leave_out_disabled_users(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER)
    make_user(Role.ADVISER)
    services.users.set_active(admin, adviser.user_id, False)
    (branch,) = services.users.list_branches(admin)
    assert branch.user_count == 2  # admin and the active adviser


# --- branches ---------------------------------------------------------------------------------


def test_creating_a_branch_is_recorded(services: Services, admin: Actor) -> None:
    created = services.users.create_branch(admin, code=" gz-009 ", name=" 广州  天河支行 ")
    assert (created.code, created.name, created.user_count) == ("GZ-009", "广州 天河支行", 0)
    event = latest(services, admin)
    assert (event.action, event.entity_type, event.entity_id) == (
        "branch.created",
        "branch",
        str(created.id),
    )
    assert event.changes == {"code": [None, "GZ-009"], "name": [None, "广州 天河支行"]}


def test_a_taken_or_malformed_branch_code_is_refused(services: Services, admin: Actor) -> None:
    with pytest.raises(ValidationError) as taken:
        services.users.create_branch(admin, code="sh-001", name="Another Shanghai")
    assert taken.value.problems["branch_code"].code == "branch_code.taken"
    with pytest.raises(ValidationError) as malformed:
        services.users.create_branch(admin, code="上海 01", name="")
    assert set(malformed.value.problems) == {"branch_code", "branch_name"}
    assert [b.code for b in services.users.list_branches(admin)] == ["SH-001"]


def test_renaming_a_branch_records_the_name_before_and_after(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    make_user(Role.ADVISER)
    renamed = services.users.rename_branch(admin, admin.branch_id, "上海浦东分行")
    assert (renamed.name, renamed.user_count) == ("上海浦东分行", 2)
    event = latest(services, admin)
    assert (event.action, event.entity_id, event.changes) == (
        "branch.renamed",
        str(admin.branch_id),
        {"name": ["上海陆家嘴支行", "上海浦东分行"]},
    )
    # Users now carry the new branch name.
    assert services.auth.sign_in("admin", "branch opening key 2026").branch_name == "上海浦东分行"


def test_renaming_to_a_blank_name_or_a_missing_branch_is_refused(
    services: Services, admin: Actor
) -> None:
    before = latest(services, admin).seq
    with pytest.raises(ValidationError) as blank:
        services.users.rename_branch(admin, admin.branch_id, "   ")
    assert set(blank.value.problems) == {"branch_name"}
    with pytest.raises(ValidationError):
        services.users.rename_branch(admin, admin.branch_id, "名" * 201)
    with pytest.raises(NotFound):
        services.users.rename_branch(admin, 777, "Nowhere")
    assert latest(services, admin).seq == before


def test_an_adviser_who_serves_clients_keeps_the_role_until_they_are_reassigned(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    from crm_desk.domain.errors import Conflict
    from tests.clients_support import client_input

    adviser = make_user(Role.ADVISER, username="qian.yi")
    services.clients.create_client(adviser, client_input())
    with pytest.raises(Conflict) as refused:
        services.users.change_role(admin, adviser.user_id, Role.SUPERVISOR)
    assert refused.value.params["reason"] == "has_clients"
