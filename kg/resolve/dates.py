"""Dates: find date expressions and resolve them to ISO dates, saying how each was obtained.

News gives "2018年2月22日", "2月22日" (year from context), "22日", "昨天", "上周五", "今年", or
only "近日". Relative forms resolve against a reference date: normally the publication time, but
a re-published article (published 2023, reporting 2017 figures and "今年第一期") shows that its
events happened years before; then the reference year is inferred from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.lexicon.numerals import parse_int
from kg.model import Span

_CN = "〇零一二三四五六七八九十"
# ("6月11日至昨天": a stretch of days ending on a day said relative to the publication, dated by
# its first, as "8日至9日" is)
TO_DAY = "昨天|昨日|今天|今日|前天|前日"
_YMD = re.compile(rf"(?P<y>\d{{4}}|[{_CN}]{{4}})年(?:(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月"
                  rf"(?:(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日(?:\s*(?:至|到|—|-|~)\s*(?:\d{{1,2}}日|{TO_DAY}))?)?)?")
_MD = re.compile(rf"(?:(?<=[那这]一年)|(?<![\d{_CN}]年))(?<![\d{_CN}])(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月"
                 rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日(?:\s*(?:至|到|—|-|~)\s*(?:\d{{1,2}}日|{TO_DAY}))?")
_D = re.compile(rf"(?:(?<=本月)|(?<![\d月]))(?P<d>\d{{1,2}})日(?:\s*(?:至|到|—|-|~)\s*(?:\d{{1,2}}日|{TO_DAY}))?(?![\d])")
_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2,
            "明天": 1, "明日": 1}
# Relative to the last date the text gave: "3日上午……当天下午", "……次日".
_AFTER_LAST = {"当天": 0, "当日": 0, "同日": 0, "当晚": 0, "次日": 1, "第二天": 1, "翌日": 1,
               "此前一天": -1, "此前一日": -1, "前一天": -1}  # ("昨天下午,……大会召开。……此前一天,X主持召开")
_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "过去一年": -1, "上一年": -1,
             "前年": -2, "明年": 1}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEK = re.compile(r"(?P<w>上|本|这|下)(?:周|星期)(?P<d>[一二三四五六日天])")
_VAGUE = re.compile(r"近日|日前|近期|前不久|最近|此前")


@dataclass(frozen=True)
class Reference:
    """The date relative expressions resolve against, and why."""

    date: dt.date | None
    basis: str  # publication | inferred-year | unknown
    year: int | None


@dataclass(frozen=True)
class DateMention:
    span: Span
    date: dt.date | None  # None when only vague (近日) or unresolvable
    basis: str  # explicit | inferred-year | relative | vague
    precision: str  # day | month | year


def _num(s: str) -> int:
    return parse_int(s)


_BIOGRAPHY = re.compile(r"年(?:\d{1,2}月)?(?:生|出生|参加工作|加入|入党|毕业|参军|入伍)")


def explicit_years(text: str, published: dt.datetime | None) -> list[int]:
    hi = published.year if published else 2100
    years = []
    for m in re.finditer(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年|全国|全省|年度|\s*年|中国)", text):
        if _BIOGRAPHY.match(text, m.end()):
            continue  # 1972年5月生, 1994年参加工作: a life, not the events of the article
        if re.match(r"年(?:前|以前|底前)?[^,。;]{0,8}?(?:力争|确保|目标)", text[m.end():]) or \
                re.search(r"(?:力争|争取|计划|预计|确保|目标是?)(?:到|于)$", text[max(0, m.start() - 4):m.start()]):
            continue  # 到2020年力争……: a target, not a year the text reports on
        y = int(m.group(1))
        if 1949 <= y <= hi:
            years.append(y)
    return years


def reference(text: str, published: dt.datetime | None, body_start: int = 0,
              skip: tuple[int, int] | None = None) -> Reference:
    """Choose the reference date.

    The publication time is trusted unless every explicit year in the text lies two or more
    years before it: then the article was (re)published long after its events, and the events
    belong to the latest year the text speaks of, or the year after it when the text reports
    that year's full-year figures (which only exist once the year is over).
    """
    body = text[body_start:]
    if skip and skip[0] < skip[1]:  # leave out the dateline block
        body = text[body_start:skip[0]] + "\n" + text[skip[1]:]
    original = _ORIGINAL.search(text[:max(body_start, 0) + 600]) or \
        _ORIGINAL.search(text, max(len(text) - 200, max(body_start, 0) + 600))
    if original:  # (or at the foot: "(原载《大连日报》2014年5月21日)")
        # "本文原载于2019年7月24日《浙江日报》,今日重新刊发": the report's own publication
        y, mo, d = (original.group(k) or original.group(k + "2") or original.group(k + "3")
                    for k in ("y", "m", "d"))
        d = _safe_date(_num(y), _num(mo), _num(d))
        if d is not None:
            return Reference(d, "publication", d.year)
    ago = _RAN_YEARS_AGO.search(text[:max(body_start, 0) + 600]) if published else None
    if ago:
        # "十年前的今天,《延安日报》头版刊发了……的消息": the story first ran that many years
        # before the day this is published
        d = _safe_date(published.year - _num(ago.group("n")), published.month, published.day)
        if d is not None:
            return Reference(d, "publication", d.year)
    if published:
        # the date printed at the foot ("(编辑:X 2024年3月18日)") is the publication's, not
        # a year the report speaks of
        foot = body.rstrip().rpartition("\n")
        if f"{published.year}年{published.month}月{published.day}日" in foot[2] or \
                f"{published.year}年{published.month:02d}月{published.day:02d}日" in foot[2]:
            body = foot[0]
    plan = _PLAN_YEAR.search(body)
    if plan:
        # "今年是“十三五”开局之年": the year the text is written in, whatever the page says
        nth = "一二三四五六七八九".index(plan.group("n")) + 1  # 十一五 = 2006-2010
        first = 2006 + 5 * (nth - 1)
        year = first + (0 if plan.group("w") in ("开局", "起步", "开篇", "谋篇布局") else 4)
        if published is None or published.year != year:
            return Reference(None, "inferred-year", year)
        return Reference(published.date(), "publication", year)
    years = explicit_years(body, published)
    filed = _filed(text, body_start, published)
    if filed is not None and (not years or published.year - max(years) <= 1):
        # "本报济南8月24日讯 今天,……" printed on the 25th: today is the day it was filed
        return Reference(filed, "publication", filed.year)
    if published:
        # "10月16日,市委书记到密云县调研" published in 2020: 密云县 became 密云区 in 2015, so
        # the events are from when the county still existed, the latest year the text allows.
        from kg.lexicon.divisions import era_end

        end = era_end(text)
        if end is not None and published.year - end >= 2 and all(y <= end + 1 for y in years):
            if not years:
                return Reference(None, "inferred-year", end)
            # (the yearly tables give a name's status at the year's end: a name that changed
            # in year Y was still in use early in Y)
            return Reference(None, "inferred-year", min(_inferred(body, years), end + 1))
    # One stray old year ("自2015年以来") is not enough to distrust the publication time; a
    # look back counted from the day it is printed ("十年前的今天") trusts it outright.
    if published and (not years or published.year - max(years) <= 1 or len(years) < 2
                      or re.search(r"[一二三四五六七八九十两\d]{1,3}年前的(?:今天|今日)", body)
                      or _LOOK_BACK.search(body) and _LOOKING_BACK.search(body)):
        return Reference(published.date(), "publication", published.year)
    if not years:
        return Reference(None, "unknown", None)
    year = _inferred(body, years)
    if published is None:
        # No publication time, but a dateline ("本报锡林浩特5月3日讯") and the year the text
        # speaks of: the day it was filed, which 昨天 and 今天 count from.
        m = _DATELINE.search(text, body_start, body_start + 200)
        day = _safe_date(year, int(m.group("m")), int(m.group("d"))) if m else None
        if day is not None:
            return Reference(day, "inferred-year", year)
    return Reference(None, "inferred-year", year)


# A newspaper's dateline: "本报济南8月24日讯", "新华社北京3月5日电".
_DATELINE = re.compile(r"(?:本报|新华社|中新社|人民网|新华网|[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报))[\u4e00-\u9fff]{0,8}?"
                       r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:讯|电)")


def _filed(text: str, body_start: int, published: dt.datetime | None) -> dt.date | None:
    """The day a report was filed, from its dateline at the start of the body, when that is
    up to a week before the publication time (the paper prints it the next day or so)."""
    if published is None:
        return None
    m = _DATELINE.search(text, body_start, body_start + 200)
    if m is None:
        return None
    day = _safe_date(published.year, int(m.group("m")), int(m.group("d")))
    if day is not None and day > published.date():
        day = _safe_date(published.year - 1, int(m.group("m")), int(m.group("d")))
    if day is None or not 0 < (published.date() - day).days <= 7:
        return None
    return day


def _inferred(body: str, years: list[int]) -> int:
    """The events' year from the years a text speaks of: the latest, or the year after it when
    the text reports that year's full-year figures."""
    latest = max(years)
    annual = re.search(rf"{latest}年(?:全年|度)?[,,]|{latest}年(?:全年|底|末)", body)
    this_year_future = re.search(r"今年第[一二三四五六七八九十\d]+|新年第|今年以来|今年.{0,6}首", body)
    # "在今年公布的“2019年度……评价”中": a year's evaluation released this year, the year after
    released = re.search(rf"今年(?:公布|发布|揭晓|出炉)的[“\"《]?{latest}年度", body)
    return latest + 1 if (annual or this_year_future or released) and _mentions_month_day(body) \
        else latest


