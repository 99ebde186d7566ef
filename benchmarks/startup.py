"""Cold start to the first painted window, a new process per run: parkdesk against two floors.

The floors are a bare window and a plain window with the same widgets (see startup_child.py),
started the same way: the same interpreter, environment and site set-up, byte code cached for
all. The kinds run in rounds with the order rotated (benchmarks.paired.interleaved), so each
parkdesk start has a bare and a same-widgets start of its own round to be divided by.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.paired import interleaved

CHILD = Path(__file__).with_name("startup_child.py")
FLOORS = ("bare", "widgets")


def one_start(what: str, db: Path | None, env: dict[str, str]) -> dict[str, float]:
    """Wall seconds from spawning the process to its first painted window, its CPU seconds
    to then, and its peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "settings.ini"  # a first start: no saved window state
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, str(CHILD), what, str(db or "-"), str(settings)],
            env=env, capture_output=True, text=True, timeout=60,
        )
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {}
    if done.returncode != 0 or not result.get("painted"):
        raise RuntimeError(f"start-up run failed ({what}): {result} {done.stderr[-800:]}")
    return {"wall": result["painted"] - began, "cpu": result["cpu"],
            "rss_mb": result["rss_kb"] / 1024}


def measure(databases: dict[str, Path], env: dict[str, str], runs: int) -> dict[str, list[dict]]:
    """Start-up samples per kind ("bare", "widgets", one per database label), `runs` rounds;
    sample i of every kind is from round i."""
    measures = {floor: (lambda f=floor: one_start(f, None, env)) for floor in FLOORS}
    for label, db in databases.items():
        measures[label] = lambda d=db: one_start("app", d, env)
    return interleaved(measures, runs)
