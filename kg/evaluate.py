"""Score the tables ``kg`` writes against hand-made gold files (``kg eval``).

A gold file (schema: ``/work/shared/gold/README.md``) lists every fact one article states. The
tool's output is six CSV tables; this module turns both sides into comparable tuples and counts
true positives, false positives and false negatives per table.

Design choices, and why:

* Everything is compared after :func:`normalize`, so that full-width/half-width forms, stray
  spaces and quotation marks (which carry no meaning in a post title or list name) never decide
  whether a fact was found.
* Only rows whose ``article`` is one of the gold files' ``file`` values are scored: the tables
  usually cover a whole corpus, while gold exists for a few articles. ``places.csv`` has no
  article column, so it is compared as a whole against the union of the gold places.
* Event names are free text that an extractor cannot be expected to reproduce character for
  character, so events are matched fuzzily (same date, and equal / containing / similar names),
  one-to-one. Participations are then keyed on the *gold* event they were matched to, so that a
  slightly different event name does not make every participant of that event wrong.
* Predictions are sets: a fact emitted twice is found once and is not a false positive twice.
  The number of such duplicate rows is still reported, because it usually points at a bug.
* Numbers are compared as numbers (``2017`` == ``"2017"``, ``110000`` == ``"1.1e5"``), because
  CSV cells are strings while gold JSON has ints and floats.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from kg.ingest.normalize import to_simplified
from kg.model import TABLE_COLUMNS  # noqa: E402  (the tables contract lives with the facts)

# Tables summed into the micro average, in report order. ``ranking_lists`` is scored too but is
# a coarser view of ``rankings`` (the same facts counted per list); adding it to micro would
# count ranking facts twice.
SCORED_TABLES: tuple[str, ...] = ("positions", "events", "participations", "rankings",
                                  "statistics", "places")
EXTRA_SCORES: tuple[str, ...] = ("ranking_lists",)

EVENT_SIMILARITY = 0.6  # SequenceMatcher ratio at or above which two event names match
VALUE_REL_TOL = 1e-6  # relative tolerance for statistics values (float round-trips via CSV)

_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
_BRACKETS = str.maketrans({"（": "(", "）": ")"})
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


# --------------------------------------------------------------------------------------------
# Scores


@dataclass
class Score:
    """Counts for one table; precision/recall/F1 derive from them.

    ``duplicates`` counts prediction rows that repeated an already-seen fact. They do not affect
    the score (predictions are sets) but are worth a note in the report.
    """

    tp: int
    fp: int
    fn: int
    duplicates: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def found(self) -> int:
        return self.tp + self.fp

    # An empty table that should be empty is a perfect result, hence 1.0 when there is nothing
    # to find and nothing found. Any other 0/0 (nothing found but something to find, or the
    # reverse) is 0.0, so an extractor cannot look good by emitting nothing.
    @property
    def precision(self) -> float:
        if self.found:
            return self.tp / self.found
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.tp / self.gold
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 1.0 if denominator == 0 else 2 * self.tp / denominator

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                     self.duplicates + other.duplicates)


# --------------------------------------------------------------------------------------------
# Normalization


def normalize(value: object) -> str:
    """The comparison form of a text cell: NFKC, no whitespace, () brackets, no quotes.

    NFKC folds full-width letters, digits and brackets (（１）-> (1)); whitespace inside Chinese
    names is layout, not content; quotation marks around list or event names vary by source.
    ``None`` becomes ``""`` because CSV cannot tell null from empty.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_BRACKETS).translate(_QUOTES)
    # kg labels in simplified characters; a gold file may keep a traditional text's own
    # wording (全省縣域經濟工作會議): the same name either way.
    return to_simplified(_INVISIBLE.sub("", text))


def _article(value: object) -> str:
    # Tolerate a path where a bare file name is expected (data/h01.txt vs h01.txt): the gold's
    # "file" is a bare name, and a directory prefix would otherwise silently drop every row.
    return normalize(value).replace("\\", "/").rsplit("/", 1)[-1]