_ORIGINAL = re.compile(r"(?:原载于?|原刊于|原文刊发于|原文发表于|首发于|首刊于)\s*"
                       r"(?:《[^》\n]{1,20}》\s*)?"  # ("原载《荆楚日报》2016年3月3日第1版")
                       r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                       # ("重新编发2018年6月21日刊发的这篇报道": the day it first ran)
                       r"|(?<=编发|刊发|刊登|推送)(?P<y2>\d{4})年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
                       r"(?=刊发|发表|刊登|刊出|推送)"
                       # ("从馆藏的《洪泽报》中选出2015年12月30日头版的一篇报道": the day it ran)
                       r"|(?<=选出|选取|找出|摘录)(?P<y3>\d{4})年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日"
                       r"(?=(?:头版|第[一二三四五六七八九十\d]{1,2}版|版面)?(?:刊发|刊登|刊出|发表)?的(?:一篇|这篇)?(?:报道|文章|消息))")


_RAN_YEARS_AGO = re.compile(r"(?P<n>[一二三四五六七八九十两\d]{1,3})年前的今天[,]?《[^》\n]{1,20}》"
                            r"(?:头版|第[一二三四五六七八九十\d]{1,2}版)?(?:刊发|刊登|发表|刊出)")


# A look back written now: "十年过去", "十年间", "如今已是……" beside what was then (时任, 当年):
# 去年 and 今年 count from the publication; a month and day continue the story's year (below)
_LOOK_BACK = re.compile(r"[一二三四五六七八九十两\d]{1,3}年(?:过去|间|来|后的今天)|如今|现任|至今已")

