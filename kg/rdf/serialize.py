"""Exports: Turtle, TriG, JSON-LD, N-Triples and N-Quads, deterministic byte for byte.

rdflib's serializers sort subjects and predicates, and we mint no blank nodes, so the same
triples always give the same bytes.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from kg.rdf.namespaces import PREFIXES

Triple = tuple


def _bind(g) -> None:
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True, replace=True)


def to_graph(triples) -> Graph:
    g = Graph()
    _bind(g)
    for t in triples:
        g.add(t)
    return g


def to_dataset(named: dict[URIRef, set]) -> Dataset:
    ds = Dataset()
    _bind(ds)
    for gname in sorted(named, key=str):
        g = ds.graph(gname)
        for t in named[gname]:
            g.add(t)
    return ds


def turtle(triples) -> str:
    return to_graph(triples).serialize(format="turtle")


def ntriples(triples) -> str:
    lines = to_graph(triples).serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def nquads(named: dict[URIRef, set]) -> str:
    lines = to_dataset(named).serialize(format="nquads").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def trig(named: dict[URIRef, set]) -> str:
    return to_dataset(named).serialize(format="trig")


def jsonld(triples) -> str:
    g = to_graph(triples)
    context = {p: str(ns) for p, ns in PREFIXES.items()}
    return g.serialize(format="json-ld", context=context, indent=1, sort_keys=True,
                       ensure_ascii=False)
