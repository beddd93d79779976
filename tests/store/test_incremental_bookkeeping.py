"""What a one-article rebuild reads and writes: manifest lines kept as they were, store keys
read graph by graph, only the cache files the build left unused deleted, and a full check of
the store when the manifest was not published with it."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path

import pyoxigraph as ox

from kg.build import build
from kg.rdf.mapper import graph_iri
from kg.store.cache import ArticleCache
from kg.store.oxigraph import _CACHE_KEY, META_GRAPH, STORE_DIR, GraphKeys
from tests.test_incremental import _src


def _manifest(out: Path) -> dict:
    """The manifest as the JSON kg once wrote: {"store": …, "articles": {id: entry}}."""
    cache = ArticleCache(out)
    return {"store": cache.store,
            "articles": {d: dataclasses.asdict(e) for d, e in cache.entries.items()}}


def test_untouched_entries_are_a_fresh_builds(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt", "a05.txt"])
    inc, fresh = tmp_path / "inc", tmp_path / "fresh"
    build([src], inc, progress=False, html=False, export=False)
    (src / "a04.txt").write_text((src / "a04.txt").read_text("utf-8") + "\n", "utf-8")
    build([src], inc, progress=False, html=False, export=False)
    build([src], fresh, progress=False, html=False, export=False)
    assert _manifest(inc)["articles"] == _manifest(fresh)["articles"]
    assert _manifest(inc)["store"] == (inc / STORE_DIR).readlink().name
    assert set(_manifest(inc)["articles"]) == {"a01.txt", "a04.txt", "a05.txt"}


def test_a_manifest_is_read_back_and_an_older_kgs_json_one_is_read_once(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt"])
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, export=False)
    entries = ArticleCache(out).entries
    assert set(entries) == {"a01.txt", "a04.txt"} and entries["a01.txt"].counts
    # the folder of an older kg: its JSON manifest, no packed one
    legacy = {"articles": {d: dataclasses.asdict(e) for d, e in entries.items()},
              "store": ArticleCache(out).store}
    (out / ".kg-cache" / "manifest").unlink()
    (out / ".kg-cache" / "manifest.json").write_text(json.dumps(legacy), "utf-8")
    assert ArticleCache(out).entries == entries
    summary = build([src], out, progress=False, html=False, export=False)
    assert all(r.status == "cached" for r in summary.reports)  # nothing extracted again
    assert not (out / ".kg-cache" / "manifest.json").exists()
    assert ArticleCache(out).entries == entries


def test_the_old_version_of_a_changed_article_leaves_the_cache(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt"])
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, export=False)
    old = _manifest(out)["articles"]["a04.txt"]["key"]
    folder = out / ".kg-cache" / "articles"
    assert (folder / f"{old}.nt").is_file()
    (src / "a04.txt").write_text((src / "a04.txt").read_text("utf-8") + "\n", "utf-8")
    build([src], out, progress=False, html=False, export=False)
    new = _manifest(out)["articles"]["a04.txt"]["key"]
    assert new != old
    assert not (folder / f"{old}.nt").exists()
    assert sorted(p.stem for p in folder.iterdir()) == sorted(
        e["key"] for e in _manifest(out)["articles"].values())


def test_a_store_the_manifest_was_not_published_with_is_checked_graph_by_graph(
        tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt"])
    for f in src.iterdir():  # written long enough ago for their stat to be trusted
        os.utime(f, (time.time() - 100, time.time() - 100))
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, export=False)
    # The store loses an article's graph and its key behind kg's back ...
    g = ox.NamedNode(str(graph_iri("a04.txt")))
    store = ox.Store(str(out / STORE_DIR))
    store.remove_graph(g)
    for q in list(store.quads_for_pattern(g, _CACHE_KEY, None, META_GRAPH)):
        store.remove(q)
    store.flush()
    del store
    # ... and the manifest does not say it was published with this version of the store.
    path = out / ".kg-cache" / "manifest"
    path.write_bytes(path.read_bytes().replace(b'"store":"', b'"store":"other-', 1))
    build([src], out, progress=False, html=False, export=False)
    store = ox.Store.read_only(str(out / STORE_DIR))
    assert any(True for _ in store.quads_for_pattern(None, None, None, g))
    assert ArticleCache(out).store == (out / STORE_DIR).readlink().name


def test_graph_keys_read_one_graph_at_a_time_and_all_at_once(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    for g, k in (("http://x/g1", "k1"), ("http://x/g2", "k2")):
        store.add(ox.Quad(ox.NamedNode(g), _CACHE_KEY, ox.Literal(k), META_GRAPH))
    keys = GraphKeys(store)
    assert keys.get("http://x/g1") == "k1" and "http://x/g3" not in keys
    keys["http://x/g3"] = "k3"
    del keys["http://x/g2"]
    assert keys.any()
    assert keys.all() == {"http://x/g1": "k1", "http://x/g3": "k3"}
    assert not GraphKeys(ox.Store(str(tmp_path / "empty")), empty=True).any()


def test_the_report_of_a_rebuild_lists_what_it_read_and_counts_the_rest(tmp_path: Path) -> None:
    src = _src(tmp_path, ["a01.txt", "a04.txt", "a05.txt"])
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, export=False)
    first = json.loads((out / "build-report.json").read_text("utf-8"))
    assert sorted(f["file"] for f in first["files"]) == ["a01.txt", "a04.txt", "a05.txt"]
    (src / "a04.txt").write_text((src / "a04.txt").read_text("utf-8") + "\n", "utf-8")
    (src / "bad.txt").write_bytes(b"")
    summary = build([src], out, progress=False, html=False, export=False)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert [(f["file"], f["status"]) for f in report["files"]] == [
        ("a04.txt", "ok"), ("bad.txt", "skipped")]
    assert report["cached"] == 2 and report["articles"] == 3 and report["skipped"] == 1
    assert sum(summary.facts.values()) > 0
