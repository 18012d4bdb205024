"""Big files that do not change between builds are compressed once.

The production build writes .br and .gz copies of every text file
(pelican-precompress), and brotli at its highest quality is slow: the
browser editor's Decap CMS script alone (5 MB) took 15 s of CPU in every
production build, more than the rest of the build. The copies depend only
on the file's bytes, and pelican-precompress leaves a copy that already
exists alone. So before it runs (`compress`), copies kept from an earlier
build are put beside each big file whose bytes they were made from; after
it (`deploy`), the copies it made of big files are kept, under the SHA-256
of what they were made from. A changed file is compressed afresh. Off (or
in builds without pelican-precompress) nothing is placed or kept, and the
files are the same, byte for byte: only made sooner.
"""

import hashlib
import shutil
from pathlib import Path

from ..settings import with_defaults
from .state import STATE

BIG = 256 * 1024  # bytes: smaller text files compress in a moment anyway
COPY_SUFFIXES = (".br", ".gz", ".zst")  # what pelican-precompress may write


def place_kept_copies(pelican):
    """pelican-granular-signals' `compress`, before pelican-precompress."""
    for path, cache in _big_files(pelican):
        digest = _digest(path)
        for suffix in COPY_SUFFIXES:
            kept = cache / f"{digest}{suffix}"
            copy = path.with_name(path.name + suffix)
            if kept.is_file() and not copy.exists():
                shutil.copyfile(kept, copy)


def keep_new_copies(pelican):
    """pelican-granular-signals' `deploy`, after pelican-precompress."""
    for path, cache in _big_files(pelican):
        digest = _digest(path)
        for suffix in COPY_SUFFIXES:
            copy = path.with_name(path.name + suffix)
            kept = cache / f"{digest}{suffix}"
            if copy.is_file() and not kept.exists():
                cache.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(copy, kept)


def _big_files(pelican):
    """(path, cache folder) for each big file pelican-precompress compresses."""
    settings = with_defaults(pelican.settings)
    if not STATE.on or not _precompresses(settings):
        return []
    suffixes = set(settings.get("PRECOMPRESS_TEXT_EXTENSIONS", ()))
    cache = Path(settings["CLINIC_COMPRESSED_CACHE"])
    output = Path(settings["OUTPUT_PATH"])
    return [
        (path, cache)
        for path in sorted(output.rglob("*"))
        if path.suffix in suffixes and path.is_file() and path.stat().st_size >= BIG
    ]


def _precompresses(settings):
    return any(str(plugin).endswith("precompress") for plugin in settings["PLUGINS"])


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()
