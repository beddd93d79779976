"""kg.rdf.serialize: deterministic bytes, and hostile literals survive every format."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf import serialize
from kg.rdf.iris import iri
from kg.rdf.namespaces import ID, KG, ORG, SCHEMA

HOSTILE = 'he said "hi" \\ back\\slash\nnew line\ttab \x00 NUL 😀 emoji \u200f RTL \'\'\' """ end"'

# (rdflib.namespace.XSD at module level makes pytest collection warn; spell the IRI out)
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
G_A = ID["graph/a.txt"]
G_B = ID["graph/b.txt"]

# Characters that str.splitlines() treats as line breaks although N-Triples does not.
LINE_BREAKERS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _triples() -> list[tuple]:
    out = []
    for i in range(12):
        s = iri("person", f"人{i}", "320684")
        out.append((s, RDF.type, KG.Person))
        out.append((s, RDFS.label, Literal(f"人{i}", lang="zh")))
        out.append((s, ORG.holds, iri("post", "320684", f"职务{i % 3}")))
        out.append((s, KG.rank, Literal(i)))
        out.append((s, SCHEMA.name, Literal(f"name {i}")))
    out.append((ID["x"], KG.value, Literal("6.5", datatype=XSD_DECIMAL)))
    out.append((ID["x"], KG.evidenceText, Literal(HOSTILE)))
    return out


def _shuffled(items: list, seed: int) -> list:
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def _oxi(data: str, fmt: ox.RdfFormat) -> set[tuple]:
    return {(q.subject.value, q.predicate.value, q.object.value,
             getattr(q.graph_name, "value", ""))
            for q in ox.parse(input=data.encode("utf-8"), format=fmt)}


def test_turtle_is_byte_identical_across_calls_and_insertion_orders() -> None:
    ts = _triples()
    first = serialize.turtle(ts)
    assert serialize.turtle(ts) == first
    for seed in range(5):
        assert serialize.turtle(_shuffled(ts, seed)) == first
    assert serialize.turtle(set(ts)) == first


@pytest.mark.parametrize("fn", [serialize.ntriples])
def test_triple_formats_are_order_independent(fn) -> None:
    ts = _triples()
    outs = {fn(_shuffled(ts, seed)) for seed in range(5)}
    assert len(outs) == 1


@pytest.mark.parametrize("fn", [serialize.trig, serialize.nquads])
def test_dataset_formats_are_order_independent(fn) -> None:
    ts = _triples()
    a, b = ts[:30], ts[30:]
    outs = set()
    for seed in range(5):
        named = {G_A: set(_shuffled(a, seed)), G_B: set(_shuffled(b, seed + 1))}
        if seed % 2:
            named = dict(reversed(list(named.items())))
        outs.add(fn(named))
    assert len(outs) == 1


def test_turtle_uses_the_project_prefixes() -> None:
    text = serialize.turtle(_triples())
    assert "@prefix kg: <https://w3id.org/cnpolkg/ns#> ." in text
    assert "@prefix org: <http://www.w3.org/ns/org#> ." in text


def test_ntriples_and_nquads_are_sorted_lines() -> None:
    nt = serialize.ntriples(_triples())
    lines = nt.splitlines()
    assert nt.endswith("\n")
    assert lines == sorted(lines)
    assert len(lines) == len(set(_triples()))
    nq = serialize.nquads({G_A: set(_triples())})
    assert all(line.endswith(f"<{G_A}> .") for line in nq.splitlines())


def test_hostile_literal_round_trips_turtle_via_rdflib() -> None:
    ts = set(_triples())
    back = Graph().parse(data=serialize.turtle(ts), format="turtle")
    assert set(back) == ts


def test_hostile_literal_round_trips_ntriples_via_oxigraph() -> None:
    ts = set(_triples())
    got = _oxi(serialize.ntriples(ts), ox.RdfFormat.N_TRIPLES)
    assert {(s, p, o) for s, p, o, _g in got} == {(str(s), str(p), str(o)) for s, p, o in ts}
    assert any(o == HOSTILE for _s, _p, o, _g in got)


def test_hostile_literal_round_trips_nquads_via_oxigraph() -> None:
    ts = set(_triples())
    got = _oxi(serialize.nquads({G_A: ts}), ox.RdfFormat.N_QUADS)
    assert got == {(str(s), str(p), str(o), str(G_A)) for s, p, o in ts}


def test_hostile_literal_round_trips_trig_via_rdflib() -> None:
    a, b = set(_triples()[:30]), set(_triples()[30:])
    ds = Dataset()
    ds.parse(data=serialize.trig({G_A: a, G_B: b}), format="trig")
    assert set(ds.graph(G_A)) == a
    assert set(ds.graph(G_B)) == b


def test_jsonld_parses_back() -> None:
    ts = set(_triples())
    text = serialize.jsonld(ts)
    data = json.loads(text)
    assert data["@context"]["kg"] == str(KG)
    assert set(Graph().parse(data=text, format="json-ld")) == ts


_NO_BREAKERS = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                              blacklist_characters=LINE_BREAKERS),
                       max_size=80)


@settings(max_examples=200, deadline=None)
@given(_NO_BREAKERS)
def test_arbitrary_literal_round_trips_everywhere(text: str) -> None:
    ts = {(ID["x"], KG.p, Literal(text)), (ID["x"], RDFS.label, Literal(text, lang="zh"))}
    assert set(Graph().parse(data=serialize.turtle(ts), format="turtle")) == ts
    want = {(str(s), str(p), str(o)) for s, p, o in ts}
    got = _oxi(serialize.ntriples(ts), ox.RdfFormat.N_TRIPLES)
    assert {(s, p, o) for s, p, o, _g in got} == want
    got = _oxi(serialize.nquads({G_A: ts}), ox.RdfFormat.N_QUADS)
    assert {(s, p, o) for s, p, o, _g in got} == want


