"""The data key: field encryption and blind indexes (crypto.py), the key file (keystore.py), and
the workstation's key against the database (keys.py): created at first start, registered with
the first personal data written, refused when it does not fit, exported and imported."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

import crm_desk.services.clients as clients_module
from crm_desk.db.engine import make_engine
from crm_desk.db.models import AppSetting
from crm_desk.db.uow import UnitOfWorkFactory, uow_factory
from crm_desk.domain.errors import ConfigurationError, PermissionDenied
from crm_desk.domain.policy import Policy
from crm_desk.domain.roles import Role
from crm_desk.services import keystore
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.crypto import KEY_BYTES, FieldCipher, KeyMismatch, KeyMissing
from crm_desk.services.keys import CHECK_SETTING
from crm_desk.services.passwords import fast_hasher_for_tests
from tests.clients_support import client_input, numbered_client
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, FakeClock, MakeUser

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


# --- FieldCipher --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id_number", "11010519491231002X"),
        ("phone", "+8613812345678"),
        ("email", "zhang.wei@example.com"),
        ("address", "上海市浦东新区世纪大道100号 🏦"),
        ("address", ""),
    ],
)
def test_a_field_round_trips_and_is_sealed(field: str, value: str) -> None:
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt(field, value)
    assert cipher.decrypt(field, blob) == value
    assert FieldCipher(KEY).decrypt(field, blob) == value  # the same key, another start
    assert value.encode("utf-8") not in blob or value == ""
    again = cipher.encrypt(field, value)
    assert again != blob  # a fresh nonce each time: equal values do not look equal
    assert len(blob) == 1 + 12 + len(value.encode("utf-8")) + 16


def test_the_field_name_is_bound_to_the_value() -> None:
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt("id_number", "11010519491231002X")
    with pytest.raises(KeyMismatch):
        cipher.decrypt("phone", blob)


def test_another_key_is_refused_never_garbage() -> None:
    blob = FieldCipher(KEY).encrypt("phone", "+8613812345678")
    with pytest.raises(KeyMismatch) as refused:
        FieldCipher(OTHER_KEY).decrypt("phone", blob)
    assert "Import the key" in str(refused.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # the tag
        lambda blob: blob[:20] + bytes([blob[20] ^ 0x80]) + blob[21:],  # the sealed text
        lambda blob: b"\x02" + blob[1:],  # an unknown format version
        lambda blob: blob[:10],  # cut short
        lambda blob: b"",
    ],
)
def test_a_damaged_value_is_refused(damage: object) -> None:
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt("phone", "+8613812345678")
    with pytest.raises(KeyMismatch):
        cipher.decrypt("phone", damage(blob))  # type: ignore[operator]


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_a_master_key_has_32_bytes(length: int) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        FieldCipher(b"k" * length)


def test_the_blind_index_is_deterministic_keyed_and_kind_bound() -> None:
    cipher = FieldCipher(KEY)
    index = cipher.blind_index("phone", "+8613812345678")
    assert index == FieldCipher(KEY).blind_index("phone", "+8613812345678")
    assert len(index) == 64 and int(index, 16) >= 0
    assert "13812345678" not in index
    assert index != cipher.blind_index("phone", "+8613812345679")
    assert index != cipher.blind_index("id:prc_id", "+8613812345678")
    assert index != FieldCipher(OTHER_KEY).blind_index("phone", "+8613812345678")
    # The separator keeps kind and value apart: ("ab", "c") is not ("a", "bc").
    assert cipher.blind_index("ab", "c") != cipher.blind_index("a", "bc")


def test_the_check_value_identifies_the_key_without_revealing_it() -> None:
    check = FieldCipher(KEY).check_value
    assert check == FieldCipher(KEY).check_value
    assert check != FieldCipher(OTHER_KEY).check_value
    assert KEY.hex() not in check and len(check) == 64


# --- the key file ----------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_key_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    old_umask = os.umask(0)  # even with a permissive umask
    try:
        key = keystore.create_key(folder)
    finally:
        os.umask(old_umask)
    path = keystore.key_path(folder)
    assert mode(path) == 0o600
    assert len(key) == KEY_BYTES
    assert keystore.read_key(path) == key == keystore.load_key(folder)
    assert path.read_text(encoding="ascii").startswith(keystore.HEADER + "\n")
    assert not list(folder.glob("*.partial"))
    with pytest.raises(ConfigurationError, match="already exists"):
        keystore.create_key(folder)
    assert keystore.read_key(path) == key  # not replaced
    assert keystore.create_key(tmp_path / "other") != key


def test_no_key_file_is_none_not_an_error(tmp_path: Path) -> None:
    assert keystore.load_key(tmp_path) is None
    with pytest.raises(ConfigurationError, match="no key file") as missing:
        keystore.read_key(tmp_path / "nothing.key")
    assert str(tmp_path / "nothing.key") in str(missing.value)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello world\n",
        b"CRM-DESK-DATA-KEY v1\n",
        b"CRM-DESK-DATA-KEY v1\nnot base64 !!\n",
        b"CRM-DESK-DATA-KEY v2\n" + base64.b64encode(KEY) + b"\n",
        b"\xff\xfe binary \x00",
        b"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n",
    ],
)
def test_a_file_that_is_not_a_key_file_is_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "suspicious.key"
    path.write_bytes(content)
    with pytest.raises(ConfigurationError) as refused:
        keystore.read_key(path)
    assert str(path) in str(refused.value)


@pytest.mark.parametrize("length", [16, 31, 33, 64])
def test_a_key_of_the_wrong_length_is_named(tmp_path: Path, length: int) -> None:
    path = tmp_path / "short.key"
    path.write_text(f"{keystore.HEADER}\n{base64.b64encode(b'k' * length).decode()}\n")
    with pytest.raises(ConfigurationError, match="wrong length") as refused:
        keystore.read_key(path)
    assert str(path) in str(refused.value)


def test_export_and_import_keep_keys_private_and_never_lose_one(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    key = keystore.create_key(first)
    exported = keystore.export_key(first, tmp_path / "usb" / "crm.key")
    assert mode(exported) == 0o600
    with pytest.raises(ConfigurationError, match="already exists"):
        keystore.export_key(first, exported)
    with pytest.raises(ConfigurationError, match="no data key"):
        keystore.export_key(tmp_path / "empty", tmp_path / "x.key")

    own = keystore.create_key(second)
    assert keystore.import_key(second, exported) == key
    assert keystore.load_key(second) == key
    assert mode(keystore.key_path(second)) == 0o600
    kept = second / "data.key.replaced-1"
    assert keystore.read_key(kept) == own and mode(kept) == 0o600
    assert keystore.import_key(second, exported) == key  # the same again: nothing to keep
    assert not (second / "data.key.replaced-2").exists()


# --- the workstation's key against the database -----------------------------------------------


class WorkstationMaker:
    """Another workstation on the same database, with its own key folder."""

    def __init__(self, uow: UnitOfWorkFactory, policy: Policy, root: Path) -> None:
        self.uow, self.policy, self.root = uow, policy, root

    def __call__(self, name: str, *, with_key: bytes | None = None) -> Services:
        folder = self.root / name
        if with_key is not None:
            folder.mkdir(parents=True)
            source = self.root / f"{name}.import"
            source.write_text(f"{keystore.HEADER}\n{base64.b64encode(with_key).decode()}\n")
            keystore.import_key(folder, source)
        services = Services.build(self.uow, self.policy, fast_hasher_for_tests(), key_dir=folder)
        services.keys.open()
        return services


@pytest.fixture
def workstation(uow: UnitOfWorkFactory, policy: Policy, tmp_path: Path) -> WorkstationMaker:
    return WorkstationMaker(uow, policy, tmp_path)


def stored_check(uow: UnitOfWorkFactory) -> str | None:
    with uow() as unit:
        return unit.session.execute(
            select(AppSetting.value).where(AppSetting.key == CHECK_SETTING)
        ).scalar_one_or_none()


def actions(services: Services, admin: Actor) -> list[str]:
    return [e.action for e in reversed(services.audit.list_events(admin, limit=100))]


db = pytest.mark.db  # the tests below use the test database


@db
def test_first_start_creates_a_private_key_and_registers_nothing_yet(
    services: Services, crm_home: Path, uow: UnitOfWorkFactory
) -> None:
    path = keystore.key_path(crm_home / "keys")
    assert mode(path) == 0o600
    assert services.keys.problem is None
    assert services.keys.require().check_value == FieldCipher(keystore.read_key(path)).check_value
    assert stored_check(uow) is None  # registered with the first personal data written


@db
def test_the_first_client_registers_the_check_value_in_the_same_transaction(
    services: Services,
    admin: Actor,
    make_user: MakeUser,
    uow: UnitOfWorkFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    adviser = make_user(Role.ADVISER)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(clients_module, "index_name", broken)
    with pytest.raises(RuntimeError):
        services.clients.create_client(adviser, client_input())
    assert stored_check(uow) is None  # rolled back with the client
    assert "key.registered" not in actions(services, admin)
    monkeypatch.undo()

    created = services.clients.create_client(adviser, client_input())
    assert stored_check(uow) == services.keys.require().check_value
    events = services.audit.list_events(admin, limit=2)
    assert [(e.action, e.entity_type) for e in reversed(events)] == [
        ("key.registered", "database"),
        ("client.created", "client"),
    ]
    assert events[1].actor_id is None and events[1].actor_name.startswith("workstation ")
    assert events[1].changes == {"check": [None, services.keys.require().check_value[:12]]}
    assert events[0].entity_id == str(created.id)
    services.clients.create_client(adviser, numbered_client(1))
    assert actions(services, admin).count("key.registered") == 1


@db
def test_a_workstation_with_another_key_is_refused_at_sign_in(
    services: Services,
    admin: Actor,
    make_user: MakeUser,
    workstation: WorkstationMaker,
) -> None:
    services.clients.create_client(make_user(Role.ADVISER, "li.adviser"), client_input())
    other = workstation("other", with_key=OTHER_KEY)
    assert isinstance(other.keys.problem, KeyMismatch)
    with pytest.raises(KeyMismatch):
        other.keys.require()
    with pytest.raises(KeyMismatch):
        other.auth.sign_in("li.adviser", USER_PASSWORD)
    with pytest.raises(KeyMismatch):
        other.auth.sign_in("admin", ADMIN_PASSWORD)
    assert services.auth.sign_in("li.adviser", USER_PASSWORD).username == "li.adviser"


@db
def test_a_workstation_without_a_key_file_is_told_to_import_one(
    services: Services, admin: Actor, make_user: MakeUser, workstation: WorkstationMaker
) -> None:
    services.clients.create_client(make_user(Role.ADVISER, "li.adviser"), client_input())
    bare = workstation("bare")
    assert isinstance(bare.keys.problem, KeyMissing)
    assert keystore.load_key(bare.keys.key_dir) is None  # no key was made up for it
    with pytest.raises(KeyMissing) as refused:
        bare.auth.sign_in("li.adviser", USER_PASSWORD)
    assert "Import the key" in str(refused.value)


@db
def test_importing_the_exported_key_lets_the_workstation_in(
    services: Services,
    admin: Actor,
    make_user: MakeUser,
    workstation: WorkstationMaker,
    tmp_path: Path,
) -> None:
    adviser = make_user(Role.ADVISER, "li.adviser")
    created = services.clients.create_client(adviser, client_input())
    exported = services.keys.export_key(admin, tmp_path / "usb" / "crm-desk.key")
    assert mode(exported) == 0o600

    for name, key in (("bare", None), ("other", OTHER_KEY)):
        station = workstation(name, with_key=key)
        assert station.keys.problem is not None
        station.keys.import_key(exported)
        assert station.keys.problem is None
        signed_in = station.auth.sign_in("li.adviser", USER_PASSWORD)
        assert station.clients.reveal(signed_in, created.id, "phone") == "+8613812345678"
    assert "key.imported" in actions(services, admin)


@db
def test_importing_a_wrong_key_is_refused_and_keeps_the_current_one(
    services: Services, admin: Actor, make_user: MakeUser, tmp_path: Path, crm_home: Path
) -> None:
    adviser = make_user(Role.ADVISER)
    created = services.clients.create_client(adviser, client_input())
    current = keystore.load_key(crm_home / "keys")
    wrong = tmp_path / "wrong.key"
    wrong.write_text(f"{keystore.HEADER}\n{base64.b64encode(OTHER_KEY).decode()}\n")
    before = actions(services, admin)
    with pytest.raises(KeyMismatch):
        services.keys.import_key(wrong)
    assert keystore.load_key(crm_home / "keys") == current
    assert not list((crm_home / "keys").glob("data.key.replaced-*"))
    assert services.keys.problem is None
    assert actions(services, admin) == before
    assert services.clients.reveal(adviser, created.id, "id_number") == client_input().id_number

    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("shopping list\n")
    with pytest.raises(ConfigurationError):
        services.keys.import_key(not_a_key)
    assert keystore.load_key(crm_home / "keys") == current


@db
def test_two_workstations_starting_on_an_empty_database_cannot_both_write(
    services: Services, make_user: MakeUser, workstation: WorkstationMaker
) -> None:
    """Both start before any personal data exists, each with its own new key: the first to
    write registers its key; the other is then refused instead of writing unreadable data."""
    other = workstation("other")
    assert other.keys.problem is None
    adviser = make_user(Role.ADVISER)
    services.clients.create_client(adviser, client_input())
    with pytest.raises(KeyMismatch):
        other.clients.create_client(adviser, numbered_client(1))
    assert isinstance(other.keys.problem, KeyMismatch)
    assert services.clients.count_clients(adviser, clients_module.ClientQuery()) == 1


@db
def test_only_an_administrator_exports_the_key_and_each_export_is_audited(
    services: Services, admin: Actor, make_user: MakeUser, tmp_path: Path, crm_home: Path
) -> None:
    for role in (Role.ADVISER, Role.SUPERVISOR, Role.COMPLIANCE):
        with pytest.raises(PermissionDenied):
            services.keys.export_key(make_user(role), tmp_path / f"{role.value}.key")
        assert not (tmp_path / f"{role.value}.key").exists()
    target = tmp_path / "safe" / "crm-desk.key"
    services.keys.export_key(admin, target)
    assert keystore.read_key(target) == keystore.load_key(crm_home / "keys")
    [event] = services.audit.list_events(admin, limit=1)
    assert (event.action, event.actor_id) == ("key.exported", admin.user_id)
    assert event.changes == {"exported_to": [None, str(target)]}
    assert "key.exported" not in actions(services, admin)[:-1]

    with pytest.raises(ConfigurationError, match="already exists"):
        services.keys.export_key(admin, target)
    assert actions(services, admin).count("key.exported") == 1


@db
def test_a_damaged_key_file_stops_the_start_with_its_name(
    database_url: str, clock: FakeClock, policy: Policy, tmp_path: Path
) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    keystore.key_path(folder).write_text("garbage\n")
    engine = make_engine(database_url)
    try:
        built = Services.build(
            uow_factory(engine, clock), policy, fast_hasher_for_tests(), key_dir=folder
        )
        with pytest.raises(ConfigurationError) as refused:
            built.keys.open()
        assert str(keystore.key_path(folder)) in str(refused.value)
    finally:
        engine.dispose()
