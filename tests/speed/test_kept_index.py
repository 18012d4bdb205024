"""livereload's search index kept between rebuilds (speed/kept_index.py):
one Pagefind for the whole session, sent only the pages that changed, and
an index byte for byte the one a full build makes of the same pages; no
thread left running between builds."""

import threading

import pytest
from clinic.output import search_index
from clinic.speed import kept_index
from fixture_site import article, make_content
from sitebuilder import build

from tasks import LIVERELOAD_SETTINGS

ARTICLES = {
    f"article-{n:02}": article(f"Article {n}", date=f"2026-01-{n + 1:02}", tags="[Sleep]")
    for n in range(6)
}


@pytest.fixture
def sent(monkeypatch):
    """The pages each index was sent, and every Pagefind started."""
    pages, started = [], []
    original_send = search_index._BuildIndex._send

    def recording(index, path, html=None):
        pages.append(path.split("/output/", 1)[-1])
        return original_send(index, path, html)

    class Recorded(search_index.PagefindService):
        def __init__(self, command):
            super().__init__(command)
            started.append(self)

    monkeypatch.setattr(search_index._BuildIndex, "_send", recording)
    monkeypatch.setattr(search_index, "PagefindService", Recorded)
    kept_index.close_session()
    yield pages, started
    kept_index.close_session()


def livereload_build(tmp_path, content):
    site = build(
        tmp_path / "output", content, CACHE_PATH=str(tmp_path / "cache"), **LIVERELOAD_SETTINGS
    )
    search_index.wait_for_background_index()
    return site


def index_files(site):
    folder = site / "pagefind"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def full_index(tmp_path, content):
    """The index a build with the speed part off writes before it returns."""
    site = build(
        tmp_path / "full",
        content,
        CLINIC_SPEED=False,
        DELETE_OUTPUT_DIRECTORY=True,
        CACHE_CONTENT=False,
        LOAD_CONTENT_CACHE=False,
        CLINIC_LIVERELOAD=True,
        CLINIC_SEARCH_INDEX=True,
        CLINIC_IMAGE_CACHE=str(tmp_path / "cache" / "images"),
    )
    return index_files(site)


def test_a_rebuild_sends_only_the_changed_page_to_the_same_pagefind(tmp_path, sent):
    pages, started = sent
    content = make_content(tmp_path / "content", ARTICLES)
    livereload_build(tmp_path, content)
    assert "blog/article-03/index.html" in pages
    pages.clear()
    edited = content / "articles" / "article-03.md"
    edited.write_text(edited.read_text().replace("Text.", "Text about sleep and rest."))
    site = livereload_build(tmp_path, content)
    assert pages == ["blog/article-03/index.html"]
    assert len(started) == 1 and started[0].running
    # Between builds Pagefind waits, and no thread of ours runs (the page
    # writers of the next build fork).
    ours = {"pagefind-answers", "search-index"}
    assert [t.name for t in threading.enumerate() if t.name in ours] == []
    assert index_files(site) == full_index(tmp_path, content)


def test_a_new_page_makes_a_new_index_of_every_page(tmp_path, sent):
    pages, started = sent
    content = make_content(tmp_path / "content", ARTICLES)
    first = livereload_build(tmp_path, content)
    indexed = len(pages)
    pages.clear()
    (content / "articles" / "article-99.md").write_text(article("A new one", date="2026-02-01"))
    site = livereload_build(tmp_path, content)
    assert len(pages) == indexed + 1
    assert len(started) == 1
    assert first == site
    assert index_files(site) == full_index(tmp_path, content)


def test_the_kept_pagefind_stops_with_python(tmp_path, sent):
    _pages, started = sent
    livereload_build(tmp_path, make_content(tmp_path / "content", ARTICLES))
    assert started[0].running
    kept_index.close_session()  # what Python runs at exit
    assert not started[0].running
    assert started[0]._process.returncode is not None
