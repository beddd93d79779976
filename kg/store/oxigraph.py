"""pyoxigraph-backed store with atomic replacement."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox

STORE_DIR = "store"


class StoreError(RuntimeError):
    """The store is missing or unreadable; str() says what to do."""


class GraphStore:
    def __init__(self, store: ox.Store, path: Path | None):
        self.store = store
        self.path = path

    def query(self, sparql: str, prefixes: dict[str, str] | None = None):
        return self.store.query(sparql, prefixes=prefixes)

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        self.store.update(sparql, prefixes=prefixes)

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        return self.store.dump(format=fmt)

    def __len__(self) -> int:
        return len(self.store)


def open_store(graph_dir: Path, *, writable: bool = False) -> GraphStore:
    path = graph_dir / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"{graph_dir}: no graph has been built here (run `kg build --out "
                         f"{graph_dir}` first, or name the build output with --graph DIR)")
    try:
        store = ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    return GraphStore(store, path)


def union_of(nquads: bytes) -> set:
    """The deduplicated union of all graphs, as default-graph quads.

    Queries without GRAPH then see each triple once (Oxigraph's union-default-graph option
    repeats a triple once per graph holding it); GRAPH ?g still gives each article's facts.
    """
    default = ox.DefaultGraph()
    return {ox.Quad(q.subject, q.predicate, q.object, default)
            for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}


def build_store(graph_dir: Path, nquads: bytes) -> GraphStore:
    """Write a fresh store next to the current one, then swap it in atomically.

    The store holds each named graph of ``nquads`` and, in the default graph, their union.
    Returns the new store opened read-only. The old store stays readable until the rename.
    """
    graph_dir.mkdir(parents=True, exist_ok=True)
    final = graph_dir / STORE_DIR
    tmp = graph_dir / f".{STORE_DIR}.tmp-{os.getpid()}"
    old = graph_dir / f".{STORE_DIR}.old-{os.getpid()}"
    for stale in (tmp, old):
        shutil.rmtree(stale, ignore_errors=True)
    store = ox.Store(str(tmp))
    if nquads:
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        store.bulk_extend(union_of(nquads))
    store.flush()
    store.optimize()
    del store
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return open_store(graph_dir)
