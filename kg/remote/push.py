"""``kg push``: a build's named graphs to a team's triple store, by the SPARQL 1.1 Graph Store
HTTP Protocol.

Each named graph of the build (one per article, the possiblySameAs links, the ontology) is
sent with ``PUT ENDPOINT?graph=IRI`` as N-Triples, which replaces that graph on the server and
touches no other: a team's store can hold graphs of its own beside ours. N-Triples because
every Graph Store implementation reads it (Oxigraph, Fuseki, GraphDB, Virtuoso, Stardog) and,
its lines sorted, the same graph gives the same bytes, so a digest of them says whether a graph
changed since it was last sent.

Those digests are kept per endpoint in ``DIR/.kg-push/<hash of the endpoint URL>.json``: a
push sends only graphs whose digest differs from the last successful push to that endpoint,
and DELETEs the graphs it had sent that the build no longer has (an article removed with ``kg
remove`` or ``kg build --sync``). A graph that failed is not recorded, so the next push sends
it again; ``--force`` resends everything (after the server was wiped, say).

Transient failures (connection errors, 408, 429, 5xx) are retried with exponential backoff; an
endpoint that cannot be reached at all stops the push after the first graph rather than
waiting through every graph's retries. Credentials come from the environment
(``KG_PUSH_TOKEN`` for a bearer token, or ``KG_PUSH_USER`` and ``KG_PUSH_PASSWORD`` for basic
authentication) or from a netrc file (``NETRC`` or ``~/.netrc``), never from the command line,
where other users of the machine could read them in the process list.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import http.client
import json
import netrc
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import pyoxigraph as ox

from kg.store.oxigraph import META_GRAPH, open_store
from kg.util import atomic_write_text

STATE_DIR = ".kg-push"
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
CONTENT_TYPE = "application/n-triples"


class PushError(RuntimeError):
    """The push cannot start (bad endpoint, unreadable netrc ...); str() says what to do."""


class _Unreachable(Exception):
    """No HTTP answer at all after the retries (refused, timed out, name not resolved)."""


@dataclass
class PushReport:
    """What a push did (or, with ``dry_run``, would do), graph IRIs in sorted order."""

    endpoint: str
    dry_run: bool = False
    put: list[tuple[str, int]] = field(default_factory=list)  # (graph, triples)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (graph, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        if self.dry_run:
            return (f"dry run, nothing sent to {self.endpoint}: would put {len(self.put)}, "
                    f"{len(self.unchanged)} unchanged, would delete {len(self.deleted)}")
        return (f"pushed to {self.endpoint}: {len(self.put)} put, {len(self.unchanged)} "
                f"unchanged, {len(self.deleted)} deleted, {len(self.failed)} failed")


def local_graphs(graph_dir: Path) -> dict[str, bytes]:
    """Each named graph of the build's store as sorted N-Triples (deterministic bytes)."""
    store = open_store(graph_dir).store
    out: dict[str, bytes] = {}
    for g in store.named_graphs():
        if not isinstance(g, ox.NamedNode) or g == META_GRAPH:
            continue  # a blank-node graph name has no IRI to PUT to; the build's bookkeeping
            # (which article version each graph holds) is of no use to a team's store
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, g)]
        lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
        out[g.value] = b"".join(sorted(lines))
    return dict(sorted(out.items()))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def state_path(graph_dir: Path, endpoint: str) -> Path:
    """Where the digests last pushed to ``endpoint`` are kept (one file per endpoint)."""
    return graph_dir / STATE_DIR / f"{digest(endpoint.encode('utf-8'))[:16]}.json"


def load_state(path: Path, endpoint: str) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        graphs = data["graphs"]
    except (OSError, ValueError, KeyError, TypeError):
        raise PushError(f"{path}: unreadable push state; delete it and push with --force") \
            from None
    if data.get("endpoint") != endpoint or not isinstance(graphs, dict):
        raise PushError(f"{path}: push state of another endpoint; delete it and push with "
                        "--force")
    return {str(k): str(v) for k, v in graphs.items()}


def save_state(path: Path, endpoint: str, graphs: dict[str, str]) -> None:
    atomic_write_text(path, json.dumps({"endpoint": endpoint, "graphs": dict(sorted(
        graphs.items()))}, ensure_ascii=False, indent=1) + "\n")


