"""Fact-sheet PDFs read back like a reader would: names, numbers, sources, pages, QR codes."""

from __future__ import annotations

import itertools
import json
import os
import resource
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from parkdesk.cli import main
from parkdesk.commands.factsheet import factsheet as write_factsheets
from parkdesk.core.dates import display_date
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.factsheet.content import build_factsheet
from parkdesk.core.records import Article, Citation, Entity, Figure, Role
from parkdesk.ui.printing import new_printer, write_pdf
from parkdesk.ui.printing_pages import LaidOutSheet, _tables, layout_sheet
from tests.sample_data import EXTENSION_URI, extension_bundle, sample_bundle

SECTIONS = ("Contacts", "Key figures", "Projects and carriers", "Enterprises and institutions",
            "People", "Sources")


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, whitespace collapsed."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def factsheet(db: Path, name: str, out: Path, *extra: str) -> int:
    return main(["factsheet", name, "-o", str(out), "--db", str(db), *extra])


def qr_codes(pdf: Path, page: int, tmp_path: Path) -> list[str]:
    """What zbarimg reads from the QR codes on one page of a PDF rendered at 100 dpi."""
    png = tmp_path / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(page), "-l",
                    str(page), str(pdf), str(png)], check=True)
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", f"{png}.png"],
        capture_output=True, text=True,
    )
    return result.stdout.split()


# -- one park, the zone, all ------------------------------------------------------------------------


