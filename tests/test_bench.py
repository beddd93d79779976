"""kg bench's own output: a tiny run measures what it says, the scaling table and plot."""

from __future__ import annotations

import json
from pathlib import Path

from kg.bench import format_report, plot_scaling, run, scaling_table


def test_a_tiny_benchmark_reports_its_numbers(tmp_path: Path) -> None:
    r = run(12, tmp_path, workers=1, stages=("build", "incremental"), html=False,
            echo=lambda _m: None)
    assert r["articles"] == 12 and r["triples"] > 1000 and r["facts"]["events"] >= 12
    assert r["incremental_rebuild_s"] > 0 and "store" in r["stages_s"]
    assert json.loads((tmp_path / "bench.json").read_text("utf-8"))["articles"] == 12
    assert "articles/s" in format_report(r)


def test_scaling_table_and_plot(tmp_path: Path) -> None:
    rows = [{"articles": n, "characters": n * 1300, "triples": n * 400, "build_s": n / 60,
             "articles_per_s": 60.0, "peak_rss_mb": 700, "peak_rss_worker_mb": 120,
             "incremental_rebuild_s": 1.0, "machine": "test", "export": False, "html": True}
            for n in (100, 1000)]
    table = scaling_table(rows)
    assert "| 1,000 |" in table and "Built without graph.ttl/graph.trig." in table
    plot_scaling(rows, tmp_path / "s.png")
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