# The year said as its place in a five-year plan (十一五 2006-2010 ... 十五五 2026-2030).
_PLAN_YEAR = re.compile(r"(?:今年|\d{1,2}月\d{1,2}日)[^。]{0,4}?是[“\"'‘]?十(?P<n>[一二三四五六七八九])五[”\"'’]?"
                        r"(?:规划)?的?(?P<w>开局|起步|开篇|谋篇布局|收官|决胜)之年")


def _mentions_month_day(text: str) -> bool:
    return bool(_MD.search(text))


def _safe_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _last_day(found: list[DateMention], pos: int) -> DateMention | None:
    """The day given last before ``pos``, which 次日, a bare weekday or a bare day count from."""
    days = [d for d in found if d.span.end <= pos and d.date and d.precision == "day"]
    return max(days, key=lambda d: d.span.start) if days else None


def find_dates(text: str, ref: Reference) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``ref``."""
    out: list[DateMention] = []
    taken: list[Span] = []

    def free(s: Span) -> bool:
        return all(not s.overlaps(t) for t in taken)

    for m in _YMD.finditer(text):
        try:
            y = _num(m.group("y"))
            mo = _num(m.group("m")) if m.group("m") else None
            d = _num(m.group("d")) if m.group("d") else None
        except ValueError:
            continue
        span = Span(m.start(), m.end())
        prec = "day" if d else ("month" if mo else "year")
        date = _safe_date(y, mo or 1, d or 1)
        if date is None:
            continue
        out.append(DateMention(span, date, "explicit", prec))
        taken.append(span)
    looking_back = ref.basis == "publication" and ref.year is not None and \
        _LOOKING_BACK.search(text) is not None
    for m in _MD.finditer(text):
        span = Span(m.start(), m.end())
        if not free(span):
            continue
        try:
            mo, d = _num(m.group("m")), _num(m.group("d"))
        except ValueError:
            continue
        year = ref.year
        rel = text[max(0, m.start() - 2):m.start()]
        that_year = rel in ("那年", "当年") or text[max(0, m.start() - 3):m.start()] in ("那一年", "这一年")
        past = _past_year_said(text, out, m.start(), ref.year,
                               any_precision=that_year) if looking_back else None
        if past is None and looking_back:
            # "2015年盛夏,哈尔滨。8月27日,省委……": the year said just before, in the paragraph
            para = text.rfind("\n", 0, m.start()) + 1
            near = [d for d in out if d.date and d.basis == "explicit" and d.precision == "year"
                    and para <= d.span.start and 0 <= m.start() - d.span.end <= 40]
            if near and near[-1].date.year < ref.year:
                past = near[-1].date.year
        if rel in _REL_YEAR and year is not None:  # 今年6月18日, 去年12月30日
            year += _REL_YEAR[rel]
        elif past is not None:
            year = past  # "2016年6月30日起……7月1日晚,时任市委书记": that year's July
        elif ref.basis == "publication" and ref.date and year is not None \
                and (mo, d) > (ref.date.month, ref.date.day) \
                and (mo - ref.date.month) > 1:
            year -= 1  # "12月30日" in a January article is last year's
        date = _safe_date(year, mo, d)
        basis = ("month-day+publication-year" if ref.basis == "publication" and past is None
                 else "month-day+inferred-year")
        out.append(DateMention(span, date, basis, "day"))
        taken.append(span)
    for m in re.finditer(r"上个?月(?P<d>\d{1,2})日", text):  # "上月18日": last month's, from the paper
        span = Span(m.start(), m.end())
        if not free(span) or ref.date is None:
            continue
        prev = ref.date.replace(day=1) - dt.timedelta(days=1)
        out.append(DateMention(span, _safe_date(prev.year, prev.month, int(m.group("d"))),
                               "relative-to-publication", "day"))
        taken.append(span)
    for m in _D.finditer(text):
        span = Span(m.start(), m.end())
        if not free(span):
            continue
        d = int(m.group("d"))
        header = _month_header(text, m.start())
        if header is not None and ref.year is not None:  # a chronicle: "1月" then "9日 …"
            date = _safe_date(ref.year, header, d)
            out.append(DateMention(span, date, "month-day+inferred-year"
                                   if ref.basis != "publication" else "explicit", "day"))
            taken.append(span)
            continue
        last = _last_day(out, m.start())
        if last is not None and ref.date is None and 0 <= d - last.date.day <= 7:
            # "9月4日至5日,……。5日下午,A主持召开座谈会" in a text with no date of its own:
            # the month of the day just given (a paper's own date counts first: "20日" in a
            # report filed on the 20th that looked back at 16 August ten years before)
            out.append(DateMention(span, _safe_date(last.date.year, last.date.month, d),
                                   last.basis, "day"))
            taken.append(span)
            continue
        if ref.date is None:
            continue
        date = _safe_date(ref.date.year, ref.date.month, d)
        if date is None or date > ref.date:  # (31日 in a paper of 1 September: 31 August)
            prev = ref.date.replace(day=1) - dt.timedelta(days=1)
            date = _safe_date(prev.year, prev.month, d)
        out.append(DateMention(span, date, "relative-to-publication", "day"))
        taken.append(span)
    # "七年前的今天": this day of the month, that many years back
    for m in re.finditer(r"(?P<n>[一二三四五六七八九十两\d]{1,3})年前的(?:今天|今日)", text):
        span = Span(m.start(), m.end())
        if not free(span) or ref.date is None:
            continue
        try:
            date = _safe_date(ref.date.year - _num(m.group("n")), ref.date.month, ref.date.day)
        except ValueError:
            continue
        out.append(DateMention(span, date, "relative-to-publication", "day"))
        taken.append(span)
    # "前天至昨天": one stretch of days, dated by its first (as "8日至9日" is)
    words = "|".join(_REL_DAY)
    for m in re.finditer(rf"({words})(?:至|到|—|-|~)(?:{words})", text):
        span = Span(m.start(), m.end())
        if not free(span):
            continue
        try:
            date = ref.date + dt.timedelta(days=_REL_DAY[m.group(1)]) if ref.date else None
        except OverflowError:
            date = None
        out.append(DateMention(span, date, "relative-to-publication", "day"))
        taken.append(span)
    for word, delta in _REL_DAY.items():
        for m in re.finditer(word, text):
            span = Span(m.start(), m.end())
            if not free(span):
                continue
            try:
                date = ref.date + dt.timedelta(days=delta) if ref.date else None
            except OverflowError:  # a publication date at the end of the calendar
                date = None
            out.append(DateMention(span, date, "relative-to-publication", "day"))
            taken.append(span)
    # (before 当天 and 次日, which count from the last day given: "上周三……当天下午")
    for m in _WEEK.finditer(text):
        span = Span(m.start(), m.end())
        if not free(span) or ref.date is None:
            continue
        shift = {"上": -7, "本": 0, "这": 0, "下": 7}[m.group("w")]
        try:
            monday = ref.date - dt.timedelta(days=ref.date.weekday())
            date = monday + dt.timedelta(days=shift + _WEEKDAYS[m.group("d")])
        except OverflowError:
            date = None
        out.append(DateMention(span, date, "relative-to-publication", "day"))
        taken.append(span)
    # a bare weekday after a day given ("上周三至周四……。周四下午,调研组召开座谈会"): the first
    # such day on or after it, in the same week's run of days
    for m in re.finditer(r"(?:^|(?<=[\s,。;:]))(?:周|星期)(?P<d>[一二三四五六日天])"
                         # (a time of day or a comma after it: 周一鸣 is a name)
                         r"(?=上午|下午|晚上|中午|早上|凌晨|,)", text, re.M):
        span = Span(m.start(), m.end())
        if not free(span):
            continue
        last = _last_day(out, m.start())
        if last is None:
            continue
        ahead = (_WEEKDAYS[m.group("d")] - last.date.weekday()) % 7
        try:
            out.append(DateMention(span, last.date + dt.timedelta(days=ahead), last.basis, "day"))
        except OverflowError:
            continue
        taken.append(span)
    for m in re.finditer("|".join(_AFTER_LAST), text):
        span = Span(m.start(), m.end())
        if not free(span):
            continue
        if m.group() == "前一天" and "\u4e00" <= text[m.start() - 1:m.start()] <= "\u9fff":
            continue  # (only where a clause opens on it: 会前一天 is the tours' affair, kg.extract.events)
        last = _last_day(out, m.start())
        try:
            if last is not None:
                out.append(DateMention(span, last.date + dt.timedelta(
                    days=_AFTER_LAST[m.group()]), last.basis, "day"))
            elif ref.date is not None:
                out.append(DateMention(span, ref.date + dt.timedelta(
                    days=_AFTER_LAST[m.group()]), "relative-to-publication", "day"))
            else:
                continue
        except OverflowError:
            continue
        taken.append(span)
    for m in _VAGUE.finditer(text):
        span = Span(m.start(), m.end())
        if free(span):
            out.append(DateMention(span, None, "vague", "day"))
            taken.append(span)
    out.sort(key=lambda d: d.span)
    return out


# A text that looks back on events years before its publication (an anniversary piece).
_LOOKING_BACK = re.compile(r"时任|周年|[一二三四五六七八九十两\d]+年前|那年|当年")


def _past_year_said(text: str, found: list[DateMention], pos: int, published: int, *,
                    any_precision: bool = False) -> int | None:
    """In a text that looks back, the year of the full date written last before ``pos`` in its
    paragraph or the one before, when that year is before the publication (a month and day
    then continue that year's story, not the publication year's). ``any_precision``: a year
    alone counts too ("故事要从2015年春天说起。那年4月8日": that year's April)."""
    start = text.rfind("\n", 0, pos)
    counted, extra = 0, 0
    while counted < 2:  # this paragraph and the one before (blank lines between them)
        while start > 0 and text[start - 1] in "\n \u3000\t":
            start -= 1
        end, start = start, text.rfind("\n", 0, max(start, 0))
        if "。" not in text[start + 1:end] and extra < 3 and start > 0:
            extra += 1  # (a headline or a rule between, as under a reposting editor's note)
            continue
        counted += 1
    if any_precision:
        start = 0  # "当年8月3日": the year of the story, however far back it was told
    # ("2008年1月中旬起……。1月26日晚,时任州委书记……": the month's year; and a month and day
    # already read as that year's carry it on to the next one)
    prior = [d for d in found if d.date and (
        d.basis == "explicit" and (d.precision in ("day", "month") or any_precision)
        or d.basis == "month-day+inferred-year") and max(start, 0) <= d.span.start < pos]
    return prior[-1].date.year if prior and prior[-1].date.year < published else None


_MONTH_LINE = re.compile(r"(?m)^[ \t]*(\d{1,2}|[一二三四五六七八九十]{1,3})月[ \t]*$")


def _month_header(text: str, pos: int) -> int | None:
    """The month of a chronicle section ("1月" alone on a line) above ``pos``, when the day
    starts a line of its own."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip():
        return None
    found = None
    for m in _MONTH_LINE.finditer(text, 0, pos):
        found = m
    if found is None:
        return None
    try:
        return _num(found.group(1))
    except ValueError:
        return None


# "比上年增长", "去年同期": a comparison with last year, not a statement about it.
_COMPARED = re.compile(r"(?:比|较|同比|与|相比)(?:上年|去年)|上年(?:同期|末|的)|去年同期")


_CN_YEAR = re.compile(r"([一二〇零○九][〇零○一二三四五六七八九]{3})年")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _cn_year(m: re.Match[str]) -> int | None:
    """二〇二二年 -> 2022 (a year written digit by digit in Chinese numerals)."""
    y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
    return y if 1950 <= y <= 2099 else None


def year_of(text: str, ref: Reference) -> int | None:
    """The year a phrase speaks of: an explicit 2017年 or 二〇一七年, or 今年/去年 against the
    reference."""
    m = re.search(r"(19[5-9]\d|20\d\d)年", text)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(text)
    if m and _cn_year(m):
        return _cn_year(m)
    text = _COMPARED.sub("", text)
    for word, delta in _REL_YEAR.items():
        if word in text and ref.year is not None:
            return ref.year + delta
    return None


def last_year_of(text: str, ref: Reference) -> int | None:
    """The year a passage spoke of last: "2022年……。今年1—10月,……" is this year."""
    last = None
    for m in re.finditer(r"(19[5-9]\d|20\d\d)年|[一二〇零○九][〇零○一二三四五六七八九]{3}年|今年|本年|"
                         r"去年|上年", _COMPARED.sub("", text)):
        last = m
    return year_of(last.group(), ref) if last else None
