"""Site search in a real browser (Chromium, headless): a query typed in the
header box on another page lands on /search/ and shows the expected page
first, with the matched words marked and the count announced; the page
passes axe with results showing; without JavaScript the page still lists
every article. Uses the session's served production site (its meta
Content-Security-Policy included) and its one Chromium (conftest.py).
"""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from sitebuilder import ROOT

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EXPECTED_FIRST = {
    "Spravato": "/blog/what-to-expect-from-spravato-treatment/",
    "Columbus": "/locations/columbus/",
    "insurance": "/blog/what-to-expect-from-spravato-treatment/",
}


@pytest.fixture
def base_url(served_site):
    return served_site.siteurl


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.requests = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def wait_for_results(tab, containing=r"\S"):
    # A locator assertion, not wait_for_function: that evaluates a string,
    # which the page's Content-Security-Policy rightly forbids.
    status = tab.locator("#search-status")
    expect(status).to_have_text(re.compile(containing))
    return status.text_content()


def run_axe(tab, axe_source):
    # Evaluated through DevTools, not as a <script> the page's CSP would block.
    tab.evaluate(axe_source)
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    assert len(result["passes"]) > 10, "axe did not run its checks"
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.mark.parametrize(("query", "expected"), EXPECTED_FIRST.items())
def test_header_search_lands_on_search_page_with_the_expected_result_first(
    page, base_url, query, expected
):
    page.goto(f"{base_url}/about/")
    page.get_by_role("search", name="Site search").get_by_label("Search the site").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/search/?q={quote(query)}")
    status = wait_for_results(page)
    results = page.locator("#search-results > li")
    count = results.count()
    assert count >= 1
    assert page.locator("#search-no-js").is_hidden()
    assert status == f"{count} {'result' if count == 1 else 'results'} for {query}"
    first = results.first
    assert first.locator("h2 a").get_attribute("href") == expected
    marks = [m.lower() for m in first.locator("mark").all_text_contents()]
    assert marks and all(query.lower() in m for m in marks), marks
    assert page.get_by_label("Search articles, treatments and locations").input_value() == query
    assert page.errors == []
    assert all(url.startswith(base_url) for url in page.requests), page.requests


def test_typing_on_the_search_page_updates_results_and_address(page, base_url):
    page.goto(f"{base_url}/search/")
    page.get_by_label("Search articles, treatments and locations").fill("Cleveland")
    wait_for_results(page, "Cleveland")
    assert page.locator("#search-results > li h2 a").first.get_attribute("href") == (
        "/locations/cleveland/"
    )
    assert page.url.endswith("/search/?q=Cleveland")
    assert page.get_attribute("#search-status", "role") == "status"


def test_more_than_ten_results_come_ten_at_a_time(page, base_url):
    page.goto(f"{base_url}/search/?q=ketamine")
    total = int(wait_for_results(page).split()[0])
    assert total > 10
    results = page.locator("#search-results > li")
    assert results.count() == 10
    page.get_by_role("button", name="Show more results").click()
    expect(results).to_have_count(min(total, 20))
    assert page.locator("#search-more").is_hidden() == (total <= 20)
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == results.nth(10).locator("a").get_attribute("href")


def test_no_results_says_so(page, base_url):
    page.goto(f"{base_url}/search/?q=zebrafish")
    assert wait_for_results(page).startswith("No results for zebrafish.")
    assert page.locator("#search-results").is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_results_passes_axe(page, base_url, axe_source, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}/search/?q=Spravato")
    wait_for_results(page)
    assert run_axe(page, axe_source) == []


def test_header_search_fits_a_small_phone(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{base_url}/blog/")
    box = page.get_by_role("search", name="Site search")
    assert box.is_visible()
    bounds = box.bounding_box()
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= 360
    button = box.get_by_role("button", name="Search").bounding_box()
    assert button["height"] >= 44 and button["x"] + button["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_search_script_loads_only_on_the_search_page(page, base_url):
    page.goto(f"{base_url}/blog/what-to-expect-from-spravato-treatment/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requests if url.endswith(".js") or "pagefind" in url]


def test_without_javascript_the_page_says_so_and_lists_articles(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{base_url}/search/?q=Spravato")
        assert tab.get_by_text("Search results need JavaScript, which is off").is_visible()
        links = tab.locator(".search-page__all li a")
        assert links.count() == len(list((ROOT / "content" / "articles").glob("*.md")))
        assert tab.locator("#search-results").is_hidden()
    finally:
        context.close()
