"""The grammar of official titles: level + organ + office.

A title in this genre is built from parts: a level word (省/市/县/区/镇 ...), an organ (委 = Party
committee, 政府, 人大常委会, 政协, 纪委, 监委, a department) and an office (书记, 副书记, 常委,
主任, 主席, 部长 ...); government heads fuse level and office (省长, 代市长, 常务副县长). The
normalized title follows the gold conventions: leadership posts keep their level word
(市委书记, 县人大常委会主任), department posts drop it (宣传部部长, 发展和改革委员会主任).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

LEVELS = ("自治区", "自治州", "自治县", "自治旗", "街道", "省", "市", "县", "区", "州", "盟", "旗",
          "镇", "乡", "地")  # 地: a prefecture-level 地区 (地委书记, 阿克苏地委)
_LV = "|".join(LEVELS)


@dataclass(frozen=True)
class TitleMatch:
    start: int
    end: int
    title: str  # normalized (without place, with level word for leadership posts)
    organization: str  # normalized organ with level word: 市委, 县政府, 省人大常委会, 宣传部
    level: str | None  # the level word the text used (省, 市, ...), None when absent
    lead: bool  # leadership post (keeps its level word) vs department post
    office_start: int = -1  # where the office word starts (书记 in 市委书记); -1: at start

    @property
    def office(self) -> tuple[int, int]:
        """Span of the office word alone (副市长, 书记, 部长), as NER corpora label titles."""
        return (self.office_start if self.office_start >= 0 else self.start, self.end)


@functools.lru_cache(maxsize=1)
def departments() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Department name as written -> (canonical name, head titles)."""
    text = (resources.files("kg.lexicon") / "data" / "departments.tsv").read_text("utf-8")
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, canonical, heads = line.split("\t")
        out[written] = (canonical, tuple(heads.split(",")))
    return out


_DEPUTY = r"(?:常务副|副)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("party", re.compile(
        rf"(?P<lv>{_LV})(?P<org>党工委|党委|委)(?P<t>常务副书记|副书记|书记|常委|委员|副秘书长|秘书长)")),
    # A 地区's administrative office (行政公署) is headed by a commissioner: 行署副专员
    ("office", re.compile(r"(?:地区)?(?:行署|行政公署)(?P<t>常务副专员|副专员|专员)")),
    ("cdi", re.compile(rf"(?P<lv>{_LV})?(?:纪委|纪律检查委员会)(?:监委|监察委员会)?(?P<t>副书记|书记)")),
    ("sup", re.compile(rf"(?P<lv>{_LV})?(?:监委|监察委员会)(?P<t>副主任|主任)")),
    # "省政协党组书记、主席": the Party group's secretary who chairs the body
    ("groupchair", re.compile(rf"(?P<lv>{_LV})?(?P<org>政协|人大常委会)党组书记、(?P<t>常务副主席|副主席|主席|常务副主任|副主任|主任)")),
    ("npc", re.compile(
        rf"(?P<lv>{_LV})?(?:第[一二三四五六七八九十\d]{{1,3}}届)?(?:人大|人民代表大会)(?:常委会|常务委员会)?(?:党组)?"
        r"(?P<t>常务副主任|副主任|主任|副秘书长|秘书长)")),
    # A 街道's office is its government: 鼓楼街道办事处主任
    ("street", re.compile(r"(?P<lv>街道)(?:办事处|办)(?P<t>常务副主任|副主任|主任)")),
    # A town's people's congress has a presidium, not a standing committee: 镇人大主席
    ("townnpc", re.compile(r"(?P<lv>镇|乡)人大(?:主席团)?(?P<t>常务副主席|副主席|主席)")),
    ("cppcc", re.compile(rf"(?P<lv>{_LV})?政协(?:党组)?(?P<t>常务副主席|副主席|主席|副秘书长|秘书长)")),
    ("govsec", re.compile(rf"(?P<lv>{_LV})?(?:人民)?政府(?P<t>副秘书长|秘书长)")),
    # A secretary-general after another title of the same committee (市委常委、秘书长).
    ("sec", re.compile(r"(?:(?<=、)|(?<=常委,))(?P<t>副秘书长|秘书长)")),
    # "盟委委员、常委、书记": the committee's offices listed after its member; the organ is the
    # title's before it (kg.extract.officials writes it in)
    ("partyrest", re.compile(r"(?<=委员、|[委常]委、)(?P<t>常委|副书记|书记)(?=[、,。;]|$)")),
    ("head", re.compile(
        r"(?:(?:人民)?政府)?(?P<pre>常务副|代理|副|代)?(?P<lv>省|市|县|区|州|盟|旗|镇|乡)长")),
    ("region", re.compile(r"(?P<lv>自治区)(?:人民)?(?:政府)?(?P<pre>常务副|副)?主席")),
    # "自治区党委常委、常务副主席": the chair's office after the region's Party title
    ("region", re.compile(r"(?:(?<=自治区党委常委、)|(?<=自治区党委副书记、))(?P<pre>常务副|副)?主席")),
    ("national", re.compile(
        r"(?P<t>中共中央总书记|中央政治局常委|中央政治局委员|国务院总理|国务院副总理|国务委员|国家主席|"
        r"国家副主席|全国人大常委会副委员长|全国人大常委会委员长|全国人大副委员长|全国人大委员长|"
        r"全国政协副主席|全国政协主席|中央军委副主席|中央军委主席)")),
]


