"""The .br and .gz copies of a production site's text files (output/compress.py):
every text type a host serves compressed gets both, each decompresses to the
file, and nothing else is touched."""

import gzip
import random

import brotli
from clinic.output import compress

NOISE = random.Random(19).randbytes(1024)


def make_site(root):
    files = {
        "index.html": b"<p>" + b"a page about care " * 200 + b"</p>",
        "feeds/all.atom.xml": b"<feed>" + b"<entry>a long feed</entry>" * 20_000 + b"</feed>",
        "theme/css/site.css": b"body{color:#123}" * 50,
        "robots.txt": b"User-agent: *\nDisallow: /drafts/\n" * 4,
        "tiny.html": b"<p>hi</p>",  # under MIN_SIZE
        "random.json": NOISE,  # its copies would be larger than it is
        "images/photo.jpg": b"\xff\xd8" + b"jpeg" * 100,  # not a text type
        "pagefind/fragment/en_1.pf_fragment": b"already gzip" * 50,
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def copies_in(root):
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in (".br", ".gz")
    )


def test_each_text_file_gets_copies_that_decompress_to_it(tmp_path):
    files = make_site(tmp_path)
    compress.compress_inline(compress.files_to_compress(tmp_path), {})
    assert copies_in(tmp_path) == sorted(
        f"{name}{suffix}"
        for name in ("index.html", "feeds/all.atom.xml", "theme/css/site.css", "robots.txt")
        for suffix in (".br", ".gz")
    )
    for name in ("index.html", "feeds/all.atom.xml", "robots.txt"):
        path = tmp_path / name
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == files[name]
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == files[name]


def test_large_files_get_the_quicker_brotli_level_and_the_rest_the_best(tmp_path):
    small = b"<p>" + b"care and calm " * 300 + b"</p>"
    large = small * (compress.LARGE // len(small) + 1)
    files = {"page.html": small, "feeds/all.atom.xml": large, "sitemap.xml": large}
    # Scripts and stylesheets get the best at any size: the same bytes every build.
    files |= {"admin/decap-cms.js": large, "theme/css/site.css": large}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    compress.compress_inline(compress.files_to_compress(tmp_path), {})
    quality = {"page.html": 11, "feeds/all.atom.xml": 9, "sitemap.xml": 9}
    quality |= {"admin/decap-cms.js": 11, "theme/css/site.css": 11}
    for name, data in files.items():
        made = (tmp_path / f"{name}.br").read_bytes()
        assert made == brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality[name]), name


def test_gzip_copies_are_the_same_bytes_on_every_build():
    data = b"the same page " * 100
    assert compress.gzip_copy(data) == compress.gzip_copy(data)
    assert gzip.decompress(compress.gzip_copy(data)) == data


def test_a_copy_that_would_not_be_smaller_is_not_written_and_an_old_one_goes(tmp_path):
    page = tmp_path / "noise.json"
    page.write_bytes(NOISE)
    stale = tmp_path / "noise.json.br"
    stale.write_bytes(b"left by an earlier build")
    compress.compress_inline([page], {})
    assert not stale.exists()
    assert not (tmp_path / "noise.json.gz").exists()


def test_largest_files_come_first(tmp_path):
    make_site(tmp_path)
    found = compress.files_to_compress(tmp_path)
    sizes = [path.stat().st_size for path in found]
    assert sizes == sorted(sizes, reverse=True)
    assert found[0].name == "all.atom.xml"
