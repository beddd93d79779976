"""Bytes -> str with an honest report of the encoding used.

Government sites still serve GB2312/GBK/GB18030 and Big5 pages. We try the unambiguous cases
first (BOMs, strict UTF-8) and only then ask charset-normalizer, and we refuse text that decodes
into mojibake rather than writing it into a graph.
"""

from __future__ import annotations

import codecs

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Decoders we trust for Chinese text; charset-normalizer's guesses outside this family are
# almost always wrong for this genre.
_CHINESE = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp936", "hz")


class DecodeError(ValueError):
    pass


def _cjk_ratio(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f")
    return cjk / len(letters)


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the head mean this is not a text file. A stray NUL in
    otherwise plain text (a copy-paste accident) is not enough: the text is still read."""
    head = data[:4096]
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if head.count(b"\x00") > max(2, len(head) // 200):
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and ctrl / len(head) > 0.05


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError with a reason a user can act on."""
    if forced:
        try:
            return data.decode(forced), forced
        except (LookupError, UnicodeError, ValueError) as exc:
            raise DecodeError(f"cannot decode as {forced}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"broken {name} text: {exc}") from None
    if looks_binary(data):
        raise DecodeError("not a text file (binary content)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut inside its last character: keep what is whole.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[:exc.start].decode("utf-8"), "utf-8"
    # GB18030 (a superset of GBK and GB2312) and Big5 both decode most double-byte text
    # without error; the right one is the one that reads as Chinese: it has more of the
    # characters every Chinese text is full of.
    cands = [(enc, t) for enc in ("gb18030", "big5") if (t := _try(data, enc)) is not None
             and _cjk_ratio(t) > 0.3]
    if len(cands) == 2 and _common_ratio(cands[0][1]) == _common_ratio(cands[1][1]):
        n = sum(1 for c in cands[0][1] if "\u4e00" <= c <= "\u9fff")
        if n < 30:  # a few characters that read as Chinese either way: a guess would be mojibake
            raise DecodeError(f"too short to tell GB18030 from Big5 ({n} Chinese characters "
                              "that read either way); give --encoding gb18030 or --encoding big5")
    if cands:
        enc, text = max(cands, key=lambda c: (_common_ratio(c[1]), c[0] == "gb18030"))
        if _common_ratio(text) < 0.04 and len(text) > 200:
            raise DecodeError(f"the text looks garbled as {enc} (try --encoding)")
        return text, enc
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        enc = best.encoding.lower()
        text = str(best)
        if enc in _CHINESE or _cjk_ratio(text) > 0.3:
            return text, enc
    raise DecodeError("unknown text encoding (try --encoding gb18030 or big5)")


# The most frequent characters of Chinese news, in simplified and traditional forms.
_COMMON = set("的是在了和有中国人会一不这为上个大发展工作市县区省委记书长年月日要以及对与"
              "們們這為國會發長縣區記書對與來時說經濟")


def _common_ratio(text: str) -> float:
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(1 for c in cjk if c in _COMMON) / len(cjk)


def _try(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None
