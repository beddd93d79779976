"""``kg bench``: a synthetic corpus of the genre, built and measured.

The corpus is generated from a seed (same seed, same articles): meetings, inspection tours,
ranking lists and statistics about real divisions (from the shipped gazetteer) and invented
people, 1,000-2,500 characters each. The benchmark prints a table and writes a JSON file with
throughput, time per stage, peak memory, query latencies against rdflib's in-memory store, the
incremental rebuild time and the throughput of the raw text scan (read, decode, one pass of
the place automaton): the ceiling the pipeline could reach.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import time
from pathlib import Path

from kg.lexicon.divisions import divisions
from kg.lexicon.names import given_name_chars, surnames

_TOPICS = ("优化营商环境", "乡村振兴", "安全生产", "生态环境保护", "项目建设", "招商引资", "城市更新",
           "防汛抗旱", "数字经济发展", "民营经济发展", "基层治理", "文化旅游融合发展")
_MEETINGS = ("工作会议", "推进会", "现场会", "座谈会", "调度会")
_INDICATORS = (("地区生产总值", "亿元", (200, 9000)), ("一般公共预算收入", "亿元", (10, 600)),
               ("社会消费品零售总额", "亿元", (50, 3000)), ("固定资产投资", None, None),
               ("城镇居民人均可支配收入", "元", (30000, 80000)),
               ("农村居民人均可支配收入", "元", (12000, 40000)))
_LISTS = ("全国综合实力百强县市", "全国县域经济百强", "全国新型城镇化质量百强县市", "中国创新百强区",
          "全国绿色发展百强县市")
_PUBLISHERS = ("中国社会科学院", "赛迪顾问", "中国中小城市发展指数研究课题组", None)


class Generator:
    def __init__(self, seed: int):
        self.rnd = random.Random(seed)
        single, _ = surnames()
        self.surnames = sorted(single)
        self.given = sorted(given_name_chars())
        year = 2022
        self.divs = divisions()
        self.counties = sorted((d for d in self.divs.in_force(year)
                                if d.level == "county" and d.name.endswith(("县", "市", "区"))),
                               key=lambda d: d.code)
        self.used: set[str] = set()

    def name(self) -> str:
        r = self.rnd
        while True:
            n = r.choice(self.surnames) + "".join(r.choice(self.given)
                                                  for _ in range(r.choice((1, 2, 2))))
            if n not in self.used or len(self.used) > 50000:
                self.used.add(n)
                return n

    def article(self, i: int) -> str:
        r = self.rnd
        county = r.choice(self.counties)
        city = self.divs.get(county.parent_code, 2022) if county.parent_code else None
        city_name = city.name if city else county.name
        year = r.choice((2021, 2022, 2023))
        month, day = r.randint(1, 12), r.randint(1, 28)
        topic = r.choice(_TOPICS)
        meeting = f"全市{topic}{r.choice(_MEETINGS)}"
        secretary, mayor, deputy, others = self.name(), self.name(), self.name(), \
            [self.name() for _ in range(3)]
        lv = "市" if city else county.name[-1]
        paras = [
            f"{city_name}召开{meeting}",
            f"发布时间:{year}-{month:02d}-{min(day + 1, 28):02d} 09:30",
            f"{month}月{day}日,{meeting}召开。{lv}委书记{secretary}出席会议并讲话,{lv}委副书记、"
            f"{lv}长{mayor}主持会议。{lv}领导{'、'.join(others)}等出席会议。",
            f"会上,常务副{lv}长{deputy}通报了全{lv}{topic}工作情况;{county.name}委书记{self.name()}"
            f"作交流发言。{secretary}强调,要坚持问题导向,狠抓工作落实,推动{topic}取得新成效。",
        ]
        if r.random() < 0.6:
            leader = self.name()
            paras.append(f"{month}月{min(day + 1, 28)}日,{lv}长{leader}到{county.name}调研{topic}"
                         f"工作。{county.name}委书记{self.name()}、{county.name[-1]}长{self.name()}"
                         "陪同。")
        if r.random() < 0.5:
            lst = f"{year - 1}{r.choice(_LISTS)}"
            pub = r.choice(_PUBLISHERS)
            ranks = sorted(r.sample(range(1, 101), 4))
            places = r.sample(self.counties, 4)
            intro = f"{pub}发布的“{lst}”中" if pub else f"在“{lst}”中"
            paras.append(f"{intro},{places[0].name}位列第{ranks[0]}位。")
            paras.append(lst)
            paras.extend(f"第{k}位 {p.name}" for k, p in zip(ranks, places, strict=True))
        if r.random() < 0.7:
            parts = []
            for ind, unit, rng in r.sample(_INDICATORS, 3):
                if unit is None:
                    parts.append(f"{ind}增长{r.randint(10, 150) / 10}%")
                else:
                    parts.append(f"{ind}{r.randint(*rng) * (1 if unit == '元' else 1)}{unit},"
                                 f"增长{r.randint(10, 90) / 10}%")
            paras.append(f"{year - 1}年,{county.name}" + ";".join(parts) + "。")
        body = "\n\n".join(paras)
        filler = ("会议要求,各地各部门要提高政治站位,强化责任担当,加强统筹协调,"
                  "确保各项目标任务落到实处。")
        while len(body) < 1000 + r.randint(0, 1200):
            body += "\n\n" + filler
        return body + "\n"


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles into ``folder``; returns the characters written."""
    folder.mkdir(parents=True, exist_ok=True)
    g = Generator(seed)
    chars = 0
    for i in range(n):
        text = g.article(i)
        (folder / f"s{i:06d}.txt").write_text(text, "utf-8")
        chars += len(text)
    return chars


