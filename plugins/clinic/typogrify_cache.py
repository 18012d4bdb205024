"""typogrify each article body once, not on every build.

typogrify is the slowest step our plugin adds (it nearly doubles a cold
build). Pelican's content cache stores bodies as the Markdown reader made
them, before our plugin runs, so on its own every preview build would
typogrify every article again. Results are kept by a hash of the HTML they
came from: in memory for livereload's rebuilds, and in CACHE_PATH between
runs when content caching is on (local previews).

Pelican's other cache layer (CONTENT_CACHING_LAYER = "generator") would keep
the typogrified article itself, but it pickles the whole site context with
every article and fails with RecursionError at about 1,000 articles (the
neighbours plugin chains them all together): see benchmarks/build.md.
"""

import contextlib
import hashlib
import pickle
from pathlib import Path

from .typeset import typogrify

CACHE_FILE = "clinic-typogrify.pickle"
_results = {}  # sha256 of a body -> its typogrified HTML
_used = set()  # the keys this build asked for


def typogrify_cached(fragment):
    key = hashlib.sha256(fragment.encode()).digest()
    result = _results.get(key)
    if result is None:
        result = _results[key] = typogrify(fragment)
    _used.add(key)
    return result


def lookup(fragment):
    """The cached result for `fragment`, or None (parallel.py computes it)."""
    key = hashlib.sha256(fragment.encode()).digest()
    result = _results.get(key)
    if result is not None:
        _used.add(key)
    return result


def store(fragment, result):
    key = hashlib.sha256(fragment.encode()).digest()
    _results[key] = result
    _used.add(key)


def load(pelican):
    """At `initialized` (after cache_guard, which may turn loading off)."""
    settings = pelican.settings
    _used.clear()
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        _results.clear()
        return
    # No file (first run) or an unreadable one: typogrify afresh.
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError):
        _results.update(pickle.loads((Path(settings["CACHE_PATH"]) / CACHE_FILE).read_bytes()))


def save(pelican):
    """At `finalized`: keep only what this build used."""
    settings = pelican.settings
    kept = {key: _results[key] for key in _used if key in _results}
    _results.clear()
    _results.update(kept)
    if settings.get("CACHE_CONTENT"):
        path = Path(settings["CACHE_PATH"]) / CACHE_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(kept))
