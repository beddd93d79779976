"""Whole-graph queries answered from the tables must give the rows the store gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.bench import generate
from kg.build import build
from kg.query.derived import DERIVED
from kg.query.runner import load_bundled, select
from kg.store.oxigraph import open_store

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def _build(src: Path, out: Path) -> Path:
    build([src], out, progress=False, html=False, export=False, echo=lambda _m: None)
    return out


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


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_derived_answers_are_the_querys_rows(graphs: list[Path], name: str) -> None:
    for graph in graphs:
        variables, rows = select(open_store(graph), load_bundled(name))
        got_vars, got = DERIVED[name](graph / "tables")
        assert got_vars == variables
        assert sorted(got) == sorted(rows), name
        assert len(got) > 0
