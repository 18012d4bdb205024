"""Privacy as the browser meets it: loading any page talks only to the site
itself and sets no cookie, and no page's HTML points the browser elsewhere."""

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from .support import report

# Attributes the browser fetches (or navigates a frame to) on its own.
FETCHED = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}


def is_local(url, origin):
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == origin


def test_every_request_goes_to_the_site_itself(served_site, page_loads):
    problems = [
        f"{page.path} requested {url}"
        for page, visit in page_loads
        for url in visit.requests
        if not is_local(url, served_site.origin)
    ]
    # The positive control: the loads did record the site's own requests.
    assert all(visit.requests for _, visit in page_loads), "some page made no request at all"
    assert not problems, report(problems)


def test_no_page_sets_a_cookie(page_loads):
    problems = [f"{page.path}: {visit.cookies}" for page, visit in page_loads if visit.cookies]
    assert not problems, report(problems)


def urls_in(element, attribute):
    value = element.get(attribute)
    if not value:
        return []
    if attribute == "srcset":  # "a.jpg 1x, b.jpg 2x"
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def test_no_page_points_the_browser_at_another_host(served_site):
    problems = []
    for page in served_site.pages:
        html = BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser")
        for tag, attributes in FETCHED.items():
            for element in html.find_all(tag):
                for attribute in attributes:
                    for url in urls_in(element, attribute):
                        if not is_local(urljoin(page.url, url), served_site.origin):
                            problems.append(f"{page.path}: <{tag} {attribute}={url!r}>")
    assert not problems, report(problems)
