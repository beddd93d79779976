"""Incremental builds: unchanged articles come from the cache, --sync and kg remove take
articles out, and the graph is the same as a fresh build of the same articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.build import build, remove
from kg.cli import main

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def _src(tmp_path: Path, names: list[str]) -> Path:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for n in names:
        shutil.copy(ARTICLES / n, src / n)
    return src


def _statuses(summary) -> dict[str, str]:
    return {r.file: r.status for r in summary.reports}


def test_unchanged_articles_are_not_extracted_again(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a02.txt"])
    out = tmp_path / "out"
    first = build([src], out, progress=False, html=False)
    assert set(_statuses(first).values()) == {"ok"}
    (src / "a02.txt").write_text((src / "a02.txt").read_text("utf-8") + "\n", "utf-8")
    second = build([src], out, progress=False, html=False)
    assert _statuses(second) == {"a01.txt": "cached", "a02.txt": "ok"}


def test_incremental_graph_equals_a_fresh_build(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt"])
    inc = tmp_path / "inc"
    build([src / "a01.txt"], inc, progress=False, html=False)
    build([src / "a04.txt"], inc, progress=False, html=False)  # adds to the graph
    fresh = tmp_path / "fresh"
    build([src], fresh, progress=False, html=False)
    for name in ("graph.ttl", "graph.trig", "tables/positions.csv", "tables/rankings.csv"):
        assert (inc / name).read_bytes() == (fresh / name).read_bytes(), name


def test_remove_and_sync_take_only_those_articles_out(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt", "a05.txt"])
    out = tmp_path / "out"
    build([src], out, progress=False, html=False)
    left = remove(out, ["a04.txt"], html=False)
    assert left == ["a01.txt", "a05.txt"]
    rankings = (out / "tables" / "rankings.csv").read_text("utf-8")
    assert "a04.txt" not in rankings
    (src / "a05.txt").unlink()
    s = build([src], out, progress=False, html=False, sync=True)
    assert s.articles == 2  # a01 and a04 (back from the folder); a05 synced away
    assert "a05.txt" not in (out / "tables" / "statistics.csv").read_text("utf-8")


def test_remove_unknown_article_is_a_clear_error(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    build([_src(tmp_path, ["a01.txt"])], out, progress=False, html=False)
    assert main(["remove", "nope.txt", "--graph", str(out)]) == 2
    assert "not in the graph: nope.txt" in capsys.readouterr().err
