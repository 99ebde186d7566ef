"""Benchmark (issue 17): the user's layer at 100k and 1M enterprises. Run on demand, never as a test:

    .venv/bin/python -m benchmarks.userstore [--sizes 100k,1M] [--changes 200] [--pairs 9]

For each size (the cached synthetic file of benchmarks/bigdb.py; a size whose file is not made
yet is skipped, never built here) and for the bundled data/parks.db, a user store of its own in a
temporary folder gets `--changes` changes (renames, descriptions, added enterprises in the
biggest folder, moves, hidden records, notes, added phones, review decisions). Then, paired:

- open with the changes (Directory.open + the layer applied) / the same file opened with an
  empty store (the floor);
- an edit (a rename: recorded, the directory shown anew), its undo, and a review decision (a
  finding rejected), each / the same at the bundled size, in the same rounds (the target: at
  most 16 ms more), and / the store alone (the change committed and the journal read: what any
  design pays);
- peak RSS of a session in a process of its own (open, the biggest folder's first pages, a
  search, an edit and its undo) with the changes / the same session with an empty store
  (target: a few tens of MB more at most).

The bundled and synthetic files are only read (checked: their bytes' size and mtime before and
after). Prints a table; writes benchmarks/results/userstore-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import bigdb  # noqa: E402
from benchmarks.paired import Spread, interleaved, pair_of, timed  # noqa: E402
from parkdesk.core.db.directory import Directory  # noqa: E402
from parkdesk.core.userstore import changes as ch  # noqa: E402
from parkdesk.core.userstore.session import UserData, open_user_data  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
BUNDLED = ROOT / "data" / "parks.db"


def _biggest_folder(directory: Directory) -> str:
    parks = directory.parks()
    return max(parks, key=lambda p: directory.count_children(p.id)).id


def _change_set(directory: Directory, n: int) -> list[list[ch.Op]]:
    """`n` changes of the kinds a user makes, over the records of this directory."""
    folder = _biggest_folder(directory)
    children = directory.children(folder, limit=max(n, 10))
    other = next(p.id for p in directory.parks() if p.id != folder)
    article = next(iter(directory.articles()))
    result: list[list[ch.Op]] = []
    for i in range(n):
        child = children[i % len(children)].id
        kind = i % 8
        if kind == 0:
            op = ch.set_field(child, "name", f"Renamed Enterprise {i}")
        elif kind == 1:
            op = ch.set_field(child, "description", f"The user's description {i}")
        elif kind == 2:
            op = ch.add_entity("enterprise", f"Added Enterprise {i}", folder)
        elif kind == 3:
            op = ch.set_field(child, "parent", other)
        elif kind == 4:
            op = ch.hide("entity", children[-1 - i % len(children)].id)
        elif kind == 5:
            op = ch.set_note("entity", child, f"Called on {i}")
        elif kind == 6:
            op = ch.add_contact(child, "phone", "Desk", "0757 8631 6675")
        else:
            op = ch.decide(f"bench-finding-{i}", article, "rejected")
        result.append([op])
    return result


def _prepared(db: Path, store: Path, n: int) -> UserData:
    data = open_user_data(db, store, backup=False)
    assert data.store is not None
    for i, ops in enumerate(_change_set(data.directory, n)):
        data.store.record(f"bench {i}", ops)
    data.refresh()
    return data


class _Actions:
    """An edit, its undo and a review decision on one UserData, each timed on its own."""

    def __init__(self, data: UserData) -> None:
        self.data = data
        self.target = data.directory.children(_biggest_folder(data.directory), limit=1)[0].id
        self.article = next(iter(data.directory.articles()))
        self.last: int | None = None
        self.i = 0

    def edit(self) -> dict[str, float]:
        self.i += 1
        op = ch.set_field(self.target, "name", f"Bench Rename {self.i}")
        sample = timed(lambda: setattr(self, "last", self.data.record("bench edit", [op]).seq))
        return sample

    def undo(self) -> dict[str, float]:
        if self.last is None:
            self.edit()
        seq, self.last = self.last, None
        assert seq is not None
        return timed(lambda: self.data.set_state(seq, ch.UNDONE))

    def decision(self) -> dict[str, float]:
        self.i += 1
        op = ch.decide(f"bench-decision-{self.i}", self.article, "rejected")
        return timed(lambda: self.data.record("bench decision", [op]))

    def store_alone(self) -> dict[str, float]:
        """The change committed and the journal read, without showing it (then undone)."""
        self.i += 1
        store = self.data.store
        assert store is not None
        op = ch.set_field(self.target, "name", f"Bench Store {self.i}")

        def run() -> None:
            change = store.record("bench store", [op])
            store.changes(active_only=True)
            self.last_store = change.seq

        sample = timed(run)
        store.set_state(self.last_store, ch.UNDONE)
        return sample


def _open(db: Path, store: Path) -> dict[str, float]:
    holder: list[UserData] = []
    sample = timed(lambda: holder.append(open_user_data(db, store, backup=False)))
    holder[0].close()
    return sample


def _session_rss(db: Path, store: Path) -> float:
    """Peak RSS (MB) of a session in a process of its own (see `child`)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.userstore", "--child", str(db),
                           str(store)], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["rss_mb"])


