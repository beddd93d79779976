"""Whole-graph answers kept by the build, and updated where articles changed.

A query such as ``who-presided`` or ``officials`` reads the whole graph: on 10,000 articles
Oxigraph takes seconds however it is written, and even computing the answer from the build's
tables takes tenths of a second (67,000 rows to group, sort and write). A build therefore
keeps the answers of the six whole-graph bundled queries (:data:`ANSWERS`) as CSV files, and
``kg query`` prints them as they are.

Keeping them must not cost a rebuild of each answer when one article changes, so every answer
is cut into *parts* by the first keys it is sorted on (officials by place, who-presided by date
and event, rankings-by-list by year and list). An article *contributes* rows to some parts
(computed from its table rows, which the build has already: an official's post, a presided
meeting); the contributions of every article are kept in a SQLite file indexed by article and
by part. When articles change, their old contributions are deleted and the new ones inserted,
and only the parts they touched are rendered again; the rest of each answer file is copied
byte for byte from the previous one, by the byte ranges its part index records.

Each answer is its query, clause by clause, over the contributions:

- a statement of the graph is one row of the table made from it (the tables group by every
  column of the statement, and the mapper makes one statement per article, agent and event, or
  per article, list, place and rank);
- labels the query reads from nodes are the ones the mapper writes: a post's is
  kg.rdf.mapper.post_label(title, place), an unnamed official's that with "(未具名)";
- an event is one node for all the articles that report it on the same date under the same
  name (kg.rdf.mapper: the event's IRI; a name that says its scope only relatively, 全省……,
  also by the article's province), so what the query joins on the event (its locations,
  types, date bases, participants) is gathered over those articles' contributions, which all
  fall in the same part (date and name) and are told apart there by the event's IRI;
- ``events-by-date`` counts distinct participant nodes, which the tables do not identify, so
  the build's workers give each article's event nodes with their participants' IRIs
  (kg.query.article_tables.event_nodes).

The queries stay the definition: tests/query/test_materialized.py compares every answer with
its query on a store built from all the test articles and from generated ones, and an answer
kept through additions, changes and removals with one built afresh.
"""

from __future__ import annotations

import bisect
import os
import sqlite3
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from kg.model import TABLE_COLUMNS, PlaceRef
from kg.query.tables import _csv_bytes
from kg.rdf.mapper import post_label
from kg.util import copy_range, packed_head, read_packed, write_packed

EVENT_NODES = "_events"  # the key of an article's event nodes among its cached table rows
DB = "answers.sqlite"
FOLDER = "answers"
_FORMAT = 3  # 3: part indexes packed as keys and sizes (kg.util.write_packed)
PARTS = ".parts"  # the suffix of an answer's part index
_WIDTH = 7  # data columns of a contribution
_SEP = "\x00"  # joins a part's keys: sorts as the tuple does (no key holds it)

Part = tuple[str, ...]
Data = tuple[str, ...]
Item = tuple[str, Data]  # (article, data)


@dataclass(frozen=True)
class Answer:
    """A kept answer: its columns, what one article contributes to which part, and a part's
    rows in the query's order from the contributions of every article to it."""

    columns: tuple[str, ...]
    contribute: Callable[[str, dict], Iterator[tuple[Part, Data]]]
    render: Callable[[Part, list[Item]], list[list[str]]]


def _table(rows: dict, name: str) -> Iterator[dict[str, str]]:
    cols = TABLE_COLUMNS[name]
    for r in rows.get(name, ()):
        yield dict(zip(cols, r, strict=True))


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


def _event_node(row: dict[str, str], date_col: str, article: str) -> str:
    """The event's node within its part (date and name): one per date, an undated one per
    article."""
    return row[date_col] or f"undated-{article}"


def _rank_key(value: str) -> tuple:
    """ORDER BY on a typed integer: numbers in numeric order."""
    try:
        return (0, int(value), "")
    except ValueError:
        return (1, 0, value)


def _counted(sort_key: Callable[[list[str]], tuple]):
    """COUNT(DISTINCT ?a) grouped by every column: the articles giving each row."""
    def render(_part: Part, items: list[Item]) -> list[list[str]]:
        groups: dict[Data, set[str]] = defaultdict(set)
        for article, data in items:
            groups[data].add(article)
        rows = [[*k, str(len(a))] for k, a in groups.items()]
        rows.sort(key=sort_key)
        return rows
    return render


def _listed(sort_key: Callable[[list[str]], tuple]):
    """One row per statement."""
    def render(_part: Part, items: list[Item]) -> list[list[str]]:
        rows = [list(data) for _article, data in items]
        rows.sort(key=sort_key)
        return rows
    return render


