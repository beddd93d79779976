"""Deterministic IRIs minted from normalized keys.

The same place, post or event from two articles must be one node, and rebuilding must give the
same IRIs, so every IRI is a function of the fact's normalized key, never of build order. Text
from articles can hold anything (spaces, quotes, angle brackets, control characters), so keys
are made IRI-safe: letters and digits of any script stay readable, everything else is
percent-encoded.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata

from rdflib import URIRef

from kg.rdf.namespaces import ID

# "_" joins the parts of a key, so it is escaped inside a part: keys never collide.
_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.~")


@functools.lru_cache(maxsize=65536)  # names, titles and codes repeat across articles
def slug(text: str) -> str:
    """An IRI path segment: readable where possible, always valid."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        if ch in _SAFE_ASCII:
            out.append(ch)
        elif ord(ch) > 127 and unicodedata.category(ch)[0] in "LN":
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "-"


def digest(*parts: object) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:16]


_ID = str(ID)


def iri_value(kind: str, *key: object) -> str:
    """The IRI of :func:`iri` as a string (what the build's mapper makes Oxigraph terms of)."""
    return f"{_ID}{kind}/" + "_".join(slug(str(k)) for k in key)


def statement_iri_value(kind: str, *key: object) -> str:
    """The IRI of :func:`statement_iri` as a string."""
    return f"{_ID}stmt/{kind}/{digest(kind, *key)}"


def iri(kind: str, *key: object) -> URIRef:
    return URIRef(iri_value(kind, *key))


def statement_iri(kind: str, *key: object) -> URIRef:
    return URIRef(statement_iri_value(kind, *key))
