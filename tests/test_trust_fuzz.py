"""Trust: random and hostile input never crashes ingest, extraction, mapping or serialization.

Hypothesis feeds text full of quotes, backslashes, line breaks of every kind, '<>', emoji, RTL
marks, NUL and U+2028 mixed with the words of government news; random bytes; and random HTML
(unclosed tags, scripts, entities, nesting thousands of levels deep). What may come out of
``read_document`` is a Document or an IngestError; the pipeline and the mapper must not raise;
the triples must survive Turtle (read back by rdflib and by Oxigraph, the same set), and a build
of generated articles must conform to the SHACL shapes.

The number of generated inputs per test is printed at the end of the session ("trust fuzz:").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from kg.ingest.html import parse_html
from kg.ingest.normalize import normalize, sentences
from kg.ingest.reader import IngestError, read_document
from kg.model import Document
from kg.pipeline import run
from kg.rdf import serialize
from kg.rdf.mapper import map_facts
from kg.rdf.serialize import from_ox

# -- counting what ran ----------------------------------------------------------------------

COUNTS: Counter[str] = Counter()


class _Summary:
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if COUNTS:
            total = sum(v for k, v in COUNTS.items() if "/" not in k)
            parts = ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items()))
            terminalreporter.write_line(f"trust fuzz: {total} generated inputs ran ({parts})")


@pytest.fixture(scope="module", autouse=True)
def _print_counts(request: pytest.FixtureRequest):
    pm = request.config.pluginmanager
    if not pm.has_plugin("kg-trust-fuzz-summary"):
        pm.register(_Summary(), "kg-trust-fuzz-summary")
    yield


def fuzz(examples: int) -> settings:
    return settings(deadline=None, max_examples=examples, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

# -- strategies ----------------------------------------------------------------------------

HOSTILE = [
    '"', "'", "\\", "\\n", "\\u0000", "\n", "\r\n", "\r", "\t", ">", "<", "&", "\x00", "\x01",
    "\x1b[31m", "\x7f", "\x85", "\x0b", "\x0c", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200d",
    "\u200e", "\u200f", "\u202e", "\u2066", "\u061c", "\U0001F600", "\U0001F1E8\U0001F1F3",
    "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\ufffd", "\uffff", "\ufffe", "\U0010FFFF",
    "e\u0301", "\u3000", "\xa0", "\ufb01", "\u216b", "\u2460", "１２３", "（", "）", "：", "，",
    "。", "！", "？", "“", "”", "‘", "’", "《", "》", "「", "」", "、", "%", "%20", "#", "_", "/",
    "?", "@", "{", "}", "^", "`", "|", "~", "'''", '"""', "${x}", "<script>", "]]>", "<!--",
    "-->", "^^", "@zh", "_:b0", "<http://x/>", " . ", ";", "\\\\", "\u0645\u0631\u062d\u0628\u0627",
    "שלום", "Привет", "ä", "ß", "İ", "ǅ", "𠀀", "𪚥", "〇", "々", "㐀",
]

NEWS = [
    "江苏省委书记", "吴政隆", "省委副书记、省长", "主持", "主持召开", "会议", "召开", "出席",
    "出席会议并讲话", "讲话", "发言", "陪同", "调研", "参加", "2018年2月22日", "2月22日",
    "6月17日", "昨天", "今天", "近日", "上周五", "前天", "下午", "海门市", "海门", "南通市",
    "江苏省", "苏州市", "昆山市", "张家港市", "北京市", "县委书记", "市长", "区委书记", "市委书记",
    "副市长", "常务副市长", "市委常委、宣传部部长", "全国综合实力百强县市", "排名第21位", "第26名",
    "位列第", "百强县", "地区生产总值", "一般公共预算收入", "亿元", "万元", "11万元", "增长",
    "8.5%", "同比", "发布时间:2023-12-05 07:40", "来源:新华日报", "发布日期:2021年6月18日",
    "。", ",", ";", "\n", "\n\n", "(", ")", "、", "张三", "李四", "欧阳立新", "陈勇", "王明远",
    "刘志强", "书记", "党组书记", "主任", "人大常委会主任", "政协主席", "全省县委书记工作讲坛",
    "座谈会", "专题学习会", "常委会议", "一二三", "十一", "2017年", "2017", "第", "位",
    "(未具名)", "金湖县", "的县委书记", "会上", "会议强调", "据悉", "记者", "本报讯",
    "2020年全国县域经济百强榜", "赛迪顾问", "发布", "榜单", "GDP", "达到", "突破", "约", "超过",
    "市领导", "等出席", "代表", "作表态发言", "主要负责同志", "县长", "镇党委书记", "村",
    "蘇州市委書記", "會議", "縣長", "發展",
]

