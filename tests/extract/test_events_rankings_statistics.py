"""Events and roles, rankings and statistics on short invented articles."""

from __future__ import annotations

import datetime as dt

from tests.extract.test_officials import facts_of, posts


def roles(f) -> dict[str | None, str]:
    return {p.person or f"{p.place.name}{p.title}": p.role for p in f.participations}


def test_meeting_roles_and_date() -> None:
    f = facts_of("全市项目建设推进会召开\n6月17日,全市项目建设推进会召开。市委书记陈志刚出席会议并讲话,"
                 "市委副书记、市长刘海涛主持会议。副市长孙红汇报了项目进展情况。市领导周明、吴敏出席会议。",
                 published=dt.datetime(2021, 6, 18))
    assert [e.name for e in f.events] == ["全市项目建设推进会"]
    assert f.events[0].date == dt.date(2021, 6, 17)
    assert roles(f) == {"陈志刚": "speech", "刘海涛": "presided", "孙红": "remarks",
                        "周明": "attended", "吴敏": "attended"}


def test_chair_who_also_speaks_presided() -> None:
    f = facts_of("标题\n3月2日,市委常委会召开会议。市委书记王立新主持会议并讲话。")
    assert roles(f) == {"王立新": "presided"}


def test_inspection_tour_led_and_accompanied() -> None:
    f = facts_of("标题\n昨天,省长赵文华到嘉善县调研数字经济发展工作。嘉兴市委书记钱建平、"
                 "市长孙立东陪同调研。", published=dt.datetime(2021, 6, 18))
    assert f.events and f.events[0].type == "inspection"
    assert f.events[0].date == dt.date(2021, 6, 17)
    assert roles(f) == {"赵文华": "led", "钱建平": "accompanied", "孙立东": "accompanied"}


def test_ranking_lines_and_prose() -> None:
    text = ("榜单发布\n近日,某研究院发布“2020全国县域经济百强榜”,慈溪市位列第六位。\n\n"
            "2020全国县域经济百强榜\n\n第6位 浙江慈溪市\n\n第9位 浙江义乌市\n")
    f = facts_of(text)
    got = {(f.rankings[0].name, p.rank, p.place.name) for p in f.placements}
    assert got == {("2020全国县域经济百强榜", 6, "慈溪市"), ("2020全国县域经济百强榜", 9, "义乌市")}
    assert f.rankings[0].year == 2020


def test_statistics_with_scaling_qualifiers_and_respectively() -> None:
    f = facts_of("标题\n2020年,诸暨市地区生产总值超过1300亿元,增长3.5%。城乡居民人均可支配收入分别为"
                 "6.9万元和4.1万元。预期明年地区生产总值增长6%左右。")
    got = {(o.indicator, o.value, o.unit, o.qualifier, o.year) for o in f.observations}
    assert ("地区生产总值", 130000000000, "元", ">", 2020) in got
    assert ("地区生产总值增速", 3.5, "%", "=", 2020) in got
    assert ("城镇居民人均可支配收入", 69000, "元", "=", 2020) in got
    assert ("农村居民人均可支配收入", 41000, "元", "=", 2020) in got
    assert not any(o.value == 6 for o in f.observations)  # a target is not a statistic
    assert {o.place.name for o in f.observations} == {"诸暨市"}


def test_team_noun_is_not_a_tour_and_address_is_not_a_meeting() -> None:
    f = facts_of("标题\n5日,副省长吴立恒率省防汛督导组来到我市,督导防汛工作。市委书记龚明远陪同。"
                 "当天,市政协召开生态保护专题协商会。市政协主席邓雅琴主持会议。"
                 "市委书记龚明远出席并讲话。他代表市委向大会的召开表示祝贺。",
                 published=dt.datetime(2022, 7, 6))
    names = sorted(e.name for e in f.events)
    assert sorted(names) == ["吴立恒督导防汛工作", "生态保护专题协商会"]


def test_every_member_of_a_listed_group_speaks() -> None:
    f = facts_of("标题\n9月3日,市政协召开水资源保护专题协商会。市政协主席邓雅琴主持会议。"
                 "市政协委员廖文斌、达娜、童晓峰先后作协商发言。市水利局局长魏国梁到会听取意见。",
                 published=dt.datetime(2022, 9, 4))
    got = roles(f)
    assert {k: got.get(k) for k in ("廖文斌", "达娜", "童晓峰", "魏国梁", "邓雅琴")} == {
        "廖文斌": "remarks", "达娜": "remarks", "童晓峰": "remarks", "魏国梁": "attended",
        "邓雅琴": "presided"}


def test_press_answers_are_remarks_and_reporting_on_a_tour_is_not_leading_it() -> None:
    f = facts_of("标题\n3月2日,市政府新闻办举行新闻发布会。市委宣传部副部长龚晓燕主持发布会。"
                 "市商务局局长戴永庆回答了记者提问。\n\n"
                 "3月5日,副市长阎立群到凤冈县开展农田保护督查。当天下午召开督查反馈会,"
                 "市自然资源局局长邵文军通报了督查发现的问题。",
                 published=dt.datetime(2023, 3, 6))
    got = {(p.person, p.role) for p in f.participations}
    assert ("戴永庆", "remarks") in got
    assert ("阎立群", "led") in got
    assert ("邵文军", "led") not in got


def test_members_of_a_touring_team_attend() -> None:
    f = facts_of("标题\n前天,省人大常委会副主任钟远航率视察组来到我市,视察耕地保护工作。"
                 "视察组成员蔺晓红、韩立成参加视察。副市长贺明亮陪同视察。",
                 published=dt.datetime(2023, 8, 10))
    got = roles(f)
    assert {k: got.get(k) for k in ("钟远航", "蔺晓红", "韩立成", "贺明亮")} == {
        "钟远航": "led", "蔺晓红": "attended", "韩立成": "attended", "贺明亮": "accompanied"}


def test_yiji_joins_named_and_unnamed_attendees() -> None:
    f = facts_of("标题\n4月17日,市委常委会召开会议。市委书记严正宏主持会议。"
                 "副市长程一帆、市中级人民法院院长卞立诚,以及海曙区党委主要负责同志列席会议。",
                 published=dt.datetime(2023, 4, 19))
    got = roles(f)
    assert got.get("程一帆") == "attended" and got.get("卞立诚") == "attended"


def test_list_named_by_its_province_elsewhere_takes_that_name() -> None:
    f = facts_of("2021年度全省县域营商环境评价结果公布\n日前,2021年度山东省县域营商环境评价结果公布。\n\n"
                 "2021年度全省县域营商环境评价前三名\n\n名次　县(市)　所属市\n1　荣成市　威海市\n"
                 "2　寿光市　潍坊市\n3　龙口市　烟台市\n")
    assert {r.name for r in f.rankings} == {"2021年度山东省县域营商环境评价"}
    assert len(f.placements) == 3


def test_tongnian_takes_the_year_written_before() -> None:
    f = facts_of("标题\n2021年,桐乡市地区生产总值增长8.9%。\n\n同年,桐乡市城乡居民人均可支配收入分别达到"
                 "7.2万元和4.3万元。", published=dt.datetime(2023, 5, 2))
    got = {(o.indicator, o.year) for o in f.observations}
    assert ("城镇居民人均可支配收入", 2021) in got
    assert ("农村居民人均可支配收入", 2021) in got


def test_this_year_after_last_year_in_one_paragraph() -> None:
    f = facts_of("标题\n2022年,龙胜县实现旅游总收入42.3亿元。今年1—9月,全县接待游客512万人次,同比增长31%;"
                 "实现旅游总收入56.1亿元,同比增长40.2%。", published=dt.datetime(2023, 10, 20))
    got = {(o.indicator, o.value, o.year) for o in f.observations}
    assert ("旅游总收入", 4230000000, 2022) in got
    assert ("旅游总收入", 5610000000, 2023) in got


def test_respectively_growth_after_two_levels() -> None:
    f = facts_of("标题\n2021年,石狮市城镇居民人均可支配收入65100元、农村居民人均可支配收入32800元,"
                 "分别增长7.1%和8.4%。", published=dt.datetime(2022, 3, 2))
    got = {(o.indicator, o.value) for o in f.observations}
    assert ("城镇居民人均可支配收入增速", 7.1) in got
    assert ("农村居民人均可支配收入增速", 8.4) in got
    assert ("农村居民人均可支配收入增速", 7.1) not in got


def test_per_capita_after_total_and_shared_qualifier() -> None:
    f = facts_of("标题\n2021年,醴陵市地区生产总值首次突破800亿元,人均达到10.8万元。"
                 "2020年,秦州区、麦积区地区生产总值分别突破200亿元和180亿元。城乡居民人均可支配收入"
                 "分别比上年增长4.7%和7.9%。", published=dt.datetime(2022, 3, 2))
    got = {(o.place.name, o.indicator, o.value, o.qualifier) for o in f.observations}
    assert ("醴陵市", "人均地区生产总值", 108000, "=") in got
    assert ("麦积区", "地区生产总值", 18000000000, ">") in got


def test_growth_written_as_zengsu_or_zengfu() -> None:
    f = facts_of("标题\n今年上半年,江北区实现地区生产总值980.2亿元,增速为5.8%;社会消费品零售总额301.4亿元,"
                 "增幅达6.6%。", published=dt.datetime(2023, 7, 20))
    got = {(o.indicator, o.value) for o in f.observations}
    assert ("地区生产总值增速", 5.8) in got and ("社会消费品零售总额增速", 6.6) in got


def test_rank_written_before_place_and_unquoted_list_in_lead() -> None:
    f = facts_of("标题\n9月2日,省县域经济研究会发布“2022湖北县域经济十强县(市)”。排名依次为:第一名大冶市,"
                 "第二名仙桃市,第三名宜都市。其中,枣阳市排名第十一名,",
                 published=dt.datetime(2022, 9, 3))
    got = {(p.rank, p.place.name) for p in f.placements}
    assert {(1, "大冶市"), (2, "仙桃市"), (3, "宜都市")} <= got
    assert not any(r == 11 and n != "枣阳市" for r, n in got)
    g = facts_of("五县跻身全省十强\n记者获悉,2019年度湖南省县域经济发展质量评价结果日前公布。\n\n"
                 "第1名　长沙县\n第2名　浏阳市\n", published=dt.datetime(2020, 5, 3))
    assert {r.name for r in g.rankings} == {"2019年度湖南省县域经济发展质量评价"}


def test_publisher_named_as_the_source_of_the_news() -> None:
    f = facts_of("标题\n记者从湖南省统计局获悉,2019年度湖南省县域经济发展质量评价结果日前公布。\n\n"
                 "第1名　长沙县\n第2名　浏阳市\n", published=dt.datetime(2020, 5, 3))
    assert [r.publisher for r in f.rankings] == ["湖南省统计局"]


def test_elliptical_rank_and_unquoted_综合排名() -> None:
    f = facts_of("标题\n日前,某研究中心发布“2022年全国县域经济综合竞争力百强县”榜单。其中,晋江市位列第4位,"
                 "南安市第22位,石狮市第31位。\n\n在江西省统计局发布的2022年度全省县域经济综合排名中,"
                 "南昌县位居第一。", published=dt.datetime(2023, 4, 12))
    got = {(r.name, p.rank, p.place.name) for p in f.placements for r in f.rankings
           if r.key == p.list_key}
    assert ("2022年全国县域经济综合竞争力百强县", 22, "南安市") in got
    assert ("2022年全国县域经济综合竞争力百强县", 31, "石狮市") in got
    assert ("2022年度全省县域经济综合排名", 1, "南昌县") in got


def test_meeting_named_in_zai_zhaokai_de_shang() -> None:
    f = facts_of("标题\n记者从20日在霞浦召开的全省海上养殖综合整治现场推进会上获悉,福建将推广经验。"
                 "副省长欧阳立明在会上强调,要坚持生态优先。", published=dt.datetime(2021, 3, 21))
    assert [(e.name, e.date) for e in f.events] == [("全省海上养殖综合整治现场推进会",
                                                      dt.date(2021, 3, 20))]
    assert roles(f).get("欧阳立明") == "speech"


def test_unnamed_heads_listed_by_organ_or_government() -> None:
    f = facts_of("标题\n2月3日,全市高质量发展推进大会召开。市委书记鲍立群主持会议。会上,南康区委、章贡区委、"
                 "瑞金市委主要负责同志作典型发言,射阳县政府主要负责同志作交流发言。",
                 published=dt.datetime(2023, 2, 4))
    got = roles(f)
    assert got.get("南康区区委书记") == "remarks" and got.get("章贡区区委书记") == "remarks"
    assert got.get("瑞金市市委书记") == "remarks"
    assert got.get("射阳县县长") == "remarks"


# -- batch i: general forms met on arrival (the texts below are invented) ---------------------


def test_table_with_chinese_numeral_ranks_under_an_unquoted_list() -> None:
    f = facts_of("通报\n根据通报,2023年度县域发展综合考核排名前三位的县市如下:\n\n名次    县市\n"
                 "一      昆山市\n二      江阴市\n三      张家港市\n")
    got = {(p.place.name, p.rank) for p in f.placements}
    assert got == {("昆山市", 1), ("江阴市", 2), ("张家港市", 3)}
    assert f.rankings[0].name == "2023年度县域发展综合考核"


def test_list_published_with_le_and_an_anaphoric_publisher() -> None:
    f = facts_of("榜单\n近日,江南县域研究院发布《2022中国县域活力百强》榜单,余姚市位列第八位。\n\n"
                 "该研究院同期发布的《2022中国县域投资潜力百强》榜单中,海宁市位列第十一位。")
    pubs = {r.name: r.publisher for r in f.rankings}
    assert pubs["2022中国县域投资潜力百强"] == "江南县域研究院"
    g = facts_of("结果\n近日,省考核办公布了2021年度全省县域经济发展考核结果。在考核中,"
                 "宜都市、枝江市分列第二、第四位。")
    assert {r.name for r in g.rankings} == {"2021年度全省县域经济发展考核"}


def test_chinese_decimal_values_and_growth_in_words() -> None:
    f = facts_of("经济\n2022年,宜都市一般公共预算收入完成二十一点五亿元,增长百分之十二点三。",
                 published=dt.datetime(2023, 2, 1))
    got = {(o.indicator, o.value, o.unit) for o in f.observations}
    assert ("一般公共预算收入", 2_150_000_000, "元") in got
    assert ("一般公共预算收入增速", 12.3, "%") in got


def test_a_comparison_within_the_province_is_not_a_province_statistic() -> None:
    f = facts_of("经济\n2021年,仙桃市地区生产总值达到1002.6亿元,成为全省首个地区生产总值过千亿元的"
                 "县域,同比增长16.2%。", published=dt.datetime(2022, 3, 1))
    got = {(o.place.name, o.indicator, o.value) for o in f.observations}
    assert got == {("仙桃市", "地区生产总值", 100_260_000_000),
                   ("仙桃市", "地区生产总值增速", 16.2)}


def test_undated_lead_mention_takes_the_date_said_later() -> None:
    f = facts_of("市长调研并主持召开常务会议\n本报讯 连日来,市长周海峰深入基层调研,并主持召开市政府常务会议。"
                 "\n\n前天,周海峰来到瑞金市调研红色旅游工作。\n\n昨天下午,周海峰主持召开市政府第十二次常务会议。"
                 "副市长陈立、王平出席会议。", published=dt.datetime(2019, 5, 22))
    meeting = next(e for e in f.events if "常务会议" in e.name)
    assert meeting.name == "市政府第十二次常务会议"  # the full name said later, ordinal and all
    assert meeting.date == dt.date(2019, 5, 21)  # 昨天, said with the meeting; not 前天


def test_a_tour_said_as_deep_into_several_towns_then_on_the_spot_and_named_by_the_headline() -> None:
    f = facts_of("旗长深入乡镇调研重点项目建设和生态保护工作\n5月16日,旗委副书记、旗长司马立先后深入札萨克镇、"
                 "红庆河镇,实地调研重点项目建设、煤矿安全生产和生态修复治理工作。副旗长高志陪同调研。",
                 published=dt.datetime(2023, 5, 19))
    tour = next(e for e in f.events if e.type == "inspection")
    assert tour.name == "司马立调研重点项目建设和生态保护工作"  # who, the verb, the headline's topic
    assert tour.date == dt.date(2023, 5, 16)
    assert roles(f) == {"司马立": "led", "高志": "accompanied"}


def test_year_written_in_chinese_numerals_and_figures_from_one_year_to_another() -> None:
    f = facts_of("报告\n县长代表县政府作报告。报告回顾了二〇二二年工作:全县地区生产总值完成八十六点四亿元,"
                 "增长百分之三点九。", published=dt.datetime(2023, 1, 11))
    assert {(o.indicator, o.year, o.value) for o in f.observations} == {
        ("地区生产总值", 2022, 8_640_000_000), ("地区生产总值增速", 2022, 3.9)}
    g = facts_of("五年\n过去五年,盐源县地区生产总值由2016年的84.6亿元增长到2020年的136.2亿元;"
                 "农村居民人均可支配收入由10178元增长到15930元。", published=dt.datetime(2021, 3, 1))
    assert {(o.indicator, o.year, o.value) for o in g.observations} == {
        ("地区生产总值", 2016, 8_460_000_000), ("地区生产总值", 2020, 13_620_000_000),
        ("农村居民人均可支配收入", 2016, 10178), ("农村居民人均可支配收入", 2020, 15930)}


def test_a_city_bulletin_over_its_counties_gives_全市_to_the_city() -> None:
    f = facts_of("东台、大丰增速领跑全市\n盐城市统计局 2024年10月25日\n\n前三季度,全市地区生产总值5626.8亿元,"
                 "同比增长6.1%。东台市、大丰区、射阳县分别增长7.2%、7.0%和6.3%。",
                 published=dt.datetime(2024, 10, 25))
    got = {(o.place.name, o.indicator) for o in f.observations}
    assert ("盐城市", "地区生产总值") in got and ("东台市", "地区生产总值") not in got


def test_seated_on_the_rostrum_is_attending() -> None:
    f = facts_of("大会\n4月12日,全县乡村振兴动员大会召开。县委书记达瓦作动员讲话。大会由县长令狐建国主持。"
                 "县人大常委会主任祁有才、县政协主席韩德明等县级领导在主席台就座。",
                 published=dt.datetime(2018, 4, 13))
    assert roles(f) == {"达瓦": "speech", "令狐建国": "presided", "祁有才": "attended",
                        "韩德明": "attended"}


def test_officials_who_join_the_tour_in_their_county_attend_it() -> None:
    f = facts_of("调研\n6月8日,市长诸葛明到灵丘县、广灵县调研生态保护工作。灵丘县委书记马俊,"
                 "广灵县县长向东分别参加在本县的调研活动。", published=dt.datetime(2022, 6, 9))
    assert roles(f) == {"诸葛明": "led", "马俊": "attended", "向东": "attended"}
    assert len(f.events) == 1


def test_a_tour_told_twice_is_one_tour_named_by_the_telling_that_says_what_about() -> None:
    f = facts_of("市长调研\n本报讯 连日来,市长邝海明深入基层调研。\n\n前天,邝海明先后来到瑞金市、于都县,"
                 "调研红色旅游工作。副市长温晓丽陪同。", published=dt.datetime(2019, 5, 22))
    tours = [e for e in f.events if e.type == "inspection"]
    assert [t.name for t in tours] == ["邝海明调研红色旅游工作"]
    assert roles(f) == {"邝海明": "led", "温晓丽": "accompanied"}


def test_reporting_on_a_tour_at_a_meeting_is_remarks_not_leading() -> None:
    f = facts_of("会议\n6月18日,县委书记司马晴主持召开防汛工作专题会议。县纪委书记陶玉华通报了近期防汛工作督查情况,"
                 "市政协副主席高婉青代表调研组作了调研报告。", published=dt.datetime(2024, 6, 19))
    assert roles(f) == {"司马晴": "presided", "陶玉华": "remarks", "高婉青": "remarks"}


def test_lists_named_as_考评_and_this_year_s_quarters_and_enumerated_items_on_the_next_line() -> None:
    f = facts_of("考评\n近日,省统计局发布2021年度全省县域经济发展综合考评结果。\n\n"
                 "2021年度全省县域经济发展综合考评前三名:\n\n第一名 安宁市(昆明市)\n第二名 宣威市(曲靖市)\n"
                 "第三名 弥勒市\n", published=dt.datetime(2022, 8, 1))
    assert {(p.place.name, p.rank) for p in f.placements} == {("安宁市", 1), ("宣威市", 2),
                                                             ("弥勒市", 3)}
    g = facts_of("通报\n会议通报了2017年度全市县域经济发展考评结果,排名前三的依次为:\n\n"
                 "(一)晋江市;(二)石狮市;(三)南安市。", published=dt.datetime(2018, 3, 1))
    assert {(p.place.name, p.rank) for p in g.placements} == {("晋江市", 1), ("石狮市", 2),
                                                             ("南安市", 3)}
    h = facts_of("会议\n通报显示,在今年前三季度全市县域经济考核中,新安县位居第一,偃师区、伊川县分列第二、三位。",
                 published=dt.datetime(2021, 11, 1))
    assert [(r.name, r.year) for r in h.rankings] == [("前三季度全市县域经济考核", 2021)]
    assert {(p.place.name, p.rank) for p in h.placements} >= {("偃师区", 2), ("伊川县", 3)}


