"""Per-article fact cache: what makes builds incremental, resumable and removable.

Each article's triples are kept as one N-Triples file, named by a key made of the article's id,
the SHA-256 of its bytes and the version of the extractors (a digest of the package's code and
data); two comment lines at its head hold the article's encoding and fact counts, and its
table rows. A build extracts only articles whose key has no file yet; an interrupted build leaves
complete files behind (each is written atomically), so the next build picks up where it stopped.
The manifest lists which articles the graph holds; ``kg remove`` and ``kg build --sync`` edit it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from array import array
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.util import atomic_write_bytes, packed_bytes, read_packed

CACHE_DIR = ".kg-cache"
MANIFEST = "manifest"  # packed (kg.util.packed_bytes): one column per field
LEGACY_MANIFEST = "manifest.json"  # what kg wrote before; read once, then replaced
TABLES_INDEX = "tables.index"  # where each article's rows are in the tables (kg.util packed)
EXPORTS_INDEX = "exports.index"  # the graphs' blocks in graph.ttl and graph.trig (kg.store.dump)
#: The layout of an article's cache file, part of its key: a cache written in another layout
#: (format 1 kept the rows in a second file) is never read, only pruned.
CACHE_FORMAT = 2
_META = "# kg "
_ROWS = "# rows "


# What shapes an article's triples: reading, lexicons, extractors, resolution, mapping.
_FACT_MODULES = ("ingest", "lexicon", "extract", "resolve", "rdf", "query")
_FACT_FILES = ("pipeline.py", "model.py")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the code and data that shape the facts (not of the CLI, store or views)."""
    h = hashlib.sha256()
    root = resources.files("kg")
    stack = [root / m for m in _FACT_MODULES]
    files = [root / f for f in _FACT_FILES]
    while stack:
        d = stack.pop()
        for item in d.iterdir():
            if item.is_dir():
                if item.name not in ("__pycache__",):
                    stack.append(item)
            elif item.name.endswith((".py", ".csv", ".tsv", ".txt", ".rq")):
                files.append(item)
    for item in sorted(files, key=lambda p: str(p)):
        h.update(str(item).rsplit("kg", 1)[-1].encode())
        h.update(item.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Entry:
    key: str
    sha256: str
    source: str
    encoding: str
    counts: dict[str, int] = field(default_factory=dict)
    # The file's size and modification time when its bytes were hashed: a file whose stat
    # still says the same is not read again (as git and make decide). -1: hash it anyway.
    size: int = -1
    mtime_ns: int = -1


class ArticleCache:
    def __init__(self, out: Path):
        self.dir = out / CACHE_DIR
        self.entries: dict[str, Entry] = {}
        # The store version the manifest was published with (see kg.store.journal): when the
        # build starts from that version, the store holds exactly the graphs of ``loaded``.
        self.store: str | None = None
        self._written: set[str] = set()  # keys of the files this build wrote
        loaded = _read_manifest(self.dir / MANIFEST)
        if loaded is None and (self.dir / LEGACY_MANIFEST).is_file():
            loaded = _read_legacy_manifest(self.dir / LEGACY_MANIFEST)
        if loaded is not None:  # (a damaged manifest: articles are looked up by their bytes)
            self.entries, self.store = loaded
        # The entries as the manifest had them. Entries are replaced, never changed in place,
        # so ``entries[d] is loaded[d]`` says article d is as it was.
        self.loaded: dict[str, Entry] = dict(self.entries)

    @staticmethod
    def key(doc_id: str, sha256: str) -> str:
        raw = f"{doc_id}\x1f{sha256}\x1f{extractor_version()}\x1f{CACHE_FORMAT}".encode()
        return hashlib.sha256(raw).hexdigest()[:32]

    def _file(self, key: str) -> Path:
        return self.dir / "articles" / f"{key}.nt"

    def has(self, key: str) -> bool:
        return self._file(key).is_file()

    def put(self, key: str, ntriples: bytes, meta: dict, rows: str) -> None:
        """``ntriples``: UTF-8. ``rows``: the article's table rows as JSON (see
        kg.query.tables.article_rows), kept as a comment line at the head of the triples file:
        one file per article, not two, because creating files is what the build's main process
        spends most on here."""
        # No fsync: a cache file lost to a power cut costs a re-extraction, not the graph, and
        # a sync per article would cost more than extracting it.
        if "\n" in rows or "\r" in rows:  # json.dumps never writes these; a line must hold it
            raise ValueError("table rows must be JSON on one line")
        head = (_META + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n"
                + _ROWS + rows + "\n")
        atomic_write_bytes(self._file(key), head.encode("utf-8") + ntriples, fsync=False)
        self._written.add(key)

    def _head(self, key: str) -> tuple[str, str]:
        """The first two lines of an article's file: its meta and its rows comments."""
        with open(self._file(key), encoding="utf-8", newline="\n") as fh:
            return fh.readline(), fh.readline()

    def rows(self, doc_id: str) -> dict[str, list[list[str]]]:
        return self.rows_of_key(self.entries[doc_id].key)

    def rows_of_key(self, key: str) -> dict[str, list[list[str]]]:
        _, line = self._head(key)
        if line.startswith(_ROWS):
            return json.loads(line[len(_ROWS):])
        # Format 1 kept the rows in a file of their own. A manifest can still list such an
        # article (built by an older kg and not among this build's paths).
        legacy = self.dir / "articles" / f"{key}.rows.json"
        if legacy.is_file():
            return json.loads(legacy.read_bytes())
        raise ValueError(f"{self._file(key)}: no table rows")

    def meta(self, key: str) -> dict:
        """The encoding and fact counts written with an article's triples."""
        first, _ = self._head(key)
        if first.startswith(_META):
            try:
                return json.loads(first[len(_META):])
            except ValueError:
                return {}
        return {}

    def ntriples(self, doc_id: str) -> bytes:
        """The article's file as it is: N-Triples, whose comment lines (the head) parsers
        skip."""
        return self.ntriples_path(doc_id).read_bytes()

    def ntriples_path(self, doc_id: str) -> Path:
        """The file :meth:`ntriples` reads."""
        return self._file(self.entries[doc_id].key)

    def manifest_bytes(self, store: str | None = None) -> bytes:
        """The manifest, to be published with store version ``store``: the entries in article
        order as columns (kg.util.packed_bytes). Reading and writing 100,000 entries as JSON
        cost most of what a one-article rebuild did; columns split and join at C speed."""
        docs = sorted(self.entries)
        es = [self.entries[d] for d in docs]
        kinds = sorted({k for e in es for k in e.counts})
        head = {"format": MANIFEST_FORMAT, "store": store, "version": extractor_version(),
                "kinds": kinds}
        strings = {"docs": docs, "keys": [e.key for e in es], "sha256": [e.sha256 for e in es],
                   "sources": [e.source for e in es], "encodings": [e.encoding for e in es]}
        arrays = {"size": array("q", [e.size for e in es]),
                  "mtime_ns": array("q", [e.mtime_ns for e in es])}
        for k in kinds:  # -1: the entry has no count of that kind
            arrays["count:" + k] = array("q", [e.counts.get(k, -1) for e in es])
        return packed_bytes(head, strings, arrays)

    @property
    def manifest_path(self) -> Path:
        return self.dir / MANIFEST

    @property
    def tables_index_path(self) -> Path:
        return self.dir / TABLES_INDEX

    @property
    def exports_index_path(self) -> Path:
        return self.dir / EXPORTS_INDEX

    def old_rows(self, key: str) -> dict[str, list[list[str]]] | None:
        """The rows of a version of an article that the manifest no longer lists (still on
        disk until :meth:`prune`), or None."""
        try:
            return self.rows_of_key(key)
        except (OSError, ValueError):
            return None

    def prune(self, *, everything: bool = True) -> int:
        """Delete cache files no article of the manifest uses (old versions, removed ones).

        ``everything=False``: only the files this build left unused (the old versions of the
        articles it changed or removed, and any it wrote and then dropped), without listing a
        folder of 100,000 files; what an interrupted build left is cleared by the next full
        prune (a build that re-extracted many articles)."""
        keep = {e.key for e in self.entries.values()}
        gone = 0
        folder = self.dir / "articles"
        if not everything:
            unused = ({e.key for d, e in self.loaded.items() if self.entries.get(d) is not e}
                      | self._written) - keep
            for key in sorted(unused):
                for f in (self._file(key), folder / f"{key}.rows.json"):
                    if f.exists():
                        f.unlink()
                        gone += 1
            return gone
        if folder.is_dir():
            for f in folder.iterdir():
                if f.name.split(".", 1)[0] not in keep:
                    f.unlink(missing_ok=True)
                    gone += 1
        return gone


MANIFEST_FORMAT = 1


def _read_manifest(path: Path) -> tuple[dict[str, Entry], str | None] | None:
    """The entries and store version of a manifest :meth:`ArticleCache.manifest_bytes` wrote,
    or None (missing, damaged, of another format)."""
    packed = read_packed(path)
    if packed is None:
        return None
    head, strings, arrays = packed
    try:
        if head.get("format") != MANIFEST_FORMAT:
            return None
        docs = strings["docs"]
        cols = [strings["keys"], strings["sha256"], strings["sources"], strings["encodings"]]
        counts = [arrays["count:" + k] for k in head["kinds"]]
        size, mtime = arrays["size"], arrays["mtime_ns"]
        if any(len(c) != len(docs) for c in (*cols, *counts, size, mtime)):
            return None
        kinds = head["kinds"]
        entries = {d: Entry(key, sha, src, enc,
                            {k: n for k, n in zip(kinds, ns, strict=True) if n >= 0}, sz, mt)
                   for d, key, sha, src, enc, sz, mt, *ns
                   in zip(docs, *cols, size, mtime, *counts, strict=True)}
        return entries, head.get("store")
    except (KeyError, TypeError, ValueError):
        return None


def _read_legacy_manifest(path: Path) -> tuple[dict[str, Entry], str | None] | None:
    """A manifest in the JSON kg wrote before (format 1 of the folder)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return ({k: Entry(**v) for k, v in data.get("articles", {}).items()},
                data.get("store"))
    except (OSError, ValueError, TypeError, KeyError):
        return None
