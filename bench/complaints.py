"""Complaint lists and reports at a bank's volume: N complaints accepted over the last year in one
branch (90% answered, with their stage rows), then the operations the screens call, best of 3.

    .venv/bin/python bench/complaints.py [--complaints 20000]
        [--pg postgresql+psycopg://USER@HOST:PORT/DBNAME]

SQLite in a temporary folder; with --pg also a fresh database crm_bench_complaints_<pid> on that
server, dropped at the end. The rows are inserted with the app's models (the services would take
minutes for 20,000 complaints and measure nothing more); users go through the services.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from crm_desk.config import DEFAULT_POLICY  # noqa: E402
from crm_desk.db.engine import make_engine, sqlite_url  # noqa: E402
from crm_desk.db.migrate import upgrade  # noqa: E402
from crm_desk.db.models_complaints import Complaint, ComplaintStage  # noqa: E402
from crm_desk.db.uow import uow_factory  # noqa: E402
from crm_desk.domain.policy import load_policy  # noqa: E402
from crm_desk.domain.roles import Role  # noqa: E402
from crm_desk.services.actor import Actor  # noqa: E402
from crm_desk.services.container import Services  # noqa: E402
from crm_desk.services.passwords import fast_hasher_for_tests  # noqa: E402

CATEGORIES = ("fees", "wait_time", "service_attitude", "product_performance", "system_fault")


def best_of(call: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def measure(url: str, folder: Path, count: int) -> dict[str, float]:
    engine = make_engine(url)
    upgrade(engine)
    services = Services.build(
        uow_factory(engine),
        load_policy(DEFAULT_POLICY),
        fast_hasher_for_tests(),
        key_dir=folder / "keys",
    )
    services.keys.open()
    admin = services.auth.first_run(
        branch_code="SH-001",
        branch_name="Bench",
        username="admin",
        full_name="Admin",
        password="branch opening key 2026",
    )

    def user(name: str, role: Role) -> Actor:
        services.users.create_user(
            admin,
            username=name,
            full_name=name,
            role=role,
            branch_id=admin.branch_id or 0,
            temporary_password="temporary passphrase 1",
        )
        first = services.auth.sign_in(name, "temporary passphrase 1")
        return services.auth.change_password(first, "temporary passphrase 1", "bench passphrase 42")

    supervisor, adviser = user("sup", Role.SUPERVISOR), user("adv", Role.ADVISER)
    assert adviser.user_id is not None and admin.branch_id is not None
    rng = random.Random(2026)
    now = datetime.now(UTC)
    with services.complaints.uow_factory() as uow:
        made: list[tuple[Complaint, datetime, bool]] = []
        for n in range(count):
            accepted = now - timedelta(days=rng.uniform(0, 365))
            answered = rng.random() < 0.9
            made.append(
                (
                    Complaint(
                        complainant_name=f"Complainant {n}",
                        branch_id=admin.branch_id,
                        channel="phone",
                        category=rng.choice(CATEGORIES),
                        description="Bench complaint",
                        handler_id=adviser.user_id,
                        status="answered" if answered else "investigating",
                        accepted_at=accepted,
                        registered_by=adviser.user_id,
                        round_started_at=accepted,
                        due_date=accepted.date() + timedelta(days=15),
                        updated_at=accepted,
                    ),
                    accepted,
                    answered,
                )
            )
        uow.session.add_all([c for c, _, _ in made])
        uow.session.flush()
        stages: list[ComplaintStage] = []
        for c, accepted, answered in made:
            common = {
                "complaint_id": c.id,
                "round": 1,
                "actor_id": adviser.user_id,
                "handler_id": adviser.user_id,
                "due_date": c.due_date,
                "extension_level": 0,
            }
            stages.append(ComplaintStage(stage="accepted", occurred_at=accepted, **common))
            if answered:
                told = accepted + timedelta(days=rng.uniform(1, 20))
                stages.append(
                    ComplaintStage(
                        stage="resolved",
                        occurred_at=told,
                        decision="upheld",
                        root_cause="process",
                        **common,
                    )
                )
                stages.append(
                    ComplaintStage(
                        stage="answered",
                        occurred_at=told,
                        told_at=told,
                        answer_method="phone",
                        satisfaction=rng.randint(1, 5),
                        outcome_accepted=True,
                        on_time=told.date() <= c.due_date,
                        **common,
                    )
                )
        uow.session.add_all(stages)
        uow.commit()
    today = now.astimezone(services.policy.complaints.zone).date()
    year, month = today - timedelta(days=366), today - timedelta(days=30)
    reports = services.complaint_reports
    return {
        "report, one year (ms)": best_of(lambda: reports.report(supervisor, year, today)),
        "report, one month (ms)": best_of(lambda: reports.report(supervisor, month, today)),
        "open complaints list (ms)": best_of(
            lambda: services.complaints.complaints(supervisor, open_only=True)
        ),
        "list with the latest 500 answered (ms)": best_of(
            lambda: services.complaints.complaints(supervisor)
        ),
        "deadline counters (ms)": best_of(lambda: services.complaints.deadline_counts(supervisor)),
        "export XLSX, one year (ms)": best_of(
            lambda: reports.export_report(supervisor, year, today, folder / "report.xlsx"), 1
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=20000)
    parser.add_argument("--pg", help="a PostgreSQL server URL (a role that may create databases)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["CRM_DESK_HOME"] = str(folder / "home")
        results = {"SQLite": measure(sqlite_url(folder / "bench.sqlite3"), folder, args.complaints)}
        if args.pg:
            name = f"crm_bench_complaints_{os.getpid()}"
            admin = make_engine(args.pg).execution_options(isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
            try:
                pg_folder = folder / "pg"
                pg_folder.mkdir()
                results["PostgreSQL"] = measure(url, pg_folder, args.complaints)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print(f"{args.complaints} complaints")
    for database, figures in results.items():
        for label, value in figures.items():
            print(f"{database:10} {label:42} {value:8.0f}")


if __name__ == "__main__":
    main()
