"""kg.query.runner: SELECT/ASK/CONSTRUCT over the store, errors with positions, result formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kg.query import runner
from kg.query.runner import (
    QueryError,
    bundled_queries,
    format_results,
    is_update,
    load_bundled,
    select,
)
from kg.query.tables import TABLES, table_csv, table_rows
from kg.store.oxigraph import build_store, open_store

KG_NS = "https://w3id.org/cnpolkg/ns#"
NQUADS = (
    f'<http://e.org/p1> <http://www.w3.org/2000/01/rdf-schema#label> "陈勇"@zh <http://e.org/g> .\n'
    f'<http://e.org/p1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG_NS}Person> '
    f'<http://e.org/g> .\n'
    f'<http://e.org/p2> <http://www.w3.org/2000/01/rdf-schema#label> "娄勤俭"@zh <http://e.org/g> .\n'
    f'<http://e.org/p2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG_NS}Person> '
    f'<http://e.org/g> .\n'
).encode()
PEOPLE = "SELECT ?p ?name WHERE { GRAPH ?g { ?p a kg:Person ; rdfs:label ?name } } ORDER BY ?name"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("tiny")
    build_store(out, NQUADS)
    return open_store(out)


# --- select -----------------------------------------------------------------------------------


def test_select_with_predefined_prefixes(tiny) -> None:
    variables, rows = select(tiny, PEOPLE)
    assert variables == ["p", "name"]
    assert sorted(rows) == [["http://e.org/p1", "陈勇"], ["http://e.org/p2", "娄勤俭"]]


def test_unbound_variable_is_empty_string(tiny) -> None:
    variables, rows = select(tiny, "SELECT ?p ?x WHERE { GRAPH ?g { ?p a kg:Person } "
                                   "OPTIONAL { ?p kg:nothing ?x } } ORDER BY ?p")
    assert variables == ["p", "x"]
    assert rows == [["http://e.org/p1", ""], ["http://e.org/p2", ""]]


def test_ask(tiny) -> None:
    assert select(tiny, "ASK { GRAPH ?g { ?p a kg:Person } }") == (["ask"], [["true"]])
    assert select(tiny, "ASK { GRAPH ?g { ?p a kg:Place } }") == (["ask"], [["false"]])


def test_construct(tiny) -> None:
    variables, rows = select(tiny, "CONSTRUCT { ?p rdfs:label ?n } WHERE { GRAPH ?g "
                                   "{ ?p a kg:Person ; rdfs:label ?n } }")
    assert variables == ["subject", "predicate", "object"]
    assert sorted(r[2] for r in rows) == ["娄勤俭", "陈勇"]


def test_blank_nodes_are_marked(tiny) -> None:
    _, rows = select(tiny, "SELECT ?b WHERE { BIND(BNODE() AS ?b) }")
    assert rows[0][0].startswith("_:")


def test_malformed_query_reports_line_and_column(tiny) -> None:
    with pytest.raises(QueryError) as ei:
        select(tiny, "SELECT ?s\nWHERE { ?s ?p ?o . FILTER( }")
    msg = str(ei.value)
    assert "error at 2:" in msg
    assert msg.startswith("malformed query")


def test_malformed_query_on_the_first_line(tiny) -> None:
    with pytest.raises(QueryError, match="error at 1:"):
        select(tiny, "SELEC ?x WHERE { ?x ?p ?o }")


def test_update_cannot_run_through_select(tiny) -> None:
    with pytest.raises(QueryError):
        select(tiny, "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }")
    assert select(tiny, "ASK { <http://e.org/a> ?p ?o }") == (["ask"], [["false"]])


# --- is_update --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "INSERT DATA { <a> <b> <c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <y>\nDROP ALL",
    "  insert data { <a> <b> <c> }",
    "# a comment\nCLEAR DEFAULT",
    "BASE <http://x/>\nPREFIX a: <http://a/>\n\nLOAD <http://x/data.ttl>",
    "PREFIX kg: <https://w3id.org/cnpolkg/ns#>\nDELETE DATA { kg:a kg:b kg:c }",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CREATE GRAPH <http://g>",
    "COPY <http://a> TO <http://b>",
])
def test_is_update_true(text: str) -> None:
    assert is_update(text)


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p ?o }",
    "PREFIX x: <http://y/>\nSELECT ?s WHERE { ?s x:INSERT ?o }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DESCRIBE <http://x>",
    "# INSERT DATA in a comment\nSELECT * WHERE { ?s ?p ?o }",
    "SELECT ?deleted WHERE { ?s <http://e/DELETE> ?deleted }",
])
def test_is_update_false(text: str) -> None:
    assert not is_update(text)


def test_is_update_with_prefix_on_the_same_line() -> None:
    assert is_update("PREFIX x: <http://y/> INSERT DATA { x:a x:b x:c }")


# --- bundled queries --------------------------------------------------------------------------


def test_bundled_queries_are_the_tables() -> None:
    queries = bundled_queries()
    assert set(queries) >= set(TABLES)
    assert all(desc and not desc.startswith("#") for desc in queries.values())


def test_unknown_bundled_query() -> None:
    with pytest.raises(QueryError, match="no bundled query named 'nope'"):
        load_bundled("nope")


@pytest.mark.parametrize("name", sorted(TABLES))
def test_bundled_query_parses_and_returns_its_columns(tiny, name: str) -> None:
    variables, rows = select(tiny, load_bundled(name))
    assert tuple(variables) == TABLES[name]


def test_tables_on_the_built_graph(built: Path) -> None:
    store = open_store(built)
    for name, columns in TABLES.items():
        text = table_csv(store, name)
        assert text == (built / "tables" / f"{name}.csv").read_text("utf-8")
        header, *rows = list(csv.reader(io.StringIO(text)))
        assert tuple(header) == columns
        assert rows == sorted(rows)
        assert all(len(r) == len(columns) for r in rows)
    positions = table_rows(store, "positions")
    persons = {(r[1], r[2], r[3]) for r in positions}
    assert ("娄勤俭", "省委书记", "江苏省") in persons
    assert ("陈勇", "市委书记", "海门市") in persons


# --- formats ----------------------------------------------------------------------------------

VARS = ["名称", "n"]
ROWS = [["海门市", "1"], ["a,b", 'say "x"'], ["tab\there", ""]]


def test_format_csv() -> None:
    text = format_results(VARS, ROWS, "csv")
    assert list(csv.reader(io.StringIO(text))) == [VARS, *ROWS]


def test_format_tsv() -> None:
    text = format_results(VARS, ROWS, "tsv")
    assert list(csv.reader(io.StringIO(text), delimiter="\t")) == [VARS, *ROWS]
    assert text.splitlines()[1] == "海门市\t1"


def test_format_json() -> None:
    data = json.loads(format_results(VARS, ROWS, "json"))
    assert data["head"]["vars"] == VARS
    bindings = data["results"]["bindings"]
    assert len(bindings) == 3
    assert bindings[0]["名称"] == {"type": "literal", "value": "海门市"}
    assert "n" not in bindings[2]  # unbound values are left out


def test_format_table() -> None:
    text = format_results(VARS, ROWS, "table")
    lines = text.splitlines()
    assert lines[0].split(" | ")[0].rstrip() == "名称"
    assert set(lines[1]) <= {"-", "+"}
    assert lines[-1] == "(3 rows)"
    # wide characters count two columns: the separators line up
    assert runner._width(lines[2][:lines[2].index("|")]) == runner._width(
        lines[4][:lines[4].index("|")])


def test_format_table_single_row() -> None:
    assert format_results(["x"], [["1"]], "table").splitlines()[-1] == "(1 row)"
    assert format_results(["x"], [], "table").splitlines()[-1] == "(0 rows)"


def test_format_table_truncated_wide_cell_stays_aligned() -> None:
    text = format_results(["a", "b"], [["中" * 100, "x"], ["y", "z"]], "table")
    lines = text.splitlines()
    cols = {runner._width(line.split(" | ")[0]) for line in (lines[0], lines[2], lines[3])}
    assert len(cols) == 1


def test_sparql_json_has_typed_terms(tiny) -> None:
    data = json.loads(runner.sparql_json(tiny, PEOPLE))
    assert data["head"]["vars"] == ["p", "name"]
    first = data["results"]["bindings"][0]
    assert first["p"]["type"] == "uri"
    assert first["name"]["type"] == "literal" and first["name"]["xml:lang"] == "zh"


def test_sparql_json_ask(tiny) -> None:
    assert json.loads(runner.sparql_json(tiny, "ASK { GRAPH ?g { ?p a kg:Person } }"))[
        "boolean"] is True


def test_sparql_json_errors(tiny) -> None:
    with pytest.raises(QueryError, match="error at 1:"):
        runner.sparql_json(tiny, "SELEC ?x")
    with pytest.raises(QueryError, match="CONSTRUCT"):
        runner.sparql_json(tiny, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


# -- label languages (--lang) ---------------------------------------------------------------------
def test_lang_chooses_the_label_columns(built: Path) -> None:
    store = open_store(built)
    q = load_bundled("who-presided")
    _, zh = select(store, q)
    _, en = select(store, q, lang="en")
    _, py = select(store, q, lang="pinyin")
    assert len(zh) == len(en) == len(py) == 1
    assert zh[0][0] == "吴政隆" and en[0][0] == "Wu Zhenglong" and py[0][0] == "Wu Zhenglong"
    assert en[0][1] == "Deputy Secretary of the Jiangsu Provincial Party Committee"
    assert py[0][1] == "Jiangsu Shengwei Fu Shuji"
    assert en[0][2].startswith("Lecture Forum: ") and en[0][2].endswith(", 2018-02-22")
    assert zh[0][3] == en[0][3] == "2018-02-22"


def test_lang_keeps_every_row_of_every_bundled_query(built: Path) -> None:
    """Every labelled node has a label in each language: no row is lost in en or pinyin."""
    store = open_store(built)
    params = {"name": "海门市"}
    for name in bundled_queries():
        q = load_bundled(name)
        counts = {lang: len(select(store, q, params, lang=lang)[1])
                  for lang in ("zh", "en", "pinyin")}
        assert len(set(counts.values())) == 1, (name, counts)


def test_tables_stay_chinese(built: Path) -> None:
    text = (built / "tables" / "positions.csv").read_text("utf-8")
    assert "陈勇" in text and "Chen Yong" not in text


def test_unknown_lang_is_a_query_error(built: Path) -> None:
    with pytest.raises(QueryError, match="--lang"):
        select(open_store(built), load_bundled("officials"), lang="fr")


def test_the_optional_rank_comes_after_every_required_pattern() -> None:
    """A placement's rank is optional (lists without ranks). Written before the list's label
    or the place-name filter, the left join ran over every placement of the archive first:
    place-rankings took minutes on 10,000 articles instead of 0.1 s."""
    from kg.query.runner import load_bundled

    for name in ("rankings", "rankings-by-list", "place-rankings"):
        body = load_bundled(name).split("WHERE", 1)[1]
        at = body.index("kg:rank ?")
        assert "OPTIONAL" in body[max(0, at - 40):at], name
        after = body[at:].split("}", 1)[1]
        assert not any(line.strip().startswith("?") for line in after.splitlines()), name
