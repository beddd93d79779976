"""Reading documents: bytes on disk -> decoded, normalized :class:`kg.model.Document`.

Everything that depends on how an article was stored (encoding, HTML markup, Markdown, script)
stops here; extractors only ever see normalized simplified text with sentence spans.
"""

from kg.ingest.reader import (
    SUPPORTED_SUFFIXES,
    IngestError,
    bundled_article,
    discover,
    read_document,
)

__all__ = ["SUPPORTED_SUFFIXES", "IngestError", "bundled_article", "discover", "read_document"]
