"""The page in a real browser: headless Chromium driven by Playwright.

Needs the ``playwright`` Python package and Debian's Chromium at /usr/bin/chromium (Playwright's
own browser download is not used). Without either, the test is skipped with the reason, never
passed. ``.ci/run`` installs Chromium when it is missing.

With ``KG_UPDATE_SCREENSHOT=1`` the test also writes the bundled article's default view to
``docs/graph.png`` (the README's screenshot); otherwise it writes only under its tmp dir.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.store.oxigraph import open_store
from kg.viz.views import build_view

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "graph.png"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class Opened:
    """A page with everything it asked the network for and everything it logged as an error."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        # the page marks itself ready when the layout is done and physics is switched off
        self.page.wait_for_selector("html[data-kg-state=ready]", state="attached",
                                    timeout=60_000)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def close(self) -> None:
        self.context.close()


def drawn(page) -> dict:
    """What vis-network holds and draws: its DataSets and the positions it laid out."""
    return page.evaluate("""() => {
      const net = window.kgNetwork;
      const nodes = net.body.data.nodes.get();
      const edges = net.body.data.edges.get();
      return {
        nodes: nodes.map(n => ({id: n.id, label: n.label, group: n.group, hidden: !!n.hidden})),
        edges: edges.map(e => ({from: e.from, to: e.to, label: e.label || "",
                                hidden: !!e.hidden})),
        positions: net.getPositions(),
        drawnNodes: net.body.nodeIndices.length,
        drawnEdges: net.body.edgeIndices.length,
        physics: net.physics.physicsEnabled,
        canvas: document.querySelector("#kg-network canvas") !== null,
      };
    }""")


def test_page_in_chromium(browser, built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "graph.html"
    assert main(["viz", "--graph", str(built), "--out", str(out)]) == 0
    capsys.readouterr()
    nodes, edges = build_view(open_store(built), "all")
    label = {n.id: n.label for n in nodes}

    opened = Opened(browser, out)
    try:
        page = opened.page
        got = drawn(page)
        # the network holds and draws exactly the view's nodes and edges, all laid out
        assert {(n["id"], n["label"], n["group"]) for n in got["nodes"]} == {
            (n.id, n.label, n.kind) for n in nodes}
        assert {(e["from"], e["to"], e["label"]) for e in got["edges"]} == {
            (e.source, e.target, e.label) for e in edges}
        assert got["drawnNodes"] == len(nodes) and got["drawnEdges"] == len(set(edges))
        assert set(got["positions"]) == set(label)
        assert not any(n["hidden"] for n in got["nodes"])
        assert got["canvas"] and got["physics"] is False  # laid out once, then still
        assert page.locator("#kg-loading").is_hidden()
        by_label = {(label[e["from"]], label[e["to"]], e["label"]) for e in got["edges"]}
        assert ("陈勇", "全省县委书记工作讲坛", "发言@海门分会场") in by_label
        assert ("海门市", "2017全国综合实力百强县市", "第21位") in by_label

        shot = tmp_path / "graph.png"
        page.screenshot(path=str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("KG_UPDATE_SCREENSHOT") == "1":
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, SCREENSHOT)

        # the search box finds 海门市: the place itself first, selected and centred
        page.fill("#kg-search-input", "海门市")
        page.click("#kg-search-button")
        page.wait_for_function("() => window.kgNetwork.getSelectedNodes().length === 1")
        page.wait_for_timeout(700)  # the 400 ms focus animation
        state = page.evaluate("""() => {
          const net = window.kgNetwork;
          const id = net.getSelectedNodes()[0];
          const pos = net.getPositions([id])[id];
          return {id: id, pos: pos, view: net.getViewPosition(), scale: net.getScale(),
                  status: document.getElementById("kg-search-status").textContent,
                  details: document.getElementById("kg-details").textContent};
        }""")
        assert label[state["id"]] == "海门市"
        assert state["status"].startswith("1 / 2") and state["status"].endswith("海门市")
        assert state["details"].startswith("海门市 · place")
        assert abs(state["scale"] - 1.4) < 0.05
        assert abs(state["pos"]["x"] - state["view"]["x"]) < 5
        assert abs(state["pos"]["y"] - state["view"]["y"]) < 5
        page.click("#kg-search-button")  # the next match: 海门市委书记
        page.wait_for_function("() => document.getElementById('kg-search-status')"
                               ".textContent.startsWith('2 / 2')")
        assert label[page.evaluate("() => window.kgNetwork.getSelectedNodes()[0]")] == \
            "海门市委书记"

        # a kind filter hides nodes in the DataSet (they stay there, hidden)
        page.uncheck("input.kg-kind[value=ranking]")
        hidden = {n["label"] for n in drawn(page)["nodes"] if n["hidden"]}
        assert hidden == {n.label for n in nodes if n.kind == "ranking"}
        page.screenshot(path=str(tmp_path / "search.png"))

        assert opened.foreign_requests() == []
        assert opened.errors == []
    finally:
        opened.close()


def test_focus_page_in_chromium(browser, built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "focus.html"
    assert main(["viz", "--graph", str(built), "--focus", "海门", "--out", str(out)]) == 0
    capsys.readouterr()
    opened = Opened(browser, out)
    try:
        page = opened.page
        got = drawn(page)
        labels = {n["label"] for n in got["nodes"]}
        assert {"海门市", "海门市委书记", "陈勇", "2017全国综合实力百强县市"} <= labels
        assert "吴政隆" not in labels
        selected = page.evaluate("() => window.kgNetwork.getSelectedNodes()")
        assert [n["label"] for n in got["nodes"] if n["id"] in selected] == ["海门市"]
        assert page.locator("#kg-details").inner_text().startswith("海门市")
        page.screenshot(path=str(tmp_path / "focus.png"))
        assert opened.foreign_requests() == []
        assert opened.errors == []
    finally:
        opened.close()
