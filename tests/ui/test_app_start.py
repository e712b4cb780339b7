"""The real command, in a fresh process: what a newcomer sees first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRM_DESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "CRM_DESK_STARTUP_PROBE": "1",
    }
    env.pop("CRM_DESK_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ready_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr[-3000:]
    return next(line for line in result.stdout.splitlines() if line.startswith("CRM_DESK_READY"))


def test_a_fresh_start_creates_the_database_and_shows_the_first_run_dialog(tmp_path: Path):
    result = start(tmp_path / "home")
    assert ready_line(result).endswith(" FirstRunDialog")
    assert (tmp_path / "home" / "data" / "crm-desk.sqlite3").exists()
    assert (tmp_path / "home" / "logs" / "crm-desk.log").exists()


def test_demo_opens_a_filled_main_window_and_prints_the_passwords(tmp_path: Path):
    result = start(tmp_path / "home", "--demo")
    assert ready_line(result).endswith(" MainWindow")
    lines = result.stdout.splitlines()
    roles = {
        line.split()[1]
        for line in lines
        if line.startswith(("admin ", "li.na", "wang.fang", "zhao.lei"))
    }
    assert roles == {"administrator", "adviser", "supervisor", "compliance"}
    assert not (tmp_path / "home").exists()  # the demo leaves the real home alone


def test_help_lists_the_commands(tmp_path: Path):
    env = {**os.environ, "CRM_DESK_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "main.py", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    for word in ("--database", "--demo", "create-user", "verify-audit", "backup", "restore"):
        assert word in out
