"""The real client list widget on a generated database: first paint, scrolling, memory.

    CRM_DESK_HOME=<bench home> QT_QPA_PLATFORM=offscreen \
        .venv/bin/python bench/_client_app_probe.py DATABASE_URL USERNAME

Opens the database as the app does (open_backend: schema check, data key), takes the user's
account (no password check: argon2's 64 MiB would only add its own peak), builds the areas'
services (as signing in does), warms Qt up with a
small table (fonts, style: what the main window has done before the list opens), shows
ClientListPage with the app's threaded TaskRunner, waits for the first paint of the table's
viewport that shows rows, scrolls to the middle and to the end (waiting until the visible rows are
loaded and painted), and prints one JSON line: the times, ru_maxrss, VmHWM and VmRSS. Start it
through a shell that does not exec it (bench/clients.py does): Linux gives a forked child the
ru_maxrss of its parent. The widgets are deleted before exit: left to the interpreter's
finalisation, 1 run in 9 ended with "shared QObject was deleted directly" and a crash.
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import gc  # noqa: E402 - after the clock starts
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402
from sqlalchemy import select  # noqa: E402

from crm_desk.backend import open_backend  # noqa: E402
from crm_desk.db.models import User  # noqa: E402
from crm_desk.services.auth import actor_for  # noqa: E402
from crm_desk.ui.pages.clients import ClientListPage  # noqa: E402
from crm_desk.ui.tasks import TaskRunner  # noqa: E402

PLACEHOLDER = "…"


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


class PaintWatch(QObject):
    """Notes when a paint of the viewport that shows rows has finished."""

    def __init__(self, page: ClientListPage) -> None:
        super().__init__()
        self.page = page
        self.paints = 0
        self.rows_painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self.rows_painted_at is None and self.page.model.rowCount() > 0:
                # The paint runs right after this filter; a zero timer fires once it is done.
                QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self.rows_painted_at is None and self.page.model.cached_pages() > 0:
            self.rows_painted_at = time.perf_counter()


def spin_until(app: QApplication, done: object, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():  # type: ignore[operator]
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.perf_counter() > deadline:
            raise SystemExit("timed out waiting for the client list")
        time.sleep(0.0005)


def visible_loaded(page: ClientListPage, y: int) -> bool:
    index = page.table.indexAt(QPoint(5, y))
    return index.isValid() and index.data() not in (None, PLACEHOLDER)


def warm_up(app: QApplication) -> float:
    """What the main window has done before the list opens: Qt's fonts, style and first paint."""
    started = time.perf_counter()
    model = QStandardItemModel(30, 8)
    for row in range(30):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"张伟 {row} 110***********123X"))
    table = QTableView()
    table.setModel(model)
    table.resize(1280, 800)
    table.show()
    deadline = time.perf_counter() + 0.3
    while time.perf_counter() < deadline:
        app.processEvents()
    table.close()
    table.deleteLater()
    app.processEvents()
    return time.perf_counter() - started


def main() -> int:
    url, username = sys.argv[1], sys.argv[2]
    backend = open_backend(url)
    services = backend.services
    services.clients  # noqa: B018 - the areas' services, built after sign-in in the app
    with services.keys.uow_factory() as uow:
        user = uow.session.execute(select(User).where(User.username == username)).scalar_one()
        actor = actor_for(user)
    app = QApplication([])
    rss_before, hwm_before = rss_mb(), rss_mb("VmHWM")
    runner = TaskRunner()
    warm = warm_up(app)

    started = time.perf_counter()
    page = ClientListPage(services, actor, runner)
    counted: list[float] = []
    page.model.modelReset.connect(lambda: counted.append(time.perf_counter() - started))
    watch = PaintWatch(page)
    page.table.viewport().installEventFilter(watch)
    page.resize(1280, 800)
    page.show()
    spin_until(app, lambda: watch.rows_painted_at is not None)
    assert watch.rows_painted_at is not None
    hwm_first = rss_mb("VmHWM")
    first_rows = watch.rows_painted_at - started
    count = page.model.rowCount()

    bar = page.table.verticalScrollBar()
    viewport_height = page.table.viewport().height()
    t0 = time.perf_counter()
    bar.setValue(bar.maximum() // 2)
    spin_until(app, lambda: visible_loaded(page, 5) and visible_loaded(page, viewport_height - 5))
    app.processEvents()
    middle = time.perf_counter() - t0
    hwm_middle = rss_mb("VmHWM")
    middle_row = page.table.rowAt(5)

    t0 = time.perf_counter()
    page.table.scrollToBottom()
    spin_until(app, lambda: visible_loaded(page, viewport_height - 5))
    app.processEvents()
    end = time.perf_counter() - t0
    last_row = page.table.rowAt(viewport_height - 5)

    runner.wait()
    app.processEvents()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    result = {
        "rows": count,
        "first_rows_paint_s": first_rows,
        "count_arrived_s": counted[0] if counted else None,
        "qt_warm_up_s": warm,
        "process_to_rows_paint_s": watch.rows_painted_at - PROCESS_START,
        "middle_s": middle,
        "middle_row": middle_row,
        "end_s": end,
        "last_row": last_row,
        "paints": watch.paints,
        "page_loads": page.model.page_loads,
        "cached_pages": page.model.cached_pages(),
        "maxrss_mb": maxrss,
        "rss_now_mb": rss_mb(),
        "hwm_mb": rss_mb("VmHWM"),
        "rss_before_page_mb": rss_before,
        "hwm_before_page_mb": hwm_before,
        "hwm_first_paint_mb": hwm_first,
        "hwm_middle_mb": hwm_middle,
    }
    print(json.dumps(result), flush=True)
    page.close()
    page.deleteLater()
    app.processEvents()
    gc.collect()
    runner.wait()
    backend.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