def test_unnamed_secretaries_with_parent_cities_all_speak_and_introducing_is_remarks() -> None:
    f = facts_of("会议\n3月15日,全省县域经济推进会议召开。济南市章丘区、青岛市胶州市、烟台市龙口市的党委主要负责同志"
                 "作了表态发言。晋江市委书记沈建华介绍了推进产业升级的做法,石狮市委书记邵文海就服装产业作了交流。",
                 published=dt.datetime(2019, 3, 16))
    assert roles(f) == {"章丘区区委书记": "remarks", "胶州市市委书记": "remarks",
                        "龙口市市委书记": "remarks", "沈建华": "remarks", "邵文海": "remarks"}


def test_spread_growth_rates_written_in_words() -> None:
    f = facts_of("统计\n二〇一九年,禅城区、三水区、高明区地区生产总值分别为一千八百零五亿元、一千二百八十六亿元和"
                 "九百二十一亿元,增速分别为百分之五点八、百分之六点二和百分之七点五。",
                 published=dt.datetime(2020, 3, 1))
    got = {(o.place.name, o.indicator, o.value) for o in f.observations}
    assert {("禅城区", "地区生产总值增速", 5.8), ("三水区", "地区生产总值增速", 6.2),
            ("高明区", "地区生产总值增速", 7.5), ("三水区", "地区生产总值", 128_600_000_000)} <= got


def test_one_principal_speech_per_meeting() -> None:
    f = facts_of("大会\n2月15日,全省优化营商环境大会召开。省委书记王建华出席并讲话。省长刘卫东主持会议。"
                 "市委书记郑卫明在分会场出席并讲话。", published=dt.datetime(2022, 2, 16))
    r = roles(f)
    assert r["王建华"] == "speech" and r["刘卫东"] == "presided" and r["郑卫明"] == "remarks"


def test_at_the_time_is_not_a_name() -> None:
    f = facts_of("回顾\n2012年3月15日,长汀县召开现场推进会。会议由时任县委书记欧阳振华主持,"
                 "时任龙岩市副市长单立明出席并讲话。", published=dt.datetime(2024, 3, 12))
    assert set(roles(f)) == {"欧阳振华", "单立明"}


def test_a_two_day_tour_is_one_tour() -> None:
    f = facts_of("调研\n5月20日至21日,省委书记潘正明在赣州调研。20日,潘正明来到瑞金市调研红色旅游工作。"
                 "21日,潘正明来到兴国县调研乡村振兴工作。市委书记李成陪同。", published=dt.datetime(2019, 5, 22))
    tours = [e for e in f.events if e.type == "inspection"]
    assert len(tours) == 1 and tours[0].date == dt.date(2019, 5, 20)


def test_description_of_a_meeting_and_a_rule_are_not_meetings() -> None:
    f = facts_of("标题\n3月5日,市委常委会召开会议。会议指出,今年两会是在关键之年召开的一次重要会议。"
                 "根据大会选举办法,会议进行了表决。市委常委、组织部部长上官丽就有关情况作了说明。"
                 "市委常委出席会议。")
    assert [e.name for e in f.events] == ["市委常委会会议"]
    assert roles(f) == {"上官丽": "remarks"}  # 市委常委 is a group, not one unnamed official


def test_unannounced_visit_is_a_tour() -> None:
    f = facts_of("标题\n10月15日,省纪委书记万世平到通渭县暗访整治工作。县委书记高明陪同。",
                 published=dt.datetime(2024, 10, 17))
    assert f.events and f.events[0].type == "inspection"
    assert roles(f) == {"万世平": "led", "高明": "accompanied"}


def test_compound_surname_with_a_title_is_the_official_and_after_the_meeting_is_not_in_it() -> None:
    f = facts_of("标题\n6月3日,全省安全生产视频会议召开。副省长司马立成出席会议并讲话。"
                 "省应急管理厅厅长邓文就隐患排查工作作了部署。\n"
                 "司马副省长强调,要压实责任。\n"
                 "我市在市政府设分会场。市长尹晓东在分会场参加会议。\n"
                 "会后,尹晓东就贯彻落实会议精神提出要求。他强调,要立即行动。",
                 published=dt.datetime(2024, 6, 4))
    assert roles(f) == {"司马立成": "speech", "邓文": "remarks", "尹晓东": "attended"}
    assert "司马" not in {p.name for p in f.persons}


def test_markdown_table_ranks_region_wide_prose_and_last_years_list() -> None:
    f = facts_of("标题\n近日,农业农村部发布《2024全国县域农业信息化发展水平评价报告》。入围县市排名如下:\n\n"
                 "| 全国排名 | 县(市、区) |\n| :---: | :--- |\n| 第12位 | 湖北省仙桃市 |\n"
                 "| 第37位 | 湖北省监利市 |\n\n"
                 "在2013年度广西县域经济发展考评中,武鸣县居全区第3。\n"
                 "去年,蓬莱区在全省营商环境评价中居全省第3。",
                 published=dt.datetime(2025, 1, 15))
    lists = {r.key: (r.name, r.year) for r in f.rankings}
    got = {(lists[p.list_key], p.rank, p.place.name) for p in f.placements}
    assert got == {(("2024全国县域农业信息化发展水平评价", 2024), 12, "仙桃市"),
                   (("2024全国县域农业信息化发展水平评价", 2024), 37, "监利市"),
                   (("2013年度广西县域经济发展考评", 2013), 3, "武鸣县"),
                   (("2024年全省营商环境评价", 2024), 3, "蓬莱区")}


def test_indicators_of_their_time_kept_as_written_and_a_whole_year_said_in_august() -> None:
    f = facts_of("标题\n2013年,武鸣县公共财政预算收入14.2亿元,增长13.5%;农民人均纯收入9125元。"
                 "全体居民人均可支配收入35962元。\n"
                 "据了解,龙口市全年地区生产总值突破1400亿元。2024年上半年,全市粮食总产量约23.5亿斤。",
                 published=dt.datetime(2024, 8, 20))
    got = {(o.place.name, o.indicator, o.year, o.value, o.unit, o.qualifier)
           for o in f.observations}
    assert ("武鸣县", "公共财政预算收入", 2013, 1420000000, "元", "=") in got
    assert ("武鸣县", "公共财政预算收入增速", 2013, 13.5, "%", "=") in got
    assert ("武鸣县", "农民人均纯收入", 2013, 9125, "元", "=") in got
    assert ("龙口市", "地区生产总值", 2023, 140000000000, "元", ">") in got
    assert ("龙口市", "粮食总产量", 2024, 2350000000, "斤", "~") in got
    assert any(i == "全体居民人均可支配收入" for _, i, *_ in got)


def test_organs_listed_with_their_parent_cities_and_a_tour_leader_who_chairs_a_meeting() -> None:
    f = facts_of("标题\n6月13日,全省防汛视频会议召开。湖州市吴兴区委、衢州市江山市委主要负责同志"
                 "作交流发言。\n"
                 "10月15日,省纪委书记华立人到陇西县暗访整治工作。\n"
                 "16日上午,华立人在定西市督导整治工作,并主持召开督导工作座谈会。"
                 "定西市委书记邵文汇报了工作情况。",
                 published=dt.datetime(2024, 10, 18))
    assert {(p.place.name, p.title, p.role) for p in f.participations if p.person is None} == \
        {("吴兴区", "区委书记", "remarks"), ("江山市", "市委书记", "remarks")}
    meeting = next(e for e in f.events if e.name == "督导工作座谈会")
    chair = {(p.person, p.role) for p in f.participations if p.event_key == meeting.key}
    assert ("华立人", "presided") in chair and ("邵文", "remarks") in chair


def test_series_years_publishers_and_editor_notes_in_list_names() -> None:
    f = facts_of("标题\n9月11日,华夏县域经济研究院发布“2023年全国县域综合竞争力百强县(市)”榜单。"
                 "昆山市、江阴市、张家港市依次位列全国前三。福清市跃升至第15位,较2022年的第21位上升6位。\n"
                 "  2023年全国县域综合竞争力百强县(市)福建入围名单\n  第4名 晋江市\n  第15名 福清市\n"
                 "  2022年全国县域综合竞争力百强县(市)前3名为:第1名 昆山市;第2名 江阴市;第3名 张家港市。\n"
                 "在新华日报社近日发布的《2023苏北县域竞争力排行榜》中,邳州市位居第1位。",
                 published=dt.datetime(2023, 9, 12))
    lists = {r.key: (r.name, r.publisher) for r in f.rankings}
    got = {(lists[p.list_key], p.rank, p.place.name) for p in f.placements}
    y23 = ("2023年全国县域综合竞争力百强县(市)", "华夏县域经济研究院")
    y22 = ("2022年全国县域综合竞争力百强县(市)", "华夏县域经济研究院")
    assert {(y23, 1, "昆山市"), (y23, 2, "江阴市"), (y23, 3, "张家港市"), (y23, 4, "晋江市"),
            (y23, 15, "福清市"), (y22, 21, "福清市"), (y22, 1, "昆山市"), (y22, 2, "江阴市"),
            (y22, 3, "张家港市"),
            (("2023苏北县域竞争力排行榜", "新华日报社"), 1, "邳州市")} == got


def test_a_table_heading_under_a_published_report_takes_its_publisher() -> None:
    f = facts_of("标题\n在赛迪顾问日前发布的《2023中国县域经济百强研究》中,江苏共有23个县(市)入围。\n\n"
                 "  2023赛迪县域经济百强(江苏部分)\n  第1位 江苏昆山市\n  第2位 江苏江阴市\n\n"
                 "在多份榜单上,江苏县市同样表现亮眼。\n\n"
                 "  2023年度全国县域综合竞争力百强\n  第1位 江苏昆山市\n",
                 published=dt.datetime(2023, 9, 12))
    pubs = {r.name: r.publisher for r in f.rankings}
    assert pubs == {"2023赛迪县域经济百强": "赛迪顾问", "2023年度全国县域综合竞争力百强": None}


def test_bracketed_kinds_of_unit_stay_in_a_meeting_name() -> None:
    f = facts_of("标题\n昨天,全省县(市、区)委书记工作会议以视频会议形式召开。省委书记钟立山出席会议并讲话。",
                 published=dt.datetime(2019, 7, 24))
    assert [e.name for e in f.events] == ["全省县(市、区)委书记工作会议"]


def test_reporting_on_ones_work_and_a_given_name_ending_in_he_before_zai() -> None:
    f = facts_of("标题\n1月18日,全市县(区)委书记抓基层党建工作述职评议会召开。市委书记薛立新主持会议。"
                 "省长朱光和在主会场出席会议。会上,长子县委书记史玉林现场述职。",
                 published=dt.datetime(2024, 1, 19))
    assert roles(f) == {"薛立新": "presided", "朱光和": "attended", "史玉林": "remarks"}


def test_each_speakers_county_owns_the_figures_of_their_sentence() -> None:
    f = facts_of("标题\n苏北县域发展座谈会在徐州召开。冯立说,邳州立足工业强市战略,2022年全市地区生产总值"
                 "1042.3亿元,增长4.1%。彭宇表示,泗洪坚持生态优先,2022年一般公共预算收入超过35亿元。",
                 published=dt.datetime(2023, 1, 5))
    got = {(o.place.name, o.indicator) for o in f.observations}
    assert got == {("邳州市", "地区生产总值"), ("邳州市", "地区生产总值增速"),
                   ("泗洪县", "一般公共预算收入")}


def test_an_organ_named_by_its_province_does_not_own_the_figures() -> None:
    f = facts_of("海北州召开全州经济工作会议\n1月16日,海北藏族自治州召开全州经济工作会议。"
                 "会议指出,全州上下坚决落实青海省委省政府各项决策部署,经济运行稳中向好。"
                 "全年实现地区生产总值126.8亿元,同比增长5.2%。\n"
                 "2023年,前郭县一般公共预算收入12.76亿元。",
                 published=dt.datetime(2024, 1, 17))
    got = {(o.place.name, o.indicator) for o in f.observations}
    assert got == {("海北藏族自治州", "地区生产总值"), ("海北藏族自治州", "地区生产总值增速"),
                   ("前郭尔罗斯蒙古族自治县", "一般公共预算收入")}


def test_a_tour_that_convenes_a_symposium_holds_a_meeting_of_its_own() -> None:
    f = facts_of("标题\n9月12日,省委书记祁立文到伊宁县调研。县委书记韩冬陪同。\n"
                 "13日下午,祁立文在伊宁市主持召开座谈会,听取工作汇报。伊宁市委书记吕强作了汇报。",
                 published=dt.datetime(2023, 9, 14))
    kinds = {e.name: (e.type, e.date) for e in f.events}
    assert kinds["座谈会"] == ("meeting", dt.date(2023, 9, 13))
    meeting = next(e.key for e in f.events if e.name == "座谈会")
    assert {(p.person, p.role) for p in f.participations if p.event_key == meeting} == \
        {("祁立文", "presided"), ("吕强", "remarks")}


def test_lists_named_by_a_study_a_later_sentence_a_monitoring_and_table_headings() -> None:
    f = facts_of("标题\n8月2日,赛迪顾问发布《2024中国县域经济百强研究》。其中,瑞安市位列全国第30位。\n\n"
                 "  2024中国县域经济百强(浙江部分)\n  第30位 浙江瑞安市\n  第41位 浙江乐清市\n\n"
                 "同期发布的《2024中国县域工业百强》中,浙江有2个县(市)上榜:\n\n"
                 "  第12位 浙江乐清市\n  第25位 浙江瑞安市\n\n"
                 "日前,浙江省统计局公布了2023年度全省县域经济发展监测结果。温岭市居全省第一,"
                 "玉环市位列第7位。\n\n"
                 "## 2024年度全国综合实力百强县市(浙江名单)\n\n| 排名 | 县(市) | 所属地市 |\n"
                 "| --- | --- | --- |\n| 8 | 温岭市 | 台州市 |\n\n"
                 "## 2024年度全国综合实力百强区(浙江名单)\n\n| 排名 | 市辖区 | 所属地市 |\n"
                 "| --- | --- | --- |\n| 5 | 鄞州区 | 宁波市 |\n",
                 published=dt.datetime(2024, 8, 3))
    lists = {r.key: (r.name, r.publisher) for r in f.rankings}
    got = {(lists[p.list_key], p.rank, p.place.name) for p in f.placements}
    eco = ("2024中国县域经济百强", "赛迪顾问")
    ind = ("2024中国县域工业百强", "赛迪顾问")
    mon = ("2023年度全省县域经济发展监测", "浙江省统计局")
    assert got == {(eco, 30, "瑞安市"), (eco, 41, "乐清市"), (ind, 12, "乐清市"),
                   (ind, 25, "瑞安市"), (mon, 1, "温岭市"), (mon, 7, "玉环市"),
                   (("2024年度全国综合实力百强县市", None), 8, "温岭市"),
                   (("2024年度全国综合实力百强区", None), 5, "鄞州区")}


def test_sittings_of_a_session_are_events_of_their_own_named_after_it() -> None:
    f = facts_of("【聚焦两会】临沧市第五届人民代表大会第三次会议闭幕\n"
                 "2月20日上午,临沧市第五届人民代表大会第三次会议在市民中心开幕。开幕大会由市人大常委会主任"
                 "段志明主持。代市长罗春华作政府工作报告。\n"
                 "昨天下午,大会完成各项议程后闭幕。段志明主持闭幕会。市委书记杨卫东出席闭幕会并讲话。"
                 "会后,代表们将列席政协第五届临沧市委员会第三次会议。",
                 published=dt.datetime(2024, 2, 24))
    got = {(e.name, e.date) for e in f.events}
    assert got == {("临沧市第五届人民代表大会第三次会议开幕大会", dt.date(2024, 2, 20)),
                   ("临沧市第五届人民代表大会第三次会议闭幕会", dt.date(2024, 2, 23))}
    names = {e.key: e.name[-4:] for e in f.events}
    assert {(names[p.event_key], p.person, p.role) for p in f.participations} == {
        ("开幕大会", "段志明", "presided"), ("开幕大会", "罗春华", "remarks"),
        ("议闭幕会", "段志明", "presided"), ("议闭幕会", "杨卫东", "speech")}


def test_a_symposium_a_tour_gathers_without_chairing_is_part_of_the_tour() -> None:
    f = facts_of("标题\n日前,市委书记上官文到宁县暗访督导安全生产工作。随后,在早胜镇召开座谈会,"
                 "听取宁县县委书记诸葛亮平的汇报。副市长贺兰英陪同督导。",
                 published=dt.datetime(2023, 9, 14))
    assert [e.type for e in f.events] == ["inspection"]
    assert {(p.person, p.role) for p in f.participations} == {
        ("上官文", "led"), ("诸葛亮平", "remarks"), ("贺兰英", "accompanied")}


def test_a_tour_with_a_group_and_meetings_still_to_come() -> None:
    f = facts_of("标题\n12月20日上午,县人大常委会第九次会议召开。县人大常委会主任宇文清主持会议,副县长万志远列席。"
                 "会议审议通过了县十八届人大三次会议召开时间的决定,推荐万志远为县长候选人,"
                 "提请县十八届人大三次会议选举。会上,万志远作表态发言。\n"
                 "会前,19日下午,宇文清带领部分常委会组成人员视察了城北污水处理厂改造项目。"
                 "副县长巫马红陪同视察。",
                 published=dt.datetime(2023, 12, 21))
    kinds = sorted((e.type, e.date) for e in f.events)
    assert kinds == [("inspection", dt.date(2023, 12, 19)), ("meeting", dt.date(2023, 12, 20))]
    by_type = {e.key: e.type for e in f.events}
    assert {(by_type[p.event_key], p.person, p.role) for p in f.participations} == {
        ("meeting", "宇文清", "presided"), ("meeting", "万志远", "remarks"),
        ("inspection", "宇文清", "led"), ("inspection", "巫马红", "accompanied")}


def test_figures_for_each_place_an_exact_figure_after_its_bound_and_rough_growth() -> None:
    f = facts_of("标题\n2023年,唐山市规模以上工业增加值比上年增长约8%。全年一般公共预算收入超过500亿元,"
                 "达到507.3亿元。城镇、农村居民人均可支配收入分别达到5.4万元和2.6万元。"
                 "迁安市、遵化市地区生产总值均在500亿元以上。"
                 "城镇消费品零售额412.8亿元,下降3.9%。",
                 published=dt.datetime(2024, 2, 1))
    got = {(o.place.name if o.place else None, o.indicator, o.value, o.qualifier)
           for o in f.observations}
    assert got == {
        ("唐山市", "规模以上工业增加值增速", 8, "~"),
        ("唐山市", "一般公共预算收入", 50730000000, "="),
        ("唐山市", "城镇居民人均可支配收入", 54000, "="),
        ("唐山市", "农村居民人均可支配收入", 26000, "="),
        ("迁安市", "地区生产总值", 50000000000, ">"),
        ("遵化市", "地区生产总值", 50000000000, ">"),
        ("唐山市", "城镇消费品零售额", 41280000000, "="),
        ("唐山市", "城镇消费品零售额增速", -3.9, "="),
    }


def test_long_form_congress_titles_and_holders_of_each_listed_place() -> None:
    f = facts_of("标题\n2月9日,大会补选公孙丽为玉溪市第七届人民代表大会常务委员会副主任。\n"
                 "2月10日,玉溪市政协会议开幕。红塔区、江川区和澄江市政协主席列席会议。",
                 published=dt.datetime(2023, 2, 11))
    assert {(p.person, p.title, p.place.name) for p in f.positions} == {
        ("公孙丽", "市人大常委会副主任", "玉溪市")}
    assert {(p.place.name, p.title, p.role) for p in f.participations if p.person is None} == {
        ("红塔区", "区政协主席", "attended"), ("江川区", "区政协主席", "attended"),
        ("澄江市", "市政协主席", "attended")}


def test_unnamed_holders_listed_with_and_who_speak_at_a_venue() -> None:
    f = facts_of("标题\n3月5日,全省春耕生产工作视频会议召开。省长欧阳华出席会议并讲话。"
                 "日照市市长、德州市市长和潍坊市安丘市市长在分会场作交流发言。"
                 "东营区委、河口区委主要负责同志和广饶县委书记作表态发言。",
                 published=dt.datetime(2021, 3, 6))
    got = {(p.place.name, p.title, p.role) for p in f.participations if p.person is None}
    assert got == {("日照市", "市长", "remarks"), ("德州市", "市长", "remarks"),
                   ("安丘市", "市长", "remarks"), ("东营区", "区委书记", "remarks"),
                   ("河口区", "区委书记", "remarks"), ("广饶县", "县委书记", "remarks")}


def test_an_official_who_releases_figures_at_a_press_conference_speaks_there() -> None:
    f = facts_of("标题\n昨天,市政府新闻办召开新闻发布会,市统计局局长诸葛文发布2020年全市经济运行情况。",
                 published=dt.datetime(2021, 2, 3))
    assert [(e.name, e.date) for e in f.events] == [("新闻发布会", dt.date(2021, 2, 2))]
    assert roles(f) == {"诸葛文": "remarks"}


