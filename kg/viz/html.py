"""Render nodes and edges as ONE self-contained interactive HTML page (vis-network).

Design decisions, each of which the tests pin down:

* **Offline.** pyvis 0.3.2's own ``template.html`` links Bootstrap from a CDN even with
  ``cdn_resources="in_line"`` and prints the heading unescaped, so we render our own minimal
  page instead of post-processing that one. What we do take from pyvis is the vis-network
  build it bundles (``pyvis/templates/lib/vis-*/``; the version is the one pyvis's template
  inlines) and the way it inlines it: the JS and CSS are copied into ``<script>``/``<style>``.
  The page has no ``src``/``href`` pointing anywhere, and a Content-Security-Policy that forbids
  the browser to fetch anything at all (``default-src 'none'``; only inline code and ``data:``
  images, which vis-network's CSS uses).
* **Deterministic.** Nodes are sorted by id, edges by (source, target, label, tooltip,
  articles), JSON keys are sorted, edge ids are their rank, and vis-network's layout gets a fixed
  ``randomSeed``: the same input gives byte-identical HTML (and the same layout on screen).
* **Fast.** We never call pyvis's ``Network.add_node``/``add_edge`` (a list scan per call, so
  quadratic); the node and edge dicts are built once, in one pass each.
* **Safe.** Article text is text. All data goes into the page as JSON with ``<``, ``>``, ``&``
  (and U+2028/2029) written as ``\\uXXXX`` escapes, so nothing in it can close the ``<script>``
  element; everything shown as HTML (title, heading, legend, ``<option>`` texts) goes through
  :func:`html.escape`. Tooltips are plain strings, which vis-network 9 shows with
  ``innerText``: a title containing ``href`` can not switch anything to HTML tooltips, because
  there is no HTML-tooltip code in the page (pyvis's "tooltip_link" template is not used), and
  the page's own script writes only ``textContent``.
* **Large graphs.** Above ``max_nodes`` nodes we keep the most connected part and the page says
  how many nodes and edges were left out. The part is grown best-first from the node of highest
  degree (degree in the full graph, ties broken by id): the next node kept is always the
  best-connected neighbour of those already kept, and only when that region is used up does the
  next hub start a new one. Keeping the top-degree nodes alone would keep hubs (events, provinces)
  that are rarely linked to each other: a page of dots without edges.
* **Focus.** ``focus=ID`` (``kg viz --focus``) draws that node with a thick border and selects it
  once the layout is done, with its details in the side panel; ``note`` is one line of text under
  the heading (what the page shows).
* **Search.** Matches are label substrings, exact labels first, then labels that start with the
  query, then the rest (each group in id order); Enter or the button steps through them.

Filtering semantics (article ``A`` selected, set of checked kinds ``K``): an edge is shown when
both its ends have a kind in ``K`` and it was stated in ``A`` (an edge that lists no article is
shown when both its ends are in ``A``); a node is shown when its kind is in ``K`` and it is in
``A`` or is an end of a shown edge. Hidden items stay in the vis ``DataSet`` with
``hidden: true``, so the layout does not jump.
"""

from __future__ import annotations

import heapq
import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyvis

from kg.util import atomic_write_bytes

__all__ = ["KINDS", "VizEdge", "VizNode", "render_html", "write_html"]

DEFAULT_MAX_NODES = 2000

# kind -> (Chinese name, colour, vis-network shape, legend glyph). Order = legend order.
_STYLES: dict[str, tuple[str, str, str, str]] = {
    "person": ("人物", "#4e79a7", "dot", "●"),
    "post": ("职务", "#f28e2b", "box", "▬"),
    "place": ("地点", "#59a14f", "triangle", "▲"),
    "event": ("事件", "#e15759", "diamond", "◆"),
    "ranking": ("排名", "#d4a514", "star", "★"),
    "article": ("文章", "#b07aa1", "square", "■"),
    "organization": ("机构", "#76b7b2", "hexagon", "⬢"),
    "other": ("其他", "#9c9c9c", "ellipse", ""),  # CSS-drawn: no common glyph
}
KINDS: tuple[str, ...] = tuple(_STYLES)

