"""`python -m benchmarks.schema_pair --before OLD.db --after NEW.db`: the app's own queries on two
builds of the same directory, paired, to see that a schema change keeps them as fast.

Both files are read with today's code (opened without the version check, so that a file of the
previous schema can be the floor). Each round runs every operation once on each file, in
alternating order, so that a busy machine slows both alike; the figure per operation is the
median of after/before over the rounds, and the table ends with the median of those ratios.
Made for issue 14 (m007: foreign keys, entities.park_id, citations.entity_id, entities_fts).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.queries import query_set
from parkdesk.core.db.connect import connect_readonly
from parkdesk.core.db.directory import Directory

Operation = tuple[str, Callable[[Directory], object]]


def _open(path: Path) -> Directory:
    return Directory(connect_readonly(path), path)


def _operations(directory: Directory) -> list[Operation]:
    """What typing, browsing and reading a record do, chosen from the file itself."""
    ops: list[Operation] = []
    for kind, text in query_set(directory.con):
        prefixes = [text[:n] for n in range(1, len(text) + 1)]
        ops.append((f"search: {kind} {text!r}",
                    lambda d, p=prefixes: [d.search_result(q, 50) for q in p]))
    parks = directory.parks()
    biggest = max(parks, key=lambda p: directory.count_children(p.id))
    ops.append(("tree: biggest park, first 200", lambda d: d.children(biggest.id, limit=200)))
    ops.append(("tree: child counts of the parks",
                lambda d: d.child_totals([p.id for p in parks])))
    page = directory.children(biggest.id, limit=400)
    last = page[-1]
    ops.append(("tree: page after 400", lambda d: d.children(biggest.id, limit=200,
                                                             after=(last.name, last.id))))
    some = [e.id for e in page[::40]]
    ops.append(("detail: entity, park, contacts, figures",
                lambda d: [(d.entity(i), d.park_of(i), d.contacts(i), d.figures(i))
                           for i in some]))
    ops.append(("detail: a park's contacts with its bodies",
                lambda d: d.contacts(biggest.id, include_children=True)))
    ops.append(("detail: the zone and its people", lambda d: (d.zone(), d.people_of(d.zone().id))))
    return ops


def _time(op: Callable[[Directory], object], directory: Directory) -> float:
    started = time.perf_counter()
    op(directory)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    before, after = _open(args.before), _open(args.after)
    ops = _operations(before)
    for _, op in ops:  # warm both page caches once
        op(before)
        op(after)
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in ops}
    for n in range(args.rounds):
        for name, op in ops:
            pair = (before, after) if n % 2 == 0 else (after, before)
            first, second = (_time(op, d) for d in pair)
            b, a = (first, second) if n % 2 == 0 else (second, first)
            times[name][0].append(b)
            times[name][1].append(a)
    ratios = []
    print(f"{'operation':58} {'before ms':>10} {'after ms':>10} {'ratio':>7}")
    for name, (b, a) in times.items():
        ratio = statistics.median(x / y for x, y in zip(a, b, strict=True) if y > 0)
        ratios.append(ratio)
        print(f"{name[:58]:58} {statistics.median(b) * 1e3:10.2f} "
              f"{statistics.median(a) * 1e3:10.2f} {ratio:7.2f}")
    print(f"median ratio after/before over {len(ratios)} operations: "
          f"{statistics.median(ratios):.2f} (worst {max(ratios):.2f})")
    before.close()
    after.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