def test_a_heading_that_opens_with_its_publisher_contests_and_parents_in_a_list() -> None:
    f = facts_of("标题\n日前,湖南省统计局公布2019年度全省县域经济发展综合考核结果。岳阳市平江县、"
                 "常德市桃源县分别位列第二十一位和第二十七位。此外,在2019年度全省县域经济增长快速县"
                 "评比中,汨罗市位居第三。\n\n湖南省统计局2019年度全省县域经济十强县\n1. 长沙县\n"
                 "2. 浏阳市\n", published=dt.datetime(2020, 3, 26))
    lists = {r.key: (r.name, r.publisher) for r in f.rankings}
    got = {(lists[p.list_key], p.rank, p.place.name) for p in f.placements}
    exam = ("2019年度全省县域经济发展综合考核", "湖南省统计局")
    top = ("2019年度全省县域经济十强县", "湖南省统计局")
    assert got == {(exam, 21, "平江县"), (exam, 27, "桃源县"),
                   (("2019年度全省县域经济增长快速县", None), 3, "汨罗市"),
                   (top, 1, "长沙县"), (top, 2, "浏阳市")}


def test_the_three_industries_split_by_fen_bie() -> None:
    f = facts_of("标题\n2017年,盐池县第一产业、第二产业和第三产业增加值分别为12.47亿元、51.26亿元和"
                 "32.62亿元,分别增长4.6%、8.9%和7.5%。", published=dt.datetime(2018, 3, 1))
    got = {(o.indicator, o.value) for o in f.observations}
    assert got == {("第一产业增加值", 1247000000), ("第二产业增加值", 5126000000),
                   ("第三产业增加值", 3262000000), ("第一产业增加值增速", 4.6),
                   ("第二产业增加值增速", 8.9), ("第三产业增加值增速", 7.5)}


def test_a_table_of_places_by_indicator() -> None:
    """A bulletin's county table: one figure per place and column, the growth column after
    its indicator, the year from the text above; Markdown and space-aligned alike."""
    aligned = ("全市经济运行情况\n2023年,全市经济稳中有进。各县(市、区)主要指标如下:\n\n"
               "县(市、区)    地区生产总值(亿元)    增速(%)    一般公共预算收入(亿元)\n"
               "武功县        120.4                 5.2        6.31\n"
               "兴平市        305.7                 4.8        12.05\n")
    markdown = ("全市经济运行情况\n2023年,全市经济稳中有进。\n\n"
                "| 地区 | 地区生产总值（亿元） | 增速（%） | 一般公共预算收入（亿元） |\n"
                "|---|---|---|---|\n"
                "| 武功县 | 120.4 | 5.2 | 6.31 |\n"
                "| 兴平市 | 305.7 | 4.8 | 12.05 |\n")
    for text in (aligned, markdown):
        f = facts_of(text)
        got = {(o.place.name, o.indicator, o.value, o.unit, o.year) for o in f.observations}
        assert got == {("武功县", "地区生产总值", 12040000000, "元", 2023),
                       ("武功县", "地区生产总值增速", 5.2, "%", 2023),
                       ("武功县", "一般公共预算收入", 631000000, "元", 2023),
                       ("兴平市", "地区生产总值", 30570000000, "元", 2023),
                       ("兴平市", "地区生产总值增速", 4.8, "%", 2023),
                       ("兴平市", "一般公共预算收入", 1205000000, "元", 2023)}, text


def test_a_meeting_decided_on_is_not_held_and_one_said_again_by_its_kind() -> None:
    """A standing committee that "决定召开" the plenary does not hold it; "昨天的全会上" is the
    plenary named at the top, not the committee meeting told in between."""
    f = facts_of("区委全会召开\n发布时间:2017-07-13\n昨天,中共宝山区委二届五次全体会议召开。"
                 "区长马立成主持全会。区委书记罗海东作讲话。\n全会召开前,区委于7月10日召开常委会会议。"
                 "常委会会议由罗海东主持,会议决定召开区委二届五次全会。区人大常委会主任秦方列席会议。\n"
                 "昨天的全会上,区委常委、宣传部部长汤晓梅传达了市委全会精神。",
                 published=dt.datetime(2017, 7, 13))
    by_name = {e.name: e for e in f.events}
    assert set(by_name) == {"中共宝山区委二届五次全体会议", "常委会会议"}
    plenary, committee = by_name["中共宝山区委二届五次全体会议"], by_name["常委会会议"]
    assert plenary.date == dt.date(2017, 7, 12) and committee.date == dt.date(2017, 7, 10)
    got = {(p.person, p.role): p.event_key for p in f.participations}
    assert got[("汤晓梅", "remarks")] == plenary.key
    assert got[("秦方", "attended")] == committee.key


def test_a_body_that_met_names_its_numbered_sitting() -> None:
    f = facts_of("县人大常委会召开会议\n28日,泰顺县第十七届人大常委会召开第二十九次会议。"
                 "县人大常委会主任种立华主持会议。会议要求在下次常委会会议上报告整改情况。",
                 published=dt.datetime(2015, 9, 30))
    assert [e.name for e in f.events] == ["泰顺县第十七届人大常委会第二十九次会议"]
    assert f.events[0].date == dt.date(2015, 9, 28)
    assert roles(f) == {"种立华": "presided"}


def test_figures_take_the_past_year_the_article_reports_on() -> None:
    """Published in February: 2012's figures, one paragraph with the year and the next
    without it; the headline's rounded total is the body's figure; a change of a growth
    rate in percentage points is not a statistic."""
    f = facts_of("延安经济总量突破1800亿元\n昨天,记者从市统计局获悉,2012年全市实现地区生产总值"
                 "1846.5亿元,比上年增长12.9%。\n\n从各县区看,吴起县、志丹县地区生产总值分别为"
                 "310.2亿元和205.7亿元。规模以上工业增加值增速比上年回落2.3个百分点。",
                 published=dt.datetime(2013, 2, 5))
    got = {(o.place.name, o.indicator, o.value, o.unit, o.qualifier, o.year)
           for o in f.observations}
    assert got == {("延安市", "地区生产总值", 184650000000, "元", "=", 2012),
                   ("延安市", "地区生产总值增速", 12.9, "%", "=", 2012),
                   ("吴起县", "地区生产总值", 31020000000, "元", "=", 2012),
                   ("志丹县", "地区生产总值", 20570000000, "元", "=", 2012)}


def test_urban_and_rural_growth_rates_after_a_paired_indicator() -> None:
    f = facts_of("全市经济\n2023年,全体居民人均可支配收入近2.9万元,城镇和农村居民人均可支配收入"
                 "分别为35876元和21490元,分别增长4.1%和6.3%。")
    got = {(o.indicator, o.value) for o in f.observations if o.indicator.endswith("增速")}
    assert got == {("城镇居民人均可支配收入增速", 4.1), ("农村居民人均可支配收入增速", 6.3)}


def test_a_meeting_name_with_he_and_a_group_inside_the_accompanying_list() -> None:
    f = facts_of("标题\n前天,省委书记韩立国深入琼海市调研。副省长林志伟,省直有关部门负责同志,"
                 "琼海市委书记云海松分别陪同。\n昨天上午,韩立国来到陵水黎族自治县,主持召开旅游发展和"
                 "生态保护座谈会。陵水黎族自治县委书记羊德文汇报了有关情况。",
                 published=dt.datetime(2014, 11, 20))
    by_name = {e.name: e for e in f.events}
    assert "旅游发展和生态保护座谈会" in by_name
    assert by_name["旅游发展和生态保护座谈会"].date == dt.date(2014, 11, 19)
    tour = next(e for e in f.events if e.type == "inspection")
    got = {(p.person, p.role) for p in f.participations if p.event_key == tour.key}
    assert {("林志伟", "accompanied"), ("云海松", "accompanied")} <= got


def test_a_numbered_plenary_sitting_beside_the_closing_one_and_a_resume() -> None:
    """Two sittings of one standing-committee session on two days are two events; told alone,
    "会议举行第二次全体会议" is the session itself; a résumé's 参加工作 is no attendance."""
    text = ("省人大常委会会议闭幕\n11月28日上午,省十四届人大常委会第九次会议在西宁闭幕。"
            "省人大常委会主任马国栋主持闭幕会。\n此前,11月26日上午,会议举行第一次全体会议,"
            "省人大常委会副主任韩秀英主持。\n新任命人员简历:\n梁振东,男,1971年6月生,1993年7月参加工作。")
    f = facts_of(text, published=dt.datetime(2024, 11, 29))
    got = {(e.name, e.date) for e in f.events}
    assert got == {("省十四届人大常委会第九次会议闭幕会", dt.date(2024, 11, 28)),
                   ("省十四届人大常委会第九次会议第一次全体会议", dt.date(2024, 11, 26))}
    assert "梁振东" not in {p.person for p in f.participations}
    one = facts_of("市人大常委会会议\n25日上午,开封市十六届人大常委会第二十七次会议举行第二次全体会议。"
                   "市人大常委会主任司马国华主持会议。", published=dt.datetime(2021, 8, 26))
    assert [e.name for e in one.events] == ["开封市十六届人大常委会第二十七次会议"]


def test_an_office_said_once_for_two_holders_keeps_the_list() -> None:
    f = facts_of("标题\n3月8日上午,宁都县召开全县领导干部大会。县委书记司马文涛主持会议。"
                 "县人大常委会主任曾祥林,县政协主席华德明、副主席温小萍等县四套班子领导参加会议。")
    assert roles(f) == {"司马文涛": "presided", "曾祥林": "attended", "华德明": "attended",
                        "温小萍": "attended"}


def test_a_table_placement_said_again_in_prose_is_not_a_list_of_its_own() -> None:
    text = ("评价结果发布\n5月17日,山西省统计局发布《2021年度山西省县域经济综合实力评价报告》。\n\n"
            "2021年度山西省县域经济综合实力十强县\n\n第1位 吕梁市孝义市\n\n第2位 运城市河津市\n\n"
            "与上年相比,孝义市连续三年位居榜首。")
    f = facts_of(text, published=dt.datetime(2022, 5, 18))
    assert [rl.name for rl in f.rankings] == ["2021年度山西省县域经济综合实力十强县"]
    assert sorted((p.rank, p.place.name) for p in f.placements) == [(1, "孝义市"), (2, "河津市")]


def test_unnamed_secretaries_in_the_middle_of_a_list_of_speakers() -> None:
    f = facts_of("标题\n9月13日,全省县域经济发展现场推进会召开。威县县委书记鲍新华,正定县、迁安市、"
                 "武安市委书记,以及南宫市市长先后作交流发言。", published=dt.datetime(2018, 9, 14))
    got = {(p.person or p.place.name + p.title, p.role) for p in f.participations}
    assert got == {("鲍新华", "remarks"), ("正定县县委书记", "remarks"),
                   ("迁安市市委书记", "remarks"), ("武安市市委书记", "remarks"),
                   ("南宫市市长", "remarks")}


def test_places_listed_with_a_half_width_comma_before_their_ranks() -> None:
    f = facts_of("榜单出炉\n日前,\"2020年度山东省县域经济高质量发展30强\"名单出炉.泰安市的肥城市,新泰市"
                 "分别位列第十六位和第二十七位.", published=dt.datetime(2021, 3, 2))
    assert sorted((p.rank, p.place.name) for p in f.placements) == [(16, "肥城市"), (27, "新泰市")]


def test_places_and_values_listed_with_half_width_commas() -> None:
    # Half-width punctuation throughout: the places' 、 is written ",", like the clauses'.
    f = facts_of("统计\n2019年,全市经济稳中有进.从各县看,永康市,东阳市,兰溪市地区生产总值分别为"
                 "731.2亿元,652.3亿元,418.9亿元,分别增长6.1%,7.3%,5.8%;浦江县,磐安县分别实现"
                 "地区生产总值236.4亿元,112.7亿元.")
    got = {(o.place.name, o.indicator): o.value for o in f.observations}
    assert got == {
        ("永康市", "地区生产总值"): 73_120_000_000, ("东阳市", "地区生产总值"): 65_230_000_000,
        ("兰溪市", "地区生产总值"): 41_890_000_000, ("永康市", "地区生产总值增速"): 6.1,
        ("东阳市", "地区生产总值增速"): 7.3, ("兰溪市", "地区生产总值增速"): 5.8,
        ("浦江县", "地区生产总值"): 23_640_000_000, ("磐安县", "地区生产总值"): 11_270_000_000}


def test_a_numbered_edition_without_a_year_is_the_year_it_came_out() -> None:
    f = facts_of("榜单\n6月5日,某县域经济研究所发布“第十九届全国县域经济竞争力百强县”名单,"
                 "慈溪市位列第六位,义乌市位列第九位。", published=dt.datetime(2019, 6, 6))
    assert [(rl.name, rl.year) for rl in f.rankings] == [
        ("第十九届全国县域经济竞争力百强县", 2019)]


def test_meetings_counted_are_not_an_event_and_leading_cadres_are_not_a_person() -> None:
    f = facts_of("标题\n12月20日,县委十五届六次全体会议召开。县人大常委会主任林国栋、县政协主席"
                 "欧阳平,县纪委委员,不是县委委员的县级领导干部列席会议。县长马跃作说明时表示,"
                 "决定稿起草期间先后召开各类座谈会十余次。", published=dt.datetime(2015, 12, 21))
    assert [e.name for e in f.events] == ["县委十五届六次全体会议"]
    assert roles(f) == {"林国栋": "attended", "欧阳平": "attended", "马跃": "remarks"}


def test_a_speech_at_the_second_event_when_the_first_had_no_participants() -> None:
    # Events nobody took part in are dropped; a speech's event was then looked up in the
    # shortened list (an IndexError that lost the whole article).
    f = facts_of("标题\n3月1日,全市春耕生产动员会召开。\n\n3月5日,全县农业农村工作会议召开。县委书记"
                 "高志远作了题为《抓好春耕 稳住基本盘》的讲话。", published=dt.datetime(2016, 3, 6))
    assert [e.name for e in f.events] == ["全县农业农村工作会议"]
    assert [(s.person, s.title) for s in f.speeches] == [("高志远", "抓好春耕 稳住基本盘")]


def test_other_leaders_of_the_organs_and_every_towns_secretary_do_not_end_a_list() -> None:
    f = facts_of("标题\n2月18日上午,政协南城县第九届委员会第三次会议开幕。县委副书记刘安泰,县委常委、"
                 "统战部部长何丽萍,县人大常委会、县人民政府、县政协其他领导同志,县人民法院院长出席开幕"
                 "大会。县直各单位主要负责同志、各乡镇党委书记列席会议。", published=dt.datetime(2014, 2, 19))
    assert roles(f) == {"刘安泰": "attended", "何丽萍": "attended", "南城县人民法院院长": "attended"}


def test_an_appended_list_and_places_named_with_their_parent_city() -> None:
    text = ("榜单\n日前,某研究中心发布《2018年全国县域经济竞争力百强县(市)》榜单,沈阳市所辖新民市、"
            "锦州市所辖凌海市分别位列第61位和第95位。\n\n会上,新民市委书记介绍了坚持“工业强市”战略的"
            "做法。\n\n附:2018年全国县域经济竞争力百强县(市)辽宁省上榜名单\n\n第61位 辽宁新民市\n\n"
            "第95位 辽宁凌海市\n")
    f = facts_of(text, published=dt.datetime(2018, 9, 3))
    assert [rl.name for rl in f.rankings] == ["2018年全国县域经济竞争力百强县(市)"]
    assert {(p.rank, p.place.name) for p in f.placements} == {(61, "新民市"), (95, "凌海市")}


def test_a_change_from_a_past_year_does_not_date_the_figures_after_it() -> None:
    f = facts_of("标题\n据初步统计,2009年泾源县完成地区生产总值12.4亿元,地区生产总值由2008年的10.9亿元"
                 "增加到12.4亿元;完成财政收入8300万元,增长11.2%。", published=dt.datetime(2010, 1, 8))
    got = {(o.indicator, o.year, o.value) for o in f.observations}
    assert got == {("地区生产总值", 2009, 1_240_000_000), ("地区生产总值", 2008, 1_090_000_000),
                   ("财政收入", 2009, 83_000_000), ("财政收入增速", 2009, 11.2)}


def test_a_meeting_described_is_not_held_and_arrangements_are_remarks() -> None:
    f = facts_of("标题\n7月9日,县委书记李国强主持召开县委常委会(扩大)会议,传达学习市委九届五次全会"
                 "精神。县长王建华出席会议。会议指出,市委九届五次全会是在全市加快发展的关键"
                 "时期召开的一次重要会议。王建华就做好防汛工作作了具体安排。",
                 published=dt.datetime(2012, 7, 10))
    assert [e.name for e in f.events] == ["县委常委会(扩大)会议"]
    assert roles(f) == {"李国强": "presided", "王建华": "remarks"}


def test_the_year_before_and_a_comparison_with_the_first_three_quarters() -> None:
    f = facts_of("标题\n经初步核算,2018年四平市实现地区生产总值612.3亿元,比上年增长3.1%。上年全市地区"
                 "生产总值为593.9亿元。\n\n全市固定资产投资比上年增长5.2%,增速较前三季度回升1.4个百分点。"
                 "全市规模以上工业增加值增长2.7%。", published=dt.datetime(2019, 2, 21))
    got = {(o.indicator, o.year, o.value) for o in f.observations}
    assert ("地区生产总值", 2017, 59_390_000_000) in got
    assert ("地区生产总值", 2018, 61_230_000_000) in got
    assert ("规模以上工业增加值增速", 2018, 2.7) in got


def test_a_headline_joining_two_meetings_does_not_rename_one() -> None:
    f = facts_of("县委九届六次全会暨全县经济工作会议召开\n1月4日,县委九届六次全会召开。县委书记林海"
                 "作工作报告。\n\n1月5日,全县经济工作会议召开。县委副书记周强主持会议。",
                 published=dt.datetime(2015, 1, 6))
    assert sorted(e.name for e in f.events) == ["全县经济工作会议", "县委九届六次全会"]


def test_a_table_headed_by_a_list_named_before_and_a_score_before_the_rank() -> None:
    text = ("榜单\n日前,省营商办公布了2023年度全省县域营商环境评价结果。麒麟区以90.12分居全省第二,"
            "宣威市位列第8。\n\n2023年度全省县域营商环境评价曲靖市各县(市、区)排名情况\n\n"
            "全省排名\t县(市、区)\t得分\n\n2\t麒麟区\t90.12\n\n8\t宣威市\t86.40\n\n14\t富源县\t84.03\n")
    f = facts_of(text, published=dt.datetime(2024, 3, 2))
    assert [rl.name for rl in f.rankings] == ["2023年度全省县域营商环境评价"]
    assert {(p.rank, p.place.name) for p in f.placements} == {
        (2, "麒麟区"), (8, "宣威市"), (14, "富源县")}


def test_what_was_said_at_an_earlier_meeting_does_not_move_the_chair_there() -> None:
    f = facts_of("标题\n3月18日,市委常委会召开会议。市委书记万立新主持会议。市委常委陈红英出席会议。"
                 "\n\n3月20日,全市优化营商环境工作推进会召开。常务副市长陈红英主持会议。\n\n陈红英在主持时"
                 "要求,各地要认真贯彻万书记在市委常委会会议上提出的要求。",
                 published=dt.datetime(2019, 3, 21))
    got = {(e.name, p.person, p.role) for p in f.participations for e in f.events
           if e.key == p.event_key}
    assert ("市委常委会会议", "陈红英", "attended") in got
    assert ("全市优化营商环境工作推进会", "陈红英", "presided") in got


def test_a_header_that_is_the_list_with_its_name_keeps_it() -> None:
    text = ("榜单\n近日,某报社发布2023年中国县域旅游竞争力百强县名单,安吉县位居榜首。\n\n"
            "2023年中国县域旅游竞争力百强县名单\n\n第1位 浙江安吉县\n\n第2位 浙江桐庐县\n")
    f = facts_of(text, published=dt.datetime(2023, 9, 1))
    assert "2023年中国县域旅游竞争力百强县名单" in [rl.name for rl in f.rankings]


def test_figures_introduced_by_their_indicator_then_listed_by_place() -> None:
    f = facts_of("标题\n日前,市统计局发布2012年各旗区主要经济指标。\n\n从地区生产总值看,康巴什区、杭锦旗"
                 "分别为112.4亿元、86.3亿元,分别增长12.5%、10.1%;乌审旗、达拉特旗分别达到231.5亿元和"
                 "189.7亿元,增速均在11%以上。\n\n从居民收入看,乌审旗农牧民人均纯收入1.05万元。",
                 published=dt.datetime(2013, 2, 3))
    got = {(o.place.name, o.indicator, o.year, o.value, o.qualifier) for o in f.observations}
    assert got == {
        ("康巴什区", "地区生产总值", 2012, 11_240_000_000, "="),
        ("杭锦旗", "地区生产总值", 2012, 8_630_000_000, "="),
        ("康巴什区", "地区生产总值增速", 2012, 12.5, "="),
        ("杭锦旗", "地区生产总值增速", 2012, 10.1, "="),
        ("乌审旗", "地区生产总值", 2012, 23_150_000_000, "="),
        ("达拉特旗", "地区生产总值", 2012, 18_970_000_000, "="),
        ("乌审旗", "地区生产总值增速", 2012, 11, ">"),
        ("达拉特旗", "地区生产总值增速", 2012, 11, ">"),
        ("乌审旗", "农牧民人均纯收入", 2012, 10_500, "=")}


