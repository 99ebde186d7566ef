"""The interface's translations: the .ts files are in step with the sources (lupdate run into a
temporary copy changes nothing), complete, and a zh_CN start shows Chinese menus, dialogs and
fact-sheet headings; View › Language is remembered."""

from __future__ import annotations

import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from parkdesk.core import i18n
from parkdesk.core.db.directory import Directory
from parkdesk.core.factsheet.content import build_factsheet
from parkdesk.core.factsheet.html import render_html
from parkdesk.ui import language
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))
import translations

ZH = REPO / "translations" / "parkdesk_zh_CN.ts"
EN = REPO / "translations" / "parkdesk_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> the <message> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The committed .ts files after lupdate has read today's sources into copies of them."""
    folder = tmp_path_factory.mktemp("ts")
    copies = {ts.name: Path(shutil.copy2(ts, folder / ts.name)) for ts in (ZH, EN)}
    translations.update(list(copies.values()))
    return copies


@pytest.mark.parametrize("ts", [ZH, EN], ids=lambda p: p.name)
def test_the_committed_ts_holds_exactly_the_strings_of_the_sources(ts: Path, fresh) -> None:
    committed, now = _messages(ts), _messages(fresh[ts.name])
    new = sorted(set(now) - set(committed))
    gone = sorted(set(committed) - set(now))
    assert not new, f"strings not in {ts.name} (run `make translations`): {new[:10]}"
    assert not gone, f"strings in {ts.name} that the sources no longer have: {gone[:10]}"


@pytest.mark.parametrize("ts", [ZH, EN], ids=lambda p: p.name)
def test_every_string_is_translated(ts: Path) -> None:
    unfinished = []
    for key, message in _messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(forms):
            unfinished.append(key)
    assert not unfinished, f"{len(unfinished)} unfinished in {ts.name}: {unfinished[:10]}"


def test_the_chinese_keeps_every_placeholder_and_mnemonic() -> None:
    """A translation that drops `{name}` or `%n` would show the wrong text or raise; one that
    drops the `&` letter of a menu leaves it without a keyboard shortcut."""
    for (context, source, _), message in _messages(ZH).items():
        translation = message.find("translation")
        assert translation is not None
        for text in [f.text for f in translation.iter("numerusform")] or [translation.text]:
            assert text is not None
            assert sorted(re.findall(r"\{\w*\}|%n", source)) == sorted(
                re.findall(r"\{\w*\}|%n", text)), (context, source, text)
            if re.search(r"&[^&\s]", source):
                assert re.search(r"&[^&\s]", text), (context, source, text)


def _calls_in_sources() -> set[tuple[str, str]]:
    """(context, text) of every translate/QT_TRANSLATE_NOOP/self.tr call with literal text,
    read with Python's own parser (which also sees calls inside f-strings)."""
    found: set[tuple[str, str]] = set()

    def literal(node: ast.expr) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    def visit(node: ast.AST, cls: str) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = [literal(a) for a in node.args[:2]]
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) == 2 and None not in args:
                found.add((args[0], args[1]))  # type: ignore[arg-type]
            elif (name == "tr" and isinstance(node.func, ast.Attribute) and args
                  and args[0] is not None):
                found.add((cls, args[0]))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    for path in translations.sources():
        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_every_string_of_the_sources_is_in_the_ts() -> None:
    """lupdate misses some calls (inside f-strings, for one); each such string would stay
    English, so every call Python sees must be in the .ts."""
    known = {(context, source) for context, source, _ in _messages(ZH)}
    missing = sorted(_calls_in_sources() - known)
    assert not missing, f"not extracted by lupdate (move the call out of the f-string?): {missing}"


def test_strings_are_read_only_from_calls_lupdate_understands() -> None:
    """A helper or an alias (`_t("…")`, `tr = QCoreApplication.translate`) hides its strings
    from lupdate: they would never be translated."""
    offenders = []
    for path in translations.sources():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^\s*(\w+)\s*=\s*QCoreApplication\.translate\s*(#.*)?$|"
                                 r"\b(_t|_tr|page_tr)\(\"", text, re.M):
            offenders.append(f"{path.relative_to(REPO)}: {match.group(0).strip()}")
    assert not offenders, offenders


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The interface in Simplified Chinese for one test, English again after it."""
    assert language.install(language.CHINESE)
    yield
    language.install(language.ENGLISH)


def test_a_zh_cn_start_shows_chinese_menus(qtbot, chinese, sample_db: Path, tmp_path: Path) -> None:
    w = MainWindow(Directory.open(sample_db), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles[:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"], titles
    assert w.window_actions.open.text() == "打开数据库(&O)…"
    assert w.search.field.placeholderText().startswith("搜索")
    # Qt's own strings (standard buttons) come from qtbase_zh_CN.qm.
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_the_core_speaks_the_interface_language_through_its_hook(chinese, sample_db: Path) -> None:
    """Fact-sheet headings and folder names are the core's: they follow the UI's language."""
    d = Directory.open(sample_db)
    try:
        page = render_html(build_factsheet(d, None))
    finally:
        d.close()
    assert "<h2>联系方式</h2>" in page and "<h2>来源</h2>" in page
    language.install(language.ENGLISH)
    assert i18n.translate("FactSheet", "Contacts") == "Contacts"


def test_view_language_is_remembered_for_the_next_start(qtbot, window: MainWindow, settings_path) -> None:
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None and [a.text() for a in menu.actions()] == ["English", "简体中文"]
    assert menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: window.findChild(object, "languageBox") is not None)
    assert Settings(settings_path).language() == "zh_CN"
    assert language.chosen_language(None, Settings(settings_path).language()) == "zh_CN"
    assert language.chosen_language("en", "zh_CN") == "en"  # --lang wins for one start
    assert language.current == "en"  # the running window stays as it was


def test_lang_is_an_option_of_the_app() -> None:
    from parkdesk.cli import build_parser

    assert build_parser().parse_args(["--lang", "zh_CN"]).lang == "zh_CN"
    assert build_parser().parse_args(["app", "--lang", "zh_CN"]).lang == "zh_CN"
    assert language.supported("zh-CN") == language.supported("zh_Hans_CN") == "zh_CN"
    assert language.supported("fr_FR") is None
