"""The ``kg`` command line.

Every command prints one clear line for a problem it cannot get past and exits non-zero without
a traceback (``--verbose`` shows it, for bug reports). Exit codes: 0 ok, 1 the answer is "no"
(validation failed), 2 the command could not do its job (bad input, bad query, nothing built).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from kg import __version__

DEFAULT_OUT = Path("output")

EPILOG = """examples:
  kg build                          build the bundled example article into ./output
  kg build articles/ --out out      build every .txt/.md/.html file under articles/
  kg query -f who.rq                run a SPARQL query over ./output
  kg query positions                run a bundled query (kg query --list)
  kg export --format trig --out g.trig
  kg validate                       SHACL-validate the built graph
  kg eval gold/*.json --tables output/tables
  kg serve                          SPARQL endpoint and view at http://127.0.0.1:7878/
  kg push --endpoint http://localhost:7878/store   upload the named graphs
"""


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit 2."""


def _parser() -> argparse.ArgumentParser:
    from kg.executors import names as executor_names

    p = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph from Chinese government and political news: "
                    "officials and posts, places, events and who took part, ranking lists and "
                    "statistics, each fact with the sentence it came from.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="show tracebacks (for bug reports)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="extract facts from articles and build the graph",
                       description="Read articles (files or folders of .txt, .md, .html; "
                                   "UTF-8, GB18030/GBK, Big5; simplified or traditional) and "
                                   "write graph.ttl, graph.trig, graph.html, tables/*.csv, "
                                   "build-report.json and the query store into --out. With no "
                                   "PATH, builds the bundled example article.")
    b.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default ./output)")
    b.add_argument("--encoding", help="force a text encoding instead of detecting it")
    b.add_argument("--max-size", type=float, default=10.0, metavar="MB",
                   help="skip files larger than this (default 10 MB)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--no-export", action="store_true",
                   help="do not write graph.ttl and graph.trig (for large archives: the store, "
                        "tables and view stay current; `kg export` writes the files on demand)")
    b.add_argument("--strict", action="store_true",
                   help="exit 2 when any file was skipped")
    b.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes for extraction (default: one per core); with "
                        "--executor dask, the workers to keep busy (default: the cluster's "
                        "threads)")
    b.add_argument("--executor", choices=executor_names(), default="local",
                   help="where extraction runs: local processes (default) or a Dask cluster "
                        "(needs pip install 'kg[dask]')")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786")
    b.add_argument("--sync", action="store_true",
                   help="also remove the articles of earlier builds that are not among PATH")

    bn = sub.add_parser("bench", help="build a synthetic corpus and measure speed and memory",
                        description="Generate N synthetic articles of the genre (deterministic "
                                    "from --seed), build them, and print throughput, time per "
                                    "stage, peak memory, query latencies against rdflib's "
                                    "in-memory store, the incremental rebuild time and the raw "
                                    "scan throughput; also written to OUT/bench.json.")
    bn.add_argument("--articles", type=int, default=1000, metavar="N")
    bn.add_argument("--jobs", type=int, default=None, metavar="N")
    bn.add_argument("--seed", type=int, default=7)
    bn.add_argument("--out", type=Path, default=Path("bench-output"))
    bn.add_argument("--no-rdflib", action="store_true",
                    help="skip the rdflib comparison (slow on large graphs)")
    bn.add_argument("--stages", metavar="LIST",
                    help="what to measure besides the build, comma-separated from "
                         "scan,incremental,queries,rdflib,view (default: all; rdflib only up "
                         "to 2,000 articles)")
    bn.add_argument("--no-export", action="store_true",
                    help="build without writing graph.ttl/graph.trig")
    bn.add_argument("--no-html", action="store_true", help="build without drawing graph.html")
    bn.add_argument("--sizes", metavar="N,N,...",
                    help="scaling run: the benchmark at each size in its own process; writes "
                         "OUT/scaling.md (table) and OUT/scaling.png (plot, needs matplotlib)")

    rm = sub.add_parser("remove", help="remove articles (by file name) from the graph",
                        description="Remove one or more articles' facts from the build in "
                                    "--graph, and nothing else; the outputs are rewritten.")
    rm.add_argument("articles", nargs="+", metavar="ARTICLE",
                    help="file names as in the tables' article column")
    rm.add_argument("--graph", type=Path, default=DEFAULT_OUT)

    q = sub.add_parser("query", help="run SPARQL over the built graph",
                       description="Run a SPARQL query (a string, -f FILE.rq, or the name of a "
                                   "bundled query) over the store. Prefixes kg:, id:, org:, "
                                   "schema:, prov:, qb:, rdfs:, skos:, xsd: are predefined. "
                                   "A bundled table query in Chinese is answered by the table "
                                   "the build wrote, a bundled whole-graph query (officials, "
                                   "who-presided ...) by the answer the build kept; other "
                                   "answers are kept per store version "
                                   "in .kg-query-cache/ until the store changes (--no-cache "
                                   "evaluates afresh).")
    q.add_argument("sparql", nargs="?", help="query text or bundled query name")
    q.add_argument("-f", "--file", type=Path, help="read the query from a file")
    q.add_argument("--list", action="store_true", help="list the bundled queries")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind $NAME in the query to a string (repeatable), e.g. name=海门市")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.add_argument("--lang", choices=("zh", "en", "pinyin"), default="zh",
                   help="language of the label columns (default zh); $lang in a query is "
                        "bound to its language tag")
    q.add_argument("--graph", type=Path, default=DEFAULT_OUT,
                   help="build output to read (default ./output)")
    q.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query that runs longer than this (default 30)")
    q.add_argument("--no-cache", action="store_true",
                   help="evaluate the query in the store even when the tables or a kept "
                        "answer could answer it (and keep nothing)")
    q.add_argument("--update", action="store_true",
                   help="allow SPARQL Update (INSERT, DELETE ...): changes the store only, "
                        "until the next kg build rebuilds it from the articles")

    e = sub.add_parser("export", help="export the graph as Turtle, TriG, JSON-LD, N-Triples "
                                      "or CSV tables")
    e.add_argument("--format", choices=("turtle", "trig", "jsonld", "nt", "nquads", "csv"),
                   default="turtle")
    e.add_argument("--out", type=Path, help="file (or folder for csv); default: standard output")
    e.add_argument("--graph", type=Path, default=DEFAULT_OUT)

    v = sub.add_parser("validate", help="SHACL-validate the built graph against the shapes")
    v.add_argument("--graph", type=Path, default=DEFAULT_OUT)
    v.add_argument("--shapes", type=Path, help="shapes file (default: the shipped shapes.ttl)")

    ev = sub.add_parser("eval", help="precision/recall/F1 of tables against gold files")
    ev.add_argument("gold", nargs="+", type=Path, help="gold JSON files (or folders of them)")
    ev.add_argument("--tables", type=Path, default=DEFAULT_OUT / "tables")
    ev.add_argument("--show-errors", action="store_true",
                    help="list false positives and false negatives")

    mn = sub.add_parser("mentions", help="find person, title, place and organization spans in text",
                        description="Read plain text lines, or JSON Lines with a \"text\" field, "
                                    "and write one JSON line per input: its id, text and the spans "
                                    "found ({type, start, end, text}, end exclusive).")
    mn.add_argument("input", nargs="?", type=Path, help="input file (default: standard input)")
    mn.add_argument("--out", type=Path, help="output file (default: standard output)")

    gr = sub.add_parser("graph", help="network analyses of the graph (networkx)",
                        description="Analyses of the entity graph: neighbours, shortest paths, "
                                    "centrality and communities. Names resolve by label, short "
                                    "place name (海门) or pinyin; an ambiguous name lists the "
                                    "candidates.")
    gsub = gr.add_subparsers(dest="graph_command", metavar="ANALYSIS", required=True)
    g1 = gsub.add_parser("neighbors", help="what an entity is connected to")
    g1.add_argument("name")
    g1.add_argument("--hops", type=int, default=1)
    g2 = gsub.add_parser("path", help="the shortest chain between two entities")
    g2.add_argument("a")
    g2.add_argument("b")
    g3 = gsub.add_parser("central", help="most central people or places")
    g3.add_argument("--kind", choices=("person", "place"), default="person")
    g3.add_argument("--by", choices=("degree", "betweenness", "pagerank"), default="degree")
    g3.add_argument("--top", type=int, default=10)
    gsub.add_parser("communities", help="groups of people who appear together (Louvain)")
    for g in (g1, g2, g3, *gsub.choices.values()):
        if not any(a.dest == "graph" for a in g._actions):
            g.add_argument("--graph", type=Path, default=DEFAULT_OUT)

    dc = sub.add_parser("docs", help="write the ontology's HTML page and JSON-LD context",
                        description="Generate docs/ontology.html and ontology/context.jsonld "
                                    "from ontology/kg.ttl (run at the repository root).")
    dc.add_argument("--out", type=Path, default=Path("docs/ontology.html"),
                    help="the HTML page (default docs/ontology.html)")
    dc.add_argument("--context", type=Path, default=Path("ontology/context.jsonld"),
                    help="the JSON-LD context (default ontology/context.jsonld)")
    vz = sub.add_parser("viz", help="write an interactive HTML view of the graph",
                        description="Write one self-contained, offline HTML page drawing the "
                                    "graph: legend and filters by kind and article, search, "
                                    "tooltips with the evidence sentence. Without --focus, a "
                                    "view of the whole graph, keeping the --max-nodes most "
                                    "connected nodes (the page says what was left out); with "
                                    "--focus NAME, everything within --hops hops of one "
                                    "entity, in full.")
    vz.add_argument("--view", choices=("people", "rankings", "all"), default="all",
                    help="people: who took part in which event, with role, venue and place; "
                         "rankings: places in ranking lists, rank on the edge; all: both, "
                         "plus posts (default)")
    vz.add_argument("--focus", metavar="NAME",
                    help="draw the neighbourhood of this entity (label, short place name such "
                         "as 海门, or pinyin); an ambiguous name lists the candidates")
    vz.add_argument("--hops", type=int, default=None, metavar="N",
                    help="with --focus: how many hops around it (default 2)")
    vz.add_argument("--max-nodes", type=int, default=None, metavar="N",
                    help="without --focus: keep at most N nodes, the most connected "
                         "(default 2000)")
    vz.add_argument("--out", type=Path, default=None, help="HTML file (default GRAPH/graph.html)")
    vz.add_argument("--lang", choices=("zh", "en", "pinyin"), default="zh",
                    help="language of the node labels (default zh); edge words are English "
                         "for en and pinyin")
    vz.add_argument("--graph", type=Path, default=DEFAULT_OUT)

    sv = sub.add_parser("serve", help="serve the graph over the SPARQL 1.1 Protocol",
                        description="Serve the build in --graph over HTTP: the SPARQL endpoint "
                                    "/query (GET and POST; JSON, XML, CSV or TSV results by "
                                    "the Accept header), answered by Oxigraph's server; the "
                                    "interactive view /graph.html; and an offline query page "
                                    "at /. Read-only unless --update. Listens on 127.0.0.1 "
                                    "unless --host says otherwise. Ctrl-C stops.")
    sv.add_argument("--graph", type=Path, default=DEFAULT_OUT)
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=7878, help="port (default 7878; 0: any free)")
    sv.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                    help="stop a query that runs longer than this (default 30)")
    sv.add_argument("--update", action="store_true",
                    help="allow SPARQL Update and Graph Store writes (they change the store "
                         "only, until the next kg build; builds are refused while serving)")

    pu = sub.add_parser("push", help="upload the named graphs to a triple store (Graph Store "
                                     "Protocol)",
                        description="PUT each named graph of the build in --graph (one per "
                                    "article) to a SPARQL 1.1 Graph Store endpoint, sending "
                                    "only graphs changed since the last push to it and "
                                    "deleting those of articles no longer in the build. "
                                    "Credentials: KG_PUSH_TOKEN, or KG_PUSH_USER and "
                                    "KG_PUSH_PASSWORD, or a netrc entry for the host.")
    pu.add_argument("--endpoint", required=True, metavar="URL",
                    help="Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                         "http://host:3030/DATASET/data (Fuseki), "
                         "http://host:7200/repositories/REPO/rdf-graphs/service (GraphDB)")
    pu.add_argument("--graph", type=Path, default=DEFAULT_OUT)
    pu.add_argument("--dry-run", action="store_true", help="say what would be sent; send nothing")
    pu.add_argument("--force", action="store_true",
                    help="send every graph, also those unchanged since the last push")
    pu.add_argument("--retries", type=int, default=3, metavar="N",
                    help="retries of a failed request, with backoff (default 3)")
    pu.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                    help="per request (default 60)")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        graph = getattr(args, "graph", None)
        if isinstance(graph, Path) and args.command != "remove":
            from kg.store.journal import try_recover

            try_recover(graph)  # a build killed while publishing: finish it before reading
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("kg: interrupted; outputs already written are complete, the rest was not "
              "changed", file=sys.stderr)
        return 130
    except Exception as exc:  # every failure becomes one line unless --verbose
        from kg.build import BuildError
        from kg.executors import ExecutorError
        from kg.query.runner import QueryError
        from kg.remote import PushError, ServeError
        from kg.store.oxigraph import StoreError

        if args.verbose:
            raise
        if isinstance(exc, UsageError | BuildError | ExecutorError | QueryError | StoreError
                      | ValueError | FileNotFoundError | PermissionError | ServeError
                      | PushError):
            print(f"kg {args.command}: {exc}", file=sys.stderr)
            return 2
        print(f"kg {args.command}: internal error: {exc!r} (run with --verbose and report it)",
              file=sys.stderr)
        return 2


def _cmd_build(args) -> int:
    from kg.build import build
    from kg.ingest.reader import bundled_article

    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler is the Dask scheduler's address: use it with "
                         "--executor dask")
    paths = args.paths or [bundled_article()]
    s = build(paths, args.out, encoding=args.encoding, max_bytes=int(args.max_size * 1e6),
              progress=not args.no_progress, verbose=args.verbose, html=not args.no_html,
              export=not args.no_export, sync=args.sync, workers=args.jobs,
              executor=args.executor, scheduler=args.scheduler,
              echo=lambda m: print(m, file=sys.stderr))
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(s.facts.items()))
    new = sum(1 for r in s.reports if r.status == "ok")
    cached = sum(1 for r in s.reports if r.status == "cached")
    print(f"built {s.articles} article{'s' if s.articles != 1 else ''} into {s.out}/ "
          f"({new} extracted, {cached} unchanged"
          f"{f', {s.skipped} skipped: see build-report.json' if s.skipped else ''})")
    print(f"facts: {kinds}")
    print(f"triples: {s.triples}; time: {s.seconds:.2f} s")
    if args.strict and s.skipped:
        return 2
    return 0


def _cmd_bench(args) -> int:
    from kg.bench import STAGES, format_report, run, scaling

    if args.sizes:
        try:
            sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        except ValueError:
            raise UsageError(f"--sizes {args.sizes!r}: give sizes like 1000,10000") from None
        if not sizes or min(sizes) < 1:
            raise UsageError("--sizes: give one or more sizes of at least 1")
        scaling(sizes, args.out, workers=args.jobs, seed=args.seed, export=not args.no_export,
                html=not args.no_html, echo=lambda m: print(m, file=sys.stderr))
        print((args.out / "scaling.md").read_text("utf-8"))
        print(f"written to {args.out / 'scaling.md'}, {args.out / 'scaling.png'}")
        return 0
    if args.articles < 1:
        raise UsageError("--articles must be at least 1")
    stages = None
    if args.stages:
        stages = tuple(x.strip() for x in args.stages.split(",") if x.strip())
        bad = [x for x in stages if x not in (*STAGES, "build")]
        if bad:
            raise UsageError(f"--stages: unknown {', '.join(bad)} (from {', '.join(STAGES)})")
    report = run(args.articles, args.out, workers=args.jobs, seed=args.seed,
                 rdflib_too=not args.no_rdflib, stages=stages, export=not args.no_export,
                 html=not args.no_html)
    print(format_report(report))
    print(f"written to {args.out / 'bench.json'}")
    return 0


def _cmd_remove(args) -> int:
    from kg.build import remove

    left = remove(args.graph, args.articles)
    print(f"removed {len(args.articles)} article(s); {len(left)} left in {args.graph}/")
    return 0


def _read_query(args) -> str:
    from kg.query.runner import bundled_queries, load_bundled

    if args.file:
        try:
            return args.file.read_text("utf-8")
        except OSError as exc:
            raise UsageError(f"{args.file}: cannot read query file: {exc.strerror}") from None
    if not args.sparql:
        raise UsageError("give a query, -f FILE.rq, or a bundled query name (kg query --list)")
    if args.sparql in bundled_queries():
        text = load_bundled(args.sparql)
        given = {p.partition("=")[0].strip().lstrip("$?") for p in args.param} | {"lang"}
        missing = sorted(set(re.findall(r"\$([A-Za-z_]\w*)", text)) - given)
        if missing:
            raise UsageError(f"the bundled query {args.sparql!r} needs "
                             + " ".join(f"--param {m}=VALUE" for m in missing))
        return text
    return args.sparql


def _cmd_query(args) -> int:
    from kg.query import answers
    from kg.query.runner import QueryError, bundled_queries, is_update

    if args.list:
        for name, desc in bundled_queries().items():
            print(f"{name:20} {desc}")
        return 0
    text = _read_query(args)
    if is_update(text):
        if not args.update:
            raise QueryError("SPARQL Update is not allowed: kg query is read-only "
                             "(give --update to change the store)")
        return _run_update(args, text)
    params = {}
    for p in args.param:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {p!r}: write NAME=VALUE, e.g. --param name=海门市")
        params[key.strip().lstrip("$?")] = value
    name = args.sparql if not args.file and args.sparql in bundled_queries() else None

    def answer() -> str:
        return answers.answer(args.graph, text, name=name, params=params, lang=args.lang,
                              fmt=args.format, kept=not args.no_cache)

    sys.stdout.write(_with_timeout(answer, args.timeout))
    return 0


def _with_timeout(fn, seconds: float):
    """Run ``fn`` in a thread; past ``seconds`` say so and end the process (exit 2): a query
    running in native code cannot be interrupted otherwise."""
    import os
    import threading

    box: dict = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(seconds if seconds and seconds > 0 else None)
    if worker.is_alive():
        print(f"kg query: stopped after {seconds:g} s (raise it with --timeout SECONDS, or "
              "narrow the query)", file=sys.stderr)
        sys.stderr.flush()
        os._exit(2)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _run_update(args, text: str) -> int:
    from kg.build import build_lock
    from kg.query import answers
    from kg.query.runner import PREFIX_MAP, QueryError
    from kg.store.oxigraph import open_store

    with build_lock(args.graph):
        store = open_store(args.graph, writable=True)
        before = len(store)
        try:
            store.update(text, prefixes=PREFIX_MAP)
        except SyntaxError as exc:
            raise QueryError(f"malformed update: {str(exc).splitlines()[0]}") from None
        answers.record_update(args.graph)
        print(f"updated the store: {len(store) - before:+d} quads (graph.ttl and the tables "
              "are unchanged until the next kg build)")
    return 0


def _cmd_export(args) -> int:
    from kg.export import export

    data = export(args.graph, args.format, args.out)
    if data is not None:
        sys.stdout.write(data)
    return 0


def _cmd_validate(args) -> int:
    from kg.validate import validate

    ok, report = validate(args.graph, args.shapes)
    print(report)
    return 0 if ok else 1


def _cmd_eval(args) -> int:
    from kg.evaluate import evaluate, format_report, load_gold, load_tables, mismatches

    files: list[Path] = []
    for g in args.gold:
        if g.is_dir():
            files.extend(sorted(g.glob("*.json")))
        else:
            files.append(g)
    golds = load_gold(files)
    tables = load_tables(args.tables)
    print(format_report(evaluate(golds, tables)))
    if args.show_errors:
        for table, (fps, fns) in mismatches(golds, tables).items():
            for row in fps:
                print(f"  FP {table}: {row}")
            for row in fns:
                print(f"  FN {table}: {row}")
    return 0


def _cmd_viz(args) -> int:
    from kg.graph import UnknownName
    from kg.store.oxigraph import open_store
    from kg.viz.html import DEFAULT_MAX_NODES, write_html
    from kg.viz.views import build_view, focus_view

    if args.hops is not None and not args.focus:
        raise UsageError("--hops goes with --focus NAME")
    if args.max_nodes is not None and args.focus:
        raise UsageError("--max-nodes does not go with --focus: a focus is drawn in full")
    hops = 2 if args.hops is None else args.hops
    max_nodes = DEFAULT_MAX_NODES if args.max_nodes is None else args.max_nodes
    if hops < 0:
        raise UsageError(f"--hops {hops}: give 0 or more")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes {max_nodes}: give 1 or more")
    t = time.perf_counter()
    store = open_store(args.graph)
    out = args.out or args.graph / "graph.html"
    left_out = ""  # what the page leaves out, or what it shows in full
    if args.focus:
        try:
            fv = focus_view(store, args.focus, hops, args.view, args.lang)
        except UnknownName as exc:
            raise UsageError(str(exc)) from None
        nodes, edges = fv.nodes, fv.edges
        write_html(out, nodes, edges, fv.title, max_nodes=max(len(nodes), 1), focus=fv.center,
                   note=fv.note)
        left_out = (f": {fv.label} and everything within {hops} hop{'s' * (hops != 1)}, "
                    f"in full")
    else:
        nodes, edges = build_view(store, args.view, args.lang)
        write_html(out, nodes, edges, f"kg: {args.view}", max_nodes=max_nodes)
        if len(nodes) > max_nodes:
            left_out = (f"; the {max_nodes} most connected shown, {len(nodes) - max_nodes} "
                        f"left out (--max-nodes)")
    print(f"wrote {out} ({len(nodes)} nodes, {len(edges)} edges, "
          f"{time.perf_counter() - t:.2f} s){left_out}")
    return 0


def _cmd_mentions(args) -> int:
    import json

    from kg.extract.mentions import find_mentions

    try:
        lines = (args.input.read_text("utf-8") if args.input else sys.stdin.read()).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{args.input}: cannot read: {exc}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rec_id: object = n
        text = line
        if line.lstrip().startswith("{"):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                rec = None
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                text, rec_id = rec["text"], rec.get("id", n)
        out.append(json.dumps({"id": rec_id, "text": text, "spans": find_mentions(text)},
                              ensure_ascii=False))
    data = "\n".join(out) + ("\n" if out else "")
    if args.out:
        from kg.util import atomic_write_text

        atomic_write_text(args.out, data)
    else:
        sys.stdout.write(data)
    return 0


def _cmd_graph(args) -> int:
    from kg import graph as kgg
    from kg.store.oxigraph import open_store

    G = kgg.entity_graph(open_store(args.graph))  # names resolve against the Chinese labels
    try:
        if args.graph_command == "neighbors":
            node = kgg.resolve(G, args.name)
            for dist, rel, label, kind in kgg.neighbors(G, node, args.hops):
                print(f"{dist}  {rel}  {label}  ({kind})")
        elif args.graph_command == "path":
            a, b = kgg.resolve(G, args.a), kgg.resolve(G, args.b)
            import networkx as nx

            try:
                print(" ".join(kgg.path(G, a, b)))
            except nx.NetworkXNoPath:
                print(f"no path between {args.a} and {args.b}")
                return 1
        elif args.graph_command == "central":
            for label, score in kgg.central(G, args.kind, args.by, args.top):
                print(f"{score:10.4f}  {label}")
        else:
            for i, group in enumerate(kgg.communities(G), 1):
                print(f"{i:3}  " + "、".join(group))
    except kgg.UnknownName as exc:
        raise UsageError(str(exc)) from None
    return 0


def _cmd_serve(args) -> int:
    from kg.remote.serve import serve

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: give 0-65535 (0: any free port)")
    serve(args.graph, args.host, args.port, writable=args.update, timeout=args.timeout,
          echo=lambda m: print(m, flush=True))
    return 0


def _cmd_push(args) -> int:
    from kg.remote.push import push

    if args.retries < 0:
        raise UsageError(f"--retries {args.retries}: give 0 or more")
    report = push(args.graph, args.endpoint, dry_run=args.dry_run, force=args.force,
                  retries=args.retries, timeout=args.timeout, echo=lambda m: print(m, flush=True))
    print(report.summary())
    if not report.ok:
        print(f"kg push: {len(report.failed)} graph(s) failed; the next kg push sends them "
              "again", file=sys.stderr)
        return 2
    return 0


def _cmd_docs(args) -> int:
    from kg.docs import write_docs

    for path in write_docs(args.out, args.context):
        print(f"wrote {path}")
    return 0


COMMANDS = {"build": _cmd_build, "query": _cmd_query, "export": _cmd_export,
            "validate": _cmd_validate, "eval": _cmd_eval, "viz": _cmd_viz,
            "mentions": _cmd_mentions, "graph": _cmd_graph, "remove": _cmd_remove,
            "bench": _cmd_bench, "serve": _cmd_serve, "push": _cmd_push, "docs": _cmd_docs}

if __name__ == "__main__":
    sys.exit(main())
