"""Startup time: from the command to an interactive sign-in window, beside the import floor.

    .venv/bin/python bench/startup.py [--runs 5] [--platform offscreen|xcb]

Each run starts a fresh interpreter with CRM_DESK_STARTUP_PROBE=1, which makes the app print
when its first window is shown and the event loop is idle, then quit. The floor is the same
interpreter doing nothing but `import PySide6.QtWidgets, sqlalchemy`. A database with one
administrator is prepared first, so the runs measure the everyday path (sign-in window, schema
already current). Runs 1..N follow one unmeasured warm-up ("cold-ish": OS file cache warm,
no Python bytecode or Qt state shared between runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def timed(cmd: list[str], env: dict[str, str], marker: str | None) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    if marker is None:
        proc.wait()
        elapsed = time.perf_counter() - start
    else:
        elapsed = float("nan")
        for line in proc.stdout:
            if line.startswith(marker):
                elapsed = time.perf_counter() - start
                break
        proc.wait(timeout=60)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="crm-desk-bench-")
    env = {**os.environ, "CRM_DESK_HOME": home, "QT_QPA_PLATFORM": args.platform,
           "CRM_DESK_STARTUP_PROBE": "1", "PYTHONDONTWRITEBYTECODE": "0"}
    env.pop("CRM_DESK_DATABASE_URL", None)
    subprocess.run([PY, "main.py", "create-user", "--username", "admin", "--full-name", "Admin",
                    "--role", "administrator", "--branch-code", "SH-001", "--branch-name", "Bench",
                    "--password-stdin"], cwd=ROOT, env=env, input="bench passphrase 2026\n",
                   text=True, check=True, capture_output=True)

    floor_cmd = [PY, "-c", "import PySide6.QtWidgets, sqlalchemy"]
    app_cmd = [PY, "main.py"]
    timed(floor_cmd, env, None)
    timed(app_cmd, env, "CRM_DESK_READY")  # warm-up, not counted
    floors, apps = [], []
    for _ in range(args.runs):
        floors.append(timed(floor_cmd, env, None))
        apps.append(timed(app_cmd, env, "CRM_DESK_READY"))
    floor, app = statistics.median(floors), statistics.median(apps)
    print(f"platform: {args.platform}, runs: {args.runs}, python {sys.version.split()[0]}")
    print(f"floor  (import PySide6.QtWidgets, sqlalchemy): median {floor * 1000:7.0f} ms  "
          f"runs {', '.join(f'{t * 1000:.0f}' for t in floors)}")
    print(f"app    (command -> sign-in window ready):      median {app * 1000:7.0f} ms  "
          f"runs {', '.join(f'{t * 1000:.0f}' for t in apps)}")
    print(f"ratio  app / floor: {app / floor:.2f}x   (targets: < 1500 ms and < 2.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
