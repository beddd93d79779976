"""kg: knowledge graphs from Chinese government and political news.

Data flows one way: ingest (files -> documents) -> extract (documents -> typed facts) ->
resolve (dates, places, identities) -> rdf (facts -> triples) -> store -> query / graph / viz.
"""

__version__ = "0.1.0"
