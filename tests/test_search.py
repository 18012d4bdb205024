"""Site search on the built site: the header box on every page, the /search/
page and its no-JavaScript fallback, and the Pagefind index written after
the build (read back from its files, no browser needed)."""

import gzip
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from clinic import search_index
from clinic.search_index import SearchIndexError
from fixture_site import article, make_content
from sitebuilder import ROOT, build, html_pages, soup, text
from test_site import ARTICLES, LOCATIONS, front_matter

SEARCH_JS = "/theme/js/search.js"
# Published pages with main content: the only pages the index may hold.
INDEXED_PAGES = {"/about/", "/treatments/", "/privacy/", "/accessibility/", "/newsletter/"}
# Text that appears on every page (header, footer, crisis line, newsletter
# form, article disclaimer and next-reading links): never in the index.
CHROME = [
    "Skip to main content",
    "In crisis?",
    "©",
    "Get our monthly newsletter",
    "not medical advice",
    "Related articles",
    "Previous article",
    "min read",
]


def pagefind_fragments(site):
    """Every page record in the Pagefind index: Pagefind stores each as
    gzipped JSON after a `pagefind_dcd` signature."""
    records = []
    for path in sorted((Path(site) / "pagefind" / "fragment").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        records.append(json.loads(raw[len(b"pagefind_dcd") :]))
    return {record["url"]: record for record in records}


def page_urls(site):
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]


# --- the index -------------------------------------------------------------


def test_the_build_writes_a_pagefind_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not list((site / "pagefind").glob("pagefind-*ui*")), "unused Pagefind UI deployed"
    fragments = pagefind_fragments(site)
    assert entry["languages"]["en"]["page_count"] == len(fragments)


def test_production_build_has_its_index_too(production_site):
    fragments = pagefind_fragments(production_site)
    assert "/locations/columbus/" in fragments
    page = soup(production_site, "search/")
    assert page.find(id="search")["data-pagefind"] == (
        "https://clinic.example/pagefind/pagefind.js"
    )


def test_only_articles_locations_and_pages_are_indexed(site):
    expected = {f"/blog/{p.stem}/" for p in ARTICLES}
    expected |= {f"/locations/{p.stem}/" for p in LOCATIONS}
    expected |= INDEXED_PAGES
    assert set(pagefind_fragments(site)) == expected


def test_index_holds_titles_and_main_content_only(site):
    fragments = pagefind_fragments(site)
    for source in ARTICLES:
        meta, _ = front_matter(source)
        record = fragments[f"/blog/{source.stem}/"]
        assert record["meta"]["title"].replace("\xa0", " ") == meta["title"]
        assert record["word_count"] > 500
    assert fragments["/locations/columbus/"]["meta"]["title"] == "New Pathways Clinic Columbus"
    for url, record in fragments.items():
        for chrome in CHROME:
            assert chrome not in record["content"], (url, chrome)


def test_drafts_and_scheduled_articles_are_previewed_but_never_indexed(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "live": article(title="Live", tags="[Spravato]"),
            "unfinished": article(title="Unfinished", tags="[Spravato]", status="draft"),
            "later": article(title="Later", tags="[Spravato]", date="2099-01-01"),
        },
    )
    site = build(tmp_path / "output", content)
    assert (site / "drafts/unfinished/index.html").is_file()
    assert (site / "blog/later/index.html").is_file()
    indexed = set(pagefind_fragments(site))
    assert {"/blog/live/", "/locations/testville/"} <= indexed
    assert not {"/blog/later/", "/drafts/unfinished/"} & indexed
    # Nor suggested as related reading before they go live.
    assert soup(site, "blog/live/").find("section", class_="related") is None


@pytest.mark.parametrize(
    ("term", "url"),
    [
        ("Spravato", "/blog/what-to-expect-from-spravato-treatment/"),
        ("Columbus", "/locations/columbus/"),
        ("insurance", "/blog/what-to-expect-from-spravato-treatment/"),
    ],
)
def test_index_contains_the_expected_terms(site, term, url):
    content = pagefind_fragments(site)[url]["content"]
    assert term.lower() in content.lower()


# --- the build step ----------------------------------------------------------


