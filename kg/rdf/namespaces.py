"""Namespaces used by the graph (one place, so prefixes are identical in every export)."""

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/cnpolkg/ns#")
ID = Namespace("https://w3id.org/cnpolkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")

PREFIXES = {
    "kg": KG, "id": ID, "org": ORG, "schema": SCHEMA, "prov": PROV, "qb": QB, "rdf": RDF,
    "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "owl": OWL,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
