"""Facts -> RDF triples under the kg ontology: IRIs, statement nodes and provenance."""
