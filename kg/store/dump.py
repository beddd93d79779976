"""Streaming the store's graph into files: Turtle, TriG, N-Triples, N-Quads.

Oxigraph's own writer reads the store's indexes and writes the file, without Python objects
per triple and without collecting the graph in memory, so an export costs the same memory for
ten articles as for a hundred thousand. The order is the store's index order, a function of the
content alone (Oxigraph encodes terms by value, never by insertion order), so the same graph
gives the same bytes however it was built; a subject's triples are written together.

The default graph is the data (the union of the article graphs and the cross-article
resolution graph); the ontology and the build's bookkeeping live in named graphs of their own
and are left out of the exports.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.oxigraph import NOT_IN_UNION, GraphStore

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
DATA_FORMATS = ("turtle", "nt", "trig", "nquads")


def data_graphs(store: GraphStore) -> list[ox.NamedNode]:
    """The named graphs of the data (articles and resolution), in IRI order."""
    return sorted((g for g in store.store.named_graphs()
                   if isinstance(g, ox.NamedNode) and g not in NOT_IN_UNION),
                  key=lambda g: g.value)


def write(store: GraphStore, fmt: str, output: Path) -> None:
    """Write the data in ``fmt`` (one of DATA_FORMATS) to the file ``output``."""
    s = store.store
    if fmt in ("turtle", "nt"):
        rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        s.dump(str(output), format=rdf_format, from_graph=ox.DefaultGraph(),
               prefixes=_PREFIXES if fmt == "turtle" else None)
        return
    with open(output, "wb") as fh:
        if fmt == "nquads":
            for g in data_graphs(store):
                body = s.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
                tail = b" <" + g.value.encode("utf-8") + b"> .\n"
                fh.writelines(line.rstrip()[:-1].rstrip() + tail
                              for line in body.splitlines() if line)
            return
        # TriG: the prefixes once, then each graph's triples as Turtle inside its block.
        fh.writelines(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in _PREFIXES.items())
        for g in data_graphs(store):
            body = s.dump(format=ox.RdfFormat.TURTLE, from_graph=g, prefixes=_PREFIXES)
            lines = body.split(b"\n")
            while lines and lines[0].startswith(b"@prefix"):
                lines.pop(0)
            fh.write(b"<" + g.value.encode("utf-8") + b"> {\n")
            fh.writelines(b"\t" + line + b"\n" for line in lines if line)
            fh.write(b"}\n")