# -- the answers, query by query ------------------------------------------------------------

def _statistics_by_place(article: str, rows: dict):
    for r in _table(rows, "statistics"):
        yield (r["place"],), (r["place"], r["indicator"], r["year"], r["qualifier"], r["value"],
                              r["unit"])


def _officials(article: str, rows: dict):
    for r in _table(rows, "positions"):
        yield (r["place"],), (r["person"], _post(r["title"], r["place"]), r["title"], r["place"],
                              r["place_code"])


def _rankings_by_list(article: str, rows: dict):
    for r in _table(rows, "rankings"):
        yield (r["year"], r["list"]), (r["list"], r["year"], r["publisher"], r["rank"],
                                       r["place"], r["place_code"])


def _who_presided(article: str, rows: dict):
    for r in _table(rows, "participations"):
        if r["role"] == "presided":
            yield (r["event_date"], r["event"]), (_agent(r), _post(r["title"], r["place"]),
                                                  r["event"], r["event_date"])


def _who_spoke_where(article: str, rows: dict):
    # The event's own node where the article gives it (kg.query.article_tables.event_nodes):
    # two meetings of one name on one day in two provinces are two nodes (kg.rdf.mapper)
    iris = {(date, label): iri for iri, date, label, *_ in rows.get(EVENT_NODES, ())}
    for r in _table(rows, "events"):
        yield (r["date"], r["event"]), (
            "location", iris.get((r["date"], r["event"])) or _event_node(r, "date", article),
            r["location"])
    for r in _table(rows, "participations"):
        if r["role"] in ("speech", "remarks"):
            yield (r["event_date"], r["event"]), (
                "spoke", iris.get((r["event_date"], r["event"]))
                or _event_node(r, "event_date", article), _agent(r), r["role"], r["event"],
                r["event_date"], r["venue"])


def _render_who_spoke_where(_part: Part, items: list[Item]) -> list[list[str]]:
    locations: dict[str, set[str]] = {}
    for _article, data in items:
        if data[0] == "location":
            found = locations.setdefault(data[1], set())
            if data[2]:
                found.add(data[2])
    rows = []
    for _article, data in items:
        if data[0] == "spoke":
            _kind, node, person, role, event, date, venue = data
            for place in sorted(locations.get(node, ())) or [""]:
                rows.append([person, role, event, date, venue, place])
    rows.sort(key=lambda r: (r[3], r[2], r[1], r[0], r))
    return rows


def _events_by_date(article: str, rows: dict):
    """Each event node of the article (kg.query.article_tables.event_nodes): that it is an
    Event, its classes, date bases and participants, one contribution each."""
    for iri, date, label, is_event, classes, bases, participants in rows.get(EVENT_NODES, ()):
        part = (date, label)
        if is_event:
            yield part, ("event", iri, "")
        for c in classes:
            yield part, ("class", iri, c)
        for b in bases:
            yield part, ("basis", iri, b)
        for p in participants:
            yield part, ("participant", iri, p)


def _render_events_by_date(part: Part, items: list[Item]) -> list[list[str]]:
    nodes: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _article, (kind, iri, value) in ((a, d[:3]) for a, d in items):
        nodes[iri][kind].add(value)
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node in nodes.values():
        if not node["event"]:
            continue
        for kind in sorted(node["class"]) or ["event"]:
            for basis in node["basis"]:
                groups[(kind, basis)] |= node["participant"]
    rows = [[*part, kind, basis, str(len(ps))] for (kind, basis), ps in groups.items()]
    rows.sort()
    return rows


ANSWERS: dict[str, Answer] = {
    "statistics-by-place": Answer(
        ("place", "indicator", "year", "qualifier", "value", "unit", "articles"),
        _statistics_by_place, _counted(lambda r: (r[0], r[1], r[2], r))),
    "rankings-by-list": Answer(
        ("list", "year", "publisher", "rank", "place", "code"),
        _rankings_by_list, _listed(lambda r: (r[1], r[0], _rank_key(r[3]), r))),
    "officials": Answer(
        ("person", "post", "title", "place", "code", "articles"),
        _officials, _counted(lambda r: (r[3], r[0], r[2], r))),
    "who-presided": Answer(
        ("person", "post", "event", "date"),
        _who_presided, _listed(lambda r: (r[3], r[2], r[0], r))),
    "who-spoke-where": Answer(
        ("person", "role", "event", "date", "venue", "place"),
        _who_spoke_where, _render_who_spoke_where),
    "events-by-date": Answer(
        ("date", "event", "type", "date_basis", "participants"),
        _events_by_date, _render_events_by_date),
}


