"""The extraction pipeline: a Document in, Facts out, through small registered components.

Like spaCy's pipeline, each component is a named function that reads what earlier components
put into :class:`kg.model.Facts` and adds its own kind of fact. Components never touch RDF;
the order is declared once in ``DEFAULT_PIPELINE``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.model import Document, Facts, PlaceMention, PlaceRef

Component = Callable[[Facts], None]
REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn

    return register


def _parent_lookup(year: int | None):
    from kg.lexicon.divisions import divisions

    divs = divisions()

    def parent(ref: PlaceRef) -> PlaceRef | None:
        if not ref.parent_code:
            return None
        d = divs.get(ref.parent_code, year)
        return divs.to_ref(d, year) if d else None

    return parent


@component("reference_date")
def _reference(facts: Facts) -> None:
    from kg.resolve.dates import reference

    doc = facts.doc
    # The headline counts for the years an article speaks of ("河东区大事记(2018年)"); the
    # dateline does not.
    facts.context["reference"] = reference(doc.text, doc.published, 0,
                                           skip=(doc.sentences[0].end if doc.sentences else 0,
                                                 doc.body_start))


@component("places")
def _places(facts: Facts) -> None:
    from kg.extract.places import find_places, padded_cells
    from kg.resolve.context import home_places

    ref = facts.context["reference"]
    year = ref.year
    lookup = _parent_lookup(year)
    # Two passes: the first finds the article's home province, the second applies the stricter
    # rules for short names of places in other provinces.
    doc = facts.doc
    # A web page's publisher (琼海市融媒体中心) counts as a mention of its place for where the
    # article is from, though it is no mention in the text: a city's portal writes 我市.
    site = find_places(doc.site, year) if doc.site else []
    first = find_places(doc.text, year)
    home = home_places(site + first, lookup).get("province")
    text = doc.text
    facts.places = [m for m in find_places(text, year, home.code if home else None)
                    # 南通镇, 前进村: a short name followed by a town or village word is that
                    # town or village, not the division (but 甘肃乡村振兴, 海门乡镇企业: the
                    # words 乡村, 乡镇, 村镇, 镇村 are no town's name).
                    if not (m.form == "short" and text[m.span.end:m.span.end + 1] in "镇乡村"
                            and text[m.span.end:m.span.end + 2] not in _RURAL_WORDS)
                    # "(记者 苗青禾 卫东川)": a byline names people, not places
                    and not _BYLINE.search(text, max(0, m.span.start - 30), m.span.start)]
    padded = padded_cells(text, year, home.code if home else None)
    if padded:
        facts.places = sorted(facts.places + padded, key=lambda m: m.span.start)
    weight = _home_weight(doc)
    own = {id(m) for m in site}
    site_weight = 0.1 if doc.site and _NEWSPAPER_LINE.search(doc.site) else 1
    facts.context["home"] = home_places(
        site + facts.places, lookup, lambda m: site_weight if id(m) in own else weight(m))
    facts.context["lookup_parent"] = lookup


_RURAL_WORDS = ("乡村", "乡镇", "村镇", "镇村")
_NEWSPAPER_LINE = re.compile(r"日报|晚报|劳动报|时报|都市报")
_BYLINE = re.compile(r"[(（]\s*(?:本报|本台)?(?:记者|通讯员|实习生)[^()（）\n,。]{0,30}$")


def _home_weight(doc) -> Callable[[PlaceMention], float]:
    """How much a place mention says about where the article is from: a headline's twice; a
    newspaper's in the dateline ("来源:唐山劳动日报") almost nothing: a city's paper reports on
    its counties (a county's own media centre, 寿光市融媒体中心, does count), so it only decides
    between places the body names equally often ("开州日报" over a neighbour named once)."""
    from kg.ingest.reader import masthead

    text = doc.text
    first_end = doc.sentences[0].end if doc.sentences else 0
    head_start, head_end = 0, first_end
    skip = []
    top = masthead(text)
    if top is not None:  # 遵义日报 2017年9月1日 第2版 / headline: the paper's line, then its own
        _, head_start, head_end = top
        skip.append((0, head_start))
    pos = 0
    for line in text[:doc.body_start].split("\n"):
        if pos >= first_end and _NEWSPAPER_LINE.search(line):
            skip.append((pos, pos + len(line)))
        pos += len(line) + 1

    def weight(m) -> float:
        if head_start <= m.span.start < head_end and "\n" not in text[head_start:m.span.start]:
            return 2
        if _NEIGHBOUR.match(text, m.span.end) and \
                _PARTNER_BEFORE.search(text, max(0, m.span.start - 30), m.span.start):
            # "托扎敏乡……与莫力达瓦达斡尔族自治旗相邻", "与凤城市、本溪满族自治县合作推进的": a
            # neighbour or a partner, not the home
            return 0.1
        return 0.1 if any(a <= m.span.start < b for a, b in skip) else 1
    return weight


_NEIGHBOUR = re.compile(r"(?:[、和及][\u4e00-\u9fff]{2,12}?)*(?:等地|等县|等市|等县市)?"
                        r"(?:相邻|接壤|毗邻|交界|隔江相望|隔河相望|合作|联动|协作|共建|携手|签署|签订|对接)")
_PARTNER_BEFORE = re.compile(r"[与同](?:[\u4e00-\u9fff]{2,12}?[、和及])*$")


@component("dates")
def _dates(facts: Facts) -> None:
    from kg.resolve.dates import find_dates

    facts.context["dates"] = find_dates(facts.doc.text, facts.context["reference"])


@component("officials")
def _officials(facts: Facts) -> None:
    from kg.extract.officials import extract_officials

    res = extract_officials(facts.doc, facts.places, facts.context["home"],
                            facts.context["lookup_parent"])
    facts.persons = res.persons
    # A place name inside a person's name (曾庆阳: 庆阳) is not a place mention.
    facts.places = [p for p in facts.places
                    if not any(p.span.overlaps(m.span) for m in res.persons)]
    facts.positions = res.positions
    facts.holders = res.holders


@component("rankings")
def _rankings(facts: Facts) -> None:
    from kg.extract.rankings import extract_rankings

    ref = facts.context.get("reference")
    res = extract_rankings(facts.doc, facts.places, facts.context.get("home"),
                           ref.year if ref is not None else None)
    facts.rankings = res.lists
    facts.placements = res.placements


@component("events")
def _events(facts: Facts) -> None:
    from kg.extract.events import extract_events
    from kg.resolve.holders import name_the_holders

    titles_of: dict[str, str] = {}
    for p in facts.positions:
        if p.person and p.person not in titles_of:
            titles_of[p.person] = p.title
    # Places that are part of a ranking line are not who the sentence is about.
    res = extract_events(facts.doc, facts.persons, facts.holders, facts.places,
                         facts.context["dates"], titles_of, facts.context["home"])
    facts.events = res.events
    facts.participations = name_the_holders(res.participations, facts.positions, facts.doc.text)
    facts.speeches = res.speeches


@component("statistics")
def _statistics(facts: Facts) -> None:
    from kg.extract.statistics import extract_statistics

    exclude = [p.span for p in facts.placements]
    facts.observations = extract_statistics(facts.doc, facts.places, facts.context["reference"],
                                            facts.context["home"], exclude)


DEFAULT_PIPELINE = ("reference_date", "places", "dates", "officials", "rankings", "events",
                    "statistics")


# The components that resolve (dates, reference time) rather than extract, for stage timings.
RESOLVE_COMPONENTS = frozenset({"reference_date", "dates"})


def run(doc: Document, pipeline: tuple[str, ...] = DEFAULT_PIPELINE,
        timings: dict[str, float] | None = None) -> Facts:
    """Run the components in order; ``timings`` (when given) accumulates seconds per stage
    (``extract`` or ``resolve``), which is how ``kg bench`` reports where time goes."""
    facts = Facts(doc=doc)
    if timings is None:
        for name in pipeline:
            REGISTRY[name](facts)
        return facts
    import time

    for name in pipeline:
        t = time.perf_counter()
        REGISTRY[name](facts)
        stage = "resolve" if name in RESOLVE_COMPONENTS else "extract"
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - t
    return facts
