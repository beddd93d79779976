"""``kg build``: files -> documents -> facts -> triples -> store -> exports, tables and view.

The one place where the stages meet. Each stage's output is the next stage's input and nothing
flows back. Bad files are reported and skipped; outputs are written to temporary names and
renamed, and a lock keeps two builds from writing into one folder at once.
"""

from __future__ import annotations

import dataclasses
import fcntl
import gc
import hashlib
import json
import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.executors import map_ordered
from kg.ingest.reader import (
    DEFAULT_MAX_BYTES,
    IngestError,
    decode_document,
    discover_names,
    read_document,
    too_large,
)
from kg.pipeline import run
from kg.query.article_tables import Unsupported, event_nodes, index
from kg.query.materialized import EVENT_NODES, AnswerKeeper
from kg.query.tables import article_rows_of
from kg.rdf.mapper import graph_iri, map_facts_ox
from kg.rdf.serialize import ntriples_of
from kg.store import dump
from kg.store.cache import LEGACY_MANIFEST, ArticleCache, Entry, extractor_version
from kg.store.journal import Publication, recover
from kg.store.oxigraph import ONTOLOGY_GRAPH, StoreWriter, store_version
from kg.util import json_by_line
from kg.viz.article_view import article_view_rows

LOCK_NAME = ".kg-lock"


class BuildError(RuntimeError):
    """The build as a whole cannot proceed (nothing readable, output locked ...)."""


@dataclass
class FileReport:
    file: str
    status: str  # ok | skipped | failed
    encoding: str | None = None
    facts: dict[str, int] = field(default_factory=dict)
    reason: str | None = None


@dataclass
class BuildSummary:
    articles: int
    skipped: int
    facts: Counter
    triples: int
    seconds: float
    reports: list[FileReport]
    out: Path
    stage_seconds: dict[str, float] = field(default_factory=dict)


def ontology_path(name: str = "kg.ttl") -> Path:
    """The ontology files, shipped inside the package as kg/ontology (mapped from ontology/)."""
    return Path(str(resources.files("kg.ontology") / name))


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / LOCK_NAME, "w")  # noqa: SIM115 - held for the whole build
    try:
        try:
            # A POSIX record lock belongs to this process: worker processes forked by the
            # build do not inherit it, so a killed build never leaves the folder locked.
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            raise BuildError(f"{out}: another kg build is writing here; wait for it to finish "
                             "or build into another folder with --out") from None
        yield
    finally:
        fh.close()


@contextmanager
def _long_lived() -> Iterator[None]:
    """Keep the collector off what a build holds to the end (file names, the manifest's
    entries, the reports). Python's cyclic collector otherwise goes through them again and
    again as the build allocates: a fifth of a one-article rebuild of 10,000 articles was
    spent there, and it grows with the archive. They are frozen (gc.freeze) once loaded and
    once the extraction loop is over; what the build makes after that is collected as usual,
    and everything is handed back to the collector when the build ends."""
    try:
        yield
    finally:
        gc.unfreeze()


def _doc_ids(files: list[str]) -> dict[str, str]:
    """Article ids are file names; a name seen twice gets its folder prepended."""
    sep = os.sep
    base = {f: f.rpartition(sep)[2] for f in files}
    names = Counter(base.values())
    return {f: (b if names[b] == 1 else f"{f.rpartition(sep)[0].rpartition(sep)[2]}/{b}")
            for f, b in base.items()}