# -- keeping them -----------------------------------------------------------------------------

def _pad(data: Data) -> tuple[str | None, ...]:
    """A contribution's data in the table's columns, NULL after its last value."""
    return data + (None,) * (_WIDTH - len(data))


class AnswerKeeper:
    """The contributions of every article, and the answers made from them, for one build.

    ``previous`` is the store version the folder held before the build: the contributions
    describe it (and are updated) only if they were recorded for it; otherwise, as on a first
    build, every article contributes afresh. Nothing is visible before :meth:`commit`, which
    the build calls once its outputs are published (the answer files are published with them).
    """

    def __init__(self, cache_dir: Path, previous: str | None):
        self.dir = cache_dir
        self.db_path = cache_dir / DB
        self.previous = previous
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.fresh = not self._describes(previous)
        if self.fresh:
            self.work_path = cache_dir / f".{DB}.building"
            self.work_path.unlink(missing_ok=True)
        else:
            self.work_path = self.db_path
        self.db = sqlite3.connect(self.work_path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=DELETE")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.fresh:
            self.db.executescript(
                "PRAGMA page_size=8192;"
                "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);"
                "CREATE TABLE articles(article TEXT PRIMARY KEY, key TEXT);"
                f"CREATE TABLE contrib(answer TEXT, part TEXT, article TEXT, "
                f"{', '.join(f'c{i} TEXT' for i in range(_WIDTH))});")
        self.db.execute("BEGIN")
        self.keys = dict(self.db.execute("SELECT article, key FROM articles"))
        self.touched: dict[str, set[str]] = defaultdict(set)

    def _describes(self, version: str | None) -> bool:
        if version is None or not self.db_path.is_file():
            return False
        try:
            db = sqlite3.connect(self.db_path)
            try:
                meta = dict(db.execute("SELECT k, v FROM meta"))
            finally:
                db.close()
        except sqlite3.Error:
            return False
        if meta.get("format") != str(_FORMAT) or meta.get("version") != version:
            return False
        return all((self.dir / FOLDER / f"{n}{PARTS}").is_file() for n in ANSWERS)

    def needs(self, article: str, key: str) -> bool:
        """Whether the article's contributions are not those of this version of it."""
        return self.keys.get(article) != key

    def feed(self, article: str, key: str, rows: dict) -> None:
        """The article's contributions, replacing those of any earlier version of it."""
        if article in self.keys:
            self._drop(article)
        batch = []
        for name, answer in ANSWERS.items():
            for part, data in answer.contribute(article, rows):
                p = _SEP.join(part)
                batch.append((name, p, article, *_pad(data)))
                if not self.fresh:
                    self.touched[name].add(p)
        self.db.executemany(f"INSERT INTO contrib VALUES ({', '.join('?' * (3 + _WIDTH))})",
                            batch)
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?)", (article, key))
        self.keys[article] = key

    def _drop(self, article: str) -> None:
        for name, p in self.db.execute(
                "SELECT DISTINCT answer, part FROM contrib WHERE article = ?", (article,)):
            self.touched[name].add(p)
        self.db.execute("DELETE FROM contrib WHERE article = ?", (article,))
        self.db.execute("DELETE FROM articles WHERE article = ?", (article,))
        del self.keys[article]

    def keep_only(self, articles: Iterable[str]) -> None:
        """Forget the articles no longer in the graph."""
        wanted = set(articles)
        for article in sorted(set(self.keys) - wanted):
            self._drop(article)

    def write(self, stage: Callable[[Path], Path], version: str) -> None:
        """Every answer file and its part index, written into ``stage(final path)``."""
        if self.fresh:
            self.db.execute("CREATE INDEX contrib_article ON contrib(article)")
            self.db.execute("CREATE INDEX contrib_part ON contrib(answer, part)")
        folder = self.dir / FOLDER
        for name, answer in ANSWERS.items():
            final = folder / f"{name}.csv"
            index_final = folder / f"{name}{PARTS}"
            # (an index that cannot be read: the answer is rendered whole from the
            # contributions, which hold every article's)
            old = None if self.fresh else _read_index(index_final)
            with open(stage(final), "wb") as dst:
                keys, sizes = self._write_one(name, answer, dst, old, final)
            _write_index(stage(index_final), version, keys, sizes)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?), ('version', ?)",
                        (str(_FORMAT), version))

    def _items(self, name: str, part: str | None = None) -> Iterator[tuple[str, str, Data]]:
        cols = ", ".join(f"c{i}" for i in range(_WIDTH))
        if part is None:
            cur = self.db.execute(f"SELECT part, article, {cols} FROM contrib WHERE answer = ? "
                                  "ORDER BY part", (name,))
        else:
            cur = self.db.execute(f"SELECT part, article, {cols} FROM contrib "
                                  "WHERE answer = ? AND part = ?", (name, part))
        for p, article, *data in cur:
            yield p, article, tuple(v for v in data if v is not None)

    def _render(self, answer: Answer, p: str, items: list[Item]) -> bytes:
        return _csv_bytes(answer.render(tuple(p.split(_SEP)), items))

    def _write_one(self, name: str, answer: Answer, dst, old: tuple[list[str], array] | None,
                   final: Path) -> tuple[list[str], array]:
        """The answer's file: rendered whole on a fresh keeper, else the previous file with
        the touched parts rendered again. Returns the part index: each part's key and size.

        Only the touched parts cost Python work: the untouched runs between them are found by
        bisection and copied as byte ranges, their keys and sizes as slices (an index of 100,000
        parts is not walked entry by entry)."""
        header = _csv_bytes([list(answer.columns)])
        dst.write(header)
        keys: list[str] = []
        sizes = array("q")

        def emit(p: str, data: bytes) -> None:
            if data:
                dst.write(data)
                keys.append(p)
                sizes.append(len(data))

        if old is None:
            current, items = None, []
            for p, article, data in self._items(name):
                if p != current:
                    if current is not None:
                        emit(current, self._render(answer, current, items))
                    current, items = p, []
                items.append((article, data))
            if current is not None:
                emit(current, self._render(answer, current, items))
            return keys, sizes
        old_keys, old_sizes = old
        starts = array("q", accumulate(old_sizes, initial=len(header)))
        touched = sorted(self.touched.get(name, ()))
        with open(final, "rb") as src:
            def copy(first: int, last: int) -> None:
                """Old parts first..last-1, which no change touched, as they were."""
                if first >= last:
                    return
                copy_range(src, dst, starts[first], starts[last] - starts[first])
                keys.extend(old_keys[first:last])
                sizes.extend(old_sizes[first:last])

            i = 0
            for p in touched:
                j = bisect.bisect_left(old_keys, p, i)
                copy(i, j)
                i = j + 1 if j < len(old_keys) and old_keys[j] == p else j
                items = [(a, d) for _p, a, d in self._items(name, p)]
                emit(p, self._render(answer, p, items) if items else b"")
            copy(i, len(old_keys))
        return keys, sizes

    def commit(self) -> None:
        """Make the contributions those of the published build (after its outputs are)."""
        self.db.execute("COMMIT")
        self.db.close()
        if self.fresh:
            os.replace(self.work_path, self.db_path)

    def abandon(self) -> None:
        try:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.close()
        except sqlite3.Error:
            pass
        if self.fresh:
            self.work_path.unlink(missing_ok=True)