@pytest.mark.parametrize("ch", LINE_BREAKERS, ids=[f"U+{ord(c):04X}" for c in LINE_BREAKERS])
def test_literal_with_unicode_line_separator_round_trips_nquads(ch: str) -> None:
    text = f"第一句{ch}第二句"
    ts = {(ID["x"], KG.evidenceText, Literal(text))}
    got = _oxi(serialize.nquads({G_A: ts}), ox.RdfFormat.N_QUADS)
    assert got == {(str(ID["x"]), str(KG.evidenceText), text, str(G_A))}


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_integral_decimal_keeps_its_lexical_form(fmt: str) -> None:
    # kg writes decimals in their canonical form, which Turtle's shorthand preserves
    from kg.lexicon.numerals import canonical_decimal

    ts = {(ID["x"], KG.value, Literal(canonical_decimal(44000), datatype=XSD_DECIMAL))}
    if fmt == "turtle":
        back = set(Graph().parse(data=serialize.turtle(ts), format="turtle"))
    else:
        ds = Dataset()
        ds.parse(data=serialize.trig({G_A: ts}), format="trig")
        back = set(ds.graph(G_A))
    assert back == ts


def test_integral_decimal_keeps_its_lexical_form_in_line_formats() -> None:
    ts = {(ID["x"], KG.value, Literal("44000", datatype=XSD_DECIMAL))}
    assert set(Graph().parse(data=serialize.ntriples(ts), format="nt")) == ts
    assert set(Graph().parse(data=serialize.jsonld(ts), format="json-ld")) == ts
    got = _oxi(serialize.nquads({G_A: ts}), ox.RdfFormat.N_QUADS)
    assert got == {(str(ID["x"]), str(KG.value), "44000", str(G_A))}


_IN_CHILD = """
import hashlib
from rdflib import Literal
from kg.rdf import serialize
from kg.rdf.namespaces import ID, KG
named = {ID[f"graph/a{i}.txt"]: {(ID[f"s{i}"], KG.p, Literal(f"v{i}"))} for i in range(6)}
triples = [t for ts in named.values() for t in ts]
print(hashlib.sha256(serialize.FORMAT(ARG).encode()).hexdigest())
"""


def _digest_under_hash_seed(fmt: str, arg: str, seed: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    code = _IN_CHILD.replace("FORMAT", fmt).replace("ARG", arg)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize("fmt, arg", [("turtle", "triples"), ("nquads", "named")])
def test_bytes_do_not_depend_on_the_hash_seed(fmt: str, arg: str) -> None:
    assert len({_digest_under_hash_seed(fmt, arg, seed) for seed in (1, 2, 3)}) == 1


@pytest.mark.parametrize("fmt, arg", [("trig", "named"), ("jsonld", "triples")])
def test_bytes_do_not_depend_on_the_hash_seed_xfail(fmt: str, arg: str) -> None:
    assert len({_digest_under_hash_seed(fmt, arg, seed) for seed in (1, 2, 3)}) == 1


def test_empty_inputs() -> None:
    assert serialize.ntriples([]) == ""  # an empty graph is an empty document
    assert set(Graph().parse(data=serialize.turtle([]), format="turtle")) == set()
    assert _oxi(serialize.nquads({}), ox.RdfFormat.N_QUADS) == set()


def test_uriref_objects_survive() -> None:
    ts = {(ID["x"], KG.link, URIRef("https://example.org/a?b=c&d#frag"))}
    assert set(Graph().parse(data=serialize.turtle(ts), format="turtle")) == ts


def test_jsonld_uses_the_shipped_context_and_language_maps() -> None:
    """Terms instead of IRIs, labels as a language map; parsing back gives the same graph."""
    person = ID["person/陈勇_320684"]
    ts = {(person, RDF.type, KG.Person),
          (person, RDFS.label, Literal("陈勇", lang="zh")),
          (person, RDFS.label, Literal("Chen Yong", lang="en")),
          (person, RDFS.label, Literal("Chen Yong", lang="zh-Latn-pinyin")),
          (person, KG.presided, ID["event/x"]),
          (ID["event/x"], KG.date, Literal("2018-02-22", datatype=XSD.date))}
    text = serialize.jsonld(ts)
    doc = json.loads(text)
    nodes = {n["@id"]: n for n in doc["@graph"]}
    p = nodes[str(person)]
    assert p["@type"] == "Person"
    labels = {k.lower(): v for k, v in p["label"].items()}  # language tags are case-insensitive
    assert labels == {"zh": "陈勇", "en": "Chen Yong", "zh-latn-pinyin": "Chen Yong"}
    assert p["presided"] == str(ID["event/x"])
    assert nodes[str(ID["event/x"])]["date"] == "2018-02-22"
    assert "https://w3id.org/cnpolkg/ns#" not in json.dumps(doc["@graph"])
    def norm(triples) -> set:
        return {(s, p_, Literal(str(o), lang=o.language.lower())
                 if isinstance(o, Literal) and o.language else o) for s, p_, o in triples}

    assert norm(Graph().parse(data=text, format="json-ld")) == norm(ts)