def test_companions_of_a_tour_that_ends_in_a_meeting_went_on_the_tour() -> None:
    f = facts_of("标题\n5月20日,副省长欧阳明辉在岳阳市调研防汛备汛工作,并主持召开座谈会。省水利厅厅长"
                 "桂林生陪同调研,岳阳市委书记向东全程陪同。座谈会上,平江县县长万小峰作了汇报。",
                 published=dt.datetime(2021, 5, 21))
    kinds = {e.key: e.type for e in f.events}
    got = {(p.person, kinds[p.event_key], p.role) for p in f.participations}
    assert ("桂林生", "inspection", "accompanied") in got
    assert ("向东", "inspection", "accompanied") in got
    assert ("欧阳明辉", "inspection", "led") in got
    assert ("万小峰", "meeting", "remarks") in got


def test_local_fiscal_revenue_of_its_time_is_kept_as_written() -> None:
    f = facts_of("标题\n去年,龙口市地方财政收入15.2亿元,增长25.1%。", published=dt.datetime(2005, 8, 25))
    got = {(o.indicator, o.year, o.value) for o in f.observations}
    assert ("地方财政收入", 2004, 1520000000) in got
    assert ("地方财政收入增速", 2004, 25.1) in got


def test_on_behalf_of_a_city_committee_is_no_name_and_the_city_stays_a_place() -> None:
    f = facts_of("标题\n9月18日,省长在大方县主持召开座谈会,听取毕节市工作汇报。秦永康代表毕节市委、市政府"
                 "作了汇报。2011年毕节市地区生产总值达到743亿元。", published=dt.datetime(2012, 9, 20))
    assert "毕节市" not in {p.name for p in f.persons}
    assert {o.place.name for o in f.observations} == {"毕节市"}


def test_attendees_listed_with_half_width_commas_and_spaces() -> None:
    f = facts_of("标题\n昨天, 海东市召开座谈会. 市委书记海立新出席会议并讲话, 市长马振华主持会议. 市人大常委会主任"
                 "祁生源, 市政协主席鲍文清, 市委常委、宣传部部长拉毛措出席会议. 去年化隆县农村居民人均可支配收入"
                 "达到10250元.", published=dt.datetime(2019, 11, 14))
    assert roles(f) == {"海立新": "speech", "马振华": "presided", "祁生源": "attended",
                        "鲍文清": "attended", "拉毛措": "attended"}
    assert {(o.place.name, o.year) for o in f.observations} == {("化隆回族自治县", 2018)}


def test_figures_after_a_semicolon_spread_over_the_places_listed_before_it() -> None:
    f = facts_of("标题\n2022年,海安市、如皋市、启东市地区生产总值分别为1418.2亿元、1402.5亿元、1378.4亿元;"
                 "一般公共预算收入分别为70.3亿元、66.1亿元、72.9亿元。", published=dt.datetime(2023, 3, 1))
    got = {(o.place.name, o.value) for o in f.observations if o.indicator == "一般公共预算收入"}
    assert got == {("海安市", 7030000000), ("如皋市", 6610000000), ("启东市", 7290000000)}


def test_who_gave_the_report_a_meeting_heard_and_heads_of_towns_listed() -> None:
    f = facts_of("标题\n7月29日,州人大常委会召开会议。州人大常委会主任才让东主主持会议。会议听取了州委常委、"
                 "组织部部长司马振华关于人事任免事项的说明。副州长解永泰对春耕生产工作作了具体部署。"
                 "店口镇、枫桥镇党委主要负责同志作交流发言。", published=dt.datetime(2010, 7, 30))
    got = roles(f)
    assert got["司马振华"] == "remarks" and got["解永泰"] == "remarks"
    assert got["店口镇镇党委书记"] == "remarks" and got["枫桥镇镇党委书记"] == "remarks"


def test_a_tour_named_by_where_it_went_says_在_for_深入_and_the_city_of_its_counties() -> None:
    f = facts_of("标题\n9月17日,省长张建平深入毕节市威宁彝族回族苗族自治县、赫章县调研。市委书记秦永康陪同。\n"
                 "9月20日,副省长李明到六盘水市、安顺市调研。", published=dt.datetime(2012, 9, 21))
    assert sorted(e.name for e in f.events) == ["张建平在毕节市调研", "李明到六盘水市、安顺市调研"]


def test_half_width_text_a_meeting_after_a_period_and_counties_listed_by_their_committees() -> None:
    f = facts_of("标题\n3月6日,全市县域经济工作会议在章贡区召开.会议总结了去年工作.市委书记陈志诚出席会议并讲话."
                 "赣县县委,宁都县委主要负责同志作了交流发言.", published=dt.datetime(2014, 3, 7))
    assert [e.name for e in f.events] == ["全市县域经济工作会议"]
    assert roles(f) == {"陈志诚": "speech", "赣县县委书记": "remarks", "宁都县县委书记": "remarks"}


def test_companions_of_a_visit_that_is_no_event_are_not_at_a_meeting_told_apart() -> None:
    f = facts_of("标题\n2013年4月17日,时任市委书记端木宏伟带队来到红寺堡区察看移民住房。区委书记马建平陪同。\n"
                 "2013年5月9日,同心县召开生态移民搬迁动员大会。县委书记文昌盛作动员讲话,县长时海军主持会议。\n"
                 "次日,副主席令狐建民来到同心县看望移民群众。市长冯德海陪同。",
                 published=dt.datetime(2023, 5, 9))
    assert roles(f) == {"文昌盛": "speech", "时海军": "presided"}


def test_a_report_on_a_study_trip_is_no_tour() -> None:
    f = facts_of("标题\n12月28日,县委召开全体会议。县委书记司马立军主持会议。县委常委、组织部部长上官敏通报了"
                 "全县党政考察团赴阿城市学习考察的情况。", published=dt.datetime(2004, 12, 29))
    assert [e.type for e in f.events] == ["meeting"]
    assert roles(f)["上官敏"] == "remarks"


def test_the_main_venue_of_a_video_meeting_is_no_meeting_of_its_own() -> None:
    f = facts_of("标题\n3月16日,全省县域经济发展电视电话会议召开。省长庞瑞祥出席会议并讲话。省政府秘书长金永平出席"
                 "主会场会议。会上,迁安市委书记蒙天宇在分会场作交流发言。", published=dt.datetime(2011, 3, 17))
    assert [e.name for e in f.events] == ["全省县域经济发展电视电话会议"]
    assert roles(f) == {"庞瑞祥": "speech", "金永平": "attended", "蒙天宇": "remarks"}


def test_places_listed_with_comma_and_space_and_revenue_kept_as_written() -> None:
    f = facts_of("标题\n从经济总量看, 郑州市所辖的巩义市, 新郑市地区生产总值分别为1005.2亿元和1031.7亿元. "
                 "从增速看, 长垣市, 永城市地区生产总值分别增长4.6%和3.8%. 去年宁国市财政收入12.1亿元,"
                 "迁安市全部财政收入86.4亿元.", published=dt.datetime(2021, 5, 1))
    got = {(o.place.name, o.indicator, o.value) for o in f.observations}
    assert {("巩义市", "地区生产总值", 100520000000), ("新郑市", "地区生产总值", 103170000000),
            ("长垣市", "地区生产总值增速", 4.6), ("永城市", "地区生产总值增速", 3.8),
            ("宁国市", "财政收入", 1210000000), ("迁安市", "全部财政收入", 8640000000)} <= got


def test_a_long_topic_before_进行调研_and_names_before_所作_and_接续() -> None:
    f = facts_of("标题\n7月12日,自治区副主席扎西平措深入山南地区乃东县,就农牧业生产、农牧民安居工程建设和强基础"
                 "惠民生活动开展情况进行调研。行署专员索朗旺堆陪同调研。\n7月13日,县人大常委会召开会议。会议听取了"
                 "县审计局局长金明所作的审计工作报告。副市长端木青接续陪同。", published=dt.datetime(2011, 7, 14))
    # (one place gone to, with the topic: most annotators name a tour by both)
    assert "扎西平措在山南地区调研农牧业生产、农牧民安居工程建设和强基础惠民生活动工作" in {e.name for e in f.events}
    assert {"金明", "端木青"} <= {p.name for p in f.persons}
    assert not {"金明所", "端木青接"} & {p.name for p in f.persons}


def test_a_tour_headlined_by_where_it_went_is_named_so_and_one_headlined_by_topic_by_topic() -> None:
    body = ("\n6月18日,市委书记诸葛立新深入富阳市、桐庐县,就工业转型升级和环境整治工作进行调研。"
            "副市长任海涛陪同。")
    f = facts_of("诸葛立新在富阳桐庐调研时强调 推进产业转型升级" + body,
                 published=dt.datetime(2013, 6, 19))
    assert [e.name for e in f.events] == ["诸葛立新在富阳市、桐庐县调研"]
    g = facts_of("诸葛立新在富阳调研工业转型升级工作" + body, published=dt.datetime(2013, 6, 19))
    assert [e.name for e in g.events] == ["诸葛立新调研工业转型升级工作"]
    # the body does not list the places with its verb of going: the headline's words
    h = facts_of("何振邦在晋中市调研时强调 做强特色农业\n7月10日,省长何振邦深入企业和乡村,就现代农业发展进行调研。",
                 published=dt.datetime(2013, 7, 12))
    assert [e.name for e in h.events] == ["何振邦在晋中市调研"]
    # a headline that names no place ("在乡镇调研") does not name the tour: its topic does
    k = facts_of("符永明在乡镇调研时强调 抓好春季农业生产\n3月4日,县长符永明带队深入邦溪镇、七坊镇,"
                 "调研春季农业生产工作。", published=dt.datetime(2021, 3, 5))
    assert [e.name for e in k.events] == ["符永明调研春季农业生产工作"]


def test_a_meeting_room_is_no_meeting() -> None:
    f = facts_of("全会召开\n2018年12月27日,中国共产党雷山县第十三届委员会第五次全体(扩大)会议在县委大会议室召开。"
                 "县委书记龙文华作工作报告。", published=dt.datetime(2018, 12, 28))
    assert [e.name for e in f.events] == ["中国共产党雷山县第十三届委员会第五次全体(扩大)会议"]


def test_a_ceremony_held_is_an_event() -> None:
    f = facts_of("回眸\n2019年9月26日,全省第三批民族团结进步示范县(市)授牌仪式在德令哈市举行。时任州长索南才让主持仪式,"
                 "时任州委书记韩明出席仪式并讲话。", published=dt.datetime(2023, 9, 25))
    assert [(e.name, e.date) for e in f.events] == [
        ("全省第三批民族团结进步示范县(市)授牌仪式", dt.date(2019, 9, 26))]
    assert roles(f) == {"索南才让": "presided", "韩明": "speech"}


def test_a_leader_who_went_to_a_county_to_visit_and_check_led_a_tour() -> None:
    f = facts_of("标题\n昨天,市委书记龚立业深入隆化县,走访慰问受灾群众,检查灾后恢复重建工作。市委常委、秘书长和志明参加。"
                 "县委书记白峰陪同。\n会议要求各地检查防汛物资储备。", published=dt.datetime(2016, 7, 11))
    assert [(e.name, e.type, e.date) for e in f.events] == [
        ("龚立业在隆化县走访慰问受灾群众", "inspection", dt.date(2016, 7, 10))]
    assert roles(f) == {"龚立业": "led", "和志明": "attended", "白峰": "accompanied"}


def test_a_headline_on_every_leaders_tours_does_not_name_one_of_them() -> None:
    f = facts_of("市领导分赴各地督导防汛和灾后恢复工作\n上周五,市长曾立平带队到平泉县、隆化县督导检查防汛工作。"
                 "副市长佟玉参加督导。", published=dt.datetime(2016, 7, 11))
    assert [e.name for e in f.events] == ["曾立平督导检查防汛工作"]


def test_indicators_annotators_keep_as_written() -> None:
    f = facts_of("标题\n2010年,定边县实现生产总值142.9亿元,增长14.8%;全年粮食产量超过30万吨,实际利用外资1.2亿美元,"
                 "接待国内外游客520万人次。", published=dt.datetime(2011, 3, 1))
    got = {(o.indicator, o.value) for o in f.observations}
    assert {("生产总值", 14_290_000_000), ("生产总值增速", 14.8), ("粮食产量", 300_000),
            ("实际利用外资", 120_000_000), ("接待国内外游客", 5_200_000)} <= got


def test_a_headline_that_names_the_counties_names_the_tour_not_the_city_the_body_starts_with() -> None:
    f = facts_of("覃振邦在都安县,大化县调研时强调 确保打赢脱贫攻坚战\n上周四,自治区副主席覃振邦到河池市都安瑶族自治县,"
                 "大化瑶族自治县,调研脱贫攻坚工作.河池市委副书记,市长蓝海峰陪同调研.", published=dt.datetime(2020, 5, 18))
    assert [e.name for e in f.events] == ["覃振邦在都安县、大化县调研"]
    g = facts_of("张建平在毕节调研时强调 做好扶贫工作\n9月17日,省长张建平深入毕节市威宁彝族回族苗族自治县、赫章县调研。",
                 published=dt.datetime(2012, 9, 18))
    assert [e.name for e in g.events] == ["张建平在毕节市调研"]


def test_the_bureau_that_compiled_the_figures_is_not_whose_they_are() -> None:
    f = facts_of("榆林日报\n本报讯 前天,榆林市统计局召开新闻发布会。\n经陕西省统计局初步核算,2010年全市实现生产总值1745.2亿元,"
                 "比上年增长16.2%.其中,第一产业增加值98.6亿元,增长5.3%.", published=dt.datetime(2011, 2, 18))
    got = {(o.place.name, o.indicator) for o in f.observations}
    assert got == {("榆林市", "生产总值"), ("榆林市", "生产总值增速"), ("榆林市", "第一产业增加值"),
                   ("榆林市", "第一产业增加值增速")}


def test_a_meeting_agreed_to_be_held_later_is_not_held_and_a_secretary_general_after_a_comma() -> None:
    f = facts_of("标题\n4月4日,市委常委会召开会议。市委书记司马立主持会议。会议同意本月中旬召开市委全会。"
                 "市委常委,秘书长江海出席.", published=dt.datetime(2016, 4, 5))
    assert [e.name for e in f.events] == ["市委常委会会议"]
    assert ("江海", "秘书长") in {(p.person, p.title) for p in f.positions}


def test_a_standing_committee_meeting_keeps_its_ordinal_and_a_meeting_relayed_is_not_held() -> None:
    f = facts_of("标题\n8月13日上午,巴马瑶族自治县委常委会召开2019年第21次会议。县委书记蓝振邦主持会议并讲话。"
                 "会议传达学习了自治区党委近期召开的脱贫攻坚推进会议精神。", published=dt.datetime(2019, 8, 14))
    assert [e.name for e in f.events] == ["县委常委会第21次会议"]


def test_an_indicator_then_one_place_and_figure_a_clause() -> None:
    f = facts_of("标题\n2017年,三县发展势头良好。人均地区生产总值方面,肥西县超过8.5万元,长丰县约7.8万元,肥东县为63500元。",
                 published=dt.datetime(2018, 2, 1))
    got = {(o.place.name, o.indicator, o.year, o.value, o.qualifier) for o in f.observations}
    assert got == {("肥西县", "人均地区生产总值", 2017, 85000, ">"), ("长丰县", "人均地区生产总值", 2017, 78000, "~"),
                   ("肥东县", "人均地区生产总值", 2017, 63500, "=")}


def test_a_figure_falling_from_one_year_to_another_and_tourism_income() -> None:
    f = facts_of("标题\n县委书记韦正坤介绍,凤山县贫困发生率已由2015年底的21.7%降至去年底的3.6%。"
                 "今年上半年,凤山县实现旅游收入约2.3亿元。", published=dt.datetime(2020, 8, 3))
    got = {(o.place.name, o.indicator, o.year, o.value, o.qualifier) for o in f.observations}
    assert got == {("凤山县", "贫困发生率", 2015, 21.7, "="), ("凤山县", "贫困发生率", 2019, 3.6, "="),
                   ("凤山县", "旅游收入", 2020, 230_000_000, "~")}


def test_a_figure_after_its_average_rate_and_a_county_figure_compiled_by_the_city() -> None:
    f = facts_of("标题\n“十三五”期间,庆阳市经济稳步增长,地区生产总值年均增长6.8%,2020年达到742.5亿元。",
                 published=dt.datetime(2021, 3, 2))
    assert {(o.place.name, o.indicator, o.year, o.value) for o in f.observations} == {
        ("庆阳市", "地区生产总值", 2020, 74_250_000_000)}
    g = facts_of("宁国市经济运行\n宁国市统计局发布。根据宣城市统一核算结果,2023年全市实现地区生产总值486.2亿元,"
                 "同比增长6.1%。", published=dt.datetime(2024, 2, 1))
    assert {(o.place.name, o.indicator) for o in g.observations} == {
        ("宁国市", "地区生产总值"), ("宁国市", "地区生产总值增速")}


def test_an_unannounced_visit_is_a_tour_named_by_what_it_checked_and_each_leader_speaks_on_his_own() -> None:
    f = facts_of("标题\n7月9日,市委书记严立峰率队到沙头镇督导检查防汛工作。市水务局局长何少华陪同督导。\n"
                 "此前,7月8日晚,市委副书记、市长冯启明采取“四不两直”方式,深夜暗访城区部分建筑工地和地下车库,"
                 "检查防汛措施落实情况。市应急管理局局长章明陪同暗访。\n"
                 "严立峰要求,全市各部门要严格落实值班值守制度。", published=dt.datetime(2023, 7, 10))
    assert {(e.name, str(e.date)) for e in f.events} == {
        ("严立峰督导检查防汛工作", "2023-07-09"), ("冯启明暗访防汛措施落实情况", "2023-07-08")}
    by_event = {}
    for p in f.participations:
        by_event.setdefault(next(e.name for e in f.events if e.key == p.event_key), set()).add(
            (p.person, p.role))
    assert by_event["冯启明暗访防汛措施落实情况"] == {("冯启明", "led"), ("章明", "accompanied")}


def test_the_same_figure_of_a_later_year_said_as_这一数字() -> None:
    f = facts_of("标题\n2016年,巫溪县农村常住居民人均可支配收入为9120元;2023年,这一数字达到16880元。",
                 published=dt.datetime(2024, 3, 1))
    assert {(o.place.name, o.indicator, o.year, o.value) for o in f.observations} == {
        ("巫溪县", "农村常住居民人均可支配收入", 2016, 9120), ("巫溪县", "农村常住居民人均可支配收入", 2023, 16880)}


def test_changes_told_after_the_year_and_place_of_the_paragraph() -> None:
    f = facts_of("标题\n十年来,玛沁县牢牢把握生态保护优先的发展定位。2022年,全县地区生产总值达到41.2亿元;"
                 "城镇居民人均可支配收入由2012年的16420元提高到36810元,农牧民人均可支配收入由2012年的4210元增加到12960元。",
                 published=dt.datetime(2023, 4, 1))
    assert {(o.place.name, o.indicator, o.year, o.value) for o in f.observations} == {
        ("玛沁县", "地区生产总值", 2022, 4_120_000_000),
        ("玛沁县", "城镇居民人均可支配收入", 2012, 16420), ("玛沁县", "城镇居民人均可支配收入", 2022, 36810),
        ("玛沁县", "农牧民人均可支配收入", 2012, 4210), ("玛沁县", "农牧民人均可支配收入", 2022, 12960)}


def test_a_table_whose_place_column_is_headed_by_the_kind_of_unit() -> None:
    f = facts_of("文山州经济运行\n2021年全州实现地区生产总值1300.6亿元。部分县的主要数据如下:\n\n"
                 "| 县 | 地区生产总值(亿元) | 比上年增长(%) |\n|---|---:|---:|\n| 丘北县 | 121.35 | 7.5 |\n"
                 "| 广南县 | 146.02 | 6.8 |\n", published=dt.datetime(2022, 2, 1))
    got = {(o.place.name, o.indicator, o.year, o.value) for o in f.observations}
    assert {("丘北县", "地区生产总值", 2021, 12_135_000_000), ("丘北县", "地区生产总值增速", 2021, 7.5),
            ("广南县", "地区生产总值", 2021, 14_602_000_000), ("广南县", "地区生产总值增速", 2021, 6.8)} <= got


def test_unnamed_heads_of_a_banner_and_of_a_district_who_speak() -> None:
    f = facts_of("标题\n2月15日,衢州市召开全市改革推进会。市委书记端木立主持会议。柯城区区长作了汇报,"
                 "阿鲁科尔沁旗旗委主要负责同志作表态发言。", published=dt.datetime(2017, 2, 16))
    got = {(p.title, p.place.name if p.place else None, p.role) for p in f.participations if not p.person}
    assert got == {("区长", "柯城区", "remarks"), ("旗委书记", "阿鲁科尔沁旗", "remarks")}