def test_pagefind_failure_stops_the_build_with_its_output(tmp_path, monkeypatch):
    failing = [sys.executable, "-c", "import sys; print('no HTML found'); sys.exit(3)"]
    monkeypatch.setattr(search_index, "pagefind_command", lambda output: failing)
    pelican = SimpleNamespace(settings={"OUTPUT_PATH": str(tmp_path)})
    with pytest.raises(SearchIndexError) as error:
        search_index.build_index(pelican)
    message = str(error.value)
    assert "Pagefind could not build the search index" in message
    assert "exit code 3" in message and "no HTML found" in message


def test_missing_pagefind_binary_says_how_to_install_it(monkeypatch):
    import pagefind_bin  # noqa: PLC0415

    def missing():
        raise FileNotFoundError("no pagefind binary")

    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    with pytest.raises(SearchIndexError, match=r"pip install -r requirements.txt"):
        search_index.pagefind_command("output")


def test_a_missing_index_after_pagefind_is_an_error(tmp_path):
    with pytest.raises(SearchIndexError, match=r"pagefind-entry.json is missing"):
        search_index.indexed_page_count(tmp_path)


# --- the pages -------------------------------------------------------------


def test_every_page_has_the_labelled_search_box_in_its_header(site):
    for url in page_urls(site):
        header = soup(site, url).find("header", class_="site-header")
        forms = header.find_all("form", role="search")
        assert len(forms) == 1, url
        form = forms[0]
        assert form["action"] == "/search/" and form["method"] == "get", url
        assert form["aria-label"] == "Site search", url
        field = form.find("input", attrs={"name": "q"})
        assert field["type"] == "search", url
        assert text(form.find("label", attrs={"for": field["id"]})) == "Search the site", url
        assert text(form.find("button", type="submit")) == "Search", url


def test_search_page_has_one_h1_a_labelled_box_and_a_live_status(site):
    page = soup(site, "search/")
    assert [text(h) for h in page.find_all("h1")] == ["Search"]
    assert page.title.string == "Search | New Pathways Clinic"
    search = page.find(id="search")
    form = search.find("form", role="search")
    assert form["aria-label"] == "Search this site"
    field = form.find("input", id="search-q")
    label = form.find("label", attrs={"for": "search-q"})
    assert "visually-hidden" not in (label.get("class") or [])
    assert text(label) == "Search articles, treatments and locations"
    assert search.find(id="search-status")["role"] == "status"
    assert search.find("ol", id="search-results")
    landmark_names = [f["aria-label"] for f in page.find_all("form", role="search")]
    assert len(set(landmark_names)) == len(landmark_names) == 2
    assert field["name"] == "q"


def test_javascript_only_on_the_search_page(site):
    for url in page_urls(site):
        page = soup(site, url)
        sources = [s["src"] for s in page.find_all("script", src=True)]
        inline = [s for s in page.find_all("script", src=False)]
        assert all(s.get("type") == "application/ld+json" for s in inline), url
        assert sources == ([SEARCH_JS] if url == "search/" else []), url
        handlers = [a for tag in page.find_all(True) for a in tag.attrs if a.startswith("on")]
        assert handlers == [], url
    module = soup(site, "search/").find("script", src=SEARCH_JS)
    assert module["type"] == "module"


def test_search_script_is_self_hosted_and_csp_friendly(site):
    script = (site / SEARCH_JS.lstrip("/")).read_text()
    assert script == (ROOT / "theme/static/js/search.js").read_text()
    for forbidden in ("eval(", "new Function", "innerHTML", "outerHTML", "document.write", "http"):
        assert forbidden not in script, forbidden
    assert "root.dataset.pagefind" in script


def test_without_javascript_the_search_page_lists_every_article_by_category(site):
    page = soup(site, "search/")
    assert "need JavaScript" in text(page.find(id="search-no-js"))
    listing = page.find("section", class_="all-articles")
    assert text(listing.h2) == "All articles by topic"
    found = {}
    for heading in listing.find_all("h3"):
        links = heading.find_next_sibling("ul").find_all("a")
        for link in links:
            found[link["href"]] = text(heading)
    expected = {}
    for source in ARTICLES:
        meta, _ = front_matter(source)
        if meta.get("status") != "draft":
            expected[f"/blog/{source.stem}/"] = meta["category"]
    assert found == expected


def test_search_page_is_kept_out_of_the_sitemap(production_site):
    sitemap = (production_site / "sitemap.xml").read_text()
    assert "/search/" not in sitemap
    assert re.search(r"<loc>https://clinic\.example/blog/", sitemap)
