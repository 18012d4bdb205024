"""Articles are read and their body steps done on the other cores.

Markdown and our body steps (body/steps.py: typogrify, external links, the
plain-text opening, the content check's scan) are most of a build's
reading time, and each needs only one file. When a build has more than
INLINE articles that Pelican's reader cache does not hold, each of them is
sent, as the first article is about to be read, to a worker process that
converts its Markdown (with the site's own reader: libyaml_reader.py) and does
the body steps; the main process parses only the front matter and builds
Pelican's article from the worker's body. An article whose Markdown was
cached but whose body steps were not (after the INLINE first ones) sends
just its body. When every article is read (`article_generator_pretaxonomy`,
before anything lists, sorts or renders articles), each deferred article's
body steps are handed to the `then` the site part gave the body seam
(body/steps.py), as the inline runner would have done at once. The built
pages are byte for byte those of the inline path (tests/speed/).

Small batches stay inline, so a livereload rebuild after one edit starts no
process. Pages (a handful, read after the articles) are always inline, as is
any article created outside the articles generator's reading. A file a worker
could not convert is read in the main process, which reports any error as it
always does.
"""

import concurrent.futures
import multiprocessing
import os

from pelican.contents import Article
from pelican.utils import file_suffix

from ...body import steps
from ...documents import ARTICLE_LISTS, ARTICLE_TRANSLATION_LISTS, articles_of
from ..state import STATE
from . import body_cache, kept_documents

INLINE = 8  # cache misses done in-process before a pool is started


class _Batch:
    def __init__(self, context):
        self.context = context
        self.static_links = set(context.get("static_links", ()))  # before any article
        self.pending = []  # (article, future of its BodySteps, then)
        self.inline_left = INLINE
        self.pool = None
        self.readers = None  # Pelican's Readers, for the workers
        self.read_ahead = {}  # source path -> future of read_article's result
        self.bodies_done = {}  # source path -> (body, BodySteps), once read

    def submit(self, function, *args):
        if self.pool is None:
            # fork: the worker starts with this plugin, the body steps kept
            # so far and the site's Markdown reader in memory.
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=multiprocessing.get_context("fork")
            )
        return self.pool.submit(function, *args)


# One per core: the main process reads while they work, then waits for them.
WORKERS = os.cpu_count() or 1


def body_steps_for(fragment, siteurl):
    """In a worker: the kept result if there is one, else every step."""
    return body_cache.lookup(fragment, siteurl) or steps.compute(fragment, siteurl)


def read_article(path, siteurl):
    """In a worker: (the front matter's text, the Markdown body of the file
    at `path`, its BodySteps), or None if the reader would not convert it this
    way. The site's reader is the main process's, as it was when the worker
    forked."""
    converted = _reader_for(path).convert_body(path)
    if converted is None:
        return None
    front_matter, fragment = converted
    return front_matter, fragment, body_steps_for(fragment, siteurl)


def open_batch(generator):
    """`article_generator_preread` (sent before each article is read)."""
    if not STATE.on:
        return
    batch = STATE.batch
    if batch is None or batch.context is not generator.context:
        if batch is not None and batch.pool is not None:  # a build that failed
            batch.pool.shutdown(cancel_futures=True)
        batch = STATE.batch = _Batch(generator.context)
        _start_reading_ahead(batch, generator)


def _start_reading_ahead(batch, generator):
    """Send every article neither kept whole nor held by the reader cache to
    the workers, in the order Pelican will read them, if there are more than
    INLINE."""
    if not WORKERS or kept_documents.is_rebuild(generator):
        return  # a rebuild reads the few files that changed: no need to look ahead
    settings = generator.settings
    to_read = []
    names = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    for name in names:
        path = os.path.abspath(os.path.join(generator.path, name))
        reader = generator.readers.readers.get(file_suffix(path))
        if not hasattr(reader, "convert_body") or generator.get_cached_data(name) is not None:
            continue  # not ours to convert, or the article itself is kept (kept_documents.py)
        if generator.readers.get_cached_data(path) is None:
            to_read.append(path)
    if len(to_read) <= INLINE:
        return
    batch.readers = generator.readers
    for path in to_read:
        batch.read_ahead[path] = batch.submit(read_article, path, settings["SITEURL"])


def _reader_for(path):
    return STATE.batch.readers.readers[file_suffix(path)]


def converted_body(path):
    """For the reader: (the front matter's text, the Markdown body) a worker
    made of `path`, or None (not sent to a worker, or the worker failed: the
    reader does it)."""
    batch = STATE.batch
    future = batch and batch.read_ahead.pop(path, None)
    if future is None:
        return None
    try:
        result = future.result()
    except Exception:  # a worker died or raised: the main process reads the file
        return None
    if result is None:
        return None
    front_matter, fragment, steps = result
    batch.bodies_done[path] = fragment, steps
    return front_matter, fragment


def defer(instance, then):
    """From the speed part's body runner: True if the body went to a worker
    (`then` is called at `finish`), False to do it at once."""
    batch = STATE.batch
    if batch is None or not WORKERS or not isinstance(instance, Article):
        return False
    fragment, siteurl = instance._content, instance.settings["SITEURL"]
    done = batch.bodies_done.pop(instance.source_path, None)
    if done is not None and done[0] == fragment:  # read ahead: the body steps are done too
        future = concurrent.futures.Future()
        future.set_result(done[1])
        batch.pending.append((instance, future, then))
        return True
    if not fragment or body_cache.lookup(fragment, siteurl) is not None:
        return False
    if batch.inline_left > 0:
        batch.inline_left -= 1
        return False
    batch.pending.append((instance, batch.submit(body_steps_for, fragment, siteurl), then))
    return True


def finish(generator):
    """`article_generator_pretaxonomy`: every deferred article completed."""
    batch, STATE.batch = STATE.batch, None
    if batch is None:
        return
    try:
        for article, future, then in batch.pending:
            body, siteurl = article.clinic_body_html, article.settings["SITEURL"]
            try:
                found = future.result()
            except Exception:  # a worker died (or raised): do it here, as inline would
                found = steps.compute(body, siteurl)
            body_cache.store(body, siteurl, found)
            then(article, found)
    finally:
        if batch.pool is not None:
            batch.pool.shutdown(cancel_futures=True)  # read-aheads Pelican did not ask for
    if not batch.pending:
        return
    # Pelican collected {static}/{attach} links from the bodies as it read
    # them, before the pictures rewrote the deferred ones: collect again
    # from the finished bodies, as the inline path would have.
    static_links = set(batch.static_links)
    for article in articles_of(generator, ARTICLE_LISTS + ARTICLE_TRANSLATION_LISTS):
        static_links |= article.get_static_links()
    generator.context["static_links"].clear()
    generator.context["static_links"].update(static_links)
