"""Length-preserving normalization, so that offsets in normalized text are offsets in the source.

* Full-width ASCII (，：（）１２３) becomes half-width, corner brackets (「」『』) curly quotes:
  one pattern serves both spellings.
* Traditional characters become simplified, one character for one character (OpenCC's t2s
  table applied per character, not per phrase, so that lengths never change).
* Sentence spans: the unit of evidence.
"""

from __future__ import annotations

import functools
import re

from kg.model import Span

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_FULLWIDTH[0x00A0] = 0x20  # no-break space
_FULLWIDTH[0x2002] = 0x20
_FULLWIDTH[0x2003] = 0x20
# Corner brackets are the quotation marks of traditional-character (and some) texts: one
# spelling of quotes for every pattern that looks for a quoted name.
_FULLWIDTH.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"})


def halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Written in traditional characters: more than 2% of its Chinese characters change when
    converted to simplified (a simplified text has a stray 於 or 後 at most)."""
    sample = text[:5000]
    cjk = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return False
    converted = _t2s().convert("".join(cjk))
    if len(converted) != len(cjk):
        return True
    changed = sum(1 for a, b in zip(cjk, converted, strict=True) if a != b)
    return changed >= 3 and changed / len(cjk) > 0.02


def to_simplified(text: str) -> str:
    """Per-character t2s so the result has exactly the length of the input."""
    conv = _t2s()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    chars = []
    for c in text:
        s = conv.convert(c)
        chars.append(s if len(s) == 1 else c)
    return "".join(chars)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize(text: str) -> tuple[str, bool]:
    """Return (normalized text, was_traditional)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Stray control characters (a NUL from a bad copy) are noise, not text: no evidence
    # sentence or table cell should carry them. A space keeps every offset where it was.
    text = _CONTROL.sub(" ", text)
    text = halfwidth(text)
    trad = is_traditional(text)
    if trad:
        text = to_simplified(text)
    return text, trad


# (a half-width period ends a sentence after Chinese text, not inside 3.5 or "1. 萧山区")
_SENT_END = re.compile(r"(?:[。!?;！？；]|(?<=[\u4e00-\u9fff”’\"』」)%])\.(?=[ \t\u3000“\"\u4e00-\u9fff]|$))+"
                       r"[”’\"』」)]*|\n+")


def sentences(text: str) -> list[Span]:
    """Split into sentences on 。!?; and line breaks; leading/trailing blanks trimmed."""
    spans: list[Span] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(text, pos, end, spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
