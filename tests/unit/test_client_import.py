"""Importing clients from CSV and XLSX files, and exporting the client list: on both databases."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import Engine, event, text
from stdnum.cn import ric

from crm_desk.domain.clients import ClientInput
from crm_desk.domain.errors import PermissionDenied
from crm_desk.domain.roles import Role
from crm_desk.services import client_export
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientQuery
from crm_desk.services.client_export import ExportCancelled, ExportFormat
from crm_desk.services.client_import import (
    MAX_ROWS,
    ImportCancelled,
    ImportMode,
    ImportPhase,
    ImportRefused,
    RowStatus,
)
from crm_desk.services.container import Services
from crm_desk.services.permissions import PERMISSIONS, Permission
from tests.conftest import MakeUser

pytestmark = pytest.mark.db

HEADER = [
    "name",
    "id_type",
    "id_number",
    "phone",
    "birth_date",
    "gender",
    "email",
    "address",
    "occupation",
    "income_band",
    "financial_assets",
    "experience_years",
    "experience_types",
    "objectives",
    "horizon",
    "liquidity",
    "preferred_language",
]
CHINESE_HEADER = [
    "姓名",
    "证件类型",
    "证件号码",
    "手机",
    "出生日期",
    "性别",
    "邮箱",
    "地址",
    "职业",
    "年收入",
    "金融资产",
    "投资年限",
    "投资经验",
    "投资目标",
    "投资期限",
    "流动性需求",
    "语言",
    "客户经理",
]


def prc_id(born: date, seq: int, region: str = "110105") -> str:
    prefix17 = f"{region}{born:%Y%m%d}{seq % 1000:03d}"
    return prefix17 + ric.calc_check_digit(prefix17 + "0")


def born_on(n: int) -> date:
    return date(1950, 1, 1) + timedelta(days=(n * 37) % 18250)  # distinct for n < 18250


def row(n: int, **changes: Any) -> dict[str, Any]:
    """Client number n as a row of the English-headed file; ``changes`` override cells."""
    values: dict[str, Any] = {
        "name": f"客户{n}",
        "id_type": "prc_id",
        "id_number": prc_id(born_on(n), n),
        "phone": f"139{n:08d}",
        "birth_date": "",
        "gender": "",
        "email": f"client{n}@example.com",
        "address": "上海市浦东新区世纪大道100号",
        "occupation": "工程师",
        "income_band": "300k_500k",
        "financial_assets": "1,500,000",
        "experience_years": "5",
        "experience_types": "funds;stocks",
        "objectives": "balanced_growth",
        "horizon": "3_5y",
        "liquidity": "medium",
        "preferred_language": "zh_CN",
    }
    values.update(changes)
    return values


def write_csv(
    path: Path,
    rows: Sequence[dict[str, Any]],
    header: Sequence[str] = HEADER,
    *,
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for values in rows:
            writer.writerow([values.get(column, "") for column in header])
    return path


def write_xlsx(path: Path, records: Sequence[Sequence[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for record in records:
        sheet.append(list(record))
    workbook.save(path)
    return path


def client_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM clients")).scalar_one())


def audit_actions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM audit_events ORDER BY seq")).scalars())


def last_event(engine: Engine, action: str) -> dict[str, Any]:
    with engine.connect() as conn:
        changes = conn.execute(
            text("SELECT changes FROM audit_events WHERE action = :a ORDER BY seq DESC"),
            {"a": action},
        ).scalar()
    assert changes is not None, f"no {action} event"
    return {field: after for field, (_before, after) in json.loads(changes).items()}


@pytest.fixture
def adviser(make_user: MakeUser) -> Actor:
    return make_user(Role.ADVISER, username="li.na")


# -- reading the file --------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"], ids=["no-bom", "bom"])
def test_a_valid_csv_imports_every_row_with_an_audit_trail(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "clients.csv", [row(n) for n in range(1, 4)], encoding=encoding)
    preview = services.client_import.preview(adviser, path)

    assert preview.file_problems == ()
    assert preview.fully_valid
    assert preview.totals.rows == 3 and preview.totals.valid == 3
    assert [r.row_number for r in preview.rows] == [2, 3, 4]
    assert preview.rows[0].client.name == "客户1"
    assert preview.rows[0].client.experience_types == ("funds", "stocks")
    assert client_count(engine) == 0, "the preview writes nothing"

    result = services.client_import.commit_import(adviser, preview, ImportMode.ALL)

    assert result.imported == 3 and result.skipped == 0 and len(result.client_ids) == 3
    listed = services.clients.client_page(adviser, ClientQuery())
    assert sorted(r.name for r in listed) == ["客户1", "客户2", "客户3"]
    detail = services.clients.get_client(adviser, result.client_ids[0])
    assert detail.adviser_id == adviser.user_id
    assert detail.birth_date == born_on(1)  # from the identity number
    assert detail.financial_assets == 1_500_000
    assert services.clients.reveal(adviser, detail.id, "id_number") == prc_id(born_on(1), 1)
    actions = audit_actions(engine)
    assert actions.count("client.created") == 3
    assert actions[-3:] == ["client.created", "clients.imported", "client.revealed"]
    summary = last_event(engine, "clients.imported")
    assert summary["file"] == "clients.csv" and summary["mode"] == "all"
    assert summary["rows"] == 3 and summary["imported"] == 3 and summary["skipped"] == 0
    created = last_event(engine, "client.created")
    assert created["imported_from"] == "clients.csv"
    assert "*" in created["id_number"], "personal data is masked in the trail"


def test_chinese_headings_and_values_in_a_workbook(
    services: Services, make_user: MakeUser, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    supervisor = make_user(Role.SUPERVISOR, username="wang.jun")
    born = date(1975, 3, 7)
    path = write_xlsx(
        tmp_path / "客户名单.xlsx",
        [
            CHINESE_HEADER,
            [
                "张伟",
                "居民身份证",
                prc_id(born, 123),
                13812345678,  # Excel keeps a phone as a number
                born,  # a date cell
                "男",
                "",
                "北京市朝阳区",
                "教师",
                "10-30万",
                250000.5,
                3,
                "基金、股票",
                "稳健增长；稳定收益",
                "3-5年",
                "中",
                "中文",
                "LI.NA",
            ],
            [None] * len(CHINESE_HEADER),  # a blank row is skipped
            [
                "John Smith",
                "护照",
                "E12345678",
                "+85291234567",
                "1980年5月17日",
                "male",
                "john@example.com",
                "",
                "",
                "100万以上",
                "",
                "0",
                "存款",
                "保本",
                "1年以下",
                "高",
                "英文",
                "li.na",
            ],
        ],
    )
    preview = services.client_import.preview(supervisor, path)
    assert preview.file_format == "xlsx" and preview.fully_valid, preview.rows[0].problems
    assert [r.row_number for r in preview.rows] == [2, 4]
    first = preview.rows[0].client
    assert (first.id_type, first.income_band, first.horizon, first.liquidity) == (
        "prc_id",
        "100k_300k",
        "3_5y",
        "medium",
    )
    assert first.experience_types == ("funds", "stocks")
    assert first.objectives == ("balanced_growth", "steady_income")
    assert first.phone == "13812345678" and first.financial_assets == "250000.5"
    assert preview.rows[1].client.birth_date == date(1980, 5, 17)

    result = services.client_import.commit_import(supervisor, preview, "all")
    assert result.imported == 2
    john = services.clients.get_client(supervisor, result.client_ids[1])
    assert john.adviser_id == adviser.user_id and john.preferred_language.value == "en"
    assert john.id_type.value == "passport"


def test_a_gbk_file_is_refused_with_a_clear_message(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "gbk.csv", [row(1)], CHINESE_HEADER[:17], encoding="gbk")
    preview = services.client_import.preview(adviser, path)

    assert preview.rows == () and not preview.fully_valid and not preview.has_valid_rows
    [problem] = preview.file_problems
    assert problem.code == "import.encoding_gbk"
    assert "UTF-8" in problem.message and "GBK" in problem.message
    with pytest.raises(ImportRefused):
        services.client_import.commit_import(adviser, preview, ImportMode.VALID_ONLY)
    assert client_count(engine) == 0


def test_unreadable_files_are_file_problems_not_tracebacks(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,phone\nJos\xe9,1\n".encode("latin-1"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n")
    codes = {
        p.name: [x.code for x in services.client_import.preview(adviser, p).file_problems]
        for p in (latin, broken, old, empty, tmp_path / "missing.csv")
    }
    assert codes == {
        "latin.csv": ["import.encoding"],
        "broken.xlsx": ["import.unreadable"],
        "old.xls": ["import.old_excel"],
        "empty.csv": ["import.empty"],
        "missing.csv": ["import.unreadable_file"],
    }


def test_missing_required_columns_are_listed(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    header = [c for c in HEADER if c not in ("id_number", "phone")] + ["备注"]
    path = write_csv(tmp_path / "short.csv", [row(1)], header)
    preview = services.client_import.preview(adviser, path)

    [problem] = preview.file_problems
    assert problem.code == "import.missing_columns"
    assert problem.params["columns"] == "id_number, phone"
    assert "id_number, phone" in problem.message


def test_a_column_named_twice_is_a_file_problem(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "twice.csv", [row(1)], [*HEADER, "手机号码"])
    [problem] = services.client_import.preview(adviser, path).file_problems
    assert problem.code == "import.duplicate_columns" and "手机号码" in problem.message


def test_too_many_rows_are_refused_before_checking(
    services: Services, adviser: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("crm_desk.services.client_import.MAX_ROWS", 3)
    path = write_csv(tmp_path / "big.csv", [row(n) for n in range(4)])
    [problem] = services.client_import.preview(adviser, path).file_problems
    assert problem.code == "import.too_many_rows" and problem.params == {"max": 3}
    assert MAX_ROWS == 50_000


# -- rows with problems ------------------------------------------------------------------------
def test_bad_dates_ids_and_choices_are_reported_per_row(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    good = prc_id(born_on(4), 4)
    bad_checksum = good[:-1] + ("0" if good[-1] != "0" else "1")
    path = write_csv(
        tmp_path / "bad.csv",
        [
            row(1),
            row(2, birth_date="1990-02-30"),
            row(3, birth_date="yesterday"),
            row(4, id_number=bad_checksum),
            row(5, id_number="1101051980"),
            row(6, birth_date="1960-01-01"),  # differs from the date in the number
            row(7, income_band="很多", experience_types="基金、彩票"),
            row(8, phone="12345"),
        ],
    )
    preview = services.client_import.preview(adviser, path)
    problems = {r.row_number: {f: p.code for f, p in r.problems.items()} for r in preview.rows}

    assert problems == {
        2: {},
        3: {"birth_date": "import.date_format"},
        4: {"birth_date": "import.date_format"},
        5: {"id_number": "id.prc_checksum"},
        6: {"id_number": "id.prc_length"},
        7: {"birth_date": "birth_date.mismatch"},
        8: {"income_band": "import.choice", "experience_types": "import.choice"},
        9: {"phone": "phone.mainland"},
    }
    row3 = preview.rows[1]
    assert row3.status is RowStatus.INVALID and "1990-02-30" in row3.problems["birth_date"].message
    unknown = preview.rows[6].problems["experience_types"]
    assert unknown.params["value"] == "彩票" and "funds" in unknown.params["accepted"]
    assert preview.totals.rows == 8 and preview.totals.valid == 1 and preview.totals.invalid == 7
    assert not preview.fully_valid and preview.has_valid_rows


def test_an_identity_number_excel_turned_into_a_number(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    values = row(1)
    path = write_xlsx(
        tmp_path / "numbers.xlsx",
        [HEADER, [float(values["id_number"]) if c == "id_number" else values[c] for c in HEADER]],
    )
    [only] = services.client_import.preview(adviser, path).rows
    assert only.problems["id_number"].code == "import.id_number_as_number"


def test_duplicates_within_the_file_and_against_existing_clients(
    services: Services, adviser: Actor, make_user: MakeUser, tmp_path: Path
) -> None:
    other = make_user(Role.ADVISER, username="zhao.lei")
    mine = services.clients.create_client(adviser, _form(row(10)))
    theirs = services.clients.create_client(other, _form(row(11)))
    path = write_csv(
        tmp_path / "dups.csv",
        [
            row(1),
            row(2),
            row(3, name="另一个人", id_number=row(2)["id_number"]),  # the same document as row 3
            row(10),
            row(11),
        ],
    )
    preview = services.client_import.preview(adviser, path)
    by_number = {r.row_number: r for r in preview.rows}

    assert by_number[2].status is RowStatus.OK
    assert by_number[3].status is RowStatus.DUPLICATE and by_number[3].same_id_rows == (4,)
    assert by_number[4].status is RowStatus.DUPLICATE and by_number[4].same_id_rows == (3,)
    assert by_number[4].problems["id_number"].code == "import.duplicate_in_file"
    assert by_number[5].existing_client_id == mine.id and by_number[5].existing_visible
    assert by_number[5].problems["id_number"].code == "import.duplicate_existing"
    assert by_number[6].existing_client_id == theirs.id and not by_number[6].existing_visible
    assert preview.totals.duplicates == 4 and preview.totals.valid == 1

    result = services.client_import.commit_import(adviser, preview, ImportMode.VALID_ONLY)
    assert result.imported == 1 and result.skipped == 4


def test_the_same_name_and_birth_date_warns_but_imports(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    existing = row(1, name="王芳")
    services.clients.create_client(adviser, _form(existing))
    twin = row(2, name="王芳", id_number=prc_id(born_on(1), 2))  # same day, another document
    path = write_csv(tmp_path / "twin.csv", [twin])
    [only] = services.client_import.preview(adviser, path).rows

    assert only.status is RowStatus.WARNING and only.importable
    assert [w.code for w in only.warnings] == ["import.similar_existing"]
    preview = services.client_import.preview(adviser, path)
    assert preview.fully_valid and preview.totals.warnings == 1
    services.client_import.commit_import(adviser, preview, ImportMode.ALL)
    assert last_event(engine, "client.created")["similar_acknowledged"] is True


def test_the_same_person_twice_in_the_file_warns(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    twin = prc_id(born_on(1), 2)  # same birth date, another document
    path = write_csv(
        tmp_path / "twins.csv",
        [row(1, name="李明"), row(2, name="李明", id_number=twin), row(3), row(3)],
    )
    preview = services.client_import.preview(adviser, path)
    statuses = [(r.status, [w.code for w in r.warnings]) for r in preview.rows]
    assert statuses == [
        (RowStatus.WARNING, ["import.similar_in_file"]),
        (RowStatus.WARNING, ["import.similar_in_file"]),
        (RowStatus.DUPLICATE, []),  # the same document: a duplicate, not a look-alike
        (RowStatus.DUPLICATE, []),
    ]
    assert preview.rows[0].warnings[0].params == {"rows": "3"}


def test_the_adviser_column_follows_create_clients_rules(
    services: Services, adviser: Actor, make_user: MakeUser, tmp_path: Path
) -> None:
    supervisor = make_user(Role.SUPERVISOR, username="wang.jun")
    other = make_user(Role.ADVISER, username="zhao.lei")
    header = [*HEADER, "adviser"]
    path = write_csv(
        tmp_path / "advisers.csv",
        [row(1, adviser=""), row(2, adviser="li.na"), row(3, adviser="nobody")],
        header,
    )
    by_supervisor = services.client_import.preview(supervisor, path)
    codes = [r.problems.get("adviser") for r in by_supervisor.rows]
    assert [c.code if c else None for c in codes] == [
        "import.adviser_required",
        None,
        "import.adviser_unknown",
    ]
    by_adviser = services.client_import.preview(adviser, path)
    assert [bool(r.problems) for r in by_adviser.rows] == [False, False, True]
    path2 = write_csv(tmp_path / "other.csv", [row(4, adviser=other.username)], header)
    [foreign] = services.client_import.preview(adviser, path2).rows
    assert foreign.problems["adviser"].code == "adviser.own"


def test_only_advisers_and_supervisors_import(
    services: Services, make_user: MakeUser, admin: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "c.csv", [row(1)])
    for actor in (make_user(Role.COMPLIANCE), admin):
        with pytest.raises(PermissionDenied):
            services.client_import.preview(actor, path)


# -- all or nothing ----------------------------------------------------------------------------
def test_one_bad_row_and_import_all_writes_nothing(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    services.clients.create_client(adviser, _form(row(100)))
    before_clients, before_events = client_count(engine), len(audit_actions(engine))
    path = write_csv(tmp_path / "one-bad.csv", [row(1), row(2, phone="abc"), row(3)])
    preview = services.client_import.preview(adviser, path)

    assert not preview.fully_valid
    with pytest.raises(ImportRefused) as refused:
        services.client_import.commit_import(adviser, preview, ImportMode.ALL)
    assert refused.value.reason == "not_valid"
    assert client_count(engine) == before_clients
    assert len(audit_actions(engine)) == before_events


def test_valid_only_imports_exactly_the_valid_rows(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "mixed.csv",
        [row(1), row(2, phone="abc"), row(3), row(4, objectives=""), row(5)],
    )
    preview = services.client_import.preview(adviser, path)
    result = services.client_import.commit_import(adviser, preview, ImportMode.VALID_ONLY)

    assert (result.imported, result.skipped) == (3, 2)
    names = sorted(r.name for r in services.clients.client_page(adviser, ClientQuery()))
    assert names == ["客户1", "客户3", "客户5"]
    summary = last_event(engine, "clients.imported")
    assert summary["mode"] == "valid_only" and summary["invalid"] == 2
    assert summary["imported"] == 3 and summary["skipped"] == 2


def test_a_client_created_after_the_preview_is_caught_inside_the_transaction(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "race.csv", [row(1), row(2)])
    preview = services.client_import.preview(adviser, path)
    assert preview.fully_valid
    services.clients.create_client(adviser, _form(row(2)))  # someone was quicker

    with pytest.raises(ImportRefused) as refused:
        services.client_import.commit_import(adviser, preview, ImportMode.ALL)
    assert refused.value.reason == "changed" and refused.value.preview is not None
    assert refused.value.preview.rows[1].status is RowStatus.DUPLICATE
    assert client_count(engine) == 1

    result = services.client_import.commit_import(adviser, preview, ImportMode.VALID_ONLY)
    assert result.imported == 1 and client_count(engine) == 2


def test_a_row_refused_in_the_preview_is_never_written(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    """A date the preview could not read is gone from the form: the form alone would pass."""
    path = write_csv(tmp_path / "date.csv", [row(1, birth_date="31/02/1980"), row(2)])
    preview = services.client_import.preview(adviser, path)
    assert preview.rows[0].client.birth_date is None and not preview.rows[0].importable
    result = services.client_import.commit_import(adviser, preview, ImportMode.VALID_ONLY)
    assert result.imported == 1 and client_count(engine) == 1


def test_cancelling_mid_import_writes_nothing(
    services: Services, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 1201)])
    preview = services.client_import.preview(adviser, path)
    events_before = len(audit_actions(engine))
    seen: list[tuple[ImportPhase, int, int]] = []

    def progress(phase: ImportPhase, done: int, total: int) -> None:
        seen.append((phase, done, total))

    def cancelled() -> bool:
        return any(p is ImportPhase.WRITING and done >= 500 for p, done, _ in seen)

    with pytest.raises(ImportCancelled):
        services.client_import.commit_import(
            adviser, preview, ImportMode.ALL, on_progress=progress, cancelled=cancelled
        )
    assert (ImportPhase.WRITING, 500, 1200) in seen
    assert client_count(engine) == 0
    assert len(audit_actions(engine)) == events_before


def test_cancelling_the_preview(services: Services, adviser: Actor, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 600)])
    with pytest.raises(ImportCancelled):
        services.client_import.preview(adviser, path, cancelled=lambda: True)


def test_five_thousand_rows_in_one_transaction(
    services: Services, admin: Actor, adviser: Actor, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "5000.csv", [row(n) for n in range(1, 5001)])
    progress: list[tuple[ImportPhase, int, int]] = []
    started = time.perf_counter()
    preview = services.client_import.preview(
        adviser, path, on_progress=lambda *p: progress.append(p)
    )
    previewed = time.perf_counter()
    assert preview.fully_valid, [r.problems for r in preview.rows if r.problems][:3]
    assert (ImportPhase.CHECKING, 500, 5000) in progress
    assert (ImportPhase.READING, 5000, 0) in progress

    commits: list[object] = []

    def committed(connection: object) -> None:
        commits.append(connection)

    event.listen(engine, "commit", committed)
    try:
        result = services.client_import.commit_import(
            adviser, preview, ImportMode.ALL, on_progress=lambda *p: progress.append(p)
        )
    finally:
        event.remove(engine, "commit", committed)
    finished = time.perf_counter()

    assert result.imported == 5000 and client_count(engine) == 5000
    assert len(commits) == 1, "one transaction for the whole file"
    assert (ImportPhase.WRITING, 5000, 5000) in progress
    writes = [p for p in progress if p[0] is ImportPhase.WRITING]
    assert len(writes) == 10, "a progress report every 500 rows"
    assert previewed - started < 30, f"preview took {previewed - started:.1f} s"
    assert finished - previewed < 90, f"import took {finished - previewed:.1f} s"
    report, _head = services.audit.verify(admin)
    assert report.intact


# -- export ------------------------------------------------------------------------------------
def _form(values: dict[str, Any]) -> ClientInput:
    return ClientInput(
        name=values["name"],
        id_type=values["id_type"],
        id_number=values["id_number"],
        phone=values["phone"],
        email=values["email"],
        address=values["address"],
        occupation=values["occupation"],
        income_band=values["income_band"],
        financial_assets=values["financial_assets"],
        experience_years=values["experience_years"],
        experience_types=tuple(values["experience_types"].split(";")),
        objectives=(values["objectives"],),
        horizon=values["horizon"],
        liquidity=values["liquidity"],
    )


@pytest.fixture
def listed(services: Services, adviser: Actor) -> list[int]:
    return [services.clients.create_client(adviser, _form(row(n))).id for n in range(1, 8)]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_export_is_masked_by_default_and_opens_with_the_bom(
    services: Services, adviser: Actor, engine: Engine, listed: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "list.csv"
    result = services.client_export.export_clients(adviser, ClientQuery(), target)

    assert result.rows == 7 and not result.unmasked and result.file_format is ExportFormat.CSV
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    header, *rows = read_csv(target)
    assert header == list(client_export.EXPORT_COLUMNS)
    expected = [r.name for r in services.clients.client_page(adviser, ClientQuery())]
    assert [r[1] for r in rows] == expected, "the list's order"
    numbers = {r[3] for r in rows} | {r[4] for r in rows}
    assert all("*" in n for n in numbers)
    assert prc_id(born_on(1), 1) not in target.read_text(encoding="utf-8-sig")
    summary = last_event(engine, "clients.exported")
    assert summary["rows"] == 7 and summary["unmasked"] is False
    assert not list(tmp_path.glob("*.part"))


def test_unmasked_export_is_audited_as_a_reveal(
    services: Services, adviser: Actor, engine: Engine, listed: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "full.csv"
    services.client_export.export_clients(adviser, ClientQuery(text="客户3"), target, unmasked=True)
    header, *rows = read_csv(target)
    assert [r[1] for r in rows] == ["客户3"]
    assert rows[0][3].strip() == prc_id(born_on(3), 3)  # a tab keeps Excel from rounding it
    assert rows[0][4] == "13900000003"
    summary = last_event(engine, "clients.exported")
    assert summary["unmasked"] is True and summary["rows"] == 1
    assert summary["search"] != "客户3" and "*" in summary["search"]


def test_unmasked_export_needs_the_reveal_permission(
    services: Services,
    adviser: Actor,
    engine: Engine,
    listed: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(PERMISSIONS, Permission.PERSONAL_DATA_REVEAL, frozenset({Role.SUPERVISOR}))
    with pytest.raises(PermissionDenied):
        services.client_export.export_clients(
            adviser, ClientQuery(), tmp_path / "x.csv", unmasked=True
        )
    assert not (tmp_path / "x.csv").exists()
    assert "clients.exported" not in audit_actions(engine)
    masked = services.client_export.export_clients(adviser, ClientQuery(), tmp_path / "y.csv")
    assert masked.rows == 7


def test_export_pages_through_the_list_to_xlsx(
    services: Services,
    adviser: Actor,
    make_user: MakeUser,
    listed: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = make_user(Role.ADVISER, username="zhao.lei")
    services.clients.create_client(other, _form(row(50)))  # not in li.na's list
    monkeypatch.setattr(client_export, "PAGE_SIZE", 3)
    pages: list[int] = []
    real_page = services.clients.client_page

    def counting_page(*args: Any, **kwargs: Any) -> Any:
        rows = real_page(*args, **kwargs)
        pages.append(len(rows))
        return rows

    monkeypatch.setattr(services.clients, "client_page", counting_page)
    progress: list[tuple[int, int]] = []
    target = tmp_path / "list.xlsx"
    result = services.client_export.export_clients(
        adviser,
        ClientQuery(),
        target,
        titles={"name": "姓名", "vulnerable": "需特别关注", "yes": "是", "no": "否"},
        on_progress=lambda done, total: progress.append((done, total)),
    )
    assert result.file_format is ExportFormat.XLSX and result.rows == 7
    assert pages == [3, 3, 1]
    assert progress == [(3, 7), (6, 7), (7, 7)]
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        values = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert values[0][1] == "姓名" and values[0][10] == "需特别关注"
    assert len(values) == 8 and {v[10] for v in values[1:]} == {"是"}  # all born around 1950
    assert sorted(v[1] for v in values[1:]) == sorted(f"客户{n}" for n in range(1, 8))
    assert all(isinstance(v[5], datetime) for v in values[1:]), "birth dates as date cells"


def test_export_cancelled_leaves_no_file_and_no_event(
    services: Services, adviser: Actor, engine: Engine, listed: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "never.csv"
    with pytest.raises(ExportCancelled):
        services.client_export.export_clients(
            adviser, ClientQuery(), target, cancelled=lambda: True
        )
    assert not target.exists() and not list(tmp_path.glob("*.part"))
    assert "clients.exported" not in audit_actions(engine)


def test_administrators_cannot_export_client_data(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        services.client_export.export_clients(admin, ClientQuery(), tmp_path / "x.csv")


def test_exported_cells_never_become_formulas(
    services: Services, adviser: Actor, tmp_path: Path
) -> None:
    services.clients.create_client(adviser, _form(row(1, name="=HYPERLINK(1)")))
    csv_file = services.client_export.export_clients(adviser, ClientQuery(), tmp_path / "a.csv")
    assert read_csv(csv_file.path)[1][1] == "'=HYPERLINK(1)"
    xlsx = services.client_export.export_clients(adviser, ClientQuery(), tmp_path / "a.xlsx")
    workbook = openpyxl.load_workbook(xlsx.path)
    try:
        cell = workbook.worksheets[0]["B2"]
        assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")
    finally:
        workbook.close()
