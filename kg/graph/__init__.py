"""networkx views of the store, for analyses in the terminal and in notebooks.

The entity graph has one node per person, post, place, event, ranking list and organization,
and one edge per direct ("truthy") triple between them, keyed by the relation's local name
(presided, gaveSpeech, holds, rankedIn, parent ...). Statement nodes are not nodes here; their
qualifiers ride on the edges where they matter (the rank on rankedIn, the role on
participations).

    >>> from kg.graph import entity_graph, co_participation
    >>> G = entity_graph(open_store(Path("output")))
    >>> P = co_participation(G)          # people linked when they took part in one event
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.query.runner import select
from kg.store.oxigraph import GraphStore

KINDS = {"Person": "person", "UnnamedOfficial": "person", "Post": "post", "Place": "place",
         "Event": "event", "Meeting": "event", "Forum": "event", "InspectionTour": "event",
         "Appointment": "event", "RankingList": "ranking", "Organization": "organization"}
RELATION_ZH = {"presided": "主持", "gaveSpeech": "讲话", "gaveRemarks": "发言", "attended": "出席",
               "led": "带队调研", "accompanied": "陪同", "holds": "任职", "postIn": "所属机构",
               "jurisdiction": "辖区", "parent": "隶属", "rankedIn": "上榜", "location": "地点",
               "organizer": "主办", "publisher": "发布", "successor": "后继",
               "possiblySameAs": "可能同一人"}
_ENTITY_RELATIONS = tuple(RELATION_ZH)

_NODES = """
SELECT ?n ?label ?kind ?zh WHERE {
  ?n a ?cls ; rdfs:label ?l ; rdfs:label ?z . FILTER(LANG(?l) = $lang && LANG(?z) = "zh")
  FILTER(?cls IN (kg:Person, kg:UnnamedOfficial, kg:Post, kg:Place, kg:Event, kg:RankingList,
                  kg:Organization))
  BIND(STR(?l) AS ?label) BIND(STRAFTER(STR(?cls), "#") AS ?kind) BIND(STR(?z) AS ?zh)
}"""
_RELATION_LIST = ", ".join(f'"{r}"' for r in _ENTITY_RELATIONS)
_EDGES = f"""
SELECT ?s ?rel ?o WHERE {{
  ?s ?p ?o . FILTER(isIRI(?o))
  BIND(REPLACE(STR(?p), "^.*[#/]", "") AS ?rel)
  FILTER(?rel IN ({_RELATION_LIST}))
}}"""
_RANKS = """
SELECT ?p ?l ?rank WHERE { ?st a kg:RankingPlacement ; kg:place ?p ; kg:inList ?l ; kg:rank ?rank }"""
# (a placement without a rank keeps its plain rankedIn edge)


class UnknownName(LookupError):
    """A name that matches no node, or several (``candidates`` lists them)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]):
        self.name = name
        self.candidates = candidates
        if candidates:
            listed = "; ".join(f"{label} ({kind})" for _, label, kind in candidates[:10])
            super().__init__(f"{name!r} is ambiguous: {listed} - give the full name")
        else:
            super().__init__(f"no node is named {name!r} (try kg query officials or a full name)")


def entity_graph(store: GraphStore, lang: str = "zh") -> nx.MultiDiGraph:
    """All entities and the direct relations between them.

    ``lang`` (zh, en, pinyin) chooses the node labels and edge words; every node also keeps
    its Chinese label as ``zh``, which names resolve against whatever the display language."""
    G = nx.MultiDiGraph()
    _, rows = select(store, _NODES, lang=lang)
    words = RELATION_ZH if lang == "zh" else {}
    for n, label, kind, zh in rows:
        k = KINDS.get(kind, "other")
        if n in G and G.nodes[n].get("kind") not in (None, "event"):
            continue
        G.add_node(n, label=label, kind=k, zh=zh)
    _, rows = select(store, _EDGES)
    for s, rel, o in sorted(rows):
        if s in G and o in G:
            G.add_edge(s, o, key=rel, relation=rel, label=words.get(rel, rel))
    _, rows = select(store, _RANKS)
    for p, lst, rank in rows:
        if G.has_edge(p, lst, "rankedIn"):
            G.edges[p, lst, "rankedIn"]["rank"] = int(rank)
            G.edges[p, lst, "rankedIn"]["label"] = f"第{rank}位" if lang == "zh" \
                else f"No. {rank}"
    return G


def resolve(G: nx.MultiDiGraph, name: str) -> str:
    """A node id from a name: the label itself, a short form (海门 -> 海门市), or pinyin."""
    name = name.strip()
    exact = [n for n, d in G.nodes(data=True) if name in (d.get("zh"), d.get("label"))]
    if len(exact) == 1:
        return exact[0]
    cands = exact or [n for n, d in G.nodes(data=True)
                      if d.get("kind") == "place" and _zh(d).startswith(name)
                      and len(_zh(d)) - len(name) <= 3]
    if not cands:
        key = _pinyin_key(name)
        cands = [n for n, d in G.nodes(data=True) if key and _pinyin_key(_zh(d)) == key]
    if len(cands) > 1:  # a renamed division's successor node only carries the rename
        live = [n for n in cands if any(d.get("relation") != "successor"
                                        for _, _, d in G.in_edges(n, data=True))
                or G.out_degree(n) > 0]
        cands = live or cands
    if len(cands) == 1:
        return cands[0]
    raise UnknownName(name, sorted((n, G.nodes[n]["label"], G.nodes[n]["kind"]) for n in cands))


