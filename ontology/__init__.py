"""The kg ontology (kg.ttl) and its SHACL shapes (shapes.ttl), installed as package data
``kg.ontology`` so that ``kg validate`` works from any install."""
