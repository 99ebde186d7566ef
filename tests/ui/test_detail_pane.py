"""The detail pane: the right page per kind, sources, disagreements, links, plain text only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import Article, Citation, Contact, Entity, Relation
from parkdesk.ui.detail_html import relation_html, web_url
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.sample_data import sample_bundle
from tests.ui.conftest import text_point

LEFT = Qt.MouseButton.LeftButton


def _page(window: MainWindow, entity_id: str) -> str:
    assert window.select_entity(entity_id)
    return window.detail.toPlainText()


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        ("zone", ["Zone", "Test High-tech Zone", "Key figures", "Contacts", "Parks",
                  "Shunde Park", "Zone-wide", "People", "Pan Test", "Sources"]),
        ("park-shunde", ["Park", "Shunde Park", "District", "Shunde District", "Contacts",
                         "0757 2636 3972", "Projects & carriers", "Lighthouse Innovation Centre"]),
        ("lighthouse", ["Project · innovation centre", "Status", "under construction",
                        "Figures and dates", "Total investment", "530 million yuan",
                        "for 2023", "reported 29 Feb 2024", "Shunde Park"]),
        ("andao", ["Enterprise", "Andao Test Devices Co., Ltd.", "Related",
                   "Located in Shunde Park"]),
        ("committee", ["Organisation", "Management Committee", "0757 8668 3830", "People",
                       "Pan Test"]),
        ("pan", ["Person", "Pan Test", "Titles", "2021",
                 "Director of the Administrative Committee", "Management Committee"]),
        ("outside", ["Place outside the zone", "Riverside Park", "Elsewhere City"]),
    ],
)
def test_selecting_each_kind_shows_its_page(window: MainWindow, entity_id, expected) -> None:
    text = _page(window, entity_id)
    for words in expected:
        assert words in text, f"{words!r} missing from the {entity_id} page"


def test_folder_and_contact_nodes_have_pages(window: MainWindow) -> None:
    assert window.select_contact("c-shunde")
    text = window.detail.toPlainText()
    assert "Phone number" in text
    assert "+86 757 2636 3972" in text and "+8675726363972" in text
    assert "0757-26363972" in text  # as written
    index = window.tree_view.currentIndex().parent()
    window.tree_view.setCurrentIndex(index)
    assert "Shunde Park\nContacts (1)" in window.detail.toPlainText()


def test_every_figure_has_its_source_listed_and_on_hover(window: MainWindow) -> None:
    text = _page(window, "lighthouse")
    sources = text[text.index("Sources"):]
    assert "Test zone report — Test Daily, 29 Feb 2024 · Open article" in sources
    assert "[2] paragraph 5 “530 million yuan”" in " ".join(sources.split())
    assert sources.count("Test zone report") == 1  # each article once, its citations under it
    tip = window.detail._tooltip_at(text_point(window.detail, "530 million yuan"))
    assert "Test zone report" in tip and "Test Daily" in tip
    assert "29 Feb 2024" in tip and "paragraph 5" in tip and "“530 million yuan”" in tip


def test_values_of_two_years_show_side_by_side_with_dates(window: MainWindow) -> None:
    text = _page(window, "zone")
    assert "19.346 billion yuan" in text and "about 19.3 billion yuan" in text
    assert "for 2024 · reported 29 Feb 2024" in text
    assert "for 2023 · reported 16 Nov 2023" in text
    assert "different values" not in text  # two years are a series, not a conflict
    assert "Older zone interview — 2021 (date inferred) · (no web address recorded)" in text
    assert "paragraph 3 “19.3 billion”" in " ".join(text.split())


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def take(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened_urls():
    """URLs the app asks the desktop to open, caught by Qt's own per-scheme handlers."""
    catcher = _UrlCatcher()
    for scheme in ("http", "https", "tel", "file"):
        QDesktopServices.setUrlHandler(scheme, catcher, "take")
    yield catcher.urls
    for scheme in ("http", "https", "tel", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_source_link_opens_the_article_in_the_browser(window, qtbot, opened_urls) -> None:
    _page(window, "lighthouse")
    qtbot.mouseClick(window.detail.viewport(), LEFT, pos=text_point(window.detail, "Open article"))
    assert opened_urls == ["https://example.org/a1"]


def test_entity_links_select_in_the_tree(window: MainWindow, qtbot) -> None:
    _page(window, "lighthouse")
    qtbot.mouseClick(window.detail.viewport(), LEFT, pos=text_point(window.detail, "Shunde Park"))
    assert window.current_node().key == "park-shunde"


def test_only_web_links_are_opened(window: MainWindow, opened_urls) -> None:
    window.detail.activate_link("file:///etc/passwd")
    window.detail.activate_link("javascript:alert(1)")
    assert opened_urls == []
    assert "Only web" in window.statusBar().currentMessage()


HOSTILE = '<img src="file:///etc/passwd"> <b>bold</b> &amp; <a href="file:///etc">x</a>'


def test_database_text_is_shown_literally(qtbot, tmp_path: Path, opened_urls) -> None:
    bundle = sample_bundle()
    bundle.articles.append(
        Article("a3", "a3.txt", HOSTILE, "2024-01-01", False, "<i>Outlet</i>",
                "file:///etc/passwd", "2" * 64, 3)
    )
    cite = [Citation("a3", 1, 0, len(HOSTILE), HOSTILE)]
    bundle.entities.append(
        Entity("hostile", "enterprise", HOSTILE, "park-shunde", description=HOSTILE,
               aliases=(HOSTILE,), sources=cite)
    )
    bundle.contacts.append(
        Contact("c-hostile", "hostile", "phone", HOSTILE, HOSTILE, valid=False,
                warning=HOSTILE, sources=cite)
    )
    path = tmp_path / "hostile.db"
    write_bundle(bundle, path, {"built_at": HOSTILE})
    window = MainWindow(Directory.open(path), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.select_entity("hostile")
    text = window.detail.toPlainText()
    assert text.count(HOSTILE) >= 4  # name, aliases, description, contact, source...
    html = window.detail.toHtml()
    assert "<img" not in html and 'href="file:' not in html
    assert "(no web address recorded)" in text  # a file:// URL is never a link
    assert window.current_node().label == HOSTILE
    window.search.field.setText("passwd")
    window.search.run_search()
    assert window.search.hits()[0].name == HOSTILE
    assert opened_urls == []


def test_web_url_accepts_only_http_and_https() -> None:
    assert web_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert web_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "tel:+86757", "", None,
                'https://x.org/"><img src=x>'):
        assert web_url(bad) is None


def test_items_say_which_park_they_are_in(window: MainWindow) -> None:
    assert "Park\nShunde Park" in _page(window, "lighthouse")
    assert "Park\nzone-wide (Test High-tech Zone)" in _page(window, "committee")
    assert "Outside the zone\nRiverside Park" in _page(window, "river-co")
    assert "Zone\nTest High-tech Zone" in _page(window, "park-nanhai")


def test_the_zone_page_puts_contacts_before_figures(window: MainWindow) -> None:
    text = _page(window, "zone")
    assert text.index("Contacts") < text.index("Parks") < text.index("Key figures")


def test_a_bare_record_says_what_the_articles_lack(window: MainWindow) -> None:
    text = _page(window, "river-co")
    assert "give no figures, dates, contacts or people" in text


def test_relations_read_from_the_shown_entity_side(qtbot, tmp_path: Path) -> None:
    bundle = sample_bundle()
    cite = [Citation("a1", 1, 0, 4, "Test")]
    bundle.relations += [
        Relation("rel-works", "pan", "works at", "committee", sources=cite),
        Relation("rel-runs", "committee", "operates", "lighthouse", sources=cite),
        Relation("rel-centre", "lighthouse", "regional centre of", "outside", sources=cite),
    ]
    path = tmp_path / "relations.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01"})
    window = MainWindow(Directory.open(path), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    pages = {
        "andao": ["Located in Shunde Park"],
        "park-shunde": ["Andao Test Devices Co., Ltd. is located here"],
        "pan": ["Works at Management Committee"],
        "committee": ["Pan Test works here", "Operates Lighthouse Innovation Centre"],
        "lighthouse": ["Operated by Management Committee", "Regional centre of Riverside Park"],
        "outside": ["Lighthouse Innovation Centre is its regional centre"],
    }
    for entity_id, lines in pages.items():
        text = _page(window, entity_id)
        for line in lines:
            assert line in text, (entity_id, line)


def test_an_unknown_relation_still_reads() -> None:
    link = '<a href="entity:x">X</a>'
    assert relation_html("sponsors", link, True) == f"Sponsors {link}"
    assert relation_html("sponsors", link, False) == f"{link} sponsors this"
    assert relation_html("<b>likes</b>", link, False) == f"{link} &lt;b&gt;likes&lt;/b&gt; this"


def test_a_known_relation_reads_in_the_interface_language(qapp) -> None:
    """Issue 16's leftover: "Works at X" on a person's page is interface wording, not data."""
    from parkdesk.ui import language

    link = '<a href="entity:x">X</a>'
    assert relation_html("works at", link, True) == f"Works at {link}"
    assert language.install(language.CHINESE)
    try:
        assert relation_html("works at", link, True) == f"任职于{link}"
        assert relation_html("works at", link, False) == f"{link}在此任职"
        assert relation_html("sponsors", link, True) == f"Sponsors {link}"  # the article's word
    finally:
        language.install(language.ENGLISH)
