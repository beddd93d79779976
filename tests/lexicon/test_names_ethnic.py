"""Tibetan and Mongolian names have no surname; they are read from their syllables."""

from __future__ import annotations

from kg.lexicon.names import name_after_title


def test_syllable_names_after_a_title() -> None:
    assert name_after_title("旺堆卓嘎主持会议", 0) == "旺堆卓嘎"
    assert name_after_title("斯琴高娃汇报了情况", 0) == "斯琴高娃"
    assert name_after_title("王丹增出席", 0) == "王丹增"  # a surname still comes first
    assert name_after_title("扎西说", 0) != "扎西说"


def test_a_dotted_name_whose_last_character_begins_the_verb_after_it() -> None:
    # 提出 overlaps the name and 出席: the name is 买买提, then 出席
    assert name_after_title("阿不都热依木·买买提出席并讲话", 0) == "阿不都热依木·买买提"
    assert name_after_title("阿依古丽·买买提提出要求", 0) == "阿依古丽·买买提"
    assert name_after_title("艾尔肯·吐尼亚孜出席会议", 0) == "艾尔肯·吐尼亚孜"
    assert name_after_title("古丽娜尔·阿不都热合曼作交流发言", 0) == "古丽娜尔·阿不都热合曼"
