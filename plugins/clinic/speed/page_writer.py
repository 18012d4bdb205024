"""Pages are rendered on every core.

Pelican renders and writes each page in turn, in one process: at 1,000
articles that is about a quarter of a build, with the other core idle (see
benchmarks/build-notes.md). This writer queues the pages the articles and
pages generators ask for, and when both are done (`page_writer_finalized`)
forks one process per core; each renders its share with Pelican's own
write_file, and reports the files it wrote. The main process then sends
Pelican's `content_written` signal for each file, in the order Pelican
would have written them, so the sitemap (and anything else listening) sees
the same files as before.

Forked workers start with the finished site in memory, so nothing is copied
or pickled but the list of files written. A write that may override another
(`override_output`: the location pages) is done by the main process in its
turn, so every file is announced in Pelican's order (the search index is
built in that order, and so is byte for byte the one-process build's); small sites
(fewer than PARALLEL_MIN pages), one-core machines and systems without fork
are written in-process. A worker that fails stops the build with the page and
the error.
"""

import gc
import os
import pickle
import selectors
import struct
import traceback

from pelican import signals
from pelican.writers import FileOverwriteFailedError, Writer

from ..site.feeds import FeedWriter

PARALLEL_MIN = 100  # queued pages below which forking costs more than it saves
WORKERS = os.cpu_count() or 1
_FRAME = struct.Struct("!I")  # length prefix of each report a worker sends
# write_file's own parameters: not template variables.
_WRITE_FILE_OPTIONS = {"relative_urls", "paginated", "template_name", "override_output", "url"}


class PageWriteError(RuntimeError):
    """A page could not be rendered in a worker: the build stops, saying which."""


class ParallelPageWriter(FeedWriter):
    """The site's writer (site/feeds.py), with pages queued and written by
    forked workers; the site part uses it while the speed part is on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._queued = []  # (name, template, context, args, kwargs) in Pelican's order

    def write_file(self, name, template, context, *args, **kwargs):
        if not name or self._queued is None:
            return super().write_file(name, template, context, *args, **kwargs)
        self._queued.append((name, template, context, args, kwargs))
        return None

    def flush(self):
        """Write every queued page; later writes are done at once."""
        queued, self._queued = self._queued or [], None
        if len(queued) < PARALLEL_MIN or WORKERS < 2 or not hasattr(os, "fork"):
            for page in queued:
                self._write_here(page)
            return
        _write_in_workers(self, queued, self._announce, self._write_here)

    def _write_here(self, queued_page):
        name, template, context, args, kwargs = queued_page
        super().write_file(name, template, context, *args, **kwargs)

    def _announce(self, queued_page, paths):
        """Pelican's bookkeeping and signal for files a worker wrote."""
        name, _template, context, _args, kwargs = queued_page
        local = {key: value for key, value in kwargs.items() if key not in _WRITE_FILE_OPTIONS}
        page_context = {**context, "output_file": name, **local}  # once per page, not per file
        for path in paths:
            if path in self._written_files:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}": another page was written to it ({name})'
                )
            self._written_files.add(path)
            signals.content_written.send(path, context=page_context)


def flush_pages(generator, writer):
    """`page_writer_finalized`: the articles and pages generators are done."""
    if isinstance(writer, ParallelPageWriter):
        writer.flush()


def _written_here(queued_page):
    """Pages that may override a file are written by the main process."""
    return bool(queued_page[4].get("override_output"))


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
    """In a worker: write every WORKERS-th page, report each one's files."""
    status = 0
    try:
        written = []
        # Pelican's signal would run the main process's receivers here;
        # the main process sends it instead, once per file, in order.
        signals.content_written.receivers.clear()
        signals.content_written.connect(lambda path, context: written.append(path), weak=False)
        with os.fdopen(pipe, "wb") as reports:
            for index in range(share, len(queued), WORKERS):
                if _written_here(queued[index]):
                    continue
                name, template, context, args, kwargs = queued[index]
                written.clear()
                try:
                    Writer.write_file(writer, name, template, context, *args, **kwargs)
                except Exception:
                    _report(reports, ("error", f"{name}:\n{traceback.format_exc()}"))
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
                self.failures.append(f"{page[0]}:\n{traceback.format_exc()}")
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