def _int(value: object) -> int | str | None:
    """An int for year/rank cells ("2017", "2017.0", 2017); unparsable text stays (normalized)
    text so that it mismatches instead of crashing the evaluation."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else normalize(value)
    text = normalize(value)
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else text


def _number(value: object) -> float | str | None:
    """A float for statistics values; thousands separators are tolerated, junk stays text."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = normalize(value).replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    return None if math.isnan(number) else number


def _same_value(a: float | str | None, b: float | str | None) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=VALUE_REL_TOL)
    return a == b


def _readable_number(value: float | str | None) -> float | int | str | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _date(value: object) -> str | None:
    """ISO date text; a datetime's time part is dropped, empty means unknown (None)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    text = normalize(value)
    if not text:
        return None
    match = _ISO_DATE.match(text)
    return match.group(1) if match else text


def _qualifier(value: object) -> str:
    # An absent qualifier means the value was stated plainly, i.e. "=".
    return normalize(value) or "="


def _code(value: object) -> str:
    # A division code read back by a spreadsheet or pandas may come as 320684.0.
    text = normalize(value)
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


# --------------------------------------------------------------------------------------------
# Loading


def load_gold(paths: Iterable[Path]) -> list[dict]:
    """Read gold JSON files (each an object, or a list of objects) in the order given.

    Raises ValueError naming the file when it is unreadable, not JSON, or lacks ``file``, and
    when two gold entries claim the same article (their facts would be scored twice).
    """
    golds: list[dict] = []
    for path in paths:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise ValueError(f"cannot read gold file {path}: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise ValueError(f"gold file {path} is not valid JSON: {exc}") from exc
        entries = data if isinstance(data, list) else [data]
        for entry in entries:
            if not isinstance(entry, dict) or not normalize(entry.get("file")):
                raise ValueError(f"gold file {path}: every entry needs a \"file\" field")
            golds.append(entry)
    _gold_by_article(golds)  # validates uniqueness
    return golds


def load_tables(dir: Path) -> dict[str, list[dict]]:
    """Read the six CSV tables from ``dir`` as lists of row dicts (cells are strings).

    A missing file or missing column is an error rather than an empty table: scoring a table
    that was never written as "found nothing" would report a misleading recall of 0.
    """
    dir = Path(dir)
    if not dir.is_dir():
        raise ValueError(f"tables directory not found: {dir}")
    tables: dict[str, list[dict]] = {}
    for name, columns in TABLE_COLUMNS.items():
        path = dir / f"{name}.csv"
        if not path.is_file():
            raise ValueError(f"table file missing: {path} (expected {name}.csv with columns "
                             f"{','.join(columns)})")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [normalize(c) for c in reader.fieldnames or []]
            missing = [c for c in columns if c not in header]
            if missing:
                raise ValueError(f"table {path} lacks column(s) {','.join(missing)}; header is "
                                 f"{','.join(reader.fieldnames or []) or '(empty)'}")
            reader.fieldnames = header
            tables[name] = [{k: ("" if v is None else v) for k, v in row.items()
                             if k is not None} for row in reader]
    return tables


def write_tables(tables: dict[str, list[dict]], dir: Path) -> None:
    """Write tables as the tool does (UTF-8 CSV, exact header); handy for tests and fixtures."""
    dir = Path(dir)
    dir.mkdir(parents=True, exist_ok=True)
    for name, columns in TABLE_COLUMNS.items():
        with (dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in tables.get(name, []):
                writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})


def gold_to_tables(golds: list[dict]) -> dict[str, list[dict]]:
    """The tables a perfect extractor would write for these gold files.

    Useful as a fixture (scoring it must give 1.0 everywhere) and as a template for what the
    tool should emit. Cells are strings, "" for null, exactly as they come back from CSV.
    Columns the gold does not describe (evidence, date_basis, level ...) are left empty;
    place codes are filled from the gold's own places. A ranking list without placements is
    written as one row with empty rank and place, which scores the list but no placement.
    """

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    tables: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    seen_places: set[tuple[str, str, str]] = set()
    for gold in golds:
        article = cell(gold.get("file"))
        codes = {p.get("name"): cell(p.get("code")) for p in gold.get("places") or []}
        for pos in gold.get("positions") or []:
            tables["positions"].append({
                "article": article, "person": cell(pos.get("person")),
                "title": cell(pos.get("title")), "place": cell(pos.get("place")),
                "place_code": codes.get(pos.get("place"), ""), "evidence": ""})
        for event in gold.get("events") or []:
            name, date = cell(event.get("name")), cell(event.get("date"))
            tables["events"].append({
                "article": article, "event": name, "date": date, "date_basis": "",
                "type": "", "organizer": "", "location": ""})
            for part in event.get("participants") or []:
                tables["participations"].append({
                    "article": article, "event": name, "event_date": date,
                    "person": cell(part.get("person")), "title": cell(part.get("title")),
                    "place": cell(part.get("place")), "role": cell(part.get("role")),
                    "venue": "", "evidence": ""})
        for ranking in gold.get("rankings") or []:
            head = {"article": article, "list": cell(ranking.get("list")),
                    "year": cell(ranking.get("year")), "publisher": cell(ranking.get("publisher"))}
            placements = ranking.get("placements") or [{}]
            for placement in placements:
                place = cell(placement.get("place"))
                tables["rankings"].append({
                    **head, "rank": cell(placement.get("rank")), "place": place,
                    "place_code": codes.get(placement.get("place"), ""), "evidence": ""})
        for stat in gold.get("statistics") or []:
            tables["statistics"].append({
                "article": article, "place": cell(stat.get("place")),
                "indicator": cell(stat.get("indicator")), "year": cell(stat.get("year")),
                "value": cell(stat.get("value")), "unit": cell(stat.get("unit")),
                "qualifier": cell(stat.get("qualifier")), "evidence": ""})
        for place in gold.get("places") or []:
            row = (cell(place.get("name")), cell(place.get("parent")), cell(place.get("code")))
            if row not in seen_places:
                seen_places.add(row)
                tables["places"].append({"place": row[0], "level": "", "parent": row[1],
                                         "code": row[2]})
    return tables


# --------------------------------------------------------------------------------------------
# Comparison


@dataclass
class _Comparison:
    """Outcome for one table: matched count plus the readable unmatched facts on each side."""

    tp: int = 0
    fps: list[tuple] = field(default_factory=list)
    fns: list[tuple] = field(default_factory=list)
    duplicates: int = 0

    def score(self) -> Score:
        return Score(self.tp, len(self.fps), len(self.fns), self.duplicates)


def _gold_by_article(golds: list[dict]) -> dict[str, dict]:
    by_article: dict[str, dict] = {}
    for gold in golds:
        article = _article(gold.get("file"))
        if not article:
            raise ValueError(f"gold {gold.get('id', '?')!r} has no \"file\" field")
        if article in by_article:
            raise ValueError(f"two gold entries for the same article {article!r}")
        by_article[article] = gold
    return by_article


def _rows(tables: dict[str, list[dict]], name: str, articles: dict[str, dict]
          ) -> Iterable[tuple[str, dict]]:
    """(article, row) for the rows of ``name`` that belong to a gold article."""
    for row in tables.get(name) or []:
        article = _article(row.get("article"))
        if article in articles:
            yield article, row


def _dedupe(facts: Iterable[Hashable]) -> tuple[list[Hashable], int]:
    """Distinct facts in first-seen order, and how many repeats were dropped."""
    distinct: dict[Hashable, None] = {}
    total = 0
    for fact in facts:
        total += 1
        distinct.setdefault(fact, None)
    return list(distinct), total - len(distinct)


def _compare_sets(gold: Iterable[Hashable], predicted: Iterable[Hashable],
                  readable: Callable[[Any], tuple] = tuple) -> _Comparison:
    gold_set = set(gold)
    distinct, duplicates = _dedupe(predicted)
    pred_set = set(distinct)
    return _Comparison(
        tp=len(gold_set & pred_set),
        fps=[readable(f) for f in distinct if f not in gold_set],
        fns=[readable(f) for f in gold_set if f not in pred_set],
        duplicates=duplicates,
    )


def _name_similarity(gold_name: str, pred_name: str) -> float | None:
    """Similarity of two normalized event names, or None when they do not match at all.

    Containment counts as a match (a dropped "全省" prefix or 会议 suffix) even when the
    character ratio is low; the ratio still ranks candidates so the closest name wins.
    """
    ratio = SequenceMatcher(None, gold_name, pred_name, autojunk=False).ratio()
    if gold_name == pred_name:
        return 1.0
    if gold_name and pred_name and (gold_name in pred_name or pred_name in gold_name):
        return ratio
    return ratio if ratio >= EVENT_SIMILARITY else None


def match_events(gold: list[tuple[str, str | None]], predicted: list[tuple[str, str | None]]
                 ) -> dict[int, int]:
    """One-to-one matching of (name, date) events of one article: predicted index -> gold index.

    Dates must be equal (two unknown dates are equal); names must be equal, contain one
    another, or be similar (ratio >= EVENT_SIMILARITY). Pairs are taken greedily, best
    similarity first, ties by position, so the result is deterministic.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, (gold_name, gold_date) in enumerate(gold):
        for pi, (pred_name, pred_date) in enumerate(predicted):
            if _date(gold_date) != _date(pred_date):
                continue
            score = _name_similarity(normalize(gold_name), normalize(pred_name))
            if score is not None:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    mapping: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, gi, pi in candidates:
        if pi not in mapping and gi not in used_gold:
            mapping[pi] = gi
            used_gold.add(gi)
    return mapping


