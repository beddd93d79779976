"""Interactive views of the graph: one self-contained, offline HTML page per graph.

The page is drawn by vis-network as bundled with pyvis (the project's declared renderer) and
inlined, so it opens from ``file://`` without asking any other host for anything.
"""

from kg.viz.html import KINDS, VizEdge, VizNode, render_html, write_html

__all__ = ["KINDS", "VizEdge", "VizNode", "render_html", "write_html"]
