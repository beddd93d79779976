"""Tibetan and Mongolian names have no surname; they are read from their syllables."""

from __future__ import annotations

from kg.lexicon.names import name_after_title


def test_syllable_names_after_a_title() -> None:
    assert name_after_title("旺堆卓嘎主持会议", 0) == "旺堆卓嘎"
    assert name_after_title("斯琴高娃汇报了情况", 0) == "斯琴高娃"
    assert name_after_title("王丹增出席", 0) == "王丹增"  # a surname still comes first
    assert name_after_title("扎西说", 0) != "扎西说"
