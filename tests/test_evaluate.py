"""Tests for kg.evaluate: each matching rule scored on tiny hand-built gold and tables."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest

from kg.evaluate import (
    SCORED_TABLES,
    TABLE_COLUMNS,
    Score,
    evaluate,
    format_report,
    gold_to_tables,
    load_gold,
    load_tables,
    match_events,
    mismatches,
    normalize,
    write_tables,
)

SEED = Path("/work/shared/gold/seed.json")
ART = "a1.txt"


def gold(**facts: object) -> dict:
    """A gold entry for article ART with only the given fact lists."""
    return {"id": "a1", "file": ART, "encoding": "utf-8", "published": "2023-12-05", **facts}


def tables(**rows: list[dict]) -> dict[str, list[dict]]:
    """All six tables, empty except those given; rows get every column (missing -> "")."""
    out: dict[str, list[dict]] = {}
    for name, columns in TABLE_COLUMNS.items():
        out[name] = [{c: r.get(c, "") for c in columns} for r in rows.get(name, [])]
    return out


def counts(score: Score) -> tuple[int, int, int]:
    return (score.tp, score.fp, score.fn)


def roundtrip(tmp_path: Path, data: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Through real CSV files, so cells are strings as in production."""
    write_tables(data, tmp_path / "tables")
    return load_tables(tmp_path / "tables")


INLINE_GOLD = gold(
    positions=[
        {"person": "吴政隆", "title": "省长", "place": "江苏省"},
        {"person": None, "title": "县委书记", "place": "金湖县"},
    ],
    events=[
        {"name": "全省县委书记工作讲坛", "date": "2018-02-22", "participants": [
            {"person": "吴政隆", "role": "presided"},
            {"person": None, "title": "县委书记", "place": "金湖县", "role": "remarks"},
        ]},
        {"name": "座谈会", "date": None, "participants": []},
    ],
    rankings=[
        {"list": "2017全国综合实力百强县市", "year": 2017, "publisher": "人民日报",
         "placements": [{"rank": 21, "place": "海门市"}, {"rank": 26, "place": "如皋市"}]},
        {"list": "2017年度全国创新创业(双创)百强县市", "year": 2017, "publisher": None,
         "placements": [{"rank": 13, "place": "启东市"}]},
        {"list": "空榜单", "year": None, "publisher": None, "placements": []},
    ],
    statistics=[
        {"place": "海门市", "indicator": "人均地区生产总值", "year": 2017, "value": 110000,
         "unit": "元", "qualifier": ">"},
        {"place": "海门市", "indicator": "地区生产总值增速", "year": 2017, "value": 7.5,
         "unit": "%", "qualifier": "="},
    ],
    places=[
        {"name": "江苏省", "parent": None, "code": "320000"},
        {"name": "南通市", "parent": "江苏省", "code": "320600"},
        {"name": "海门市", "parent": "南通市", "code": "320684"},
    ],
)


# --------------------------------------------------------------------------------------------
# Score and normalization


def test_score_ratios() -> None:
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (s.gold, s.found) == (5, 4)


