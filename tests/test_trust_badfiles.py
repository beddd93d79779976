"""Trust: bad files are reported, skipped and listed; they never stop the build of the others.

The fixture folder tests/data/bad/ is written by tests/data/bad/make.py (checked below); the
12 MB file is made at test time in a temporary folder. Every ``kg build`` here runs as a user
runs it: ``python -m kg.cli`` in a subprocess, reading exit code and stderr.
"""

from __future__ import annotations

import json
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BAD = Path(__file__).resolve().parent / "data" / "bad"
MB = 1024 * 1024

# File -> words one of which the skip reason must contain.
SKIPPED = {
    "empty.txt": ("empty",),
    "binary.txt": ("binary", "not a text file"),
    "archive.txt": ("binary", "not a text file"),
    "english.txt": ("no chinese", "not chinese"),
}
# File -> the encodings it may be reported as having been read with.
BUILT = {
    "gbk.txt": {"gbk", "gb18030", "gb2312", "cp936"},
    "big5.txt": {"big5", "cp950", "big5hkscs"},
    "utf16-bom.txt": {"utf-16", "utf-16-le", "utf_16"},
    "utf8-bom.txt": {"utf-8", "utf-8-sig"},
    "utf8.txt": {"utf-8"},
}


def kg(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=180)


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    """stderr as lines; tqdm's progress bar redraws with \\r, so \\r also ends a line."""
    return [ln.strip() for ln in re.split(r"[\r\n]+", proc.stderr) if ln.strip()]


def report(out: Path) -> dict[str, dict]:
    data = json.loads((out / "build-report.json").read_text("utf-8"))
    files = {f["file"]: f for f in data["files"]}
    assert len(files) == len(data["files"]), "a file is listed twice in build-report.json"
    return files


