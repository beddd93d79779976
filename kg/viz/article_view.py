"""The default view's rows (kg.viz.views.view_rows) read off one article's triples in Python.

A build keeps every article's view rows with its cache so that graph.html is drawn without
querying the whole graph. Asking the four view queries of an in-memory store costs about 2.5 ms
an article; reading the same patterns off the article's triples, as kg.query.article_tables
does for the tables, costs a tenth of that. The queries stay the definition: each function
below is its query clause by clause, tests/viz/test_article_view.py compares the two on every
test article, and whatever the evaluator does not model raises
:class:`kg.query.article_tables.Unsupported`, upon which the caller asks the store.
"""

from __future__ import annotations

import functools
from itertools import product

from kg.query.article_tables import (
    _DERIVED,
    _KG,
    _NOTATION,
    Unsupported,
    _articles,
    _Graph,
    _plain,
)

# The queries this module was written for (kg.viz.views.VIEW_QUERIES; see queries_digest).
WRITTEN_FOR = "4f86aedb03d7ab98"


@functools.lru_cache(maxsize=1)
def queries_digest() -> str:
    import hashlib

    from kg.viz.views import VIEW_QUERIES

    h = hashlib.sha256()
    for kind in sorted(VIEW_QUERIES):
        h.update(kind.encode())
        h.update(VIEW_QUERIES[kind].encode())
    return h.hexdigest()[:16]


def _value(term) -> str:
    """A term as kg.query.runner.select writes it: the IRI or the lexical form."""
    return term[1]


def _opt(terms: list) -> list[str]:
    """OPTIONAL { ... ?x }: each match's value, or "" (unbound) for none."""
    return [_value(t) for t in terms] or [""]


def participations(g: _Graph) -> list[dict[str, str]]:
    out = []
    for st in g.of_type(_KG + "Participation"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        roles = [_value(t) for r in g.iris(st, _KG + "role") for t in g.objects(r, _NOTATION)]
        venues = _opt(g.objects(st, _KG + "venue"))
        arts = [_value(t) for t in _articles(g, st)]
        for ag, e in product(g.iris(st, _KG + "agent"), g.iris(st, _KG + "event")):
            dates = _opt(g.objects(e, _KG + "date"))
            for agl, el, role, ev, art, date, venue in product(g.zh(ag), g.zh(e), roles, evs,
                                                                arts, dates, venues):
                out.append({"ag": ag, "agl": agl, "e": e, "el": el, "date": date,
                            "role": role, "venue": venue, "ev": ev, "art": art})
    return out


def locations(g: _Graph) -> list[dict[str, str]]:
    out = []
    for e in g.of_type(_KG + "Event"):
        arts = [_value(t) for a in g.iris(e, _DERIVED) for t in g.objects(a, _KG + "sourceFile")]
        for place in g.iris(e, _KG + "location"):
            for el, placel, art in product(g.zh(e), g.zh(place), arts):
                out.append({"e": e, "el": el, "place": place, "placel": placel, "art": art})
    return out


def positions(g: _Graph) -> list[dict[str, str]]:
    out = []
    for st in g.of_type(_KG + "PositionStatement"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        arts = [_value(t) for t in _articles(g, st)]
        for p, post in product(g.iris(st, _KG + "agent"), g.iris(st, _KG + "post")):
            # OPTIONAL { ?post kg:jurisdiction ?place . ?place rdfs:label ?placel (zh) }
            places = [(place, placel) for place in g.iris(post, _KG + "jurisdiction")
                      for placel in g.zh(place)] or [("", "")]
            for pl, postl, ev, art, (place, placel) in product(g.zh(p), g.zh(post), evs, arts,
                                                               places):
                out.append({"p": p, "pl": pl, "post": post, "postl": postl, "place": place,
                            "placel": placel, "ev": ev, "art": art})
    return out


def placements(g: _Graph) -> list[dict[str, str]]:
    out = []
    for st in g.of_type(_KG + "RankingPlacement"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        ranks = _opt(g.objects(st, _KG + "rank"))
        arts = [_value(t) for t in _articles(g, st)]
        for p, lst in product(g.iris(st, _KG + "place"), g.iris(st, _KG + "inList")):
            codes = _opt(g.objects(p, _KG + "divisionCode"))
            years = _opt(g.objects(lst, _KG + "year"))
            for pl, ll, rank, ev, art, code, year in product(g.zh(p), g.zh(lst), ranks, evs,
                                                             arts, codes, years):
                out.append({"p": p, "pl": pl, "code": code, "l": lst, "ll": ll, "year": year,
                            "rank": rank, "ev": ev, "art": art})
    return out


KINDS = {"participations": participations, "locations": locations, "positions": positions,
         "placements": placements}


def view_rows(triples, graph: _Graph | None = None) -> dict[str, list[dict[str, str]]]:
    """The rows of the default view (zh) for one article's triples (or their ``graph``, from
    kg.query.article_tables.index); raises Unsupported when the view's queries are not those
    this module was written for, or the triples hold what it does not model."""
    if queries_digest() != WRITTEN_FOR:
        raise Unsupported("the view's queries changed since this evaluator was written")
    g = graph if graph is not None else _Graph(triples)
    return {kind: fn(g) for kind, fn in KINDS.items()}


def article_view_rows(ntriples: str | bytes, triples=None, graph: _Graph | None = None
                      ) -> dict[str, list[dict[str, str]]]:
    """The rows of the default view (zh) that one article's triples give (its N-Triples, and
    the triples themselves or their index when at hand): read off the triples here, or by the
    view's queries on an in-memory store when this module does not model them (the view's
    twin of kg.query.tables.article_rows_of)."""
    import pyoxigraph as ox

    from kg.store.oxigraph import GraphStore
    from kg.viz.views import view_rows as query_view_rows

    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    try:
        if triples is None:
            triples = [(t.subject, t.predicate, t.object)
                       for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        return view_rows(triples, graph)
    except Unsupported:
        mem = ox.Store()
        mem.load(data, format=ox.RdfFormat.N_TRIPLES)
        return query_view_rows(GraphStore(mem, None), "all", "zh")
