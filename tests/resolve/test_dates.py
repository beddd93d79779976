"""kg.resolve.dates: the reference date of an article and the dates it mentions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve.dates import Reference, explicit_years, find_dates, reference, year_of

PUB_2021 = dt.datetime(2021, 6, 18, 9, 30)  # a Friday
PUB_2023 = dt.datetime(2023, 12, 5, 7, 40)

ARTICLE_2021 = "省委召开常委会议\n发布时间:2021-06-18 09:30\n6月17日,省委召开常委会议。2021年全省经济平稳。"

REPUBLISHED = ("全省县委书记工作讲坛\n发布时间:2023-12-05 07:40\n"
               "2月22日,省委举办县委书记工作讲坛。"
               "2017年,海门人均地区生产总值超过11万元,城乡居民可支配收入分别达到4.4万元和2.2万元。"
               "在2017年度百强县榜单上,海门排名第21位。")


def _at(text: str, ref: Reference, surface: str):
    """The mention whose surface form is ``surface`` (exactly one expected)."""
    found = [m for m in find_dates(text, ref) if text[m.span.start:m.span.end] == surface]
    assert len(found) == 1, (surface, find_dates(text, ref))
    return found[0]


def test_reference_is_the_publication_date() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    assert ref == Reference(dt.date(2021, 6, 18), "publication", 2021)


def test_reference_without_publication_or_years_is_unknown() -> None:
    assert reference("省委召开会议。", None) == Reference(None, "unknown", None)


def test_reference_without_publication_uses_latest_year() -> None:
    ref = reference("2016年和2019年的情况。", None)
    assert ref.basis == "inferred-year" and ref.year == 2019 and ref.date is None


def test_a_years_evaluation_released_this_year_makes_this_year_the_next() -> None:
    # a dateline without a year; the text says this year's release holds 2019's evaluation
    text = ("本报海口9月11日讯 本周一,全省交流会召开。\n据了解,在今年公布的“2019年度全省营商环境评价”中,"
            "琼海市排名第2。")
    ref = reference(text, None)
    assert (ref.year, ref.date) == (2020, dt.date(2020, 9, 11))


def test_republished_article_with_annual_figures_infers_the_next_year() -> None:
    assert explicit_years(REPUBLISHED, PUB_2023) == [2017, 2017]
    ref = reference(REPUBLISHED, PUB_2023)
    assert ref.basis == "inferred-year"
    assert ref.year == 2018
    assert ref.date is None
    m = _at(REPUBLISHED, ref, "2月22日")
    assert m.date == dt.date(2018, 2, 22)
    assert m.basis == "month-day+inferred-year"


def test_republished_article_without_annual_figures_keeps_the_latest_year() -> None:
    text = "发布时间:2023-12-05\n2月22日,省委举办讲坛。2017年10月,榜单发布。2016年数据。"
    ref = reference(text, PUB_2023)
    assert (ref.basis, ref.year) == ("inferred-year", 2017)
    assert _at(text, ref, "2月22日").date == dt.date(2017, 2, 22)


def test_one_stray_old_year_keeps_the_publication_basis() -> None:
    text = "2月22日,会议召开。自2015年以来,全市地区生产总值持续增长。"
    assert reference(text, PUB_2023) == Reference(PUB_2023.date(), "publication", 2023)


def test_recent_years_keep_the_publication_basis() -> None:
    text = "2月22日,会议召开。2022年,全市地区生产总值增长。"
    assert reference(text, PUB_2023).basis == "publication"


def test_body_start_skips_the_header() -> None:
    text = "2017年旧闻标题,2016年\n" + "2月22日,会议召开。"
    assert reference(text, PUB_2023, body_start=0).basis == "inferred-year"
    assert reference(text, PUB_2023, body_start=text.index("\n")).basis == "publication"


def test_bundled_article_reference(bundled) -> None:
    text = bundled.read_text("utf-8")
    ref = reference(text, PUB_2023)
    assert (ref.basis, ref.year) == ("inferred-year", 2018)


def test_explicit_full_date() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    m = _at("2021年6月17日,会议召开。", ref, "2021年6月17日")
    assert (m.date, m.basis, m.precision) == (dt.date(2021, 6, 17), "explicit", "day")


def test_explicit_chinese_numeral_date() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    m = _at("二〇一七年十月一日", ref, "二〇一七年十月一日")
    assert (m.date, m.basis) == (dt.date(2017, 10, 1), "explicit")


def test_explicit_year_and_month_precision() -> None:
    ref = Reference(dt.date(2021, 6, 18), "publication", 2021)
    assert _at("2017年10月,榜单发布", ref, "2017年10月").precision == "month"
    m = _at("2017年,海门", ref, "2017年")
    assert (m.date, m.precision) == (dt.date(2017, 1, 1), "year")


def test_invalid_explicit_date_is_skipped() -> None:
    ref = Reference(dt.date(2021, 6, 18), "publication", 2021)
    assert all(m.date is not None for m in find_dates("2021年2月30日", ref)
               if m.basis == "explicit")


def test_month_day_takes_the_reference_year() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    m = _at(ARTICLE_2021, ref, "6月17日")
    assert m.date == dt.date(2021, 6, 17)
    assert m.basis == "month-day+publication-year"


def test_december_in_a_january_article_is_last_year() -> None:
    ref = Reference(dt.date(2021, 1, 5), "publication", 2021)
    assert _at("12月30日,会议召开", ref, "12月30日").date == dt.date(2020, 12, 30)


def test_day_only_resolves_in_the_publication_month_or_the_one_before() -> None:
    ref = Reference(dt.date(2021, 6, 18), "publication", 2021)
    assert _at("10日召开", ref, "10日").date == dt.date(2021, 6, 10)
    assert _at("25日召开", ref, "25日").date == dt.date(2021, 5, 25)


@pytest.mark.parametrize("word, date", [
    ("昨天", dt.date(2021, 6, 17)), ("昨日", dt.date(2021, 6, 17)), ("今天", dt.date(2021, 6, 18)),
    ("前天", dt.date(2021, 6, 16)), ("明天", dt.date(2021, 6, 19)),
])
def test_relative_days(word: str, date: dt.date) -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    m = _at(f"{word},省委召开会议。", ref, word)
    assert m.date == date
    assert m.basis == "relative-to-publication"


@pytest.mark.parametrize("phrase, date", [
    ("上周五", dt.date(2021, 6, 11)), ("上星期一", dt.date(2021, 6, 7)),
    ("本周三", dt.date(2021, 6, 16)), ("这周日", dt.date(2021, 6, 20)),
    ("下周一", dt.date(2021, 6, 21)), ("上周日", dt.date(2021, 6, 13)),
])
def test_weekdays(phrase: str, date: dt.date) -> None:
    ref = Reference(PUB_2021.date(), "publication", 2021)
    m = _at(f"{phrase},省委召开会议。", ref, phrase)
    assert m.date == date
    assert m.date.weekday() == "一二三四五六日".index(phrase[-1])


def test_a_bare_weekday_after_a_day_is_that_weeks_day_and_a_name_is_not() -> None:
    ref = Reference(PUB_2021.date(), "publication", 2021)  # PUB_2021: Friday 18 June 2021
    text = "上周二,调研组抵达通化。\n周四上午,调研组召开座谈会。周一鸣作了发言。"
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["周四"] == dt.date(2021, 6, 10)
    assert "周一" not in got


def test_a_bare_day_after_a_month_day_is_in_that_month() -> None:
    # a reprinted 2012 report whose own date is unknown: "5日" continues "9月4日至5日"
    ref = Reference(None, "inferred-year", 2012)
    text = "9月4日至5日,调研组赴海东地区调研。\n5日下午,调研组召开座谈会。"
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["5日"] == dt.date(2012, 9, 5)
    # a paper's own date counts first: "20日" in a report of 20 August 2023 that looked back
    ref = Reference(dt.date(2023, 8, 20), "publication", 2023)
    text = "2013年8月16日,时任省委书记来到同江市。\n20日,同江市召开座谈会。"
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["20日"] == dt.date(2023, 8, 20)


def test_a_day_of_last_month_counts_from_the_publication() -> None:
    ref = Reference(dt.date(2024, 5, 20), "publication", 2024)
    text = "五年前,论坛在运城举办。\n上月18日,市委书记到河津市调研。上个月3日,市长到永济市调研。"
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["上月18日"] == dt.date(2024, 4, 18) and got["上个月3日"] == dt.date(2024, 4, 3)


def test_vague_date() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    m = _at("近日,省委召开会议。", ref, "近日")
    assert m.date is None
    assert m.basis == "vague"


def test_relative_dates_without_reference_date() -> None:
    ref = Reference(None, "unknown", None)
    got = find_dates("昨天和上周五以及6月17日", ref)
    assert [m.date for m in got if m.basis == "relative-to-publication"] == [None]
    assert all(m.date is None for m in got)


def test_mentions_are_sorted_and_disjoint() -> None:
    ref = reference(ARTICLE_2021, PUB_2021)
    text = "近日,2021年6月17日(昨天)及6月16日、上周五召开会议。"
    got = find_dates(text, ref)
    assert [text[m.span.start:m.span.end] for m in got] == [
        "近日", "2021年6月17日", "昨天", "6月16日", "上周五"]
    for a, b in zip(got, got[1:], strict=False):
        assert a.span.end <= b.span.start


def test_year_of() -> None:
    ref = Reference(None, "inferred-year", 2018)
    assert year_of("2017年全国百强县", ref) == 2017
    assert year_of("今年第一期", ref) == 2018
    assert year_of("去年", ref) == 2017
    assert year_of("没有年份", ref) is None
    assert year_of("今年", Reference(None, "unknown", None)) is None


_DATEY = st.text(alphabet=st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list("年月日0123456789〇零一二三四五六七八九十上本这下周星期昨今前明天近,。")),
), max_size=120)


@settings(max_examples=200, deadline=None)
@given(_DATEY)
def test_find_dates_never_raises_and_spans_lie_within(text: str) -> None:
    for ref in (reference(text, PUB_2021), reference(text, None),
                Reference(dt.date(2021, 6, 18), "publication", 2021),
                Reference(None, "inferred-year", 2018), Reference(None, "unknown", None)):
        prev_start = -1
        for m in find_dates(text, ref):
            assert 0 <= m.span.start < m.span.end <= len(text)
            assert m.span.start >= prev_start
            prev_start = m.span.start
            assert m.date is None or isinstance(m.date, dt.date)


def test_a_county_that_no_longer_exists_dates_a_republished_article() -> None:
    pub = dt.datetime(2020, 9, 8)
    text = "标题\n10月16日,市委书记到密云县、延庆县调研生态涵养区建设工作。"
    ref = reference(text, pub)
    assert (ref.basis, ref.year) == ("inferred-year", 2014)  # both became districts in 2015
    assert find_dates(text, ref)[0].date == dt.date(2014, 10, 16)
    # written as history, the old name says nothing about when the article was written
    for past in ("原密云县", "撤销密云县"):
        ref = reference(f"标题\n10月16日,区委书记到{past}所在地区调研。", pub)
        assert (ref.basis, ref.year) == ("publication", 2020)
    # a name that changed during year Y was still used early in Y (海安县 -> 海安市 in 2018)
    ref = reference("标题\n2月22日召开座谈会。海安县2017年地区生产总值增长8%,2017年全年"
                    "新增企业1200家。", dt.datetime(2023, 12, 5))
    assert ref.year == 2018


def test_a_republication_that_names_its_original_date() -> None:
    text = ("【重温】标题\n发布时间:2024-03-08 10:15\n编者按:本文原载于2019年7月24日《某日报》一版,"
            "今日重新刊发。\n昨天,全省工作会议召开。")
    ref = reference(text, dt.datetime(2024, 3, 8, 10, 15))
    assert (ref.date, ref.basis) == (dt.date(2019, 7, 24), "publication")
    yesterday = text.index("昨天")
    assert [d.date for d in find_dates(text, ref) if d.span.start == yesterday] == \
        [dt.date(2019, 7, 23)]
    # "我们重新编发2018年6月21日刊发的这篇报道": the day it first ran
    text = ("【旧文重温】标题\n发布时间:2023-06-18 10:00\n编者按:五年前,三县同时跻身十强。我们重新编发"
            "2018年6月21日刊发的这篇报道。\n昨天,芜湖市召开全市县域经济发展大会。")
    ref = reference(text, dt.datetime(2023, 6, 18, 10, 0))
    assert (ref.date, ref.basis) == (dt.date(2018, 6, 21), "publication")
    # "原载《荆楚日报》2016年3月3日第1版": the paper named between
    text = "【旧文重温】标题\n楚天观察 2024-03-04 08:00\n——\n原载《江汉晨报》2016年3月3日第1版\n本报讯 昨日,全省会议召开。"
    ref = reference(text, dt.datetime(2024, 3, 4, 8, 0))
    assert (ref.date, ref.basis) == (dt.date(2016, 3, 3), "publication")
    # "从馆藏的《X报》中选出2014年1月9日头版的一篇报道": the day the story chosen ran
    text = ("【档案】标题\n发布时间:2024-01-05 10:00\n编者按:我们从馆藏的《泗洪报》中选出2014年1月9日头版"
            "的一篇报道,原文照录。\n本报讯 昨天,县委全会召开。")
    ref = reference(text, dt.datetime(2024, 1, 5, 10, 0))
    assert (ref.date, ref.basis) == (dt.date(2014, 1, 9), "publication")
    # "十年前的今天,《延安日报》头版刊发了……的消息": this day, ten years before
    text = ("【旧闻重温】标题\n编者按:十年前的今天,《榆林日报》头版刊发了全市现场会的消息。\n"
            "本报讯 昨天,全市现场会在神木县召开。\n2024年9月17日")
    ref = reference(text, dt.datetime(2024, 9, 17))
    assert (ref.date, ref.basis) == (dt.date(2014, 9, 17), "publication")
    # the note at the foot: "(原载《大连日报》2014年5月21日)"
    text = ("【档案】标题\n编者按:十年前,全市召开了一次会议,我们重新刊发当年的报道。\n本报讯 昨天,全市县域经济工作会议召开。"
            + "会议要求各县抓好落实。" * 80 + "\n(原载《鞍山日报》2014年5月21日)")
    ref = reference(text, dt.datetime(2024, 5, 21))
    assert (ref.date, ref.basis) == (dt.date(2014, 5, 21), "publication")


def test_the_day_before_the_day_told_last() -> None:
    text = "标题\n昨天下午,全市推进大会召开。\n此前一天,市长主持召开市政府常务会议。"
    ref = reference(text, dt.datetime(2022, 11, 18, 9, 46))
    before = text.index("此前一天")
    assert [d.date for d in find_dates(text, ref) if d.span.start == before] == [dt.date(2022, 11, 16)]
    text = "标题\n3月28日,省人大常委会会议闭幕。前一天下午,常务副主任主持召开党组会议。会前一天,他到企业调研。"
    ref = reference(text, dt.datetime(2024, 3, 29))
    days = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert days["前一天"] == dt.date(2024, 3, 27)
    assert [d for d in find_dates(text, ref) if d.span.start == text.index("会前一天") + 1] == []


def test_a_range_of_days_in_this_month_is_dated_by_its_first_day() -> None:
    import datetime as _dt

    from kg.resolve.dates import Reference, find_dates

    got = find_dates("本月12日至13日,副主席深入锡林浩特市督导。",
                     Reference(_dt.date(2016, 7, 15), "publication", 2016))
    assert [d.date for d in got] == [_dt.date(2016, 7, 12)]


def test_an_anniversary_piece_keeps_its_story_in_the_year_it_tells() -> None:
    text = ("写在抗洪胜利五周年之际\n\n五年前的夏天,记忆犹新。2016年6月30日起,全市遭遇强降雨。7月1日晚,"
            "时任市委书记主持召开调度会。\n\n7月3日,时任市长赶赴宿松县。\n\n本月2日,我市召开座谈会。")
    ref = Reference(dt.date(2021, 7, 5), "publication", 2021)
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["7月1日"] == dt.date(2016, 7, 1)
    assert got["7月3日"] == dt.date(2016, 7, 3)
    assert got["2日"] == dt.date(2021, 7, 2)


def test_a_month_and_day_in_ordinary_news_keep_the_publication_year() -> None:
    text = "标题\n\n2019年5月10日,我县获批国家级示范区。3月12日,县委召开常委会会议。"
    ref = Reference(dt.date(2021, 3, 13), "publication", 2021)
    got = {text[d.span.start:d.span.end]: d.date for d in find_dates(text, ref)}
    assert got["3月12日"] == dt.date(2021, 3, 12)


def test_那年_continues_the_year_the_story_named() -> None:
    text = "故事要从2015年春天说起。那年4月8日,市委书记到屏南县调研。"
    ref = reference(text, dt.datetime(2025, 4, 10))
    assert _at(text, ref, "4月8日").date == dt.date(2015, 4, 8)
    # without 那年 a year alone does not carry over: 4月8日 is the publication year's
    plain = "2015年春天,市里定了规划。4月8日,市委书记到屏南县调研。"
    assert _at(plain, reference(plain, dt.datetime(2025, 4, 10)), "4月8日").date == dt.date(2025, 4, 8)


def test_a_dateline_gives_the_day_today_means() -> None:
    text = "标题\n\n本报济南8月24日讯 今天,省统计局召开新闻发布会。"
    ref = reference(text, dt.datetime(2005, 8, 25), body_start=4)
    assert ref.date == dt.date(2005, 8, 24)
    assert _at(text, ref, "今天").date == dt.date(2005, 8, 24)
    # a dateline long before the publication (a reprint) is no filing day
    assert reference(text, dt.datetime(2005, 10, 25), body_start=4).date == dt.date(2005, 10, 25)


def test_a_stretch_of_relative_days_is_dated_by_its_first() -> None:
    text = "标题\n\n前天至昨天,州长深入两县督导秋粮生产。"
    ref = Reference(dt.date(2022, 8, 11), "publication", 2022)
    assert _at(text, ref, "前天至昨天").date == dt.date(2022, 8, 9)
    assert not [d for d in find_dates(text, ref) if text[d.span.start:d.span.end] == "昨天"]


def test_a_dateline_without_a_publication_time_takes_the_year_the_text_speaks_of() -> None:
    text = "标题\n\n本报锡林浩特5月3日讯 昨天,盟委书记深入正蓝旗调研,要求确保2021年补助资金及时发放。"
    ref = reference(text, None, body_start=4)
    assert ref.date == dt.date(2021, 5, 3)
    assert _at(text, ref, "昨天").date == dt.date(2021, 5, 2)
    # no year in the text: nothing to date it by
    bare = "标题\n\n本报锡林浩特5月3日讯 昨天,盟委书记深入正蓝旗调研。"
    assert reference(bare, None, body_start=4).date is None


def test_this_day_years_ago() -> None:
    ref = Reference(dt.date(2024, 2, 15), "publication", 2024)
    got = [(d.date, d.basis) for d in find_dates("七年前的今天,衢州市召开推进会。", ref)]
    assert got == [(dt.date(2017, 2, 15), "relative-to-publication")]


def test_a_look_back_counted_from_today_trusts_the_publication_date() -> None:
    text = ("标题\n\n十年前的今天,全省县域经济现场推进会在公主岭市召开。2011年全市地区生产总值突破400亿元。"
            "2013年起扩权强县。如今,2020年全市地区生产总值超过600亿元。")
    ref = reference(text, dt.datetime(2022, 9, 13, 7, 30), body_start=4)
    assert ref.date == dt.date(2022, 9, 13)
    assert [d.date for d in find_dates(text, ref) if d.precision == "day"] == [dt.date(2012, 9, 13)]


def test_the_year_said_by_its_place_in_a_five_year_plan_dates_a_reposted_report() -> None:
    # reposted in 2024 (the date at its foot), written in 2016: "十三五" opened in 2016; the
    # target year of a plan (到2020年力争) and the foot's date are no years the text reports on
    text = ("晋江位列百强县第五\n\n今年是“十三五”开局之年。日前发布的2016年百强县名单中,晋江市位列第五。"
            "10月25日,泉州市召开座谈会。到2020年全市力争有2个县地区生产总值超过千亿元。"
            "\n\n(编辑:张小红 2024年3月18日)")
    ref = reference(text, dt.datetime(2024, 3, 18), body_start=10)
    assert (ref.date, ref.year) == (None, 2016)
    assert _at(text, ref, "10月25日").date == dt.date(2016, 10, 25)
    # the plan's closing year, and an article of that very year keeps its publication date
    closing = "标题\n\n今年是“十三五”收官之年。10月25日,全市召开座谈会。"
    assert reference(closing, dt.datetime(2020, 10, 26), body_start=4).date == dt.date(2020, 10, 26)
    assert reference(closing, dt.datetime(2023, 3, 1), body_start=4).year == 2020


def test_a_target_year_is_no_year_the_text_reports_on() -> None:
    text = "2019年全县地区生产总值增长6.5%。到2025年力争突破千亿元,2024年前确保实现翻番。"
    assert explicit_years(text, dt.datetime(2026, 1, 5)) == [2019]


def test_a_look_back_counts_last_year_from_the_publication_and_days_from_the_story() -> None:
    # written in 2024 about 2014 (十年过去, 时任, 如今): 去年 is 2023; "1月26日晚" after
    # "2014年1月中旬起" is January 2014, and "2月1日" two paragraphs on carries that year on
    text = ("回望\n\n2014年1月中旬起,持续的冻雨让山区交通中断。\n\n1月26日晚,时任州委书记王立主持召开会议。"
            "\n\n如今已是省政协副主席的李明回忆说,那天开完会已是凌晨。\n\n2月1日,时任副省长赵海来到利川市考察灾情。"
            "\n\n十年过去,去年全州农村居民人均可支配收入达到15000元。")
    ref = reference(text, dt.datetime(2024, 1, 26), body_start=4)
    assert ref.date == dt.date(2024, 1, 26)
    assert _at(text, ref, "1月26日").date == dt.date(2014, 1, 26)
    assert _at(text, ref, "1月26日").basis == "month-day+inferred-year"
    assert _at(text, ref, "2月1日").date == dt.date(2014, 2, 1)
    assert year_of("去年全州农村居民人均可支配收入", ref) == 2023


def test_a_papers_own_dateline_dates_yesterday_with_the_year_the_text_speaks_of() -> None:
    # no publication time; "四川日报成都6月14日讯" and a 2023 forum: yesterday is 13 June 2023,
    # and the plan's 2025 target ("力争到2025年") is no year the report speaks of
    text = ("标题\n\n四川日报成都6月14日讯(记者 王小川)昨天下午,省委在成都举办2023年第二期县委书记讲坛。"
            "2022年,双流区实现地区生产总值1086亿元。力争到2025年地区生产总值突破1400亿元。")
    ref = reference(text, None, body_start=4)
    assert ref.date == dt.date(2023, 6, 14)
    assert _at(text, ref, "昨天").date == dt.date(2023, 6, 13)
    # ("确保2021年补助资金发放到户" is this year's money, not a target year)
    assert explicit_years("确保2021年草原补助资金及时发放。", None) == [2021]


def test_that_years_month_and_day_after_several_paragraphs() -> None:
    text = ("回望\n\n八年前的夏天,一场现场会让许多干部至今记忆犹新。\n\n2016年7月19日,全省现场推进会在乐都区召开。"
            "时任省长韩守成出席会议。\n\n现任区委书记欧阳立民回忆说,那天心里一下子亮堂了。\n\n次日,韩守成深入贫困村。\n\n"
            "当年8月3日,市委召开全市推进大会。\n\n如今,2023年全市农村居民人均可支配收入达到15986元。")
    ref = reference(text, dt.datetime(2024, 7, 12), body_start=4)
    assert _at(text, ref, "8月3日").date == dt.date(2016, 8, 3)


def test_the_same_day_counts_from_a_weekday_said_before_it() -> None:
    # "上周三,……调研。……当天下午,……主持召开座谈会": the Wednesday, not the publication day
    ref = Reference(dt.date(2022, 9, 16), "publication", 2022)
    got = find_dates("上周三,县委书记上官明到梓山镇调研。当天下午,他主持召开座谈会。次日,他到禾丰镇。", ref)
    assert [m.date for m in got] == [dt.date(2022, 9, 7), dt.date(2022, 9, 7), dt.date(2022, 9, 8)]



def test_a_day_alone_that_this_month_has_not_reached_or_does_not_have() -> None:
    ref = Reference(dt.date(2023, 9, 1), "publication", 2023)
    got = find_dates("31日上午,全州文旅产业发展大会召开。", ref)
    assert [m.date for m in got] == [dt.date(2023, 8, 31)]


def test_a_month_and_day_in_a_look_back_after_a_year_said_with_a_season() -> None:
    text = ("四年前那场座谈会\n发布时间:2019-10-21\n2015年盛夏,哈尔滨。8月27日,省委召开全省县委书记座谈会。"
            "时任省委书记出席并讲话。如今,肇东已大变样。")
    ref = reference(text, dt.datetime(2019, 10, 21))
    day = text.index("8月27日")
    assert [d.date for d in find_dates(text, ref) if d.span.start == day] == [dt.date(2015, 8, 27)]


def test_a_month_and_day_after_那一年() -> None:
    text = ("标题\n“我记得最深的,是2017年4月的那次会议。”他说。那一年4月18日,联席会议在银川召开。"
            "时任自治区党委书记出席。如今,产业已成规模。\n2023年7月20日")
    ref = reference(text, dt.datetime(2023, 7, 20))
    day = text.index("4月18日")
    assert [d.date for d in find_dates(text, ref) if d.span.start == day] == [dt.date(2017, 4, 18)]


def test_a_month_and_day_under_a_reposted_headline_take_the_editors_year() -> None:
    # invented: an editor's note says when, then a rule and the original headline come between
    text = ("【重温】五年前的那场推进会\n\n发布时间:2024-04-16 10:00\n\n"
            "编者按:2019年4月,正值脱贫攻坚关键时刻,某市召开了一场推进会。五年过去,当年的承诺已经兑现。\n\n"
            "————————————\n\n全市脱贫攻坚推进大会召开\n\n4月16日,某市召开全市脱贫攻坚推进大会。\n")
    ref = reference(text, dt.datetime(2024, 4, 16, 10, 0))
    assert _at(text, ref, "4月16日").date == dt.date(2019, 4, 16)
