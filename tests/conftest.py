"""Shared fixtures: the bundled article built once per session, and a file writer for tmp dirs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.build import build
from kg.ingest.reader import bundled_article


@pytest.fixture(scope="session")
def bundled() -> Path:
    """The article shipped in the package (what ``kg build`` builds without a PATH)."""
    path = bundled_article()
    assert path.is_file(), path
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, bundled: Path) -> Path:
    """The output folder of ``kg.build.build`` on the bundled article, built once per session.

    Tests must treat it as read-only (export, query, viz into their own tmp paths).
    """
    out = tmp_path_factory.mktemp("built") / "out"
    summary = build([bundled], out, progress=False, echo=lambda _msg: None)
    assert summary.articles == 1 and summary.skipped == 0
    return out


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write(name, text_or_bytes, encoding="utf-8") -> path of a new file under tmp_path."""

    def _write(name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path

    return _write