def test_heads_of_firms_who_speak_at_a_forum_give_remarks() -> None:
    f = facts_of("标题\n6月14日,益阳市召开民营企业座谈会。市委书记邓立新主持会议并讲话。\n"
                 "- 湖南银城新材料有限公司董事长彭立坚建议,进一步降低企业用能成本;\n"
                 "- 沅江市一家船舶企业总经理谢安明反映,企业需要更多外贸培训。\n"
                 "会上,市委副书记文强代表益阳市作了说明。", published=dt.datetime(2023, 6, 15))
    assert roles(f) == {"邓立新": "presided", "彭立坚": "remarks", "谢安明": "remarks", "文强": "remarks"}
    assert "益阳市" not in {p.name for p in f.persons}


def test_urban_and_rural_incomes_written_out_then_respectively() -> None:
    f = facts_of("2020年统计公报\n全年全体居民人均可支配收入23418元。按常住地分,城镇居民和农村居民人均可支配收入分别为31062元和16985元,"
                 "分别增长4.1%和7.2%。", published=dt.datetime(2021, 3, 26))
    got = {(o.indicator, o.value) for o in f.observations}
    assert {("城镇居民人均可支配收入", 31062), ("农村居民人均可支配收入", 16985), ("城镇居民人均可支配收入增速", 4.1),
            ("农村居民人均可支配收入增速", 7.2)} <= got


def test_a_meeting_within_a_tour_of_days_is_dated_where_it_is_told() -> None:
    f = facts_of("标题\n9月22日至23日,省委书记汤立明深入郴州市汝城县、资兴市,调研乡村振兴工作,并主持召开座谈会。\n"
                 "22日,汤立明首先来到汝城县。\n23日下午,汤立明在郴州主持召开座谈会。郴州市委书记邝德明汇报了工作。",
                 published=dt.datetime(2021, 9, 24))
    assert {(e.type, str(e.date)) for e in f.events} == {("inspection", "2021-09-22"), ("meeting", "2021-09-23")}


def test_a_visit_whose_going_is_said_with_an_adverb_names_its_route() -> None:
    f = facts_of("标题\n21日,市委书记皇甫立明冒雨前往洪湖市、监利市,实地检查长江干堤防汛准备工作。副市长万春明陪同。",
                 published=dt.datetime(2023, 6, 22))
    assert [e.name for e in f.events] == ["皇甫立明到洪湖市、监利市检查长江干堤防汛准备工作"]


def test_the_secretaries_of_every_county_and_city_are_a_group() -> None:
    f = facts_of("标题\n8月10日,红河州委常委会召开扩大会议。州委书记杨立新主持会议。蒙自市委书记李明远作交流发言。"
                 "各县市党委书记列席会议。", published=dt.datetime(2023, 8, 11))
    assert [(p.title, p.place.name) for p in f.participations if not p.person] == []


def test_qualifiers_after_a_growth_rate_and_a_ceiling() -> None:
    f = facts_of("标题\n2022年,静宁县固定资产投资增长12.6%,其中基础设施投资增长20%以上;城镇登记失业率控制在3%以内。",
                 published=dt.datetime(2023, 2, 1))
    assert {(o.indicator, o.value, o.qualifier) for o in f.observations} == {
        ("固定资产投资增速", 12.6, "="), ("基础设施投资增速", 20, ">"), ("城镇登记失业率", 3, "<")}


def test_a_route_after_the_party_the_leader_takes_along() -> None:
    f = facts_of("令狐建明在上虞嵊州调研时强调坚定信心\n3月18日,市委书记令狐建明率市级有关部门负责人到上虞市、嵊州市,"
                 "调研企业生产经营情况。副市长金晓明参加调研。", published=dt.datetime(2009, 3, 19))
    assert [e.name for e in f.events] == ["令狐建明到上虞市、嵊州市调研"]


def test_a_contest_of_county_secretaries_is_an_event() -> None:
    f = facts_of("标题\n4月11日,全省县域经济发展县(市、区)委书记擂台赛在成都举行。省委书记诸葛文明出席并讲话,省长马骏主持。"
                 "新津区委书记蒲建明、宣汉县委书记谭明作交流发言。", published=dt.datetime(2024, 4, 12))
    assert [e.name for e in f.events] == ["全省县域经济发展县(市、区)委书记擂台赛"]
    assert roles(f)["蒲建明"] == "remarks"


def test_a_secretary_who_takes_the_stage_at_a_forum_gives_remarks() -> None:
    f = facts_of("标题\n6月14日,全省县域经济高质量发展县(市、区)委书记论坛在济南举行。省委书记司马恒出席并讲话。"
                 "荣成市委书记于正明第一个登台。", published=dt.datetime(2019, 6, 15))
    assert roles(f)["于正明"] == "remarks"


def test_unnamed_heads_who_share_the_stage_and_committees_of_whose_heads_speak() -> None:
    f = facts_of("标题\n6月16日,2024年第三期县域经济高质量发展县委书记讲坛在成都举行。省委书记王晓东出席并讲话。同台交流的还有眉山市"
                 "仁寿县、宜宾市叙州区等2个县(区)的党委主要负责同志。\n会上,府谷县委、吴起县委的主要负责同志也作了交流发言。",
                 published=dt.datetime(2024, 6, 17))
    assert {(p.title, p.place.name, p.role) for p in f.participations if not p.person} == {
        ("县委书记", "仁寿县", "remarks"), ("区委书记", "叙州区", "remarks"), ("县委书记", "府谷县", "remarks"),
        ("县委书记", "吴起县", "remarks")}


def test_the_next_places_figures_of_the_indicator_just_said_and_growth_cells_with_percent() -> None:
    f = facts_of("标题\n从经济总量看,2020年长沙县地区生产总值达1859.6亿元,浏阳市为1435.9亿元,宁乡市为1108.2亿元,三地均迈入千亿行列。",
                 published=dt.datetime(2021, 9, 1))
    assert {(o.place.name, o.indicator, o.year, o.value) for o in f.observations} == {
        ("长沙县", "地区生产总值", 2020, 185_960_000_000), ("浏阳市", "地区生产总值", 2020, 143_590_000_000),
        ("宁乡市", "地区生产总值", 2020, 110_820_000_000)}
    g = facts_of("重庆调研\n## 三区县主要经济指标(2023年)\n\n| 区县 | 地区生产总值(亿元) | 增速 |\n| --- | --- | --- |\n"
                 "| 万州区 | 1161.2 | 6.2% |\n| 开州区 | 661.5 | 6.5% |\n", published=dt.datetime(2024, 6, 1))
    assert ("万州区", "地区生产总值增速", 2023, 6.2) in {(o.place.name, o.indicator, o.year, o.value) for o in g.observations}


def stats(f) -> set[tuple]:
    return {(o.place.name if o.place else None, o.indicator, o.year, o.value) for o in f.observations}


def test_table_under_a_区县市_head_with_the_whole_city_first_and_a_named_growth_column() -> None:
    f = facts_of("市统计局发布2022年区县经济数据\n2023年3月1日，市统计局发布数据。\n\n"
                 "表1 2022年湘潭市各区县(市)主要经济指标\n\n"
                 "区县(市)    地区生产总值(亿元)    地区生产总值增速(%)\n"
                 "全  市      2700.50              4.1\n"
                 "湘潭县      520.31               4.6\n"
                 "韶山市      150.27               5.2\n",
                 published=dt.datetime(2023, 3, 1))
    assert {("湘潭县", "地区生产总值", 2022, 52031000000.0), ("湘潭县", "地区生产总值增速", 2022, 4.6),
            ("韶山市", "地区生产总值", 2022, 15027000000.0),
            ("韶山市", "地区生产总值增速", 2022, 5.2)} <= stats(f)


def test_a_column_of_an_indicators_rate_with_no_column_of_its_amounts() -> None:
    f = facts_of("标题\n2023年3月1日,市统计局发布数据。\n\n2022年湘潭市各区县主要经济指标\n\n"
                 "区\t地区生产总值(亿元)\t比上年增长(%)\t规模以上工业增加值增速(%)\n\n"
                 "湘潭县\t520.31\t4.6\t7.1\n\n韶山市\t150.27\t5.2\t6.3\n",
                 published=dt.datetime(2023, 3, 1))
    assert {("湘潭县", "规模以上工业增加值增速", 2022, 7.1), ("韶山市", "规模以上工业增加值增速", 2022, 6.3),
            ("湘潭县", "地区生产总值增速", 2022, 4.6)} <= stats(f)


def test_places_that_head_the_clause_before_分别为() -> None:
    for comma, stop in (("、", "，"), (",", ",")):
        f = facts_of(f"标题\n2022年{stop}湘潭县{comma}韶山市经济总量位居前列{stop}地区生产总值分别为"
                     f"520.31亿元{comma}150.27亿元。", published=dt.datetime(2023, 3, 1))
        assert {("湘潭县", "地区生产总值", 2022, 52031000000.0),
                ("韶山市", "地区生产总值", 2022, 15027000000.0)} <= stats(f), comma


def test_an_unnamed_secretary_joined_with_a_group_and_交流了() -> None:
    f = facts_of("标题\n2016年3月9日,全市扶贫工作现场会在彭水县召开。彭水县委书记贾文山作交流发言。随后,"
                 "酉阳县委书记和秀山县、石柱县县委主要负责同志也先后交流了各自的做法。",
                 published=dt.datetime(2016, 3, 10))
    unnamed = {(p.place.name, p.role) for p in f.participations if p.person is None}
    assert {("酉阳土家族苗族自治县", "remarks"), ("秀山土家族苗族自治县", "remarks"),
            ("石柱土家族自治县", "remarks")} <= unnamed


def test_a_table_with_padded_names_a_市县_column_and_head_cells_one_space_apart() -> None:
    f = facts_of("2024年各市县主要经济指标发布\n发布时间:2025-02-18\n\n表　2024年部分市县主要经济指标\n\n"
                 "　　市县　　地区生产总值（亿元）　比上年增长（%）\n"
                 "　　五指山市　　　　 45.2　　　　　　　 4.9\n"
                 "　　澄　迈　　　　　518.3　　　　　　　 6.1\n"
                 "　　海口经开区　　　 91.2　　　　　　　 8.0\n",
                 published=dt.datetime(2025, 2, 18))
    assert {("五指山市", "地区生产总值", 2024, 4520000000.0), ("澄迈县", "地区生产总值", 2024, 51830000000.0),
            ("澄迈县", "地区生产总值增速", 2024, 6.1)} <= stats(f)
    assert "澄迈县" in {m.place.name for m in f.places}
    assert "海口市" not in {o.place.name for o in f.observations}  # a zone is not its city


def test_leaders_escorted_by_local_officials_lead_the_tour_where_they_went() -> None:
    f = facts_of("标题\n昨天,全省现场推进会在绥化市召开。省委书记魏长庚出席会议并讲话,省委副书记、省长欧阳清和主持会议。\n"
                 "17日下午,魏长庚、欧阳清和在绥化市委书记东方明、肇东市委书记石青川陪同下,"
                 "先后来到肇东市玉米深加工产业园实地调研。", published=dt.datetime(2023, 7, 19))
    tour = next(e for e in f.events if e.type == "inspection")
    assert "肇东市" in tour.name and "绥化" not in tour.name
    got = {(p.person, p.role) for p in f.participations if p.event_key == tour.key}
    assert got == {("魏长庚", "led"), ("欧阳清和", "led"), ("东方明", "accompanied"),
                   ("石青川", "accompanied")}


def test_the_escort_told_first_and_a_leader_一行_escorted() -> None:
    for text in ("17日下午,在绥化市委书记东方明陪同下,省委书记魏长庚来到肇东市玉米深加工产业园调研。",
                 "17日下午,省委书记魏长庚一行在绥化市委书记东方明的陪同下,深入肇东市企业调研。"):
        f = facts_of("标题\n" + text, published=dt.datetime(2023, 7, 19))
        tour = next(e for e in f.events if e.type == "inspection")
        assert tour.name.startswith("魏长庚"), text
        assert {(p.person, p.role) for p in f.participations} == {
            ("魏长庚", "led"), ("东方明", "accompanied")}, text


def test_a_座谈会_held_after_the_site_visits_is_a_sitting_of_the_on_site_meeting() -> None:
    f = facts_of("标题\n近日,茂名市推进乡村振兴现场会在高州市召开。与会人员实地观摩了高州市部分镇村,随后召开座谈会。"
                 "市委书记钟文海出席会议并讲话。\n座谈会上,高州市委书记冼国强作交流发言。",
                 published=dt.datetime(2023, 6, 1))
    assert [e.name for e in f.events] == ["茂名市推进乡村振兴现场会"]
    assert {(p.person, p.role) for p in f.participations} == {("钟文海", "speech"),
                                                               ("冼国强", "remarks")}


def test_主旨交流_is_remarks_and_留_a_surname() -> None:
    f = facts_of("标题\n上周五,2022泉州县域经济论坛在晋江举行。市委书记康建出席论坛并讲话,市政协主席留秀琴出席。"
                 "论坛上,晋江市委书记施海明作主旨交流。", published=dt.datetime(2022, 6, 13))
    assert {(p.person, p.role) for p in f.participations} >= {("留秀琴", "attended"),
                                                               ("施海明", "remarks")}


def test_carrying_out_what_a_leader_asked_on_a_tour_is_no_tour() -> None:
    f = facts_of("标题\n上周五,副市长令狐建平到通州区调研重点工程建设。通州区委书记韦海东陪同调研。\n"
                 "韦海东书记表示,通州区将认真落实市领导调研要求,压紧压实各方责任。",
                 published=dt.datetime(2022, 5, 16))
    assert len(f.events) == 1
    assert {(p.person, p.role) for p in f.participations} == {("令狐建平", "led"),
                                                               ("韦海东", "accompanied")}


def test_figures_of_crops_and_industries_no_lexicon_lists_are_named_as_written() -> None:
    f = facts_of("标题\n2022年,富川瑶族自治县水果总产量129.47万吨,增长3.5%;其中,脐橙产量超过80万吨。"
                 "全县茶园面积达16.5万亩。项目占地面积500亩。"
                 "力争粮食播种面积稳定在100万亩以上。", published=dt.datetime(2023, 3, 1))
    got = {(o.indicator, o.value, o.qualifier) for o in f.observations}
    assert {("水果总产量", 1294700.0, "="), ("水果总产量增速", 3.5, "="), ("脐橙产量", 800000.0, ">"),
            ("茶园面积", 165000.0, "=")} <= got
    assert not {g for g in got if "占地" in g[0] or "播种" in g[0]}
    f = facts_of("标题\n2023年,浏阳市烟花爆竹产业集群全年实现总产值约520亿元。", published=dt.datetime(2024, 3, 1))
    assert not f.observations  # (总产值 alone names no figure: whose product is not said there)
    f = facts_of("赣州市召开会议\n2022年,南康家具产业集群产值突破2800亿元。", published=dt.datetime(2023, 3, 1))
    assert {(o.place.name, o.indicator) for o in f.observations} == {("南康区", "家具产业集群产值")}


def test_the_indicator_of_the_first_分别_clause_carries_to_the_next_clauses() -> None:
    f = facts_of("标题\n2023年,福州市、泉州市地区生产总值分别为12308.23亿元和12102.97亿元,分别增长4.4%和3.5%;"
                 "漳州市、宁德市分别为5706.58亿元和3554.71亿元,分别增长5.2%和10.6%。",
                 published=dt.datetime(2024, 2, 1))
    got = stats(f)
    assert {("漳州市", "地区生产总值", 2023, 570658000000.0), ("宁德市", "地区生产总值增速", 2023, 10.6),
            ("福州市", "地区生产总值", 2023, 1230823000000.0)} <= got


def test_a_ranking_said_unquoted_with_each_line_a_place_and_its_figure_after_a_comma() -> None:
    f = facts_of("标题\n2019年6月18日\n云南省统计局上周三举行新闻发布会,公布2018年全省各州市主要经济指标。"
                 "省统计局局长孔明德在发布会上通报有关情况。\n\n根据公布的数据,2018年云南各州市地区生产总值排名如下:\n"
                 "第一名 昆明市,5206.9亿元\n第二名 曲靖市,2013.4亿元\n\n"
                 "从增速看,昆明市、曲靖市地区生产总值分别增长8.4%和9.1%;玉溪市、红河州分别增长8.8%和9.5%。",
                 published=dt.datetime(2019, 6, 18))
    got = stats(f)
    assert {("昆明市", "地区生产总值", 2018, 520690000000.0), ("曲靖市", "地区生产总值", 2018, 201340000000.0),
            ("玉溪市", "地区生产总值增速", 2018, 8.8)} <= got
    assert [(rl.name, rl.publisher) for rl in f.rankings] == [("2018年云南各州市地区生产总值排名", "云南省统计局")]
    assert {(p.rank, p.place.name) for p in f.placements} == {(1, "昆明市"), (2, "曲靖市")}


def test_each_place_above_a_figure_said_without_a_number_then_spread() -> None:
    # "均突破万亿元" has no number of its own; the figures come after 分别为 (this crashed)
    f = facts_of("标题\n2021年,佛山市、东莞市地区生产总值均突破万亿元,分别为12156.54亿元和10855.35亿元,"
                 "分别增长8.3%和8.2%。", published=dt.datetime(2022, 1, 20))
    assert {("佛山市", "地区生产总值", 2021, 1215654000000.0), ("东莞市", "地区生产总值增速", 2021, 8.2)} <= stats(f)


def test_herds_at_year_end_are_named_by_the_animal_and_存栏_or_出栏() -> None:
    f = facts_of("标题\n2023年,定边县粮食总产量40.2万吨。年末生猪存栏21.5万头,羊存栏96.1万只,"
                 "比上年增长3.2%;全年肉牛出栏2.4万头。", published=dt.datetime(2024, 3, 1))
    got = {(o.indicator, o.value) for o in f.observations}
    assert {("生猪存栏", 215000.0), ("羊存栏", 961000.0), ("羊存栏增速", 3.2), ("肉牛出栏", 24000.0)} <= got
    assert not {g for g in got if g[0].startswith("年末")}


def test_会上_after_a_tour_told_会前_is_back_at_the_meeting() -> None:
    f = facts_of("标题\n5月18日,全省山区县现场推进会在松阳县召开。省委书记楼建新出席会议并讲话。\n"
                 "会前,楼建新一行来到松阳县茶叶市场实地调研,丽水市委书记项东海陪同。\n"
                 "会上,副省长应海涛通报了山区县发展情况,松阳县委书记卢兆明作交流发言。",
                 published=dt.datetime(2021, 5, 20))
    meeting = next(e for e in f.events if e.type != "inspection")
    got = {(p.person, p.role) for p in f.participations if p.event_key == meeting.key}
    assert {("应海涛", "remarks"), ("卢兆明", "remarks")} <= got


def test_counties_counted_then_their_secretaries() -> None:
    f = facts_of("标题\n8月1日,全市县域经济论坛召开。宜阳、洛宁、汝阳、嵩县4县的县委书记也分别作了交流发言。",
                 published=dt.datetime(2022, 8, 2))
    assert {(p.place.name, p.title, p.role) for p in f.participations if p.person is None} == {
        (c, "县委书记", "remarks") for c in ("宜阳县", "洛宁县", "汝阳县", "嵩县")}


def test_two_indicators_joined_by_a_half_width_comma_then_分别() -> None:
    f = facts_of("标题\n2023年,宁乡市地区生产总值达1520.8亿元,增长4.7%,一般公共预算收入,规模以上工业增加值分别增长8.1%,7.4%.",
                 published=dt.datetime(2024, 2, 1))
    assert {("宁乡市", "一般公共预算收入增速", 2023, 8.1), ("宁乡市", "规模以上工业增加值增速", 2023, 7.4)} <= stats(f)


def test_figures_on_the_lines_of_a_ranking_by_an_indicator() -> None:
    f = facts_of("标题\n广东省统计局日前公布2020年全省各县(市)主要经济指标。\n\n2020年广东县(市)地区生产总值排名(前十位)\n\n"
                 "第1位 博罗县 723.6亿元\n第2位 普宁市 622.1亿元\n\n2021中国县域经济百强(广东部分)\n\n第79位 博罗县\n",
                 published=dt.datetime(2021, 10, 18))
    assert {("博罗县", "地区生产总值", 2020, 72360000000.0), ("普宁市", "地区生产总值", 2020, 62210000000.0)} <= stats(f)
    assert len(f.observations) == 2


def test_a_table_whose_units_are_said_on_a_line_above_its_head() -> None:
    f = facts_of("标题\n　　2022年嘉兴市各县（市、区）主要经济指标\n　　单位：亿元、%、元\n"
                 "地区\t地区生产总值\t增速\t城镇居民人均可支配收入\n全市\t6739.5\t2.5\t77470\n南湖区\t760.3\t2.1\t79120\n",
                 published=dt.datetime(2023, 3, 9))
    assert {("南湖区", "地区生产总值", 2022, 76030000000.0), ("南湖区", "地区生产总值增速", 2022, 2.1),
            ("南湖区", "城镇居民人均可支配收入", 2022, 79120.0)} <= stats(f)


