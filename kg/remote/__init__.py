"""Beyond one machine: serving a build over HTTP (``kg serve``) and pushing its named graphs
to a team's triple store (``kg push``).

Both speak W3C protocols so that any SPARQL client or store works with them: the SPARQL 1.1
Protocol for queries, the SPARQL 1.1 Graph Store HTTP Protocol for uploads.
"""

from kg.remote.push import PushError, PushReport, push
from kg.remote.serve import ServeError, serve

__all__ = ["PushError", "PushReport", "ServeError", "push", "serve"]
