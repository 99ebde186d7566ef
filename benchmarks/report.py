"""The benchmark's table: each figure with its floor, the paired ratio, the target, and whether
it is met. Ratios are min / median / max over pairs (one per round), never ratios of medians."""

from __future__ import annotations

from benchmarks.paired import Paired, Spread
from benchmarks.stats import median, median_of_runs

Row = tuple[str, str, str, str]


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗ MISSED"


def _spread_ms(s: Spread) -> str:
    return f"{s.min * 1000:.1f} / {s.median * 1000:.1f} / {s.max * 1000:.1f} ms"


def _spread_x(s: Spread) -> str:
    return f"{s.min:.2f} / {s.median:.2f} / {s.max:.2f}×"


def _paired(d: dict) -> Paired:
    return Paired(d["a_samples"], d["b_samples"])


def synth_rows(size: int, made: dict) -> tuple[list[Row], dict]:
    """The synth's own figures, when this run made the file."""
    if not made.get("made"):
        return [(f"parkdesk synth {size:,}", "cached (not timed this run)", "", "")], made
    wall, cpu, rss = made["wall_s"], made["cpu_s"], made["rss_mb"]
    target = size >= 1_000_000
    return [
        (f"parkdesk synth {size:,}: wall · CPU", f"{wall:.0f} s · {cpu:.0f} s", "no floor",
         f"≤ 120 s {_mark(wall <= 120)}" if target else ""),
        ("  peak RSS", f"{rss:.0f} MB", "", f"≤ 1 GB {_mark(rss <= 1024)}" if target else ""),
    ], made


def startup_rows(samples: dict[str, list[dict]], labels: list[str]) -> tuple[list[Row], dict]:
    from benchmarks.startup import FLOORS, ratios

    rows: list[Row] = []
    figures: dict = {}
    for floor in FLOORS:
        f = Paired(samples[floor], samples[floor])
        rows.append((f"Cold start → first paint, {floor} window (floor) wall · CPU",
                     f"{f.a('wall').median * 1000:.0f} · {f.a('cpu').median * 1000:.0f} ms",
                     f"wall {_spread_ms(f.a('wall'))}", ""))
        figures[floor] = {m: f.a(m).as_dict() for m in ("wall", "cpu", "rss_mb")}
    targets = {"bare": 1.30, "widgets": 1.10}
    for label in labels:
        app = Paired(samples[label], samples[label])
        rows.append((f"Cold start → first paint, parkdesk on {label} wall · CPU",
                     f"{app.a('wall').median * 1000:.0f} · {app.a('cpu').median * 1000:.0f} ms",
                     f"wall {_spread_ms(app.a('wall'))}", ""))
        figures[label] = {}
        for floor, pair in ratios(samples, label).items():
            wall, cpu = pair.ratio("wall"), pair.ratio("cpu")
            ok = wall.median <= targets[floor] and cpu.median <= targets[floor]
            rows.append((f"  ÷ {floor} window, paired: wall · CPU",
                         f"{wall.median:.2f}× · {cpu.median:.2f}×",
                         f"wall {_spread_x(wall)} · CPU {_spread_x(cpu)}",
                         f"≤ {targets[floor]:.2f}× {_mark(ok)}"))
            figures[label][floor] = {"wall": wall.as_dict(), "cpu": cpu.as_dict()}
    return rows, figures


def bare_rss(samples: dict) -> float:
    """The bare window's peak RSS at its first paint (MB, median), the floor of memory."""
    if not samples:
        return float("nan")
    return median([s["rss_mb"] for s in samples["bare"]])


def session_rows(label: str, s: dict, bare_mb: float, big_one: bool) -> tuple[list[Row], dict]:
    rows: list[Row] = []
    figures: dict = {}
    r, figures["search"] = search_rows(label, s["search"], with_kinds=big_one)
    rows += r
    if "detail" not in s:
        return rows, figures
    r, figures["detail"] = detail_rows(label, s["detail"])
    rows += r
    if big_one:
        r, figures["tree"] = tree_rows(label, s["tree"])
        rows += r
    if "factsheet" in s:
        r, figures["factsheet"] = factsheet_rows(label, s["factsheet"])
        rows += r
    else:
        rows.append((f"Fact sheet → PDF, one park, {label}", "not run (--no-sheets)", "", ""))
    r, figures["rss"] = rss_rows(label, s["rss_mb"], bare_mb, target=big_one)
    rows += r
    return rows, figures


def tree_rows(label: str, tree: dict) -> tuple[list[Row], dict]:
    park, folder = median(tree["park"]), median(tree["folder"])
    scroll = [run["all_s"] for run in tree["scroll"]]
    # Linearity, run by run: seconds per row for the whole folder over seconds per row for
    # its first tenth, both from the folder's expand (session.bench_tree) (1.0: linear; 10: each row costs as much as all the rows before it).
    linear = Spread.of([(r["all_s"] / r["rows_all"]) / (r["tenth_s"] / r["rows_tenth"])
                        for r in tree["scroll"]])
    name = tree["park_id"].removeprefix("park-").title()
    rows = [
        (f"Expand {name} Park, {label}", _ms(park), "", ""),
        (f"Expand its folder of {tree['children']:,} items", _ms(folder), "",
         f"≤ 100 ms {_mark(folder <= 0.1)}"),
        ("  scroll that folder to its last row", _ms(median(scroll)),
         f"per row ÷ its first tenth's per row {_spread_x(linear)}",
         f"≤ 1 s, ≤ 1.5× {_mark(median(scroll) <= 1 and linear.median <= 1.5)}"),
    ]
    return rows, {"park_ms": park * 1000, "folder_ms": folder * 1000,
                  "scroll_ms": median(scroll) * 1000, "per_row_ratio": linear.as_dict()}


