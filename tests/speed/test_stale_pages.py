"""Local previews write over the last build (plugins/clinic/speed/write/stale_pages.py):
pages no longer built are removed, everything built is kept, and a failed
build leaves the last good one in place."""

import shutil
from pathlib import Path

import pytest
from fixture_site import article, make_content
from sitebuilder import build

from pelicanconf import DELETE_OUTPUT_DIRECTORY

ARTICLES = {"first": article("First"), "second": article("Second")}


def preview(tmp_path):
    """A livereload build: it writes the search index too."""
    return build(
        tmp_path / "output",
        tmp_path / "content",
        CACHE_PATH=str(tmp_path / "cache"),
        CLINIC_IMAGE_CACHE=str(tmp_path / "image-cache"),
        CLINIC_SEARCH_INDEX=True,
    )


def test_previews_keep_the_output_folder():
    assert DELETE_OUTPUT_DIRECTORY is False


def test_a_deleted_article_loses_its_page_and_nothing_else(tmp_path):
    make_content(tmp_path / "content", ARTICLES)
    site = preview(tmp_path)
    before = {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    assert (site / "blog" / "second" / "index.html").is_file()
    # Static files are copied, not announced as written: they must stay.
    images = tmp_path / "content" / "images"
    shutil.copy(images / "hero.jpg", images / "extra.jpg")
    old_fragment = site / "pagefind" / "fragment" / "en_left-over.pf_fragment"
    old_fragment.write_bytes(b"from an earlier index")
    (site / "blog" / "second" / "index.html.gz").write_bytes(b"a compressed copy")
    (tmp_path / "content" / "articles" / "second.md").unlink()

    preview(tmp_path)

    assert not (site / "blog" / "second").exists()
    assert not old_fragment.exists()
    assert (site / "images" / "extra.jpg").is_file()
    after = {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    gone = {str(path) for path in before - after}
    assert gone and all("second" in name or name.startswith("pagefind/") for name in gone), gone
    assert (site / "blog" / "first" / "index.html").is_file()


def test_a_failed_build_leaves_the_last_good_one(tmp_path):
    make_content(tmp_path / "content", ARTICLES)
    site = preview(tmp_path)
    page = (site / "blog" / "first" / "index.html").read_text()
    (tmp_path / "content" / "articles" / "first.md").write_text(article("First", author="nobody"))
    with pytest.raises(Exception, match="nobody"):
        preview(tmp_path)
    assert (site / "blog" / "first" / "index.html").read_text() == page
    assert (site / "index.html").is_file()


def test_a_rebuild_with_the_same_pages_does_not_search_the_folder(tmp_path, monkeypatch):
    """livereload: the last build in this process left only its own pages, so
    when this one writes the same pages none can be stale."""
    make_content(tmp_path / "content", ARTICLES)
    site = preview(tmp_path)
    searched = []
    rglob = Path.rglob
    monkeypatch.setattr(
        Path,
        "rglob",
        lambda path, pattern: searched.append((path, pattern)) or rglob(path, pattern),
    )
    first = tmp_path / "content" / "articles" / "first.md"
    first.write_text(first.read_text() + "\nA new paragraph.\n")
    preview(tmp_path)
    assert (site, "*.html") not in searched
    (tmp_path / "content" / "articles" / "second.md").unlink()
    preview(tmp_path)
    assert (site, "*.html") in searched
    assert not (site / "blog" / "second").exists()
