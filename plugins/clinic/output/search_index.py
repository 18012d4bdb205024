"""The site search index: each page goes to Pagefind as Pelican writes it,
and the index is written at `finalized`, so /search/ matches the pages.

Which builds make it (CLINIC_SEARCH_INDEX, True unless a settings file says
otherwise): production always, `invoke livereload` and `invoke serve` too.
The quick preview build (`invoke build`, pelicanconf.py) leaves it out: at
1,000 articles on a 2-core machine the index adds about 2.5 s, more than half
of a whole stock Pelican build, and a writer checking pages does not need it;
its /search/ page says how to get it (`invoke build --search`). A preview
without the index also removes the last build's, which would be out of date.

In `invoke livereload` (CLINIC_SEARCH_INDEX_BACKGROUND), the build returns as
soon as the pages are written and the index is made in a background thread:
the edited page reloads without waiting for it, and the next build waits for
it before it starts. The pages go to Pagefind from that thread too, once all
are written: fed while they are written, Pagefind would take a core from the
processes writing them, and the reload would wait for it. That thread also
starts Pagefind, so no thread runs while the page writers fork.

Pagefind runs as a service (pagefind.py) rather than as one CLI run
over the written site at the end: it parses pages on the other core while
Pelican renders the rest, so the build only waits for the final write.
Pagefind is called directly rather than through pelican-search, which wraps
Stork (no longer developed). Which parts of a page are indexed is decided by
the templates: `data-pagefind-body` on the main content of articles, pages
and location pages, `data-pagefind-ignore` on what repeats on every page.
"""

import atexit
import base64
import json
import os
import shutil
import threading
from pathlib import Path

import pagefind_bin

from ..files import write_if_changed
from ..seam import Seam
from ..settings import with_defaults
from ..site.urls import SEARCH_BUNDLE
from .pagefind import PagefindService, PagefindServiceError
from .state import STATE

BUNDLE = SEARCH_BUNDLE  # folder in the output; search.js loads pagefind.js from it
# Pagefind also makes its ready-made search interfaces. search.js uses only
# the pagefind.js API, so these are not written rather than deployed unused.
UNUSED_UI = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Once any page has it, Pagefind indexes only pages with this attribute (the
# CLI and the service alike). A page without the text cannot have it, so it
# is not even sent; a page that only mentions it is sent and Pagefind decides.
BODY_ATTRIBUTE = "data-pagefind-body"

RETRY_END = "the site was written but has no working search"
RETRY = f"-> fix the error above and rebuild; {RETRY_END}"


class SearchIndexError(Exception):
    """The search index could not be built: the build stops, saying why."""


def service_command():
    """The Pagefind binary shipped by the pagefind_bin wheel, in service mode."""
    try:
        binary = pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind is not installed ({error}) -> run: .venv/bin/pip install -r requirements.txt"
        ) from error
    return [str(binary), "--service"]


class _BuildIndex:
    """One build's index: a fresh Pagefind service and the pages sent to it."""

    def __init__(self, output, later=False):
        self.output = Path(output)
        self.pages = {}  # message id -> page path inside the output
        self.waiting = []  # pages written before Pagefind runs: write() sends them
        self.service = None  # later: started by write() (the background thread)
        self.files_request = None  # the message id of GetFiles, once asked
        if not later:
            self._start()

    def _start(self):
        command = service_command()
        try:
            self.service = PagefindService(command)
        except OSError as error:
            raise SearchIndexError(
                f"Pagefind could not be started ({error})\n"
                "-> run: .venv/bin/pip install -r requirements.txt"
            ) from error
        try:
            self.index_id = self.service.request({"type": "NewIndex", "config": None})["index_id"]
        except PagefindServiceError as error:
            self.service.kill()
            raise SearchIndexError(
                f"Pagefind could not start a search index ({error})\n{RETRY}"
            ) from error

    def add(self, path):
        if self.service is None:
            self.waiting.append(path)
            return
        self._send(path)

    def _send(self, path, html=None):
        page = Path(path)
        if html is None:
            html = page.read_text(encoding="utf-8")  # as on disk: what the CLI would read
        if BODY_ATTRIBUTE not in html:
            return
        # Pagefind turns the file path into the URL (blog/x/index.html -> /blog/x/).
        relative = Path(os.path.relpath(page, self.output)).as_posix()
        request = {"type": "AddFile", "index_id": self.index_id, "file_path": relative}
        try:
            message = self.service.send({**request, "url": None, "file_contents": html})
        except PagefindServiceError as error:
            raise SearchIndexError(
                f"Pagefind stopped while indexing {page} ({error})\n{RETRY}"
            ) from error
        self.pages[message] = page

    def ask(self):
        """Every page is sent: ask Pagefind for the index files, without
        waiting (it takes a while: the build finishes the pages meanwhile)."""
        if self.service is None:
            self._start()
            for path in self.waiting:
                self._send(path)
        for message, page in self.pages.items():
            try:
                self.service.answer(message)
            except PagefindServiceError as error:
                raise SearchIndexError(
                    f"Pagefind could not index {page} ({error})\n"
                    f"-> check that page's HTML, then rebuild; {RETRY_END}"
                ) from error
        # GetFiles, not WriteFiles: Pagefind answers WriteFiles before its
        # last writes reach the disk (seen as an empty pagefind-entry.json),
        # so the files come back in the answer and are written here.
        try:
            self.files_request = self.service.send({"type": "GetFiles", "index_id": self.index_id})
        except PagefindServiceError as error:
            raise SearchIndexError(
                f"Pagefind could not make the search index for {self.output / BUNDLE} "
                f"({error})\n{RETRY}"
            ) from error

    def write(self):
        """Write the index files Pagefind made (asking for them first if need be)."""
        if self.files_request is None:
            self.ask()
        bundle = self.output / BUNDLE
        try:
            files = self.service.answer(self.files_request)
        except PagefindServiceError as error:
            raise SearchIndexError(
                f"Pagefind could not make the search index for {bundle} ({error})\n{RETRY}"
            ) from error
        try:
            written = set()
            for file in files["files"]:
                if file["path"] not in UNUSED_UI:
                    path = bundle / file["path"]
                    write_if_changed(path, base64.b64decode(file["content"]))
                    written.add(path)
            # A preview writes over the last build (speed/write/stale_pages.py): the files
            # of the last index that this one does not have would linger.
            for path in bundle.rglob("*"):
                if path.is_file() and path not in written:
                    path.unlink()
        except OSError as error:
            raise SearchIndexError(
                f"Could not write the search index to {bundle} ({error})\n{RETRY}"
            ) from error

    def release(self):
        """The index is written: stop its Pagefind."""
        self.service.close()


