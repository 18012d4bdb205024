"""What search engines, link previews and feed readers get, on the
production build (absolute URLs, feeds, sitemap)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import PRODUCTION_SITEURL as SITEURL
from fixture_site import hostile_content
from sitebuilder import ROOT, build, html_pages, soup, text

NEWSLETTER = {"provider": "buttondown", "username": "clinic"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def live(production_site):
    return production_site


def urls(site):
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]


def json_ld(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def of_type(blocks, kind):
    return [b for b in blocks if b["@type"] == kind]


def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_describes_itself(live):
    titles = {}
    for url in urls(live):
        page = soup(live, url)
        title = page.title.string
        assert title.endswith("New Pathways Clinic"), url
        titles.setdefault(title, []).append(url)
        assert len(meta(page, "description")) > 20, url
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == f"{SITEURL}/{url}", url
        assert meta(page, "og:url") == canonical
        assert meta(page, "og:title") and meta(page, "og:description"), url
        assert meta(page, "og:image").startswith(f"{SITEURL}/images/"), url
        assert int(meta(page, "og:image:width")) > 0 and meta(page, "og:image:alt"), url
        assert meta(page, "twitter:card") == "summary_large_image", url
        assert meta(page, "theme-color"), url
        assert page.html["lang"] == "en"
        assert not page.find("meta", attrs={"name": "robots"}), url
        feed = page.find("link", rel="alternate", type="application/atom+xml")
        assert feed["href"] == f"{SITEURL}/feeds/all.atom.xml", url
    duplicates = {t: u for t, u in titles.items() if len(u) > 1}
    assert not duplicates


def test_article_open_graph_is_an_article_with_its_hero(live):
    page = soup(live, "blog/what-to-expect-from-spravato-treatment/")
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:image") == f"{SITEURL}/images/what-to-expect-from-spravato-treatment.jpg"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "800")
    assert meta(page, "og:image:alt") == page.find("figure", class_="article__hero").img["alt"]


REQUIRED = {
    "MedicalOrganization": {"@id", "name", "url", "logo", "department"},
    "WebSite": {"@id", "name", "url", "publisher"},
    "MedicalClinic": {
        "name",
        "url",
        "telephone",
        "address",
        "geo",
        "openingHoursSpecification",
        "medicalSpecialty",
        "availableService",
    },
    "MedicalWebPage": {
        "headline",
        "description",
        "image",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
    },
    "BreadcrumbList": {"itemListElement"},
}


def test_every_json_ld_block_parses_and_has_its_required_properties(live):
    seen = set()
    for url in urls(live):
        blocks = json_ld(soup(live, url))
        kinds = [b["@type"] for b in blocks]
        assert kinds[:2] == ["MedicalOrganization", "WebSite"], url
        for block in blocks:
            assert block["@context"] == "https://schema.org"
            missing = REQUIRED[block["@type"]] - set(block)
            assert not missing, (url, block["@type"], missing)
            for value in json.dumps(block).split('"'):
                if value.startswith("http") and "schema.org" not in value:
                    assert value.startswith(SITEURL) or "openstreetmap" in value, (url, value)
            seen.add(block["@type"])
    assert seen == set(REQUIRED)


def test_site_wide_organization_and_website(live):
    blocks = json_ld(soup(live, ""))
    (org,) = of_type(blocks, "MedicalOrganization")
    (site,) = of_type(blocks, "WebSite")
    assert org["name"] == "New Pathways Clinic" and org["url"] == f"{SITEURL}/"
    assert org["logo"] == f"{SITEURL}/images/logo.png"
    assert {d["@id"] for d in org["department"]} == {
        f"{SITEURL}/locations/{city}/#clinic" for city in ("cleveland", "columbus", "cincinnati")
    }
    assert site["url"] == f"{SITEURL}/" and site["publisher"]["@id"] == org["@id"]


@pytest.mark.parametrize("city", ["cleveland", "columbus", "cincinnati"])
def test_location_medical_clinic_matches_the_page(live, city):
    source = yaml.safe_load((ROOT / f"content/locations/{city}.md").read_text().split("---")[1])
    page = soup(live, f"locations/{city}/")
    (clinic,) = of_type(json_ld(page), "MedicalClinic")
    main = page.find("main")
    digits = re.sub(r"\D", "", source["phone"])
    assert clinic["telephone"] == f"+1{digits}"
    assert main.find("a", href=f"tel:{clinic['telephone']}")
    address = clinic["address"]
    assert address["@type"] == "PostalAddress"
    shown = text(main.find("address"))
    for key in ("streetAddress", "addressLocality", "addressRegion", "postalCode"):
        assert address[key] in shown
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": source["latitude"],
        "longitude": source["longitude"],
    }
    open_days = {d: v for d, v in source["hours"].items() if v != "closed"}
    spec = {
        s["dayOfWeek"].rsplit("/", 1)[1]: f"{s['opens']}-{s['closes']}"
        for s in clinic["openingHoursSpecification"]
    }
    assert spec == {d.capitalize(): v for d, v in open_days.items()}
    assert clinic["medicalSpecialty"]
    assert len(clinic["availableService"]) == len(source["treatments"])
    assert clinic["url"] == f"{SITEURL}/locations/{city}/"
    (trail,) = of_type(json_ld(page), "BreadcrumbList")
    visible = [text(a) for a in page.find("nav", class_="breadcrumbs").find_all("a")]
    assert [item["name"] for item in trail["itemListElement"]] == visible


def test_article_medical_web_page_matches_the_page(live):
    page = soup(live, "blog/what-to-expect-from-spravato-treatment/")
    (data,) = of_type(json_ld(page), "MedicalWebPage")
    assert data["headline"] == text(page.h1)
    assert data["description"] == meta(page, "description")
    assert data["image"]["url"] == meta(page, "og:image")
    byline = page.find(class_="article__byline")
    published, updated = (t["datetime"] for t in byline.find_all("time"))
    assert data["datePublished"].startswith(published)
    assert data["dateModified"].startswith(updated)
    assert data["author"]["@type"] == "Person"
    assert data["author"]["name"] == "Priya Natarajan"
    assert data["author"]["honorificSuffix"] == "PMHNP-BC"
    assert data["author"]["url"] == byline.a["href"] == f"{SITEURL}/authors/priya-natarajan/"
    assert data["publisher"]["@id"] == f"{SITEURL}/#organization"
    assert data["reviewedBy"]["name"] == "Daniel Reyes"
    reviewed = page.find(class_="review-status").time["datetime"]
    assert data["lastReviewed"] == reviewed == "2026-10-05"
    (trail,) = of_type(json_ld(page), "BreadcrumbList")
    visible = [text(a) for a in page.find("nav", class_="breadcrumbs").find_all("a")]
    assert [item["name"] for item in trail["itemListElement"]] == visible
    assert (
        trail["itemListElement"][-1]["item"]
        == f"{SITEURL}/blog/what-to-expect-from-spravato-treatment/"
    )


def test_article_without_reviewer_has_no_review_claims(live):
    page = soup(live, "blog/finding-your-people-support-groups/")
    (data,) = of_type(json_ld(page), "MedicalWebPage")
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert not page.find(class_="review-status")


def test_health_signals_on_articles(live):
    page = soup(live, "blog/integration-after-a-ketamine-session/")
    byline = page.find(class_="article__byline")
    assert byline.a["href"] == f"{SITEURL}/authors/maya-okafor/"
    assert "not medical advice" in text(page.find(class_="article__disclaimer"))


def test_author_page_has_bio_credentials_and_articles(live):
    page = soup(live, "authors/maya-okafor/")
    assert text(page.h1) == "Maya Okafor, LPCC-S"
    assert "integration therapy" in text(page.find("main"))
    links = {a["href"] for a in page.select(".article-card h2 a")}
    assert f"{SITEURL}/blog/integration-after-a-ketamine-session/" in links


def test_atom_feeds_are_valid_and_complete(live):
    feeds = sorted((live / "feeds").glob("*.atom.xml"))
    assert {f.name for f in feeds} >= {"all.atom.xml", "treatments.atom.xml"}
    articles = sorted((ROOT / "content/articles").glob("*.md"))
    for feed_path in feeds:
        feed = ET.parse(feed_path).getroot()
        assert feed.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated"):
            assert feed.find(f"{ATOM}{required}").text, (feed_path, required)
        for entry in feed.findall(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link").get("href")
            assert link.startswith(f"{SITEURL}/blog/")
            for required in ("id", "title", "updated", "published"):
                assert entry.find(f"{ATOM}{required}").text, (feed_path, required)
            assert entry.find(f"{ATOM}author/{ATOM}name").text
            content = entry.find(f"{ATOM}content")
            assert content.get("type") == "html" and len(content.text) > 2000
            assert 'href="/' not in content.text, "links in feeds must be absolute"
    entries = ET.parse(live / "feeds/all.atom.xml").getroot().findall(f"{ATOM}entry")
    assert len(entries) == len(articles)


def test_category_pages_link_their_own_feed(live):
    page = soup(live, "blog/category/treatments/")
    hrefs = {link["href"] for link in page.find_all("link", type="application/atom+xml")}
    assert f"{SITEURL}/feeds/treatments.atom.xml" in hrefs


def test_sitemap_lists_published_pages_only(live):
    tree = ET.parse(live / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = {u.find(f"{ns}loc").text: u.find(f"{ns}lastmod") for u in tree.findall(f"{ns}url")}
    assert all(lastmod is not None and lastmod.text for lastmod in listed.values())
    for url in (
        "",
        "blog/what-to-expect-from-spravato-treatment/",
        "locations/cleveland/",
        "about/",
    ):
        assert f"{SITEURL}/{url}" in listed, url
    for url in ("404.html", "newsletter/thank-you/"):
        assert f"{SITEURL}/{url}" not in listed, url
    assert not [u for u in listed if "/drafts/" in u]
    robots = (live / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots and "Disallow: /" not in robots


def test_preview_robots_txt_blocks_indexing(site):
    assert "Disallow: /" in (site / "robots.txt").read_text()


HOSTILE_TITLE = 'A & B "q" <i>x</i> </script><script>alert(1)</script>'
HOSTILE_SUMMARY = "Sum & more <b>bold</b> </script> end"


@pytest.fixture(scope="module")
def hostile_live(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-live")
    content = hostile_content(
        root / "content",
        HOSTILE_TITLE,
        HOSTILE_SUMMARY,
        reviewer="rob-reviewer",
        reviewed="2026-01-06",
    )
    return build(
        root / "output", content, conf="publishconf.py", SITEURL=SITEURL, NEWSLETTER=NEWSLETTER
    )


def test_hostile_text_survives_meta_json_ld_and_feed(hostile_live):
    raw = (hostile_live / "blog/hostile/index.html").read_text()
    assert "<script>alert(1)" not in raw
    assert raw.count("</script>") == raw.count("<script")
    page = soup(hostile_live, "blog/hostile/")
    assert meta(page, "og:title") == HOSTILE_TITLE
    assert meta(page, "twitter:title") == HOSTILE_TITLE
    assert meta(page, "description") == HOSTILE_SUMMARY
    (data,) = of_type(json_ld(page), "MedicalWebPage")
    assert data["headline"] == HOSTILE_TITLE and data["description"] == HOSTILE_SUMMARY
    (trail,) = of_type(json_ld(page), "BreadcrumbList")
    assert trail["itemListElement"][-1]["name"] == HOSTILE_TITLE
    entry = ET.parse(hostile_live / "feeds/all.atom.xml").getroot().find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == HOSTILE_TITLE
    summary = entry.find(f"{ATOM}summary")
    # the summary is HTML in the feed: it must display as the same text
    assert "<b>" not in summary.text and "&lt;b&gt;" in summary.text
