"""``kg build``: files -> documents -> facts -> triples -> store -> exports, tables and view.

The one place where the stages meet. Each stage's output is the next stage's input and nothing
flows back. Bad files are reported and skipped; outputs are written to temporary names and
renamed, and a lock keeps two builds from writing into one folder at once.
"""

from __future__ import annotations

import fcntl
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

from rdflib import URIRef

from kg.ingest.reader import DEFAULT_MAX_BYTES, IngestError, discover, read_document
from kg.model import Facts
from kg.pipeline import run
from kg.rdf import serialize
from kg.rdf.mapper import graph_iri, map_facts
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
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"{out}: another kg build is writing here; wait for it to finish "
                             "or build into another folder with --out") from None
        yield
    finally:
        fh.close()


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """Article ids are file names; a name seen twice gets its folder prepended."""
    names = Counter(f.name for f in files)
    return {f: (f.name if names[f.name] == 1 else f"{f.parent.name}/{f.name}") for f in files}


def extract_file(path: Path, doc_id: str, *, encoding: str | None, max_bytes: int) -> Facts:
    doc = read_document(path, encoding=encoding, max_bytes=max_bytes, doc_id=doc_id)
    return run(doc)


def build(paths: list[Path], out: Path, *, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = True, verbose: bool = False,
          html: bool = True, echo: Callable[[str], None] = print) -> BuildSummary:
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
    named: dict[URIRef, set] = {}
    fact_counts: Counter[str] = Counter()
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", desc="extracting", file=sys.stderr,
                   dynamic_ncols=True)
    for f in files:
        try:
            t = time.perf_counter()
            facts = extract_file(f, ids[f], encoding=encoding, max_bytes=max_bytes)
            stages["ingest+extract"] += time.perf_counter() - t
            t = time.perf_counter()
            triples = map_facts(facts, facts.context["lookup_parent"])
            stages["map"] += time.perf_counter() - t
        except IngestError as exc:
            reports.append(FileReport(ids[f], "skipped", reason=exc.reason))
            _say(bar, echo, f"skipped {exc}")
        except Exception as exc:  # a bug in an extractor must not cost the other articles
            reports.append(FileReport(ids[f], "failed", reason=f"internal error: {exc!r}"))
            _say(bar, echo, f"failed {f}: internal error while extracting ({exc!r}); "
                            "please report it with --verbose output")
            if verbose:
                traceback.print_exc()
        else:
            counts = facts.counts()
            fact_counts.update(counts)
            named[graph_iri(facts.doc.id)] = triples
            reports.append(FileReport(ids[f], "ok", facts.doc.encoding, counts))
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    if not named:
        raise BuildError("no article could be read: " +
                         "; ".join(f"{r.file}: {r.reason}" for r in reports if r.reason))
    resolution = possible_same_people(named)
    if resolution:
        named[RESOLUTION_GRAPH] = resolution
    with build_lock(out):
        t = time.perf_counter()
        union: set = set().union(*named.values())
        atomic_write_text(out / "graph.ttl", serialize.turtle(union))
        atomic_write_text(out / "graph.trig", serialize.trig(named))
        stages["export"] += time.perf_counter() - t
        t = time.perf_counter()
        from rdflib import Graph

        ontology = Graph().parse(ontology_path(), format="turtle")
        store_named = dict(named)
        store_named[ONTOLOGY_GRAPH] = set(ontology)
        store = build_store(out, serialize.nquads(store_named).encode("utf-8"))
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
            page = render_html(nodes, edges, "kg: " + ", ".join(sorted(
                r.file.rsplit(os.sep, 1)[-1] for r in reports if r.status == "ok"))[:200])
            atomic_write_text(out / "graph.html", page)
            stages["view"] += time.perf_counter() - t
        report = {
            "articles": len(named),
            "skipped": sum(1 for r in reports if r.status != "ok"),
            "files": [r.__dict__ for r in sorted(reports, key=lambda r: r.file)],
        }
        atomic_write_bytes(out / "build-report.json",
                           (json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True)
                            + "\n").encode("utf-8"))
    return BuildSummary(len(named), report["skipped"], fact_counts, len(union),
                        time.perf_counter() - t0, reports, out, dict(stages))


RESOLUTION_GRAPH = URIRef("https://w3id.org/cnpolkg/id/graph/_resolution")


def possible_same_people(named: dict[URIRef, set]) -> set:
    """People with the same name but different posts or places stay two nodes; this records
    the weaker link between them (kg:possiblySameAs), for a human to confirm or reject."""
    from rdflib.namespace import RDF, RDFS

    from kg.rdf.namespaces import KG

    by_name: dict[str, set] = {}
    for triples in named.values():
        persons = {s for s, p, o in triples if p == RDF.type and o == KG.Person}
        for s, p, o in triples:
            if p == RDFS.label and s in persons:
                by_name.setdefault(str(o), set()).add(s)
    out = set()
    for nodes in by_name.values():
        ordered = sorted(nodes, key=str)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                out.add((a, KG.possiblySameAs, b))
                out.add((b, KG.possiblySameAs, a))
    return out


def _say(bar, echo, msg: str) -> None:
    if bar is not None:
        bar.write(msg, file=sys.stderr)
    else:
        echo(msg)
