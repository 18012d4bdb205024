"""A hostile title and summary come out as text everywhere, never as markup."""

import pytest
from fixture_site import hostile_content
from sitebuilder import build, soup, text

TITLE = 'Fish & Chips: "quotes" <b>bold</b> </script><script>alert(1)</script>'
SUMMARY = 'Tom & Jerry say "hi" <img src=x onerror=alert(1)> </title> done.'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    return build(root / "output", hostile_content(root / "content", TITLE, SUMMARY))


def test_title_is_text_in_h1_title_and_breadcrumbs(hostile_site):
    page = soup(hostile_site, "blog/hostile/")
    h1 = page.h1
    assert not h1.find(["b", "script"])
    visible = text(h1)
    # typogrify makes the quotes typographic; the words and symbols stay.
    for piece in ("Fish & Chips:", "quotes", "<b>bold</b>", "</script><script>alert(1)</script>"):
        assert piece in visible
    assert page.title.string == f"{TITLE} | New Pathways Clinic"
    crumbs = page.find("nav", class_="breadcrumbs")
    assert text(crumbs.find_all("a")[-1]) == TITLE
    assert all(s["type"] == "application/ld+json" for s in page.find_all("script"))


def test_summary_is_text_in_meta_description_and_lead(hostile_site):
    page = soup(hostile_site, "blog/hostile/")
    assert page.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert text(page.find(class_="lead")) == SUMMARY
    assert not page.find("img", src="x")


def test_raw_html_escapes_the_dangerous_characters(hostile_site):
    raw = (hostile_site / "blog/hostile/index.html").read_text()
    assert "<script>alert(1)" not in raw
    assert "<img src=x" not in raw
    assert "&lt;/script&gt;&lt;script&gt;" in raw
    assert 'content="Tom &amp; Jerry say &#34;hi&#34;' in raw


def test_listings_escape_the_title_too(hostile_site):
    for url in ("", "blog/", "blog/category/treatments/"):
        page = soup(hostile_site, url)
        assert all(s["type"] == "application/ld+json" for s in page.find_all("script")), url
        assert TITLE in text(page.find("main")).replace("“", '"').replace("”", '"'), url
