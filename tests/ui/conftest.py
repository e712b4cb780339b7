"""UI fixtures: window settings kept in the test's folder; the English UI unless a test switches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from crm_desk.ui.i18n import install_language


@pytest.fixture(autouse=True)
def qt_settings(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    qapp.setOrganizationName("CRM Desk tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    install_language("en")
    yield
    install_language("en")
