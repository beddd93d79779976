"""kg.lexicon.numerals: Chinese and Arabic numerals, 万/亿 scaling, canonical decimal text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.lexicon.numerals import format_value, parse_int, parse_number, scale

_DIGITS = "零一二三四五六七八九"


def _section(n: int, leading: bool) -> str:
    """0 < n < 10000 in the standard reading; 十五 only at the very start of the number."""
    if leading and 10 <= n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, pending_zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + unit)
    return "".join(out)


def to_chinese(n: int) -> str:
    """0 .. 99,999,999 as written in Chinese: 二十一, 一百零五, 十万零一十五, 二千万零五."""
    assert 0 <= n < 100_000_000
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    if not high:
        return _section(low, leading=True)
    out = _section(high, leading=True) + "万"
    if low:
        if low < 1000:
            out += "零"
        out += _section(low, leading=False)
    return out


@pytest.mark.parametrize("n, text", [
    (0, "零"), (10, "十"), (15, "十五"), (21, "二十一"), (105, "一百零五"), (110, "一百一十"),
    (1005, "一千零五"), (10000, "一万"), (100015, "十万零一十五"), (20000005, "二千万零五"),
    (30040500, "三千零四万零五百"),
])
def test_to_chinese_helper_is_standard(n: int, text: str) -> None:
    assert to_chinese(n) == text


@pytest.mark.parametrize("text, value", [
    ("二十一", 21), ("一百零五", 105), ("二〇一七", 2017), ("两千", 2000), ("21", 21),
    ("3万", 30000), ("十", 10), ("十五", 15), ("零", 0), ("两百", 200), ("三千零五", 3005),
    ("1.5万", 15000), ("2亿", 200_000_000), ("一万零一", 10001), ("十二万三千四百五十六", 123456),
    ("二零二三", 2023), ("贰拾壹", 21), (" 21 ", 21), ("一亿零五万", 100_050_000),
])
def test_parse_int(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["", "  ", "abc", "一是", "二十一位", "1.00005万", "3.5"])
def test_parse_int_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_int(text)


@pytest.mark.parametrize("text, value", [
    ("4.4", 4.4), ("11", 11.0), ("二十三", 23.0), ("1.2万", 12000.0), ("1,234.5", 1234.5),
    ("2.5亿", 250_000_000.0),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_scale() -> None:
    assert scale(4.4, "万元") == (44000.0, "元")
    assert scale(3.2, "亿元") == (320000000.0, "元")
    assert scale(2.2, "万元") == (22000.0, "元")
    assert scale(11, "万人") == (110000, "人")
    assert scale(7.5, "%") == (7.5, "%")
    assert scale(5, "个百分点") == (5, "个百分点")


def test_scale_unknown_unit_passes_through() -> None:
    assert scale(3.0, "头") == (3.0, "头")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_parse_int_round_trips_chinese(n: int) -> None:
    assert parse_int(to_chinese(n)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_parse_int_round_trips_arabic(n: int) -> None:
    assert parse_int(str(n)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1000, max_value=2999))
def test_parse_int_digit_by_digit_years(year: int) -> None:
    text = "".join("〇一二三四五六七八九"[int(c)] for c in str(year))
    assert parse_int(text) == year


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_value_round_trips_six_decimals(micro: int) -> None:
    v = micro / 1_000_000
    text = format_value(v)
    assert float(text) == v
    assert "e" not in text.lower()
    if "." in text:
        assert not text.endswith("0") and len(text.split(".")[1]) <= 6
    else:
        assert v == int(v)


@pytest.mark.parametrize("v, text", [
    (110000.0, "110000"), (6.5, "6.5"), (0.25, "0.25"), (44000.000000000004, "44000"),
    (0.0, "0"), (-1.5, "-1.5"), (1e15, "1000000000000000"),
])
def test_format_value_examples(v: float, text: str) -> None:
    assert format_value(v) == text


def test_a_long_run_of_numeral_characters_is_read_in_linear_time() -> None:
    """Found by the hostile-document fuzz test: the old pattern "(?:[digits]+[万亿]?)+" took
    exponential time on a run of numeral characters that no unit follows (this input would
    not finish)."""
    import re

    from kg.lexicon.numerals import NUMBER_RE, UNIT_RE

    text = "地区生产总值" + "一二三四五六七八九十" * 6 + "。"
    assert re.search(rf"(?:{NUMBER_RE})(?:{UNIT_RE})", text) is None
    assert re.fullmatch(NUMBER_RE, "三万亿") and re.fullmatch(NUMBER_RE, "二千三百四十五万")
