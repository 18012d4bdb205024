"""Checks on the finished site, run after the production build writes it:
every internal link and image leads to a file (and #fragment to an id) and
stays under the path the site is served from (SITEURL
https://example.org/clinic), every <img> has alt, no page is empty, every
page has a title and a meta description. Content checks cannot see what
templates produce; this can.

Most of the work is parsing every page, so `SCAN` is the seam to the speed
part: `SCAN.runner(pages)` gives each page's scan, one page after another by
default; the speed part keeps scans by the page's bytes and parses the
others on every core.
"""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from ..body.html_scan import scan
from ..body.links import site_path
from ..problems import ContentError, Problem, tell_github
from ..seam import Seam
from ..settings import with_defaults

FIX_LINK = "fix the link in the template or content file that makes this page"


def check_after_build(pelican):
    """pelican-granular-signals' `deploy`, after minify and compress: stop the
    production build if the files as they would be deployed are broken."""
    settings = with_defaults(pelican.settings)
    if not settings["CLINIC_CHECK_OUTPUT"]:
        return
    output = Path(settings["OUTPUT_PATH"])
    problems = check_output(output, settings["SITEURL"])
    pages = sum(1 for _ in output.rglob("*.html"))
    tell_github("Checks of the built site", problems, f"Checked {pages} pages as deployed")
    if problems:
        raise ContentError(problems, "problem(s) in the built site, which must not be deployed")


def scan_file(path):
    return scan(path.read_text(encoding="utf-8"))


def scan_pages(pages):
    return [scan_file(page) for page in pages]


SCAN = Seam(scan_pages)


def check_output(output, siteurl=""):
    output = Path(output)
    pages = sorted(output.rglob("*.html"))
    check = PageCheck(output, siteurl, dict(zip(pages, SCAN.runner(pages), strict=True)))
    return [problem for page in pages for problem in check(page)]


class PageCheck:
    """The problems of one page. Where each URL leads is worked out once, for
    every page that links to it: most links are the same few dozen on every
    page."""

    def __init__(self, output, siteurl, scans):
        self.output, self.siteurl, self.scans = output, siteurl, scans
        self.site_path = site_path(siteurl)  # "/clinic": every address must stay under it
        self.targets = {}  # (URL, page URL if the URL is relative) -> what is wrong, or None

    def scanned(self, path):
        if path not in self.scans:
            self.scans[path] = scan_file(path)
        return self.scans[path]

    def __call__(self, path):
        output = self.output
        relative = path.relative_to(output).as_posix().removesuffix("index.html")
        page_url = f"{self.site_path}/{relative}"
        shown = f"{output.name}/{path.relative_to(output).as_posix()}"
        found = self.scanned(path)
        problems = _page_problems(found, shown)
        for line, _tag, url in found.links:
            key = (url, "" if url.startswith(("/", "http:", "https:")) else page_url)
            if key not in self.targets:
                self.targets[key] = self._broken(url, page_url)
            if self.targets[key]:
                problems.append(Problem(shown, "link", self.targets[key], FIX_LINK, line))
        return problems

    def _broken(self, url, page_url):
        """What is wrong with an internal URL, or None (fine, or another site)."""
        parts = urlsplit(urljoin(page_url, _own_path(url, self.siteurl)))
        if parts.scheme or parts.netloc:
            return None  # another site, mailto:, tel:, data:
        path = unquote(parts.path)
        if self.site_path and path != self.site_path and not path.startswith(self.site_path + "/"):
            return f"{url} leads outside the site's address {self.site_path}/"
        target = self.output / path[len(self.site_path) :].lstrip("/")
        if parts.path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return f"{url} leads to no file in the built site"
        fragment = parts.fragment
        if fragment and target.suffix == ".html" and fragment not in self.scanned(target).ids:
            return f'{url}: there is no id="{fragment}" on that page'
        return None


def _page_problems(found, shown):
    problems = []
    if not found.title:
        problems.append(Problem(shown, "title", "the page has no <title>", "give it a title"))
    if not found.description and not found.refresh:
        problems.append(
            Problem(shown, "description", "no meta description", "give the page a summary")
        )
    if not found.text_length:
        problems.append(Problem(shown, "page", "the page is empty", "check its template"))
    for line, image in found.images:
        if "alt" not in image:
            problems.append(
                Problem(
                    shown,
                    "image",
                    f'<img src="{image.get("src", "")}"> has no alt attribute',
                    'add alt text (alt="" only for pure decoration)',
                    line,
                )
            )
    return problems


def _own_path(url, siteurl):
    """A URL of the site's own origin as a root-relative one, path included
    (https://example.org/clinic/about/ -> /clinic/about/); others as they are."""
    own = urlsplit(siteurl)
    parts = urlsplit(url)
    if siteurl and (parts.scheme, parts.netloc) == (own.scheme, own.netloc):
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return url
