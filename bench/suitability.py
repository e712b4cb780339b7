"""Suitability verdicts at scale: one client against a shelf of 1,000 products, and 100,000
clients against one product (the re-rating review), beside the naive way, on SQLite and PostgreSQL.

    .venv/bin/python bench/suitability.py [--clients 100000] [--products 1000] [--runs 5]
        [--naive-runs 3] [--shelf-clients 20] [--pg postgresql+psycopg://...] [--sqlite-only |
        --pg-only] [--keep] [--seed 2026]

For each database (a SQLite file in a temporary folder; with --pg a fresh database
crm_bench_suit_<pid> on that server, dropped at the end):

1. Generation through the app's models, in bulk: an administrator from first-run set-up creates a
   branch and 20 advisers with the services; clients with ``insert(Client)`` in batches of 10,000,
   their columns computed by ``plain_columns`` / ``encrypted_columns`` from valid generated
   profiles (bench/_client_data.py); for each client one confirmed assessment (C1 15 %, C2 20 %,
   C3 30 %, C4 25 %, C5 10 %; 3 % in the lowest category; confirmed 0-30 months ago, so about
   a fifth have expired) and for 20 % an older one it superseded, with ``insert(Assessment)``;
   1,000 products on sale across every type and R1-R5 with ``insert(Product)``. Then ANALYZE.
2. The shelf (target < 50 ms): for --shelf-clients clients, --runs times each, the real path in
   one unit of work: the client's snapshot (``client_snapshot``), every product on sale
   (``shelf_terms``, the terms the engine reads) and ``evaluate`` at each product's minimum
   amount. Also through ``SaleService.shelf`` (permission, visibility, the same work) when the
   sales service is there. Naive: the client and their assessments as ORM objects, each product
   with ``session.get(Product, id)`` and ``terms_of``.
3. The re-rating review (target < 10 s): every client holding one product (all N) at a holding
   amount, through ``evaluate_holders`` (``client_snapshots``: one set-based query per 900 ids,
   the latest assessment by a window function, then ``evaluate``), --runs times; also with the
   ids as a subquery. Naive, in the same run: ``session.get(Client, id)``, a query for that
   client's latest confirmed assessment, ``evaluate`` — one client after the other. The naive
   verdicts must equal ours (a check of the bulk loader, not only its speed).

Times are medians (p50) over the runs, p95 where there are enough of them; ratio = naive p50 /
ours p50.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the app's package

from _client_data import ClientGenerator
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.engine import make_url

from crm_desk.config import DEFAULT_POLICY
from crm_desk.db.engine import make_engine, sqlite_url
from crm_desk.db.migrate import upgrade
from crm_desk.db.models import Assessment, Client, Product
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory, uow_factory
from crm_desk.domain.assessment import add_months
from crm_desk.domain.policy import Policy, load_policy
from crm_desk.domain.products import ProductRisk, ProductType, Redemption
from crm_desk.domain.roles import Role
from crm_desk.domain.suitability import Evaluation, Verdict, evaluate
from crm_desk.services.actor import Actor
from crm_desk.services.clients import encrypted_columns, plain_columns
from crm_desk.services.container import Services
from crm_desk.services.passwords import fast_hasher_for_tests
from crm_desk.services.snapshots import (
    client_snapshot,
    client_snapshots,
    evaluate_holders,
    shelf_terms,
    terms_of,
)

BATCH = 10_000
ADVISERS = 20
PASSWORD = "bench passphrase 2026"
TEMPORARY = "temporary passphrase 1"
SHELF_TARGET_MS = 50.0
REVIEW_TARGET_S = 10.0
LEVELS = (("C1", 15), ("C2", 20), ("C3", 30), ("C4", 25), ("C5", 10))
SCORES = {"C1": (10, 20), "C2": (21, 30), "C3": (31, 50), "C4": (51, 80), "C5": (81, 100)}
RISK_FACTORS = (
    ("市场风险：市场价格波动可能导致本金损失。", "Market risk: prices may fall below cost."),
    ("流动性风险：产品存续期内可能无法赎回。", "Liquidity risk: no redemption before maturity."),
    ("信用风险：发行人或交易对手可能违约。", "Credit risk: the issuer may default."),
    ("政策风险：法律法规变化可能影响收益。", "Policy risk: changes in law may affect returns."),
)


# -- results -----------------------------------------------------------------------------------
@dataclass
class Row:
    kind: str
    times: list[float]  # seconds
    naive: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # this process's CPU time per run
    unit: str = "ms"  # how to show it: ms or s
    target: float | None = None  # in the unit
    note: str = ""

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        data = sorted(self.times)
        if len(data) < 20:
            return data[-1]
        return statistics.quantiles(data, n=100, method="inclusive")[94]

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.naive) / self.p50 if self.naive else None


@dataclass
class Report:
    label: str
    rows: list[Row] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


# -- set-up --------------------------------------------------------------------------------------
@dataclass
class World:
    advisers: list[int]
    adviser: Actor | None  # signed in, owns the shelf clients
    today: date
    shelf_clients: list[int]
    review_product_id: int
    holdings: list[tuple[int, Decimal]]


def create_people(services: Services) -> tuple[list[int], str]:
    users = services.users
    admin = services.auth.first_run(
        branch_code="SH-001", branch_name="上海陆家嘴支行", username="admin",
        full_name="系统管理员", password=PASSWORD,
    )  # fmt: skip
    names = ClientGenerator(7)
    advisers = []
    for a in range(ADVISERS):
        dto = users.create_user(
            admin, username=f"adviser{a + 1:03d}", full_name=names.chinese_name(),
            role=Role.ADVISER, branch_id=admin.branch_id, temporary_password=TEMPORARY,
        )  # fmt: skip
        advisers.append(dto.id)
    return advisers, "adviser001"


def sign_in(services: Services, username: str) -> Actor:
    actor = services.auth.sign_in(username, TEMPORARY)
    return services.auth.change_password(actor, TEMPORARY, PASSWORD)


def weighted_level(rng: random.Random) -> str:
    return rng.choices([lvl for lvl, _ in LEVELS], weights=[w for _, w in LEVELS])[0]


def generate_clients(
    engine: Engine, services: Services, advisers: list[int], n: int, seed: int, today: date,
    report: Report,
) -> None:  # fmt: skip
    with services.keys.uow_factory() as uow:  # registers the key check, as the first write does
        cipher = services.keys.for_writing(uow)
        uow.commit()
    gen = ClientGenerator(seed)
    rng = random.Random(seed + 1)
    now = datetime.now(UTC)
    with engine.connect() as conn:  # every adviser works in the first branch
        branch_id = conn.execute(
            text("SELECT branch_id FROM users WHERE id = :id"), {"id": advisers[0]}
        ).scalar_one()
    assessment_id = 0
    counts = {"assessments": 0, "expired": 0, "lowest": 0, "two": 0}
    started = time.perf_counter()
    for start in range(0, n, BATCH):
        clients: list[dict[str, Any]] = []
        assessments: list[dict[str, Any]] = []
        for i in range(start, min(n, start + BATCH)):
            profile = gen.client(i).profile
            client_id = i + 1
            adviser_id = advisers[0] if i < 1000 else advisers[rng.randrange(len(advisers))]
            professional = rng.random() < 0.02
            # The latest assessment: 0-30 months old; a fifth are past their 24 months.
            latest_day = today - timedelta(days=rng.randrange(0, 913))
            history = (
                [latest_day - timedelta(days=rng.randrange(200, 700))]
                if (rng.random() < 0.2)
                else []
            )
            previous: int | None = None
            level = "C3"
            valid = today
            for day in [*history, latest_day]:
                assessment_id += 1
                level = weighted_level(rng)
                lowest = level == "C1" and rng.random() < 0.2
                low, high = SCORES[level]
                confirmed = datetime(day.year, day.month, day.day, 2, 30, tzinfo=UTC)
                valid = add_months(day, 24)
                assessments.append({
                    "id": assessment_id, "version": 1, "client_id": client_id,
                    "questionnaire_id": "individual", "questionnaire_version": "1",
                    "status": "confirmed", "answers": "{}", "resolutions": "{}",
                    "score": rng.randint(low, high), "level": level, "lowest_category": lowest,
                    "outcome": "{}", "client_confirmed": True, "adviser_id": adviser_id,
                    "started_at": confirmed - timedelta(minutes=20), "confirmed_at": confirmed,
                    "valid_until": valid, "supersedes_id": previous,
                })  # fmt: skip
                previous = assessment_id
                counts["assessments"] += 1
                counts["lowest"] += lowest
            counts["expired"] += valid < today
            counts["two"] += bool(history)
            clients.append({
                "id": client_id,
                **plain_columns(profile),
                **encrypted_columns(cipher, profile),
                "investor_type": "professional" if professional else "ordinary",
                "professional_evidence": "资产证明、近三年投资经历" if professional else None,
                "flagged_vulnerable": False,
                "risk_level": level,
                "assessment_valid_until": valid,
                "adviser_id": adviser_id, "branch_id": branch_id,
                "created_at": now, "created_by": adviser_id,
                "updated_at": now, "updated_by": adviser_id,
            })  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(Client), clients)
            conn.execute(insert(Assessment), assessments)
        done = min(n, start + BATCH)
        if done % 50_000 == 0 or done == n:
            print(f"  {report.label}: {done:,} clients, {time.perf_counter() - started:.0f} s",
                  flush=True)  # fmt: skip
    elapsed = time.perf_counter() - started
    report.facts.append(
        f"generated {n:,} clients with {counts['assessments']:,} confirmed assessments in "
        f"{elapsed:.1f} s: {counts['expired']:,} clients' latest assessment expired, "
        f"{counts['two']:,} assessed twice, {counts['lowest']:,} lowest-category assessments"
    )


def generate_products(engine: Engine, count: int, seed: int) -> int:
    """Products on sale; returns the id of the one the review re-rates (an R4 public fund)."""
    rng = random.Random(seed + 3)
    now = datetime.now(UTC)
    rows = []
    for p in range(count):
        kind = rng.choice(list(ProductType))
        risk = ProductRisk(f"R{rng.randint(1, 5)}")
        factors = rng.sample(RISK_FACTORS, rng.randint(1, 4))
        rows.append({
            "id": p + 1, "version": 1, "code": f"P{p + 1:05d}",
            "name_zh": f"产品{p + 1:05d}号", "name_en": f"Product No. {p + 1:05d}",
            "product_type": kind.value, "issuer": "某资产管理有限公司",
            "risk_level": risk.value if p else "R4",
            "is_complex": rng.random() < 0.2 if p else False,
            "horizon_months": rng.choice((0, 3, 6, 12, 24, 36, 60, 120)) if p else 36,
            "redemption": rng.choice(list(Redemption)).value,
            "redemption_terms": "详见产品说明书",
            "min_amount": Decimal(rng.choice((1, 1000, 10_000, 50_000, 1_000_000))),
            "currency": "USD" if rng.random() < 0.05 else "CNY",
            "cooling_off_hours": 24 if kind is ProductType.PRIVATE_FUND else 0,
            "risk_factors_zh": json.dumps([zh for zh, _ in factors], ensure_ascii=False),
            "risk_factors_en": json.dumps([en for _, en in factors]),
            "status": "on_sale", "created_at": now, "updated_at": now,
        })  # fmt: skip
    rows[0]["product_type"] = ProductType.PUBLIC_FUND.value
    rows[0]["min_amount"] = Decimal(1000)
    with engine.begin() as conn:
        conn.execute(insert(Product), rows)
    return 1


def fix_sequences(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("clients", "assessments", "products"):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            ))  # fmt: skip


def analyze(engine: Engine, report: Report) -> None:
    started = time.perf_counter()
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
    report.facts.append(f"ANALYZE: {time.perf_counter() - started:.1f} s")


# -- the ways measured ---------------------------------------------------------------------------
def shelf(uow: UnitOfWork, client_id: int, today: date, policy: Policy) -> list[Evaluation]:
    """The real path: snapshot, the terms of every product on sale, a verdict for each."""
    client = uow.session.get(Client, client_id)
    assert client is not None
    snapshot = client_snapshot(uow, client, today)
    return [evaluate(snapshot, terms, terms.min_amount, policy) for _, terms in shelf_terms(uow)]


def naive_shelf(
    uow: UnitOfWork, client_id: int, product_ids: list[int], today: date, policy: Policy
) -> list[Evaluation]:
    """Every object on its own: the client, their assessments, each product by id."""
    client = uow.session.get(Client, client_id)
    assert client is not None
    snapshot = client_snapshot(uow, client, today)
    results = []
    for product_id in product_ids:
        product = uow.session.get(Product, product_id)
        assert product is not None
        terms = terms_of(product)
        results.append(evaluate(snapshot, terms, terms.min_amount, policy))
    return results


def naive_review(
    uow: UnitOfWork, holdings: list[tuple[int, Decimal]], terms: Any, today: date,
    policy: Policy,
) -> list[tuple[int, Evaluation]]:  # fmt: skip
    """One client after the other: the ORM object, a query for its latest assessment."""
    results = []
    for client_id, amount in holdings:
        client = uow.session.get(Client, client_id)
        assert client is not None
        snapshot = client_snapshot(uow, client, today)  # session.get + assessment_facts()
        results.append((client_id, evaluate(snapshot, terms, amount, policy)))
    return results


LAST_CPU = [0.0]  # the process CPU time of the last timed() call


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time; the CPU time this process spent is kept in LAST_CPU (on a machine shared
    with other work the wall time waits for a core, the CPU time does not)."""
    cpu = time.process_time()
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    LAST_CPU[0] = time.process_time() - cpu
    return elapsed, result


