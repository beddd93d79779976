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
