"""``kg serve``: a build's store over the SPARQL 1.1 Protocol, with the interactive view.

Design. The SPARQL protocol is answered by Oxigraph's own HTTP server (the ``oxigraph`` package
on PyPI ships its binary), which opens the store ``kg build`` writes as it is: GET and POST
queries, content negotiation (results as JSON, XML, CSV, TSV; graphs as Turtle, N-Triples,
RDF/XML ...), query timeouts. None of that is written here. Oxigraph runs as a child process
on a free port of 127.0.0.1, in read-only mode, and a small standard-library HTTP server on the
address the user chose stands in front of it:

- ``/`` is our own query page, offline (no script or style from anywhere else, and a
  Content-Security-Policy that forbids it). Oxigraph's built-in page (YASGUI) is not exposed:
  its scripts come from the binary, but it fetches prefix.cc and lov.linkeddata.es for
  autocompletion, and this project does not use the network at run time.
- ``/graph.html`` is ``DIR/graph.html``, the interactive view ``kg build`` wrote.
- ``/query`` and ``/sparql`` go to Oxigraph unchanged (method, query string, body,
  ``Content-Type`` and ``Accept``), and so does reading ``/store`` (Graph Store Protocol GET).
- ``/update`` and writes to ``/store`` are refused with 403, unless ``--update`` is given.

Why a front and not Oxigraph on the public port: the two pages, keeping YASGUI away, and
following rebuilds. ``kg build`` swaps the ``store`` link to a new folder and deletes the old
one; before each request the front checks where the link points and, when it moved, restarts
Oxigraph on the new folder, so a server left running always answers from the latest build.
With ``--update`` Oxigraph opens the store for writing and the front holds the build lock
until it stops (a build into the same folder is refused meanwhile, as with ``kg query
--update``); what is written lives in the store only, until the next ``kg build``.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from kg.store.oxigraph import STORE_DIR, StoreError

PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'")
_PROXIED_HEADERS = ("Content-Type", "Content-Length", "Content-Disposition", "Vary")
_CHUNK = 1 << 16


class ServeError(RuntimeError):
    """The server cannot start (no oxigraph binary, port taken ...); str() says what to do."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable of the ``oxigraph`` package: next to this Python first (a
    virtual environment that is not activated), then the scripts folder, then PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServeError("the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6' "
                     "(a dependency of kg; it provides the SPARQL HTTP server)")


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (the OS's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` names is on this machine only (127.0.0.0/8, ::1)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback
                               for i in infos)


