"""The typed facts that flow from extraction to RDF.

Every extractor returns instances of these dataclasses and nothing else; the RDF layer is the
only place that knows about IRIs and triples. Keeping facts as plain values (frozen, ordered)
makes them easy to test, to compare against gold files and to sort deterministically.

Offsets are character offsets into ``Document.text`` (the normalized, simplified text), end
exclusive, so ``doc.text[start:end]`` is always the surface form of a mention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The controlled vocabulary of participation roles (see ontology/kg.ttl, kg:Role).
ROLES = ("presided", "speech", "remarks", "attended", "led", "accompanied")
# Precedence when one person is given several roles in one event: the chair wins over the
# principal speech, which wins over remarks, and so on.
ROLE_PRECEDENCE = {r: i for i, r in enumerate(("presided", "speech", "led", "remarks",
                                                "accompanied", "attended"))}
QUALIFIERS = ("=", ">", "<", "~")

# The CSV tables kg writes: the contract with pandas/R/Stata users, and what `kg eval` scores.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "positions": ("article", "person", "title", "place", "place_code", "evidence"),
    "participations": ("article", "event", "event_date", "person", "title", "place", "role",
                       "venue", "evidence"),
    "events": ("article", "event", "date", "date_basis", "type", "organizer", "location"),
    "rankings": ("article", "list", "year", "publisher", "rank", "place", "place_code",
                 "evidence"),
    "statistics": ("article", "place", "indicator", "year", "value", "unit", "qualifier",
                   "evidence"),
    "places": ("place", "level", "parent", "code"),
}


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Document:
    """One decoded article. ``text`` is what extractors read; ``raw_text`` is what the file said."""

    id: str  # the source file's name, e.g. ``h01.txt``; unique within a build
    text: str
    raw_text: str = ""
    path: str | None = None
    title: str | None = None
    published: dt.datetime | None = None
    encoding: str = "utf-8"
    format: str = "txt"  # txt | md | html
    sha256: str = ""
    script: str = "simplified"  # simplified | traditional (what the source was written in)
    sentences: list[Span] = field(default_factory=list)
    # Where the article proper starts: after the headline, subtitles and dateline ("来源…
    # 2021-06-09"); -1 when ingest did not find a dateline (then: after the first sentence).
    headline_end: int = -1
    # Who published a web page (its 来源 or site name), when the page says: not part of the
    # text, but a hint of where an article that only says 我市 is from.
    site: str | None = None

    @property
    def body_start(self) -> int:
        if self.headline_end >= 0:
            return self.headline_end
        return self.sentences[0].end if self.sentences else 0

    def sentence_of(self, span: Span) -> Span:
        """The sentence containing ``span`` (the evidence unit of every fact).

        A span that starts in the blanks between sentences belongs to the sentence it reaches
        into; the whole text is the fallback for an article without sentences.
        """
        import bisect

        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, span.start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.sentences):
                s = self.sentences[j]
                if s.start <= span.start < s.end or (span.start < s.end and s.start < span.end):
                    return s
        if 0 <= i < len(self.sentences):
            return self.sentences[i]
        return Span(0, len(self.text))

    def snippet(self, span: Span) -> str:
        return self.text[span.start:span.end]


@dataclass(frozen=True, order=True)
class PlaceRef:
    """A resolved administrative division, as of the article's era."""

    code: str  # 6-digit division code in force at the time
    name: str  # full official name in force (海门市)
    level: str  # province | prefecture | county
    parent_code: str | None
    parent_name: str | None
    kind: str = ""  # 省, 自治区, 直辖市, 地级市, 地区, 自治州, 盟, 县, 县级市, 市辖区, 旗, 自治县 ...
    successor_code: str | None = None  # where the division was later renamed or re-levelled
    successor_name: str | None = None


@dataclass(frozen=True, order=True)
class PlaceMention:
    span: Span
    place: PlaceRef
    form: str = "full"  # full | short


@dataclass(frozen=True, order=True)
class PersonMention:
    span: Span
    name: str


@dataclass(frozen=True, order=True)
class UnnamedHolder:
    """An official named only by post and place ("A县……的县委书记")."""

    span: Span
    title: str
    place: PlaceRef


@dataclass(frozen=True, order=True)
class Position:
    """Someone holds a post: a title in an organization for a jurisdiction.

    ``person`` is None for an unnamed holder tied to one place ("A县……的县委书记").
    """

    title: str  # normalized, without place prefix: 省委副书记, 区委书记, 宣传部部长
    place: PlaceRef | None
    person: str | None
    span: Span  # the title mention
    evidence: Span  # the sentence
    organization: str = ""  # 省委, 市政府, 县人大常委会 ... (normalized, without place)


@dataclass(frozen=True, order=True)
class Event:
    key: str  # stable within the article: e1, e2 ...
    name: str
    type: str  # meeting | forum | inspection | appointment | other
    date: dt.date | None
    date_basis: str  # explicit | inferred-year | relative | publication | unknown
    span: Span
    evidence: Span
    organizer: tuple[str, ...] = ()
    theme: str | None = None
    format: str | None = None  # 电视电话会议, 视频会议 ...
    location: PlaceRef | None = None
    venues: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Participation:
    event_key: str
    role: str
    person: str | None
    title: str | None
    place: PlaceRef | None
    span: Span
    evidence: Span
    venue: str | None = None


@dataclass(frozen=True, order=True)
class Speech:
    event_key: str
    person: str
    title: str  # the speech's title, from 《》
    span: Span
    evidence: Span


@dataclass(frozen=True, order=True)
class RankingList:
    key: str
    name: str
    year: int | None
    publisher: str | None
    span: Span
    evidence: Span


@dataclass(frozen=True, order=True)
class Placement:
    list_key: str
    rank: int | None  # None: a list without ranks (先进县, 示范县 named together)
    place: PlaceRef
    span: Span
    evidence: Span


@dataclass(frozen=True, order=True)
class Observation:
    place: PlaceRef | None
    indicator: str
    year: int | None
    value: float
    unit: str
    qualifier: str
    span: Span
    evidence: Span


@dataclass
class Facts:
    """All facts extracted from one document; what the pipeline hands to the RDF mapper."""

    doc: Document
    places: list[PlaceMention] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    holders: list[UnnamedHolder] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    rankings: list[RankingList] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    # Article-level context that later components read: the reference date for relative dates,
    # the article's home province / prefecture (for 省委书记 without a place) ...
    context: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "places": len({m.place.code for m in self.places}),
            "persons": len({p.name for p in self.persons}),
            "positions": len(self.positions),
            "events": len(self.events),
            "participations": len(self.participations),
            "rankings": len(self.rankings),
            "placements": len(self.placements),
            "observations": len(self.observations),
        }


def fact_order(fact: object) -> tuple[int, int, str]:
    """A total order on facts (by position in the text, then by value) for sorted outputs.

    Dataclass ordering fails on None fields; repr() of frozen dataclasses is deterministic.
    """
    span = getattr(fact, "span", None)
    return (span.start if span else -1, span.end if span else -1, repr(fact))