def build(paths: list[Path], out: Path, *, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = True, verbose: bool = False,
          html: bool = True, export: bool = True, sync: bool = False,
          workers: int | None = None, executor: str = "local", scheduler: str | None = None,
          echo: Callable[[str], None] = print) -> BuildSummary:
    """Add (or update) the articles under ``paths`` to the graph in ``out``.

    Articles already built from the same bytes by the same extractors are taken from the
    cache; ``sync`` also removes the articles of earlier builds that are not among ``paths``.
    Extraction runs on ``executor`` (kg.executors: "local" processes, or "dask" at
    ``scheduler``); the results are recorded in input order, so the outputs are the same.
    They stream into the next version of the store as they arrive; nothing holds the
    corpus, its facts or its triples in memory at once.
    """
    t0 = time.perf_counter()
    stages: Counter[str] = Counter()
    files, errors = discover_names(paths)
    reports: list[FileReport] = [FileReport(e.path, "skipped", reason=e.reason) for e in errors]
    if not files:
        raise BuildError("nothing to build: " + ("; ".join(str(e) for e in errors) or
                                                 "no input files"))
    for e in errors:
        echo(f"skipped {e}")
    ids = _doc_ids(files)
    with build_lock(out), _long_lived():
        recover(out)
        cache = ArticleCache(out)
        gc.freeze()
        bar = None
        if progress and len(files) > 1:
            from tqdm import tqdm

            bar = tqdm(total=len(files), unit="article", desc="building", file=sys.stderr,
                       dynamic_ncols=True, smoothing=0.05)
        t = time.perf_counter()
        jobs = []
        for f in files:
            job = _probe(f, ids[f], cache, reports, encoding=encoding, max_bytes=max_bytes,
                         bar=bar, echo=echo, view=html)
            if job is None:
                if bar:
                    bar.update(1)
            else:
                jobs.append(job)
        stages["probe"] += time.perf_counter() - t
        # Editing a copy of the store pays per changed triple; when most articles changed
        # (a new version of the extractors), loading everything afresh is cheaper.
        writer = StoreWriter(out, rebuild=len(jobs) > max(200, len(cache.entries) // 4))
        try:
            t = time.perf_counter()
            for job, result in zip(jobs, _run_jobs(jobs, workers, executor, scheduler), strict=True):
                if _record(job, result, cache, reports, stages, verbose=verbose, bar=bar,
                           echo=echo):
                    ts = time.perf_counter()
                    writer.replace_ntriples(str(graph_iri(job.doc_id)),
                                            result[3], job.key)
                    stages["store"] += time.perf_counter() - ts
                if bar:
                    bar.update(1)
            stages["extract (wall)"] += time.perf_counter() - t
            if bar:
                bar.close()
            gc.freeze()  # what the loop added lives on until the end as well
            removed = 0
            if sync:
                keep = set(ids.values())
                for doc_id in sorted(set(cache.entries) - keep):
                    del cache.entries[doc_id]
                    removed += 1
            if not cache.entries:
                raise BuildError("no article could be read: " +
                                 "; ".join(f"{r.file}: {r.reason}" for r in reports if r.reason))
            # The files this build read (extracted, skipped, failed); those taken unchanged
            # from the cache are counted: a one-article rebuild of an archive reports one file,
            # not a hundred thousand lines that say "cached".
            report = {
                "articles": len(cache.entries),
                "skipped": sum(1 for r in reports if r.status in ("skipped", "failed")),
                "removed": removed,
                "cached": sum(1 for r in reports if r.status == "cached"),
                "files": [r.__dict__ for r in sorted((r for r in reports if r.status != "cached"),
                                                     key=lambda r: r.file)],
            }
            triples = _publish(out, cache, writer, stages, html=html, export=export,
                               report=report, progress=progress,
                               workers=workers if executor == "local" else None)
        except BaseException:
            writer.abandon()
            raise
        cache.prune(everything=writer.fresh)
    totals: dict[str, int] = {}  # (a plain dict: Counter.update costs twice as much)
    for entry in cache.entries.values():
        for kind, n in entry.counts.items():
            totals[kind] = totals.get(kind, 0) + n
    counts = Counter(totals)
    return BuildSummary(len(cache.entries), report["skipped"], counts, triples,
                        time.perf_counter() - t0, reports, out, dict(stages))


@dataclass
class _Job:
    path: Path
    doc_id: str
    key: str
    sha: str
    encoding: str | None
    max_bytes: int
    data: bytes | None = None  # the file's bytes, read on the client just before sending
    view: bool = False  # also the rows graph.html is drawn from (kg.viz.views.view_rows)
    size: int = -1  # the file's stat when hashed (see _signature)
    mtime_ns: int = -1


def _probe(f: str, doc_id: str, cache: ArticleCache, reports: list[FileReport],
           *, encoding: str | None, max_bytes: int, bar, echo, view: bool = False
           ) -> _Job | None:
    """Find an article in the cache (recorded at once) or return the job of extracting it.
    A file over the size limit is skipped here, not read: no job could do more with it.

    A file whose size and modification time are those recorded when it was last hashed is
    taken as unchanged without reading it; any other is hashed, and an unchanged hash is
    still a cache hit (a file touched or copied anew is not extracted again)."""
    try:
        st = os.stat(f)
    except OSError as exc:
        return _unreadable(f, doc_id, exc, reports, bar, echo)
    old = cache.entries.get(doc_id)
    if (old is not None and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns
            and old.source == f
            and old.key == cache.key(doc_id, old.sha256 + (encoding or ""))):
        reports.append(FileReport(doc_id, "cached", old.encoding, old.counts))
        return None
    size = st.st_size
    if size > max_bytes:
        reason = too_large(f, size, max_bytes).reason
        reports.append(FileReport(doc_id, "skipped", reason=reason))
        _say(bar, echo, f"skipped {f}: {reason}")
        return None
    try:
        with open(f, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return _unreadable(f, doc_id, exc, reports, bar, echo)
    sha = hashlib.sha256(data).hexdigest()
    key = cache.key(doc_id, sha + (encoding or ""))
    size, mtime_ns = _signature(st, len(data))
    if data and cache.has(key):
        if old is None or old.key != key:
            meta = cache.meta(key)
            old = Entry(key, sha, f, meta.get("encoding", ""), meta.get("counts", {}))
        cache.entries[doc_id] = dataclasses.replace(old, source=f, size=size,
                                                    mtime_ns=mtime_ns)
        reports.append(FileReport(doc_id, "cached", old.encoding, old.counts))
        return None
    return _Job(Path(f), doc_id, key, sha, encoding, max_bytes, view=view, size=size,
                mtime_ns=mtime_ns)


def _unreadable(f: str | Path, doc_id: str, exc: OSError, reports: list[FileReport], bar,
                echo) -> None:
    reports.append(FileReport(doc_id, "skipped", reason=f"cannot read: {exc.strerror}"))
    _say(bar, echo, f"skipped {f}: cannot read: {exc.strerror}")


# A file changed again within this many nanoseconds of its last change could have kept its
# modification time (the clock ticks coarsely): such a file is hashed again next time.
_RACY_NS = 2_000_000_000


def _signature(st, read: int) -> tuple[int, int]:
    """The (size, mtime) to trust next time, or (-1, -1) when the stat cannot be trusted:
    the file was still being written, or was changed too recently to tell a later change."""
    if st.st_size != read or time.time_ns() - st.st_mtime_ns < _RACY_NS:
        return -1, -1
    return st.st_size, st.st_mtime_ns


VIEW_ROWS = "_view"  # the key of an article's view rows among its cached table rows


def _view_rows(cache: ArticleCache) -> dict[str, list[dict[str, str]]]:
    """The default view's rows of every article in the build, from the cache (an article
    cached by a build without graph.html gets them from its cached triples now)."""
    out: dict[str, list[dict[str, str]]] = {}
    for doc_id in sorted(cache.entries):
        rows = cache.rows(doc_id).get(VIEW_ROWS)
        if rows is None:
            rows = article_view_rows(cache.ntriples(doc_id))
        for kind, lst in rows.items():
            out.setdefault(kind, []).extend(lst)
    return out


def _extract_job(job: _Job) -> tuple:
    """Runs in a worker process: one article to (status, encoding, counts, N-Triples or
    reason, seconds per stage, table rows as JSON). The N-Triples travel as UTF-8 bytes, the
    form the store and the cache take them in. Exceptions become a 'failed' status: one
    bad article costs nothing else."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    try:
        if job.data is None:
            doc = read_document(job.path, encoding=job.encoding, max_bytes=job.max_bytes,
                                doc_id=job.doc_id)
        else:  # the bytes came with the job (a Dask worker may not see the file)
            doc = decode_document(job.data, job.path, encoding=job.encoding, doc_id=job.doc_id)
        timings["ingest"] = time.perf_counter() - t
        facts = run(doc, timings=timings)
        t = time.perf_counter()
        triples = map_facts_ox(facts, facts.context["lookup_parent"])
        nt = ntriples_of(triples)
        timings["map"] = time.perf_counter() - t
        t = time.perf_counter()
        try:
            graph = index(triples)  # shared by the tables' and the view's evaluators
        except Unsupported:
            graph = None
        table_rows = article_rows_of(triples, nt, graph)
        # what events-by-date reads of the article (kg.query.materialized): kept answers
        table_rows[EVENT_NODES] = event_nodes(graph if graph is not None
                                              else index(triples, strict=False))
        if job.view:
            table_rows[VIEW_ROWS] = article_view_rows(nt, triples, graph)
        rows = json.dumps(table_rows, ensure_ascii=False)
        timings["tables"] = time.perf_counter() - t
        return ("ok", facts.doc.encoding, facts.counts(), nt.encode("utf-8"), timings, rows)
    except IngestError as exc:
        return ("skipped", None, {}, exc.reason, timings, None)
    except Exception as exc:  # noqa: BLE001 - reported per file
        return ("failed", None, {}, f"internal error: {exc!r}\n{traceback.format_exc()}",
                timings, None)


def _run_jobs(jobs: list[_Job], workers: int | None, executor: str = "local",
              scheduler: str | None = None) -> Iterator[tuple]:
    """Results in input order, from worker processes or a Dask cluster (kg.executors).
    Nothing to extract (all cached) needs no workers: a no-op rebuild works without a cluster."""
    if not jobs:
        return iter(())
    return map_ordered(_extract_job, (_with_bytes(job) for job in jobs), executor=executor,
                       workers=workers, scheduler=scheduler, fingerprint=extractor_version)


def _with_bytes(job: _Job) -> _Job:
    """The job carrying its file's bytes: a worker on another machine may not see the
    client's files, so the bytes travel with the job. Read lazily, as the
    executor takes the job, so only the articles in flight are in memory. A file that became
    unreadable or too large since ``_probe`` goes without; the worker then reports why."""
    try:
        if job.path.stat().st_size <= job.max_bytes:
            return dataclasses.replace(job, data=job.path.read_bytes())
    except OSError:
        pass
    return job


def _record(job: _Job, result: tuple, cache: ArticleCache, reports: list[FileReport],
            stages: Counter, *, verbose: bool, bar, echo) -> bool:
    """Note one extraction result; returns whether the article's new triples are to be stored."""
    status, enc, counts, payload, timings, rows = result
    for stage, seconds in timings.items():
        stages[stage] += seconds
    if status == "ok":
        cache.put(job.key, payload, {"encoding": enc, "counts": counts}, rows)
        cache.entries[job.doc_id] = Entry(job.key, job.sha, str(job.path), enc, counts,
                                          job.size, job.mtime_ns)
        reports.append(FileReport(job.doc_id, "ok", enc, counts))
        return True
    if status == "skipped":
        reports.append(FileReport(job.doc_id, "skipped", reason=payload))
        _say(bar, echo, f"skipped {job.path}: {payload}")
    else:
        reason, _, trace = payload.partition("\n")
        reports.append(FileReport(job.doc_id, "failed", reason=reason))
        _say(bar, echo, f"failed {job.path}: {reason}; please report it with --verbose output")
        if verbose:
            print(trace, file=sys.stderr)
    return False


def _publish(out: Path, cache: ArticleCache, writer: StoreWriter, stages: Counter, *,
             html: bool, export: bool, report: dict, progress: bool = False,
             workers: int | None = None) -> int:
    """Bring the new store version in line with the cache's manifest, write every output from
    it under temporary names, and publish them all at once (see kg.store.journal).

    Returns the number of triples in the union of the data graphs.
    """
    import pyoxigraph as ox

    say = (lambda m: print(m, file=sys.stderr)) if progress else (lambda m: None)
    t = time.perf_counter()
    for g, d in _out_of_step(cache, writer, say):
        if d is None:
            writer.drop(g)
        else:
            writer.replace_ntriples(g, cache.ntriples(d), cache.entries[d].key)
    onto_bytes = ontology_path().read_bytes()
    onto_key = hashlib.sha256(onto_bytes).hexdigest()[:16]
    if writer.keys.get(ONTOLOGY_GRAPH.value) != onto_key:
        writer.replace(ONTOLOGY_GRAPH.value, ox.parse(onto_bytes, format=ox.RdfFormat.TURTLE),
                       onto_key, union=False)
    store = writer.finish()
    if writer.fresh and RESOLUTION_GRAPH not in writer.keys:
        writer.add_graph(RESOLUTION_GRAPH, iter_possible_same_people(store), "resolution")
    elif writer.fresh or writer.keys.get(RESOLUTION_GRAPH) != "resolution":
        writer.replace(RESOLUTION_GRAPH, possible_same_people(store), "resolution")
    else:  # only the names of the people in the articles that changed can change links
        remove, add = changed_same_people(store, writer.touched_people)
        writer.patch(RESOLUTION_GRAPH, remove, add, "resolution")
    store = writer.finish()
    stages["store"] += time.perf_counter() - t

    pub = Publication(out)
    keeper = AnswerKeeper(cache.dir, store_version(out))
    try:
        t = time.perf_counter()
        if export:
            say("writing graph.ttl and graph.trig")
            _write_exports(out, cache, store, pub, workers)
        else:
            pub.delete(out / "graph.ttl")
            pub.delete(out / "graph.trig")
            pub.delete(cache.exports_index_path)
        stages["export"] += time.perf_counter() - t
        t = time.perf_counter()
        from kg.query.tables import write_tables_streaming


        def rows_of(doc: str) -> dict:
            """An article's rows for the tables, and for the kept answers if they lack it."""
            rows = cache.rows(doc)
            key = cache.entries[doc].key
            if keeper.needs(doc, key):
                keeper.feed(doc, key, rows)
            return rows

        write_tables_streaming(out / "tables",
                               [(d, cache.entries[d].key) for d in sorted(cache.entries)],
                               rows_of, pub.path, index_path=cache.tables_index_path,
                               old_rows_of=cache.old_rows)
        stages["tables"] += time.perf_counter() - t
        t = time.perf_counter()
        for d in sorted(cache.entries):  # those the tables took from the previous tables
            if keeper.needs(d, cache.entries[d].key):
                keeper.feed(d, cache.entries[d].key, cache.rows(d))
        keeper.keep_only(cache.entries)
        keeper.write(pub.path, writer.version)
        stages["answers"] += time.perf_counter() - t
        if html:
            t = time.perf_counter()
            say("drawing graph.html")
            from kg.viz.html import render_html
            from kg.viz.views import assemble_view

            nodes, edges = assemble_view(_view_rows(cache), "all")
            names = sorted(cache.entries)
            title = "kg: " + (", ".join(names)[:200] if len(names) <= 20
                              else f"{len(names):,} articles")
            pub.write_text(out / "graph.html", render_html(nodes, edges, title))
            stages["view"] += time.perf_counter() - t
        else:
            pub.delete(out / "graph.html")
        triples = writer.triple_count()
        writer.record_count(triples)
        pub.write_bytes(out / "build-report.json", json_by_line(report))
        pub.write_bytes(cache.manifest_path, cache.manifest_bytes(writer.version))
        pub.delete(cache.dir / LEGACY_MANIFEST)  # (an older kg's, read once)
        pub.store_version = writer.version
        del store
        writer.close()
        pub.commit()
    except BaseException:
        pub.abandon()
        keeper.abandon()
        raise
    keeper.commit()
    return triples


# Articles per task when their blocks of graph.ttl and graph.trig are written in worker
# processes (a full build): a task's round trip costs about what one article's Turtle does.
_EXPORT_BATCH = 32


def _write_exports(out: Path, cache: ArticleCache, store, pub: Publication,
                   workers: int | None) -> dict[str, int]:
    """graph.ttl and graph.trig (kg.store.dump.write_files): a block per article graph and
    one for the resolution graph. An article's block is made from its cached N-Triples, in
    worker processes when there are many (the blocks of the articles this build did not
    change are copied from the previous files); the resolution graph's, which has no key
    that says it is unchanged, from the store each time (a few thousand triples)."""
    from kg.executors import local_map

    articles = {str(graph_iri(d)): d for d in cache.entries}
    graphs = sorted([(g, cache.entries[d].key) for g, d in articles.items()]
                    + [(RESOLUTION_GRAPH, "")])

    def bodies(needed: list[str]) -> Iterator[bytes]:
        resolution = (dump.store_body(store, RESOLUTION_GRAPH)
                      if RESOLUTION_GRAPH in needed else b"")
        paths = [str(cache.ntriples_path(articles[g])) for g in needed if g in articles]
        batches = [paths[i:i + _EXPORT_BATCH] for i in range(0, len(paths), _EXPORT_BATCH)]
        made = (body for batch in local_map(dump.file_bodies, batches, workers=workers)
                for body in batch)
        for g in needed:
            yield next(made) if g in articles else resolution

    return dump.write_files(out, graphs, bodies, pub.path, index_path=cache.exports_index_path)


def _out_of_step(cache: ArticleCache, writer: StoreWriter, say
                 ) -> list[tuple[str, str | None]]:
    """The article graphs whose version in the new store is not the manifest's: (graph, the
    article to load into it, or None to drop it).

    When the store was copied from the version the manifest was published with, it held the
    graphs of the manifest's articles then: only the articles the manifest has changed since
    can be out of step, and the others are not looked at (reading the key of every graph cost
    a second on 100,000 articles). Otherwise (a new store, an interrupted or older build)
    every graph's key is compared."""
    special = {ONTOLOGY_GRAPH.value, RESOLUTION_GRAPH}
    if not writer.fresh and writer.base is not None and cache.store == writer.base:
        entries, loaded = cache.entries, cache.loaded
        gone = [(str(graph_iri(d)), None) for d in sorted(loaded.keys() - entries.keys())]
        changed = sorted(d for d, e in entries.items()
                         if (was := loaded.get(d)) is None or was.key != e.key)
        wanted = {str(graph_iri(d)): d for d in changed}
    else:
        wanted = {str(graph_iri(d)): d for d in cache.entries}
        gone = [(g, None) for g in sorted(writer.graphs() - set(wanted) - special)]
    stale = [(g, d) for g, d in sorted(wanted.items())
             if writer.keys.get(g) != cache.entries[d].key]
    if len(stale) > 100:
        say(f"loading {len(stale):,} articles into the store")
    return gone + stale


def possible_same_people(store) -> list:
    """kg:possiblySameAs between person nodes that share a name (Oxigraph terms).

    The name is the Chinese label: two people whose names only romanize alike (the pinyin and
    English labels) are not linked. The people and their Chinese labels come from one query
    (the store filters them: a Python object per label of every node cost half a second a
    thousand articles), grouped by name in a dict (a few hundred bytes per person), instead
    of a self-join, which on an archive of a hundred thousand articles held gigabytes."""

    return list(iter_possible_same_people(store))


def iter_possible_same_people(store):
    """:func:`possible_same_people` one link at a time: a first build writes them in chunks
    and never holds the links of an archive at once."""
    import pyoxigraph as ox

    same = ox.NamedNode("https://w3id.org/cnpolkg/ns#possiblySameAs")
    # Sorted by name in the store, grouped as they come: only one name's people are held here
    # (a dict of every person held 660 MB of Python objects for an archive of 100,000 articles).
    name, nodes = None, []
    for sol in store.store.query(_PEOPLE_NAMES + "\nORDER BY ?name ?person"):
        if sol[1].value != name:
            yield from _links(nodes, same)
            name, nodes = sol[1].value, []
        nodes.append(sol[0])
    yield from _links(nodes, same)


def _links(nodes: list, same) -> Iterator:
    import pyoxigraph as ox

    if len(nodes) > 1:
        for a in nodes:
            for b in nodes:
                if a != b:
                    yield ox.Triple(a, same, b)


def changed_same_people(store, touched: dict) -> tuple[set, set]:
    """The kg:possiblySameAs links to take out and to put in after the articles holding the
    ``touched`` people (IRI -> Chinese name, before and after the change) changed: the links
    of every person who now bears one of their names, or was one of them, computed again. A
    build that changed one article looks at a few names, not at every person of the archive.
    """
    import pyoxigraph as ox

    same = ox.NamedNode("https://w3id.org/cnpolkg/ns#possiblySameAs")
    res = ox.NamedNode(RESOLUTION_GRAPH)
    names = sorted(set(touched.values()))
    groups: dict[str, list] = {}
    for i in range(0, len(names), 500):
        values = " ".join(_zh_literal(n) for n in names[i:i + 500])
        for sol in store.store.query(_PEOPLE_NAMED.replace("$values", values)):
            groups.setdefault(sol[1].value, []).append(sol[0])
    affected = set(touched) | {p for ps in groups.values() for p in ps}
    old = set()
    for node in affected:
        old.update(ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.store.quads_for_pattern(node, same, None, res))
        old.update(ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.store.quads_for_pattern(None, same, node, res))
    new = {ox.Triple(a, same, b) for ps in groups.values() if len(ps) > 1
           for a in ps for b in ps if a != b}
    return old - new, new - old


def _zh_literal(name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@zh'


# People bearing given Chinese names ($values: "name"@zh ...), in the default graph.
_PEOPLE_NAMED = """
SELECT ?person ?name WHERE {
  VALUES ?label { $values }
  ?person <http://www.w3.org/2000/01/rdf-schema#label> ?label ;
          a <https://w3id.org/cnpolkg/ns#Person> .
  BIND(STR(?label) AS ?name)
}"""


# Person nodes and their Chinese labels, in the default graph (the data's union).
_PEOPLE_NAMES = """
SELECT ?person ?name WHERE {
  ?person a <https://w3id.org/cnpolkg/ns#Person> ;
          <http://www.w3.org/2000/01/rdf-schema#label> ?label .
  FILTER(LANG(?label) = "zh")
  BIND(STR(?label) AS ?name)
}"""


def remove(out: Path, doc_ids: list[str], *, html: bool = True) -> list[str]:
    """Remove articles (by file name, as in the tables' ``article`` column) and nothing else."""
    with build_lock(out):
        recover(out)
        cache = ArticleCache(out)
        unknown = [d for d in doc_ids if d not in cache.entries]
        if unknown:
            known = ", ".join(sorted(cache.entries)[:8])
            raise BuildError(f"not in the graph: {', '.join(unknown)} (articles: {known}"
                             f"{' ...' if len(cache.entries) > 8 else ''})")
        for d in doc_ids:
            del cache.entries[d]
        report_path = out / "build-report.json"
        report = {"files": []}
        if report_path.is_file():
            try:
                report = json.loads(report_path.read_text("utf-8"))
            except ValueError:
                pass
        gone = set(doc_ids)
        report["articles"] = len(cache.entries)
        report["removed"] = report.get("removed", 0) + len(doc_ids)
        report["files"] = [f for f in report.get("files", []) if f.get("file") not in gone]
        writer = StoreWriter(out)
        try:
            _publish(out, cache, writer, Counter(), html=html,
                     export=(out / "graph.ttl").exists(), report=report)
        except BaseException:
            writer.abandon()
            raise
        cache.prune(everything=False)
    return sorted(cache.entries)


RESOLUTION_GRAPH = "https://w3id.org/cnpolkg/id/graph/_resolution"


def _say(bar, echo, msg: str) -> None:
    if bar is not None:
        bar.write(msg, file=sys.stderr)
    else:
        echo(msg)