class Bench:
    def __init__(
        self, uow: UnitOfWorkFactory, services: Services, world: World, policy: Policy,
        args: argparse.Namespace, report: Report,
    ) -> None:  # fmt: skip
        self.uow = uow
        self.services = services
        self.world = world
        self.policy = policy
        self.args = args
        self.report = report

    def shelf_rows(self) -> list[Row]:
        w, policy, runs = self.world, self.policy, self.args.runs
        with self.uow() as u:
            product_ids = [pid for pid, _ in shelf_terms(u)]
        ours = Row(f"shelf: 1 client x {len(product_ids):,} products", [],
                   target=SHELF_TARGET_MS)  # fmt: skip
        naive_times: list[float] = []
        verdicts: dict[str, int] = {}
        for client_id in w.shelf_clients:
            for run in range(runs + 1):
                with self.uow() as u:
                    elapsed, results = timed(lambda u=u, c=client_id: shelf(u, c, w.today, policy))
                if run:  # the first is a warm-up
                    ours.times.append(elapsed)
                    ours.cpu.append(LAST_CPU[0])
            with self.uow() as u:
                elapsed, naive = timed(
                    lambda u=u, c=client_id: naive_shelf(u, c, product_ids, w.today, policy)
                )
            naive_times.append(elapsed)
            if naive != results:
                self.report.failures.append(f"shelf of client {client_id}: naive differs")
            for e in results:
                verdicts[e.verdict.value] = verdicts.get(e.verdict.value, 0) + 1
        ours.naive = naive_times
        ours.note = (
            f"{len(w.shelf_clients)} clients x {runs} runs; naive: session.get(Product, id) per "
            f"product; verdicts " + ", ".join(f"{k} {v:,}" for k, v in sorted(verdicts.items()))
        )
        rows = [ours]
        sales = getattr(self.services, "sales", None)
        if sales is not None and w.adviser is not None and hasattr(sales, "shelf"):
            service = Row("shelf: SaleService.shelf (the client page's call)", [],
                          target=SHELF_TARGET_MS)  # fmt: skip
            try:
                for client_id in w.shelf_clients:
                    for run in range(runs + 1):
                        elapsed, items = timed(
                            lambda c=client_id: sales.shelf(w.adviser, c)  # type: ignore[union-attr]
                        )
                        if run:
                            service.times.append(elapsed)
                            service.cpu.append(LAST_CPU[0])
                service.note = f"{len(items):,} items; permission, visibility and a unit of work"
                rows.append(service)
            except Exception as exc:  # noqa: BLE001 - another helper's service, still in progress
                self.report.facts.append(f"SaleService.shelf not measured: {exc!r}")
        return rows

    def review_rows(self) -> list[Row]:
        w, policy, runs = self.world, self.policy, self.args.runs
        n = len(w.holdings)
        with self.uow() as u:
            product = u.session.get(Product, w.review_product_id)
            assert product is not None
            terms = terms_of(product)
        ours = Row(f"review: {n:,} clients x 1 product (evaluate_holders)", [], unit="s",
                   target=REVIEW_TARGET_S)  # fmt: skip
        loading = Row(f"  of which client_snapshots() for {n:,} clients", [], unit="s")
        subquery = Row("review, ids as a subquery (client_snapshots(select(...)))", [], unit="s")
        results: list[tuple[int, Evaluation]] = []
        amounts = dict(w.holdings)

        def by_subquery(u: UnitOfWork) -> list[tuple[int, Evaluation]]:
            found = client_snapshots(u, select(Client.id), w.today)
            return [(c, evaluate(s, terms, amounts[c], policy)) for c, s in found.items()]

        for run in range(runs):
            with self.uow() as u:
                elapsed, results = timed(
                    lambda u=u: evaluate_holders(u, terms, w.holdings, w.today, policy)
                )
            ours.times.append(elapsed)
            ours.cpu.append(LAST_CPU[0])
            with self.uow() as u:
                elapsed, _ = timed(
                    lambda u=u: client_snapshots(u, [c for c, _ in w.holdings], w.today)
                )
            loading.times.append(elapsed)
            loading.cpu.append(LAST_CPU[0])
            with self.uow() as u:
                elapsed, via_subquery = timed(lambda u=u: by_subquery(u))
            subquery.times.append(elapsed)
            subquery.cpu.append(LAST_CPU[0])
            if run == 0 and sorted(via_subquery, key=lambda r: r[0]) != sorted(
                results, key=lambda r: r[0]
            ):
                self.report.failures.append("review: the subquery way differs")
            print(f"  {self.report.label}: review run {run + 1}: {ours.times[-1]:.2f} s",
                  flush=True)  # fmt: skip
        for run in range(self.args.naive_runs):
            with self.uow() as u:
                elapsed, naive = timed(
                    lambda u=u: naive_review(u, w.holdings, terms, w.today, policy)
                )
            ours.naive.append(elapsed)
            print(f"  {self.report.label}: naive review run {run + 1}: {elapsed:.2f} s",
                  flush=True)  # fmt: skip
            if run == 0 and naive != results:
                self.report.failures.append("review: the naive verdicts differ from ours")
        counts: dict[str, int] = {}
        for _, e in results:
            counts[e.verdict.value] = counts.get(e.verdict.value, 0) + 1
        review = sum(e.needs_review for _, e in results)
        ours.note = (
            f"{runs} runs; naive {self.args.naive_runs} runs (session.get(Client, id) + an "
            f"assessment query per client); verdicts "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items()))
            + f"; elderly review {review:,}"
        )
        if counts.get(Verdict.SUITABLE.value, 0) in (0, n):
            self.report.failures.append("review: every verdict the same: the data is too uniform")
        return [ours, loading, subquery]

    def run(self) -> None:
        load = os.getloadavg()[0]
        started = time.perf_counter()
        for rows in (self.shelf_rows(), self.review_rows()):
            for row in rows:
                self.report.rows.append(row)
                scale = 1000 if row.unit == "ms" else 1
                print(f"  {self.report.label}: {row.kind}: p50 {row.p50 * scale:.2f} {row.unit}",
                      flush=True)  # fmt: skip
        self.report.facts.append(
            f"measured in {time.perf_counter() - started:.0f} s; load average {load:.1f} "
            f"before, {os.getloadavg()[0]:.1f} after (2 cores shared with other work)"
        )


