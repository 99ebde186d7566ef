"""The synthetic directory a benchmark runs on: made once per size, seed and generator version,
cached in the user cache folder (`parkdesk synth` at 1M takes minutes and writes ~2.5 GB).

    python -m benchmarks.bigdb --size 1M      # make it (if needed) and print its path
"""

from __future__ import annotations

import argparse
import re
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_size(text: str) -> int:
    """"1M" -> 1,000,000; "250k" -> 250,000; "20000" -> 20,000."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 20000, 100k or 1M")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]
    n = int(float(m.group(1)) * factor)
    if n < 1:
        raise argparse.ArgumentTypeError("the size must be at least 1")
    return n


def size_label(n: int) -> str:
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def cache_path(enterprises: int, seed: int = 1) -> Path:
    """Where the file of this size, seed and generator version is cached."""
    from parkdesk.ingest.synth import SYNTH_VERSION
    from parkdesk.paths import user_cache_dir

    folder = user_cache_dir() / "benchmarks"
    return folder / f"synth-{size_label(enterprises)}-seed{seed}-v{SYNTH_VERSION}.db"


def _stamp(path: Path) -> tuple[str, str] | None:
    """The file's ("synthetic", "synth_version") meta, or None when it is not readable."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta"))
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return meta.get("synthetic", ""), meta.get("synth_version", "")


def ensure(enterprises: int, seed: int = 1, path: Path | None = None) -> tuple[Path, dict]:
    """The synthetic file, made unless a complete one of this generator version is there (a
    `path` given that exists is used as it is).
    Returns its path and how it was had: {"made": bool, "wall_s", "cpu_s", "rss_mb"}."""
    from parkdesk.ingest.synth import SYNTH_VERSION

    if path is not None and path.exists():
        return path, {"made": False, "given": True}  # the caller's own file, used as it is
    path = path or cache_path(enterprises, seed)
    wanted = (f"{enterprises} enterprises, seed {seed}", str(SYNTH_VERSION))
    if path.exists() and _stamp(path) == wanted:
        return path, {"made": False}
    path.parent.mkdir(parents=True, exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parkdesk", "synth", "--enterprises", str(enterprises),
                    "--seed", str(seed), "-o", str(path)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return path, {"made": True, "wall_s": time.perf_counter() - started,
                  "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
                  "rss_mb": after.ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bigdb", description=__doc__)
    parser.add_argument("--size", type=parse_size, default=parse_size("100k"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="instead of the user cache folder")
    args = parser.parse_args()
    path, how = ensure(args.size, args.seed, args.output)
    print(path, how)
    return 0


if __name__ == "__main__":
    sys.exit(main())
