"""The bundled table queries, evaluated in Python over one article's triples.

A build computes every article's table rows (kg.query.tables.article_rows): loading the
article into an in-memory store and running the six bundled queries cost about 3 ms an
article, a fifth of its extraction. This module gives the same rows by reading the queries'
patterns off the article's triples directly: each function below is its query, clause by
clause (joins as nested loops, OPTIONAL as "the matches, or one unbound row", GROUP BY and
MIN/GROUP_CONCAT as dictionaries), and literals read as the store gives them back (typed
values in canonical form).

The queries stay the definition: tests/query/test_article_tables.py compares the two on every
test article and on generated ones, and anything this evaluator was not written for (blank
nodes, literals where IRIs are expected, evidence that is not a plain string) raises
:class:`Unsupported`, upon which the caller runs the queries themselves.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import product

import pyoxigraph as ox

from kg.model import TABLE_COLUMNS

_KG = "https://w3id.org/cnpolkg/ns#"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_LANG = "zh"  # $lang as the tables bind it (kg.query.runner.DEFAULT_LANG)

# Lexical forms the store keeps as they are written (canonical already, or not a valid value):
# integers that fit its 64 bits, and dates without a time zone.
_KEPT = {_XSD + "integer": re.compile(r"0|-?[1-9][0-9]{0,17}"),
         _XSD + "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")}


# Every predicate the bundled table queries name (none has a variable predicate).
_PREDICATES = frozenset([_TYPE, _LABEL, _DERIVED, _NOTATION] + [_KG + p for p in (
    "sourceFile", "mentionedIn", "adminLevel", "parent", "divisionCode", "agent", "post", "title",
    "jurisdiction", "evidenceText", "event", "role", "date", "venue", "dateBasis", "organizer",
    "location", "inList", "place", "rank", "year", "publisher", "indicator", "value", "unit",
    "qualifier", "refYear", "participatedIn")])


class Unsupported(Exception):
    """The article's triples hold something this evaluator does not model; use the queries."""


class _Graph:
    """One article's triples by subject and predicate; objects as (kind, value, language or
    datatype), kind "iri", "lit" (a string, with or without language) or "typed"."""

    def __init__(self, triples: Iterable, strict: bool = True):
        """``triples``: ox.Triple or (subject, predicate, object) tuples of Oxigraph terms.
        Triples of predicates no query names cannot change a row and are not kept (evidence
        offsets and mention texts are half of an article's triples). Not ``strict``: triples
        with blank nodes are left out instead of refused."""
        self.out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            pv = p.value
            if pv not in _PREDICATES:
                continue
            if type(s) is not ox.NamedNode:
                if not strict:
                    continue
                raise Unsupported(f"subject {s}")
            objs = self.out[s.value][pv]
            if type(o) is ox.NamedNode:
                term = ("iri", o.value, None)
            elif type(o) is ox.Literal:
                term = _literal(o)
            elif not strict:
                continue
            else:
                raise Unsupported(f"object {o}")
            if term not in objs:  # the store holds a triple once
                objs.append(term)

    def objects(self, s: str, p: str) -> list:
        props = self.out.get(s)
        if props is None:
            return []
        return props.get(p, [])

    def iris(self, s: str, p: str) -> list[str]:
        return [v for kind, v, _ in self.objects(s, p) if kind == "iri"]

    def zh(self, s: str) -> list[str]:
        """STR of the node's labels whose LANG is $lang."""
        return [v for kind, v, lang in self.objects(s, _LABEL) if kind == "lit" and lang == _LANG]

    def has_type(self, s: str, cls: str) -> bool:
        return ("iri", cls, None) in self.objects(s, _TYPE)

    def of_type(self, cls: str) -> list[str]:
        return [s for s, props in self.out.items() if ("iri", cls, None) in props.get(_TYPE, ())]


def _literal(o: ox.Literal) -> tuple[str, str, str | None]:
    """A literal as the store gives it back: language tags lower-cased, typed values in
    canonical form ("110000.0"^^xsd:decimal is "110000")."""
    if o.language:
        return ("lit", o.value, o.language.lower())
    dt = o.datatype.value
    if dt == _STRING:
        return ("lit", o.value, None)
    kept = _KEPT.get(dt)
    if kept is not None and kept.fullmatch(o.value):
        return ("typed", o.value, dt)
    return ("typed", _canonical(o.value, dt), dt)