def scan_throughput(folder: Path) -> tuple[float, int]:
    """Read, decode and scan every file once with the place automaton: chars/s."""
    from kg.extract.places import find_places
    from kg.ingest.decode import decode

    find_places("预热")
    chars = 0
    t = time.perf_counter()
    for f in sorted(folder.iterdir()):
        text, _ = decode(f.read_bytes())
        find_places(text)
        chars += len(text)
    return chars / (time.perf_counter() - t), chars


def _rdflib_worker(ttl: str, queries: list[tuple[str, str]], conn) -> None:
    from rdflib import Graph

    from kg.query.runner import PREFIX_MAP

    g = Graph()
    g.parse(ttl, format="turtle")
    conn.send(("loaded", None))
    for name, q in queries:
        t = time.perf_counter()
        try:
            list(g.query(q, initNs=PREFIX_MAP))
            conn.send((name, time.perf_counter() - t))
        except Exception as exc:  # noqa: BLE001 - rdflib's SPARQL differs on edge cases
            conn.send((name, type(exc).__name__))
    conn.close()


def query_latencies(out: Path, rdflib_too: bool = True, budget_s: float = 120.0
                    ) -> dict[str, dict]:
    """Each bundled query: seconds in the store, and in rdflib's in-memory store (ratio).

    rdflib runs in a child process with a time budget: on large graphs some of its queries
    take minutes; those are reported as not finished within the budget.
    """
    import multiprocessing as mp

    from kg.query import answers
    from kg.query.runner import bind_params, bundled_queries, load_bundled, select
    from kg.store.oxigraph import open_store

    store = open_store(out)
    params = {"name": _a_place(out)}
    queries = [(name, bind_params(load_bundled(name), params)) for name in bundled_queries()]
    result: dict[str, dict] = {}
    shutil.rmtree(out / answers.CACHE_DIR, ignore_errors=True)
    for name, q in queries:
        select(store, q)  # warm
        t = time.perf_counter()
        select(store, q)
        row = result[name] = {"store_s": round(time.perf_counter() - t, 4)}
        # what kg query does: the build's table, a kept answer, or the store (then kept)
        for key in ("first_answer_s", "answer_s"):
            t = time.perf_counter()
            answers.answer(out, load_bundled(name), name=name, params=params, fmt="csv")
            row[key] = round(time.perf_counter() - t, 4)
    if not rdflib_too:
        return result
    parent, child = mp.Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_rdflib_worker,
                                          args=(str(out / "graph.ttl"), queries, child))
    proc.start()
    deadline = time.perf_counter() + budget_s
    while time.perf_counter() < deadline and proc.is_alive() or parent.poll():
        if not parent.poll(max(0.0, min(1.0, deadline - time.perf_counter()))):
            continue
        name, value = parent.recv()
        if name == "loaded":
            continue
        row = result[name]
        if isinstance(value, str):
            row["rdflib_error"] = value
        else:
            row["rdflib_s"] = round(value, 4)
            row["ratio"] = round(value / row["store_s"], 1) if row["store_s"] else None
    if proc.is_alive():
        proc.terminate()
    proc.join()
    for row in result.values():
        if "rdflib_s" not in row and "rdflib_error" not in row:
            row["rdflib_error"] = f"not finished within {budget_s:.0f} s"
    return result


