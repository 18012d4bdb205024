"""What a page is made from, as one hash: its fingerprint.

A livereload rebuild renders and writes only the pages whose fingerprint
changed since the last build in the same process (page_writer.py); the
others are left as they are on disk. So a fingerprint must change whenever
the page's HTML could: it covers
- the site: every setting and the plugin's other inputs (STATE.site_key,
  cache_guard.py: its code, authors.yml, the pictures, the libraries'
  versions), and the source of the page's template and
  of every template it extends, imports or includes;
- the page: its output name, and every variable its templates read (found in
  their source with Jinja's own analysis, so the article list of the shared
  context counts only for the pages that show it), taken from the page's own
  variables first, then from the shared context.
A variable's value counts by everything in it, with three exceptions:
- a document (article or page) inside another value (a listing's articles,
  related articles, neighbours) counts by its card (CARD: what a listing,
  a card or a link to it shows), so a new paragraph in one article changes
  its own page, not every page that lists it. The page's own document
  counts whole, with the URL of every document its body may link to;
- settings held by Pelican's objects count once, as the site's;
- a paginator counts by its size, not by the whole listing on every page.
A value that cannot be taken apart (pickled) gives no fingerprint: the page
is always written.
"""

import hashlib
import io
import pickle

from jinja2 import meta
from pelican.contents import Article, Page, Static
from pelican.paginator import Page as ListingPage
from pelican.paginator import Paginator
from pelican.urlwrappers import Author, Category, Tag

# What other pages show of a document: cards (partials/article_card.html),
# links to neighbours and related articles, listings, the archives, the
# search page's list. Anything a template shows of a document other than the
# page's own must be here (tests/speed/test_incremental.py edits each).
CARD = (
    "url",
    "title",
    "title_html",
    "date",
    "locale_date",
    "modified",
    "category",
    "tags",
    "author",
    "authors",
    "reading_time",
    "publication_state",
    "description",
    "status",
    "hero",
)
# The page's own document counts whole, but for what counts as the site's.
OWN_LEFT_OUT = ("_context", "settings")


def _card(*values):
    """Stands for a document in the pickle (never called: fingerprints are only hashed)."""


def _wrapper(*values):
    """Stands for a category, tag or author in the pickle."""


def _listing(*values):
    """Stands for a paginator or one of its pages in the pickle."""


class Digests:
    """What is worked out once and kept for the life of the process (a
    livereload session): each document's card and each of its attributes,
    by the object itself, and what each template's source reads. A document
    that was not read again is the same object, and its attributes are only
    ever replaced, never changed in place, so an attribute that is still the
    same object as last time has the same digest."""

    def __init__(self):
        self.site_key = None
        self.cards = {}  # id(document) -> (document, digest of its card)
        self.attributes = {}  # id(document) -> (document, {name: (value, digest)})
        self.sources = {}  # (template name, source) -> (variables read, templates used)

    def start(self, site_key):
        """A new build: what was kept under other settings or inputs goes."""
        if site_key != self.site_key:
            self.__init__()
            self.site_key = site_key

    def keep_only(self, documents):
        """After a build: forget the documents it no longer has."""
        alive = {id(doc) for doc in documents}
        self.cards = {key: kept for key, kept in self.cards.items() if key in alive}
        self.attributes = {key: kept for key, kept in self.attributes.items() if key in alive}


