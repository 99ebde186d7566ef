"""parkdesk benchmarks: `make bench [SIZE=1M]` (or `python -m benchmarks --size 1M`); never tests.

Measures cold start, search, the tree, the detail pane, fact sheets and memory on the bundled
data/parks.db and on a synthetic directory of 100,000 enterprises (benchmarks/results/big.db,
generated with `parkdesk synth` when missing). Each figure is a median over repeated runs;
where a floor exists (a bare PySide6 window, the raw FTS5 query) it is measured in the same
run and the ratio is reported, because the machine may be busy. Prints a table and writes
benchmarks/results/bench-<time>.json (and latest.json). See `python -m benchmarks --help`.
"""
