"""Answers from the build's tables and the result cache must be what the store says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.model import TABLE_COLUMNS
from kg.query import answers
from kg.query.materialized import ANSWERS
from kg.query.runner import format_results, load_bundled, select
from kg.query.tables import _normalize
from kg.store.oxigraph import open_store

ARTICLES = Path(__file__).parents[1] / "data" / "articles"
SAMPLE = ["a01.txt", "b03.txt", "c05.txt", "d02.txt", "f04.html", "g01.txt", "i03.txt",
          "k02.txt"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("articles")
    for name in SAMPLE:
        shutil.copy(ARTICLES / name, src / name)
    out = tmp_path_factory.mktemp("answers") / "out"
    build([src], out, progress=False, echo=lambda _msg: None)
    return out


def _from_store(graph: Path, name: str, fmt: str, lang: str = "zh") -> str:
    variables, rows = select(open_store(graph), load_bundled(name), None, lang)
    if name in TABLE_COLUMNS:
        rows = _normalize(name, variables, rows)
    return format_results(variables, rows, fmt)


@pytest.mark.parametrize("name", sorted(TABLE_COLUMNS))
@pytest.mark.parametrize("fmt", ["csv", "tsv", "table"])
def test_a_table_answers_what_the_store_says(graph: Path, name: str, fmt: str) -> None:
    assert answers.table_file(graph, name, "zh", {}) is not None
    got = answers.answer(graph, load_bundled(name), name=name, fmt=fmt)
    assert got == _from_store(graph, name, fmt)
    assert got.count("\n") > 2  # rows, not just a header


def test_tables_do_not_answer_in_another_language(graph: Path) -> None:
    assert answers.table_file(graph, "positions", "en", {}) is None
    got = answers.answer(graph, load_bundled("positions"), name="positions", lang="en",
                         fmt="csv")
    assert got == _from_store(graph, "positions", "csv", "en")
    assert got != (graph / "tables" / "positions.csv").read_text("utf-8")


def test_a_kept_answer_is_served_without_the_store(graph: Path, monkeypatch) -> None:
    q = load_bundled("events-by-date")  # asked as a query of one's own: kept after the store
    first = answers.answer(graph, q, fmt="csv")
    assert first == _from_store(graph, "events-by-date", "csv")

    def no_store(*_a, **_k):
        raise AssertionError("the store was opened for a kept answer")

    monkeypatch.setattr("kg.store.oxigraph.open_store", no_store)

    def no_formatting(*_a, **_k):
        raise AssertionError("a kept answer was formatted again")

    # kept as printed: a second ask reads it back without formatting rows again
    monkeypatch.setattr("kg.query.runner.format_results", no_formatting)
    assert answers.answer(graph, q, fmt="csv") == first
    monkeypatch.undo()
    monkeypatch.setattr("kg.store.oxigraph.open_store", no_store)
    # another format of a kept answer is printed from the store's rows again
    with pytest.raises(AssertionError, match="store was opened"):
        answers.answer(graph, q, fmt="tsv")
    # another language is another answer: computed, so the store is needed
    with pytest.raises(AssertionError, match="store was opened"):
        answers.answer(graph, q, lang="en", fmt="csv")


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_whole_graph_queries_are_answered_from_what_the_build_kept(graph: Path, name: str,
                                                                   monkeypatch) -> None:
    expected = _from_store(graph, name, "csv")

    def no_store(*_a, **_k):
        raise AssertionError("the store was opened for an answer the build kept")

    monkeypatch.setattr("kg.store.oxigraph.open_store", no_store)
    got = answers.answer(graph, load_bundled(name), name=name, fmt="csv")
    head, *rows = got.splitlines()
    exp_head, *exp_rows = expected.splitlines()
    assert head == exp_head and sorted(rows) == sorted(exp_rows) and rows


def test_volatile_queries_are_not_kept() -> None:
    assert not answers.cacheable("SELECT (NOW() AS ?t) WHERE {}")
    assert not answers.cacheable("SELECT ?x WHERE { BIND(rand () AS ?x) }")
    assert answers.cacheable("SELECT ?s WHERE { ?s a kg:Event }")


def test_update_and_rebuild_are_never_answered_from_before(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ARTICLES / "a01.txt", src / "a01.txt")
    out = tmp_path / "out"
    build([src], out, progress=False, echo=lambda _msg: None)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    marker = "ASK { <http://e.org/a> <http://e.org/b> <http://e.org/c> }"
    assert main(["query", marker, "--graph", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "ask\nfalse\n"
    assert main(["query", "positions", "--graph", str(out), "--format", "csv"]) == 0
    table = capsys.readouterr().out
    assert table == (out / "tables" / "positions.csv").read_text("utf-8")

    insert = "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }"
    assert main(["query", insert, "--graph", str(out), "--update"]) == 0
    capsys.readouterr()
    assert answers.table_file(out, "positions", "zh", {}) is None  # tables are behind now
    assert answers.kept_answer(out, "officials", "zh", {}) is None  # and so are kept answers
    assert main(["query", marker, "--graph", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "ask\ntrue\n"
    assert main(["query", "positions", "--graph", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out == table  # the update did not touch positions

    assert main(["query", count, "--graph", str(out), "--format", "csv"]) == 0
    before = capsys.readouterr().out
    shutil.copy(ARTICLES / "b03.txt", src / "b03.txt")
    build([src], out, progress=False, echo=lambda _msg: None)
    assert main(["query", count, "--graph", str(out), "--format", "csv"]) == 0
    after = capsys.readouterr().out
    assert after != before
    assert main(["query", marker, "--graph", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "ask\nfalse\n"  # the rebuild dropped the inserted triple
    assert answers.table_file(out, "positions", "zh", {}) is not None
    assert answers.kept_answer(out, "officials", "zh", {}) is not None  # the rebuild's own
    kept = [p for p in (out / answers.CACHE_DIR).iterdir()]
    assert len(kept) == 1  # the old version's answers are gone


def test_no_cache_asks_the_store(graph: Path, monkeypatch) -> None:
    q = load_bundled("positions")
    answers.answer(graph, q, name="positions", fmt="csv")
    opened = []
    import kg.store.oxigraph as ox_store

    original = ox_store.open_store

    def counting(*a, **k):
        opened.append(a)
        return original(*a, **k)

    monkeypatch.setattr(ox_store, "open_store", counting)
    assert answers.answer(graph, q, name="positions", fmt="csv", kept=False) == \
        _from_store(graph, "positions", "csv")
    assert opened