# Words each of _PATTERNS cannot match without (empty: no such word), in the same order.
_NEEDS: tuple[tuple[str, ...], ...] = (
    ("委",), ("行署", "行政公署"), ("纪委", "纪律检查委员会"), ("监委", "监察委员会"),
    ("党组书记、",), ("人大", "人民代表大会"), ("街道",), ("人大",), ("政协",), ("政府",),
    ("秘书长",),
    ("、",), ("长",), ("自治区",), ("自治区党委",), ("中央", "国务", "国家", "全国"),
)


@functools.lru_cache(maxsize=1)
def _dept_pattern() -> re.Pattern[str]:
    names = sorted(departments(), key=len, reverse=True)
    alt = "|".join(map(re.escape, names))
    heads = "部长|书记|主任|厅长|局长|院长|检察长|校长|主席"
    return re.compile(
        rf"(?:(?P<lv>{_LV})(?:党委|委|政府)?)?(?P<dept>{alt})(?P<dep>常务副|副)?(?P<head>{heads}|长)")


def _normalize(kind: str, m: re.Match[str]) -> TitleMatch | None:
    t = _normalize_title(kind, m)
    if t is None:
        return None
    g = m.groupdict()
    if g.get("t") is not None:
        office = m.start("t")
    elif g.get("pre") is not None:
        office = m.start("pre")
    elif kind == "head":
        office = m.start("lv")
    else:
        office = m.start()
    return TitleMatch(t.start, t.end, t.title, t.organization, t.level, t.lead, office)


def _normalize_title(kind: str, m: re.Match[str]) -> TitleMatch | None:
    g = m.groupdict()
    lv = g.get("lv")
    # 自治县委书记 is a 县委书记 (of an autonomous county): the level word is the kind of unit
    lv = {"自治县": "县", "自治州": "州", "自治旗": "旗"}.get(lv or "", lv)
    if kind == "party":
        org = lv + ("委" if g["org"] == "委" else g["org"])
        if g["t"].endswith("秘书长"):  # a department-like post: the level word is dropped
            return TitleMatch(m.start(), m.end(), g["t"], org, lv, False)
        return TitleMatch(m.start(), m.end(), org + g["t"], org, lv, True)
    if kind == "govsec":
        return TitleMatch(m.start(), m.end(), g["t"], (lv or "") + "政府", lv, False)
    if kind in ("sec", "partyrest"):
        return TitleMatch(m.start(), m.end(), g["t"], "", None, False)
    if kind == "groupchair":
        org = (lv or "") + g["org"]
        return TitleMatch(m.start(), m.end(), org + g["t"], org, lv, True)
    if kind == "office":
        return TitleMatch(m.start(), m.end(), "行署" + g["t"], "行署", "地", True)
    if kind == "street":
        return TitleMatch(m.start(), m.end(), "街道办事处" + g["t"], "街道办事处", lv, True)
    if kind == "townnpc":
        org = lv + "人大"
        return TitleMatch(m.start(), m.end(), org + g["t"], org, lv, True)
    if kind in ("cdi", "sup", "npc", "cppcc"):
        organ = {"cdi": "纪委", "sup": "监委", "npc": "人大常委会", "cppcc": "政协"}[kind]
        org = (lv or "") + organ
        if g["t"].endswith("秘书长"):  # as the party committee's: a department-like post
            return TitleMatch(m.start(), m.end(), g["t"], org, lv, False)
        return TitleMatch(m.start(), m.end(), org + g["t"], org, lv, True)
    if kind == "head":
        pre = {"代理": "代"}.get(g["pre"] or "", g["pre"] or "")
        return TitleMatch(m.start(), m.end(), f"{pre}{lv}长", f"{lv}政府", lv, True)
    if kind == "region":
        pre = g["pre"] or ""
        return TitleMatch(m.start(), m.end(), f"自治区{pre}主席", "自治区政府", "自治区", True)
    if kind == "national":
        return TitleMatch(m.start(), m.end(), g["t"], "中央", None, True)
    return None


