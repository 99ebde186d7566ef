"""Cold start to the first painted window, a new process per run; parkdesk against a bare window.

The runs are interleaved (bare, small database, big database, bare, ...) so that a busy
moment on a shared machine hits every kind alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = Path(__file__).with_name("startup_child.py")


def one_start(what: str, db: Path | None, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to its first painted window, and its peak RSS (MB)."""
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
    return {"seconds": result["painted"] - began, "rss_mb": result["rss_kb"] / 1024,
            "cpu_seconds": result["cpu"]}


def measure(databases: dict[str, Path], env: dict[str, str], runs: int) -> dict[str, list[dict]]:
    """Start-up samples per kind: "bare" and one per database label."""
    samples: dict[str, list[dict]] = {"bare": [], **{label: [] for label in databases}}
    one_start("bare", None, env)  # warm the file cache for everyone
    for db in databases.values():
        one_start("app", db, env)
    for _ in range(runs):
        samples["bare"].append(one_start("bare", None, env))
        for label, db in databases.items():
            samples[label].append(one_start("app", db, env))
    return samples
