"""A site served under a path (a GitHub project site, a folder of the
clinic's main domain): with SITEURL https://clinic.example/clinic every
address the site writes is under /clinic/, writers' root-relative links
(/treatments/) included, and the output check refuses one that escapes."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from clinic.body import steps
from clinic.checks.output import check_output
from clinic.output import headers
from clinic.site import redirects
from conftest import PRODUCTION_ENVIRON
from fixture_site import article, make_content
from pelican.settings import read_settings
from sitebuilder import ROOT, html_pages, publish, write

UNDER_A_PATH = "https://clinic.example/clinic"
PATH = "/clinic/"


def linked(body, siteurl=UNDER_A_PATH):
    return steps.compute(body, siteurl).linked


# --- Writers' root-relative addresses


def test_root_relative_links_and_pictures_go_under_the_path():
    body = (
        '<p><a href="/treatments/">T</a> <img alt="" src="/images/x.jpg"> <a href="/">home</a></p>'
    )
    assert linked(body) == (
        '<p><a href="/clinic/treatments/">T</a> <img alt="" src="/clinic/images/x.jpg"> '
        '<a href="/clinic/">home</a></p>'
    )


def test_an_address_that_begins_like_the_path_still_goes_under_it():
    """Under https://example.org/blog the blog listing is /blog/blog/: a
    writer's /blog/ means the listing, never the site's home."""
    assert linked('<p><a href="/blog/">Blog</a></p>', "https://example.org/blog") == (
        '<p><a href="/blog/blog/">Blog</a></p>'
    )


def test_other_addresses_stay_as_written():
    body = (
        '<p><a href="#part">a</a> <a href="../other/">b</a> <a href="mailto:a@b.example">c</a> '
        '<a href="https://clinic.example/clinic/about/">d</a></p>'
    )
    assert linked(body) == body


def test_at_a_domain_root_nothing_changes():
    body = '<p><a href="/treatments/">T</a> <img alt="" src="/images/x.jpg"></p>'
    assert linked(body, "https://clinic.example") == body
    assert linked(body, "") == body


def test_external_links_are_still_marked_and_paths_not_doubled_in_broken_html():
    # An unclosed tag makes typogrify's pass mark links a second time
    # (body/steps.py): that pass must not add the path again.
    body = '<p><a href="/treatments/">T</a> <a href="https://nimh.example/">N</a> <b class="x</p>'
    result = linked(body)
    assert result.count("/clinic/treatments/") == 1
    assert "/clinic/clinic/" not in result
    assert 'href="https://nimh.example/" rel="noopener noreferrer"' in result


# --- The output check


def check(tmp_path, body):
    output = tmp_path / "output"
    page = (
        '<!doctype html><html lang="en"><head><title>T</title><meta name="description" '
        'content="D"></head><body><main id="main"><h1>H</h1>{}</main></body></html>'
    )
    write(output / "index.html", page.format('<a href="#main">top</a>'))
    write(output / "about/index.html", page.format(body))
    return [str(problem) for problem in check_output(output, UNDER_A_PATH)]


def test_the_output_check_resolves_links_under_the_path(tmp_path):
    body = (
        '<a href="/clinic/">a</a> <a href="https://clinic.example/clinic/about/">b</a> '
        '<a href="../">c</a> <a href="/clinic/about/#main">d</a>'
    )
    assert check(tmp_path, body) == []


def test_the_output_check_refuses_a_link_that_escapes_the_path(tmp_path):
    body = '<a href="/about/">a</a>\n<a href="https://clinic.example/about/">b</a>'
    assert check(tmp_path, body) == [
        "output/about/index.html:1: link: /about/ leads outside the site's address /clinic/ "
        "-> fix the link in the template or content file that makes this page",
        "output/about/index.html:2: link: https://clinic.example/about/ leads outside the "
        "site's address /clinic/ -> fix the link in the template or content file that makes "
        "this page",
    ]


# --- The host's rules


def test_redirect_rules_are_under_the_path():
    entry = redirects.Redirect("/old-post/", "/blog/new-post/", 3)
    assert redirects.redirects_file([entry], "/clinic") == (
        "/clinic/old-post/ /clinic/blog/new-post/ 301\n"
        "/clinic/old-post /clinic/blog/new-post/ 301\n"
    )


def test_header_rules_are_under_the_path():
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"SITEURL": UNDER_A_PATH})
    text = headers.headers_file(settings, None, [("about", True), ("index.html", False)])
    patterns = [line for line in text.splitlines() if line.startswith("/")]
    assert patterns == [
        "/clinic/*",
        "/clinic/theme/*",
        "/clinic/pictures/*",
        "/clinic/images/*",
        "/clinic/",
        "/clinic/about/*",
    ]


# --- A whole site published under a path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    body = (
        "Read about [our treatments](/treatments/) or [find a clinic](/locations/).\n\n"
        "[This very article]({filename}/articles/under-a-path.md).\n\n"
        "![A calm waiting room](/images/hero.jpg)\n"
    )
    text = article("Under a path") + "\n" + body
    content = make_content(tmp_path_factory.mktemp("content"), {"under-a-path": text})
    write(content / "redirects.yml", "/old-post/: /blog/under-a-path/\n")
    environ = {**PRODUCTION_ENVIRON, "SITEURL": UNDER_A_PATH}
    return publish(tmp_path_factory.mktemp("site"), content=str(content), **environ)


# Attributes that hold an address, in every page the site writes.
ADDRESS_ATTRIBUTES = ("href", "src", "action", "data-pagefind")


def addresses_of(page, html):
    found = []
    for element in html.find_all(True):
        for attribute in ADDRESS_ATTRIBUTES:
            if element.get(attribute):
                found.append(element[attribute])
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    for meta in html.find_all("meta", content=re.compile(r"^https?://|url=")):
        found.append(meta["content"].split("url=")[-1])
    for script in html.find_all("script", type="application/ld+json"):
        found += [v for v in json_strings(json.loads(script.string)) if "://" in v]
    return [urljoin(page, address) for address in found]


def json_strings(data):
    if isinstance(data, dict):
        return [s for value in data.values() for s in json_strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in json_strings(value)]
    return [data] if isinstance(data, str) else []


def escaping(addresses):
    """The addresses on the site's own host that are not under its path."""
    return sorted(
        {
            address
            for address in addresses
            if urlsplit(address).netloc == "clinic.example"
            and not urlsplit(address).path.startswith(PATH)
        }
    )


