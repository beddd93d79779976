"""SPARQL over the store: the bundled queries (``.rq`` files) and result formatting."""

from kg.query.runner import (
    QueryError,
    bundled_queries,
    format_results,
    load_bundled,
    select,
)

__all__ = ["QueryError", "bundled_queries", "format_results", "load_bundled", "select"]
