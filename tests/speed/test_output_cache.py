"""Production builds keep their minified pages, compressed copies and page
scans (speed/output_cache.py): a file whose bytes an earlier build handled
gets what was kept, which is what output/minify.py, output/compress.py and
checks/output.py make, and the cache holds only what the last build used."""

import pytest
from clinic.checks import output as output_check
from clinic.output import compress, minify
from clinic.seam import map_inline
from clinic.speed import output_cache, workers
from clinic.speed.state import STATE as SPEED


@pytest.fixture
def compressed(monkeypatch):
    """The files really compressed (not answered from the cache)."""
    seen = []
    original = compress.copies

    def counting(data, quality):
        seen.append(data)
        return original(data, quality)

    monkeypatch.setattr(compress, "copies", counting)
    return seen


def site(root, pages):
    root.mkdir(exist_ok=True)
    for name, text in pages.items():
        (root / name).write_text(text)
    return compress.files_to_compress(root)


def copies_of(root):
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.suffix in (".br", ".gz")}


PAGES = {f"page-{n}.html": "<p>" + f"page {n} of the site " * 80 + "</p>" for n in range(6)}


def test_unchanged_files_reuse_their_copies_and_changed_ones_are_made(tmp_path, compressed):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    assert len(compressed) == len(PAGES)
    compressed.clear()
    edited = {**PAGES, "page-2.html": "<p>" + "an edited page " * 80 + "</p>"}
    output_cache.compress_kept(site(tmp_path / "two", edited), settings)
    assert compressed == [edited["page-2.html"].encode()]
    # The same copies as the speed part off makes, one file at a time.
    compress.compress_inline(site(tmp_path / "inline", edited), {})
    assert copies_of(tmp_path / "two") == copies_of(tmp_path / "inline")
    assert len(copies_of(tmp_path / "two")) == 2 * len(PAGES)


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path, compressed):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    output_cache.compress_kept(
        site(tmp_path / "two", {"other.html": "<p>other</p>" * 50}), settings
    )
    compressed.clear()
    output_cache.compress_kept(site(tmp_path / "three", PAGES), settings)
    assert len(compressed) == len(PAGES)


def test_copies_made_by_another_recipe_are_not_reused(tmp_path, compressed, monkeypatch):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    monkeypatch.setattr(compress, "RECIPE", compress.RECIPE + " but other levels")
    compressed.clear()
    output_cache.compress_kept(site(tmp_path / "two", PAGES), settings)
    assert len(compressed) == len(PAGES)


def test_the_same_bytes_at_another_quality_are_compressed_again(tmp_path, compressed):
    # A feed and a script with the same bytes: the feed's quicker copy is not
    # the script's.
    large = "<p>" + "care and calm " * (compress.LARGE // 14 + 1) + "</p>"
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output_cache.compress_kept(site(tmp_path / "one", {"feed.xml": large}), settings)
    output_cache.compress_kept(site(tmp_path / "two", {"script.js": large}), settings)
    assert len(compressed) == 2
    compress.compress_inline(site(tmp_path / "inline", {"script.js": large}), {})
    assert copies_of(tmp_path / "two") == copies_of(tmp_path / "inline")


def test_an_unreadable_cache_is_ignored(tmp_path, compressed):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / output_cache.COPIES_FILE).write_bytes(b"not a pickle")
    output_cache.compress_kept(site(tmp_path / "one", PAGES), {"CACHE_PATH": str(cache)})
    assert len(compressed) == len(PAGES)
    assert len(copies_of(tmp_path / "one")) == 2 * len(PAGES)


def test_page_scans_are_kept_by_the_pages_bytes(tmp_path, monkeypatch):
    scanned = []
    original = output_check.scan_file
    monkeypatch.setattr(
        output_check, "scan_file", lambda path: scanned.append(path.name) or original(path)
    )
    monkeypatch.setattr(SPEED, "cache_path", str(tmp_path / "cache"))
    monkeypatch.setattr(workers, "WORKERS", 1)  # in this process, where `scanned` is
    pages = site(tmp_path / "one", PAGES)
    first = output_cache.scans_kept(pages)
    assert first == [original(page) for page in pages]
    assert len(scanned) == len(PAGES)
    scanned.clear()
    edited = {**PAGES, "page-4.html": '<title>Four</title><a href="/x/">a link</a>'}
    pages = site(tmp_path / "two", edited)
    again = output_cache.scans_kept(pages)
    assert scanned == ["page-4.html"]
    assert again == [original(page) for page in pages]


def test_pages_are_minified_once_for_their_bytes(tmp_path, monkeypatch):
    minified = []
    original = minify.minify_file
    monkeypatch.setattr(SPEED, "cache_path", str(tmp_path / "cache"))
    monkeypatch.setattr(workers, "WORKERS", 1)  # in this process, where `minified` is

    def counting(page):
        minified.append(page.name)
        original(page)

    pages = site(tmp_path / "one", PAGES)
    output_cache.minify_kept(counting, pages)
    assert sorted(minified) == sorted(PAGES)
    minified.clear()
    edited = {**PAGES, "page-1.html": "<p>  an   edited   page  </p>"}
    pages = site(tmp_path / "two", edited)
    output_cache.minify_kept(counting, pages)
    assert minified == ["page-1.html"]
    # The same bytes as the speed part off makes, one page at a time.
    inline = site(tmp_path / "inline", edited)
    map_inline(original, inline)
    assert [p.read_bytes() for p in pages] == [p.read_bytes() for p in inline]
    monkeypatch.setattr(minify, "RECIPE", minify.RECIPE + " with other options")
    minified.clear()
    output_cache.minify_kept(counting, site(tmp_path / "three", edited))
    assert len(minified) == len(PAGES)  # another recipe's pages are not reused
    recipes = list((tmp_path / "cache" / output_cache.MINIFIED_FOLDER).iterdir())
    assert len(recipes) == 1 and len(list(recipes[0].iterdir())) == len(PAGES)
