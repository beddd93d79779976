"""kg mentions: spans of persons, titles, places and organizations in free text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.extract.mentions import find_mentions
from kg.lexicon.names import free_names


def spans(text: str) -> set[tuple[str, str]]:
    return {(m["type"], m["text"]) for m in find_mentions(text)}


def test_title_organization_person_and_place() -> None:
    got = spans("绍兴市委书记王立新到诸暨市调研。")
    assert {("organization", "市委"), ("title", "书记"), ("person", "王立新"),
            ("place", "诸暨市")} <= got


def test_free_names_at_clause_start() -> None:
    assert free_names("据了解,张明华向记者表示,项目进展顺利。") == [(4, "张明华")]
    assert free_names("高质量发展要求我们。") == []  # 高 is a surname, 高质量 is not a name


def test_offsets_are_end_exclusive_and_match_the_text() -> None:
    text = "常务副市长李建国主持会议,市长助理孙红出席。"
    for m in find_mentions(text):
        assert text[m["start"]:m["end"]] == m["text"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_and_spans_are_in_range(text: str) -> None:
    for m in find_mentions(text):
        assert 0 <= m["start"] < m["end"] <= len(text)


def test_cli_reads_plain_lines_and_json_lines(tmp_path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x1", "text": "省长赵文华主持会议。"}\n县委书记钱立平出席。\n', "utf-8")
    assert main(["mentions", str(src)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in lines] == ["x1", 2]
    assert {"type": "person", "start": 2, "end": 5, "text": "赵文华"} in lines[0]["spans"]


def test_a_name_after_an_office_word_outside_the_graphs_posts() -> None:
    got = spans("此次检查由副局长甘晓峰和执法大队大队长邵立平带队。")
    assert ("person", "甘晓峰") in got
    assert not any(t == "person" and s.startswith("带") for t, s in got)
