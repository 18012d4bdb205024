"""Finding the next thing to read, on built sites: related articles,
previous/next links, reading time, paginated listings, archives, category
and tag pages. A small fixture site has enough articles to paginate
(PAGINATION is 10) and tags chosen so the related articles are known."""

import datetime
import math
import re

import pytest
from fixture_site import article, make_content
from sitebuilder import build, soup, text
from test_site import ARTICLES, front_matter

START = datetime.date(2025, 1, 6)
WORD = "word "


def post(number):
    """post-00 ... post-22: 17 days apart from START, tagged Ketamine."""
    category = "Treatments" if number < 15 else "Families and caregivers"
    date = START + datetime.timedelta(days=17 * number)
    return article(
        title=f"Post {number:02d}", date=date.isoformat(), category=category, tags="[Ketamine]"
    )


# The fixture body ("Opening paragraph. Getting ready Text.") is 5 words.
FIXTURE_WORDS = 5
ARTICLES_BY_STEM = {f"post-{n:02d}": post(n) for n in range(23)}
ARTICLES_BY_STEM["post-05"] += WORD * (660 - FIXTURE_WORDS)  # exactly 3 minutes at 220 wpm
ARTICLES_BY_STEM["post-06"] += WORD * (661 - FIXTURE_WORDS)  # one word more: 4 minutes
ARTICLES_BY_STEM |= {
    "alpha": article(title="Alpha", date="2026-03-01", tags="[Spravato, Depression]"),
    "beta": article(
        title="Beta",
        date="2026-02-01",
        category="Families and caregivers",
        tags="[Spravato, Depression]",
    ),
    "gamma": article(title="Gamma", date="2025-06-01", tags="[Spravato]"),
    # Shares everything with alpha, but drafts are never suggested.
    "draft-one": article(
        title="Draft one", date="2026-03-05", tags="[Spravato, Depression]", status="draft"
    ),
}
PUBLISHED = sorted(set(ARTICLES_BY_STEM) - {"draft-one"})


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("navigation")
    return build(folder / "output", make_content(folder / "content", ARTICLES_BY_STEM))


def date_of(stem):
    return re.search(r"^date: (\S+)$", ARTICLES_BY_STEM[stem], re.MULTILINE).group(1)


def newest_first(stems):
    return sorted(stems, key=lambda stem: (date_of(stem), stem), reverse=True)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def name(link):
    """A link's text as a screen reader reads it (no space added between elements)."""
    return " ".join(link.get_text().replace("\xa0", " ").split())


def related_titles(page):
    section = page.find("section", class_="next-reading--related")
    return [text(h) for h in section.find_all("h3")] if section else []


# --- related articles --------------------------------------------------------


def test_related_articles_rank_shared_tags_then_category_then_date(nav_site):
    page = soup(nav_site, "blog/alpha/")
    section = page.find("section", class_="next-reading--related")
    assert text(section.find(id=section["aria-labelledby"])) == "Related articles"
    # beta shares two tags, gamma one tag and the category; then the newest
    # article sharing only the category. The draft shares more, but is a draft.
    assert related_titles(page) == ["Beta", "Gamma", "Post 14"]


def test_related_articles_combine_tag_and_category(nav_site):
    # Every post shares the Ketamine tag; those in its own category score
    # more than the newer posts in another category.
    assert related_titles(soup(nav_site, "blog/post-10/")) == ["Post 14", "Post 13", "Post 12"]
    assert related_titles(soup(nav_site, "blog/post-20/")) == ["Post 22", "Post 21", "Post 19"]


def test_drafts_get_related_articles_but_are_never_suggested(nav_site):
    assert related_titles(soup(nav_site, "drafts/draft-one/")) == ["Alpha", "Beta", "Gamma"]
    for stem in PUBLISHED:
        assert "Draft one" not in related_titles(soup(nav_site, f"blog/{stem}/")), stem


def test_next_reading_sits_between_the_article_and_the_newsletter_form(nav_site):
    main = soup(nav_site, "blog/beta/").find("main")
    blocks = [child for child in main.children if getattr(child, "name", None)]
    names = [b["class"][0] if b.get("class") else b.name for b in blocks]
    # (A preview build: the writer's panel sits above the article.)
    assert names == [
        "breadcrumbs",
        "writer-panel",
        "article",
        "next-reading",
        "next-reading",
        "newsletter-form",
    ]


def test_previous_and_next_article_links_are_labelled(nav_site):
    nav = soup(nav_site, "blog/beta/").find("nav", class_="next-reading--neighbours")
    assert nav["aria-label"] == "Previous and next articles"
    previous, following = nav.find("a", rel="prev"), nav.find("a", rel="next")
    assert text(previous) == "Previous article: Post 22"
    assert previous["href"] == "/blog/post-22/"
    assert text(following) == "Next article: Alpha"
    newest = soup(nav_site, "blog/alpha/").find("nav", class_="next-reading--neighbours")
    assert not newest.find("a", rel="next")
    assert text(newest.find("a", rel="prev")) == "Previous article: Beta"


# --- reading time --------------------------------------------------------------


@pytest.mark.parametrize(("stem", "label"), [("post-05", "3 min read"), ("post-06", "4 min read")])
def test_reading_time_rounds_up_words_at_220_a_minute(nav_site, stem, label):
    byline = soup(nav_site, f"blog/{stem}/").find(class_="article__byline")
    assert text(byline.find(class_="article__reading-time")) == label
    cards = soup(nav_site, "blog/tag/ketamine/page/2/").find_all(class_="article-card")
    card = next(c for c in cards if text(c.a) == f"Post {stem[-2:]}")
    assert label in text(card.find(class_="article-card__meta"))


