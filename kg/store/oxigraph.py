"""pyoxigraph-backed store with atomic replacement."""

from __future__ import annotations

import os
import shutil
import time
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


def build_store(graph_dir: Path, nquads: bytes, default: bytes | None = None) -> GraphStore:
    """Write a fresh store next to the current one, then swap it in atomically.

    ``store`` is a symbolic link to a versioned folder (``.store-<id>``); the new store is
    written to its own folder and the link replaced with one ``os.replace``, so at every moment
    ``store`` is either the old store or the new one. The caller holds the build lock.
    The store holds each named graph of ``nquads`` and, in the default graph, their union.
    """
    graph_dir.mkdir(parents=True, exist_ok=True)
    final = graph_dir / STORE_DIR
    clean_stale(graph_dir)
    version = f".{STORE_DIR}-{os.getpid()}-{time.time_ns()}"
    target = graph_dir / version
    store = ox.Store(str(target))
    if nquads:
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        if default is not None:  # the caller already has the union, as N-Triples
            store.bulk_load(default, format=ox.RdfFormat.N_TRIPLES)
        else:
            store.bulk_extend(union_of(nquads))
    store.flush()
    store.optimize()
    del store
    previous = None
    if final.is_symlink():
        previous = graph_dir / os.readlink(final)
    elif final.is_dir():  # a store from before the link layout: move it aside first
        previous = graph_dir / f".{STORE_DIR}-legacy-{os.getpid()}"
        final.rename(previous)
    link = graph_dir / f".{STORE_DIR}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(version, link)
    os.replace(link, final)
    if previous is not None and previous.name != version:
        shutil.rmtree(previous, ignore_errors=True)
    return open_store(graph_dir)


def clean_stale(graph_dir: Path) -> None:
    """Remove what killed builds left behind: store folders no link points to, half-made
    links, and temporary output files. Only called under the build lock."""
    final = graph_dir / STORE_DIR
    current = os.readlink(final) if final.is_symlink() else None
    for item in graph_dir.glob(f".{STORE_DIR}*"):
        if item.name == current:
            continue
        if item.is_symlink():
            item.unlink()
        elif item.is_dir():
            shutil.rmtree(item, ignore_errors=True)
    for folder in (graph_dir, graph_dir / "tables"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
