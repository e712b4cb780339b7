"""Known errors are messages the user can act on; anything else is logged and shown as a crash."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crm_desk.domain.errors import (
    AccountLocked,
    Conflict,
    DatabaseBusy,
    DiskFull,
    KnownError,
    ServerUnreachable,
)
from crm_desk.ui import errors as ui_errors
from crm_desk.ui.i18n import install_language


def all_known_errors() -> list[type[KnownError]]:
    found, todo = [], [KnownError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_every_known_error_of_the_domain_has_its_own_message(qapp):
    import crm_desk.domain.errors as domain_errors

    domain = [c for c in all_known_errors() if c.__module__ == domain_errors.__name__]
    assert {c.code for c in domain} <= set(ui_errors.ERROR_CODES)


@pytest.mark.parametrize(
    ("error", "english", "chinese"),
    [
        (DatabaseBusy(), "busy", "数据库正忙"),
        (DiskFull("no space"), "disk may be full", "磁盘可能已满"),
        (ServerUnreachable("refused"), "cannot be reached", "无法连接数据库服务器"),
        (AccountLocked(datetime(2026, 11, 27, 9, 15, tzinfo=UTC)), "locked until", "已锁定至"),
        (Conflict("x", reason="last_admin"), "last active administrator", "最后一个在用的管理员"),
        (Conflict("x", reason="duplicate"), "same code or name", "代码或名称相同"),
    ],
)
def test_messages_in_both_languages(qapp, error, english, chinese):
    install_language("en")
    assert english in ui_errors.error_text(error)
    install_language("zh_CN")
    assert chinese in ui_errors.error_text(error)
    install_language("en")


def test_a_bug_is_logged_and_shown_as_a_crash_dialog(qapp, tmp_path: Path, monkeypatch, caplog):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: None)
    log_file = tmp_path / "crm-desk.log"
    saved = sys.excepthook
    ui_errors.install_excepthook(str(log_file))
    try:
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved
    assert shown and "Nothing was saved" in shown[0] and str(log_file) in shown[0]
    assert "ZeroDivisionError: boom" in caplog.text


def test_a_known_error_escaping_a_slot_is_a_warning_not_a_crash(qapp, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    saved = sys.excepthook
    ui_errors.install_excepthook("log")
    try:
        sys.excepthook(DatabaseBusy, DatabaseBusy(), None)
    finally:
        sys.excepthook = saved
    assert warned and "busy" in warned[0]


def problem_codes_in_the_code() -> set[str]:
    """Every Problem code the domain and services can raise (found by reading the source)."""
    import ast
    from pathlib import Path

    import crm_desk

    codes: set[str] = set()
    for path in Path(crm_desk.__file__).parent.rglob("*.py"):
        if "ui" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Problem"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                codes.add(str(node.args[0].value))
    return codes


def test_every_field_problem_is_translated(qapp):
    """A problem without a translation would show its English text in the Chinese window."""
    from crm_desk.domain.errors import Problem
    from crm_desk.ui.assessment_wizard import assessment_problem_text
    from crm_desk.ui.client_import_dialog import import_problem_text
    from crm_desk.ui.interview_dialog import interview_problem_text

    names = (
        "name",
        "code",
        "min",
        "given",
        "max",
        "expected",
        "day",
        "value",
        "accepted",
        "rows",
        "columns",
        "client_id",
        "line",
        "position",
        "encoding",
        "detail",
        "username",
        "count",
        "visible",
        "region",
        "latest_id",
    )
    params = {name: "x" for name in names}
    untranslated = []
    for code in sorted(problem_codes_in_the_code()):
        problem = Problem(code, "UNTRANSLATED", params)
        shown = {
            f(problem)
            for f in (
                ui_errors.problem_text,
                import_problem_text,
                interview_problem_text,
                assessment_problem_text,
            )
        }
        if shown == {"UNTRANSLATED"}:
            untranslated.append(code)
    assert untranslated == []
