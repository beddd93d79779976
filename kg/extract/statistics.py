"""Statistics: indicator, value in base units, year, qualifier and the place they belong to.

"2020年,诸暨市人均地区生产总值超过11万元,城乡居民可支配收入分别达到6.9万元和4.1万元" gives
人均地区生产总值 > 110000 元 and, through 分别, 城镇/农村居民人均可支配收入 69000 / 41000 元.
A growth rate after a level ("增长6.5%") is the indicator's 增速 in %. Targets and plans
(预期, 力争, 目标) are not statistics.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from kg.lexicon.numerals import NUMBER_RE, UNIT_RE, UNIT_SCALE, parse_int, parse_number, scale
from kg.model import Document, Observation, PlaceMention, PlaceRef, Span, fact_order
from kg.resolve.dates import Reference, last_year_of, year_of

UNIT_SCALE_KEYS = frozenset(UNIT_SCALE)
_TARGET = re.compile(r"预期|预计|目标|力争|计划|争取|确保|规划|将达到|有望|要达到|左右的目标")
_QUAL_BEFORE = {"超过": ">", "突破": ">", "逾": ">", "超": ">", "高于": ">", "约": "~", "近": "~",
                "将近": "~", "接近": "~", "大约": "~", "不到": "<", "不足": "<", "低于": "<"}
_QB = "|".join(sorted(_QUAL_BEFORE, key=len, reverse=True))
_VALUE = re.compile(rf"(?:(?P<q>{_QB})(?:为|是)?)?(?P<n>{NUMBER_RE})(?P<u>{UNIT_RE})(?P<after>以上|以内|多|左右|余)?")
_GROWTH_RE = re.compile(r"(?P<dir>增长|增加|提高|下降|减少|回落|(?:增速|增幅)(?:分别)?(?:为|达到|达)?)"
                        r"(?P<gq>约|近|超过|逾)?(?P<pct>百分之)?"
                        r"(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十零〇两]+(?:点[零〇一二三四五六七八九]+)?)"
                        r"(?P<u>%|个百分点)?(?P<ga>以上|左右)?")


def _growths(seg: str) -> list[re.Match[str]]:
    """Growth rates: "增长7.5%", and in words "增长百分之二十二点三"."""
    return [m for m in _GROWTH_RE.finditer(seg)
            if (m.group("pct") or (m.group("u") and m.group("n")[0].isdigit()))
            # "年均增长6.2%": an average over a plan period, no year's growth
            and not seg.endswith("年均", 0, m.start())]


def _gval(gm: re.Match[str]) -> float:
    return parse_number(gm.group("n"))


def _gunit(gm: re.Match[str]) -> str:
    return "%" if gm.group("pct") else gm.group("u")


@functools.lru_cache(maxsize=1)
def indicators() -> dict[str, tuple[str, ...]]:
    text = (resources.files("kg.lexicon") / "data" / "indicators.tsv").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            written, canon = line.split("\t")
            out[written] = tuple(canon.split("|"))
    return out


# Figures of a product, a crop or an industry that no lexicon lists, named as written
# ("水果总产量", "茶园面积", "轴承产业集群产值", "肉牛饲养量"): a noun of up to eight characters
# after a boundary (a clause's start, a place's or 全县's last character), ending in a measure.
_OPEN_INDICATOR = (r"(?:^|(?<=[县市区旗州省,;:、])|(?<=其中)|(?<=年末)|(?<=全年)|(?<=实现)|(?<=完成))"
                   r"(?!力争|完成|累计|实现|预计|计划|目标|全年|新增|总产)"
                   r"(?:(?![县市区省州旗年的和及与等为是在达其全我该共各])[\u4e00-\u9fff]){1,8}?"
                   r"(?:总产量|产量|种植面积|播种面积|(?<!占地)(?<!建筑)(?<!展览)(?<!营业)面积|总产值|综合产值|产值|"
                   r"饲养量|存栏量|出栏量|存栏|出栏)"
                   r"(?=(?:达到|达|为|突破|超过|约|近|逾|稳定在|保持在)?\d)")


@functools.lru_cache(maxsize=1)
def _indicator_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(indicators(), key=len, reverse=True))))


_OPEN_RE = re.compile(_OPEN_INDICATOR)
_OPEN_ENDS = ("产量", "面积", "产值", "饲养量", "存栏", "出栏")


def _indicators_in(s: str) -> list:
    """The indicators a sentence names: the lexicon's, and (only where one of their measures is
    written: the open pattern is dear to try everywhere) the open-vocabulary ones; of two that
    overlap, the one that starts first, as one alternation would find them."""
    found = list(_indicator_re().finditer(s))
    if not any(e in s for e in _OPEN_ENDS):
        return found
    both = sorted([*found, *_OPEN_RE.finditer(s)], key=lambda m: (m.start(), m.re is not _OPEN_RE))
    out: list = []
    for m in both:
        if out and m.start() < out[-1].end():
            continue
        out.append(m)
    return out


class _Named:
    """An indicator match without the place written at its head (南康|家具产业集群产值)."""

    def __init__(self, name: str, start: int):
        self._name, self._start = name, start

    def group(self, *_: object) -> str:
        return self._name

    def start(self, *_: object) -> int:
        return self._start

    def end(self, *_: object) -> int:
        return self._start + len(self._name)


def _off_place(im: re.Match[str], places: list[PlaceMention], offset: int):
    if im.group() in indicators():
        return im
    head = next((p for p in places if p.span.start == offset + im.start()
                 and p.span.end < offset + im.end()), None)
    if head is None:
        return im
    cut = head.span.end - offset - im.start()
    return _Named(im.group()[cut:], im.start() + cut)


def _members(name: str) -> tuple[str, ...]:
    """The indicators a written name stands for: the lexicon's, or the name itself."""
    return indicators().get(name) or (name,)


_COMPARED = "(?:首个|首家|第一|唯一|前列|领先|之首|最|排名|率先|平均|同类)"


# a year as a from-to figure's: 2016年的, 2015年底的, 去年底的 (r: relative to publication)
_YEAR_OF = (r"(?:(?:(?P<{0}>(?:19|20)\d\d)年|(?P<r{0}>去年|上年|今年))(?:底|末)?的?)?")
_FROM_TO = re.compile(
    r"(?P<ind>{ind})(?:总量|规模)?(?:已经?)?(?:从|由)" + _YEAR_OF.format("y1")
    + rf"(?P<v1>{NUMBER_RE})(?P<u1>{UNIT_RE})"
    r"(?:增长|提高|增加|上升|提升|跃升|增至|提高至|下降|降低|减少|回落|减至|降)(?:到|至)?"
    + _YEAR_OF.format("y2") + rf"(?P<v2>{NUMBER_RE})(?P<u2>{UNIT_RE})")
_REL_YEARS = {"今年": 0, "去年": -1, "上年": -1}


@functools.lru_cache(maxsize=1)
def _from_to_re() -> re.Pattern[str]:
    return re.compile(_FROM_TO.pattern.replace("{ind}", _indicator_re().pattern))


def _from_to(s: str, sent: Span, places: list[PlaceMention], default_place: PlaceRef | None,
             years: tuple[int | None, int | None], published: int | None, lead: str = ""
             ) -> tuple[list[tuple[Observation, tuple[int, int]]], tuple[int | None, int | None]]:
    """"地区生产总值由2016年的84.6亿元增长到2020年的136.2亿元;农村居民人均可支配收入由10178元
    增长到15930元": two observations, each with its year (the years said first hold for the
    pairs after them in the paragraph)."""
    out: list[tuple[Observation, tuple[int, int]]] = []

    def year_of(m: re.Match[str], g: str, default: int | None) -> int | None:
        if m.group(g):
            return int(m.group(g))
        if m.group("r" + g):  # "由2015年底的23.9%降至去年底的4.2%"
            return None if published is None else published + _REL_YEARS[m.group("r" + g)]
        return default

    for m in _from_to_re().finditer(s):
        y1 = year_of(m, "y1", years[0])
        y2 = year_of(m, "y2", years[1])
        if not m.group("y2") and not m.group("ry2") and y1 is not None:
            # "2005年完成生产总值8.62亿元,……由2004年的7.81亿元增加到8.62亿元": to the year
            # the sentence reports on
            # (or in the paragraph's sentences before: "2022年,全市……;城镇居民……由2012年的")
            later = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", s[:m.start()])
                     if int(y) > y1] or \
                [int(y) for y in re.findall(r"((?:19|20)\d\d)年(?!的)", lead) if int(y) > y1][-1:]
            y2 = later[-1] if later else y2
        if y1 is None or y2 is None or y1 >= y2:
            continue
        years = (y1, y2)
        before = [p for p in places if sent.start <= p.span.start < sent.start + m.start()]
        place = before[-1].place if before else default_place
        if place is None:
            continue
        span = Span(sent.start + m.start(), sent.start + m.end())
        for year, v, u in ((y1, m.group("v1"), m.group("u1")), (y2, m.group("v2"), m.group("u2"))):
            value, unit = scale(parse_number(v), u)
            for indicator in _members(m.group("ind"))[:1]:
                out.append((Observation(place, indicator, year, value, unit, "=", span, sent),
                            (m.start(), m.end())))
    return out, years


