"""The article cache keeps an article's meta, table rows and triples in one file; articles
cached in the earlier layout (rows in a file of their own) stay readable."""

from __future__ import annotations

import json
from pathlib import Path

from kg.store.cache import ArticleCache, Entry

NT = b'<http://x/a> <http://x/b> "c" .\n'
ROWS = {"positions": [["a.txt", "张三", "市长", "", "", "证据"]], "places": []}


def test_one_file_round_trip(tmp_path: Path) -> None:
    cache = ArticleCache(tmp_path)
    key = cache.key("a.txt", "sha")
    cache.put(key, NT, {"encoding": "utf-8", "counts": {"persons": 1}},
              json.dumps(ROWS, ensure_ascii=False))
    cache.entries["a.txt"] = Entry(key, "sha", "a.txt", "utf-8", {"persons": 1})
    assert cache.has(key)
    assert cache.meta(key) == {"counts": {"persons": 1}, "encoding": "utf-8"}
    assert cache.rows("a.txt") == ROWS
    assert cache.ntriples("a.txt").endswith(NT)
    assert [p.name for p in (tmp_path / ".kg-cache" / "articles").iterdir()] == [f"{key}.nt"]


def test_rows_of_the_earlier_layout(tmp_path: Path) -> None:
    folder = tmp_path / ".kg-cache" / "articles"
    folder.mkdir(parents=True)
    key = "0" * 32
    (folder / f"{key}.nt").write_bytes(b'# kg {"counts": {}, "encoding": "utf-8"}\n' + NT)
    (folder / f"{key}.rows.json").write_text(json.dumps(ROWS, ensure_ascii=False), "utf-8")
    cache = ArticleCache(tmp_path)
    cache.entries["a.txt"] = Entry(key, "sha", "a.txt", "utf-8", {})
    assert cache.rows("a.txt") == ROWS
    assert cache.meta(key) == {"counts": {}, "encoding": "utf-8"}
    assert cache.prune() == 0  # both files belong to a listed article
