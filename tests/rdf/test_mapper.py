"""The mapper makes Oxigraph terms directly; they must be the terms rdflib's would convert to
(what the build wrote when the mapper made rdflib terms)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.reader import bundled_article, read_document
from kg.pipeline import run
from kg.rdf import mapper
from kg.rdf.namespaces import KG as KG_NS
from kg.rdf.serialize import _ox_term, ntriples_of


def _via_rdflib(value, lang=None, datatype=None) -> ox.Literal:
    return _ox_term(rdflib.Literal(value, lang=lang,
                                   datatype=rdflib.URIRef(datatype.value) if datatype else None))


@pytest.mark.parametrize("value,lang,datatype", [
    ("海门市", None, None), ("海门市", "zh", None), ("Haimen", "zh-Latn-pinyin", None),
    ("", None, None), (0, None, None), (-17, None, None), (2 ** 70, None, None),
    ("2021-03-05", None, mapper.XSD.date), ("2021-03-05T09:30:00", None, mapper.XSD.dateTime),
    ("2021-03-05T09:30:00+08:00", None, mapper.XSD.dateTime),
    ("110000.0", None, mapper.XSD.decimal), ("-1.50", None, mapper.XSD.decimal),
    ("1E3", None, mapper.XSD.decimal), ("not a number", None, mapper.XSD.decimal),
    (True, None, None), (2.5, None, None), (Decimal("1.20"), None, None),
    (dt.date(2021, 3, 5), None, None),
])
def test_literals_are_rdflibs(value, lang, datatype) -> None:
    assert mapper.lit(value, lang=lang, datatype=datatype) == _via_rdflib(value, lang, datatype)


@given(st.text(), st.sampled_from([None, "zh", "en", "zh-Latn-pinyin"]))
def test_any_text_is_rdflibs(text: str, lang: str | None) -> None:
    assert mapper.lit(text, lang=lang) == _via_rdflib(text, lang)


@given(st.integers())
def test_any_integer_is_rdflibs(n: int) -> None:
    assert mapper.lit(n) == _via_rdflib(n)


def test_vocab_is_the_namespace() -> None:
    from rdflib.namespace import RDF as RDF_NS
    from rdflib.namespace import XSD as XSD_NS

    assert mapper.KG.Place == ox.NamedNode(str(KG_NS.Place))
    assert mapper.KG["title"] == ox.NamedNode(str(KG_NS["title"]))
    assert mapper.RDF.type == ox.NamedNode(str(RDF_NS.type))
    assert mapper.XSD.decimal == ox.NamedNode(str(XSD_NS.decimal))
    assert mapper.KG.Place is mapper.KG.Place  # made once


def test_rdflib_and_oxigraph_views_agree() -> None:
    doc = read_document(bundled_article())
    facts = run(doc)
    ox_triples = mapper.map_facts_ox(facts, facts.context["lookup_parent"])
    rdf_triples = mapper.map_facts(facts, facts.context["lookup_parent"])
    assert len(ox_triples) == len(rdf_triples) > 100
    assert {(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in rdf_triples} == ox_triples


@given(st.text(), st.sampled_from([None, "zh", "en"]))
def test_ntriples_are_oxigraphs(text: str, lang: str | None) -> None:
    s = ox.NamedNode("https://w3id.org/cnpolkg/id/" + "x%20中")
    terms = [(s, mapper.RDFS.label, mapper.lit(text, lang=lang)),
             (s, mapper.KG.value, mapper.lit(text, datatype=mapper.XSD.decimal)),
             (s, mapper.KG.rank, mapper.lit(len(text))), (s, mapper.RDF.type, mapper.KG.Place)]
    assert ntriples_of(terms) == ox.serialize([ox.Triple(*t) for t in terms],
                                              format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def test_a_successor_named_before_its_own_mention_still_gets_its_parent() -> None:
    # 开县 (2015) names its successor 开州区 first; the mention of 开州区 itself must still
    # give the district its parent and kind.
    from tests.extract.test_officials import facts_of

    facts = facts_of("十年前的会议\n2015年5月21日,全市现场会在开县召开。一年后,开县撤县设区,更名为开州区。",
                     published=dt.datetime(2025, 5, 21))
    triples = mapper.map_facts_ox(facts, facts.context["lookup_parent"])
    kaizhou = next(s for s, p, o in triples
                   if p == mapper.KG.divisionCode and o == mapper.lit("500154"))
    parents = {o for s, p, o in triples if s == kaizhou and p == mapper.KG.parent}
    assert len(parents) == 1 and "500000" in next(iter(parents)).value


def test_a_provinces_meeting_named_by_its_scope_is_one_event_per_province() -> None:
    """"全省……现场推进会" on one day in Liaoning and in Heilongjiang are two meetings; two
    reports of the Liaoning one are one."""
    from kg.ingest.normalize import normalize, sentences
    from kg.model import Document

    def event_iris(text: str) -> set[str]:
        text, _ = normalize(text)
        doc = Document(id="t.txt", text=text, published=dt.datetime(2023, 8, 18),
                       sentences=sentences(text))
        facts = run(doc)
        return {t[0].value for t in mapper.map_facts_ox(facts, facts.context["lookup_parent"])
                if t[0].value.startswith("https://w3id.org/cnpolkg/id/event/")}

    body = "标题\n昨天,全省县域经济高质量发展现场推进会在{city}召开。{title}李明出席会议并讲话。"
    a = event_iris(body.format(city="辽宁省鞍山市", title="辽宁省委书记"))
    b = event_iris(body.format(city="黑龙江省绥化市", title="黑龙江省委书记"))
    c = event_iris(body.format(city="辽宁省海城市", title="辽宁省委书记"))
    assert len(a) == len(b) == 1 and a != b and a == c


def test_the_secretaries_general_of_two_organs_are_two_posts(tmp_path) -> None:
    # 秘书长 names no organ: the provincial Party committee's and the government's are two
    # posts, each in one organization (the SHACL shape allows one org:postIn)
    from kg.model import PlaceRef

    hunan = PlaceRef("430000", "湖南省", "province", None, None)
    party = mapper.post_iri("秘书长", hunan, "省委")
    government = mapper.post_iri("秘书长", hunan, "省政府")
    assert party != government
    # posts whose title names the organ keep the IRI of title and place alone
    assert mapper.post_iri("省长", hunan, "省政府") == mapper.post_iri("省长", hunan)
    assert mapper.post_iri("宣传部部长", hunan, "宣传部") == mapper.post_iri("宣传部部长", hunan)
