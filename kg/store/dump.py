"""Writing the data into files: Turtle, TriG, N-Triples, N-Quads.

The data is the union of the data graphs: one named graph per article and the cross-article
resolution graph. The ontology and the build's bookkeeping live in named graphs of their own
and are left out of the exports.

graph.ttl and graph.trig are written as blocks, one per data graph in graph-IRI order, after
the prefixes once. In graph.trig a block is the graph's triples as Turtle inside ``<graph> {
... }``; in graph.ttl it is the same Turtle after a comment line naming the graph. So a triple
that several articles hold (a place's label, say) is written once in each of their blocks in
graph.ttl too: parsed, the file is still exactly the union, the store's default graph (an RDF
graph is a set), but its layout is per article, not one entry per subject of the whole graph.

A block is a function of its graph's triples alone: the triples as N-Triples lines in the
store's spelling (Oxigraph keeps typed literals by value, so ``"1.0"^^xsd:decimal`` is stored
and written as ``"1"^^xsd:decimal``), sorted, each once, then written as Turtle by Oxigraph's
writer. A build makes an article's block from the article's cached N-Triples, ``kg export``
makes it from the store, and both give the same bytes; a full build and an incremental one
that reach the same articles write the same files. That is what lets a build rewrite only the
blocks of the articles that changed and copy every other block from the previous file
(:func:`write_files`, with an index of the blocks in the cache folder, as the tables do).

N-Triples and N-Quads stream from the store's indexes (the default graph, and each data graph),
in the store's order, which depends on the content only.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.oxigraph import NOT_IN_UNION, GraphStore
from kg.util import BlockRuns, read_packed, write_packed

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
DATA_FORMATS = ("turtle", "nt", "trig", "nquads")
#: The files a build writes in blocks, by format.
FILES = {"turtle": "graph.ttl", "trig": "graph.trig"}
#: The head of graph.ttl and of graph.trig: the prefixes, once.
HEADER = b"".join(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in _PREFIXES.items())


def data_graphs(store: GraphStore) -> list[ox.NamedNode]:
    """The named graphs of the data (articles and resolution), in IRI order."""
    return sorted((g for g in store.store.named_graphs()
                   if isinstance(g, ox.NamedNode) and g not in NOT_IN_UNION),
                  key=lambda g: g.value)


# -- one graph's block ---------------------------------------------------------------------------

# Typed literals as the store spells them (the literal as written -> as the store writes it
# back), learnt from a scratch in-memory store, which encodes terms as the store on disk does.
# An article's typed literals are mostly numbers and dates that other articles hold too.
_SPELLING: dict[bytes, bytes] = {}
_SPELLING_MAX = 1_000_000
_SCRATCH = b"<urn:kg:scratch:"


def _learn_spelling(literals: list[bytes]) -> None:
    if len(_SPELLING) + len(literals) > _SPELLING_MAX:
        _SPELLING.clear()
    scratch = ox.Store()
    scratch.load(b"".join(_SCRATCH + b"%d> <urn:kg:p> %s .\n" % (i, lit)
                          for i, lit in enumerate(literals)),
                 format=ox.RdfFormat.N_TRIPLES)
    for line in scratch.dump(format=ox.RdfFormat.N_TRIPLES,
                             from_graph=ox.DefaultGraph()).splitlines():
        subject, _, rest = line.partition(b" ")
        _SPELLING[literals[int(subject[len(_SCRATCH):-1])]] = rest.partition(b" ")[2][:-2]


def canonical_ntriples(ntriples: bytes) -> bytes:
    """The statements of N-Triples text (comment and empty lines skipped) as the store writes
    them, sorted and each once: the same bytes for the same graph, whether the text is an
    article's cache file or the store's own dump of the graph."""
    start = 0
    while ntriples.startswith(b"#", start):  # a cache file's head
        start = ntriples.find(b"\n", start) + 1 or len(ntriples)
    text = ntriples[start:]
    if text and not text.endswith(b"\n"):
        text += b"\n"
    if b"\r" in text or text.count(b" .\n") != text.count(b"\n"):
        # Not one statement a line as Oxigraph writes them: through its parser and writer.
        text = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES),
                            format=ox.RdfFormat.N_TRIPLES) or b""
    lines = sorted(set(text.split(b"\n")))
    first = 0  # "" and comments sort before every statement ("<")
    while first < len(lines) and lines[first][:1] != b"<":
        first += 1
    if first:
        lines = lines[first:]
    if b'"^^<' in text:
        lines = _respelled(lines)
    return b"\n".join(lines) + b"\n" if lines else b""


def _respelled(lines: list[bytes]) -> list[bytes]:
    """Sorted statement lines with their typed literals as the store spells them (sorted)."""
    # The object of a line with a typed literal starts at the line's first quote (the subject
    # and the predicate are IRIs, which hold none) and ends before " .".
    typed = [line for line in lines if b'"^^<' in line]
    literals = {line[line.index(b'"'):-2] for line in typed}
    unknown = literals - _SPELLING.keys()
    if unknown:
        _learn_spelling(sorted(unknown))
    if all(_SPELLING[lit] == lit for lit in literals):
        return lines
    out = set(lines)
    for line in typed:
        j = line.index(b'"')
        spelled = _SPELLING[line[j:-2]]
        if spelled != line[j:-2]:
            out.discard(line)
            out.add(line[:j] + spelled + b" .")
    return sorted(out)


def turtle_body(ntriples: bytes) -> bytes:
    """A graph's triples (N-Triples text) as Turtle without the prefix lines (which are
    :data:`HEADER`): a function of the set of triples alone (see the module's docstring)."""
    text = canonical_ntriples(ntriples)
    if not text:
        return b""
    out = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_TRIPLES),
                       format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
    i = 0
    while out.startswith((b"@prefix", b"\n"), i):
        i = out.index(b"\n", i) + 1
    return out[i:]