def _comparison(text: str, p: PlaceMention) -> bool:
    """"成为全省首个……的县域": the province is what the place is compared within, not the place
    the figures are about."""
    return text.startswith("全", p.span.start) and bool(
        re.match("的?" + _COMPARED, text[p.span.end:p.span.end + 4]))


def _qualifier(q: str | None, after: str | None) -> str:
    if q:
        return _QUAL_BEFORE[q]
    if after in ("以上", "多", "余"):
        return ">"
    if after == "以内":
        return "<"
    if after == "左右":
        return "~"
    return "="


def extract_statistics(doc: Document, places: list[PlaceMention], ref: Reference,
                       home: dict[str, PlaceRef], exclude: list[Span]) -> list[Observation]:
    text = doc.text
    out: list[Observation] = []
    usable = [p for p in places if not any(s.contains(p.span) for s in exclude)
              and not _comparison(text, p)
              # "落实青海省委省政府各项决策部署": an organ, not whose figures these are
              and not re.match(r"[省市县区州旗盟]?(?:委|党委|政府|人大|政协|纪委)", text[p.span.end:])]
    default_place = _main_place(doc, places, home)
    default_year = _main_year(doc, ref)
    last_place: PlaceRef | None = None
    # the places the last "分别" clause spread its figures over, and in which sentence
    last_spread: tuple[Span, list[PlaceMention]] | None = None
    last_par = -1
    last_par_years: tuple[int, tuple[int | None, int | None]] = (-1, (None, None))
    for sent in doc.sentences:
        s = text[sent.start:sent.end]
        par = text.rfind("\n", 0, sent.start)
        if par != last_par:
            last_place, last_par = None, par
        inds = [_off_place(im, usable, sent.start) for im in _indicators_in(s)
                if not _ROW.match(text, text.rfind("\n", 0, sent.start + im.start()) + 1)]
        groups: list[list[re.Match[str]]] = []
        for im in inds:
            gap = s[groups[-1][-1].end():im.start()] if groups else None
            if gap in ("和", "、", "及", "与", "以及") or (
                    # half-width punctuation writes 、 as ",": "一般公共预算收入,规模以上工业
                    # 增加值分别增长8.1%,7.4%"
                    gap == "," and s.startswith("分别", im.end())):
                groups[-1].append(im)
            else:
                groups.append([im])
        # "A 65873元、B 32419元,分别增长7.6%和9.1%": one growth rate per indicator before it.
        own_growth: dict[int, float] = {}
        for gm in _EACH_RATE_ALONE.finditer(s):
            nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", gm.group("nums"))]
            before_g = [i for i, g in enumerate(groups) if g[-1].end() < gm.start()]
            chosen = before_g[-len(nums):]
            if len(nums) > 1 and len(chosen) == len(nums) and \
                    all(len(groups[i]) == 1 and len(_members(groups[i][0].group())) == 1
                        for i in chosen) and (not groups[chosen[-1] + 1:] or
                                                                   groups[chosen[-1] + 1][0].start()
                                                                   > gm.end()):
                sign = -1 if gm.group("dir") == "下降" else 1
                own_growth.update({i: sign * n for i, n in zip(chosen, nums, strict=True)})
        if par != last_par_years[0]:
            last_par_years = (par, (None, None))
        # (a change told after a figure of the paragraph: of the same place, 全市 said there)
        moved, years = _from_to(s, sent, usable, last_place or default_place, last_par_years[1],
                               doc.published.year if doc.published else ref.year,
                               _paragraph_before(text, sent))
        last_par_years = (par, years)
        out.extend(obs for obs, _ in moved)
        taken = [span for _, span in moved]
        for k, group in enumerate(groups):
            first, last = group[0], group[-1]
            if any(a <= first.start() < b for a, b in taken):
                continue  # read as "由A增长到B" below
            if s[max(0, first.start() - 1):first.start()] == "从" and \
                    re.match(r"(?:来)?看", s[last.end():]):
                continue  # "从地区生产总值看,A、B分别为……": read by _topic_first
            end = groups[k + 1][0].start() if k + 1 < len(groups) else len(s)
            seg = s[last.end():end]
            clause_start = _over_listed_places(
                s, sent.start, usable, max(s.rfind(c, 0, first.start()) for c in ",;:") + 1)
            lead = s[clause_start:first.start()]
            if _TARGET.search(lead) or _TARGET.search(seg[:12]) or \
                    re.search(r"目标|预期|力争|计划|安排", s[:first.start()]):
                continue  # targets and plans, also when announced earlier in the sentence
            members = [c for im in group for c in _members(im.group())]
            if members == ["地区生产总值"] and re.search(r"县域(?:经济)?(?:共|合计|累计)?(?:实现|完成)?$", lead):
                members = ["县域地区生产总值"]  # "全省县域实现地区生产总值4.95万亿元"
            abs_i = sent.start + first.start()
            # "肇州县、肇源县和林甸县地区生产总值分别为A、B和C": one value per place.
            listed = [p for p in usable if sent.start + clause_start <= p.span.start < abs_i]
            enumerated = re.fullmatch(r"[、,和及与\s]*", "".join(
                text[a.span.end:b.span.start] for a, b in zip(listed, listed[1:], strict=False)))
            # "A、B分别实现地区生产总值X、Y": 分别 can come before the indicator too
            said_each = "分别" in seg[:12] or (listed and re.fullmatch(
                r"分别(?:实现|完成|达到|为)?", text[listed[-1].span.end:abs_i]) is not None)
            if not listed and said_each and last_spread is not None and (
                    last_spread[0] == sent or text[last_spread[0].end - 1:last_spread[0].end] == ";"
                    and not text[last_spread[0].end:sent.start].strip()):
                # "海安市、如皋市地区生产总值分别为……;一般公共预算收入分别为A、B": the same
                # places, not said again (in the clause after the semicolon)
                listed, enumerated = last_spread[1], True
            counted = re.search(r"(?P<n>[两二三四五六七八九]|\d)(?:地|县市|县|市|区|个县|个市)$", lead)
            if not listed and said_each and counted and last_spread is not None and \
                    parse_int(counted.group("n")) == len(last_spread[1]):
                # "大冶、宜都、仙桃三地……分别为A、B和C。到2023年,三地……分别达到D、E和F":
                # the places counted are those the figures were spread over before
                listed, enumerated = last_spread[1], True
            if not listed and said_each and clause_start > 0:
                # "长沙县、雨花区、岳麓区经济总量位列前三,地区生产总值分别为A、B、C": the places
                # head the clause before, which says nothing else with a number
                prev_start = _over_listed_places(
                    s, sent.start, usable,
                    max(s.rfind(c, 0, clause_start - 1) for c in ",;:") + 1)
                head = [p for p in usable
                        if sent.start + prev_start <= p.span.start < sent.start + clause_start - 1]
                if len(head) > 1 and re.fullmatch(
                        r"(?:(?:19|20)\d\d年)?", s[prev_start:head[0].span.start - sent.start]) \
                        and re.fullmatch(r"[、,和及与\s]*", "".join(
                            text[a.span.end:b.span.start] for a, b in zip(head, head[1:],
                                                                        strict=False))) \
                        and not re.search(r"\d", s[head[-1].span.end - sent.start:clause_start]) \
                        and _spread_count(seg) == len(head):
                    listed, enumerated = head, True
            spread = len(listed) > 1 and len(members) == 1 and said_each and enumerated
            if spread:
                last_spread = (sent, listed)
            # "迁安市、遵化市地区生产总值均在500亿元以上": the same figure for each
            each = len(listed) > 1 and len(members) == 1 and bool(enumerated) and \
                bool(re.match(r"均(?:在|为|达到?|超过|突破)?", seg))
            header = _section_header(text, sent.start, doc.body_start)
            place = _place_for(usable, text, sent, sent.start + clause_start, abs_i, home,
                               last_place, default_place, every=places)
            if place is None and header is not None:
                hp = [p for p in usable if header[0] <= p.span.start < header[1]]
                place = hp[-1].place if hp else None
            place = place or default_place
            if place is not None and not spread and not each:
                last_place = place
            # the year said last before the indicator, but not the "from" year of a change
            # told before it ("由2004年的7.81亿元增加到8.62亿元;完成财政收入……")
            year = year_of(_FROM_YEAR.sub("", s[:first.start()]), ref) or \
                last_year_of(_FROM_YEAR.sub("", _paragraph_before(text, sent)), ref)
            part = s[s.rfind(";", 0, first.start()) + 1:first.start()]  # (a clause of clauses)
            if re.search(r"截[至止](?:目前|当前|\d{1,2}月(?:\d{1,2}日|底|末))", part) and \
                    ref.year is not None and not re.search(r"(?:19|20)\d\d年|去年|上年", part):
                year = ref.year  # "……2020年……;截至目前,全省小麦已收获……": as of now
            if re.search(r"同年|当年", s[:first.start()]) and \
                    not re.search(r"(?:19|20)\d\d年", s[:first.start()]):
                # "同年": the year last written before this sentence, not the article's
                # (not the year a change is measured from: "比2016年增长近七成")
                prior = re.findall(r"(?<![比较与])((?:19[5-9]|20\d)\d)年(?!以来)",
                                   text[max(0, sent.start - 800):sent.start])
                year = int(prior[-1]) if prior else year
            if year is None and re.search(r"(?<![较比与])(?:上半年|一季度|前三季度|前两个月|今年以来|1-\d+月)",
                                          s[:first.start()] + _paragraph_before(text, sent)):
                year = ref.year  # a part of the current year (not "增速较前三季度回升")
            if year is None and header is not None:
                year = year_of(text[header[0]:header[1]], ref)
            if year is None and default_year == ref.year and ref.date is not None and \
                    ref.date.month < 12 and re.search(r"(?<![今本])全年", s[:first.start()]):
                # "全年地区生产总值突破1400亿元" written in August: the last whole year
                year = ref.year - 1
            if year is None and default_year == ref.year:
                # "2012年全市实现地区生产总值……" then, paragraphs on, "神木县、府谷县地区生产总值
                # 分别为……": the past year the article has been reporting on
                earlier = last_year_of(text[doc.body_start:sent.start], ref)
                if earlier is not None and ref.year is not None and earlier < ref.year:
                    year = earlier
            if year is None:
                year = default_year
            if year is not None and re.search(r"(?:^|[,;。])上年", s[clause_start:first.start()]) \
                    and not re.search(r"(?:19|20)\d\d年", s[clause_start:first.start()]):
                year -= 1  # "上年全州地区生产总值为889.7亿元": the year before the one reported on
            # A rate (城镇化率, 森林覆盖率) is itself a percentage; other indicators' percentages
            # are growth rates.
            rate = all(_is_rate(c) for c in members)
            values = [vm for vm in _VALUE.finditer(seg)
                      if (rate or vm.group("u") not in ("%", "个百分点"))
                      # 过千亿元的县域, 跨过千亿元门槛的区: a description
                      and not re.match(r"(?:门槛|大关|关口)?的", seg[vm.end():])
                      # "……超过千亿元的区县达到6个": how many places, not the indicator's figure
                      and not (vm.group("u") in ("个", "家") and re.search(
                          r"(?:区县|县市区?|县区|市县|城市|乡镇|县|区|市|旗)(?:\([市区县旗、]{1,5}\))?"
                          r"(?:要|将)?(?:只有|仅有|已有|共有|达到|有|达|为|共|增至)?$",
                          seg[:vm.start()]))
                      # "……在黑龙江省13个市(地)中居第四位": the places it ranks among
                      and not (vm.group("u") in ("个", "项", "类") and re.match(
                          r"[省市县区州盟旗地]|方面|维度|领域|指标|方向|类别|板块|环节",
                          seg[vm.end():vm.end() + 2]))]
            if rate:
                values = [vm for vm in values if vm.group("u") == "%"]
            # "地区生产总值年均增长6.2%,2020年达到666.9亿元": the figure after its rate
            after_rate = re.fullmatch(rf"(?:年均)?(?:增长|增速为?)\d+(?:\.\d+)?%,(?:(?P<y>(?:19|20)\d\d)年)?"
                                      rf"(?:达到|达|为)(?:{_QB})?", seg[:values[0].start()]) \
                if values else None
            if after_rate is not None and after_rate.group("y"):
                year = int(after_rate.group("y"))
            said_after = re.search(r"[,;]分别(?:为|达到|达|是|实现)", seg) if each else None
            if said_after and values and values[0].start() > said_after.start():
                # "佛山市、东莞市地区生产总值均突破万亿元,分别为A和B": the figures after 分别,
                # one for each place
                each, spread = False, True
            elif values and re.search(r"[,;]", seg[:values[0].start()]) and after_rate is None:
                values = []  # the number belongs to a later clause
            growths = [] if rate else _growths(seg)
            if spread or (each and values):
                shared_q = values[0].group("q") if values else None  # 分别突破A和B: both
                # 均在A以上: the one figure for every place listed
                own = [values[0]] * len(listed) if each and values else values
                for pm, vm in zip(listed, own, strict=False):
                    value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
                    span = Span(pm.span.start, sent.start + last.end() + vm.end())
                    out.append(Observation(pm.place, members[0], year, value, unit,
                                           _qualifier(vm.group("q") or shared_q,
                                                      vm.group("after")), span, sent))
                if spread and growths:  # "分别增长3.2%、3.8%和4.7%"
                    g0 = growths[0]
                    sign = -1 if g0.group("dir") in ("下降", "减少", "回落") else 1
                    tail = seg[g0.start():]
                    nums = [float(a) if a else parse_number(b) for a, b in re.findall(
                        r"(-?\d+(?:\.\d+)?)%|百分之([一二三四五六七八九十零〇两]+(?:点[零〇一二三四五六七八九]+)?)",
                        tail)]
                    for pm, n in zip(listed, nums, strict=False):
                        out.append(Observation(pm.place, members[0] + "增速", year,
                                               sign * n, "%", "=",
                                               Span(pm.span.start, sent.start + last.end()
                                                    + len(seg)), sent))
                    # ",顺德区、禅城区、南海区分别增长2.3%、2.1%和1.8%": more places, the same rate
                    at = sent.start + last.end() + g0.end()
                    for cm in _MORE_SPREAD.finditer(text, at, sent.start + last.end() + len(seg)):
                        more = [p for p in usable
                                if cm.start("places") <= p.span.start < cm.end("places")]
                        gaps = [text[a.span.end:b.span.start] for a, b in zip(more, more[1:], strict=False)]
                        rates = re.split("[、和及]", cm.group("nums"))
                        if len(more) < 2 or len(rates) != len(more) or \
                                more[0].span.start != cm.start("places") or \
                                more[-1].span.end != cm.end("places") or \
                                not all(re.fullmatch(r"[、和及与]", g) for g in gaps):
                            continue
                        sign2 = -1 if cm.group("dir") == "下降" else 1
                        for pm, r in zip(more, rates, strict=True):
                            out.append(Observation(pm.place, members[0] + "增速", year,
                                                   sign2 * float(r.rstrip("%")), "%", "=",
                                                   Span(pm.span.start, cm.end()), sent))
                continue
            if len(members) == 1 and len(values) > 1 and \
                    (values[0].group("q") or values[0].group("after")) and \
                    re.fullmatch(r"(?:大关|关口)?,?(?:达到|达|为|实现|共计)",
                                 seg[values[0].end():values[1].start()]):
                values = values[1:]  # "超过500亿元,达到507.3亿元": the figure itself
            if len(members) == 1:
                values, growths = values[:1], growths[:1]
            for indicator, vm in zip(members, values, strict=False):
                value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
                span = Span(abs_i, sent.start + last.end() + vm.end())
                out.append(Observation(place, indicator, year, value, unit,
                                       _qualifier(vm.group("q"), vm.group("after")), span, sent))
            if k in own_growth:
                growth_values = [(members[0], own_growth[k], "%", "=")]
            elif len(growths) == 1 and len(members) > 1:
                nums = re.findall(r"\d+(?:\.\d+)?", seg[growths[0].start():])
                pairs = list(zip(members, nums, strict=False)) if "分别" in seg else []
                unit = _gunit(growths[0])
                sign = -1 if growths[0].group("dir") in ("下降", "减少", "回落") else 1
                growth_values = [(ind, sign * float(n), unit, "=") for ind, n in pairs]
            else:
                growth_values = []
                for ind, gm in zip(members, growths, strict=False):
                    sign = -1 if gm.group("dir") in ("下降", "减少", "回落") else 1
                    growth_values.append((ind, sign * _gval(gm), _gunit(gm),
                                          _QUAL_BEFORE.get(gm.group("gq") or "")
                                          or _qualifier(None, gm.group("ga"))))
            for ind, v, unit, q in growth_values:
                if unit == "个百分点":
                    continue  # "增速比上年回落4.1个百分点": a change of the rate, not a rate
                span = Span(abs_i, sent.start + last.end() + len(seg))
                out.append(Observation(place, ind + "增速", year, v, unit, q, span, sent))
    out.extend(_topic_first(doc, usable, ref, default_year))
    out.extend(_table_rows(doc, ref, default_place, default_year))
    out.extend(_indicator_table(doc, default_place, default_year))
    out.extend(_place_table(doc, places, ref, default_year))
    out.extend(_ranked_lines(doc, places, ref))
    out.extend(_urban_rural(doc, out))
    out.extend(_per_capita(doc, out))
    out.extend(_same_figure(doc, out))
    out.extend(_indicator_carried(doc, usable, out))
    # one figure read twice from the same place in the text (a clause spread and the sentence's
    # reading end at different points): the shorter reading
    once: dict[tuple, Observation] = {}
    for o in sorted(set(out), key=lambda o: (o.span.end, o.evidence.start, o.evidence.end)):
        once.setdefault((o.place, o.indicator, o.year, o.value, o.unit, o.qualifier, o.span.start), o)
    return sorted(_without_headline_rounding(set(once.values()), doc.body_start), key=fact_order)


