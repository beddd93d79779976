"""Writes the bad (and awkward but good) input files of tests/test_trust_badfiles.py.

Run ``python tests/data/bad/make.py`` to regenerate them next to this script; the test checks
that the stored files are exactly what this script writes. The people are invented, the places
real. The 12 MB file is not stored: the test creates it in a temporary folder.

  empty.txt            0 bytes                                    -> skipped: empty file
  binary.txt           a PNG header and NUL bytes, named .txt    -> skipped: binary
  truncated-utf8.txt   UTF-8 cut in the middle of the last character -> read as UTF-8
  gbk.txt              the article in GBK                          -> built, gbk/gb18030
  big5.txt             the article in traditional characters, Big5 -> built, big5
  utf16-bom.txt        UTF-16 little-endian with a BOM             -> built, utf-16
  utf8-bom.txt         UTF-8 with a BOM                            -> built, utf-8
  english.txt          English prose, no Chinese                   -> skipped: not Chinese
  nav-only.html        a page with navigation, menus and a footer only -> skipped
  archive.txt          a zip archive with a .txt name              -> skipped: binary
  utf8.txt             plain UTF-8 (the control)                   -> built, utf-8
"""

from __future__ import annotations

import codecs
import io
import sys
import zipfile
from pathlib import Path

ARTICLE = """苏州市召开全市重点项目推进会
来源:苏州日报
发布时间:2021-06-18 09:30

6月17日,全市重点项目推进会在苏州召开。苏州市委书记王明远出席会议并讲话,市委副书记、市长刘志强主持会议。

王明远强调,重点项目是经济发展的压舱石。各地各部门要紧盯年度目标,加快项目建设进度。

会上,昆山市委书记陈立新、张家港市市长周文华作交流发言。
"""

# The same article in traditional characters (OpenCC s2t, written out so the bytes never depend
# on a dictionary version).
ARTICLE_TRADITIONAL = """蘇州市召開全市重點項目推進會
來源:蘇州日報
發佈時間:2021-06-18 09:30

6月17日,全市重點項目推進會在蘇州召開。蘇州市委書記王明遠出席會議並講話,市委副書記、市長劉志強主持會議。

王明遠強調,重點項目是經濟發展的壓艙石。各地各部門要緊盯年度目標,加快項目建設進度。

會上,崑山市委書記陳立新、張家港市市長周文華作交流發言。
"""

ENGLISH = """The Quiet Harbour

The ferry left the harbour at dawn, as it had every morning for forty years. Gulls followed it
past the breakwater, and the captain, who had long since stopped counting the crossings, poured
his coffee and watched the island grow on the horizon. Nothing in this text is a news report
about a government meeting; it is here to be refused politely.
"""

NAV_ONLY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>苏州市人民政府</title></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<nav><ul><li><a href="/xw">新闻中心</a></li><li><a href="/bs">办事服务</a></li>
<li><a href="/hd">互动交流</a></li></ul></nav>
<div class="menu side"><a href="/tz">通知公告</a> <a href="/zc">政策文件</a></div>
<div class="breadcrumb">当前位置: 首页 &gt; 新闻中心</div>
<footer><p>版权所有: 苏州市人民政府办公室</p><p>网站标识码 3205000001</p></footer>
</body></html>
"""


def files() -> dict[str, bytes]:
    utf8 = ARTICLE.encode("utf-8")
    cut = utf8.rstrip(b"\n")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as z:
        info = zipfile.ZipInfo("article.txt", date_time=(2021, 6, 18, 9, 30, 0))
        info.create_system = 3  # the same bytes on every OS
        z.writestr(info, utf8)
    return {
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 512,
        # The last character (the 。 of 作交流发言。, 3 bytes) loses its last byte.
        "truncated-utf8.txt": cut[:-1],
        "gbk.txt": ARTICLE.encode("gbk"),
        "big5.txt": ARTICLE_TRADITIONAL.encode("big5"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        "utf8-bom.txt": codecs.BOM_UTF8 + utf8,
        "english.txt": ENGLISH.encode("ascii"),
        "nav-only.html": NAV_ONLY.encode("utf-8"),
        "archive.txt": archive.getvalue(),
        "utf8.txt": utf8,
    }


def write(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in files().items():
        path = dest / name
        path.write_bytes(data)
        out.append(path)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for p in write(target):
        print(f"{p.stat().st_size:6d}  {p}")