# Fonts that cover simplified Chinese on macOS, Windows and Linux, then the generic fallback.
FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
              '"Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif')

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


@dataclass(frozen=True)
class VizNode:
    id: str
    label: str
    kind: str  # one of KINDS; anything else is drawn (and filtered) as "other"
    tooltip: str = ""  # plain text, may contain newlines: evidence sentence + article
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class VizEdge:
    source: str
    target: str
    label: str = ""
    tooltip: str = ""
    articles: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# vis-network, as bundled with pyvis


def _pyvis_templates() -> Path:
    return Path(pyvis.__file__).resolve().parent / "templates"


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", name))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str, str]:
    """(vis-network version dir, JS, CSS), made safe to sit inside <script>/<style>."""
    templates = _pyvis_templates()
    lib = templates / "lib"
    # Prefer the build pyvis's own template inlines for cdn_resources="in_line".
    version = None
    template = templates / "template.html"
    if template.is_file():
        m = re.search(r"include\s+'lib/(vis-[\w.]+)/vis-network\.min\.js'",
                      template.read_text(encoding="utf-8"))
        if m and (lib / m.group(1) / "vis-network.min.js").is_file():
            version = m.group(1)
    if version is None:
        found = sorted((p.parent.name for p in lib.glob("vis-*/vis-network.min.js")),
                       key=_version_key)
        if not found:
            raise RuntimeError(f"no vis-network bundled with pyvis under {lib}")
        version = found[-1]
    js = (lib / version / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / version / "vis-network.css").read_text(encoding="utf-8")
    return version, _inline_safe(js, "script"), _inline_safe(css, "style")