# -- one database --------------------------------------------------------------------------------
def run_database(label: str, url: str, home: Path, args: argparse.Namespace) -> Report:
    report = Report(label)
    engine = make_engine(url)
    policy = load_policy(DEFAULT_POLICY)
    try:
        upgrade(engine)
        uow = uow_factory(engine)
        services = Services.build(uow, policy, fast_hasher_for_tests(), key_dir=home / "config")
        services.keys.open()
        advisers, first = create_people(services)
        with uow() as u:
            today = u.clock().astimezone().date()
        generate_clients(engine, services, advisers, args.clients, args.seed, today, report)
        product_id = generate_products(engine, args.products, args.seed)
        fix_sequences(engine)
        analyze(engine, report)
        engine.dispose()
        rng = random.Random(args.seed + 5)
        amounts = (1000, 5000, 20_000, 50_000, 100_000, 300_000, 1_000_000)
        holdings = [
            (client_id, Decimal(rng.choice(amounts))) for client_id in range(1, args.clients + 1)
        ]
        world = World(
            advisers=advisers,
            adviser=sign_in(services, first),
            today=today,
            shelf_clients=rng.sample(range(1, min(1000, args.clients) + 1), args.shelf_clients),
            review_product_id=product_id,
            holdings=holdings,
        )
        Bench(uow, services, world, policy, args, report).run()
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                version = conn.exec_driver_sql("SELECT sqlite_version()").scalar_one()
                report.label = f"SQLite {version}"
                size = Path(make_url(url).database or "").stat().st_size
            else:
                version = conn.exec_driver_sql("SHOW server_version").scalar_one()
                report.label = f"PostgreSQL {version.split()[0]}"
                size = conn.exec_driver_sql(
                    "SELECT pg_database_size(current_database())"
                ).scalar_one()
        report.facts.append(f"database size {size / 2**20:,.0f} MB")
    finally:
        engine.dispose()
    return report


