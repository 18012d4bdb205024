"""The body steps kept between builds.

Pelican's content cache stores bodies as the Markdown reader made them,
before our plugin runs, so on its own every preview build would redo the
body steps (body/steps.py: typogrify, links, opening, scan) for every
article. Results are kept by a hash of SITEURL and the body: in memory for
livereload's rebuilds, and in CACHE_PATH between runs when content caching
is on, one file per body; cache_guard.py drops them when the plugin or its
settings change.

Pelican's other cache layer (CONTENT_CACHING_LAYER = "generator") would keep
the finished article itself, but it pickles the whole site context with
every article and fails with RecursionError at about 1,000 articles (the
neighbours plugin chains them all together): see benchmarks/build.md.
"""

import contextlib
import hashlib
import pickle
import shutil
from pathlib import Path

from ...body import steps
from ..state import STATE

FOLDER = "clinic-body-steps"  # one file per body, named by its key
LEFT_BY_EARLIER_BUILDS = "clinic-body-steps.pickle"  # every body in one file: removed


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
        STATE.bodies_folder = None  # save() empties the folder: its bodies are not to be used
        return
    folder = Path(settings["CACHE_PATH"]) / FOLDER
    if STATE.bodies_folder == folder:
        return  # the last build in this process saved what it holds: nothing to read
    STATE.bodies_folder = folder
    STATE.bodies_on_disk = set()
    with contextlib.suppress(OSError):  # no folder yet (first run)
        for path in folder.iterdir():
            if path.suffix:  # a .partial left by a build stopped while writing it
                path.unlink(missing_ok=True)
                continue
            # An unreadable file: its body is made afresh.
            with contextlib.suppress(
                OSError, EOFError, ValueError, pickle.UnpicklingError, AttributeError
            ):
                STATE.bodies[bytes.fromhex(path.name)] = pickle.loads(path.read_bytes())
                STATE.bodies_on_disk.add(bytes.fromhex(path.name))


def save(pelican):
    """`finalized`: keep only what this build used. One file per body, so a
    rebuild after one edit writes one file (livereload), not every body."""
    if not STATE.on:
        return
    settings = pelican.settings
    STATE.bodies = {k: STATE.bodies[k] for k in STATE.bodies_used if k in STATE.bodies}
    if not settings.get("CACHE_CONTENT"):
        return
    folder = Path(settings["CACHE_PATH"]) / FOLDER
    if STATE.bodies_folder != folder:  # never read from there: what is in it is unknown
        shutil.rmtree(folder, ignore_errors=True)
        (folder.parent / LEFT_BY_EARLIER_BUILDS).unlink(missing_ok=True)
        STATE.bodies_folder, STATE.bodies_on_disk = folder, set()
    folder.mkdir(parents=True, exist_ok=True)
    for gone in STATE.bodies_on_disk - STATE.bodies.keys():
        (folder / gone.hex()).unlink(missing_ok=True)
    for new in STATE.bodies.keys() - STATE.bodies_on_disk:
        partial = folder / f"{new.hex()}.partial"
        partial.write_bytes(pickle.dumps(STATE.bodies[new]))
        partial.replace(folder / new.hex())  # never half a file, even if the build is stopped
    STATE.bodies_on_disk = set(STATE.bodies)
