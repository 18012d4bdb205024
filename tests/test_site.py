"""The real site, built once: every document at its URL, with what a visitor
needs on it."""

import datetime
import re
from pathlib import Path

import pytest
import yaml
from sitebuilder import ROOT, html_pages, soup, text

CONTENT = ROOT / "content"


def front_matter(path):
    raw = path.read_text(encoding="utf-8")
    _, meta, body = raw.split("---", 2)
    return yaml.safe_load(meta), body


ARTICLES = sorted((CONTENT / "articles").glob("*.md"))
LOCATIONS = sorted((CONTENT / "locations").glob("*.md"))
PAGES = {
    "about/": "About New Pathways Clinic",
    "treatments/": "Treatments",
    "privacy/": "Privacy",
    "accessibility/": "Accessibility statement",
    "newsletter/": "Newsletter",
    "newsletter/thank-you/": "Thanks for signing up",
    "404.html": "Page not found",
}
LISTINGS = [
    "",
    "blog/",
    "locations/",
    "blog/categories/",
    "blog/tags/",
    "authors/",
    "blog/category/treatments/",
    "blog/tag/spravato/",
    "authors/maya-okafor/",
]


def test_the_content_is_all_there():
    assert len(ARTICLES) >= 6
    assert {p.stem for p in LOCATIONS} == {"cleveland", "columbus", "cincinnati"}


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_article_page_shows_what_the_writer_wrote(site, source):
    meta, body = front_matter(source)
    page = soup(site, f"blog/{source.stem}/")
    article = page.find("article", class_="article")
    assert text(page.h1) == meta["title"]
    assert f"{meta['title']} | New Pathways Clinic" == page.title.string
    byline = text(article.find(class_="article__byline"))
    authors = yaml.safe_load((CONTENT / "authors.yml").read_text())
    assert authors[meta["author"]]["name"] in byline
    assert meta["date"].strftime("%B %-d, %Y") in byline
    assert page.find("time", datetime=meta["date"].isoformat())
    hero = article.find("figure", class_="article__hero").img
    assert hero["alt"] == meta["hero_alt"]
    # a resized copy of the writer's image (tests/test_images.py checks the rest)
    stem = Path(meta["hero_image"]).stem
    assert re.fullmatch(f"/pictures/[0-9a-f]{{20}}/800w/{re.escape(stem)}.jpg", hero["src"])
    assert (site / "images" / meta["hero_image"]).is_file()
    headings = {text(h) for h in article.find(class_="prose").find_all(["h2", "h3"])}
    for level, heading in re.findall(r"^(#{2,3}) (.+)$", body, re.MULTILINE):
        assert heading.strip() in headings, f"{level} {heading} missing"
    if meta.get("reviewer"):
        reviewer = authors[meta["reviewer"]]["name"]
        review = text(article.find(class_="review-status"))
        assert f"Medically reviewed by {reviewer}" in review
        assert "Next review due" in review


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_articles_are_long_enough_and_sectioned(source):
    _, body = front_matter(source)
    assert len(body.split()) >= 600
    assert len(re.findall(r"^## ", body, re.MULTILINE)) >= 2
    assert re.search(r"^### ", body, re.MULTILINE)


@pytest.mark.parametrize("source", LOCATIONS, ids=lambda p: p.stem)
def test_location_page_shows_address_phone_and_hours(site, source):
    meta, _ = front_matter(source)
    page = soup(site, f"locations/{source.stem}/")
    main = page.find("main")
    assert text(page.h1) == meta["name"]
    address = text(main.find("address"))
    for part in (meta["street"], meta["city"], meta["zip"], meta["phone"]):
        assert str(part) in address
    digits = re.sub(r"\D", "", meta["phone"])
    assert main.find("a", href=f"tel:+1{digits}")
    rows = main.find("table", class_="location__hours").find_all("tr")
    hours = {text(row.th): text(row.td) for row in rows}
    assert list(hours) == [d.capitalize() for d in meta["hours"]]
    for day, value in meta["hours"].items():
        cell = hours[day.capitalize()]
        if value == "closed":
            assert cell == "Closed"
        else:
            opens = int(value.split("-")[0].split(":")[0])
            assert str(opens % 12 or 12) in cell
    osm = main.find("a", href=re.compile(r"^https://www\.openstreetmap\.org/directions"))
    assert f"{meta['latitude']}" in osm["href"]
    assert not main.find("iframe")


@pytest.mark.parametrize(("url", "title"), PAGES.items())
def test_pages_exist_with_their_title(site, url, title):
    assert text(soup(site, url).h1) == title


def test_locations_index_and_home_list_every_location(site):
    cities = {front_matter(p)[0]["name"] for p in LOCATIONS}
    for url in ("", "locations/"):
        cards = soup(site, url).find_all(class_="location-card")
        assert {text(card.find(class_="location-card__title")) for card in cards} == cities