def _dept(m: re.Match[str]) -> TitleMatch | None:
    if m.group("dept") == "办公室" and m.group("lv") is None and m.start() > 0 and \
            "\u4e00" <= m.string[m.start() - 1] <= "\u9fff" and m.string[m.start() - 1] not in "的和及与、":
        return None  # 扶贫开发办公室主任: a named office (read as a generic department)
    canonical, heads = departments()[m.group("dept")]
    head = m.group("head")
    if head == "长":  # 宣传部长 -> 宣传部部长
        if not canonical.endswith("部"):
            return None
        head = "部长"
    if head not in heads:
        return None
    dep = m.group("dep") or ""
    lv = m.group("lv")
    office = m.start("dep") if m.group("dep") else m.start("head")
    if m.group("head") == "长":
        office -= 1  # 宣传部长: the office is 部长
    return TitleMatch(m.start(), m.end(), f"{canonical}{dep}{head}", canonical, lv, False,
                      office)


# Heads of departments the lexicon does not list (市城市规划局副局长, 县文化广电旅游局局长): the
# office word, and the suffix the department's name must end with.
_GENERIC_HEAD = re.compile(r"(?P<dep>常务副|副)?(?P<head>局长|厅长|主任|院长|署长|处长|部长|主席|"
                           r"总统计师|总经济师|总工程师|总会计师|总规划师)")
_HEAD_SUFFIX = {"局长": ("局",), "厅长": ("厅",), "院长": ("院",), "署长": ("署",),
                "处长": ("处",), "部长": ("部",),
                "主任": ("委员会", "委", "办公室", "办", "局"),
                "主席": ("委员会", "联合会", "会"),
                # (a bureau's chief statistician or engineer: 统计局总统计师)
                "总统计师": ("局",), "总经济师": ("局", "委", "厅"), "总工程师": ("局", "厅", "委"),
                "总会计师": ("局", "厅"), "总规划师": ("局", "厅")}
_BEFORE_POST = re.compile(r"拟任|拟提名|拟推荐|现任|时任|前任|担任|兼任|曾任|原任|历任|任")
_NAME_STOP = set(",、。;:!?()“”《》\"' \n的与及在是了")
# Verbs a department's name runs back into ("会议听取市经济和信息化局局长……汇报")
_VERB_BEFORE = re.compile(r".*(?:听取|会见|看望|慰问|邀请|主持|出席|会同|向|请|由)")


def _generic_departments(text: str, place_ends: frozenset[int]) -> list[TitleMatch]:
    out = []
    for m in _GENERIC_HEAD.finditer(text):
        start = m.start()
        suffix = next((sf for sf in _HEAD_SUFFIX[m.group("head")] if text.endswith(sf, 0, start)),
                      None)
        if suffix is None:
            continue
        i = start - len(suffix)
        while i > 0 and start - i < 12 and text[i - 1] not in _NAME_STOP \
                and "\u4e00" <= text[i - 1] <= "\u9fff" and i not in place_ends:
            i -= 1
        if "和" in text[i:start]:  # 旅游和文化广电体育厅, but not 张三和市文旅局
            j = text.index("和", i)
            if text[j + 1:j + 2] in ("省", "市", "县", "区") or j == i:
                i = j + 1
        said = _VERB_BEFORE.match(text, i, start - len(suffix))
        if said:
            i = said.end()
        verb = _BEFORE_POST.match(text, i, start)
        if verb:
            i = verb.end()  # 拟任市文化广电新闻出版局局长: the post, not the proposal
        lv = None
        for word in ("自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗"):
            if text.startswith(word, i) and i + len(word) < start - len(suffix):
                lv, i = word, i + len(word)  # 市国土局局长, 自治区农牧厅厅长: the level is dropped
                break
        dept = text[i:start]
        if len(dept) < 2 or dept in ("委", "办", "中心"):
            continue
        dep = m.group("dep") or ""
        out.append(TitleMatch(i - len(lv or ""), m.end(), f"{dept}{dep}{m.group('head')}",
                              dept, lv, False, m.start()))
    return out


