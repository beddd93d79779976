"""kg.graph on the bundled article's graph (facts of the seed are fine to assert in tests)."""

from __future__ import annotations

import pytest

from kg import graph as kgg
from kg.cli import main
from kg.store.oxigraph import open_store


@pytest.fixture(scope="module")
def G(built):
    return kgg.entity_graph(open_store(built))


def test_entity_graph_has_kinds_and_relations(G) -> None:
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert {"person", "post", "place", "event", "ranking"} <= kinds
    rels = {d["relation"] for _, _, d in G.edges(data=True)}
    assert {"presided", "gaveSpeech", "holds", "rankedIn", "parent"} <= rels


def test_resolve_by_label_short_form_and_pinyin(G) -> None:
    node = kgg.resolve(G, "海门市")
    assert kgg.resolve(G, "海门") == node  # the renamed successor does not make it ambiguous
    assert kgg.resolve(G, "Haimenshi") == node
    with pytest.raises(kgg.UnknownName) as err:
        kgg.resolve(G, "南")
    assert len(err.value.candidates) >= 2


def test_path_is_explained_in_words(G) -> None:
    a, b = kgg.resolve(G, "陈勇"), kgg.resolve(G, "吴政隆")
    assert kgg.path(G, a, b) == ["陈勇", "—发言→", "全省县委书记工作讲坛", "←主持—", "吴政隆"]


def test_rank_on_ranking_edges(G) -> None:
    node = kgg.resolve(G, "海门市")
    got = {(rel, label) for _, rel, label, kind in kgg.neighbors(G, node) if kind == "ranking"}
    assert ("—第21位→", "2017全国综合实力百强县市") in got


def test_co_participation_and_communities(G) -> None:
    P = kgg.co_participation(G)
    assert P.number_of_nodes() == 17  # everyone who took part in the forum
    assert kgg.communities(G)[0][0]
    top = kgg.central(G, "place", "pagerank", 3)
    assert len(top) == 3 and top[0][1] > 0


def test_cli_ambiguous_name_exits_2(built, capsys) -> None:
    assert main(["graph", "neighbors", "南", "--graph", str(built)]) == 2
    assert "ambiguous" in capsys.readouterr().err
