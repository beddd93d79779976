"""``kg push`` against a real Oxigraph server started on loopback, and against a small
recording server for what Oxigraph does not show (credentials, retries, failures)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from kg.cli import main
from kg.remote.push import (
    PushError,
    authorization,
    check_endpoint,
    local_graphs,
    push,
    state_path,
)
from tests.remote.conftest import PREFIXES, http

GRAPH = "https://w3id.org/cnpolkg/id/graph/"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _names(server: str, article: str | None = None) -> list[str]:
    """Names of people who presided or spoke, in one article's graph or in any graph."""
    graph = f"<{GRAPH}{article}>" if article else "?g"
    q = PREFIXES + (f"SELECT DISTINCT ?name WHERE {{ GRAPH {graph} {{ ?p a kg:Person ; "
                    "rdfs:label ?name FILTER(LANG(?name) = 'zh') } } ORDER BY ?name")
    r = http("GET", f"{server}/query?" + urlencode({"query": q}),
             headers={"Accept": "application/sparql-results+json"})
    assert r.status == 200, r.text
    return [b["name"]["value"] for b in json.loads(r.body)["results"]["bindings"]]


def _graphs(server: str) -> list[str]:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    r = http("GET", f"{server}/query?" + urlencode({"query": q}),
             headers={"Accept": "application/sparql-results+json"})
    return [b["g"]["value"] for b in json.loads(r.body)["results"]["bindings"]]


def test_push_sends_only_what_changed_and_deletes_what_went(
        tmp_path: Path, articles, oxigraph_server: str, capsys) -> None:
    out = tmp_path / "out"
    store = oxigraph_server + "/store"
    assert _run(capsys, "build", str(articles()), "--out", str(out), "--no-progress")[0] == 0
    n = len(local_graphs(out))
    assert {f"{GRAPH}a1.txt", f"{GRAPH}a2.txt", f"{GRAPH}a3.txt"} <= set(local_graphs(out))

    code, stdout, _ = _run(capsys, "push", "--endpoint", store, "--graph", str(out))
    assert code == 0
    assert f"{n} put, 0 unchanged, 0 deleted, 0 failed" in stdout
    assert _graphs(oxigraph_server) == sorted(local_graphs(out))
    assert _names(oxigraph_server, "a1.txt") == ["张三明"]
    assert _names(oxigraph_server) == ["张三明", "李四海", "王五林"]

    # one article changes: only its graph is sent again
    changed = "2023年5月6日，苏州市召开全市安全生产工作会议。市委书记赵六明主持会议。\n"
    assert _run(capsys, "build", str(articles(a1_txt=changed)), "--out", str(out),
                "--no-progress")[0] == 0
    code, stdout, _ = _run(capsys, "push", "--endpoint", store, "--graph", str(out))
    assert code == 0
    assert f"1 put, {n - 1} unchanged, 0 deleted, 0 failed" in stdout
    assert "a1.txt" in stdout and "a2.txt" not in stdout
    assert _names(oxigraph_server, "a1.txt") == ["赵六明"]
    assert _names(oxigraph_server) == ["李四海", "王五林", "赵六明"]

    # one article goes: its graph is deleted, the others left alone
    assert _run(capsys, "build", str(articles(a1_txt=changed, a3_txt=None)), "--out", str(out),
                "--sync", "--no-progress")[0] == 0
    code, stdout, _ = _run(capsys, "push", "--endpoint", store, "--graph", str(out))
    assert code == 0
    assert f"0 put, {n - 1} unchanged, 1 deleted, 0 failed" in stdout
    assert f"{GRAPH}a3.txt" not in _graphs(oxigraph_server)
    assert _names(oxigraph_server) == ["李四海", "赵六明"]

    # nothing changed: nothing sent
    code, stdout, _ = _run(capsys, "push", "--endpoint", store, "--graph", str(out))
    assert code == 0 and f"0 put, {n - 1} unchanged, 0 deleted, 0 failed" in stdout
    state = json.loads(state_path(out, store).read_text("utf-8"))
    assert state["endpoint"] == store and sorted(state["graphs"]) == sorted(local_graphs(out))


