"""The ongoing-suitability review at scale: a product held by 100,000 clients is re-rated, and the
whole re-rating — the product saved, every holding evaluated again on the current facts
(``evaluate_holders``), a review task inserted for each one that no longer fits, one summary
audit event — runs in the product service's one transaction. Timed end to end, as the
administrator would wait for it.

    .venv/bin/python bench/aftercare_review.py [--clients 100000] [--runs 3] [--pg URL]

Generation reuses bench/suitability.py (clients with assessments, a catalogue; product 1 is an
R4 public fund); then every client holds product 1 (one sale each, 1 % of them cancelled in
cooling-off). Each run re-rates product 1 R4 -> R5 (timed) and back R5 -> R4 (a lowering opens
no review; not timed). From the second run on, the new reviews also replace the open ones of
the run before (superseded), as a second re-rating would.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select, text
from suitability import (
    PASSWORD,
    Report,
    analyze,
    create_people,
    fix_sequences,
    generate_clients,
    generate_products,
)

from crm_desk.config import DEFAULT_POLICY
from crm_desk.db.engine import make_engine, sqlite_url
from crm_desk.db.migrate import upgrade
from crm_desk.db.models import Product
from crm_desk.db.models_aftercare import SuitabilityReview
from crm_desk.db.models_sales import Sale, SaleCancellation
from crm_desk.db.uow import uow_factory
from crm_desk.domain.policy import load_policy
from crm_desk.domain.products import ProductInput, ProductTerms
from crm_desk.services.container import Services
from crm_desk.services.passwords import fast_hasher_for_tests
from crm_desk.services.reviews import holdings_of
from crm_desk.services.snapshots import evaluate_holders, terms_of

BATCH = 10_000
TARGET_S = 10.0


def product_input(terms: ProductTerms, risk: str) -> ProductInput:
    return ProductInput(
        code=terms.code,
        name_zh=terms.name_zh,
        name_en=terms.name_en,
        product_type=terms.product_type.value,
        issuer=terms.issuer,
        risk_level=risk,
        horizon_months=str(terms.horizon_months),
        redemption=terms.redemption.value,
        min_amount=str(terms.min_amount),
        currency=terms.currency,
        cooling_off_hours=str(terms.cooling_off_hours),
        risk_factors_zh=terms.risk_factors_zh,
        risk_factors_en=terms.risk_factors_en,
        is_complex=terms.is_complex,
        redemption_terms=terms.redemption_terms,
    )


def generate_holdings(engine: Any, clients: int, seed: int) -> int:
    """One sale of product 1 per client (their own adviser); 1 % cancelled. Returns holdings."""
    rng = random.Random(seed + 11)
    now = datetime.now(UTC)
    amounts = (1000, 5000, 20_000, 50_000, 100_000, 300_000)
    with engine.connect() as conn:
        owners = dict(conn.execute(text("SELECT id, adviser_id FROM clients")).all())
        branch = conn.execute(text("SELECT branch_id FROM clients LIMIT 1")).scalar_one()
    cancelled = 0
    for start in range(1, clients + 1, BATCH):
        sales, cancellations = [], []
        for client_id in range(start, min(clients + 1, start + BATCH)):
            adviser = owners[client_id]
            sales.append({
                "id": client_id, "client_id": client_id, "product_id": 1,
                "adviser_id": adviser, "branch_id": branch,
                "amount": Decimal(rng.choice(amounts)), "currency": "CNY",
                "verdict": "suitable", "needs_review": False, "client_snapshot": "{}",
                "product_terms": "{}", "evaluation": "{}", "policy_version": "bench",
                "assessment_id": None, "client_level": None, "product_level": "R4",
                "exception_request_id": None, "approved_by": None, "recorded_at": now,
                "recorded_by": adviser, "cooling_off_ends_at": None,
            })  # fmt: skip
            if rng.random() < 0.01:
                cancellations.append({
                    "sale_id": client_id, "reason": "冷静期内撤销", "cancelled_at": now,
                    "cancelled_by": adviser,
                })  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(Sale), sales)
            if cancellations:
                conn.execute(insert(SaleCancellation), cancellations)
        cancelled += len(cancellations)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('sales', 'id'), "
                    "(SELECT max(id) FROM sales))"
                )
            )
    return clients - cancelled


def run(label: str, url: str, home: Path, args: argparse.Namespace) -> list[str]:
    report = Report(label)
    engine = make_engine(url)
    policy = load_policy(DEFAULT_POLICY)
    lines: list[str] = []
    try:
        upgrade(engine)
        uow = uow_factory(engine)
        services = Services.build(uow, policy, fast_hasher_for_tests(), key_dir=home / "keys")
        services.keys.open()
        advisers, _first = create_people(services)
        with uow() as u:
            today = u.clock().astimezone().date()
        generate_clients(engine, services, advisers, args.clients, args.seed, today, report)
        generate_products(engine, 1, args.seed)
        fix_sequences(engine)
        held = generate_holdings(engine, args.clients, args.seed)
        analyze(engine, report)
        admin = services.auth.sign_in("admin", PASSWORD)
        times: list[float] = []
        engine_times: list[float] = []
        for number in range(1, args.runs + 1):
            product = services.products.get_product(admin, 1)
            started = time.perf_counter()
            services.products.update_product(
                admin, 1, product.version, product_input(product.terms, "R5")
            )
            times.append(time.perf_counter() - started)
            with uow() as u:
                opened = u.session.execute(
                    select(func.count(SuitabilityReview.id)).where(
                        SuitabilityReview.status == "open"
                    )
                ).scalar_one()
            # The engine's share: the same holders evaluated alone, as the review does it.
            with uow() as u:
                terms = terms_of(u.session.get(Product, 1))
                pairs = [(h.client_id, h.amount) for h in holdings_of(u, Sale.product_id == 1)]
                started = time.perf_counter()
                evaluate_holders(u, terms, pairs, today, policy)
                engine_times.append(time.perf_counter() - started)
            lines.append(
                f"{label} run {number}: re-rating R4 -> R5 with {held:,} holdings: "
                f"{times[-1]:.2f} s, {opened:,} open reviews "
                f"(evaluate_holders alone: {engine_times[-1]:.2f} s)"
            )
            print(lines[-1], flush=True)
            product = services.products.get_product(admin, 1)
            services.products.update_product(
                admin, 1, product.version, replace(product_input(product.terms, "R4"))
            )
        p50 = statistics.median(times)
        verdict = "OK" if p50 < TARGET_S else "OVER TARGET"
        lines.append(f"{label}: median {p50:.2f} s (target < {TARGET_S:.0f} s) {verdict}")
        lines.extend(f"{label}: {fact}" for fact in report.facts)
    finally:
        engine.dispose()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pg", help="a PostgreSQL URL (a role that may create databases)")
    args = parser.parse_args()
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="crm-bench-review-") as folder:
        home = Path(folder)
        lines += run("SQLite", sqlite_url(home / "bench.sqlite3"), home, args)
        if args.pg:
            from sqlalchemy.engine import make_url

            name = "crm_bench_review"
            admin = make_engine(args.pg).execution_options(isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
                lines += run("PostgreSQL", url, home / "pg", args)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
