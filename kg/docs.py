"""``kg docs``: the ontology's HTML documentation and the JSON-LD context, both from kg.ttl.

Both are generated from ``ontology/kg.ttl`` so that they cannot drift from it (a test
regenerates them and compares). The page is written here rather than by pyLODE: pyLODE 3.4.1,
the newest on our index, fails on import when installed from its wheel (it reads its own
``pyproject.toml``), and its pages load fonts and scripts from CDNs; ours is one static page
with inline CSS, no script and nothing fetched, and the same ontology gives the same bytes.

The context maps every class and property of the ontology to a short term (``Person``,
``holds``, ``jurisdiction``), types object properties as ``@id`` and typed literals by their
range, and reads ``rdfs:label`` as a language map, so an export reads::

    {"@id": "id:place/320684_海门市", "@type": "Place",
     "label": {"zh": "海门市", "en": "Haimen", "zh-latn-pinyin": "Haimen Shi"}, ...}
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.rdf.namespaces import KG, PREFIXES

DCTERMS = URIRef("http://purl.org/dc/terms/")
ONTOLOGY_IRI = URIRef("https://w3id.org/cnpolkg/ns")

# Terms for the few non-kg IRIs the mapper writes (their local names, prefixed where they
# would clash with a kg term).
_EXTERNAL_TERMS = {
    "holds": ("org:holds", "@id"),
    "postIn": ("org:postIn", "@id"),
    "wasDerivedFrom": ("prov:wasDerivedFrom", "@id"),
    "name": ("schema:name", None),
    "headline": ("schema:headline", None),
    "datePublished": ("schema:datePublished", "xsd:dateTime"),
    "notation": ("skos:notation", None),
}
_TYPED_RANGES = {XSD.integer: "xsd:integer", XSD.decimal: "xsd:decimal", XSD.date: "xsd:date",
                 XSD.dateTime: "xsd:dateTime"}


def load_ontology() -> Graph:
    from kg.build import ontology_path

    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


def _local(iri: URIRef) -> str:
    return str(iri).removeprefix(str(KG))


def _curie(iri) -> str:
    s = str(iri)
    for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if s.startswith(str(ns)):
            return f"{p}:{s[len(str(ns)):]}"
    for p, ns in (("dcterms", str(DCTERMS)),):
        if s.startswith(ns):
            return f"{p}:{s[len(ns):]}"
    return s


def _kg_terms(g: Graph, kind: URIRef) -> list[URIRef]:
    return sorted((s for s in g.subjects(RDF.type, kind)
                   if isinstance(s, URIRef) and str(s).startswith(str(KG))), key=str)


def jsonld_context(g: Graph | None = None) -> dict:
    """The JSON-LD context for kg graphs (see the module docstring)."""
    g = g if g is not None else load_ontology()
    ctx: dict[str, object] = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    ctx["label"] = {"@id": "rdfs:label", "@container": "@language"}
    for term, (iri, typ) in _EXTERNAL_TERMS.items():
        ctx[term] = {"@id": iri, "@type": typ} if typ else {"@id": iri}
    for cls in _kg_terms(g, OWL.Class):
        ctx[_local(cls)] = _curie(cls)
    for ind in _kg_terms(g, OWL.NamedIndividual):
        ctx[_local(ind)] = _curie(ind)
    for prop in _kg_terms(g, OWL.ObjectProperty):
        ctx[_local(prop)] = {"@id": _curie(prop), "@type": "@id"}
    for prop in _kg_terms(g, OWL.DatatypeProperty):
        typ = _TYPED_RANGES.get(g.value(prop, RDFS.range))
        ctx[_local(prop)] = {"@id": _curie(prop), "@type": typ} if typ else {"@id": _curie(prop)}
    return {"@context": ctx}


def context_text(g: Graph | None = None) -> str:
    return json.dumps(jsonld_context(g), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# -- the HTML page -------------------------------------------------------------------------------
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;max-width:60em;
margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:2em}
h3{margin-bottom:.2em;font-size:1.1em}code{background:#f4f4f4;padding:0 .2em}
.term{border-left:3px solid #4e79a7;padding:.2em 0 .2em .8em;margin:1em 0}
dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.3em 0}
dt{color:#555}dd{margin:0}nav ul{columns:3}
"""


def _lit(g: Graph, s, p, lang: str | None = None) -> str:
    vals = sorted(str(o) for o in g.objects(s, p)
                  if isinstance(o, Literal) and (lang is None or o.language == lang))
    return "; ".join(vals)


def _link(iri) -> str:
    c = _curie(iri)
    if str(iri).startswith(str(KG)):
        return f'<a href="#{html.escape(_local(iri))}"><code>{html.escape(c)}</code></a>'
    return f'<a href="{html.escape(str(iri))}"><code>{html.escape(c)}</code></a>'


def _links(iris) -> str:
    return ", ".join(_link(i) for i in sorted(iris, key=str))


