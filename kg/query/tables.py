"""The CSV tables: the contract with pandas/R/Stata users, produced by bundled SPARQL queries.

The tables are made from the store, not from the extractor's facts, so they prove what the graph
says. Rows are sorted and cells normalized so that the same graph gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from kg.model import TABLE_COLUMNS
from kg.query.runner import load_bundled, select
from kg.store.oxigraph import GraphStore
from kg.util import BlockRuns, atomic_write_text, read_packed, write_packed

TABLES = TABLE_COLUMNS


def table_rows(store: GraphStore, name: str) -> list[list[str]]:
    variables, rows = select(store, load_bundled(name))
    return _normalize(name, variables, rows)


def _normalize(name: str, variables: list[str], rows: list[list[str]]) -> list[list[str]]:
    columns = TABLES[name]
    if tuple(variables) != columns:
        raise RuntimeError(f"bundled query {name}.rq returns {variables}, expected {columns}")
    if name == "events":
        i = columns.index("organizer")
        for r in rows:
            r[i] = ";".join(sorted(filter(None, r[i].split(";"))))
    return sorted(rows)


def table_csv(store: GraphStore, name: str) -> str:
    return _csv_bytes([list(TABLES[name]), *table_rows(store, name)]).decode("utf-8")


def write_tables(store: GraphStore, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in TABLES:
        text = table_csv(store, name)
        atomic_write_text(out_dir / f"{name}.csv", text)
        counts[name] = text.count("\n") - 1
    return counts


# -- per article: how builds keep the tables without querying the whole graph --------------------
#
# Every row of every table but ``places`` comes from one article's statements (the first
# column is the article), so a table is the concatenation, in article order, of the rows the
# same bundled queries give on each article's own graph. Workers compute those rows next to the
# article's triples, the cache keeps them, and a build writes the tables by streaming the cached
# rows of the articles it holds: no query over the whole graph, no table held in memory.
# ``places`` has no article column; its rows are deduplicated across articles.

def article_rows(ntriples: str) -> dict[str, list[list[str]]]:
    """The rows of each table that one article's triples (as N-Triples) give."""
    import pyoxigraph as ox

    mem = ox.Store()
    mem.load(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    store = GraphStore(mem, None)
    return {name: table_rows(store, name) for name in TABLES}


def article_rows_of(triples, ntriples: str, graph=None) -> dict[str, list[list[str]]]:
    """:func:`article_rows` for an article whose triples (ox.Triple or tuples of Oxigraph
    terms) are at hand, and whose N-Triples are ``ntriples``: the
    bundled queries evaluated in Python (kg.query.article_tables, the same rows at a third of
    the cost), or the queries themselves when the triples hold what that evaluator does not
    model. ``graph``: the triples already indexed (kg.query.article_tables.index)."""
    from kg.query.article_tables import Unsupported, table_rows

    try:
        return table_rows(triples, graph)
    except Unsupported:
        return article_rows(ntriples)


_INDEX_FORMAT = 2  # 2: packed (kg.util.write_packed), block sizes instead of offsets


def write_tables_streaming(final_dir: Path, articles: list[tuple[str, str]], rows_of,
                           stage, *, index_path: Path | None = None,
                           old_rows_of=None) -> dict[str, int]:
    """Write every table for ``articles`` ((id, cache key) pairs in article order), whose
    rows ``rows_of(id)`` gives; ``stage(path)`` gives the file to write each output into.

    The tables are concatenations of per-article blocks. With ``index_path`` the byte range
    of each article's block and the count of articles giving each place are kept there; when
    the index describes the tables that are in ``final_dir``, an article whose key is the
    same has its block copied from the previous file and only the other articles' rows are
    read, so an incremental build of a large corpus costs a copy of bytes, not a JSON parse
    per article. ``old_rows_of(key)`` gives a replaced or removed article's old rows (its
    places stop counting), or None, and then every article's rows are read."""
    previous = _read_index(index_path, final_dir) if old_rows_of is not None else None
    places: Counter[tuple[str, ...]] = Counter()
    old_pos: dict[str, int] = {}
    names = [n for n in TABLES if n != "places"]
    header = {n: _csv_bytes([list(TABLES[n])]) for n in names}
    if previous is not None:
        old_docs, old_keys = previous.docs, previous.keys
        new_keys = dict(articles)
        old_pos = {doc: i for i, (doc, key) in enumerate(zip(old_docs, old_keys, strict=True))
                   if new_keys.get(doc) == key}
        places.update(previous.places)
        for doc, key in zip(old_docs, old_keys, strict=True):
            if new_keys.get(doc) != key:  # replaced or removed: its places no longer count
                old = old_rows_of(key)
                if old is None:
                    return write_tables_streaming(final_dir, articles, rows_of, stage,
                                                  index_path=index_path)
                places.subtract(tuple(r) for r in old.get("places", []))
        # where each old block starts in its file: the running sum of the blocks before it
        starts = {n: array("q", accumulate(previous.sizes[n], initial=len(header[n])))
                  for n in names}
    sizes: dict[str, array] = {n: array("q") for n in names}  # each article's block, in bytes
    row_counts: dict[str, array] = {n: array("q") for n in names}
    handles = {n: open(stage(final_dir / f"{n}.csv"), "wb") for n in names}  # noqa: SIM115
    sources = {n: open(final_dir / f"{n}.csv", "rb") for n in names} if old_pos else {}  # noqa: SIM115
    # unchanged articles' blocks as bytes, their sizes and row counts as slices
    runs = BlockRuns(sources, handles, starts if old_pos else {},
                     {**{f"size:{n}": (previous.sizes[n], sizes[n]) for n in names},
                      **{f"rows:{n}": (previous.rows[n], row_counts[n]) for n in names}}
                     if old_pos else {})

    try:
        for n in names:
            handles[n].write(header[n])
        for doc, _key in articles:
            i = old_pos.get(doc)
            if i is not None:
                runs.keep(i)
                continue
            runs.flush()
            rows = rows_of(doc)
            for n in names:
                data = _csv_bytes(rows.get(n, []))
                handles[n].write(data)
                sizes[n].append(len(data))
                row_counts[n].append(len(rows.get(n, [])))
            places.update(tuple(r) for r in rows.get("places", []))
        runs.flush()
    finally:
        for fh in (*handles.values(), *sources.values()):
            fh.close()
    counts = {n: sum(row_counts[n]) for n in names}
    kept = sorted(r for r, c in places.items() if c > 0)
    # An article that does not name a place's parent city gives the place without it; the
    # graph as a whole knows the parent when any article does (as a query over it would say).
    known = {(r[0], r[1], r[3]) for r in kept if r[2]}
    rows = [list(r) for r in kept if r[2] or (r[0], r[1], r[3]) not in known]
    counts["places"] = len(rows)
    with open(stage(final_dir / "places.csv"), "wb") as fh:
        fh.write(_csv_bytes([list(TABLES["places"]), *rows]))
    if index_path is not None:
        head = {"format": _INDEX_FORMAT,
                "file_sizes": {n: len(header[n]) + sum(sizes[n]) for n in names},
                "places": [[*r, places[r]] for r in kept]}
        write_packed(stage(index_path), head,
                     {"docs": [a[0] for a in articles], "keys": [a[1] for a in articles]},
                     {**{f"size:{n}": sizes[n] for n in names},
                      **{f"rows:{n}": row_counts[n] for n in names}})
    return counts


def _csv_bytes(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


@dataclass
class _Index:
    """The previous tables' index: the articles in order, and per table each article's block
    size and row count; the places with the number of articles that give each."""

    docs: list[str]
    keys: list[str]
    sizes: dict[str, array]
    rows: dict[str, array]
    places: dict[tuple[str, ...], int]


def _read_index(index_path: Path | None, final_dir: Path) -> _Index | None:
    """The previous tables' index, if it describes the table files that are there."""
    if index_path is None:
        return None
    packed = read_packed(index_path)
    if packed is None:
        return None
    head, strings, arrays = packed
    names = sorted(n for n in TABLES if n != "places")
    try:
        if head.get("format") != _INDEX_FORMAT or sorted(head["file_sizes"]) != names:
            return None
        for n, size in head["file_sizes"].items():
            if (final_dir / f"{n}.csv").stat().st_size != size:
                return None
        index = _Index(strings["docs"], strings["keys"],
                       {n: arrays[f"size:{n}"] for n in names},
                       {n: arrays[f"rows:{n}"] for n in names},
                       {tuple(r[:-1]): r[-1] for r in head["places"]})
    except (OSError, KeyError, TypeError, AttributeError):
        return None
    count = len(index.docs)
    if len(index.keys) != count or any(len(a) != count for a in (*index.sizes.values(),
                                                                  *index.rows.values())):
        return None
    return index