def _inline_safe(code: str, tag: str) -> str:
    """Make sure ``code`` can not end its own <script>/<style> element early."""
    code = re.sub(rf"</(?={tag})", r"<\\/", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


# --------------------------------------------------------------------------------------------
# escaping

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value: object) -> str:
    """JSON that is also a JS expression and can sit inside an HTML <script> element.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where ``\\u003c`` means the same,
    so the escaping changes no value.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


# --------------------------------------------------------------------------------------------
# graph preparation


def _kind(kind: str) -> str:
    return kind if kind in _STYLES else "other"


def _articles(articles: Iterable[str]) -> list[str]:
    return sorted({str(a) for a in articles})


def _edge_key(e: VizEdge) -> tuple[str, str, str, str, tuple[str, ...]]:
    return (e.source, e.target, e.label, e.tooltip, tuple(e.articles))


@dataclass
class _Prepared:
    nodes: list[VizNode]
    edges: list[VizEdge]
    degree: Counter[str]
    total_nodes: int
    total_edges: int


def _prepare(nodes: Iterable[VizNode], edges: Iterable[VizEdge], max_nodes: int) -> _Prepared:
    if max_nodes < 0:
        raise ValueError(f"max_nodes must be >= 0, got {max_nodes}")
    by_id: dict[str, VizNode] = {}
    for n in nodes:
        old = by_id.get(n.id)
        if old is not None and old != n:
            raise ValueError(f"two different nodes share the id {n.id!r}")
        by_id[n.id] = n
    unique: dict[tuple, VizEdge] = {}
    for e in edges:
        if e.source not in by_id or e.target not in by_id:
            missing = e.source if e.source not in by_id else e.target
            raise ValueError(f"edge {e.source!r} -> {e.target!r} refers to unknown node "
                             f"{missing!r}")
        unique.setdefault(_edge_key(e), e)
    all_edges = [unique[k] for k in sorted(unique)]
    degree: Counter[str] = Counter()
    for e in all_edges:
        degree[e.source] += 1
        degree[e.target] += 1
    if len(by_id) > max_nodes:
        keep = _most_connected_part(by_id, all_edges, degree, max_nodes)
    else:
        keep = set(by_id)
    kept_nodes = [by_id[i] for i in sorted(keep)]
    kept_edges = [e for e in all_edges if e.source in keep and e.target in keep]
    kept_degree: Counter[str] = Counter()
    for e in kept_edges:
        kept_degree[e.source] += 1
        kept_degree[e.target] += 1
    return _Prepared(kept_nodes, kept_edges, kept_degree, len(by_id), len(all_edges))


def _most_connected_part(ids: Iterable[str], edges: Iterable[VizEdge], degree: Counter[str],
                         limit: int) -> set[str]:
    """``limit`` nodes grown best-first from the hubs (see the module docstring)."""
    adjacent: dict[str, set[str]] = {}
    for e in edges:
        adjacent.setdefault(e.source, set()).add(e.target)
        adjacent.setdefault(e.target, set()).add(e.source)
    seeds = iter(sorted(ids, key=lambda i: (-degree[i], i)))
    keep: set[str] = set()
    frontier: list[tuple[int, str]] = []
    while len(keep) < limit:
        while frontier and frontier[0][1] in keep:
            heapq.heappop(frontier)
        if frontier:
            node = heapq.heappop(frontier)[1]
        else:
            node = next(i for i in seeds if i not in keep)
        keep.add(node)
        for other in adjacent.get(node, ()):
            if other not in keep:
                heapq.heappush(frontier, (-degree[other], other))
    return keep


def _node_dict(n: VizNode, degree: int, focus: str | None = None) -> dict[str, object]:
    kind = _kind(n.kind)
    d: dict[str, object] = {
        "id": n.id,
        "label": n.label,
        "group": kind,
        "title": n.tooltip or f"{n.label}（{_STYLES[kind][0]}）",
        "articles": _articles(n.articles),
        "value": degree,
    }
    if n.id == focus:
        d["borderWidth"] = 4
        d["font"] = {"size": 18}
    return d


def _edge_dict(rank: int, e: VizEdge) -> dict[str, object]:
    d: dict[str, object] = {"id": f"e{rank}", "from": e.source, "to": e.target,
                            "articles": _articles(e.articles)}
    if e.label:
        d["label"] = e.label
    if e.tooltip or e.label:
        d["title"] = e.tooltip or e.label
    return d


def _darker(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _options(n_nodes: int, n_edges: int) -> dict[str, object]:
    groups = {}
    for kind, (_, color, shape, _) in _STYLES.items():
        border = _darker(color)
        groups[kind] = {
            "shape": shape,
            "color": {"background": color, "border": border,
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}},
        }
    groups["post"]["font"] = {"color": "#ffffff"}
    # Long names (ranking lists, events) wrap instead of running into their neighbours' labels.
    for kind in ("ranking", "event"):
        groups[kind]["widthConstraint"] = {"maximum": 120}
    groups["other"]["font"] = {"color": "#ffffff"}
    big = n_nodes > 500 or n_edges > 1500
    iterations = 1000 if n_nodes <= 200 else 400 if n_nodes <= 1000 else 200
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_STACK, "size": 14, "color": "#222222"},
            "scaling": {"min": 10, "max": 30, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#555555"},
            "font": {"face": FONT_STACK, "size": 11, "color": "#444444", "align": "middle",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": {"enabled": not big, "type": "continuous", "roundness": 0.5},
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                        "multiselect": True, "navigationButtons": False, "keyboard": False},
        "layout": {"randomSeed": 20240601, "improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -100, "centralGravity": 0.01,
                                 "springLength": 120, "springConstant": 0.06,
                                 "avoidOverlap": 0.3},
            "minVelocity": 1,
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 25, "fit": True},
        },
    }


# --------------------------------------------------------------------------------------------
# page


def _legend(kinds: Counter[str]) -> str:
    rows = []
    for kind, (zh, color, shape, glyph) in _STYLES.items():
        if not kinds[kind]:
            continue
        rows.append(
            f'<label class="kg-kind-row" title="{_esc(shape)}">'
            f'<input type="checkbox" class="kg-kind" value="{_esc(kind)}" checked> '
            f'<span class="kg-swatch kg-shape-{_esc(shape)}" style="color:{_esc(color)}">'
            f'{_esc(glyph)}</span> '
            f'{_esc(zh)} <span class="kg-kind-name">{_esc(kind)}</span> '
            f'<span class="kg-count">({kinds[kind]})</span></label>')
    return "\n".join(rows) if rows else '<p class="kg-empty">（无节点）</p>'


def _article_options(articles: Iterable[str]) -> str:
    return "\n".join(f'<option value="{_esc(a)}">{_esc(a)}</option>' for a in articles)


def render_html(nodes: Iterable[VizNode], edges: Iterable[VizEdge], title: str, *,
                max_nodes: int = DEFAULT_MAX_NODES, focus: str | None = None,
                note: str = "") -> str:
    """The whole page as a string. Same input (in any order) -> same bytes.

    ``focus`` is the id of a node to emphasize and select when the page opens; ``note`` one line
    shown under the heading.

    Raises ``ValueError`` for two different nodes with one id, an edge to an unknown node, or a
    ``focus`` that is not among the nodes drawn.
    """
    prep = _prepare(nodes, edges, max_nodes)
    if focus is not None and focus not in {n.id for n in prep.nodes}:
        raise ValueError(f"the focus {focus!r} is not among the nodes drawn")
    version, vis_js, vis_css = _vis_assets()
    node_dicts = [_node_dict(n, prep.degree[n.id], focus) for n in prep.nodes]
    edge_dicts = [_edge_dict(i, e) for i, e in enumerate(prep.edges)]
    data: dict[str, object] = {"nodes": node_dicts, "edges": edge_dicts,
                               "options": _options(len(node_dicts), len(edge_dicts))}
    if focus is not None:
        data["focus"] = focus
    kinds = Counter(d["group"] for d in node_dicts)
    articles = sorted({a for d in node_dicts + edge_dicts for a in d["articles"]})

    omitted_nodes = prep.total_nodes - len(prep.nodes)
    omitted_edges = prep.total_edges - len(prep.edges)
    if omitted_nodes:
        omitted = (
            f'<p id="kg-omitted" class="kg-warning">节点过多：仅显示连接最多的 '
            f'{len(prep.nodes)} 个节点，省略了 {omitted_nodes} 个节点和 {omitted_edges} 条边'
            f'（{omitted_nodes} of {prep.total_nodes} nodes and {omitted_edges} of '
            f'{prep.total_edges} edges left out）。</p>')
    else:
        omitted = ""
    parts = {
        "TITLE": _esc(title),
        "CSP": _esc(_CSP),
        "GENERATOR": _esc(f"kg (pyvis {getattr(pyvis, '__version__', '?')}, {version})"),
        "FONT": FONT_STACK,
        "VIS_CSS": vis_css,
        "VIS_JS": vis_js,
        "STATS": _esc(f"{len(node_dicts)} 个节点 · {len(edge_dicts)} 条边"),
        "OMITTED": omitted,
        "NOTE": f'<p id="kg-note">{_esc(note)}</p>' if note else "",
        "LEGEND": _legend(kinds),
        "ARTICLES": _article_options(articles),
        "DATA": script_json(data),
    }
    # One pass over the template only: substituted text is never searched for placeholders.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _TEMPLATE)


def write_html(path: Path | str, nodes: Iterable[VizNode], edges: Iterable[VizEdge],
               title: str, *, max_nodes: int = DEFAULT_MAX_NODES, focus: str | None = None,
               note: str = "") -> None:
    """Render, then atomically replace ``path`` (temp file in the same folder + os.replace)."""
    path = Path(path)
    data = render_html(nodes, edges, title, max_nodes=max_nodes, focus=focus,
                       note=note).encode("utf-8")
    atomic_write_bytes(path, data)


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@@GENERATOR@@">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
html, body { margin: 0; height: 100%; }
body { font-family: @@FONT@@; color: #222; background: #fafafa;
       display: flex; flex-direction: column; }
header { padding: 6px 14px; border-bottom: 1px solid #ddd; background: #fff; }
header h1 { font-size: 18px; margin: 2px 0; }
header p { margin: 2px 0; font-size: 13px; color: #555; }
.kg-warning { color: #9a3412 !important; }
#kg-main { flex: 1; display: flex; min-height: 0; }
#kg-side { width: 260px; padding: 10px; overflow-y: auto; border-right: 1px solid #ddd;
           background: #fff; font-size: 13px; box-sizing: border-box; }
#kg-network { flex: 1; position: relative; min-width: 0; background: #fff; }
.kg-block { margin: 0 0 12px 0; padding: 0; border: 0; }
.kg-block > label, .kg-block > legend { display: block; font-weight: bold; margin-bottom: 4px; }
.kg-row { display: flex; gap: 4px; }
#kg-search-input { flex: 1; min-width: 0; }
input, select, button { font-family: inherit; font-size: 13px; }
select { width: 100%; }
.kg-kind-row { display: block; padding: 2px 0; cursor: pointer; }
.kg-swatch { font-size: 16px; display: inline-block; width: 18px; text-align: center; }
.kg-shape-ellipse::before { content: ""; display: inline-block; width: 16px; height: 9px;
                            border-radius: 50%; background: currentColor; }
.kg-kind-name, .kg-count { color: #777; }
#kg-search-status { min-height: 1.3em; color: #555; margin-top: 3px; }
#kg-details { white-space: pre-wrap; word-break: break-word; color: #333; }
#kg-loading { position: fixed; right: 16px; bottom: 12px; padding: 4px 10px;
              background: rgba(255, 255, 255, .9); border: 1px solid #ccc; border-radius: 4px;
              font-size: 13px; }
div.vis-tooltip { font-family: @@FONT@@; font-size: 13px; white-space: pre-wrap;
                  max-width: 420px; word-break: break-word; }
</style>
<script>@@VIS_JS@@</script>
</head>
<body>
<header>
<h1>@@TITLE@@</h1>
<p id="kg-stats">@@STATS@@</p>
@@NOTE@@
@@OMITTED@@
</header>
<div id="kg-main">
<aside id="kg-side">
<div class="kg-block">
<label for="kg-search-input">搜索节点</label>
<div class="kg-row"><input id="kg-search-input" type="search" placeholder="名称的一部分">\
<button id="kg-search-button" type="button">搜索</button></div>
<div id="kg-search-status" aria-live="polite"></div>
</div>
<div class="kg-block">
<label for="kg-article">按文章筛选</label>
<select id="kg-article">
<option value="">全部文章</option>
@@ARTICLES@@
</select>
</div>
<fieldset class="kg-block" id="kg-legend">
<legend>图例 · 按类型筛选</legend>
@@LEGEND@@
</fieldset>
<div class="kg-block"><button id="kg-reset" type="button">重置筛选</button></div>
<div class="kg-block" id="kg-details"></div>
</aside>
<div id="kg-network"></div>
</div>
<div id="kg-loading">布局计算中 <span id="kg-progress">0%</span></div>
<script>
var KG_DATA = @@DATA@@;
(function () {
  "use strict";
  var data = KG_DATA;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var hiddenNode = {};
  var hiddenEdge = {};

  // ---- details of the selected node (text only)
  var details = document.getElementById("kg-details");
  function showDetails(id) {
    var n = byId[id];
    if (!n) { details.textContent = ""; return; }
    var lines = [n.label + " · " + n.group, "", n.title];
    if (n.articles.length) { lines.push("", "文章：" + n.articles.join("，")); }
    details.textContent = lines.join("\\n");
  }
  network.on("selectNode", function (p) { showDetails(p.nodes[0]); });
  network.on("deselectNode", function () { details.textContent = ""; });

  var loading = document.getElementById("kg-loading");
  var progress = document.getElementById("kg-progress");
  function layoutDone() {
    loading.style.display = "none";
    if (data.focus && byId[data.focus]) {
      network.selectNodes([data.focus]);
      showDetails(data.focus);
    }
    document.documentElement.setAttribute("data-kg-state", "ready");
  }
  network.on("stabilizationProgress", function (p) {
    progress.textContent = Math.round(100 * p.iterations / Math.max(p.total, 1)) + "%";
  });
  // Lay out once, then stop the simulation so the graph stays still while it is read.
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    layoutDone();
  });
  if (data.nodes.length === 0) { layoutDone(); }

  // ---- filters: kind checkboxes and article select; hidden via DataSet update
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kg-kind"));
  var articleSelect = document.getElementById("kg-article");
  var stats = document.getElementById("kg-stats");
  function has(list, x) { return !!list && list.indexOf(x) >= 0; }
  function applyFilters() {
    var kinds = {};
    kindBoxes.forEach(function (cb) { if (cb.checked) { kinds[cb.value] = true; } });
    var art = articleSelect.value;
    var kindOk = {}, inArt = {}, touched = {};
    data.nodes.forEach(function (n) {
      kindOk[n.id] = kinds[n.group] === true;
      inArt[n.id] = art === "" || has(n.articles, art);
    });
    var edgeUpdates = [], nodeUpdates = [], shownNodes = 0, shownEdges = 0;
    data.edges.forEach(function (e) {
      var stated = art === "" || has(e.articles, art) ||
        (e.articles.length === 0 && inArt[e.from] && inArt[e.to]);
      var show = kindOk[e.from] && kindOk[e.to] && stated;
      if (show) { touched[e.from] = true; touched[e.to] = true; shownEdges++; }
      if ((hiddenEdge[e.id] === true) === show) {
        hiddenEdge[e.id] = !show;
        edgeUpdates.push({id: e.id, hidden: !show});
      }
    });
    data.nodes.forEach(function (n) {
      var show = kindOk[n.id] && (inArt[n.id] || touched[n.id] === true);
      if (show) { shownNodes++; }
      if ((hiddenNode[n.id] === true) === show) {
        hiddenNode[n.id] = !show;
        nodeUpdates.push({id: n.id, hidden: !show});
      }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    stats.textContent = "显示 " + shownNodes + " / " + data.nodes.length + " 个节点 · " +
      shownEdges + " / " + data.edges.length + " 条边";
    lastQuery = null;
  }
  kindBoxes.forEach(function (cb) { cb.addEventListener("change", applyFilters); });
  articleSelect.addEventListener("change", applyFilters);
  document.getElementById("kg-reset").addEventListener("click", function () {
    kindBoxes.forEach(function (cb) { cb.checked = true; });
    articleSelect.value = "";
    applyFilters();
    network.unselectAll();
    details.textContent = "";
    network.fit();
  });

  // ---- search by label substring; repeated searches step through the matches
  var input = document.getElementById("kg-search-input");
  var status = document.getElementById("kg-search-status");
  var lastQuery = null, matches = [], pos = -1;
  function search() {
    var q = input.value.trim().toLowerCase();
    if (q === "") { status.textContent = ""; return; }
    if (q !== lastQuery) {
      lastQuery = q;
      pos = -1;
      // exact labels first, then labels starting with the query, then the rest
      matches = data.nodes.filter(function (n) {
        return !hiddenNode[n.id] && String(n.label).toLowerCase().indexOf(q) >= 0;
      }).map(function (n, i) {
        var label = String(n.label).toLowerCase();
        return {id: n.id, i: i, rank: label === q ? 0 : label.indexOf(q) === 0 ? 1 : 2};
      }).sort(function (a, b) { return a.rank - b.rank || a.i - b.i; })
        .map(function (m) { return m.id; });
    }
    if (matches.length === 0) { status.textContent = "未找到"; return; }
    pos = (pos + 1) % matches.length;
    var id = matches[pos];
    network.selectNodes([id]);
    network.focus(id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    showDetails(id);
    status.textContent = (pos + 1) + " / " + matches.length + "：" + byId[id].label;
  }
  document.getElementById("kg-search-button").addEventListener("click", search);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(); }
  });
  window.kgNetwork = network;
})();
</script>
</body>
</html>
"""
