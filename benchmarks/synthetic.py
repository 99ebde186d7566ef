"""The benchmark's synthetic directory: made once with `parkdesk synth`, cached in the user cache dir.

The file is reused while its key matches: size, seed, the generator's version
(parkdesk.ingest.synth.GENERATOR_VERSION), the schema version and a digest of the code that
writes the tables and the search index (so a change there is measured on a file it wrote).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Code besides the generator whose output is in the file.
WRITERS = ("parkdesk/core/db/migrations.py", "parkdesk/core/db/store.py",
           "parkdesk/core/db/search_index.py", "parkdesk/core/search/text.py",
           "parkdesk/core/search/typos.py", "parkdesk/core/db/schema.py")


def parse_size(text: str) -> int:
    """`1M`, `250k`, `100000` → a number of enterprises."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not a size: write e.g. 100k, 1M or 250000")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def size_label(enterprises: int) -> str:
    if enterprises % 1_000_000 == 0:
        return f"{enterprises // 1_000_000}M"
    if enterprises % 1_000 == 0:
        return f"{enterprises // 1_000}k"
    return str(enterprises)


def default_path(enterprises: int) -> Path:
    from parkdesk.paths import user_cache_dir

    return user_cache_dir() / "benchmarks" / f"synth-{size_label(enterprises)}.db"


def file_key(enterprises: int, seed: int) -> dict[str, object]:
    from parkdesk.core.db.schema import SCHEMA_VERSION
    from parkdesk.ingest.synth import GENERATOR_VERSION

    digest = hashlib.sha256()
    for name in WRITERS:
        digest.update((ROOT / name).read_bytes())
    return {"enterprises": enterprises, "seed": seed, "generator": GENERATOR_VERSION,
            "schema": SCHEMA_VERSION, "writers": digest.hexdigest()[:16]}


def _key_file(path: Path) -> Path:
    return path.with_name(path.name + ".key.json")


def ensure(path: Path, enterprises: int, seed: int) -> dict:
    """Make the synthetic database at `path` unless one with the same key is there. Returns
    what happened: "made" or "reused", and the synth's wall and CPU seconds and peak RSS (MB)
    when it was made (kept beside the file, so a reused file still reports them)."""
    wanted = file_key(enterprises, seed)
    keyed = _key_file(path)
    if path.exists() and keyed.exists():
        try:
            kept = json.loads(keyed.read_text(encoding="utf-8"))
            if kept.get("key") == wanted:
                return {"path": str(path), "what": "reused", **kept["made"]}
        except (OSError, ValueError, KeyError):
            pass
    path.parent.mkdir(parents=True, exist_ok=True)
    keyed.unlink(missing_ok=True)
    made = synth_once(enterprises, seed, path)
    made["enterprises"] = enterprises
    keyed.write_text(json.dumps({"key": wanted, "made": made}), encoding="utf-8")
    return {"path": str(path), "what": "made", **made}


def synth_once(enterprises: int, seed: int, path: Path) -> dict[str, float]:
    """Run `parkdesk synth` in a child process: its wall and CPU seconds and peak RSS (MB)."""
    code = ("import resource, runpy, sys, json\n"
            "sys.argv = ['parkdesk'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('parkdesk', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
            "u = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(json.dumps({'cpu': u.ru_utime + u.ru_stime, 'rss_mb': u.ru_maxrss / 1024}))\n"
            "sys.exit(code)\n")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "synth", "--enterprises", str(enterprises),
         "--seed", str(seed), "-o", str(path)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    usage = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall": time.perf_counter() - started, **usage}
