"""The CSV tables: the contract with pandas/R/Stata users, produced by bundled SPARQL queries.

The tables are made from the store, not from the extractor's facts, so they prove what the graph
says. Rows are sorted and cells normalized so that the same graph gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.model import TABLE_COLUMNS
from kg.query.runner import load_bundled, select
from kg.store.oxigraph import GraphStore
from kg.util import atomic_write_text

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
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(TABLES[name])
    w.writerows(table_rows(store, name))
    return buf.getvalue()


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


def write_tables_streaming(final_dir: Path, rows_by_article, stage) -> dict[str, int]:
    """Write every table from ``rows_by_article`` (an iterable of per-article row dicts in
    article order); ``stage(path)`` gives the file to write each table into."""
    handles = {}
    writers = {}
    counts = dict.fromkeys(TABLES, 0)
    places: set[tuple[str, ...]] = set()
    try:
        for name in TABLES:
            if name == "places":
                continue
            handles[name] = open(stage(final_dir / f"{name}.csv"), "w", encoding="utf-8",
                                 newline="")
            writers[name] = csv.writer(handles[name], lineterminator="\n")
            writers[name].writerow(TABLES[name])
        for rows in rows_by_article:
            for name, table in rows.items():
                if name not in counts:
                    continue  # kept with the rows but not a table (the view's rows)
                if name == "places":
                    places.update(tuple(r) for r in table)
                else:
                    writers[name].writerows(table)
                    counts[name] += len(table)
    finally:
        for fh in handles.values():
            fh.close()
    # An article that does not name a place's parent city gives the place without it; the
    # graph as a whole knows the parent when any article does (as a query over it would say).
    known = {(r[0], r[1], r[3]) for r in places if r[2]}
    places = {r for r in places if r[2] or (r[0], r[1], r[3]) not in known}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(TABLES["places"])
    w.writerows(sorted(places))
    counts["places"] = len(places)
    with open(stage(final_dir / "places.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    return counts