def _gold_events(gold: dict) -> list[tuple[str, str | None]]:
    return [(normalize(e.get("name")), _date(e.get("date"))) for e in gold.get("events") or []]


def _compare_events(golds: dict[str, dict], tables: dict[str, list[dict]]) -> _Comparison:
    predicted: dict[str, list[tuple[str, str | None]]] = {a: [] for a in golds}
    keys = []
    for article, row in _rows(tables, "events", golds):
        key = (normalize(row.get("event")), _date(row.get("date")))
        keys.append((article, key))
        predicted[article].append(key)
    result = _Comparison(duplicates=len(keys) - len(set(keys)))
    for article, gold in golds.items():
        gold_events = _gold_events(gold)
        pred_events, _ = _dedupe(predicted[article])
        mapping = match_events(gold_events, pred_events)
        result.tp += len(mapping)
        result.fps += [(article, *e) for i, e in enumerate(pred_events) if i not in mapping]
        matched = set(mapping.values())
        result.fns += [(article, *e) for i, e in enumerate(gold_events) if i not in matched]
    return result


def _participant(person: object, title: object, place: object, role: object) -> tuple:
    # A named person is identified by name alone (their title is scored in positions); an
    # unnamed holder has no identity but the post and place.
    role = normalize(role).lower()
    if normalize(person):
        return (normalize(person), role)
    return ("", normalize(title), normalize(place), role)