def child(db: Path, store: Path) -> None:
    """The session whose peak RSS is measured: open, the biggest folder's first 2,000 rows in
    pages, a search, an edit and its undo."""
    data = open_user_data(db, store, backup=False)
    folder = _biggest_folder(data.directory)
    after = None
    for _ in range(10):
        page = data.directory.children(folder, limit=200, after=after)
        if not page:
            break
        after = (page[-1].name, page[-1].id)
    data.directory.search("tech")
    target = data.directory.children(folder, limit=1)[0].id
    change = data.record("rss edit", [ch.set_field(target, "name", "RSS Rename")])
    data.set_state(change.seq, ch.UNDONE)
    data.directory.search("rss rename")
    data.close()
    print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _file_stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _ms(s: Spread) -> str:
    return f"{s.median * 1000:7.1f} ms ({s.min * 1000:.1f}-{s.max * 1000:.1f})"


def _ratio(s: Spread) -> str:
    return f"{s.median:6.2f}x ({s.min:.2f}-{s.max:.2f})"


def measure(db: Path, small: UserData, folder: Path, n: int, pairs: int,
            rss_rounds: int | None = None) -> dict:
    """Every figure of one size, paired with its floors (`rss_rounds` sessions in a process
    of their own each, with and without the changes: default a third of `pairs`, at least 3)."""
    label = db.name
    stamp = _file_stamp(db)
    store, empty = folder / f"{label}.store.db", folder / f"{label}.empty.db"
    data = _prepared(db, store, n)
    open_user_data(db, empty, backup=False).close()
    big, base = _Actions(data), _Actions(small)
    opens = interleaved({"changes": lambda: _open(db, store), "empty": lambda: _open(db, empty)},
                        rounds=pairs)
    acts = interleaved({"edit": big.edit, "undo": big.undo, "decision": big.decision,
                        "base_edit": base.edit, "base_undo": base.undo,
                        "base_decision": base.decision, "store": big.store_alone}, rounds=pairs)
    rss = interleaved({"changes": lambda: {"rss_mb": _session_rss(db, store)},
                       "empty": lambda: {"rss_mb": _session_rss(db, empty)}},
                      rounds=rss_rounds or max(3, pairs // 3), warmup=False)
    data.close()
    assert _file_stamp(db) == stamp, f"{db} was written"
    result: dict = {"db": str(db), "changes": n, "pairs": pairs,
                    "open": pair_of(opens["changes"], opens["empty"]).as_dict()}
    for action in ("edit", "undo", "decision"):
        vs_base = pair_of(acts[action], acts[f"base_{action}"])
        more = [a["wall"] - b["wall"] for a, b in zip(acts[action], acts[f"base_{action}"],
                                                      strict=True)]
        result[action] = {"vs_bundled": vs_base.as_dict(),
                          "more_than_bundled_s": Spread.of(more).as_dict(),
                          "vs_store_alone": pair_of(acts[action], acts["store"]).as_dict()}
    more_rss = [a["rss_mb"] - b["rss_mb"] for a, b in zip(rss["changes"], rss["empty"], strict=True)]
    result["rss"] = {**pair_of(rss["changes"], rss["empty"]).as_dict(),
                     "more_mb": Spread.of(more_rss).as_dict()}
    return result


def _print(r: dict) -> None:
    print(f"\n{r['db']}  ({r['changes']} changes, {r['pairs']} pairs; min-max in brackets)")
    o = r["open"]
    print(f"  open with changes   {_ms(Spread(**o['a_wall']))}  floor: empty store "
          f"{_ms(Spread(**o['b_wall']))}  ratio {_ratio(Spread(**o['ratio_wall']))}  "
          f"cpu ratio {_ratio(Spread(**o['ratio_cpu']))}")
    for action in ("edit", "undo", "decision"):
        a = r[action]
        vs = a["vs_bundled"]
        more = Spread(**a["more_than_bundled_s"])
        print(f"  {action:<9} wall {_ms(Spread(**vs['a_wall']))} cpu {_ms(Spread(**vs['a_cpu']))}"
              f" | bundled {_ms(Spread(**vs['b_wall']))}  +{more.median * 1000:.1f} ms "
              f"({more.min * 1000:.1f}-{more.max * 1000:.1f}; target <= 16)  ratio "
              f"{_ratio(Spread(**vs['ratio_wall']))} | store alone "
              f"{_ms(Spread(**a['vs_store_alone']['b_wall']))}  ratio "
              f"{_ratio(Spread(**a['vs_store_alone']['ratio_wall']))}")
    rss = r["rss"]
    more = Spread(**rss["more_mb"])
    print(f"  peak RSS session    {Spread(**rss['a_rss_mb']).median:.0f} MB  floor: empty store "
          f"{Spread(**rss['b_rss_mb']).median:.0f} MB  +{more.median:.1f} MB "
          f"({more.min:.1f}-{more.max:.1f})  ratio {_ratio(Spread(**rss['ratio_rss_mb']))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100k,1M")
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--pairs", type=int, default=9)
    parser.add_argument("--child", nargs=2, type=Path, metavar=("DB", "STORE"))
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="userstore-bench-"))
    small = _prepared(BUNDLED, folder / "bundled.store.db", args.changes)
    results = []
    for size in args.sizes.split(","):
        path = bigdb.cache_path(bigdb.parse_size(size))
        if not path.exists():
            print(f"{size}: {path} is not made yet (python -m benchmarks.bigdb --size {size}); skipped")
            continue
        results.append(measure(path, small, folder, args.changes, args.pairs))
        _print(results[-1])
    small.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"userstore-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
