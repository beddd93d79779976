"""The kg command line, called in-process: exit codes, output, files written.

The graph is the session build of the bundled article (``built`` in conftest.py); tests only read
it. The seed's facts (娄勤俭 省委书记 ...) may be checked here; kg code never names them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal

from kg.build import ontology_path
from kg.cli import main
from kg.export import export
from kg.query.tables import TABLES
from kg.store.oxigraph import build_store

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE {?s ?p ?o}"


def _canon(triples) -> set:
    """Triples with typed literals compared by value (44000 vs 44000.0 as xsd:decimal)."""
    out = set()
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype is not None and isinstance(o.value, Decimal):
            o = (str(o.datatype), o.value.normalize())
        out.add((s, p, o))
    return out


def _lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def ttl(built: Path) -> Graph:
    return Graph().parse(built / "graph.ttl", format="turtle")


# --- build ------------------------------------------------------------------------------------


def test_no_command_prints_help_and_exits_2(capsys) -> None:
    assert main([]) == 2
    assert "usage: kg" in capsys.readouterr().out


def test_build_bundled(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"built 1 article into {out}/")
    assert "skipped" not in captured.out
    assert re.search(r"^facts: .*positions \d+", captured.out, re.M)
    assert re.search(r"^triples: \d+; time: ", captured.out, re.M)
    assert captured.err == ""
    for name in ("graph.ttl", "graph.trig", "graph.html", "build-report.json", "store"):
        assert (out / name).exists(), name
    for name in TABLES:
        assert (out / "tables" / f"{name}.csv").is_file()
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["articles"] == 1 and report["skipped"] == 0
    [entry] = report["files"]
    assert entry["status"] == "ok" and entry["encoding"] == "utf-8"


def test_build_is_deterministic(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["build", "--out", str(again), "--no-progress"]) == 0
    names = ["graph.ttl", "graph.trig", "graph.html", "build-report.json",
             *(f"tables/{t}.csv" for t in TABLES)]
    for name in names:
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_build_missing_path_exits_2_without_traceback(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", "/does/not/exist", "--out", str(out), "--no-progress"]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "/does/not/exist" in captured.err
    assert "no such file or folder" in captured.err
    assert _lines(captured.err)[-1].startswith("kg build: ")
    assert captured.out == ""
    assert not (out / "store").exists()


def test_build_missing_path_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["build", "/does/not/exist", "--out", str(tmp_path / "o"), "--no-progress"]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1


def test_build_skips_a_bad_file_and_reports_it(bundled: Path, tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(bundled, src / "good.txt")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02\x03 binary \x00" * 20)
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "built 1 article" in captured.out
    assert "1 skipped: see build-report.json" in captured.out
    assert "bad.txt" in captured.err and "not a text file" in captured.err
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["articles"] == 1 and report["skipped"] == 1
    by_file = {f["file"]: f for f in report["files"]}
    assert by_file["bad.txt"]["status"] == "skipped"
    assert "not a text file" in by_file["bad.txt"]["reason"]
    assert by_file["good.txt"]["status"] == "ok"

    assert main(["build", str(src), "--out", str(out), "--no-progress", "--strict"]) == 2
    assert "1 skipped: see build-report.json" in capsys.readouterr().out


def test_build_nothing_readable_exits_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "no article could be read" in err and "empty file" in err
    assert "Traceback" not in err


def test_build_article_with_unicode_line_separator(bundled: Path, tmp_path: Path,
                                                   capsys) -> None:
    text = bundled.read_text("utf-8").replace("省长吴政隆主持。", "省长吴政隆\u2028主持。", 1)
    article = tmp_path / "ls.txt"
    article.write_text(text, "utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "o"), "--no-progress"]) == 0


_CHILD_BUILD = """
import sys
from pathlib import Path
from kg.build import build
build([Path(sys.argv[1])], Path(sys.argv[2]), progress=False, html=False, echo=lambda m: None)
"""


def test_multi_article_trig_is_deterministic_across_processes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i, place in enumerate(("南京市", "苏州市", "无锡市", "常州市", "徐州市")):
        (src / f"n{i}.txt").write_text(f"{place}召开会议\n\n发布时间:2021-06-18 09:30\n\n"
                                       f"6月17日,{place}委召开常委会议。", "utf-8")
    outs = []
    for seed in (1, 2, 3):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        subprocess.run([sys.executable, "-c", _CHILD_BUILD, str(src), str(out)], env=env,
                       check=True, timeout=120, capture_output=True)
        assert (out / "graph.ttl").read_bytes() == (tmp_path / "out1" / "graph.ttl").read_bytes()
        outs.append((out / "graph.trig").read_bytes())
    assert len(set(outs)) == 1


# --- query ------------------------------------------------------------------------------------


def test_query_count_csv(built: Path, ttl: Graph, capsys) -> None:
    assert main(["query", COUNT_ALL, "--graph", str(built), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["n"] and len(rows) == 2
    # the default graph is the deduplicated union of the data graphs: what graph.ttl holds
    assert int(rows[1][0]) == len(set(ttl))


def test_ontology_is_in_its_own_named_graph(built: Path, capsys) -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    q = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/cnpolkg/ns> { ?s ?p ?o } }")
    assert main(["query", q, "--graph", str(built), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert int(rows[1][0]) == len(ontology)


def test_query_bundled_positions(built: Path, capsys) -> None:
    assert main(["query", "positions", "--graph", str(built)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [c.strip() for c in lines[0].split(" | ")][:4] == ["article", "person", "title", "place"]
    assert re.search(r"娄勤俭 \| 省委书记\s+\| 江苏省", out)
    assert re.search(r"陈勇\s+\| 市委书记\s+\| 海门市", out)
    assert re.fullmatch(r"\(\d+ rows\)", lines[-1])


def test_query_list(capsys) -> None:
    assert main(["query", "--list"]) == 0
    names = [ln.split()[0] for ln in _lines(capsys.readouterr().out)]
    assert set(TABLES) <= set(names)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_query_formats(built: Path, capsys, fmt: str) -> None:
    q = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
    assert main(["query", q, "--graph", str(built), "--format", fmt]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out),
                           delimiter="," if fmt == "csv" else "\t"))
    assert rows[0] == ["name"]
    names = [r[0] for r in rows[1:]]
    assert names == sorted(names)
    assert {"娄勤俭", "吴政隆", "陈勇"} <= set(names)


def test_query_json(built: Path, capsys) -> None:
    q = "SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name }"
    assert main(["query", q, "--graph", str(built), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["p", "name"]
    bindings = data["results"]["bindings"]
    assert bindings and all(b["p"]["type"] == "uri" for b in bindings)
    assert "娄勤俭" in {b["name"]["value"] for b in bindings}


def test_query_from_file(built: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "q.rq"
    f.write_text("# count people\n" + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Person }\n")
    assert main(["query", "-f", str(f), "--graph", str(built), "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) >= 3


def test_query_missing_file(built: Path, tmp_path: Path, capsys) -> None:
    assert main(["query", "-f", str(tmp_path / "nope.rq"), "--graph", str(built)]) == 2
    assert "cannot read query file" in capsys.readouterr().err


def test_query_malformed_exits_2(built: Path, capsys) -> None:
    assert main(["query", "SELECT ?x\nWHERE { ?x ?p }", "--graph", str(built)]) == 2
    captured = capsys.readouterr()
    assert "error at" in captured.err
    assert captured.err.startswith("kg query: malformed query")
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_query_undefined_prefix_is_one_line(built: Path, capsys) -> None:
    assert main(["query", "SELECT ?x WHERE { ?x nope:p ?y }", "--graph", str(built)]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <http://e.org/>\nDROP ALL",
])
def test_query_update_is_refused(built: Path, capsys, update: str) -> None:
    before = (built / "graph.ttl").read_bytes()
    assert main(["query", update, "--graph", str(built)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["query", COUNT_ALL, "--graph", str(built), "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) > 0
    assert (built / "graph.ttl").read_bytes() == before


def test_query_without_a_build(tmp_path: Path, capsys) -> None:
    assert main(["query", "positions", "--graph", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "kg build" in err
    assert "Traceback" not in err
    assert len(_lines(err)) == 1


def test_query_without_a_query(tmp_path: Path, capsys) -> None:
    assert main(["query", "--graph", str(tmp_path)]) == 2
    assert "kg query --list" in capsys.readouterr().err


# --- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, rdflib_fmt", [("turtle", "turtle"), ("nt", "nt"),
                                             ("jsonld", "json-ld")])
def test_export_triple_formats(built: Path, ttl: Graph, tmp_path: Path, fmt: str,
                               rdflib_fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    assert main(["export", "--graph", str(built), "--format", fmt, "--out", str(out)]) == 0
    g = Graph().parse(out, format=rdflib_fmt)
    assert len(g) == len(ttl)
    assert _canon(g) == _canon(ttl)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_dataset_formats(built: Path, ttl: Graph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    assert main(["export", "--graph", str(built), "--format", fmt, "--out", str(out)]) == 0
    ds = Dataset()
    ds.parse(out, format=fmt)
    quads = list(ds.quads((None, None, None, None)))
    graphs = {str(q[3]) for q in quads}
    assert graphs == {"https://w3id.org/cnpolkg/id/graph/jiangsu-county-secretaries-forum.txt"}
    assert len(quads) == len(ttl)  # one article: one graph holding every triple once
    assert _canon((s, p, o) for s, p, o, _g in quads) == _canon(ttl)


def test_export_trig_matches_build_trig(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.trig"
    assert main(["export", "--graph", str(built), "--format", "trig", "--out", str(out)]) == 0
    a, b = Dataset(), Dataset()
    a.parse(out, format="trig")
    b.parse(built / "graph.trig", format="trig")
    assert _canon((s, p, o) for s, p, o, _g in a.quads()) == \
        _canon((s, p, o) for s, p, o, _g in b.quads())


def test_export_to_stdout(built: Path, ttl: Graph, capsys) -> None:
    assert main(["export", "--graph", str(built), "--format", "nt"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="nt")
    assert len(g) == len(ttl)


def test_export_leaves_out_the_ontology(built: Path) -> None:
    text = export(built, "nt", None)
    assert "<http://www.w3.org/2002/07/owl#Class>" not in text


def test_export_csv_tables(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["export", "--graph", str(built), "--format", "csv", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    for name, columns in TABLES.items():
        text = (out / f"{name}.csv").read_text("utf-8")
        assert text == (built / "tables" / f"{name}.csv").read_text("utf-8")
        assert tuple(next(csv.reader(io.StringIO(text)))) == columns


def test_export_csv_needs_out(built: Path, capsys) -> None:
    assert main(["export", "--graph", str(built), "--format", "csv"]) == 2
    assert "--out" in capsys.readouterr().err


def test_export_without_a_build(tmp_path: Path, capsys) -> None:
    assert main(["export", "--graph", str(tmp_path), "--format", "nt"]) == 2
    assert "kg build" in capsys.readouterr().err


# --- validate ---------------------------------------------------------------------------------


def test_validate_conforms(built: Path, capsys) -> None:
    assert main(["validate", "--graph", str(built)]) == 0
    assert capsys.readouterr().out.startswith("conforms")


def test_validate_reports_a_violation(built: Path, tmp_path: Path, capsys) -> None:
    nquads = export(built, "nquads", None)
    rank_line = next(ln for ln in nquads.splitlines()
                     if "<https://w3id.org/cnpolkg/ns#rank>" in ln)
    placement = rank_line.split(" ", 1)[0]
    second = re.sub(r'"\d+"\^\^', '"999"^^', rank_line)
    assert second != rank_line
    bad = tmp_path / "bad"
    build_store(bad, (nquads + second + "\n").encode("utf-8"))
    assert main(["validate", "--graph", str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("does not conform: 1 violation(s)")
    assert placement.strip("<>") in out
    assert "rank" in out


def test_validate_without_a_build(tmp_path: Path, capsys) -> None:
    assert main(["validate", "--graph", str(tmp_path)]) == 2
    assert "kg build" in capsys.readouterr().err


# --- viz --------------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]


def test_viz_rankings_is_offline(built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "rankings.html"
    assert main(["viz", "--graph", str(built), "--view", "rankings", "--out", str(out)]) == 0
    assert re.match(rf"wrote {re.escape(str(out))} \(\d+ nodes, \d+ edges", capsys.readouterr().out)
    page = out.read_text("utf-8")
    links = _Links()
    links.feed(page)
    assert not [u for u in links.urls if re.match(r"\s*(https?:)?//", u, re.I)]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "海门市" in page


def test_viz_without_a_build(tmp_path: Path, capsys) -> None:
    assert main(["viz", "--graph", str(tmp_path), "--out", str(tmp_path / "x.html")]) == 2
    assert "kg build" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_update_needs_the_flag_and_then_changes_only_the_store(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--no-progress", "--no-html"]) == 0
    ttl = (out / "graph.ttl").read_bytes()
    update = 'INSERT DATA { <http://e.org/a> <http://e.org/b> "c" }'
    assert main(["query", update, "--graph", str(out)]) == 2
    assert "--update" in capsys.readouterr().err
    assert main(["query", update, "--graph", str(out), "--update"]) == 0
    assert main(["query", "ASK { <http://e.org/a> ?p ?o }", "--graph", str(out),
                 "--format", "csv"]) == 0
    assert "true" in capsys.readouterr().out
    assert (out / "graph.ttl").read_bytes() == ttl


def test_a_query_over_its_time_is_stopped(built: Path) -> None:
    import subprocess
    import sys

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", slow, "--graph", str(built),
                           "--timeout", "1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "stopped after 1 s" in done.stderr and "Traceback" not in done.stderr