@functools.lru_cache(maxsize=65536)
def _canonical(value: str, datatype: str) -> str:
    """The lexical form the store gives back for a typed literal (asked of Oxigraph itself)."""
    store = ox.Store()
    node = ox.NamedNode("urn:kg:canonical")
    store.add(ox.Quad(node, node, ox.Literal(value, datatype=ox.NamedNode(datatype))))
    return next(iter(store)).object.value


# A variable projected as it is (?title, COALESCE(?code, "")) is a term: GROUP BY and DISTINCT
# tell "3"^^xsd:integer from "3" even though both are written 3. STR(...) projections are
# strings. _EMPTY is the "" of COALESCE(..., ""), the same term as an empty plain literal.
_EMPTY = ("lit", "", None)


def _raw_or_empty(terms: list) -> list:
    """COALESCE(?x, "") over an OPTIONAL { ... ?x }: each match, or "" for none."""
    return terms or [_EMPTY]


def _str_or_empty(terms: list) -> list[str]:
    """COALESCE(STR(?x), "") over an OPTIONAL { ... ?x }: each match, or "" for none."""
    return [t[1] for t in terms] or [""]


def _cell(value) -> str:
    """What kg.query.runner._term writes of a term: the IRI or the lexical form."""
    return value if type(value) is str else value[1]


def _plain(term) -> str:
    """An evidence text: MIN is only modelled over plain strings."""
    kind, value, lang = term
    if kind != "lit" or lang is not None:
        raise Unsupported(f"evidence {term}")
    return value


def _articles(g: _Graph, node: str) -> list:
    """?node prov:wasDerivedFrom ?a . ?a kg:sourceFile ?article (terms)"""
    out = []
    for a in g.iris(node, _DERIVED):
        out.extend(g.objects(a, _KG + "sourceFile"))
    return out


def _min_rows(groups: dict[tuple, str]) -> list[list[str]]:
    return [[*map(_cell, key), ev] for key, ev in groups.items()]


def _group_min(groups: dict[tuple, str], key: tuple, ev: str) -> None:
    old = groups.get(key)
    if old is None or ev < old:
        groups[key] = ev


