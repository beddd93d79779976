"""Answers to queries without evaluating them again: the build's tables and a result cache.

The SPARQL engine answers a question about one entity in milliseconds, but a query that returns
a whole table (87,000 participations on a 10,000-article graph) takes seconds, however it is
written: every row is a join of a dozen index lookups. Such a query's answer only changes
when the store does, so ``kg query`` answers it from what is already computed:

- a bundled table query (``kg query participations``) in the tables' language is answered by
  the CSV table the build wrote together with the store (the same rows: tables are made by the
  same queries, article by article; tests check the two agree);
- the six whole-graph bundled queries (who-presided, who-spoke-where, officials,
  rankings-by-list, statistics-by-place, events-by-date) are answered by the CSV files the
  build keeps for them and updates where articles changed (kg.query.materialized; tests
  compare them with the queries);
- any other query's answer is kept in ``.kg-query-cache/`` under a key made of the store
  version, the query text with its parameters bound, and the output format, as printed (a
  second ask reads a file; 67,000 rows are not formatted again). A build publishes a
  new store version, so its answers are never served for another.

``kg query --update`` changes a store in place; it records that (kg.store.oxigraph.mark_modified)
(so the tables, which it does not change, stop answering for that store) and empties the cache.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from kg.model import TABLE_COLUMNS
from kg.query.runner import DEFAULT_LANG as TABLES_LANG  # the tables' label language
from kg.store.oxigraph import STORE_DIR, mark_modified, modified_in_place, store_version
from kg.util import atomic_write_text

CACHE_DIR = ".kg-query-cache"
MAX_CACHED_BYTES = 32 * 1024 * 1024  # larger answers are recomputed rather than kept
MAX_ENTRIES = 64


def record_update(graph_dir: Path) -> None:
    """After ``kg query --update``: the tables no longer describe the store; forget answers."""
    mark_modified(graph_dir)
    shutil.rmtree(graph_dir / CACHE_DIR, ignore_errors=True)


def table_file(graph_dir: Path, name: str, lang: str, params: dict[str, str]) -> Path | None:
    """The build's CSV of bundled table query ``name``, when it is that query's answer."""
    if name not in TABLE_COLUMNS or lang != TABLES_LANG or params:
        return None
    if modified_in_place(graph_dir):
        return None  # changed in place since the build wrote the tables
    path = graph_dir / "tables" / f"{name}.csv"
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), None)
    except OSError:
        return None
    return path if header == list(TABLE_COLUMNS[name]) else None


def kept_answer(graph_dir: Path, name: str, lang: str, params: dict[str, str]) -> Path | None:
    """The build's kept answer of whole-graph bundled query ``name`` (kg.query.materialized),
    when that is the question: the tables' language, no parameters, the store as built."""
    from kg.query.materialized import answer_file

    if lang != TABLES_LANG or params or modified_in_place(graph_dir):
        return None
    return answer_file(graph_dir, name)


_VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.I)


def cacheable(text: str) -> bool:
    """Whether a query gives the same answer on the same store (NOW(), RAND() ... do not)."""
    return not _VOLATILE.search(text)


class ResultCache:
    """Answers kept on disk per store version; a miss computes, keeps and returns.

    Each store version has its own folder, and keeping an answer removes the folders of other
    versions: a rebuilt store's answers take no room once a query has run on the new one."""

    def __init__(self, graph_dir: Path):
        self.root = graph_dir / CACHE_DIR
        self.version = store_version(graph_dir)
        self.dir = self.root / hashlib.sha256(self.version.encode("utf-8")).hexdigest()[:16]

    def path(self, kind: str, text: str) -> Path:
        h = hashlib.sha256()
        for part in (kind, text):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return self.dir / f"{h.hexdigest()[:32]}.json"

    def get_or_compute(self, kind: str, text: str, compute: Callable[[], str]) -> str:
        path = self.path(kind, text)
        try:
            entry = json.loads(path.read_text("utf-8"))
            if entry.get("version") == self.version and entry.get("query") == text:
                return entry["answer"]
        except (OSError, ValueError, KeyError, AttributeError):
            pass  # missing or unreadable: computed again
        answer = compute()
        self._keep(path, {"version": self.version, "query": text, "answer": answer})
        return answer

    def _keep(self, path: Path, entry: dict) -> None:
        data = json.dumps(entry, ensure_ascii=False)
        if len(data) > MAX_CACHED_BYTES:
            return
        try:
            for other in self.root.glob("*"):
                if other != self.dir:
                    shutil.rmtree(other, ignore_errors=True)
            self.dir.mkdir(parents=True, exist_ok=True)
            kept = sorted(self.dir.glob("*.json"), key=lambda p: p.stat().st_mtime)
            for old in kept[:max(0, len(kept) - MAX_ENTRIES + 1)]:
                old.unlink(missing_ok=True)
            atomic_write_text(path, data)
        except OSError:
            pass  # a read-only output folder: answer without keeping

def answer(graph_dir: Path, text: str, *, name: str | None = None,
           params: dict[str, str] | None = None, lang: str = TABLES_LANG,
           fmt: str = "table", kept: bool = True) -> str:
    """What ``kg query`` prints: from the tables, the cache, or (on a miss) the store.

    ``name`` is the bundled query ``text`` came from, if any. The store is opened only on a
    miss, so a kept answer costs no store start-up. ``kept=False`` always asks the store."""
    from kg.query.runner import bind_params, format_results, select, sparql_json
    from kg.query.tables import _normalize
    from kg.store.oxigraph import open_store

    # parameters the query does not use change nothing (and must not turn the tables off)
    params = {k: v for k, v in (params or {}).items() if re.search(rf"\${k}\b", text)}
    if not (graph_dir / STORE_DIR).is_dir():
        open_store(graph_dir)  # says that nothing has been built here
    if name is not None and fmt != "json" and kept:
        table = table_file(graph_dir, name, lang, params)
        if table is not None:
            if fmt == "csv":  # the file is already this answer, byte for byte
                return table.read_text("utf-8")
            with open(table, encoding="utf-8", newline="") as fh:
                header, *rows = csv.reader(fh)
            return format_results(header, rows, fmt)
        kept_file = kept_answer(graph_dir, name, lang, params)
        if kept_file is not None:
            if fmt == "csv":
                return kept_file.read_text("utf-8")

            def reformat() -> str:
                with open(kept_file, encoding="utf-8", newline="") as fh:
                    header, *rows = csv.reader(fh)
                return format_results(header, rows, fmt)

            return ResultCache(graph_dir).get_or_compute(f"kept:{name}:{fmt}", text, reformat)
    bound = bind_params(text, params, lang)

    def compute() -> str:
        store = open_store(graph_dir)
        if fmt == "json":
            return str(sparql_json(store, bound, None, lang))
        variables, rows = select(store, bound, None, lang)
        if name in TABLE_COLUMNS:  # as the tables have them: sorted, lists in order
            rows = _normalize(name, variables, rows)
        return format_results(variables, rows, fmt)

    if kept and cacheable(bound):  # kept as printed: a second ask costs a file read
        return ResultCache(graph_dir).get_or_compute(f"{fmt}:{name in TABLE_COLUMNS}",
                                                     bound, compute)
    return compute()