def _compare_participations(golds: dict[str, dict], tables: dict[str, list[dict]]
                            ) -> _Comparison:
    rows = list(_rows(tables, "participations", golds))
    # Each article's predicted events are the distinct (event, date) pairs in this table; they
    # are mapped onto gold events independently of events.csv, so the two tables can be
    # scored (and debugged) separately.
    pred_events: dict[str, list[tuple[str, str | None]]] = {a: [] for a in golds}
    for article, row in rows:
        pred_events[article].append((normalize(row.get("event")), _date(row.get("event_date"))))
    event_of: dict[tuple[str, tuple[str, str | None]], object] = {}
    labels: dict[str, list[str]] = {}
    for article, gold in golds.items():
        gold_events = _gold_events(gold)
        labels[article] = [f"{n} ({d or 'no date'})" for n, d in gold_events]
        distinct, _ = _dedupe(pred_events[article])
        mapping = match_events(gold_events, distinct)
        for pi, event in enumerate(distinct):
            # Unmatched events keep their own (name, date) identity: their participations are
            # false positives that stay distinct from one another.
            event_of[(article, event)] = mapping.get(pi, ("unmatched", *event))

    gold_facts = []
    for article, gold in golds.items():
        for gi, event in enumerate(gold.get("events") or []):
            for part in event.get("participants") or []:
                gold_facts.append((article, gi, *_participant(
                    part.get("person"), part.get("title"), part.get("place"), part.get("role"))))
    pred_facts = []
    for article, row in rows:
        event = (normalize(row.get("event")), _date(row.get("event_date")))
        pred_facts.append((article, event_of[(article, event)], *_participant(
            row.get("person"), row.get("title"), row.get("place"), row.get("role"))))

    def readable(fact: tuple) -> tuple:
        article, event, *rest = fact
        if isinstance(event, int):
            label = labels[article][event]
        else:
            label = f"<no gold event> {event[1]} ({event[2] or 'no date'})"
        return (article, label, *rest)

    return _compare_sets(gold_facts, pred_facts, readable)


