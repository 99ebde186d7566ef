"""The printed sheets of the bundled directory, read back from the PDF (pypdf): every park's
phone, its figures with their qualifiers, every item, and no "more in parkdesk"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from parkdesk.cli import main

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "parks.db"
PARKS = {  # park: its phone, and figures of its projects as they must print
    "chancheng": ("0757 8221 0575", ()),
    "gaoming": ("0757 8888 1609", ()),
    "nanhai": ("0757 8631 6675", ("at least 150 enterprises (estimated)", "about 226,666 m²",
                                 "8 Aug 2021 (“August 8”)")),
    "sanshui": ("0757 8738 8225", ("over 1.65 billion yuan (expected)",
                                  "2021 (“this year”), planned")),
    "shunde": ("0757 2636 3972", ()),
}


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each sheet's text, whitespace collapsed, from one PDF per sheet."""
    folder = tmp_path_factory.mktemp("sheets")
    db = folder / "parks.db"
    shutil.copy(BUNDLED, db)
    texts = {}
    for name in (*PARKS, "zone"):
        out = folder / f"{name}.pdf"
        assert main(["factsheet", name, "-o", str(out), "--db", str(db)]) == 0
        texts[name] = " ".join(" ".join(p.extract_text().split())
                               for p in PdfReader(out).pages)
    return texts


@pytest.mark.parametrize("park", sorted(PARKS))
def test_every_park_sheet_has_its_phone_its_qualified_figures_and_no_cut(sheets, park) -> None:
    phone, figures = PARKS[park]
    text = sheets[park]
    assert phone in text
    for figure in figures:
        assert figure in text, figure
    assert "more in parkdesk" not in text and "Showing" not in text


def test_the_zone_sheet_reads_right_on_paper(sheets) -> None:
    text = sheets["zone"]
    for expected in (
        "over 5,400 enterprises (expected)", "472.657 billion yuan (expected)",
        "2020 (“last year”)", "76.21% (also reported as over 70%)",
        "Municipal funding secured: 385 million yuan (2023)",
        "current (as of 29 Feb 2024)", "as of 30 Apr 2021",
        "2 Markham Road, Shishan, Nanhai Dist, Foshan, Guangdong, P.R.China 528222",
        "Service team members: over 100 members (2023)",
        *(phone for phone, _ in PARKS.values()),
    ):
        assert expected in text, expected
    assert "different values" not in text and "more in parkdesk" not in text
    assert text.index("Total industrial output value") < text.index("Auto-parts enterprises")
