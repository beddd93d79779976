"""HTML pages: boilerplate dropped, metadata read, entities decoded (kg.ingest.html + reader)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.ingest.html import parse_html
from kg.ingest.reader import IngestError, read_document

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>网站名称 - 页面标题</title>
<meta name="PublishDate" content="2021-06-18 09:30:00">
<script>var s = "脚本里的中文不应出现";</script>
<style>.x { content: "样式里的中文"; }</style>
</head>
<body>
<nav><a href="/">首页导航菜单</a><a href="/news">新闻中心</a></nav>
<div class="share-bar">分享到微信微博</div>
<div id="sidebar"><p>侧栏热点新闻标题</p></div>
<div class="content">
<h1>省委召开常委会议</h1>
<p>6月17日，省委召开常委会议，研究部署下一阶段工作。</p>
<p>会议指出，要坚持稳中求进工作总基调，A&amp;B 项目进展顺利，增速 &lt;5%，&quot;好&quot;。</p>
<!-- 注释里的中文 -->
</div>
<footer>版权所有 网站底部信息 备案号</footer>
<script>document.write("另一个脚本中文");</script>
</body></html>
"""

BOILERPLATE = ("脚本里的中文", "样式里的中文", "首页导航菜单", "新闻中心", "分享到微信", "侧栏热点",
               "版权所有", "网站底部", "注释里的中文", "另一个脚本中文", "网站名称")


def test_html_page(write) -> None:
    doc = read_document(write("page.html", PAGE))
    assert doc.format == "html"
    for junk in BOILERPLATE:
        assert junk not in doc.text, junk
    assert "<" in doc.text and "&" in doc.text  # entities decoded
    assert "A&B 项目进展顺利,增速 <5%" in doc.text
    assert "&amp;" not in doc.text and "&lt;" not in doc.text and "&quot;" not in doc.text
    assert "6月17日,省委召开常委会议,研究部署下一阶段工作。" in doc.text
    assert doc.title == "省委召开常委会议"
    assert doc.text.startswith("省委召开常委会议")
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)
    assert doc.raw_text == PAGE
    for sp in doc.sentences:
        seg = doc.text[sp.start:sp.end]
        assert seg and seg == seg.strip()
        assert 0 <= sp.start < sp.end <= len(doc.text)


def test_html_paragraphs_are_separated(write) -> None:
    doc = read_document(write("page.htm", PAGE))
    assert "研究部署下一阶段工作。\n\n会议指出" in doc.text


def test_html_in_a_txt_file_is_recognized(write) -> None:
    doc = read_document(write("page.txt", PAGE))
    assert doc.format == "html"
    assert "首页导航菜单" not in doc.text


def test_html_meta_title_wins_over_h1(write) -> None:
    page = PAGE.replace("<title>", '<meta name="ArticleTitle" content="元数据标题"><title>')
    doc = read_document(write("page.html", page))
    assert doc.title == "元数据标题"
    assert doc.text.startswith("元数据标题\n\n")


def test_html_publication_time_from_body_text(write) -> None:
    page = ("<html><body><div class='article'><p>发布时间:2020-01-02 08:00</p>"
            "<p>省委召开会议，研究部署工作。</p></div></body></html>")
    doc = read_document(write("page.html", page))
    assert doc.published == dt.datetime(2020, 1, 2, 8, 0)


def test_html_gb18030_encoded(write) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="gb2312"')
    doc = read_document(write("page.html", page, encoding="gb18030"))
    # mostly-ASCII markup: charset-normalizer may name the GB subset that suffices
    assert doc.encoding in ("gb18030", "gbk", "gb2312")
    assert "6月17日,省委召开常委会议,研究部署下一阶段工作。" in doc.text


def test_html_traditional_page(write) -> None:
    page = ("<html><body><div class='content'><h1>省委書記主持會議</h1>"
            "<p>會議強調，要推動經濟高質量發展，縣區鎮黨委要落實。</p></div></body></html>")
    doc = read_document(write("page.html", page))
    assert doc.script == "traditional"
    assert doc.title == "省委书记主持会议"
    assert "会议强调,要推动经济高质量发展" in doc.text


