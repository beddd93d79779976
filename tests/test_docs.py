"""kg docs: the ontology page and the JSON-LD context are current and complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib.namespace import OWL, RDF

from kg.cli import main
from kg.docs import context_text, load_ontology, ontology_html
from kg.rdf.namespaces import KG

REPO = Path(__file__).resolve().parent.parent


def test_committed_ontology_page_is_current() -> None:
    page = REPO / "docs" / "ontology.html"
    assert page.read_text("utf-8") == ontology_html(), \
        "docs/ontology.html is stale: run `kg docs` at the repository root and commit it"


def test_committed_context_is_current() -> None:
    ctx = REPO / "ontology" / "context.jsonld"
    assert ctx.read_text("utf-8") == context_text(), \
        "ontology/context.jsonld is stale: run `kg docs` at the repository root and commit it"


def test_page_documents_every_class_and_property_and_fetches_nothing() -> None:
    g = load_ontology()
    page = ontology_html(g)
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual):
        terms = [t for t in g.subjects(RDF.type, kind) if str(t).startswith(str(KG))]
        assert terms
        for t in terms:
            assert f'id="{str(t)[len(str(KG)):]}"' in page, t
    assert "<script" not in page
    assert not re.search(r"""(?:src|href)=["']https?://[^"']*\.(?:js|css)""", page)
    assert "zh-Latn-pinyin" in page


def test_context_maps_every_term() -> None:
    ctx = json.loads(context_text())["@context"]
    assert ctx["label"] == {"@id": "rdfs:label", "@container": "@language"}
    assert ctx["Person"] == "kg:Person"
    assert ctx["jurisdiction"] == {"@id": "kg:jurisdiction", "@type": "@id"}
    assert ctx["date"] == {"@id": "kg:date", "@type": "xsd:date"}


def test_kg_docs_writes_both(tmp_path: Path, capsys) -> None:
    html, ctx = tmp_path / "o.html", tmp_path / "c.jsonld"
    assert main(["docs", "--out", str(html), "--context", str(ctx)]) == 0
    assert html.read_text("utf-8") == ontology_html()
    assert json.loads(ctx.read_text("utf-8"))["@context"]["holds"]["@id"] == "org:holds"
