"""``kg validate``: SHACL validation of the store against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDFS, SH

from kg.build import ontology_path
from kg.rdf.serialize import from_ox
from kg.store.oxigraph import open_store


def validate(graph_dir: Path, shapes: Path | None = None) -> tuple[bool, str]:
    """Returns (conforms, readable report)."""
    import pyshacl

    store = open_store(graph_dir)
    data = Graph()
    for q in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        data.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    shapes_graph = Graph().parse(shapes or ontology_path("shapes.ttl"), format="turtle")
    ontology = Graph().parse(ontology_path("kg.ttl"), format="turtle")
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, ont_graph=ontology, inference="none",
        allow_warnings=True)
    if conforms:
        return True, f"conforms: {len(data)} triples checked against {len(shapes_graph)} shape triples"
    lines = []
    for r in sorted(results.subjects(SH.resultSeverity, None), key=str):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        msg = results.value(r, SH.resultMessage)
        val = results.value(r, SH.value)
        label = _zh_label(data, focus) if focus is not None else None
        lines.append(f"- {focus}{f' ({label})' if label else ''}: "
                     f"{_short(path)}: {msg}{f' [value: {val}]' if val is not None else ''}")
    return False, f"does not conform: {len(lines)} violation(s)\n" + "\n".join(lines)


def _zh_label(data: Graph, node) -> str | None:
    """The node's Chinese label (a node has one per language; the report names it in zh)."""
    labels = sorted(data.objects(node, RDFS.label), key=lambda lit: (
        getattr(lit, "language", None) != "zh", str(lit)))
    return str(labels[0]) if labels else None


def _short(path) -> str:
    if path is None:
        return "(node)"
    s = str(path)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]
