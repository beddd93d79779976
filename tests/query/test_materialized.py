"""The answers a build keeps must be the query's rows, and stay so through changes."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from kg.bench import generate
from kg.build import build, remove
from kg.query.materialized import ANSWERS, FOLDER, PARTS, _read_index, answer_file
from kg.query.runner import load_bundled, select
from kg.store.cache import CACHE_DIR
from kg.store.oxigraph import open_store

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def _build(src: Path, out: Path, **kw) -> Path:
    build([src], out, progress=False, html=False, export=False, echo=lambda _m: None, **kw)
    return out


def _kept(graph: Path, name: str) -> tuple[list[str], list[list[str]]]:
    path = answer_file(graph, name)
    assert path is not None, name
    head, *rows = csv.reader(io.StringIO(path.read_text("utf-8")))
    return head, rows


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every test article in one graph (namesakes, shared events, renamed places), and a
    generated corpus (many articles reporting the same events)."""
    real = tmp_path_factory.mktemp("real")
    for f in ARTICLES.iterdir():
        shutil.copy(f, real / f.name)
    fake = tmp_path_factory.mktemp("fake")
    generate(fake, 150, seed=11)
    return [_build(real, tmp_path_factory.mktemp("out") / "g"),
            _build(fake, tmp_path_factory.mktemp("out") / "g")]


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_a_kept_answer_is_the_querys_rows(graphs: list[Path], name: str) -> None:
    for graph in graphs:
        variables, rows = select(open_store(graph), load_bundled(name))
        head, got = _kept(graph, name)
        assert head == variables
        assert sorted(got) == sorted(rows), name
        assert len(got) > 0
        # in the query's order (ties, which the query leaves open, by the whole row)
        keys = _ORDER[name]
        assert [keys(r) for r in got] == sorted(keys(r) for r in rows)


_ORDER = {
    "statistics-by-place": lambda r: (r[0], r[1], r[2]),
    "rankings-by-list": lambda r: (r[1], r[0], int(r[3]) if r[3].isdigit() else -1),
    "officials": lambda r: (r[3], r[0], r[2]),
    "who-presided": lambda r: (r[3], r[2], r[0]),
    "who-spoke-where": lambda r: (r[3], r[2], r[1], r[0]),
    "events-by-date": lambda r: tuple(r[:4]),
}


def test_kept_answers_follow_additions_changes_and_removals(tmp_path: Path) -> None:
    """Updated in place, part by part, they are byte for byte those of a fresh build."""
    src = tmp_path / "src"
    src.mkdir()
    names = sorted(p.name for p in ARTICLES.iterdir())[:40]
    for n in names[:30]:
        shutil.copy(ARTICLES / n, src / n)
    out = _build(src, tmp_path / "out")
    before = {n: answer_file(out, n).read_bytes() for n in ANSWERS}
    # change one (a new chair), add some, remove one
    changed = src / names[0]
    changed.write_text(changed.read_text("utf-8") + "\n会议由副市长韩立新主持。\n", "utf-8")
    for n in names[30:]:
        shutil.copy(ARTICLES / n, src / n)
    (src / names[5]).unlink()
    _build(src, out, sync=True)
    remove(out, [names[6]], html=False)
    (src / names[6]).unlink()
    fresh = _build(src, tmp_path / "fresh")
    for n in ANSWERS:
        kept = answer_file(out, n)
        assert kept.read_bytes() == answer_file(fresh, n).read_bytes(), n
        assert (_read_index(kept.with_name(f"{n}{PARTS}"))
                == _read_index(answer_file(fresh, n).with_name(f"{n}{PARTS}"))), n  # same parts
    assert any(answer_file(out, n).read_bytes() != before[n] for n in ANSWERS)


def test_a_rebuild_renders_only_the_parts_a_change_touched(tmp_path: Path,
                                                           monkeypatch) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for n in sorted(p.name for p in ARTICLES.iterdir())[:20]:
        shutil.copy(ARTICLES / n, src / n)
    out = _build(src, tmp_path / "out")
    from kg.query import materialized

    rendered: list[tuple[str, str]] = []
    original = materialized.AnswerKeeper._render

    def counting(self, answer, p, items):
        rendered.append(p)
        return original(self, answer, p, items)

    monkeypatch.setattr(materialized.AnswerKeeper, "_render", counting)
    one = sorted(src.iterdir())[0]
    one.write_text(one.read_text("utf-8") + "\n会议强调,要抓好落实。\n", "utf-8")
    _build(src, out)
    parts = sum(len(_read_index(out / CACHE_DIR / FOLDER / f"{n}{PARTS}")[0]) for n in ANSWERS)
    assert 0 < len(rendered) < parts / 4


def test_no_kept_answer_for_another_store(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ARTICLES / "a01.txt", src / "a01.txt")
    out = _build(src, tmp_path / "out")
    assert answer_file(out, "who-presided") is not None
    index = out / CACHE_DIR / FOLDER / f"who-presided{PARTS}"
    index.write_bytes(index.read_bytes().replace(b'"version":"', b'"version":"x', 1))
    assert answer_file(out, "who-presided") is None
    assert answer_file(out, "positions") is None  # a table, not a kept answer


def test_a_part_index_is_read_back_and_a_damaged_one_is_not(tmp_path: Path) -> None:
    from array import array

    from kg.query.materialized import _write_index

    path = tmp_path / f"x{PARTS}"
    keys, sizes = ["2021-01-01\x00全市会议", "丁青县", ""], array("q", [148, 5350, 7])
    _write_index(path, "v1", keys, sizes)
    assert _read_index(path) == (keys, sizes)
    _write_index(path, "v1", [], array("q"))
    assert _read_index(path) == ([], array("q"))
    path.write_bytes(path.read_bytes()[:-1] + b"x" * 3)  # a header that no longer fits
    _write_index(path, "v1", keys, sizes)
    path.write_bytes(path.read_bytes()[:-4])  # cut short
    assert _read_index(path) is None