def _compare_positions(golds: dict[str, dict], tables: dict[str, list[dict]]) -> _Comparison:
    def fact(article: str, item: dict) -> tuple:
        return (article, normalize(item.get("person")), normalize(item.get("title")),
                normalize(item.get("place")))

    gold = [fact(a, p) for a, g in golds.items() for p in g.get("positions") or []]
    pred = [fact(a, row) for a, row in _rows(tables, "positions", golds)]
    return _compare_sets(gold, pred)


def _list_key(article: str, item: dict) -> tuple:
    return (article, normalize(item.get("list")), _int(item.get("year")),
            normalize(item.get("publisher")))


def _compare_rankings(golds: dict[str, dict], tables: dict[str, list[dict]]
                      ) -> tuple[_Comparison, _Comparison]:
    """Placements, and the lists themselves (article, list, year, publisher)."""
    gold_lists, gold_placements = [], []
    for article, gold in golds.items():
        for ranking in gold.get("rankings") or []:
            head = _list_key(article, ranking)
            gold_lists.append(head)
            for placement in ranking.get("placements") or []:
                gold_placements.append((*head, _int(placement.get("rank")),
                                        normalize(placement.get("place"))))
    pred_lists, pred_placements = [], []
    for article, row in _rows(tables, "rankings", golds):
        head = _list_key(article, row)
        pred_lists.append(head)
        rank, place = _int(row.get("rank")), normalize(row.get("place"))
        if rank is not None or place:  # a row with neither only declares the list
            pred_placements.append((*head, rank, place))
    placements = _compare_sets(gold_placements, pred_placements)
    lists = _compare_sets(gold_lists, pred_lists)
    lists.duplicates = 0  # a list naturally repeats on every placement row
    return placements, lists


def _compare_statistics(golds: dict[str, dict], tables: dict[str, list[dict]]) -> _Comparison:
    """Exact match on the descriptive fields, numeric match (relative tolerance) on the value.

    Tolerance rules out hashing, so facts are grouped by their exact part and values are paired
    one-to-one within each group. Predicted values within tolerance of one another count once.
    """

    def key(article: str, item: dict) -> tuple:
        return (article, normalize(item.get("place")), normalize(item.get("indicator")),
                _int(item.get("year")), normalize(item.get("unit")),
                _qualifier(item.get("qualifier")))

    def readable(k: tuple, value: float | str | None) -> tuple:
        article, place, indicator, year, unit, qualifier = k
        return (article, place, indicator, year, _readable_number(value), unit, qualifier)

    def group(facts: Iterable[tuple[tuple, float | str | None]]
              ) -> tuple[dict[tuple, list[float | str | None]], int]:
        groups: dict[tuple, list[float | str | None]] = {}
        duplicates = 0
        for k, value in facts:
            values = groups.setdefault(k, [])
            if any(_same_value(value, v) for v in values):
                duplicates += 1
            else:
                values.append(value)
        return groups, duplicates

    gold, _ = group((key(a, s), _number(s.get("value")))
                    for a, g in golds.items() for s in g.get("statistics") or [])
    pred, duplicates = group((key(a, row), _number(row.get("value")))
                             for a, row in _rows(tables, "statistics", golds))
    result = _Comparison(duplicates=duplicates)
    for k in {**gold, **pred}:
        unmatched_pred = list(pred.get(k, []))
        for value in gold.get(k, []):
            hit = next((i for i, v in enumerate(unmatched_pred) if _same_value(value, v)), None)
            if hit is None:
                result.fns.append(readable(k, value))
            else:
                result.tp += 1
                del unmatched_pred[hit]
        result.fps += [readable(k, v) for v in unmatched_pred]
    return result


