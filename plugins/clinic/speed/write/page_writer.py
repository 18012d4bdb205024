"""Pages are rendered on every core, and only the pages whose inputs changed.

Pelican renders and writes each page in turn, in one process: at 1,000
articles that is about a quarter of a build, with the other core idle (see
benchmarks/build-notes.md). This writer queues the pages the articles and
pages generators ask for, one per file (a paginated listing is split into
its pages here, as Pelican's write_file splits it), and when both are done
(`page_writer_finalized`) forks one process per core; each renders its
share with Pelican's own write_file, and reports the files it wrote. The
main process then sends Pelican's `content_written` signal for each file,
in the order Pelican would have written them, so the sitemap (and anything
else listening) sees the same files as before.

Before that, each page gets its fingerprint (unchanged_pages.py): a page
whose inputs are the same as when this process last wrote it, and whose
file is as it was left, is not rendered again, only announced. So a
livereload rebuild after one edit writes the edited article and the pages
that show something of it, not the whole site.

Forked workers start with the finished site in memory, so nothing is copied
or pickled but the list of files written. A write that may override another
(`override_output`: the location pages) is done by the main process in its
turn, so every file is announced in Pelican's order (the search index is
built in that order, and so is byte for byte the one-process build's); a
few pages (fewer than PARALLEL_MIN to render), one-core machines and
systems without fork are written in-process. A worker that fails stops the
build with the page and the error.
"""

import gc
import io
import os
import pickle
import selectors
import struct
import traceback
from dataclasses import dataclass

from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ...site.feeds import FeedWriter
from . import unchanged_pages

PARALLEL_MIN = 100  # pages to render below which forking costs more than it saves
WORKERS = os.cpu_count() or 1
_FRAME = struct.Struct("!I")  # length prefix of each report a worker sends


class PageWriteError(RuntimeError):
    """A page could not be rendered in a worker: the build stops, saying which."""


@dataclass
class QueuedPage:
    """One file to write, as Pelican's write_file would write it."""

    name: str  # inside the output folder
    template: object
    context: dict  # the shared context
    relative_urls: bool
    override_output: bool
    variables: dict  # the page's own template variables
    path: str = ""  # the file, absolute
    fingerprint: bytes | None = None
    unchanged: bool = False  # the file is as this page would be written: not rendered

    def write(self, writer):
        """Pelican's write_file for this one file (no pagination left to do)."""
        Writer.write_file(
            writer,
            self.name,
            self.template,
            self.context,
            relative_urls=self.relative_urls,
            paginated={},
            override_output=self.override_output,
            **self.variables,
        )


class ParallelPageWriter(FeedWriter):
    """The site's writer (site/feeds.py), with pages queued and written by
    forked workers; the site part uses it while the speed part is on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._queued = []  # QueuedPage, in Pelican's order

    def write_file(  # noqa: PLR0917 (Pelican's write_file, whose callers pass some by position)
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return
        pages = [
            QueuedPage(page_name, template, context, relative_urls, override_output, variables)
            for page_name, variables in self._pages_of(name, paginated, template_name, url, kwargs)
        ]
        for page in pages:
            page.path = sanitised_join(self.output_path, page.name)
        if self._queued is not None:
            self._queued += pages
            return
        # After the flush (template pages, redirect stubs): at once, in turn.
        unchanged_pages.mark(pages)
        for page in pages:
            self._write_here(page)
        unchanged_pages.record(pages)

    def _pages_of(self, name, paginated, template_name, url, kwargs):
        """(file name, template variables) of each file, as Pelican's
        write_file paginates: a listing's articles and dates, one file per page."""
        if paginated is None:
            paginated = {
                key: value for key, value in kwargs.items() if key in ("articles", "dates")
            }
        templates = self.settings["PAGINATED_TEMPLATES"]
        if not paginated or template_name not in templates:
            return [(name, kwargs)]
        per_page = templates[template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {
            key: Paginator(name, url, value, self.settings, per_page)
            for key, value in paginated.items()
        }
        files = []
        for number in range(next(iter(paginators.values())).num_pages):
            variables = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(number + 1)
                variables[f"{key}_paginator"] = paginator
                variables[f"{key}_page"] = page
                variables[f"{key}_previous_page"] = paginator.page(number) if number else None
                has_next = number + 1 < paginator.num_pages
                variables[f"{key}_next_page"] = paginator.page(number + 2) if has_next else None
            files.append((page.save_as, variables))
        return files

    def flush(self):
        """Write every queued page that changed; later writes are done at once."""
        queued, self._queued = self._queued or [], None
        unchanged_pages.mark(queued)
        to_render = sum(1 for page in queued if not page.unchanged)
        if to_render < PARALLEL_MIN or WORKERS < 2 or not hasattr(os, "fork"):
            for page in queued:
                self._write_here(page)
        else:
            _write_in_workers(self, queued, self._announce, self._write_here)
        unchanged_pages.record(queued)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's, but the file is written only if its bytes change: a page
        rendered again (its fingerprint changed) may well come out the same,
        and then its file, and its modification time, stay as they were."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return open(os.devnull, "w", encoding=encoding)  # Pelican keeps the first
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WriteIfChanged(filename, encoding)

    def _write_here(self, page):
        if page.unchanged:
            self._announce(page, [page.path])
        else:
            page.write(self)

    def _announce(self, page, paths):
        """Pelican's bookkeeping and signal for files written elsewhere (a
        worker) or left as they were."""
        page_context = {**page.context, "output_file": page.name, **page.variables}
        for path in paths:
            if path in self._written_files:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}": another page was written to it ({page.name})'
                )
            self._written_files.add(path)
            signals.content_written.send(path, context=page_context)


