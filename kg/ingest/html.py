"""HTML page -> (title, publication time string, article text).

Pages scraped from government sites carry navigation menus, footers, share buttons and scripts
around one article body. We drop the boilerplate elements, then keep the block that holds most
of the Chinese prose, with paragraph breaks preserved.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html
from lxml import etree

_DROP_TAGS = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside",
              "form", "button", "select", "svg", "template", "head")
_BOILER = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|header|breadcrumb|crumb|sidebar|side|share|"
    r"copyright|banner|toolbar|login|search|related|comment|ad|ads|pager|links?)($|[\s_-])",
    re.I,
)
_BODY_HINT = re.compile(r"(content|article|main|TRS_Editor|zoom|detail|text|body|zw)", re.I)
_META_TIME = ("publishdate", "pubdate", "publish_date", "article:published_time", "og:release_date",
              "firstpublishedtime", "releasedate", "datepublished", "dc.date", "date")
_META_TITLE = ("articletitle", "og:title", "title", "dc.title")
# Who published the page: the content's source first (a county's media centre), then the site
_META_SOURCE = ("contentsource", "source", "og:site_name", "sitename", "site_name")
_SOURCE_LINE = re.compile(r"来源\s*[:：]\s*([\u4e00-\u9fff]{2,30})")
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
          "article", "blockquote", "pre", "table", "ul", "ol"}
MAX_DEPTH = 400
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _cjk(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


_STAMP = re.compile(r"(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d\d(?::\d\d)?)?")
_TIME_MARK = re.compile(r"(?:^|[-_\s])(?:time|date|pubtime|pubdate|publish\w*|release\w*|post-?time)"
                        r"(?:$|[-_\s])", re.I)
_SCRIPT_TIME = re.compile(r"(?:pubtime|publishtime|pubdate|publishdate|releasetime)\s*[=:]\s*"
                          r"[\"']([^\"']{8,30})[\"']", re.I)


def _marked_time(root, source: str) -> str | None:
    """The time a page marks as its own where no meta tag says it: an element whose class or id
    names it (<span class="time">2022-08-17 07:58</span>), or a script variable (pubtime =
    "..."). Dates in lists of related articles carry no such mark."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "html", "script", "style"):
            continue
        if _TIME_MARK.search(f"{el.get('class', '')} {el.get('id', '')}"):
            m = _STAMP.search(el.text_content() or "")
            if m and len((el.text_content() or "").strip()) <= 40:
                return m.group()
    m = _SCRIPT_TIME.search(source)
    if m and _STAMP.match(m.group(1).strip()):
        return m.group(1).strip()
    return None


class HtmlPage(NamedTuple):
    title: str | None
    published: str | None  # the publication time as the page writes it
    text: str  # the article body, paragraphs on lines of their own
    # who published it (来源:琼海市融媒体中心, a site's name): not article text, but where a
    # page that only says 我市 is from
    site: str | None = None


# " - 琼海市人民政府门户网站", "_要闻_海南省人民政府网": a site's and column's names after the
# headline in a page's <title>
_TITLE_SEP = re.compile(r"\s*(?:[_|｜]|-{2,}|—{1,2})\s*|\s+[-–]\s+|-(?=[\u4e00-\u9fff]{2,12}$)")
_SITE_WORDS = re.compile(r"网|政府|门户|日报|晚报|新闻|频道|要闻|首页|栏目|动态|资讯|在线|融媒|客户端|头条")


def _without_site(title: str) -> str:
    """The headline of a <title> that also names the site and column; as it is otherwise."""
    parts = _TITLE_SEP.split(title)
    # (columns in between: 时政, 统计信息; the last part names the site)
    if len(parts) > 1 and all(len(p) <= 16 for p in parts[1:]) and _SITE_WORDS.search(parts[-1]) \
            and len(parts[0]) >= 4:
        return parts[0]
    return title


def parse_html(source: str) -> HtmlPage:
    """The article in a web page, without the page's navigation, footers and scripts."""
    # Control characters are not XML-compatible: lxml refuses to set them as text later.
    source = _CONTROL.sub(" ", source)
    # huge_tree lifts libxml2's limits on depth (256) and on one text node (10 MB); the file
    # size limit of kg build bounds what can come in.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError):
        return HtmlPage(None, None, "")
    metas: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip().lower()
        if key and m.get("content") and key not in metas:
            metas[key] = m.get("content").strip()
    title = next((metas[k] for k in _META_TITLE if metas.get(k)), None)
    if not title:
        h1 = root.find(".//h1")
        if h1 is not None and h1.text_content().strip():
            title = h1.text_content().strip()
        else:
            t = root.find(".//title")
            title = t.text_content().strip() if t is not None and t.text_content() else None
    if title:
        title = _without_site(title)
    published = next((metas[k] for k in _META_TIME if metas.get(k)), None)
    if published is None:
        published = _marked_time(root, source)
    line = _SOURCE_LINE.search(root.text_content() or "")
    site = next((metas[k] for k in _META_SOURCE if metas.get(k)), None) or \
        (line.group(1) if line else None)

    # strip_elements is linear (one pass in C) and keeps each element's tail text in place.
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    boiler = [el for el in root.iter() if isinstance(el.tag, str)
              and el.tag not in ("body", "html")
              and _BOILER.search(f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}")
              and not _BODY_HINT.search(el.get("id", ""))]
    for el in boiler:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text where it was
    body = root.find("body")
    if body is None:
        body = root
    best = _best_block(body)
    text = _text_with_breaks(best)
    if published is None:
        m = re.search(r"(发布时间|发布日期|时间)\s*[:：]\s*([0-9][0-9 :年月日/.\-]{6,30})",
                      body.text_content())
        if m:
            published = m.group(2).strip()
    return HtmlPage(title, published, text, site)


def _best_block(body):
    """The element whose direct paragraphs hold most CJK characters (the article body)."""
    best, best_score = body, -1
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag not in ("div", "article", "section", "td", "main"):
            continue
        paras = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "div", "br", "span")]
        direct = _cjk(el.text or "") + sum(_cjk(p.text_content()) for p in paras if p.tag == "p")
        hint = 1.2 if _BODY_HINT.search(f"{el.get('class', '')} {el.get('id', '')}") else 1.0
        score = direct * hint
        if score > best_score:
            best, best_score = el, score
    if best_score <= 0:
        return body
    return best


def _text_with_breaks(el) -> str:
    parts: list[str] = []

    def walk(node, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in _BLOCK
        if block:
            parts.append("\n")
        elif node.tag in ("td", "th"):
            parts.append("\t")  # table cells stay apart: "12\t神木市\t86.41"
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child, depth + 1)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el, 0)
    raw = "".join(parts)
    lines = [re.sub(r"[ \u3000\xa0]+", " ", ln) for ln in raw.split("\n")]
    lines = [re.sub(r"\s*\t\s*", "\t", ln).strip() for ln in lines]
    return "\n\n".join(ln for ln in lines if ln)