# Every code point but the surrogates: a lone surrogate cannot be in a file or a str from one.
SAFE_CHARS = st.characters(codec="utf-8")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)

piece = st.one_of(
    st.sampled_from(NEWS), st.sampled_from(NEWS), st.sampled_from(HOSTILE),
    st.text(SAFE_CHARS, max_size=12), st.text(CJK, min_size=1, max_size=6),
)
long_line = st.tuples(st.sampled_from(NEWS + HOSTILE), st.integers(50, 800)).map(
    lambda t: t[0] * t[1])
hostile_text = st.lists(st.one_of(piece, piece, piece, piece, long_line), max_size=60).map(
    "".join)
# File names (and so article ids, which end up in IRIs and literals): anything a file system
# takes, i.e. no "/" and no NUL.
doc_ids = st.lists(st.one_of(st.sampled_from(HOSTILE + NEWS), SAFE_CHARS), min_size=1,
                   max_size=6).map(lambda p: "".join(p).replace("/", "").replace("\x00", "") or "x")


@st.composite
def documents(draw) -> Document:
    raw = draw(hostile_text)
    text, trad = normalize(raw)
    # Publication dates of the era this tool reads; extreme years are the explicit xfail test
    # test_relative_dates_near_the_ends_of_the_calendar below.
    published = draw(st.none() | st.datetimes(min_value=dt.datetime(1949, 10, 1),
                                              max_value=dt.datetime(2100, 12, 31)))
    title = draw(st.none() | st.sampled_from(text.split("\n")))
    return Document(id=draw(doc_ids) + ".txt", text=text, raw_text=raw, path=None, title=title,
                    published=published, encoding="utf-8", format="txt",
                    sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
                    script="traditional" if trad else "simplified", sentences=sentences(text),
                    headline_end=draw(st.integers(-1, len(text))))


ENTITIES = ["&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;",
            "&#x110000;", "&#99999999999999999999;", "&#x4e2d;", "&#20013;", "&bogus;", "&",
            "&#", "&#x;", "&#12288;", "&ensp;", "&copy", "&lt"]
TAGS = ["div", "p", "span", "a", "script", "style", "nav", "footer", "header", "aside", "table",
        "tr", "td", "th", "ul", "li", "br", "h1", "h2", "font", "b", "iframe", "noscript", "svg",
        "template", "section", "article", "main", "title", "img", "form", "select", "option",
        "textarea", "pre", "button", "head", "body", "html", "meta", "xmp", "plaintext"]
CLASSES = ["content", "article", "TRS_Editor", "zoom", "main", "nav", "menu", "footer", "share",
           "ad", "side bar", "breadcrumb", "detail", "related links", "x", ""]
META_NAMES = ["pubdate", "PubDate", "publishdate", "og:title", "title", "ArticleTitle",
              "datePublished", "description"]
META_VALUES = ["2021-06-18 09:30", "2021年6月18日", "0000-00-00", "9999-99-99", "2021-02-30",
               "", "\x00", "江苏省委书记", '"><script>', "2021-06-18T09:30:00+08:00"]

