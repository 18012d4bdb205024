"""The page writer's worker processes (page_writer.py): forked with the
finished site in memory, each renders its share of the queued pages with
Pelican's write_file and reports the files it wrote through a pipe; the
main process announces them in queue order (Pelican's), writing its own
pages in their turn. A worker that fails stops the build with the page and
the error.
"""

import os
import pickle
import selectors
import struct
import traceback

from pelican import signals
from pelican.writers import FileOverwriteFailedError

from .. import workers

_FRAME = struct.Struct("!I")  # length prefix of each report a worker sends


class PageWriteError(RuntimeError):
    """A page could not be rendered in a worker: the build stops, saying which."""


def written_here(page):
    """Pages that may override a file are written by the main process, as
    are the pages left as they were (they are only announced) and those
    copied as an earlier process rendered them."""
    return page.override_output or page.unchanged or page.kept is not None


def write_in_workers(writer, queued, announce, write_here):
    """Fork the workers; announce each queued page's files in queue order,
    as soon as the pages before it are written too (and write the main
    process's own pages in their turn)."""
    children = workers.fork_shares(lambda share, pipe: _work(writer, queued, share, pipe))
    failures = _collect(children, queued, announce, write_here)
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
        mine = [index for index, page in enumerate(queued) if not written_here(page)]
        with os.fdopen(pipe, "wb") as reports:
            for index in mine[share :: workers.WORKERS]:
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


def _collect(children, queued, announce, write_here):
    """Read every worker's reports until all have finished."""
    turns = _Turns(queued, announce, write_here)
    buffers = {fd: b"" for fd in children}
    with selectors.DefaultSelector() as selector:
        for fd in children:
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
    for pid in children.values():
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
                if written_here(page):
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
