"""Saved web pages: the main text read like a text article, with title, date and canonical URL."""

from __future__ import annotations

from pathlib import Path

from parkdesk.ingest.articles import page_url, parse_article, read_text
from parkdesk.ingest.web_pages import read_page

# A small page written for this test, shaped like the outlets' saved pages.
PAGE = """<!doctype html>
<html><head>
<title>Lakeside Park opens a robotics hall - Example Outlet</title>
<meta property="og:title" content="Lakeside Park opens a robotics hall">
<meta property="article:published_time" content="2023-05-17T09:30:00+08:00">
<link rel="canonical" href="https://www.example.cn/a/2023-05/17/robotics.html">
<script>var tracking = "Share this";</script>
<style>p { color: red; }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="share-bar">Share - WeChat</div>
<h1>Lakeside Park opens a robotics hall</h1>
<div class="content">
<p>Lakeside Park opened a robotics hall of 12,000 square meters on Tuesday.</p>
<p>The hall will host <b>six</b> start-ups &amp; a testing lab.<br>Contact: 0757-2222 3333</p>
</div>
<aside>Related: other news</aside>
<footer>Copyright 2023 Example Outlet</footer>
</body></html>
"""


def test_page_keeps_title_date_url_and_text_blocks() -> None:
    page = read_page(PAGE)
    assert page.title == "Lakeside Park opens a robotics hall"
    assert page.published == "2023-05-17 09:30"
    assert page.url == "https://www.example.cn/a/2023-05/17/robotics.html"
    assert page.blocks == [
        "Lakeside Park opened a robotics hall of 12,000 square meters on Tuesday.",
        "The hall will host six start-ups & a testing lab.",
        "Contact: 0757-2222 3333",
    ]


def test_furniture_scripts_and_styles_never_reach_the_text() -> None:
    text = read_page(PAGE).article_text()
    for furniture in ("Home", "Share", "Related", "Copyright", "tracking", "color"):
        assert furniture not in text


def test_saved_page_parses_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "robotics.html"
    path.write_text(PAGE, encoding="utf-8")
    article = parse_article(path, read_text(path), url=page_url(path))
    assert article.title == "Lakeside Park opens a robotics hall"
    assert article.published == "2023-05-17T09:30"
    assert article.date_source == "date line"
    assert [p.text for p in article.paragraphs][0].startswith("Lakeside Park opened")
    assert page_url(tmp_path / "robotics.txt") is None


def test_page_without_metadata_takes_its_heading_and_the_date_from_the_url(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text("<html><body><h1>Hall opens</h1><p>A hall opened in the park.</p>"
                    "<p>It has six floors.</p></body></html>", encoding="utf-8")
    article = parse_article(path, read_text(path), url="https://example.cn/2022-03/26/x.html")
    assert article.title == "Hall opens"
    assert article.published == "2022-03-26"
    assert article.date_source == "URL"
    assert [p.text for p in article.paragraphs] == ["A hall opened in the park.", "It has six floors."]


def test_import_reads_saved_pages_beside_text_articles(tmp_path: Path) -> None:
    import shutil

    from parkdesk.ingest.build import build_database
    from parkdesk.paths import CURATION_FILE
    from tests.conftest import SHARED_ARTICLES

    articles = tmp_path / "articles"
    shutil.copytree(SHARED_ARTICLES, articles)
    (articles / "robotics.html").write_text(PAGE, encoding="utf-8")
    result = build_database(articles, tmp_path / "out.db", CURATION_FILE)
    page = next(a for a in result.bundle.articles if a.file == "robotics.html")
    assert page.title == "Lakeside Park opens a robotics hall"
    assert page.published == "2023-05-17T09:30"
    assert page.url == "https://www.example.cn/a/2023-05/17/robotics.html"
