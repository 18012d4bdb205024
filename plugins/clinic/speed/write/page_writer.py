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
that show something of it, not the whole site. A new process copies the
pages an earlier one rendered from the same inputs (kept_pages.py).

Forked workers start with the finished site in memory, so nothing is copied
or pickled but the list of files written. A write that may override another
(`override_output`: the location pages) is done by the main process in its
turn, so every file is announced in Pelican's order (the search index is
built in that order, and so is byte for byte the one-process build's); a
few pages (fewer than PARALLEL_MIN to render), one-core machines and
systems without fork are written in-process. A worker that fails stops the
build with the page and the error.
"""

import io
import os
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ...files import write_if_changed
from ...site.feeds import FeedWriter
from .. import workers
from . import kept_pages, unchanged_pages
from .page_workers import write_in_workers

PARALLEL_MIN = 100  # pages to render below which forking costs more than it saves


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
    kept: Path | None = None  # this page as an earlier process rendered it (kept_pages.py)

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
        kept_pages.restore_all(pages)
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
        for page in queued:
            if page.override_output:  # rendered in its turn: never copied before the others
                page.kept = None
        kept_pages.restore_all(queued)
        to_render = sum(1 for page in queued if not (page.unchanged or page.kept))
        if to_render < PARALLEL_MIN or workers.WORKERS < 2 or not hasattr(os, "fork"):
            for page in queued:
                self._write_here(page)
        else:
            write_in_workers(self, queued, self._announce, self._write_here)
            workers.give_back_memory()
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
        if page.unchanged or page.kept is not None:  # a kept page is restored by now
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
            write_if_changed(self.path, self.getvalue().encode(self._encoding))
        super().close()


def flush_pages(generator, writer):
    """`page_writer_finalized`: the articles and pages generators are done."""
    if isinstance(writer, ParallelPageWriter):
        writer.flush()