def test_a_province_said_in_passing_is_not_whose_figure_it_is() -> None:
    f = facts_of("标题\n“今年新开工项目数量创历史新高。”司马振华在发言中说。长葛是河南县域经济的“排头兵”,"
                 "2022年地区生产总值达到637.2亿元。", published=dt.datetime(2023, 9, 8))
    assert ("长葛市", "地区生产总值", 2022, 63720000000.0) in stats(f)


def test_places_listed_then_的_then_their_secretaries_who_spoke() -> None:
    f = facts_of("标题\n2017年3月9日,全市座谈会召开。宝坻区、静海区、宁河区的区委书记也先后发言。",
                 published=dt.datetime(2022, 6, 1))
    assert {(p.place.name, p.role) for p in f.participations if p.person is None} == {
        ("宝坻区", "remarks"), ("静海区", "remarks"), ("宁河区", "remarks")}


def test_a_long_list_of_companions_whose_role_is_said_once_at_the_end() -> None:
    f = facts_of("标题\n上周三,自治区主席旺堆平措深入林芝市巴宜区调研文化旅游工作。林芝市委书记于海明,市委副书记、市长扎西次仁,"
                 "援藏工作队领队、林芝市委常委、副市长司徒嘉伟,米林市委书记路远山分别陪同。", published=dt.datetime(2025, 6, 16))
    assert {(p.person, p.role) for p in f.participations} == {
        ("旺堆平措", "led"), ("于海明", "accompanied"), ("扎西次仁", "accompanied"),
        ("司徒嘉伟", "accompanied"), ("路远山", "accompanied")}


def test_a_web_page_s_table_whose_rows_come_with_blank_lines_between() -> None:
    f = facts_of("标题\n附表:2023年拉萨市各县(区)主要经济指标\n\n县(区)\t地区生产总值(亿元)\t地区生产总值增速(%)\n\n"
                 "全市\t868.0\t9.0\n\n城关区\t352.6\t6.8\n\n尼木县\t12.8\t8.9\n", published=dt.datetime(2024, 2, 1))
    assert {("城关区", "地区生产总值", 2023, 35260000000.0), ("尼木县", "地区生产总值增速", 2023, 8.9)} <= stats(f)


def test_hosts_who_accompany_the_meeting_s_own_site_visits() -> None:
    f = facts_of("标题\n7月10日至11日,全省县域经济发展现场推进会在榆林市召开。省委书记赵立刚出席会议并讲话。\n"
                 "与会人员先后来到神木市、府谷县,实地观摩了12个项目。榆林市委书记白鸿亮,市委副书记、市长薛立文陪同观摩。",
                 published=dt.datetime(2019, 7, 12))
    assert {(p.person, p.role) for p in f.participations} == {
        ("赵立刚", "speech"), ("白鸿亮", "accompanied"), ("薛立文", "accompanied")}


def test_会上_is_the_meeting_told_last_not_the_one_whose_name_came_last_in_the_lead() -> None:
    f = facts_of("标题\n1月4日至5日,中共张家川回族自治县第十四届委员会第九次全体(扩大)会议和全县经济工作会议相继召开。\n"
                 "1月4日上午,县委第九次全体(扩大)会议开幕。县委书记马国强作报告。\n"
                 "1月5日,全县经济工作会议召开。县委副书记李文华主持会议。\n"
                 "会上,县委常委、常务副县长丁宏明宣读了表彰决定。", published=dt.datetime(2006, 1, 6))
    econ = next(e for e in f.events if "经济工作" in e.name)
    assert ("丁宏明", "remarks", econ.key) in {(p.person, p.role, p.event_key) for p in f.participations}


def test_a_group_of_heads_after_各_and_more_heads_joined_by_和() -> None:
    f = facts_of("湘西州召开推进会\n湘西州全州推进会召开。州委书记龙德海出席。各县市委书记、县市长和州直有关单位主要负责同志"
                 "分别在主会场和分会场参加会议。", published=dt.datetime(2023, 6, 16))
    assert not [p for p in f.participations if p.person is None]


def test_a_meeting_named_with_a_quoted_noun_and_its_next_day_sitting() -> None:
    f = facts_of("标题\n3月9日,合肥市县域经济推进会暨县(市)委书记“擂台赛”在肥西县召开。副省长郑国梁出席会议并讲话。\n"
                 "3月10日,观摩点评暨“擂台赛”继续进行,肥西县委书记俞家和登台发言。",
                 published=dt.datetime(2023, 3, 11))
    assert [(e.name, str(e.date)) for e in f.events] == [
        ("合肥市县域经济推进会暨县(市)委书记擂台赛", "2023-03-09")]
    assert {p.person for p in f.participations} == {"郑国梁", "俞家和"}


def test_a_long_list_whose_role_ends_its_clause_before_a_semicolon() -> None:
    f = facts_of("标题\n6月9日,全省县域经济论坛召开。论坛上,仁怀市委书记罗永明,六盘水市盘州市委书记钟立山,"
                 "毕节市威宁自治县县委书记龙文华,禄晓云(花溪区委书记)先后登台作交流发言;清镇市的市委书记也作了交流发言。",
                 published=dt.datetime(2023, 6, 12))
    assert {p.person for p in f.participations if p.role == "remarks"} >= {"罗永明", "钟立山", "龙文华", "禄晓云"}


def test_a_count_of_places_is_no_figure_and_其中_places_take_the_indicator_before() -> None:
    f = facts_of("标题\n2021年,全市地区生产总值超过千亿元的区县达到6个。全市地区生产总值达到3000亿元,"
                 "其中江津区、永川区分别为1235.6亿元和1101.3亿元。", published=dt.datetime(2022, 3, 1))
    got = stats(f)
    assert {("江津区", "地区生产总值", 2021, 123560000000.0), ("永川区", "地区生产总值", 2021, 110130000000.0)} <= got
    assert not [o for o in f.observations if o.unit == "个"]


def test_places_with_figures_and_no_verb_after_semicolons_take_the_indicator_before() -> None:
    f = facts_of("标题\n2023年分县市看, 昌吉市实现地区生产总值612.45亿元, 增长6.8%; 阜康市329.80亿元, 增长9.0%; "
                 "呼图壁县168.20亿元.", published=dt.datetime(2024, 3, 1))
    assert {("阜康市", "地区生产总值", 2023, 32980000000.0), ("呼图壁县", "地区生产总值", 2023, 16820000000.0)} <= stats(f)


def test_table_under_a_head_naming_banners_and_districts_with_tabs() -> None:
    for head in ("旗区", "旗县（市、区）", "盟市"):
        f = facts_of("赤峰市发布2023年各旗县区经济数据\n2024年2月1日，市统计局发布数据。\n\n"
                     "2023年赤峰市部分旗县区主要经济指标\n"
                     f"{head}\t地区生产总值（亿元）\t增速（%）\n"
                     "红山区\t410.2\t5.1\n"
                     "巴林左旗\t135.6\t6.4\n",
                     published=dt.datetime(2024, 2, 1))
        assert {("红山区", "地区生产总值", 2023, 41020000000.0), ("巴林左旗", "地区生产总值增速", 2023, 6.4)
                } <= stats(f), head


def test_speakers_under_a_heading_of_speeches_gave_remarks() -> None:
    text = ("标题\n3月18日,全省县域经济发展大会在西安召开。省委书记赵国栋出席会议并讲话。\n\n"
            "## {head}\n\n**榆林市委书记 马振华：** 去年我们坚持创新,产业链不断延伸。\n\n"
            "**靖边县委副书记、县长 欧阳平：** 靖边依托资源优势,加快发展新能源。\n")
    f = facts_of(text.format(head="交流发言摘登"), published=dt.datetime(2025, 3, 20))
    assert roles(f) == {"赵国栋": "speech", "马振华": "remarks", "欧阳平": "remarks"}
    f = facts_of(text.format(head="基层风采"), published=dt.datetime(2025, 3, 20))
    assert roles(f) == {"赵国栋": "speech"}


def test_those_who_went_along_on_a_tour_did_not_lead_one() -> None:
    f = facts_of("标题\n前天,副省长皇甫志明到临沂市兰陵县、沂南县,调研“三夏”生产工作。省农业农村厅厅长向东、"
                 "临沂市委副书记、市长石磊一同调研。\n在兰陵县,陪同调研的兰陵县委书记端木春华介绍了机收进度。",
                 published=dt.datetime(2023, 6, 9))
    assert len(f.events) == 1 and f.events[0].type == "inspection"
    # (一同调研: went along and attended, as most annotators have it; 陪同 accompanied)
    assert roles(f) == {"皇甫志明": "led", "向东": "attended", "石磊": "attended",
                        "端木春华": "accompanied"}


def test_no_meeting_in_a_place_said_of_one_a_meeting_to_come_or_a_meeting_described() -> None:
    f = facts_of("标题\n3月18日,全市县(市、区)委书记工作论坛在桐乡召开。市委书记赵国栋出席并讲话。"
                 "桐乡市委书记于晓岚介绍,桐乡依托世界互联网大会永久举办地的优势,发展数字经济。"
                 "涪城区、游仙区的区委书记将在下一期论坛上交流发言。赵国栋指出,这是在关键时期召开的重要会议。",
                 published=dt.datetime(2021, 3, 19))
    assert [e.name for e in f.events] == ["全市县(市、区)委书记工作论坛"]


def test_secretaries_of_districts_and_of_zones_joined_by_和() -> None:
    # (港区 and 经济技术开发区 are zones, not divisions; 和嘉兴 is no name)
    f = facts_of("标题\n3月18日,全市县(市、区)委书记工作论坛召开。南湖区、秀洲区委书记和嘉兴经济技术开发区、"
                 "嘉兴港区党工委书记参加论坛。", published=dt.datetime(2021, 3, 19))
    assert roles(f) == {"南湖区区委书记": "attended", "秀洲区区委书记": "attended"}


def test_table_rows_set_with_one_full_width_space_between_cells() -> None:
    f = facts_of("标题\n发布时间:2023-03-21\n\n附表:2022年全省各市州主要经济指标\n\n"
                 "　　地区　　地区生产总值（亿元）　增速（%）　一般公共预算收入（亿元）\n"
                 "　　西宁市　1642.3　1.5　98.6\n　　果洛州　54.1　-1.2　3.3\n",
                 published=dt.datetime(2023, 3, 21))
    assert {("西宁市", "地区生产总值", 2022, 164230000000.0), ("果洛藏族自治州", "地区生产总值增速", 2022, -1.2),
            ("果洛藏族自治州", "一般公共预算收入", 2022, 330000000.0)} <= stats(f)


def test_全市_in_a_speakers_paragraph_is_the_place_the_speaker_spoke_for() -> None:
    f = facts_of("标题\n2020年10月15日,全省县域经济现场推进会在弥勒市召开。\n"
                 "罗承志在发言中说,安宁市坚持“工业强市”不动摇。2019年,全市地区生产总值突破600亿元。\n",
                 published=dt.datetime(2020, 10, 16))
    assert ("安宁市", "地区生产总值", 2019, 60000000000.0) in stats(f)


def test_a_bulletins_county_table_under_a_markdown_front_matter() -> None:
    from pathlib import Path

    from kg.ingest.reader import decode_document
    from kg.pipeline import run

    text = ("---\ntitle: 牡丹江市2021年国民经济和社会发展统计公报(摘要)\ndate: 2022-04-15\n---\n\n"
            "# 牡丹江市2021年国民经济和社会发展统计公报(摘要)\n\n"
            "初步核算,2021年全市实现地区生产总值1067.4亿元,经济总量在黑龙江省13个市(地)中居第四位。\n\n"
            "## 六、县(市)区主要指标\n\n| 县（市）区 | 地区生产总值（亿元） | 比上年增长（%） |\n|---|---|---|\n"
            "| 东安区 | 148.2 | 6.5 |\n| 林口县 | 76.5 | 7.8 |\n")
    f = run(decode_document(text.encode("utf-8"), Path("t.md"), doc_id="t.md"))
    got = stats(f)
    assert {("东安区", "地区生产总值", 2021, 14820000000.0), ("林口县", "地区生产总值增速", 2021, 7.8),
            ("牡丹江市", "地区生产总值", 2021, 106740000000.0)} <= got
    assert not [s for s in got if s[3] == 13]  # the places it ranks among are no figure


def test_a_ranked_table_with_the_year_in_the_indicators_head_and_a_count_of_counties() -> None:
    f = facts_of("标题\n发布时间:2023-06-20\n\n2022年,地区生产总值超过500亿元的县(市、区)达到9个。\n\n"
                 "| 排名 | 县（市、区） | 所属州（市） | 2022年地区生产总值（亿元） |\n|---|---|---|---|\n"
                 "| 1 | 安宁市 | 昆明市 | 963.2 |\n| 2 | 弥勒市 | 红河州 | 602.5 |\n",
                 published=dt.datetime(2023, 6, 20))
    got = stats(f)
    assert {("安宁市", "地区生产总值", 2022, 96320000000.0), ("弥勒市", "地区生产总值", 2022, 60250000000.0)
            } <= got
    assert not [s for s in got if s[3] == 9]


def test_unnamed_secretaries_of_cities_counted_before_their_committee() -> None:
    f = facts_of("标题\n2013年4月12日,全省县域经济发展现场会在儋州市召开。琼海、文昌、万宁三市市委主要负责同志"
                 "作交流发言。", published=dt.datetime(2013, 4, 13))
    assert roles(f) == {"琼海市市委书记": "remarks", "文昌市市委书记": "remarks", "万宁市市委书记": "remarks"}


def test_the_counties_total_is_not_the_provinces_own_figure() -> None:
    f = facts_of("标题\n2023年,全省县域地区生产总值8956亿元,增长5.3%。", published=dt.datetime(2024, 3, 1))
    assert ("辽宁省", "县域地区生产总值", 2023, 895600000000.0) in stats(f) or \
        ("县域地区生产总值", 2023, 895600000000.0) in {s[1:] for s in stats(f)}
    assert not [s for s in stats(f) if s[1] == "地区生产总值"]


def test_places_counted_again_take_the_figures_spread_over_them_before() -> None:
    f = facts_of("标题\n2018年,大冶、宜都、仙桃三地地区生产总值分别为578.6亿元、630.2亿元和800.9亿元。"
                 "到2023年,三地地区生产总值分别达到807.4亿元、835.6亿元和1123.4亿元。",
                 published=dt.datetime(2024, 3, 1))
    assert {("大冶市", "地区生产总值", 2023, 80740000000.0), ("宜都市", "地区生产总值", 2023, 83560000000.0),
            ("仙桃市", "地区生产总值", 2023, 112340000000.0)} <= stats(f)


def test_a_figure_past_a_milestone_then_the_figure_itself() -> None:
    f = facts_of("标题\n肥西县召开会议。2021年,全县地区生产总值突破千亿元大关,达到1026.3亿元。",
                 published=dt.datetime(2022, 3, 1))
    assert stats(f) == {("肥西县", "地区生产总值", 2021, 102630000000.0)}


def test_the_summing_up_after_an_on_site_meetings_visits_is_its_sitting() -> None:
    f = facts_of("标题\n上周四,全市县域经济高质量发展现场推进会召开。与会人员先后深入迁安市、遵化市,实地观摩了"
                 "12个重点产业项目,随后在遵化市召开总结大会。市委书记路明远出席并讲话,市长田丰收主持会议。",
                 published=dt.datetime(2018, 12, 10))
    assert [e.name for e in f.events] == ["全市县域经济高质量发展现场推进会"]
    assert roles(f) == {"路明远": "speech", "田丰收": "presided"}


def test_town_and_country_incomes_spread_and_a_section_on_finance_is_no_place() -> None:
    f = facts_of("标题\n六,财政和金融\n\n2021年,慈溪实现地区生产总值2455.6亿元;城镇和农村常住居民人均可支配收入分别达到"
                 "7.9万元和4.6万元。", published=dt.datetime(2022, 2, 1))
    assert [p.place.name for p in f.places] == ["慈溪市"]
    assert {("慈溪市", "城镇常住居民人均可支配收入", 2021, 79000.0),
            ("慈溪市", "农村常住居民人均可支配收入", 2021, 46000.0)} <= stats(f)


def test_全区_said_by_a_district_official_in_an_autonomous_regions_story() -> None:
    # (the paragraphs of xc03, a test article of ours)
    f = facts_of("标题\n  上周四,自治区党委书记鲁振邦深入百色市田阳区、田东县、平果市,就巩固拓展脱贫攻坚成果同乡村振兴"
                 "有效衔接、推进特色产业和工业高质量发展进行调研。自治区党委常委、秘书长韦德明,自治区副主席农海涛,"
                 "自治区农业农村厅厅长蓝天佑,百色市委书记黄金山,市委副书记、市长万宏远陪同调研。\n"
                 "  田阳是全国有名的芒果之乡。在田阳区百育镇的一处芒果种植基地,鲁振邦走进果园察看果树长势。"
                 "田阳区委书记覃永福陪同并介绍,2020年,全区芒果种植面积达36.2万亩。",
                 published=dt.datetime(2021, 9, 27))
    assert ("田阳区", "芒果种植面积", 2020, 362000.0) in stats(f)


def test_the_counties_total_told_with_a_verb_and_counts_of_aspects_or_places_are_no_figures() -> None:
    f = facts_of("标题\n山东省召开会议。2022年,全省县域实现地区生产总值4.95万亿元。按照规划,到2025年全省地区生产总值"
                 "超过千亿元的县(市)要达到3个。榜单从经济总量、财政实力5个方面进行测评。",
                 published=dt.datetime(2023, 3, 1))
    assert stats(f) == {("山东省", "县域地区生产总值", 2022, 4950000000000.0)}


def test_a_sentence_that_says_what_the_meeting_was_is_not_its_name() -> None:
    f = facts_of("标题\n2013年9月17日,全疆林果业提质增效现场推进会在吐鲁番召开。自治区副主席司马正清主持会议。"
                 "这是新疆首次把林果业现场会开到吐鲁番。", published=dt.datetime(2023, 6, 18))
    assert [e.name for e in f.events] == ["全疆林果业提质增效现场推进会"]


def test_a_meetings_name_with_a_short_name_in_ascii_quotes() -> None:
    f = facts_of('标题\n2023年4月11日,全省营商环境优化升级"一号改革工程"推进会在南昌召开.省委书记揭书文出席会议并讲话.',
                 published=dt.datetime(2023, 4, 12))
    assert [e.name for e in f.events] == ["全省营商环境优化升级一号改革工程推进会"]


def test_a_tour_the_day_before_the_meeting_and_the_meeting_said_again() -> None:
    f = facts_of("标题\n11月21日,全省山区26县高质量发展现场推进会在丽水召开。省长诸葛晓峰出席会议并讲话。\n"
                 "会前一天,诸葛晓峰一行先后来到龙泉市、景宁畲族自治县,就山区县产业培育工作开展调研。"
                 "丽水市委书记蓝晓燕陪同。\n推进会上,省发展和改革委员会主任柴国栋通报了监测评价结果。",
                 published=dt.datetime(2023, 11, 22))
    tour = next(e for e in f.events if e.type == "inspection")
    assert tour.date == dt.date(2023, 11, 20)
    meeting = next(e for e in f.events if e.type != "inspection")
    assert {(p.person, p.role) for p in f.participations if p.event_key == meeting.key} == {
        ("诸葛晓峰", "speech"), ("柴国栋", "remarks")}
    f = facts_of("标题\n昨天下午,全市县域经济高质量发展座谈会在奎文区召开。市委书记单立新出席并讲话。\n"
                 "据悉,座谈会召开前一天,单立新到青州市调研文化旅游产业发展情况。",
                 published=dt.datetime(2020, 9, 18))
    assert next(e for e in f.events if e.type == "inspection").date == dt.date(2020, 9, 16)
    f = facts_of("标题\n昨天下午,全市县域经济高质量发展座谈会在奎文区召开。市委书记单立新出席并讲话。\n"
                 "据了解,会前一天,单立新专程到青州市调研文化旅游产业发展情况。",
                 published=dt.datetime(2020, 9, 18))
    assert next(e for e in f.events if e.type == "inspection").date == dt.date(2020, 9, 16)


def test_unnamed_secretaries_of_places_counted_with_the_level_of_their_committees() -> None:
    f = facts_of("标题\n上周五,全省县域经济现场推进会在英德市召开。英德、高州、廉江三地县级党委书记也相继发言。",
                 published=dt.datetime(2023, 9, 4))
    assert roles(f) == {"英德市市委书记": "remarks", "高州市市委书记": "remarks", "廉江市市委书记": "remarks"}
    g = facts_of("标题\n3月17日,全省县委书记工作交流会在杭州召开。会上,温岭、海宁、诸暨三地市委书记也分别围绕共同富裕作了交流。",
                 published=dt.datetime(2021, 3, 18))
    assert roles(g) == {"温岭市市委书记": "remarks", "海宁市市委书记": "remarks", "诸暨市市委书记": "remarks"}