# The seam to the speed part: `runner(output, later)` gives the build's index,
# a _BuildIndex or one that behaves as it does (livereload's, kept by the
# speed part from one build to the next, sends Pagefind only changed pages).
INDEX = Seam(_BuildIndex)


def index_wanted(settings):
    """CLINIC_SEARCH_INDEX: True (the default) or False, nothing else."""
    wanted = with_defaults(settings)["CLINIC_SEARCH_INDEX"]
    if not isinstance(wanted, bool):
        raise SearchIndexError(
            f"CLINIC_SEARCH_INDEX is {wanted!r}, but it must be True or False -> "
            "fix it in pelicanconf.py/publishconf.py (True builds the search index)"
        )
    return wanted


def check_setting(pelican):
    """`initialized`: a mistyped setting stops the build before any work."""
    index_wanted(pelican.settings)


def open_index(generators):
    """`all_generators_finalized`: pages are about to be written."""
    discard_unfinished()
    settings = with_defaults(generators[0].settings)
    if index_wanted(settings):
        later = bool(settings["CLINIC_SEARCH_INDEX_BACKGROUND"])
        STATE.index = INDEX.runner(generators[0].output_path, later)


def add_page(path, context):
    """`content_written`: send each HTML page as soon as it is on disk (or
    note it, for the background thread to send)."""
    index = STATE.index
    if index is not None and path.endswith(".html"):
        try:
            index.add(path)
        except SearchIndexError:
            discard_unfinished()
            raise


def write_index(pelican):
    """`finalized`: ask for the index (finish_index writes it), or have the
    background thread make it (livereload), or stop the build."""
    index, STATE.index = STATE.index, None
    if index is None:
        if not index_wanted(pelican.settings):
            _remove_old_index(Path(pelican.output_path) / BUNDLE)
        return
    # The folder exists now, as the _headers file written next expects.
    (index.output / BUNDLE).mkdir(parents=True, exist_ok=True)
    if not with_defaults(pelican.settings)["CLINIC_SEARCH_INDEX_BACKGROUND"]:
        # Pagefind makes the index while minify works on the pages (it has
        # them already); finish_index writes it before the files are compressed.
        STATE.index = index
        try:
            index.ask()
        except SearchIndexError:
            discard_unfinished()
            raise
        return
    thread = threading.Thread(target=_finish_in_background, args=(index,), name="search-index")
    STATE.background = thread
    thread.start()


def finish_index(pelican):
    """pelican-granular-signals' `compress`, before the compressed copies:
    the index asked for at `finalized`, written."""
    index, STATE.index = STATE.index, None
    if index is not None:
        _finish(index)


def _remove_old_index(bundle):
    """A preview built without the index: the last build's would find pages
    that changed or are gone, so it goes, and /search/ says why."""
    shutil.rmtree(bundle, ignore_errors=True)
    print("Search index: not built in this preview (run `invoke build --search` for it)")


def _finish(index):
    try:
        index.write()
    finally:
        if index.service is not None:
            index.release()
    output = index.output
    pages = indexed_page_count(output)
    print(f"Search index: {pages} pages indexed by Pagefind in {output / BUNDLE}")


def _finish_in_background(index):
    try:
        _finish(index)
    except SearchIndexError as error:  # the build has returned: say it here
        print(f"\nSEARCH INDEX FAILED (the pages are up to date, search is not):\n{error}\n")


@atexit.register
def wait_for_background_index(*_):
    """`initialized` (and exit): the last build's index is finished first."""
    thread, STATE.background = STATE.background, None
    if thread is not None:
        thread.join()


@atexit.register
def discard_unfinished():
    """Stop the service a failed build left running (its index is never
    written): the next build starts a fresh one, and none outlives Python."""
    index, STATE.index = STATE.index, None
    if index is not None and index.service is not None:
        index.service.kill()


def indexed_page_count(output):
    """Pages in the index, from Pagefind's own entry file."""
    path = Path(output) / BUNDLE / "pagefind-entry.json"
    try:
        entry = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise SearchIndexError(
            f"Pagefind ran but {path} is missing or unreadable ({error}) -> rebuild the site"
        ) from error
    return sum(language["page_count"] for language in entry["languages"].values())
