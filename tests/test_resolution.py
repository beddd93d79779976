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


def _links(out: Path) -> set[tuple[str, str]]:
    _, rows = select(open_store(out), "SELECT ?a ?b WHERE { GRAPH ?g { ?a kg:possiblySameAs ?b } }")
    _, default = select(open_store(out), "SELECT ?a ?b WHERE { ?a kg:possiblySameAs ?b }")
    assert sorted(map(tuple, rows)) == sorted(map(tuple, default))  # the union holds them too
    return {tuple(r) for r in rows}


def test_an_incremental_build_links_namesakes_as_a_full_build_does(tmp_path: Path) -> None:
    """The links are patched for the names of the changed articles only; after adding,
    changing and removing articles they must equal a build from scratch."""
    def meeting(city: str, secretary: str, day: int) -> str:
        return (f"会议\n2023年5月{day}日,{city}召开全市安全生产工作会议。"
                f"市委书记{secretary}主持会议,市长王海涛出席。\n")

    src = tmp_path / "src"
    src.mkdir()
    out = tmp_path / "out"
    steps = [
        {"a.txt": meeting("苏州市", "张伟", 6), "b.txt": meeting("无锡市", "张伟", 7)},
        {"c.txt": meeting("常州市", "张伟", 8)},                      # a third 张伟, new article
        {"b.txt": meeting("无锡市", "李强", 9)},                      # 张伟 of Wuxi replaced
        {"a.txt": None},                                              # an article removed
        {"d.txt": meeting("南通市", "李强", 10), "c.txt": None},
    ]
    for step in steps:
        for name, text in step.items():
            if text is None:
                (src / name).unlink()
            else:
                (src / name).write_text(text, "utf-8")
        build([src], out, progress=False, html=False, sync=True, echo=lambda _m: None)
        fresh = tmp_path / f"fresh{len(list(tmp_path.iterdir()))}"
        build([src], fresh, progress=False, html=False, echo=lambda _m: None)
        assert _links(out) == _links(fresh)
    assert len(_links(out)) == 2 + 2  # 王海涛 of two cities, 李强 of two cities
