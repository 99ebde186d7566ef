"""The benchmark's own code at a tiny size: pairing, sizes, the cached synthetic file. No timings
are asserted here (speed lives in `make bench`); these check the harness does what it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import synthetic
from benchmarks.paired import interleaved, pair_of, paired


def test_ratios_are_taken_pair_by_pair_and_the_order_alternates() -> None:
    calls: list[str] = []
    a_values = iter([2.0, 4.0, 9.0])
    b_values = iter([1.0, 4.0, 3.0])

    def a() -> dict[str, float]:
        calls.append("a")
        return {"wall": next(a_values), "cpu": 1.0}

    def b() -> dict[str, float]:
        calls.append("b")
        return {"wall": next(b_values), "cpu": 2.0}

    result = paired(a, b, pairs=3, warmup=False)
    assert calls == ["a", "b", "b", "a", "a", "b"]
    assert result.ratios() == [2.0, 1.0, 3.0]
    spread = result.ratio()
    assert (spread.min, spread.median, spread.max) == (1.0, 2.0, 3.0)
    # Not median(A) / median(B), which would be 4 / 3.
    assert result.a().median / result.b().median != spread.median
    assert result.ratio("cpu").median == 0.5


def test_interleaved_rounds_rotate_and_pair_by_round() -> None:
    order: list[str] = []

    def measure(name: str, value: float):
        def run() -> float:
            order.append(name)
            return value
        return run

    samples = interleaved({"x": measure("x", 3.0), "y": measure("y", 1.5),
                           "z": measure("z", 1.0)}, rounds=3, warmup=False)
    assert order == ["x", "y", "z", "y", "z", "x", "z", "x", "y"]
    assert pair_of(samples["x"], samples["y"]).ratios() == [2.0, 2.0, 2.0]


def test_sizes_are_read_as_people_write_them() -> None:
    assert synthetic.parse_size("1M") == 1_000_000
    assert synthetic.parse_size("250k") == 250_000
    assert synthetic.parse_size("100000") == 100_000
    assert synthetic.size_label(1_000_000) == "1M"
    with pytest.raises(ValueError):
        synthetic.parse_size("lots")


def test_the_synthetic_file_is_made_once_and_remade_when_its_key_changes(tmp_path: Path) -> None:
    db = tmp_path / "synth-tiny.db"
    made = synthetic.ensure(db, 30, 1)
    assert made["what"] == "made" and db.exists() and made["rss_mb"] > 0
    again = synthetic.ensure(db, 30, 1)
    assert again["what"] == "reused" and again["wall"] == made["wall"]
    key_file = db.with_name(db.name + ".key.json")
    kept = json.loads(key_file.read_text(encoding="utf-8"))
    kept["key"]["generator"] = -1  # as if the generator had changed since
    key_file.write_text(json.dumps(kept), encoding="utf-8")
    assert synthetic.ensure(db, 30, 1)["what"] == "made"
