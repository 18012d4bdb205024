"""Local previews cache Markdown output (Pelican's reader layer) and the
plugin's body steps (speed/read/body_cache.py: typogrify, links, opening, scan): a
rebuild works out nothing again for a body that did not change, writes the
same pages, and drops the caches when inputs outside the article change.
Production builds keep them too (CI keeps cache/ from one run to the next),
comparing files by their bytes, since CI's fresh clone gives every file a new
time."""

import os

import pytest
from clinic.body import steps
from clinic.speed.read import body_cache
from clinic.speed.state import STATE as SPEED
from fixture_site import article, make_content
from pelican.readers import Readers
from sitebuilder import build, html_pages, soup, text

from pelicanconf import CACHE_CONTENT, CONTENT_CACHING_LAYER, LOAD_CONTENT_CACHE
from publishconf import CHECK_MODIFIED_METHOD

ARTICLES = {
    "first": article("First") + "\n![A quiet room]({static}/images/hero.jpg)\n",
    "second": article("Second"),
}


def test_local_and_production_settings_cache_content():
    assert CACHE_CONTENT and LOAD_CONTENT_CACHE
    # The generator layer pickles the whole context with each article and
    # fails with RecursionError on large sites (benchmarks/build.md).
    assert CONTENT_CACHING_LAYER == "reader"
    assert CHECK_MODIFIED_METHOD == "sha256"  # production: by bytes, not times


@pytest.fixture
def typogrified(monkeypatch):
    """The bodies the body steps really ran on (not answered from the cache)."""
    seen = []
    original = steps.compute

    def counting(fragment, siteurl):
        seen.append(fragment)
        return original(fragment, siteurl)

    monkeypatch.setattr(steps, "compute", counting)
    SPEED.bodies.clear()  # as in a new process
    return seen


def cached_build(root, output, conf="pelicanconf.py", **settings):
    SPEED.reset()  # each build as a new process: only the disk cache
    return build(
        root / output,
        root / "content",
        conf=conf,
        CACHE_PATH=str(root / "cache"),
        CLINIC_IMAGE_CACHE=str(root / "image-cache"),
        **settings,
    )


def pages_of(site):
    return {str(p.relative_to(site)): p.read_text() for p in html_pages(site)}


def test_rebuild_from_cache_writes_the_same_site(tmp_path, typogrified):
    make_content(tmp_path / "content", ARTICLES)
    first = cached_build(tmp_path, "one")
    documents = len(typogrified)
    assert documents >= 4  # two articles and the fixture's pages
    typogrified.clear()
    second = cached_build(tmp_path, "two")
    assert typogrified == [], "nothing is read or typogrified again"
    assert pages_of(second) == pages_of(first)
    # The cached article's image variants are still copied into the new output.
    picture = soup(second, "blog/first/").find(class_="prose").picture
    for source in picture.find_all("source"):
        for entry in source["srcset"].split(", "):
            assert (second / entry.split(" ")[0].lstrip("/")).is_file(), entry


def test_an_edit_rereads_only_that_article(tmp_path, typogrified):
    make_content(tmp_path / "content", ARTICLES)
    cached_build(tmp_path, "one")
    source = tmp_path / "content" / "articles" / "second.md"
    source.write_text(source.read_text() + "\nA new paragraph.\n")
    typogrified.clear()
    site = cached_build(tmp_path, "two")
    assert len(typogrified) == 1
    assert "A new paragraph." in text(soup(site, "blog/second/").find(class_="prose"))


def test_changed_authors_file_drops_the_cache(tmp_path, typogrified):
    make_content(tmp_path / "content", ARTICLES)
    cached_build(tmp_path, "one")
    authors = tmp_path / "content" / "authors.yml"
    authors.write_text(authors.read_text().replace("Ann Writer", "Ann Renamed"))
    typogrified.clear()
    site = cached_build(tmp_path, "two")
    assert typogrified, "articles were read again"
    assert "Ann Renamed" in text(soup(site, "blog/first/").find(class_="article__byline"))


def test_production_after_a_fresh_clone_rereads_only_the_edited_article(
    tmp_path, typogrified, monkeypatch
):
    converted = []  # the files Pelican's reader cache did not answer for
    original = Readers.cache_data
    monkeypatch.setattr(
        Readers,
        "cache_data",
        lambda readers, path, data: (
            converted.append(os.path.basename(path)) or original(readers, path, data)
        ),
    )
    make_content(tmp_path / "content", ARTICLES)
    newsletter = {"provider": "buttondown", "username": "clinic"}
    first = cached_build(tmp_path, "one", "publishconf.py", NEWSLETTER=newsletter)
    assert len(typogrified) >= 4
    # CI's next run: the same files with new times, and one article edited.
    for path in (tmp_path / "content").rglob("*"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    source = tmp_path / "content" / "articles" / "second.md"
    source.write_text(source.read_text() + "\nA new paragraph.\n")
    typogrified.clear()
    converted.clear()
    second = cached_build(tmp_path, "two", "publishconf.py", NEWSLETTER=newsletter)
    assert [name for name in converted if name.endswith(".md")] == ["second.md"]
    assert len(typogrified) == 1 and "A new paragraph." in typogrified[0]
    assert "A new paragraph." in text(soup(second, "blog/second/").find(class_="prose"))
    unchanged = pages_of(first)
    assert pages_of(second)["blog/first/index.html"] == unchanged["blog/first/index.html"]


def test_one_edit_writes_one_kept_body_and_a_changed_input_all(tmp_path, typogrified):
    make_content(tmp_path / "content", ARTICLES)
    cached_build(tmp_path, "one")
    folder = tmp_path / "cache" / body_cache.FOLDER

    def kept():
        return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}

    before = kept()
    assert len(before) == len(typogrified)
    source = tmp_path / "content" / "articles" / "second.md"
    source.write_text(source.read_text() + "\nA new paragraph.\n")
    cached_build(tmp_path, "two")
    after = kept()
    assert len(after.keys() - before.keys()) == 1 and len(before.keys() - after.keys()) == 1
    assert all(after[name] == before[name] for name in after.keys() & before.keys())
    # What was kept under other inputs is never read again: every body is made anew.
    authors = tmp_path / "content" / "authors.yml"
    authors.write_text(authors.read_text().replace("Ann Writer", "Ann Renamed"))
    cached_build(tmp_path, "three")
    again = kept()
    assert again.keys() == after.keys()
    assert all(again[name] != after[name] for name in again)


def test_what_a_stopped_build_left_half_written_is_ignored(tmp_path, typogrified):
    make_content(tmp_path / "content", ARTICLES)
    cached_build(tmp_path, "one")
    folder = tmp_path / "cache" / body_cache.FOLDER
    kept = sorted(folder.iterdir())
    (folder / f"{kept[0].name}.partial").write_bytes(b"half a pick")
    kept[1].write_bytes(b"not a pickle")
    typogrified.clear()
    cached_build(tmp_path, "two")
    assert len(typogrified) == 1  # the unreadable one, made again
    assert not list(folder.glob("*.partial"))