def test_score_empty_is_perfect_but_missing_everything_is_not() -> None:
    empty = Score(0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    found_nothing = Score(0, 0, 4)
    assert (found_nothing.precision, found_nothing.recall, found_nothing.f1) == (0.0, 0.0, 0.0)
    nothing_to_find = Score(0, 2, 0)
    assert (nothing_to_find.precision, nothing_to_find.recall, nothing_to_find.f1) == (
        0.0, 0.0, 0.0)


def test_normalize() -> None:
    assert normalize(" 创新创业（双创） 百强 ") == "创新创业(双创)百强"
    assert normalize("“全省”‘县委’「书记」\"讲坛'") == "全省县委书记讲坛"
    assert normalize("ＡＢＣ１２\u3000３") == "ABC123"
    assert normalize(None) == ""


# --------------------------------------------------------------------------------------------
# Per-table rules


def test_positions_named_unnamed_and_ignored_articles() -> None:
    g = gold(positions=[
        {"person": "吴政隆", "title": "省长", "place": "江苏省"},
        {"person": "吴政隆", "title": "省委副书记", "place": "江苏省"},
        {"person": None, "title": "县委书记", "place": "金湖县"},
    ])
    t = tables(positions=[
        {"article": ART, "person": "吴政隆", "title": "省长", "place": "江苏省"},
        {"article": ART, "person": "吴 政隆", "title": "省长", "place": "江苏省"},  # duplicate
        {"article": ART, "person": "", "title": "县委书记", "place": "金湖县"},
        {"article": ART, "person": "陈勇", "title": "市委书记", "place": "海门市"},  # fp
        {"article": "other.txt", "person": "张三", "title": "省长", "place": "浙江省"},
    ])
    scores = evaluate([g], t)
    assert counts(scores["positions"]) == (2, 1, 1)
    assert scores["positions"].duplicates == 1
    fps, fns = mismatches([g], t)["positions"]
    assert fps == [(ART, "陈勇", "市委书记", "海门市")]
    assert fns == [(ART, "吴政隆", "省委副书记", "江苏省")]


def test_article_with_directory_prefix_still_counts() -> None:
    g = gold(positions=[{"person": "吴政隆", "title": "省长", "place": "江苏省"}])
    t = tables(positions=[{"article": f"data/{ART}", "person": "吴政隆", "title": "省长",
                           "place": "江苏省"}])
    assert counts(evaluate([g], t)["positions"]) == (1, 0, 0)


def test_match_events_exact_containment_similarity_and_dates() -> None:
    gold_events = [("全省县委书记工作讲坛", "2018-02-22"), ("座谈会", None),
                   ("全市经济工作会议", "2018-03-01"), ("常务会议", "2018-04-01")]
    predicted = [
        ("县委书记工作讲坛", "2018-02-22"),  # contained in the gold name
        ("座谈会", ""),  # both dates unknown
        ("全市经济工作大会", "2018-03-01"),  # similar, not contained (ratio 0.875)
        ("常务会议", "2018-04-02"),  # same name, different date
        ("完全无关的活动", "2018-03-01"),  # dissimilar
    ]
    assert match_events(gold_events, predicted) == {0: 0, 1: 1, 2: 2}


def test_match_events_is_one_to_one_best_first() -> None:
    gold_events = [("全省经济工作会议", None)]
    predicted = [("经济工作会议", None), ("全省经济工作会议", None)]
    # Both qualify; the exact name wins and the other is left unmatched.
    assert match_events(gold_events, predicted) == {1: 0}


def test_similarity_threshold() -> None:
    # ratio("ABCDE", "ABCXY") = 0.6 -> match; ratio("ABCDE", "ABXYZ") = 0.4 -> no match.
    assert match_events([("ABCDE", None)], [("ABCXY", None)]) == {0: 0}
    assert match_events([("ABCDE", None)], [("ABXYZ", None)]) == {}


def test_events_table() -> None:
    g = gold(events=[
        {"name": "全省县委书记工作讲坛", "date": "2018-02-22", "participants": []},
        {"name": "座谈会", "date": None, "participants": []},
        {"name": "全市经济工作会议", "date": "2018-03-01", "participants": []},
    ])
    t = tables(events=[
        {"article": ART, "event": "“全省县委书记工作讲坛”", "date": "2018-02-22"},
        {"article": ART, "event": "全省县委书记工作讲坛", "date": "2018-02-22"},  # duplicate
        {"article": ART, "event": "全省县委书记工作讲坛第二场", "date": "2018-02-22"},  # gold taken
        {"article": ART, "event": "座谈会", "date": ""},
        {"article": ART, "event": "全市经济工作会议", "date": "2018-03-02"},  # wrong date
        {"article": "other.txt", "event": "座谈会", "date": ""},
    ])
    scores = evaluate([g], t)
    assert counts(scores["events"]) == (2, 2, 1)
    assert scores["events"].duplicates == 1
    fps, fns = mismatches([g], t)["events"]
    assert fns == [(ART, "全市经济工作会议", "2018-03-01")]
    assert (ART, "全市经济工作会议", "2018-03-02") in fps


def test_participations_map_to_gold_events() -> None:
    g = gold(events=[
        {"name": "全省县委书记工作讲坛", "date": "2018-02-22", "participants": [
            {"person": "吴政隆", "role": "presided"},
            {"person": "娄勤俭", "role": "speech"},
            {"person": None, "title": "县委书记", "place": "金湖县", "role": "remarks"},
            {"person": None, "title": "区委书记", "place": "玄武区", "role": "remarks"},
        ]},
    ])
    event = {"article": ART, "event": "县委书记工作讲坛", "event_date": "2018-02-22"}
    t = tables(participations=[
        {**event, "person": "吴政隆", "title": "省长", "role": "presided"},  # title irrelevant
        {**event, "person": "娄勤俭", "role": "presided"},  # wrong role: fp + fn
        {**event, "person": "", "title": "县委书记", "place": "金湖县", "role": "remarks"},
        {**event, "person": "", "title": "县委书记", "place": "玄武区", "role": "remarks"},
        # right person and role, but at an event that matches no gold event
        {"article": ART, "event": "全省经济工作会议", "event_date": "2018-02-22",
         "person": "吴政隆", "role": "presided"},
        {"article": "other.txt", **{k: v for k, v in event.items() if k != "article"},
         "person": "张三", "role": "attended"},
    ])
    scores = evaluate([g], t)
    assert counts(scores["participations"]) == (2, 3, 2)
    fps, fns = mismatches([g], t)["participations"]
    label = "全省县委书记工作讲坛 (2018-02-22)"
    assert (ART, "<no gold event> 全省经济工作会议 (2018-02-22)", "吴政隆", "presided") in fps
    assert (ART, label, "", "县委书记", "玄武区", "remarks") in fps
    assert sorted(fns) == sorted([(ART, label, "娄勤俭", "speech"),
                                  (ART, label, "", "区委书记", "玄武区", "remarks")])


def test_participations_use_their_own_events_not_events_csv() -> None:
    g = gold(events=[{"name": "座谈会", "date": None,
                      "participants": [{"person": "陈勇", "role": "attended"}]}])
    t = tables(
        events=[],
        participations=[{"article": ART, "event": "座谈会", "event_date": "", "person": "陈勇",
                         "role": "attended"}],
    )
    scores = evaluate([g], t)
    assert counts(scores["participations"]) == (1, 0, 0)
    assert counts(scores["events"]) == (0, 0, 1)


def test_rankings_placements_and_lists() -> None:
    g = gold(rankings=[
        {"list": "2017年度全国创新创业（双创）百强县市", "year": 2017, "publisher": None,
         "placements": [{"rank": 13, "place": "启东市"}, {"rank": 20, "place": "海门市"}]},
        {"list": "2017全国综合实力百强县市", "year": 2017, "publisher": "人民日报",
         "placements": [{"rank": 21, "place": "海门市"}]},
    ])
    t = tables(rankings=[
        # list name differs only in bracket width and spaces; year and rank as strings
        {"article": ART, "list": "2017年度全国创新创业(双创) 百强县市", "year": "2017",
         "publisher": "", "rank": "13", "place": "启东市"},
        {"article": ART, "list": "2017年度全国创新创业(双创)百强县市", "year": "2017.0",
         "publisher": "", "rank": "020", "place": "海门市"},
        # publisher missing: the list and its placement are both wrong
        {"article": ART, "list": "2017全国综合实力百强县市", "year": "2017", "publisher": "",
         "rank": "21", "place": "海门市"},
        {"article": "other.txt", "list": "x", "year": "2017", "rank": "1", "place": "y"},
    ])
    scores = evaluate([g], t)
    assert counts(scores["rankings"]) == (2, 1, 1)
    assert counts(scores["ranking_lists"]) == (1, 1, 1)
    assert scores["ranking_lists"].duplicates == 0


def test_ranking_lists_not_in_micro() -> None:
    g = gold(rankings=[{"list": "L", "year": 2017, "publisher": None,
                        "placements": [{"rank": 1, "place": "海门市"}]}])
    scores = evaluate([g], tables())
    assert counts(scores["ranking_lists"]) == (0, 0, 1)
    assert counts(scores["micro"]) == (0, 0, 1)


def test_statistics_numeric_tolerance() -> None:
    g = gold(statistics=[
        {"place": "海门市", "indicator": "人均地区生产总值", "year": 2017, "value": 110000,
         "unit": "元", "qualifier": ">"},
        {"place": "海门市", "indicator": "城镇居民人均可支配收入", "year": 2017, "value": 44000,
         "unit": "元", "qualifier": "="},
        {"place": "海门市", "indicator": "居民人均储蓄", "year": 2017, "value": 80000,
         "unit": "元", "qualifier": ">"},
        {"place": "海门市", "indicator": "地区生产总值增速", "year": 2017, "value": 7.1,
         "unit": "%", "qualifier": "="},
    ])
    row = {"article": ART, "place": "海门市", "year": "2017", "unit": "元"}
    t = tables(statistics=[
        {**row, "indicator": "人均地区生产总值", "value": "110000.05", "qualifier": ">"},
        {**row, "indicator": "人均地区生产总值", "value": "1.1e5", "qualifier": ">"},  # dup
        {**row, "indicator": "城镇居民人均可支配收入", "value": "44001", "qualifier": "="},
        {**row, "indicator": "居民人均储蓄", "value": "80000", "qualifier": "~"},
        {**row, "indicator": "地区生产总值增速", "value": "7.1000000001", "unit": "%",
         "qualifier": ""},  # empty qualifier reads as "="
        {**row, "article": "other.txt", "indicator": "人均地区生产总值", "value": "1"},
    ])
    scores = evaluate([g], t)
    assert counts(scores["statistics"]) == (2, 2, 2)
    assert scores["statistics"].duplicates == 1
    fps, fns = mismatches([g], t)["statistics"]
    assert (ART, "海门市", "城镇居民人均可支配收入", 2017, 44001, "元", "=") in fps
    assert (ART, "海门市", "城镇居民人均可支配收入", 2017, 44000, "元", "=") in fns


def test_places_union_of_golds_against_all_rows() -> None:
    g1 = gold(places=[{"name": "江苏省", "parent": None, "code": "320000"},
                      {"name": "海门市", "parent": "南通市", "code": "320684"}])
    g2 = {**gold(places=[{"name": "江苏省", "parent": None, "code": "320000"},
                         {"name": "如皋市", "parent": "南通市", "code": "320682"}]),
          "file": "a2.txt"}
    t = tables(places=[
        {"place": "江苏省", "level": "province", "parent": "", "code": "320000"},
        {"place": "海门市", "level": "county", "parent": "南通市", "code": "320684.0"},
        {"place": "如皋市", "level": "county", "parent": "江苏省", "code": "320682"},  # parent
        {"place": "上海市", "level": "province", "parent": "", "code": "310000"},  # extra
    ])
    assert counts(evaluate([g1, g2], t)["places"]) == (2, 2, 1)


def test_micro_sums_the_six_tables() -> None:
    scores = evaluate([INLINE_GOLD], tables(positions=[
        {"article": ART, "person": "吴政隆", "title": "省长", "place": "江苏省"},
        {"article": ART, "person": "无名", "title": "省长", "place": "江苏省"},
    ]))
    micro = scores["micro"]
    assert set(scores) == {*SCORED_TABLES, "ranking_lists", "micro"}
    assert micro.tp == sum(scores[n].tp for n in SCORED_TABLES) == 1
    assert micro.fp == sum(scores[n].fp for n in SCORED_TABLES) == 1
    assert micro.fn == sum(scores[n].fn for n in SCORED_TABLES)


# --------------------------------------------------------------------------------------------
# Loading


def test_missing_table_file_is_a_clear_error(tmp_path: Path) -> None:
    write_tables(tables(), tmp_path)
    (tmp_path / "statistics.csv").unlink()
    with pytest.raises(ValueError, match=r"statistics\.csv"):
        load_tables(tmp_path)


def test_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    write_tables(tables(), tmp_path)
    with (tmp_path / "places.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["place", "level", "parent"])
    with pytest.raises(ValueError, match=r"places\.csv.*code"):
        load_tables(tmp_path)


def test_load_tables_reads_bom_and_strings(tmp_path: Path) -> None:
    write_tables(tables(), tmp_path)
    (tmp_path / "positions.csv").write_text(
        "\ufeffarticle,person,title,place,place_code,evidence\n"
        "a1.txt,,县委书记,金湖县,320831,\n", encoding="utf-8")
    loaded = load_tables(tmp_path)
    assert loaded["positions"] == [{"article": "a1.txt", "person": "", "title": "县委书记",
                                    "place": "金湖县", "place_code": "320831", "evidence": ""}]
    assert set(loaded) == set(TABLE_COLUMNS)


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(INLINE_GOLD, ensure_ascii=False), encoding="utf-8")
    assert load_gold([path]) == [INLINE_GOLD]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_gold([bad])
    with pytest.raises(ValueError, match="same article"):
        load_gold([path, path])


# --------------------------------------------------------------------------------------------
# Round trips and the report


def assert_perfect(scores: dict[str, Score]) -> None:
    for name, score in scores.items():
        assert (score.fp, score.fn) == (0, 0), name
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name


def test_inline_gold_scores_perfectly_against_its_own_tables(tmp_path: Path) -> None:
    golds = [INLINE_GOLD]
    data = gold_to_tables(golds)
    assert_perfect(evaluate(golds, data))
    assert_perfect(evaluate(golds, roundtrip(tmp_path, data)))
    scores = evaluate(golds, data)
    assert scores["ranking_lists"].tp == 3  # includes the list without placements
    assert scores["micro"].tp == 2 + 2 + 2 + 3 + 2 + 3
    assert all(fps == [] and fns == [] for fps, fns in mismatches(golds, data).values())


def test_seed_gold_scores_perfectly_against_its_own_tables(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} not present")
    golds = load_gold([SEED])
    scores = evaluate(golds, roundtrip(tmp_path, gold_to_tables(golds)))
    assert_perfect(scores)
    assert scores["micro"].tp > 0


def test_degraded_tables_lose_exactly_what_was_changed() -> None:
    golds = [copy.deepcopy(INLINE_GOLD)]
    data = gold_to_tables(golds)
    data["positions"].pop()  # one fn
    data["places"].append({"place": "上海市", "level": "", "parent": "", "code": "310000"})
    scores = evaluate(golds, data)
    assert counts(scores["positions"]) == (1, 0, 1)
    assert counts(scores["places"]) == (3, 1, 0)
    assert counts(scores["micro"]) == (13, 1, 1)


def test_format_report() -> None:
    t = gold_to_tables([INLINE_GOLD])
    t["participations"] *= 2
    report = format_report(evaluate([INLINE_GOLD], t))
    lines = report.splitlines()
    assert lines[0].split() == ["table", "gold", "found", "tp", "P", "R", "F1"]
    body = [line for line in lines if line and line[0].isalpha() and not line.startswith("note")]
    assert [line.split()[0] for line in body[1:]] == [*SCORED_TABLES, "ranking_lists", "micro"]
    assert len({len(line) for line in lines[:len(body) + 2] if not line.startswith("-")}) == 1
    assert "participations.csv had 2 duplicate row(s)" in report
    assert "micro             14     14  14  1.000  1.000  1.000" in report


def test_traditional_and_simplified_names_compare_equal() -> None:
    from kg.evaluate import normalize

    assert normalize("全省縣域經濟工作會議") == normalize("全省县域经济工作会议")
    assert normalize("（一類縣市）") == "(一类县市)"