def test_every_address_in_every_page_is_under_the_path(site):
    problems, seen = [], 0
    for file in html_pages(site):
        page = f"{UNDER_A_PATH}/{file.relative_to(site).as_posix()}"
        addresses = addresses_of(
            page, BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        )
        seen += len(addresses)
        problems += [f"{file.relative_to(site)}: {a}" for a in escaping(addresses)]
    assert seen > 500  # the scan did read the pages' addresses
    assert not problems, "\n".join(problems)


def test_the_writers_link_and_picture_are_under_the_path(site):
    html = BeautifulSoup((site / "blog/under-a-path/index.html").read_text(), "html.parser")
    body_links = [a["href"] for a in html.select("main a") if "treatments" in a["href"]]
    assert "/clinic/treatments/" in body_links
    own = html.select_one("main a[href$='/blog/under-a-path/']")
    assert own is not None and own["href"] == f"{UNDER_A_PATH}/blog/under-a-path/"  # {filename}
    picture = html.select_one("main picture img")
    assert picture is not None, "the writer's picture became no <picture>"
    assert picture["src"].startswith(f"{UNDER_A_PATH}/pictures/")


def test_sitemap_feeds_robots_and_host_rules_are_under_the_path(site):
    sitemap = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text())
    feed = re.findall(r'href="([^"]+)"', (site / "feeds/all.atom.xml").read_text())
    robots = re.findall(r"Sitemap: (\S+)", (site / "robots.txt").read_text())
    assert sitemap and feed and robots
    assert escaping(sitemap + feed + robots) == []
    rules = (site / "_redirects").read_text().split()
    assert rules[:3] == ["/clinic/old-post/", "/clinic/blog/under-a-path/", "301"]
    patterns = [line for line in (site / "_headers").read_text().splitlines() if line[:1] == "/"]
    assert patterns and all(pattern.startswith(PATH) for pattern in patterns), patterns
