"""The core's one translation hook: user-facing texts go through `translate`, which the UI points
at Qt's translator (ui/language.py); without it (the CLI, tests) the English text is returned.

`pyside6-lupdate` finds the calls by their name, so core modules call `translate("Context",
"text")` (or `QT_TRANSLATE_NOOP` for tables built at import time) with literal strings.
"""

from __future__ import annotations

from collections.abc import Callable

#: (context, text, disambiguation, n) -> the translated text, %n replaced by n.
Translator = Callable[[str, str, str | None, int], str]


def _english(_context: str, text: str, _disambiguation: str | None, n: int) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _english


def install(translator: Translator | None) -> None:
    """Route the core's texts through `translator` (None: back to English)."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language; `%n` in it is replaced by `n` (plural forms)."""
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
    """Marks `text` for lupdate without translating it (translate it where it is shown)."""
    return text
