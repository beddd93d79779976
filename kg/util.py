"""Small shared helpers: atomic writes (never leave a half-written output behind)."""

from __future__ import annotations

import itertools
import os
from array import array
from pathlib import Path

# Numbers the temporary files of this process. tempfile.mkstemp draws random names and costs
# several times more; a build writes one file per article, so the pid and a counter it is.
_TMP_SEQ = itertools.count()
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _create_tmp(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (named ``.NAME.PID-N.tmp``, which cleanup code
    recognizes by its ``.tmp`` end), opened for writing; creates the folder if need be."""
    folder = str(path.parent)
    while True:
        tmp = os.path.join(folder, f".{path.name}.{os.getpid()}-{next(_TMP_SEQ)}.tmp")
        try:
            return os.open(tmp, _TMP_FLAGS, 0o600), tmp
        except FileExistsError:  # left by a killed process that had this pid: next number
            continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(tmp, _TMP_FLAGS, 0o600), tmp


def atomic_write_bytes(path: Path, data: bytes, *, fsync: bool = True) -> None:
    fd, tmp = _create_tmp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def json_by_line(data: dict) -> bytes:
    """``data`` as JSON with each top-level member, and each item of a top-level list or
    object, on a line of its own (sorted keys, UTF-8, newline at the end).

    Readable and diffable as indented JSON is, but written by the json module's C encoder:
    given ``indent`` it falls back to its pure-Python one, which took 0.4 s for the manifest of
    a 10,000-article build (the whole cost of that file in an incremental build)."""
    import json

    def dump(v: object) -> str:
        return json.dumps(v, ensure_ascii=False, sort_keys=True)

    members = []
    for k in sorted(data):
        v = data[k]
        if isinstance(v, dict) and v:
            # one encoder call per entry: {"a": b} written whole, its braces cut off
            inner = ",\n".join(f"  {dump({a: b})[1:-1]}" for a, b in sorted(v.items()))
            members.append(f" {dump(k)}: {{\n{inner}\n }}")
        elif isinstance(v, list) and v:
            inner = ",\n".join(f"  {dump(x)}" for x in v)
            members.append(f" {dump(k)}: [\n{inner}\n ]")
        else:
            members.append(f" {dump(k)}: {dump(v)}")
    return ("{\n" + ",\n".join(members) + "\n}\n").encode("utf-8")


# -- packed indexes ----------------------------------------------------------------------------
# The indexes an incremental build reads and rewrites whole (the tables' and the kept answers'
# byte ranges per article or part): a JSON head line, then sections of strings (joined by
# PACK_SEP, UTF-8) and of 8-byte integers. Parsing 100,000 entries of JSON cost tenths of a
# second each way; strings split and arrays load at C speed, and unchanged runs are copied as
# slices.

PACK_SEP = "\x1e"  # (a record separator: in no id, key or cell)


def packed_bytes(head: dict, strings: dict[str, list[str]], arrays: dict[str, array]) -> bytes:
    """``head`` (JSON-able, read back as is) with the named sections, as :func:`read_packed`
    reads them."""
    import json
    import sys

    blobs = [(name, "s", len(items), PACK_SEP.join(items).encode("utf-8"))
             for name, items in strings.items()]
    blobs += [(name, "q", len(arr), arr.tobytes()) for name, arr in arrays.items()]
    head = {**head, "byteorder": sys.byteorder,
            "sections": [[name, kind, n, len(data)] for name, kind, n, data in blobs]}
    return b"".join([json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode(),
                     b"\n", *(data for *_, data in blobs)])


def write_packed(path: Path | str, head: dict, strings: dict[str, list[str]],
                 arrays: dict[str, array]) -> None:
    with open(path, "wb") as fh:
        fh.write(packed_bytes(head, strings, arrays))


def read_packed(path: Path | str) -> tuple[dict, dict[str, list[str]], dict[str, array]] | None:
    """(head, strings, arrays) of a file :func:`write_packed` wrote; None when it is missing,
    cut short, damaged or written on a machine of the other byte order."""
    import json
    import sys

    try:
        with open(path, "rb") as fh:
            head = json.loads(fh.readline())
            if head.get("byteorder") != sys.byteorder:
                return None
            strings: dict[str, list[str]] = {}
            arrays: dict[str, array] = {}
            for name, kind, n, size in head["sections"]:
                data = fh.read(size)
                if len(data) != size:
                    return None
                if kind == "s":
                    items = data.decode("utf-8").split(PACK_SEP) if n else []
                    if len(items) != n:
                        return None
                    strings[name] = items
                else:
                    arr = array("q")
                    arr.frombytes(data)
                    if len(arr) != n:
                        return None
                    arrays[name] = arr
            if fh.read(1):
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return head, strings, arrays


def packed_head(path: Path | str) -> dict | None:
    """The head of a packed file alone (its first line), or None."""
    import json

    try:
        with open(path, "rb") as fh:
            return json.loads(fh.readline())
    except (OSError, ValueError):
        return None


def copy_range(src, dst, start: int, length: int) -> None:
    """Copy ``length`` bytes of ``src`` from ``start`` to the end of ``dst`` (both binary
    files): in the kernel where it can (copy_file_range, no bytes through Python), else in
    1 MB chunks. How the incremental writers (tables, kept answers, graph.ttl/graph.trig)
    carry unchanged blocks over from the previous file."""
    if length > 0 and hasattr(os, "copy_file_range"):
        dst.flush()
        while length > 0:
            try:
                n = os.copy_file_range(src.fileno(), dst.fileno(), length, start)
            except OSError:
                break  # not supported here: the rest through Python
            if n == 0:
                raise OSError("source file shorter than its index")
            start += n
            length -= n
        else:
            return
        dst.seek(0, os.SEEK_END)
    src.seek(start)
    while length > 0:
        chunk = src.read(min(length, 1 << 20))
        if not chunk:
            raise OSError("source file shorter than its index")
        dst.write(chunk)
        length -= len(chunk)


class BlockRuns:
    """Blocks kept from the previous version of block files (one block per article or graph,
    every file in the same order), copied a run of consecutive blocks at a time: the tables
    and graph.ttl/graph.trig rewrite only what changed this way.

    ``sources`` and ``handles``: the previous and the new file of each name; ``starts``: where
    each previous block starts in its file (a running sum of the sizes, header first);
    ``columns``: per-block numbers of the index (old array, new array) carried over as
    slices with the blocks."""

    def __init__(self, sources: dict, handles: dict, starts: dict, columns: dict) -> None:
        self.sources, self.handles, self.starts, self.columns = sources, handles, starts, columns
        self.run: list[int] = []  # old positions of consecutive kept blocks

    def keep(self, i: int) -> None:
        """Keep the previous block at position ``i`` (after the ones kept before it)."""
        if self.run and self.run[-1] != i - 1:
            self.flush()
        self.run.append(i)

    def flush(self) -> None:
        """Copy the run of kept blocks now (before a new block is written, and at the end)."""
        if not self.run:
            return
        first, last = self.run[0], self.run[-1] + 1
        for name, src in self.sources.items():
            start = self.starts[name]
            copy_range(src, self.handles[name], start[first], start[last] - start[first])
        for old, new in self.columns.values():
            new.extend(old[first:last])
        self.run.clear()
