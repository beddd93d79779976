"""Cross-article people: kg:possiblySameAs links namesakes, by their Chinese names only."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.query.runner import select
from kg.store.oxigraph import open_store


def test_namesakes_are_linked_but_names_that_only_romanize_alike_are_not(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("会议\n2023年5月6日,苏州市召开全市安全生产工作会议。市委书记张伟主持会议。\n", "utf-8")
    (src / "b.txt").write_text("会议\n2023年6月6日,无锡市召开全市招商工作会议。市委书记张伟主持会议。\n", "utf-8")
    (src / "c.txt").write_text("会议\n2023年7月6日,常州市召开全市防汛工作会议。市委书记章伟主持会议。\n", "utf-8")
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, echo=lambda _m: None)
    _, rows = select(open_store(out), "SELECT ?a ?b WHERE { ?a kg:possiblySameAs ?b . "
                                      "?a rdfs:label ?la . ?b rdfs:label ?lb "
                                      "FILTER(LANG(?la) = 'zh' && LANG(?lb) = 'zh') }")
    names = sorted((r[0].rsplit("/", 1)[-1], r[1].rsplit("/", 1)[-1]) for r in rows)
    assert len(names) == 2  # 张伟 of Suzhou and 张伟 of Wuxi, both ways; not 章伟 (Zhang Wei too)
