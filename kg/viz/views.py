"""Views of the store for the interactive page: which nodes and edges to draw.

Read from the store (not from extractor facts), so the page shows exactly what the graph says.
Two questions drive the default view: who spoke where (people -> events, edges labelled with the
role and the venue, events -> venue and place) and which counties ranked in which lists
(places -> lists, edges labelled with the rank). Every edge's tooltip carries its evidence
sentence and article.

:func:`focus_view` draws the neighbourhood of one entity instead: everything within N hops of
it in the entity graph of :mod:`kg.graph` (all relations for the ``all`` view, only the view's
own relations for ``people`` and ``rankings``), drawn with the view's labelled, evidenced edges
where the view has them and the relation's Chinese name otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.query.runner import select
from kg.store.oxigraph import GraphStore
from kg.viz.html import VizEdge, VizNode

__all__ = ["ROLE_ZH", "VIEWS", "FocusView", "assemble_view", "build_view", "focus_view",
           "view_rows"]

VIEWS = ("people", "rankings", "all")

ROLE_ZH = {"presided": "主持", "speech": "讲话", "remarks": "发言", "attended": "出席",
           "led": "带队", "accompanied": "陪同"}

# Relations of kg.graph's entity graph that each view draws (a focus follows only these).
_PEOPLE_RELATIONS = frozenset({"presided", "gaveSpeech", "gaveRemarks", "attended", "led",
                               "accompanied", "location"})
_RANKING_RELATIONS = frozenset({"rankedIn"})
_VIEW_RELATIONS: dict[str, frozenset[str] | None] = {
    "people": _PEOPLE_RELATIONS,
    "rankings": _RANKING_RELATIONS,
    "all": None,  # every relation of the entity graph
}
# Relations build_view("all") draws itself, with evidence; the others come from the entity graph.
_DRAWN_BY_VIEW = _PEOPLE_RELATIONS | _RANKING_RELATIONS | {"holds", "jurisdiction"}

VENUE_PREFIX = "venue:"

# The words of edges and tooltips: Chinese, or English for the en and pinyin pages.
WORDS = {
    "zh": {"venue": "会场", "venue_of": "的会场：", "venue_tip": "会场（venue）", "venues": "会场：",
           "sep": "、", "location": "地点", "location_of": "的地点：", "holds": "任职",
           "jurisdiction": "辖区", "rank": "第{}位", "listed": "上榜", "sources": "来源: "},
    "en": {"venue": "venue", "venue_of": "venue: ", "venue_tip": "venue", "venues": "venues: ",
           "sep": ", ", "location": "location", "location_of": "location: ", "holds": "holds",
           "jurisdiction": "jurisdiction", "rank": "No. {}", "listed": "listed", "sources": "sources: "},
}

_PARTICIPATIONS = """
SELECT ?ag ?agl ?e ?el ?date ?role ?venue ?ev ?art WHERE {
  ?st a kg:Participation ; kg:agent ?ag ; kg:event ?e ; kg:role ?r ; kg:evidenceText ?ev ;
      prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?r skos:notation ?role .
  ?ag rdfs:label ?agl . ?e rdfs:label ?el . FILTER(LANG(?agl) = $lang && LANG(?el) = $lang)
  OPTIONAL { ?e kg:date ?date } OPTIONAL { ?st kg:venue ?venue }
}"""
_POSITIONS = """
SELECT ?p ?pl ?post ?postl ?place ?placel ?ev ?art WHERE {
  ?st a kg:PositionStatement ; kg:agent ?p ; kg:post ?post ; kg:evidenceText ?ev ;
      prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?p rdfs:label ?pl . ?post rdfs:label ?postl .
  FILTER(LANG(?pl) = $lang && LANG(?postl) = $lang)
  OPTIONAL { ?post kg:jurisdiction ?place . ?place rdfs:label ?placel
             FILTER(LANG(?placel) = $lang) }
}"""
_LOCATIONS = """
SELECT ?e ?el ?place ?placel ?art WHERE {
  ?e a kg:Event ; rdfs:label ?el ; kg:location ?place ; prov:wasDerivedFrom ?a .
  ?place rdfs:label ?placel . ?a kg:sourceFile ?art .
  FILTER(LANG(?el) = $lang && LANG(?placel) = $lang)
}"""
_PLACEMENTS = """
SELECT ?p ?pl ?code ?l ?ll ?year ?rank ?ev ?art WHERE {
  ?st a kg:RankingPlacement ; kg:place ?p ; kg:inList ?l ;
      kg:evidenceText ?ev ; prov:wasDerivedFrom ?a .
  ?a kg:sourceFile ?art . ?p rdfs:label ?pl . ?l rdfs:label ?ll .
  FILTER(LANG(?pl) = $lang && LANG(?ll) = $lang)
  OPTIONAL { ?p kg:divisionCode ?code } OPTIONAL { ?l kg:year ?year }
  OPTIONAL { ?st kg:rank ?rank }
}"""


def _rows(store: GraphStore, q: str, lang: str = "zh") -> list[dict[str, str]]:
    variables, rows = select(store, q, lang=lang)
    return [dict(zip(variables, r, strict=True)) for r in rows]


# The queries a view is drawn from, by kind of row.
VIEW_QUERIES = {"participations": _PARTICIPATIONS, "locations": _LOCATIONS,
                "positions": _POSITIONS, "placements": _PLACEMENTS}
_NEEDED = {"people": ("participations", "locations"), "rankings": ("placements",),
           "all": ("participations", "locations", "positions", "placements")}


def view_rows(store: GraphStore, view: str = "all", lang: str = "zh"
              ) -> dict[str, list[dict[str, str]]]:
    """The rows a view is drawn from, by kind. Each row comes from one article's statements,
    so the rows of a whole graph are the rows of its articles put together: a build keeps each
    article's (zh) rows with its cache and draws graph.html without querying the whole graph."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: one of {', '.join(VIEWS)}")
    return {kind: _rows(store, VIEW_QUERIES[kind], lang) for kind in _NEEDED[view]}