@contextmanager
def _state_lock(path: Path) -> Iterator[None]:
    """One push per endpoint and build at a time, or the state would lose one's work."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            raise PushError(f"another kg push to this endpoint is running ({path.parent}); "
                            "wait for it to finish") from None
        yield


def check_endpoint(endpoint: str) -> str:
    """The endpoint URL, checked: http(s), a host, no credentials in it."""
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"--endpoint {endpoint!r}: give the Graph Store URL, e.g. "
                        "http://localhost:7878/store (Oxigraph)")
    if parts.username or parts.password:
        raise PushError("--endpoint: put credentials in KG_PUSH_USER and KG_PUSH_PASSWORD (or "
                        "KG_PUSH_TOKEN, or a netrc file), not in the URL")
    if parts.fragment:
        raise PushError(f"--endpoint {endpoint!r}: a URL without a #fragment")
    return endpoint.strip()


def authorization(endpoint: str, env: dict[str, str] | None = None) -> str | None:
    """The Authorization header for ``endpoint``: KG_PUSH_TOKEN, KG_PUSH_USER and
    KG_PUSH_PASSWORD, or the netrc entry of its host; None when there is none."""
    env = dict(os.environ) if env is None else env
    if env.get("KG_PUSH_TOKEN"):
        return f"Bearer {env['KG_PUSH_TOKEN']}"
    if env.get("KG_PUSH_USER"):
        return _basic(env["KG_PUSH_USER"], env.get("KG_PUSH_PASSWORD", ""))
    path = Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc"
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(endpoint).hostname or "")
    except (netrc.NetrcParseError, OSError) as exc:
        raise PushError(f"{path}: cannot read the netrc file: {exc}") from None
    if entry is None:
        return None
    login, _account, password = entry
    return _basic(login or "", password or "")


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


@dataclass
class GraphStoreClient:
    """PUT and DELETE of named graphs, with retries and exponential backoff."""

    endpoint: str
    auth: str | None = None
    retries: int = 3
    backoff: float = 0.5
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep

    def url(self, graph: str) -> str:
        sep = "&" if urlsplit(self.endpoint).query else ("" if self.endpoint.endswith("?")
                                                        else "?")
        return self.endpoint + sep + urlencode({"graph": graph})

    def put(self, graph: str, data: bytes) -> None:
        self._send("PUT", graph, data)

    def delete(self, graph: str) -> None:
        self._send("DELETE", graph, None)

    def _send(self, method: str, graph: str, data: bytes | None) -> None:
        headers = {"User-Agent": "kg-push"}
        if data is not None:
            headers["Content-Type"] = CONTENT_TYPE
        if self.auth:
            headers["Authorization"] = self.auth
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            wait = self.backoff * (2 ** attempt)
            request = urllib.request.Request(self.url(graph), data=data, method=method,
                                             headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                    resp.read()
                return
            except urllib.error.HTTPError as exc:
                if method == "DELETE" and exc.code == 404:
                    return  # already gone: what a DELETE wants
                if exc.code not in RETRY_STATUS or last:
                    raise RuntimeError(_http_reason(exc)) from None
                wait = max(wait, _retry_after(exc))
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                if last:
                    reason = getattr(exc, "reason", None) or exc
                    raise _Unreachable(f"no answer from {self.endpoint}: {reason}") from None
            self.sleep(wait)


def _http_reason(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace").strip()
    except OSError:
        body = ""
    first = body.splitlines()[0][:200] if body else ""
    hint = (" (set KG_PUSH_USER and KG_PUSH_PASSWORD, KG_PUSH_TOKEN, or a netrc entry)"
            if exc.code in (401, 403) else "")
    return f"HTTP {exc.code} {exc.reason}{': ' + first if first else ''}{hint}"


def _retry_after(exc: urllib.error.HTTPError) -> float:
    value = exc.headers.get("Retry-After", "") if exc.headers else ""
    return min(float(value), 30.0) if value.strip().isdigit() else 0.0


def display(graph: str) -> str:
    """A graph IRI as a person reads it (article file names unescaped)."""
    return unquote(graph)


def push(graph_dir: Path, endpoint: str, *, dry_run: bool = False, force: bool = False,
         client: GraphStoreClient | None = None, retries: int = 3, timeout: float = 60.0,
         echo: Callable[[str], None] = print) -> PushReport:
    """Bring the endpoint's copies of this build's named graphs up to date; see the module."""
    endpoint = check_endpoint(endpoint)
    graphs = local_graphs(graph_dir)
    path = state_path(graph_dir, endpoint)
    report = PushReport(endpoint, dry_run=dry_run)
    with _state_lock(path):
        sent = load_state(path, endpoint)
        digests = {g: digest(data) for g, data in graphs.items()}
        to_put = [g for g in graphs if force or sent.get(g) != digests[g]]
        report.unchanged = [g for g in graphs if g not in to_put]
        to_delete = sorted(g for g in sent if g not in graphs)
        if dry_run:
            report.put = [(g, graphs[g].count(b"\n")) for g in to_put]
            report.deleted = to_delete
            for g, n in report.put:
                echo(f"would put     {display(g)} ({n} triples)")
            for g in to_delete:
                echo(f"would delete  {display(g)}")
            return report
        if client is None:
            auth = authorization(endpoint)
            parts = urlsplit(endpoint)
            if auth and parts.scheme == "http":
                from kg.remote.serve import is_loopback

                if not is_loopback(parts.hostname or ""):
                    echo(f"warning: sending credentials to {parts.hostname} over plain http; "
                         "use https")
            client = GraphStoreClient(endpoint, auth, retries=retries, timeout=timeout)
        todo = [("put", g) for g in to_put] + [("delete", g) for g in to_delete]
        try:
            for i, (action, g) in enumerate(todo):
                try:
                    if action == "put":
                        client.put(g, graphs[g])
                        sent[g] = digests[g]
                        n = graphs[g].count(b"\n")
                        report.put.append((g, n))
                        echo(f"put      {display(g)} ({n} triples)")
                    else:
                        client.delete(g)
                        del sent[g]
                        report.deleted.append(g)
                        echo(f"deleted  {display(g)}")
                except _Unreachable as exc:
                    for rest_action, rest in todo[i:]:
                        report.failed.append((rest, str(exc)))
                        if rest_action == "put":
                            sent.pop(rest, None)
                    echo(f"failed   {display(g)}: {exc}; {len(todo) - i - 1} more not tried")
                    break
                except RuntimeError as exc:
                    report.failed.append((g, str(exc)))
                    if action == "put":
                        sent.pop(g, None)  # not known to be there: send it next time
                    echo(f"failed   {display(g)}: {exc}")
        finally:
            save_state(path, endpoint, sent)
    return report
