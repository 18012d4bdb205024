"""The production site served under a path, as a GitHub project site is
(https://<owner>.github.io/<repository>/): built with SITEURL
<origin>/clinic and served only there, a visitor's crawl, search and
sign-up all stay under /clinic/. The server answers 404 to anything outside
that path, so a link or request that escapes it fails here."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urldefrag

import pytest
from sitebuilder import redirects_listed

from .support import (
    built_pages,
    recording_context,
    report,
    serve,
    static_server,
)
from .test_errors import problems_of
from .test_screenshots import ARTIFACTS, png_size
from .test_search import wait_for_results
from .test_signup import THANK_YOU, build_with_stand_in, fill_in

PATH = "/clinic"
SPRAVATO = "blog/what-to-expect-from-spravato-treatment/"


@dataclass(frozen=True)
class SiteUnderAPath:
    siteurl: str  # "http://127.0.0.1:<port>/clinic"
    root: Path
    received: list  # (headers, body) of every sign-up the stand-in provider got

    def url(self, path=""):
        return f"{self.siteurl}/{path}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site-under-a-path")
    server = static_server(root, prefix=PATH)
    siteurl, provider = build_with_stand_in(root, server, PATH)
    with serve(provider), serve(server):
        yield SiteUnderAPath(siteurl, root, provider.received)


def answers(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_server_serves_nothing_outside_the_path(site):
    """The control: were the site's links still root-relative, they would fail."""
    origin = site.siteurl.removesuffix(PATH)
    assert answers(site.url("treatments/")) == 200
    assert answers(f"{origin}/treatments/") == 404


def test_every_page_and_every_link_stays_under_the_path(site, browser):
    problems, links = [], set()
    with recording_context(browser) as recorder:
        for page in built_pages(site.root, site.siteurl):
            visit = recorder.visit(page.url)
            problems += problems_of(page, visit)
            problems += [
                f"{page.path} asked for {url}"
                for url in visit.requests
                if not url.startswith(site.url())
            ]
            links |= set(
                recorder.tab.eval_on_selector_all("a[href]", "all => all.map(a => a.href)")
            )
    own = {urldefrag(link)[0] for link in links if link.startswith(site.siteurl.removesuffix(PATH))}
    assert site.url(SPRAVATO) in own  # the crawl did collect the site's links
    problems += [
        f"a link leads outside {PATH}/: {link}" for link in own if not link.startswith(site.url())
    ]
    problems += [f"{link} answers {status}" for link in own if (status := answers(link)) != 200]
    assert not problems, report(problems)


def test_an_old_address_under_the_path_leads_to_its_page(site, browser):
    old, new = redirects_listed(site.root)[0]
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(site.url(old.lstrip("/")))  # its page sends the browser on at once
        tab.wait_for_url(site.url(new.lstrip("/")))
    finally:
        context.close()


def test_search_finds_pages_under_the_path(site, browser):
    shot = ARTIFACTS / "under-a-path-search-360x740.png"  # for reviewers to look at
    shot.unlink(missing_ok=True)
    with recording_context(browser, viewport={"width": 360, "height": 740}) as recorder:
        recorder.visit(site.url("about/"))
        tab = recorder.tab
        tab.get_by_role("search", name="Site search").get_by_label("Search the site").fill(
            "Spravato"
        )
        tab.keyboard.press("Enter")
        tab.wait_for_url(site.url("search/?q=Spravato"))
        wait_for_results(tab)
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=shot, full_page=True)
        assert png_size(shot)[0] == 360
        first = tab.locator("#search-results > li h2 a").first
        assert first.evaluate("a => a.href") == site.url(SPRAVATO)
        first.click()
        tab.wait_for_url(site.url(SPRAVATO))
        assert "Spravato" in tab.get_by_role("heading", level=1).inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_the_signup_form_thanks_the_visitor_under_the_path(site, browser, javascript):
    before = len(site.received)
    with recording_context(browser, java_script_enabled=javascript) as recorder:
        recorder.visit(site.url("newsletter/"))
        fill_in(recorder.tab)
        recorder.tab.get_by_role("button", name="Sign up").click()
        recorder.tab.wait_for_url(site.url(THANK_YOU))
        assert recorder.tab.get_by_role("heading", level=1).inner_text()
    posts = site.received[before:]
    assert len(posts) == 1
    assert dict(parse_qsl(posts[0][1]))["redirect"] == site.url(THANK_YOU)
