"""Big files that do not change are compressed once: the .br/.gz copies
pelican-precompress made are kept between production builds and put back
beside the same bytes, never beside different ones."""

from types import SimpleNamespace

import pytest
from clinic.speed import compressed_copies
from clinic.speed.state import STATE

BIG = b"decap " * (compressed_copies.BIG // 6 + 1)


@pytest.fixture
def build(tmp_path):
    """A stand-in for a production build: its settings and output folder."""
    STATE.on = True
    output = tmp_path / "output"
    output.mkdir()
    settings = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(tmp_path / "cache"),
        "PLUGINS": ["clinic", "precompress"],
        "PRECOMPRESS_TEXT_EXTENSIONS": {".js", ".html"},
    }
    yield SimpleNamespace(settings=settings, output=output)
    STATE.reset()


def compress(output):
    """What pelican-precompress does, as far as this cache can tell: a copy
    of each text file that has none yet, made from its bytes."""
    for path in output.rglob("*.js"):
        for suffix in (".br", ".gz"):
            copy = path.with_name(path.name + suffix)
            if not copy.exists():
                copy.write_bytes(suffix.encode() + path.read_bytes()[:10])


def test_copies_made_once_are_put_back_beside_the_same_bytes(build):
    script = build.output / "admin" / "decap-cms.js"
    script.parent.mkdir()
    script.write_bytes(BIG)
    compressed_copies.place_kept_copies(build)
    assert not script.with_name("decap-cms.js.br").exists()  # nothing kept yet
    compress(build.output)
    compressed_copies.keep_new_copies(build)
    made = script.with_name("decap-cms.js.br").read_bytes()
    for copy in build.output.glob("admin/*.*.*"):
        copy.unlink()
    compressed_copies.place_kept_copies(build)
    assert script.with_name("decap-cms.js.br").read_bytes() == made
    assert script.with_name("decap-cms.js.gz").is_file()


def test_a_changed_file_gets_no_old_copy(build):
    script = build.output / "decap-cms.js"
    script.write_bytes(BIG)
    compress(build.output)
    compressed_copies.keep_new_copies(build)
    for copy in build.output.glob("*.js.*"):
        copy.unlink()
    script.write_bytes(BIG + b"changed")
    compressed_copies.place_kept_copies(build)
    assert not list(build.output.glob("*.js.*"))


def test_small_files_and_builds_without_precompress_or_speed_are_left_alone(build):
    small = build.output / "search.js"
    small.write_bytes(b"tiny")
    big = build.output / "decap-cms.js"
    big.write_bytes(BIG)
    compress(build.output)
    compressed_copies.keep_new_copies(build)
    kept = list((build.output.parent / "cache" / "clinic-compressed").iterdir())
    assert len(kept) == 2  # the big file's .br and .gz only
    for copy in build.output.glob("*.js.*"):
        copy.unlink()
    build.settings["PLUGINS"] = ["clinic"]  # a preview: nothing compressed
    compressed_copies.place_kept_copies(build)
    assert not list(build.output.glob("*.js.*"))
    build.settings["PLUGINS"] = ["clinic", "precompress"]
    STATE.on = False  # CLINIC_SPEED off: pelican-precompress does it all
    compressed_copies.place_kept_copies(build)
    assert not list(build.output.glob("*.js.*"))
