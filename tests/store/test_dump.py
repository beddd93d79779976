"""graph.ttl and graph.trig in blocks, one per data graph: a block depends on its graph's
triples alone, so an incremental build copies the unchanged blocks and still writes the bytes
a fresh build writes, and ``kg export`` (from the store) writes the bytes ``kg build`` wrote."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.build import build, remove
from kg.cli import main
from kg.rdf.serialize import from_ox
from kg.store import dump
from kg.store.cache import CACHE_DIR, EXPORTS_INDEX
from kg.store.oxigraph import NOT_IN_UNION, open_store
from tests.test_incremental import ARTICLES

FILES = ("graph.ttl", "graph.trig")
XSD = "http://www.w3.org/2001/XMLSchema#"


def _meeting(city: str, secretary: str, day: int, extra: str = "") -> str:
    """An invented meeting report: the same mayor's name in every city, namesake secretaries
    (the resolution graph links them) and cities that several reports name."""
    return (f"会议\n2023年5月{day}日,{city}召开全市安全生产工作会议。"
            f"市委书记{secretary}主持会议,市长王海涛出席。{extra}\n")


def _corpus(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a01.txt", "a04.txt", "a05.txt", "b16.txt"):
        shutil.copy(ARTICLES / name, src / name)
    (src / "m1.txt").write_text(_meeting("苏州市", "张伟", 6), "utf-8")
    (src / "m2.txt").write_text(_meeting("无锡市", "张伟", 7), "utf-8")
    (src / "m3.txt").write_text(_meeting("苏州市", "李强", 9, "全市地区生产总值达到1200亿元。"),
                                "utf-8")
    return src


def _build(paths, out: Path, **kw):
    return build(paths, out, progress=False, html=False, echo=lambda _m: None, **kw)


def _fresh(tmp_path: Path, paths, name: str) -> Path:
    out = tmp_path / name
    _build(paths, out)
    return out


def _same_files(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture
def serialized(monkeypatch) -> list[str]:
    """The cache files whose blocks a build serialized (the others were copied)."""
    made: list[str] = []
    real = dump.file_bodies

    def spy(paths: list[str]) -> list[bytes]:
        made.extend(paths)
        return real(paths)

    monkeypatch.setattr(dump, "file_bodies", spy)
    return made


def _graph_count(out: Path) -> int:
    return len(dump.data_graphs(open_store(out)))


def test_a_rebuild_after_a_change_writes_only_that_article_and_a_fresh_builds_bytes(
        tmp_path: Path, serialized: list[str]) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    assert len(serialized) == 7  # a full build: every article's block
    serialized.clear()
    m2 = src / "m2.txt"
    m2.write_text(_meeting("无锡市", "张伟", 7, "副市长李明陪同。"), "utf-8")
    _build([src], out)
    assert len(serialized) == 1 and serialized[0].endswith(".nt")  # m2 alone (from the cache)
    _same_files(out, _fresh(tmp_path, [src], "fresh1"))
    # the resolution graph has a block of its own in both files
    assert b"/graph/_resolution> {" in (out / "graph.trig").read_bytes()
    assert b"# <https://w3id.org/cnpolkg/id/graph/_resolution>" in (out / "graph.ttl").read_bytes()


def test_remove_and_sync_give_a_fresh_builds_bytes(tmp_path: Path, serialized: list[str]
                                                   ) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    serialized.clear()
    remove(out, ["m1.txt"], html=False)
    assert serialized == []  # nothing new to write: the other blocks copied
    kept = [p for p in sorted(src.iterdir()) if p.name != "m1.txt"]
    _same_files(out, _fresh(tmp_path, kept, "fresh1"))
    (src / "m1.txt").unlink()
    (src / "a04.txt").unlink()
    serialized.clear()
    _build([src], out, sync=True)
    assert serialized == []
    _same_files(out, _fresh(tmp_path, [src], "fresh2"))
    assert _graph_count(out) == 6  # five articles and the resolution graph


@pytest.mark.parametrize("damage", ["truncate", "append", "same size"])
def test_an_edited_export_is_noticed_and_written_whole(tmp_path: Path, serialized: list[str],
                                                       damage: str) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    trig = out / "graph.trig"
    data = trig.read_bytes()
    stat = trig.stat()
    if damage == "truncate":
        trig.write_bytes(data[:len(data) // 2])
    elif damage == "append":
        trig.write_bytes(data + b"# a user's note\n")
    else:  # the same size, a later time
        trig.write_bytes(data.replace(b"{\n", b"{ ", 1))
        os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    serialized.clear()
    (src / "m3.txt").write_text(_meeting("苏州市", "李强", 9), "utf-8")
    _build([src], out)
    assert len(serialized) == 7  # every block written anew, none copied from the damaged file
    _same_files(out, _fresh(tmp_path, [src], "fresh"))


def test_no_export_drops_the_files_and_their_index(tmp_path: Path, serialized: list[str]
                                                   ) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    index = out / CACHE_DIR / EXPORTS_INDEX
    assert index.is_file()
    _build([src], out, export=False)
    assert not index.exists() and not any((out / n).exists() for n in FILES)
    serialized.clear()
    _build([src], out)
    assert len(serialized) == 7
    _same_files(out, _fresh(tmp_path, [src], "fresh"))


def _default_graph(out: Path) -> set:
    store = open_store(out).store
    return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def test_the_files_parse_to_the_stores_graphs(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    (src / "a05.txt").unlink()
    (src / "m2.txt").write_text(_meeting("无锡市", "李强", 8), "utf-8")
    _build([src], out, sync=True)  # an incremental build: copied and new blocks
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    assert set(ttl) == _default_graph(out)
    # a triple several articles hold is in each of their blocks, and in the graph once
    text = (out / "graph.ttl").read_text("utf-8")
    assert text.count('"苏州市"@zh') >= 2
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    store = open_store(out).store
    names = {str(g.value) for g in store.named_graphs() if g not in NOT_IN_UNION}
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == names
    for name in names:
        want = {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))}
        assert set(ds.graph(name)) == want, name


def test_kg_export_writes_the_bytes_kg_build_wrote(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    (src / "m1.txt").write_text(_meeting("苏州市", "张伟", 16), "utf-8")
    _build([src], out)  # incremental: the files are partly copied blocks
    for fmt, name in (("turtle", "graph.ttl"), ("trig", "graph.trig")):
        target = tmp_path / f"export.{fmt}"
        assert main(["export", "--graph", str(out), "--format", fmt, "--out", str(target)]) == 0
        assert target.read_bytes() == (out / name).read_bytes(), fmt


def test_kg_export_turtle_after_an_update_is_the_default_graph(tmp_path: Path) -> None:
    """A SPARQL Update changes the default graph apart from the article graphs: the export
    then writes the default graph (what queries see), not the article blocks."""
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    _build([src], out)
    update = ('INSERT DATA { <https://w3id.org/cnpolkg/id/note/1> '
              '<http://www.w3.org/2000/01/rdf-schema#comment> "一条备注"@zh }')
    assert main(["query", "--graph", str(out), "--update", update]) == 0
    target = tmp_path / "after.ttl"
    assert main(["export", "--graph", str(out), "--format", "turtle", "--out", str(target)]) == 0
    assert set(Graph().parse(target, format="turtle")) == _default_graph(out)
    assert "一条备注" in target.read_text("utf-8")


def _store_spelling(ntriples: bytes) -> bytes:
    store = ox.Store()
    g = ox.NamedNode("urn:g")
    store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)


def test_a_block_is_the_same_from_the_cache_spelling_and_the_stores() -> None:
    """The cache keeps a literal as the mapper wrote it ("1.0"^^xsd:decimal, "07"^^xsd:int);
    the store keeps its value ("1"^^xsd:decimal, "7"^^xsd:integer)."""
    lines = [b'<urn:s> <urn:p> "1.0"^^<' + XSD.encode() + b'decimal> .',
             b'<urn:s> <urn:p> "07"^^<' + XSD.encode() + b'int> .',
             b'<urn:s> <urn:q> "\xe8\x8b\x8f\xe5\xb7\x9e \\"x\\"^^<y>"@zh .',
             b'<urn:s> <urn:q> "2023-05-06"^^<' + XSD.encode() + b'date> .',
             b'<urn:t> <urn:p> <urn:s> .']
    cache = b"# kg {}\n# rows {}\n" + b"\n".join([*lines, lines[0]]) + b"\n"
    from_store = _store_spelling(cache)
    assert b'"1"^^' in from_store and b'"1.0"' not in from_store  # (what the test is about)
    body = dump.turtle_body(cache)
    assert body == dump.turtle_body(from_store)
    assert body == dump.turtle_body(b"\n".join(reversed(lines)) + b"\n")
    assert not body.startswith(b"@prefix") and body.endswith(b" .\n")
    assert dump.turtle_body(b"# kg {}\n# rows {}\n") == b""
    assert dump.block("trig", "urn:g", b"") == b"" == dump.block("turtle", "urn:g", b"")