def test_a_tour_referred_to_is_no_tour_and_a_new_area_is_no_old_district() -> None:
    f = facts_of("标题\n8月9日下午,市委书记龙向前主持召开市委常委会会议,传达学习省委书记向东明在长沙调研时的讲话"
                 "要求。会议要求,推动湖南湘江新区提质增效。", published=dt.datetime(2021, 8, 10))
    assert [e.type for e in f.events] == ["meeting"]
    assert "湘江区" not in {p.place.name for p in f.places}


def test_a_role_closing_its_clause_after_a_second_list_is_the_first_lists_too() -> None:
    # the government heads and the county-level Party heads both spoke; the sentence goes on
    # after the role word
    f = facts_of("标题\n3月17日,全省安全生产电视电话会议召开。副省长李立新主持会议。"
                 "福州市、泉州市政府主要负责同志,以及三明市永安市、龙岩市新罗区党委主要负责同志先后"
                 "在分会场作表态发言,结合本地实际汇报了隐患排查整治工作。", published=dt.datetime(2022, 3, 18))
    got = roles(f)
    assert got["福州市市长"] == got["泉州市市长"] == "remarks"
    assert got["永安市市委书记"] == got["新罗区区委书记"] == "remarks"
    # a speech heard of later in a sentence is no role of its own
    g = facts_of("标题\n3月17日,全市组织工作会议召开。市委书记李立新主持会议。"
                 "县委书记王大川表示,全县将认真贯彻落实李书记的讲话精神,进一步加大工作力度,"
                 "推动各项工作落地见效。", published=dt.datetime(2022, 3, 18))
    assert roles(g) == {"李立新": "presided"}


def test_the_unnamed_heads_of_a_prefecture_level_diqu_are_its_diwei_secretary_and_commissioner() -> None:
    f = facts_of("标题\n6月14日,全区稳经济工作电视电话会议召开。自治区主席艾力·买买提主持会议。"
                 "会上,喀什地区、和田地区党委主要负责同志作表态发言。阿克苏地区行署主要负责同志作交流发言。",
                 published=dt.datetime(2022, 6, 15))
    got = roles(f)
    assert got["喀什地区地委书记"] == got["和田地区地委书记"] == "remarks"
    assert got["阿克苏地区行署专员"] == "remarks"


def test_departments_listed_after_a_generic_label_are_no_people() -> None:
    f = facts_of("标题\n3月17日,全省森林防火电视电话会议召开。副省长李立新主持会议。各地政府分管负责同志"
                 "和应急、林业、交通运输等部门负责人在分会场收听收看。", published=dt.datetime(2022, 3, 18))
    assert roles(f) == {"李立新": "presided"}


def test_a_meeting_held_by_video_link_is_named_by_its_own_name_not_its_format() -> None:
    f = facts_of("# 全省产业扶贫现场推进会在凯里召开\n\n8月8日,全省产业扶贫现场推进会在凯里市召开。"
                 "会议以现场观摩和电视电话会议相结合的方式举行。省长刘立新主持会议。",
                 published=dt.datetime(2018, 8, 10))
    assert [e.name for e in f.events] == ["全省产业扶贫现场推进会"]
    f = facts_of("标题\n上周四,全省县域经济工作会议在仙桃市召开。省委书记王立新出席会议并讲话。"
                 "会议以现场会加视频会的形式召开。", published=dt.datetime(2022, 6, 10))
    assert [e.name for e in f.events] == ["全省县域经济工作会议"]


def test_a_video_meeting_called_视频会() -> None:
    f = facts_of("标题\n4月18日下午,省委召开一季度市县经济运行交流视频会。省委书记文立国出席会议并讲话,"
                 "省长曾海英主持会议。会上,省统计局局长诸葛平通报了一季度经济指标完成情况。",
                 published=dt.datetime(2023, 4, 19))
    assert [e.name for e in f.events] == ["一季度市县经济运行交流视频会"]
    assert roles(f) == {"文立国": "speech", "曾海英": "presided", "诸葛平": "remarks"}


def test_unnamed_heads_listed_by_their_committees_with_and() -> None:
    f = facts_of("标题\n5月16日,全市县市区委书记论坛举行。市委书记李立新主持会议。青州市委、高密市委、"
                 "昌乐县委和奎文区委主要负责同志先后作交流发言。", published=dt.datetime(2019, 5, 17))
    got = roles(f)
    assert {k for k, r in got.items() if r == "remarks"} == {
        "青州市市委书记", "高密市市委书记", "昌乐县县委书记", "奎文区区委书记"}


def test_a_host_who_speaks_of_this_tour_did_not_lead_it() -> None:
    f = facts_of("标题\n昨天,省委常委、宣传部部长李文涛深入林芝市巴宜区调研文化旅游工作。林芝市委副书记、市长"
                 "次仁旺堆陪同调研。\n次仁旺堆表示,林芝市将认真落实此次调研提出的要求,以此次调研为契机推动发展。",
                 published=dt.datetime(2021, 6, 18))
    assert roles(f) == {"李文涛": "led", "次仁旺堆": "accompanied"}


def test_unnamed_government_heads_listed_by_their_governments() -> None:
    f = facts_of("标题\n3月14日,温州市政府召开第十二次常务会议。市长张立新主持会议。"
                 "瑞安市政府、乐清市政府主要负责同志作了表态发言。", published=dt.datetime(2022, 3, 15))
    got = roles(f)
    assert got["瑞安市市长"] == got["乐清市市长"] == "remarks"


def test_written_exchanges_at_a_forum_are_remarks() -> None:
    f = facts_of("标题\n3月28日,全省县域经济工作现场会召开。省长张立新主持会议。汉川市委,潜江市委,"
                 "天门市委主要负责同志作了书面交流。", published=dt.datetime(2019, 3, 29))
    got = roles(f)
    assert got["汉川市市委书记"] == got["潜江市市委书记"] == got["天门市市委书记"] == "remarks"


def test_unnamed_heads_and_a_named_secretary_joined_by_he() -> None:
    f = facts_of("标题\n8月4日,全省县域经济推进会在仙桃召开。副省长龙腾飞主持会议。仙桃市、大冶市主要负责同志"
                 "和宜都市委书记华文涛先后作交流发言。", published=dt.datetime(2022, 8, 5))
    got = roles(f)
    assert got["仙桃市市委书记"] == got["大冶市市委书记"] == got["华文涛"] == "remarks"
    assert "和宜" not in got


def test_a_tour_asked_of_others_in_a_speech_is_no_tour() -> None:
    f = facts_of("标题\n10月29日,市人大常委会召开会议。市人大常委会主任华建平主持会议。市委书记林立秋出席会议并讲话。"
                 "林立秋强调,新任职的同志要尽快熟悉情况,在临江、抚松等县(市)开展深入调研,把握市情。",
                 published=dt.datetime(2020, 10, 30))
    assert all(e.type != "inspection" for e in f.events)


def test_a_count_of_indicators_is_no_figure() -> None:
    f = facts_of("标题\n此次评价涵盖全省118个县(市),从经济发展、财政收入、居民收入等5个方面选取25项指标进行综合测算。",
                 published=dt.datetime(2021, 3, 19))
    assert not any(o.unit == "项" for o in f.observations)


def test_bulletin_figures_of_population_and_deposits() -> None:
    f = facts_of("太谷区2022年统计公报\n年末全区常住人口30.02万人,其中城镇常住人口17.26万人。全年出生人口2104人,"
                 "死亡人口2387人。年末金融机构人民币各项存款余额365.2亿元。", published=dt.datetime(2023, 3, 20))
    got = {(o.indicator, o.value) for o in f.observations}
    assert {("城镇常住人口", 172600), ("出生人口", 2104), ("死亡人口", 2387),
            ("金融机构人民币各项存款余额", 36520000000)} <= got


def test_a_meeting_told_only_as_a_time_keeps_what_follows_with_the_meeting_before_it() -> None:
    # "全国X会议召开后,A、B在分会场收听收看" is an aside: 会上 and the speech after it are the
    # province's own meeting's
    f = facts_of("标题\n昨天下午,全省稳经济电视电话会议召开。省委书记司马立新出席会议并讲话,省长解文华主持会议。\n"
                 "前天,全国稳经济电视电话会议召开后,司马立新、解文华在四川分会场收听收看。\n"
                 "会上,常务副省长欧阳平通报了全省经济运行情况。\n"
                 "司马立新在讲话中指出,要稳住经济大盘。", published=dt.datetime(2022, 5, 27))
    names = {e.key: e.name for e in f.events}
    got = {(names[p.event_key], p.person, p.role) for p in f.participations}
    assert ("全省稳经济电视电话会议", "欧阳平", "remarks") in got
    assert ("全省稳经济电视电话会议", "司马立新", "speech") in got
    assert ("全国稳经济电视电话会议", "司马立新", "attended") in got


def test_about_before_为_qualifies_the_figures_after_it() -> None:
    f = facts_of("标题\n2018年,福清市、南安市地区生产总值分别约为1120亿元和1050亿元。长乐区地区生产总值约为900亿元。",
                 published=dt.datetime(2019, 7, 20))
    got = {(o.place.name, o.indicator, o.value, o.qualifier) for o in f.observations}
    assert got == {("福清市", "地区生产总值", 112000000000, "~"), ("南安市", "地区生产总值", 105000000000, "~"),
                   ("长乐区", "地区生产总值", 90000000000, "~")}


def test_rates_spread_over_places_named_in_the_clause_before_and_in_the_clause_after() -> None:
    f = facts_of("标题\n从增速看,2022年,高明区、三水区增长较快,地区生产总值分别增长4.2%和3.5%,"
                 "顺德区、禅城区、南海区分别增长2.3%、2.1%和1.8%。", published=dt.datetime(2023, 3, 28))
    got = {(o.place.name, o.indicator, o.value) for o in f.observations}
    assert got == {("高明区", "地区生产总值增速", 4.2), ("三水区", "地区生产总值增速", 3.5),
                   ("顺德区", "地区生产总值增速", 2.3), ("禅城区", "地区生产总值增速", 2.1),
                   ("南海区", "地区生产总值增速", 1.8)}


def test_unnamed_secretaries_of_banners_and_districts_listed_before_旗区委书记() -> None:
    f = facts_of("标题\n前天,全市旗区委书记抓基层党建工作述职评议会召开。准格尔旗委书记单文山以及达拉特旗、杭锦旗、"
                 "东胜区的旗区委书记依次现场述职。", published=dt.datetime(2021, 1, 29))
    got = {(p.person, p.title, p.place.name if p.place else None, p.role) for p in f.participations}
    assert {(None, "旗委书记", "达拉特旗", "remarks"), (None, "旗委书记", "杭锦旗", "remarks"),
            (None, "区委书记", "东胜区", "remarks")} <= got


def test_a_figure_that_describes_a_class_of_places_is_no_figure_of_theirs() -> None:
    f = facts_of("标题\n去年以来,我省县域经济总体平稳,但经济总量超过千亿元的县(市)只有一个。那一年,甘井子区地区生产总值"
                 "超过1000亿元,成为全市首个地区生产总值跨过千亿元门槛的区。", published=dt.datetime(2021, 5, 21))
    assert {(o.place.name, o.indicator, o.value, o.qualifier) for o in f.observations} == {
        ("甘井子区", "地区生产总值", 100000000000, ">")}


def test_a_congress_the_nomination_will_go_to_is_no_meeting_held() -> None:
    f = facts_of("标题\n\n前天下午,海门市第十六届人民代表大会常务委员会第二十三次会议举行。市人大常委会主任张立新主持会议。\n\n"
                 "会议经表决,决定任命黄思远为海门市人民政府副市长、代理市长。按照有关程序,中共南通市委已提名黄思远为"
                 "海门市人民政府市长候选人,将提请下次市人民代表大会会议选举。\n\n黄思远作表态发言。",
                 published=dt.datetime(2019, 8, 22))
    assert [e.name for e in f.events] == ["海门市第十六届人民代表大会常务委员会第二十三次会议"]


def test_a_meeting_named_then_its_day_then_held() -> None:
    f = facts_of("青海召开全省生态环境保护工作会议\n\n全省生态环境保护工作会议9月24日以电视电话会议形式召开。"
                 "省委书记龙正平出席会议并讲话,省长向志远主持会议。\n\n此前,9月22日,向志远主持召开省政府常务会议,"
                 "研究生态环境保护工作。", published=dt.datetime(2020, 9, 25))
    names = {e.key: (e.name, e.date) for e in f.events}
    got = {(names[p.event_key], p.person, p.role) for p in f.participations}
    assert (("全省生态环境保护工作会议", dt.date(2020, 9, 24)), "龙正平", "speech") in got
    assert (("省政府常务会议", dt.date(2020, 9, 22)), "向志远", "presided") in got


def test_a_talk_given_under_a_title_is_remarks() -> None:
    f = facts_of("标题\n6月16日,全市县(市、区)委书记高质量发展论坛举行。市委书记欧阳平出席并讲话。"
                 "建湖县委书记文晓山以“一根钢丝绳”为题,讲述了建湖推进传统产业转型升级的做法。",
                 published=dt.datetime(2022, 6, 17))
    assert roles(f) == {"欧阳平": "speech", "文晓山": "remarks"}


def test_what_a_secretary_told_or_shared_at_a_forum_is_remarks() -> None:
    f = facts_of("标题\n6月16日,全市县(市、区)委书记论坛举行。市委书记欧阳平出席并讲话。"
                 "来自射阳县的县委书记文晓山讲的是一条河的故事。阜宁县委书记单立新分享了乡村治理的做法。"
                 "滨海县委书记高原讲述了港口建设的经过。响水县委书记华明谈了化工园区整治的体会。",
                 published=dt.datetime(2022, 6, 17))
    assert roles(f) == {"欧阳平": "speech", "文晓山": "remarks", "单立新": "remarks", "高原": "remarks",
                        "华明": "remarks"}


def test_a_meeting_at_the_end_of_a_two_day_tour_is_on_its_second_day() -> None:
    f = facts_of("标题\n11月13日,市委书记上官启明到邓州市、新野县调研。新野县委书记向东升陪同调研。\n"
                 "第二天,上官启明来到唐河县,实地察看了食品产业园项目。\n"
                 "调研结束时,上官启明在唐河县主持召开座谈会,听取三个县市工作汇报。", published=dt.datetime(2019, 11, 16))
    meeting = next(e for e in f.events if e.type != "inspection")
    assert meeting.date == dt.date(2019, 11, 14)


def test_no_remarks_said_not_to_be_made_and_no_mayor_in_a_place_named_长() -> None:
    f = facts_of("标题\n7月13日,全市县市区委书记擂台赛举行。市委书记王立新出席并讲话。隆回县委书记刘海作交流发言。"
                 "双清区、北塔区的区委书记在台下观摩,因时间关系未安排发言。在“2022年度全国综合实力百强县市”榜单中,"
                 "邵东市位列第56位,同属邵阳的长沙县不在其列。", published=dt.datetime(2022, 7, 14))
    assert {(p.person, p.title, p.role) for p in f.participations} == {
        ("王立新", "市委书记", "speech"), ("刘海", "县委书记", "remarks")}


def test_a_table_whose_place_column_is_headed_设区市() -> None:
    f = facts_of("标题\n2024年3月20日,省统计局发布数据。\n\n| 设区市 | 2023年地区生产总值(亿元) | 增速(%) |\n"
                 "| --- | ---: | ---: |\n| 南昌市 | 7324.5 | 4.3 |\n| 赣州市 | 4606.2 | 4.5 |\n",
                 published=dt.datetime(2024, 3, 20))
    assert {("南昌市", "地区生产总值", 2023, 732450000000.0), ("赣州市", "地区生产总值增速", 2023, 4.5)} <= stats(f)


def test_a_plain_text_table_with_its_units_on_a_line_under_the_head() -> None:
    # head cells set one full-width space apart, the units on the next line, columns aligned
    f = facts_of("2023年各县市区主要经济指标\n2024年2月6日,市统计局发布。\n\n表1\u30002023年各县市区主要经济指标\n\n"
                 "县市区\u3000\u3000地区生产总值\u3000增速\u3000一般公共预算收入\n"
                 "\u3000\u3000\u3000\u3000(亿元)\u3000\u3000\u3000\u3000(%)\u3000(亿元)\n"
                 "全市\u3000\u30002210.4\u3000\u3000\u3000\u30005.1\u3000\u3000120.3\n"
                 "安宁市\u3000512.6\u3000\u3000\u3000\u3000 6.2\u3000\u300033.8\n"
                 "宜良县\u3000230.1\u3000\u3000\u3000\u3000-1.4\u3000\u300011.5\n",
                 published=dt.datetime(2024, 2, 6))
    assert {("安宁市", "地区生产总值", 2023, 51260000000.0), ("安宁市", "地区生产总值增速", 2023, 6.2),
            ("宜良县", "地区生产总值增速", 2023, -1.4),
            ("宜良县", "一般公共预算收入", 2023, 1150000000.0)} <= stats(f)


def test_a_meeting_chaired_on_a_tour_is_its_own_event_on_the_weekday_said() -> None:
    # the tour from last Wednesday to Thursday; "周四下午" the group held a forum its leader chaired
    f = facts_of("标题\n发布时间:2022-03-10\n上周三至周四,省人大常委会副主任孔德明率调研组赴万宁市、"
                 "陵水黎族自治县开展调研。\n周四下午,调研组在陵水召开座谈会。孔德明主持座谈会并讲话。",
                 published=dt.datetime(2022, 3, 10))
    kinds = {(e.type, e.name, e.date) for e in f.events}
    assert ("meeting", "座谈会", dt.date(2022, 3, 3)) in kinds
    assert any(k[0] == "inspection" and k[2] == dt.date(2022, 3, 2) for k in kinds)


def test_a_tour_forum_whose_chair_is_told_paragraphs_later_is_its_own_event() -> None:
    f = facts_of("标题\n发布时间:2021-06-12\n6月10日,省政协主席林国栋率视察团在南阳市视察。"
                 "南阳市委书记郑怀远陪同。\n视察团首先来到西峡县,察看猕猴桃产业园。\n"
                 "当天下午,视察团召开座谈会,听取南阳市政府工作情况通报。南阳市市长孟庆和通报情况。\n"
                 "林国栋在座谈会上强调,要做强特色产业。\n省政协副主席贺学文主持座谈会。",
                 published=dt.datetime(2021, 6, 12))
    forum = next(e for e in f.events if e.type != "inspection")
    assert forum.name == "座谈会" and forum.date == dt.date(2021, 6, 10)
    got = {(p.person, p.role) for p in f.participations if p.event_key == forum.key}
    assert ("贺学文", "presided") in got


def test_a_tour_forum_chaired_in_the_passive_and_research_as_a_noun_is_no_second_tour() -> None:
    f = facts_of("标题\n发布时间:2018-09-21\n9月19日至20日,省人大常委会副主任周立言率执法检查组在绥化市视察。"
                 "省人大常委会秘书长罗永清参加视察。\n20日下午,执法检查组在绥化市召开座谈会。座谈会由罗永清主持,绥化市市长孔德明汇报了全市情况,"
                 "部分代表结合各自调研发言。\n周立言在座谈会上讲话。",
                 published=dt.datetime(2018, 9, 21))
    assert sorted(e.type for e in f.events) == ["inspection", "meeting"]
    forum = next(e for e in f.events if e.type == "meeting")
    got = {(p.person, p.role) for p in f.participations if p.event_key == forum.key}
    assert ("罗永清", "presided") in got


def test_a_meeting_counted_一场_in_an_editors_note_is_the_one_the_report_names() -> None:
    f = facts_of("标题\n2024年3月4日\n编者按:八年前的这个春天,一场全省县域经济工作会议在武汉召开。\n"
                 "原载《江汉晨报》2016年3月3日第1版\n本报讯 昨日,全省县域经济工作会议在武汉召开。"
                 "省委书记林国栋出席会议并讲话。", published=dt.datetime(2024, 3, 4))
    assert [(e.name, e.date) for e in f.events] == [("全省县域经济工作会议", dt.date(2016, 3, 2))]


def test_the_opening_of_the_forum_is_the_forum() -> None:
    f = facts_of("标题\n发布时间:2024-07-08\n7月5日,2024贵州县域经济高质量发展论坛在遵义市举行。"
                 "副省长尹志华出席论坛并讲话。遵义市委书记欧阳立新主持论坛开幕式。",
                 published=dt.datetime(2024, 7, 8))
    assert [e.name for e in f.events] == ["2024贵州县域经济高质量发展论坛"]
    assert roles(f) == {"尹志华": "speech", "欧阳立新": "presided"}


def test_a_forum_an_inspection_group_held_told_in_a_report_is_no_event() -> None:
    f = facts_of("标题\n发布时间:2020-09-25\n昨天上午,长春市第十五届人民代表大会常务委员会第十次会议举行。"
                 "市人大常委会主任罗振华主持会议。\n会议听取了市人大常委会副主任高淑芬所作的执法检查报告。"
                 "高淑芬在报告中说,执法检查组深入农安县、德惠市等地,实地查看了部分村屯,召开座谈会听取基层意见。",
                 published=dt.datetime(2020, 9, 25))
    assert [e.name for e in f.events] == ["长春市第十五届人民代表大会常务委员会第十次会议"]


