"""What `kg viz` draws: who spoke where, rankings, --focus neighbourhoods, large graphs."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg import graph as kgg
from kg.build import build
from kg.cli import main
from kg.store.oxigraph import open_store
from kg.viz.views import build_view, focus_view, venue_id
from tests.viz.test_html import Page, external_refs, page_data

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
FORUM = "全省县委书记工作讲坛"
RANKINGS = {"2017全国新型城镇化质量百强县市", "2017全国综合实力百强县市",
            "2017年度全国创新创业(双创)百强县市"}


@pytest.fixture(scope="module")
def store(built: Path):
    return open_store(built)


@pytest.fixture(scope="module")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All test articles (about 100) built once for this module, without the page."""
    out = tmp_path_factory.mktemp("multi") / "out"
    summary = build([ARTICLES], out, progress=False, html=False, echo=lambda _msg: None)
    assert summary.articles > 50
    return out


def labelled(nodes, edges) -> set[tuple[str, str, str]]:
    label = {n.id: n.label for n in nodes}
    return {(label[e.source], label[e.target], e.label) for e in edges}


# ---------------------------------------------------------------------------------------------
# the views


def test_people_view_says_who_spoke_where(store) -> None:
    nodes, edges = build_view(store, "people")
    got = labelled(nodes, edges)
    assert ("陈勇", FORUM, "发言@海门分会场") in got
    assert ("陆志鹏", FORUM, "出席@南通分会场") in got
    assert ("吴政隆", FORUM, "主持") in got
    assert ("娄勤俭", FORUM, "讲话") in got
    # the event's venues are nodes of their own, each saying who was there
    assert {(FORUM, "南通分会场", "会场"), (FORUM, "海门分会场", "会场")} <= got
    by_id = {n.id: n for n in nodes}
    forum = next(n for n in nodes if n.label == FORUM)
    venue = by_id[venue_id(forum.id, "海门分会场")]
    assert venue.kind == "place" and "发言：陈勇" in venue.tooltip
    assert "会场：南通分会场、海门分会场" in forum.tooltip
    # evidence: the sentence and the article on every participation edge
    chen = next(e for e in edges if by_id[e.source].label == "陈勇")
    assert "陈勇" in chen.tooltip and "jiangsu-county-secretaries-forum.txt" in chen.tooltip
    assert {n.kind for n in nodes} == {"person", "event", "place"}
    assert len(edges) == len(set(edges))


def test_people_view_has_event_locations(multi: Path) -> None:
    nodes, edges = build_view(open_store(multi), "people")
    kind = {n.id: n.kind for n in nodes}
    located = [e for e in edges if e.label == "地点"]
    assert located
    assert all(kind[e.source] == "event" and kind[e.target] == "place" for e in located)
    assert all("的地点：" in e.tooltip for e in located)


def test_rankings_view_puts_the_rank_on_the_edge(store) -> None:
    nodes, edges = build_view(store, "rankings")
    assert {n.kind for n in nodes} == {"place", "ranking"}
    got = labelled(nodes, edges)
    assert ("海门市", "2017全国综合实力百强县市", "第21位") in got
    assert ("海门市", "2017年度全国创新创业(双创)百强县市", "第20位") in got
    assert {n.label for n in nodes if n.kind == "ranking"} == RANKINGS


def test_unknown_view_is_refused(store) -> None:
    with pytest.raises(ValueError, match="unknown view"):
        build_view(store, "everything")


# ---------------------------------------------------------------------------------------------
# --focus


