"""Where a visitor can go from a page: the breadcrumb trail, related articles
to read next, and the clinic footer, as data for their macros.

Breadcrumbs are (title, url) pairs: the visible breadcrumbs and the
BreadcrumbList JSON-LD are both drawn from them, so they always match. The
footer's locations are the location pages themselves, so there is no second
list to forget.

Related articles: up to three per article, by shared tags (worth most) and a
shared category. Own code rather than pelican-related-posts, which ignores
the category and scores every article that shares any tag, so one tag on
most articles makes it quadratic. Here an index tag -> articles is built
once; each article scores only the articles in its own tags and category. A
tag or category that many articles share says little about any two of them,
so from such a large group only the POOL articles nearest in date are
scored: the work per article is bounded and the whole step stays linear.
"""

import datetime
import heapq
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from ..documents import articles_of
from ..seam import Seam
from ..settings import with_defaults

TAG_WEIGHT = 2
CATEGORY_WEIGHT = 1
POOL = 60  # at most this many articles scored per tag or category group

# --- Breadcrumbs -------------------------------------------------------------


def article_breadcrumbs(article, settings):
    return [
        ("Home", ""),
        ("Articles", settings["ARCHIVES_URL"]),
        (article.category.name, article.category.url),
        (article.title, article.url),
    ]


def location_breadcrumbs(location, settings):
    return [
        ("Home", ""),
        ("Locations", settings["LOCATIONS_URL"]),
        (location.city, location.url),
    ]


# --- Related articles --------------------------------------------------------


def order(article):
    """Newest first, then by slug: the deterministic tie-break."""
    return (-article.date.timestamp(), article.slug)


def groups_of(article):
    keys = [(("tag", tag.slug), TAG_WEIGHT) for tag in getattr(article, "tags", None) or []]
    if getattr(article, "category", None):
        keys.append((("category", article.category.slug), CATEGORY_WEIGHT))
    return keys


class RelatedIndex:
    """Published articles grouped by tag and by category, each group in `order`."""

    def __init__(self, articles):
        members = defaultdict(list)
        for article in sorted(articles, key=order):
            for key, _ in groups_of(article):
                members[key].append(article)
        self.members = dict(members)
        self.positions = {key: [order(a) for a in group] for key, group in members.items()}

    def nearby(self, key, article):
        """The group's articles nearest in date to `article` (at most POOL)."""
        group = self.members.get(key, [])
        if len(group) <= POOL:
            return group
        middle = bisect_left(self.positions[key], order(article))
        start = max(0, min(middle - POOL // 2, len(group) - POOL))
        return group[start : start + POOL]

    def related(self, article, count):
        scores = defaultdict(int)
        for key, weight in groups_of(article):
            for other in self.nearby(key, article):
                if other is not article:
                    scores[other] += weight
        best = heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], order(item[0])))
        return [other for other, _ in best]


def is_published(article):
    return getattr(article, "publication_state", "published") == "published"


def related_articles(published, articles, count):
    """[the related articles of each of `articles`], chosen among `published`."""
    index = RelatedIndex(published)
    return [index.related(article, count) for article in articles]


# The seam to the speed part: `runner(published, articles, count)` gives what
# related_articles gives (the speed part keeps it while no article's date,
# slug, tags or category change).
RELATED = Seam(related_articles)


def attach_related(generator):
    """`article_generator_finalized`: every article gets related_articles,
    chosen among published articles only (the preview also shows scheduled
    ones, which must not be suggested before they go live)."""
    count = with_defaults(generator.settings)["CLINIC_RELATED_COUNT"]
    published = [a for a in generator.articles if is_published(a)]
    articles = articles_of(generator)
    for article, related in zip(articles, RELATED.runner(published, articles, count), strict=True):
        article.related_articles = related


# --- The footer ----------------------------------------------------------------


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class Footer:
    clinic_name: str
    mission: str
    locations: tuple
    links: tuple
    year: int


def build_footer(settings, locations, today=None):
    today = today or datetime.date.today()
    return Footer(
        clinic_name=settings["CLINIC_NAME"],
        mission=settings["CLINIC_MISSION"],
        locations=tuple(locations),
        links=tuple(FooterLink(title, url) for title, url in settings["CLINIC_FOOTER_LINKS"]),
        year=today.year,
    )
