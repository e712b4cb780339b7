"""Concurrent edits of a client: two workstations on one database (their own engines and
sessions), the same opened version saved twice, and a real race between two threads. The later
save is refused with who changed which fields; nothing is ever silently overwritten."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import crm_desk.services.clients as clients_module
from crm_desk.db.engine import make_engine
from crm_desk.db.uow import uow_factory
from crm_desk.domain.errors import ConcurrentEdit, Conflict
from crm_desk.domain.policy import Policy
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.passwords import fast_hasher_for_tests
from tests.clients_support import client_input
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db


@pytest.fixture
def other_workstation(
    database_url: str, clock: FakeClock, policy: Policy, crm_home: Path
) -> Iterator[Services]:
    """A second workstation on the same database: its own engine, sessions, the same key."""
    engine = make_engine(database_url)
    built = Services.build(
        uow_factory(engine, clock), policy, fast_hasher_for_tests(), key_dir=crm_home / "keys"
    )
    built.keys.open()
    yield built
    engine.dispose()


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, "li.adviser")


@pytest.fixture
def supervisor(make_user: MakeUser) -> Actor:
    return make_user(Role.SUPERVISOR, "zhou.supervisor")


@pytest.fixture
def client_id(services: Services, adviser: Actor) -> int:
    return services.clients.create_client(adviser, client_input()).id


def head(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def test_a_save_over_another_workstation_s_save_is_refused_with_who_changed_what(
    services: Services,
    other_workstation: Services,
    admin: Actor,
    adviser: Actor,
    supervisor: Actor,
    client_id: int,
    clock: FakeClock,
) -> None:
    mine = services.clients.get_client(adviser, client_id)  # both open version 1
    theirs = other_workstation.clients.get_client(supervisor, client_id)
    assert mine.version == theirs.version == 1

    clock.advance(minutes=3)
    saved = other_workstation.clients.update_client(
        supervisor, client_id, theirs.version, client_input(occupation="教师", phone="13987654321")
    )
    assert saved.version == 2

    before = head(services, admin)
    with pytest.raises(ConcurrentEdit) as refused:
        services.clients.update_client(
            adviser, client_id, mine.version, client_input(address="上海市浦东新区世纪大道100号")
        )
    assert refused.value.params["who"] == supervisor.full_name
    assert refused.value.params["when"] == clock.now
    assert refused.value.changed_fields == ["occupation", "phone"]
    assert refused.value.current_version == 2
    assert "occupation, phone" in str(refused.value)
    assert head(services, admin) == before

    # Nothing was overwritten, either way.
    now = services.clients.get_client(adviser, client_id)
    assert (now.version, now.occupation) == (2, "教师")
    assert services.clients.reveal(adviser, client_id, "address") == "北京市朝阳区建国路88号"
    assert services.clients.reveal(adviser, client_id, "phone") == "+8613987654321"

    # Reloaded, the same change goes through.
    reloaded = services.clients.update_client(
        adviser,
        client_id,
        now.version,
        client_input(occupation="教师", phone="13987654321", address="上海市浦东新区世纪大道100号"),
    )
    assert reloaded.version == 3
    assert reloaded.occupation == "教师"
    assert (
        other_workstation.clients.reveal(supervisor, client_id, "address")
        == "上海市浦东新区世纪大道100号"
    )


def test_the_same_opened_version_saved_twice_is_refused_the_second_time(
    services: Services, adviser: Actor, client_id: int
) -> None:
    services.clients.update_client(adviser, client_id, 1, client_input(occupation="教师"))
    with pytest.raises(ConcurrentEdit) as refused:
        services.clients.update_client(adviser, client_id, 1, client_input(occupation="医生"))
    assert refused.value.params["who"] == adviser.full_name
    assert refused.value.changed_fields == ["occupation"]
    assert services.clients.get_client(adviser, client_id).occupation == "教师"


def test_every_change_since_the_opened_version_is_listed(
    services: Services,
    other_workstation: Services,
    adviser: Actor,
    supervisor: Actor,
    make_user: MakeUser,
    client_id: int,
    clock: FakeClock,
) -> None:
    clock.advance(minutes=1)
    other_workstation.clients.set_vulnerability(
        supervisor, client_id, "hearing_vision", "Hard of hearing; speak slowly"
    )
    clock.advance(minutes=1)
    other_workstation.clients.update_client(
        supervisor, client_id, 2, client_input(income_band="500k_1m")
    )
    clock.advance(minutes=1)
    colleague = make_user(Role.ADVISER, "wu.adviser")
    other_workstation.clients.reassign(supervisor, client_id, colleague.user_id)
    with pytest.raises(ConcurrentEdit) as refused:
        services.clients.update_client(colleague, client_id, 1, client_input(occupation="教师"))
    assert refused.value.changed_fields == ["kind", "reason", "income_band", "adviser_id"]
    assert refused.value.current_version == 4
    assert refused.value.params["when"] == clock.now
    # Opened after the first change: only the later ones are news.
    with pytest.raises(ConcurrentEdit) as later:
        services.clients.update_client(colleague, client_id, 2, client_input(occupation="教师"))
    assert later.value.changed_fields == ["income_band", "adviser_id"]


def race(*calls: Callable[[], Any]) -> list[str]:
    """Run the calls at the same moment, one thread each; what became of each."""
    start = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call: Callable[[], Any]) -> None:
        start.wait(timeout=10)
        try:
            call()
            outcomes.append("saved")
        except ConcurrentEdit:
            outcomes.append("concurrent_edit")
        except Conflict as conflict:
            outcomes.append(f"conflict:{conflict.params.get('reason')}")
        except Exception as exc:  # noqa: BLE001 - anything else is the failure to report
            outcomes.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def test_two_threads_saving_the_same_version_one_wins(
    services: Services,
    other_workstation: Services,
    admin: Actor,
    adviser: Actor,
    supervisor: Actor,
    client_id: int,
) -> None:
    before = head(services, admin)
    outcomes = race(
        lambda: services.clients.update_client(
            adviser, client_id, 1, client_input(occupation="教师")
        ),
        lambda: other_workstation.clients.update_client(
            supervisor, client_id, 1, client_input(occupation="医生")
        ),
    )
    assert sorted(outcomes)[1] == "saved", outcomes
    assert sorted(outcomes)[0] in ("concurrent_edit", "conflict:stale"), outcomes
    detail = services.clients.get_client(adviser, client_id)
    assert detail.version == 2
    updates = [e for e in services.audit.list_events(admin, limit=20) if e.seq > before]
    assert [e.action for e in updates] == ["client.updated"]
    assert updates[0].changes["occupation"] == ["工程师", detail.occupation]


def test_both_read_before_either_writes_the_later_write_is_stale(
    services: Services,
    other_workstation: Services,
    backend: str,
    adviser: Actor,
    supervisor: Actor,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On PostgreSQL both transactions read version 1 before either writes; the row's version
    decides. (SQLite takes the write lock at BEGIN: the second one reads version 2 instead.)"""
    if backend != "postgresql":
        pytest.skip("SQLite writers are serialised from the start of the transaction")
    both_read = threading.Barrier(2)
    validate = clients_module.validate_client

    def validate_after_both_read(*args: Any, **kwargs: Any) -> Any:
        both_read.wait(timeout=10)  # each has checked version 1 by now
        return validate(*args, **kwargs)

    monkeypatch.setattr(clients_module, "validate_client", validate_after_both_read)
    outcomes = race(
        lambda: services.clients.update_client(
            adviser, client_id, 1, client_input(occupation="教师", phone="13987654321")
        ),
        lambda: other_workstation.clients.update_client(
            supervisor, client_id, 1, client_input(occupation="医生")
        ),
    )
    assert sorted(outcomes) == ["conflict:stale", "saved"], outcomes
    monkeypatch.undo()
    assert services.clients.get_client(adviser, client_id).version == 2

    # The same for operations that bump the version without an opened one.
    both_bump = threading.Barrier(2)
    bump = clients_module.ClientService._bump

    def bump_after_both_read(self: Any, *args: Any) -> Any:
        both_bump.wait(timeout=10)
        return bump(self, *args)

    monkeypatch.setattr(clients_module.ClientService, "_bump", bump_after_both_read)
    outcomes = race(
        lambda: services.clients.set_vulnerability(
            adviser, client_id, "illness", "In hospital until March"
        ),
        lambda: other_workstation.clients.set_vulnerability(
            supervisor, client_id, "bereavement", "Lost her husband in May"
        ),
    )
    assert sorted(outcomes) == ["conflict:stale", "saved"], outcomes
    monkeypatch.undo()
    assert len(services.clients.get_client(adviser, client_id).vulnerabilities) == 1
