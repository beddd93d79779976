"""Where a one-article rebuild of a large graph spends its time (a benchmark, not a test).

    python -m tests.bench.rebuild_timing CORPUS GRAPH

CORPUS is the folder a graph was built from (``kg bench --out X`` leaves X/corpus and X/graph);
its first article is changed a little, the graph is rebuilt, and the stages and the functions
that grow with the archive are printed with their seconds.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

import kg.build as B
import kg.store.cache as C

TIMES: dict[str, float] = {}


def _timed(name: str, owner, attr: str) -> None:
    fn = getattr(owner, attr)

    @functools.wraps(fn)
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - t

    setattr(owner, attr, wrapper)


def main(corpus: Path, graph: Path) -> None:
    for name, owner, attr in [
            ("walk the folder", B, "discover_names"), ("read the manifest", C.ArticleCache, "__init__"),
            ("write the manifest", C.ArticleCache, "manifest_bytes"),
            ("prune the cache", C.ArticleCache, "prune"), ("open the store", B.StoreWriter, "__init__"),
            ("check the store", B, "_out_of_step"), ("kept answers", B.AnswerKeeper, "write"),
            ("publish", B.Publication, "commit")]:
        _timed(name, owner, attr)
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text("utf-8") + "\n会议强调,要抓好落实。\n", "utf-8")
    time.sleep(2.1)  # (a file changed this recently is hashed whatever its stat says)
    t = time.perf_counter()
    summary = B.build([corpus], graph, progress=False, html=False, export=False,
                      echo=lambda m: None)
    total = time.perf_counter() - t
    print(f"one-article rebuild of {summary.articles:,} articles: {total:.2f} s")
    for k, v in sorted(summary.stage_seconds.items(), key=lambda kv: -kv[1]):
        print(f"  stage {k:<20} {v:6.3f} s")
    for k, v in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<26} {v:6.3f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