def test_html_with_only_boilerplate_has_no_chinese(write) -> None:
    page = "<html><head><script>var a='中文';</script></head><body><p>English only</p></body></html>"
    path = write("page.html", page)
    with pytest.raises(IngestError, match="no article text in the page"):
        read_document(path)


@pytest.mark.parametrize("source", ["", "<html></html>", "<<<>>>", "\x0c"])
def test_parse_html_degenerate_input(source: str) -> None:
    title, published, text, _site = parse_html(source)
    assert published is None
    assert isinstance(text, str)


def test_parse_html_deep_nesting_does_not_crash() -> None:
    page = "<html><body>" + "<div>" * 3000 + "<p>深层中文</p>" + "</div>" * 3000 + "</body></html>"
    title, published, text, _site = parse_html(page)
    assert isinstance(text, str)


def test_parse_html_picks_the_article_block() -> None:
    page = """<html><body>
    <div class="menu"><p>菜单一</p><p>菜单二</p></div>
    <div><p>短</p></div>
    <div class="TRS_Editor"><p>这是正文的第一段，内容比较长，包含很多中文字符。</p>
    <p>这是正文的第二段，同样包含很多中文字符。</p></div>
    <div class="related-links"><p>相关阅读：其他新闻标题一</p></div>
    </body></html>"""
    title, published, text, _site = parse_html(page)
    assert title is None
    assert published is None
    assert text == ("这是正文的第一段，内容比较长，包含很多中文字符。\n\n"
                    "这是正文的第二段，同样包含很多中文字符。")


def test_publication_time_marked_by_class_or_script_not_by_related_links(write) -> None:
    page = ("<html><head><title>标题</title></head><body>"
            "<div class='info'><span class='time'>2022-08-17 07:58:31</span> 来源:某日报</div>"
            "<div class='content'><p>本报讯 8月16日,市委书记到某县调研产业转型工作。</p>"
            "<p>他强调,要加快转型步伐。</p></div>"
            "<ul class='related'><li>全市安全生产工作会议召开2022-08-12</li></ul></body></html>")
    doc = read_document(write("a.html", page))
    assert doc.published == dt.datetime(2022, 8, 17, 7, 58, 31)
    scripted = page.replace("<span class='time'>2022-08-17 07:58:31</span>", "").replace(
        "</head>", "<script>var pubtime = \"2022-08-18 09:00\";</script></head>")
    assert read_document(write("b.html", scripted)).published == dt.datetime(2022, 8, 18, 9, 0)
    bare = page.replace("<span class='time'>2022-08-17 07:58:31</span>", "")
    assert read_document(write("c.html", bare)).published is None


@pytest.mark.parametrize(("raw", "headline"), [
    ("华建国调研乡村振兴工作_要闻_海南省人民政府网", "华建国调研乡村振兴工作"),
    ("区人大会议举行 曾宏伟当选为区长--上海市普陀区人民政府", "区人大会议举行 曾宏伟当选为区长"),
    ("福建霞浦:“海上田园”换新颜-新华网", "福建霞浦:“海上田园”换新颜"),
    ("前三季度仁怀市主要经济指标稳中向好_统计信息_仁怀市人民政府门户网站", "前三季度仁怀市主要经济指标稳中向好"),
    ("全省县域经济工作会议召开 - 政务要闻 - 四川省人民政府", "全省县域经济工作会议召开"),
    ("2019年度全国综合竞争力百强县(市)发布 福建7县市上榜", "2019年度全国综合竞争力百强县(市)发布 福建7县市上榜"),
])
def test_a_page_title_without_the_site_and_column(raw: str, headline: str) -> None:
    page = f"<html><head><title>{raw}</title></head><body><div class='content'><p>正文第一段文字。</p></div></body></html>"
    assert parse_html(page).title == headline