def _zh(d: dict) -> str:
    return d.get("zh") or d.get("label", "")


def _pinyin_key(text: str) -> str:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - pinyin lookups are optional
        return ""
    if all(ord(c) < 128 for c in text):
        return text.lower().replace(" ", "").replace("-", "")
    return "".join(lazy_pinyin(text)).lower()


def neighbors(G: nx.MultiDiGraph, node: str, hops: int = 1) -> list[tuple[int, str, str, str]]:
    """(distance, relation in words, neighbour label, neighbour kind), nearest first."""
    U = G.to_undirected(as_view=True)
    dist = nx.single_source_shortest_path_length(U, node, cutoff=hops)
    out = []
    for other, d in dist.items():
        if other == node:
            continue
        path = nx.shortest_path(U, node, other)
        prev = path[-2]
        rels = _relations(G, prev, other)
        out.append((d, rels, G.nodes[other]["label"], G.nodes[other]["kind"]))
    return sorted(out, key=lambda r: (r[0], r[3], r[2]))


def _relations(G: nx.MultiDiGraph, a: str, b: str) -> str:
    labels = [f"—{d['label']}→" for u, v, d in G.edges(a, data=True) if v == b]
    labels += [f"←{d['label']}—" for u, v, d in G.in_edges(a, data=True) if u == b]
    return " ".join(sorted(set(labels)))


def path(G: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    """The shortest chain between two entities, each step in words:
    ["陈某", "—发言→", "某会议", "←主持—", "李某"]."""
    U = G.to_undirected(as_view=True)
    nodes = nx.shortest_path(U, a, b)
    out = [G.nodes[nodes[0]]["label"]]
    for x, y in zip(nodes, nodes[1:], strict=False):
        out.append(_relations(G, x, y).split(" ")[0])
        out.append(G.nodes[y]["label"])
    return out


def co_participation(G: nx.MultiDiGraph) -> nx.Graph:
    """People linked when they took part in the same event (weight = events shared)."""
    P = nx.Graph()
    by_event: dict[str, list[str]] = {}
    for u, v, d in G.edges(data=True):
        if d.get("relation") in ("presided", "gaveSpeech", "gaveRemarks", "attended", "led",
                                 "accompanied") and G.nodes[u]["kind"] == "person":
            by_event.setdefault(v, []).append(u)
            P.add_node(u, **G.nodes[u])
    for people in by_event.values():
        people = sorted(set(people))
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                w = P.get_edge_data(a, b, {}).get("weight", 0)
                P.add_edge(a, b, weight=w + 1)
    return P


def place_rankings(G: nx.MultiDiGraph) -> nx.Graph:
    """Places and ranking lists, linked by placements (attribute ``rank``)."""
    R = nx.Graph()
    for u, v, d in G.edges(data=True):
        if d.get("relation") == "rankedIn":
            R.add_node(u, **G.nodes[u])
            R.add_node(v, **G.nodes[v])
            R.add_edge(u, v, rank=d.get("rank"))
    return R


def central(G: nx.MultiDiGraph, kind: str = "person", by: str = "degree", top: int = 10
            ) -> list[tuple[str, float]]:
    """Most central nodes of the co-participation (people) or place-ranking (places) network."""
    H = co_participation(G) if kind == "person" else place_rankings(G)
    if H.number_of_nodes() == 0:
        return []
    if by == "betweenness":
        k = min(200, H.number_of_nodes()) if H.number_of_nodes() > 500 else None
        scores = nx.betweenness_centrality(H, k=k, seed=0, weight=None)
    elif by == "pagerank":
        scores = _pagerank(H, "weight" if kind == "person" else None)
    else:
        scores = dict(H.degree(weight="weight" if kind == "person" else None))
    ranked = [(n, s) for n, s in scores.items() if H.nodes[n].get("kind") == kind]
    ranked.sort(key=lambda x: (-x[1], H.nodes[x[0]]["label"]))
    return [(H.nodes[n]["label"], s) for n, s in ranked[:top]]


def _pagerank(H: nx.Graph, weight: str | None, alpha: float = 0.85, tol: float = 1e-10
              ) -> dict[str, float]:
    """Power-iteration PageRank (networkx's own needs scipy, which kg does not ship)."""
    nodes = sorted(H.nodes)
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    out_w = {u: sum(d.get(weight, 1) if weight else 1 for _, _, d in H.edges(u, data=True))
             for u in nodes}
    for _ in range(200):
        dangling = alpha * sum(rank[u] for u in nodes if out_w[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if out_w[u]:
                for _, v, d in H.edges(u, data=True):
                    new[v] += alpha * rank[u] * (d.get(weight, 1) if weight else 1) / out_w[u]
        if sum(abs(new[u] - rank[u]) for u in nodes) < tol:
            return new
        rank = new
    return rank


def communities(G: nx.MultiDiGraph, seed: int = 0) -> list[list[str]]:
    """Groups of people who appear together (Louvain on the co-participation network)."""
    P = co_participation(G)
    if P.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(P, weight="weight", seed=seed)
    out = [sorted(P.nodes[n]["label"] for n in g) for g in groups]
    return sorted(out, key=lambda g: (-len(g), g))


def labels(G: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    return [G.nodes[n]["label"] for n in nodes]
