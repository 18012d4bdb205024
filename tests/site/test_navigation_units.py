"""Related articles and the pagination macro on their own, with small inputs
(and one large one, for the related-articles cost)."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from bs4 import BeautifulSoup
from clinic.site import navigation as related
from jinja2 import Environment, FileSystemLoader
from pelican.paginator import Paginator
from pelican.settings import read_settings
from sitebuilder import ROOT

# --- related articles ---------------------------------------------------------------

DAY = datetime.timedelta(days=1)
EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


@dataclass(eq=False)  # hashed by identity, like Pelican's articles
class FakeArticle:
    slug: str
    date: datetime.datetime
    category: SimpleNamespace
    tags: list


def fake(slug, days, category="c", tags=()):
    return FakeArticle(
        slug,
        EPOCH + days * DAY,
        SimpleNamespace(slug=category),
        [SimpleNamespace(slug=t) for t in tags],
    )


def slugs(articles):
    return [a.slug for a in articles]


def test_shared_tags_outrank_a_shared_category():
    me = fake("me", 0, "c", ["x", "y"])
    both_tags = fake("both-tags", 1, "other", ["x", "y"])
    tag_and_category = fake("tag-and-category", 2, "c", ["x"])
    one_tag = fake("one-tag", 3, "other", ["y"])
    category_only = fake("category-only", 4, "c")
    unrelated = fake("unrelated", 5, "other", ["z"])
    index = related.RelatedIndex(
        [me, both_tags, tag_and_category, one_tag, category_only, unrelated]
    )
    assert slugs(index.related(me, 3)) == ["both-tags", "tag-and-category", "one-tag"]
    assert slugs(index.related(me, count=5)) == [
        "both-tags",
        "tag-and-category",
        "one-tag",
        "category-only",
    ]


def test_ties_go_to_the_newest_then_by_slug():
    me = fake("me", 0, tags=["x"])
    others = [fake("b", 5), fake("a", 5), fake("c", 9), fake("d", 1)]
    index = related.RelatedIndex([me, *others])
    assert slugs(index.related(me, 3)) == ["c", "a", "b"]
    index_reversed = related.RelatedIndex([*reversed(others), me])
    assert slugs(index_reversed.related(me, 3)) == ["c", "a", "b"]


def test_an_article_with_nothing_in_common_gets_none():
    me = fake("me", 0, "alone", ["solo"])
    index = related.RelatedIndex([me, fake("other", 1, "c", ["x"])])
    assert index.related(me, 3) == []


def test_work_per_article_is_bounded_however_many_share_a_tag():
    # Every article in one category with one tag: the quadratic worst case
    # for pairwise scoring. Each article may score at most POOL per group.
    articles = [fake(f"a{n:04d}", n, "c", ["common"]) for n in range(3 * related.POOL)]
    index = related.RelatedIndex(articles)
    for article in articles:
        for key, _ in related.groups_of(article):
            nearby = index.nearby(key, article)
            assert len(nearby) == related.POOL
            assert article in nearby
    middle = articles[len(articles) // 2]
    # Among equals, the newest nearby articles win: the ones just after it.
    assert slugs(index.related(middle, 3)) == [f"a{n:04d}" for n in (120, 119, 118)]


# --- pagination macro ------------------------------------------------------------------


def render_pagination(number, total_pages):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    env = Environment(
        loader=FileSystemLoader(ROOT / "theme" / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    macro = env.get_template("partials/pagination.html").module.pagination
    paginator = Paginator("index.html", "", list(range(10 * total_pages)), settings, per_page=10)
    html = str(macro(paginator.page(number), ""))
    return BeautifulSoup(html, "html.parser").find("nav")


def shown(nav):
    return [" ".join(li.get_text().split()) for li in nav.find_all("li")]


def test_many_pages_show_first_last_and_neighbours_with_gaps():
    nav = render_pagination(10, 20)
    assert shown(nav) == [
        "Newer articles, page 9 of 20",
        "Page 1",
        "…",
        "Page 8",
        "Page 9",
        "Page 10",
        "Page 11",
        "Page 12",
        "…",
        "Page 20",
        "Older articles, page 11 of 20",
    ]
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "/page/10/"
    assert nav.find("a", rel="prev")["href"] == "/page/9/"


def test_a_gap_of_one_page_shows_the_page_instead():
    assert shown(render_pagination(5, 8))[1:-1] == [f"Page {n}" for n in range(1, 9)]
    assert shown(render_pagination(1, 8)) == [
        "Page 1",
        "Page 2",
        "Page 3",
        "…",
        "Page 8",
        "Older articles, page 2 of 8",
    ]
