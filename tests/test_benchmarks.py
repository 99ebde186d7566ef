"""The benchmark harness itself (no timings here): ratios are per pair, runs interleave, every
start-up kind starts and reports, and the cached synthetic file is made again when its
generator version differs."""

from __future__ import annotations

import os
import sqlite3
from itertools import count
from pathlib import Path

import pytest

from benchmarks import bigdb, startup
from benchmarks.paired import interleaved, pair_of, paired, timed


def test_the_ratio_is_the_median_of_per_pair_ratios_not_a_ratio_of_medians() -> None:
    a = iter([10.0, 30.0, 20.0, 40.0, 50.0])
    b = iter([5.0, 10.0, 20.0, 40.0, 10.0])
    result = paired(lambda: next(a), lambda: next(b), pairs=4, warmup=False)
    # pairs (10, 5) (30, 10) (20, 20) (40, 40): ratios 2, 3, 1, 1 -> median 1.5, min 1, max 3.
    # (The median of A over the median of B would be 25 / 15 = 1.67.)
    spread = result.ratio()
    assert (spread.min, spread.median, spread.max) == (1.0, 1.5, 3.0)
    assert result.a().median == 25.0 and result.b().median == 15.0


def test_paired_alternates_which_runs_first_and_warms_up_both() -> None:
    order: list[str] = []
    paired(lambda: order.append("a") or 1.0, lambda: order.append("b") or 1.0, pairs=3)
    assert order == ["a", "b", "a", "b", "b", "a", "a", "b"]


def test_interleaved_rotates_the_order_and_pairs_samples_of_the_same_round() -> None:
    order: list[str] = []
    ticks = count()

    def measure(name: str):
        return lambda: order.append(name) or {"wall": float(next(ticks)), "cpu": 1.0}

    s = interleaved({"x": measure("x"), "y": measure("y"), "z": measure("z")}, rounds=3,
                    warmup=False)
    assert order == ["x", "y", "z", "y", "z", "x", "z", "x", "y"]
    # Round by round: x then y (0, 1); y then x (3, 5); x then y (7, 8).
    assert pair_of(s["x"], s["y"]).ratios("wall") == [0 / 1, 5 / 3, 7 / 8]
    assert pair_of(s["x"], s["y"]).ratio("cpu").median == 1.0


def test_timed_reports_wall_and_cpu() -> None:
    result = timed(lambda: sum(range(100_000)))
    assert result["wall"] > 0 and result["cpu"] >= 0


def test_each_start_up_kind_starts_the_same_way_and_reports_its_first_paint(
        tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    (tmp_path / "run").mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "run")
    db = Path(__file__).resolve().parent.parent / "data" / "parks.db"
    samples = startup.measure({"parks.db": db}, env, rounds=1)
    assert set(samples) == {"bare", "widgets", "parks.db"}
    for kind, (sample,) in samples.items():
        assert sample["wall"] > 0 and sample["cpu"] > 0 and sample["rss_mb"] > 10, kind
    # parkdesk ran through its own entry point: it made its user store in the benchmark's folder.
    assert (tmp_path / "data" / "parkdesk" / "userstore.db").exists()


def test_sizes_read_as_people_write_them() -> None:
    assert bigdb.parse_size("1M") == 1_000_000
    assert bigdb.parse_size("250k") == 250_000
    assert bigdb.parse_size("20000") == 20_000
    assert bigdb.size_label(1_000_000) == "1M" and bigdb.size_label(250) == "250"


def test_the_cached_file_is_reused_and_made_again_for_another_generator_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = bigdb.cache_path(300)
    first, how = bigdb.ensure(300, 1)
    assert first == path and how["made"] and how["rss_mb"] > 0
    assert bigdb.ensure(300, 1)[1] == {"made": False}
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE meta SET value = 'old' WHERE key = 'synth_version'")
    con.close()
    assert bigdb.ensure(300, 1)[1]["made"]
    assert bigdb.ensure(300, 1)[1] == {"made": False}
    assert bigdb.ensure(300, 1, path)[1] == {"made": False, "given": True}


def test_the_cache_lives_in_the_user_cache_folder_and_names_the_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parkdesk.ingest.synth import SYNTH_VERSION

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = bigdb.cache_path(1_000_000)
    assert path.parent.parent == tmp_path / "parkdesk"
    assert path.name == f"synth-1M-seed1-v{SYNTH_VERSION}.db"


def test_the_user_store_benchmark_reports_every_figure_and_leaves_the_file_alone(
        sample_db: Path, tmp_path: Path) -> None:
    from benchmarks import userstore

    small = userstore._prepared(sample_db, tmp_path / "small.db", 8)
    try:
        result = userstore.measure(sample_db, small, tmp_path, n=8, pairs=1, rss_rounds=1)
    finally:
        small.close()
    for action in ("edit", "undo", "decision"):
        assert set(result[action]) == {"vs_bundled", "more_than_bundled_s", "vs_store_alone"}
        assert result[action]["vs_bundled"]["pairs"] == 1
    assert result["open"]["pairs"] == 1 and result["rss"]["a_rss_mb"]["median"] > 0
