"""Production builds keep their compressed copies (speed/compress_cache.py):
a file whose bytes were compressed by an earlier build gets the kept copies,
the copies are the ones output/compress.py makes, and the cache holds only
what the last build used."""

import pytest
from clinic.output import compress
from clinic.speed import compress_cache


@pytest.fixture
def compressed(monkeypatch):
    """The files really compressed (not answered from the cache)."""
    seen = []
    original = compress.copies

    def counting(data):
        seen.append(data)
        return original(data)

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
    compress_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    assert len(compressed) == len(PAGES)
    compressed.clear()
    edited = {**PAGES, "page-2.html": "<p>" + "an edited page " * 80 + "</p>"}
    compress_cache.compress_kept(site(tmp_path / "two", edited), settings)
    assert compressed == [edited["page-2.html"].encode()]
    # The same copies as the speed part off makes, one file at a time.
    compress.compress_inline(site(tmp_path / "inline", edited), {})
    assert copies_of(tmp_path / "two") == copies_of(tmp_path / "inline")
    assert len(copies_of(tmp_path / "two")) == 2 * len(PAGES)


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path, compressed):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    compress_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    compress_cache.compress_kept(
        site(tmp_path / "two", {"other.html": "<p>other</p>" * 50}), settings
    )
    compressed.clear()
    compress_cache.compress_kept(site(tmp_path / "three", PAGES), settings)
    assert len(compressed) == len(PAGES)


def test_copies_made_by_another_recipe_are_not_reused(tmp_path, compressed, monkeypatch):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    compress_cache.compress_kept(site(tmp_path / "one", PAGES), settings)
    monkeypatch.setattr(compress, "RECIPE", compress.RECIPE + " but other levels")
    compressed.clear()
    compress_cache.compress_kept(site(tmp_path / "two", PAGES), settings)
    assert len(compressed) == len(PAGES)


def test_an_unreadable_cache_is_ignored(tmp_path, compressed):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / compress_cache.CACHE_FILE).write_bytes(b"not a pickle")
    compress_cache.compress_kept(site(tmp_path / "one", PAGES), {"CACHE_PATH": str(cache)})
    assert len(compressed) == len(PAGES)
    assert len(copies_of(tmp_path / "one")) == 2 * len(PAGES)