def test_focus_holds_the_two_hop_neighbourhood_and_nothing_else(store) -> None:
    G = kgg.entity_graph(store)
    center = kgg.resolve(G, "海门市")
    fv = focus_view(store, "海门", hops=2)  # the short name resolves
    assert fv.center == center and fv.label == "海门市" and fv.hops == 2
    labels = {n.label for n in fv.nodes}
    # exactly what `kg graph neighbors 海门市 --hops 2` lists, plus the entity itself
    assert labels == {"海门市"} | {label for _, _, label, _ in kgg.neighbors(G, center, 2)}
    kinds = {n.label: n.kind for n in fv.nodes}
    assert kinds["海门市委书记"] == "post" and kinds["陈勇"] == "person"
    assert {label for label, kind in kinds.items() if kind == "ranking"} == RANKINGS
    assert {"南通市", "江苏省", "启东市"} <= labels
    # three hops or more away: the forum 陈勇 spoke at, who presided, the provincial posts
    for far in (FORUM, "吴政隆", "娄勤俭", "江苏省委书记", "海门分会场", "玄武区"):
        assert far not in labels
    edges = labelled(fv.nodes, fv.edges)
    assert ("海门市", "2017全国综合实力百强县市", "第21位") in edges
    assert ("陈勇", "海门市委书记", "任职") in edges
    assert ("海门市委书记", "海门市", "辖区") in edges
    assert ("海门市", "南通市", "隶属") in edges  # a relation only the entity graph draws
    ids = {n.id for n in fv.nodes}
    assert all(e.source in ids and e.target in ids for e in fv.edges)
    rank = next(e for e in fv.edges if e.label == "第21位" and e.source == center)
    assert "21" in rank.tooltip and "jiangsu-county-secretaries-forum.txt" in rank.tooltip


def test_focus_hops_and_views(store) -> None:
    one = {n.label for n in focus_view(store, "海门市", hops=1).nodes}
    assert "海门市委书记" in one and "陈勇" not in one and "启东市" not in one
    assert {n.label for n in focus_view(store, "海门市", hops=0).nodes} == {"海门市"}
    ranks = focus_view(store, "海门市", view="rankings")
    assert {n.kind for n in ranks.nodes} == {"place", "ranking"}
    assert "海门市委书记" not in {n.label for n in ranks.nodes}
    people = focus_view(store, "陈勇", hops=1, view="people")
    assert {n.label for n in people.nodes} == {"陈勇", FORUM}
    # a venue hangs off an event inside the neighbourhood
    venues = {n.label for n in focus_view(store, "陈勇", hops=2, view="people").nodes}
    assert {"海门分会场", "南通分会场", "吴政隆"} <= venues


def test_cli_focus_writes_the_neighbourhood_in_full(built: Path, tmp_path: Path,
                                                    capsys) -> None:
    out = tmp_path / "haimen.html"
    assert main(["viz", "--graph", str(built), "--focus", "海门", "--out", str(out)]) == 0
    assert "海门市 and everything within 2 hops, in full" in capsys.readouterr().out
    text = out.read_text("utf-8")
    data = page_data(text)
    fv = focus_view(open_store(built), "海门市")
    assert {n["label"] for n in data["nodes"]} == {n.label for n in fv.nodes}
    assert data["focus"] == fv.center
    focus_node = next(n for n in data["nodes"] if n["id"] == fv.center)
    assert focus_node["borderWidth"] > 1
    page = Page(text)
    assert not page.find("p", id="kg-omitted")
    note = [t for t in page.texts["p"] if "2 跳以内" in t]
    assert note and "海门市" in note[0] and "in full" in note[0]
    assert "海门市" in page.texts["h1"][0]
    assert external_refs(text) == []


