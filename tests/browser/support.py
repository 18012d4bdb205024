"""What the browser tests share: a quiet loopback web server, the list of
built pages with their template type, and a page visit that records every
request, response and console message."""

import base64
import contextlib
import functools
import hashlib
import http.server
import re
import shutil
import ssl
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sitebuilder import html_pages

import pelicanconf

LOOPBACK = "127.0.0.1"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output stays readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (a page navigated
        # away mid-download): not a failure, and not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def bind_server(handler):
    """Bind to a free loopback port now (so the site can be built for that
    exact origin) and serve later with `serve`."""
    return QuietServer((LOOPBACK, 0), handler)


def static_server(root, prefix=""):
    """A server for the folder `root`, at `prefix` ("/repo" for a site built
    for https://owner.github.io/repo)."""
    handler = functools.partial(QuietHandler, directory=str(root))
    if prefix.strip("/"):
        handler = functools.partial(_Prefixed, "/" + prefix.strip("/"), directory=str(root))
    return bind_server(handler)


class _Prefixed(QuietHandler):
    """Serves the folder under a path prefix, as a host serving the site
    from a sub-folder does; anything else is not found."""

    def __init__(self, prefix, *args, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if path != self.prefix and not path.startswith(self.prefix + "/"):
            return super().translate_path("/this-host-serves-only" + self.prefix)
        return super().translate_path(path[len(self.prefix) :] or "/")


def use_tls(server, host, folder):
    """Serve over HTTPS with a certificate made now for `host` (the openssl
    command line); returns Chromium's flag that trusts that certificate's key
    and no other."""
    key, cert = Path(folder) / "key.pem", Path(folder) / "cert.pem"
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError(f"openssl is needed to serve https://{host}: {INSTALL_OPENSSL}")
    request = [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    request += ["-nodes", "-days", "2", "-subj", f"/CN={host}"]
    request += ["-addext", f"subjectAltName=DNS:{host}", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(request, check=True, capture_output=True)
    public_key = subprocess.run(
        [openssl, "x509", "-in", str(cert), "-pubkey", "-noout"], check=True, capture_output=True
    ).stdout
    der = subprocess.run(
        [openssl, "pkey", "-pubin", "-outform", "der"],
        input=public_key,
        check=True,
        capture_output=True,
    ).stdout
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    pin = base64.b64encode(hashlib.sha256(der).digest()).decode()
    return f"--ignore-certificate-errors-spki-list={pin}"


INSTALL_OPENSSL = "apt-get install -y openssl"


def origin_of(server):
    return f"http://{LOOPBACK}:{server.server_address[1]}"


@contextlib.contextmanager
def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- The built pages and which template made each ---------------------------


def _pattern(save_as):
    """'blog/tag/{slug}/index.html' -> a regex matching that file and its
    paginated pages ('.../page/2/index.html')."""
    base = re.escape(save_as).replace(r"\{slug\}", "[^/]+")
    base = base.replace(r"index\.html", "")
    return re.compile(f"^{base}(page/[0-9]+/)?(index\\.html)?$")


# Most specific first: an article's "blog/{slug}/" would also match "blog/tags/".
TEMPLATE_PATTERNS = [
    ("home", re.compile(r"^(page/[0-9]+/)?index\.html$")),
    ("404", re.compile(r"^404\.html$")),
    ("archives", _pattern(pelicanconf.ARCHIVES_SAVE_AS)),
    ("categories", _pattern(pelicanconf.CATEGORIES_SAVE_AS)),
    ("tags", _pattern(pelicanconf.TAGS_SAVE_AS)),
    ("authors", _pattern(pelicanconf.AUTHORS_SAVE_AS)),
    ("locations index", _pattern(pelicanconf.LOCATIONS_SAVE_AS)),
    ("category", _pattern(pelicanconf.CATEGORY_SAVE_AS)),
    ("tag", _pattern(pelicanconf.TAG_SAVE_AS)),
    ("author", _pattern(pelicanconf.AUTHOR_SAVE_AS)),
    ("location", _pattern("locations/{slug}/index.html")),
    ("article", _pattern(pelicanconf.ARTICLE_SAVE_AS)),
]
# The template types every browser check must have visited at least once.
REQUIRED_TEMPLATES = (
    "home",
    "article",
    "page",
    "location",
    "locations index",
    "category",
    "tag",
    "author",
    "archives",
    "404",
)


def template_of(relative_path):
    for name, pattern in TEMPLATE_PATTERNS:
        if pattern.match(relative_path):
            return name
    return "page"


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site root, e.g. "blog/x/index.html"
    url: str
    template: str
    file: Path


def built_pages(root, siteurl):
    """Every HTML file of the built site, so pages added later are covered."""
    pages = []
    for file in html_pages(root):
        path = file.relative_to(root).as_posix()
        url_path = path.removesuffix("index.html")
        pages.append(Page(path, f"{siteurl}/{url_path}", template_of(path), file))
    return pages


# --- Visiting pages ----------------------------------------------------------


@dataclass
class Visit:
    """Everything one page load did, as the browser saw it."""

    url: str
    requests: list = field(default_factory=list)  # URLs
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    failed_responses: list = field(default_factory=list)  # "status URL"
    failed_requests: list = field(default_factory=list)  # "URL (reason)"
    cookies: list = field(default_factory=list)  # the context's, once loaded


def is_csp_violation(text):
    return text.startswith("Refused to") or "Content Security Policy" in text


class Recorder:
    """Listens to a browser tab; `visit` loads a URL and returns what that
    load did. One context walks many pages: a fresh context per page would
    cost more than the checks themselves."""

    def __init__(self, context):
        self.context = context
        self.tab = None
        self.current = Visit("about:blank")
        self.pending = {}  # request not yet finished -> the Visit that made it

    def _open_tab(self):
        if self.tab is not None:
            self.tab.close()
        tab = self.context.new_page()
        tab.on("request", self._request)
        tab.on("requestfinished", self._settled)
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.current.page_errors.append(str(error)))
        tab.on("response", self._response)
        tab.on("requestfailed", self._request_failed)
        self.tab = tab

    def _console(self, message):
        # CSP violations arrive as console errors (older Chromium: "Refused to
        # load ...", newer: "... violates the following Content Security Policy
        # directive ..."); catch them whatever level a browser reports them at.
        if message.type == "error" or is_csp_violation(message.text):
            self.current.console_errors.append(message.text)

    def _request(self, request):
        self.current.requests.append(request.url)
        self.pending[request] = self.current

    def _settled(self, request):
        return self.pending.pop(request, self.current)

    def _response(self, response):
        if response.status >= 400:
            self.current.failed_responses.append(f"{response.status} {response.url}")

    def _request_failed(self, request):
        visit = self._settled(request)
        # ERR_ABORTED is the browser cancelling a request itself, mostly the
        # favicon fetch (started after "load") cut off when the test moves on.
        # What a visitor would notice fails otherwise: a status >= 400, or an
        # error such as ERR_NAME_NOT_RESOLVED, ERR_CONNECTION_REFUSED or
        # ERR_BLOCKED_BY_CSP, all still recorded.
        if request.failure != "net::ERR_ABORTED":
            visit.failed_requests.append(f"{request.url} ({request.failure})")

    def visit(self, url, new_tab=False):
        """Load `url`; in a new tab when the check needs a visitor's fresh
        start (keyboard focus begins at the top of a newly opened page)."""
        if new_tab or self.tab is None:
            self._open_tab()
        self.current = Visit(url)
        self.tab.goto(url, wait_until="load")
        # Requests that start after "load" (the favicon) are checked too: one
        # round trip lets their "request" events arrive, then they may finish.
        self.tab.evaluate("0")
        for _ in range(100):
            if not any(visit is self.current for visit in self.pending.values()):
                break
            self.tab.wait_for_timeout(20)
        self.current.cookies = self.context.cookies()
        return self.current


@contextlib.contextmanager
def recording_context(browser, **context_options):
    """A fresh context (no cookies, no cache) and its recorder."""
    context = browser.new_context(**context_options)
    recorder = Recorder(context)
    try:
        yield recorder
    finally:
        context.close()


def report(problems):
    """One readable failure message for problems collected over many pages."""
    return f"{len(problems)} problem(s):\n" + "\n".join(f"  - {p}" for p in problems)