def positions(g: _Graph) -> list[list[str]]:
    groups: dict[tuple, str] = {}
    for st in g.of_type(_KG + "PositionStatement"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        if not evs:
            continue
        for p in g.iris(st, _KG + "agent"):
            if g.has_type(p, _KG + "UnnamedOfficial"):
                continue
            persons = g.zh(p)
            for post in g.iris(st, _KG + "post"):
                titles = g.objects(post, _KG + "title")
                # OPTIONAL { ?post kg:jurisdiction ?j . ?j rdfs:label ?jl (zh)
                #            OPTIONAL { ?j kg:divisionCode ?code } }
                places = [(jl, code) for j in g.iris(post, _KG + "jurisdiction")
                          for jl in g.zh(j)
                          for code in _raw_or_empty(g.objects(j, _KG + "divisionCode"))]
                for article, person, title, (place, code), ev in product(
                        _articles(g, st), persons, titles, places or [("", _EMPTY)], evs):
                    _group_min(groups, (article, person, title, place, code), ev)
    return _min_rows(groups)


def participations(g: _Graph) -> list[list[str]]:
    groups: dict[tuple, str] = {}
    for st in g.of_type(_KG + "Participation"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        roles = [t for r in g.iris(st, _KG + "role") for t in g.objects(r, _NOTATION)]
        if not evs or not roles:
            continue
        venues = _str_or_empty(g.objects(st, _KG + "venue"))
        # OPTIONAL { ?st kg:post ?post . ?post kg:title ?t .
        #            OPTIONAL { ?post kg:jurisdiction ?j . ?j rdfs:label ?jl (zh) } }
        posts = []
        for post in g.iris(st, _KG + "post"):
            jls = [jl for j in g.iris(post, _KG + "jurisdiction") for jl in g.zh(j)] or [""]
            posts.extend((t, jl) for t in g.objects(post, _KG + "title") for jl in jls)
        posts = posts or [(_EMPTY, "")]
        articles = _articles(g, st)
        for kind, ag, _ in g.objects(st, _KG + "agent"):
            # OPTIONAL { ?ag rdfs:label ?al (zh) FILTER NOT EXISTS { ?ag a kg:UnnamedOfficial } }
            persons = ([] if kind != "iri" or g.has_type(ag, _KG + "UnnamedOfficial")
                       else g.zh(ag)) or [""]
            for e in g.iris(st, _KG + "event"):
                events = g.zh(e)
                dates = _str_or_empty(g.objects(e, _KG + "date"))
                for article, event, date, person, (title, place), role, venue, ev in product(
                        articles, events, dates, persons, posts, roles, venues, evs):
                    _group_min(groups, (article, event, date, person, title, place, role,
                                        venue), ev)
    return _min_rows(groups)


def events(g: _Graph) -> list[list[str]]:
    # GROUP_CONCAT(DISTINCT ?org): the organizers of the group's solutions, or None once a
    # solution has none (Oxigraph then leaves the aggregate unbound: an empty cell).
    groups: dict[tuple, set[str] | None] = {}
    for e in g.of_type(_KG + "Event"):
        labels = g.zh(e)
        bases = g.objects(e, _KG + "dateBasis")
        if not labels or not bases:
            continue
        dates = _str_or_empty(g.objects(e, _KG + "date"))
        # OPTIONAL { ?e a ?cls . FILTER(?cls != kg:Event && STRSTARTS(STR(?cls), STR(kg:))) }
        classes = [(kind, c) for kind, c, _ in g.objects(e, _TYPE)
                   if not (kind == "iri" and c == _KG + "Event") and c.startswith(_KG)]
        types = [("inspection" if kind == "iri" and c == _KG + "InspectionTour"
                  else c.partition("#")[2].lower()) for kind, c in classes] or ["event"]
        orgs = [ol for o in g.iris(e, _KG + "organizer") for ol in g.zh(o)]
        locations = [ll for loc in g.iris(e, _KG + "location") for ll in g.zh(loc)] or [""]
        for key in product(_articles(g, e), labels, dates, bases, types, locations):
            # key: (article, event, date, basis, kind, location)
            found = groups.setdefault(key, set())
            if not orgs:
                groups[key] = None
            elif found is not None:
                found.update(orgs)
    # The order of GROUP_CONCAT's parts is normalized afterwards (kg.query.tables._normalize).
    return [[*map(_cell, key[:5]), ";".join(sorted(orgs or ())), key[5]]
            for key, orgs in groups.items()]


def rankings(g: _Graph) -> list[list[str]]:
    groups: dict[tuple, str] = {}
    for st in g.of_type(_KG + "RankingPlacement"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        ranks = _raw_or_empty(g.objects(st, _KG + "rank"))  # a list without ranks: ""
        if not evs:
            continue
        articles = _articles(g, st)
        for lst in g.iris(st, _KG + "inList"):
            names = g.zh(lst)
            years = _str_or_empty(g.objects(lst, _KG + "year"))
            publishers = [pl for pub in g.iris(lst, _KG + "publisher")
                          for pl in g.zh(pub)] or [""]
            for p in g.iris(st, _KG + "place"):
                places = g.zh(p)
                codes = _raw_or_empty(g.objects(p, _KG + "divisionCode"))
                for article, name, place, year, publisher, code, rank, ev in product(
                        articles, names, places, years, publishers, codes, ranks, evs):
                    _group_min(groups, (article, name, year, publisher, rank, place, code), ev)
    return _min_rows(groups)


_POINT_ZERO = re.compile(r"\.0\Z")  # REPLACE(STR(?v), "\\.0$", "")


def statistics(g: _Graph) -> list[list[str]]:
    groups: dict[tuple, str] = {}
    for st in g.of_type(_KG + "Observation"):
        evs = [_plain(t) for t in g.objects(st, _KG + "evidenceText")]
        indicators = [t[1] for t in g.objects(st, _KG + "indicator")]
        values = [_POINT_ZERO.sub("", t[1]) for t in g.objects(st, _KG + "value")]
        units = g.objects(st, _KG + "unit")
        qualifiers = g.objects(st, _KG + "qualifier")
        if not (evs and indicators and values and units and qualifiers):
            continue
        places = [pl for p in g.iris(st, _KG + "place") for pl in g.zh(p)] or [""]
        years = _str_or_empty(g.objects(st, _KG + "refYear"))
        for *key, ev in product(_articles(g, st), places, indicators, years, values, units,
                                qualifiers, evs):
            # key: (article, place, indicator, year, value, unit, qualifier)
            _group_min(groups, tuple(key), ev)
    return _min_rows(groups)


def places(g: _Graph) -> list[list[str]]:
    rows: set[tuple[str, ...]] = set()
    for p in g.of_type(_KG + "Place"):
        if not g.objects(p, _KG + "mentionedIn"):
            continue
        levels = [t for lv in g.iris(p, _KG + "adminLevel") for t in g.objects(lv, _NOTATION)]
        names = g.zh(p)
        parents = [pl for par in g.iris(p, _KG + "parent") for pl in g.zh(par)] or [""]
        codes = _raw_or_empty(g.objects(p, _KG + "divisionCode"))
        rows.update((name, level, parent, code) for name in names for level in levels
                    for parent in parents for code in codes)
    return [[*map(_cell, r)] for r in rows]  # DISTINCT over terms, written as strings


def event_nodes(g: _Graph) -> list[list]:
    """What ``events-by-date`` reads of each event node the article states, per Chinese label
    (kg.query.materialized gathers them over the articles that state the node): [IRI, date,
    label, typed kg:Event, its other kg: classes as the query names them, date bases,
    participants' IRIs (?p kg:participatedIn ?e)]."""
    participants: dict[str, set[str]] = defaultdict(set)
    for s, props in g.out.items():
        for kind, e, _ in props.get(_KG + "participatedIn", ()):
            if kind == "iri":
                participants[e].add(s)
    out = []
    for e in sorted(set(g.of_type(_KG + "Event")) | set(participants)):
        classes = sorted({c.partition("#")[2].lower() for kind, c, _ in g.objects(e, _TYPE)
                          if c.startswith(_KG) and not (kind == "iri" and c == _KG + "Event")})
        bases = sorted({_cell(t) for t in g.objects(e, _KG + "dateBasis")})
        for label in g.zh(e):
            for date in _str_or_empty(g.objects(e, _KG + "date")):
                out.append([e, date, label, g.has_type(e, _KG + "Event"), classes, bases,
                            sorted(participants.get(e, ()))])
    return out


QUERIES = {"positions": positions, "participations": participations, "events": events,
           "rankings": rankings, "statistics": statistics, "places": places}


# The bundled table queries this module was written for (see queries_digest). Edit a query and
# the build runs the queries themselves until this module is brought in line (the tests that
# compare the two then say where) and this digest updated.
WRITTEN_FOR = "f2b0305d0f768998"


@functools.lru_cache(maxsize=1)
def queries_digest() -> str:
    """A digest of the bundled table queries' text."""
    import hashlib

    from kg.query.runner import load_bundled

    h = hashlib.sha256()
    for name in TABLE_COLUMNS:
        h.update(name.encode())
        h.update(load_bundled(name).encode())
    return h.hexdigest()[:16]


def index(triples: Iterable, strict: bool = True) -> _Graph:
    """The article's triples indexed for the evaluators (this module's and kg.viz's): built
    once per article and shared, since indexing costs more than reading the rows."""
    return _Graph(triples, strict)


def table_rows(triples: Iterable, graph: _Graph | None = None) -> dict[str, list[list[str]]]:
    """Each table's rows for one article's triples (or their ``graph``, from :func:`index`),
    normalized as kg.query.tables does with the queries' results; raises
    :class:`Unsupported` (see the module's docstring), and whenever the bundled queries are
    not those it was written for."""
    from kg.query.tables import _normalize

    if queries_digest() != WRITTEN_FOR:
        raise Unsupported("the bundled queries changed since this evaluator was written")
    g = graph if graph is not None else _Graph(triples)
    return {name: _normalize(name, list(TABLE_COLUMNS[name]), QUERIES[name](g))
            for name in TABLE_COLUMNS}