def _topic_first(doc: Document, places: list[PlaceMention], ref: Reference,
                 default_year: int | None) -> list[Observation]:
    """"从地区生产总值看,东胜区、准格尔旗分别为612.4亿元、705.8亿元,分别增长17.5%、20.3%;达拉特旗、
    鄂托克旗分别达到231.5亿元和189.7亿元,增速均在18%以上": the indicator said first, then the
    places and their figures, clause by clause."""
    text = doc.text
    out: list[Observation] = []
    starts = {p.span.start: p for p in places}
    for m in re.finditer(r"从(?P<ind>" + _indicator_re().pattern + r")(?:来)?看[,:]", text):
        members = _members(m.group("ind"))
        if len(members) != 1:
            continue
        end, year = _topic_reach(doc, m, ref, default_year)
        out.extend(_spread_clauses(doc, starts, members[0], year, m.end(), end))
    # "福州市、泉州市地区生产总值分别为A、B,分别增长……;漳州市、宁德市分别为C、D,分别增长……":
    # the indicator said in the first clause, the next clauses of the sentence its places
    for m in re.finditer(r"(?P<ind>" + _indicator_re().pattern + r")分别(?:为|达到|达|实现|是|增长|下降)", text):
        members = _members(m.group("ind"))
        if len(members) != 1:
            continue
        end, year = _topic_reach(doc, m, ref, default_year)
        nxt = text.find(";", m.end(), end)
        if nxt >= 0:
            out.extend(_spread_clauses(doc, starts, members[0], year, nxt + 1, end))
    out.extend(_topic_then_places(doc, starts, ref, default_year))
    return out


