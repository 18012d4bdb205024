"""Fixtures of the real-browser layer: the production site built for a
loopback origin and served on it, one headless Chromium, and one recorded
load of every page that several checks share."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error, sync_playwright
from sitebuilder import ROOT, publish

from .support import built_pages, origin_of, recording_context, serve, static_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_CHROMIUM = "install it with: apt-get update && apt-get install -y chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class ServedSite:
    origin: str  # "http://127.0.0.1:<port>", the SITEURL it was built with
    root: Path
    pages: list  # support.Page, one per built HTML file

    def url(self, path=""):
        return f"{self.origin}/{path}"


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The production build, made for the origin it is served on: production
    pages link CSS and images absolutely through SITEURL, so any other SITEURL
    would send the browser off-site. Port first, then build, then serve."""
    root = tmp_path_factory.mktemp("browser-site")
    server = static_server(root)
    origin = origin_of(server)
    publish(
        root,
        SITEURL=origin,
        NEWSLETTER_PROVIDER="generic",
        # Never submitted here; tests/browser/test_signup.py builds its own
        # site whose form posts to a stand-in provider.
        NEWSLETTER_ACTION=f"{origin}/newsletter-provider/",
    )
    with serve(server):
        yield ServedSite(origin, root, built_pages(root, origin))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium from Debian for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: {INSTALL_CHROMIUM}")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except Error as error:
        playwright.stop()
        pytest.fail(f"Chromium at {CHROMIUM} did not start ({error}): {INSTALL_CHROMIUM}")
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run .venv/bin/invoke tools (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def page_loads(served_site, browser):
    """Every page loaded once, in one fresh context: [(Page, Visit)]. The
    privacy and error checks read these records."""
    with recording_context(browser) as recorder:
        return [(page, recorder.visit(page.url)) for page in served_site.pages]
