"""Trust: a build killed at any moment never costs the user the graph they had.

A corpus of a few hundred articles (the test articles copied under new names, each changed a
little so that every one is distinct) is built once: the "previous graph". Then ``kg build`` of
a changed corpus is started and SIGKILLed at several moments (a fixed seed picks them across the
measured length of the build); after each kill the previous or the new graph must be there,
whole: graph.ttl parses, the tables have their headers, the store answers queries and
``kg validate`` passes. The build that finally completes must give the graph a fresh build of
the same corpus gives, byte for byte. Also: the lock file left by a killed build does not block
the next one, and a build running in a folder refuses a second one while queries still answer.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.model import TABLE_COLUMNS

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
N_ARTICLES = 200  # the corpus of the previous graph
N_CHANGED = 50  # of those, changed in the second corpus
N_ADDED = 10  # and articles only the second corpus has
KILLS = 5
SEED = 20261127
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ARTICLES_QUERY = ("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { "
                  "?a a <https://w3id.org/cnpolkg/ns#Article> }")


# -- the corpora -----------------------------------------------------------------------------


def _variant(src: Path, note: str) -> bytes:
    """``src`` with a line of text added, in the file's own encoding and format."""
    from kg.ingest.decode import decode

    data = src.read_bytes()
    text, enc = decode(data)
    if data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    text = text.lstrip("\ufeff")
    if src.suffix in (".html", ".htm"):
        i = text.lower().rfind("</body>")
        add = f"<p>{note}</p>"
        text = text[:i] + add + text[i:] if i >= 0 else text + add
    else:
        text = text.rstrip("\n") + f"\n\n{note}\n"
    return text.encode(enc)


def make_corpora(root: Path) -> tuple[Path, Path]:
    sources = sorted(p for p in ARTICLES.iterdir() if p.is_file())
    corpus, corpus2 = root / "corpus", root / "corpus2"
    corpus.mkdir()
    corpus2.mkdir()
    for i in range(N_ARTICLES + N_ADDED):
        src = sources[i % len(sources)]
        name = f"k{i:03d}-{src.stem}{src.suffix}"
        if i < N_ARTICLES:
            (corpus / name).write_bytes(_variant(src, f"(第{i}篇)"))
        if i >= N_ARTICLES:
            data = _variant(src, f"(第{i}篇)")
        elif i % (N_ARTICLES // N_CHANGED) == 0:
            data = _variant(src, f"(第{i}篇,第二稿)")
        else:
            data = (corpus / name).read_bytes()
        (corpus2 / name).write_bytes(data)
    return corpus, corpus2


def kg_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *map(str, args)]


