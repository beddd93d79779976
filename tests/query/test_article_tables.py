"""kg.query.article_tables gives the rows the bundled queries give (kg.query.tables.article_rows)
on the same article's triples: the tables still say what the graph says.

Compared on every test article, on generated ones, on hand-made graphs with the corner cases of
the queries' OPTIONALs, GROUP BYs and typed literals, and on random graphs over the queries'
vocabulary."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.bench import Generator
from kg.ingest.reader import IngestError, bundled_article, decode_document, read_document
from kg.model import TABLE_COLUMNS
from kg.pipeline import run
from kg.query.article_tables import Unsupported, table_rows
from kg.query.tables import article_rows, article_rows_of
from kg.rdf.mapper import map_facts_ox
from kg.rdf.serialize import ntriples_of

ARTICLES = Path(__file__).parent.parent / "data" / "articles"

KG = "https://w3id.org/cnpolkg/ns#"
ID = "https://w3id.org/cnpolkg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
NOTATION = "http://www.w3.org/2004/02/skos/core#notation"


def _both(triples: list[ox.Triple]) -> tuple[dict, dict]:
    nt = ntriples_of(triples)
    return table_rows(triples), article_rows(nt)


def _article_triples(doc) -> list:
    facts = run(doc)
    return list(map_facts_ox(facts, facts.context["lookup_parent"]))


def _test_articles() -> list[Path]:
    return sorted(p for p in ARTICLES.rglob("*") if p.is_file()) + [bundled_article()]


def test_every_test_article() -> None:
    compared = 0
    for path in _test_articles():
        try:
            doc = read_document(path)
        except IngestError:
            continue
        fast, sparql = _both(_article_triples(doc))
        assert fast == sparql, path.name
        compared += 1
    assert compared > 150


def test_generated_articles() -> None:
    gen = Generator(11)
    for i in range(40):
        text = gen.article(i)
        doc = decode_document(text.encode("utf-8"), Path(f"g{i}.txt"), doc_id=f"g{i}.txt")
        fast, sparql = _both(_article_triples(doc))
        assert fast == sparql, i
        assert any(fast[name] for name in fast if name != "places")


# -- hand-made graphs ----------------------------------------------------------------------------

def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID + local)


def k(local: str) -> ox.NamedNode:
    return ox.NamedNode(KG + local)


def lit(value: str, *, lang: str | None = None, dt: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if dt:
        return ox.Literal(value, datatype=ox.NamedNode(XSD + dt))
    return ox.Literal(value)


def t(s, p, o) -> ox.Triple:
    return ox.Triple(s, p if isinstance(p, ox.NamedNode) else ox.NamedNode(p), o)


def _corner_cases() -> list[ox.Triple]:
    a, a2 = n("article/x"), n("article/y")
    typ = ox.NamedNode(RDF_TYPE)
    label = ox.NamedNode(LABEL)
    out = [t(a, k("sourceFile"), lit("x.txt")), t(a2, k("sourceFile"), lit("y.txt")),
           t(a2, k("sourceFile"), n("file-as-iri"))]
    # Places: two parents, a code, no zh label on one parent, one place never mentioned.
    for p, name in ((n("p1"), "海门市"), (n("p2"), "南通市"), (n("p3"), "江苏省"), (n("p4"), "未提及")):
        out += [t(p, typ, k("Place")), t(p, label, lit(name, lang="zh")),
                t(p, label, lit(name + "en", lang="en")), t(p, k("adminLevel"), k("County"))]
    out += [t(k("County"), ox.NamedNode(NOTATION), lit("county")),
            t(n("p1"), k("mentionedIn"), a), t(n("p2"), k("mentionedIn"), a2),
            t(n("p3"), k("mentionedIn"), lit("not a node")),
            t(n("p1"), k("parent"), n("p2")), t(n("p1"), k("parent"), n("p3")),
            t(n("p2"), k("parent"), n("p5")), t(n("p5"), label, lit("无中文", lang="en")),
            t(n("p1"), k("divisionCode"), lit("320684")), t(n("p2"), label, lit("通州", lang="ZH"))]
    # Positions: a named and an unnamed holder, two evidence texts (MIN), a post in two places.
    out += [t(n("s1"), typ, k("PositionStatement")), t(n("s1"), k("agent"), n("per1")),
            t(n("s1"), k("post"), n("post1")), t(n("s1"), ox.NamedNode(DERIVED), a),
            t(n("s1"), ox.NamedNode(DERIVED), a2),
            t(n("s1"), k("evidenceText"), lit("乙证据")), t(n("s1"), k("evidenceText"), lit("甲证据")),
            t(n("per1"), label, lit("张三", lang="zh")), t(n("per1"), label, lit("张叁", lang="zh")),
            t(n("post1"), k("title"), lit("市长")), t(n("post1"), k("jurisdiction"), n("p1")),
            t(n("post1"), k("jurisdiction"), n("p5")),
            t(n("s2"), typ, k("PositionStatement")), t(n("s2"), k("agent"), n("un1")),
            t(n("s2"), k("post"), n("post1")), t(n("s2"), ox.NamedNode(DERIVED), a),
            t(n("s2"), k("evidenceText"), lit("丙")), t(n("un1"), typ, k("UnnamedOfficial")),
            t(n("un1"), label, lit("市长(未具名)", lang="zh"))]
    # Events: two organizers (one with ";" in its name), a class outside kg, a literal class,
    # an inspection tour, no date on one, a location without a zh label.
    out += [t(n("e1"), typ, k("Event")), t(n("e1"), typ, k("Meeting")),
            t(n("e1"), typ, ox.NamedNode("https://schema.org/Event")),
            t(n("e1"), label, lit("全市大会", lang="zh")), t(n("e1"), ox.NamedNode(DERIVED), a),
            t(n("e1"), k("dateBasis"), lit("explicit")),
            t(n("e1"), k("date"), lit("2021-03-05", dt="date")),
            t(n("e1"), k("organizer"), n("o1")), t(n("e1"), k("organizer"), n("o2")),
            t(n("o1"), label, lit("市委;市政府", lang="zh")), t(n("o2"), label, lit("市委", lang="zh")),
            t(n("e1"), k("location"), n("p5")),
            t(n("e2"), typ, k("Event")), t(n("e2"), typ, k("InspectionTour")),
            t(n("e2"), typ, lit(KG + "Literal#Class")),
            t(n("e2"), label, lit("调研", lang="zh")), t(n("e2"), ox.NamedNode(DERIVED), a),
            t(n("e2"), k("dateBasis"), lit("none")), t(n("e2"), k("location"), n("p1")),
            t(n("e3"), typ, k("Event")), t(n("e3"), label, lit("无依据", lang="zh")),
            t(n("e3"), ox.NamedNode(DERIVED), a)]
    # Participations: a literal agent, an unnamed one, a post without a title, a venue.
    for i, agent in enumerate((n("per1"), n("un1"), lit("某人"))):
        st_ = n(f"part{i}")
        out += [t(st_, typ, k("Participation")), t(st_, k("agent"), agent),
                t(st_, k("event"), n("e1")), t(st_, k("role"), k("Presided")),
                t(st_, ox.NamedNode(DERIVED), a), t(st_, k("evidenceText"), lit(f"证据{i}"))]
    out += [t(k("Presided"), ox.NamedNode(NOTATION), lit("presided")),
            t(n("part0"), k("post"), n("post1")), t(n("part1"), k("post"), n("post2")),
            t(n("part2"), k("venue"), lit("主会场", lang="zh")), t(n("post2"), label, lit("无职务"))]
    # Rankings: a list with a year and a publisher, ranks as odd integer forms.
    out += [t(n("r1"), typ, k("RankingPlacement")), t(n("r1"), k("inList"), n("l1")),
            t(n("r1"), k("place"), n("p1")), t(n("r1"), k("rank"), lit("007", dt="integer")),
            t(n("r1"), ox.NamedNode(DERIVED), a), t(n("r1"), k("evidenceText"), lit("排名")),
            t(n("l1"), label, lit("百强县", lang="zh")), t(n("l1"), k("year"), lit("2021", dt="integer")),
            t(n("l1"), k("publisher"), n("o1")),
            t(n("r2"), typ, k("RankingPlacement")), t(n("r2"), k("inList"), n("l1")),
            t(n("r2"), k("place"), n("p2")), t(n("r2"), k("rank"), lit("12")),
            t(n("r2"), ox.NamedNode(DERIVED), a), t(n("r2"), k("evidenceText"), lit("排名二"))]
    # Statistics: decimals in every form the store rewrites, a year, a place, none.
    for i, value in enumerate(("110000.0", "6.5", "-0.0", "12.50", "1E3", "0012.30", "7",
                               "123456789012345678901234.5")):
        st_ = n(f"obs{i}")
        out += [t(st_, typ, k("Observation")), t(st_, k("indicator"), lit("地区生产总值", lang="zh")),
                t(st_, k("value"), lit(value, dt="decimal")), t(st_, k("unit"), lit("元")),
                t(st_, k("qualifier"), lit("=")), t(st_, ox.NamedNode(DERIVED), a),
                t(st_, k("evidenceText"), lit(f"统计{i}"))]
        if i % 2:
            out += [t(st_, k("place"), n("p1")), t(st_, k("refYear"), lit("2020", dt="integer"))]
    return out


def test_corner_cases() -> None:
    fast, sparql = _both(_corner_cases())
    assert fast == sparql
    assert all(fast[name] for name in fast), {name: len(rows) for name, rows in fast.items()}


def test_unsupported_terms_fall_back_to_the_queries() -> None:
    triples = _corner_cases() + [ox.Triple(ox.BlankNode("b"), ox.NamedNode(LABEL),
                                           ox.Literal("x", language="zh"))]
    with pytest.raises(Unsupported):
        table_rows(triples)
    assert article_rows_of(triples, ntriples_of(triples)) == article_rows(ntriples_of(triples))
    evidence = [ox.Triple(n("s1"), k("evidenceText"), ox.Literal("x", language="zh"))]
    with pytest.raises(Unsupported):
        table_rows(_corner_cases() + evidence)


# -- random graphs in the shape of the queries ---------------------------------------------------
#
# Statements of each kind with each of their properties present zero, one or two times, pointing
# into a small pool of shared nodes (people, posts, places, events, lists all at once), so that
# joins meet, OPTIONALs match or not, and GROUP BYs gather several solutions.

_ENTITIES = [n(f"e{i}") for i in range(5)]
_ARTICLES = [n("a0"), n("a1")]
_PLAIN = [lit("甲"), lit("乙"), lit("丙;丁"), lit("")]
_LITERALS = _PLAIN + [lit("甲", lang="zh"), lit("A", lang="en"), lit("3", dt="integer"),
                      lit("03", dt="integer"), lit("2.50", dt="decimal"),
                      lit("2.0", dt="decimal"), lit("2021-01-02", dt="date"), n("e0")]
_LABELS = [lit("张三", lang="zh"), lit("李四", lang="zh"), lit("Zhang", lang="en"), lit("张三")]
_CLASSES = [k("Meeting"), k("InspectionTour"), ox.NamedNode("https://schema.org/Event"),
            lit(KG + "x#Y"), k("Event")]
_STATEMENTS = {
    "PositionStatement": {"agent": "node", "post": "node", DERIVED: "article",
                          "evidenceText": "plain"},
    "Participation": {"agent": "node-or-literal", "event": "node", "role": "role",
                      DERIVED: "article", "evidenceText": "plain", "post": "node",
                      "venue": "literal"},
    "RankingPlacement": {"inList": "node", "place": "node", "rank": "literal",
                         DERIVED: "article", "evidenceText": "plain"},
    "Observation": {"indicator": "literal", "value": "literal", "unit": "literal",
                    "qualifier": "literal", DERIVED: "article", "evidenceText": "plain",
                    "place": "node", "refYear": "literal"},
}
_EVENT = {LABEL: "label", DERIVED: "article", "dateBasis": "literal", "date": "literal",
          "organizer": "node", "location": "node", RDF_TYPE: "class"}
_PLACE = {"mentionedIn": "article", LABEL: "label", "adminLevel": "level", "parent": "node",
          "divisionCode": "literal"}
_ENTITY = {LABEL: "label", "title": "literal", "jurisdiction": "node",
           "divisionCode": "literal", "year": "literal", "publisher": "node"}


def _shaped_graph(rnd: random.Random) -> list[ox.Triple]:
    pools = {"node": _ENTITIES, "node-or-literal": _ENTITIES + _LITERALS[:3],
             "article": _ARTICLES + [lit("a0")], "plain": _PLAIN, "literal": _LITERALS,
             "label": _LABELS, "role": [n("r0"), n("r1")], "level": [n("l0")],
             "class": _CLASSES}
    out = [t(n("r0"), NOTATION, lit("presided")), t(n("r0"), NOTATION, lit("led")),
           t(n("l0"), NOTATION, lit("county")), t(_ARTICLES[0], k("sourceFile"), lit("a.txt"))]
    if rnd.random() < 0.5:
        out.append(t(_ARTICLES[1], k("sourceFile"), rnd.choice([lit("b.txt"), n("b")])))

    def fill(node: ox.NamedNode, spec: dict[str, str]) -> None:
        for pred, kind in spec.items():
            p = pred if ":" in pred else KG + pred
            for o in rnd.sample(pools[kind], min(len(pools[kind]), rnd.choice((0, 1, 1, 1, 2)))):
                out.append(t(node, p, o))

    for cls, spec in _STATEMENTS.items():
        for i in range(rnd.choice((1, 1, 2))):
            node = n(f"{cls}{i}")
            out.append(t(node, RDF_TYPE, k(cls)))
            fill(node, spec)
    for node in _ENTITIES:
        fill(node, _ENTITY)
        if rnd.random() < 0.2:
            out.append(t(node, RDF_TYPE, k("UnnamedOfficial")))
        if rnd.random() < 0.5:
            out.append(t(node, RDF_TYPE, k("Event")))
            fill(node, _EVENT)
        if rnd.random() < 0.5:
            out.append(t(node, RDF_TYPE, k("Place")))
            fill(node, _PLACE)
    return out


def test_shaped_graphs_give_rows() -> None:
    """The random graphs below are not trivially empty: every table gets rows in some."""
    seen: set[str] = set()
    for seed in range(60):
        seen.update(name for name, rows in table_rows(_shaped_graph(random.Random(seed))).items()
                    if rows)
    assert seen == set(TABLE_COLUMNS)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2 ** 32))
def test_random_graphs(seed: int) -> None:
    triples = _shaped_graph(random.Random(seed))
    fast, sparql = _both(triples)
    assert fast == sparql


def test_every_predicate_the_queries_name_is_kept() -> None:
    """The evaluator drops triples of other predicates: a query naming a new one would
    otherwise see nothing there."""
    import re

    from kg.query.article_tables import _PREDICATES
    from kg.query.runner import PREFIX_MAP, load_bundled

    named = set()
    for name in TABLE_COLUMNS:
        text = load_bundled(name)
        for prefix, local in re.findall(r"\b([a-z]+):([A-Za-z]+)\b", text):
            if prefix in PREFIX_MAP and local[0].islower():  # a property, not a class
                named.add(PREFIX_MAP[prefix] + local)
    assert named and named <= _PREDICATES, named - _PREDICATES


def test_written_for_the_bundled_queries() -> None:
    """Editing a bundled table query switches the evaluator off (the queries then run); the
    tests above say whether it still agrees, and WRITTEN_FOR records that it does."""
    from kg.query import article_tables

    assert article_tables.queries_digest() == article_tables.WRITTEN_FOR


def test_changed_queries_fall_back(monkeypatch) -> None:
    from kg.query import article_tables

    monkeypatch.setattr(article_tables, "WRITTEN_FOR", "something else")
    triples = _corner_cases()
    with pytest.raises(Unsupported):
        table_rows(triples)
    nt = ntriples_of(triples)
    assert article_rows_of(triples, nt) == article_rows(nt)
