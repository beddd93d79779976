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
