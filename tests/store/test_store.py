"""kg.store.oxigraph: build a store atomically, open it read-only, replace it on rebuild.

The store keeps each named graph of the N-Quads it is built from and, in the default graph, the
deduplicated union of all of them, so plain queries see every triple once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.oxigraph import STORE_DIR, GraphStore, StoreError, build_store, open_store

NQUADS = (
    '<http://e.org/s1> <http://e.org/p> "一" <http://e.org/g1> .\n'
    '<http://e.org/s2> <http://e.org/p> "二"@zh <http://e.org/g1> .\n'
    '<http://e.org/s3> <http://e.org/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> '
    '<http://e.org/g2> .\n'
    '<http://e.org/s1> <http://e.org/p> "一" <http://e.org/g2> .\n'  # same triple, 2nd graph
    '<http://e.org/s4> <http://e.org/q> <http://e.org/s1> .\n'  # a default-graph triple
).encode()
DISTINCT_TRIPLES = 4


def _count(store: GraphStore, where: str = "?s ?p ?o") -> int:
    [sol] = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    return int(sol["n"].value)


def test_build_and_query(tmp_path: Path) -> None:
    store = build_store(tmp_path / "g", NQUADS)
    assert isinstance(store, GraphStore)
    assert (tmp_path / "g" / STORE_DIR).is_dir()
    # the default graph: each distinct triple once
    assert _count(store) == DISTINCT_TRIPLES
    assert _count(store, '<http://e.org/s1> <http://e.org/p> "一"') == 1
    assert _count(store, "?s <http://e.org/q> <http://e.org/s1>") == 1
    # the named graphs keep their own copies
    assert _count(store, "GRAPH ?g { ?s ?p ?o }") == 4
    assert _count(store, "GRAPH <http://e.org/g1> { ?s ?p ?o }") == 2
    assert _count(store, 'GRAPH ?g { <http://e.org/s1> ?p "一" }') == 2
    # quads: 4 in named graphs + 4 distinct triples in the default graph
    assert len(store) == 8


def test_open_store_is_read_only(tmp_path: Path) -> None:
    build_store(tmp_path, NQUADS)
    store = open_store(tmp_path)
    assert _count(store) == DISTINCT_TRIPLES
    assert _count(store, '?s ?p "二"@zh') == 1
    with pytest.raises((OSError, RuntimeError)):
        store.update("INSERT DATA { <http://e.org/x> <http://e.org/p> <http://e.org/y> }")
    assert _count(open_store(tmp_path)) == DISTINCT_TRIPLES


def test_open_store_writable(tmp_path: Path) -> None:
    build_store(tmp_path, NQUADS)
    store = open_store(tmp_path, writable=True)
    store.update("INSERT DATA { <http://e.org/x> <http://e.org/p> <http://e.org/y> }")
    assert _count(store) == DISTINCT_TRIPLES + 1


def test_prefixes_are_passed_to_the_query(tmp_path: Path) -> None:
    store = build_store(tmp_path, NQUADS)
    rows = list(store.query("SELECT ?s WHERE { ?s e:q ?o }", prefixes={"e": "http://e.org/"}))
    assert [r["s"].value for r in rows] == ["http://e.org/s4"]


def test_missing_store_says_run_kg_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build") as ei:
        open_store(tmp_path)
    assert str(tmp_path) in str(ei.value)


def test_missing_folder_says_run_kg_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path / "does" / "not" / "exist")


def test_rebuild_replaces_the_store(tmp_path: Path) -> None:
    build_store(tmp_path, NQUADS)
    new = b'<http://e.org/new> <http://e.org/p> "only" <http://e.org/g9> .\n'
    store = build_store(tmp_path, new)
    assert _count(store) == 1
    reopened = open_store(tmp_path)
    assert _count(reopened) == 1
    assert _count(reopened, "GRAPH ?g { ?s ?p ?o }") == 1
    assert _count(reopened, "<http://e.org/s1> ?p ?o") == 0
    assert _count(reopened, "<http://e.org/s4> ?p ?o") == 0
    assert _count(reopened, '<http://e.org/new> ?p "only"') == 1
    # no temporary or old stores are left beside it: the link and the one store it names
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([STORE_DIR, os.readlink(tmp_path / STORE_DIR)])


def test_empty_store(tmp_path: Path) -> None:
    store = build_store(tmp_path, b"")
    assert len(store) == 0
    assert _count(store) == 0


def test_stale_temporary_store_is_ignored(tmp_path: Path) -> None:
    stale = tmp_path / f".{STORE_DIR}.tmp-{os.getpid()}"
    stale.mkdir(parents=True)
    (stale / "junk").write_text("half-written")
    store = build_store(tmp_path, NQUADS)
    assert _count(store) == DISTINCT_TRIPLES
    assert not stale.exists()


def test_bad_nquads_leave_the_old_store_in_place(tmp_path: Path) -> None:
    build_store(tmp_path, NQUADS)
    with pytest.raises(SyntaxError):
        build_store(tmp_path, b"<http://e.org/a> <http://e.org/p> \"unterminated .\n")
    assert _count(open_store(tmp_path)) == DISTINCT_TRIPLES


def test_dump(tmp_path: Path) -> None:
    store = build_store(tmp_path, NQUADS)
    data = store.dump(ox.RdfFormat.N_QUADS)
    quads = list(ox.parse(input=data, format=ox.RdfFormat.N_QUADS))
    named = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(named) == 4
    assert {q.object.value for q in quads} >= {"一", "二", "3"}
