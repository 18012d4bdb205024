"""Related articles kept between builds in one process.

site/navigation.py chooses each article's related articles from the dates,
slugs, tags and categories of all of them: about a millisecond an article,
a second at 1,000, on every rebuild, though an edit to one article's text
changes none of it. So the choice is kept, by each article's source file,
with those fields of every article as its key: the same key, the same
choice, given to this build's article objects.
"""

from ...site import navigation
from ..state import STATE


def related_kept(published, articles, count):
    """The speed part's runner for navigation.RELATED."""
    key = (count, _fields(published), _fields(articles))
    kept = STATE.related
    if kept is None or kept[0] != key:
        chosen = navigation.related_articles(published, articles, count)
        STATE.related = (key, [[other.source_path for other in found] for found in chosen])
        return chosen
    by_source = {article.source_path: article for article in published}
    return [[by_source[source] for source in found] for found in kept[1]]


def _fields(articles):
    """What the choice depends on, article by article."""
    return tuple(
        (
            article.source_path,
            article.date,
            article.slug,
            tuple(tag.slug for tag in getattr(article, "tags", None) or ()),
            getattr(getattr(article, "category", None), "slug", None),
        )
        for article in articles
    )