def _spread_clauses(doc: Document, starts: dict[int, PlaceMention], indicator: str,
                    year: int | None, begin: int, end: int) -> list[Observation]:
    """The clauses from ``begin`` to ``end`` that each start with places and spread figures of
    ``indicator`` over them ("东胜区、准格尔旗分别为612.4亿元、705.8亿元,分别增长17.5%、20.3%;")."""
    text = doc.text
    out: list[Observation] = []
    pos = begin
    for clause in re.split(r"(?<=;)", text[begin:end]):
        at, listed = pos, []
        pos += len(clause)
        while at in starts:  # the places at the clause's head, joined by 、 , 和
            listed.append(starts[at])
            at = listed[-1].span.end
            sep = re.match(r"[、,和及与]", text[at:at + 1])
            if sep is None or at + 1 not in starts:
                break
            at += 1
        head = re.match(r"(?:分别)(?:为|达到|达|实现|是)?", text[at:pos])
        if len(listed) < 1 or head is None:
            continue
        rest = text[at + head.end():pos]
        values = [v for v in _VALUE.finditer(rest) if v.group("u") not in ("%", "个百分点")]
        cut = re.search(r"[,;]\s*(?:分别)?(?:增长|增速|下降)", rest)
        values = [v for v in values if cut is None or v.start() < cut.start()]
        evidence = doc.sentence_of(Span(at, at + 1))
        for pm, vm in zip(listed, values, strict=False):
            value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
            out.append(Observation(pm.place, indicator, year, value, unit,
                                   _qualifier(vm.group("q"), vm.group("after")),
                                   Span(pm.span.start, at + head.end() + vm.end()), evidence))
        # ("贵阳市、遵义市分别增长9.9%和10.4%": the rates right after 分别)
        growth = re.search(r"(?:^|分别)(?:比上年)?(?P<dir>增长|下降)(?P<nums>[\d.%、,和及]+)", rest)
        each = re.search(r"增速均(?:在|为|超过)?(?P<n>\d+(?:\.\d+)?)%(?P<after>以上)?", rest)
        if growth:
            sign = -1 if growth.group("dir") == "下降" else 1
            nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", growth.group("nums"))]
            pairs = [(pm, sign * n, "=") for pm, n in zip(listed, nums, strict=False)]
        elif each:
            pairs = [(pm, float(each.group("n")), ">" if each.group("after") else "=")
                     for pm in listed]
        else:
            pairs = []
        for pm, n, q in pairs:
            out.append(Observation(pm.place, indicator + "增速", year, n, "%", q,
                                   Span(pm.span.start, pos), evidence))
    return out


def _topic_reach(doc: Document, m: re.Match[str], ref: Reference, default_year: int | None
                 ) -> tuple[int, int | None]:
    """Where the figures of an indicator said first run to (the sentence's end), and their
    year (the last one the text said before, else the article's)."""
    text = doc.text
    end = min((i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0),
              default=len(text))
    earlier = last_year_of(_FROM_YEAR.sub("", text[doc.body_start:m.start()]), ref)
    return end, earlier if earlier is not None else default_year


def _topic_then_places(doc: Document, starts: dict[int, PlaceMention], ref: Reference,
                       default_year: int | None) -> list[Observation]:
    """"人均地区生产总值方面,肥西县超过8.5万元,长丰县约7.8万元,肥东县为63500元": the indicator,
    then one place and its figure a clause."""
    text = doc.text
    out: list[Observation] = []
    for m in re.finditer(r"(?P<ind>" + _indicator_re().pattern + r")方面[,:]", text):
        members = _members(m.group("ind"))
        if len(members) != 1:
            continue
        end, year = _topic_reach(doc, m, ref, default_year)
        evidence = doc.sentence_of(Span(m.start(), m.end()))
        pos = m.end()
        for clause in re.split(r"(?<=[,;])", text[m.end():end]):
            at = pos
            pos += len(clause)
            pm = starts.get(at)
            if pm is None:
                continue
            head = re.match(r"(?:为|达到|达|实现|是)?", text[pm.span.end:pos])
            vm = _VALUE.match(text, pm.span.end + head.end(), pos)
            if vm is None or vm.group("u") in ("%", "个百分点"):
                continue
            value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
            out.append(Observation(pm.place, members[0], year, value, unit,
                                   _qualifier(vm.group("q"), vm.group("after")),
                                   Span(pm.span.start, vm.end()), evidence))
    return out


