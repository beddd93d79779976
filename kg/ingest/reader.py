"""Files and folders -> Documents, one clear reason per file that cannot be read."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from kg.ingest.decode import DecodeError, decode
from kg.ingest.html import parse_html
from kg.ingest.normalize import normalize, sentences
from kg.lexicon.numerals import parse_int
from kg.model import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
BUNDLED = "jiangsu-county-secretaries-forum.txt"


_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,80}?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,60}?)(?<=\S)\*(?![*\w])")


# A line of links to other pages ("*相关链接:* [岳阳楼区开展……](https://…)"): navigation, not text
_MD_LINK_LINE = re.compile(r"^[ \t>*_-]*(?:[*_]*[\u4e00-\u9fff]{2,6}[:：]?[*_]*[ \t]*)?"
                           r"(?:\[[^\]\n]+\]\([^)\n]+\)[ \t、,，|;；]*)+$", re.M)


def markdown_marks(raw: str) -> str:
    """Markdown emphasis without its marks.

    Bold (**监利市**, 增长**6.2%**) is only weight: its marks go, so that the words and figures
    read on as one sentence (spaces in their place had cut 增长 from its figure); offsets are
    those of the text as read, as an HTML page's are. Italics set off the title of a work, as
    quotation marks do in Chinese (在*2024年全省县域数字农业发展评价*中), so they become “ and
    ”, and the title is read as a name."""
    raw = _MD_LINK_LINE.sub("", raw)
    raw = _MD_STRONG.sub(lambda m: m.group(2), raw)
    return _MD_EM.sub(lambda m: "“" + m.group(1) + "”", raw)


class IngestError(Exception):
    """A file that cannot be turned into a document; ``str()`` is the one-line reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def bundled_article() -> Path:
    """The default article shipped in the package (used when ``kg build`` gets no path)."""
    return Path(str(resources.files("kg") / "data" / BUNDLED))


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand folders (recursively, sorted) into article files; report paths that do not exist."""
    files, errors = discover_names(paths)
    return [Path(f) for f in files], errors


def discover_names(paths: Iterable[Path]) -> tuple[list[str], list[IngestError]]:
    """:func:`discover` giving the files' names as strings: an incremental build of a 100,000-
    file archive looks at each name once, and making a Path of each cost more than the walk."""
    files: list[str] = []
    errors: list[IngestError] = []
    paths = list(paths)
    linked = len(paths) > 1  # overlapping paths or links can name one file twice
    for p in paths:
        if p.is_dir():
            found, links = _walk(p)
            linked = linked or links
            if not found:
                errors.append(IngestError(p, "folder holds no .txt, .md or .html files"))
            files.extend(found)
        elif p.is_file():
            files.append(str(p))
        elif p.exists():
            errors.append(IngestError(p, "not a regular file"))
        else:
            errors.append(IngestError(p, "no such file or folder"))
    if not linked:
        return files, errors
    seen: set[str] = set()
    unique = []
    for f in files:
        r = os.path.realpath(f)
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, errors


def _walk(folder: Path) -> tuple[list[str], bool]:
    """The article files under ``folder`` (sorted; hidden files and folders left out, links
    to folders not followed) and whether any is a symbolic link.

    os.scandir tells files from folders without a stat per file, which Path.rglob and
    is_file() pay: an incremental build of a 100,000-file archive starts here."""
    files: list[str] = []
    linked = False
    stack = [str(folder)]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as entries:
                for e in entries:
                    if e.name.startswith("."):
                        continue
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)
                    elif (os.path.splitext(e.name)[1].lower() in SUPPORTED_SUFFIXES
                          and e.is_file()):
                        files.append(e.path)
                        linked = linked or e.is_symlink()
        except OSError:
            continue  # an unreadable sub-folder is passed over, as rglob does
    # Path order (part by part), computed on strings: comparing Path objects cost more than
    # the walk itself on a 100,000-file archive.
    files.sort(key=lambda f: f.split(os.sep))
    return files, linked


_PUB = re.compile(
    r"(?:发布时间|发布日期|发稿时间|时间|日期)\s*[:]\s*"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def parse_timestamp(value: str | None) -> dt.datetime | None:
    """'2023-12-05 07:40', '2021年6月18日', '2021-06-18T09:30:00+08:00' -> naive datetime."""
    if not value:
        return None
    m = _ISO.search(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    hh, mm, ss = (int(g) if g else 0 for g in m.groups()[3:6])
    try:
        return dt.datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return None


_META_LINE = re.compile(r"来源|编辑|作者|记者|责任编辑|发布|字体|分享|日报|晚报|新闻网|网站|[网报]\s")
_STAMP = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
                    r"(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


# A newspaper's masthead line above the headline: "遵义日报　2017年9月1日　第2版" (or
# "承德日报　2016-07-11　第A1版:要闻"), or a page header without the paper's name:
# "2010年4月21日　星期三　第A3版　城区新闻".
# The day a masthead prints: 2017年9月1日 or 2016-07-11.
_PRINTED_DAY = r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2})"
_MASTHEAD = re.compile(r"^\s*(?:(?P<paper>《?[\u4e00-\u9fff]{2,12}(?:日报|晚报|时报|报|新闻网)》?\s*)"
                       r"|(?P<name>[\u4e00-\u9fff]{2,8}\s+)"
                       # the page first: "第1版　要闻　　2023年9月13日　星期三"
                       r"|(?P<page0>第\s*[A-Z一二三四五六七八九十\d]+\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{2,8})?\s+))?"
                       rf"{_PRINTED_DAY}"
                       r"(?P<day>\s*(?:星期|周)[一二三四五六日天])?"
                       r"(?P<page>\s*(?:第\s*)?[A-Z一二三四五六七八九十\d]+\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,12})?)?\s*$")


# A masthead set on lines of its own: the paper's name, the date (with the weekday and the lunar
# date), the page, a rule ("浦江晨报\n2021年3月18日　星期四　农历辛丑年二月初六\n第A2版:要闻\n-----").
_MAST_PAPER = re.compile(r"\s*《?[\u4e00-\u9fff]{2,12}(?:日报|晚报|时报|晨报|报)》?\s*$")
_MAST_DATE = re.compile(rf"\s*{_PRINTED_DAY}"
                        r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*农历[\u4e00-\u9fff]{2,12})?\s*$")
_MAST_PAGE = re.compile(r"\s*第\s*[A-Z一二三四五六七八九十\d]+\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,12})?\s*$")
_MAST_RULE = re.compile(r"\s*[-=—_*~]{3,}\s*$")


def _masthead_lines(text: str) -> tuple[re.Match[str], int] | None:
    """A masthead set on several lines: its date, and where the lines end."""
    pos, date, kinds = 0, None, set()
    for _ in range(6):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            d = _MAST_DATE.match(line)
            if d and date is None:
                date, kinds = d, kinds | {"date"}
            elif _MAST_PAPER.match(line) and not kinds:
                kinds.add("paper")
            elif _MAST_PAGE.match(line):
                kinds.add("page")
            elif _MAST_RULE.match(line):
                kinds.add("rule")
            else:
                break
        pos = end + 1
        if pos >= len(text):
            break
    if date is None or not kinds & {"paper", "page"}:
        return None
    return date, min(pos, len(text))


def masthead(text: str) -> tuple[re.Match[str], int, int] | None:
    """The masthead on the article's first line (or lines), and where the headline under it
    starts and ends (the pipeline weighs that line as the headline, not the masthead's)."""
    first = text.lstrip("\n")
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0]
    m = _MASTHEAD.match(line)
    if m is None or not (m.group("paper") or m.group("day") or m.group("page") or m.group("page0")):
        lines = _masthead_lines(first)
        if lines is None:
            return None  # (a line with a date alone is no masthead)
        m, line_end = lines
        line = first[:max(line_end - 1, 0)]
    elif m.group("name") and not m.group("page"):
        return None  # a paper of any name ("今日安吉 2008年2月26日 星期二 第一版") shows its page
    rest = offset + len(line)
    while rest < len(text) and text[rest] in "\n \t\u3000":
        rest += 1
    end = text.find("\n", rest)
    return m, rest, (end if end >= 0 else len(text))


