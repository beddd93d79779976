"""kg.viz.article_view gives the rows the view's queries give on the same article's triples:
graph.html still draws what the graph says."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.bench import Generator
from kg.ingest.reader import IngestError, bundled_article, decode_document, read_document
from kg.pipeline import run
from kg.query.article_tables import Unsupported
from kg.rdf.mapper import map_facts_ox
from kg.rdf.serialize import ntriples_of
from kg.store.oxigraph import GraphStore
from kg.viz import article_view
from kg.viz.views import view_rows

ARTICLES = Path(__file__).parent.parent / "data" / "articles"


def _sorted(rows: dict) -> dict:
    return {k: sorted(tuple(r.items()) for r in v) for k, v in rows.items()}


def _both(triples: list) -> tuple[dict, dict]:
    mem = ox.Store()
    mem.load(ntriples_of(triples).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return (_sorted(article_view.view_rows(triples)),
            _sorted(view_rows(GraphStore(mem, None), "all", "zh")))


def _triples(doc) -> list:
    facts = run(doc)
    return list(map_facts_ox(facts, facts.context["lookup_parent"]))


def test_every_test_article() -> None:
    compared = rows = 0
    for path in sorted(p for p in ARTICLES.iterdir() if p.is_file()) + [bundled_article()]:
        try:
            doc = read_document(path)
        except IngestError:
            continue
        fast, sparql = _both(_triples(doc))
        assert fast == sparql, path.name
        compared += 1
        rows += sum(len(v) for v in fast.values())
    assert compared > 200 and rows > 3000


def test_generated_articles() -> None:
    gen = Generator(11)
    for i in range(40):
        doc = decode_document(gen.article(i).encode("utf-8"), Path(f"g{i}.txt"))
        fast, sparql = _both(_triples(doc))
        assert fast == sparql, i


def test_edited_view_queries_switch_the_evaluator_off(monkeypatch) -> None:
    monkeypatch.setattr(article_view, "WRITTEN_FOR", "something else")
    with pytest.raises(Unsupported):
        article_view.view_rows([])
