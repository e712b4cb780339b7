"""Administration commands that need no window.

python main.py create-db                 create or migrate the configured database
python main.py create-user ...           first administrator, or a user with a temporary password
python main.py verify-audit              check the audit chain; exit 1 if it is broken
python main.py backup [--to DIR]         online copy of the SQLite database
python main.py restore FILE              check a backup, keep the current file, then restore
python main.py verify-document FILE.pdf  is the PDF an unaltered archived document? exit 1 if not
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from crm_desk.backend import Backend, open_backend
from crm_desk.config import default_paths, load_settings
from crm_desk.db.engine import make_engine
from crm_desk.db.schema_version import stored_revision
from crm_desk.db.uow import uow_factory
from crm_desk.domain.errors import KnownError, ValidationError
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.audit import verify_trail
from crm_desk.services.backup import backup_database, check_backup, restore_database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-desk", description="CRM Desk administration")
    parser.add_argument("--database", metavar="URL", help="database URL (default: configured)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("create-db", help="create the database or bring it to the newest schema")
    user = sub.add_parser("create-user", help="create a user (the first one: the administrator)")
    user.add_argument("--username", required=True)
    user.add_argument("--full-name", required=True)
    user.add_argument("--role", choices=[role.value for role in Role], default=Role.ADVISER.value)
    user.add_argument(
        "--branch-code",
        required=True,
        help="the user's branch (for the first user: the branch to create)",
    )
    user.add_argument("--branch-name", help="first user only: the name of the branch to create")
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of prompting",
    )
    sub.add_parser("verify-audit", help="recompute the audit trail's hash chain")
    backup = sub.add_parser("backup", help="copy the SQLite database to a timestamped file")
    backup.add_argument(
        "--to", type=Path, help="folder for the copy (default: the data folder's backups)"
    )
    export = sub.add_parser("export-key", help="write this workstation's data key to a file")
    export.add_argument("file", type=Path)
    imported = sub.add_parser(
        "import-key", help="install a data key exported on another workstation (checked first)"
    )
    imported.add_argument("file", type=Path)
    document = sub.add_parser(
        "verify-document",
        help="check a PDF against the document archive: unaltered, which sale, or what is wrong",
    )
    document.add_argument("file", type=Path)
    restore = sub.add_parser("restore", help="replace the SQLite database with a checked backup")
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--check-only",
        action="store_true",
        help="only check the backup (integrity, schema, audit chain)",
    )
    return parser


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise SystemExit("The two passwords differ; nothing was created.")
    return first


def _operator() -> str:
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return f"command line ({who})"


def run_command(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    try:
        return _dispatch(args)
    except ValidationError as exc:
        for field, message in exc.fields.items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    except KnownError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:

    if args.command == "restore":
        return _restore(args, Actor.system(_operator()))
    backend = open_backend(args.database)
    try:
        return _run_on(backend, args)
    finally:
        backend.engine.dispose()


def _run_on(backend: Backend, args: argparse.Namespace) -> int:
    services = backend.services
    if args.command == "create-db":
        print(f"{backend.description}: schema at revision {stored_revision(backend.engine)}.")
        return 0
    if args.command == "create-user":
        password = _read_password(args.password_stdin)
        if services.auth.needs_first_run():
            if args.role != Role.ADMINISTRATOR.value or not args.branch_name:
                raise SystemExit(
                    "The first user is the administrator: give --role administrator "
                    "and --branch-name for the branch to create."
                )
            actor = services.auth.first_run(
                branch_code=args.branch_code,
                branch_name=args.branch_name,
                username=args.username,
                full_name=args.full_name,
                password=password,
            )
            (branch,) = services.users.list_branches(actor)
            print(f"Created branch {branch.code} {branch.name} and administrator {actor.username}.")
            return 0
        operator = Actor.system(_operator())
        branches = {b.code: b.id for b in services.users.list_branches(operator)}
        code = args.branch_code.strip().upper()
        if code not in branches:
            raise SystemExit(f"No branch {code}; existing: {', '.join(sorted(branches))}.")
        user = services.users.create_user(
            operator,
            username=args.username,
            full_name=args.full_name,
            role=args.role,
            branch_id=branches[code],
            temporary_password=password,
        )
        print(
            f"Created {user.role.value} {user.username}; they must change the password at "
            "first sign-in."
        )
        return 0
    if args.command == "verify-audit":
        with uow_factory(backend.engine)() as uow:
            report, head = verify_trail(uow)
        if report.intact:
            print(f"Audit trail intact: {report.events_checked} events. Head fingerprint: {head}")
            print(
                "Keep the head fingerprint: if it is later missing from the trail, events were "
                "cut off the end."
            )
            return 0
        print(
            f"Audit trail BROKEN at event {report.first_broken_seq}: {report.reason}.",
            file=sys.stderr,
        )
        return 1
    if args.command == "export-key":
        written = services.keys.export_key(Actor.system(_operator()), args.file)
        print(f"Data key written to {written}. Keep it offline: it opens the personal data.")
        return 0
    if args.command == "import-key":
        services.keys.import_key(args.file)
        print("Data key imported; it matches this database.")
        return 0
    if args.command == "verify-document":
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise SystemExit(f"Cannot read {args.file}: {exc.strerror or exc}.") from exc
        result = services.documents.verify(Actor.system(_operator()), data)
        print(result.describe(), file=sys.stdout if result.ok else sys.stderr)
        return 0 if result.ok else 1
    if args.command == "backup":
        target = backup_database(backend.engine, args.to or backend.paths.backup_dir)
        print(f"Backed up to {target}")
        return 0
    raise AssertionError(args.command)


def _restore(args: argparse.Namespace, actor: Actor) -> int:

    if args.check_only:
        report = check_backup(args.file)
        print(f"{args.file} can be restored: {report.events_checked} audit events, chain intact.")
        return 0
    settings = load_settings(default_paths(), args.database)
    engine = make_engine(settings.database_url)
    try:
        result = restore_database(engine, args.file, settings.paths.backup_dir, actor)
    finally:
        engine.dispose()
    kept = (
        f"; the replaced database was kept as {result.previous_copy}"
        if result.previous_copy
        else ""
    )
    print(
        f"Restored from {result.restored_from} "
        f"({result.events_checked} audit events checked){kept}."
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_command(sys.argv[1:]))