html_text = st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE), st.sampled_from(ENTITIES),
                      st.text(SAFE_CHARS, max_size=8), st.sampled_from(["<![CDATA[中文]]>",
                      "<!-- 注释 -->", "<?php echo 1; ?>", "<!DOCTYPE html>", "</", "</p>",
                      "<p", "< p>", "<<>>", "<a href='"]))


@st.composite
def attrs(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(["class", "id", "role", "name", "content", "href", "style",
                                     "onclick", "data-x", "property", "itemprop"]))
        if name in ("name", "property", "itemprop"):
            value = draw(st.sampled_from(META_NAMES))
        elif name == "content":
            value = draw(st.sampled_from(META_VALUES + NEWS))
        else:
            value = draw(st.sampled_from(CLASSES + HOSTILE))
        quote = draw(st.sampled_from(['"', "'", ""]))
        parts.append(f" {name}={quote}{value}{quote}")
    return "".join(parts)


def _element(children: st.SearchStrategy) -> st.SearchStrategy:
    @st.composite
    def el(draw) -> str:
        tag = draw(st.sampled_from(TAGS))
        inner = "".join(draw(st.lists(children, max_size=5)))
        close = draw(st.sampled_from(["full", "full", "full", "unclosed", "stray"]))
        start = f"<{tag}{draw(attrs())}>"
        if close == "full":
            return f"{start}{inner}</{tag}>"
        if close == "unclosed":
            return start + inner
        return f"{inner}</{tag}>"
    return el()


html_tree = st.recursive(html_text, _element, max_leaves=40)


@st.composite
def html_pages(draw) -> str:
    body = "".join(draw(st.lists(html_tree, max_size=8)))
    depth = draw(st.sampled_from([0, 0, 0, 10, 255, 256, 300, 1000, 3000]))
    if depth:
        tag = draw(st.sampled_from(["div", "span", "font", "b", "ul", "table"]))
        closed = draw(st.booleans())
        deep = f"<{tag}>" * depth + draw(html_text) + (f"</{tag}>" * depth if closed else "")
        body = (deep + body) if draw(st.booleans()) else (body + deep)
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html>", "<html><head>"
                                 "<meta charset='utf-8'><title>江苏新闻</title></head>",
                                 "<?xml version='1.0'?><html>"]))
    return head + "<body>" + body + draw(st.sampled_from(["", "</body></html>", "</html"]))


# -- checks --------------------------------------------------------------------------------


_to_rdflib = from_ox  # the project's converter; the checks below are what is tested


def check_triples(triples: set, doc: Document) -> None:
    """Well-formed terms, evidence that is the text it points at, and a Turtle round trip."""
    from kg.rdf.namespaces import KG

    for s, p, o in triples:
        assert isinstance(s, URIRef) and isinstance(p, URIRef), (s, p)
        assert isinstance(o, URIRef | Literal) and not isinstance(o, BNode), o
    starts = {s: int(o) for s, p, o in triples if p == KG.evidenceStart}
    ends = {s: int(o) for s, p, o in triples if p == KG.evidenceEnd}
    for s, p, o in triples:
        if p == KG.evidenceText:
            assert doc.text[starts[s]:ends[s]] == str(o)
    ttl = serialize.turtle(triples)
    back = set(Graph().parse(data=ttl, format="turtle"))
    assert back == set(triples)
    oxi = {(_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object))
           for t in ox.parse(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE)}
    assert oxi == set(triples)


def extract_and_map(doc: Document) -> set:
    facts = run(doc)
    for group in (facts.places, facts.persons, facts.positions, facts.placements,
                  facts.participations, facts.observations):
        for fact in group:
            span = fact.span
            assert 0 <= span.start <= span.end <= len(doc.text), (fact, len(doc.text))
    triples = map_facts(facts, facts.context["lookup_parent"])
    check_triples(triples, doc)
    return triples