def venue_id(event: str, venue: str) -> str:
    """The node id of a venue (分会场) of one event: venues are text, not places of the graph."""
    return f"{VENUE_PREFIX}{event}|{venue}"


def build_view(store: GraphStore, view: str = "all", lang: str = "zh"
               ) -> tuple[list[VizNode], list[VizEdge]]:
    """Nodes and edges of a view: ``people`` (who spoke where), ``rankings``, or ``all``.

    ``lang`` (zh, en, pinyin) chooses the node labels; edge words are Chinese for zh and
    English otherwise."""
    return assemble_view(view_rows(store, view, lang), view, lang)


def assemble_view(rows: dict[str, list[dict[str, str]]], view: str = "all", lang: str = "zh"
                  ) -> tuple[list[VizNode], list[VizEdge]]:
    """Nodes and edges from a view's rows (:func:`view_rows`), in any order: they are sorted
    first, so the same rows give the same page whether they came from one query or from the
    articles one by one."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: one of {', '.join(VIEWS)}")
    w = WORDS["zh" if lang == "zh" else "en"]
    roles = ROLE_ZH if lang == "zh" else {}
    nodes: dict[str, dict] = {}
    edges: list[VizEdge] = []

    def node(nid: str, label: str, kind: str, art: str, tip: str = "") -> None:
        n = nodes.setdefault(nid, {"label": label, "kind": kind, "arts": set(), "tips": []})
        n["arts"].add(art)
        if tip and tip not in n["tips"]:
            n["tips"].append(tip)

    if view in ("people", "all"):
        # venue id -> role -> people, for the venue's tooltip; event -> venues, for the event's
        at_venue: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        venues_of: dict[str, set[str]] = defaultdict(set)
        venue_edges: set[tuple[str, str, str]] = set()
        for r in _sorted(rows["participations"]):
            node(r["ag"], r["agl"], "person", r["art"])
            node(r["e"], r["el"], "event", r["art"], f"{r['el']} {r['date']}".strip())
            role = roles.get(r["role"], r["role"])
            label = role
            if r["venue"]:
                label += f"@{r['venue']}"
                vid = venue_id(r["e"], r["venue"])
                venues_of[r["e"]].add(r["venue"])
                at_venue[vid][role].add(r["agl"])
                node(vid, r["venue"], "place", r["art"])
                if (r["e"], vid, r["art"]) not in venue_edges:
                    venue_edges.add((r["e"], vid, r["art"]))
                    edges.append(VizEdge(r["e"], vid, w["venue"],
                                         f"{r['el']} {w['venue_of']}{r['venue']}\n— {r['art']}",
                                         (r["art"],)))
            edges.append(VizEdge(r["ag"], r["e"], label, f"{r['ev']}\n— {r['art']}",
                                 (r["art"],)))
        for vid, roles in at_venue.items():
            nodes[vid]["tips"] = [w["venue_tip"]] + [
                f"{role}：{'、'.join(sorted(people))}" for role, people in sorted(roles.items())]
        for eid, venues in venues_of.items():
            nodes[eid]["tips"].append(w["venues"] + w["sep"].join(sorted(venues)))
        for r in _sorted(rows["locations"]):
            node(r["e"], r["el"], "event", r["art"])
            node(r["place"], r["placel"], "place", r["art"])
            edges.append(VizEdge(r["e"], r["place"], w["location"],
                                 f"{r['el']} {w['location_of']}{r['placel']}\n— {r['art']}",
                                 (r["art"],)))
    if view == "all":
        for r in _sorted(rows["positions"]):
            node(r["p"], r["pl"], "person", r["art"])
            node(r["post"], r["postl"], "post", r["art"])
            edges.append(VizEdge(r["p"], r["post"], w["holds"], f"{r['ev']}\n— {r['art']}",
                                 (r["art"],)))
            if r["place"]:
                node(r["place"], r["placel"], "place", r["art"])
                edges.append(VizEdge(r["post"], r["place"], w["jurisdiction"], "", (r["art"],)))
    if view in ("rankings", "all"):
        by_list: dict[str, list[str]] = defaultdict(list)
        for r in _sorted(rows["placements"]):
            node(r["p"], r["pl"], "place", r["art"], f"{r['pl']} {r['code']}".strip())
            node(r["l"], r["ll"], "ranking", r["art"])
            # a list without ranks (先进县 named together): the edge says "on the list"
            rank = w["rank"].format(r["rank"]) if r["rank"] else w["listed"]
            by_list[r["l"]].append((int(r["rank"] or 10**6), f"{rank} {r['pl']}".strip()))
            edges.append(VizEdge(r["p"], r["l"], rank,
                                 f"{r['ev']}\n— {r['art']}", (r["art"],)))
        for lid, lines in by_list.items():
            nodes[lid]["tips"] = ["\n".join(line for _, line in sorted(lines, key=lambda x: x[0]))]
    out_nodes = []
    for nid, n in nodes.items():
        tip = "\n".join([n["label"], *n["tips"], w["sources"] + ", ".join(sorted(n["arts"]))])
        out_nodes.append(VizNode(nid, n["label"], n["kind"], tip, tuple(sorted(n["arts"]))))
    return out_nodes, list(dict.fromkeys(edges))  # one post's 辖区 edge comes with each holder


def _sorted(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(rows, key=lambda r: tuple(r.values()))


@dataclass(frozen=True)
class FocusView:
    """The neighbourhood of one entity, ready for :func:`kg.viz.html.render_html`."""

    center: str  # node id of the entity
    label: str
    hops: int
    view: str
    nodes: list[VizNode]
    edges: list[VizEdge]

    @property
    def title(self) -> str:
        return f"kg: {self.label} · {self.hops} 跳邻域"

    @property
    def note(self) -> str:
        scope = "" if self.view == "all" else f"（{self.view} 视图的关系）"
        return (f"以「{self.label}」为中心、{self.hops} 跳以内的全部节点{scope}，不省略 · "
                f"everything within {self.hops} hop{'s' * (self.hops != 1)} of {self.label}, in full")


def focus_view(store: GraphStore, name: str, hops: int = 2, view: str = "all",
               lang: str = "zh") -> FocusView:
    """Everything within ``hops`` hops of the entity called ``name``, in full.

    ``name`` resolves as in ``kg graph`` (:func:`kg.graph.resolve`: the label, a short place
    name, pinyin); an unknown or ambiguous name raises :class:`kg.graph.UnknownName`, whose
    ``candidates`` list the possible entities.
    """
    import networkx as nx

    from kg import graph as kgg

    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: one of {', '.join(VIEWS)}")
    if hops < 0:
        raise ValueError(f"hops must be >= 0, got {hops}")
    full = kgg.entity_graph(store, lang)
    center = kgg.resolve(full, name)
    relations = _VIEW_RELATIONS[view]
    G = full
    if relations is not None:
        G = nx.MultiDiGraph(full.edge_subgraph(
            [(u, v, k) for u, v, k, d in full.edges(keys=True, data=True)
             if d.get("relation") in relations]))
        if center not in G:
            G.add_node(center, **full.nodes[center])
    dist = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center,
                                                 cutoff=hops)
    view_nodes, view_edges = build_view(store, view, lang)
    by_id = {n.id: n for n in view_nodes}
    drawn: dict[tuple[str, str], list[VizEdge]] = defaultdict(list)
    for e in view_edges:
        drawn[(e.source, e.target)].append(e)

    nodes: dict[str, VizNode] = {}
    for n in dist:
        d = G.nodes[n]
        nodes[n] = by_id.get(n) or VizNode(n, d.get("label", n), d.get("kind", "other"))
    edges: list[VizEdge] = []
    for u, v, d in G.subgraph(dist).edges(data=True):
        if (u, v) in drawn and d.get("relation") in _DRAWN_BY_VIEW:
            continue  # drawn below, with its evidence
        label = d.get("label", d.get("relation", ""))
        edges.append(VizEdge(u, v, label, f"{G.nodes[u]['label']} —{label}→ "
                                          f"{G.nodes[v]['label']}"))
    for (u, v), es in drawn.items():
        if u in nodes and v in nodes:
            edges.extend(es)
        elif u in dist and v.startswith(VENUE_PREFIX) and dist[u] < hops:
            nodes[v] = by_id[v]  # a venue of an event inside the neighbourhood: one hop more
            edges.extend(es)
    return FocusView(center, G.nodes[center]["label"], hops, view,
                     sorted(nodes.values(), key=lambda n: n.id), edges)