def test_graphs_of_others_are_left_alone(tmp_path: Path, articles, oxigraph_server: str,
                                         capsys) -> None:
    theirs = "urn:team:their-graph"
    r = http("PUT", f"{oxigraph_server}/store?" + urlencode({"graph": theirs}),
             b"<urn:team:s> <urn:team:p> <urn:team:o> .\n", {"Content-Type": "application/n-triples"})
    assert r.status in (201, 204)
    out = tmp_path / "out"
    main(["build", str(articles()), "--out", str(out), "--no-progress"])
    assert _run(capsys, "push", "--endpoint", oxigraph_server + "/store", "--graph",
                str(out))[0] == 0
    main(["build", str(articles(a2_txt=None)), "--out", str(out), "--sync", "--no-progress"])
    code, stdout, _ = _run(capsys, "push", "--endpoint", oxigraph_server + "/store",
                           "--graph", str(out))
    assert code == 0 and "1 deleted" in stdout
    assert theirs in _graphs(oxigraph_server)


def test_dry_run_sends_nothing(tmp_path: Path, articles, oxigraph_server: str, capsys) -> None:
    out = tmp_path / "out"
    main(["build", str(articles()), "--out", str(out), "--no-progress"])
    store = oxigraph_server + "/store"
    code, stdout, _ = _run(capsys, "push", "--endpoint", store, "--graph", str(out), "--dry-run")
    assert code == 0
    assert f"would put {len(local_graphs(out))}" in stdout and "would put     " in stdout
    assert _graphs(oxigraph_server) == []
    assert not state_path(out, store).exists()


