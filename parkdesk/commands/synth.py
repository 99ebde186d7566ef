"""`parkdesk synth --enterprises N -o FILE`: a large synthetic directory for benchmarks."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

NAME = "synth"
HELP = "write a large synthetic directory for benchmarks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`synth [--enterprises N] [--seed S] -o FILE`."""
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    """Write the synthetic directory from the parsed arguments."""
    return synth(args.enterprises, args.output, args.seed)


def synth(enterprises: int, output: Path, seed: int = 1) -> int:
    """Write `enterprises` synthetic enterprises to `output` and say what was written."""
    from parkdesk.ingest.synth import write_synthetic

    started = time.perf_counter()
    rows = write_synthetic(enterprises, output, seed)
    print(
        f"wrote {output}: {rows.get('entities', 0):,} records, {rows.get('contacts', 0):,} "
        f"contacts, {rows.get('figures', 0):,} figures, seed {seed}, "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0