def find_titles(text: str, place_ends: frozenset[int] = frozenset(),
                place_spans: frozenset[tuple[int, int]] = frozenset()) -> list[TitleMatch]:
    """All title mentions in ``text``, non-overlapping, longest first, sorted by start.

    ``place_ends``: offsets where place names end, so that a department's name does not swallow
    the place before it (郑州市|城市规划局副局长). ``place_spans``: places found in the text; a
    title that a place starts inside of and runs past is a misreading (福州市长乐区 is 福州市
    and 长乐区, not 市长 乐区).
    """
    cands: list[TitleMatch] = []
    for (kind, pat), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs and not any(w in text for w in needs):
            continue  # (a text without 纪委 has no 纪委书记: a substring test costs far less)
        for m in pat.finditer(text):
            t = _normalize(kind, m)
            if t:
                cands.append(t)
    for m in _dept_pattern().finditer(text):
        t = _dept(m)
        if t:
            cands.append(t)
    known = {(t.start, t.end) for t in cands}
    stops = place_ends | {t.end for t in cands}  # a department name starts after a title
    generic = [t for t in _generic_departments(text, stops)
               if not any(ks <= t.office_start and t.end <= ke for ks, ke in known)]
    cands.sort(key=lambda t: (-(t.end - t.start), t.start))
    # Lexicon titles first; a generic department fills only what they leave uncovered.
    cands += sorted(generic, key=lambda t: (-(t.end - t.start), t.start))
    taken: list[TitleMatch] = []
    for t in cands:
        if all(t.end <= o.start or t.start >= o.end for o in taken):
            taken.append(t)
    taken.sort(key=lambda t: t.start)
    taken = _with_party_groups(text, taken)
    return [t for t in taken if not _false_head(text, t)
            and not any(t.start < ps < t.end < pe and pe - ps >= 3 and text[pe - 1] in "市县区旗"
                        for ps, pe in place_spans)]  # (a full name: 省长白立新 has no 长白县)


_PARTY_GROUP = re.compile(r"[、,]?(?P<t>党组(?:副)?书记|党委(?:副)?书记)")


def _with_party_groups(text: str, taken: list[TitleMatch]) -> list[TitleMatch]:
    """"会泽县人民法院院长、党组书记A": the organ's Party group secretary, a second post in the
    organ the title before names (a department's or a court's; not a leadership post's, whose
    committee has its own titles)."""
    out: list[TitleMatch] = []
    for k, t in enumerate(taken):
        out.append(t)
        m = _PARTY_GROUP.match(text, t.end)
        if t.lead or not t.organization or m is None or \
                (k + 1 < len(taken) and taken[k + 1].start < m.end()):
            continue
        out.append(TitleMatch(m.start("t"), m.end(), t.organization + m.group("t"),
                              t.organization, t.level, False, m.start("t")))
    return out


def _false_head(text: str, t: TitleMatch) -> bool:
    """区长/市长 inside ordinary words (社区长期, 城市长远, 全县长期) are not titles.

    Only a bare two-character head is in doubt; one written after its own level word
    (滨江区区长) or with a prefix (代市长, 副县长) is a title whatever follows it.
    """
    if len(t.title) != 2 or not t.title.endswith("长") or t.end - t.start != 2:
        return False
    prev = text[t.start - 1] if t.start > 0 else ""
    if prev and (prev == t.level or prev == "、"):  # 滨江区区长江…; 市委副书记、市长江…
        return False
    if (not ("\u4e00" <= prev <= "\u9fff") or prev in "由与和及同向对为被请让将把给")\
            and t.title in ("县长", "市长", "区长", "州长", "旗长", "盟长"):
        return False  # a clause that opens on it: ",县长江永明陪同", "由市长江海平主持" (not 全县长江沿线)
    nxt = text[t.end] if t.end < len(text) else ""
    if nxt and nxt in "期远久效足江城沙春治廊途河线":
        return True
    return prev in "社城都超小地园校家增成延生专队班股科处站所院" and t.title in ("区长", "市长", "县长")


# Titles that by themselves name a level without a place prefix: 省委书记 in a Jiangsu article
# is Jiangsu's. Maps a level word to the administrative level it refers to.
LEVEL_OF = {"省": "province", "自治区": "province", "市": "city", "州": "prefecture",
            "自治州": "prefecture", "盟": "prefecture", "县": "county", "自治县": "county",
            "区": "district", "旗": "county", "自治旗": "county", "镇": "town", "乡": "town",
            "街道": "town"}

# Short references: 王书记, 李省长, 王市长.
REFERENCE_TITLES = ("书记", "省长", "市长", "县长", "区长", "州长", "镇长", "乡长", "主任", "主席",
                    "部长", "厅长", "局长", "秘书长")
