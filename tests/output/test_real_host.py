"""The production build served by a real host's runtime: `wrangler pages dev`
runs Cloudflare Pages' own server (workerd) on 127.0.0.1 and reads our
`_headers` and `_redirects` as the host does. Checked over HTTP: the
security headers and the right Content-Security-Policy on every page, a
year of immutable caching for the fingerprinted theme files and pictures, revalidation
for pages, a 301 from every old WordPress address (with and without its
trailing slash), the site's 404 page for unknown addresses, and compressed
responses for clients that ask.

What the host really does with compression: it compresses each response
itself, with Brotli or gzip, whichever the client lists first, and never
serves our .br/.gz copies in their place (they are served only at their own
addresses, as plain files). So the tests check that what arrives decodes to
the built file, not which bytes were sent.
"""

import gzip
import http.client
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import brotli
import pytest
from bs4 import BeautifulSoup
from clinic.output import headers as security
from clinic.site import redirects
from sitebuilder import ROOT, html_pages

sys.path.insert(0, str(ROOT / "scripts"))
import pages_dev

YEAR_IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = {
    "Strict-Transport-Security": security.STRICT_TRANSPORT_SECURITY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": security.REFERRER_POLICY,
    "Permissions-Policy": security.PERMISSIONS_POLICY,
}


@dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


@dataclass(frozen=True)
class Host:
    origin: str
    root: Path

    def get(self, path, **headers):
        """One GET, redirects not followed; `Accept-Encoding` only if given."""
        connection = http.client.HTTPConnection(self.origin.removeprefix("http://"), timeout=30)
        try:
            connection.request(
                "GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()}
            )
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()


@pytest.fixture(scope="module")
def host(production_site, tmp_path_factory):
    """The session's production build behind `wrangler pages dev`. Its pages
    link to https://clinic.example, which nothing here follows: these checks
    are about the host's answers."""
    port = pages_dev.free_port()
    try:
        with pages_dev.pages_dev(production_site, port, tmp_path_factory.mktemp("wrangler")):
            yield Host(f"http://{pages_dev.LOOPBACK}:{port}", production_site)
    except pages_dev.WranglerMissing as missing:
        pytest.fail(str(missing))


def page_paths(root):
    """The URL of every page: 'blog/x/index.html' -> '/blog/x/'. Not 404.html,
    which the host answers only for unknown addresses (tested below)."""
    paths = []
    for file in html_pages(root):
        relative = file.relative_to(root).as_posix()
        if relative != "404.html":
            paths.append("/" + relative.removesuffix("index.html"))
    return paths


