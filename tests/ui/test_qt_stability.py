"""PySide6 6.12.0 on CPython 3.11 dies ("none_dealloc") after a few thousand calls of Qt methods
that return None. The interpreter and pins must never form that pair: prove 10,000 calls survive."""

from __future__ import annotations

import subprocess
import sys

import PySide6

STRESS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
app = QApplication([])
widget, edit = QWidget(), QLineEdit()
for i in range(10_000):
    widget.setEnabled(i % 2 == 0)   # each returns None
    edit.setText("x")
    widget.setToolTip("t")
print("survived", i + 1)
"""


def test_ten_thousand_none_returning_qt_calls_survive():
    result = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived 10000"


def test_the_crashing_pair_is_not_installed():
    assert not (sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.0"))