def test_a_park_sheet_reads_back(sample_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "shunde.pdf"
    assert factsheet(sample_db, "SHUNDE", out) == 0
    assert "1 fact sheet, 1 page" in capsys.readouterr().out
    [text] = pdf_pages(out)
    for expected in ("Shunde Park", "Shunde District", "Test High-tech Zone",
                     "0757 2636 3972", "+86 757 2636 3972", "Lighthouse Innovation Centre",
                     "under construction", "530 million yuan (2023)", "Andao Test Devices",
                     "Test zone report", "Test Daily", "https://example.org/a1", "Page 1 of 1",
                     "Scan to call", "No figures published for this park",
                     f"generated {display_date(date.today())}", *SECTIONS):
        assert expected in text, expected
    reader = PdfReader(out)
    assert reader.metadata.title == "Shunde Park"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_the_qr_code_dials_the_main_number(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "shunde.pdf"
    assert factsheet(sample_db, "shunde", out) == 0
    assert qr_codes(out, 1, tmp_path) == ["tel:+86-757-2636-3972"]


def test_the_qr_code_dials_the_extension_too(qapp, tmp_path: Path) -> None:
    """The sheet's QR code is the number's full tel: URI, `;ext=` included (it once dropped it)."""
    db = tmp_path / "ext.db"
    write_bundle(extension_bundle(), db, {"built_at": "2026-01-01T00:00:00"})
    directory = Directory.open(db)
    sheet = build_factsheet(directory, "park-sanshui")
    directory.close()
    out = tmp_path / "sanshui.pdf"
    write_pdf([sheet], out)
    assert qr_codes(out, 1, tmp_path) == [EXTENSION_URI]
    assert "0757 8777 8888 ext. 66" in pdf_pages(out)[0]


def test_all_parks_six_sheets_each_from_a_new_page(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert factsheet(sample_db, "all", out) == 0
    pages = pdf_pages(out)
    assert len(pages) == 6  # the sample's sheets are one page each
    titles = ["Test High-tech Zone", "Chancheng Park", "Gaoming Park", "Nanhai Park",
              "Sanshui Park", "Shunde Park"]
    for text, title in zip(pages, titles, strict=True):
        assert text.startswith(title), text[:60]
        assert "Page 1 of 1" in text
        for section in SECTIONS:
            assert section in text, (title, section)
    zone = pages[0]
    for expected in ("0757 8668 3830", "+86 757 8668 2797", "2 Test Road, Foshan 528222",
                     "Loan balance", "19.346", "about 19.3", "billion yuan", "Pan Test",
                     "Director of the Administrative Committee", "Older zone interview",
                     "2021 (date inferred)", "Zone of five parks"):
        assert expected in zone, expected
    assert "0757-123" in pages[2] and "not a valid number" in pages[2]  # Gaoming
    assert qr_codes(out, 1, tmp_path) == ["tel:+86-757-8668-3830"]
    assert qr_codes(out, 3, tmp_path) == []  # no valid number, no code
    assert qr_codes(out, 6, tmp_path) == ["tel:+86-757-2636-3972"]


def test_letter_paper(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "zone.pdf"
    assert factsheet(sample_db, "zone", out, "--paper", "Letter") == 0
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "Test High-tech Zone" in pdf_pages(out)[0]


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("LETTER", (612, 792))])
def test_paper_names_in_any_case(sample_db, tmp_path: Path, capsys, paper, size) -> None:
    out = tmp_path / "zone.pdf"
    assert write_factsheets(sample_db, "zone", out, paper) == 0
    assert capsys.readouterr().out.endswith(f"({paper.title()}).\n")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    with pytest.raises(ParkdeskError, match="Unknown paper size 'A5'; choose A4 or Letter."):
        write_factsheets(sample_db, "zone", out, "A5")


# -- long sheets across pages ------------------------------------------------------------------------


def long_bundle():
    """The sample with a crowded Nanhai Park: long tables, long words, CJK and symbols."""
    b = sample_bundle()
    b.articles.append(Article("a3", "a3.txt", "A long report on the park's carriers", "2025-03-01",
                              False, "Outlet & Co", "https://example.org/" + "x" * 150,
                              "2" * 64, 3))
    cite = [Citation("a3", 1, 0, 1, "x")]
    for i in range(45):
        b.entities.append(Entity(f"e{i:02d}", "enterprise",
                                 f"Enterprise {i:02d} Precision Manufacturing Co., Ltd.",
                                 "park-nanhai", sources=cite))
    for i in range(20):
        b.entities.append(Entity(f"p{i:02d}", "project",
                                 f"Project {i:02d} Intelligent Manufacturing Industrial Park",
                                 "park-nanhai", subkind="carrier", status="under construction",
                                 sources=cite))
        b.figures += [
            Figure(f"fi{i}", f"p{i:02d}", "total investment", "1.2", "billion yuan",
                   refers_to="2024", sources=cite),
            Figure(f"fa{i}", f"p{i:02d}", "floor area", "226,666", "㎡", qualifier="about",
                   sources=cite),
            Figure(f"fd{i}", f"p{i:02d}", "construction start", "2021-08-08", sources=cite),
        ]
    for i in range(14):
        b.figures.append(Figure(f"fz{i}", "park-nanhai", f"佛山 output value {i // 2}", f"{i}.5",
                                "billion yuan", refers_to="2023", reported=f"2024-01-{i + 1:02d}",
                                sources=cite))
    b.entities.append(Entity("li", "person", "Li Test", "park-nanhai", sources=cite))
    b.roles.append(Role("r-li", "li", "Deputy Director of the Investment Promotion Bureau",
                        "park-nanhai", "2024", sources=cite))
    return b


@pytest.fixture
def long_db(tmp_path: Path) -> Path:
    path = tmp_path / "long.db"
    write_bundle(long_bundle(), path, {"built_at": "2026-01-01T00:00:00"})
    return path


def _row_extent(doc, table, row: int) -> tuple[float, float]:
    """Top of a row's first line and bottom of its last, asked of Qt cell by cell."""
    layout = doc.documentLayout()
    cells = [table.cellAt(row, column) for column in range(table.columns())]
    return (min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells),
            max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells))


def _laid_out(db: Path, park: str = "park-nanhai") -> LaidOutSheet:
    directory = Directory.open(db)
    try:
        return layout_sheet(build_factsheet(directory, park), new_printer())
    finally:
        directory.close()


def test_a_long_sheet_keeps_rows_whole_and_headings_with_their_content(qapp, long_db: Path) -> None:
    sheet = _laid_out(long_db)
    doc, page_of = sheet.doc, sheet.page_of
    assert len(sheet.pages) >= 3
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            rect = layout.blockBoundingRect(block)
            assert rect.height() > 0, block.text()  # laid out, so painted
            following = layout.blockBoundingRect(block.next())
            assert page_of(rect.top()) == page_of(following.bottom()), block.text()
        block = block.next()
    for table in _tables(doc.rootFrame()):
        for row in range(table.rows()):
            top, bottom = _row_extent(doc, table, row)
            assert page_of(top) == page_of(bottom - 1), f"row {row} split across pages"


