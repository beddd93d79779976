"""kg.ingest.reader: files -> Documents, one-line IngestError otherwise; discover()."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from kg.ingest.reader import (
    IngestError,
    bundled_article,
    decode_document,
    discover,
    parse_timestamp,
    read_all,
    read_document,
)
from kg.model import Document

ARTICLE = """省委召开常委会议研究部署工作

发布时间:2021-06-18 09:30

  6月17日,省委召开常委会议。省委书记主持会议并讲话。

  会议强调,要坚持稳中求进!各地要抓好落实?
"""

TRADITIONAL = """省委召開常委會議研究部署工作
發布時間:2021-06-18 09:30
6月17日,省委書記主持會議。會議強調,要推動經濟高質量發展,縣區鎮黨委要落實。
"""


def _check_sentences(doc: Document) -> None:
    assert doc.sentences, "a document with Chinese text has sentences"
    for sp in doc.sentences:
        assert 0 <= sp.start < sp.end <= len(doc.text)
        seg = doc.text[sp.start:sp.end]
        assert seg and seg == seg.strip()
    assert doc.sentences == sorted(doc.sentences)


def test_plain_text_article(write) -> None:
    path = write("a01.txt", ARTICLE)
    doc = read_document(path)
    assert doc.id == "a01.txt"
    assert doc.path == str(path)
    assert doc.format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.script == "simplified"
    assert doc.title == "省委召开常委会议研究部署工作"
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)
    assert doc.text == ARTICLE
    assert doc.raw_text == ARTICLE
    assert doc.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    _check_sentences(doc)
    texts = [doc.snippet(s) for s in doc.sentences]
    assert "6月17日,省委召开常委会议。" in texts
    assert "各地要抓好落实?" in texts


def test_fullwidth_colon_in_publication_line(write) -> None:
    doc = read_document(write("a.txt", "标题行\n发布时间：2021-06-18 09:30\n正文。"))
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)
    assert "发布时间:2021" in doc.text  # normalized text is half-width


def test_publication_date_in_chinese_form(write) -> None:
    doc = read_document(write("a.txt", "标题\n发布日期:2019年3月5日\n正文。"))
    assert doc.published == dt.datetime(2019, 3, 5)


def test_no_publication_line(write) -> None:
    doc = read_document(write("a.txt", "标题\n正文没有时间。"))
    assert doc.published is None


def test_doc_id_override(write) -> None:
    assert read_document(write("a.txt", ARTICLE), doc_id="x/a.txt").id == "x/a.txt"


def test_markdown_title(write) -> None:
    path = write("news.md", "# 省委召开常委会议\n\n发布时间:2021-06-18 09:30\n\n正文内容。\n")
    doc = read_document(path)
    assert doc.format == "md"
    assert doc.title == "省委召开常委会议"
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)
    _check_sentences(doc)


def test_markdown_suffix_variant(write) -> None:
    assert read_document(write("news.markdown", "## 标题\n正文。")).format == "md"


def test_gb18030_file(write) -> None:
    doc = read_document(write("gb.txt", ARTICLE, encoding="gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.text == ARTICLE
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)


def test_forced_encoding(write) -> None:
    path = write("gb.txt", ARTICLE, encoding="gb18030")
    assert read_document(path, encoding="gb18030").text == ARTICLE
    with pytest.raises(IngestError, match="cannot decode as utf-8"):
        read_document(path, encoding="utf-8")


def test_utf8_bom_file(write) -> None:
    doc = read_document(write("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")))
    assert doc.text == ARTICLE
    assert doc.title == "省委召开常委会议研究部署工作"


def test_traditional_article_is_simplified_in_place(write) -> None:
    doc = read_document(write("trad.txt", TRADITIONAL))
    assert doc.script == "traditional"
    assert doc.raw_text == TRADITIONAL
    assert len(doc.text) == len(doc.raw_text)
    assert "省委书记主持会议" in doc.text
    assert "書" not in doc.text and "會" not in doc.text
    assert doc.title == "省委召开常委会议研究部署工作"
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)  # 發布時間 -> 发布时间
    _check_sentences(doc)


def test_traditional_big5_file(write) -> None:
    doc = read_document(write("big5.txt", TRADITIONAL, encoding="big5"))
    assert doc.encoding in ("big5", "cp950")
    assert doc.script == "traditional"
    assert doc.raw_text == TRADITIONAL
    assert "省委书记主持会议" in doc.text


def test_crlf_line_endings(write) -> None:
    doc = read_document(write("crlf.txt", ARTICLE.replace("\n", "\r\n")))
    assert "\r" not in doc.text
    assert doc.text == ARTICLE
    assert doc.published == dt.datetime(2021, 6, 18, 9, 30)


# --- files that cannot be read --------------------------------------------------------------


def _one_line_error(exc: IngestError, path: Path) -> None:
    msg = str(exc)
    assert "\n" not in msg
    assert msg.startswith(str(path))
    assert exc.path == str(path)
    assert exc.reason and exc.reason in msg


def test_empty_file(write) -> None:
    path = write("empty.txt", b"")
    with pytest.raises(IngestError, match="empty") as ei:
        read_document(path)
    _one_line_error(ei.value, path)


def test_blank_file(write) -> None:
    path = write("blank.txt", "  \n\n\t ")
    with pytest.raises(IngestError, match="empty") as ei:
        read_document(path)
    _one_line_error(ei.value, path)


def test_file_over_max_bytes(write) -> None:
    path = write("big.txt", "中文" * 2000)
    with pytest.raises(IngestError, match="limit") as ei:
        read_document(path, max_bytes=1000)
    _one_line_error(ei.value, path)
    assert read_document(path, max_bytes=100_000).text == "中文" * 2000


def test_file_without_chinese(write) -> None:
    path = write("en.txt", "Only English text here, no Chinese at all.\n")
    with pytest.raises(IngestError, match="no Chinese text") as ei:
        read_document(path)
    _one_line_error(ei.value, path)


def test_binary_file(write) -> None:
    path = write("bin.txt", b"\x00\x01\x02\x03" * 64)
    with pytest.raises(IngestError, match="not a text file") as ei:
        read_document(path)
    _one_line_error(ei.value, path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(IngestError, match="cannot read") as ei:
        read_document(path)
    _one_line_error(ei.value, path)


@pytest.mark.parametrize("name,data", [
    ("a.txt", ARTICLE.encode("utf-8")),
    ("gb.txt", ARTICLE.encode("gb18030")),
    ("big5.txt", TRADITIONAL.encode("big5")),
    ("page.html", ("<html><head><title>省委召开常委会议</title></head><body><p>发布时间:2021-06-18"
                   "</p><p>6月17日,省委召开常委会议。</p></body></html>").encode()),
])
def test_decode_document_from_bytes_is_read_document(write, tmp_path: Path, name: str,
                                                     data: bytes) -> None:
    # What a Dask worker on another machine does: the bytes, and the path only as a name.
    path = write(name, data)
    expected = read_document(path, doc_id="x/" + name)
    path.unlink()
    assert decode_document(data, path, doc_id="x/" + name) == expected


def test_decode_document_reasons_name_the_path(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    with pytest.raises(IngestError, match="empty") as ei:
        decode_document(b"  \n", path)
    _one_line_error(ei.value, path)


def test_read_all_yields_documents_and_errors(write) -> None:
    good = write("good.txt", ARTICLE)
    bad = write("bad.txt", b"")
    got = list(read_all([good, bad]))
    assert isinstance(got[0], Document) and got[0].id == "good.txt"
    assert isinstance(got[1], IngestError) and got[1].path == str(bad)


# --- discover ---------------------------------------------------------------------------------


def test_discover_recurses_sorted_and_skips_hidden(write, tmp_path: Path) -> None:
    for name in ("root/b.txt", "root/a.md", "root/sub/c.html", "root/sub/deeper/d.htm",
                 "root/sub/E.TXT", "root/.hidden.txt", "root/.git/x.txt", "root/sub/.cache/y.md",
                 "root/notes.pdf", "root/data.json"):
        write(name, "中文")
    files, errors = discover([tmp_path / "root"])
    assert errors == []
    rel = [f.relative_to(tmp_path / "root").as_posix() for f in files]
    assert rel == sorted(rel)
    assert set(rel) == {"a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm", "sub/E.TXT"}


def test_discover_reports_missing_path_and_empty_folder(tmp_path: Path, write) -> None:
    good = write("x.txt", "中文")
    (tmp_path / "empty").mkdir()
    files, errors = discover([tmp_path / "missing", good, tmp_path / "empty"])
    assert files == [good]
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "missing"), "no such file or folder"),
        (str(tmp_path / "empty"), "folder holds no .txt, .md or .html files"),
    ]
    assert all("\n" not in str(e) for e in errors)


def test_discover_deduplicates(write, tmp_path: Path) -> None:
    f = write("d/a.txt", "中文")
    files, errors = discover([tmp_path / "d", f, tmp_path / "d" / "." / "a.txt"])
    assert files == [f]
    assert errors == []


def test_discover_takes_explicit_files_of_any_suffix(write) -> None:
    f = write("article.text", "中文")
    assert discover([f]) == ([f], [])


# --- the bundled article ----------------------------------------------------------------------


def test_bundled_article_reads() -> None:
    doc = read_document(bundled_article())
    assert doc.id == "jiangsu-county-secretaries-forum.txt"
    assert doc.published == dt.datetime(2023, 12, 5, 7, 40)
    assert doc.title.startswith("全省县委书记工作讲坛新年第一讲")
    assert doc.encoding == "utf-8"
    _check_sentences(doc)


# --- timestamps -------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("2023-12-05 07:40", dt.datetime(2023, 12, 5, 7, 40)),
    ("2021年6月18日", dt.datetime(2021, 6, 18)),
    ("2021-06-18T09:30:00+08:00", dt.datetime(2021, 6, 18, 9, 30)),
    ("2021/6/8 9:05:07", dt.datetime(2021, 6, 8, 9, 5, 7)),
    ("2021.06.18", dt.datetime(2021, 6, 18)),
    ("2021-13-40", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_parse_timestamp(value, expected) -> None:
    assert parse_timestamp(value) == expected


def test_markdown_emphasis_marks_go_and_italics_become_quotes(write) -> None:
    from kg.ingest.reader import markdown_marks

    raw = "**本报讯** 近日,在 *2024年全省县域数字农业发展评价* 中,增长**6.2%**,2*3*4 不变。"
    got = markdown_marks(raw)
    assert got == "本报讯 近日,在 “2024年全省县域数字农业发展评价” 中,增长6.2%,2*3*4 不变。"
    doc = read_document(write("a.md", "# 标题\n\n" + raw))
    assert "“2024年全省县域数字农业发展评价”" in doc.text and "*" not in doc.text.replace("2*3*4", "")


def test_markdown_lines_of_links_are_navigation_and_a_byline_names_no_place(write) -> None:
    from kg.pipeline import run

    doc = read_document(write("a.md", "# 平江县召开座谈会\n\n本报讯(记者 苗青禾 卫东川)6月13日,平江县召开民营企业座谈会。\n\n"
                                      "*相关链接:* [岳阳楼区开展“服务企业月”活动](https://example.com/a.html)\n\n"
                                      "- [汨罗市召开座谈会](https://example.com/b.html)\n"))
    assert "岳阳楼" not in doc.text and "汨罗" not in doc.text
    assert {m.place.name for m in run(doc).places} == {"平江县"}


def test_a_masthead_line_dates_the_article_and_the_headline_under_it_is_the_title(
        tmp_path) -> None:
    from kg.ingest.reader import read_document

    f = tmp_path / "m.txt"
    for masthead, day in (("汉中日报　2019年4月2日　第3版", "2019-04-02"),
                          ("汉中日报　2019-04-02　第A1版：要闻", "2019-04-02"),
                          # a page's column with a dot in it
                          ("汉中日报　2019年4月2日　星期二　第2版　要闻·区县", "2019-04-02"),
                          # a page written without 第 (A03版)
                          ("惠州日报　2024年4月18日　星期四　A03版：县域", "2024-04-18"),
                          # the page first, then the date and the weekday
                          ("第1版　要闻　　　　　　2019年4月2日　星期二", "2019-04-02"),
                          # the paper's name in title marks
                          ("《汉中日报》2022年01月05日　第A1版", "2022-01-05"),
                          # on lines of their own, the lunar date and a rule under them
                          ("汉中晨报\n2019年4月2日　星期二　农历己亥年二月廿七\n第A2版：要闻\n\n------------", "2019-04-02")):
        f.write_text(masthead + "\n\n勉县召开春耕生产推进会\n\n　　本报讯　昨天,勉县召开春耕生产推进会。\n",
                     "utf-8")
        doc = read_document(f)
        assert doc.published is not None and doc.published.date().isoformat() == day, masthead
        assert doc.title == "勉县召开春耕生产推进会", masthead
        assert doc.text[doc.body_start:].lstrip().startswith("本报讯"), masthead


def test_a_dateline_with_its_year_dates_an_article_without_a_publication_line(tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("市委书记到梅县区调研\n\n　　梅州日报2025年5月16日讯(记者 陈思远)前天,市委书记到梅县区调研。\n",
                   "utf-8")
    from kg.ingest.reader import read_document

    assert read_document(src).published.date().isoformat() == "2025-05-16"


def test_a_page_header_without_the_papers_name_dates_the_article(tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("2010年4月21日　星期三　第A3版　城区新闻\n\n迎世博进入冲刺阶段\n\n　　本报讯 前天下午,闸北区召开誓师大会。\n",
                   "utf-8")
    from kg.ingest.reader import read_document

    doc = read_document(src)
    assert doc.published.date().isoformat() == "2010-04-21"
    assert doc.title == "迎世博进入冲刺阶段"
    # a date alone on the first line is no page header
    src.write_text("2010年4月21日\n\n迎世博进入冲刺阶段\n", "utf-8")
    assert read_document(src).title == "2010年4月21日"


def test_a_first_paragraph_in_half_width_punctuation_is_no_dateline(tmp_path) -> None:
    from kg.ingest.reader import read_document

    src = tmp_path / "a.txt"
    src.write_text("区人大常委会召开第三次会议\n\n2022年6月29日,河西区第十八届人大常委会第三次会议召开."
                   "区人大常委会主任王文华主持会议.\n\n会议表决通过了有关人事任免事项.\n", "utf-8")
    doc = read_document(src)
    assert doc.text[doc.body_start:].lstrip().startswith("2022年6月29日")
    assert doc.published is None


@pytest.mark.parametrize("foot", ["(来源:黑龙江日报 2025年2月18日)", "(襄樊日报 2025年2月18日)",
                                  "互助土族自治县统计局\n2025年2月18日", "来源:延边日报 2025-02-18",
                                  "(本报记者 王小川 综合报道 2025年2月18日)", "(二〇二五年二月十八日)"])
def test_a_date_at_the_foot_of_the_report_dates_it(tmp_path, foot: str) -> None:
    from kg.ingest.reader import read_document

    src = tmp_path / "a.txt"
    body = "".join(f"\n\n第{i}段,会议要求各乡镇抓好落实。" for i in range(10))
    src.write_text("全县经济工作会议召开\n\n本报讯 昨天,全县经济工作会议召开。县长王立主持会议。" + body
                   + "\n\n" + foot + "\n", "utf-8")
    assert read_document(src).published.date().isoformat() == "2025-02-18"


def test_a_sentence_at_the_foot_with_a_date_is_no_publication_date(tmp_path) -> None:
    from kg.ingest.reader import read_document

    src = tmp_path / "a.txt"
    src.write_text("标题\n\n本报讯 昨天,全县经济工作会议召开。\n\n会议决定,2025年3月1日起施行新办法,各乡镇要抓好落实。\n",
                   "utf-8")
    assert read_document(src).published is None


def test_a_sites_stamp_above_the_headline_dates_the_article(tmp_path) -> None:
    from kg.ingest.reader import read_document

    src = tmp_path / "a.txt"
    body = "".join(f"\n\n第{i}段,县域经济运行平稳。" for i in range(8))
    src.write_text("东北网 2015-03-03 07:45 来源:黑龙江日报\n\n去年我省县域经济运行总体平稳\n\n"
                   "本报讯 记者从省统计局获悉,去年全省县域经济运行平稳。" + body + "\n", "utf-8")
    assert read_document(src).published.date().isoformat() == "2015-03-03"


@pytest.mark.parametrize("head,body", [
    ("今日安吉  2008年2月26日 星期二  第一版 要闻\n\n政协会议开幕\n\n", "本报讯 昨天上午,县政协会议开幕。"),
    ("政协会议开幕\n\n", "本报虞城讯(2008年2月26日 记者 东方亮)昨日上午,县政协会议开幕。")])
def test_a_paper_of_any_name_with_its_page_and_a_date_after_the_dateline(tmp_path, head: str,
                                                                          body: str) -> None:
    from kg.ingest.reader import read_document

    src = tmp_path / "a.txt"
    src.write_text(head + body + "".join(f"\n\n第{i}段。" for i in range(8)) + "\n", "utf-8")
    doc = read_document(src)
    assert doc.published.date().isoformat() == "2008-02-26"
    assert doc.title == "政协会议开幕"
