"""Officials and their posts: "省委副书记、省长吴政隆", "市领导A、B、C", "金湖县……的9名县(市、区)委书记".

Input: the document and its place mentions. Output: person mentions (every occurrence of every
name, including "娄书记"-style references), current positions, and unnamed holders tied to a
place. The grammar is: a chain of titles (each with an optional place prefix, joined by 、),
then a name; or a generic label (市领导) and an enumeration of names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.lexicon.names import name_after_title, pick_name, surnames
from kg.lexicon.titles import REFERENCE_TITLES, TitleMatch, find_titles
from kg.model import (
    Document,
    PersonMention,
    PlaceMention,
    PlaceRef,
    Position,
    Span,
    UnnamedHolder,
    fact_order,
)

# A post someone is proposed for, removed from or used to hold is not a current position.
_NOT_CURRENT = re.compile(r"(拟任|拟提名|拟推荐|拟为|免去|辞去|不再担任|原任|原|前任|曾任|提名为|推荐为|当选为?|选举)$")
_GENERIC = re.compile(
    r"(?:(?:省|市|县|区|州|盟|旗|自治区|自治州|省市|市县|市区|县区)?(?:委|政府|四套班子|几套班子)?"
    r"(?:主要)?(?:领导同志|领导|负责同志|负责人)(?:有)?"
    # "出席会议的还有A、B", "陪同调研的有A、B": an enumeration of names follows
    r"|(?:出席|参加|列席|陪同|参会|与会)[\u4e00-\u9fff]{0,4}的(?:还有|有|是))")
_GROUP_TITLE = re.compile(
    r"(?:等|的)?(?:\d+|[一二三四五六七八九十两]+)?(?:名|位|个)?"
    r"(?:县\(?[市区、县]*\)?|市\(?[县区、]*\)?|区\(?[县市、]*\)?|县市区|县市|市县|县区)?"
    r"(?P<what>委书记|委主要负责同志|党委书记|党委主要负责同志|主要负责同志|主要负责人|长|党政主要负责同志)")
_TOWN = re.compile(r"([\u4e00-\u9fff]{2,3})$")


@dataclass
class OfficialsResult:
    persons: list[PersonMention]
    positions: list[Position]
    holders: list[UnnamedHolder]


def _place_prefix(t: TitleMatch, places: list[PlaceMention]) -> PlaceMention | None:
    """The place written right before a title (海门市委书记: 海门市 shares its 市 with 市委)."""
    for pm in places:
        if pm.span.end == t.start:
            return pm
        lv = t.level or ""
        if lv and pm.span.end == t.start + len(lv) and pm.place.name.endswith(lv) \
                and pm.span.start < t.start:
            return pm
    return None


def _town(text: str, t: TitleMatch, places: list[PlaceMention], home: dict[str, PlaceRef]) \
        -> PlaceRef | None:
    """镇/乡/街道 posts: the town written before the level word, or the town the text spoke of.

    "南通镇党委书记" names its town; "听取镇党委书记……汇报" refers to the town mentioned
    last before it ("在闽侯县南通镇, ……").
    """
    lv = t.level or "镇"
    towns = [(m.start(1), m.group(1) + m.group(2)) for m in re.finditer(
        r"(?:^|(?<=[县区市在到赴,、的和与及]))([\u4e00-\u9fff]{2})(镇|乡|街道)"
        r"(?!党委|党工委|政府|人民政府|长|人大|村)", text, re.M)]
    names = {n for _, n in towns}
    written = text[max(0, t.start - 2):t.start] + lv
    county = None
    for pm in places:
        if pm.span.end <= t.start and pm.place.level == "county":
            county = pm.place
    county = county or home.get("县") or home.get("区") or home.get("市")
    name = None
    if written in names:
        name = written
    else:
        before = [n for pos, n in towns if pos < t.start]
        if before:
            name = before[-1]
        elif any(pm.span.end == t.start - 2 for pm in places) or \
                (t.start >= 3 and text[t.start - 3] in ",、。:的在和与及"):
            name = written
    if name is None:
        return None
    return PlaceRef(code="", name=name, level="town",
                    parent_code=county.code if county else None,
                    parent_name=county.name if county else None, kind=lv)


def _implicit(t: TitleMatch, home: dict[str, PlaceRef]) -> PlaceRef | None:
    if t.level:
        return home.get(t.level)
    if t.title.startswith(("中央", "中共中央", "国务院", "国家", "全国")):
        return None
    return None


def _clause_before(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ",。;:!?\n(")
    return text[start + 1:pos]


def extract_officials(doc: Document, places: list[PlaceMention],
                      home: dict[str, PlaceRef]) -> OfficialsResult:
    text = doc.text
    titles = find_titles(text, frozenset(p.span.end for p in places))
    positions: list[Position] = []
    persons: dict[tuple[int, int], PersonMention] = {}
    known: Counter[str] = Counter()
    holders: list[UnnamedHolder] = []

    def add_person(start: int, name: str) -> None:
        persons[(start, start + len(name))] = PersonMention(Span(start, start + len(name)), name)
        known[name] += 1

    # 1. Title chains followed by names.
    chains: list[list[tuple[TitleMatch, PlaceRef | None]]] = []
    current: list[tuple[TitleMatch, PlaceRef | None]] = []
    starts: dict[int, int] = {}  # title start -> start of the title with its place prefix
    prev_end = -1
    for t in titles:
        pm = _place_prefix(t, places)
        gap_start = pm.span.start if pm else t.start
        while True:  # 成都市武侯区…: the whole run of places before the title
            outer = next((o for o in places if o.span.end == gap_start), None)
            if outer is None:
                break
            gap_start = outer.span.start
        starts[t.start] = gap_start
        gap = text[prev_end:gap_start] if prev_end >= 0 else None
        if current and gap is not None and gap in ("", "、", "兼", ",兼", "、兼"):
            pass
        elif current:
            chains.append(current)
            current = []
        if pm is not None:
            place = pm.place
        elif t.level in ("镇", "乡", "街道"):
            place = _town(text, t, places, home)
        elif current and (t.level is None or t.level == current[-1][0].level):
            place = current[-1][1]  # 市委常委、宣传部部长: same city
        elif t.level is None and not t.title.startswith(("中央", "中共", "国务院", "国家", "全国")):
            place = home.get("省") if t.organization.endswith("厅") else home.get("市")
        else:
            place = _implicit(t, home)
        current.append((t, place))
        prev_end = t.end
    if current:
        chains.append(current)

    subjects = _notice_subjects(text)
    for start, name in subjects:
        add_person(start, name)
    for chain in chains:
        last = chain[-1][0]
        first_start = chain[0][0].start
        pos = last.end
        names: list[tuple[int, str]] = []
        name = name_after_title(text, pos)
        while name:
            names.append((pos, name))
            pos += len(name)
            if text[pos:pos + 1] != "、":
                break
            nxt = pos + 1
            if any(t.start == nxt for t in titles) or any(p.span.start == nxt for p in places):
                break
            name = pick_name(text, nxt)
            if name:
                pos = nxt
        clause = _clause_before(text, starts.get(first_start, first_start))
        if not names:
            # 任前公示: "张三,男,……现任X县委副书记、县长,拟任……" - the post belongs to the
            # person the paragraph is about.
            subject = _subject_of(subjects, text, first_start)
            if subject and re.search(r"(?<![拟曾原])(现任|任)$", clause.rstrip()):
                names = [(-1, subject)]
                clause = ""
            else:
                continue
        current_post = not _NOT_CURRENT.search(clause.rstrip())
        sentence = doc.sentence_of(Span(first_start, first_start + 1))
        for start, name in names:
            if start >= 0:
                add_person(start, name)
            if not current_post:
                continue
            for t, place in chain:
                positions.append(Position(title=t.title, place=place, person=name,
                                          span=Span(t.start, t.end), evidence=sentence,
                                          organization=t.organization))

    # 2. Generic labels followed by an enumeration of names: 市领导A、B、C等.
    for m in _GENERIC.finditer(text):
        pos = m.end()
        name = pick_name(text, pos)
        while name:
            add_person(pos, name)
            pos += len(name)
            if text[pos:pos + 1] != "、":
                break
            pos += 1
            name = pick_name(text, pos)

    # 3. Unnamed holders: a list of places followed by 的N名县(市、区)委书记.
    holders.extend(_unnamed_holders(doc, places))

    # 4. Every further occurrence of a known name, and 娄书记-style references.
    names_known = sorted(known, key=len, reverse=True)
    for name in names_known:
        for m in re.finditer(re.escape(name), text):
            key = (m.start(), m.end())
            if key in persons or any(s <= m.start() < e for s, e in persons):
                continue
            if pick_name(text, m.start(), known) == name:
                add_person(m.start(), name)
    _references(text, positions, persons, known)
    person_list = sorted(persons.values(), key=fact_order)
    positions = sorted(set(positions), key=fact_order)
    return OfficialsResult(person_list, positions, holders)


_NOTICE = re.compile(r"(?m)^[ \t]*(?P<name>[\u4e00-\u9fff]{2,4}),(?:男|女)(?:,|\()")


def _notice_subjects(text: str) -> list[tuple[int, str]]:
    """Paragraphs of a personnel notice start with the person: "张三,男,汉族,……"."""
    out = []
    for m in _NOTICE.finditer(text):
        name = pick_name(text, m.start("name"))
        if name == m.group("name"):
            out.append((m.start("name"), name))
    return out


def _subject_of(subjects: list[tuple[int, str]], text: str, pos: int) -> str | None:
    par_start = text.rfind("\n", 0, pos) + 1
    for start, name in subjects:
        if par_start <= start < pos:
            return name
    return None


def _references(text: str, positions: list[Position],
                persons: dict[tuple[int, int], PersonMention], known: Counter[str]) -> None:
    """娄书记 / 王市长: a surname plus a bare title refers to the one official who fits."""
    single, compound = surnames()
    titles_of: dict[str, list[str]] = {}
    for p in positions:
        if p.person:
            titles_of.setdefault(p.person, []).append(p.title)
    alt = "|".join(sorted(REFERENCE_TITLES, key=len, reverse=True))
    for m in re.finditer(alt, text):
        ref = m.group()
        sur = text[max(0, m.start() - 2):m.start()]
        if sur not in compound:
            sur = text[max(0, m.start() - 1):m.start()]
            if sur not in single:
                continue
        start = m.start() - len(sur)
        if any(s <= start < e or s < m.end() <= e for s, e in persons):
            continue
        cands = [n for n in known if n.startswith(sur) and len(n) - len(sur) in (1, 2)]
        if not cands:
            continue
        fitting = [n for n in cands if any(t.endswith(ref) for t in titles_of.get(n, []))]
        pick = fitting if fitting else (cands if len(cands) == 1 else [])
        if len(pick) == 1:
            span = Span(start, m.end())
            persons[(span.start, span.end)] = PersonMention(span, pick[0])


def _unnamed_holders(doc: Document, places: list[PlaceMention]) -> list[UnnamedHolder]:
    text = doc.text
    out: list[UnnamedHolder] = []
    ordered = sorted(places, key=lambda p: p.span.start)
    i = 0
    while i < len(ordered):
        # Collect a run of places joined by 、 (a parent written before its child, as in
        # 南京市玄武区, belongs to the child).
        run = [ordered[i]]
        j = i + 1
        while j < len(ordered):
            gap = text[run[-1].span.end:ordered[j].span.start]
            if gap in ("、", "", "和", "及", "以及"):
                run.append(ordered[j])
                j += 1
            else:
                break
        tail = run[-1].span.end
        m = _GROUP_TITLE.match(text, tail)
        if m and (len(run) > 1 or text[tail:tail + 1] in ("的", "等")):
            what = m.group("what")
            leaves = [pm for k, pm in enumerate(run)
                      if not (k + 1 < len(run) and run[k + 1].span.start == pm.span.end)]
            for pm in leaves:
                title = _title_for(pm.place, what)
                if title:
                    out.append(UnnamedHolder(pm.span, title, pm.place))
        i = j
    return out


def _title_for(place: PlaceRef, what: str) -> str | None:
    """The post that fits a division's kind: 县委书记 for a county, 市委书记 for a city ..."""
    name = place.name
    for suffix in ("县", "市", "区", "旗", "州", "盟"):
        if name.endswith(suffix):
            lv = suffix  # 阜新蒙古族自治县: 县委书记
            break
    else:
        return None
    if what == "长":
        return f"{lv}长"
    return f"{lv}委书记"