def test_a_short_article_reads_in_one_minute(nav_site):
    assert text(soup(nav_site, "blog/alpha/").find(class_="article__reading-time")) == "1 min read"


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_real_articles_show_reading_time_of_their_text(site, source):
    page = soup(site, f"blog/{source.stem}/")
    words = len(page.find(class_="prose").get_text(" ").split())
    expected = f"{max(1, math.ceil(words / 220))} min read"
    assert text(page.find(class_="article__reading-time")) == expected
    meta, _ = front_matter(source)
    category = soup(site, f"blog/category/{slug(meta['category'])}/")
    card = next(
        c
        for c in category.find_all(class_="article-card")
        if c.a["href"] == f"/blog/{source.stem}/"
    )
    assert expected in text(card.find(class_="article-card__meta"))


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_real_articles_suggest_up_to_three_others(site, source):
    page = soup(site, f"blog/{source.stem}/")
    links = [a["href"] for a in page.select("section.next-reading--related h3 a")]
    assert 1 <= len(links) <= 3
    assert f"/blog/{source.stem}/" not in links
    assert len(set(links)) == len(links)


# --- pagination ------------------------------------------------------------------

LISTINGS = {
    "": ["", "page/2/", "page/3/"],
    "blog/category/treatments/": ["blog/category/treatments/", "blog/category/treatments/page/2/"],
    "blog/tag/ketamine/": [
        "blog/tag/ketamine/",
        "blog/tag/ketamine/page/2/",
        "blog/tag/ketamine/page/3/",
    ],
}


@pytest.mark.parametrize("first", list(LISTINGS))
def test_listings_paginate_with_rel_links_and_page_labels(nav_site, first):
    urls = LISTINGS[first]
    total = len(urls)
    seen = []
    for number, url in enumerate(urls, start=1):
        nav = soup(nav_site, url).find("nav", class_="pagination")
        assert nav["aria-label"] == "Pagination", url
        assert text(nav.find(class_="pagination__status")) == f"Page {number} of {total}"
        current = nav.find("a", attrs={"aria-current": "page"})
        assert name(current) == f"Page {number}" and current["href"] == f"/{url}"
        previous, following = nav.find("a", rel="prev"), nav.find("a", rel="next")
        if number == 1:
            assert previous is None
        else:
            assert previous["href"] == f"/{urls[number - 2]}"
            assert name(previous) == f"Newer articles, page {number - 1} of {total}"
        if number == total:
            assert following is None
        else:
            assert following["href"] == f"/{urls[number]}"
            assert name(following) == f"Older articles, page {number + 1} of {total}"
        numbers = [name(a) for a in nav.find_all("a") if not a.get("rel")]
        assert numbers == [f"Page {n}" for n in range(1, total + 1)]
        seen += [a["href"] for a in soup(nav_site, url).select(".article-card__title a")]
    assert len(seen) == len(set(seen))
    if first == "":
        assert seen == [f"/blog/{stem}/" for stem in newest_first(PUBLISHED)]


def test_later_pages_say_which_page_they_are(nav_site):
    assert text(soup(nav_site, "page/2/").h1) == "Articles, page 2 of 3"
    assert soup(nav_site, "page/2/").title.string.startswith("Articles, page 2 of 3 |")
    heading = text(soup(nav_site, "blog/tag/ketamine/page/3/").h1)
    assert heading == "Articles tagged Ketamine (page 3 of 3)"


def test_a_single_page_listing_has_no_pagination(nav_site):
    assert soup(nav_site, "blog/tag/spravato/").find("nav", class_="pagination") is None


# --- archives, categories, tags -----------------------------------------------------


def test_archives_group_every_article_by_year_then_month(nav_site):
    main = soup(nav_site, "blog/").find("main")
    years = [text(h) for h in main.find_all("h2")]
    assert years == ["2026", "2025"]
    found = []
    for section in main.find_all("section"):
        year = text(section.h2)
        months = [text(h) for h in section.find_all("h3")]
        assert all(m.endswith(year) for m in months)
        order = [datetime.datetime.strptime(m, "%B %Y") for m in months]
        assert order == sorted(order, reverse=True)
        for heading in section.find_all("h3"):
            for link in heading.find_next_sibling("ul").find_all("a"):
                stem = link["href"].split("/")[-2]
                assert datetime.date.fromisoformat(date_of(stem)).strftime("%B %Y") == text(heading)
                found.append(stem)
    assert found == newest_first(PUBLISHED)


def test_categories_page_and_category_pages_describe_each_category(nav_site):
    descriptions = {
        "Treatments": "How our treatments work, who they may help and what a visit involves.",
        "Families and caregivers": "For partners, parents and friends supporting someone in care.",
    }
    terms = soup(nav_site, "blog/categories/").find("dl", class_="term-list")
    listed = {text(dt.a): text(dt.find_next_sibling("dd")) for dt in terms.find_all("dt")}
    assert listed == descriptions
    for name, description in descriptions.items():
        page = soup(nav_site, f"blog/category/{slug(name)}/")
        assert text(page.h1) == f"Articles: {name}" + (
            " (page 1 of 2)" if name == "Treatments" else ""
        )
        assert text(page.find(class_="lead")) == description


def test_tag_pages_list_their_articles(nav_site):
    tags = soup(nav_site, "blog/tags/").find("ul", class_="tag-list")
    assert [text(li) for li in tags.find_all("li")] == [
        "Depression (2)",
        "Ketamine (23)",
        "Spravato (3)",
    ]
    page = soup(nav_site, "blog/tag/spravato/")
    titles = [text(a) for a in page.select(".article-card__title a")]
    assert titles == ["Alpha", "Beta", "Gamma"]
