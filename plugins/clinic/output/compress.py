"""Compressed copies of the production site's text files: `page.html.br` and
`page.html.gz` beside `page.html`, for hosts that serve a file's copy to
browsers that accept it (and to `scripts/lighthouse.py`'s server).

Runs on pelican-granular-signals' `compress` signal, after minify and before
the output check (`deploy`), when CLINIC_COMPRESS is on (publishconf.py).

Our own step rather than pelican-precompress, which it replaces: that plugin
compresses every file at brotli's highest quality (11, not configurable)
and again on every build. The full-content feeds (FEED_MAX_ITEMS = None) are
megabytes each, and quality 11 spent most of a production build on them: at
1,000 articles about 70 s of processor time for the five feeds, against
0.6 s at quality 9, which makes their copies 3% larger and all the copies
together 0.2% larger (benchmarks/build-notes.md). So files over LARGE get
quality 9, but for scripts and stylesheets (ALWAYS_BEST): they come with the
theme and the editor, the same bytes build after build, so the speed part's
kept copies make quality 11 a one-time cost, and the editor's 5 MB script is
116 KB smaller for it. Every other file keeps quality 11 and is the same,
byte for byte, as before; gzip is unchanged (level 9). The same files get
copies as before:
the text types a host serves compressed (TEXT_EXTENSIONS; Pagefind's index
files are compressed already), at least MIN_SIZE bytes, and a copy only when
it is smaller than the file.

`RUNNER` is the seam to the speed part: inline by default, one file after
another; the speed part keeps copies between builds by content hash and
compresses the rest on every core. The copies are the same either way.
"""

import zlib
from pathlib import Path

import brotli

from ..seam import Seam
from ..settings import with_defaults

TEXT_EXTENSIONS = frozenset((".html", ".css", ".xml", ".atom", ".js", ".txt", ".json", ".svg"))
MIN_SIZE = 20  # bytes: smaller files are sent as they are
LARGE = 256 * 1024  # bytes: larger files (the feeds) get BROTLI_LARGE
ALWAYS_BEST = frozenset((".js", ".css"))  # the theme's and the editor's: BROTLI at any size
BROTLI, BROTLI_LARGE = 11, 9
GZIP = 9
# Names what `copies` makes: kept copies made with other levels are not reused.
RECIPE = (
    f"brotli {brotli.version} q{BROTLI}/q{BROTLI_LARGE} over {LARGE} "
    f"but {sorted(ALWAYS_BEST)}; zlib {GZIP}"
)
SUFFIXES = (".br", ".gz")


def brotli_quality(path, size):
    """The brotli quality for a file of this name and size."""
    if size <= LARGE or Path(path).suffix in ALWAYS_BEST:
        return BROTLI
    return BROTLI_LARGE


def brotli_copy(data, quality):
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def gzip_copy(data):
    # A gzip member with no name and time 0: the same bytes on every build.
    compressor = zlib.compressobj(level=GZIP, wbits=16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def copies(data, quality):
    """{".br": bytes or None, ".gz": bytes or None}: None where the copy
    would not be smaller than the file itself. `quality` is brotli's."""
    made = {".br": brotli_copy(data, quality), ".gz": gzip_copy(data)}
    return {suffix: copy if len(copy) < len(data) else None for suffix, copy in made.items()}


def files_to_compress(output):
    """Every text file of the site big enough to be worth a copy, largest first
    (so workers sharing them out finish together)."""
    found = [
        (path.stat().st_size, path)
        for path in Path(output).rglob("*")
        if path.suffix in TEXT_EXTENSIONS and path.is_file()
    ]
    return [
        path
        for size, path in sorted(found, key=lambda item: (-item[0], item[1]))
        if size >= MIN_SIZE
    ]


def write_copies(path, made):
    for suffix, copy in made.items():
        target = path.with_name(path.name + suffix)
        if copy is None:
            target.unlink(missing_ok=True)  # one a preview left behind would be stale
        else:
            target.write_bytes(copy)


def compress_inline(paths, settings):
    """The default runner: each file in turn, in this process."""
    for path in paths:
        data = path.read_bytes()
        write_copies(path, copies(data, brotli_quality(path, len(data))))


# `runner(paths, settings)` makes and writes the copies of the files.
RUNNER = Seam(compress_inline)


def compress_output(pelican):
    """pelican-granular-signals' `compress`, after minify."""
    settings = with_defaults(pelican.settings)
    if settings["CLINIC_COMPRESS"]:
        RUNNER.runner(files_to_compress(settings["OUTPUT_PATH"]), settings)
