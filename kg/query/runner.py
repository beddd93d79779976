"""Run SPARQL SELECT/ASK/CONSTRUCT over a GraphStore and format the results."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from importlib import resources

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.oxigraph import GraphStore

PREFIX_MAP = {k: str(v) for k, v in PREFIXES.items()}
_DECL = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)
_UPDATE = re.compile(r"\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


# --lang NAME -> the language tag of the labels label columns show (see kg.lexicon.labels).
LANG_TAGS = {"zh": "zh", "en": "en", "pinyin": "zh-latn-pinyin"}  # as LANG() gives it
DEFAULT_LANG = "zh"


class QueryError(ValueError):
    """A query that cannot run; str() is the parser's message with line and column."""


def bundled_queries() -> dict[str, str]:
    """Name -> first comment line (the description) of each bundled ``.rq`` file."""
    out = {}
    for f in sorted(resources.files("kg.query").joinpath("queries").iterdir(),
                    key=lambda p: p.name):
        if f.name.endswith(".rq"):
            first = f.read_text("utf-8").splitlines()[0]
            out[f.name[:-3]] = first.lstrip("# ").strip()
    return out


def load_bundled(name: str) -> str:
    f = resources.files("kg.query").joinpath("queries", f"{name}.rq")
    if not f.is_file():
        raise QueryError(f"no bundled query named {name!r} (see kg query --list)")
    return f.read_text("utf-8")


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update (after its PREFIX/BASE declarations)."""
    body = re.sub(r"(?m)^\s*#[^\n]*", "", sparql)  # whole-line comments (# also ends IRIs)
    pos = 0
    while (m := _DECL.match(body, pos)) and m.end() > pos:
        pos = m.end()
    return bool(_UPDATE.match(body, pos))


def _first_line(exc: BaseException) -> str:
    """Oxigraph's parser errors can list the whole grammar; the first line says what is wrong."""
    return str(exc).strip().split("\n")[0]


def _term(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.Literal):
        return t.value
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return str(t)


def _literal(value: str) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r"))
    return f'"{escaped}"'


def bind_params(sparql: str, params: dict[str, str] | None, lang: str = DEFAULT_LANG) -> str:
    """Replace $name by the value as an escaped string literal (Oxigraph's substitutions need
    the variable in the projection, which bundled queries should not have to carry).

    ``$lang`` is always bound: to the language tag of ``lang`` (zh, en or pinyin). Queries
    choose labels with ``FILTER(LANG(?label) = $lang)``, so one query serves every language
    and the tables (written with the default) stay Chinese."""
    if lang not in LANG_TAGS:
        raise QueryError(f"--lang {lang!r}: one of {', '.join(LANG_TAGS)}")
    params = {"lang": LANG_TAGS[lang], **(params or {})}
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"--param {name!r}: a parameter name is letters, digits and _")
        sparql = re.sub(rf"\${name}\b", lambda _m, v=value: _literal(v), sparql)
    return sparql


def select(store: GraphStore, sparql: str, params: dict[str, str] | None = None,
           lang: str = DEFAULT_LANG) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT (or ASK) query; returns (variables, rows of strings).

    ``params`` binds query variables to string values (``$name`` in a bundled query);
    ``lang`` (zh, en, pinyin) binds ``$lang``, the language of label columns."""
    try:
        res = store.query(bind_params(sparql, params, lang), prefixes=PREFIX_MAP)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_first_line(exc)}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {_first_line(exc)}") from None
    if isinstance(res, ox.QueryBoolean):
        return ["ask"], [["true" if bool(res) else "false"]]
    if isinstance(res, ox.QueryTriples):
        rows = [[_term(t.subject), _term(t.predicate), _term(t.object)] for t in res]
        return ["subject", "predicate", "object"], rows
    variables = [v.value for v in res.variables]
    rows = [[_term(sol[v]) for v in variables] for sol in res]
    return variables, rows


def sparql_json(store: GraphStore, sparql: str, params: dict[str, str] | None = None,
                lang: str = DEFAULT_LANG) -> str:
    """SELECT/ASK results in the W3C SPARQL 1.1 Query Results JSON format (typed terms)."""
    try:
        res = store.query(bind_params(sparql, params, lang), prefixes=PREFIX_MAP)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_first_line(exc)}") from None
    if isinstance(res, ox.QueryTriples):
        raise QueryError("CONSTRUCT/DESCRIBE results have no JSON results format; "
                         "use --format table or csv")
    return res.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"


@functools.lru_cache(maxsize=65536)
def _char_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _width(s: str) -> int:
    """Terminal columns: east-asian wide characters take two (a big table has many cells)."""
    return len(s) if s.isascii() else sum(map(_char_width, s))


def format_results(variables: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "csv" or fmt == "tsv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(variables)
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        bindings = [{v: {"type": "literal", "value": r[i]} for i, v in enumerate(variables)
                     if r[i] != ""} for r in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    # aligned table, east-asian wide characters counted as two columns
    cells = [variables] + [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [min(60, max(_width(r[i]) for r in cells)) for i in range(len(variables))]

    def fit(s: str, w: int) -> str:
        if _width(s) <= w:
            return s + " " * (w - _width(s))
        out, used = "", 0
        for ch in s:  # keep what fits with room for the ellipsis (one column)
            cw = _width(ch)
            if used + cw > w - 1:
                break
            out += ch
            used += cw
        return out + "…" + " " * (w - used - 1)

    lines = [" | ".join(fit(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