def check_document(doc: Document) -> None:
    assert doc.text and doc.encoding
    for sp in doc.sentences:
        assert 0 <= sp.start < sp.end <= len(doc.text)
    assert doc.headline_end == -1 or 0 <= doc.headline_end <= len(doc.text)


def read_or_refuse(path: Path, tag: str, **kw) -> Document | None:
    try:
        doc = read_document(path, **kw)
    except IngestError as exc:
        assert exc.reason and "\n" not in exc.reason, exc.reason
        COUNTS[f"{tag}/refused"] += 1
        return None
    check_document(doc)
    COUNTS[f"{tag}/read"] += 1
    return doc


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# -- ingest ----------------------------------------------------------------------------------


@fuzz(100)
@given(text=hostile_text, suffix=st.sampled_from([".txt", ".md", ".html", ".htm"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"]))
def test_hostile_text_files_read_extract_and_map(fuzz_dir: Path, text: str, suffix: str,
                                                 encoding: str) -> None:
    COUNTS["text files"] += 1
    path = fuzz_dir / f"article{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    doc = read_or_refuse(path, "text files")
    if doc is not None:
        extract_and_map(doc)


@fuzz(150)
@given(data=st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                               b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"<html>"]),
              st.lists(st.one_of(st.binary(max_size=40),
                                 st.sampled_from(NEWS).map(lambda s: s.encode("utf-8")),
                                 st.sampled_from(NEWS).map(lambda s: s.encode("gb18030")),
                                 st.sampled_from(NEWS).map(lambda s: s.encode("big5", "ignore")),
                                 st.sampled_from(NEWS).map(lambda s: s.encode("utf-16-le"))),
                       max_size=30)).map(lambda t: t[0] + b"".join(t[1]))),
       suffix=st.sampled_from([".txt", ".html"]),
       forced=st.sampled_from([None, None, None, "gb18030", "big5", "utf-16", "ascii"]))
def test_random_bytes_only_ever_raise_ingest_error(fuzz_dir: Path, data: bytes, suffix: str,
                                                  forced: str | None) -> None:
    COUNTS["byte files"] += 1
    path = fuzz_dir / f"bytes{suffix}"
    path.write_bytes(data)
    doc = read_or_refuse(path, "byte files", encoding=forced)
    if doc is not None:
        extract_and_map(doc)


@fuzz(150)
@given(page=html_pages(), suffix=st.sampled_from([".html", ".htm", ".txt"]))
def test_random_html_only_ever_raises_ingest_error(fuzz_dir: Path, page: str,
                                                   suffix: str) -> None:
    COUNTS["html pages"] += 1
    path = fuzz_dir / f"page{suffix}"
    path.write_bytes(page.encode("utf-8", errors="replace"))
    doc = read_or_refuse(path, "html pages")
    if doc is not None:
        extract_and_map(doc)


# -- extraction and mapping ------------------------------------------------------------------


@fuzz(200)
@given(doc=documents())
def test_pipeline_and_mapper_survive_hostile_documents(doc: Document) -> None:
    COUNTS["documents"] += 1
    triples = extract_and_map(doc)
    if len(triples) > 12:  # more than the article's own metadata: facts were found
        COUNTS["documents/with facts"] += 1


# -- a build of generated articles conforms ------------------------------------------------

TEMPLATE = ["{t}\n发布时间:2021-06-18 09:30\n\n",
            "6月17日,{p}全市重点项目推进会{x}在苏州召开。",
            "苏州市委书记王明远{x}出席会议并讲话,市委副书记、市长刘志强{x}主持会议。",
            "会上,昆山市委书记陈立新{x}、张家港市市长周文华作交流发言。",
            "2017年全国综合实力百强县市{x}中,昆山市排名第1位,张家港市排名第3位。",
            "全市地区生产总值{x}达到2.27万亿元,同比增长{n}%。"]


