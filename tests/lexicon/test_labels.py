"""kg.lexicon.labels: surname readings, English titles, place names, events, free text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.lexicon.labels import (
    event_en,
    glossary,
    org_en,
    person_pinyin,
    place_labels,
    split_name,
    text_pinyin,
    title_en,
)

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


@pytest.mark.parametrize("name, pinyin", [
    ("单晓明", "Shan Xiaoming"),  # dictionary reading dān
    ("曾国华", "Zeng Guohua"),  # céng
    ("解振华", "Xie Zhenhua"),  # jiě
    ("仇和", "Qiu He"),  # chóu
    ("区志航", "Ou Zhihang"),  # qū
    ("朴永春", "Piao Yongchun"),
    ("查良镛", "Zha Liangyong"),
    ("盖立新", "Ge Lixin"),
    ("乐建华", "Yue Jianhua"),
    ("缪小平", "Miao Xiaoping"),
    ("覃大庆", "Qin Daqing"),
    ("冼星海", "Xian Xinghai"),
    ("欧阳建国", "Ouyang Jianguo"),  # compound surname
    ("司马光", "Sima Guang"),
    ("尉迟恭", "Yuchi Gong"),
    ("万俟明", "Moqi Ming"),
    ("长孙无忌", "Zhangsun Wuji"),
    ("单于明", "Shan Yuming"),  # 单 + 于明: 单于 only in four-character names
    ("吕芳", "Lyu Fang"),  # ü as yu, ASCII
    ("张西安", "Zhang Xi'an"),
    ("丹增旺堆", "Danzeng Wangdui"),  # no surname: name syllables
    ("艾尔肯·吐尼亚孜", "Ai'erken Tuniyazi"),
])
def test_person_pinyin(name: str, pinyin: str) -> None:
    assert person_pinyin(name) == pinyin


def test_split_name_uses_the_compound_surnames() -> None:
    assert split_name("欧阳建国") == ("欧阳", "建国")
    assert split_name("陈勇") == ("陈", "勇")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_person_pinyin_is_ascii_letters_and_spaces(name: str) -> None:
    out = person_pinyin(name)
    assert re.fullmatch(r"(?:[A-Za-z']+(?: [A-Za-z']+)*)?", out), out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1,
               max_size=6))
def test_person_pinyin_of_chinese_is_never_empty(name: str) -> None:
    """Every character of the original CJK block (to U+9FA5) has a reading but ten
    (UNREADABLE: units made in Japan, 兙 瓩 ..., which no Chinese name holds); rarer ones may
    not either (the mapper then keeps the Chinese text as the pinyin label)."""
    if set(name) <= UNREADABLE:
        assert person_pinyin(name) == ""
    else:
        assert person_pinyin(name)


# Found by the property above (烪, 2026-11-28): pypinyin gives these no reading.
UNREADABLE = set("兙兡嗧桛烪瓧瓰瓱瓼甅")


def test_the_unreadable_characters_are_few() -> None:
    from kg.lexicon.labels import _syllables

    assert {chr(c) for c in range(0x4E00, 0x9FA6) if not _syllables(chr(c))} == UNREADABLE


@pytest.mark.parametrize("title, place, english", [
    ("省委书记", "", "Secretary of the Provincial Party Committee"),
    ("省委书记", "Jiangsu", "Secretary of the Jiangsu Provincial Party Committee"),
    ("省长", "Jiangsu", "Governor of Jiangsu"),
    ("副省长", "", "Vice Governor"),
    ("市长", "Nantong", "Mayor of Nantong"),
    ("代市长", "", "Acting Mayor"),
    ("常务副市长", "", "Executive Vice Mayor"),
    ("县委书记", "", "Secretary of the County Party Committee"),
    ("县人大常委会主任", "",
     "Chairman of the Standing Committee of the County People's Congress"),
    ("市政协主席", "", "Chairman of the Municipal CPPCC Committee"),
    ("市纪委书记", "", "Secretary of the Municipal Commission for Discipline Inspection"),
    ("县监委主任", "", "Director of the County Supervisory Commission"),
    ("组织部部长", "", "Head of the Organization Department"),
    ("宣传部副部长", "Haimen", "Deputy Head of the Haimen Publicity Department"),
    ("统战部部长", "", "Head of the United Front Work Department"),
    ("秘书长", "", "Secretary-General"),
    ("公安局局长", "", "Director of the Public Security Bureau"),
    ("交通运输厅厅长", "", "Director of the Department of Transport"),
    ("镇党委书记", "", "Secretary of the Town Party Committee"),
    ("县委书记", "Pei County", "Secretary of the Pei County Party Committee"),  # not County County
    ("国务院总理", "", "Premier of the State Council"),
])
def test_title_en(title: str, place: str, english: str) -> None:
    assert title_en(title, place) == english


def _gold_titles() -> set[str]:
    titles: set[str] = set()

    def walk(x) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "title" and isinstance(v, str) and v:
                    titles.add(v)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for f in sorted(GOLD.glob("*.json")):
        walk(json.loads(f.read_text("utf-8")))
    return titles


def test_every_gold_title_is_composed_in_english() -> None:
    """No title of the gold files falls back to pinyin: each is composed from glossary parts."""
    titles = _gold_titles()
    assert len(titles) > 100
    for t in sorted(titles):
        en = title_en(t)
        assert en.isascii() and en[:1].isupper(), (t, en)
        assert en != text_pinyin(t), f"{t} is not composed: {en}"


@pytest.mark.parametrize("code, name, pinyin, english", [
    ("320684", "海门市", "Haimen Shi", "Haimen"),
    ("320600", "南通市", "Nantong Shi", "Nantong"),
    ("320000", "江苏省", "Jiangsu Sheng", "Jiangsu"),
    ("220000", "吉林省", "Jilin Sheng", "Jilin Province"),  # 吉林市 in force at the same time
    ("220200", "吉林市", "Jilin Shi", "Jilin City"),
    ("320322", "沛县", "Pei Xian", "Pei County"),  # one-character stem keeps the unit word
    ("610000", "陕西省", "Shaanxi Sheng", "Shaanxi"),
    ("433100", "湘西土家族苗族自治州", "Xiangxi Tujiazu Miaozu Zizhizhou", "Xiangxi"),
    (None, "三星镇", "Sanxing Zhen", "Sanxing Town"),  # towns keep theirs
])
def test_place_labels(code, name, pinyin, english) -> None:
    assert place_labels(code, name) == (pinyin, english)


def test_events_and_organizations() -> None:
    assert event_en("县政府常务会议", "2021-03-05") == \
        "Executive Meeting of the County People's Government, 2021-03-05"
    assert event_en("座谈会") == "Symposium"
    assert event_en("全省县委书记工作讲坛", "2018-02-22") == \
        "Lecture Forum: Quansheng Xianwei Shuji Gongzuo Jiangtan, 2018-02-22"
    assert org_en("省委、省政府") == \
        "Provincial Party Committee and Provincial People's Government"
    assert org_en("人民日报") == "Renmin Ribao"  # not in the glossary: pinyin, not invented


def test_glossary_has_the_sections_the_code_reads() -> None:
    g = glossary()
    for section in ("level", "organ", "office", "npc", "head", "prefix", "national",
                    "dept_head", "dept", "unit", "place_kind", "exonym", "meeting", "word"):
        assert g[section], section


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_text_pinyin_never_raises_and_is_ascii(text: str) -> None:
    assert text_pinyin(text).isascii()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="长青乐晓明重庆朝阳行曾单解区查盖仇朴华", min_size=1, max_size=2))
def test_the_cached_reading_of_one_or_two_characters_is_pypinyin_s(text: str) -> None:
    """The fast path reads a pair as pypinyin reads it, phrases (长青 chang) included."""
    from pypinyin import Style, lazy_pinyin

    from kg.lexicon.labels import _pinyin

    assert _pinyin(text) == lazy_pinyin(text, style=Style.NORMAL, errors=lambda cs: ["" for _ in cs])


def test_an_acting_head_of_a_department() -> None:
    from kg.lexicon.labels import title_en

    assert title_en("交通运输厅代理厅长", "") == "Acting Director of the Department of Transport"