def detail_rows(label: str, detail: dict) -> tuple[list[Row], dict]:
    """Each item's select → painted, paired with the same page painted again from its HTML
    (the pane's painting alone, no queries)."""
    rows: list[Row] = []
    figures: dict = {}
    for item, d in detail.items():
        pair = _paired(d)
        ms = pair.a("wall")
        ratio = pair.ratio("wall")
        target = item == "person" or item == "worst"
        rows.append((f"Select → detail pane painted, {item}, {label}", _ms(ms.median),
                     f"page repainted {_ms(pair.b('wall').median)} · {_spread_x(ratio)}",
                     f"≤ 16 ms {_mark(ms.median <= 0.016)}" if target else ""))
        figures[item] = {"ms": ms.as_dict(), "ratio": ratio.as_dict()}
    return rows, figures


def factsheet_rows(label: str, sheets: dict) -> tuple[list[Row], dict]:
    """One park's sheet (content built and PDF written), paired with writing the same,
    already built content (the PDF alone); all six sheets."""
    one = _paired(sheets["one"])
    every = median(sheets["all"])
    rows = [
        (f"Fact sheet → PDF, one park, {label}", _ms(one.a("wall").median),
         f"PDF of built content {_ms(one.b('wall').median)} · {_spread_x(one.ratio('wall'))}",
         f"≤ 300 ms {_mark(one.a('wall').median <= 0.3)}"),
        (f"  all {sheets['sheets']} sheets, {label}", _ms(every), "", ""),
    ]
    return rows, {"one": one.a("wall").as_dict(), "ratio": one.ratio("wall").as_dict(),
                  "all_ms": every * 1000}


def rss_rows(label: str, rss: dict, bare_mb: float, target: bool) -> tuple[list[Row], dict]:
    everything = max(rss.values())
    stages = " · ".join(f"{k} {v:.0f}" for k, v in rss.items())
    rows = [(f"Peak RSS, {label}: start, search, browse, biggest folder scrolled, six sheets",
             f"{everything:.0f} MB", f"bare window {bare_mb:.0f} MB · +{everything - bare_mb:.0f} MB",
             f"≤ bare + 120 MB {_mark(everything - bare_mb <= 120)}" if target else ""),
            ("  by stage (MB)", stages, "", "")]
    return rows, {**rss, "bare": bare_mb}


def search_rows(label: str, search: dict, with_kinds: bool) -> tuple[list[Row], dict]:
    keys = median_of_runs(search["keystrokes"])
    floor = median_of_runs(search["floor"])
    core = median_of_runs(search["core"])
    ok = keys["p95"] <= 0.016 and all(v <= 0.016 for v in search["p95_by_kind"].values())
    rows = [(
        f"Keystroke → results shown, {label} p50/p95/max",
        f"{keys['p50'] * 1000:.1f} / {keys['p95'] * 1000:.1f} / {keys['max'] * 1000:.1f} ms",
        f"raw FTS5 p95 {floor['p95'] * 1000:.2f} ms · {keys['p95'] / floor['p95']:.0f}×",
        f"p95 ≤ 16 ms {_mark(ok)}",
    )]
    core_ok = core["p95"] <= 0.002
    if with_kinds:
        core_kinds = search.get("core_p95_by_kind", {})
        floor_kinds = search.get("floor_p95_by_kind", {})
        for k, v in search["p95_by_kind"].items():
            c, f = core_kinds.get(k, float("nan")), floor_kinds.get(k, float("nan"))
            rows.append((f"  {k}: keystroke p95 · core p95", f"{v * 1000:.1f} ms · {c * 1000:.2f} ms",
                         f"raw {f * 1000:.2f} ms · {v / f:.0f}× / {c / f:.1f}×",
                         f"≤ 16 · ≤ 2 ms {_mark(v <= 0.016 and c <= 0.002)}"))
    rows.append((f"  ranked search, core alone p50/p95, {label}",
                 f"{core['p50'] * 1000:.2f} / {core['p95'] * 1000:.2f} ms",
                 f"raw {floor['p95'] * 1000:.2f} ms · {core['p95'] / floor['p95']:.1f}×",
                 f"p95 ≤ 2 ms {_mark(core_ok)}"))
    return rows, {"keystroke": keys, "floor": floor, "core": core,
                  "p95_by_kind": search["p95_by_kind"],
                  "core_p95_by_kind": search.get("core_p95_by_kind", {}),
                  "floor_p95_by_kind": search.get("floor_p95_by_kind", {}), "ok": ok}


