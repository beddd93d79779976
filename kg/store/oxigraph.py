"""pyoxigraph-backed store with atomic replacement."""

from __future__ import annotations

import os
import re
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
    publish_store(graph_dir, version)
    return open_store(graph_dir)


def clean_stale(graph_dir: Path) -> None:
    """Remove what killed builds left behind: store folders no link points to, half-made
    links, and temporary output files. Only called under the build lock."""
    final = graph_dir / STORE_DIR
    current = os.readlink(final) if final.is_symlink() else None
    for item in graph_dir.glob(f".{STORE_DIR}*"):
        if item.name == current:
            continue
        if item.is_symlink() or item.is_file():
            item.unlink()
        elif item.is_dir():
            shutil.rmtree(item, ignore_errors=True)
    for folder in (graph_dir, graph_dir / "tables"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


# -- incremental, versioned writing ---------------------------------------------------------------

META_GRAPH = ox.NamedNode("https://w3id.org/cnpolkg/id/graph/_build")
_CACHE_KEY = ox.NamedNode("https://w3id.org/cnpolkg/ns#cacheKey")
# The number of triples in the default graph (the data), kept so that an incremental build
# need not count four million triples to report a number that changed by a few hundred.
_TRIPLE_COUNT = ox.NamedNode("https://w3id.org/cnpolkg/ns#tripleCount")
ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/cnpolkg/ns")
# Named graphs whose triples are not part of the data (the default graph is the data's union).
NOT_IN_UNION = (META_GRAPH, ONTOLOGY_GRAPH)
# Quads per call of the bulk loader: its memory grows with its input (about 240 MB per
# million quads measured here), so a large build loads in slices of this size.
_BULK_QUADS = 250_000
# Slices loading at once. Each call of the bulk loader runs on one core; two let the last
# slices load on two cores at the end of a build, when nothing else is left to run (one
# loader left a core idle for seconds there). Memory: two slices of the size above.
_LOADERS = 2


MODIFIED = ".kg-store-modified"


def _linked_version(graph_dir: Path) -> str:
    link = graph_dir / STORE_DIR
    return os.readlink(link) if link.is_symlink() else STORE_DIR


def store_version(graph_dir: Path) -> str:
    """The version folder ``store`` points at, with a count of in-place changes to it.

    Builds make a new version each time; ``kg query --update`` changes one in place and says
    so with :func:`mark_modified`. Whatever was derived from a version (tables, kept query
    answers, the next build's starting copy) can tell from this whether it still holds."""
    version = _linked_version(graph_dir)
    try:
        modified = (graph_dir / MODIFIED).read_text("utf-8").strip()
    except OSError:
        return version
    return modified if modified.startswith(version + "|") else version


def mark_modified(graph_dir: Path) -> None:
    """Record that the current version was changed in place (by a SPARQL Update)."""
    from kg.util import atomic_write_text

    version = _linked_version(graph_dir)
    current = store_version(graph_dir)
    count = int(current.rpartition("|")[2]) + 1 if current != version else 1
    atomic_write_text(graph_dir / MODIFIED, f"{version}|{count}\n")


def modified_in_place(graph_dir: Path) -> bool:
    return "|" in store_version(graph_dir)


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PERSON = ox.NamedNode("https://w3id.org/cnpolkg/ns#Person")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _people(triples: set) -> dict:
    """Person nodes among ``triples`` and their Chinese names."""
    persons = {t.subject for t in triples if t.predicate == _RDF_TYPE and t.object == _PERSON}
    return {t.subject: t.object.value for t in triples
            if t.subject in persons and t.predicate == _LABEL
            and getattr(t.object, "language", None) == "zh"}


class GraphKeys:
    """Named graph -> the cache key of what it holds, as recorded in ``META_GRAPH``: read one
    graph at a time as asked, and all at once only by :meth:`all`. An incremental build asks
    about the few graphs it rewrites; reading the keys of every article cost a second on an
    archive of 100,000 articles before anything was done."""

    def __init__(self, store: ox.Store, *, empty: bool = False):
        self._store = store
        self._known: dict[str, str | None] = {}
        self._complete = empty  # every recorded key is in _known (a new, empty store)

    def get(self, graph: str, default: str | None = None) -> str | None:
        if graph not in self._known and not self._complete:
            value = None
            for q in self._store.quads_for_pattern(ox.NamedNode(graph), _CACHE_KEY, None,
                                                   META_GRAPH):
                value = q.object.value
            self._known[graph] = value
        value = self._known.get(graph)
        return default if value is None else value

    def __contains__(self, graph: str) -> bool:
        return self.get(graph) is not None

    def __setitem__(self, graph: str, key: str) -> None:
        self._known[graph] = key

    def __delitem__(self, graph: str) -> None:
        self._known[graph] = None

    def any(self) -> bool:
        if self._complete:
            return any(v is not None for v in self._known.values())
        return next(iter(self._store.quads_for_pattern(None, _CACHE_KEY, None, META_GRAPH)),
                    None) is not None

    def all(self) -> dict[str, str]:
        if not self._complete:
            recorded = {q.subject.value: q.object.value
                        for q in self._store.quads_for_pattern(None, _CACHE_KEY, None,
                                                               META_GRAPH)}
            recorded.update(self._known)  # what this build changed since
            self._known, self._complete = recorded, True
        return {g: k for g, k in self._known.items() if k is not None}


class StoreWriter:
    """The next version of the store, made by editing a cheap copy of the current one.

    RocksDB checkpoints hard-link the current store's files, so the copy costs milliseconds
    whatever the size; only the graphs that changed are then rewritten. The copy is private to
    the build (readers keep the published version), which gives the whole build one atomic
    switch at :func:`publish_store` without a long-running transaction.

    Every named graph's source version (the article cache key) is recorded in ``META_GRAPH``, so
    a build knows what the store holds without trusting any other file. The default graph is
    the union of the named graphs (ontology included) and is kept so as graphs are replaced:
    a triple leaves it only when no named graph holds it any more.
    """

    def __init__(self, graph_dir: Path, *, rebuild: bool = False):
        """``rebuild``: start from an empty store (cheaper than editing when most graphs
        change: everything is then bulk-loaded once)."""
        graph_dir.mkdir(parents=True, exist_ok=True)
        clean_stale(graph_dir)
        self.graph_dir = graph_dir
        self.version = f".{STORE_DIR}-{os.getpid()}-{time.time_ns()}"
        target = graph_dir / self.version
        current = graph_dir / STORE_DIR
        self.fresh = True
        # A store changed by SPARQL Update holds triples no article gave: start from the
        # articles again, as ``kg query --update`` promises.
        if current.exists() and not rebuild and not modified_in_place(graph_dir):
            try:
                ox.Store(str(current)).backup(str(target))
                self.fresh = False
            except OSError:  # an unreadable store is rebuilt from the article cache
                shutil.rmtree(target, ignore_errors=True)
        # The version this one was copied from (None: made afresh).
        self.base: str | None = None if self.fresh else _linked_version(graph_dir)
        self.store = ox.Store(str(target))
        # The people (IRI -> Chinese name) in the old and new versions of the graphs this build
        # rewrote: whose "possibly the same as" links an incremental build must look at again.
        self.touched_people: dict[ox.NamedNode, str] = {}
        self.keys = GraphKeys(self.store, empty=self.fresh)
        if not self.fresh and not self.keys.any():
            # A store without bookkeeping (made by an older kg, or by hand): start afresh.
            self.store = None
            shutil.rmtree(target, ignore_errors=True)
            self.store = ox.Store(str(target))
            self.keys = GraphKeys(self.store, empty=True)
            self.fresh = True
            self.base = None
        # Triples the default graph gained (or lost, negative) since the copy was made.
        self.count_delta = 0
        self.base_count: int | None = None
        if not self.fresh:
            for q in self.store.quads_for_pattern(META_GRAPH, _TRIPLE_COUNT, None, META_GRAPH):
                self.base_count = int(q.object.value)
        # Graphs new to this store are written as N-Quads to a file beside it and loaded
        # with one call of the bulk loader at the end: it runs fastest on one large input,
        # and the build's loop is never held up by loading.
        self._bulk_path = graph_dir / f"{self.version}.load-0.nq"
        self._bulk = None
        self._bulk_lines = 0
        self._slices = 0
        # Slices load in background threads (Oxigraph lets go of the GIL while it loads)
        # while the build goes on writing the next one; RocksDB takes in the files each load
        # makes whatever the order, so the store is the same.
        self._loader = None
        self._loading: list = []  # futures of the loads in flight, oldest first

    def graphs(self) -> set[str]:
        """The named graphs whose source version is recorded (articles, ontology, resolution)."""
        return set(self.keys.all())

    def replace(self, graph: str, triples, key: str | None = None, *,
                union: bool = True) -> None:
        """Make named graph ``graph`` hold exactly ``triples`` (and record ``key``).

        ``union``: whether the graph's triples belong in the default graph (data graphs do;
        the ontology does not, so that the default graph is exactly the data)."""
        g = ox.NamedNode(graph)
        default = ox.DefaultGraph()
        # ox.parse yields default-graph Quads even for N-Triples: compare as Triples.
        new = {ox.Triple(t.subject, t.predicate, t.object) for t in triples}
        self._flush_bulk()
        old = {ox.Triple(q.subject, q.predicate, q.object)
               for q in self.store.quads_for_pattern(None, None, None, g)}
        if union:
            self.touched_people.update(_people(old))
            self.touched_people.update(_people(new))
        before = self._in_default(old ^ new) if union else set()
        # Removals first: the store keeps some literals in canonical form (decimals), so an
        # old triple and a new one can differ here and still be the same quad there.
        for t in old - new:
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, g))
            if union and not any(isinstance(q.graph_name, ox.NamedNode)
                                 and q.graph_name not in NOT_IN_UNION
                                 for q in self.store.quads_for_pattern(t.subject, t.predicate,
                                                                       t.object, None)):
                self.store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
        graphs = (g, default) if union else (g,)
        self.store.extend([ox.Quad(t.subject, t.predicate, t.object, gn)
                           for t in new - old for gn in graphs])
        if union:
            self.count_delta += len(self._in_default(old ^ new)) - len(before)
        if not new and self.store.contains_named_graph(g):
            self.store.remove_graph(g)  # an emptied graph would still be listed otherwise
        self._set_key(graph, key)

    def _in_default(self, triples) -> set:
        """Those of ``triples`` the default graph holds, as the store's own quads (so two
        spellings of one canonical literal count once)."""
        default = ox.DefaultGraph()
        return {q for t in triples
                for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object, default)}

    def triple_count(self) -> int:
        """Triples in the default graph: kept up to date by an incremental build, counted
        (seconds on a large store) only when the store was made afresh or never counted."""
        if self.base_count is not None and not self.fresh:
            return self.base_count + self.count_delta
        res = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(res))["n"].value)

    def record_count(self, n: int) -> None:
        """Keep ``n`` (from :meth:`triple_count`) with the store for the next build."""
        for q in list(self.store.quads_for_pattern(META_GRAPH, _TRIPLE_COUNT, None,
                                                   META_GRAPH)):
            self.store.remove(q)
        self.store.add(ox.Quad(META_GRAPH, _TRIPLE_COUNT, ox.Literal(str(n)), META_GRAPH))

    def replace_ntriples(self, graph: str, ntriples: bytes, key: str | None = None) -> None:
        """:meth:`replace` for a data graph given as N-Triples: when this new store never held
        the graph, the text goes to Oxigraph's bulk loader as it is (no Python objects per
        triple), which is what makes a full build of a large corpus fast."""
        if graph in self.keys or not self.fresh:
            self.replace(graph, ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), key)
            return
        tail = b" <" + graph.encode("utf-8") + b"> .\n"
        if self._bulk is None:
            self._bulk = open(self._bulk_path, "wb")  # noqa: SIM115 - closed in _flush_bulk
        out = self._bulk
        text, quads = _in_both_graphs(ntriples, tail)
        out.write(text)
        self._bulk_lines += quads
        if key is not None and self.keys.get(graph) != key:
            # The bookkeeping quad goes to the bulk loader too: a write into the store per
            # article would cost more than the article's own triples in the loader.
            out.write(ox.serialize([ox.Quad(ox.NamedNode(graph), _CACHE_KEY, ox.Literal(key),
                                            META_GRAPH)], format=ox.RdfFormat.N_QUADS))
            self._bulk_lines += 1
            self.keys[graph] = key
        if self._bulk_lines >= _BULK_QUADS:
            self._rotate()  # the loader's memory grows with its input: load in slices

    def drop(self, graph: str) -> None:
        self.replace(graph, (), None)

    def add_graph(self, graph: str, triples, key: str | None = None) -> None:
        """Write a named graph this store does not hold yet (and its triples into the default
        graph), from an iterable, in chunks: no set of it and no diff, so a first build's
        largest derived graph is never held whole."""
        g = ox.NamedNode(graph)
        default = ox.DefaultGraph()
        self._flush_bulk()
        if self.store.contains_named_graph(g):
            raise ValueError(f"{graph} is already in the store: use replace()")
        if self.fresh:
            # A new store takes it through the bulk loader, as it took the articles: written
            # into the store's memory tables instead, a large graph (a million quads on 100,000
            # articles) left RocksDB waiting on its own compactions when it was flushed.
            tail = b" <" + graph.encode("utf-8") + b"> .\n"
            self._bulk = open(self._bulk_path, "wb")  # noqa: SIM115 - closed in _flush_bulk
            batch: list = []

            def write() -> None:
                text, quads = _in_both_graphs(
                    ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES) or b"", tail)
                self._bulk.write(text)
                self._bulk_lines += quads
                batch.clear()
                if self._bulk_lines >= _BULK_QUADS:
                    self._rotate()
                    self._bulk = open(self._bulk_path, "wb")  # noqa: SIM115

            for t in triples:
                batch.append(t)
                if len(batch) >= 10_000:
                    write()
            if batch:
                write()
            if key is not None:
                self._bulk.write(ox.serialize([ox.Quad(g, _CACHE_KEY, ox.Literal(key),
                                                       META_GRAPH)],
                                              format=ox.RdfFormat.N_QUADS))
                self.keys[graph] = key
            self._flush_bulk()
            return
        chunk: list = []
        for t in triples:
            chunk.append(ox.Quad(t.subject, t.predicate, t.object, g))
            chunk.append(ox.Quad(t.subject, t.predicate, t.object, default))
            if len(chunk) >= 100_000:  # quads: a transaction holds its chunk in memory
                self.store.extend(chunk)
                chunk = []
        if chunk:
            self.store.extend(chunk)
        self._set_key(graph, key)

    def patch(self, graph: str, remove, add, key: str | None = None) -> None:
        """Take ``remove`` out of and put ``add`` into named graph ``graph`` and the default
        graph, for a graph whose triples no other graph holds (the resolution graph): an
        incremental change without reading the whole graph, as :meth:`replace` does."""
        g = ox.NamedNode(graph)
        default = ox.DefaultGraph()
        self._flush_bulk()
        remove, add = list(remove), list(add)
        before = self._in_default(remove + add)
        for t in remove:
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, g))
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
        self.store.extend([ox.Quad(t.subject, t.predicate, t.object, gn)
                           for t in add for gn in (g, default)])
        self.count_delta += len(self._in_default(remove + add)) - len(before)
        self._set_key(graph, key)

    def _set_key(self, graph: str, key: str | None) -> None:
        node = ox.NamedNode(graph)
        old = self.keys.get(graph)
        if old == key:
            return
        if old is not None:
            self.store.remove(ox.Quad(node, _CACHE_KEY, ox.Literal(old), META_GRAPH))
            del self.keys[graph]
        if key is not None:
            self.store.add(ox.Quad(node, _CACHE_KEY, ox.Literal(key), META_GRAPH))
            self.keys[graph] = key

    def _rotate(self) -> None:
        """Close the slice being written and hand it to a loader thread (once fewer than
        ``_LOADERS`` slices are loading)."""
        if self._bulk is None:
            return
        self._bulk.close()
        self._bulk = None
        self._bulk_lines = 0
        while len(self._loading) >= _LOADERS:
            self._loading.pop(0).result()  # a failed load fails the build here
        path = self._bulk_path
        self._slices += 1
        self._bulk_path = self.graph_dir / f"{self.version}.load-{self._slices}.nq"
        if self._loader is None:
            from concurrent.futures import ThreadPoolExecutor

            self._loader = ThreadPoolExecutor(max_workers=_LOADERS, thread_name_prefix="kg-load")
        store = self.store

        def load() -> None:
            try:
                # lenient: the slices are Oxigraph's own serialization of terms it built
                # (every IRI checked then); checking each IRI again was a tenth of the load
                store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=True)
            finally:
                path.unlink(missing_ok=True)

        self._loading.append(self._loader.submit(load))

    def _wait(self) -> None:
        """Until every slice is loaded; a failed load fails the build here, after the others
        have finished (none is left writing into the store)."""
        loading, self._loading = self._loading, []
        for f in loading:
            f.exception()
        for f in loading:
            f.result()

    def _flush_bulk(self) -> None:
        self._rotate()
        self._wait()

    def finish(self) -> GraphStore:
        self._flush_bulk()
        self.store.flush()
        return GraphStore(self.store, self.graph_dir / self.version)

    def close(self) -> None:
        """Let go of the new version (before it is published)."""
        if self._bulk is not None:
            self._bulk.close()
            self._bulk = None
        try:
            self._wait()
        except Exception:  # noqa: BLE001 - closing after a failure: the failure is reported
            pass
        if self._loader is not None:
            self._loader.shutdown(wait=True)
            self._loader = None
        for leftover in self.graph_dir.glob(f"{self.version}.load-*.nq"):
            leftover.unlink(missing_ok=True)
        self.store = None

    def abandon(self) -> None:
        """Throw the new version away, unless it has been committed for publication."""
        self.close()
        final = self.graph_dir / STORE_DIR
        if final.is_symlink() and os.readlink(final) == self.version:
            return
        if (self.graph_dir / ".kg-journal.json").exists():
            return  # committed: the journal will publish it
        shutil.rmtree(self.graph_dir / self.version, ignore_errors=True)


