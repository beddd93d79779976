"""``kg build``: files -> documents -> facts -> triples -> store -> exports, tables and view.

The one place where the stages meet. Each stage's output is the next stage's input and nothing
flows back. Bad files are reported and skipped; outputs are written to temporary names and
renamed, and a lock keeps two builds from writing into one folder at once.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import URIRef

from kg.executors import map_ordered
from kg.ingest.reader import (
    DEFAULT_MAX_BYTES,
    IngestError,
    decode_document,
    discover,
    read_document,
    too_large,
)
from kg.model import Facts
from kg.pipeline import run
from kg.rdf import serialize
from kg.rdf.mapper import graph_iri, map_facts
from kg.store.cache import ArticleCache, Entry, extractor_version
from kg.store.oxigraph import build_store
from kg.util import atomic_write_bytes, atomic_write_text

ONTOLOGY_GRAPH = URIRef("https://w3id.org/cnpolkg/ns")
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


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """Article ids are file names; a name seen twice gets its folder prepended."""
    names = Counter(f.name for f in files)
    return {f: (f.name if names[f.name] == 1 else f"{f.parent.name}/{f.name}") for f in files}


def extract_file(path: Path, doc_id: str, *, encoding: str | None, max_bytes: int,
                 data: bytes | None = None) -> Facts:
    """One article's facts; from ``data`` when given (a Dask worker may not see ``path``)."""
    if data is None:
        doc = read_document(path, encoding=encoding, max_bytes=max_bytes, doc_id=doc_id)
    else:
        doc = decode_document(data, path, encoding=encoding, doc_id=doc_id)
    return run(doc)


def build(paths: list[Path], out: Path, *, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = True, verbose: bool = False,
          html: bool = True, sync: bool = False, workers: int | None = None,
          executor: str = "local", scheduler: str | None = None,
          echo: Callable[[str], None] = print) -> BuildSummary:
    """Add (or update) the articles under ``paths`` to the graph in ``out``.

    Articles already built from the same bytes by the same extractors are taken from the
    cache; ``sync`` also removes the articles of earlier builds that are not among ``paths``.
    Extraction runs on ``executor`` (kg.executors: "local" processes, or "dask" at
    ``scheduler``); the results are recorded in input order, so the outputs are the same.
    """
    t0 = time.perf_counter()
    stages: Counter[str] = Counter()
    files, errors = discover(paths)
    reports: list[FileReport] = [FileReport(e.path, "skipped", reason=e.reason) for e in errors]
    if not files:
        raise BuildError("nothing to build: " + ("; ".join(str(e) for e in errors) or
                                                 "no input files"))
    for e in errors:
        echo(f"skipped {e}")
    ids = _doc_ids(files)
    with build_lock(out):
        cache = ArticleCache(out)
        bar = None
        if progress and len(files) > 1:
            from tqdm import tqdm

            bar = tqdm(total=len(files), unit="article", desc="extracting", file=sys.stderr,
                       dynamic_ncols=True)
        t = time.perf_counter()
        jobs = []
        for f in files:
            job = _probe(f, ids[f], cache, reports, encoding=encoding, max_bytes=max_bytes,
                         bar=bar, echo=echo)
            if job is None:
                if bar:
                    bar.update(1)
            else:
                jobs.append(job)
        stages["probe"] += time.perf_counter() - t
        t = time.perf_counter()
        for job, result in zip(jobs, _run_jobs(jobs, workers, executor, scheduler), strict=True):
            _record(job, result, cache, reports, stages, verbose=verbose, bar=bar, echo=echo)
            if bar:
                bar.update(1)
        stages["extract (wall)"] += time.perf_counter() - t
        if bar:
            bar.close()
        removed = 0
        if sync:
            keep = set(ids.values())
            for doc_id in sorted(set(cache.entries) - keep):
                del cache.entries[doc_id]
                removed += 1
        if not cache.entries:
            raise BuildError("no article could be read: " +
                             "; ".join(f"{r.file}: {r.reason}" for r in reports if r.reason))
        triples = _write_outputs(out, cache, html, stages)
        report = {
            "articles": len(cache.entries),
            "skipped": sum(1 for r in reports if r.status in ("skipped", "failed")),
            "removed": removed,
            "files": [r.__dict__ for r in sorted(reports, key=lambda r: r.file)],
        }
        atomic_write_bytes(out / "build-report.json",
                           (json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True)
                            + "\n").encode("utf-8"))
        cache.save()
        cache.prune()
    counts: Counter[str] = Counter()
    for entry in cache.entries.values():
        counts.update(entry.counts)
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