def block(fmt: str, graph: str, body: bytes) -> bytes:
    """Graph ``graph``'s block in graph.ttl (``fmt`` "turtle") or graph.trig ("trig"), from
    its :func:`turtle_body`. An empty graph has none."""
    if not body:
        return b""
    name = b"<" + graph.encode("utf-8") + b">"
    if fmt == "turtle":
        return b"\n# " + name + b"\n" + body
    return name + b" {\n\t" + body[:-1].replace(b"\n", b"\n\t") + b"\n}\n"


def store_body(store: GraphStore, graph: str) -> bytes:
    """:func:`turtle_body` of a named graph of the store."""
    return turtle_body(store.store.dump(format=ox.RdfFormat.N_TRIPLES,
                                        from_graph=ox.NamedNode(graph)))


def file_bodies(paths: list[str]) -> list[bytes]:
    """:func:`turtle_body` of each N-Triples file (an article's cache file: its comment lines
    are skipped)."""
    out = []
    for p in paths:
        with open(p, "rb") as fh:
            out.append(turtle_body(fh.read()))
    return out


# -- kg export: from the store -------------------------------------------------------------------


def write(store: GraphStore, fmt: str, output: Path) -> None:
    """Write the data in ``fmt`` (one of DATA_FORMATS) to the file ``output``.

    Turtle and TriG in the blocks a build writes (the same bytes as its graph.ttl and
    graph.trig); N-Triples: the default graph as the store holds it."""
    s = store.store
    if fmt == "nt":
        s.dump(str(output), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        return
    with open(output, "wb") as fh:
        if fmt == "nquads":
            for g in data_graphs(store):
                body = s.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
                tail = b" <" + g.value.encode("utf-8") + b"> .\n"
                fh.writelines(line.rstrip()[:-1].rstrip() + tail
                              for line in body.splitlines() if line)
            return
        if fmt not in FILES:
            raise ValueError(f"unknown format {fmt!r} (known: {', '.join(DATA_FORMATS)})")
        fh.write(HEADER)
        for g, ntriples in _graph_dumps(store, data_graphs(store)):
            fh.write(block(fmt, g.value, turtle_body(ntriples)))


def write_default_turtle(store: GraphStore, output: Path) -> None:
    """The store's default graph as Turtle, whole, in the store's order: what queries see even
    after ``kg query --update`` changed it apart from the article graphs."""
    store.store.dump(str(output), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                     prefixes=_PREFIXES)


def _graph_dumps(store: GraphStore, graphs: list[ox.NamedNode], ahead: int = 8,
                 readers: int = 2) -> Iterator[tuple[ox.NamedNode, bytes]]:
    """Each graph with its N-Triples, read from the store a few graphs ahead in ``readers``
    threads while the caller writes the ones before: a graph costs milliseconds to read
    (every term is looked up), and Oxigraph lets go of the GIL meanwhile (2,000 graphs of
    the bench corpus: 8.3-8.6 s with one reader, 4.9-6.0 s with two, on two cores)."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    def read(g: ox.NamedNode) -> bytes:
        return store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)

    pending = iter(graphs)
    with ThreadPoolExecutor(max_workers=readers, thread_name_prefix="kg-dump") as pool:
        window = deque((g, pool.submit(read, g)) for g in islice(pending, ahead))
        while window:
            g, fut = window.popleft()
            window.extend((nxt, pool.submit(read, nxt)) for nxt in islice(pending, 1))
            yield g, fut.result()


# -- kg build: blocks kept from the previous files -------------------------------------------------

_INDEX_FORMAT = 1  # bump when a block's layout changes: every block is then written anew


def _layout() -> str:
    """What else a block's bytes depend on than its graph: the prefixes and Oxigraph's
    writer. An index made with another is not trusted."""
    h = hashlib.sha256(f"{_INDEX_FORMAT}\x1f{ox.__version__}\x1f".encode() + HEADER)
    return h.hexdigest()[:16]


@dataclass
class _Index:
    """The previous files' blocks: the graphs in order, their keys, each block's size."""

    graphs: list[str]
    keys: list[str]
    sizes: dict[str, array]  # by format


def _read_index(index_path: Path, out_dir: Path) -> _Index | None:
    """The previous index, if it describes graph.ttl and graph.trig as they are in ``out_dir``
    (their size and modification time; the blocks add up to the size)."""
    packed = read_packed(index_path)
    if packed is None:
        return None
    head, strings, arrays = packed
    try:
        if head.get("format") != _INDEX_FORMAT or head.get("layout") != _layout():
            return None
        index = _Index(strings["graphs"], strings["keys"],
                       {f: arrays[f"size:{f}"] for f in FILES})
        for fmt, name in FILES.items():
            size, mtime_ns = head["files"][name]
            st = (out_dir / name).stat()
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                return None
            if len(HEADER) + sum(index.sizes[fmt]) != size:
                return None
    except (OSError, KeyError, TypeError, ValueError):
        return None
    count = len(index.graphs)
    if len(index.keys) != count or any(len(a) != count for a in index.sizes.values()):
        return None
    return index


def write_files(out_dir: Path, graphs: list[tuple[str, str]],
                bodies: Callable[[list[str]], Iterable[bytes]],
                stage: Callable[[Path], Path], *, index_path: Path | None = None
                ) -> dict[str, int]:
    """Write graph.ttl and graph.trig for ``graphs`` ((IRI, key) pairs in IRI order; the key
    says what the graph holds, "" when nothing does and the graph is written anew each time),
    each into the file ``stage(final path)`` gives.

    ``bodies(iris)`` gives the :func:`turtle_body` of each graph of ``iris``, in that order,
    lazily. With ``index_path``, each block's size and graph key are kept there; when the index
    describes the files that are in ``out_dir``, a graph whose key is the same has its blocks
    copied from the previous files (consecutive ones in one copy) and only the others are
    asked for. Returns how many graphs were written anew and how many copied."""
    previous = _read_index(index_path, out_dir) if index_path is not None else None
    old_pos: dict[str, int] = {}
    if previous is not None:
        wanted = dict(graphs)
        old_pos = {g: i for i, (g, key) in enumerate(zip(previous.graphs, previous.keys,
                                                         strict=True))
                   if key and wanted.get(g) == key}
        starts = {f: array("q", accumulate(previous.sizes[f], initial=len(HEADER)))
                  for f in FILES}
    needed = [g for g, _key in graphs if g not in old_pos]
    fresh = iter(bodies(needed))
    sizes: dict[str, array] = {f: array("q") for f in FILES}
    staged = {f: stage(out_dir / name) for f, name in FILES.items()}
    handles = {f: open(staged[f], "wb") for f in FILES}  # noqa: SIM115 - closed below
    sources = ({f: open(out_dir / name, "rb") for f, name in FILES.items()}  # noqa: SIM115
               if old_pos else {})
    # unchanged graphs' blocks as bytes, their sizes as slices
    runs = BlockRuns(sources, handles, starts if old_pos else {},
                     {f: (previous.sizes[f], sizes[f]) for f in FILES} if old_pos else {})

    try:
        for f in FILES:
            handles[f].write(HEADER)
        for g, _key in graphs:
            i = old_pos.get(g)
            if i is not None:
                runs.keep(i)
                continue
            runs.flush()
            body = next(fresh)
            for f in FILES:
                data = block(f, g, body)
                handles[f].write(data)
                sizes[f].append(len(data))
        runs.flush()
    finally:
        for fh in (*handles.values(), *sources.values()):
            fh.close()
    if index_path is not None:
        files = {}
        for f, name in FILES.items():
            st = os.stat(staged[f])  # (a rename keeps the size and the modification time)
            files[name] = [st.st_size, st.st_mtime_ns]
        head = {"format": _INDEX_FORMAT, "layout": _layout(), "files": files}
        write_packed(stage(index_path), head,
                     {"graphs": [g for g, _ in graphs], "keys": [k for _, k in graphs]},
                     {f"size:{f}": sizes[f] for f in FILES})
    return {"written": len(needed), "copied": len(graphs) - len(needed)}
