"""Facts of one article -> triples of its named graph.

Every fact becomes a direct triple (person org:holds post; person kg:presided event; place
kg:rankedIn list) plus a kg:Statement node that carries the qualifiers and the evidence: the
article (prov:wasDerivedFrom), the sentence and its character offsets, and the words of the
mention. Nodes shared between articles (places, posts, organizations, people, events, lists)
get IRIs from normalized keys, so two articles talking about the same thing meet in one node.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import pyoxigraph as ox
import rdflib
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

from kg.lexicon import labels as lab
from kg.lexicon.numerals import canonical_decimal, format_value
from kg.model import Document, Facts, PlaceRef, Span
from kg.rdf import namespaces as _ns
from kg.rdf.iris import iri_value, slug, statement_iri_value
from kg.rdf.serialize import _ox_term, from_ox

# The mapper makes Oxigraph terms, not rdflib ones: the build serializes them to N-Triples at
# once, and rdflib's terms (validated and normalized in Python, then converted) cost more than
# the rest of the mapping. ``map_facts`` still hands rdflib triples to whoever asks for them.
Node = ox.NamedNode
Term = ox.NamedNode | ox.Literal
Triple = tuple[rdflib.URIRef, rdflib.URIRef, rdflib.URIRef | rdflib.Literal]


class Vocab:
    """A namespace whose terms are Oxigraph IRIs, each made once (``KG.Place``,
    ``KG["title"]``), where rdflib's Namespace makes a new URIRef per lookup."""

    def __init__(self, base: str):
        self._base = base
        self._memo: dict[str, Node] = {}

    def __getitem__(self, name: str) -> Node:
        node = self._memo.get(name)
        if node is None:
            node = self._memo[name] = ox.NamedNode(self._base + name)
        return node

    def __getattr__(self, name: str) -> Node:
        """Called once per name: the term is then kept as an attribute, which Python finds
        without calling this method (the mapper looks up a term per triple)."""
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)
        return node


KG, ORG, SCHEMA = Vocab(str(_ns.KG)), Vocab(str(_ns.ORG)), Vocab(str(_ns.SCHEMA))
PROV, RDF, RDFS = Vocab(str(_PROV)), Vocab(str(_RDF)), Vocab(str(_RDFS))
SKOS, XSD = Vocab(str(_SKOS)), Vocab(str(_XSD))
_XSD_INTEGER = XSD.integer


def lit(value: object, lang: str | None = None, datatype: Node | None = None) -> ox.Literal:
    """The Oxigraph literal that rdflib's ``lit(value, lang=, datatype=)`` converts to
    (what the build wrote before the mapper made Oxigraph terms): strings and integers
    directly, typed lexical forms through rdflib's normalization once each, anything else
    through rdflib every time."""
    kind = type(value)
    if datatype is None:
        if kind is str:
            return ox.Literal(value, language=lang) if lang else ox.Literal(value)
        if kind is int and lang is None:
            return ox.Literal(str(value), datatype=_XSD_INTEGER)
    elif kind is str and lang is None:
        return _typed(value, datatype.value)
    return _ox_term(rdflib.Literal(value, lang=lang, datatype=(
        rdflib.URIRef(datatype.value) if datatype is not None else None)))


@functools.lru_cache(maxsize=65536)  # dates and values repeat across articles
def _typed(lexical: str, datatype: str) -> ox.Literal:
    return _ox_term(rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype)))


def iri(kind: str, *key: object) -> Node:
    """kg.rdf.iris.iri as an Oxigraph term."""
    return ox.NamedNode(iri_value(kind, *key))


def statement_iri(kind: str, *key: object) -> Node:
    """kg.rdf.iris.statement_iri as an Oxigraph term."""
    return ox.NamedNode(statement_iri_value(kind, *key))


ROLE_IRI = {"presided": KG.Presided, "speech": KG.SpeechRole, "remarks": KG.Remarks,
            "attended": KG.Attended, "led": KG.Led, "accompanied": KG.Accompanied}
ROLE_PROPERTY = {"presided": KG.presided, "speech": KG.gaveSpeech, "remarks": KG.gaveRemarks,
                 "attended": KG.attended, "led": KG.led, "accompanied": KG.accompanied}
