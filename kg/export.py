"""``kg export``: the store's graph in the format a user's tools read.

Exports are produced from the store (what queries see), without the ontology graph that the
store keeps beside the data, through the same deterministic serializers as ``kg build``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.rdf import serialize
from kg.rdf.serialize import from_ox
from kg.store.oxigraph import GraphStore, open_store
from kg.util import atomic_write_text

ONTOLOGY_GRAPH = "https://w3id.org/cnpolkg/ns"


def named_graphs(store: GraphStore) -> dict[URIRef, set]:
    out: dict[URIRef, set] = defaultdict(set)
    for q in store.store.quads_for_pattern(None, None, None, None):
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph) or g.value == ONTOLOGY_GRAPH:
            continue
        out[URIRef(g.value)].add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return dict(out)


def export(graph_dir: Path, fmt: str, out: Path | None) -> str | None:
    """Write the export to ``out`` (atomically) or return it as text when ``out`` is None."""
    store = open_store(graph_dir)
    if fmt == "csv":
        from kg.query.tables import write_tables

        if out is None:
            raise ValueError("--format csv writes one file per table: give --out FOLDER")
        write_tables(store, out)
        return None
    named = named_graphs(store)
    union: set = set().union(*named.values()) if named else set()
    text = {
        "turtle": lambda: serialize.turtle(union),
        "nt": lambda: serialize.ntriples(union),
        "jsonld": lambda: serialize.jsonld(union),
        "trig": lambda: serialize.trig(named),
        "nquads": lambda: serialize.nquads(named),
    }[fmt]()
    if out is None:
        return text
    atomic_write_text(out, text)
    return None
