"""Chinese ships complete: every visible string has a finished zh_CN translation, built into .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "crm_desk_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "crm_desk_zh_CN.qm"
BIN = Path(sys.executable).parent


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        message.findtext("source") or ""
        for message in root.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "vanished", "obsolete")
        or not (t.text or "").strip()
    ]


def test_the_shipped_chinese_translation_has_nothing_unfinished():
    assert unfinished(TS) == []


def test_every_string_in_the_code_is_in_the_translation(tmp_path: Path):
    """lupdate over today's code finds no string that the .ts does not already translate."""
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this interpreter")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "crm_desk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == []


def test_placeholders_survive_translation():
    """A translation that drops {name} would show the wrong text or raise at .format()."""
    import re

    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(
            re.findall(r"\{\w*\}", translation)
        ), source


def test_the_built_qm_matches_the_source(tmp_path: Path):
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this interpreter")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/translations.sh and commit the .qm"


def test_the_qm_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Roles", "Adviser") == "客户经理"
        assert QCoreApplication.translate("MainWindow", "Audit trail") == "审计轨迹"
    finally:
        qapp.removeTranslator(translator)