LEVEL_IRI = {"province": KG.Province, "prefecture": KG.Prefecture, "county": KG.County,
             "town": KG.Town}
EVENT_CLASS = {"meeting": KG.Meeting, "forum": KG.Forum, "inspection": KG.InspectionTour,
               "appointment": KG.Appointment}


PINYIN = "zh-Latn-pinyin"
LANGS = ("zh", "en", PINYIN)  # the label languages every labelled node has


def zh(text: str) -> ox.Literal:
    return lit(text, lang="zh")


def place_en(place: PlaceRef | None) -> str:
    return lab.place_labels(place.code or None, place.name)[1] if place is not None else ""


def _level_of_code(code: str) -> str:
    """A division's level from its GB/T 2260 code: the successor of a unit can sit at another
    level (儋州市 was county-level until 2015, then a prefecture; 巢湖市 the other way)."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def post_en(title: str, place: PlaceRef | None) -> str:
    """"Mayor of Nantong", "Secretary of the Haimen Municipal Party Committee"."""
    return lab.title_en(title, place_en(place))


def article_iri(doc_id: str) -> Node:
    return iri("article", doc_id)


def graph_iri(doc_id: str) -> rdflib.URIRef:
    return _ns.ID["graph/" + slug(doc_id)]


def place_iri(p: PlaceRef) -> Node:
    if not p.code:
        return iri("place", "town", p.parent_code or "", p.name)
    return iri("place", p.code, p.name)


def post_label(title: str, place: PlaceRef | None) -> str:
    """海门市 + 市委书记 -> 海门市委书记 (the shared level word is written once)."""
    if place is None:
        return title
    name = place.name
    if title and name.endswith(title[0]) and title[0] in "省市县区州旗盟镇乡":
        return name + title[1:]
    return name + title


def post_iri(title: str, place: PlaceRef | None, organ: str = "") -> Node:
    """One post per title, place and organ: a title that names no organ (秘书长 of the
    provincial Party committee and of the provincial government) is two posts, told apart by
    the organ in the IRI; every other IRI is the title's and the place's alone."""
    if organ and organ not in title and not _organ_of(title):
        return iri("post", place_key(place), organ, title)
    return iri("post", place_key(place), title)


def place_key(place: PlaceRef | None) -> str:
    """The jurisdiction part of a post's or an organ's IRI: the division's code and its name
    then, as the place's own IRI has them. 襄樊市委书记 (before 2010) and 襄阳市委书记 share
    the code 420600 but are two posts, each with its own label and jurisdiction; one node for
    both gave every holder both labels."""
    if place is None:
        return "national"
    if not place.code:
        return f"town-{place.parent_code or ''}-{place.name}"
    return f"{place.code}-{place.name}"


class ArticleMapper:
    """Maps one article's facts to triples; ``lookup`` gives parent PlaceRefs (gazetteer)."""

    def __init__(self, facts: Facts, lookup_parent):
        self.facts = facts
        self.doc: Document = facts.doc
        self.lookup_parent = lookup_parent
        self.article = article_iri(self.doc.id)
        self.triples: set[tuple[Node, Node, Term]] = set()
        self._places_done: set[Node] = set()
        # successors named only as such (开县 -> 开州区): a stub, which a mention of the
        # successor itself completes (its parent and kind)
        self._stubs: set[Node] = set()
        self.person_iris: dict[str, Node] = {}

    # -- helpers -------------------------------------------------------------------------
    def add(self, s: Node, p: Node, o: Term) -> None:
        self.triples.add((s, p, o))

    def label(self, node: Node, text: str, en: str | None = None,
              pinyin: str | None = None) -> None:
        """The node's labels in Chinese, English and pinyin (see kg.lexicon.labels): English
        falls back to the pinyin, the pinyin to the Chinese text, so no language is missing."""
        py = pinyin if pinyin is not None else lab.text_pinyin(text)
        py = py or text
        self.add(node, RDFS.label, zh(text))
        self.add(node, RDFS.label, lit(py, lang=PINYIN))
        self.add(node, RDFS.label, lit(en or py, lang="en"))

    def place_label(self, node: Node, code: str | None, name: str) -> None:
        py, en = lab.place_labels(code or None, name)
        self.label(node, name, en, py)

    def evidence(self, node: Node, span: Span, sentence: Span) -> None:
        text = self.doc.text
        self.add(node, PROV.wasDerivedFrom, self.article)
        self.add(node, KG.evidenceText, lit(text[sentence.start:sentence.end]))
        self.add(node, KG.evidenceStart, lit(sentence.start))
        self.add(node, KG.evidenceEnd, lit(sentence.end))
        self.add(node, KG.mentionText, lit(text[span.start:span.end]))
        self.add(node, KG.mentionStart, lit(span.start))
        self.add(node, KG.mentionEnd, lit(span.end))

    def place(self, p: PlaceRef) -> Node:
        node = place_iri(p)
        if node in self._places_done:
            return node
        self._places_done.add(node)
        self.add(node, RDF.type, KG.Place)
        self.place_label(node, p.code, p.name)
        level = p.level if p.level in LEVEL_IRI else "county"
        self.add(node, KG.adminLevel, LEVEL_IRI[level])
        self.add(LEVEL_IRI[level], SKOS.notation, lit(level))
        if p.code:
            self.add(node, KG.divisionCode, lit(p.code))
        if p.kind:
            self.add(node, KG.divisionKind, lit(p.kind))
        parent = self.lookup_parent(p)
        if parent is not None:
            self.add(node, KG.parent, self.place(parent))
        if p.successor_code and p.successor_name:
            succ = PlaceRef(p.successor_code, p.successor_name, p.level, None, None)
            snode = place_iri(succ)
            self.add(node, KG.successor, snode)
            if snode not in self._places_done and snode not in self._stubs:
                self._stubs.add(snode)
                self.add(snode, RDF.type, KG.Place)
                self.place_label(snode, p.successor_code, p.successor_name)
                self.add(snode, KG.divisionCode, lit(p.successor_code))
                self.add(snode, KG.adminLevel, LEVEL_IRI[_level_of_code(p.successor_code)])
        return node

    def organization(self, organ: str, place: PlaceRef | None) -> Node:
        node = iri("org", place_key(place), organ)
        self.add(node, RDF.type, KG.Organization)
        self.label(node, post_label(organ, place) if place else organ,
                   lab.org_en(organ, place_en(place)))
        self.add(node, KG.organ, lit(organ))
        if place is not None:
            self.add(node, KG.jurisdiction, self.place(place))
        return node

    def post(self, title: str, place: PlaceRef | None, organ: str) -> Node:
        node = post_iri(title, place, organ)
        self.add(node, RDF.type, KG.Post)
        self.label(node, post_label(title, place), post_en(title, place))
        self.add(node, KG["title"], lit(title))
        if place is not None:
            self.add(node, KG.jurisdiction, self.place(place))
        if organ:
            self.add(node, ORG.postIn, self.organization(organ, place))
        return node

    def person(self, name: str) -> Node:
        if name in self.person_iris:
            return self.person_iris[name]
        node = iri("person", name, person_key(self.facts, name))
        self.add(node, RDF.type, KG.Person)
        py = lab.person_pinyin(name)
        self.label(node, name, py, py)
        self.person_iris[name] = node
        return node

    def unnamed(self, title: str, place: PlaceRef) -> Node:
        node = iri("person", "unnamed", self.doc.id, place_key(place), title)
        self.add(node, RDF.type, KG.UnnamedOfficial)
        self.label(node, f"{post_label(title, place)}(未具名)",
                   f"{post_en(title, place)} (unnamed)",
                   f"{lab.text_pinyin(post_label(title, place))} (weijuming)")
        self.add(node, ORG.holds, self.post(title, place, _organ_of(title)))
        return node

    # -- the article -----------------------------------------------------------------------
    def map(self) -> set[tuple[Node, Node, Term]]:
        doc, f = self.doc, self.facts
        a = self.article
        self.add(a, RDF.type, KG.Article)
        self.add(a, KG.sourceFile, lit(doc.id))
        if doc.title:
            self.add(a, SCHEMA.headline, zh(doc.title))
        if doc.published:
            self.add(a, SCHEMA.datePublished, lit(doc.published.isoformat(),
                                                      datatype=XSD.dateTime))
        self.add(a, KG.encoding, lit(doc.encoding))
        self.add(a, KG.sha256, lit(doc.sha256))
        self.add(a, KG.script, lit(doc.script))
        ref = f.context.get("reference")
        if ref is not None:
            self.add(a, KG.referenceBasis, lit(ref.basis))
            if ref.date:
                self.add(a, KG.referenceDate, lit(ref.date.isoformat(), datatype=XSD.date))

        for m in f.places:
            node = self.place(m.place)
            self.add(node, KG.mentionedIn, a)
            st = statement_iri("mention", doc.id, m.span.start, m.span.end)
            self.add(st, RDF.type, KG.PlaceMention)
            self.add(st, KG.place, node)
            self.evidence(st, m.span, doc.sentence_of(m.span))

        for p in f.positions:
            person = self.person(p.person) if p.person else None
            post = self.post(p.title, p.place, p.organization)
            st = statement_iri("position", doc.id, p.person, p.title, place_key(p.place),
                               p.span.start)
            self.add(st, RDF.type, KG.PositionStatement)
            if person is not None:
                self.add(person, ORG.holds, post)
                self.add(st, KG.agent, person)
            self.add(st, KG.post, post)
            self.evidence(st, p.span, p.evidence)

        events = {}
        home = f.context.get("home", {})
        for e in f.events:
            key: tuple[str, ...] = (e.date.isoformat() if e.date else f"undated-{doc.id}", e.name)
            scope = re.match(r"全(省|区|市|州|县|盟|旗)", e.name)
            whose = home.get("省" if scope and scope.group(1) == "区" and home.get("省") is not None
                             and home["省"].name.endswith("自治区") else
                             scope.group(1) if scope else "", None)
            if whose is not None and whose.code:
                # "全省县域经济高质量发展现场推进会" on one day in two provinces: two meetings, the
                # name says whose only with the article's place
                key = (*key, whose.code)
            node = iri("event", *key)
            events[e.key] = node
            self.add(node, RDF.type, KG.Event)
            self.add(node, RDF.type, EVENT_CLASS.get(e.type, KG.Event))
            self.label(node, e.name, lab.event_en(e.name, iso(e.date)))
            self.add(node, SCHEMA.name, zh(e.name))
            if e.date:
                self.add(node, KG.date, lit(e.date.isoformat(), datatype=XSD.date))
            self.add(node, KG.dateBasis, lit(e.date_basis))
            self.add(node, PROV.wasDerivedFrom, a)
            for organ in e.organizer:
                org = iri("org", "name", organ)
                self.add(org, RDF.type, KG.Organization)
                self.label(org, organ, lab.org_en(organ))
                self.add(node, KG.organizer, org)
            if e.theme:
                self.add(node, KG.theme, zh(e.theme))
            if e.format:
                self.add(node, KG["format"], zh(e.format))
            if e.location:
                self.add(node, KG.location, self.place(e.location))

        for p in f.participations:
            ev = events[p.event_key]
            if p.person:
                agent = self.person(p.person)
            elif p.title and p.place:
                agent = self.unnamed(p.title, p.place)
            else:
                continue
            self.add(agent, KG.participatedIn, ev)
            self.add(agent, ROLE_PROPERTY[p.role], ev)
            st = statement_iri("participation", doc.id, agent.value, ev.value)
            self.add(st, RDF.type, KG.Participation)
            self.add(st, KG.agent, agent)
            self.add(st, KG.event, ev)
            self.add(st, KG.role, ROLE_IRI[p.role])
            self.add(ROLE_IRI[p.role], SKOS.notation, lit(p.role))
            if p.venue:
                self.add(st, KG.venue, zh(p.venue))
            if p.title:
                held = _position_of(f, p.person, p.title) if p.person else None
                if held is not None:
                    post = self.post(held.title, held.place, held.organization)
                else:
                    post = self.post(p.title, p.place if not p.person else None,
                                     _organ_of(p.title))
                self.add(st, KG.post, post)
            self.evidence(st, p.span, p.evidence)

        for s in f.speeches:
            node = iri("speech", doc.id, s.person, s.title)
            self.add(node, RDF.type, KG.Speech)
            self.add(node, SCHEMA.name, zh(s.title))
            self.label(node, s.title)
            self.add(node, KG.speaker, self.person(s.person))
            self.add(node, KG.deliveredAt, events[s.event_key])
            self.add(node, PROV.wasDerivedFrom, a)

        lists = {}
        for r in f.rankings:
            # Two articles can name one list with different publishers: kept apart.
            node = iri("ranking", r.year or "", r.name, r.publisher or "")
            lists[r.key] = node
            self.add(node, RDF.type, KG.RankingList)
            self.label(node, r.name)
            self.add(node, SCHEMA.name, zh(r.name))
            if r.year:
                self.add(node, KG.year, lit(r.year))
            if r.publisher:
                pub = iri("org", "name", r.publisher)
                self.add(pub, RDF.type, KG.Organization)
                self.label(pub, r.publisher, lab.org_en(r.publisher))
                self.add(node, KG.publisher, pub)
            self.add(node, PROV.wasDerivedFrom, a)

        for pl in f.placements:
            lst = lists[pl.list_key]
            place = self.place(pl.place)
            self.add(place, KG.rankedIn, lst)
            st = statement_iri("placement", doc.id, lst.value, pl.place.code, pl.rank)
            self.add(st, RDF.type, KG.RankingPlacement)
            self.add(st, KG.inList, lst)
            self.add(st, KG.place, place)
            if pl.rank is not None:  # a list without ranks: the place is on it, no more
                self.add(st, KG.rank, lit(pl.rank))
            self.evidence(st, pl.span, pl.evidence)

        for o in f.observations:
            st = statement_iri("observation", doc.id, o.place.code if o.place else "",
                               o.indicator, o.year, format_value(o.value), o.unit, o.qualifier,
                               o.span.start)
            self.add(st, RDF.type, KG.Observation)
            if o.place is not None:
                place = self.place(o.place)
                self.add(st, KG.place, place)
                self.add(place, KG.hasObservation, st)
            self.add(st, KG.indicator, zh(o.indicator))
            if o.year:
                self.add(st, KG.refYear, lit(o.year))
            self.add(st, KG.value, lit(canonical_decimal(o.value), datatype=XSD.decimal))
            self.add(st, KG.unit, lit(o.unit))
            self.add(st, KG.qualifier, lit(o.qualifier))
            self.evidence(st, o.span, o.evidence)
        return self.triples


