"""``kg serve``: started as a user would (a process on a free loopback port), queried over
HTTP with plain urllib, stopped with Ctrl-C (SIGINT)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.cli import main
from kg.remote.serve import is_loopback, query_page
from tests.remote.conftest import PREFIXES, http

PEOPLE = PREFIXES + ("SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name ; "
                     "kg:presided ?e FILTER(LANG(?name) = 'zh') } ORDER BY ?name")


@dataclass
class Served:
    url: str
    proc: subprocess.Popen
    graph: Path
    banner: str  # the first line kg serve printed


def _start(graph: Path, *extra: str) -> Served:
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph),
                             "--port", "0", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    first = proc.stdout.readline()  # "serving DIR at http://127.0.0.1:PORT/ (read-only)"
    if "http://" not in first:
        proc.kill()
        raise AssertionError(f"kg serve did not start: {first!r} {proc.stderr.read()!r}")
    url = first.split(" at ", 1)[1].split()[0]
    return Served(url, proc, graph, first)


def _children(pid: int) -> list[int]:
    """The child processes of ``pid``, whichever of its threads started them (a backend
    restarted after a rebuild is started by the thread that served the request, and
    /proc/PID/task/PID/children lists only the main thread's)."""
    out: list[int] = []
    for task in sorted(Path(f"/proc/{pid}/task").glob("*")):
        try:
            out.extend(int(p) for p in (task / "children").read_text().split())
        except OSError:  # a thread that has just ended
            continue
    return sorted(out)


def _stop(served: Served) -> tuple[int, str, str]:
    served.proc.send_signal(signal.SIGINT)
    try:
        out, err = served.proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        served.proc.kill()
        out, err = served.proc.communicate()
    return served.proc.returncode, out, err


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[Served]:
    """The bundled article's build, served for the whole module."""
    s = _start(built)
    try:
        yield s
    finally:
        if s.proc.poll() is None:
            _stop(s)


def _get(served: Served, query: str, accept: str):
    return http("GET", served.url + "query?" + urlencode({"query": query}),
                headers={"Accept": accept})


def test_select_results_in_every_standard_format(served: Served) -> None:
    r = _get(served, PEOPLE, "application/sparql-results+json")
    assert r.status == 200 and r.content_type.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(r.body)["results"]["bindings"]]
    assert names == ["吴政隆"]

    r = _get(served, PEOPLE, "application/sparql-results+xml")
    assert r.status == 200 and r.content_type.startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    literals = [e.text for e in ET.fromstring(r.body).findall(".//s:binding/s:literal", ns)]
    assert literals == ["吴政隆"]

    r = _get(served, PEOPLE, "text/csv")
    assert r.status == 200 and r.content_type.startswith("text/csv")
    assert list(csv.reader(io.StringIO(r.text))) == [["name"], ["吴政隆"]]

    r = _get(served, PEOPLE, "text/tab-separated-values")
    assert r.status == 200 and r.content_type.startswith("text/tab-separated-values")
    assert r.text.splitlines() == ["?name", '"吴政隆"@zh']  # RDF terms, typed


def test_post_queries_and_named_graphs(served: Served) -> None:
    ask = PREFIXES + ("ASK { GRAPH <https://w3id.org/cnpolkg/id/graph/"
                      "jiangsu-county-secretaries-forum.txt> { ?p kg:presided ?e } }")
    direct = http("POST", served.url + "query", ask.encode("utf-8"),
                  {"Content-Type": "application/sparql-query",
                   "Accept": "application/sparql-results+json"})
    assert direct.status == 200 and json.loads(direct.body)["boolean"] is True
    form = http("POST", served.url + "sparql", urlencode({"query": ask}).encode("ascii"),
                {"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json"})
    assert form.status == 200 and json.loads(form.body)["boolean"] is True
    missing = ask.replace("jiangsu-county-secretaries-forum.txt", "no-such-article.txt")
    r = http("POST", served.url + "query", missing.encode("utf-8"),
             {"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json"})
    assert json.loads(r.body)["boolean"] is False


def test_construct_comes_back_as_rdf(served: Served) -> None:
    q = PREFIXES + "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }"
    r = _get(served, q, "text/turtle")
    assert r.status == 200 and r.content_type.startswith("text/turtle")
    triples = list(ox.parse(r.body, format=ox.RdfFormat.TURTLE))
    assert "吴政隆" in {t.object.value for t in triples}


def test_bad_query_is_a_client_error(served: Served) -> None:
    r = _get(served, "SELECT WHERE {", "application/sparql-results+json")
    assert 400 <= r.status < 500


