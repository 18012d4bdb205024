"""files.write_if_changed: what the page writer, kept pages, the search index,
the editor's config, _headers and _redirects write with."""

import os

from clinic.files import write_if_changed


def test_the_same_bytes_leave_the_file_and_its_time_alone(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>same</p>")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    write_if_changed(path, b"<p>same</p>")
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_other_bytes_are_written(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>old</p>")
    write_if_changed(path, b"<p>new</p>")
    assert path.read_bytes() == b"<p>new</p>"


def test_a_missing_file_is_written_with_its_folders(tmp_path):
    path = tmp_path / "blog" / "a" / "index.html"
    write_if_changed(path, b"<p>first</p>")
    assert path.read_bytes() == b"<p>first</p>"
