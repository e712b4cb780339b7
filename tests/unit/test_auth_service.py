"""Signing in, first run, lockout, disabled accounts, forced password change, the idle lock.

These run on SQLite and, with CRM_DESK_TEST_DATABASE_URL set, on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from crm_desk.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO, UserDTO
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, FakeClock, MakeUser

pytestmark = pytest.mark.db

TEMPORARY = "temporary passphrase 1"
WRONG = "not the password at all"


def events(services: Services, admin: Actor) -> list[AuditEventDTO]:
    """The whole trail, oldest first."""
    return list(reversed(services.audit.list_events(admin, limit=10_000)))


def new_events(services: Services, admin: Actor, after_seq: int) -> list[AuditEventDTO]:
    return [event for event in events(services, admin) if event.seq > after_seq]


def last_seq(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def user_row(services: Services, admin: Actor, username: str) -> UserDTO:
    (user,) = [u for u in services.users.list_users(admin) if u.username == username]
    return user


# --- first run --------------------------------------------------------------------------------


def test_first_run_creates_the_branch_and_its_administrator(services: Services) -> None:
    assert services.auth.needs_first_run()
    admin = services.auth.first_run(
        branch_code=" sh-001 ",
        branch_name="上海  陆家嘴支行",
        username=" Admin ",
        full_name="王管理",
        password=ADMIN_PASSWORD,
    )
    assert not services.auth.needs_first_run()
    assert admin.role is Role.ADMINISTRATOR
    assert admin.username == "admin"
    assert admin.branch_name == "上海 陆家嘴支行"
    assert not admin.must_change_password
    (branch,) = services.users.list_branches(admin)
    assert (branch.code, branch.name, branch.user_count) == ("SH-001", "上海 陆家嘴支行", 1)
    trail = events(services, admin)
    assert [e.action for e in trail] == ["branch.created", "user.created"]
    assert all(e.actor_id is None and e.actor_name == "first-run set-up" for e in trail)
    assert trail[1].changes["role"] == [None, "administrator"]
    assert services.auth.sign_in("admin", ADMIN_PASSWORD).user_id == admin.user_id


def test_first_run_is_refused_once_anyone_exists(services: Services, admin: Actor) -> None:
    before = last_seq(services, admin)
    with pytest.raises(Conflict, match="already set up"):
        services.auth.first_run(
            branch_code="BJ-001",
            branch_name="北京支行",
            username="intruder",
            full_name="Intruder",
            password="another passphrase 99",
        )
    assert [b.code for b in services.users.list_branches(admin)] == ["SH-001"]
    assert [u.username for u in services.users.list_users(admin)] == ["admin"]
    assert last_seq(services, admin) == before
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("intruder", "another passphrase 99")


def test_first_run_names_every_field_that_is_wrong(services: Services) -> None:
    with pytest.raises(ValidationError) as error:
        services.auth.first_run(
            branch_code="上海!",
            branch_name="   ",
            username="x",
            full_name="",
            password="short",
        )
    problems = error.value.problems
    assert set(problems) == {"branch_code", "branch_name", "username", "full_name", "password"}
    assert problems["password"].code == "password.too_short"
    assert problems["branch_name"].code == "name.required"
    for field in problems:
        assert field in str(error.value)
    assert services.auth.needs_first_run()  # nothing was created


def test_first_run_refuses_a_password_containing_the_user_name(services: Services) -> None:
    with pytest.raises(ValidationError) as error:
        services.auth.first_run(
            branch_code="SH-001",
            branch_name="上海支行",
            username="wangli",
            full_name="王丽",
            password="I am WangLi the admin",
        )
    assert set(error.value.problems) == {"password"}
    assert error.value.problems["password"].code == "password.contains_username"


# --- signing in -------------------------------------------------------------------------------


def test_sign_in_returns_the_user_with_role_and_branch(
    services: Services, admin: Actor, make_user: MakeUser, clock: FakeClock
) -> None:
    supervisor = make_user(Role.SUPERVISOR, username="li.supervisor")
    clock.advance(hours=1)
    signed_in = services.auth.sign_in("  LI.Supervisor ", USER_PASSWORD)
    assert signed_in.user_id == supervisor.user_id
    assert signed_in.role is Role.SUPERVISOR
    assert signed_in.branch_name == "上海陆家嘴支行"
    assert not signed_in.must_change_password
    row = user_row(services, admin, "li.supervisor")
    assert row.last_login_at == clock.now
    last = events(services, admin)[-1]
    assert (last.action, last.actor_id, last.entity_id) == (
        "auth.signed_in",
        supervisor.user_id,
        str(supervisor.user_id),
    )
    assert last.occurred_at == clock.now


def test_a_wrong_password_is_refused_and_recorded(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="zhao")
    before = last_seq(services, admin)
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("zhao", WRONG)
    (failed,) = new_events(services, admin, before)
    assert failed.action == "auth.sign_in_failed"
    assert failed.actor_id == adviser.user_id
    assert failed.changes["reason"] == [None, "wrong password"]
    assert WRONG not in str(failed.changes)


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(
    services: Services, admin: Actor
) -> None:
    before = last_seq(services, admin)
    with pytest.raises(AuthenticationFailed) as unknown:
        services.auth.sign_in("nobody", ADMIN_PASSWORD)
    with pytest.raises(AuthenticationFailed) as wrong:
        services.auth.sign_in("admin", WRONG)
    assert str(unknown.value) == str(wrong.value)
    unknown_event, wrong_event = new_events(services, admin, before)
    assert (unknown_event.action, unknown_event.actor_id) == ("auth.sign_in_failed", None)
    assert unknown_event.actor_name == "nobody"
    assert unknown_event.changes["reason"] == [None, "unknown user name"]
    assert wrong_event.action == "auth.sign_in_failed"


def test_five_failures_lock_the_account_for_fifteen_minutes(
    services: Services, admin: Actor, make_user: MakeUser, clock: FakeClock
) -> None:
    make_user(Role.ADVISER, username="qian")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("qian", WRONG)
        clock.advance(seconds=30)
    assert user_row(services, admin, "qian").locked_until is None
    with pytest.raises(AccountLocked) as locked:
        services.auth.sign_in("qian", WRONG)
    until = clock.now + timedelta(minutes=15)
    assert locked.value.params["until"] == until
    assert user_row(services, admin, "qian").locked_until == until

    # Even the right password is refused while locked, and the lock is not extended.
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("qian", USER_PASSWORD)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("qian", WRONG)
    assert user_row(services, admin, "qian").locked_until == until

    clock.advance(seconds=1)  # exactly at locked_until
    actor = services.auth.sign_in("qian", USER_PASSWORD)
    assert actor.username == "qian"
    row = user_row(services, admin, "qian")
    assert row.locked_until is None

    reasons = [
        e.changes["reason"][1]
        for e in events(services, admin)
        if e.action == "auth.sign_in_failed" and e.actor_id == actor.user_id
    ]
    assert reasons == ["wrong password"] * 5 + ["locked", "locked"]
    assert events(services, admin)[-1].action == "auth.signed_in"


def test_a_success_resets_the_failure_count(services: Services, make_user: MakeUser) -> None:
    make_user(Role.ADVISER, username="sun")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("sun", WRONG)
    services.auth.sign_in("sun", USER_PASSWORD)
    for _ in range(4):  # four more are still not enough: the count started again
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("sun", WRONG)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("sun", WRONG)


def test_a_failure_after_the_lock_expired_counts_from_one(
    services: Services, make_user: MakeUser, clock: FakeClock
) -> None:
    make_user(Role.ADVISER, username="zhou")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("zhou", WRONG)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("zhou", WRONG)
    clock.advance(minutes=15)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("zhou", WRONG)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("zhou", WRONG)


def test_a_disabled_account_is_refused_even_with_the_right_password(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="wu.fang")
    services.users.set_active(admin, adviser.user_id, False)
    before = last_seq(services, admin)
    with pytest.raises(AccountDisabled):
        services.auth.sign_in("wu.fang", USER_PASSWORD)
    (event,) = new_events(services, admin, before)
    assert (event.action, event.changes["reason"]) == ("auth.sign_in_failed", [None, "disabled"])
    services.users.set_active(admin, adviser.user_id, True)
    assert services.auth.sign_in("wu.fang", USER_PASSWORD).user_id == adviser.user_id


def test_a_wrong_password_does_not_reveal_that_an_account_is_disabled(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="qian.li")
    services.users.set_active(admin, adviser.user_id, False)
    with pytest.raises(AuthenticationFailed):  # the same answer as for any wrong password
        services.auth.sign_in("qian.li", WRONG)
    with pytest.raises(AccountDisabled):
        services.auth.sign_in("qian.li", USER_PASSWORD)


# --- forced password change -------------------------------------------------------------------


def test_a_new_user_can_only_change_their_password_until_they_do(
    services: Services, admin: Actor
) -> None:
    services.users.create_user(
        admin,
        username="zheng",
        full_name="郑主管",
        role=Role.SUPERVISOR,
        branch_id=admin.branch_id,
        temporary_password=TEMPORARY,
    )
    first = services.auth.sign_in("zheng", TEMPORARY)
    assert first.must_change_password

    with pytest.raises(PermissionDenied, match="temporary password"):
        services.users.list_users(first)
    with pytest.raises(PermissionDenied):
        services.users.list_branches(first)
    # Their own account stays usable: own activity, idle lock, sign out.
    assert [e.action for e in services.audit.my_activity(first)][0] == "auth.signed_in"
    services.auth.record_idle_lock(first)
    services.auth.unlock_session(first, TEMPORARY)

    with pytest.raises(ValidationError) as same:
        services.auth.change_password(first, TEMPORARY, TEMPORARY)
    assert same.value.problems["new_password"].code == "password.unchanged"
    with pytest.raises(ValidationError) as weak:
        services.auth.change_password(first, TEMPORARY, "short")
    assert set(weak.value.problems) == {"new_password"}

    changed = services.auth.change_password(first, TEMPORARY, USER_PASSWORD)
    assert not changed.must_change_password
    assert {u.username for u in services.users.list_users(changed)} == {"zheng", "admin"}
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("zheng", TEMPORARY)
    again = services.auth.sign_in("zheng", USER_PASSWORD)
    assert not again.must_change_password

    trail = [e for e in events(services, admin) if e.actor_id == first.user_id]
    changed_event = next(e for e in trail if e.action == "user.password_changed")
    assert changed_event.changes["must_change_password"] == [True, False]
    assert changed_event.changes["password"] == ["<redacted>", "<redacted>"]
    assert USER_PASSWORD not in str(changed_event.changes)


def test_change_password_with_a_wrong_current_password_counts_as_a_failure(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="feng")
    before = last_seq(services, admin)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.change_password(adviser, WRONG, "brand new passphrase 3")
    with pytest.raises(AccountLocked):
        services.auth.change_password(adviser, WRONG, "brand new passphrase 3")
    actions = {e.action for e in new_events(services, admin, before)}
    assert actions == {"auth.password_change_failed"}
    with pytest.raises(AccountLocked):
        services.auth.sign_in("feng", USER_PASSWORD)


# --- the idle lock ----------------------------------------------------------------------------


def test_idle_lock_and_unlock_are_recorded(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="chen")
    before = last_seq(services, admin)
    services.auth.record_idle_lock(adviser)
    back = services.auth.unlock_session(adviser, USER_PASSWORD)
    assert back.user_id == adviser.user_id and back.role is Role.ADVISER
    services.auth.sign_out(back)
    assert [(e.action, e.actor_id) for e in new_events(services, admin, before)] == [
        ("auth.session_locked", adviser.user_id),
        ("auth.session_unlocked", adviser.user_id),
        ("auth.signed_out", adviser.user_id),
    ]


def test_unlock_failures_count_toward_the_lockout(
    services: Services, admin: Actor, make_user: MakeUser, clock: FakeClock
) -> None:
    adviser = make_user(Role.ADVISER, username="chu")
    services.auth.record_idle_lock(adviser)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("chu", WRONG)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            services.auth.unlock_session(adviser, WRONG)
    with pytest.raises(AccountLocked):
        services.auth.unlock_session(adviser, WRONG)
    with pytest.raises(AccountLocked):
        services.auth.unlock_session(adviser, USER_PASSWORD)
    with pytest.raises(AccountLocked):
        services.auth.sign_in("chu", USER_PASSWORD)
    failed = [e for e in events(services, admin) if e.action == "auth.unlock_failed"]
    assert [e.changes["reason"][1] for e in failed] == [
        "wrong password",
        "wrong password",
        "wrong password",
        "locked",
    ]
    clock.advance(minutes=15)
    assert services.auth.unlock_session(adviser, USER_PASSWORD).user_id == adviser.user_id


def test_a_user_disabled_while_the_window_was_locked_cannot_unlock(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    adviser = make_user(Role.ADVISER, username="wei")
    services.auth.record_idle_lock(adviser)
    services.users.set_active(admin, adviser.user_id, False)
    with pytest.raises(AccountDisabled):
        services.auth.unlock_session(adviser, USER_PASSWORD)


def test_the_whole_trail_of_these_flows_stays_a_valid_chain(
    services: Services, admin: Actor, make_user: MakeUser, clock: FakeClock
) -> None:
    make_user(Role.COMPLIANCE, username="jiang")
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            services.auth.sign_in("jiang", WRONG)
    clock.advance(minutes=20)
    compliance = services.auth.sign_in("jiang", USER_PASSWORD)
    report, head = services.audit.verify(compliance)
    assert report.intact
    assert report.events_checked == last_seq(services, admin)
    assert head == services.audit.list_events(admin, limit=1)[0].hash
