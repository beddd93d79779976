"""kg.ingest.decode: bytes -> (text, encoding), honest about the encoding, DecodeError otherwise."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.decode import DecodeError, decode, looks_binary

SIMPLIFIED = "省委书记娄勤俭强调，各地各部门要以习近平新时代中国特色社会主义思想为指导。海门市排名第21位。"
TRADITIONAL = "省委書記主持會議。會議強調，要推動經濟高質量發展，縣委書記工作講壇新年第一講。"


def test_utf8() -> None:
    assert decode(SIMPLIFIED.encode("utf-8")) == (SIMPLIFIED, "utf-8")


def test_utf8_with_bom_is_stripped_and_reported_as_utf8() -> None:
    text, enc = decode(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))
    assert text == SIMPLIFIED
    assert enc == "utf-8"
    assert "\ufeff" not in text


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec: str, bom: bytes) -> None:
    data = bom + SIMPLIFIED.encode(codec)
    assert b"\x00" in data  # would look binary without the BOM check
    assert decode(data) == (SIMPLIFIED, "utf-16")


def test_utf32_with_bom() -> None:
    assert decode(SIMPLIFIED.encode("utf-32")) == (SIMPLIFIED, "utf-32")


def test_gb18030() -> None:
    data = SIMPLIFIED.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == (SIMPLIFIED, "gb18030")


def test_gb18030_whole_bundled_article(bundled) -> None:
    text = bundled.read_text("utf-8")
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_big5_traditional() -> None:
    text, enc = decode(TRADITIONAL.encode("big5"))
    assert enc in ("big5", "cp950")
    assert text == TRADITIONAL


def test_gbk_bytes_of_traditional_text_are_not_taken_for_big5() -> None:
    # GBK can encode traditional characters too; the result must still be the right text.
    text, enc = decode(TRADITIONAL.encode("gb18030"))
    assert text == TRADITIONAL
    assert enc == "gb18030"


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02binary\x00",
    b"PK\x03\x04" + bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 100 + "中文".encode(),  # control bytes, no NUL
])
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(DecodeError, match="not a text file"):
        decode(data)


def test_text_with_a_few_control_bytes_is_not_binary() -> None:
    data = ("中文\t段落\x0c下一页" * 50 + "\x01\x1b").encode("utf-8")
    assert not looks_binary(data)
    assert decode(data) == (data.decode("utf-8"), "utf-8")


def test_forced_wrong_encoding_raises() -> None:
    with pytest.raises(DecodeError, match="cannot decode as utf-8"):
        decode(SIMPLIFIED.encode("gb18030"), "utf-8")


def test_forced_unknown_codec_raises() -> None:
    with pytest.raises(DecodeError, match="no-such-codec"):
        decode(b"abc", "no-such-codec")


def test_forced_non_text_codec_raises() -> None:
    with pytest.raises(DecodeError):
        decode(b"abc", "rot13")


def test_forced_right_encoding_is_used_as_given() -> None:
    assert decode(SIMPLIFIED.encode("gb18030"), "gb18030") == (SIMPLIFIED, "gb18030")
    assert decode(TRADITIONAL.encode("big5"), "big5") == (TRADITIONAL, "big5")


def test_broken_bom_text_raises() -> None:
    # a UTF-16 BOM followed by an odd number of bytes
    with pytest.raises(DecodeError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + "中文".encode("utf-16-le") + b"\x41")


def test_forced_codec_that_raises_plain_unicode_error() -> None:
    with pytest.raises(DecodeError):
        decode(b"abc-9999999999", "punycode")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_raise_decode_error(data: bytes) -> None:
    try:
        text, enc = decode(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and isinstance(enc, str) and enc


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200),
       st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "ascii", "latin-1", "cp950",
                        "bogus-codec", "rot13", "base64"]))
def test_random_bytes_forced_only_raise_decode_error(data: bytes, forced: str) -> None:
    try:
        decode(data, forced)
    except DecodeError:
        pass


# Text without control characters (and not starting with U+FEFF, which in UTF-8 is a BOM).
_TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cc", "Cs")),
                                   st.sampled_from("\n\t中文书记")),
                max_size=200).filter(lambda s: not s.startswith("\ufeff"))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_utf8_text_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, "utf-8")


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_utf16_with_bom_round_trips(text: str) -> None:
    # U+0000 at the start would make FF FE 00 00, a UTF-32 BOM: excluded by _TEXT (Cc).
    assert decode(text.encode("utf-16")) == (text, "utf-16")


def test_a_stray_nul_does_not_make_text_binary_but_many_do() -> None:
    from kg.ingest.decode import looks_binary

    text = ("全市召开会议。" * 40).encode("utf-8")
    assert not looks_binary(text[:60] + b"\x00" + text[60:])
    assert looks_binary(b"\x00\x01\x02\x00" * 100)


@pytest.mark.parametrize("text,enc", [("鄞州", "gb18030"), ("鄞州", "big5"), ("海門", "gb18030")])
def test_a_snippet_that_reads_either_way_is_refused_not_guessed(text: str, enc: str) -> None:
    with pytest.raises(DecodeError, match="too short to tell GB18030 from Big5.*--encoding"):
        decode(text.encode(enc))
    assert decode(text.encode(enc), forced=enc) == (text, enc)


@pytest.mark.parametrize("text", ["會議", "縣長", "海門"])
def test_two_big5_characters_that_read_as_chinese_are_big5(text: str) -> None:
    assert decode(text.encode("big5")) == (text, "big5")