def test_cli_focus_ambiguous_or_unknown_exits_2(built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.html"
    assert main(["viz", "--graph", str(built), "--focus", "南", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ambiguous" in err and "南京市" in err and "南通市" in err
    assert err.count("\n") == 1  # one line, no traceback
    assert main(["viz", "--graph", str(built), "--focus", "不存在的地方", "--out", str(out)]) == 2
    assert "no node is named" in capsys.readouterr().err
    assert main(["viz", "--graph", str(built), "--hops", "3", "--out", str(out)]) == 2
    assert "--focus" in capsys.readouterr().err
    assert main(["viz", "--graph", str(built), "--focus", "海门", "--hops", "-1",
                 "--out", str(out)]) == 2
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# large graphs


def test_multi_article_page_with_small_max_nodes_says_what_was_left_out(
        multi: Path, tmp_path: Path, capsys) -> None:
    nodes, edges = build_view(open_store(multi), "all")
    total = len(nodes)
    assert total > 500
    out = tmp_path / "big.html"
    assert main(["viz", "--graph", str(multi), "--max-nodes", "40", "--out", str(out)]) == 0
    assert f"{total - 40} left out" in capsys.readouterr().out
    text = out.read_text("utf-8")
    data = page_data(text)
    assert len(data["nodes"]) == 40
    notice = [t for t in Page(text).texts["p"] if "left out" in t]
    assert notice
    assert f"省略了 {total - 40} 个节点" in notice[0]
    assert f"{total - 40} of {total} nodes" in notice[0]
    assert f"of {len(edges)} edges left out" in notice[0]
    # the part kept is the most connected one: linked, not 40 unconnected hubs
    kept = nx.Graph()
    kept.add_nodes_from(n["id"] for n in data["nodes"])
    kept.add_edges_from((e["from"], e["to"]) for e in data["edges"])
    assert nx.is_connected(kept)


def test_multi_article_focus_is_never_cut(multi: Path, tmp_path: Path) -> None:
    store = open_store(multi)
    G = kgg.entity_graph(store)

    def unique_name(node: str) -> bool:
        try:
            return kgg.resolve(G, G.nodes[node]["label"]) == node
        except kgg.UnknownName:
            return False

    hub = next(n for n in sorted(G.nodes, key=lambda n: (-G.degree(n), n)) if unique_name(n))
    name = G.nodes[hub]["label"]
    fv = focus_view(store, name, hops=2)
    assert len(fv.nodes) > 40
    out = tmp_path / "hub.html"
    assert main(["viz", "--graph", str(multi), "--focus", name, "--out", str(out)]) == 0
    text = out.read_text("utf-8")
    assert len(page_data(text)["nodes"]) == len(fv.nodes)
    assert "left out" not in text
    assert main(["viz", "--graph", str(multi), "--focus", name, "--max-nodes", "10",
                 "--out", str(out)]) == 2  # a focus is drawn in full


def test_render_refuses_a_focus_that_is_not_drawn() -> None:
    from kg.viz import VizNode, render_html

    nodes = [VizNode("a", "甲", "person"), VizNode("b", "乙", "place")]
    with pytest.raises(ValueError, match="focus"):
        render_html(nodes, [], "t", focus="zz")
    with pytest.raises(ValueError, match="focus"):
        render_html(nodes, [], "t", focus="b", max_nodes=1)  # "b" is cut: ties go by id
    data = page_data(render_html(nodes, [], "t", focus="b", note="<b>说明</b>"))
    assert data["focus"] == "b"
    assert "focus" not in page_data(render_html(nodes, [], "t"))
    assert "&lt;b&gt;说明&lt;/b&gt;" in render_html(nodes, [], "t", note="<b>说明</b>")


def test_viz_lang_en_draws_english_labels(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.html"
    assert main(["viz", "--graph", str(built), "--out", str(out), "--lang", "en"]) == 0
    page = out.read_text("utf-8")
    for label in ("Wu Zhenglong", "Chen Yong", "Haimen",
                  "Secretary of the Haimen Municipal Party Committee"):
        assert label in page, label
    assert not external_refs(page)
    nodes, edges = build_view(open_store(built), "all", "en")
    labels = {n.label for n in nodes}
    assert "Wu Zhenglong" in labels and "吴政隆" not in labels
    assert {"presided", "holds", "No. 21"} <= {e.label for e in edges}
    zh_nodes, _ = build_view(open_store(built), "all")
    assert len(zh_nodes) == len(nodes)  # the same graph, other words


def test_viz_focus_resolves_chinese_names_on_an_english_page(built: Path) -> None:
    fv = focus_view(open_store(built), "海门", 1, "all", "en")
    assert fv.label == "Haimen"