def _term(g: Graph, t: URIRef, rows: list[tuple[str, str]]) -> str:
    name = _local(t)
    zh, en = _lit(g, t, RDFS.label, "zh"), _lit(g, t, RDFS.label, "en")
    out = [f'<section class="term" id="{html.escape(name)}">',
           f"<h3>{html.escape(name)} <small>{html.escape(en)} · {html.escape(zh)}</small></h3>",
           f"<p>{html.escape(_lit(g, t, SKOS.definition))}</p>", "<dl>",
           f"<dt>IRI</dt><dd><code>{html.escape(str(t))}</code></dd>"]
    out += [f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v]
    out.append("</dl></section>")
    return "\n".join(out)


def ontology_html(g: Graph | None = None) -> str:
    """The documentation page: every class, property and individual of kg.ttl."""
    g = g if g is not None else load_ontology()
    classes = _kg_terms(g, OWL.Class)
    objprops = _kg_terms(g, OWL.ObjectProperty)
    dataprops = _kg_terms(g, OWL.DatatypeProperty)
    individuals = _kg_terms(g, OWL.NamedIndividual)
    props = objprops + dataprops
    title = _lit(g, ONTOLOGY_IRI, RDFS.label, "en")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{html.escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        f"<h1>{html.escape(title)} <small>{html.escape(_lit(g, ONTOLOGY_IRI, RDFS.label, 'zh'))}"
        "</small></h1>",
        f"<p>{html.escape(_lit(g, ONTOLOGY_IRI, DCTERMS + 'description'))}</p>",
        f"<p>IRI <code>{html.escape(str(ONTOLOGY_IRI))}</code> · version "
        f"{html.escape(_lit(g, ONTOLOGY_IRI, OWL.versionInfo))} · generated from "
        "<code>ontology/kg.ttl</code> by <code>kg docs</code>; the JSON-LD context is "
        "<code>ontology/context.jsonld</code>.</p>",
        "<h2 id=\"labels\">Labels</h2>",
        "<p>Every person, place, post, organization, event, ranking list and speech has exactly "
        "one <code>rdfs:label</code> in each of three languages: Chinese (<code>@zh</code>), "
        "pinyin without tones (<code>@zh-Latn-pinyin</code>, written lower-case "
        "<code>zh-latn-pinyin</code> by rdflib and Oxigraph) and English (<code>@en</code>). "
        "Pick one with <code>FILTER(LANG(?label) = \"en\")</code>; the bundled queries bind "
        "<code>$lang</code> from <code>kg query --lang</code>.</p>",
        "<h2>Namespaces</h2><dl>",
        *[f"<dt><code>{p}:</code></dt><dd><code>{html.escape(str(ns))}</code></dd>"
          for p, ns in sorted(PREFIXES.items())],
        "</dl>", "<nav><h2>Contents</h2>",
        "<h3>Classes</h3><ul>", *[f"<li>{_link(c)}</li>" for c in classes], "</ul>",
        "<h3>Object properties</h3><ul>", *[f"<li>{_link(p)}</li>" for p in objprops], "</ul>",
        "<h3>Datatype properties</h3><ul>", *[f"<li>{_link(p)}</li>" for p in dataprops],
        "</ul>", "<h3>Individuals</h3><ul>", *[f"<li>{_link(i)}</li>" for i in individuals],
        "</ul></nav>", "<h2>Classes</h2>"]
    for c in classes:
        parts.append(_term(g, c, [
            ("subclass of", _links(g.objects(c, RDFS.subClassOf))),
            ("subclasses", _links(g.subjects(RDFS.subClassOf, c))),
            ("properties", _links(p for p in props if (p, RDFS.domain, c) in g)),
            ("used by", _links(p for p in props if (p, RDFS.range, c) in g)),
            ("members", _links(i for i in individuals if (i, RDF.type, c) in g)),
        ]))
    for heading, group in (("Object properties", objprops), ("Datatype properties", dataprops)):
        parts.append(f"<h2>{heading}</h2>")
        for p in group:
            parts.append(_term(g, p, [
                ("domain", _links(g.objects(p, RDFS.domain))),
                ("range", _links(g.objects(p, RDFS.range))),
                ("subproperty of", _links(g.objects(p, RDFS.subPropertyOf))),
                ("characteristics", _links(o for o in g.objects(p, RDF.type)
                                           if o not in (OWL.ObjectProperty,
                                                        OWL.DatatypeProperty))),
            ]))
    parts.append("<h2>Individuals</h2>")
    for i in individuals:
        parts.append(_term(g, i, [
            ("type", _links(o for o in g.objects(i, RDF.type) if o != OWL.NamedIndividual)),
            ("notation", html.escape(_lit(g, i, SKOS.notation))),
        ]))
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def write_docs(html_out: Path, context_out: Path | None) -> list[Path]:
    """Write the page (and the context, if asked); returns what was written."""
    from kg.util import atomic_write_text

    g = load_ontology()
    html_out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(html_out, ontology_html(g))
    written = [html_out]
    if context_out is not None:
        context_out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(context_out, context_text(g))
        written.append(context_out)
    return written