def huge_html(size: int, *, one_text_node: bool = False) -> bytes:
    """An HTML page of ``size`` bytes: a real article after a very long list of links.

    Pages of this size exist (site maps in the footer, inlined scripts, base64 images). With
    ``one_text_node`` the padding is one inline script whose text is over 10 MB.
    """
    article = runpy.run_path(str(BAD / "make.py"))["ARTICLE"]
    title, *paras = [p for p in article.split("\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    head = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
    tail = f"<div class='content'><h1>{title}</h1>\n{body}</div></body></html>\n"
    if one_text_node:
        head += "<script>"
        tail = "</script></head><body>" + tail
    else:
        head += "</head><body><div class='footer'>"
        tail = "</div>" + tail
    room = size - len(head.encode()) - len(tail.encode())
    if one_text_node:
        pad = "x" * room
    else:
        unit = "<a href='/sitemap/0001.html'>link</a>\n"
        pad = unit * (room // len(unit))
        pad += " " * (room - len(pad))
    data = (head + pad + tail).encode("utf-8")
    assert len(data) == size
    return data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bad files of tests/data/bad plus a 12 MB page, in a folder of their own."""
    src = tmp_path_factory.mktemp("badfiles") / "in"
    src.mkdir()
    for f in sorted(BAD.iterdir()):
        if f.is_file() and f.suffix != ".py":
            shutil.copy(f, src / f.name)
    (src / "huge.html").write_bytes(huge_html(12 * MB))
    return src


@pytest.fixture(scope="module")
def default_build(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    """``kg build FOLDER --out OUT`` with the progress bar on, as a user types it."""
    out = tmp_path_factory.mktemp("badout") / "out"
    proc = kg("build", folder, "--out", out, cwd=out.parent)
    return proc, out


def test_fixture_files_are_what_make_py_writes(tmp_path: Path) -> None:
    made = runpy.run_path(str(BAD / "make.py"))["write"](tmp_path)
    stored = sorted(p.name for p in BAD.iterdir() if p.is_file() and p.suffix != ".py")
    assert stored == sorted(p.name for p in made)
    for p in made:
        assert (BAD / p.name).read_bytes() == p.read_bytes(), f"{p.name}: run make.py again"
    assert sum(p.stat().st_size for p in BAD.iterdir() if p.is_file()) < 200_000


def test_bad_files_are_reported_and_skipped_the_rest_is_built(default_build, folder) -> None:
    proc, out = default_build
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = stderr_lines(proc)
    files = report(out)
    on_disk = sorted(p.name for p in folder.iterdir())
    assert sorted(files) == on_disk, "build-report.json lists every input file once"
    for name, entry in files.items():
        assert {"status", "reason", "encoding"} <= set(entry), entry
        if entry["status"] != "ok":
            assert entry["reason"], f"{name}: skipped without a reason"
            assert entry["encoding"] is None
            # One stderr line names the file and gives the same reason.
            hits = [ln for ln in lines if name in ln and entry["reason"] in ln]
            assert len(hits) == 1, (name, entry["reason"], lines)
            assert "\n" not in entry["reason"]
    for name, words in SKIPPED.items():
        assert files[name]["status"] == "skipped", files[name]
        assert any(w in files[name]["reason"].lower() for w in words), files[name]
    for name, encodings in BUILT.items():
        assert files[name]["status"] == "ok", files[name]
        assert files[name]["encoding"] in encodings, files[name]
        assert files[name]["facts"]["positions"] >= 3, files[name]
    # The 12 MB page is over the default 10 MB limit, and the reason says how to raise it.
    assert files["huge.html"]["status"] == "skipped"
    assert "limit" in files["huge.html"]["reason"]
    assert "--max-size" in files["huge.html"]["reason"]
    # The good articles are in the graph, read with the right encoding.
    positions = (out / "tables" / "positions.csv").read_text("utf-8")
    for name in BUILT:
        assert f"{name},王明远,市委书记,苏州市" in positions, name
    assert "刘志强" in positions


def test_strict_makes_skipped_files_an_error(folder: Path, tmp_path: Path) -> None:
    proc = kg("build", folder, "--out", tmp_path / "out", "--strict", "--no-progress",
              cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert any("empty.txt" in ln for ln in stderr_lines(proc))


def test_max_size_accepts_the_12_mb_page(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = kg("build", folder / "huge.html", "--out", out, "--max-size", "20", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    entry = report(out)["huge.html"]
    assert entry["status"] == "ok", entry
    assert entry["encoding"] == "utf-8"
    assert "王明远" in (out / "tables" / "positions.csv").read_text("utf-8")


def test_max_size_accepts_a_page_with_one_huge_script(tmp_path: Path) -> None:
    page = tmp_path / "in" / "huge-script.html"
    page.parent.mkdir()
    page.write_bytes(huge_html(12 * MB, one_text_node=True))
    out = tmp_path / "out"
    proc = kg("build", page, "--out", out, "--max-size", "20", "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert report(out)["huge-script.html"]["status"] == "ok"
    # Not just the <title>: the article's body, after the script.
    assert "王明远" in (out / "tables" / "positions.csv").read_text("utf-8")


def test_navigation_only_page_is_skipped(default_build) -> None:
    _proc, out = default_build
    entry = report(out)["nav-only.html"]
    assert entry["status"] == "skipped", entry


def test_truncated_utf8_is_read_or_named_as_utf8(default_build) -> None:
    _proc, out = default_build
    entry = report(out)["truncated-utf8.txt"]
    if entry["status"] == "ok":
        assert entry["encoding"] == "utf-8"
        assert entry["facts"]["positions"] >= 3
    else:
        assert "utf-8" in entry["reason"].lower() or "truncated" in entry["reason"].lower()


def test_encoding_option_forces_the_encoding(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = kg("build", BAD / "big5.txt", BAD / "gbk.txt", "--out", out, "--encoding", "big5",
              "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    files = report(out)
    assert files["big5.txt"]["status"] == "ok"
    assert files["big5.txt"]["encoding"] == "big5"
    # Detection would read gbk.txt as GB18030; forced to Big5 it does not decode, and says so.
    assert files["gbk.txt"]["status"] == "skipped"
    assert "big5" in files["gbk.txt"]["reason"]
    assert [ln for ln in stderr_lines(proc) if "gbk.txt" in ln and "big5" in ln]
    positions = (out / "tables" / "positions.csv").read_text("utf-8")
    assert "big5.txt,王明远,市委书记,苏州市" in positions  # traditional text, simplified


def _one_clean_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and "Error:" not in proc.stderr, proc.stderr
    lines = stderr_lines(proc)
    assert lines and lines[-1].startswith("kg build: "), lines
    return lines[-1]


def test_nothing_to_read_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    proc = kg("build", empty, "--out", tmp_path / "out", cwd=tmp_path)
    line = _one_clean_error(proc)
    assert len(stderr_lines(proc)) == 1
    assert "empty-folder" in line
    assert not (tmp_path / "out" / "graph.ttl").exists()

    missing = kg("build", tmp_path / "no-such-folder", "--out", tmp_path / "out", cwd=tmp_path)
    assert "no-such-folder" in _one_clean_error(missing)
    assert len(stderr_lines(missing)) == 1


def test_only_bad_files_is_a_clean_error_and_keeps_nothing_half_built(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("empty.txt", "binary.txt", "english.txt", "archive.txt"):
        shutil.copy(BAD / name, src / name)
    proc = kg("build", src, "--out", tmp_path / "out", "--no-progress", cwd=tmp_path)
    line = _one_clean_error(proc)
    assert "no article could be read" in line
    for ln in stderr_lines(proc)[:-1]:
        assert ln.startswith("skipped "), ln
    assert not (tmp_path / "out" / "graph.ttl").exists()
