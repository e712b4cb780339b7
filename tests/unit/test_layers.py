"""The house stands on its layers: each package imports only what STYLE.md allows."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import crm_desk

PACKAGE = Path(crm_desk.__file__).parent
# The composition root, and the demo seeding that drives the services like a user would.
ROOT_MODULES = {
    "app",
    "commands",
    "backend",
    "config",
    "demo",
    "demo_aftercare",
    "demo_complaints",
    "demo_sales",
    "demo_products",
    "demo_documents",
    "__init__",
}

# layer -> (our packages it may import, third-party top-level names it must not import)
RULES: dict[str, tuple[set[str], set[str]]] = {
    "domain": ({"domain"}, {"PySide6", "sqlalchemy", "alembic", "reportlab", "psycopg"}),
    "db": ({"db", "domain"}, {"PySide6", "reportlab"}),
    "services": ({"services", "db", "domain"}, {"PySide6", "reportlab"}),
    "reports": ({"reports", "domain", "services.dto"}, {"PySide6", "sqlalchemy", "alembic"}),
    "ui": ({"ui", "services", "domain", "reports"}, {"sqlalchemy", "alembic", "psycopg"}),
}


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def layer_violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        layer = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        if layer in ROOT_MODULES:
            continue
        allowed_ours, banned = RULES[layer]
        for name in imports_of(path):
            top = name.split(".")[0]
            if top == "crm_desk":
                inner = name.split(".", 1)[1] if "." in name else ""
                if inner and not any(inner == a or inner.startswith(a + ".") for a in allowed_ours):
                    problems.append(f"{relative}: {layer} may not import {name}")
            elif top in banned:
                problems.append(f"{relative}: {layer} may not import {top}")
    return problems


def test_every_package_respects_the_layer_rules():
    assert layer_violations() == []


def test_the_rule_checker_catches_a_violation(tmp_path, monkeypatch):
    fake = tmp_path / "crm_desk"
    (fake / "domain").mkdir(parents=True)
    (fake / "domain" / "bad.py").write_text("from crm_desk.db.models import User\nimport PySide6\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert layer_violations() == [
        "domain/bad.py: domain may not import PySide6",
        "domain/bad.py: domain may not import crm_desk.db.models",
    ] or sorted(layer_violations()) == sorted(
        [
            "domain/bad.py: domain may not import PySide6",
            "domain/bad.py: domain may not import crm_desk.db.models",
        ]
    )


def test_importing_everything_creates_no_engine_session_or_application():
    code = (
        "import importlib, pkgutil, crm_desk, sqlalchemy.pool\n"
        "created = []\n"
        "orig = sqlalchemy.create_engine if False else None\n"
        "import sqlalchemy\n"
        "real = sqlalchemy.create_engine\n"
        "sqlalchemy.create_engine = lambda *a, **k: created.append(a) or real(*a, **k)\n"
        "for m in pkgutil.walk_packages(crm_desk.__path__, 'crm_desk.'):\n"
        "    importlib.import_module(m.name)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "assert QApplication.instance() is None, 'a QApplication exists after import'\n"
        "assert not created, created\n"
        "import sys; assert 'reportlab' not in sys.modules, 'reportlab imported at start'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_sign_in_services_leave_the_areas_unimported_until_first_use(tmp_path):
    """Start-up: the sign-in window needs the accounts and the data key; the areas' modules (a
    sizeable share of the start) are imported when a signed-in screen first asks for them."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crm_desk.config import DEFAULT_POLICY\n"
        "from crm_desk.db.engine import make_engine, sqlite_url\n"
        "from crm_desk.db.uow import uow_factory\n"
        "from crm_desk.domain.policy import load_policy\n"
        "from crm_desk.services.container import Services\n"
        f"home = Path({str(tmp_path)!r})\n"
        "engine = make_engine(sqlite_url(home / 'db.sqlite3'))\n"
        "services = Services.build(uow_factory(engine), load_policy(DEFAULT_POLICY),"
        " key_dir=home / 'keys')\n"
        "services.auth, services.keys, services.policy\n"
        "areas = ('crm_desk.services.sales', 'crm_desk.services.complaints',"
        " 'crm_desk.db.models_sales', 'crm_desk.services.clients')\n"
        "early = [m for m in areas if m in sys.modules]\n"
        "assert not early, f'imported before sign-in: {early}'\n"
        "assert services.sales.after_sale, 'the sale hooks are wired'\n"
        "assert all(m in sys.modules for m in areas)\n"
        "assert services.clients is services.clients\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