def test_home_lists_latest_articles_with_summaries(site):
    home = soup(site, "")
    cards = home.find_all(class_="article-card")
    summaries = {front_matter(p)[0]["summary"] for p in ARTICLES}
    assert len(cards) == min(len(ARTICLES), 10)
    assert all(text(card.find_all("p")[-1]) in summaries for card in cards)


def every_page(site):
    return [p.relative_to(site).as_posix() for p in html_pages(site)]


def test_every_page_has_landmarks_one_h1_skip_link_and_crisis_line(site):
    for url in every_page(site):
        page = soup(site, url)
        assert page.html["lang"] == "en", url
        assert len(page.find_all("h1")) == 1, url
        first_link = page.body.find("a")
        assert first_link["href"] == "#main" and "skip" in first_link["class"][0], url
        assert page.find("main", id="main"), url
        assert page.find("header") and page.find("nav") and page.find("footer"), url
        crisis = page.find(class_="crisis-line")
        assert "Call 988 or text 988" in text(crisis), url
        assert crisis.find("a", href="tel:988") and crisis.find("a", href="sms:988"), url


def test_footer_on_every_page_lists_locations_links_and_this_year(site):
    cities = {front_matter(p)[0]["name"] for p in LOCATIONS}
    year = datetime.date.today().year
    for url in every_page(site):
        footer = soup(site, url).find("footer", class_="clinic-footer")
        names = {text(a) for a in footer.select(".clinic-footer__locations li > a")}
        assert names == cities, url
        assert len(footer.select('.clinic-footer__locations a[href^="tel:+1"]')) == len(cities)
        hrefs = {a["href"] for a in footer.find_all("a")}
        for href in ("/treatments/", "/privacy/", "/accessibility/", "/newsletter/", "tel:988"):
            assert href in hrefs, (url, href)
        assert f"© {year} New Pathways Clinic" in text(footer), url


FORM_PAGES = ["", "newsletter/"] + [f"blog/{p.stem}/" for p in ARTICLES]


def test_newsletter_form_where_it_belongs_and_nowhere_else(site):
    for url in every_page(site):
        forms = soup(site, url).find_all("form", class_="newsletter-form__form")
        expected = 1 if url.removesuffix("index.html") in FORM_PAGES else 0
        assert len(forms) == expected, url


def test_newsletter_form_fields(site):
    form = soup(site, f"blog/{ARTICLES[0].stem}/").find("form", class_="newsletter-form__form")
    email = form.find("input", type="email")
    assert email.has_attr("required") and email["autocomplete"] == "email"
    for field in form.find_all(["input", "select"]):
        if field.get("type") == "hidden":
            continue
        assert form.find("label", attrs={"for": field["id"]}), field
    options = [text(o) for o in form.find("select").find_all("option")]
    assert options == ["No preference", "Cincinnati", "Cleveland", "Columbus"]
    assert form.find(class_="newsletter-form__honeypot")["aria-hidden"] == "true"
    assert form.find(class_="newsletter-form__honeypot").input["tabindex"] == "-1"
    assert form.find("a", href="/privacy/")
    assert "noreferrer" in str(form.get("rel"))


def test_newsletter_page_places_the_form_where_its_marker_is(site):
    article = soup(site, "newsletter/").find("main").find("article")
    blocks = [child for child in article.children if getattr(child, "name", None)]
    kinds = [b["class"][0] if b.get("class") else b.name for b in blocks]
    assert kinds == ["h1", "prose", "newsletter-form", "prose"]
    assert "once a month" in text(blocks[1])
    assert blocks[3].find("a", href="/privacy/")
    assert "newsletter-form -->" not in str(article)


def test_breadcrumbs_on_articles_and_locations(site):
    crumbs = soup(site, f"blog/{ARTICLES[0].stem}/").find("nav", class_="breadcrumbs")
    assert [text(a) for a in crumbs.find_all("a")][:2] == ["Home", "Articles"]
    crumbs = soup(site, "locations/cleveland/").find("nav", class_="breadcrumbs")
    assert [text(a) for a in crumbs.find_all("a")] == ["Home", "Locations", "Cleveland"]


def test_listing_pages_exist(site):
    for url in LISTINGS:
        assert soup(site, url).find("h1"), url


def test_nothing_loads_from_other_hosts(site):
    for url in every_page(site):
        page = soup(site, url)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                value = element.get(attr, "")
                assert not re.match(r"^(https?:)?//", value), (url, value)
        scripts = page.find_all("script", src=False)
        assert all(s.get("type") == "application/ld+json" for s in scripts), url


def test_preview_build_is_not_indexed(site):
    for url in every_page(site):
        assert soup(site, url).find("meta", attrs={"name": "robots", "content": "noindex"}), url


def test_404_page_is_at_the_root(site):
    assert Path(site, "404.html").is_file()
