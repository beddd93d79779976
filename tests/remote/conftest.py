"""Helpers for the HTTP tests: plain urllib requests, tiny invented articles, and a real
Oxigraph server (read-write, in a tmp folder, on a free loopback port) to push to."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.remote.serve import free_port, oxigraph_binary

ARTICLES = {
    "a1.txt": "2023年5月6日，苏州市召开全市安全生产工作会议。市委书记张三明主持会议。\n",
    "a2.txt": "2023年6月8日，无锡市召开全市优化营商环境工作会议。市长李四海出席会议并讲话。\n",
    "a3.txt": "2023年7月10日，南通市召开全市防汛工作会议。市委副书记王五林主持会议。\n",
}

PREFIXES = ("PREFIX kg: <https://w3id.org/cnpolkg/ns#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def http(method: str, url: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> Reply:
    """One request; an HTTP error status is returned, not raised."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return Reply(resp.status, resp.headers.get("Content-Type", ""), resp.read(),
                         dict(resp.headers))
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.headers.get("Content-Type", ""), exc.read(),
                     dict(exc.headers))


def wait_listening(port: int, proc: subprocess.Popen, limit: float = 60.0) -> None:
    """Until something accepts connections on the port; fails if the process exits."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"server exited with {proc.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server (read-write, its own tmp store) on loopback; yields its base URL
    (``URL/store`` is the Graph Store endpoint, ``URL/query`` the SPARQL one)."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def articles(tmp_path: Path) -> Callable[..., Path]:
    """articles(**overrides) -> a folder of the invented articles (None drops one)."""

    def _make(**changes: str | None) -> Path:
        folder = tmp_path / "articles"
        if folder.exists():
            for f in folder.iterdir():
                f.unlink()
        folder.mkdir(exist_ok=True)
        texts = {**ARTICLES, **{k.replace("_", "."): v for k, v in changes.items()}}
        for name, text in texts.items():
            if text is not None:
                (folder / name).write_text(text, "utf-8")
        return folder

    return _make
