"""What a production build's last steps make of each file, kept between
builds by the file's bytes: each page minified (output/minify.py), its
compressed copies (output/compress.py) and the output check's scan of each
page (checks/output.py).

Brotli at quality 11 takes about 30 ms of processor time for each page at
1,000 articles, and parsing a page for the output check a few more; most
pages are the same, byte for byte, from one build to the next. So both are
kept in CACHE_PATH by a hash of the file (and of what made them: other
compression levels, another brotli, or a changed scanner make new ones),
and a file seen before gets what was kept. Only what this build used is
kept, so the cache holds one site's worth.

The rest is made on every core: compressed copies by threads (brotli and
zlib let go of Python's lock while they work, so no process need be forked
nor bytes sent to one), minified pages and scans by forked workers.
"""

import contextlib
import functools
import hashlib
import pickle
import shutil
from pathlib import Path

from ..body import html_scan
from ..checks import output as output_check
from ..output import compress, minify
from .state import STATE
from .workers import fork_map, thread_map

COPIES_FILE = "clinic-compressed.pickle"
MINIFIED_FOLDER = "clinic-minified"
SCANS_FILE = "clinic-page-scans.pickle"
# What made the scans: the scanner's own source.
SCANNER = hashlib.sha256(Path(html_scan.__file__).read_bytes()).hexdigest()


def compress_kept(paths, settings):
    """The speed part's runner for output/compress.py's seam."""
    cache = Path(settings["CACHE_PATH"]) / COPIES_FILE
    kept = _load(cache, compress.RECIPE)
    used = dict(thread_map(functools.partial(_copies_of, kept=kept), paths))
    _save(cache, compress.RECIPE, used)


def _copies_of(path, kept):
    data = path.read_bytes()
    quality = compress.brotli_quality(path, len(data))
    key = hashlib.sha256(data).digest() + bytes([quality])
    made = kept.get(key)
    if made is None:
        made = compress.copies(data, quality)
    compress.write_copies(path, made)
    return key, made


def minify_kept(minify_file, pages):
    """The speed part's runner for output/minify.py's seam: a page seen
    before, byte for byte, is written as it was minified then. Kept as one
    file per page (named by the hash of its bytes before minifying) in a
    folder per recipe, not in one pickle: a production build would hold
    every page twice in memory to read and rewrite it."""
    folder = Path(STATE.cache_path) / MINIFIED_FOLDER
    recipe = folder / hashlib.sha256(minify.RECIPE.encode()).hexdigest()[:16]
    keys = [hashlib.sha256(page.read_bytes()).hexdigest() for page in pages]
    missing = []
    for page, key in zip(pages, keys, strict=True):
        if (recipe / key).is_file():
            shutil.copyfile(recipe / key, page)
        else:
            missing.append((page, key))
    fork_map(minify_file, [page for page, _key in missing])
    recipe.mkdir(parents=True, exist_ok=True)
    for page, key in missing:
        shutil.copyfile(page, recipe / key)
    used = set(keys)
    for kept in recipe.iterdir():  # only what this build used
        if kept.name not in used:
            kept.unlink()
    for other in folder.iterdir():  # another recipe's pages are never used
        if other != recipe:
            shutil.rmtree(other)


def scans_kept(pages):
    """The speed part's runner for checks/output.py's seam."""
    cache = Path(STATE.cache_path) / SCANS_FILE
    kept = _load(cache, SCANNER)
    keys = [hashlib.sha256(page.read_bytes()).digest() for page in pages]
    missing = [index for index, key in enumerate(keys) if key not in kept]
    made = fork_map(output_check.scan_file, [pages[index] for index in missing])
    found = {**kept, **{keys[index]: scan for index, scan in zip(missing, made, strict=True)}}
    _save(cache, SCANNER, {key: found[key] for key in keys})
    return [found[key] for key in keys]


def _load(cache, recipe):
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        made_by, kept = pickle.loads(cache.read_bytes())
        if made_by == recipe:
            return kept
    return {}


def _save(cache, recipe, used):
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(cache.name + ".partial")
    partial.write_bytes(pickle.dumps((recipe, used)))
    partial.replace(cache)  # never half a file, even if the build is stopped
