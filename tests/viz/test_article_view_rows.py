"""graph.html is drawn from rows kept per article: they must make the view the store makes."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.build import VIEW_ROWS, _view_rows, build
from kg.store.cache import ArticleCache
from kg.store.oxigraph import open_store
from kg.viz.views import assemble_view, build_view

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def test_rows_kept_per_article_draw_the_stores_view(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    names = sorted(p.name for p in ARTICLES.iterdir())[::6]  # every kind of report and form
    for name in names:
        shutil.copy(ARTICLES / name, src / name)
    out = tmp_path / "out"
    build([src], out, progress=False, html=True, export=False, echo=lambda _m: None)
    cache = ArticleCache(out)
    assert all(VIEW_ROWS in cache.rows(d) for d in cache.entries)
    kept = assemble_view(_view_rows(cache), "all")
    whole = build_view(open_store(out), "all")
    assert sorted(kept[0], key=repr) == sorted(whole[0], key=repr)
    assert sorted(kept[1], key=repr) == sorted(whole[1], key=repr)
    assert len(kept[1]) > 100


def test_articles_cached_without_view_rows_get_them_from_their_triples(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a01.txt", "c05.txt"):
        shutil.copy(ARTICLES / name, src / name)
    out = tmp_path / "out"
    build([src], out, progress=False, html=False, echo=lambda _m: None)
    cache = ArticleCache(out)
    assert not any(VIEW_ROWS in cache.rows(d) for d in cache.entries)
    build([src], out, progress=False, html=True, echo=lambda _m: None)
    html = (out / "graph.html").read_text("utf-8")
    whole = build_view(open_store(out), "all")
    assert all(n.id in html for n in whole[0][:20])