def meta_policy(body):
    tag = BeautifulSoup(body, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    return tag["content"]


def security_problems(path, response):
    problems = [
        f"{path}: {name} is {response.headers.get(name)!r}, not {value!r}"
        for name, value in SECURITY_HEADERS.items()
        if response.headers.get(name) != value
    ]
    # The header policy is the page's own <meta> policy (one per kind of page)
    # plus what only a header can say.
    expected = meta_policy(response.body) + "; frame-ancestors 'none'"
    if response.headers.get("Content-Security-Policy") != expected:
        problems.append(
            f"{path}: Content-Security-Policy is "
            f"{response.headers.get('Content-Security-Policy')!r}, not {expected!r}"
        )
    return problems


def test_the_real_host_is_installed():
    """Fails, never skips, without wrangler, and says how to install it."""
    assert pages_dev.WRANGLER.exists(), f"{pages_dev.WRANGLER} is missing: {pages_dev.INSTALL}"


def test_a_missing_wrangler_is_reported_with_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setattr(pages_dev, "WRANGLER", tmp_path / "no-wrangler")
    with (
        pytest.raises(pages_dev.WranglerMissing, match=r"invoke tools"),
        pages_dev.pages_dev(tmp_path, pages_dev.free_port(), tmp_path / "work"),
    ):
        pass


def test_every_page_carries_its_policy_and_the_security_headers(host):
    paths = page_paths(host.root)
    assert len(paths) > 20
    problems = []
    kinds = {}
    for path in paths:
        response = host.get(path)
        if response.status != 200:
            problems.append(f"{path}: status {response.status}")
            continue
        problems += security_problems(path, response)
        kinds[path] = response.headers["Content-Security-Policy"]
    assert not problems, "\n".join(problems)
    # The search page's own policy, and only there.
    assert "'wasm-unsafe-eval'" in kinds["/search/"]
    assert "worker-src 'self'" in kinds["/search/"]
    others = [path for path, policy in kinds.items() if "wasm" in policy and path != "/search/"]
    assert others == []


def test_fingerprinted_theme_files_and_pictures_are_cached_for_a_year(host):
    fingerprinted = [
        p
        for folder in ("theme", "pictures")
        for p in (host.root / folder).rglob("*")
        if p.is_file() and p.suffix not in (".br", ".gz")
    ]
    assert any(p.suffix == ".css" for p in fingerprinted)
    assert any(p.suffix == ".webp" for p in fingerprinted)
    for file in fingerprinted:
        path = "/" + file.relative_to(host.root).as_posix()
        response = host.get(path)
        assert response.status == 200, path
        assert response.headers["Cache-Control"] == YEAR_IMMUTABLE, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path


def test_pages_revalidate_on_every_visit(host):
    for path in ["/", "/blog/", "/locations/cleveland/", "/search/", "/sitemap.xml"]:
        response = host.get(path)
        assert response.status == 200, path
        assert response.headers["Cache-Control"] == security.PAGE_CACHE, path


def test_every_old_wordpress_address_answers_301_to_its_page(host):
    listed, problems = redirects.read_redirects(ROOT / "content" / "redirects.yml", "redirects")
    assert listed and not problems
    for redirect in listed:
        old = redirect.old
        toggled = old.removesuffix("/") if old.endswith("/") else old + "/"
        for path in (old, toggled):
            response = host.get(path)
            assert response.status == 301, f"{path}: {response.status}"
            target = urljoin(host.origin + path, response.headers["Location"])
            assert target == host.origin + redirect.new, path
        assert host.get(redirect.new).status == 200, redirect.new


def test_an_unknown_address_answers_404_with_the_sites_404_page(host):
    for path in ["/no-such-page/", "/blog/no-such-article/", "/theme/css/no-such.css"]:
        response = host.get(path)
        assert response.status == 404, path
        assert response.body == (host.root / "404.html").read_bytes(), path
        assert all(response.headers.get(k) == v for k, v in SECURITY_HEADERS.items()), path
    # Under a folder the site has, the folder's policy comes as a header too.
    # At the top level no `_headers` rule names the address, and the host
    # merges every rule that matches, so `/*` cannot carry a policy without
    # adding it to /search/'s: there the page's <meta> policy applies alone.
    assert not security_problems("/blog/no-such-article/", host.get("/blog/no-such-article/"))


def test_the_host_files_themselves_are_not_served(host):
    for path in ["/_headers", "/_redirects"]:
        response = host.get(path)
        # The real host answers 404; wrangler's local server fails to find
        # an index page under the name and answers 502. Never the file.
        assert response.status in (404, 502), f"{path}: {response.status}"
        assert b"301" not in response.body and b"Cache-Control" not in response.body, path


DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}
CHROMIUM_ACCEPTS = "gzip, deflate, br, zstd"


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_a_client_that_accepts_compression_gets_it(host, encoding):
    stylesheet = next((host.root / "theme" / "css").glob("site.*.css"))
    files = {
        "/": host.root / "index.html",
        "/" + stylesheet.relative_to(host.root).as_posix(): stylesheet,
        "/sitemap.xml": host.root / "sitemap.xml",
    }
    for path, file in files.items():
        response = host.get(path, Accept_Encoding=encoding)
        assert response.headers.get("Content-Encoding") == encoding, path
        assert len(response.body) < file.stat().st_size / 2, path
        assert DECODERS[encoding](response.body) == file.read_bytes(), path


def test_a_browser_gets_a_compressed_page_and_a_plain_client_plain_bytes(host):
    """The host takes the first encoding it supports in the client's order
    (Brotli or gzip; a browser lists gzip first)."""
    page = (host.root / "index.html").read_bytes()
    browser = host.get("/", Accept_Encoding=CHROMIUM_ACCEPTS)
    encoding = browser.headers.get("Content-Encoding")
    assert encoding in DECODERS, encoding
    assert DECODERS[encoding](browser.body) == page
    plain = host.get("/", Accept_Encoding="identity")
    assert "Content-Encoding" not in plain.headers
    assert plain.body == page