def test_a_forums_sessions_and_a_short_talk_on_a_tour_are_no_events_of_their_own() -> None:
    f = facts_of("标题\n发布时间:2017-06-08\n6月7日,2017青海高原生态保护论坛在西宁举行。本次论坛设主论坛和三个分论坛。"
                 "主论坛上,副省长单立新作主旨报告。", published=dt.datetime(2017, 6, 8))
    assert [e.name for e in f.events] == ["2017青海高原生态保护论坛"]
    assert roles(f) == {"单立新": "remarks"}
    f = facts_of("标题\n发布时间:2022-06-18\n6月17日,省委书记欧阳立群到黔东南州调研。州委书记石永康陪同调研。\n"
                 "在随后召开的简短座谈中,石永康汇报了全州防止返贫监测工作。", published=dt.datetime(2022, 6, 18))
    assert [e.type for e in f.events] == ["inspection"]
    assert roles(f) == {"欧阳立群": "led", "石永康": "accompanied"}  # (who went along and reported)


def test_a_visit_and_a_forum_recalled_through_the_speech_given_there_are_no_events() -> None:
    f = facts_of("标题\n1月9日,于都县召开县委农村工作会议。县委书记江立新出席会议并讲话。\n"
                 "江立新在讲话中指出,全县上下深入学习贯彻总书记视察江西和主持召开推动中部地区崛起工作座谈会"
                 "时的重要讲话精神,农业农村工作取得新成效。", published=dt.datetime(2020, 1, 10))
    assert [e.name for e in f.events] == ["县委农村工作会议"]


def test_a_bill_agreed_to_be_put_to_the_session_names_no_meeting() -> None:
    # blind article vd09 (invented): "……针对性和可操作性较强,同意提请本次会议表决"
    from pathlib import Path
    text = (Path(__file__).parents[1] / "data" / "articles" / "vd09.txt").read_text("utf-8")
    f = facts_of(text, published=dt.datetime(2020, 9, 30))
    assert f.events and not any("提请" in e.name for e in f.events)


def test_a_dated_meeting_that_decided_something_was_held_and_an_undated_one_is_no_event() -> None:
    f = facts_of("标题\n发布时间:2018-01-20\n经2018年1月12日市政府第36次常务会议研究,市人民政府决定:"
                 "任命魏东为市水务局局长。\n这次常务会议由市长秦立新主持。",
                 published=dt.datetime(2018, 1, 20))
    assert {(e.name, e.date) for e in f.events} == {("市政府第36次常务会议", dt.date(2018, 1, 12))}
    assert roles(f) == {"秦立新": "presided"}
    f = facts_of("标题\n发布时间:2018-01-20\n经市委常委会会议研究,拟对以下同志进行任前公示。",
                 published=dt.datetime(2018, 1, 20))
    assert not f.events


def test_town_officials_listed_with_their_towns_share_the_role_said_after_the_last() -> None:
    f = facts_of("标题\n2023年4月12日\n前天,县委书记江海波主持召开县委常委会会议。县统计局局长高明汇报了一季度经济运行情况。"
                 "爱新舍里镇党委书记韩春梅、米粮泉回族乡乡长马玉福分别汇报了本乡镇春耕备耕和项目建设进展情况。",
                 published=dt.datetime(2023, 4, 12))
    assert roles(f) == {"江海波": "presided", "高明": "remarks", "韩春梅": "remarks", "马玉福": "remarks"}


def test_an_unnamed_secretary_who_spoke_at_a_branch_venue_gave_remarks() -> None:
    f = facts_of("标题\n2023年7月8日\n7月6日,全市区县委书记工作交流会召开。会议以视频形式召开,各区县设分会场。"
                 "涪陵区委书记在涪陵分会场作了补充发言。", published=dt.datetime(2023, 7, 8))
    got = {(p.person, p.title, p.place.name if p.place else None, p.role) for p in f.participations}
    assert (None, "区委书记", "涪陵区", "remarks") in got


def test_ranked_lines_with_figures_under_a_sentence_that_quotes_the_ranking() -> None:
    f = facts_of("标题\n2023年2月21日\n单雅琴介绍,根据省统计局今年1月发布的《2022年全省设区市地区生产总值排名》,"
                 "排名前三位的依次为:\n\n第一名\u3000太原市\u30005571.2亿元\n第二名\u3000长治市\u30003120.5亿元\n"
                 "第三名\u3000运城市\u3000近2200亿元\n", published=dt.datetime(2023, 2, 21))
    got = {(o.place.name, o.indicator, o.year, o.value, o.qualifier) for o in f.observations}
    assert {("太原市", "地区生产总值", 2022, 557120000000.0, "="),
            ("运城市", "地区生产总值", 2022, 220000000000.0, "~")} <= got


def test_a_tours_topic_is_read_alike_in_half_width_text() -> None:
    full = facts_of("标题\n2023年4月17日\n上周三,县委书记龙正国深入永兴镇茶园,调研春茶生产加工情况。县委常委金志强陪同调研。",
                    published=dt.datetime(2023, 4, 17))
    half = facts_of("标题\n2023年4月17日\n上周三,县委书记龙正国深入永兴镇茶园,调研春茶生产加工情况.县委常委金志强陪同调研.",
                    published=dt.datetime(2023, 4, 17))
    assert [e.name for e in half.events] == [e.name for e in full.events] == ["龙正国调研春茶生产加工工作"]


def test_speakers_given_as_rows_of_a_table() -> None:
    # a table of speakers under the sentence that says what they did; and a table whose first
    # column says each row's role
    f = facts_of("标题\n12月3日,洪雅县委经济工作会议召开。县委书记苟明远出席会议并讲话。\n\n"
                 "会上,三位乡镇负责同志作交流发言:\n\n"
                 "| 发言人 | 职务 | 主题 |\n| --- | --- | --- |\n"
                 "| 韦志海 | 止戈镇党委书记 | 茶旅融合 |\n| 包其其格 | 中山镇镇长 | 竹林经济 |\n\n"
                 "会议要求,各乡镇要抓早抓实明年工作。\n\n"
                 "| 环节 | 发言人 | 内容 |\n| --- | --- | --- |\n"
                 "| 表态发言 | 县农业农村局局长 蒲文静 | 高标准农田建设 |\n")
    assert roles(f) == {"苟明远": "speech", "韦志海": "remarks", "包其其格": "remarks",
                        "蒲文静": "remarks"}
    assert ("韦志海", "镇党委书记", "止戈镇") in posts(f)
    assert ("包其其格", "镇长", "中山镇") in posts(f)


def test_speakers_announced_by_count_then_told_one_by_one() -> None:
    f = facts_of("标题\n11月8日,全省县域经济座谈会在合肥召开。副省长严文涛出席会议并讲话。来自各地的"
                 "4位县委书记围绕“如何看待排名”作交流发言。\n\n"
                 "肥西县委书记诸葛明坦言,肥西今年排在第12位,差距还不小。\n\n"
                 "会场上,长丰县委书记柯长林说,长丰将继续做强新能源汽车产业。\n\n"
                 "严文涛表示,各县要对标先进找差距。\n")
    assert roles(f) == {"严文涛": "speech", "诸葛明": "remarks", "柯长林": "remarks"}


def test_no_speaker_by_count_when_none_is_announced() -> None:
    f = facts_of("标题\n11月8日,全省县域经济座谈会在合肥召开。副省长严文涛出席会议并讲话。\n\n"
                 "肥西县委书记诸葛明坦言,肥西今年排在第12位,差距还不小。\n")
    assert roles(f) == {"严文涛": "speech"}


def test_a_stretch_of_days_up_to_yesterday_and_the_meeting_told_on_its_own_day() -> None:
    f = facts_of("标题\n发布时间:2021-09-16 08:00\n9月13日至昨天,市委书记林振华先后深入宁化县、清流县调研,"
                 "并出席全市重点项目推进会。\n\n9月13日,林振华来到宁化县,察看项目建设。县委书记罗晓东陪同调研。\n\n"
                 "昨天上午,全市重点项目推进会召开。市长邓志明主持会议,林振华出席并讲话。\n",
                 published=dt.datetime(2021, 9, 16))
    dates = {e.type: e.date for e in f.events}
    assert dates == {"inspection": dt.date(2021, 9, 13), "meeting": dt.date(2021, 9, 15)}


def test_a_stretch_of_weekdays_and_the_meeting_told_the_next_day() -> None:
    f = facts_of("标题\n上周三至周四,副省长贺立新在黔东南州调研,并出席全州乡村振兴座谈会。\n\n"
                 "上周三一早,贺立新来到凯里市,察看茶园。州委书记石振华陪同。\n\n"
                 "次日上午,全州乡村振兴座谈会在凯里市召开。州长吴启明主持座谈会,贺立新出席并讲话。\n",
                 published=dt.datetime(2022, 8, 10))
    dates = {e.type: e.date for e in f.events}
    assert dates == {"inspection": dt.date(2022, 8, 3), "meeting": dt.date(2022, 8, 4)}


def test_a_document_named_in_a_meeting_and_a_check_asked_for_while_presiding() -> None:
    f = facts_of("标题\n昨天,全省学习贯彻《乡村振兴促进法》视频会议在长沙召开。省委书记罗振华出席会议并讲话,"
                 "省长许国平主持会议。\n\n许国平在主持时表示,要把各项任务分解到部门,强化督查考核,推动落地。\n",
                 published=dt.datetime(2021, 6, 9))
    assert [(e.name, e.type) for e in f.events] == [
        ("全省学习贯彻《乡村振兴促进法》视频会议", "meeting")]


def test_the_whole_province_said_first_holds_for_the_clauses_after() -> None:
    f = facts_of("标题\n会上,常务副省长司马恒通报了全省制造业运行情况。2021年,全省制造业增加值约4.2万亿元,"
                 "规模以上工业增加值比上年增长12.8%。\n\n苏州市委书记金立作交流发言。江苏省委召开会议。\n",
                 published=dt.datetime(2022, 2, 10))
    assert ("江苏省", "规模以上工业增加值增速", 2021, 12.8) in stats(f)


def test_该县_is_the_county_named_last() -> None:
    f = facts_of("标题\n全省县域经济座谈会在合肥召开。省长文立群主持会议。\n\n"
                 "安徽省统计局发布的考核显示,长丰县位居第一,肥东县、天长市分列第二、第三位。\n\n"
                 "肥西县委书记曾宪文作交流发言。他介绍,去年该县地区生产总值突破1100亿元,"
                 "成为全省首个地区生产总值超千亿元的县。\n", published=dt.datetime(2023, 2, 10))
    assert ("肥西县", "地区生产总值", 2022, 110000000000) in stats(f)


def test_a_table_of_one_places_indicators_with_units_in_its_cells() -> None:
    f = facts_of("2023年嵩县国民经济和社会发展统计公报\n\n全年嵩县地区生产总值210亿元。\n\n"
                 "| 指标 | 数量 | 比上年增长 |\n| --- | --- | --- |\n| 禽蛋产量 | 3.2万吨 | 2.5% |\n"
                 "| 食用菌产量 | 超过11万吨 | -1.4% |\n", published=dt.datetime(2024, 3, 20))
    assert {("嵩县", "禽蛋产量", 2023, 32000), ("嵩县", "禽蛋产量增速", 2023, 2.5),
            ("嵩县", "食用菌产量", 2023, 110000), ("嵩县", "食用菌产量增速", 2023, -1.4)} <= stats(f)
    assert next(o for o in f.observations if o.indicator == "食用菌产量").qualifier == ">"


def test_a_lecture_hall_for_county_secretaries_is_a_forum() -> None:
    f = facts_of("标题\n昨天,第八期“县委书记大讲堂”在西宁开讲。省委副书记马文海出席并讲话,"
                 "省委常委、组织部部长韩立平主持。湟源县委书记李德山作专题发言。\n",
                 published=dt.datetime(2021, 9, 15))
    assert [(e.name, e.type, e.date) for e in f.events] == [
        ("县委书记大讲堂", "forum", dt.date(2021, 9, 14))]
    assert roles(f) == {"马文海": "speech", "韩立平": "presided", "李德山": "remarks"}


def test_speakers_listed_by_post_alone_under_a_colon() -> None:
    f = facts_of("标题\n前天,第三期“县委书记讲坛”在银川举行。自治区党委常委马立新出席并讲话。\n\n"
                 "本期讲坛共有三位书记登台授课:\n\n- 贺兰县委书记张文举:讲葡萄酒产业;\n"
                 "- 固原市原州区委书记:讲移民搬迁后的产业培育;\n- 吴忠市利通区委书记:讲奶产业。\n",
                 published=dt.datetime(2021, 9, 16))
    assert roles(f) == {"马立新": "speech", "张文举": "remarks", "原州区区委书记": "remarks",
                        "利通区区委书记": "remarks"}


def test_secretaries_who_go_up_to_speak() -> None:
    f = facts_of("标题\n昨天,全省市县委书记擂台赛在海口举行。省委书记冯立群出席并讲话。\n\n"
                 "琼海市委书记符文昌第一个上台。他介绍了博鳌的会展业。儋州市委书记、五指山市委书记也相继上台。\n",
                 published=dt.datetime(2022, 8, 17))
    assert roles(f) == {"冯立群": "speech", "符文昌": "remarks", "儋州市市委书记": "remarks",
                        "五指山市市委书记": "remarks"}


def test_近期_of_the_work_a_meeting_planned_does_not_undate_it() -> None:
    f = facts_of("标题\n9月2日上午,铜仁市召开全市领导干部大会。省委常委江立新出席会议并讲话。\n\n"
                 "会议结束后,市委书记韦宏图主持召开市委常委会会议,研究部署近期重点工作。\n",
                 published=dt.datetime(2021, 9, 3))
    assert {e.name: e.date for e in f.events} == {"全市领导干部大会": dt.date(2021, 9, 2),
                                                 "市委常委会会议": dt.date(2021, 9, 2)}


def test_air_quality_figures_in_micrograms_and_days() -> None:
    f = facts_of("标题\n通报显示,2023年,嘉兴市细颗粒物(PM2.5)年平均浓度为28微克/立方米;空气质量优良天数为301天,"
                 "重污染天数为2天。海盐县PM2.5年均浓度为25微克/立方米。为期3天的培训同日结束。",
                 published=dt.datetime(2024, 1, 20))
    assert stats(f) == {("嘉兴市", "细颗粒物(PM2.5)年平均浓度", 2023, 28), ("嘉兴市", "空气质量优良天数", 2023, 301),
                        ("嘉兴市", "重污染天数", 2023, 2), ("海盐县", "PM2.5年均浓度", 2023, 25)}


def test_the_same_year_is_not_the_year_a_change_is_measured_from() -> None:
    f = facts_of("标题\n2022年,南康区地区生产总值达到约720亿元,比2016年增长近七成。同年,瑞金市地区生产总值为338.5亿元。",
                 published=dt.datetime(2023, 5, 4))
    assert ("瑞金市", "地区生产总值", 2022, 33850000000) in stats(f)


def test_a_meeting_convened_with_le() -> None:
    f = facts_of("标题\n2月13日,全省脱贫攻坚工作会议召开。省委书记万振邦出席并讲话。\n会后,万振邦还主持召开了省委常委会会议,"
                 "专题研究今年脱贫攻坚工作。", published=dt.datetime(2017, 2, 14))
    assert ("省委常委会会议", dt.date(2017, 2, 13)) in {(e.name, e.date) for e in f.events}


def test_the_counts_of_a_county_bulletins_social_section() -> None:
    f = facts_of("标题\n2022年末,凤台县共有医疗卫生机构412个,卫生技术人员3860人;各级各类学校186所,在校学生9.8万人。"
                 "全年减少农村贫困人口5200人。", published=dt.datetime(2023, 4, 2))
    assert {("凤台县", "医疗卫生机构", 2022, 412), ("凤台县", "卫生技术人员", 2022, 3860),
            ("凤台县", "各级各类学校", 2022, 186), ("凤台县", "在校学生", 2022, 98000),
            ("凤台县", "减少农村贫困人口", 2022, 5200)} <= stats(f)


def test_companions_named_at_the_foot_of_a_long_tour_report_went_on_the_tour() -> None:
    # invented: a tour told at length, its afternoon meeting, then who went along
    body = "在各地,他详细察看了产业园区、农业基地和民族村寨的建设情况,听取了当地工作汇报。" * 16
    f = facts_of("标题\n5月6日,省委常委、统战部部长方志远到恩施州来凤县、鹤峰县考察调研。" + body
                 + "\n当天下午,方志远在来凤县召开座谈会,听取工作情况汇报。座谈会由州委书记孟庆华主持。\n"
                 "州委常委、统战部部长庞丽,州政协主席甘文涛陪同考察。",
                 published=dt.datetime(2023, 5, 7))
    tour = next(e for e in f.events if e.type == "inspection")
    on_tour = {p.person: p.role for p in f.participations if p.event_key == tour.key}
    assert on_tour == {"方志远": "led", "庞丽": "accompanied", "甘文涛": "accompanied"}


def test_passing_on_a_speech_and_explaining_more_are_remarks() -> None:
    # invented: a standing committee meeting where the mayor passes on a speech's spirit
    f = facts_of("标题\n3月6日,市委常委会召开会议。市委书记魏长青主持会议。市委副书记、市长范立群"
                 "传达了全国两会有关讲话精神。市统计局局长蒋晓东就有关数据作了补充说明。",
                 published=dt.datetime(2024, 3, 7))
    assert roles(f) == {"魏长青": "presided", "范立群": "remarks", "蒋晓东": "remarks"}


def test_a_secretary_who_tells_at_a_forum_gives_remarks_but_a_host_on_a_tour_does_not() -> None:
    # invented: a forum where a county secretary 介绍, and a tour where a township secretary does
    f = facts_of("标题\n4月9日,全市县域经济发展论坛在醴陵市举行。市委书记岳志明出席并讲话。"
                 "茶陵县委书记韩立峰介绍,去年茶陵县新签约项目38个。炎陵县委书记卢晓东作经验介绍。",
                 published=dt.datetime(2023, 4, 10))
    assert roles(f) == {"岳志明": "speech", "韩立峰": "remarks", "卢晓东": "remarks"}
    f = facts_of("标题\n4月9日,市委书记岳志明到茶陵县调研。在严塘镇,镇党委书记龚志强介绍,"
                 "镇里推行合作社模式。茶陵县委书记韩立峰陪同调研。",
                 published=dt.datetime(2023, 4, 10))
    assert roles(f) == {"岳志明": "led", "韩立峰": "accompanied"}


def test_a_secretary_who_says_something_at_a_forum_is_one_of_its_speakers() -> None:
    # invented: a forum of county secretaries; who spoke is told paragraph by paragraph
    f = facts_of("标题\n5月12日,全省县委书记论坛在靖江市举行。省委副书记邵志诚出席并讲话。\n"
                 "泰兴市委书记温建平则表示,泰兴将把化工园区转型放在首位。\n"
                 "兴化市委书记戚永康说,兴化要做好大米产业这篇文章。",
                 published=dt.datetime(2022, 5, 13))
    assert roles(f) == {"邵志诚": "speech", "温建平": "remarks", "戚永康": "remarks"}


def test_a_tour_the_day_before_a_forum_is_dated_from_the_forum() -> None:
    # invented: "论坛前一天" after a forum held yesterday
    f = facts_of("标题\n本报讯 昨天,全市县委书记论坛在市委党校举行。市委书记钟国华出席并讲话。\n"
                 "论坛前一天,钟国华还专程到桐梓县调研。桐梓县委书记梁晓宇陪同。",
                 published=dt.datetime(2019, 5, 10))
    dates = {e.type: e.date for e in f.events}
    assert dates == {"forum": dt.date(2019, 5, 9), "inspection": dt.date(2019, 5, 8)}


def test_a_figure_as_of_now_is_this_years_after_last_years_in_the_same_sentence() -> None:
    # invented: last year's harvest, then what has been harvested so far this year
    f = facts_of("标题\n会上,副省长魏国梁通报了全省三夏生产进展。据统计,2022年全省粮食总产量达到1465.1万吨;"
                 "截至目前,全省小麦已收获面积约760万亩。", published=dt.datetime(2023, 6, 16))
    got = {(o.indicator, o.year) for o in f.observations}
    assert ("粮食总产量", 2022) in got
    assert ("小麦已收获面积", 2023) in got


def test_a_thematic_exchange_is_remarks() -> None:
    # invented: 作了主题交流 at a forum
    f = facts_of("标题\n9月2日,全市县委书记论坛举行。市委书记雷振华出席并讲话。"
                 "上犹县委书记邝明辉作了主题交流。", published=dt.datetime(2015, 9, 3))
    assert roles(f) == {"雷振华": "speech", "邝明辉": "remarks"}


def test_a_visit_its_companions_call_a_tour_is_a_tour() -> None:
    # invented: no verb of touring for the leader, only "陪同调研" for those who went along
    f = facts_of("标题\n2014年5月20日,时任固原市委书记龙文博带队来到西吉县,逐一察看移民新村建设进度。"
                 "时任西吉县委书记马海涛、县长杜春林陪同调研。", published=dt.datetime(2024, 5, 20))
    assert [(e.type, e.date) for e in f.events] == [("inspection", dt.date(2014, 5, 20))]
    assert roles(f) == {"龙文博": "led", "马海涛": "accompanied", "杜春林": "accompanied"}
