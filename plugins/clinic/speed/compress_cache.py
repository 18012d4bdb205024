"""Compressed copies kept between production builds, and made on every core.

Brotli at quality 11 takes about 30 ms of processor time for each page at
1,000 articles, most of a production build, and most pages are the same,
byte for byte, from one build to the next. So the copies output/compress.py
makes are kept in CACHE_PATH by a hash of the file they were made from (and
the recipe that made them: other levels or another brotli make new ones),
and a file seen before gets its kept copies. Only the copies this build
used are kept, so the cache holds one site's worth.

The others are made by threads, one per core: brotli and zlib let go of
Python's lock while they compress, so the threads run side by side without
the cost of forking or of sending the bytes to other processes.
"""

import concurrent.futures
import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from ..output import compress

CACHE_FILE = "clinic-compressed.pickle"
WORKERS = os.cpu_count() or 1


def compress_kept(paths, settings):
    """The speed part's runner for output/compress.py's seam."""
    cache = Path(settings["CACHE_PATH"]) / CACHE_FILE
    kept = _load(cache)
    used = {}
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        for key, made in pool.map(lambda path: _copies_of(path, kept), paths):
            used[key] = made
    _save(cache, used)


def _copies_of(path, kept):
    data = path.read_bytes()
    key = hashlib.sha256(data).digest()
    made = kept.get(key)
    if made is None:
        made = compress.copies(data)
    compress.write_copies(path, made)
    return key, made


def _load(cache):
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        recipe, kept = pickle.loads(cache.read_bytes())
        if recipe == compress.RECIPE:
            return kept
    return {}


def _save(cache, used):
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(cache.name + ".partial")
    partial.write_bytes(pickle.dumps((compress.RECIPE, used)))
    partial.replace(cache)  # never half a file, even if the build is stopped
