"""Exports: Turtle, TriG, JSON-LD, N-Triples and N-Quads, deterministic byte for byte.

Triples are sorted before they are written and we mint no blank nodes, so the same triples
always give the same bytes. Turtle, TriG and the line formats are written by Oxigraph (tens of
times faster than rdflib's writers, MEASUREMENTS.md); JSON-LD by rdflib.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

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


def from_ox(t):
    """An Oxigraph term as an rdflib term (kg mints no blank nodes)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    raise ValueError(f"unexpected term {t!r}")


def _ox_term(t):
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise ValueError(f"kg mints no blank nodes: {t!r}")


def _key(t) -> tuple[str, str, str]:
    return (str(t[0]), str(t[1]), t[2].n3())


_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def _sorted_triples(triples) -> list:
    return [ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in sorted(triples,
                                                                                  key=_key)]


def _sorted_quads(named: dict[URIRef, set]) -> list:
    out = []
    for gname in sorted(named, key=str):
        g = ox.NamedNode(str(gname))
        out.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), g)
                   for s, p, o in sorted(named[gname], key=_key))
    return out


def turtle(triples) -> str:
    """Turtle with subjects, predicates and objects in sorted order (Oxigraph's writer: fast,
    and the order we give is the order written, so the bytes are deterministic)."""
    return ox.serialize(_sorted_triples(triples), format=ox.RdfFormat.TURTLE,
                        prefixes=_OX_PREFIXES).decode("utf-8")


def ntriples(triples) -> str:
    return ox.serialize(_sorted_triples(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def nquads(named: dict[URIRef, set]) -> str:
    return ox.serialize(_sorted_quads(named), format=ox.RdfFormat.N_QUADS).decode("utf-8")


def trig(named: dict[URIRef, set]) -> str:
    """TriG with the named graphs in IRI order and each graph's triples sorted."""
    return ox.serialize(_sorted_quads(named), format=ox.RdfFormat.TRIG,
                        prefixes=_OX_PREFIXES).decode("utf-8")


def jsonld_context() -> dict:
    """The shipped JSON-LD context (``ontology/context.jsonld``, generated from kg.ttl by
    ``kg docs``): short terms for kg's classes and properties, labels as a language map."""
    import json
    from importlib import resources

    text = (resources.files("kg.ontology") / "context.jsonld").read_text("utf-8")
    return json.loads(text)["@context"]


def jsonld(triples) -> str:
    """Compact JSON-LD under the shipped context, with the nodes sorted (rdflib's order depends
    on a set). The context is written inline, so the file reads back without any network."""
    import json

    g = to_graph(triples)
    context = jsonld_context()
    doc = json.loads(g.serialize(format="json-ld", context=context))
    nodes = doc.get("@graph")
    if isinstance(nodes, list):
        doc["@graph"] = sorted(nodes, key=lambda n: json.dumps(n, sort_keys=True,
                                                             ensure_ascii=False))
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def ntriples_of(terms) -> str:
    """N-Triples of (subject, predicate, object) tuples of Oxigraph terms, in their order.

    Oxigraph prints a term in its N-Triples form, the form its N-Triples writer writes, so this
    is ``ox.serialize(..., N_TRIPLES)`` without an ox.Triple per statement (which cost more than
    the writing)."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in terms])