def test_the_last_row_of_a_table_keeps_its_rule(qapp, sample_db: Path, tmp_path: Path) -> None:
    """Each row of a list ends with the same rule, the last one too: the rules are the
    cells' own bottom borders (collapsed borders drew the same, at twice the painting time)."""
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    directory = Directory.open(sample_db)
    sheet = build_factsheet(directory, "zone")  # its contacts beside their QR code
    directory.close()
    out = tmp_path / "sheet.pdf"
    write_pdf([sheet], out)
    printer = new_printer()
    laid = layout_sheet(sheet, printer)
    contacts = next(t for t in _tables(laid.doc.rootFrame()) if t.format().headerRowCount())
    assert contacts.rows() >= 3
    frame = laid.doc.documentLayout().frameBoundingRect(contacts)
    dpi, page = 100, printer.pageRect(QPrinter.Unit.DevicePixel)
    scale = dpi / printer.resolution()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-f", "1", "-l", "1",
                    str(out), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.pgm"))
    left, right = (round((page.left() + x) * scale) + 4 for x in (frame.left(), frame.right() - 8))

    def rule_under(row: int) -> float:
        """How dark the darkest line across the table is between a row's text and the next
        row's (or the table's end): 0 black, 255 white."""
        top = _row_extent(laid.doc, contacts, row)[1]
        below = (_row_extent(laid.doc, contacts, row + 1)[0] if row + 1 < contacts.rows()
                 else frame.bottom())
        lines = range(round((page.top() + top) * scale), round((page.top() + below) * scale) + 2)
        return min(sum(image.pixelColor(x, y).value() for x in range(left, right)) / (right - left)
                   for y in lines)

    last, before = rule_under(contacts.rows() - 1), rule_under(contacts.rows() - 2)
    assert before < 240  # the rule is there to be seen
    assert last <= before + 5, (last, before)


def test_pages_follow_on_and_fit_under_their_repeated_header(qapp, long_db: Path) -> None:
    sheet = _laid_out(long_db)
    pages = sheet.pages
    assert pages[0].top == 0 and pages[0].header is None
    for before, after in itertools.pairwise(pages):
        assert after.top == before.bottom  # nothing skipped, nothing printed twice
    for page in pages:
        header = page.header.height() if page.header else 0.0
        assert 0 < page.bottom - page.top <= sheet.page_height - header + 0.5
    # The long tables run over pages: those they continue on start with their header row,
    # which lies higher up in the sheet.
    repeated = [page for page in pages if page.header is not None]
    assert repeated and all(p.header.bottom() <= p.top for p in repeated)


def test_a_paragraph_longer_than_a_page_is_cut_between_its_lines(qapp, tmp_path: Path) -> None:
    bundle = sample_bundle()
    park = next(e for e in bundle.entities if e.id == "park-nanhai")
    park.description = " ".join(f"Sentence {n} of a very long description." for n in range(900))
    path = tmp_path / "wordy.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01T00:00:00"})
    sheet = _laid_out(path)
    doc = sheet.doc
    block = doc.begin()
    while "Sentence 0 " not in block.text():
        block = block.next()
    top = doc.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    assert lines.boundingRect().height() > sheet.page_height  # more than a page
    for i in range(lines.lineCount()):
        line = lines.lineAt(i)
        first, last = top + line.y(), top + line.y() + line.height() - 1
        assert sheet.page_of(first) == sheet.page_of(last), f"line {i} cut"
    out = tmp_path / "wordy.pdf"
    assert factsheet(path, "nanhai", out) == 0
    text = " ".join(pdf_pages(out))
    assert "Sentence 0 of" in text and "Sentence 899 of" in text