class _WriteIfChanged(io.StringIO):
    """A file opened for writing that is only written, on close, if what was
    written to it differs from what it holds."""

    def __init__(self, path, encoding):
        super().__init__()
        self.path, self._encoding = path, encoding

    def close(self):
        if not self.closed:
            data = self.getvalue().encode(self._encoding)
            try:
                with open(self.path, "rb") as existing:
                    same = existing.read() == data
            except OSError:
                same = False
            if not same:
                with open(self.path, "wb") as target:
                    target.write(data)
        super().close()


def flush_pages(generator, writer):
    """`page_writer_finalized`: the articles and pages generators are done."""
    if isinstance(writer, ParallelPageWriter):
        writer.flush()


def _written_here(page):
    """Pages that may override a file are written by the main process, as
    are the pages left as they were (they are only announced)."""
    return page.override_output or page.unchanged


def _write_in_workers(writer, queued, announce, write_here):
    """Fork the workers; announce each queued page's files in queue order,
    as soon as the pages before it are written too (and write the main
    process's own pages in their turn)."""
    workers = {}
    # Python's garbage collector, run in a worker, would write to every object
    # the site holds and so copy the whole heap page by page: frozen objects
    # are left alone (the use gc.freeze documents for forking).
    gc.freeze()
    try:
        for share in range(WORKERS):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                os.close(read_end)
                _work(writer, queued, share, write_end)  # never returns
            os.close(write_end)
            workers[read_end] = pid
    finally:
        gc.unfreeze()
    failures = _collect(workers, queued, announce, write_here)
    if failures:
        raise PageWriteError(
            "A page could not be written:\n"
            + "\n".join(failures)
            + "\n-> fix the template or the content named above and rebuild"
        )


def _work(writer, queued, share, pipe):
    """In a worker: write its share of the pages, report each one's files."""
    status = 0
    try:
        written = []
        # Pelican's signal would run the main process's receivers here;
        # the main process sends it instead, once per file, in order.
        signals.content_written.receivers.clear()
        signals.content_written.connect(lambda path, context: written.append(path), weak=False)
        mine = [index for index, page in enumerate(queued) if not _written_here(page)]
        with os.fdopen(pipe, "wb") as reports:
            for index in mine[share::WORKERS]:
                written.clear()
                try:
                    queued[index].write(writer)
                except Exception:
                    _report(reports, ("error", f"{queued[index].name}:\n{traceback.format_exc()}"))
                    status = 1
                    break
                _report(reports, (index, list(written)))
    finally:
        os._exit(status)


def _report(stream, message):
    data = pickle.dumps(message)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _collect(workers, queued, announce, write_here):
    """Read every worker's reports until all have finished."""
    turns = _Turns(queued, announce, write_here)
    buffers = {fd: b"" for fd in workers}
    with selectors.DefaultSelector() as selector:
        for fd in workers:
            selector.register(fd, selectors.EVENT_READ)
        while buffers:
            for key, _ in selector.select():
                chunk = os.read(key.fd, 1 << 16)
                if chunk:
                    buffers[key.fd] = _read_reports(
                        buffers[key.fd] + chunk, turns.written, turns.failures
                    )
                    continue
                selector.unregister(key.fd)
                os.close(key.fd)
                del buffers[key.fd]
            turns.take()
    failures = turns.failures
    for pid in workers.values():
        _, status = os.waitpid(pid, 0)
        if status and not failures:
            failures.append(f"a worker process ended with status {status}")
    if turns.done < len(queued) and not failures:
        failures.append(f"{len(queued) - turns.done} pages were not written")
    return failures


class _Turns:
    """The queued pages in Pelican's order: each is announced (or, a page
    the main process writes, written) once every page before it is done."""

    def __init__(self, queued, announce, write_here):
        self.queued, self.announce, self.write_here = queued, announce, write_here
        self.written = [None] * len(queued)  # files a worker wrote, per queued page
        self.done = 0
        self.failures = []

    def take(self):
        while not self.failures and self.done < len(self.queued):
            page = self.queued[self.done]
            try:
                if _written_here(page):
                    self.write_here(page)
                elif self.written[self.done] is not None:
                    self.announce(page, self.written[self.done])
                else:
                    return  # a worker has not written it yet
            except FileOverwriteFailedError as error:
                self.failures.append(str(error))
            except Exception:
                self.failures.append(f"{page.name}:\n{traceback.format_exc()}")
            self.done += 1


def _read_reports(buffer, written, failures):
    while len(buffer) >= _FRAME.size:
        (length,) = _FRAME.unpack_from(buffer)
        if len(buffer) < _FRAME.size + length:
            break
        index, value = pickle.loads(buffer[_FRAME.size : _FRAME.size + length])
        buffer = buffer[_FRAME.size + length :]
        if index == "error":
            failures.append(value)
        else:
            written[index] = value
    return buffer
