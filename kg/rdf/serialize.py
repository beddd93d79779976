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


def _lines(text: str) -> list[str]:
    # split("\n"), not splitlines(): a literal may hold U+2028, \v or \x85, which rdflib
    # writes unescaped and splitlines() would cut in two.
    return sorted(line for line in text.split("\n") if line.strip())


def ntriples(triples) -> str:
    return "\n".join(_lines(to_graph(triples).serialize(format="nt"))) + "\n"


def nquads(named: dict[URIRef, set]) -> str:
    return "\n".join(_lines(to_dataset(named).serialize(format="nquads"))) + "\n"


def trig(named: dict[URIRef, set]) -> str:
    """TriG with the named graphs in IRI order, each written by the (sorted) Turtle writer.

    rdflib's own TriG writer orders graphs by a set, so its bytes change between runs.
    """
    out: list[str] = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    out.append("")
    for gname in sorted(named, key=str):
        body = turtle(named[gname])
        lines = [ln for ln in body.split("\n") if not ln.startswith("@prefix")]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        out.append(f"<{gname}> {{")
        out.extend(lines)  # not indented: a multi-line literal's lines are part of its value
        out.append("}")
        out.append("")
    return "\n".join(out)


def jsonld(triples) -> str:
    """Compact JSON-LD with the nodes sorted by @id (rdflib's order depends on a set)."""
    import json

    g = to_graph(triples)
    context = {p: str(ns) for p, ns in PREFIXES.items()}
    doc = json.loads(g.serialize(format="json-ld", context=context))
    nodes = doc.get("@graph")
    if isinstance(nodes, list):
        doc["@graph"] = sorted(nodes, key=lambda n: json.dumps(n, sort_keys=True,
                                                             ensure_ascii=False))
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