def _a_place(out: Path) -> str:
    """A place the graph knows (the first of the places table), for the by-name queries."""
    try:
        with open(out / "tables" / "places.csv", encoding="utf-8") as fh:
            return fh.read().split("\n")[1].split(",")[0] or "海门市"
    except (OSError, IndexError):
        return "海门市"


STAGES = ("scan", "build", "incremental", "queries", "rdflib", "view")


def _rss_mb() -> tuple[int, int]:
    return (round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))


class _RssTimeline:
    """The main process's resident memory sampled once a second while a build runs: where in
    the build the peak comes (the extraction loop, loading, publishing) is what to act on."""

    def __init__(self) -> None:
        import threading

        self.points: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._t0 = time.perf_counter()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            try:
                with open("/proc/self/status", encoding="ascii") as fh:
                    kb = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:"))
            except (OSError, StopIteration, ValueError):
                return  # not Linux: no timeline
            self.points.append((round(time.perf_counter() - self._t0, 1), kb // 1024))

    def __enter__(self) -> _RssTimeline:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self, most: int = 120) -> list[tuple[float, int]]:
        step = max(1, len(self.points) // most)
        return self.points[::step]


def run(n: int, out: Path, *, workers: int | None = None, seed: int = 7,
        rdflib_too: bool = True, stages: tuple[str, ...] | None = None, export: bool = True,
        html: bool = True, echo=print) -> dict:
    """Generate, build and measure; ``stages`` (default all but rdflib above 2,000 articles)
    chooses what is measured besides the build."""
    from kg.build import build

    if stages is None:
        stages = tuple(st for st in STAGES if st != "rdflib" or (rdflib_too and n <= 2000))
    elif not rdflib_too:
        stages = tuple(st for st in stages if st != "rdflib")
    corpus = out / "corpus"
    graph = out / "graph"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(graph, ignore_errors=True)
    t = time.perf_counter()
    chars = generate(corpus, n, seed)
    gen_s = time.perf_counter() - t
    report: dict = {"articles": n, "characters": chars, "generate_s": round(gen_s, 2),
                    "workers": workers or os.cpu_count(), "export": export, "html": html,
                    "machine": machine()}
    if "scan" in stages:
        scan_rate, _ = scan_throughput(corpus)
        report["raw_scan_chars_per_s"] = round(scan_rate)
    t = time.perf_counter()
    with _RssTimeline() as timeline:
        summary = build([corpus], graph, progress=True, workers=workers, html=html,
                        export=export, echo=lambda m: None)
    build_s = time.perf_counter() - t
    report.update({
        "build_s": round(build_s, 2), "articles_per_s": round(n / build_s, 1),
        "chars_per_s": round(chars / build_s), "triples": summary.triples,
        "facts": dict(summary.facts),
        "stages_s": {k: round(v, 2) for k, v in summary.stage_seconds.items()},
        "rss_timeline_s_mb": timeline.summary(),
    })
    report["peak_rss_mb"], report["peak_rss_worker_mb"] = _rss_mb()
    if "incremental" in stages:
        first = sorted(corpus.iterdir())[0]
        first.write_text(first.read_text("utf-8") + "\n会议强调,要抓好落实。\n", "utf-8")
        t = time.perf_counter()
        inc = build([corpus], graph, progress=False, workers=workers, html=html, export=export,
                    echo=lambda m: None)
        report["incremental_rebuild_s"] = round(time.perf_counter() - t, 2)
        report["incremental_stages_s"] = {k: round(v, 3) for k, v in inc.stage_seconds.items()}
        if export:  # the same change once more, without rewriting graph.ttl/graph.trig
            first.write_text(first.read_text("utf-8") + "\n会议要求,要压实责任。\n", "utf-8")
            t = time.perf_counter()
            build([corpus], graph, progress=False, workers=workers, html=html, export=False,
                  echo=lambda m: None)
            report["incremental_rebuild_no_export_s"] = round(time.perf_counter() - t, 2)
            if "queries" in stages:  # put the exports back (rdflib reads graph.ttl)
                build([corpus], graph, progress=False, workers=workers, html=html,
                      export=True, echo=lambda m: None)
    if "queries" in stages:
        report["queries"] = query_latencies(graph, "rdflib" in stages)
        report["query_cli_s"] = cli_latency(graph)
    report["peak_rss_mb"], report["peak_rss_worker_mb"] = _rss_mb()
    (out / "bench.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                    "utf-8")
    return report


def machine() -> str:
    import platform

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{os.cpu_count()} cores{f' ({model})' if model else ''}{mem}, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def cli_latency(graph: Path) -> dict[str, float]:
    """``kg query`` end to end, process start included, for the slowest and a fast query."""
    import subprocess
    import sys

    out = {}
    for name in ("who-presided", "participations"):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg.cli", "query", name, "--graph", str(graph),
                        "--format", "csv"], capture_output=True, check=True)
        out[name] = round(time.perf_counter() - t, 3)
    return out


def format_report(r: dict) -> str:
    lines = [
        f"machine              {r.get('machine', '')}",
        f"articles             {r['articles']:>12,}",
        f"characters           {r['characters']:>12,}",
        f"build                {r['build_s']:>12.2f} s"
        f"{'' if r.get('export', True) else ' (without graph.ttl/graph.trig)'}",
        f"throughput           {r['articles_per_s']:>12.1f} articles/s  "
        f"({r['chars_per_s']:,} chars/s)",
    ]
    if "raw_scan_chars_per_s" in r:
        lines.append(f"raw scan             {r['raw_scan_chars_per_s']:>12,} chars/s "
                     f"(read + decode + place automaton; "
                     f"{r['raw_scan_chars_per_s'] / max(r['chars_per_s'], 1):.0f}x the build)")
    if "incremental_rebuild_s" in r:
        lines.append(f"incremental rebuild  {r['incremental_rebuild_s']:>12.2f} s "
                     "(one article changed)")
        if "incremental_rebuild_no_export_s" in r:
            lines.append(f"  without exports    {r['incremental_rebuild_no_export_s']:>12.2f} s")
        lines.append("  stages (s): " + ", ".join(f"{k} {v}" for k, v in
                                                  r["incremental_stages_s"].items()))
    lines += [
        f"triples              {r['triples']:>12,}",
        f"peak RSS             {r['peak_rss_mb']:>12,} MB (main), "
        f"{r['peak_rss_worker_mb']:,} MB (largest worker)",
        "stages (s; worker stages are CPU seconds summed over workers): "
        + ", ".join(f"{k} {v}" for k, v in r["stages_s"].items()),
    ]
    if "queries" in r:
        lines.append("queries: SPARQL in the store s / rdflib s (ratio); kg query's answer s "
                     "(first, then kept)")
        for name, q in r["queries"].items():
            extra = f" / {q['rdflib_s']:.4f} ({q['ratio']}x)" if "rdflib_s" in q else \
                (f" / rdflib failed: {q['rdflib_error']}" if "rdflib_error" in q else "")
            answer = (f"; answer {q['first_answer_s']:.4f}, {q['answer_s']:.4f}"
                      if "answer_s" in q else "")
            lines.append(f"  {name:22} {q['store_s']:.4f}{extra}{answer}")
        lines.append("kg query end to end: " + ", ".join(f"{k} {v} s" for k, v in
                                                        r["query_cli_s"].items()))
    return "\n".join(lines)


# -- scaling: the same benchmark at several sizes, each in its own process --------------------

def scaling(sizes: list[int], out: Path, *, workers: int | None = None, seed: int = 7,
            export: bool = True, html: bool = True, echo=print) -> list[dict]:
    """Run the benchmark at each size in a fresh process (peak memory is per size), then
    write scaling.json, scaling.md (a table) and scaling.png (a plot)."""
    import subprocess
    import sys

    rows = []
    for n in sizes:
        folder = out / f"n{n}"
        cmd = [sys.executable, "-m", "kg.cli", "bench", "--articles", str(n), "--out",
               str(folder), "--seed", str(seed), "--stages", "build,incremental"]
        if workers:
            cmd += ["--jobs", str(workers)]
        if not export:
            cmd.append("--no-export")
        if not html:
            cmd.append("--no-html")
        echo(f"scaling: {n:,} articles ...")
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        r = json.loads((folder / "bench.json").read_text("utf-8"))
        rows.append(r)
        shutil.rmtree(folder / "corpus", ignore_errors=True)
    (out / "scaling.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n",
                                      "utf-8")
    (out / "scaling.md").write_text(scaling_table(rows), "utf-8")
    plot_scaling(rows, out / "scaling.png")
    return rows


def scaling_table(rows: list[dict]) -> str:
    lines = ["| articles | characters | triples | build (s) | articles/s | s per 1k articles "
             "| peak RSS main (MB) | peak RSS worker (MB) | incremental (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['articles']:,} | {r['characters']:,} | {r['triples']:,} | "
                     f"{r['build_s']:.1f} | {r['articles_per_s']:.1f} | "
                     f"{r['build_s'] / r['articles'] * 1000:.1f} | {r['peak_rss_mb']:,} | "
                     f"{r['peak_rss_worker_mb']:,} | {r.get('incremental_rebuild_s', '')} |")
    if rows:
        what = [w for w, on in (("graph.ttl/graph.trig", rows[0].get("export", True)),
                                ("graph.html", rows[0].get("html", True))) if not on]
        lines.append(f"\nMachine: {rows[0].get('machine', '')}."
                     + (f" Built without {' and '.join(what)}." if what else ""))
    return "\n".join(lines) + "\n"


def plot_scaling(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["articles"] for r in rows]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.6))
    a1.plot(n, [r["build_s"] for r in rows], "o-", label="full build")
    if len(n) > 0:
        k = rows[0]["build_s"] / n[0]
        a1.plot(n, [k * x for x in n], "--", color="grey", label="linear from the smallest")
    a1.set_xscale("log")
    a1.set_yscale("log")
    a1.set_xlabel("articles")
    a1.set_ylabel("seconds")
    a1.set_title("build time")
    a1.legend(fontsize=8)
    a2.plot(n, [r["peak_rss_mb"] for r in rows], "o-", label="main process")
    a2.plot(n, [r["peak_rss_worker_mb"] for r in rows], "s-", label="largest worker")
    a2.set_xscale("log")
    a2.set_xlabel("articles")
    a2.set_ylabel("peak RSS (MB)")
    a2.set_title("memory")
    a2.set_ylim(bottom=0)
    a2.legend(fontsize=8)
    fig.suptitle(rows[0].get("machine", "") if rows else "", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)
