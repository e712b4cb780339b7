"""Complaint reports on generated data, checked against figures the test computes on its own
(statistics.median, a hand-written nearest-rank percentile, plain counting), and the CSV and
XLSX exports read back."""

from __future__ import annotations

import csv
import random
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crm_desk.domain.complaints import ComplaintCategory, ComplaintChannel
from crm_desk.domain.errors import ValidationError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintReport
from crm_desk.services.container import Services
from tests.clients_support import numbered_client
from tests.complaint_support import RESOLUTION, add_product, answer, complaint_input
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

FIRST = date(2026, 3, 1)
LAST = date(2026, 3, 31)
BEIJING = timedelta(hours=8)  # the policy's zone has no daylight saving


@dataclass
class Made:
    category: str
    channel: str
    product: str
    adviser: str
    rounds: list[tuple[datetime, datetime, int, bool]]  # started, told, satisfaction, accepted
    open: bool


def nearest_rank_p90(values: list[float]) -> float:
    """The smallest value with at least 90% of the values at or below it."""
    for candidate in sorted(values):
        if sum(1 for v in values if v <= candidate) / len(values) >= 0.9:
            return candidate
    raise AssertionError("unreachable")


@pytest.fixture
def people(services: Services, make_user: MakeUser) -> dict[str, Actor]:
    return {
        "adviser": make_user(Role.ADVISER, "rep.adviser"),
        "other": make_user(Role.ADVISER, "rep.other"),
        "handler": make_user(Role.ADVISER, "rep.handler"),
        "supervisor": make_user(Role.SUPERVISOR, "rep.super"),
        "compliance": make_user(Role.COMPLIANCE, "rep.compliance"),
    }


def generate(
    services: Services, clock: FakeClock, people: dict[str, Actor], uow: object, n: int = 36
) -> list[Made]:
    rng = random.Random(20260301)
    products = {
        add_product(uow, "F001", "稳健债券基金"): "F001",  # type: ignore[arg-type]
        add_product(uow, "F002", "成长混合基金"): "F002",  # type: ignore[arg-type]
    }
    client = services.clients.create_client(people["adviser"], numbered_client(5))
    handler = people["handler"]
    made: list[Made] = []
    for i in range(n):
        accepted = datetime(2026, 3, 1, 0, 0, tzinfo=UTC) + timedelta(
            minutes=rng.randrange(0, 29 * 24 * 60)
        )
        clock.now = accepted
        category = rng.choice(list(ComplaintCategory)).value
        channel = rng.choice(list(ComplaintChannel)).value
        product_id = rng.choice([None, *products])
        subject = rng.choice([None, people["adviser"], people["other"]])
        d = services.complaints.register(
            people["adviser"],
            complaint_input(
                client_id=client.id,
                category=category,
                channel=channel,
                product_id=product_id,
                subject_adviser_id=subject.user_id if subject else None,
                handler_id=handler.user_id,
            ),
        )
        record = Made(
            category,
            channel,
            products[product_id] if product_id else "",
            subject.full_name if subject else "",
            [],
            True,
        )
        made.append(record)
        if i % 6 == 5:
            continue  # left open
        started = accepted
        for round_ in range(2 if i % 9 == 0 else 1):
            if round_:
                clock.now = record.rounds[-1][1] + timedelta(days=2, hours=3)
                started = clock.now
                d = services.complaints.reopen(handler, d.id, d.version, "Client disputes")
            else:
                d = services.complaints.start_investigation(handler, d.id, d.version, "")
            clock.now = started + timedelta(hours=rng.randrange(1, 24 * 12))
            d = services.complaints.resolve(handler, d.id, d.version, RESOLUTION)
            told = clock.now + timedelta(minutes=rng.randrange(0, 24 * 60 * 8))
            clock.now = told
            satisfaction, accepted_outcome = rng.randint(1, 5), rng.random() < 0.6
            d = services.complaints.answer(
                handler, d.id, d.version, answer(told, satisfaction, accepted_outcome)
            )
            record.rounds.append((started, told, satisfaction, accepted_outcome))
        record.open = False
    clock.now = datetime(2026, 4, 20, 2, 0, tzinfo=UTC)
    return made


def test_report_matches_independent_figures(
    services: Services, clock: FakeClock, people: dict[str, Actor], uow: object
) -> None:
    made = generate(services, clock, people, uow)
    report = services.complaint_reports.report(people["supervisor"], FIRST, LAST)
    rounds = [r for m in made for r in m.rounds]
    days = [(told - started).total_seconds() / 86400 for started, told, _, _ in rounds]
    assert report.total == len(made) == 36
    assert report.open == sum(m.open for m in made)
    assert report.reopened == sum(len(m.rounds) > 1 for m in made)
    assert {c.key: c.count for c in report.by_category} == Counter(m.category for m in made)
    assert {c.key: c.count for c in report.by_channel} == Counter(m.channel for m in made)
    assert {c.key: c.count for c in report.by_product} == Counter(m.product for m in made)
    # Products by code, with both names for the chart to pick the window's language.
    names = {c.key: (c.name_zh, c.name_en) for c in report.by_product if c.key}
    assert names == {"F001": ("稳健债券基金", "Fund F001"), "F002": ("成长混合基金", "Fund F002")}
    assert {c.key: c.count for c in report.by_adviser} == Counter(m.adviser for m in made)
    assert report.answered_rounds == len(rounds)
    assert report.median_days == pytest.approx(statistics.median(days))
    assert report.p90_days == pytest.approx(nearest_rank_p90(days))
    on_time = [
        (told + BEIJING).date() <= (started + BEIJING).date() + timedelta(days=15)
        for started, told, _, _ in rounds
    ]
    assert 0 < sum(on_time) < len(on_time), "the generated data should have both"
    assert report.on_time_share == pytest.approx(sum(on_time) / len(on_time))
    assert report.mean_satisfaction == pytest.approx(statistics.mean(r[2] for r in rounds))
    assert list(report.satisfaction_counts) == [
        sum(1 for r in rounds if r[2] == k) for k in range(1, 6)
    ]
    assert report.accepted_share == pytest.approx(sum(r[3] for r in rounds) / len(rounds))
    assert report.overdue_open == sum(m.open for m in made)  # all open ones are long overdue
    assert {c.key: c.count for c in report.by_root_cause} == {"disclosure": len(rounds)}
    # Compliance sees the same (one branch here); the ordering is largest first.
    assert services.complaint_reports.report(people["compliance"], FIRST, LAST).total == 36
    counts = [c.count for c in report.by_category]
    assert counts == sorted(counts, reverse=True)


