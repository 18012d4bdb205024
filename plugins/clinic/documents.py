"""Every document a build has: the one list the parts share.

Pelican keeps articles and pages in several lists by status (published,
hidden, draft). Whatever the plugin does to "every document" (checks,
pictures, reading time, related articles, the static links it collects)
takes them from here, so no part forgets one of the lists.
"""

from pelican.generators import ArticlesGenerator, PagesGenerator

ARTICLE_LISTS = ("articles", "hidden_articles", "drafts")
PAGE_LISTS = ("pages", "hidden_pages", "draft_pages")
# Translations too: Pelican collects {static} links from every article it keeps.
ARTICLE_TRANSLATION_LISTS = ("translations", "hidden_translations", "drafts_translations")


def articles_of(generator, lists=ARTICLE_LISTS):
    return [article for name in lists for article in getattr(generator, name, ())]


def pages_of(generator):
    return [page for name in PAGE_LISTS for page in getattr(generator, name, ())]


def every_document(generators):
    """Articles, then pages, of every status, in Pelican's order."""
    found = []
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            found += articles_of(generator)
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            found += pages_of(generator)
    return found


def is_written(document):
    """False for a document this build writes no page for: a draft or a
    scheduled article in production (DRAFT_SAVE_AS is "")."""
    return bool(document.save_as)


def generator_of(generators, kind):
    """The one generator of a kind (ArticlesGenerator, PagesGenerator, ...)."""
    return next(g for g in generators if isinstance(g, kind))