_LEVEL_ORDER = {"town": 0, "county": 1, "prefecture": 2, "province": 3}


def person_key(facts: Facts, name: str) -> str:
    """What tells namesakes apart: the jurisdiction of the person's most local post (same name
    and same place in two articles -> one person). Without a post, the article's home
    prefecture (or province): 市领导 of one city across its articles are one person each."""
    posts = [p.place for p in facts.positions if p.person == name and p.place is not None]
    if posts:
        place = min(posts, key=lambda pl: (_LEVEL_ORDER.get(pl.level, 4), pl.code, pl.name))
        return place.code or f"{place.parent_code or ''}-{place.name}"
    home = facts.context.get("home", {})
    place = home.get("市") if home.get("市") and home.get("市").level == "prefecture" \
        else home.get("省")
    return place.code if place else facts.doc.id


def _organ_of(title: str) -> str:
    for organ in ("人大常委会", "政协", "纪委", "监委", "党工委", "党委", "委"):
        i = title.find(organ)
        if i >= 0:
            return title[:i + len(organ)]
    if title.endswith("长") and len(title) <= 5 and title[-2] in "省市县区州旗盟镇乡":
        return title[-2] + "政府"
    return ""


def _position_of(f: Facts, person: str, title: str):
    for p in f.positions:
        if p.person == person and p.title == title:
            return p
    return None


def map_facts_ox(facts: Facts, lookup_parent) -> set[tuple[Node, Node, Term]]:
    """The article's triples as (subject, predicate, object) tuples of Oxigraph terms: the
    build's path (kg.rdf.serialize.ntriples_of writes them; the store and the exports fix the
    order). Tuples, not ox.Triple: making a Triple per statement cost more than the mapping
    of a statement."""
    return ArticleMapper(facts, lookup_parent).map()


def map_facts(facts: Facts, lookup_parent) -> set[Triple]:
    """The article's triples as rdflib terms."""
    return {(from_ox(s), from_ox(p), from_ox(o))
            for s, p, o in ArticleMapper(facts, lookup_parent).map()}


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def iter_sorted(triples: set[Triple]) -> Iterator[Triple]:
    yield from sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