def render(report: Report, args: argparse.Namespace) -> tuple[str, bool]:
    out = [f"== {report.label}: {args.clients:,} clients, {args.products:,} products =="]
    out += [f"   {fact}" for fact in report.facts]
    head = (
        f"{'kind':<60} {'p50':>9} {'p95':>9} {'cpu p50':>9} {'naive p50':>10} {'ratio':>7}  target"
    )
    out += [head, "-" * (len(head) + 16)]
    failed = list(report.failures)
    for row in report.rows:
        scale = 1000 if row.unit == "ms" else 1
        naive = f"{statistics.median(row.naive) * scale:10.2f}" if row.naive else f"{'':10}"
        ratio = f"{row.ratio:6.0f}x" if row.ratio is not None else f"{'':7}"
        verdict = ""
        if row.target is not None:
            ok = row.p50 * scale < row.target
            verdict = f"p50 < {row.target:g} {row.unit} {'PASS' if ok else 'FAIL'}"
            if not ok:
                failed.append(f"{row.kind}: {row.p50 * scale:.2f} {row.unit}")
        cpu = f"{statistics.median(row.cpu) * scale:9.2f}" if row.cpu else f"{'':9}"
        out.append(f"{row.kind:<60} {row.p50 * scale:9.2f} {row.p95 * scale:9.2f} {cpu} "
                   f"{naive} {ratio}  {verdict}")  # fmt: skip
        if row.note:
            out.append(f"{'':<4}({row.note})")
    out.append(
        "   (shelf rows in ms, review rows in s; p50/p95 wall time; cpu p50: this process's CPU"
        " time, without the database server's on PostgreSQL; ratio = naive p50 / ours p50)"
    )
    out.append("   targets: " + ("all PASS" if not failed else f"{len(failed)} FAIL"))
    out += [f"   FAIL {f}" for f in failed]
    return "\n".join(out), not failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--shelf-clients", type=int, default=20)
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="a PostgreSQL server (a role that may "
        "create databases); a fresh database is used and dropped",
    )
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--pg-only", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated databases")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.clients < 100 or args.products < 10:
        parser.error("at least 100 clients and 10 products")
    args.shelf_clients = min(args.shelf_clients, args.clients)
    started = time.perf_counter()
    ok = True
    if not args.pg_only:
        home = Path(tempfile.mkdtemp(prefix="crm-bench-suitability-"))
        try:
            report = run_database("SQLite", sqlite_url(home / "data" / "crm-desk.sqlite3"),
                                  home, args)  # fmt: skip
            text_, passed = render(report, args)
            print(text_, flush=True)
            ok &= passed
        finally:
            if args.keep:
                print(f"kept: {home}", flush=True)
            else:
                shutil.rmtree(home, ignore_errors=True)
    if args.pg and not args.sqlite_only:
        name = f"crm_bench_suit_{os.getpid()}"
        admin = make_engine(args.pg).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
        home = Path(tempfile.mkdtemp(prefix="crm-bench-suitability-pg-"))
        try:
            report = run_database("PostgreSQL", url, home, args)
            text_, passed = render(report, args)
            print(text_, flush=True)
            ok &= passed
        finally:
            if args.keep:
                print(f"kept: database {name}", flush=True)
            else:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                shutil.rmtree(home, ignore_errors=True)
            admin.dispose()
    print(f"total {time.perf_counter() - started:.0f} s", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
