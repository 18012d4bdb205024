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
"""

import concurrent.futures
import multiprocessing
import os

from pelican.contents import Article

from . import html_scan, links, typogrify_cache
from .typography import plain_text, shorten

INLINE = 8  # cache misses done in-process before a pool is started


class _Batch:
    def __init__(self, context):
        self.context = context
        self.static_links = set(context.get("static_links", ()))  # before any article
        self.pending = []  # (article, future)
        self.inline_left = INLINE
        self.pool = None

    def submit(self, fragment, siteurl):
        if self.pool is None:
            # fork: the worker starts with typogrify and this plugin imported.
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=multiprocessing.get_context("fork")
            )
        return self.pool.submit(process_body, fragment, siteurl)


# One per core: the main process reads while they work, then waits for them.
WORKERS = os.cpu_count() or 1
_current = {}  # "batch": the _Batch of the articles being read


def process_body(fragment, siteurl):
    """Everything derived from the body alone: (typographic body, body with
    external links marked, plain-text opening) for content.enrich, and the
    content check's scan of the body as written."""
    typographic = typogrify_cache.typogrify(fragment) if fragment else fragment
    linked = links.mark_external_links(typographic, siteurl)
    return typographic, linked, shorten(plain_text(linked)), html_scan.scan(fragment)


def open_batch(generator):
    """`article_generator_preread` (sent before each article is read)."""
    batch = _current.get("batch")
    if batch is None or batch.context is not generator.context:
        html_scan.forget_all()  # what an earlier build left unused
        if batch is not None and batch.pool is not None:  # a build that failed
            batch.pool.shutdown(cancel_futures=True)
        _current["batch"] = _Batch(generator.context)


def defer(instance):
    """From content.enrich: True if the body went to a worker."""
    batch = _current.get("batch")
    if batch is None or not WORKERS or not isinstance(instance, Article):
        return False
    fragment = instance._content
    if not fragment or typogrify_cache.lookup(fragment) is not None:
        return False
    if batch.inline_left > 0:
        batch.inline_left -= 1
        return False
    future = batch.submit(fragment, instance.settings["SITEURL"])
    instance.clinic_body_pending = True
    batch.pending.append((instance, future))
    return True


def finish(generator):
    """`article_generator_pretaxonomy`: every deferred article completed."""
    batch = _current.pop("batch", None)
    if batch is None or not batch.pending:
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
            batch.pool.shutdown()
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
