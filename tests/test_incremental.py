"""Incremental builds: unchanged articles come from the cache, --sync and kg remove take
articles out, and the graph is the same as a fresh build of the same articles."""

from __future__ import annotations

import os
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


def test_triple_count_kept_through_changes_equals_a_fresh_count(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt", "a05.txt"])
    out = tmp_path / "out"
    build([src / "a01.txt", src / "a04.txt"], out, progress=False, html=False, export=False)
    (src / "a04.txt").write_text((src / "a04.txt").read_text("utf-8")
                                 + "\n市委书记王东明出席会议并讲话。\n", "utf-8")
    build([src], out, progress=False, html=False, export=False)  # a04 changed, a05 added
    kept = build([src / "a04.txt", src / "a05.txt"], out, progress=False, html=False,
                 export=False, sync=True)  # a01 removed
    fresh = build([src / "a04.txt", src / "a05.txt"], tmp_path / "fresh", progress=False,
                  html=False, export=False)
    assert kept.triples == fresh.triples > 0


def test_a_file_with_its_old_size_and_time_is_not_read_again(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt"])
    f = src / "a01.txt"
    old = f.stat()
    os.utime(f, ns=(old.st_atime_ns, old.st_mtime_ns - 10**10))  # changed long ago
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, export=False)
    stamp = f.stat()
    # Same size, same time, other bytes: trusted as unchanged, as make and git do.
    data = bytearray(f.read_bytes())
    data[-1:] = b"\n" if data[-1:] != b"\n" else b" "
    f.write_bytes(bytes(data))
    os.utime(f, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert _statuses(build([src], out, progress=False, html=False, export=False)) == {
        "a01.txt": "cached"}
    # Another time: read and hashed; the bytes differ, so it is extracted again.
    os.utime(f, ns=(stamp.st_atime_ns, stamp.st_mtime_ns - 10**10))
    assert _statuses(build([src], out, progress=False, html=False, export=False)) == {
        "a01.txt": "ok"}
    # Touched without a change: hashed, found in the cache.
    os.utime(f, ns=(stamp.st_atime_ns, stamp.st_mtime_ns - 2 * 10**10))
    assert _statuses(build([src], out, progress=False, html=False, export=False)) == {
        "a01.txt": "cached"}


def test_tables_kept_through_changes_equal_a_fresh_build(tmp_path: Path, monkeypatch) -> None:
    """Tables are spliced from the previous ones (only changed articles' rows are read) and
    come out byte for byte as a fresh build writes them, places included."""
    from kg.query.tables import TABLES
    from kg.store.cache import ArticleCache

    names = ["a01.txt", "a04.txt", "a05.txt", "b16.txt", "c01.txt"]
    src = _src(tmp_path, names)
    out = tmp_path / "out"
    build([src / n for n in names[:3]], out, progress=False, html=False, export=False)
    read: list[str] = []
    real = ArticleCache.rows
    monkeypatch.setattr(ArticleCache, "rows",
                        lambda self, doc: read.append(doc) or real(self, doc))
    (src / "a04.txt").write_text((src / "a04.txt").read_text("utf-8")
                                 + "\n省委常委、秘书长李海峰陪同调研。\n", "utf-8")
    build([src], out, progress=False, html=False, export=False)  # a04 changed, 2 added
    assert sorted(read) == ["a04.txt", "b16.txt", "c01.txt"]
    read.clear()
    build([src / n for n in names if n != "a05.txt"], out, progress=False, html=False,
          export=False, sync=True)  # a05 removed
    assert read == []
    fresh = tmp_path / "fresh"
    build([src / n for n in names if n != "a05.txt"], fresh, progress=False, html=False,
          export=False)
    for name in TABLES:
        path = f"tables/{name}.csv"
        assert (out / path).read_bytes() == (fresh / path).read_bytes(), name