def _compare_places(golds: dict[str, dict], tables: dict[str, list[dict]]) -> _Comparison:
    gold = [(normalize(p.get("name")), normalize(p.get("parent")), _code(p.get("code")))
            for g in golds.values() for p in g.get("places") or []]
    pred = [(normalize(row.get("place")), normalize(row.get("parent")), _code(row.get("code")))
            for row in tables.get("places") or []]
    return _compare_sets(gold, pred)


def _compare(golds: list[dict], tables: dict[str, list[dict]]) -> dict[str, _Comparison]:
    by_article = _gold_by_article(golds)
    rankings, ranking_lists = _compare_rankings(by_article, tables)
    return {
        "positions": _compare_positions(by_article, tables),
        "events": _compare_events(by_article, tables),
        "participations": _compare_participations(by_article, tables),
        "rankings": rankings,
        "statistics": _compare_statistics(by_article, tables),
        "places": _compare_places(by_article, tables),
        "ranking_lists": ranking_lists,
    }


def evaluate(golds: list[dict], tables: dict[str, list[dict]]) -> dict[str, Score]:
    """Scores per table (SCORED_TABLES), plus ``ranking_lists`` and ``micro``.

    ``micro`` sums tp/fp/fn over the six tables (not ``ranking_lists``, which re-counts the
    rankings facts per list). Tables absent from ``tables`` are treated as empty.
    """
    comparisons = _compare(golds, tables)
    scores = {name: comparisons[name].score() for name in SCORED_TABLES}
    micro = Score(0, 0, 0)
    for name in SCORED_TABLES:
        micro = micro + scores[name]
    for name in EXTRA_SCORES:
        scores[name] = comparisons[name].score()
    scores["micro"] = micro
    return scores


def _sort_key(fact: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in fact)


def mismatches(golds: list[dict], tables: dict[str, list[dict]]
               ) -> dict[str, tuple[list[tuple], list[tuple]]]:
    """Per table, (false positives, false negatives) as readable, sorted tuples.

    Tuples hold the normalized compared fields, e.g. positions ``(article, person, title,
    place)``; participations show the gold event as "name (date)" in place of its index, or
    "<no gold event> name (date)" for a predicted event that matched none; statistics are
    ``(article, place, indicator, year, value, unit, qualifier)``.
    """
    return {name: (sorted(c.fps, key=_sort_key), sorted(c.fns, key=_sort_key))
            for name, c in _compare(golds, tables).items()}


def format_report(scores: dict[str, Score]) -> str:
    """A fixed-width table of the scores (micro last, under a rule) and notes on duplicates."""
    header = ("table", "gold", "found", "tp", "P", "R", "F1")
    names = [n for n in scores if n != "micro"] + (["micro"] if "micro" in scores else [])
    rows = [(name, str(s.gold), str(s.found), str(s.tp), f"{s.precision:.3f}",
             f"{s.recall:.3f}", f"{s.f1:.3f}") for name in names for s in [scores[name]]]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:],
                                                                strict=True))]).rstrip()

    out = [line(header), "-" * len(line(header))]
    for name, row in zip(names, rows, strict=True):
        if name == "micro":
            out.append("-" * len(line(header)))
        out.append(line(row))
    notes = []
    if any(n in scores for n in EXTRA_SCORES):
        notes.append("ranking_lists scores (article, list, year, publisher) and is not in micro.")
    for name in names:
        if name != "micro" and scores[name].duplicates:
            notes.append(f"{name}.csv had {scores[name].duplicates} duplicate row(s), "
                         "counted once.")
    return "\n".join(out + [f"note: {n}" for n in notes]) + "\n"
