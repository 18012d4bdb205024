"""Fixtures of the real-browser layer: the production build the whole suite
checks, served at the address it was built for, one headless Chromium, and
one recorded load of every page that several checks share."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import PRODUCTION_SITEURL
from playwright.sync_api import Error, sync_playwright
from sitebuilder import ROOT

from .support import (
    LOOPBACK,
    built_pages,
    recording_context,
    serve,
    static_server,
    use_tls,
)

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
    origin: str  # "https://clinic.example": where the pages are
    siteurl: str  # the SITEURL it was built with (the origin, or a folder of it)
    root: Path
    pages: list  # support.Page, one per built HTML file
    browser_args: tuple  # what Chromium needs to reach it there

    def url(self, path=""):
        return f"{self.siteurl}/{path}"


@pytest.fixture(scope="session")
def served_site(production_site, tmp_path_factory):
    """The production build the other suites check (tests/conftest.py: CI's
    own, which it publishes), served at the address it was built for, since
    production pages link CSS and images absolutely through SITEURL. A server
    on 127.0.0.1 answers for that host: Chromium is told to reach the host
    there, and, for https, to trust the certificate made for it here."""
    address = urlsplit(PRODUCTION_SITEURL)
    port = address.port or (443 if address.scheme == "https" else 80)
    server = static_server(production_site, prefix=address.path)
    args = [f"--host-resolver-rules=MAP {address.hostname}:{port} {LOOPBACK}:{server.server_port}"]
    if address.scheme == "https":
        args.append(use_tls(server, address.hostname, tmp_path_factory.mktemp("certificate")))
    origin = f"{address.scheme}://{address.netloc}"
    with serve(server):
        yield ServedSite(
            origin,
            PRODUCTION_SITEURL,
            production_site,
            built_pages(production_site, PRODUCTION_SITEURL),
            tuple(args),
        )


@pytest.fixture(scope="session")
def browser(served_site):
    """One headless Chromium from Debian for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: {INSTALL_CHROMIUM}")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[*CHROMIUM_ARGS, *served_site.browser_args],
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
