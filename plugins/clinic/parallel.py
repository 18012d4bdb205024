"""Article bodies are typogrified on the other cores while Pelican reads on.

typogrify is the slowest step our plugin adds (smartypants most of it; see
benchmarks/build-notes.md). While the articles generator reads, each article
body typogrify has not seen before goes to a worker process, with the steps
that only need the body (external links, the plain-text opening for the
description, the content check's scan of the body as written: html_scan.py),
and the main process goes on reading the next file. When every
article is read (`article_generator_pretaxonomy`, before anything lists,
sorts or renders articles), each deferred article gets its body back and the
rest of its enrichment in the order content.enrich and images.prepare would
have applied it: typography, links, description, then images. The built
pages are byte for byte those of the inline path.

Small batches stay inline: the first INLINE bodies of a build that miss the
typogrify cache are done in-process, so a livereload rebuild after one edit
starts no process. Pages (a handful, read after the articles) are always
inline, as is any article created outside the articles generator's reading.

Markdown goes to the workers too: Markdown was then most of what the main
process did while reading, so the workers waited for it. When a build has
more than INLINE articles that Pelican's reader cache does not hold, each of
them is sent, as the first article is about to be read, to a worker that
converts its Markdown (with the site's own reader: front_matter.py) and then
does the body steps above. Our reader takes the converted body from there
and parses only the front matter itself. A file a worker could not convert
is read in the main process, which reports any error as it always does.
"""

import concurrent.futures
import multiprocessing
import os

from pelican.contents import Article
from pelican.utils import file_suffix

from . import html_scan, links, typogrify_cache
from .typography import plain_text, shorten

INLINE = 8  # cache misses done in-process before a pool is started


class _Batch:
    def __init__(self, context):
        self.context = context
        self.static_links = set(context.get("static_links", ()))  # before any article
        self.pending = []  # (article, future of process_body's result)
        self.inline_left = INLINE
        self.pool = None
        self.readers = None  # Pelican's Readers, for the workers
        self.read_ahead = {}  # source path -> future of read_article's result
        self.bodies_done = {}  # source path -> read_article's result, once read

    def submit(self, function, *args):
        if self.pool is None:
            # fork: the worker starts with typogrify, this plugin and the
            # site's Markdown reader in memory.
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=multiprocessing.get_context("fork")
            )
        return self.pool.submit(function, *args)


# One per core: the main process reads while they work, then waits for them.
WORKERS = os.cpu_count() or 1
_current = {}  # "batch": the _Batch of the articles being read


def process_body(fragment, siteurl):
    """Everything derived from the body alone: (typographic body, body with
    external links marked, plain-text opening) for content.enrich, and the
    content check's scan of the body as written."""
    typographic = fragment and (
        typogrify_cache.lookup(fragment) or typogrify_cache.typogrify(fragment)
    )
    linked = links.mark_external_links(typographic, siteurl)
    return typographic, linked, shorten(plain_text(linked)), html_scan.scan(fragment)


def read_article(path, siteurl):
    """In a worker: the Markdown body of the file at `path` and process_body's
    result for it, or None if the reader would not convert it this way. The
    site's reader is the main process's, as it was when the worker forked."""
    fragment = _reader_for(path).convert_body(path)
    if fragment is None:
        return None
    return fragment, *process_body(fragment, siteurl)


def open_batch(generator):
    """`article_generator_preread` (sent before each article is read)."""
    batch = _current.get("batch")
    if batch is None or batch.context is not generator.context:
        html_scan.forget_all()  # what an earlier build left unused
        if batch is not None and batch.pool is not None:  # a build that failed
            batch.pool.shutdown(cancel_futures=True)
        batch = _current["batch"] = _Batch(generator.context)
        _start_reading_ahead(batch, generator)


def _start_reading_ahead(batch, generator):
    """Send every article the reader cache does not hold to the workers, in
    the order Pelican will read them, if there are more than INLINE."""
    if not WORKERS:
        return
    settings = generator.settings
    to_read = []
    names = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    for name in names:
        path = os.path.abspath(os.path.join(generator.path, name))
        reader = generator.readers.readers.get(file_suffix(path))
        if hasattr(reader, "convert_body") and generator.readers.get_cached_data(path) is None:
            to_read.append(path)
    if len(to_read) <= INLINE:
        return
    batch.readers = generator.readers
    for path in to_read:
        batch.read_ahead[path] = batch.submit(read_article, path, settings["SITEURL"])


def _reader_for(path):
    return _current["batch"].readers.readers[file_suffix(path)]


def converted_body(path):
    """For the reader: the Markdown body a worker made of `path`, or None
    (not sent to a worker, or the worker failed: the reader does it)."""
    batch = _current.get("batch")
    future = batch and batch.read_ahead.pop(path, None)
    if future is None:
        return None
    try:
        result = future.result()
    except Exception:  # a worker died or raised: the main process reads the file
        return None
    if result is None:
        return None
    batch.bodies_done[path] = result
    return result[0]


def defer(instance):
    """From content.enrich: True if the body went to a worker."""
    batch = _current.get("batch")
    if batch is None or not WORKERS or not isinstance(instance, Article):
        return False
    fragment = instance._content
    done = batch.bodies_done.pop(instance.source_path, None)
    if done is not None and done[0] == fragment:  # read ahead: the rest is done too
        future = concurrent.futures.Future()
        future.set_result(done[1:])
        instance.clinic_body_pending = True
        batch.pending.append((instance, future))
        return True
    if not fragment or typogrify_cache.lookup(fragment) is not None:
        return False
    if batch.inline_left > 0:
        batch.inline_left -= 1
        return False
    future = batch.submit(process_body, fragment, instance.settings["SITEURL"])
    instance.clinic_body_pending = True
    batch.pending.append((instance, future))
    return True


def finish(generator):
    """`article_generator_pretaxonomy`: every deferred article completed."""
    batch = _current.pop("batch", None)
    if batch is None:
        return
    from . import content, images  # noqa: PLC0415 (content imports this module)

    try:
        for article, future in batch.pending:
            try:
                typographic, linked, opening, scanned = future.result()
            except Exception:  # a worker died (or raised): do it here, as inline would
                body, siteurl = article.clinic_body_html, article.settings["SITEURL"]
                typographic, linked, opening, scanned = process_body(body, siteurl)
            html_scan.remember(article.clinic_body_html, scanned)
            typogrify_cache.store(article.clinic_body_html, typographic)
            del article.clinic_body_pending
            article._content = linked
            content.describe(article, opening)
            images.prepare(article)
    finally:
        if batch.pool is not None:
            batch.pool.shutdown(cancel_futures=True)  # read-aheads Pelican did not ask for
    # Pelican collected {static}/{attach} links from the bodies as it read
    # them, before images.prepare rewrote the deferred ones: collect again
    # from the finished bodies, as the inline path would have.
    static_links = set(batch.static_links)
    for name in _ARTICLE_LISTS:
        for article in getattr(generator, name, ()):
            static_links |= article.get_static_links()
    generator.context["static_links"].clear()
    generator.context["static_links"].update(static_links)


# Every article Pelican kept (and so collected static links from).
_ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
