"""Composition root: arguments -> paths -> settings -> engine -> migrate -> services -> Qt."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

STARTED = time.perf_counter()
COMMANDS = (
    "create-db",
    "create-user",
    "verify-audit",
    "backup",
    "restore",
    "export-key",
    "import-key",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm-desk",
        description="CRM Desk: clients, suitability and disclosures for bank branches.",
        epilog="Administration commands: " + ", ".join(COMMANDS) + " (see 'COMMAND --help').",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL, e.g. postgresql://user@host/crm (default: the embedded "
        "SQLite file; also CRM_DESK_DATABASE_URL)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway database filled with realistic data"
    )
    parser.add_argument(
        "--demo-user",
        default="admin",
        metavar="NAME",
        help="with --demo, the demo user to sign in as (default: admin)",
    )
    parser.add_argument(
        "--language", choices=("system", "zh_CN", "en"), help="language of the window for this run"
    )
    return parser


def check_interpreter() -> None:
    """PySide6 6.12.0 on CPython 3.11 dies after a few thousand calls (none_dealloc)."""
    import PySide6

    if sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.0"):
        raise SystemExit(
            "CRM Desk cannot run PySide6 6.12.0 on Python 3.11 (it crashes). "
            "Use Python 3.12+ or PySide6 6.11.3: run 'make run', which sets this up."
        )


def configure_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "crm-desk.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        from crm_desk.commands import run_command

        return run_command(args_list)
    args = build_parser().parse_args(args_list)
    check_interpreter()
    demo_home = None
    if args.demo:
        import tempfile

        demo_home = tempfile.mkdtemp(prefix="crm-desk-demo-")
        os.environ["CRM_DESK_HOME"] = demo_home
        args.database = None
        os.environ.pop("CRM_DESK_DATABASE_URL", None)
    try:
        return run_gui(args)
    finally:
        if demo_home is not None:
            import shutil

            shutil.rmtree(demo_home, ignore_errors=True)


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from crm_desk.config import default_paths
    from crm_desk.domain.errors import KnownError

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("CRM Desk")
    app.setApplicationName("CRM Desk")
    app.setQuitOnLastWindowClosed(False)
    paths = default_paths()
    if os.environ.get("CRM_DESK_HOME"):
        # A private home (demo, tests, portable use) keeps the window settings there too.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir)
        )
    log_file = configure_logging(paths.log_dir)

    from crm_desk.ui.errors import error_text, install_excepthook
    from crm_desk.ui.i18n import chosen_language, install_language

    install_excepthook(str(log_file))
    install_language(args.language or chosen_language())

    from crm_desk.backend import open_backend

    try:
        backend = open_backend(args.database)
        demo_actor = None
        if args.demo:
            from crm_desk.demo import print_credentials, seed_demo

            credentials = seed_demo(backend.services)
            print_credentials(credentials)
            demo_actor = backend.services.auth.sign_in(
                args.demo_user, credentials[args.demo_user][1]
            )
    except KnownError as exc:
        logging.getLogger("crm_desk").error("Cannot start: %s", exc)
        print(f"CRM Desk cannot start: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "CRM Desk", error_text(exc))
        return 2

    from crm_desk.ui.session import DeskSession

    session = DeskSession(backend.services, backend.description)
    session.finished.connect(app.quit)
    if demo_actor is not None:
        session.open_as(demo_actor)
    else:
        session.start()
    if os.environ.get("CRM_DESK_STARTUP_PROBE"):
        # bench/startup.py: the first window is up and the event loop is idle.
        def ready() -> None:
            shown = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())
            print(
                f"CRM_DESK_READY {time.perf_counter() - STARTED:.4f} {','.join(shown)}", flush=True
            )
            app.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    backend.engine.dispose()
    return code
