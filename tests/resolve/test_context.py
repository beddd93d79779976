"""Where an article is from (kg.resolve.context via the pipeline). All text is invented."""

from __future__ import annotations

from kg.ingest.reader import read_document
from kg.pipeline import run

PORTAL = """<html><head><meta charset="utf-8">
<meta name="SiteName" content="{site}">
<meta name="PubDate" content="2024-07-09 10:00:00">
<title>市委书记督导防汛工作 - {site}</title></head><body>
<div class="header">首页 政务动态</div>
<div class="content">
<h1>市委书记督导防汛工作</h1>
<p>7月8日，市委书记韩立新率队到沿海乡镇督导检查防汛工作，察看河流入海口水位。</p>
<p>韩立新强调，台风可能影响文昌、{short}、万宁沿海一带，全市各部门要做好应对准备。</p>
</div></body></html>
"""


def test_a_city_portal_that_says_我市_is_the_city_of_its_site(write) -> None:
    doc = read_document(write("p.html", PORTAL.format(site="琼海市人民政府门户网站", short="琼海")))
    assert doc.site == "琼海市人民政府门户网站"
    facts = run(doc)
    assert "海口市" not in {m.place.name for m in facts.places}  # 入海口 is an estuary
    assert {(p.person, p.title, p.place.name) for p in facts.positions} == {
        ("韩立新", "市委书记", "琼海市")}



def test_a_municipality_named_by_its_district_is_home_over_a_province_named_once() -> None:
    # A Shanghai district paper that names 江苏省南通市海门区 once: 上海 is home, not 江苏 (the
    # only 省 in it), so 崇明 stays a place and 区委书记 is 崇明区's.
    from tests.extract.test_officials import facts_of, posts

    f = facts_of("崇明报 2021年5月12日 第1版\n崇明生态建设推进会召开\n"
                 "昨天，崇明生态建设推进会召开。区委书记乔振岳主持会议。今年以来，崇明各项工作"
                 "有序推进。会议要求加强与江苏省南通市海门区、启东市的协作，服务上海发展大局。")
    assert "崇明区" in {m.place.name for m in f.places}
    assert ("乔振岳", "区委书记", "崇明区") in posts(f)
