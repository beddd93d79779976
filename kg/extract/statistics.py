"""Statistics: indicator, value in base units, year, qualifier and the place they belong to.

"2017年,海门人均地区生产总值超过11万元,城乡居民可支配收入分别达到4.4万元和2.2万元" gives
人均地区生产总值 > 110000 元 and, through 分别, 城镇/农村居民人均可支配收入 44000 / 22000 元.
A growth rate after a level ("增长6.5%") is the indicator's 增速 in %. Targets and plans
(预期, 力争, 目标) are not statistics.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from kg.lexicon.numerals import NUMBER_RE, UNIT_RE, parse_number, scale
from kg.model import Document, Observation, PlaceMention, PlaceRef, Span, fact_order
from kg.resolve.dates import Reference, year_of

_TARGET = re.compile(r"预期|预计|目标|力争|计划|争取|确保|规划|将达到|有望|要达到|左右的目标")
_QUAL_BEFORE = {"超过": ">", "突破": ">", "逾": ">", "超": ">", "高于": ">", "约": "~", "近": "~",
                "将近": "~", "接近": "~", "大约": "~", "不到": "<", "不足": "<", "低于": "<"}
_QB = "|".join(sorted(_QUAL_BEFORE, key=len, reverse=True))
_VALUE = re.compile(rf"(?P<q>{_QB})?(?P<n>{NUMBER_RE})(?P<u>{UNIT_RE})(?P<after>以上|多|左右|余)?")
_GROWTH = re.compile(r"(?P<dir>增长|增加|提高|下降|减少|回落)(?P<n>\d+(?:\.\d+)?)(?P<u>%|个百分点)")


@functools.lru_cache(maxsize=1)
def indicators() -> dict[str, tuple[str, ...]]:
    text = (resources.files("kg.lexicon") / "data" / "indicators.tsv").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            written, canon = line.split("\t")
            out[written] = tuple(canon.split("|"))
    return out


@functools.lru_cache(maxsize=1)
def _indicator_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(indicators(), key=len, reverse=True))))


def _qualifier(q: str | None, after: str | None) -> str:
    if q:
        return _QUAL_BEFORE[q]
    if after in ("以上", "多", "余"):
        return ">"
    if after == "左右":
        return "~"
    return "="


def extract_statistics(doc: Document, places: list[PlaceMention], ref: Reference,
                       home: dict[str, PlaceRef], exclude: list[Span]) -> list[Observation]:
    text = doc.text
    out: list[Observation] = []
    usable = [p for p in places if not any(s.contains(p.span) for s in exclude)]
    for sent in doc.sentences:
        s = text[sent.start:sent.end]
        inds = list(_indicator_re().finditer(s))
        for k, im in enumerate(inds):
            end = inds[k + 1].start() if k + 1 < len(inds) else len(s)
            clause_end = min([i for i in (s.find("。", im.end()), s.find(";", im.end()))
                              if i >= 0] + [end])
            seg = s[im.end():clause_end]
            lead = s[max(0, s.rfind(",", 0, im.start()) + 1):im.start()]
            if _TARGET.search(seg[:12]) or _TARGET.search(lead):
                continue
            canon = indicators()[im.group()]
            abs_i = sent.start + im.start()
            place = _place_before(usable, text, sent, abs_i, home)
            year = year_of(s[:im.start()], ref) or year_of(_paragraph_before(text, sent), ref)
            values = []
            for vm in _VALUE.finditer(seg):
                if vm.group("u") in ("%", "个百分点"):
                    continue
                values.append(vm)
            fenbie = "分别" in seg[:8] or len(canon) > 1
            if fenbie and len(canon) > 1:
                pairs = list(zip(canon, values, strict=False))
            else:
                pairs = [(canon[0], values[0])] if values else []
                if values and seg[:values[0].start()].strip(",、") and \
                        re.search(r"[,]", seg[:values[0].start()]):
                    pairs = []  # the number belongs to a later clause
            for indicator, vm in pairs:
                value, unit = scale(parse_number(vm.group("n")), vm.group("u"))
                span = Span(abs_i, sent.start + im.end() + vm.end())
                out.append(Observation(place, indicator, year, value, unit,
                                       _qualifier(vm.group("q"), vm.group("after")), span, sent))
            gm = _GROWTH.search(seg)
            if gm and len(canon) == 1 and not _TARGET.search(seg[:gm.start()][-8:]):
                v = float(gm.group("n"))
                if gm.group("dir") in ("下降", "减少", "回落"):
                    v = -v
                span = Span(abs_i, sent.start + im.end() + gm.end())
                out.append(Observation(place, canon[0] + "增速", year, v, gm.group("u"), "=",
                                       span, sent))
    return sorted(set(out), key=fact_order)


def _place_before(places: list[PlaceMention], text: str, sent: Span, pos: int,
                  home: dict[str, PlaceRef]) -> PlaceRef | None:
    before = [p for p in places if sent.start <= p.span.start < pos]
    if before:
        return before[-1].place
    par_start = text.rfind("\n", 0, sent.start) + 1
    before = [p for p in places if par_start <= p.span.start < pos]
    if before:
        return before[-1].place
    m = re.search(r"(?:全|我|本)(市|县|区)", text[sent.start:pos])
    if m:
        return home.get(m.group(1))
    return None


def _paragraph_before(text: str, sent: Span) -> str:
    par_start = text.rfind("\n", 0, sent.start) + 1
    return text[par_start:sent.start]
