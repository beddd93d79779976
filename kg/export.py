"""``kg export``: the store's graph in the format a user's tools read.

Exports are produced from the store (what queries see), without the ontology graph and the
build's bookkeeping that the store keeps beside the data. Turtle and TriG are written graph by
graph in the blocks ``kg build`` writes (kg.store.dump), the same bytes as its graph.ttl and
graph.trig; N-Triples and N-Quads stream from the store through Oxigraph's writers; JSON-LD
goes through rdflib, which holds the graph in memory. After ``kg query --update`` changed the
store in place, its default graph need no longer be the union of the article graphs: Turtle
is then the default graph written whole, in the store's order.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.rdf import serialize
from kg.rdf.serialize import from_ox
from kg.store import dump
from kg.store.oxigraph import modified_in_place, open_store
from kg.util import atomic_write_text


def export(graph_dir: Path, fmt: str, out: Path | None) -> str | None:
    """Write the export to ``out`` (atomically) or return it as text when ``out`` is None."""
    store = open_store(graph_dir)
    if fmt == "csv":
        from kg.query.tables import write_tables

        if out is None:
            raise ValueError("--format csv writes one file per table: give --out FOLDER")
        write_tables(store, out)
        return None
    if fmt == "jsonld":
        union = {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                 for q in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        text = serialize.jsonld(union)
        if out is None:
            return text
        atomic_write_text(out, text)
        return None
    folder = out.parent if out is not None else Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name if out else 'export'}.", suffix=".tmp",
                               dir=folder)
    os.close(fd)
    try:
        if fmt == "turtle" and modified_in_place(graph_dir):
            dump.write_default_turtle(store, Path(tmp))
        else:
            dump.write(store, fmt, Path(tmp))
        if out is None:
            return Path(tmp).read_text("utf-8")
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
        return None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