def test_the_period_is_in_branch_days(
    services: Services, clock: FakeClock, people: dict[str, Actor]
) -> None:
    client = services.clients.create_client(people["adviser"], numbered_client(6))
    for moment in (
        datetime(2026, 2, 28, 15, 59, tzinfo=UTC),  # 23:59 on 28 Feb in Beijing: before
        datetime(2026, 2, 28, 16, 0, tzinfo=UTC),  # 00:00 on 1 March: in
        datetime(2026, 3, 31, 15, 59, tzinfo=UTC),  # 23:59 on 31 March: in
        datetime(2026, 3, 31, 16, 0, tzinfo=UTC),  # 00:00 on 1 April: after
    ):
        clock.now = moment
        services.complaints.register(people["adviser"], complaint_input(client_id=client.id))
    assert services.complaint_reports.report(people["supervisor"], FIRST, LAST).total == 2
    with pytest.raises(ValidationError):
        services.complaint_reports.report(people["supervisor"], LAST, FIRST)


def test_an_empty_period_has_no_figures(services: Services, people: dict[str, Actor]) -> None:
    report = services.complaint_reports.report(people["supervisor"], FIRST, LAST)
    assert report.total == 0 and report.median_days is None and report.on_time_share is None


def test_a_supervisor_reports_on_their_branch_only(
    services: Services,
    people: dict[str, Actor],
    make_user: MakeUser,
    admin: Actor,
    clock: FakeClock,
) -> None:
    client = services.clients.create_client(people["adviser"], numbered_client(7))
    clock.now = datetime(2026, 3, 5, 3, 0, tzinfo=UTC)
    services.complaints.register(people["adviser"], complaint_input(client_id=client.id))
    far = services.users.create_branch(admin, code="SZ-009", name="深圳支行")
    far_supervisor = make_user(Role.SUPERVISOR, "rep.far", branch_id=far.id)
    assert services.complaint_reports.report(far_supervisor, FIRST, LAST).total == 0
    assert services.complaint_reports.report(people["supervisor"], FIRST, LAST).total == 1


def _figures(rows: list[list[str]]) -> dict[str, str]:
    return {row[0]: row[1] for row in rows if len(row) >= 2 and row[0]}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_writes_the_figures_and_one_line_per_complaint(
    services: Services,
    clock: FakeClock,
    people: dict[str, Actor],
    uow: object,
    tmp_path: Path,
    admin: Actor,
    suffix: str,
) -> None:
    made = generate(services, clock, people, uow, n=12)
    path = tmp_path / f"complaints.{suffix}"
    report: ComplaintReport = services.complaint_reports.export_report(
        people["supervisor"], FIRST, LAST, path, lambda kind, value: f"<{value}>"
    )
    if suffix == "csv":
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = [list(r) for r in csv.reader(stream)]
    else:
        workbook = load_workbook(path, read_only=True)
        sheet = workbook.active
        assert sheet is not None
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        workbook.close()
    figures = _figures(rows)
    assert figures["投诉量 Complaints"] == "12"
    assert figures["处理天数中位数 Median handling days"] == f"{report.median_days:.1f}"
    assert (
        figures["按期答复 Answered within deadline"] == f"{(report.on_time_share or 0) * 100:.1f}%"
    )
    header = next(i for i, r in enumerate(rows) if r and r[0] == "编号 No.")
    lines = [r for r in rows[header + 1 :] if r and r[0]]
    assert len(lines) == len(made)
    assert all(line[2].startswith("<") for line in lines)  # values through the given labels
    start = rows.index(["类别 Category", "数量 Count"]) + 1
    end = rows.index([], start) if [] in rows[start:] else len(rows)
    table = [r for r in rows[start:end] if r and r[0]]
    assert [(r[0], int(r[1])) for r in table] == [
        (f"<{c.key}>", c.count) for c in report.by_category
    ]
    # Products read in either language: code, Chinese and English names.
    start = rows.index(["产品 Product", "数量 Count"]) + 1
    products = {r[0] for r in rows[start : rows.index([], start)] if r and r[0]}
    assert products <= {"F001 稳健债券基金 / Fund F001", "F002 成长混合基金 / Fund F002", "<>"}
    assert "F001 稳健债券基金 / Fund F001" in products
    assert {line[4] for line in lines} <= {"", *products}
    event = services.audit.list_events(admin, limit=1)[0]
    assert event.action == "complaints.report_exported"
    assert event.changes["rows"][1] == 12