# The year a change is counted from ("由2004年的7.81亿元增加到", "比2008年增长"): not the year of
# the figures said after it.
_FROM_YEAR = re.compile(r"(?:由|从|比|较)(?:19|20)\d\d年(?:的|末|底)?")


def _over_listed_places(s: str, offset: int, usable: list[PlaceMention], start: int) -> int:
    """Where the clause starting at ``start`` begins when the places listed at its head were
    separated by "," (half-width text writes 、 so, like the clauses' commas): "永康市,东阳市,
    兰溪市地区生产总值分别为" is one clause, not three. A place counts as listed when it is a
    clause of its own that ends right before the comma."""
    blank = " \t\u3000"  # (a space after a half-width comma is layout: "巩义市, 新郑市")
    while start < len(s) and s[start] in blank:
        start += 1
    begins = {p.span.start - offset for p in usable}
    ends = {p.span.end - offset: p for p in usable}
    while start in begins and start > 0:
        k = start
        while k > 0 and s[k - 1] in blank:
            k -= 1
        if k == 0 or s[k - 1] != ",":
            break
        before = ends.get(k - 1)
        if before is None:
            break
        at = j = before.span.start - offset
        while j > 0 and s[j - 1] in blank:
            j -= 1
        start = at
        if j > 0 and s[j - 1] not in ",;:":
            break  # "郑州市所辖的巩义市, 新郑市": the list's first item, after its own words
    return start


_MORE_SPREAD = re.compile(r"(?<=[,;])(?P<places>[\u4e00-\u9fff、和及与]{4,60}?)(?:则|也)?分别(?:比上年|同比)?"
                          r"(?P<dir>增长|下降)(?P<nums>\d+(?:\.\d+)?%(?:[、和及]\d+(?:\.\d+)?%)+)")


# "分别增长7.6%和9.1%": a rate for each of the things listed before it; _ALONE when no amount
# follows the numbers ("分别增长3万元和2万元" are amounts)
_EACH_RATE = re.compile(r"分别(?:比上年|较上年|同比)?(?P<dir>增长|下降)(?P<nums>\d+(?:\.\d+)?%?(?:[、和及]\d+(?:\.\d+)?%?)+)")
_EACH_RATE_ALONE = re.compile(_EACH_RATE.pattern + r"(?![\d.]*(?:万|亿|元))")


def _spread_count(seg: str) -> int:
    """How many figures a "分别" clause gives: its amounts, or else the rates of its first
    "分别增长A和B" ("高明区、三水区增长较快,地区生产总值分别增长4.2%和3.5%")."""
    amounts = [v for v in _VALUE.finditer(seg) if v.group("u") not in ("%", "个百分点")]
    if amounts:
        return len(amounts)
    rates = _EACH_RATE.match(seg)
    return len(re.split("[、和及]", rates.group("nums"))) if rates else 0


def _without_headline_rounding(found: set[Observation], body_start: int) -> set[Observation]:
    """"榆林经济总量突破2700亿元" over a body that gives 2769.2亿元: the headline rounds the
    body's figure; one fact, kept as the body says it."""
    body = [o for o in found if o.span.start >= body_start]

    def rounded(h: Observation) -> bool:
        return any(o.place == h.place and o.indicator == h.indicator and o.unit == h.unit
                   and o.qualifier == "=" and (
                       (h.qualifier == ">" and h.value <= o.value < h.value * 1.2)
                       or (h.qualifier == "<" and h.value * 0.8 < o.value <= h.value)
                       or (h.qualifier == "~" and abs(o.value - h.value) <= 0.1 * h.value))
                   for o in body)

    return {o for o in found if o.span.start >= body_start or not rounded(o)}


_SPLIT_INCOME = re.compile(rf"其中[,]?城镇(?:常住)?居民(?:人均可支配收入)?(?:为|达到?)?(?P<q1>{_QB})?(?P<u>{NUMBER_RE})"
                           rf"(?P<uu>{UNIT_RE})(?:,?增长(?P<gu>\d+(?:\.\d+)?)%)?[,、;和]农村(?:常住)?居民"
                           rf"(?:人均可支配收入)?(?:为|达到?)?(?P<q2>{_QB})?(?P<r>{NUMBER_RE})(?P<ru>{UNIT_RE})"
                           r"(?:,?增长(?P<gr>\d+(?:\.\d+)?)%)?")


_PER_CAPITA = re.compile(rf"[,;]人均(?:地区生产总值|GDP)?(?:达到|达|为|约为)?(?P<q>{_QB})?(?P<n>{NUMBER_RE})"
                         rf"(?P<u>{UNIT_RE})(?P<after>以上|以内|多|左右|余)?")


def _per_capita(doc: Document, found: list[Observation]) -> list[Observation]:
    """"地区生产总值2900亿元,人均达到13.8万元": the per-head figure of the total just given."""
    out = []
    for m in _PER_CAPITA.finditer(doc.text):
        sent = doc.sentence_of(Span(m.start(), m.end()))
        before = [o for o in found if o.indicator == "地区生产总值" and o.evidence == sent
                  and o.span.end <= m.start()]
        if not before or m.group("u") not in ("元", "万元"):
            continue
        base = before[-1]
        value, unit = scale(parse_number(m.group("n")), m.group("u"))
        out.append(Observation(base.place, "人均地区生产总值", base.year, value, unit,
                               _qualifier(m.group("q"), m.group("after")),
                               Span(m.start("n"), m.end("u")), sent))
    return out


_SAME_FIGURE = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?,?(?:这一|该)(?:数字|数据|指标|数值)(?:已经?)?"
                          r"(?:达到|达|为|增至|增长到|增加到|提高到|上升到|降至|下降到)" + _VALUE.pattern)


def _level_before(found: list[Observation], pos: int, keep) -> Observation | None:
    """The last figure (not a growth rate) told before ``pos`` that ``keep`` accepts: the one a
    figure with no indicator of its own continues."""
    before = [o for o in found if o.span.end <= pos and not o.indicator.endswith("增速") and keep(o)]
    return max(before, key=lambda o: o.span.end) if before else None


def _continued(base: Observation, place: PlaceRef, year: int | None, vm: re.Match[str],
               span: Span, sent: Span) -> Observation | None:
    """The figure ``vm`` of ``place`` under ``base``'s indicator; None in another unit."""
    value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
    if unit != base.unit:
        return None
    return Observation(place, base.indicator, year, value, unit,
                       _qualifier(vm.group("q"), vm.group("after")), span, sent)


def _same_figure(doc: Document, found: list[Observation]) -> list[Observation]:
    """"2017年,全县农村居民人均可支配收入为9850元;2023年,这一数字达到16420元": the figure
    just given, of another year."""
    out = []
    for m in _SAME_FIGURE.finditer(doc.text):
        para = doc.text.rfind("\n", 0, m.start()) + 1
        base = _level_before(found, m.start(), lambda o, para=para: para <= o.span.start)
        if base is None or not m.group("y"):
            continue
        obs = _continued(base, base.place, int(m.group("y")), m, Span(m.start("n"), m.end("u")),
                         doc.sentence_of(Span(m.start(), m.end())))
        if obs is not None:
            out.append(obs)
    return out


_EACH_REACHED = re.compile(r"分别(?:为|达到|达|是|实现|完成)")
# "2020年长沙县地区生产总值达1859.6亿元,浏阳市为1435.9亿元": one place, its figure
_ONE_REACHED = re.compile(r"(?:为|达到|达|是)?")


