"""Personal data at rest: none of a generated client set's identity numbers, phone numbers,
e-mail addresses or postal addresses is anywhere in the database in clear.

SQLite: the raw bytes of the database file and of its write-ahead log, read while the engine
still holds its connections (nothing checkpointed), then again after a full checkpoint.
PostgreSQL: the sealed columns, and every row of every table cast to text.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from crm_desk.db.engine import sqlite_file
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from tests.clients_support import client_input, prc_id
from tests.conftest import MakeUser

pytestmark = pytest.mark.db

CLIENTS = 50
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = "一鸣子涵思远雨桐浩然梓萱俊杰欣怡"


@dataclass(frozen=True)
class Secrets:
    names: list[str]
    plaintexts: list[str]  # every personal value, in every form it could be written in


@pytest.fixture
def generated(services: Services, make_user: MakeUser) -> Secrets:
    """Fifty clients with distinctive personal data, two advisers, one edit each for some."""
    rng = random.Random(20261127)
    advisers = [make_user(Role.ADVISER, "li.adviser"), make_user(Role.ADVISER, "wu.adviser")]
    names: list[str] = []
    plaintexts: list[str] = []
    first: int | None = None

    def phone_number() -> str:
        return rng.choice(["135", "138", "139", "150", "158", "186", "188"]) + (
            f"{rng.randrange(10**8):08d}"
        )

    for n in range(CLIENTS):
        name = f"{SURNAMES[n % 16]}{GIVEN[rng.randrange(16)]}{GIVEN[rng.randrange(16)]}{n:02d}"
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(18000))
        region = rng.choice(["110105", "310115", "440305"])
        number = prc_id(region, born, f"{rng.randrange(1000):03d}")
        phones = [phone_number()]
        email = f"kyc.{rng.randrange(10**6):06d}.{n}@secret-mail.cn"
        addresses = [f"上海市浦东新区隐秘路{rng.randrange(1000)}弄{n}号{rng.randrange(100, 999)}室"]
        adviser = advisers[n % 2]
        created = services.clients.create_client(
            adviser,
            client_input(
                name=name, id_number=number, phone=phones[0], email=email, address=addresses[0]
            ),
            acknowledge_similar=True,
        )
        first = first or created.id
        if n % 5 == 0:  # an edit seals new values and leaves the old ones behind somewhere
            phones.append(phone_number())
            addresses.append(f"北京市海淀区保密街{n}号院{rng.randrange(10, 99)}楼")
            services.clients.update_client(
                adviser,
                created.id,
                created.version,
                client_input(
                    name=name, id_number=number, phone=phones[1], email=email, address=addresses[1]
                ),
            )
        names.append(name)
        plaintexts += [number, email, *addresses]
        plaintexts += [form for phone in phones for form in (phone, "+86" + phone)]
    # Revealing values writes audit events: those must not hold them either.
    assert first is not None
    services.clients.reveal(advisers[0], first, "id_number")
    services.clients.reveal(advisers[0], first, "address")
    return Secrets(names, plaintexts)


def _absent(blob: bytes, values: list[str]) -> list[str]:
    """The values found in ``blob`` (UTF-8), as text: should be none."""
    return [value for value in values if value.encode("utf-8") in blob]


def _sqlite_bytes(engine: Engine) -> tuple[bytes, bytes]:
    path = sqlite_file(engine.url)
    assert path is not None
    wal = Path(f"{path}-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def test_the_sqlite_file_and_its_wal_hold_no_personal_data_in_clear(
    backend: str, engine: Engine, services: Services, generated: Secrets
) -> None:
    if backend != "sqlite":
        pytest.skip("the PostgreSQL variant reads the tables")
    main, wal = _sqlite_bytes(engine)
    assert len(wal) > 0, "the writes should still be in the write-ahead log"
    everything = main + wal
    assert _absent(everything, generated.plaintexts) == []
    # The names are stored in clear: this proves the bytes read are the ones written.
    assert [n for n in generated.names if n.encode("utf-8") not in everything] == []

    path = sqlite_file(engine.url)
    assert path is not None
    with closing(sqlite3.connect(path)) as connection:  # outside the engine's BEGIN IMMEDIATE
        assert connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    main, wal = _sqlite_bytes(engine)
    assert wal == b""
    assert _absent(main, generated.plaintexts) == []
    assert [n for n in generated.names if n.encode("utf-8") not in main] == []


def test_postgresql_rows_hold_no_personal_data_in_clear(
    backend: str, engine: Engine, services: Services, generated: Secrets, admin: Actor
) -> None:
    if backend != "postgresql":
        pytest.skip("the SQLite variant reads the files")
    with engine.connect() as connection:
        sealed = connection.execute(
            text("SELECT id_number_enc, phone_enc, email_enc, address_enc FROM clients")
        ).all()
        assert len(sealed) == CLIENTS
        blobs = b"".join(bytes(value) for row in sealed for value in row if value is not None)
        assert _absent(blobs, generated.plaintexts) == []

        found_names: set[str] = set()
        for table in inspect(connection).get_table_names():
            rows = connection.execute(text(f'SELECT t::text FROM "{table}" AS t')).scalars().all()
            dump = "\n".join(rows)
            assert [v for v in generated.plaintexts if v in dump] == [], table
            found_names |= {name for name in generated.names if name in dump}
    assert found_names == set(generated.names)
