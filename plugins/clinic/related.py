"""Next reading: up to three related articles for each article, by shared
tags (worth most) and a shared category.

Own code rather than pelican-related-posts, which ignores the category and
scores every article that shares any tag, so one tag on most articles makes
it quadratic. Here an index tag -> articles is built once; each article
scores only the articles in its own tags and category. A tag or category
that many articles share says little about any two of them, so from such a
large group only the POOL articles nearest in date are scored: the work per
article is bounded and the whole step stays linear in the number of articles.
"""

import heapq
from bisect import bisect_left
from collections import defaultdict

TAG_WEIGHT = 2
CATEGORY_WEIGHT = 1
POOL = 60  # at most this many articles scored per tag or category group
COUNT = 3


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

    def related(self, article, count=COUNT):
        scores = defaultdict(int)
        for key, weight in groups_of(article):
            for other in self.nearby(key, article):
                if other is not article:
                    scores[other] += weight
        best = heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], order(item[0])))
        return [other for other, _ in best]


def is_published(article):
    return getattr(article, "publication_state", "published") == "published"


def attach(generator):
    """`article_generator_finalized`: every article gets related_articles,
    chosen among published articles only (the preview also shows scheduled
    ones, which must not be suggested before they go live)."""
    count = generator.settings.get("CLINIC_RELATED_COUNT", COUNT)
    index = RelatedIndex([a for a in generator.articles if is_published(a)])
    for article in [*generator.articles, *generator.drafts, *generator.hidden_articles]:
        article.related_articles = index.related(article, count)
