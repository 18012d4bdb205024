"""The body steps kept between builds.

Pelican's content cache stores bodies as the Markdown reader made them,
before our plugin runs, so on its own every preview build would redo the
body steps (body/steps.py: typogrify, links, opening, scan) for every
article. Results are kept by a hash of SITEURL and the body: in memory for
livereload's rebuilds, and in CACHE_PATH between runs when content caching
is on (local previews); cache_guard.py drops them when the plugin or its
settings change.

Pelican's other cache layer (CONTENT_CACHING_LAYER = "generator") would keep
the finished article itself, but it pickles the whole site context with
every article and fails with RecursionError at about 1,000 articles (the
neighbours plugin chains them all together): see benchmarks/build.md.
"""

import contextlib
import hashlib
import pickle
from pathlib import Path

from ...body import steps
from ..state import STATE

CACHE_FILE = "clinic-body-steps.pickle"


def key(fragment, siteurl):
    return hashlib.sha256(f"{siteurl}\0{fragment}".encode()).digest()


def lookup(fragment, siteurl):
    """The kept result for this body, or None."""
    body_key = key(fragment, siteurl)
    found = STATE.bodies.get(body_key)
    if found is not None:
        STATE.bodies_used.add(body_key)
    return found


def store(fragment, siteurl, body_steps):
    body_key = key(fragment, siteurl)
    STATE.bodies[body_key] = body_steps
    STATE.bodies_used.add(body_key)


def for_body(fragment, siteurl):
    """The kept result, or computed here and kept."""
    found = lookup(fragment, siteurl)
    if found is None:
        found = steps.compute(fragment, siteurl)
        store(fragment, siteurl, found)
    return found


def load(settings, inputs_changed):
    """When the build starts: what earlier builds kept, unless cache_guard
    found that the plugin, its settings or its other inputs changed."""
    STATE.bodies_used.clear()
    if inputs_changed or not (settings["CACHE_CONTENT"] and settings["LOAD_CONTENT_CACHE"]):
        STATE.bodies.clear()
        return
    path = Path(settings["CACHE_PATH"]) / CACHE_FILE
    if STATE.bodies and STATE.bodies_file == path:
        return  # the last build in this process saved what it holds: nothing to read
    STATE.bodies_file = path
    # No file (first run) or an unreadable one: work everything out afresh.
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError, AttributeError):
        STATE.bodies.update(pickle.loads(path.read_bytes()))


def save(pelican):
    """`finalized`: keep only what this build used."""
    if not STATE.on:
        return
    settings = pelican.settings
    kept = {k: STATE.bodies[k] for k in STATE.bodies_used if k in STATE.bodies}
    STATE.bodies = kept
    if settings.get("CACHE_CONTENT"):
        path = Path(settings["CACHE_PATH"]) / CACHE_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(kept))
