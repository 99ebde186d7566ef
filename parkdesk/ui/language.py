"""The interface language: parkdesk's and Qt's translators, the choice remembered in QSettings.

The language is `--lang`, else the one chosen in View › Language, else the system's. Qt's own
`qtbase_<lang>.qm` (shipped with PySide6) translates the standard dialogs; parkdesk's
`parkdesk_<lang>.qm` is compiled from translations/*.ts when the package is built (setup.py)
or by `make translations`. The core's texts (fact sheets, folder names) follow through the
hook in core/i18n.py. A change made in the menu takes effect on the next start: menus,
dialogs and the core's texts are all built once, so a restart is the one way every text
changes together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from parkdesk.core import i18n
from parkdesk.paths import RESOURCES

ENGLISH = "en"
CHINESE = "zh_CN"
#: The languages parkdesk speaks, each named in itself (as the menu lists them).
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}
TRANSLATIONS = RESOURCES / "translations"
_installed: list[QTranslator] = []
#: The language installed last (what View › Language shows as checked).
current = ENGLISH


def supported(code: str | None) -> str | None:
    """The supported language `code` names ("zh", "zh-CN", "zh_Hans_CN" -> zh_CN), or None."""
    if not code:
        return None
    code = code.replace("-", "_")
    if code.lower().startswith("zh"):
        return CHINESE
    if code.lower().startswith(("en", "c", "posix")):
        return ENGLISH
    return None


def system_language() -> str:
    """The system locale's language if parkdesk speaks it, else English."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return CHINESE
    return ENGLISH


def chosen_language(given: str | None = None, saved: str | None = None) -> str:
    """`--lang` first, then the saved choice, then the system's language."""
    return supported(given) or supported(saved) or system_language()


def qm_file(language: str) -> Path:
    """parkdesk's compiled translation for `language`."""
    return TRANSLATIONS / f"parkdesk_{language}.qm"


def install(language: str) -> bool:
    """Translate the interface (and the core's texts) into `language`; False when its
    translation file is missing (the interface is then in English).

    English has a file too: the English forms of the plural texts ("%n match(es)")."""
    global current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)
    found = ours.load(str(qm_file(language)))
    if not found and language != ENGLISH:
        install(ENGLISH)
        return False
    if language != ENGLISH:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    i18n.install(None if language == ENGLISH else _qt_translate)
    current = language
    return found


def _qt_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