def test_updates_are_refused(served: Served) -> None:
    insert = "INSERT DATA { <urn:kg-test:s> <urn:kg-test:p> 'written' }"
    r = http("POST", served.url + "update", insert.encode("utf-8"),
             {"Content-Type": "application/sparql-update"})
    assert r.status == 403 and "read-only" in r.text
    r = http("POST", served.url + "update", urlencode({"update": insert}).encode("ascii"),
             {"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 403
    r = http("POST", served.url + "query", insert.encode("utf-8"),
             {"Content-Type": "application/sparql-update"})
    assert 400 <= r.status < 500
    r = http("PUT", served.url + "store?graph=" + quote("urn:kg-test:g", safe=""),
             b"<urn:kg-test:s> <urn:kg-test:p> <urn:kg-test:o> .\n",
             {"Content-Type": "application/n-triples"})
    assert r.status == 403
    r = http("DELETE", served.url + "store?graph=" + quote(
        "https://w3id.org/cnpolkg/id/graph/jiangsu-county-secretaries-forum.txt", safe=""))
    assert r.status == 403
    ask = _get(served, "ASK { { ?s ?p 'written' } UNION { GRAPH ?g { ?s ?p ?o } "
                       "FILTER(?g = <urn:kg-test:g>) } }", "application/sparql-results+json")
    assert json.loads(ask.body)["boolean"] is False
    still = _get(served, PEOPLE, "text/csv")
    assert "吴政隆" in still.text


def test_graph_html_and_the_offline_query_page(served: Served) -> None:
    assert served.banner.startswith("serving ") and "(read-only)" in served.banner
    assert served.url.startswith("http://127.0.0.1:")  # loopback unless told otherwise
    view = http("GET", served.url + "graph.html")
    assert view.status == 200 and view.content_type.startswith("text/html")
    assert view.body == (served.graph / "graph.html").read_bytes()
    page = http("GET", served.url)
    assert page.status == 200 and page.content_type.startswith("text/html")
    assert "connect-src 'self'" in page.headers["Content-Security-Policy"]
    assert "<script src" not in page.text and "stylesheet" not in page.text
    assert '"who-presided"' in page.text
    assert http("GET", served.url + "yasgui.min.js").status == 404  # Oxigraph's UI stays away
    assert http("GET", served.url + "nothing-here").status == 404


def test_query_page_examples_need_no_parameters() -> None:
    html = query_page().decode("utf-8")
    data = json.loads(html.split("const KG = ", 1)[1].split(";\n", 1)[0])
    assert "who-presided" in data["examples"] and "place-rankings" not in data["examples"]
    assert all("PREFIX kg:" in e["query"] for e in data["examples"].values())


def test_follows_a_rebuild_and_stops_cleanly_on_ctrl_c(tmp_path: Path, articles) -> None:
    out = tmp_path / "out"
    build([articles(a2_txt=None, a3_txt=None)], out, progress=False, echo=lambda _m: None)
    s = _start(out)
    try:
        q = PREFIXES + ("SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name "
                        "FILTER(LANG(?name) = 'zh') } ORDER BY ?name")
        assert _get(s, q, "text/csv").text.split() == ["name", "张三明"]
        build([articles()], out, progress=False, echo=lambda _m: None)
        assert _get(s, q, "text/csv").text.split() == ["name", "张三明", "李四海", "王五林"]
        backends = _children(s.proc.pid)
        assert len(backends) == 1
    finally:
        code, stdout, stderr = _stop(s)
    assert code == 0, stderr
    assert "stopped" in stdout and "Traceback" not in stderr
    assert not Path(f"/proc/{backends[0]}").exists()  # Oxigraph was stopped and reaped


def test_update_flag_allows_writes_and_holds_off_builds(tmp_path: Path, articles,
                                                       capsys) -> None:
    out = tmp_path / "out"
    build([articles(a2_txt=None, a3_txt=None)], out, progress=False, echo=lambda _m: None)
    s = _start(out, "--update")
    try:
        r = http("POST", s.url + "update", b"INSERT DATA { <urn:kg-test:s> <urn:kg-test:p> 'x' }",
                 {"Content-Type": "application/sparql-update"})
        assert r.status in (200, 204), r.text
        ask = _get(s, "ASK { <urn:kg-test:s> <urn:kg-test:p> 'x' }",
                   "application/sparql-results+json")
        assert json.loads(ask.body)["boolean"] is True
        assert main(["build", str(articles()), "--out", str(out), "--no-progress"]) == 2
        assert "another kg build is writing here" in capsys.readouterr().err
    finally:
        code, stdout, stderr = _stop(s)
    assert code == 0, stderr
    assert "(read-write)" in s.banner


def test_missing_graph_dir_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--graph", str(tmp_path / "nowhere"), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no graph has been built" in err


def test_loopback_is_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_port_taken_is_one_line(built: Path, served: Served) -> None:
    port = served.url.rstrip("/").rsplit(":", 1)[1]
    r = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--graph", str(built),
                        "--port", port], capture_output=True, text=True, timeout=120,
                       cwd=Path(__file__).parents[2])
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "cannot listen" in r.stderr


def test_query_page_runs_a_query_in_a_browser(served: Served) -> None:
    """Headless Chromium (as tests/viz/test_browser.py): pick an example, run it, read the
    table; the page asks nothing of any other host and logs no error."""
    from tests.viz.test_browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
            page.goto(served.url)
            page.select_option("#examples", "who-presided")
            page.click("#run")
            page.wait_for_selector("#results table td", timeout=60_000)
            cells = page.locator("#results td").all_inner_texts()
            headers = page.locator("#results th").all_inner_texts()
            status = page.inner_text("#status")
        finally:
            browser.close()
    assert headers[:2] == ["person", "post"] and "吴政隆" in cells
    assert status.startswith("1 row")
    assert errors == []
    assert requests and all(u.startswith(served.url) for u in requests), requests


def test_ctrl_c_stops_a_server_started_with_sigint_ignored(tmp_path: Path, articles) -> None:
    """A background job of a non-interactive shell starts with SIGINT ignored."""
    out = tmp_path / "out"
    build([articles(a2_txt=None, a3_txt=None)], out, progress=False, echo=lambda _m: None)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by the child
    try:
        s = _start(out)
    finally:
        signal.signal(signal.SIGINT, previous)
    code, stdout, stderr = _stop(s)
    assert code == 0, stderr
    assert "stopped" in stdout
