"""Publishing a build's outputs all at once: staged files, a redo journal, then renames.

Each output (graph.ttl, graph.trig, the tables, graph.html, the report, the cache manifest) and
the new store version are first written under temporary names. Then one small journal file lists
every rename still to do and is itself written atomically: that write is the commit point. The
renames follow, and the journal is deleted. A build killed before the commit point leaves the
previous outputs untouched (the staged files are litter, cleaned later); one killed after it
leaves a journal that :func:`recover` replays, under the build lock, before anything else reads
or writes the folder. So the store, the exports and the tables always describe the same graph.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from kg.util import atomic_write_bytes

JOURNAL = ".kg-journal.json"


class Publication:
    """The outputs of one build, staged next to their final names until :meth:`commit`."""

    def __init__(self, out: Path):
        self.out = out
        self.renames: list[tuple[Path, Path]] = []
        self.deletes: list[Path] = []
        self.store_version: str | None = None
        self.committed = False

    def path(self, final: Path) -> Path:
        """A temporary file beside ``final`` to write the new content into."""
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
        os.close(fd)
        os.chmod(tmp, 0o644)
        self.renames.append((Path(tmp), final))
        return Path(tmp)

    def delete(self, final: Path) -> None:
        """An earlier output this build does not write: removed at the commit, so that no
        file is left that describes another graph than the store's."""
        if final.exists():
            self.deletes.append(final)

    def write_bytes(self, final: Path, data: bytes) -> None:
        tmp = self.path(final)
        with open(tmp, "wb") as fh:
            fh.write(data)

    def write_text(self, final: Path, text: str) -> None:
        self.write_bytes(final, text.encode("utf-8"))

    def commit(self) -> None:
        for tmp, _ in self.renames:  # the staged bytes reach the disk before the commit point
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        entry = {"store": self.store_version,
                 "renames": [[_rel(self.out, t), _rel(self.out, f)] for t, f in self.renames],
                 "deletes": [_rel(self.out, f) for f in self.deletes]}
        atomic_write_bytes(self.out / JOURNAL, json.dumps(entry, ensure_ascii=False).encode())
        self.committed = True
        replay(self.out, entry)

    def abandon(self) -> None:
        if self.committed:  # past the commit point the staged files belong to the journal
            return
        for tmp, _ in self.renames:
            tmp.unlink(missing_ok=True)


def _rel(out: Path, p: Path) -> str:
    return os.path.relpath(p, out)


def replay(out: Path, entry: dict) -> None:
    """Carry out a committed journal (idempotent: a rename already done is skipped)."""
    from kg.store.oxigraph import publish_store

    if entry.get("store") and (out / entry["store"]).is_dir():
        publish_store(out, entry["store"])
    for tmp, final in entry.get("renames", []):
        src = out / tmp
        if src.exists():
            os.replace(src, out / final)
    for final in entry.get("deletes", []):
        (out / final).unlink(missing_ok=True)
    (out / JOURNAL).unlink(missing_ok=True)


def recover(out: Path) -> bool:
    """Finish the publication of a build that was killed after its commit point.

    The caller holds the build lock. Returns whether there was anything to finish.
    """
    path = out / JOURNAL
    if not path.is_file():
        return False
    try:
        entry = json.loads(path.read_text("utf-8"))
    except ValueError:  # cannot happen (written atomically); a damaged one is dropped
        path.unlink(missing_ok=True)
        return False
    replay(out, entry)
    return True


def try_recover(out: Path) -> bool:
    """For commands that only read: finish a killed build's publication if no build is
    running (one that is will finish it itself). Never waits."""
    import fcntl

    if not (out / JOURNAL).is_file():
        return False
    try:
        fh = open(out / ".kg-lock", "a")  # noqa: SIM115 - closed below
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return recover(out)
    finally:
        fh.close()
