"""Paired, interleaved measurement: A B A B …, one ratio per pair, the median of the ratios.

A shared machine's load comes and goes in bursts. Dividing the median of A's runs by the
median of B's runs taken at other moments lets a burst flatter or punish either side; run
back to back, a pair sees the same moment, so the ratio of each pair is what is compared.
The order within a pair alternates (A B, B A, …) so neither side always runs second, on a
warmer cache. Other benchmark modules import `paired`, `interleaved` and `pair_of` (for more
than two measures in the same rounds), `timed` and `child_run`.

    from benchmarks.paired import paired
    result = paired(lambda: run_app(), lambda: run_floor(), pairs=7)
    result.ratio()            # Spread(min, median, max) of the per-pair ratios (wall time)
    result.ratio("cpu")       # the same for CPU time, when the measures return it
    result.a("wall").median   # A's own figure
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

Measure = Callable[[], "float | Mapping[str, float]"]


@dataclass(frozen=True)
class Spread:
    """Minimum, median and maximum of some samples."""

    min: float
    median: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            return cls(float("nan"), float("nan"), float("nan"))
        return cls(min(values), statistics.median(values), max(values))

    def as_dict(self) -> dict[str, float]:
        return {"min": self.min, "median": self.median, "max": self.max}


@dataclass
class Paired:
    """Samples of A and B, pair by pair; each sample maps a metric ("wall", "cpu", …) to a value."""

    a_samples: list[dict[str, float]] = field(default_factory=list)
    b_samples: list[dict[str, float]] = field(default_factory=list)

    def ratios(self, metric: str = "wall") -> list[float]:
        """A / B for each pair, in run order."""
        return [a[metric] / b[metric] for a, b in zip(self.a_samples, self.b_samples, strict=True)
                if b.get(metric) and metric in a]

    def ratio(self, metric: str = "wall") -> Spread:
        """min / median / max of the per-pair ratios."""
        return Spread.of(self.ratios(metric))

    def a(self, metric: str = "wall") -> Spread:
        return Spread.of([s[metric] for s in self.a_samples if metric in s])

    def b(self, metric: str = "wall") -> Spread:
        return Spread.of([s[metric] for s in self.b_samples if metric in s])

    def as_dict(self) -> dict:
        metrics = sorted({m for s in self.a_samples for m in s} & {m for s in self.b_samples for m in s})
        return {
            "pairs": len(self.a_samples),
            **{f"a_{m}": self.a(m).as_dict() for m in metrics},
            **{f"b_{m}": self.b(m).as_dict() for m in metrics},
            **{f"ratio_{m}": self.ratio(m).as_dict() for m in metrics},
            "a_samples": self.a_samples, "b_samples": self.b_samples,
        }


def timed(action: Callable[[], object]) -> dict[str, float]:
    """Run `action` once in this process: its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def _sample(measure: Measure) -> dict[str, float]:
    value = measure()
    return {"wall": float(value)} if isinstance(value, int | float) else dict(value)


def paired(measure_a: Measure, measure_b: Measure, pairs: int, warmup: bool = True) -> Paired:
    """Run A and B `pairs` times each, interleaved, alternating which goes first.

    A measure returns seconds (taken as "wall"), or a mapping of metrics ("wall", "cpu",
    "rss_mb", …); ratios are taken per metric present on both sides. With `warmup`, each is
    run once first, unrecorded (file cache, byte code).
    """
    if warmup:
        measure_a()
        measure_b()
    result = Paired()
    for i in range(pairs):
        if i % 2 == 0:
            a, b = _sample(measure_a), _sample(measure_b)
        else:
            b, a = _sample(measure_b), _sample(measure_a)
        result.a_samples.append(a)
        result.b_samples.append(b)
    return result


def pair_of(a_samples: Sequence[Mapping[str, float]], b_samples: Sequence[Mapping[str, float]]
            ) -> Paired:
    """A Paired of two measures' samples taken round by round (as `interleaved` returns them)."""
    return Paired([dict(s) for s in a_samples], [dict(s) for s in b_samples])


def interleaved(measures: Mapping[str, Measure], rounds: int, warmup: bool = True
                ) -> dict[str, list[dict[str, float]]]:
    """Each measure once per round, `rounds` rounds, the order rotated each round (A B C, B C A,
    C A B, …); returns each measure's samples in round order, so that `pair_of(s[x], s[y])`
    pairs the samples of the same round. With `warmup`, each runs once first, unrecorded."""
    names = list(measures)
    if warmup:
        for name in names:
            measures[name]()
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(_sample(measures[name]))
    return samples


def child_run(argv: Sequence[str], **kwargs: object) -> dict[str, float]:
    """Run a child process to its end: its wall and CPU seconds (user + system, from
    RUSAGE_CHILDREN) and the peak RSS of the largest child so far (MB). Raises on failure."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(list(argv), check=True, **kwargs)  # type: ignore[call-overload]
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall,
            "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "rss_mb": after.ru_maxrss / 1024}
