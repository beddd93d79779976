"""The article's home places: what 省委, 市长 or 县委书记 without a place prefix refer to.

A Jiangsu article's 省委书记 is Jiangsu's. For each level word we take the division of that kind
mentioned most often (ties: first mentioned); a province is also counted through the places
under it, since articles name their counties far more often than their province.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from kg.model import PlaceMention, PlaceRef

# Which names a level word can stand for (by the ending of the full name).
_ENDINGS = {
    "省": ("省",), "自治区": ("自治区",), "市": ("市",), "州": ("州",), "自治州": ("自治州",),
    "盟": ("盟",), "县": ("县",), "自治县": ("自治县",), "区": ("区",), "旗": ("旗",),
    "自治旗": ("自治旗",), "地": ("地区",),
}


def home_places(mentions: list[PlaceMention], lookup_parent,
                weight: Callable[[PlaceMention], float] | None = None) -> dict[str, PlaceRef]:
    """Level word -> the article's home division for it; "province": the province-level unit
    counted most.

    ``lookup_parent(ref) -> PlaceRef | None`` walks up the hierarchy (from the gazetteer).
    ``weight(mention)``: how many mentions one counts for (1 by default; the pipeline counts a
    headline's twice and a source line's, "来源:唐山劳动日报", a tenth).
    """
    counts: Counter[PlaceRef] = Counter()  # float weights
    first: dict[PlaceRef, int] = {}
    for m in mentions:
        w = weight(m) if weight is not None else 1
        if w <= 0:
            continue
        ref = m.place
        counts[ref] += 2 * w
        first.setdefault(ref, m.span.start)
        parent = lookup_parent(ref)
        seen = 0
        while parent is not None and seen < 3:
            counts[parent] += w
            first.setdefault(parent, m.span.start + 1)
            parent = lookup_parent(parent)
            seen += 1
    homes: dict[str, PlaceRef] = {}
    ordered = sorted(counts, key=lambda r: (-counts[r], first[r], r.code))
    for word, endings in _ENDINGS.items():
        for ref in ordered:
            if word in ("省", "自治区"):
                ok = ref.level == "province" and ref.name.endswith(endings)
            elif word == "市":
                ok = ref.name.endswith("市") and ref.kind != "省"
            else:
                ok = ref.name.endswith(endings) and ref.level != "province"
            if ok:
                homes[word] = ref
                break
    # A province named in passing is not the article's: in a Xinjiang paper that once names
    # 河南省, the 厅 without a place (自然资源厅厅长) are the region's. 省 stands for the
    # province-level unit counted most when no 省 comes near it.
    top = next((r for r in ordered if r.level == "province"), None)
    if "省" in homes and top is not None and counts[homes["省"]] * 2 < counts[top]:
        homes["省"] = top
    # A municipality is its own 省 and 市 (北京市委书记).
    if "省" not in homes:
        for ref in ordered:
            if ref.level == "province":
                homes["省"] = ref
                break
    # Whatever its word (省, 市, 自治区): the province-level unit the article is about. A
    # Shanghai paper that names 江苏省南通市海门区 once is Shanghai's, though 江苏省 is the only
    # 省 in it.
    if top is not None:
        homes["province"] = top
    return homes