class BuildFingerprints:
    """The fingerprints of one build's pages. Shared values are alive for the
    whole build, so each is worked out once, by id."""

    def __init__(self, digests, url_key):
        self.digests = digests
        self.url_key = url_key  # every document's URL: bodies link to them
        self.context = None  # the shared context these fingerprints were made for
        self.shared = {}  # (name, id(value)) -> digest of a shared-context value
        self.templates = {}  # template name -> (names it reads or None, digest of its sources)
        self._page_pickler = _Pickler(
            {
                Article: self._reduce_document,
                Page: self._reduce_document,
                Static: self._reduce_document,
            }
        )
        # Cards hold no documents; a stray one counts by its source.
        self._card_pickler = _Pickler(
            {Article: _reduce_source, Page: _reduce_source, Static: _reduce_source}
        )

    def page(self, name, template, context, options, variables):
        """The fingerprint (bytes) of one page, or None."""
        names, sources = self._template(template)
        digest = hashlib.blake2b(self.digests.site_key, digest_size=20)
        digest.update(pickle.dumps((name, template.name, options)))
        digest.update(sources)
        try:
            if names is None:  # a template reference Jinja could not follow
                names = sorted(set(context) | set(variables))
            for key in names:
                if key in variables:
                    value = variables[key]
                    if isinstance(value, (Article, Page)):
                        digest.update(self._whole(value))
                    else:
                        digest.update(self._page_pickler.dumps((key, value)))
                elif key in context:
                    digest.update(self._shared(key, context[key]))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
        return digest.digest()

    def _shared(self, key, value):
        found = self.shared.get((key, id(value)))
        if found is None:
            found = _hash(self._page_pickler.dumps((key, value)))
            self.shared[(key, id(value))] = found
        return found

    def _whole(self, document):
        """The page's own document: every attribute (but the site's), and the
        URLs its body's {filename} links follow."""
        kept = self.digests.attributes.get(id(document))
        if kept is None or kept[0] is not document:
            kept = self.digests.attributes[id(document)] = (document, {})
        known = kept[1]
        digest = hashlib.blake2b(self.url_key, digest_size=20)
        for name, value in vars(document).items():
            if name in OWN_LEFT_OUT:
                continue
            found = known.get(name)
            if found is None or found[0] is not value:
                found = known[name] = (value, _hash(self._page_pickler.dumps((name, value))))
            digest.update(found[1])
        return digest.digest()

    def _reduce_document(self, document):
        kept = self.digests.cards.get(id(document))
        if kept is None or kept[0] is not document:
            card = (type(document).__name__, *(getattr(document, f, None) for f in CARD))
            kept = self.digests.cards[id(document)] = (
                document,
                _hash(self._card_pickler.dumps(card)),
            )
        return _card, (kept[1],)

    def _template(self, template):
        found = self.templates.get(template.name)
        if found is None:
            found = self.templates[template.name] = self._analyse(template)
        return found

    def _analyse(self, template):
        """(the variables the template and those it uses may read, or None if
        one is named at run time; a digest of all their sources)."""
        env = template.environment
        names, digest, seen, todo = set(), hashlib.blake2b(digest_size=20), set(), [template.name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            source = env.loader.get_source(env, current)[0]
            digest.update(f"{current}\0{source}\0".encode())
            found = self.digests.sources.get((current, source))
            if found is None:
                tree = env.parse(source)
                found = self.digests.sources[(current, source)] = (
                    meta.find_undeclared_variables(tree),
                    list(meta.find_referenced_templates(tree)),
                )
            read, used = found
            if None in used:
                return None, digest.digest()
            names |= read
            todo += used
        return sorted(names), digest.digest()


class _SortedSets(pickle.Pickler):
    """Pickles a set by its sorted items: two equal sets made in another order
    (one came back from a worker process) give the same fingerprint."""

    def persistent_id(self, obj):
        if type(obj) in (set, frozenset):
            return type(obj).__name__, sorted(repr(item) for item in obj)
        return None


class _Pickler:
    """One pickler reused for many values (making one costs more than a small value)."""

    def __init__(self, documents):
        self._stream = io.BytesIO()
        self._pickler = _SortedSets(self._stream, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: an object met twice is written twice, so the bytes do not
        # depend on whether two equal strings happen to be one object.
        self._pickler.fast = True
        self._pickler.dispatch_table = {
            **documents,
            Category: _reduce_wrapper,
            Tag: _reduce_wrapper,
            Author: _reduce_wrapper,
            Paginator: _reduce_paginator,
            ListingPage: _reduce_listing_page,
        }

    def dumps(self, value):
        self._stream.seek(0)
        self._stream.truncate()
        self._pickler.clear_memo()
        self._pickler.dump(value)
        return self._stream.getvalue()


def _hash(data):
    return hashlib.blake2b(data, digest_size=20).digest()


def _reduce_source(document):
    return _card, (type(document).__name__, document.source_path)


def _reduce_wrapper(wrapper):
    return _wrapper, (type(wrapper).__name__, wrapper.name, wrapper.slug)


def _reduce_paginator(paginator):
    return _listing, (
        paginator.name,
        paginator.url,
        paginator.per_page,
        paginator.orphans,
        paginator.count,
    )


def _reduce_listing_page(page):
    return _listing, (page.full_name, page.base_url, page.number, page.object_list, page.paginator)


def url_key(documents):
    """Every document's source and URL: a body's links follow them."""
    pairs = sorted((doc.source_path or "", doc.url or "") for doc in documents)
    return hashlib.blake2b(repr(pairs).encode(), digest_size=20).digest()
