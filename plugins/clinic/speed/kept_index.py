"""livereload's search index, kept from one rebuild to the next.

Each build's index (output/search_index.py) starts a Pagefind, sends it
every page and asks for the index files: at 1,000 articles that takes
longer, in the background, than the rebuild of the pages. Pagefind's
service keeps its index in memory and takes a page sent again (the same
URL) in place of the old one, and the files it then makes are, byte for
byte, those of a new index of the same pages in the same order
(tests/speed/test_kept_index.py). So in one process the speed part keeps the
Pagefind and its index, and a rebuild sends only the pages whose files
changed. Pagefind cannot take a page out of an index: when the pages to
index are not the same ones in the same order (one added, removed, or that
gained or lost `data-pagefind-body`), a new index gets every page, as before.

Between builds Pagefind waits with its reader thread paused (no thread runs
while the next build's page writers fork); it stops when Python exits.
Builds that write the index before they return (production, `invoke build
--search`) start their own Pagefind, as before.
"""

import atexit
import os
from pathlib import Path

from ..output import search_index
from .state import STATE


class _Session:
    """The kept Pagefind and what its index holds."""

    def __init__(self, output, service, index_id):
        self.output = output
        self.service, self.index_id = service, index_id
        self.indexed = []  # the pages in the index, in the order they were sent
        self.stamps = {}  # page -> (size and modification time when read, indexed?)


def open_kept(output, later):
    """The speed part's runner for search_index.INDEX."""
    if not later:
        return search_index._BuildIndex(output, later)
    return KeptIndex(output)


class KeptIndex(search_index._BuildIndex):
    """A build's index, made by the kept Pagefind from the pages that changed."""

    def __init__(self, output):
        super().__init__(output, later=True)  # nothing starts before write()

    def write(self):
        """In the background thread, once every page is written."""
        try:
            self._send_changed()
            super().write()  # the answers, then the index files
        except Exception:
            _close()  # what Pagefind holds is not known: start afresh next time
            raise

    def release(self):
        self.service.pause()

    def _send_changed(self):
        session = STATE.search
        if session is None or session.output != self.output or not session.service.running:
            _close()
            self._start()
            session = STATE.search = _Session(self.output, self.service, self.index_id)
        self.service, self.index_id = session.service, session.index_id
        pages, stamps = [], {}
        for path in self.waiting:
            stamp = _stamp(path)
            known = session.stamps.get(path)
            if known is not None and known[0] == stamp:
                html, indexed = None, known[1]  # as Pagefind has it
            else:
                html = Path(path).read_text(encoding="utf-8")
                indexed = search_index.BODY_ATTRIBUTE in html
            stamps[path] = (stamp, indexed)
            if indexed:
                pages.append((path, html))
        self.waiting = []
        order = [path for path, _html in pages]
        every_page = order != session.indexed
        if every_page and session.indexed:
            # Pagefind cannot take a page out: a new index, every page in order.
            self.index_id = self.service.request({"type": "NewIndex", "config": None})["index_id"]
            self.service.send({"type": "DeleteIndex", "index_id": session.index_id})
            session.index_id = self.index_id
        for path, html in pages:
            if every_page or html is not None:
                self._send(path, html)
        session.indexed, session.stamps = order, stamps


def _stamp(path):
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _close():
    session, STATE.search = STATE.search, None
    if session is not None:
        session.service.close()


@atexit.register
def close_session():
    """At exit, once the last index is written: stop the kept Pagefind."""
    search_index.wait_for_background_index()
    _close()