def _indicator_carried(doc: Document, places: list[PlaceMention], found: list[Observation]
                       ) -> list[Observation]:
    """"深圳、广州地区生产总值分别为3.46万亿元、3.04万亿元,佛山、东莞分别达到1.33万亿元和1.14万亿元":
    places and their figures in a clause that names no indicator are the one said just before
    in the sentence, of its year."""
    text = doc.text
    out = []
    for pm in places:  # "……,浏阳市为1435.9亿元,宁乡市为1108.2亿元" (or "; 阜康市329.80亿元")
        verb = _ONE_REACHED.match(text, pm.span.end)
        if verb is None or text[:pm.span.start].rstrip(" ")[-1:] not in (",", ";"):
            continue
        sent = doc.sentence_of(pm.span)
        # (the figure said before, in this sentence or the one a semicolon ended just before)
        semi = text[:sent.start].rstrip(" ").endswith(";")
        base = _level_before(found + out, pm.span.start,
                             lambda o, sent=sent, pm=pm, semi=semi: o.place != pm.place and (
                                 o.evidence == sent or semi and o.evidence.end <= sent.start
                                 and not text[o.evidence.end:sent.start].strip(" ;\n")))
        value = _VALUE.match(text, verb.end())
        if base is None or value is None or not re.match(r"[,;。.]|$", text[value.end():value.end() + 1]):
            continue
        obs = _continued(base, pm.place, base.year, value, Span(pm.span.start, value.end()), sent)
        if obs is not None:
            out.append(obs)
    for m in _EACH_REACHED.finditer(text):
        sent = doc.sentence_of(Span(m.start(), m.end()))
        start = max(text.rfind(c, sent.start, m.start()) for c in ",;") + 1
        if start <= sent.start:
            continue  # the sentence's first clause says its own indicator, if any
        if text.startswith("其中", start):
            start += 2  # "全市……达到3000亿元,其中江津区、永川区分别为A和B"
        listed = sorted((p for p in places if start <= p.span.start and p.span.end <= m.start()),
                        key=lambda p: p.span.start)
        if len(listed) < 2 or listed[0].span.start != start or listed[-1].span.end != m.start() \
                or any(not re.fullmatch(r"[、和及与]", text[a.span.end:b.span.start])
                       for a, b in zip(listed, listed[1:], strict=False)):
            continue
        base = _level_before(found, start, lambda o, sent=sent: o.evidence == sent)
        if base is None:
            continue
        stop = min([i for i in (text.find(c, m.end(), sent.end) for c in ",;。") if i >= 0]
                   or [sent.end])
        values = list(_VALUE.finditer(text, m.end(), stop))
        if len(values) != len(listed):
            continue
        for pm, vm in zip(listed, values, strict=True):
            obs = _continued(base, pm.place, base.year, vm, Span(pm.span.start, vm.end()), sent)
            if obs is None:
                break
            out.append(obs)
    return out


def _urban_rural(doc: Document, found: list[Observation]) -> list[Observation]:
    """"居民人均可支配收入X元,……其中城镇居民Y元、农村居民Z元": the two parts of the figure
    just given, with its place and year."""
    out = []
    for m in _SPLIT_INCOME.finditer(doc.text):
        before = [o for o in found if o.indicator == "居民人均可支配收入"
                  and o.span.end <= m.start() and doc.sentence_of(o.span) ==
                  doc.sentence_of(Span(m.start(), m.end()))]
        if not before:
            continue
        base = before[-1]
        sent = base.evidence
        for ind, num, unit, q, g in (("城镇居民人均可支配收入", "u", "uu", "q1", "gu"),
                                     ("农村居民人均可支配收入", "r", "ru", "q2", "gr")):
            value, u = scale(parse_number(m.group(num)), m.group(unit))
            span = Span(m.start(num), m.end(unit))
            out.append(Observation(base.place, ind, base.year, value, u,
                                   _qualifier(m.group(q), None), span, sent))
            if m.group(g):
                out.append(Observation(base.place, ind + "增速", base.year, float(m.group(g)),
                                       "%", "=", span, sent))
    return out


_ROW = re.compile(r"^[ \t]*(?P<ind>[\u4e00-\u9fff()（）]{2,20}?)[ \t]{2,}(?P<unit>[\u4e00-\u9fff%]{1,4})"
                  r"[ \t]+(?P<v>-?\d+(?:\.\d+)?)(?:[ \t]+(?P<g>-?\d+(?:\.\d+)?))?[ \t]*$", re.M)


def _table_rows(doc: Document, ref: Reference, place: PlaceRef | None, year: int | None
                ) -> list[Observation]:
    """A plain-text table of indicators: "地区生产总值   亿元   412.6   6.8", under a head row
    naming the columns (单位, 同比增长(%))."""
    text = doc.text
    out = []
    for m in _ROW.finditer(text):
        canon = indicators().get(m.group("ind"))
        unit = m.group("unit")
        if canon is None or len(canon) != 1 or unit not in UNIT_SCALE_KEYS:
            continue
        head_start = text.rfind("单位", 0, m.start())
        if head_start < 0 or m.start() - head_start > 600:
            continue
        head = text[head_start:text.find("\n", head_start)]
        row_year = year_of(head, ref) or (ref.year if re.search(r"\d+\s*[—-]\s*\d+月|季度|上半年",
                                                                head) else year)
        sent = doc.sentence_of(Span(m.start("ind"), m.end()))
        span = Span(m.start("ind"), m.end())
        value, base = scale(parse_number(m.group("v")), unit)
        out.append(Observation(place, canon[0], row_year, value, base, "=", span, sent))
        if m.group("g") and re.search(r"增长|增速|增幅", head):
            out.append(Observation(place, canon[0] + "增速", row_year, float(m.group("g")), "%",
                                   "=", span, sent))
    return out


_INDICATOR_HEAD = re.compile(r"指标(?:名称)?|项目")
_AMOUNT_HEAD = re.compile(r"数量|数值|绝对(?:数|值|量)|总量|金额|规模|(?:19|20)\d\d年(?:度)?(?:数值|完成)?")


def _indicator_table(doc: Document, place: PlaceRef | None, year: int | None
                     ) -> list[Observation]:
    """A table of one place's indicators with their figures written with units ("| 指标 | 数量 |
    比上年增长 |" over "| 禽蛋产量 | 8.7万吨 | 2.1% |"): the figure, and the growth rate when a
    column says 增长. The indicator is its cell as written (a known name in its usual form)."""
    text = doc.text
    out: list[Observation] = []
    cols: tuple[int, int, int | None] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = _cells(line) if ("|" in line or "\t" in line) else []
        if len(cells) < 2:
            cols = None
            continue
        names = [c for _o, c in cells]
        if _INDICATOR_HEAD.fullmatch(names[0]):
            amount = next((k for k, c in enumerate(names) if k and _AMOUNT_HEAD.fullmatch(c)), None)
            growth = next((k for k, c in enumerate(names)
                           if k and _GROWTH_COLUMN.fullmatch(_HEAD_CELL.fullmatch(c).group("name"))), None)
            cols = (0, amount, growth) if amount is not None else None
            continue
        if cols is None or re.fullmatch(r"[-: ]+", names[0]) or max(k for k in cols if k is not None) >= len(cells):
            continue
        (io, ind), (vo, cell) = cells[cols[0]], cells[cols[1]]
        vm = _VALUE.fullmatch(cell)
        if vm is None or not re.fullmatch(r"[\u4e00-\u9fff()（）]{2,20}", ind) or vm.group("u") == "%":
            continue
        known = indicators().get(ind)
        name = known[0] if known and len(known) == 1 else ind
        value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
        span, sent = Span(start + io, start + vo + len(cell)), doc.sentence_of(Span(start + io, start + io + 1))
        out.append(Observation(place, name, year, value, unit,
                               _qualifier(vm.group("q"), vm.group("after")), span, sent))
        if cols[2] is not None:
            g = re.fullmatch(r"(-?\d+(?:\.\d+)?)%?", cells[cols[2]][1])
            if g:
                out.append(Observation(place, name + "增速", year, float(g.group(1)), "%", "=",
                                       span, sent))
    return out


# (one space after a head cell's unit is a separator too: "地区生产总值(亿元) 比上年增长(%)", as
# a full-width space becomes after normalization)
# (and one space before a figure, after a name or a figure: "西宁市 1642.3 1.5", as rows set with
# one full-width space become)
_CELL_SEP = re.compile(r"[ \t]*\|[ \t]*|\t+[ \t]*| {2,}|\u3000+|(?<=\)) (?=\S)|"
                       r"(?<=[\u4e00-\u9fff\d%]) (?=[-+]?\d)")
# the kinds of division a column lists: 县, 区县, 旗区, 盟市, 县(市、区), 旗县(市、区), 区县(市)
_PLACE_COLUMN = re.compile(r"地\s*区|区\s*域|地\s*方|县名|名\s*称|设区市|地级市|城\s*市|市\s*[(（]\s*州\s*[)）]|"
                           r"[县市区旗盟州]{1,3}\s*(?:[(（]\s*[县市区旗、\s]+[)）][县市区旗]?)?")
_HEAD_CELL = re.compile(r"(?P<name>.+?)\s*(?:[(（]\s*(?P<unit>[^()（）]+?)\s*[)）])?")
_GROWTH_COLUMN = re.compile(r"(?:同比|比上年)?(?:增速|增长|增幅)(?:率)?")