def answer_file(graph_dir: Path, name: str) -> Path | None:
    """The kept answer of bundled query ``name``, if the build kept one for the store that is
    there now (not for an earlier version, nor one changed in place since)."""
    from kg.store.cache import CACHE_DIR
    from kg.store.oxigraph import store_version

    if name not in ANSWERS:
        return None
    folder = graph_dir / CACHE_DIR / FOLDER
    head = packed_head(folder / f"{name}{PARTS}")
    if head is None or head.get("format") != _FORMAT or \
            head.get("version") != store_version(graph_dir):
        return None
    return folder / f"{name}.csv"


# -- part indexes ----------------------------------------------------------------------------
# An answer's part index (kg.util.write_packed): the parts' keys and their sizes in bytes. Sizes,
# not start offsets: the sizes of untouched parts stay what they were, so an incremental build
# copies them as slices instead of shifting 100,000 offsets one by one; offsets are their
# running sum.


def _write_index(path: Path, version: str, keys: list[str], sizes: array) -> None:
    write_packed(path, {"format": _FORMAT, "version": version}, {"keys": keys},
                 {"sizes": sizes})


def _read_index(path: Path) -> tuple[list[str], array] | None:
    """Keys and sizes of a part index, or None when it is missing, damaged or of another
    format."""
    packed = read_packed(path)
    if packed is None or packed[0].get("format") != _FORMAT:
        return None
    _, strings, arrays = packed
    keys, sizes = strings.get("keys"), arrays.get("sizes")
    if keys is None or sizes is None or len(keys) != len(sizes):
        return None
    return keys, sizes
