"""One fingerprint of what a build depends on besides its source files
(speed/cache_guard.py): it keys Pelican's caches and everything the speed
part keeps, so it must change with any input a page shows, and must not
change when only the files' times do (CI checks out a fresh clone each run,
and must find what the last run kept)."""

import copy
import os
import shutil

from clinic.settings import with_defaults
from clinic.speed import cache_guard
from fixture_site import article, make_content
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from sitebuilder import ROOT


def inputs(content, **overrides):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    return cache_guard.fingerprint(with_defaults({**settings, **overrides}))


def test_new_times_on_the_same_bytes_keep_the_fingerprint(tmp_path):
    content = tmp_path / "content"
    make_content(content, {"one": article("One")})
    before = inputs(content)
    for path in content.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert inputs(content) == before
    # A clone of the same content: the same files, made again.
    shutil.copytree(content, tmp_path / "clone")
    shutil.rmtree(content)
    (tmp_path / "clone").rename(content)
    assert inputs(content) == before


def test_where_the_build_writes_and_keeps_is_not_an_input(tmp_path):
    content = tmp_path / "content"
    make_content(content, {"one": article("One")})
    before = inputs(content)
    assert inputs(content, OUTPUT_PATH="/elsewhere", CACHE_PATH="/also/elsewhere") == before
    assert inputs(content, LOAD_CONTENT_CACHE=False, CHECK_MODIFIED_METHOD="sha256") == before


def test_what_a_page_can_show_changes_the_fingerprint(tmp_path):
    content = tmp_path / "content"
    make_content(content, {"one": article("One")})
    before = inputs(content)
    assert inputs(content, SITENAME="Another clinic") != before
    assert inputs(content, MARKDOWN={"extensions": []}) != before
    authors = content / "authors.yml"
    authors.write_text(authors.read_text().replace("Ann Writer", "Ann Renamed"))
    after_authors = inputs(content)
    assert after_authors != before
    picture = next(path for path in (content / "images").rglob("*") if path.is_file())
    picture.write_bytes(picture.read_bytes() + b"\0")
    assert inputs(content) != after_authors


def test_a_processs_next_build_has_the_same_fingerprint(tmp_path):
    """Pelican's Markdown reader completes the MARKDOWN setting in place when
    a build starts: the next build in the process (livereload's) must still
    find what the first one kept."""
    content = tmp_path / "content"
    make_content(content, {"one": article("One")})
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    settings["MARKDOWN"] = copy.deepcopy(settings["MARKDOWN"])  # not the module's own
    first = cache_guard.fingerprint(with_defaults(settings))
    MarkdownReader(settings)  # as the first build's readers do
    assert cache_guard.fingerprint(with_defaults(settings)) == first
