"""The committed output/ must be what `kg build` writes today for the bundled article."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.ingest.reader import bundled_article

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "output"
# build-report.json describes a run (extracted or taken from the cache), so it is not compared.
FILES = ["graph.ttl", "graph.trig", "graph.html",
         *(f"tables/{t}.csv" for t in ("positions", "participations", "events", "rankings",
                                       "statistics", "places"))]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    build([bundled_article()], out, progress=False)
    return out


@pytest.mark.parametrize("name", FILES)
def test_committed_output_is_current(fresh: Path, name: str) -> None:
    committed = COMMITTED / name
    assert committed.is_file(), f"output/{name} is missing: run `kg build` and commit output/"
    assert committed.read_bytes() == (fresh / name).read_bytes(), (
        f"output/{name} is stale: run `kg build` at the repository root and commit output/")