# A line that ends as a sentence does is the report's first paragraph ("2022年6月29日,区人大常委会
# 第三次会议召开." in half-width punctuation), not a dateline under the headline.
_PROSE_END = ("。", ".")


def _dateline_end(text: str) -> int:
    """End of the dateline ("2021-06-09 来源: …") among the first lines, or -1; below a
    masthead ("遵义日报 2017年9月1日 第2版"), the end of the headline under it."""
    top = masthead(text)
    if top is not None:
        return top[2]
    pos = 0
    for n, line in enumerate(text.split("\n")):
        if n > 7:
            break
        end = pos + len(line)
        if n > 0 and line.strip() and (_PUB.search(line) or (_STAMP.search(line) and len(line.strip())
                                                             < 120 and not line.strip().endswith(_PROSE_END))):
            return end
        pos = end + 1
    return -1


def _text_metadata(text: str) -> tuple[str | None, dt.datetime | None]:
    top = masthead(text)
    if top is not None:  # the headline is the line under the masthead
        m, start, end = top
        return text[start:end].strip(), parse_timestamp(re.sub(r"\s", "", m.group("date")))
    title = None
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            title = line
            break
    published = None
    m = _PUB.search(text[:3000])
    if m:
        published = parse_timestamp(m.group(0).split(":", 1)[1])
    if published is None:
        # A dateline of the kind news sites print under the headline, without a label:
        # "2011-03-12 07:58 来源:苏州日报", "内蒙古新闻网 2021年06月17日 08:36".
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:8]
        for n, ln in enumerate(lines):
            st = _STAMP.search(ln)
            # (the first line is the headline, unless it is a site's stamp above it: "东北网
            # 2015-03-03 07:45 来源:黑龙江日报")
            if st and not ln.endswith(_PROSE_END) and len(ln) < 120 and \
                    (n > 0 or st.group(4) and "来源" in ln) and \
                    (st.group(4) or _META_LINE.search(ln) or st.start() == 0 or len(ln) <= 40):
                published = parse_timestamp(st.group(0))
                if published:
                    break
    if published is None:
        # A report's own dateline with the year: "梅州日报2025年5月16日讯(记者……)前天,……"
        dl = _DATED_DATELINE.search(text[:600])
        if dl:  # (or "本报虞城讯(2015年3月28日 记者……)")
            published = parse_timestamp(dl.group("date") or dl.group("date2"))
    if published is None:
        published = _tail_date(text)
    return title, published


