"""Chinese and Arabic numerals -> numbers, and amounts with 万/亿 -> base units.

News writes ranks as 第21位 or 第二十一位, years as 2017 or 二〇一七, and money as 4.4万元 or
3.2亿元. Parsing is done on extracted spans only (never on running text: 一是 is not 1是).
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3,
          "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
# A Chinese numeral has at least one digit character (一, 十 …): 亿 alone is a unit, not a number.
_CN_DIGITS = "".join(DIGITS) + "".join(SMALL_UNITS)
_CN_DECIMAL = rf"[{_CN_DIGITS}]+点[零〇一二三四五六七八九]+"  # 三十一点八
# (one flat character class after the first digit: the nested "(?:[digits]+[万亿]?)+" it replaces
# backtracked exponentially on a long run of numeral characters that no unit follows)
NUMBER_RE = rf"(?:\d+(?:\.\d+)?|{_CN_DECIMAL}[万亿]?|[{_CN_DIGITS}][{_CN_DIGITS}万亿]*)"

# Multipliers of units that carry a magnitude; the value is scaled into the base unit.
UNIT_SCALE = {
    "元": (1, "元"), "万元": (10_000, "元"), "亿元": (100_000_000, "元"),
    "千元": (1000, "元"), "百万元": (1_000_000, "元"), "万亿元": (10**12, "元"),
    "人": (1, "人"), "万人": (10_000, "人"), "亿人": (100_000_000, "人"),
    "户": (1, "户"), "万户": (10_000, "户"),
    "个": (1, "个"), "万个": (10_000, "个"),
    "吨": (1, "吨"), "万吨": (10_000, "吨"), "亿吨": (100_000_000, "吨"),
    "亩": (1, "亩"), "万亩": (10_000, "亩"),
    "斤": (1, "斤"), "万斤": (10_000, "斤"), "亿斤": (100_000_000, "斤"),
    "公斤": (1, "公斤"), "万公斤": (10_000, "公斤"),
    "平方米": (1, "平方米"), "万平方米": (10_000, "平方米"),
    "平方公里": (1, "平方公里"), "公里": (1, "公里"), "千米": (1, "公里"),
    "千瓦时": (1, "千瓦时"), "万千瓦时": (10_000, "千瓦时"), "亿千瓦时": (100_000_000, "千瓦时"),
    "美元": (1, "美元"), "万美元": (10_000, "美元"), "亿美元": (100_000_000, "美元"),
    "家": (1, "家"), "项": (1, "项"), "辆": (1, "辆"), "万辆": (10_000, "辆"),
    "人次": (1, "人次"), "万人次": (10_000, "人次"), "亿人次": (100_000_000, "人次"),
    "%": (1, "%"), "个百分点": (1, "个百分点"), "岁": (1, "岁"),
    # livestock (生猪出栏92.4万头, 羊只饲养量312万只) and installed power (装机容量200万千瓦)
    "头": (1, "头"), "万头": (10_000, "头"), "只": (1, "只"), "万只": (10_000, "只"),
    "千瓦": (1, "千瓦"), "万千瓦": (10_000, "千瓦"),
    # air quality (PM2.5年均浓度35微克/立方米, 空气质量优良天数312天)
    "微克/立方米": (1, "微克/立方米"), "天": (1, "天"),
    # schools and hospitals counted (各级各类学校312所)
    "所": (1, "所"),
}
UNIT_RE = "|".join(sorted(map(re.escape, UNIT_SCALE), key=len, reverse=True))


def _section(s: str) -> int:
    """A numeral below 10000: 三千零五, 二十三, 十五, 两百."""
    total, digit = 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def parse_int(text: str) -> int:
    """'21' | '二十一' | '一百零五' | '二〇一七' (digit by digit) | '3万' -> int. ValueError otherwise."""
    s = text.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isdigit():
        return int(s)
    if re.fullmatch(r"\d+(\.\d+)?[万亿]", s):
        v = float(s[:-1]) * BIG_UNITS[s[-1]]
        if v != int(v):
            raise ValueError(f"not an integer: {text!r}")
        return int(v)
    if any(c not in DIGITS and c not in SMALL_UNITS and c not in BIG_UNITS for c in s):
        raise ValueError(f"not a numeral: {text!r}")
    if all(c in DIGITS for c in s) and len(s) > 1:  # 二〇一七
        return int("".join(str(DIGITS[c]) for c in s))
    total, rest = 0, s
    for unit in ("亿", "万"):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            total += (parse_int(head) if head else 1) * BIG_UNITS[unit]
    return total + (_section(rest) if rest else 0)


def parse_number(text: str) -> float:
    """'4.4' | '11' | '二十三' | '1.2万' -> float."""
    s = text.strip().replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    m = re.fullmatch(r"(.+?)点([零〇一二三四五六七八九]+)([万亿]*)", s)
    if m:  # 三十一点八(亿): the integer part, then each digit after 点
        v = float(f"{parse_int(m.group(1))}.{''.join(str(DIGITS[c]) for c in m.group(2))}")
        for u in m.group(3):
            v *= BIG_UNITS[u]
        return v
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([万亿]+)", s)
    if m:
        v = float(m.group(1))
        for u in m.group(2):
            v *= BIG_UNITS[u]
        return v
    return float(parse_int(s))


def scale(value: float, unit: str) -> tuple[float, str]:
    """(4.4, '万元') -> (44000.0, '元'). Unknown units pass through unchanged."""
    from decimal import Decimal

    factor, base = UNIT_SCALE.get(unit, (1, unit))
    # Decimal arithmetic on the written digits: 165.2 亿 is 16520000000, not 16519999999.999998.
    v = Decimal(repr(value)) * factor
    return float(round(v, 6)), base


def format_value(v: float) -> str:
    """A plain decimal text for tables: 110000, 6.5, 0.25."""
    if v == int(v):
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def canonical_decimal(v: float) -> str:
    """The canonical xsd:decimal lexical form (110000.0, 6.5), so that Turtle, which writes
    decimals as 110000.0, and N-Triples give the same RDF term."""
    text = format_value(v)
    return text if "." in text else text + ".0"
