"""Import work grows linearly with article size (issue 9: a 5 MB article took 38 s, 1 MB 3.1 s).

Not a timing: the Python lines the ingest package executes are counted with a trace function,
for an article of n paragraphs and one of 2n. The quadratic scan (each paragraph looked through
every span claimed in its article) made that count grow about 3.5-fold here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from parkdesk.ingest.build import collect

INGEST = str(Path(__file__).resolve().parents[2] / "parkdesk" / "ingest")
CURATION = """
[articles]
reviewed = ["big"]

[[entity]]
id = "zone"
kind = "zone"
name = "Testville Innovation Zone"

[[entity]]
id = "north"
kind = "park"
name = "North Park"
parent = "zone"
"""
PARAGRAPH = (
    "North Park of the Testville Innovation Zone signed 3 projects worth 1.2 billion yuan on "
    "March 3 with Brightway Tools Co., Ltd., said Lin Hua, director of the Testville Bureau."
)


def _lines_executed(tmp_path: Path, paragraphs: int) -> int:
    folder = tmp_path / f"n{paragraphs}"
    folder.mkdir()
    body = "\n\n".join(f"{PARAGRAPH} Item {i}." for i in range(paragraphs))
    (folder / "big.txt").write_text(f"A long report\nTest Herald 2023-05-06 10:00\n\n{body}\n")
    curation = folder / "curation.toml"
    curation.write_text(CURATION)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(INGEST) else None

    sys.settrace(trace)
    try:
        collect(folder, curation)
    finally:
        sys.settrace(None)
    return count


def test_twice_the_paragraphs_is_about_twice_the_work(tmp_path: Path) -> None:
    small = _lines_executed(tmp_path, 80)
    large = _lines_executed(tmp_path, 160)
    assert large / small < 2.4, (small, large)