@st.composite
def generated_articles(draw) -> tuple[str, str]:
    def x() -> str:
        return draw(st.one_of(st.just(""), st.sampled_from(HOSTILE), hostile_text.map(
            lambda s: s[:40])))

    text = "".join(part.format(t=x() + "苏州新闻" + x(), p=x(), x=x(),
                               n=draw(st.integers(0, 99))) for part in TEMPLATE)
    # Not hidden (no leading "."), and short enough for any file system.
    name = "a" + draw(doc_ids)[:40] + draw(st.sampled_from([".txt", ".md"]))
    return name, text


@fuzz(5)
@given(articles=st.lists(generated_articles(), min_size=1, max_size=3,
                         unique_by=lambda a: a[0].lower()))
def test_build_of_generated_articles_conforms_to_the_shapes(articles) -> None:
    from kg.build import BuildError, build
    from kg.validate import validate

    COUNTS["builds"] += 1
    COUNTS["builds/articles"] += len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name, text in articles:
            (src / name).write_text(text, "utf-8")
        out = Path(tmp) / "out"
        try:
            summary = build([src], out, progress=False, html=False, echo=lambda _m: None)
        except BuildError as exc:
            # hostile text can hold enough NUL characters for the reader to call the file
            # binary: every article skipped with that reason is the right outcome
            assert "not a text file (binary content)" in str(exc), exc
            return
        assert summary.articles >= 1
        assert not [r for r in summary.reports if r.status == "failed"], summary.reports
        ok, report = validate(out)
        assert ok, report
        back = Graph().parse(out / "graph.ttl", format="turtle")
        assert len(back) == summary.triples


# -- bugs found by fuzzing, pinned as exact inputs ------------------------------------------


def _doc(text: str, published: dt.datetime | None) -> Document:
    return Document(id="edge.txt", text=text, raw_text=text, published=published,
                    sentences=sentences(text))


@pytest.mark.parametrize("published, word", [(dt.datetime(1, 1, 1), "昨天"),
                                             (dt.datetime(9999, 12, 31), "明天")])
def test_relative_dates_near_the_ends_of_the_calendar(published: dt.datetime, word: str) -> None:
    doc = _doc(f"江苏新闻\n{word},江苏省委书记张三主持召开会议。", published)
    extract_and_map(doc)


def test_control_character_after_a_dropped_element(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><div class='content'><p>江苏省委书记张三主持召开会议。</p>"
                    "<script>x</script>\x0b会议强调要抓好落实。</div></body></html>", "utf-8")
    doc = read_document(path)
    assert "会议强调要抓好落实" in doc.text


def test_text_around_a_removed_element_keeps_its_order() -> None:
    _title, _pub, text, _site = parse_html("<html><body><div class='content'><p>甲文字<script>x</script>"
                                    "乙文字<span>丙文字</span>丁文字</p></div></body></html>")
    assert text == "甲文字乙文字丙文字丁文字"


def test_removing_boilerplate_is_not_quadratic() -> None:
    def seconds(n: int) -> float:
        page = ("<html><body><div class='content'><p>苏州市委书记王明远出席会议。</p>"
                + "<script>var a=1;</script>\n" * n + "</div></body></html>")
        t = time.perf_counter()
        parse_html(page)
        return time.perf_counter() - t

    small, big = seconds(5_000), seconds(20_000)
    assert big < 8 * small + 0.05, (small, big)  # 4x the input: about 4x the time, not 16x


def test_article_after_a_deeply_nested_menu_is_read(tmp_path: Path) -> None:
    menu = "<ul><li>" * 300 + "首页" + "</li></ul>" * 300
    page = (f"<html><head><title>苏州新闻</title></head><body><div class='menu'>{menu}</div>"
            "<div class='content'><p>6月17日,苏州市委书记王明远出席会议并讲话。</p>"
            "<p>市委副书记、市长刘志强主持会议。</p></div></body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, "utf-8")
    doc = read_document(path)
    assert "王明远" in doc.text and "刘志强" in doc.text