def kg(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(kg_cmd(*args), capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpora, the previous graph (corpus) and a fresh build of corpus2, built at once."""
    root = tmp_path_factory.mktemp("kill")
    corpus, corpus2 = make_corpora(root)
    prev, fresh = root / "previous", root / "fresh"
    p = subprocess.Popen(kg_cmd("build", corpus2, "--out", fresh, "--no-progress"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    try:
        first = kg("build", corpus, "--out", prev, "--no-progress")
        _out, err = p.communicate(timeout=300)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert first.returncode == 0, first.stderr
    assert p.returncode == 0, err
    report = json.loads((prev / "build-report.json").read_text("utf-8"))
    assert report["articles"] == N_ARTICLES and report["skipped"] == 0, report["skipped"]
    return {"corpus": corpus, "corpus2": corpus2, "previous": prev, "fresh": fresh}


def copy_graph(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, symlinks=True)
    return dest


@pytest.fixture(scope="module")
def concurrent(graphs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``kg build`` of corpus2 over a copy of the previous graph, timed; while it runs, a second
    build into the same folder and a query of it are tried. The time is also what the kill
    test spreads its kills over (the same build, so it is measured once)."""
    out = copy_graph(graphs["previous"], tmp_path_factory.mktemp("concurrent") / "out")
    log = out.parent / "first.stderr"
    t0 = time.perf_counter()
    with open(log, "wb") as err:
        first = subprocess.Popen(kg_cmd("build", graphs["corpus2"], "--out", out),
                                 stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        # The progress bar appears once the build holds the lock.
        deadline = time.monotonic() + 120
        while b"building" not in log.read_bytes() and first.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.02)
        running_before = first.poll() is None
        second = kg("build", graphs["corpus2"], "--out", out, "--no-progress")
        query = kg("query", COUNT_QUERY, "--graph", out, "--format", "csv")
        running_after = first.poll() is None
        rc = first.wait(timeout=300)
        duration = time.perf_counter() - t0
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    return {"out": out, "rc": rc, "log": log.read_text("utf-8", "replace"),
            "running": running_before and running_after, "second": second, "query": query,
            "duration": duration}


def test_second_build_is_refused_while_queries_still_answer(concurrent: dict,
                                                            graphs: dict[str, Path]) -> None:
    assert concurrent["running"], "the first build was not running throughout the test"
    second, query = concurrent["second"], concurrent["query"]
    assert second.returncode == 2, second.stderr
    lines = [ln for ln in second.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "another kg build" in lines[0], lines
    assert query.returncode == 0, query.stderr
    assert int(query.stdout.split()[-1]) > 1000
    # The refused build did not disturb the running one.
    assert concurrent["rc"] == 0, concurrent["log"][-2000:]
    out, fresh = concurrent["out"], graphs["fresh"]
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


# -- what must hold after every kill ---------------------------------------------------------


class Checker:
    """Checks a build folder; what was checked for the same bytes is not checked twice.

    ``kg validate`` (pyshacl, the slow part) runs in the background on a copy of the store
    taken at the time of the check, while the next build runs; ``wait`` collects the results.
    """

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.parsed: dict[str, int] = {}
        self.validating: dict[str, subprocess.Popen] = {}

    def check(self, out: Path) -> None:
        import pyoxigraph as ox
        from rdflib import Graph

        from kg.store.oxigraph import open_store

        # A reading command first: it finishes the publication of a build killed after its
        # commit point, as any user's next command would.
        q = kg("query", COUNT_QUERY, "--graph", out, "--format", "csv")
        assert q.returncode == 0, q.stderr
        assert not (out / ".kg-journal.json").exists()
        ttl = (out / "graph.ttl").read_bytes()
        digest = hashlib.sha256(ttl).hexdigest()
        if digest not in self.parsed:
            self.parsed[digest] = len(Graph().parse(data=ttl, format="turtle"))
        assert self.parsed[digest] > 1000
        for name, columns in TABLE_COLUMNS.items():
            with open(out / "tables" / f"{name}.csv", encoding="utf-8") as fh:
                assert fh.readline().rstrip("\n") == ",".join(columns), name
        report = json.loads((out / "build-report.json").read_text("utf-8"))

        store = open_store(out)
        (row,) = list(store.query(COUNT_QUERY))
        n = int(row["n"].value)
        assert n > 1000
        # All outputs describe one graph: graph.ttl is the store's data, the report and the
        # tables count the articles the store holds.
        assert self.parsed[digest] == n, "graph.ttl and the store disagree"
        (arts,) = list(store.query(ARTICLES_QUERY))
        assert int(arts["n"].value) == report["articles"], "report and store disagree"
        with open(out / "tables" / "positions.csv", encoding="utf-8") as fh:
            in_table = {line.split(",", 1)[0] for line in list(fh)[1:]}
        assert len(in_table) <= report["articles"]
        state = hashlib.sha256(store.dump(ox.RdfFormat.N_QUADS)).hexdigest()
        del store, row, arts

        assert int(q.stdout.split()[-1]) == n
        if state not in self.validating:
            snap = self.scratch / f"state-{len(self.validating)}"
            shutil.copytree(out / "store", snap / "store")
            self.validating[state] = subprocess.Popen(
                kg_cmd("validate", "--graph", snap), stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True)

    def wait(self) -> None:
        for v in self.validating.values():
            report, _ = v.communicate(timeout=300)
            assert v.returncode == 0, report[-2000:]


def leftovers(out: Path) -> list[str]:
    """Temporary files and stores of builds that did not finish."""
    names = [p.name for p in out.iterdir()]
    names += [f"tables/{p.name}" for p in (out / "tables").iterdir()]
    names += [f".kg-cache/articles/{p.name}" for p in (out / ".kg-cache" / "articles").iterdir()
              if not p.name.endswith(".nt")]
    return sorted(n for n in names if re.search(r"\.tmp$|\.store\.(tmp|old)-", n))


# -- kill -9 at random moments ---------------------------------------------------------------


def test_killed_builds_never_cost_the_graph(graphs: dict[str, Path], concurrent: dict,
                                            tmp_path: Path) -> None:
    corpus2, duration = graphs["corpus2"], concurrent["duration"]
    out = copy_graph(graphs["previous"], tmp_path / "out")
    checker = Checker(tmp_path)
    rng = random.Random(SEED)
    # One moment in each fifth of the build, in random order.
    span = (duration - 0.2) / KILLS
    delays = [round(0.2 + (k + rng.random()) * span, 2) for k in range(KILLS)]
    rng.shuffle(delays)
    outcomes = []
    try:
        for delay in delays:
            p = subprocess.Popen(kg_cmd("build", corpus2, "--out", out, "--no-progress"),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 start_new_session=True)
            try:
                p.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)  # the build and its extraction workers
            p.wait()
            err = p.stderr.read().decode("utf-8", "replace")
            p.stderr.close()
            assert p.returncode in (0, -signal.SIGKILL), err
            assert "another kg build" not in err, "a lock left by a killed build blocked this"
            outcomes.append((delay, "killed" if p.returncode else "finished"))
            checker.check(out)
        stray = leftovers(out)

        final = kg("build", corpus2, "--out", out, "--no-progress")
        assert final.returncode == 0, final.stderr
        checker.check(out)
    finally:
        checker.wait()
    fresh = graphs["fresh"]
    for name in ["graph.ttl", "graph.trig", *(f"tables/{t}.csv" for t in TABLE_COLUMNS)]:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    print(f"\nkill test: build of {N_ARTICLES + N_ADDED} articles over {N_ARTICLES} measured "
          f"{duration:.1f} s; kills at {outcomes}; {len(checker.validating)} store states "
          f"validated, {len(checker.parsed)} graph.ttl versions parsed; leftovers after the "
          f"kills: {stray or 'none'}; after the final build: {leftovers(out) or 'none'}")
    # Resumed builds are shorter than the measured one (the cache keeps what was extracted),
    # so a late moment may find the build finished; the early ones always find it running.
    killed = sum(1 for _, o in outcomes if o == "killed")
    assert killed >= 2, f"too few builds were still running when killed: {outcomes}"


# -- locks -----------------------------------------------------------------------------------

HOLD_LOCK = """
import fcntl, sys, time
fh = open(sys.argv[1], "w")
fcntl.lockf(fh, fcntl.LOCK_EX)
fh.write("held by a process that will be killed\\n")
fh.flush()
print("locked", flush=True)
time.sleep(120)
"""


def test_lock_of_a_killed_process_does_not_block_the_next_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(sorted(ARTICLES.glob("*.txt"))[0], src / "one.txt")
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out / ".kg-lock")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = kg("build", src, "--out", out, "--no-progress")
        assert refused.returncode == 2
        assert "another kg build" in refused.stderr and "Traceback" not in refused.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
    assert (out / ".kg-lock").exists()  # the stale lock file is still there
    built = kg("build", src, "--out", out, "--no-progress")
    assert built.returncode == 0, built.stderr


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(c) for c in path.read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2,
                    reason="needs /proc and more than one core (extraction workers)")