def _probe(f: Path, doc_id: str, cache: ArticleCache, reports: list[FileReport],
           *, encoding: str | None, max_bytes: int, bar, echo) -> _Job | None:
    """Find an article in the cache (recorded at once) or return the job of extracting it.
    A file over the size limit is skipped here, not read: no job could do more with it."""
    try:
        size = f.stat().st_size
        data = f.read_bytes() if size <= max_bytes else b""
    except OSError as exc:
        reports.append(FileReport(doc_id, "skipped", reason=f"cannot read: {exc.strerror}"))
        _say(bar, echo, f"skipped {f}: cannot read: {exc.strerror}")
        return None
    if size > max_bytes:
        reason = too_large(f, size, max_bytes).reason
        reports.append(FileReport(doc_id, "skipped", reason=reason))
        _say(bar, echo, f"skipped {f}: {reason}")
        return None
    sha = hashlib.sha256(data).hexdigest()
    key = cache.key(doc_id, sha + (encoding or ""))
    old = cache.entries.get(doc_id)
    if data and cache.has(key):
        if old is None or old.key != key:
            meta = cache.meta(key)
            old = Entry(key, sha, str(f), meta.get("encoding", ""), meta.get("counts", {}))
        cache.entries[doc_id] = old
        reports.append(FileReport(doc_id, "cached", old.encoding, old.counts))
        return None
    return _Job(f, doc_id, key, sha, encoding, max_bytes)


def _extract_job(job: _Job) -> tuple:
    """Runs in a worker process: one article to (status, encoding, counts, N-Triples or
    reason, seconds). Exceptions become a 'failed' status: one bad article costs nothing else."""
    t = time.perf_counter()
    try:
        facts = extract_file(job.path, job.doc_id, encoding=job.encoding,
                             max_bytes=job.max_bytes, data=job.data)
        triples = map_facts(facts, facts.context["lookup_parent"])
        return ("ok", facts.doc.encoding, facts.counts(), serialize.ntriples(triples),
                time.perf_counter() - t)
    except IngestError as exc:
        return ("skipped", None, {}, exc.reason, time.perf_counter() - t)
    except Exception as exc:  # noqa: BLE001 - reported per file
        return ("failed", None, {}, f"internal error: {exc!r}\n{traceback.format_exc()}",
                time.perf_counter() - t)


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
            stages: Counter, *, verbose: bool, bar, echo) -> None:
    status, enc, counts, payload, seconds = result
    stages["ingest+extract+map"] += seconds
    if status == "ok":
        cache.put(job.key, payload, {"encoding": enc, "counts": counts})
        cache.entries[job.doc_id] = Entry(job.key, job.sha, str(job.path), enc, counts)
        reports.append(FileReport(job.doc_id, "ok", enc, counts))
    elif status == "skipped":
        reports.append(FileReport(job.doc_id, "skipped", reason=payload))
        _say(bar, echo, f"skipped {job.path}: {payload}")
    else:
        reason, _, trace = payload.partition("\n")
        reports.append(FileReport(job.doc_id, "failed", reason=reason))
        _say(bar, echo, f"failed {job.path}: {reason}; please report it with --verbose output")
        if verbose:
            print(trace, file=sys.stderr)


