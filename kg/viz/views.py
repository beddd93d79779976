"""Views of the store for the interactive page: which nodes and edges to draw.

Read from the store (not from extractor facts), so the page shows exactly what the graph says.
Two questions drive the default view: who spoke where (people -> events, edges labelled with the
role, events -> place) and which counties ranked in which lists (places -> lists, edges labelled
with the rank). Every edge's tooltip carries its evidence sentence and article.
"""

from __future__ import annotations

from collections import defaultdict

from kg.query.runner import select
from kg.store.oxigraph import GraphStore
from kg.viz.html import VizEdge, VizNode

ROLE_ZH = {"presided": "主持", "speech": "讲话", "remarks": "发言", "attended": "出席",
           "led": "带队", "accompanied": "陪同"}

_PARTICIPATIONS = """
SELECT ?ag ?agl ?e ?el ?date ?role ?venue ?ev ?art WHERE {
  ?st a kg:Participation ; kg:agent ?ag ; kg:event ?e ; kg:role ?r ; kg:evidenceText ?ev ;
      prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?r skos:notation ?role .
  ?ag rdfs:label ?agl . ?e rdfs:label ?el .
  OPTIONAL { ?e kg:date ?date } OPTIONAL { ?st kg:venue ?venue }
}"""
_POSITIONS = """
SELECT ?p ?pl ?post ?postl ?place ?placel ?ev ?art WHERE {
  ?st a kg:PositionStatement ; kg:agent ?p ; kg:post ?post ; kg:evidenceText ?ev ;
      prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?p rdfs:label ?pl . ?post rdfs:label ?postl .
  OPTIONAL { ?post kg:jurisdiction ?place . ?place rdfs:label ?placel }
}"""
_LOCATIONS = """
SELECT ?e ?el ?place ?placel ?art WHERE {
  ?e a kg:Event ; rdfs:label ?el ; kg:location ?place ; prov:wasDerivedFrom ?a .
  ?place rdfs:label ?placel . ?a kg:sourceFile ?art .
}"""
_PLACEMENTS = """
SELECT ?p ?pl ?code ?l ?ll ?year ?rank ?ev ?art WHERE {
  ?st a kg:RankingPlacement ; kg:place ?p ; kg:inList ?l ; kg:rank ?rank ;
      kg:evidenceText ?ev ; prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?p rdfs:label ?pl . ?l rdfs:label ?ll .
  OPTIONAL { ?p kg:divisionCode ?code } OPTIONAL { ?l kg:year ?year }
}"""


def _rows(store: GraphStore, q: str) -> list[dict[str, str]]:
    variables, rows = select(store, q)
    return [dict(zip(variables, r, strict=True)) for r in rows]


def build_view(store: GraphStore, view: str = "all") -> tuple[list[VizNode], list[VizEdge]]:
    """Nodes and edges of a view: ``people`` (who spoke where), ``rankings``, or ``all``."""
    nodes: dict[str, dict] = {}
    edges: list[VizEdge] = []

    def node(nid: str, label: str, kind: str, art: str, tip: str = "") -> None:
        n = nodes.setdefault(nid, {"label": label, "kind": kind, "arts": set(), "tips": []})
        n["arts"].add(art)
        if tip and tip not in n["tips"]:
            n["tips"].append(tip)

    if view in ("people", "all"):
        for r in _rows(store, _PARTICIPATIONS):
            node(r["ag"], r["agl"], "person", r["art"])
            node(r["e"], r["el"], "event", r["art"], f"{r['el']} {r['date']}".strip())
            label = ROLE_ZH.get(r["role"], r["role"])
            if r["venue"]:
                label += f"@{r['venue']}"
            edges.append(VizEdge(r["ag"], r["e"], label, f"{r['ev']}\n— {r['art']}",
                                 (r["art"],)))
        for r in _rows(store, _LOCATIONS):
            node(r["e"], r["el"], "event", r["art"])
            node(r["place"], r["placel"], "place", r["art"])
            edges.append(VizEdge(r["e"], r["place"], "地点", r["art"], (r["art"],)))
    if view == "all":
        for r in _rows(store, _POSITIONS):
            node(r["p"], r["pl"], "person", r["art"])
            node(r["post"], r["postl"], "post", r["art"])
            edges.append(VizEdge(r["p"], r["post"], "任职", f"{r['ev']}\n— {r['art']}",
                                 (r["art"],)))
            if r["place"]:
                node(r["place"], r["placel"], "place", r["art"])
                edges.append(VizEdge(r["post"], r["place"], "辖区", "", (r["art"],)))
    if view in ("rankings", "all"):
        by_list: dict[str, list[str]] = defaultdict(list)
        for r in _rows(store, _PLACEMENTS):
            node(r["p"], r["pl"], "place", r["art"], f"{r['pl']} {r['code']}".strip())
            node(r["l"], r["ll"], "ranking", r["art"])
            by_list[r["l"]].append(f"第{r['rank']}位 {r['pl']}")
            edges.append(VizEdge(r["p"], r["l"], f"第{r['rank']}位",
                                 f"{r['ev']}\n— {r['art']}", (r["art"],)))
        for lid, lines in by_list.items():
            nodes[lid]["tips"] = ["\n".join(sorted(lines, key=lambda s: int(s[1:s.index('位')])))]
    out_nodes = []
    for nid, n in nodes.items():
        tip = "\n".join([n["label"], *n["tips"], "来源: " + ", ".join(sorted(n["arts"]))])
        out_nodes.append(VizNode(nid, n["label"], n["kind"], tip, tuple(sorted(n["arts"]))))
    return out_nodes, edges
