"""Rendered pages kept between processes, by fingerprint (fingerprints.py).

unchanged_pages.py leaves a page's file as it is when this process wrote it
from the same inputs. A new process starts with nothing in memory: CI's
production build (a new process every run, into an empty folder) and a
writer's first preview would render every page again, about 5 s of a
production build after one edit at 1,000 articles. So each page rendered is
also kept in CACHE_PATH, as a file named by its fingerprint, and a page
whose fingerprint was kept is copied from there, not rendered. Kept as it
was rendered: minify (production) works on the copy in the output folder.

Read only when the build loads its content cache (LOAD_CONTENT_CACHE), kept
only when it keeps one (CACHE_CONTENT); only the pages the last build had
are kept, so the folder holds one site's worth.
"""

import os
import shutil
from pathlib import Path

from ...files import write_if_changed
from ..state import STATE
from ..workers import thread_map

FOLDER = "clinic-rendered"


def start(settings):
    """`initialized`: where this build finds and keeps rendered pages."""
    folder = Path(settings["CACHE_PATH"]) / FOLDER
    STATE.rendered_folder = folder if settings["CACHE_CONTENT"] else None
    STATE.rendered_load = bool(settings["CACHE_CONTENT"] and settings["LOAD_CONTENT_CACHE"])
    STATE.rendered_used = set()


def find(fingerprint):
    """The kept file rendered from this fingerprint, or None."""
    if fingerprint is None or STATE.rendered_folder is None:
        return None
    STATE.rendered_used.add(fingerprint.hex())
    kept = STATE.rendered_folder / fingerprint.hex()
    return kept if STATE.rendered_load and kept.is_file() else None


def restore_all(pages):
    """Before the pages are announced: each kept page's file written, on
    threads (most of the time goes to creating files and folders, which
    lets go of Python's lock)."""
    thread_map(_restore, [page for page in pages if page.kept is not None and not page.unchanged])


def _restore(page):
    """Write the page's kept copy as its file."""
    write_if_changed(page.path, page.kept.read_bytes())


def keep(page):
    """After the page was rendered: its file, kept by its fingerprint."""
    if page.fingerprint is None or STATE.rendered_folder is None:
        return
    STATE.rendered_folder.mkdir(parents=True, exist_ok=True)
    kept = STATE.rendered_folder / page.fingerprint.hex()
    if not kept.exists() and os.path.isfile(page.path):
        partial = kept.with_name(kept.name + ".partial")
        shutil.copyfile(page.path, partial)  # a copy: minify rewrites the page in place
        partial.replace(kept)  # never half a page, even if the build is stopped


def forget_unused(pelican):
    """`finalized`: only the pages this build had stay kept."""
    folder = STATE.rendered_folder
    if not STATE.on or folder is None or not folder.is_dir():
        return
    for kept in folder.iterdir():
        if kept.name not in STATE.rendered_used:
            kept.unlink()
