"""Extractors: one module per kind of fact, each turning a document into typed facts with spans."""