def _cells(line: str) -> list[tuple[int, str]]:
    """A table line's cells with their offsets in the line (Markdown pipes, tabs, or columns
    aligned with runs of spaces)."""
    out, pos = [], 0
    for m in [*_CELL_SEP.finditer(line), None]:
        end = m.start() if m else len(line)
        if line[pos:end].strip():
            lead = len(line[pos:end]) - len(line[pos:end].lstrip())
            out.append((pos + lead, line[pos:end].strip()))
        if m:
            pos = m.end()
    return out


def _place_table(doc: Document, places: list[PlaceMention], ref: Reference,
                 year: int | None) -> list[Observation]:
    """A table of places by indicator ("地区  地区生产总值(亿元)  增速(%)", then one line per
    county): one figure per place and column whose head is a known indicator with its unit,
    and the growth rate of the indicator before a 增速 column."""
    text = doc.text
    at = {p.span.start: p for p in places}
    out: list[Observation] = []
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    i = 0
    while i < len(lines):
        cells = _cells(lines[i])
        where = next((k for k, (_o, c) in enumerate(cells) if _PLACE_COLUMN.fullmatch(c)), None)
        columns: list[tuple[str, str, str] | None] = []
        # "单位:亿元、%、元" above a head whose cells give no unit
        said = re.search(r"单位[:]\s*(?P<u>[^\n]{1,30})\n[^\n]*$",
                         text[max(0, starts[i] - 120):starts[i]]) if where is not None else None
        units_said = re.split(r"[、,/ ]+", said.group("u").strip()) if said else []
        head_year = None  # "2022年地区生产总值(亿元)": the column's year in its head
        # the units on a line of their own under the head: "(亿元)  (%)  (亿元)  (%)  (元)"
        below = _cells(lines[i + 1]) if where is not None and i + 1 < len(lines) else []
        unit_row = [u.group(1).strip() for _o, c in below
                    if (u := re.fullmatch(r"[(（]([^()（）]{1,6})[)）]", c))]
        if unit_row and len(unit_row) == len(below) and len(below) > len(cells) - where - 1:
            # a head set with one full-width space between its cells ("地区生产总值 增速"):
            # the units line says how many there are
            split = [(o + w.start(), w.group()) for o, c in cells[where + 1:]
                     for w in re.finditer(r"\S+", c)]
            cells = [*cells[:where + 1], *split] if len(split) == len(below) else cells
        if not below or len(unit_row) != len(below) or len(below) != len(cells) - where - 1:
            unit_row = []
        for k, (_o, c) in enumerate(cells[where + 1:] if where is not None else []):
            m = _HEAD_CELL.fullmatch(c)
            name, unit = m.group("name"), m.group("unit") or (unit_row[k] if unit_row else "")
            said_year = re.match(r"((?:19|20)\d\d)年度?", name)
            if said_year and len(name) > said_year.end():
                head_year, name = int(said_year.group(1)), name[said_year.end():]
            if not unit and units_said:
                canon_said = indicators().get(name, ("",))[0]
                money = next((u for u in ("亿元", "万元", "元") if u in units_said), "")
                unit = "%" if _GROWTH_COLUMN.fullmatch(name) and "%" in units_said else \
                    ("元" if "人均" in canon_said and "元" in units_said else money)
            canon = indicators().get(name)
            named = _GROWTH_COLUMN.search(name)  # 增速(%), or 地区生产总值增速(%)
            if named and named.end() == len(name) and unit in ("%", "") and columns and \
                    columns[-1] is not None and columns[-1][0] == "value" and \
                    (named.start() == 0 or indicators().get(name[:named.start()], [""])[0]
                     == columns[-1][1]):
                columns.append(("growth", columns[-1][1], "%"))
            elif named and named.end() == len(name) and named.start() > 0 and unit in ("%", "") \
                    and len(indicators().get(name[:named.start()], ())) == 1:
                # "规模以上工业增加值增速(%)" with no column of its amounts: a rate of its own
                columns.append(("growth", indicators()[name[:named.start()]][0], "%"))
            elif canon is not None and len(canon) == 1 and (
                    unit in UNIT_SCALE_KEYS or (unit == "%" and _is_rate(canon[0]))):
                columns.append(("value", canon[0], unit))
            else:
                columns.append(None)
        if not any(columns):
            i += 1
            continue
        before = text[max(0, starts[i] - 300):starts[i + 1]]
        row_year = head_year or last_year_of(before, ref) or (
            ref.year if re.search(r"\d+\s*[—-]\s*\d+月|季度|上半年", before) else year)
        i += 2 if unit_row else 1
        while i < len(lines):
            row = _cells(lines[i])
            if not row or set(row[0][1]) <= set("-:| "):
                i += 1  # a Markdown rule under the head, or the blank line between a page
                continue  # table's rows
            if len(row) == len(cells) + 1 and re.fullmatch(r"[\u4e00-\u9fff]{2}",
                                                            row[0][1] + row[1][1]):
                # "全  市", "澄  迈": a two-character name padded to the width of three
                row = [(row[0][0], row[0][1] + row[1][1]), *row[2:]]
            if len(row) != len(cells):
                break
            mention = at.get(starts[i] + row[where][0])
            if mention is None and re.fullmatch(r"全\s*[省市县区州盟旗]|合\s*计|总\s*计", row[where][1]):
                i += 1  # the whole city's line among its counties' (its figures are told in prose)
                continue
            if mention is None:
                break
            if mention.span.end - mention.span.start < len(row[where][1].replace(" ", "")):
                i += 1  # "曲靖经开区": a zone named after its city, not the city
                continue
            span = Span(starts[i] + row[where][0], starts[i] + len(lines[i].rstrip()))
            sent = doc.sentence_of(span)
            for col, (_o, cell) in zip(columns, row[where + 1:], strict=False):
                if col is not None and col[0] == "growth":
                    cell = cell.removesuffix("%")  # "| 万州区 | 1161.2 | 6.2% |"
                if col is None or not re.fullmatch(r"-?\d+(?:\.\d+)?", cell):
                    continue
                kind, indicator, unit = col
                if kind == "growth":
                    out.append(Observation(mention.place, indicator + "增速", row_year,
                                           float(cell), "%", "=", span, sent))
                else:
                    value, base = scale(parse_number(cell), unit)
                    out.append(Observation(mention.place, indicator, row_year, value, base, "=",
                                           span, sent))
            i += 1
    return out


_RANKED_LINE = re.compile(rf"^[ \t\u3000\-*+•·]*(?:第\s*(?:\d+|[一二三四五六七八九十]+)\s*[位名]|\d+[.、])?[ \t\u3000]*"
                          rf"(?P<place>[\u4e00-\u9fff]{{2,12}})(?:[ \t\u3000]+|,[ \t\u3000]*)(?:(?P<q>{_QB}))?(?P<v>{NUMBER_RE})"
                          rf"(?P<u>{UNIT_RE})(?P<after>以上|左右|多|余)?[ \t\u3000]*$", re.M)


def _ranked_lines(doc: Document, places: list[PlaceMention], ref: Reference) -> list[Observation]:
    """"第1位 博罗县 723.6亿元" under "2020年广东县(市)地区生产总值排名(前十位)": each line's
    figure is the heading's indicator for its place, in the heading's year."""
    text = doc.text
    at = {p.span.start: p for p in places}
    out: list[Observation] = []
    for m in _RANKED_LINE.finditer(text):
        pm = at.get(m.start("place"))
        if pm is None or pm.span.end != m.end("place"):
            continue
        above = text[max(0, m.start() - 400):m.start()].rstrip("\n").split("\n")
        heading = next((ln for ln in reversed(above[-12:]) if ln.strip() and
                        not _RANKED_LINE.match(ln)), "")
        if re.search(r"[。,;]", heading):
            # a sentence over the lines: "根据……发布的《2022年全省设区市地区生产总值排名》,
            # ……依次为:" names the ranking in quotes
            named = re.findall(r"[《“\"]([^》”\"]{4,40}(?:排名|排行|排序|榜))[》”\"]", heading)
            # (or unquoted, ending the sentence: "根据公布的数据,2018年贵州九个市州地区生产总值
            # 排名如下:")
            named = named or re.findall(r"((?:19|20)\d\d年[^,。;:]{2,40}?(?:排名|排行|排序))(?:如下|依次为)?:?\s*$",
                                        heading)
            heading = named[-1] if named else ""
        if not re.search(r"排名|排行|排序|榜", heading):
            continue
        ind = _indicator_re().search(heading)
        year = year_of(heading, ref)
        if ind is None or year is None or len(_members(ind.group())) != 1:
            continue
        value, unit = scale(parse_number(m.group("v")), m.group("u"))
        span = Span(m.start("place"), m.end("u"))
        out.append(Observation(pm.place, _members(ind.group())[0], year, value, unit,
                               _qualifier(m.group("q"), m.group("after")), span,
                               doc.sentence_of(span)))
    return out


