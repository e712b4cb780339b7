"""Chinese (zh_CN) and English, following the system locale unless the user chose one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
SETTING_KEY = "ui/language"  # "system", "zh_CN" or "en"

_installed: list[QTranslator] = []


def chosen_language(settings: QSettings | None = None) -> str:
    value = str((settings or QSettings()).value(SETTING_KEY, "system"))
    return value if value in LANGUAGES else "system"


def effective_language(choice: str) -> str:
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(choice: str) -> str:
    """Swap the application's translators; returns the language now in effect."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = effective_language(choice)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_GB"))
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path, name in (
            (qt_dir, f"qtbase_{language}"),
            (str(TRANSLATIONS_DIR), f"crm_desk_{language}"),
        ):
            translator = QTranslator(app)
            if translator.load(name, path):
                app.installTranslator(translator)
                _installed.append(translator)
    return language