def _write_outputs(out: Path, cache: ArticleCache, html: bool, stages: Counter) -> int:
    """Every output of the graph that the cache's manifest describes; returns the triples.

    Works on Oxigraph terms throughout: the cached N-Triples are parsed, merged, sorted and
    written by Oxigraph, which keeps the whole path linear and fast.
    """
    import pyoxigraph as ox

    t = time.perf_counter()
    named: dict[str, set] = {str(graph_iri(doc_id)): cache.ox_triples(doc_id)
                             for doc_id in sorted(cache.entries)}
    resolution = possible_same_people_ox(named)
    if resolution:
        named[str(RESOLUTION_GRAPH)] = resolution
    union: set = set().union(*named.values()) if named else set()
    stages["load"] += time.perf_counter() - t
    t = time.perf_counter()
    atomic_write_bytes(out / "graph.ttl", serialize.ox_turtle(union))
    atomic_write_bytes(out / "graph.trig", serialize.ox_trig(named))
    stages["export"] += time.perf_counter() - t
    t = time.perf_counter()
    ontology = set(ox.parse(ontology_path().read_bytes(), format=ox.RdfFormat.TURTLE))
    store_named = dict(named)
    store_named[str(ONTOLOGY_GRAPH)] = ontology
    store = build_store(out, serialize.ox_nquads(store_named),
                        ox.serialize(list(union | ontology), format=ox.RdfFormat.N_TRIPLES))
    stages["store"] += time.perf_counter() - t
    t = time.perf_counter()
    from kg.query.tables import write_tables

    write_tables(store, out / "tables")
    stages["tables"] += time.perf_counter() - t
    if html:
        t = time.perf_counter()
        from kg.viz.html import render_html
        from kg.viz.views import build_view

        nodes, edges = build_view(store, "all")
        page = render_html(nodes, edges, "kg: " + ", ".join(sorted(cache.entries))[:200])
        atomic_write_text(out / "graph.html", page)
        stages["view"] += time.perf_counter() - t
    return len(union)


def possible_same_people_ox(named: dict[str, set]) -> set:
    """kg:possiblySameAs between person nodes that share a name (Oxigraph terms)."""
    import pyoxigraph as ox

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    person = ox.NamedNode("https://w3id.org/cnpolkg/ns#Person")
    same = ox.NamedNode("https://w3id.org/cnpolkg/ns#possiblySameAs")
    by_name: dict[str, set] = {}
    for triples in named.values():
        persons = {t.subject for t in triples if t.predicate == rdf_type and t.object == person}
        for t in triples:
            if t.predicate == label and t.subject in persons:
                by_name.setdefault(t.object.value, set()).add(t.subject)
    out = set()
    for nodes in by_name.values():
        ordered = sorted(nodes, key=str)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                out.add(ox.Triple(a, same, b))
                out.add(ox.Triple(b, same, a))
    return out


def remove(out: Path, doc_ids: list[str], *, html: bool = True) -> list[str]:
    """Remove articles (by file name, as in the tables' ``article`` column) and nothing else."""
    with build_lock(out):
        cache = ArticleCache(out)
        unknown = [d for d in doc_ids if d not in cache.entries]
        if unknown:
            known = ", ".join(sorted(cache.entries)[:8])
            raise BuildError(f"not in the graph: {', '.join(unknown)} (articles: {known}"
                             f"{' ...' if len(cache.entries) > 8 else ''})")
        for d in doc_ids:
            del cache.entries[d]
        _write_outputs(out, cache, html, Counter())
        report_path = out / "build-report.json"
        cache.save()
        cache.prune()
        if report_path.is_file():
            report = json.loads(report_path.read_text("utf-8"))
            report["articles"] = len(cache.entries)
            report["removed"] = report.get("removed", 0) + len(doc_ids)
            atomic_write_text(report_path, json.dumps(report, ensure_ascii=False, indent=1,
                                                      sort_keys=True) + "\n")
    return sorted(cache.entries)


RESOLUTION_GRAPH = URIRef("https://w3id.org/cnpolkg/id/graph/_resolution")


def _say(bar, echo, msg: str) -> None:
    if bar is not None:
        bar.write(msg, file=sys.stderr)
    else:
        echo(msg)