def test_a_long_sheet_reads_back_on_every_page(long_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "nanhai.pdf"
    assert factsheet(long_db, "nanhai", out) == 0
    pages = pdf_pages(out)
    count = len(pages)
    assert count >= 3
    for number, text in enumerate(pages, 1):
        assert f"Nanhai Park Page {number} of {count}" in text
    text = " ".join(pages)
    for section in SECTIONS:
        assert section in text
    for expected in ("Enterprise 00 Precision", "Enterprise 39 Precision", "佛山 output value 6",
                     "Project 19 Intelligent", "about 226,666", "Li Test",
                     "Enterprise 44 Precision", "A long report"):
        assert expected in text, expected
    assert "Showing" not in text and "more in parkdesk" not in text  # the full record


# -- errors: a clear message, no half-written file --------------------------------------------------


def test_an_unknown_park_lists_the_valid_names(sample_db: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert factsheet(sample_db, "Atlantis", folder / "x.pdf") == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: There is no park called 'Atlantis'")
    assert "Chancheng, Gaoming, Nanhai, Sanshui, Shunde, zone, all" in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("name", "title"), [("Shunde District", "Shunde Park"), ("thz", "Test")])
def test_factsheet_and_export_take_the_same_names(sample_db, tmp_path: Path, name, title) -> None:
    pdf, exported = tmp_path / "sheet.pdf", tmp_path / "export.json"
    assert factsheet(sample_db, name, pdf) == 0
    assert main(["export", "--park", name, "-o", str(exported), "--db", str(sample_db)]) == 0
    assert PdfReader(pdf).metadata.title.startswith(title)
    assert json.loads(exported.read_text("utf-8"))["scope"]["name"].startswith(title)


@pytest.mark.parametrize("where", ["missing", "folder", "unwritable"])
def test_an_unusable_output_path_is_refused(sample_db, tmp_path: Path, capsys, where) -> None:
    if where == "missing":
        out, words = tmp_path / "no" / "such" / "x.pdf", "does not exist"
    elif where == "folder":
        out, words = tmp_path, "is a folder"
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        if os.geteuid() == 0:  # root writes anywhere a chmod allows; sysfs refuses even root
            folder = Path("/sys")
        out, words = folder / "x.pdf", "Cannot write"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert factsheet(sample_db, "zone", out) == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: ") and words in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not out.is_file()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(qapp, sample_db, tmp_path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "sheet.pdf"
    out.write_bytes(b"old contents")
    directory = Directory.open(sample_db)
    sheets = [build_factsheet(directory, "zone")]
    directory.close()
    with pytest.raises(ParkdeskError, match="paper size"):
        write_pdf(sheets, out, paper="A5")
    assert out.read_bytes() == b"old contents"
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"]
    assert write_pdf(sheets, out) == 1  # and a good write replaces it whole
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"]
    assert "\ufb01" not in " ".join(pdf_pages(out))  # no "fi" ligature in the text


def _limit_file_size() -> None:
    """In the child: files may grow to 32 KB; past that a write fails (no signal kills it)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, 32 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_pdf_cut_short_by_a_full_disk_is_an_error(sample_db, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "all.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "parkdesk", "factsheet", "all", "-o", str(out),
         "--db", str(sample_db)],
        capture_output=True, text=True, timeout=120, preexec_fn=_limit_file_size,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1, result.stdout  # the whole PDF is about 55 KB
    assert result.stdout == ""
    assert result.stderr.startswith(f"parkdesk: Cannot write {out}: ")
    assert "free disk space" in result.stderr and result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []


def test_a_missing_database_is_a_message(tmp_path: Path, capsys) -> None:
    assert factsheet(tmp_path / "none.db", "zone", tmp_path / "x.pdf") == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_no_blank_pages_in_the_bundled_sheets(tmp_path: Path) -> None:
    # The zone's sheet once had a heading a hair above a page's foot; breaking before it
    # left a page with nothing but its footer.
    from parkdesk.paths import DEFAULT_DB

    target = tmp_path / "all.pdf"
    assert main(["factsheet", "all", "-o", str(target), "--db", str(DEFAULT_DB)]) == 0
    for number, page in enumerate(PdfReader(target).pages, start=1):
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(lines) > 4, f"page {number} holds only its footer"


def test_a_header_taller_than_half_a_page_is_not_repeated(qapp) -> None:
    # Repeated under a page-tall header, no row would fit and the cutting would never end.
    from PySide6.QtGui import QTextDocument

    from parkdesk.ui.printing_pages import cut_pages

    doc = QTextDocument()
    doc.setTextWidth(400)
    tall = "<br/>".join(["Header line"] * 40)
    rows = "".join(f"<tr><td>Row {n}</td></tr>" for n in range(80))
    doc.setHtml(f"<table><thead><tr><th>{tall}</th></tr></thead><tbody>{rows}</tbody></table>")
    height = doc.documentLayout().documentSize().height() / 4
    pages = cut_pages(doc, height)
    assert all(page.header is None for page in pages)
    end = doc.documentLayout().documentSize().height() - doc.documentMargin()
    assert pages[-1].bottom >= end - 1  # down to the last row
    assert all(page.bottom > page.top for page in pages)
