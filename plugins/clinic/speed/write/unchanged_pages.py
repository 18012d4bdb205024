"""Pages left as they are: in one process (livereload's), a rebuild renders
and writes only the pages whose fingerprint (fingerprints.py) changed since
this process wrote them, and whose file is as it left it (same size and
modification time, so a file changed or removed by anyone else is written
again). The others are announced as written (page_writer.py), so the
sitemap, the search index and stale_pages.py see every page as before.

What a build wrote is remembered by the file's absolute path, for the rest
of the process. A new process starts with nothing, and copies the pages
kept_pages.py kept by fingerprint instead of rendering them.
"""

import os

from ..state import STATE
from . import kept_pages
from .fingerprints import BuildFingerprints, Digests


def mark(pages):
    """Before writing: each page's fingerprint, and whether its file can stay."""
    if not pages:
        return
    prints = _build_fingerprints(pages[0].context)
    for page in pages:
        page.fingerprint = prints.page(
            page.name,
            page.template,
            page.context,
            (page.relative_urls, page.override_output),
            page.variables,
        )
        kept = STATE.pages.get(page.path)
        page.unchanged = (
            page.fingerprint is not None
            and kept is not None
            and kept == (page.fingerprint, _stamp(page.path))
        )
        page.kept = kept_pages.find(page.fingerprint)


def record(pages):
    """After writing: what each written file was made from, and its stamp."""
    for page in pages:
        if page.unchanged:
            continue
        if page.kept is None:
            kept_pages.keep(page)
        if page.fingerprint is None:
            STATE.pages.pop(page.path, None)
        else:
            STATE.pages[page.path] = (page.fingerprint, _stamp(page.path))


def _build_fingerprints(context):
    """One per build: documents and shared values are worked out once."""
    prints = STATE.fingerprints
    if prints is None or prints.context is not context:
        documents = [
            *(doc for doc in context.get("generated_content", {}).values() if doc is not None),
            *context.get("static_content", {}).values(),
        ]
        if STATE.digests is None:
            STATE.digests = Digests()
        STATE.digests.start(STATE.site_key)
        STATE.digests.keep_only(documents)
        prints = STATE.fingerprints = BuildFingerprints(STATE.digests, STATE.url_key)
        prints.context = context
    return prints


def _stamp(path):
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