def _main_place(doc: Document, places: list[PlaceMention],
                home: dict[str, PlaceRef] | None = None) -> PlaceRef | None:
    """The place an article's unattributed figures belong to: the city, when the article goes
    over three or more of the city's own counties (a city's bulletin: "东台、大丰领跑全市");
    else the one in the headline, else the one mentioned most often."""
    title_end = doc.sentences[0].end if doc.sentences else 0
    in_title = [p for p in places if p.span.start < title_end]
    city = (home or {}).get("市")
    if city is not None and city.level == "prefecture" and len(
            {p.place.code for p in places if p.place.parent_code == city.code}) >= 3 and (
            len({p.place.code for p in in_title}) != 1
            or re.search(r"我市|全市", doc.text[:title_end])):
        return city  # not when the headline is about one of them ("长葛市……首进全省前五")
    if in_title:
        order = {"county": 0, "prefecture": 1, "province": 2}
        return min(in_title, key=lambda p: (order.get(p.place.level, 3), p.span.start)).place
    counts: dict[PlaceRef, int] = {}
    for p in places:
        counts[p.place] = counts.get(p.place, 0) + 1
    return max(counts, key=lambda r: (counts[r], r.code)) if counts else None


def _main_year(doc: Document, ref: Reference) -> int | None:
    """The year an article's figures are for when a sentence does not say: the headline's year
    (…2021年统计公报, not a date like 2023年1月9日), else the reference year."""
    title = doc.text[:doc.sentences[0].end] if doc.sentences else ""
    if re.fullmatch(r"\s*-{3,}\s*", title):  # Markdown front matter: its "title:" line
        title = doc.text[:doc.body_start]
    m = re.search(r"(19[5-9]\d|20\d\d)年(?![\d一二三四五六七八九十]+月)", title)
    if m:
        return int(m.group(1))
    return ref.year


def _is_rate(indicator: str) -> bool:
    return indicator.endswith(("率", "比重", "强度", "比例", "占比"))


def _section_header(text: str, pos: int, floor: int = 0) -> tuple[int, int] | None:
    """The nearest heading above ``pos`` ("## 长沙主要经济指标(2021年)", "一、2022年工作回顾"):
    a short line that is not a sentence, a bullet, a figure or a dateline, below ``floor``
    (the end of the headline block)."""
    end = text.rfind("\n", 0, pos)
    for _ in range(12):
        if end <= floor:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and len(line) <= 40 and not line.endswith(("。", ";", ",")) and \
                not line.startswith(("-", "*", "•", "·", "|")) and \
                not re.search(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:元|人|吨|%)", line) and \
                not re.search(r"\d{1,2}月\d{1,2}日", line):
            return (start, end)
        end = start - 1
    return None


_ORGAN_AFTER = re.compile(r"(?:人民)?(?:政府|统计局|发展和改革委员会|发改委|财政局|[^,。;]{0,6}?(?:局|厅|办))"
                          r"(?:初步)?(?:核算|统计|测算|发布|公布|数据|显示)"
                          # "根据遵义市统一核算结果,全市……": the city that compiled a county's
                          r"|(?:统一|初步)核算")


_SPEAKER_LEAD = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff·]{2,8}?(?:在(?:交流|表态)?发言中|在会上)?"
                           r"(?:说|介绍|表示|谈到|汇报说)[,:]")


def _place_for(places: list[PlaceMention], text: str, sent: Span, clause_start: int, pos: int,
               home: dict[str, PlaceRef], carried: PlaceRef | None,
               main: PlaceRef | None = None, every: list[PlaceMention] = ()) -> PlaceRef | None:
    """Whose statistic: a place named in the clause, 全市/全县 (the city or county the sentence
    names, else the article's own), a place named earlier in the sentence, or the place of the
    previous statistic in the paragraph. ``every``: all the places, also those that name an
    organ ("田阳区委书记"), which ``places`` leaves out."""
    in_clause = [p for p in places if clause_start <= p.span.start < pos]
    if in_clause:
        return in_clause[-1].place
    # (not a place that names an organ: "经陕西省统计局初步核算,全市……": the source)
    earlier = [p for p in places if sent.start <= p.span.start < clause_start
               and not _ORGAN_AFTER.match(text, p.span.end)]
    # (not a place said in passing, as what the subject is part of: "长葛是河南县域经济的
    # 排头兵,2022年地区生产总值达到637.2亿元")
    subjects = [p for p in earlier if not re.match(r"县域|省内|的", text[p.span.end:p.span.end + 2])]
    earlier = subjects or earlier
    that = re.search(r"该(市|县|区|州|盟|旗)", text[clause_start:pos])
    if that and not earlier:
        # "肥西县委书记A作交流发言。他介绍,去年该县地区生产总值……": the county named last
        named = [p for p in every if p.span.start < clause_start and clause_start - p.span.start < 400
                 and p.place.name.endswith(that.group(1)) and p.place.level != "province"]
        if named:
            return named[-1].place
    scope = r"(?:全|我|本)(市|县|区|省|州|盟|旗)(?!的?" + _COMPARED + ")"
    m = re.search(scope, text[clause_start:pos])
    if m is None and not earlier:
        # "2021年,全省制造业增加值约4.2万亿元,规模以上工业增加值比上年增长12.8%": the whole
        # province said in the sentence's first clause holds for the clauses after it
        m = next(reversed(list(re.finditer(scope, text[sent.start:clause_start]))), None)
    if m:
        word = m.group(1)
        said = [p for p in earlier if p.place.name.endswith(word) and p.place.level != "province"]
        if not said:
            # "罗承志在发言中说,安宁市坚持……。2019年,全市……": the place the speaker spoke for
            par_start = text.rfind("\n", 0, sent.start) + 1
            lead = _SPEAKER_LEAD.match(text, par_start, sent.start)
            said = [p for p in places if lead and p.span.start == lead.end()
                    and p.place.name.endswith(word) and p.place.level != "province"]
        if not said:
            # "田阳区委书记覃永福陪同并介绍,2020年,全区……": the place of the official who speaks
            said = [p for p in every if sent.start <= p.span.start < clause_start
                    and p.place.name.endswith(word) and p.place.level != "province"
                    and re.match(r"[省市县区州旗盟]?(?:党)?委", text[p.span.end:])
                    and re.search(r"(?:介绍|表示|说|汇报|谈到)[,:]?", text[p.span.end:clause_start])]
        if said and said[-1].place != main and word != "省":
            # "冯建勋说,邳州立足……,2022年全市地区生产总值": the city the sentence is about
            return said[-1].place
        if main is not None and main.name.endswith(word) and main.level != "province" \
                or main is not None and word == "省" and main.level == "province":
            return main  # the article's own place (仁怀市's 全市, not its parent's)
        province = home.get("省")
        # 全区 in an autonomous region's article is the region, unless a district is named
        # in the sentence.
        if word == "区" and province is not None and province.name.endswith("自治区") and \
                not any(p.place.name.endswith("区") and p.place.level != "province"
                        for p in places if sent.start <= p.span.start < pos):
            return province
        if home.get(word):
            return home.get(word)
    if earlier:
        # "彭宇航表示,泗洪坚持……,一般公共预算收入超过35亿元": the place the sentence names
        # beats the place of the statistic before
        return earlier[-1].place
    if carried is not None:
        return carried
    before = [p for p in places if sent.start <= p.span.start < pos]
    if before:
        return before[-1].place
    par_start = text.rfind("\n", 0, sent.start) + 1
    before = [p for p in places if par_start <= p.span.start < pos]
    if before:
        return before[-1].place
    return None


def _paragraph_before(text: str, sent: Span) -> str:
    par_start = text.rfind("\n", 0, sent.start) + 1
    return text[par_start:sent.start]
