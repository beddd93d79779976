"""Whole-graph bundled queries answered from the build's tables, without the store.

A query such as ``who-presided`` reads every participation in the graph: on 10,000 articles
Oxigraph takes seconds however it is written. Its answer is a function of rows the build has
already written as tables (kg.query.tables), so ``kg query`` computes it from them in
milliseconds. Each function below is its query, clause by clause, over the tables:

- a statement of the graph is one row of the table made from it (the tables group by every
  column of the statement, and the mapper makes one statement per article, agent and event, or
  per article, list, place and rank);
- labels the query reads from nodes are the ones the mapper writes: a post's is
  kg.rdf.mapper.post_label(title, place), an unnamed official's that with "(未具名)";
- an event is one node for all the articles that report it on the same date under the same
  name (kg.rdf.mapper: the event's IRI), so what the query joins on the event (its locations,
  types, date bases) is gathered over those articles' rows.

The queries stay the definition: tests/query/test_derived.py compares every function with its
query on a store built from all the test articles and from generated ones. ``events-by-date``
counts distinct participant nodes, which the tables do not identify (two namesakes, or one
person the graph has not merged), so it is not derived here.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from kg.model import PlaceRef
from kg.rdf.mapper import post_label

Table = list[dict[str, str]]


def _read(tables: Path, name: str) -> Table:
    with open(tables / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _post(title: str, place: str) -> str:
    """The post's label as the mapper writes it (the place's name is its label)."""
    if not title:
        return ""
    return post_label(title, PlaceRef("", place, "", None, None) if place else None)


def _agent(row: dict[str, str]) -> str:
    """An agent's label: a named person's name, or the unnamed holder's post."""
    if row["person"]:
        return row["person"]
    return f"{_post(row['title'], row['place'])}(未具名)"


def _event_node(row: dict[str, str], date_col: str) -> tuple[str, str]:
    """The event's node: one per date and name, an undated one per article."""
    return (row[date_col] or f"undated-{row['article']}", row["event"])


def _rank_key(value: str) -> tuple:
    """ORDER BY on a typed integer: numbers in numeric order."""
    try:
        return (0, int(value), "")
    except ValueError:
        return (1, 0, value)


def statistics_by_place(tables: Path) -> tuple[list[str], list[list[str]]]:
    groups: dict[tuple, set[str]] = defaultdict(set)
    for r in _read(tables, "statistics"):
        key = (r["place"], r["indicator"], r["year"], r["qualifier"], r["value"], r["unit"])
        groups[key].add(r["article"])
    rows = [[*k, str(len(a))] for k, a in groups.items()]
    rows.sort(key=lambda r: (r[0], r[1], r[2], r))
    return ["place", "indicator", "year", "qualifier", "value", "unit", "articles"], rows


def rankings_by_list(tables: Path) -> tuple[list[str], list[list[str]]]:
    rows = [[r["list"], r["year"], r["publisher"], r["rank"], r["place"], r["place_code"]]
            for r in _read(tables, "rankings")]
    rows.sort(key=lambda r: (r[1], r[0], _rank_key(r[3]), r))
    return ["list", "year", "publisher", "rank", "place", "code"], rows


def officials(tables: Path) -> tuple[list[str], list[list[str]]]:
    groups: dict[tuple, set[str]] = defaultdict(set)
    for r in _read(tables, "positions"):
        key = (r["person"], _post(r["title"], r["place"]), r["title"], r["place"],
               r["place_code"])
        groups[key].add(r["article"])
    rows = [[*k, str(len(a))] for k, a in groups.items()]
    rows.sort(key=lambda r: (r[3], r[0], r[2], r))
    return ["person", "post", "title", "place", "code", "articles"], rows


def who_presided(tables: Path) -> tuple[list[str], list[list[str]]]:
    rows = [[_agent(r), _post(r["title"], r["place"]), r["event"], r["event_date"]]
            for r in _read(tables, "participations") if r["role"] == "presided"]
    rows.sort(key=lambda r: (r[3], r[2], r[0], r))
    return ["person", "post", "event", "date"], rows


def who_spoke_where(tables: Path) -> tuple[list[str], list[list[str]]]:
    locations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _read(tables, "events"):
        node = _event_node(r, "date")
        locations.setdefault(node, set())
        if r["location"]:
            locations[node].add(r["location"])
    rows = []
    for r in _read(tables, "participations"):
        if r["role"] not in ("speech", "remarks"):
            continue
        for place in sorted(locations.get(_event_node(r, "event_date"), set())) or [""]:
            rows.append([_agent(r), r["role"], r["event"], r["event_date"], r["venue"], place])
    rows.sort(key=lambda r: (r[3], r[2], r[1], r[0], r))
    return ["person", "role", "event", "date", "venue", "place"], rows


DERIVED: dict[str, Callable[[Path], tuple[list[str], list[list[str]]]]] = {
    "statistics-by-place": statistics_by_place,
    "rankings-by-list": rankings_by_list,
    "officials": officials,
    "who-presided": who_presided,
    "who-spoke-where": who_spoke_where,
}
