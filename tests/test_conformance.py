"""Build output must always conform to the SHACL shapes, on every article we have."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.validate import validate

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def test_all_test_articles_build_into_a_conforming_graph(tmp_path: Path) -> None:
    build([ARTICLES], tmp_path, progress=False, html=False)
    ok, report = validate(tmp_path)
    assert ok, report


def test_namesakes_in_different_places_stay_apart_but_are_linked(tmp_path: Path) -> None:
    a = tmp_path / "in" / "x1.txt"
    b = tmp_path / "in" / "x2.txt"
    a.parent.mkdir()
    a.write_text("标题一\n6月1日,温州市召开会议。温州市委书记周立新出席会议并讲话。\n", "utf-8")
    b.write_text("标题二\n6月2日,台州市召开会议。台州市委书记周立新出席会议并讲话。\n", "utf-8")
    c = tmp_path / "in" / "x3.txt"
    c.write_text("标题三\n6月3日,温州市召开会议。温州市委书记周立新主持会议。\n", "utf-8")
    out = tmp_path / "out"
    build([a.parent], out, progress=False, html=False)
    from kg.query.runner import select
    from kg.store.oxigraph import open_store

    store = open_store(out)
    _, rows = select(store, 'SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label "周立新"@zh }')
    assert len(rows) == 2  # Wenzhou's (two articles, one node) and Taizhou's
    _, links = select(store, "SELECT ?a ?b WHERE { ?a kg:possiblySameAs ?b }")
    assert len(links) == 2  # one link, stated both ways


def test_a_list_without_ranks_goes_through_tables_queries_and_the_view(tmp_path: Path) -> None:
    src = tmp_path / "in" / "m1.txt"
    src.parent.mkdir()
    src.write_text("标题\n发布时间:2020-03-02\n会上,永登县、榆中县获评2019年度全省县域经济发展进步奖。"
                   "皋兰县在2019年度全省县域经济综合考核中位列第三。\n", "utf-8")
    out = tmp_path / "out"
    build([src.parent], out, progress=False)
    ok, report = validate(out)
    assert ok, report
    import csv

    with open(out / "tables" / "rankings.csv", encoding="utf-8") as fh:
        rows = {(r["list"], r["rank"], r["place"]) for r in csv.DictReader(fh)}
    assert rows == {("2019年度全省县域经济发展进步奖", "", "永登县"),
                    ("2019年度全省县域经济发展进步奖", "", "榆中县"),
                    ("2019年度全省县域经济综合考核", "3", "皋兰县")}
    from kg.query.runner import load_bundled, select
    from kg.store.oxigraph import open_store

    store = open_store(out)
    for name in ("rankings-by-list", "rankings"):
        variables, got = select(store, load_bundled(name))
        got = [dict(zip(variables, r, strict=True)) for r in got]
        assert {(r["list"], r["place"]) for r in got if not r["rank"]} == {
            ("2019年度全省县域经济发展进步奖", "永登县"), ("2019年度全省县域经济发展进步奖", "榆中县")}
    html = (out / "graph.html").read_text("utf-8")
    assert "上榜" in html and "第3位" in html


def test_a_post_of_a_renamed_city_is_its_own_node_with_one_label(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("标题\n发布时间:2008-12-27\n襄樊市委书记王海林出席会议并讲话。\n", "utf-8")
    (src / "b.txt").write_text("标题\n发布时间:2012-03-13\n襄阳市委书记李建国出席会议并讲话。\n", "utf-8")
    out = tmp_path / "out"
    build([src], out, progress=False, html=False)
    from kg.query.runner import select
    from kg.store.oxigraph import open_store

    _, rows = select(open_store(out), 'SELECT ?post (COUNT(?l) AS ?n) WHERE { ?post a kg:Post ; '
                                      'rdfs:label ?l FILTER(LANG(?l) = "zh") } GROUP BY ?post')
    assert len(rows) == 2 and all(int(n) == 1 for _, n in rows)