class _Recorder(BaseHTTPRequestHandler):
    """Answers with the next scripted status and records each request."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        srv = self.server
        with srv.lock:  # type: ignore[attr-defined]
            srv.requests.append((self.command, self.path, dict(self.headers), body))  # type: ignore[attr-defined]
            graph = parse_qs(urlsplit(self.path).query).get("graph", [""])[0]
            # each graph has its own script, a copy of "*" unless given
            script = srv.script.setdefault(graph, list(srv.script.get("*", [204])))  # type: ignore[attr-defined]
            status = script.pop(0) if len(script) > 1 else script[0]
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = _answer

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass


@pytest.fixture
def recorder() -> Iterator[ThreadingHTTPServer]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    srv.requests, srv.script, srv.lock = [], {}, threading.Lock()  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def _endpoint(srv: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}/store"


def test_credentials_content_type_and_retries(tmp_path: Path, articles, recorder,
                                              monkeypatch, capsys) -> None:
    out = tmp_path / "out"
    main(["build", str(articles(a2_txt=None, a3_txt=None)), "--out", str(out), "--no-progress"])
    capsys.readouterr()
    monkeypatch.setenv("KG_PUSH_USER", "team")
    monkeypatch.setenv("KG_PUSH_PASSWORD", "s3cret")
    monkeypatch.delenv("KG_PUSH_TOKEN", raising=False)
    recorder.script["*"] = [503, 204]  # each graph: unavailable once, then accepted
    code, stdout, _ = _run(capsys, "push", "--endpoint", _endpoint(recorder), "--graph", str(out))
    graphs = local_graphs(out)
    assert code == 0 and f"{len(graphs)} put" in stdout
    puts = [r for r in recorder.requests if r[0] == "PUT"]
    assert len(puts) == 2 * len(graphs)  # every graph sent twice: the retry
    expected = "Basic " + base64.b64encode(b"team:s3cret").decode()
    for _method, path, headers, body in puts:
        assert headers["Authorization"] == expected
        assert headers["Content-Type"] == "application/n-triples"
        graph = parse_qs(urlsplit(path).query)["graph"][0]
        assert body == graphs[graph]


def test_a_failed_graph_is_reported_and_sent_next_time(tmp_path: Path, articles, recorder,
                                                       capsys) -> None:
    out = tmp_path / "out"
    main(["build", str(articles()), "--out", str(out), "--no-progress"])
    capsys.readouterr()
    recorder.script[f"{GRAPH}a2.txt"] = [401]
    code, stdout, err = _run(capsys, "push", "--endpoint", _endpoint(recorder), "--graph",
                             str(out), "--retries", "0")
    n = len(local_graphs(out))
    assert code == 2
    assert f"{n - 1} put, 0 unchanged, 0 deleted, 1 failed" in stdout
    assert "a2.txt: HTTP 401" in stdout and "KG_PUSH_USER" in stdout
    assert "1 graph(s) failed" in err
    recorder.script[f"{GRAPH}a2.txt"] = [204]
    recorder.requests.clear()
    code, stdout, _ = _run(capsys, "push", "--endpoint", _endpoint(recorder), "--graph", str(out))
    assert code == 0 and f"1 put, {n - 1} unchanged" in stdout
    assert [parse_qs(urlsplit(r[1]).query)["graph"][0] for r in recorder.requests] == \
        [f"{GRAPH}a2.txt"]


def test_unreachable_endpoint_stops_early(tmp_path: Path, articles, capsys) -> None:
    from kg.remote.serve import free_port

    out = tmp_path / "out"
    main(["build", str(articles()), "--out", str(out), "--no-progress"])
    capsys.readouterr()
    endpoint = f"http://127.0.0.1:{free_port()}/store"  # nobody listens there
    code, stdout, _ = _run(capsys, "push", "--endpoint", endpoint, "--graph", str(out),
                           "--retries", "0")
    n = len(local_graphs(out))
    assert code == 2 and f"0 put, 0 unchanged, 0 deleted, {n} failed" in stdout
    assert f"{n - 1} more not tried" in stdout
    assert json.loads(state_path(out, endpoint).read_text("utf-8"))["graphs"] == {}


def test_credentials_come_from_the_environment_or_netrc(tmp_path: Path) -> None:
    url = "https://triples.example.org/store"
    assert authorization(url, {"KG_PUSH_TOKEN": "abc", "KG_PUSH_USER": "u"}) == "Bearer abc"
    assert authorization(url, {"KG_PUSH_USER": "u", "KG_PUSH_PASSWORD": "p"}) == \
        "Basic " + base64.b64encode(b"u:p").decode()
    netrc = tmp_path / "netrc"
    netrc.write_text("machine triples.example.org login alice password wonder\n")
    netrc.chmod(0o600)
    assert authorization(url, {"NETRC": str(netrc)}) == \
        "Basic " + base64.b64encode(b"alice:wonder").decode()
    assert authorization("https://elsewhere.example.org/store", {"NETRC": str(netrc)}) is None
    assert authorization(url, {"NETRC": str(tmp_path / "none")}) is None


def test_endpoint_is_checked() -> None:
    assert check_endpoint(" http://localhost:7878/store ") == "http://localhost:7878/store"
    for bad in ("localhost:7878/store", "ftp://host/store", "http:///store"):
        with pytest.raises(PushError, match="Graph Store URL"):
            check_endpoint(bad)
    with pytest.raises(PushError, match="not in the URL"):
        check_endpoint("https://user:pw@host/store")


def test_state_is_per_endpoint(tmp_path: Path) -> None:
    a = state_path(tmp_path, "http://a.example/store")
    b = state_path(tmp_path, "http://b.example/store")
    assert a != b and a.parent == b.parent == tmp_path / ".kg-push"


def test_missing_graph_dir_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    code, _, err = _run(capsys, "push", "--endpoint", "http://127.0.0.1:9/store", "--graph",
                        str(tmp_path / "nowhere"))
    assert code == 2 and err.count("\n") == 1 and "no graph has been built" in err


def test_push_api_returns_the_report(tmp_path: Path, articles, recorder) -> None:
    out = tmp_path / "out"
    main(["build", str(articles()), "--out", str(out), "--no-progress"])
    lines: list[str] = []
    report = push(out, _endpoint(recorder), echo=lines.append)
    assert report.ok and len(report.put) == len(local_graphs(out)) == len(lines)
    assert all(n > 0 for _g, n in report.put)
