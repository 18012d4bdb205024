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

from ...documents import every_document
from ...site import context
from ..state import STATE
from ..write.fingerprints import url_key
from . import body_cache


class _Store:
    def __init__(self, key):
        self.key = key
        self.documents = {}  # path in the content folder -> (file stamp, document)
        self.body_keys = {}  # id(document) -> (document, its body_cache key)
        self.static_links = {}  # id(document) -> (document, its {static} links)
        self.used = set()  # paths this build asked for
        self.reused = set()  # ids of the documents this build took from the store
        self.rebuild = False  # the store held the last build's documents when this one began


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
    store.reused.clear()
    store.rebuild = bool(store.documents)
    # Pelican's FileStampDataCacher, in memory: stored on every read, never saved.
    generator._cache = store.documents
    generator._cache_data_policy = True
    generator._filestamp_func = _stamp
    generator.save_cache = _nothing_to_save
    read = generator.get_cached_data
    generator.get_cached_data = lambda filename, default=None: _reused(
        generator, store, filename, read(filename, default)
    )
    generator.add_static_links = lambda document: _add_static_links(generator, store, document)


def is_rebuild(generator):
    """True if the generator began this build with the last build's documents
    at hand: then only the files that changed are read."""
    store = STATE.kept.get(type(generator).__name__)
    return store is not None and store.rebuild and generator._cache is store.documents


def _reused(generator, store, filename, document):
    store.used.add(filename)
    if isinstance(document, Content):
        store.reused.add(id(document))
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


def _add_static_links(generator, store, document):
    """Pelican's add_static_links, with a kept document's links found once:
    they come from its body, which a kept document keeps (one just read may
    still have its body finished later, by parallel.py)."""
    if id(document) not in store.reused:
        generator.context["static_links"] |= document.get_static_links()
        return
    found = store.static_links.get(id(document))
    if found is None or found[0] is not document:
        found = store.static_links[id(document)] = (document, document.get_static_links())
    generator.context["static_links"] |= found[1]


def parts_kept(article, settings):
    """The speed part's runner for site/context.py's ARTICLE_PARTS: the
    breadcrumbs and JSON-LD of an article made from the same file, under the
    same settings and plugin inputs, are the same."""
    kept = STATE.article_parts.get(id(article))
    if kept is None or kept[0] is not article or kept[1] != STATE.site_key:
        kept = STATE.article_parts[id(article)] = (
            article,
            STATE.site_key,
            context.article_parts(article, settings),
        )
    return kept[2]


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
    documents = every_document(generators)
    alive = {id(document) for document in documents}
    for store in STATE.kept.values():
        for path in [path for path in store.documents if path not in store.used]:
            del store.documents[path]
        for memo in (store.body_keys, store.static_links):
            for key in [key for key in memo if key not in alive]:
                del memo[key]
    for key in [key for key in STATE.article_parts if key not in alive]:
        del STATE.article_parts[key]
    shared = generators[0].context
    linked = [
        *(doc for doc in shared.get("generated_content", {}).values() if doc is not None),
        *shared.get("static_content", {}).values(),
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
