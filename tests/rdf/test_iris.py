"""kg.rdf.iris: deterministic, always-valid IRIs from arbitrary keys."""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.rdf.iris import digest, iri, slug, statement_iri
from kg.rdf.namespaces import ID, KG

# Characters never allowed unescaped in an IRI (RFC 3987 excludes them from every production).
_FORBIDDEN = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`]')
# After a slug, '%' may only start a percent-escape.
_BAD_PERCENT = re.compile(r"%(?![0-9A-F]{2})")

_HOSTILE = st.text(alphabet=st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list('"\'\\\n\r\t <>{}|^`%#?/&=:@!$()*+,;[] \x00\x7f\u200f\u202e\u2028'
                         '\ufeff\ufffe😀海门市_-.~')),
), max_size=60)


def _valid_iri(value: str) -> None:
    assert not _FORBIDDEN.search(value), value
    ox.NamedNode(value)  # raises ValueError on an invalid IRI


def test_readable_slugs() -> None:
    assert slug("海门市") == "海门市"
    assert slug("320684") == "320684"
    assert slug("a-b.c_d~e") == "a-b.c%5Fd~e"  # _ joins key parts
    assert slug("a b") == "a%20b"
    assert slug("100%") == "100%25"
    assert slug('"<>') == "%22%3C%3E"
    assert slug("、") == "%E3%80%81"  # CJK punctuation is not a letter
    assert slug("") == "-"


def test_slug_is_nfc() -> None:
    assert slug("e\u0301") == slug("\u00e9")


def test_iri_shape() -> None:
    node = iri("place", "320684", "海门市")
    assert isinstance(node, URIRef)
    assert str(node) == str(ID) + "place/320684_海门市"


def test_iri_is_deterministic() -> None:
    assert iri("person", "陈勇", "320684") == iri("person", "陈勇", "320684")
    assert iri("person", "陈勇", "320684") != iri("person", "陈勇", "320600")
    assert iri("event", "2018-02-22", 7) == iri("event", "2018-02-22", "7")


def test_statement_iri() -> None:
    a = statement_iri("placement", "doc.txt", "list", "320684", 21)
    assert a == statement_iri("placement", "doc.txt", "list", "320684", 21)
    assert a != statement_iri("placement", "doc.txt", "list", "320684", 22)
    assert re.fullmatch(re.escape(str(ID)) + r"stmt/placement/[0-9a-f]{16}", str(a))
    _valid_iri(str(a))


def test_digest() -> None:
    assert re.fullmatch(r"[0-9a-f]{16}", digest("a", 1))
    assert digest("a", 1) == digest("a", "1")
    assert digest("a", "b") != digest("ab")


@settings(max_examples=200, deadline=None)
@given(_HOSTILE)
def test_slug_output_is_iri_safe(text: str) -> None:
    s = slug(text)
    assert s
    assert not _FORBIDDEN.search(s), s
    assert not _BAD_PERCENT.search(s), s
    for ch in s:
        if ord(ch) > 127:
            assert unicodedata.category(ch)[0] in "LN", ch


@settings(max_examples=200, deadline=None)
@given(st.lists(_HOSTILE, min_size=1, max_size=3))
def test_iri_is_valid_in_rdflib_turtle_and_oxigraph(keys: list[str]) -> None:
    node = iri("place", *keys)
    assert node == iri("place", *keys)
    _valid_iri(str(node))
    triples = {(node, KG.p, Literal("v")), (ID["x"], KG.q, node)}
    g = Graph()
    for t in triples:
        g.add(t)
    for fmt in ("turtle", "nt"):
        back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert set(back) == triples
    parsed = list(ox.parse(input=g.serialize(format="nt").encode("utf-8"),
                           format=ox.RdfFormat.N_TRIPLES))
    assert {q.subject.value for q in parsed} | {q.object.value for q in parsed} >= {str(node)}


@settings(max_examples=200, deadline=None)
@given(_HOSTILE, _HOSTILE)
def test_slug_is_injective_on_nfc_text(a: str, b: str) -> None:
    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    if a != b and a and b:
        assert slug(a) != slug(b)


def test_different_keys_give_different_iris() -> None:
    assert iri("ranking", "a_b", "c") != iri("ranking", "a", "b_c")
    assert iri("ranking", "", "名单") != iri("ranking", "_", "名单")
