"""End-to-end accuracy against hand-made gold files (tests/data/gold, schema of the shared
gold README).

The bundled article must be matched exactly. Our own articles are split: the dev articles are
the ones the extractors were developed on and must stay (nearly) exact; the held-out test
articles measure generalization and must not fall below the floor measured when they were
last scored (a regression guard, not a target).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import evaluate, load_gold, load_tables
from kg.ingest.reader import bundled_article

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = DATA / "gold"
ARTICLES = DATA / "articles"
HELD_OUT = ({f"a{i}" for i in range(11, 17)} | {f"b{i}" for i in range(16, 21)}
            | {f"e{i:02d}" for i in range(1, 17)})
TABLES = ("positions", "events", "participations", "rankings", "statistics", "places")


def _split(held_out: bool) -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if (p.stem in HELD_OUT) == held_out
                  and (GOLD / f"{p.stem}.json").is_file())


def _scores(tmp_path_factory, held_out: bool):
    files = _split(held_out)
    src = tmp_path_factory.mktemp("src")
    for f in files:
        shutil.copy(f, src / f.name)
    out = tmp_path_factory.mktemp("out")
    build([src], out, progress=False, html=False)
    return evaluate(load_gold([GOLD / f"{f.stem}.json" for f in files]),
                    load_tables(out / "tables"))


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    return _scores(tmp_path_factory, held_out=False)


@pytest.fixture(scope="module")
def test_scores(tmp_path_factory):
    return _scores(tmp_path_factory, held_out=True)


def test_seed_gold_is_matched_exactly(tmp_path) -> None:
    build([bundled_article()], tmp_path, progress=False, html=False)
    scores = evaluate(load_gold([DATA / "seed.json"]), load_tables(tmp_path / "tables"))
    for table, s in scores.items():
        assert (s.fp, s.fn) == (0, 0), f"{table}: {s}"


# Floors a little below the scores measured on the dev articles (regression guards). Rankings
# .82: batches zo, zu and zy (260 placements) record ranks with no published list under names their
# annotators made up ("2023年天津各区地区生产总值排名") and sub-lists by class of county, which
# kg does not follow (SPLIT_ZO.md, SPLIT_ZU.md). Statistics .84: batches zs and zt write the
# part of the year into the indicator (一季度地区生产总值; SPLIT_ZS.md). Events .89: the fifteenth
# session's 160 blind articles (vd-vs) name most tours by route or by the visiting group, and
# kg by topic (SPLIT_VG.md, SPLIT_VO.md); with them the dev events F1 is about .898. Events .88
# and micro .90: the sixteenth session's 200 blind articles (vt-vz, ua-um; micro .880 on
# arrival, again tours named by route) bring the dev events F1 to about .893 and micro to about
# .908 (it was .900 and .912 on the articles before them). Rankings .81: the seventeenth
# session's 160 blind articles (un-uz, ta-tc) bring the dev rankings F1 from .826 to .815, most
# of it from up, uy and ux (lists split by class of county, 一类/二类县市区, and lists named by
# their annotators: SPLIT_UP.md, SPLIT_UY.md, SPLIT_UX.md).
DEV_FLOORS = {"positions": 0.96, "events": 0.88, "participations": 0.90, "rankings": 0.81,
              "statistics": 0.84, "places": 0.95, "micro": 0.90}


@pytest.mark.parametrize("table", [*TABLES, "micro"])
def test_dev_articles(dev_scores, table: str) -> None:
    s = dev_scores[table]
    assert s.f1 >= DEV_FLOORS[table], f"{table}: {s}"


# Floors below the scores measured on the held-out articles (see the issue notes). Events and
# participations went down on purpose: the held-out golds name every tour "<topic>工作调研" (a
# convention of this project, SPLIT_B.md), while the blind annotators of batches i-ze named 19
# of 22 such tours the way the headline does ("X在A县、B县调研时强调" -> X在A县、B县调研), and kg
# now follows them.
FLOORS = {"positions": 0.99, "events": 0.66, "participations": 0.72, "rankings": 0.77,
          "statistics": 0.97, "places": 0.98, "micro": 0.89}


@pytest.mark.parametrize("table", [*TABLES, "micro"])
def test_held_out_articles_do_not_regress(test_scores, table: str) -> None:
    s = test_scores[table]
    assert s.f1 >= FLOORS[table], f"{table}: {s}"
