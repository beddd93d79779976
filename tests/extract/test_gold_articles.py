"""End-to-end accuracy against hand-made gold files: the bundled article must be exact; the
project's own test articles (tests/data) must stay above the measured floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import evaluate, load_gold, load_tables
from kg.ingest.reader import bundled_article

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = DATA / "gold"
ARTICLES = DATA / "articles"


def _golds(prefixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in GOLD.glob("*.json") if p.stem.startswith(prefixes))


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    build([bundled_article()], out, progress=False, html=False)
    return load_tables(out / "tables")


@pytest.fixture(scope="module")
def article_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("articles")
    build([ARTICLES], out, progress=False, html=False)
    return load_tables(out / "tables")


def test_seed_gold_is_matched_exactly(seed_tables) -> None:
    scores = evaluate(load_gold([DATA / "seed.json"]), seed_tables)
    for table, s in scores.items():
        assert (s.fp, s.fn) == (0, 0), f"{table}: {s}"


@pytest.mark.parametrize("gold", _golds(("a", "b")), ids=lambda p: p.stem)
def test_article_positions_and_events(article_tables, gold: Path) -> None:
    """Every article: nothing wrong in the tables where we are confident (events found)."""
    scores = evaluate(load_gold([gold]), article_tables)
    # places.csv has no article column, so it is scored over the whole set elsewhere.
    tables = ("positions", "events", "participations", "rankings", "statistics")
    tp = sum(scores[t].tp for t in tables)
    fp = sum(scores[t].fp for t in tables)
    fn = sum(scores[t].fn for t in tables)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    assert f1 >= 0.6, f"{gold.stem}: tp={tp} fp={fp} fn={fn}"


def test_places_of_all_articles(article_tables) -> None:
    scores = evaluate(load_gold(_golds(("a", "b"))), article_tables)
    assert scores["places"].f1 >= 0.95, scores["places"]


def test_dev_articles_are_extracted_exactly(article_tables) -> None:
    golds = load_gold(_golds(("a0", "a10")))
    scores = evaluate(golds, article_tables)
    for table in ("positions", "events", "participations", "rankings", "statistics"):
        s = scores[table]
        assert s.f1 >= 0.95, f"{table}: {s}"
