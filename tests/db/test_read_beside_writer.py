"""The client list reads beside a writer: on SQLite its transactions do not take the write lock,
so a long write elsewhere (or the list's own anchors job) never holds up the page the user sees."""

from __future__ import annotations

import sqlite3
import time

import pytest

from crm_desk.db.engine import sqlite_file
from crm_desk.domain.roles import Role
from crm_desk.services.client_dto import ClientQuery
from tests.clients_support import client_input


def test_the_list_reads_while_another_connection_holds_the_write_lock(
    services, make_user, engine, backend
):
    if backend != "sqlite":
        pytest.skip("PostgreSQL readers never wait for writers")
    adviser = make_user(Role.ADVISER)
    services.clients.create_client(adviser, client_input())
    path = sqlite_file(engine.url)
    assert path is not None
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a write
    try:
        started = time.perf_counter()
        assert services.clients.count_clients(adviser, ClientQuery()) == 1
        assert len(services.clients.client_page(adviser, ClientQuery())) == 1
        assert time.perf_counter() - started < 2  # no wait for the 5 s busy timeout
    finally:
        writer.execute("ROLLBACK")
        writer.close()