def test_killing_the_build_process_alone_releases_the_lock(graphs: dict[str, Path],
                                                           tmp_path: Path) -> None:
    out = copy_graph(graphs["previous"], tmp_path / "out")
    p = subprocess.Popen(kg_cmd("build", graphs["corpus2"], "--out", out, "--no-progress"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _children(p.pid) and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _children(p.pid), "the build started no extraction workers"
        p.send_signal(signal.SIGKILL)  # the build process only, as `kill -9 PID` does
        p.wait()
        after = kg("build", graphs["corpus2"], "--out", out, "--no-progress")
        assert after.returncode == 0, after.stderr
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)  # the workers left behind, if any
        except ProcessLookupError:
            pass
        p.wait()


# -- crashes at exact points, simulated in-process -------------------------------------------


class _Crash(BaseException):
    """Stands for SIGKILL: nothing after it runs, no ``except Exception`` catches it."""


def test_crash_before_the_store_swap_keeps_the_old_store(tmp_path: Path, bundled: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.build import build
    from kg.store.oxigraph import open_store

    out = tmp_path / "out"
    build([bundled], out, progress=False, html=False, echo=lambda _m: None)
    import kg.store.oxigraph as oxstore

    real_replace = oxstore.os.replace

    def replace(src, dst):
        if Path(dst).name == "store":  # the one atomic step that swaps the new store in
            raise _Crash
        return real_replace(src, dst)

    monkeypatch.setattr(oxstore.os, "replace", replace)
    with pytest.raises(_Crash):
        build([bundled], out, progress=False, html=False, echo=lambda _m: None)
    monkeypatch.undo()
    store = open_store(out)
    assert len(list(store.query(COUNT_QUERY))) == 1


def test_a_build_clears_what_killed_builds_left_behind(tmp_path: Path, bundled: Path) -> None:
    from kg.build import build

    out = tmp_path / "out"
    build([bundled], out, progress=False, html=False, echo=lambda _m: None)
    # What a build killed while writing its outputs leaves (names as kg.util and build_store
    # make them; 2**22 + 1 is above the largest pid Linux gives, so no process has it).
    dead = 2**22 + 1
    (out / f".store.tmp-{dead}").mkdir()
    (out / f".store.tmp-{dead}" / "CURRENT").write_text("MANIFEST-000001\n")
    (out / ".graph.ttl.k1ll3d.tmp").write_text("@prefix kg: <https://w3id.org/cnpolkg/ns#> .\n")
    build([bundled], out, progress=False, html=False, echo=lambda _m: None)
    assert leftovers(out) == []


def test_crash_after_the_commit_point_is_finished_by_the_next_command(
        tmp_path: Path, bundled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after the journal is written, between two renames: the next command (a query
    here) completes the publication, so graph.ttl, the tables and the store agree."""
    import kg.store.journal as journal
    from kg.build import build
    from kg.cli import main

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(bundled, src / "a.txt")
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, echo=lambda _m: None)
    old_ttl = (out / "graph.ttl").read_bytes()
    shutil.copy(sorted(ARTICLES.glob("a0*.txt"))[0], src / "b.txt")
    fresh = tmp_path / "fresh"
    build([src], fresh, progress=False, html=False, echo=lambda _m: None)

    real_replay = journal.replay

    def replay(out_dir, entry):
        # the store is swapped and one file renamed, then the process dies
        real_replay(out_dir, {"store": entry["store"], "renames": entry["renames"][:1],
                              "deletes": []})
        (out_dir / journal.JOURNAL).write_text(json.dumps(entry))  # still to be done
        raise _Crash

    monkeypatch.setattr(journal, "replay", replay)
    with pytest.raises(_Crash):
        build([src], out, progress=False, html=False, echo=lambda _m: None)
    monkeypatch.undo()
    assert (out / journal.JOURNAL).exists()
    assert (out / "graph.ttl").read_bytes() in (old_ttl, (fresh / "graph.ttl").read_bytes())
    assert main(["query", COUNT_QUERY, "--graph", str(out), "--format", "csv"]) == 0
    assert not (out / journal.JOURNAL).exists()
    for name in ["graph.ttl", "graph.trig", *(f"tables/{t}.csv" for t in TABLE_COLUMNS)]:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert leftovers(out) == []


def test_crash_before_the_commit_point_keeps_every_previous_output(
        tmp_path: Path, bundled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store.journal as journal
    from kg.build import build

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(bundled, src / "a.txt")
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, echo=lambda _m: None)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
              if p.is_file() and ".kg-cache" not in p.parts and ".store" not in str(p)}
    shutil.copy(sorted(ARTICLES.glob("a0*.txt"))[0], src / "b.txt")

    def fail(_out, _entry):
        raise _Crash

    monkeypatch.setattr(journal, "atomic_write_bytes", fail)  # the journal is never written
    with pytest.raises(_Crash):
        build([src], out, progress=False, html=False, echo=lambda _m: None)
    monkeypatch.undo()
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
             if p.is_file() and ".kg-cache" not in p.parts and ".store" not in str(p)}
    assert {k: v for k, v in after.items() if not k.name.endswith(".tmp")} == before
