"""Officials and their posts: "省委副书记、省长X", "市领导A、B、C", "A县、B区……的2名县(区)委书记".

Input: the document and its place mentions. Output: person mentions (every occurrence of every
name, including "王书记"-style references), current positions, and unnamed holders tied to a
place. The grammar is: a chain of titles (each with an optional place prefix, joined by 、),
then a name; or a generic label (市领导) and an enumeration of names.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.places import find_places
from kg.lexicon.names import (
    NON_NAMES,
    clean_name,
    minority_name,
    minority_syllables,
    name_after_title,
    padded_name,
    pick_name,
    surnames,
)
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
_NOT_CURRENT = re.compile(r"(拟任|拟提名|拟推荐|拟为|免去|辞去|不再担任|原任|原|前任|曾任|历任|先后任|时任|提名为|推荐为|当选为?)$")
_GENERIC = re.compile(
    r"(?:(?:省|市|县|区|州|盟|旗|自治区|自治州|省市|市县|市区|县区)?(?:委|政府|四套班子|几套班子)?"
    # (not 领导班子, 领导干部, 领导小组: words, no label before names)
    r"(?:主要)?(?:领导同志|领导(?!班子|干部|小组|机构|职务|岗位|体制)|负责同志|负责人)(?:有)?"
    # "出席会议的还有A、B", "陪同调研的有A、B": an enumeration of names follows
    r"|(?:出席|参加|列席|陪同|参会|与会)[\u4e00-\u9fff]{0,4}的(?:[省市县区州]?领导(?:同志)?)?(?:还有|有|是)[:]?)")
_GROUP_TITLE = re.compile(
    r"(?:等|的)?(?:\d+|[一二三四五六七八九十两]+)?(?:名|位|个)?"
    r"(?:县\(?[市区、县]*\)?|市\(?[县区、]*\)?|区\(?[县市、]*\)?|县市区|县市|市县|县区|旗县(?:市区|区|市)?|旗区|旗|"
    # ("英德、高州、廉江三地县级党委书记": places counted, then the level of their committees)
    # ("温岭、海宁、诸暨三地市委书记": the places counted, then their committees' kind)
    r"(?<=[\d一二三四五六七八九十两])地(?:县级|[市县区旗](?=委|党委))?)?"
    # ("琼海、文昌、万宁三市市委主要负责同志": the kind, then the committee's level)
    r"(?:(?<=[\d一二三四五六七八九十两][市县区旗])[市县区旗](?=委|党委))?"
    # ("宜阳、洛宁、嵩县4县的县委书记": the kind said again after 的)
    r"(?:(?<=[)县市区旗])的(?:县\(?[市区、]*\)?|旗县|旗区|市|区|旗)?(?=[委政人党主长]))?"
    r"(?P<gov>(?:人民)?政府|行署|行政公署)?(?P<body>人大常委会|人大|政协)?"
    r"(?P<what>委书记|委的?主要负责同志|党委书记|党委的?主要负责同志|主要负责同志|主要负责人|长|党政主要负责同志)")
# What an unnamed head did, right after the title ("柯城区区长作了汇报", "……书记作交流发言")
_SPOKE = re.compile(r"(?:也|还|分别|随后)?(?:作了?(?!为|出)|汇报|发言|介绍|讲话|致辞|表态发言)")
_PARTY_AND_GOVERNMENT = re.compile(r"(?:委、[县市区旗州盟]?(?:人民)?政府|党政)主要负责(?:同志|人)")
_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)(?:至(?:\d+|[一二三四五六七八九十两]+))?[名位]$|"
                      r"(?:各[县市区乡镇旗州、]{0,4}|部分|全体|多名|若干名?)$")
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
        if lv and pm.span.start < t.start < pm.span.end <= t.office_start:
            return pm  # 察布查尔锡伯自治县委书记: the title read from 自治县 on, inside the name
    return None


# Words that make a title a group's ("各乡镇党委书记", "其他镇党委主要负责同志"): no one town.
_GROUP_WORD = re.compile(r"各|全体|所有|部分|有关|相关|其他|其余")


def _county_before(places: list[PlaceMention], pos: int) -> PlaceRef | None:
    """The county-level division named last before ``pos``: the parent of a town said there."""
    county = None
    for pm in places:
        if pm.span.end <= pos and pm.place.level == "county":
            county = pm.place
    return county


def _town(text: str, t: TitleMatch, places: list[PlaceMention], home: dict[str, PlaceRef]) \
        -> tuple[PlaceRef | None, int]:
    """镇/乡/街道 posts: the town written before the title, or the town the text spoke of.

    "五大道街道党工委书记" and "甘堡乡乡长" name their town; "听取镇党委书记……汇报" refers to the
    town mentioned last before it ("在闽侯县南通镇, ……").
    """
    lv = t.level or "镇"
    towns = [(m.start(1), m.group(1) + m.group(2)) for m in re.finditer(
        r"(?:^|(?<=[县区市旗在到赴,、的和与及\s]))([^\W\d的了是和在与]{2,3}?)(镇|乡|街道)"
        r"(?!党委|党工委|政府|人民政府|长|人大|村|干部)", text, re.M)
        if m.group(1)[-1] not in "全该本各每此我"]  # (目前全镇: the whole town, not a name)
    county = _county_before(places, t.start) or home.get("县") or home.get("区") or home.get("市")
    # The characters written right before the title, back to punctuation or a place name.
    i = t.start
    stop = {pm.span.end for pm in places}
    crossed = False
    # (a township of a nationality reaches further back: 杜拉尔鄂温克民族乡乡长)
    back = 12 if text.endswith(("民族乡", "民族镇", "民族"), 0, t.start) else 7
    while i > t.start - back and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and \
            (i not in stop or back > 7):  # (巴彦鄂温克民族乡: no 巴彦县 before the township)
        if text[i - 1] in "在的和与及了是对向把":
            # (中和镇, 和平镇: 和 inside a town's name, when the name would be too short
            # without it; "X和Y镇党委书记" otherwise)
            stem = text[i:t.start].removesuffix(lv)
            if crossed or text[i - 1] not in "和与及" or len(stem) > 1 or \
                    not ("\u4e00" <= text[i - 2:i - 1] <= "\u9fff" or stem):
                break
            crossed = True
        i -= 1
    written = text[i:t.start]
    counted = re.match(r"(?:几位|多位|数位|[一二三四五六七八九十两\d]{1,3}位|各|部分|有关|相关|全体|其他|其余)", written)
    if counted:  # "几位街道党工委书记": how many, not the town's name
        written, i = written[counted.end():], i + counted.end()
    verb = re.match(r"(?:时任|原任|现任|曾任|拟任|兼任|担任|任)(?=[\u4e00-\u9fff]{2})", written)
    if verb:  # 现任滩头镇党委书记: the town comes after the verb
        written, i = written[verb.end():], i + verb.end()
    cut = max(written.rfind(c) for c in "县区市旗")
    if cut >= 0 and not any(m.span.end == cut + 1 for m in find_places(written[:cut + 1])):
        cut = -1  # 兰旗卡伦乡: 兰旗 names no banner, the town's name runs through it
    if 0 <= cut < len(written) - 1 and not written.endswith(lv):
        written, i = written[cut + 1:], i + cut + 1  # 理县甘堡乡: the county is not the town
    elif 0 <= cut < len(written) - len(lv) - 1:
        written, i = written[cut + 1:], i + cut + 1
    kind_said = written.endswith(lv) and len(written) > len(lv)
    if kind_said:  # 甘堡乡|乡长, 高兴镇|副镇长
        written = written[:-len(lv)]
    if _GROUP_WORD.match(written):
        return None, t.start  # "各乡镇党委书记": every town's, a group and no town
    name = None
    known = [n for pos, n in towns if pos < t.start]
    if written and any(n == written + lv for _, n in towns):
        name = written + lv
    elif kind_said and len(written) == 1 and "\u4e00" <= written <= "\u9fff":
        name = written + lv  # "坎乡乡长": a town of one character, its kind said twice
    elif known and (len(written) < 2 or re.search(r"听|陪|走|来|到|看|由|向|请", written)):
        name = known[-1]
    elif 2 <= len(written) <= 6 or 2 <= len(written) <= 10 and written.endswith("民族"):
        # (孙扎齐牛录镇, 酒井哈尼族乡, 杜拉尔鄂温克民族乡)
        name = written + lv
    elif known:
        name = known[-1]
    if name is None:
        return None, t.start
    start = i if name.startswith(written) and written else t.start
    return PlaceRef(code="", name=name, level="town",
                    parent_code=county.code if county else None,
                    parent_name=county.name if county else None, kind=lv), start


def _named_before(text: str, t: TitleMatch, places: list[PlaceMention]) -> PlaceRef | None:
    """"在渝中区分会场,区委副书记、区长和晓东……": a title with only a level word belongs to the
    place of that kind named last before it in the same sentence (not to the article's home)."""
    if t.level not in ("县", "区", "市", "州", "旗"):
        return None
    sent_start = max(text.rfind(c, 0, t.start) for c in "。!?\n") + 1
    for pm in reversed(places):
        if pm.span.end > t.start or pm.span.start < sent_start:
            continue
        if re.match(r"人[,.、。]", text[pm.span.end:pm.span.end + 2]):
            continue  # "陕西宝鸡人,……现任市发改委副主任": where one was born
        if pm.place.name.endswith(t.level) and pm.place.level != "province":
            return pm.place
    # "随后,市长一行来到宽城满族自治县,察看了……。县委书记关振东……陪同": on a visit, who
    # accompanies or reports is of the place the paragraph says the visitor went to
    sent_end = min((i for i in (text.find(c, t.end) for c in "。!?\n") if i >= 0),
                   default=len(text))
    # (not 市: the city's own officials go along on its leader's visit to a county-level city)
    if t.level != "市" and re.search(r"陪同|汇报|介绍", text[t.end:sent_end]):
        para_start = text.rfind("\n", 0, t.start) + 1
        for pm in reversed(places):
            if para_start <= pm.span.start and pm.span.end <= sent_start and \
                    pm.place.name.endswith(t.level) and pm.place.level != "province" and \
                    (_VISITED.search(text, max(para_start, pm.span.start - 4), pm.span.start)
                     or text[para_start:pm.span.start].strip() == ""):  # "洱源县是……": its subject
                return pm.place
    # "澄江市委理论学习中心组举行……会议。市委书记时建新主持会议": the organ that held the
    # meeting the text reports is the one whose secretary this is (the last such before it)
    para_start = text.rfind("\n", 0, t.start) + 1
    for pm in reversed(places):
        if pm.span.end <= sent_start and pm.place.name.endswith(t.level) and \
                pm.place.level != "province" and (
                    _ORGAN_HELD.match(text, pm.span.end)
                    # "前天,昆山市召开……动员大会。市委书记江一帆主持": the place convened it
                    # (in its paragraph; not "在北流市举行", where it was held)
                    or (pm.span.start >= para_start and text.startswith("召开", pm.span.end)
                        and text[pm.span.start - 1:pm.span.start] != "在")):
            return pm.place
    return None


# The visit to a place a paragraph starts from: "在平泉县,", "一行来到", "深入"
_VISITED = re.compile(r"(?:^|[,。])在$|(?:来到|深入|走进|前往|赴)$|(?<![做达得收感看听想遇提办直])到$")

# A place's organ that held a meeting: 澄江市委理论学习中心组举行, 公主岭市第十八届人民代表大会
# 第二次会议……举行, 县委召开
_ORGAN_HELD = re.compile(r"(?:委(?!员)|人民政府|政府|人大常委会|政协|第[一二三四五六七八九十\d]{1,3}届)"
                         r"[^,。;!?\n]{0,24}?(?:召开|举行|举办)")


def _implicit(t: TitleMatch, home: dict[str, PlaceRef]) -> PlaceRef | None:
    if t.level:
        return home.get(t.level)
    if t.title.startswith(("中央", "中共中央", "国务院", "国家", "全国")):
        return None
    return None


def _home_taken(text: str, chains: list, implicit: set[int], places: list[PlaceMention],
                parent_of) -> list:
    """Bare titles ("省委常委、市委书记A到章丘市调研") read as the home place's, when the text
    names that very post with its place and another holder ("章丘市委书记B"): the home place
    is where A went, and A's 市 is the city above it (济南市). Every bare title of that level
    word is moved up, with the titles chained to it."""
    if parent_of is None or not implicit:
        return chains
    def holder(t) -> str | None:  # the name written right after the title, if any
        return name_after_title(text, t.end)

    def past(t) -> bool:  # "时任市长关树森": who held it then, not now
        return re.search(r"(?:时任|原任|曾任|前任|历任)[\u4e00-\u9fff、]{0,12}$",
                         text[max(0, t.start - 16):t.start]) is not None

    explicit = {(t.title, pl.code): holder(t) for chain in chains
                for t, pl in chain if t.start not in implicit and pl is not None and holder(t)
                and not past(t)}
    moved: dict[str, tuple[PlaceRef, PlaceRef]] = {}  # level word -> (home, the city above)
    for chain in chains:
        for t, pl in chain:
            if t.start not in implicit or pl is None or not t.level or t.level in moved:
                continue
            other = explicit.get((t.title, pl.code))
            if other is None or holder(t) is None or other == holder(t):
                continue  # not written for another holder (or for the same name)
            up = parent_of(pl)
            if up is not None and up.name.endswith(t.level) and up.level != "province":
                moved[t.level] = (pl, up)
    if not moved:
        return chains
    out = []
    for chain in chains:
        new = []
        for t, pl in chain:
            for old, up in moved.values():
                if t.start in implicit and pl == old:
                    pl = up
            new.append((t, pl))
        out.append(new)
    return out


_SESSION_ROLE = re.compile(r"、(?:(?:大会)?主席团(?:常务)?主席|大会执行主席|大会秘书长|"
                           # (an ad hoc headquarters' role, no post: "副市长、市防汛抗旱指挥部
                           # 常务副总指挥华志强")
                           r"(?:[省市县区旗])?[\u4e00-\u9fff]{2,14}?(?:指挥部|领导小组)(?:常务)?副?(?:总指挥|指挥长|组长))"
                           r"(?=[\u4e00-\u9fff]{2,4})")


def _clause_before(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ",。;:!?\n(")
    return text[start + 1:pos]


def _name_over(text: str, i: int, place: PlaceMention, known) -> bool:
    """Whether the next name of a run starts with a place's name ("副主任上官红、海东升、司马晓光":
    海东升, not 海东市): a name read there runs past the place and ends where a run's name
    ends (、 , or what the run's members did)."""
    name = name_after_title(text, i, known)
    if not name or i + len(name) <= place.span.end:
        return False
    return text[i + len(name):i + len(name) + 1] in ("、", ",") or \
        text.startswith(("出席", "列席", "参加", "陪同", "等"), i + len(name))


def _outside_names(places: list[PlaceMention], persons) -> list[PlaceMention]:
    """The place mentions not inside a name already read (海永昌 names no 永昌县); ``persons``
    is keyed by the names' (start, end)."""
    return [p for p in places if not any(a <= p.span.start < b for a, b in persons)]


def _two_secretaries(before: tuple[TitleMatch, PlaceRef | None], t: TitleMatch,
                     place: PlaceRef) -> bool:
    """Whether ``t`` of ``place`` and the title before it are the party secretaries of two
    places of one level: two officials, not one with two posts."""
    bt, bplace = before
    return bool(bplace is not None and bplace.code and place.code and bplace.code != place.code
                and bplace.level == place.level
                and bt.title.endswith("委书记") and t.title.endswith("委书记")
                and "副" not in bt.title + t.title)


def extract_officials(doc: Document, places: list[PlaceMention],
                      home: dict[str, PlaceRef], parent_of=None) -> OfficialsResult:
    """``parent_of(ref)``: the division above ``ref`` (kg.pipeline's lookup), used when a bare
    title cannot mean the article's home place (see :func:`_home_taken`)."""
    text = doc.text
    titles = find_titles(text, frozenset(p.span.end for p in places),
                         frozenset((p.span.start, p.span.end) for p in places))
    # "大会主席团常务主席": a role in the session, not a post (and not 大会主席)
    titles = [t for t in titles if not text.startswith("团", t.end)]
    positions: list[Position] = []
    persons: dict[tuple[int, int], PersonMention] = {}
    known: Counter[str] = Counter()
    holders: list[UnnamedHolder] = []

    def add_person(start: int, name: str) -> None:
        # (a padded name, "李  梅": its span as written, its name without the padding)
        persons[(start, start + len(name))] = PersonMention(Span(start, start + len(name)),
                                                            clean_name(name))
        known[clean_name(name)] += 1

    # 1. Title chains followed by names.
    chains: list[list[tuple[TitleMatch, PlaceRef | None]]] = []
    current: list[tuple[TitleMatch, PlaceRef | None]] = []
    starts: dict[int, int] = {}  # title start -> start of the title with its place prefix
    implicit: set[int] = set()  # titles whose place is the article's home, not written
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
        # (a space after a half-width comma is layout: "固始县委副书记, 县长舒长河")
        gap = re.sub(r"(?<=,)[ \t]+", "", text[prev_end:gap_start]) if prev_end >= 0 else None
        if gap and t.level and re.fullmatch(r"[、,](?:自治)?" + t.level + r"(?:(?:人民)?政府)?", gap):
            gap = gap[0]  # "县委副书记、县人民政府县长": the same county's government
        if current and gap == "、" and pm is not None and _two_secretaries(current[-1], t, pm.place):
            chains.append(current)  # "凉州区委书记、敦煌市委书记海永昌": no one leads two counties
            current = []
        elif current and gap is not None and gap in ("", "、", "兼", ",兼", "、兼", ","):
            pass
        elif current and gap in ("和", "及", "以及") and pm is not None and \
                starts[current[-1][0].start] < current[-1][0].start:
            pass  # "威海市市长和兰陵县县长": posts of two places, both written out
        elif current:
            chains.append(current)
            current = []
        if pm is not None:
            place = pm.place
        elif current and t.level in ("镇", "乡", "街道") and current[-1][0].level == t.level \
                and current[-1][1] is not None:
            place = current[-1][1]  # 司门前镇党委副书记、镇长: the same town
        elif t.level in ("镇", "乡", "街道"):
            place, town_start = _town(text, t, places, home)
            gap_start = town_start
            while True:  # 理县甘堡乡乡长: the county written before the town
                outer = next((o for o in places if o.span.end == gap_start), None)
                if outer is None:
                    break
                gap_start = outer.span.start
            starts[t.start] = gap_start
        elif current and (t.level is None or t.level == current[-1][0].level):
            place = current[-1][1]  # 市委常委、宣传部部长: same city
            before = current[-1][0]
            if t.title in ("常委", "副书记", "书记") and not t.organization and \
                    before.organization.endswith("委"):
                # 盟委委员、常委、书记: the offices of the committee just named
                t = dataclasses.replace(t, title=before.organization + t.title,
                                        organization=before.organization, level=before.level,
                                        lead=True)
        elif chains and t.level is not None and chains[-1][-1][0].level == t.level and \
                re.fullmatch(r"[\u4e00-\u9fff]{2,4}[、,]", text[chains[-1][-1][0].end:gap_start]):
            place = chains[-1][-1][1]  # 新华区委书记吕建明、区长谭丽萍: the same district
        elif t.level is None and not t.title.startswith(("中央", "中共", "国务院", "国家", "全国")):
            place = home.get("省") if t.organization.endswith("厅") else home.get("市")
        else:
            place = _named_before(text, t, places)
            if place is None:
                place = _implicit(t, home)
                implicit.add(t.start)
        if current and current[-1][0].start in implicit and place == current[-1][1]:
            implicit.add(t.start)  # 市委常委、秘书长: as bare as the title it follows
        current.append((t, place))
        prev_end = t.end
    if current:
        chains.append(current)
    chains = _home_taken(text, chains, implicit, places, parent_of)

    subjects = _notice_subjects(text)
    for start, name in subjects:
        add_person(start, name)
    rows = _table_rows(text)
    for start, name in _comrades(text):
        add_person(start, name)
    for start, name in _other_heads(text, places):
        add_person(start, name)
    for ci, chain in enumerate(chains):
        last = chain[-1][0]
        first_start = chain[0][0].start
        # "州委常委、延吉市委书记、大会主席团常务主席崔光洙": the session role before the name
        role = _SESSION_ROLE.match(text, last.end)
        name_at = role.end() if role else last.end
        gap = re.match(r"[ \u3000\xa0]{1,2}(?=[\u4e00-\u9fff])", text[name_at:name_at + 3])
        if gap:  # "**神木市委书记 贾文杰:**": a speaker's title and name set apart by a space
            named = name_after_title(text, name_at + gap.end())
            if named and text[name_at + gap.end() + len(named):][:1] in ("：", ":", ",", "，", "。",
                                                                         " ", "\u3000", "\n", "(",
                                                                         "（", "*", ""):
                name_at += gap.end()
        # "A、副市长B": a title or a place after 、 starts the next chain, not another name.
        names = _name_list(text, name_at, lambda t, i: name_after_title(t, i, known),
                           stop=lambda nxt: any(t.start == nxt for t in titles) or
                           any(p.span.start == nxt and not _name_over(text, nxt, p, known)
                               for p in places))
        # "……副主任和兰考县监察委员会主任": no name runs into a place named there
        # (but "副省长王耀南通报了": the verb after the name, not 南通, is what runs on)
        names = [(st, nm) for st, nm in names
                 if not any(st < p.span.start < st + len(nm) < p.span.end
                            and not _verb_after(text, st + len(nm), p.span.end) for p in places)
                 and not _conjoined_place(text, st, nm)]
        clause = _clause_before(text, starts.get(first_start, first_start))
        if text.startswith(("候选人", "人选", "职务"), last.end):
            continue  # 提名为县长候选人; 免去……副市长职务
        paren = starts.get(first_start, first_start) - 1
        if not names and paren > 0 and text[paren] == "(" and text.startswith(")", last.end):
            # "令狐建军(省委常委、常务副省长)参加调研": the name, then its posts in brackets
            dotted = re.search(r"(?:^|(?<=[、,;:。\s]))[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}$",
                               text[max(0, paren - 17):paren])
            if dotted:  # "阿依古丽·买买提(昌吉市委书记)": the whole transcribed name
                names = [(paren - len(dotted.group()), dotted.group())]
            for n in (4, 3, 2) if not names else ():
                if paren - n >= 0 and pick_name(text, paren - n) == text[paren - n:paren]:
                    names = [(paren - n, text[paren - n:paren])]
                    break
        if not names and re.search(r"[,,]现任$", text[max(0, paren - 3):paren + 1]) and \
                text.startswith((")", ",", "。"), last.end):
            # "燕志和(时任临泽县委书记,现任张掖市委常委、常务副市长)": today's posts of the
            # name before the bracket (the 时任 one is the past)
            open_at = text.rfind("(", max(0, paren - 40), paren)
            if open_at > 0 and ")" not in text[open_at:paren]:
                end = open_at - (2 if text[open_at - 2:open_at] == "**" else 0)
                for n in (4, 3, 2):  # (read as if the bracket followed: "**燕志和**(")
                    if end - n >= 0 and pick_name(text[end - n:end] + "(", 0) == text[end - n:end]:
                        names = [(end - n, text[end - n:end])]
                        break
        if not names and text.startswith("的", last.end) and \
                re.search(r"(?:担任|现任|如今是|现为|已是|时任)$", clause):
            # "如今担任瓦房店市委书记的诸葛明远回忆说": the post, then its holder ("由时任林芝
            # 市委副书记、市长的杨晓峰主持": who held it then)
            holder = name_after_title(text, last.end + 1, known)
            if holder:
                names = [(last.end + 1, holder)]
        said_is = re.fullmatch(r"\s*(?P<n>[\u4e00-\u9fff·]{2,8})(?:现在|如今|目前|现)?是", clause)
        if not names and said_is and text[last.end:last.end + 1] in (",", "。", ";") and \
                (pick_name(said_is.group("n"), 0) or "") == said_is.group("n"):
            # "余庆丰是宁国市委书记,他……": the subject, then the post it holds
            names = [(starts.get(first_start, first_start) - len(clause) + said_is.start("n"),
                      said_is.group("n"))]
        tail = _joined_end(text, chains, ci)
        did = re.match(r"(?P<group>[和及、][^,。;:]{2,24}?主要负责(?:同志|人))?"  # (and a group)
                       r"(?:等)?(?:也)?(?:先后|分别|依次|相继|也)?(?:在[\u4e00-\u9fff]{0,8}会场)?"
                       # ("蓟州区区长代表区委、区政府汇报了", "阳高县委书记向他汇报")
                       r"(?:代表[\u4e00-\u9fff、]{2,14}?(?=汇报|作汇报|发言|作了?(?:交流|表态)?发言)|向[他她]|"
                       # ("韶山市委书记围绕红色资源保护作了发言", "分别结合……的实际,交流了")
                       r"(?:围绕|结合|就|聚焦)[^。;:]{2,40}?(?=作了?(?:交流|表态|典型)?发言|交流了))?"
                       r"(?:列席|出席|参加|陪同|上台|登台|作了?(?:交流|表态|典型|补充)?发言|交流发言|"
                       r"表态发言|补充发言|发言|交流了|作了?汇报|汇报)", text[tail:tail + 72])
        # "- 西宁市湟中区委书记:讲……": a list item that opens with a post and a colon, a speaker
        # named only by post
        label = not names and not did and re.match(r"\s*:", text[tail:tail + 3]) and re.fullmatch(
            r"[ \t\u3000]*(?:[-*•·]|\d{1,2}[.、)]|[(]\d{1,2}[)])[ \t\u3000]*",
            text[text.rfind("\n", 0, first_start) + 1:starts.get(first_start, first_start)])
        if not names and (did or label) \
                and (not did or did.group("group") is None
                     or starts.get(first_start, first_start) < first_start
                     or first_start not in implicit) \
                and all(pl is not None and (pl.code or pl.level == "town") for _, pl in chain) \
                and not any(t.title.endswith(("常委", "委员")) for t, _ in chain) \
                and not any("工委" in t.title and pl.level != "town" for t, pl in chain) \
                and not _COUNTED.search(text, max(0, first_start - 8), first_start):
            # (nor "每期安排4至5名县委书记交流发言": a number of them, none in particular)
            # (but "市委常委出席" is the committee's members, a group: no one official)
            # "县人民法院院长、县人民检察院检察长列席": officials named only by post and place
            for t, pl in chain:
                # a town is no place mention: its name belongs to the holder's span (城桥镇党委
                # 书记A和陈家镇党委书记作交流发言: A and the town's secretary are one list)
                first = starts.get(t.start, t.start) if pl.level == "town" else t.start
                holders.append(UnnamedHolder(Span(first, t.end), t.title, pl))
                for q in _listed_before(text, _outside_names(places, persons), t, pl):
                    # "禅城区、南海区、三水区政协主席列席": each place's holder of the post
                    title = t.title
                    if title[:1] in "市县区旗" and q.place.name[-1:] in "市县区旗":
                        title = q.place.name[-1] + title[1:]  # 江川区、澄江市政协主席
                    holders.append(UnnamedHolder(Span(q.span.start, q.span.end), title, q.place))
            continue
        row = next((r for r in rows if r.current[0] <= first_start < r.current[1]), None)
        if not names and row is not None:
            # | 端木晓峰 | 男 | … | 成县县委副书记、县长 | 成县县委书记 |: the current post's
            names, clause = [(row.name_start, row.name)], ""
        if not names:
            # 任前公示: "张三,男,……现任X县委副书记、县长,拟任……" - the post belongs to the
            # person the paragraph is about.
            subject = _subject_of(subjects, text, first_start)
            appointed = _appointed(text, starts.get(first_start, first_start) - len(clause),
                                   clause, known)
            lead_in = text[max(0, starts.get(first_start, first_start) - 14):
                           starts.get(first_start, first_start)]
            par_end = text.find("\n", last.end)
            if subject and (re.search(r"(?<![拟曾原前时历])(?<!先后)(现任|任)(?:[\u4e00-\u9fff]{1,6}?[县区市旗])?$",
                                      clause.rstrip())
                            or re.search(r"(?<![拟])现任(?:职务)?[:]\s*$", lead_in)) \
                    and not (re.search(r"起任$", clause.rstrip())
                             and "现任" in text[last.end:par_end if par_end >= 0 else len(text)]):
                # ("2019年9月起任X县委副书记、县长,现任X县委书记": the post before this one)
                names = [(-1, subject)]
                clause = ""
            elif appointed:
                # 任命华振东为开封市人民政府副市长; 曾宏伟当选为普陀区人民政府区长;
                # 刘光辉、海来阿牛、时雨当选为副县长
                names = [(-1, nm) for _, nm in appointed]
                for st, nm in appointed:
                    add_person(st, nm)
                clause = ""
            else:
                continue
        # "拟提名县商务局局长石磊为县人民政府副县长人选": the post before the name is the one held
        nominee = len(names) == 1 and names[0][0] >= 0 and \
            text.startswith("为", names[0][0] + len(names[0][1])) and \
            bool(re.search(r"(?:提名|推荐|任命)$", clause.rstrip()))
        current_post = (nominee or not _NOT_CURRENT.search(clause.rstrip())) and not (
            # "时任普兰店市委书记A、瓦房店市委书记B": 时任 holds for the whole enumeration
            re.match(r"\s*(?:时任|原任|曾任|前任)", clause) and clause.rstrip().endswith("、"))
        sentence = doc.sentence_of(Span(first_start, first_start + 1))
        for start, name in names:
            if start >= 0:
                add_person(start, name)
            if not current_post:
                continue
            for t, place in chain:
                positions.append(Position(title=t.title, place=place, person=clean_name(name),
                                          span=Span(t.start, t.end), evidence=sentence,
                                          organization=t.organization))

    # 1b. A bare deputy title after its organ's head in the same sentence: "市人大常委会主任A
    #     主持,副主任B、C出席" - B and C are 市人大常委会副主任.
    for m in _BARE_DEPUTY.finditer(text):
        if any(t.start <= m.start() < t.end for t in titles):
            continue
        sent = doc.sentence_of(Span(m.start(), m.end()))
        par_start = text.rfind("\n", 0, m.start()) + 1
        head = [(t, pl) for chain in chains for t, pl in chain
                if par_start <= t.start < m.start() and t.title.endswith(m.group("head"))
                and t.organization.endswith(("人大常委会", "政协", "纪委", "监委"))]
        if not head:
            continue
        t0, place = head[-1]
        title = t0.organization + m.group("dep") + m.group("head")
        if text[m.start() - 1] == "为":
            # "A当选为市人大常委会主任,B、C当选为副主任": the names come before the verb
            clause_start = max(text.rfind(c, 0, m.start()) for c in ",。;:!?\n") + 1
            named = _appointed(text, clause_start, text[clause_start:m.start()], known)
        else:
            named = _name_list(text, m.end(), name_after_title)
        for start, name in named:
            add_person(start, name)
            positions.append(Position(title=title, place=place, person=clean_name(name),
                                      span=Span(m.start(), m.end()), evidence=sent,
                                      organization=t0.organization))

    # 2. Generic labels followed by an enumeration of names: 市领导A、B、C等.
    place_starts = {p.span.start for p in places}
    for m in _GENERIC.finditer(text):
        if _and_a_place(text, m.end(), place_starts):
            continue  # "……主要负责同志和宜都市委书记A": "and" a place's official, not 和宜
        # (市领导额尔德木图、高娃: a Mongolian name without a surname leads the list too)
        for start, name in _name_list(text, m.end(), _listed_first):
            add_person(start, name)

    # 2b. Names listed before a generic label: "陶金、孔令军、余晓梅等市领导出席".
    for m in _BEFORE_LABEL.finditer(text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in ",。;:!?\n") + 1
        tokens = text[clause_start:m.start()].split("、")
        pos = clause_start
        found = []
        for tok in tokens:
            if pick_name(text, pos) == tok or (tok in known and len(tok) <= 4):
                found.append((pos, tok))
            else:
                found = []
            pos += len(tok) + 1
        for start, name in found:
            add_person(start, name)

    # 2c. People named after a non-government title (a professor, a centre's director): they
    #     take part in events but hold no post in the graph.
    for m in _OTHER_TITLE.finditer(text):
        if text.startswith(("和", "与", "及", "等"), m.end()):
            continue  # "侨商代表和专家学者": the title word ends a list of groups, not a name
        for pos, name in _name_list(text, m.end(), name_after_title):
            if any(p.span.start <= pos < p.span.end for p in places):
                break  # "代表毕节市委汇报": on behalf of a place's organ, not a deputy's name
            if not any(s <= pos < e for s, e in persons):
                add_person(pos, name)  # 政协委员A、B、C先后发言: every member named

    # 2d. Names before a bare title (刘淇书记, 逯军副局长): persons, without a post (the
    #     organ is not said).
    taken = [(p.span.start, p.span.end) for p in places] + [(t.start, t.end) for t in titles]
    for m in _NAME_THEN_TITLE.finditer(text):
        for n in (3, 2):
            start = m.start() - n
            if start < 0 or (start > 0 and text[start - 1] not in _BEFORE_NAME):
                continue
            cand = text[start:m.start()]
            if any(s < m.start() and start < e for s, e in taken) or \
                    any(s <= start < e for s, e in persons):
                continue
            if cand in surnames()[1]:
                continue  # 司马书记: a compound surname alone refers to someone (see 4.)
            if pick_name(text + "\n", start, known) == cand or \
                    (cand[0] in surnames()[0] and cand not in NON_NAMES and _is_cjk(cand)
                     and not any(c in "的了在是和与及等对向为从被把将市县区省委" for c in cand[1:])):
                add_person(start, cand)
                break

    # 3. Unnamed holders: a list of places followed by 的N名县(市、区)委书记.
    # (not a place inside a name: 海永昌、榆中县委书记 names no 永昌县)
    holders.extend(_unnamed_holders(doc, _outside_names(places, persons)))

    # 4. Every further occurrence of a known name, and 王书记-style references.
    names_known = sorted(known, key=len, reverse=True)
    for name in names_known:
        # str.find, not a pattern per name: the names differ in every article, so each
        # re.finditer(re.escape(name)) compiled a pattern anew (a tenth of the extraction)
        for start in _occurrences(text, name):
            end = start + len(name)
            if (start, end) in persons or any(s <= start < e for s, e in persons):
                continue
            at_clause_start = start == 0 or text[start - 1] in ",。;:!?、\n “\"("
            if (len(name) >= 3 and not _extends_name(text, start, end)) or \
                    pick_name(text, start, known) == name or \
                    (at_clause_start and name + text[end:end + 1] not in known):
                add_person(start, name)  # 张伟又到高新区: a known name opens the clause
    _references(text, positions, persons, known, places)
    _pronouns(doc, persons)
    person_list = sorted(persons.values(), key=fact_order)
    # 代县长 X 当选为县长: once the full post is theirs, the acting one is over.
    full = {(p.person, p.title, p.place) for p in positions}
    positions = [p for p in positions
                 if not (p.person and p.title.startswith("代")
                         and (p.person, p.title[1:], p.place) in full)]
    # "兴安盟盟委委员、常委、书记": the member of the committee who sits on its standing
    # committee or leads it holds those posts; 委员 alone is a post only without them, and 常委
    # only without a 书记 or 副书记 of the same committee (who always sits on it).
    ranked = {(p.person, p.organization, p.place) for p in positions
              if p.title.endswith(("常委", "书记"))}
    leads = {(p.person, p.organization, p.place) for p in positions if p.title.endswith("书记")}
    positions = [p for p in positions
                 if not (p.title.endswith("委员") and (p.person, p.organization, p.place) in ranked)
                 and not (p.title.endswith("常委") and p.organization.endswith("委")
                          and (p.person, p.organization, p.place) in leads)]
    positions = [p for p in positions if not _told_of_the_past(doc, p.evidence)
                 and not _no_longer_held(text, p)]
    positions = sorted(set(positions), key=fact_order)
    return OfficialsResult(person_list, positions, holders)


# A story that looks back: its narrative sentences tell posts held then, not now.
_LOOKING_BACK = re.compile(r"时任|回访|回望|回眸|回顾|如今|已经退休|年前的")
_THEN = re.compile(r"(?:那一天|那天|那年|当年|当时|彼时)[,]?|((?:19|20)\d\d)年(?:\d{1,2}月)?(?:\d{1,2}日)?[,]")


def _told_of_the_past(doc: Document, sentence: Span) -> bool:
    """"那一天,东乌珠穆沁旗旗长敖登格日勒……汇报" in a 2018 look back at 2008: a sentence that
    opens on a time years before the publication, in a story that says it looks back."""
    if doc.published is None or not _LOOKING_BACK.search(doc.text):
        return False
    m = _THEN.match(doc.text, sentence.start)
    if m is None or re.search(r"如今|现任|现为|已是|目前", doc.text[sentence.start:sentence.end]):
        return False  # "当年汇报的A,如今已是盟长": the post of now
    return m.group(1) is None or int(m.group(1)) <= doc.published.year - 2


_BEFORE_LABEL = re.compile(r"等(?:省|市|县|区|州|盟|旗)?(?:委)?(?:领导|领导同志|负责同志)")
_OTHER_TITLE = re.compile(r"(?:中心主任|中心副主任|研究员|教授|院士|董事长|总经理|总裁|专家|学者|"
                          r"主席团常务主席|执行主席|常务主席|"
                          r"主任医师|党支部书记|村委会主任|社区主任|负责人|政协委员|人大代表|代表|组成员|(?<![\u4e00-\u9fff])"
                          r"(?:副局长|局长|副处长|处长|会长|副会长|校长|副校长|大队长|队长|主任委员|"
                          r"副主任|主任|副主席|主席|副部长|部长|委员|律师))")
# A name written before a bare title: "刘淇书记批示", "逯军副局长", "温家宝总理表示".
_NAME_THEN_TITLE = re.compile(r"(?:常务)?副?(?:书记|总理|委员长|主席|省长|市长|县长|区长|局长|部长|"
                              r"主任|厅长|州长|盟长|旗长)")
_BEFORE_NAME = set(",、。;:!?()“”《》\"' \n到由和与及的对向称为是在请被让")
_BARE_DEPUTY = re.compile(r"(?:(?<=[,、;:。])|(?<=当选为)|(?<=[选任]为))(?P<dep>常务副|副)(?P<head>主任|主席)")
# A post held before (此前任, 原来担任): not what a clause ending in 任/为 gives now.
_BEFORE_NOW = re.compile(r"(?:此前|之前|以前|先前|曾经|原来|一度|当时)$")
_APPOINTED_VERB = re.compile(r"(?:同志)?(?:当选为|当选|现任|担任|出任|(?:如今|现在|目前|现)?已(?:经)?是|现在是|如今是|目前是|现为|成为|"
                             r"已任|已经担任|调任|转任|升任|改任|为|任)"
                             r"(?:中共|中国共产党)?(?:[省市县区州])?$")


def _joined_end(text: str, chains: list, k: int) -> int:
    """Where a run of posts joined by 、 和 及 ends, from chain ``k`` on ("朝阳区区长、房山区区长和
    延庆县县长先后在分会场作表态发言": the role after the last is each one's)."""
    end = chains[k][-1][0].end
    for nxt in chains[k + 1:]:
        gap = text[end:nxt[0][0].start]
        # ("凉州区委书记、敦煌市委书记海永昌、榆中县委书记作交流发言": a name in the run)
        if not re.fullmatch(r"(?:[\u4e00-\u9fff]{2,4}(?=、))?[、和及][\u4e00-\u9fff]{0,12}", gap):
            break
        end = nxt[-1][0].end
    return end


def _listed_before(text: str, places: list[PlaceMention], t: TitleMatch, place) -> list:
    """The places enumerated (A、B和C) before the place a title is written after, of the same
    kind of unit: the other holders of that post the sentence names."""
    own = next((p for p in places if p.place == place and t.start - 1 <= p.span.end <= t.start + 1
                and p.span.start < t.start), None)
    if own is None:
        return []
    ends = {p.span.end: p for p in places}
    out = []
    start = own.span.start
    while start > 0 and text[start - 1] in "、和及" and ends.get(start - 1) is not None:
        q = ends[start - 1]
        if q.place.level != own.place.level:
            break
        out.insert(0, q)
        start = q.span.start
    return out


def _appointed(text: str, clause_start: int, clause: str, known) -> list[tuple[int, str]]:
    """The people a clause ending in 当选为/任/为 makes holders of the post that follows: the
    name right before the verb, as the name reader reads it there (代县长安立华当选为: 安立华, not
    长安立华), and the names joined to it by 、 before it (刘光辉、海来阿牛、时雨当选为)."""
    verb = _APPOINTED_VERB.search(clause)
    if verb is None:
        return []
    at = verb.start()
    elected = re.search(r"被?(?:补选|选举|任命|推选|增补)$", clause[:at])
    if elected:  # "单晓华、和建平被补选为县人民政府副县长": the names end before 被补选
        at = elected.start()
    if _BEFORE_NOW.search(clause, 0, at):
        return []  # "杨海林此前任省发改委副主任": a post held before, not the one being given
    if clause[:at].endswith("拟") or re.search(r"拟(?:任命|提名|推荐)", clause[:at]):
        # "向阳同志拟任市委组织部副部长": proposed, not given (and no name 同志拟); so is
        # "拟任命水务局副局长高峰为水务局局长"
        return []
    if clause[:at].endswith("其"):
        # "决定任命解晓东为副区长,并决定其为代理区长": 其 is the one just named
        sent_start = max(text.rfind(c, 0, clause_start) for c in "。!?\n") + 1
        before = text[sent_start:clause_start]
        named = [(before.rfind(n), n) for n in known if n in before]
        if named:
            pos, name = max(named)
            return [(sent_start + pos, name)]
        return []
    if re.fullmatch(r"(?:如今|现在|目前|眼下)?", clause[:at]) and clause_start > 0 and \
            text[clause_start - 1] == ",":
        # "当年汇报的宝音德力格尔,如今已是盟长": the name ends the clause before
        prev = max(text.rfind(c, 0, clause_start - 1) for c in ",。;:!?\n") + 1
        moved = re.match(r"(?P<n>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:已|现|如今|目前|又|则|也)?"
                         r"(?:调任|转任|调到|调往|调至|交流到)", text[prev:clause_start])
        if moved and (moved.group("n") in known or
                      pick_name(moved.group("n") + ",", 0) == moved.group("n")):
            # "马玉兰已调任商丘市民权县,担任县委副书记": the one who moved, not the place
            return [(prev, moved.group("n"))]
        clause_start, clause = prev, text[prev:clause_start - 1]
        at = len(clause)
    out: list[tuple[int, str]] = []
    end = at
    while end > 0 and clause[end - 1] in " \t\u3000":
        end -= 1  # "任命 **江永** 为": a name set in bold, spaced off in the Markdown
    while end > 0:
        got = _name_ending_at(text, clause_start, clause, end, known)
        if got is None:
            break
        out.insert(0, (clause_start + got[0], got[1]))
        if got[0] == 0 or clause[got[0] - 1] != "、":
            break
        end = got[0] - 1
    return out


def _syllables(s: str) -> int:
    """How many Tibetan or Mongolian name syllables ``s`` is made of exactly (0: it is not)."""
    syl = minority_syllables()
    count, pos = 0, 0
    while pos < len(s):
        step = next((n for n in (4, 3, 2) if s[pos:pos + n] in syl), 0)
        if not step:
            return 0
        pos, count = pos + step, count + 1
    return count


def _name_ending_at(text: str, clause_start: int, clause: str, end: int, known
                    ) -> tuple[int, str] | None:
    compound = surnames()[1]
    dotted = re.search(r"[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}$", clause[:end])
    if dotted:  # 任命买买提·吐尔逊为: a transcribed name
        named = [k for k in known if "·" in k and dotted.group().endswith(k)]
        if named:  # "如今古丽娜尔·阿不都拉现任": the name met before, not 如今古丽娜尔
            k = max(named, key=len)
            return dotted.end() - len(k), k
        return dotted.start(), dotted.group()
    for n in (7, 6, 5, 4, 3):  # 任命娜仁高娃为, 苏和巴特尔同志任: names without a surname
        start = end - n
        k = _syllables(clause[start:end]) if start >= 0 else 0
        if (k >= 2 or k == 1 and n >= 3) and \
                not (start >= 2 and _syllables(clause[start - 2:start]) == 1):
            return start, clause[start:end]
    for n in (4, 3, 2):
        start = end - n
        if start < 0 or (n == 4 and clause[start:start + 2] not in compound):
            continue
        if n == 3 and start >= 1 and clause[start - 1:start + 1] in compound:
            continue  # 上官晓燕: not 官晓燕
        cand = clause[start:end]
        if pick_name(text, clause_start + start, known) == cand:
            return start, cand
        if n == 3 and cand[-1] in "和与" and cand[0] in surnames()[0] and \
                text[clause_start + end:clause_start + end + 1] in ("为", "任") and \
                "\u4e00" <= cand[1] <= "\u9fff":
            return start, cand  # "任命曾庆和为副州长": the name ends in 和 right before the verb
    return None


_NOTICE = re.compile(r"(?m)(?:^|(?<=[。:]))[ \t]*(?:(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、]\s*)?(?P<name>[\u4e00-\u9fff·]{2,12})"
                     r"(?:, ?(?:男|女) ?(?:,|\()|\((?:男|女)\),)|"
                     r"[一二三四五六七八九十\d]{1,3}[、.][ \t]*(?P<name2>[\u4e00-\u9fff]{2,4})[ \t]*$)")


def _dotted_name(text: str, pos: int) -> str | None:
    m = re.match(r"[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}", text[pos:pos + 17])
    return name_after_title(text, pos) if m else None


def _and_a_place(text: str, pos: int, place_starts: set[int]) -> bool:
    """At ``pos``, "和" (与, 及) and then a place: the list goes on to another place's
    official ("主要负责同志和宜都市委书记A"), not to a name that starts with the conjunction."""
    return text[pos:pos + 1] in ("和", "与", "及") and pos + 1 in place_starts


def _name_list(text: str, pos: int, first, stop=None) -> list[tuple[int, str]]:
    """Names enumerated from ``pos`` and joined by 、 ("A、B、C等"): the first read with
    ``first`` (a stronger reader right after a title), the rest with pick_name; ``stop(pos)``
    ends the list before a member that is something else."""
    out = []
    # half-width punctuation writes 、 as "," (纳建华,海玉兰,杨生福及常委会委员出席): a comma goes
    # on to a name that is itself followed by a separator or the list's end
    seps = ("、", ",")
    name = first(text, pos)
    while name:
        out.append((pos, name))
        pos += len(name)
        note = re.match(r"\((?:女|男|[\u4e00-\u9fff]{1,3}族)\)", text[pos:pos + 6])
        if note:  # "副市长农海燕(女)、莫振华": a note on the member, then the list goes on
            pos += note.end()
        if text[pos:pos + 1] not in seps or (stop is not None and stop(pos + 1)):
            break
        if text[pos] == "," and not _listed_name_at(text, pos + 1):
            break  # "主任A,要求……": the clause goes on, no other member
        pos += 1
        # (扎西平措、王立新、央金卓玛: names without a surname or with a dot are members too)
        name = minority_name(text, pos) or _dotted_name(text, pos) or pick_name(text, pos) or \
            padded_name(text, pos)
        if not name:  # a middle member is bounded by 、 on both sides (A、达娜、B): take it whole
            seg = re.match(r"[\u4e00-\u9fff]{2,4}(?=、)", text[pos:pos + 5])
            if seg and (seg.group()[0] in surnames()[0] or len(seg.group()) == 2 and
                        not set(seg.group()) & set("省市县区州盟旗长记任委员局部厅处等")):
                name = seg.group()
    if out:
        tail = re.match(r"[^,。;:]{0,16}", text[pos:])
        if tail and re.search(r"等(?:有关|相关)?(?:部门|单位|行业|领域|系统|机构)", tail.group()):
            return []  # "负责同志和应急、林业、交通运输等部门负责人": departments, no names
    return out


def _listed_first(text: str, pos: int) -> str | None:
    return minority_name(text, pos) or _dotted_name(text, pos) or pick_name(text, pos) or \
        padded_name(text, pos)


def _listed_name_at(text: str, pos: int) -> bool:
    """A name at ``pos`` that is itself followed by a list's separator or end (B, / B及 / B等)."""
    name = pick_name(text, pos) or padded_name(text, pos)
    return bool(name) and text[pos + len(name):pos + len(name) + 1] in (",", "及", "和", "等", "出",
                                                                       "列", "参", "陪")


def _verb_after(text: str, pos: int, past: int) -> bool:
    """A verb of the genre that starts at ``pos`` and runs past ``past`` (通报 after 王耀南,
    through the 南通 that a place reading finds)."""
    return any(text.startswith(v, pos) and pos + len(v) > past for v in _SPEECH_VERBS)


_SPEECH_VERBS = ("通报", "讲话", "主持", "出席", "汇报", "介绍", "强调", "指出", "陪同", "发言", "表示")


def _conjoined_place(text: str, start: int, name: str) -> bool:
    """"秀洲区委书记和嘉兴经济技术开发区……": 和 joins another place's officials; 和嘉兴 is
    no name (but "和光明出席" is: a place's name alone, then a verb)."""
    from kg.lexicon.divisions import divisions

    return name[0] in "和及" and divisions().is_name(name[1:]) and bool(re.match(
        r"(?:经济|开发|高新|港区|新区|市|县|区|州|等地|两地)", text[start + len(name):start + len(name) + 2]))


def _extends_name(text: str, start: int, end: int) -> bool:
    """A known three-character name inside a longer run of name-like text (王建国 in 汪王建国)
    is still taken; only a preceding surname that would make a compound is doubted."""
    return start >= 2 and text[start - 2:start] in surnames()[1]


def _is_cjk(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


_COMRADE = re.compile(r"(?:^|(?<=[,。;:、\n“”\s(]))(?P<n>[\u4e00-\u9fff]{2,3})同志", re.M)
_NOT_A_NAME = re.compile(r"全体|各位|广大|有关|相关|领导|青年|年轻|基层|党员|干部|其他|这些|部分|"
                         r"两位|几位|老|女|男|新任|同级")


# Heads of firms and villages and scholars who speak at a meeting: persons, though no post of
# a government or Party organ is theirs ("湖南巴陵新材料股份有限公司董事长彭志坚建议")
_OTHER_HEAD = re.compile(r"(?:董事长|总经理|副总经理|总裁|经理|厂长|负责人|党支部书记|村主任|主任委员|教授|研究员|"
                         r"专家)(?=[\u4e00-\u9fff]{2,4}(?:建议|希望|反映|表示|说|介绍|发言|谈到|提出|认为|"
                         r"作|结合|分享|代表))")


def _other_heads(text: str, places: list[PlaceMention]) -> list[tuple[int, str]]:
    out = []
    starts = {p.span.start for p in places}
    for m in _OTHER_HEAD.finditer(text):
        name = None if m.end() in starts else pick_name(text, m.end())
        if name:
            out.append((m.end(), name))
    return out


def _comrades(text: str) -> list[tuple[int, str]]:
    """"谢宏斌同志因工作变动,不再担任……": a name read before 同志 is a person, when the text
    names them again (谢宏斌、文建平先后作表态发言); words before 同志 (全体同志, 老同志) are
    not names."""
    out = []
    for m in _COMRADE.finditer(text):
        span = m.group("n")
        if _NOT_A_NAME.search(span):
            continue
        name = pick_name(text, m.start("n"))
        if name == span and text.count(name) > text.count(name + "同志"):
            out.append((m.start("n"), name))
    return out


def _notice_subjects(text: str) -> list[tuple[int, str]]:
    """Paragraphs of a personnel notice start with the person: "张三,男,汉族,……"."""
    out = []
    for m in _NOTICE.finditer(text):
        # The paragraph's first words before ",男," are the name, whatever its form (泽仁拉姆);
        # or a numbered heading line "一、吴正刚" over fields (性别:男 …).
        if m.group("name"):
            # "公示对象高晓明,男,……": the label before the name is not part of it
            label = re.match(r"(?:公示对象|考察对象|拟任人选|提名人选|任职人选|人选)[:]?", m.group("name"))
            cut = label.end() if label and len(m.group("name")) - label.end() >= 2 else 0
            out.append((m.start("name") + cut, m.group("name")[cut:]))
        elif re.search(r"性别|出生|民族|籍贯|现任", text[m.end():m.end() + 120]):
            out.append((m.start("name2"), m.group("name2")))
    return out


@dataclass(frozen=True)
class _TableRow:
    """A row of a personnel table (| 姓名 | … | 现任职务 | 拟任职务 |): the name, where it is,
    and the span of its current-post cell."""

    name_start: int
    name: str
    current: tuple[int, int]


_CURRENT_HEAD = re.compile(r"现任职务|现任|现职|现工作单位及职务|职务|单位及职务")
# (a table of speakers, | 发言人 | 职务 | 主题 |, gives each row's post as a notice's table does)
_NAME_HEAD = ("姓名", "发言人", "发言同志", "交流发言人")


def _table_rows(text: str) -> list[_TableRow]:
    """Rows of tables whose header names a 姓名 column and a current-post column (a 任前公示
    printed as a table): the posts in that column are the row's person's."""
    out: list[_TableRow] = []
    name_col = cur_col = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped.startswith("|"):
            name_col = cur_col = None
            continue
        cells, at = [], start + line.index("|") + 1
        for cell in stripped.strip("|").split("|"):
            lead = len(cell) - len(cell.lstrip())
            cells.append((at + lead, cell.strip()))
            at += len(cell) + 1
        heads = [c for _, c in cells]
        name_head = next((h for h in heads if h in _NAME_HEAD), None)
        if name_head and any(_CURRENT_HEAD.fullmatch(h) for h in heads):
            name_col = heads.index(name_head)
            cur_col = next(i for i, h in enumerate(heads) if _CURRENT_HEAD.fullmatch(h))
            continue
        if name_col is None or max(name_col, cur_col) >= len(cells) or \
                re.fullmatch(r"[-: ]*", heads[0]):
            continue  # (the |---| line under the header)
        (ns, name), (cs, cur) = cells[name_col], cells[cur_col]
        if 2 <= len(name) <= 12 and cur:
            out.append(_TableRow(ns, name, (cs, cs + len(cur))))
    return out


def _subject_of(subjects: list[tuple[int, str]], text: str, pos: int) -> str | None:
    """The person a notice paragraph (or a field block under "一、吴正刚") is about."""
    before = [(start, name) for start, name in subjects if start < pos]
    if not before:
        return None
    start, name = before[-1]
    if "\n\n" not in text[start:pos] or re.search(r"性别|出生年月", text[start:pos]):
        return name
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    if re.match(r"[\s\u3000]*现任", line) and text.count("\n\n", start, pos) == 1:
        return name  # "曾丽娟,女,……。\n\n现任龙海区委常委、组织部部长,拟提名为……": its own paragraph
    return None


def _no_longer_held(text: str, p: Position) -> bool:
    """"石国庆同志不再担任安顺市委书记、常委、委员职务": a post the document says its holder left,
    though a later sentence recalls it (石国庆同志担任安顺市委书记以来……)."""
    if not p.person or p.place is None or "不再担任" not in text:
        return False
    for start in _occurrences(text, p.person):  # (no pattern per name: see _occurrences)
        m = _LEFT_POSTS.match(text, start + len(p.person))
        if m and p.title in m.group("posts") and (p.place.name in m.group("posts")
                                                 or p.place.name[:2] in m.group("posts")):
            return True
    return False


_LEFT_POSTS = re.compile(r"(?:同志)?(?:因[^,。;]{1,12})?,?不再担任(?P<posts>[^。;]{2,60}?)(?:职务|。|;|$)")


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, non-overlapping, left to right (as re.finditer would
    find it)."""
    i = text.find(word)
    while i >= 0 and word:
        yield i
        i = text.find(word, i + len(word))


def _references(text: str, positions: list[Position],
                persons: dict[tuple[int, int], PersonMention], known: Counter[str],
                places: list[PlaceMention] = ()) -> None:
    """王书记 / 王市长: a surname plus a bare title refers to the one official who fits (but
    not the last character of a place: 南海区区长 is the district's head, not 区伟明)."""
    single, compound = surnames()
    # a place that ends where the title starts (南海区|区长); not one the title overlaps,
    # which a reference shows to be a misreading (戈书记和龙县长: 和龙县 is no place here)
    place_end = {k: pm.span.end for pm in places for k in range(pm.span.start, pm.span.end)}
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
        if any(s <= start < e or s < m.end() <= e for s, e in persons) or \
                place_end.get(start) == m.start():
            continue
        cands = [n for n in known if n.startswith(sur) and len(n) - len(sur) in (1, 2)]
        if not cands:
            continue
        fitting = [n for n in cands if any(t.endswith(ref) for t in titles_of.get(n, []))]
        pick = fitting if fitting else (cands if len(cands) == 1 else [])
        if len(pick) == 1:
            span = Span(start, m.end())
            persons[(span.start, span.end)] = PersonMention(span, pick[0])


def _pronouns(doc: Document, persons: dict[tuple[int, int], PersonMention]) -> None:
    """他/她 at the start of a clause is the subject of the last sentence that named someone."""
    text = doc.text
    for m in re.finditer(r"(?<![其吉利])(他|她)(?![们人山乡国日年处])", text):
        if m.start() > 0 and text[m.start() - 1] not in ",。;:!?\n 、”":
            continue
        sent = doc.sentence_of(Span(m.start(), m.end()))
        named = sorted((p for p in persons.values() if p.span.end <= m.start()
                        and text[p.span.start:p.span.end] == p.name), key=lambda p: p.span.start)
        if not named:
            continue
        last = named[-1]
        last_sent = doc.sentence_of(last.span)
        if sent.start - last_sent.end > 400:
            continue
        subject = next(p for p in named if last_sent.start <= p.span.start < last_sent.end)
        span = Span(m.start(), m.end())
        persons[(span.start, span.end)] = PersonMention(span, subject.name)


def _unnamed_holders(doc: Document, places: list[PlaceMention]) -> list[UnnamedHolder]:
    text = doc.text
    out: list[UnnamedHolder] = []
    ordered = sorted(places, key=lambda p: p.span.start)
    starts = {p.span.start for p in ordered}
    i = 0
    while i < len(ordered):
        # Collect a run of places joined by 、 (a parent written before its child, as in
        # 南京市玄武区, belongs to the child).
        run = [ordered[i]]
        j = i + 1
        while j < len(ordered):
            gap = text[run[-1].span.end:ordered[j].span.start]
            # 南康区委、章贡区委……, 赣县县委,宁都县委…… (a half-width comma for 、)
            if gap in ("", "和", "及", "以及") or \
                    re.fullmatch(r"(?:[县市区旗]?(?:党)?委|(?:人民)?政府)?(?:[、,]|和|及|以及)", gap):
                run.append(ordered[j])
                j += 1
            else:
                break
        tail = run[-1].span.end
        leaves = [pm for k, pm in enumerate(run)
                  if not (k + 1 < len(run) and run[k + 1].span.start == pm.span.end)]
        both = _PARTY_AND_GOVERNMENT.match(text, tail)
        if both and not pick_name(text, both.end()):
            # "静海区委、区政府主要负责同志", "临桂县、阳朔县党政主要负责同志": the heads of the
            # party committee and of the government, each
            for pm in leaves:
                for government in (False, True):
                    title = _title_for(pm.place, "主要负责同志", government)
                    if title:
                        out.append(UnnamedHolder(pm.span, title, pm.place))
            i = j
            continue
        m = _GROUP_TITLE.match(text, tail)
        if m and m.group("what") == "长" and m.end() in starts:
            m = None  # "同属湖州的长兴县": a place that begins with 长, not 市长
        # one place is enough when the phrase itself says the holder is unnamed
        listed = len(leaves) > 1 or text[tail:tail + 1] in ("的", "等") or \
            bool(m and "主要负责" in m.group("what")) or \
            bool(m and _SPOKE.match(text, m.end()))  # "柯城区区长作了汇报": no name, a role
        named = pick_name(text, m.end()) if m else None
        if named and _and_a_place(text, m.end(), starts):
            named = None  # "……主要负责同志和宜都市委书记A": the list goes on to another official
        if m and listed and not named and re.match(r"[的等]?(?:\d+|[一二三四五六七八九十两]+)[名位]县", m.group()) \
                and all(pm.place.level == "prefecture" for pm in leaves):
            # "来自成都市、绵阳市……的5名县(市、区)委书记": secretaries of counties in those cities,
            # which the text does not name
            i = j
            continue
        if m and listed and not named:
            what = m.group("what")
            body = m.group("body")
            if body and "主要负责" not in what:
                i = j
                continue  # 人大常委会长? not a post
            for pm in leaves:
                title = _title_for(pm.place, what, m.group("gov") is not None, body)
                if title:
                    out.append(UnnamedHolder(pm.span, title, pm.place))
        i = j
    out.extend(_town_heads(text, places))
    return out


# "店口镇、枫桥镇党委主要负责同志作交流发言": the Party secretaries of towns named in a list
_TOWN_HEADS = re.compile(r"(?P<towns>(?:[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)、)*[\u4e00-\u9fff]{2,4}?"
                         r"(?:镇|乡|街道))(?P<organ>党委|党工委)主要负责(?:同志|人)")
_HEADS_OF = re.compile(r"(?<=[镇乡道])(?:党委|党工委)主要负责")  # where to look (cheap to find)


def _town_heads(text: str, places: list[PlaceMention]) -> list[UnnamedHolder]:
    out = []
    for hit in _HEADS_OF.finditer(text):
        # from the clause's start: "会上,店口镇、枫桥镇党委……", not "要求店口镇"
        start = max(max(text.rfind(c, 0, hit.start()) for c in ",。;:!?\n ") + 1,
                    hit.start() - 60)
        m = next((m for m in _TOWN_HEADS.finditer(text, start, hit.end() + 3)
                  if m.start("organ") == hit.start()), None)
        if m is None:
            continue
        county = _county_before(places, m.start())
        pos = m.start()
        for name in m.group("towns").split("、"):
            if _GROUP_WORD.match(name) or name[0] in "县市区旗" or \
                    any(p.span.start <= pos < p.span.end for p in places):
                pos += len(name) + 1
                continue  # "各乡镇": a group; "诸暨市店口镇": the town is after the city
            lv = "街道" if name.endswith("街道") else name[-1]
            town = PlaceRef(code="", name=name, level="town",
                            parent_code=county.code if county else None,
                            parent_name=county.name if county else None, kind=lv)
            title = f"{lv}{m.group('organ')}书记"
            out.append(UnnamedHolder(Span(pos, pos + len(name)), title, town))
            pos += len(name) + 1
    return out


def _title_for(place: PlaceRef, what: str, government: bool = False,
               body: str | None = None) -> str | None:
    """The post that fits a division's kind: 县委书记 for a county, 市委书记 for a city ...;
    the head of its people's congress or CPPCC when those are named (区人大常委会主任)."""
    name = place.name
    if name.endswith("地区") and place.level == "prefecture":
        # a prefecture-level 地区: its Party committee is the 地委, its government the
        # administrative office (行署) headed by a commissioner
        if body:
            return None
        return "行署专员" if what == "长" or government else "地委书记"
    for suffix in ("县", "市", "区", "旗", "州", "盟"):
        if name.endswith(suffix):
            lv = suffix  # 阜新蒙古族自治县: 县委书记
            break
    else:
        return None
    if body:  # 人大常委会主要负责同志: the chair of the standing committee
        return f"{lv}人大常委会主任" if body.startswith("人大") else f"{lv}政协主席"
    if what == "长" or government:  # 政府主要负责同志: the head of government
        return f"{lv}长"
    return f"{lv}委书记"
