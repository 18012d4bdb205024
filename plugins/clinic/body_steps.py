"""What the plugin works out from an article or page body alone, done once per body.

For each body as Markdown made it: the typographic version (typeset.py) with
external links marked (links.py), its plain-text opening (for
descriptions and cards) and word count (for the reading time), and the
content check's scan of the body as written (html_scan.py). These are most
of the per-article work our plugin adds, and they depend on nothing but the
body and SITEURL.

Pelican's content cache stores bodies as the Markdown reader made them,
before our plugin runs, so on its own every preview build would redo these
steps for every article. Results are kept by a hash of SITEURL and the body:
in memory for livereload's rebuilds, and in CACHE_PATH between runs when
content caching is on (local previews); cache_guard.py drops them when the
plugin or its settings change.

Pelican's other cache layer (CONTENT_CACHING_LAYER = "generator") would keep
the finished article itself, but it pickles the whole site context with
every article and fails with RecursionError at about 1,000 articles (the
neighbours plugin chains them all together): see benchmarks/build.md.
"""

import contextlib
import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import html_scan, links
from .typeset import typogrify
from .typography import plain_text, shorten

CACHE_FILE = "clinic-body-steps.pickle"


@dataclass(frozen=True)
class BodySteps:
    linked: str  # the body after typogrify, with external links marked: what the page shows
    opening: str  # plain-text opening, for descriptions
    words: int  # words of plain text, for the reading time
    scanned: html_scan.ScannedHtml  # the content check's scan of the body as written


_results = {}  # key(body, SITEURL) -> BodySteps
_used = set()  # the keys this build asked for


def key(fragment, siteurl):
    return hashlib.sha256(f"{siteurl}\0{fragment}".encode()).digest()


def compute(fragment, siteurl):
    """Every step, with no cache (in a worker process, or on a cache miss).
    Links are marked before typogrify, in the scan's pass: typogrify leaves
    tags as they are, so the page is the same as marking them after it
    (tests/test_links.py), except in broken raw HTML, marked again after."""
    scanned, marked = html_scan.scan_marking_links(fragment, siteurl)
    linked = typogrify(marked) if marked else marked
    if links.has_unmarked_external_link(linked, siteurl):  # broken raw HTML only
        linked = html_scan.scan_marking_links(linked, siteurl)[1]
    text = plain_text(linked)
    return BodySteps(linked, shorten(text), len(text.split()), scanned)


def lookup(fragment, siteurl):
    """The kept result for this body, or None."""
    body_key = key(fragment, siteurl)
    found = _results.get(body_key)
    if found is not None:
        _used.add(body_key)
    return found


def store(fragment, siteurl, steps):
    body_key = key(fragment, siteurl)
    _results[body_key] = steps
    _used.add(body_key)


def for_body(fragment, siteurl):
    """The kept result, or computed here and kept."""
    steps = lookup(fragment, siteurl)
    if steps is None:
        steps = compute(fragment, siteurl)
        store(fragment, siteurl, steps)
    return steps


def load(pelican):
    """At `initialized` (after cache_guard, which may turn loading off)."""
    settings = pelican.settings
    _used.clear()
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        _results.clear()
        return
    # No file (first run) or an unreadable one: work everything out afresh.
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError, AttributeError):
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
