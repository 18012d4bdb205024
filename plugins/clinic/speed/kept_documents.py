"""Documents kept between builds in one process (livereload's rebuilds).

Even with Pelican's reader cache, a rebuild makes every article again: the
Article object, its URLs, our plugin's enrichment, 1 to 2 ms each, seconds at
1,000 articles, for files that did not change. Pelican has the mechanism to
keep whole documents, its "generator" cache layer, but that layer pickles
them to disk and fails on a large site (benchmarks/build-notes.md). Here the
same mechanism keeps them in memory only: each generator's document cache
is this process's store, so Pelican takes a document whose file has the
same size and modification time from the last build instead of reading it.

A kept document is the one a fresh read would make as long as nothing else
it was made from changed: the settings, the plugin's other inputs
(cache_guard.py: its code, authors.yml, the pictures) and the day (an
article scheduled for today is published tomorrow). When any of them
changes, the store is emptied. What a build works out across documents
(neighbours, related articles, breadcrumbs, JSON-LD) is worked out again on
every build, as before. A kept document is pointed at the new build's
context, through which its body's links find the documents they name.
"""

import datetime
import os

from pelican.contents import Content

from ..documents import every_document
from . import body_cache
from .fingerprints import url_key
from .state import STATE


class _Store:
    def __init__(self, key):
        self.key = key
        self.documents = {}  # path in the content folder -> (file stamp, document)
        self.body_keys = {}  # id(document) -> its body_cache key
        self.used = set()  # paths this build asked for


def use_kept(generator):
    """`article_generator_init` and `page_generator_init`: the generator's
    document cache becomes this process's store (unless the site asked for
    Pelican's own generator layer)."""
    if not STATE.on or generator.settings["CONTENT_CACHING_LAYER"] == "generator":
        return
    key = (STATE.site_key, datetime.date.today())
    kind = type(generator).__name__
    store = STATE.kept.get(kind)
    if store is None or store.key != key:
        store = STATE.kept[kind] = _Store(key)
    store.used.clear()
    # Pelican's FileStampDataCacher, in memory: stored on every read, never saved.
    generator._cache = store.documents
    generator._cache_data_policy = True
    generator._filestamp_func = _stamp
    generator.save_cache = _nothing_to_save
    read = generator.get_cached_data
    generator.get_cached_data = lambda filename, default=None: _reused(
        generator, store, filename, read(filename, default)
    )


def _reused(generator, store, filename, document):
    store.used.add(filename)
    if isinstance(document, Content):
        # The new build's context and settings (the same values as the old).
        document._context = generator.context
        document.settings = generator.settings
        # Its body steps stay in the body cache, as if they had been asked for.
        found = store.body_keys.get(id(document))
        if found is None or found[0] is not document:
            siteurl = generator.settings["SITEURL"]
            found = store.body_keys[id(document)] = (
                document,
                body_cache.key(getattr(document, "clinic_body_html", ""), siteurl),
            )
        STATE.bodies_used.add(found[1])
    return document


def _stamp(path):
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _nothing_to_save():
    """The store lives in memory; pickling it is what fails on large sites."""


def all_read(generators):
    """`all_generators_finalized`: forget the files that are gone, and what
    Pelican remembers of documents that are not this build's."""
    if not STATE.on:
        return
    for store in STATE.kept.values():
        for path in [path for path in store.documents if path not in store.used]:
            del store.documents[path]
    context = generators[0].context
    documents = every_document(generators)
    linked = [
        *(doc for doc in context.get("generated_content", {}).values() if doc is not None),
        *context.get("static_content", {}).values(),
    ]
    links = url_key(linked)
    links_moved, STATE.url_key = links != STATE.url_key, links
    forget_pelican_memos(documents, links_moved)


def forget_pelican_memos(documents, links_moved):
    """Pelican keeps each document's body with its links resolved (and its
    summary) in caches shared by all documents, for good: in a long livereload
    session, every document of every build. Only this build's are kept, and
    none if a document's URL changed, since a kept body may link to it."""
    alive = {id(document) for document in documents}
    for memo in _pelican_memos():
        if links_moved:
            memo.clear()
            continue
        for key in [key for key in memo if not key or id(key[0]) not in alive]:
            del memo[key]


def _pelican_memos():
    return [
        method.cache
        for method in (Content.__dict__.get("get_content"), Content.__dict__.get("get_summary"))
        if hasattr(method, "cache")
    ]
