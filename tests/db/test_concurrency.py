"""Two administrators acting at the same moment: the database decides, nobody is locked out."""

from __future__ import annotations

import threading

import pytest

from crm_desk.domain.errors import Conflict
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from tests.conftest import MakeUser


def test_two_administrators_disabling_each_other_leave_one_active(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    other = make_user(Role.ADMINISTRATOR, username="admin2")
    services.users.set_active(admin, admin.user_id, True)  # both active, only two admins
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def disable(actor: Actor, target: int) -> None:
        start.wait()
        try:
            services.users.set_active(actor, target, False)
            outcomes.append("disabled")
        except Conflict:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 - the one already disabled is refused too
            outcomes.append(type(exc).__name__)

    threads = [
        threading.Thread(target=disable, args=(admin, other.user_id)),
        threading.Thread(target=disable, args=(other, admin.user_id)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    active_admins = [
        u
        for u in services.users.list_users(Actor.system("test"))
        if u.role is Role.ADMINISTRATOR and u.is_active
    ]
    assert len(active_admins) == 1, outcomes
    # The second either finds itself disabled already, or is refused as the last administrator.
    assert sorted(outcomes) in (["AccountDisabled", "disabled"], ["disabled", "refused"])


@pytest.mark.parametrize("attempts", [6])
def test_concurrent_duplicate_branch_codes_give_one_branch_and_conflicts(
    services: Services, admin: Actor, attempts: int
) -> None:
    start = threading.Barrier(attempts)
    outcomes: list[str] = []

    def create(n: int) -> None:
        start.wait()
        try:
            services.users.create_branch(admin, code="BJ-001", name=f"北京{n}")
            outcomes.append("created")
        except Conflict:
            outcomes.append("conflict")
        except Exception as exc:  # noqa: BLE001 - a validation error is fine, a crash is not
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=create, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("created") == 1
    assert set(outcomes) <= {"created", "conflict", "ValidationError"}
