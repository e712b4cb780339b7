"""Slow work off the UI thread: ``runner.run(func, on_done, on_error)`` on a QThreadPool.

The worker opens its own unit of work (services do); only DTOs come back, delivered on the UI
thread through a queued signal. Tests use SyncTaskRunner, which runs everything inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner:
    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        relay = _Relay()  # lives in the UI thread, so its slots run there
        self._relays.add(relay)

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            on_done(result)

        def fail(exc: BaseException) -> None:
            self._relays.discard(relay)
            on_error(exc)

        relay.finished.connect(finish)
        relay.failed.connect(fail)
        self._pool.start(_Job(func, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


class SyncTaskRunner(TaskRunner):
    """Runs the work inline: deterministic tests, no threads."""

    def __init__(self) -> None:
        super().__init__(QThreadPool())

    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = func()
        except BaseException as exc:  # noqa: BLE001
            on_error(exc)
        else:
            on_done(result)
