"""kg.ingest.normalize: length-preserving normalization and sentence spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.normalize import (
    halfwidth,
    is_traditional,
    normalize,
    sentences,
    to_simplified,
)
from kg.model import Span

TRAD_CHARS = "書記會議長縣區鎮黨經濟發展開這個們說國與為對時從還當後來關於實現專務員機構後裡髮乾麵"
_ALPHABET = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list(TRAD_CHARS + "，：（）１２　。！？；\r\n\"”」 \t")),
)


def test_halfwidth_punctuation_and_digits() -> None:
    assert halfwidth("，：（）１２") == ",:()12"
    assert halfwidth("ＡＢＣ　ｘｙｚ！") == "ABC xyz!"


def test_halfwidth_keeps_chinese_full_stop_and_quotes() -> None:
    # 。 (U+3002) and “” are not fullwidth ASCII: they stay.
    assert halfwidth("他说:“好。”") == "他说:“好。”"


def test_normalize_line_endings() -> None:
    assert normalize("第一行\r\n第二行\r第三行")[0] == "第一行\n第二行\n第三行"


def test_traditional_is_detected_and_simplified_char_for_char() -> None:
    text = "省委書記主持會議,縣區鎮黨委要推動經濟發展。"
    assert is_traditional(text)
    out, trad = normalize(text)
    assert trad is True
    assert out == "省委书记主持会议,县区镇党委要推动经济发展。"
    assert len(out) == len(text)


def test_simplified_is_left_alone() -> None:
    text = "省委书记主持会议,县区镇党委要推动经济发展。"
    assert not is_traditional(text)
    assert normalize(text) == (text, False)


def test_to_simplified_preserves_length_with_phrase_conversions() -> None:
    # OpenCC phrase tables may change lengths; per-character fallback must keep them.
    text = "著名的乾隆皇帝與頭髮,還有麵條和後來的裡面" * 3
    out = to_simplified(text)
    assert len(out) == len(text)
    assert "还" in out and "发" in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_normalize_preserves_length(s: str) -> None:
    out, _ = normalize(s)
    assert len(out) == len(s.replace("\r\n", "\n").replace("\r", "\n"))
    assert "\r" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_normalize_is_idempotent_on_simplified_output(s: str) -> None:
    out, _ = normalize(s)
    again, _ = normalize(out)
    assert len(again) == len(out)
    assert halfwidth(out) == out


def test_sentences_example() -> None:
    text = '第一句。第二句!\n\n  第三句;他说:"好。"然后\n'
    got = [text[s.start:s.end] for s in sentences(text)]
    assert got == ["第一句。", "第二句!", "第三句;", '他说:"好。"', "然后"]


def test_sentences_of_blank_text() -> None:
    assert sentences("") == []
    assert sentences(" \n\n \t") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_sentence_spans_are_trimmed_ordered_and_inside_the_text(s: str) -> None:
    text, _ = normalize(s)
    spans = sentences(text)
    prev_end = 0
    for sp in spans:
        assert isinstance(sp, Span)
        assert 0 <= sp.start < sp.end <= len(text)
        seg = text[sp.start:sp.end]
        assert seg == seg.strip()
        assert sp.start >= prev_end
        prev_end = sp.end
    # nothing but blanks and sentence breaks is left out
    covered = set()
    for sp in spans:
        covered.update(range(sp.start, sp.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_control_characters_become_spaces() -> None:
    from kg.ingest.normalize import normalize

    assert normalize("会议\x00召开\x07。")[0] == "会议 召开 。"


def test_a_half_width_period_ends_a_sentence_after_chinese_text_or_a_percentage_only() -> None:
    text = "会议指出, 要抓好落实. 王志刚说, 乐都区增长3.5%.“两委”换届有序. 总额3.5亿元.\n1. 萧山区"
    got = [text[s.start:s.end] for s in sentences(text)]
    assert got == ["会议指出, 要抓好落实.", "王志刚说, 乐都区增长3.5%.", "“两委”换届有序.", "总额3.5亿元.",
                   "1. 萧山区"]


def test_corner_brackets_are_quotes_and_keep_offsets() -> None:
    from kg.ingest.normalize import normalize

    raw = "在「2021年度全省市縣營商環境評價」中,『一把手工程』"
    text, trad = normalize(raw)
    assert text == "在“2021年度全省市县营商环境评价”中,‘一把手工程’" and trad
    assert len(text) == len(raw)


def test_a_half_width_period_after_a_percentage_ends_a_sentence() -> None:
    from kg.ingest.normalize import sentences

    text = "比上年增长16.2%.其中,第一产业增加值98.6亿元,增长5.3%.全年收入3.5亿元."
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "比上年增长16.2%.", "其中,第一产业增加值98.6亿元,增长5.3%.", "全年收入3.5亿元."]