# Comment lines and empty lines of N-Triples text.
_NT_DROP = re.compile(rb"^(?:#[^\n]*)?\n", re.M)


def _in_both_graphs(ntriples: bytes, tail: bytes) -> tuple[bytes, int]:
    """N-Triples as N-Quads for the default graph and the named graph ``tail`` ends its
    statements with, and the number of quads: :func:`_as_both_graphs`, or a line at a time
    for a text not in its shape."""
    both = _as_both_graphs(ntriples, tail)
    if both is not None:
        return both
    out, quads = [], 0
    for line in ntriples.splitlines():
        if line.strip() and not line.startswith(b"#"):
            out.append(line + b"\n")  # the default graph: the triple as it is
            out.append(line.rstrip()[:-1].rstrip() + tail)  # the named graph
            quads += 2
    return b"".join(out), quads


def _as_both_graphs(ntriples: bytes, tail: bytes) -> tuple[bytes, int] | None:
    """N-Triples text as N-Quads for the default graph and for the named graph whose
    statement end is ``tail``, with the number of quads; None when the text is not in the
    shape Oxigraph writes (a statement per line ending in " ."), which the caller then
    takes line by line.

    Byte-string operations over the whole text instead of a Python step per line: a build of
    a thousand articles has half a million lines to copy. Comment lines (the cache's head) and
    empty lines are dropped with a regular expression only when the text has them past its
    head."""
    if b"\r" in ntriples:
        return None
    if ntriples and not ntriples.endswith(b"\n"):
        ntriples += b"\n"
    body = ntriples
    while body.startswith(b"#"):  # the cache file's head
        body = body[body.find(b"\n") + 1:] if b"\n" in body else b""
    if body.startswith(b"\n") or b"\n#" in body or b"\n\n" in body:
        body = _NT_DROP.sub(b"", body)
    lines = body.count(b"\n")
    if body.count(b" .\n") != lines:
        return None
    return body + body.replace(b" .\n", tail), 2 * lines


def publish_store(graph_dir: Path, version: str) -> None:
    """Point ``store`` at ``version`` with one atomic rename; drop the version it replaces."""
    final = graph_dir / STORE_DIR
    if final.is_symlink() and os.readlink(final) == version:
        return
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