_TAIL_META = re.compile(r"来源|记者|通讯员|报道|日报|晚报|时报|[^\s]报\b|新闻网|融媒|统计局|人民政府|办公室|编辑|发布")


# A date written in Chinese numerals, the year digit by digit: 二〇一八年六月二十二日
_CN_DATE = re.compile(r"(?P<y>[一二][〇零○一二三四五六七八九]{3})年(?P<m>[一二三四五六七八九十]{1,2})月"
                      r"(?P<d>[一二三四五六七八九十]{1,3})日")


def _arabic_date(m: re.Match[str]) -> str:
    try:  # (parse_int reads a year digit by digit: 二〇一八 -> 2018)
        return f"{parse_int(m.group('y'))}年{parse_int(m.group('m'))}月{parse_int(m.group('d'))}日"
    except ValueError:
        return m.group()


def _tail_date(text: str) -> dt.datetime | None:
    """The date printed at the foot of a report or bulletin ("(来源:黑龙江日报 2025年2月18日)",
    "(襄樊日报 2003年11月24日)", a bulletin's issuer over "2025年4月10日"): a short last line
    that is a date, alone or with the paper or issuer, not a sentence."""
    lines = [ln.strip().strip("()“”\"'[]【】 -—") for ln in text.rstrip().split("\n")[-6:]]
    for ln in reversed([ln for ln in lines if ln][-3:]):
        if len(ln) > 60 or ln.endswith(("。", ".", ";", ",")):
            continue
        ln = _CN_DATE.sub(_arabic_date, ln)  # "(二〇一八年六月二十二日)"
        st = _STAMP.search(ln)
        if st is None:
            continue
        rest = (ln[:st.start()] + ln[st.end():]).strip(" :,")
        if not rest or _TAIL_META.search(rest) or len(rest) <= 12 and "," not in rest:
            return parse_timestamp(st.group(0))
    return None


_DATED_DATELINE = re.compile(r"(?:本报|日报|晚报|时报|新华社|中新社|新闻网|客户端)[\u4e00-\u9fff]{0,6}?"
                             r"(?:(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)[\u4e00-\u9fff]{0,4}?(?:讯|电)"
                             r"|(?:讯|电)\s*[(（]\s*(?P<date2>(?:19|20)\d\d年\d{1,2}月\d{1,2}日))")


def read_document(path: Path, *, encoding: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None) -> Document:
    """Read one article. Raises IngestError with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(path, size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode_document(data, path, encoding=encoding, doc_id=doc_id)


def too_large(path: Path, size: int, max_bytes: int) -> IngestError:
    """The one reason for a file over the size limit, wherever the size was found."""
    return IngestError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
                             "(raise it with --max-size MB)")


def decode_document(data: bytes, path: Path, *, encoding: str | None = None,
                    doc_id: str | None = None) -> Document:
    """The article whose bytes are ``data``: the same Document ``read_document(path)`` gives.

    ``path`` only names the article (its suffix picks the format, its text is kept as
    ``Document.path``); the file is not opened. This is what a worker on another machine runs:
    it gets the bytes with the job because it may not see the client's files.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    try:
        raw, used = decode(data, encoding)
    except DecodeError as exc:
        raise IngestError(path, str(exc)) from None
    raw = raw.lstrip("\ufeff")
    suffix = path.suffix.lower()
    fmt = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(suffix, "txt")
    if fmt == "txt" and re.match(r"\s*(<!doctype html|<html)", raw[:500], re.I):
        fmt = "html"
    published = None
    title = site = None
    if fmt == "html":
        title, pub_text, body, site = parse_html(raw)
        published = parse_timestamp(pub_text)
        if not re.search(r"[\u4e00-\u9fff]", body):
            raise IngestError(path, "no article text in the page (only navigation or markup)")
        text = (title + "\n\n" + body) if title and not body.startswith(title) else body
    elif fmt == "md":
        text = markdown_marks(raw)
    else:
        text = raw
    text, trad = normalize(text)
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise IngestError(path, "no Chinese text found (is this a news article?)")
    t_title, t_pub = _text_metadata(text)
    if fmt != "html" or not title:
        title = t_title
    else:
        title, _ = normalize(title)
    published = published or t_pub
    return Document(
        id=doc_id or path.name,
        text=text,
        raw_text=raw,
        path=str(path),
        title=title,
        published=published,
        encoding=used,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        script="traditional" if trad else "simplified",
        sentences=sentences(text),
        site=normalize(site)[0] if site else None,
        headline_end=_dateline_end(text),
    )


def read_all(paths: Iterable[Path], **kw) -> Iterator[Document | IngestError]:
    for p in paths:
        try:
            yield read_document(p, **kw)
        except IngestError as exc:
            yield exc
