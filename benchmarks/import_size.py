"""`python -m benchmarks.import_size [MB ...]`: import time per MB of article, to see it stay linear.

One article of the given size (default 0.5, 1 and 2 MB) is made from a paragraph written here
(names, amounts, dates, a person with a title) and imported with data/curation.toml, in a
fresh process each, interleaved with the floor: reading the same file into paragraphs alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

PARAGRAPH = (
    "Chancheng Park signed 3 projects worth 1.2 billion yuan ($170 million) with Testville "
    "Robotics Co., Ltd. on March 3, covering 20,000 square meters; output grew nearly 8.5 percent "
    "last year, said Li Ming, director of the Testville Bureau of Commerce. Item {}."
)
_CHILD = """
import sys, time
from pathlib import Path
from parkdesk.ingest.articles import parse_article
from parkdesk.ingest.build import collect
from parkdesk.paths import CURATION_FILE
folder = Path(sys.argv[1])
t = time.perf_counter()
if sys.argv[2] == "floor":
    parse_article(folder / "a.txt")
else:
    collect(folder, CURATION_FILE)
print(time.perf_counter() - t)
"""


def _article(folder: Path, size: int) -> None:
    lines, total, i = ["A long test article", "Foshan China 2023-05-06 10:00", ""], 0, 0
    while total < size:
        text = PARAGRAPH.format(i)
        lines += [text, ""]
        total += len(text) + 2
        i += 1
    (folder / "a.txt").write_text("\n".join(lines), encoding="utf-8")


def _run(folder: Path, what: str) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(folder), what], check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def main(argv: list[str]) -> None:
    sizes = [float(a) for a in argv] or [0.5, 1.0, 2.0]
    print(f"{'MB':>5} {'import s':>9} {'s per MB':>9} {'floor s':>8}")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _article(folder, int(mb * 1_000_000))
            floor = _run(folder, "floor")
            seconds = _run(folder, "import")
            print(f"{mb:5.2f} {seconds:9.2f} {seconds / mb:9.2f} {floor:8.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