@dataclass
class Backend:
    """Oxigraph's HTTP server as a child process on 127.0.0.1, restarted when the build's
    ``store`` link moves to a new folder (a rebuild) or the process is gone."""

    binary: str
    graph_dir: Path
    writable: bool = False
    timeout: float = 30.0
    proc: subprocess.Popen | None = None
    location: str = ""
    port: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _log: IO[bytes] | None = None  # Oxigraph's own output, read when it fails to start

    def current_location(self) -> str:
        return os.path.realpath(self.graph_dir / STORE_DIR)

    def start(self) -> None:
        location = self.current_location()
        if not os.path.isdir(location):
            raise StoreError(f"{self.graph_dir}: no graph has been built here (run `kg build "
                             f"--out {self.graph_dir}` first, or name it with --graph DIR)")
        last = "no message"
        for _attempt in range(3):  # another process may take the free port before Oxigraph
            port = free_port()
            cmd = [self.binary, "serve" if self.writable else "serve-read-only",
                   "--location", location, "--bind", f"127.0.0.1:{port}"]
            if self.timeout and self.timeout > 0:
                cmd += ["--timeout-s", str(max(1, round(self.timeout)))]
            log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            try:
                listening = _wait_listening(proc, port)
            except BaseException:  # Ctrl-C while waiting: leave no server behind
                proc.kill()
                proc.wait()
                raise
            if listening:
                self.proc, self.location, self.port, self._log = proc, location, port, log
                return
            proc.kill()
            proc.wait()
            log.seek(0)
            lines = log.read().decode("utf-8", "replace").strip().splitlines()
            last = lines[-1] if lines else last
            log.close()
        raise ServeError(f"the Oxigraph server did not start on {location}: {last}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def ensure_current(self) -> None:
        """Restart Oxigraph when the store it serves is no longer the build's current one."""
        with self._lock:
            alive = self.proc is not None and self.proc.poll() is None
            moved = not self.writable and self.current_location() != self.location
            if alive and not moved:
                return
            self.stop()
            self.start()

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None


def _wait_listening(proc: subprocess.Popen, port: int, limit: float = 60.0) -> bool:
    """Until Oxigraph accepts connections (True) or exits (False). The limit only guards
    against a server that neither listens nor exits."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def query_page() -> bytes:
    """The offline query page, with the bundled queries that need no parameter as examples
    (each with the PREFIX lines ``kg query`` predefines, since a server knows no prefixes)."""
    from kg.query.runner import bind_params, bundled_queries, load_bundled
    from kg.rdf.namespaces import SPARQL_PREFIXES

    examples = {}
    for name, desc in bundled_queries().items():
        text = bind_params(load_bundled(name), {})  # $lang: the Chinese labels
        if re.search(r"\$[A-Za-z_]", text.replace('$"', "")):
            continue  # needs --param; $name would be an unbound variable here
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        examples[name] = {"description": desc, "query": SPARQL_PREFIXES + body.strip() + "\n"}
    template = resources.files("kg.remote").joinpath("query.html").read_text("utf-8")
    data = json.dumps({"examples": examples, "prefixes": SPARQL_PREFIXES},
                      ensure_ascii=False).replace("</", "<\\/")
    return template.replace("/*KG-DATA*/null", data).encode("utf-8")


class _Front(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], backend: Backend, graph_dir: Path,
                 page: bytes, writable: bool):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.backend = backend
        self.graph_dir = graph_dir
        self.page = page
        self.writable = writable
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    server_version = "kg-serve"
    # HTTP/1.0: each response ends with the connection, so Oxigraph's answers stream through
    # without being held in memory to count their length.
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base's name
        pass  # quiet: a terminal full of request lines helps nobody

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def do_PATCH(self) -> None:
        self._route("PATCH")

    def _route(self, method: str) -> None:
        path = urlsplit(self.path).path
        reading = method in ("GET", "HEAD")
        if path in ("/", "/index.html") and reading:
            self._send(200, "text/html; charset=utf-8", self.server.page,
                       {"Content-Security-Policy": PAGE_CSP})
        elif path == "/graph.html" and reading:
            page = self.server.graph_dir / "graph.html"
            try:
                data = page.read_bytes()
            except OSError:
                self._text(404, f"no graph.html in {self.server.graph_dir} (kg build writes "
                                "it; kg viz rewrites it)")
                return
            self._send(200, "text/html; charset=utf-8", data)
        elif path in ("/query", "/sparql"):
            if method in ("GET", "HEAD", "POST"):
                self._proxy(method)
            else:
                self._text(405, "the query endpoint takes GET and POST", {"Allow": "GET, POST"})
        elif path == "/update" or (path == "/store" and not reading):
            if self.server.writable:
                self._proxy(method)
            else:
                self._text(403, "this endpoint is read-only: kg serve refuses SPARQL Update "
                                "and Graph Store writes (start it with --update to allow them)")
        elif path == "/store":
            self._proxy(method)
        else:
            self._text(404, "not found: / is the query page, /graph.html the view, /query "
                            "the SPARQL endpoint")

    def _send(self, status: int, ctype: str, data: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"),
                   headers)

    def _proxy(self, method: str) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._text(411, "send the request body with a Content-Length")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else None
        headers = {k: self.headers[k] for k in ("Content-Type", "Accept") if self.headers[k]}
        backend = self.server.backend
        for attempt in (1, 2):
            try:
                backend.ensure_current()
                conn = http.client.HTTPConnection("127.0.0.1", backend.port)
                conn.request(method, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                break
            except (OSError, http.client.HTTPException, ServeError, StoreError) as exc:
                if attempt == 2:
                    self._text(502, f"the SPARQL server is not answering: {exc}")
                    return
                with backend._lock:  # restarted by ensure_current on the second try
                    backend.stop()
        try:
            self.send_response(resp.status, resp.reason)
            for k in _PROXIED_HEADERS:
                if resp.getheader(k):
                    self.send_header(k, resp.getheader(k))
            self.end_headers()
            while chunk := resp.read(_CHUNK):
                if method != "HEAD":
                    self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away
        finally:
            conn.close()


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM stops the server as Ctrl-C does (so the Oxigraph child is stopped too), and
    SIGINT does even when the process was started with it ignored (a background job of a
    non-interactive shell inherits SIGINT ignored, and Python then never raises
    KeyboardInterrupt: the server could only be killed, leaving Oxigraph behind)."""
    def raise_interrupt(_sig, _frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, raise_interrupt)
        previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(graph_dir: Path, host: str = "127.0.0.1", port: int = 7878, *,
          writable: bool = False, timeout: float = 30.0,
          echo: Callable[[str], None] = print,
          warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> None:
    """Serve ``graph_dir`` until Ctrl-C or SIGTERM; ``port`` 0 takes a free port (printed)."""
    if not (graph_dir / STORE_DIR).is_dir():
        raise StoreError(f"{graph_dir}: no graph has been built here (run `kg build --out "
                         f"{graph_dir}` first, or name the build output with --graph DIR)")
    binary = oxigraph_binary()
    from kg.build import build_lock

    with build_lock(graph_dir) if writable else nullcontext(), _stop_on_sigterm():
        backend = Backend(binary, graph_dir, writable=writable, timeout=timeout)
        httpd = None
        try:
            backend.start()
            try:
                httpd = _Front((host, port), backend, graph_dir, query_page(), writable)
            except OSError as exc:
                raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                                 "(choose another with --port, or --port 0 for any free "
                                 "port)") from None
            url = _url(host, httpd.server_address[1])
            echo(f"serving {graph_dir} at {url} ({'read-write' if writable else 'read-only'})")
            echo(f"  SPARQL endpoint {url}query   view {url}graph.html   query page {url}")
            echo("  Ctrl-C stops")
            if not is_loopback(host):
                warn(f"kg serve: warning: {host} is reachable from other machines and the "
                     "endpoint has no authentication; serve on 127.0.0.1 unless that is "
                     "what you want")
            sys.stdout.flush()
            httpd.serve_forever()
        except KeyboardInterrupt:
            echo("kg serve: stopped")
        finally:
            if httpd is not None:
                httpd.server_close()
            backend.stop()
