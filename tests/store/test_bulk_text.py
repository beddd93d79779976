"""StoreWriter copies an article's N-Triples into the bulk loader's N-Quads with byte-string
operations (kg.store.oxigraph._as_both_graphs); the quads must be those of the line-by-line
copy it replaces, whatever the text's comments, empty lines and spacing."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.oxigraph import _as_both_graphs

TAIL = b" <https://w3id.org/cnpolkg/id/graph/a.txt> .\n"
A = b'<http://x/a> <http://x/b> <http://x/c> .\n'
B = b'<http://x/a> <http://x/b> "a .\\nb \\" ." .\n'


def _line_by_line(nt: bytes) -> list[bytes]:
    out = []
    for line in nt.splitlines():
        if line and not line.startswith(b"#"):
            out += [line + b"\n", line.rstrip()[:-1].rstrip() + TAIL]
    return out


@pytest.mark.parametrize("nt", [
    b"", A, A + B, A.rstrip(b"\n"), b"# kg {}\n# rows {}\n" + A + B, b"# only a head\n",
    b"#a\n#b", b"\n\n" + A + b"\n# inside\n" + B + b"\n", A.replace(b" .", b"  ."),
])
def test_same_quads_as_line_by_line(nt: bytes) -> None:
    result = _as_both_graphs(nt, TAIL)
    assert result is not None
    text, count = result
    expected = b"".join(_line_by_line(nt))
    assert count == len(_line_by_line(nt))
    assert sorted(ox.parse(text, format=ox.RdfFormat.N_QUADS), key=str) == \
        sorted(ox.parse(expected, format=ox.RdfFormat.N_QUADS), key=str)


@pytest.mark.parametrize("nt", [A.replace(b" .\n", b" . \n"), A.replace(b"\n", b"\r\n")])
def test_other_shapes_are_left_to_the_caller(nt: bytes) -> None:
    assert _as_both_graphs(nt, TAIL) is None
