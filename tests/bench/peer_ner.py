"""Benchmark (not a test): exact-span precision/recall of persons and titles on real annotated
news sentences, CLUENER2020 and a People's Daily NER split, read from ../shared/peer (never
copied into the project: research use only).

    python -m tests.bench.peer_ner [--split train|dev] [--peer DIR]

Develop on CLUENER's train split; its dev split and the People's Daily file are for measuring
only. Sentences scored: CLUENER sentences that pair a name with a political position (the
keyword list of peer/cluener2020/SOURCE.md); People's Daily sentences where a PER span starts
within 8 characters after a political title word (persons only: that corpus has no titles).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.extract.mentions import find_mentions

POLITICAL = ("书记", "省长", "市长", "县长", "区长", "主席", "总理", "部长", "厅长", "局长", "常委",
             "委员", "人大", "政协", "政府", "党委", "纪委", "国务院", "总统", "首相", "镇长", "乡长",
             "干部", "官员")
TITLE_WORDS = ("书记", "主席", "总理", "部长", "省长", "市长", "县长", "区长", "厅长", "局长", "主任",
               "委员", "大使", "代表")


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"{name:34} gold {self.tp + self.fn:5}  found {self.tp + self.fp:5}  "
                f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def cluener(path: Path) -> tuple[int, Tally, Tally, Tally]:
    persons, titles, pol_titles = Tally(), Tally(), Tally()
    n = 0
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        lab = rec["label"]
        positions = lab.get("position", {})
        if "name" not in lab or not any(k in p for p in positions for k in POLITICAL):
            continue
        n += 1
        gold_p = {(s, e + 1) for spans in lab["name"].values() for s, e in spans}
        gold_t = {(s, e + 1) for spans in positions.values() for s, e in spans}
        gold_pol = {(s, e + 1) for surf, spans in positions.items() for s, e in spans
                    if any(k in surf for k in POLITICAL)}
        found = find_mentions(rec["text"])
        pred_p = {(m["start"], m["end"]) for m in found if m["type"] == "person"}
        pred_t = {(m["start"], m["end"]) for m in found if m["type"] == "title"}
        persons.add(gold_p, pred_p)
        titles.add(gold_t, pred_t)
        # recall against political titles only; precision against all positions
        pol_titles.tp += len(gold_pol & pred_t)
        pol_titles.fn += len(gold_pol - pred_t)
        pol_titles.fp += len(pred_t - gold_t)
    return n, persons, titles, pol_titles


def peoples_daily(path: Path) -> tuple[int, Tally]:
    persons = Tally()
    n = 0
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        nonlocal n
        if not chars:
            return
        text = "".join(chars)
        spans, start = [], None
        for i, t in enumerate(tags + ["O"]):
            if start is not None and not t.startswith("I-PER"):
                spans.append((start, i))
                start = None
            if t.startswith("B-PER"):
                start = i
        keep = any(any(w in text[max(0, s - 8):s] for w in TITLE_WORDS) for s, _ in spans)
        if keep:
            n += 1
            pred = {(m["start"], m["end"]) for m in find_mentions(text) if m["type"] == "person"}
            persons.add(set(spans), pred)
        chars.clear()
        tags.clear()

    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        ch, tag = line.split()
        chars.append(ch)
        tags.append(tag)
    flush()
    return n, persons


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", type=Path,
                    default=Path(__file__).resolve().parents[3] / "shared" / "peer")
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    args = ap.parse_args()
    cl = args.peer / "cluener2020" / f"{args.split}.json"
    if not cl.is_file():
        raise SystemExit(f"{cl}: not found (give --peer DIR)")
    n, persons, titles, pol = cluener(cl)
    print(f"CLUENER2020 {args.split}: {n} sentences pairing a name with a political position")
    print(persons.line("  persons (name)"))
    print(titles.line("  titles (all position spans)"))
    print(pol.line("  titles (recall on political ones)"))
    if args.split == "dev":
        pd = args.peer / "peoples_daily_ner" / "example.test"
        n, persons = peoples_daily(pd)
        print(f"People's Daily test: {n} sentences with a PER within 8 chars after a title word")
        print(persons.line("  persons (PER)"))


if __name__ == "__main__":
    main()
