"""The published editor's page: the site's own wrapper passes axe; Decap
CMS does not start without 'unsafe-eval' (so the day it stops needing it, a
test says so); and signing in with GitHub works through the sign-in helper
(editor-auth/), here run on loopback against a stand-in for GitHub. No
request leaves the machine."""

import contextlib
import http.server
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from conftest import PRODUCTION_ENVIRON
from sitebuilder import ROOT, publish

from .editor_support import ARTIFACTS, SCREENSHOTS, Writer, offline_context
from .support import LOOPBACK, QuietServer, origin_of, serve, static_server
from .test_accessibility import AXE_OPTIONS, SCHEMES, describe

REPOSITORY = "newpathways/website"
TOKEN = "gho_stand_in_token"
HELPER = Path(__file__).parent / "editor_auth_server.mjs"
LOAD_ERROR = "Error loading the CMS configuration"


# --- A stand-in for GitHub: sign-in pages and the API calls of a sign-in ------


@dataclass
class GitHubRecord:
    token_requests: list = field(default_factory=list)


class StandInGitHub(http.server.BaseHTTPRequestHandler):
    record = None  # GitHubRecord, set per server

    def log_message(self, format, *args):
        pass

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data, status=200):
        self._send(status, json.dumps(data).encode(), [("Content-Type", "application/json")])

    def do_OPTIONS(self):
        self._send(204)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/login/oauth/authorize":
            # The writer approves the app at once; GitHub sends them back.
            query = parse_qs(url.query)
            back = (
                query["redirect_uri"][0]
                + "?"
                + urlencode({"code": "stand-in-code", "state": query["state"][0]})
            )
            self._send(302, headers=[("Location", back)])
        elif url.path == "/user":
            self._json({"login": "ann-writer", "name": "Ann Writer", "id": 1})
        elif url.path == f"/repos/{REPOSITORY}":
            self._json(
                {
                    "full_name": REPOSITORY,
                    "owner": {"login": REPOSITORY.split("/", maxsplit=1)[0]},
                    "default_branch": "main",
                    "permissions": {"push": True, "pull": True, "admin": False},
                }
            )
        else:
            self._json({"message": "Not Found"}, 404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        if urlsplit(self.path).path == "/login/oauth/access_token":
            self.record.token_requests.append(json.loads(self.rfile.read(length)))
            self._json({"access_token": TOKEN, "token_type": "bearer", "scope": "repo"})
        else:
            self._json({"message": "Not Found"}, 404)


@contextlib.contextmanager
def stand_in_github():
    record = GitHubRecord()
    handler = type("Handler", (StandInGitHub,), {"record": record})
    server = QuietServer((LOOPBACK, 0), handler)
    with serve(server):
        yield origin_of(server), record


@contextlib.contextmanager
def sign_in_helper(github, allowed_origins):
    """editor-auth/worker.mjs on a loopback port; yields its origin."""
    node = shutil.which("node")
    if not node:
        pytest.fail("The sign-in test needs Node.js: install nodejs")
    environ = {
        "PATH": os.environ.get("PATH", ""),
        "GITHUB_CLIENT_ID": "stand-in-client",
        "GITHUB_CLIENT_SECRET": "stand-in-secret",
        "ALLOWED_ORIGINS": allowed_origins,
        "GITHUB_URL": github,
    }
    process = subprocess.Popen(
        [node, str(HELPER)], env=environ, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        port = process.stdout.readline().strip()
        if not port.isdigit():
            pytest.fail(f"the sign-in helper did not start: {port!r}")
        yield f"http://{LOOPBACK}:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- The published site, its editor pointed at the stand-ins -------------------


@dataclass(frozen=True)
class Published:
    origin: str
    root: Path
    github: str
    record: GitHubRecord


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The production build with the editor ready to sign in: the helper's
    address and the repository as CI gives them. Decap talks to GitHub's API
    at api_root, here the stand-in, and the page's policy lets it."""
    root = tmp_path_factory.mktemp("published-editor")
    server = static_server(root)
    origin = origin_of(server)
    with stand_in_github() as (github, record), sign_in_helper(github, origin) as helper:
        publish(
            root,
            SITEURL=origin,
            NEWSLETTER_PROVIDER="generic",
            NEWSLETTER_ACTION=f"{origin}/newsletter-provider/",
            GITHUB_REPOSITORY=REPOSITORY,
            EDITOR_AUTH_URL=helper,
        )
        config_path = root / "admin" / "config.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        assert config["backend"]["base_url"] == helper
        config["backend"]["api_root"] = github
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        page = root / "admin" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "https://api.github.com" in html
        page.write_text(html.replace("https://api.github.com", github), encoding="utf-8")
        for copy in page.parent.glob("index.html.*"):
            copy.unlink()  # the precompressed copies of the page as it was
        with serve(server):
            yield Published(origin, root, github, record)


# --- The site's own wrapper -----------------------------------------------------


def wrapper_violations(context, url, axe_source):
    """axe on the editor's own page, Decap's script kept from loading, so
    what is checked is the site's wrapper alone (Decap's interface is out of
    scope)."""
    tab = context.new_page()
    tab.route("**/decap-cms.js", lambda route: route.abort())
    tab.goto(url)
    assert tab.locator("main h1").count() == 1
    tab.evaluate(axe_source)
    found = []
    for scheme in SCHEMES:
        tab.emulate_media(color_scheme=scheme)
        result = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        found += [describe(SimpleNamespace(path=url), scheme, v) for v in result["violations"]]
    return found


def test_axe_finds_no_violations_on_the_editors_own_page(
    published, served_site, browser, axe_source
):
    with offline_context(browser) as context:
        ready = wrapper_violations(context, f"{published.origin}/admin/", axe_source)
        # The browser suite's production build: its page says whether signing
        # in is set up there (CI's own build, without the repository variable,
        # says it is not).
        served = wrapper_violations(context, served_site.url("admin/"), axe_source)
        tab = context.pages[-1]
        said = (
            "Loading the editor"
            if PRODUCTION_ENVIRON.get("EDITOR_AUTH_URL")
            else "Signing in with GitHub is not set up yet"
        )
        assert said in tab.locator("main").inner_text()
    assert not ready + served, ready + served


# --- Decap needs 'unsafe-eval' ----------------------------------------------------


def test_without_unsafe_eval_the_editor_shows_its_load_error(published, browser):
    page = published.root / "admin" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count(" 'unsafe-eval'") == 1
    strict = page.with_name("without-eval.html")
    strict.write_text(html.replace(" 'unsafe-eval'", ""), encoding="utf-8")
    try:
        # The violation is the point here; Decap's GitHub mode also polls
        # githubstatus.com, which the policy blocks on purpose.
        allowed = ("'unsafe-eval'", "githubstatus.com")
        with offline_context(browser, allowed_violations=allowed) as context:
            tab = context.new_page()
            tab.goto(f"{published.origin}/admin/without-eval.html")
            tab.get_by_text(LOAD_ERROR).wait_for()
            assert "EvalError" in tab.locator("body").inner_text()
            # The same page with its policy starts: the sign-in button, no error.
            tab.goto(f"{published.origin}/admin/")
            tab.get_by_role("button", name="Login with GitHub").wait_for()
            assert LOAD_ERROR not in tab.locator("body").inner_text()
    finally:
        strict.unlink()


# --- Signing in with GitHub through the helper ---------------------------------


# Decap's GitHub mode polls GitHub's status page; the policy blocks it on purpose.
STATUS_PAGE = ("githubstatus.com",)


def test_signing_in_with_github_hands_the_token_to_the_editor(published, browser):
    with offline_context(browser, allowed_violations=STATUS_PAGE) as context:
        writer = Writer(context.new_page(), published.origin)
        tab = writer.page
        writer.open()
        tab.get_by_role("button", name="Login with GitHub").wait_for()
        writer.screenshot(SCREENSHOTS["sign-in"])
        with context.expect_page() as sign_in_window:
            tab.get_by_role("button", name="Login with GitHub").click()
        sign_in_window.value.wait_for_event("close")  # Decap closes it once it has the token
        tab.wait_for_function(
            "token => (localStorage.getItem('decap-cms-user') || '').includes(token)", arg=TOKEN
        )
    (sent,) = published.record.token_requests
    assert sent["client_secret"] == "stand-in-secret" and sent["code"] == "stand-in-code"
    assert (ARTIFACTS / SCREENSHOTS["sign-in"]).stat().st_size > 5_000


def test_the_helper_gives_the_token_to_no_other_site(published, browser):
    """The same sign-in, from a helper set up for another site's origin:
    GitHub's answer arrives, but the editor never gets the token."""
    with (
        stand_in_github() as (github, record),
        sign_in_helper(github, "https://elsewhere.example") as other_helper,
    ):
        config = published.root / "admin" / "config.yml"
        original = config.read_text(encoding="utf-8")
        config.write_text(original.replace(_base_url(original), other_helper), encoding="utf-8")
        try:
            with offline_context(browser, allowed_violations=STATUS_PAGE) as context:
                tab = context.new_page()
                tab.goto(f"{published.origin}/admin/")
                with context.expect_page() as sign_in_window:
                    tab.get_by_role("button", name="Login with GitHub").click()
                window = sign_in_window.value
                window.wait_for_url(f"{other_helper}/callback*")
                window.get_by_text("Signed in.").wait_for()
                tab.wait_for_timeout(1000)
                stored = tab.evaluate("() => localStorage.getItem('decap-cms-user')")
                assert stored is None or TOKEN not in stored
                assert not window.is_closed()
        finally:
            config.write_text(original, encoding="utf-8")
    assert len(record.token_requests) == 1  # GitHub did answer: the helper kept it


def _base_url(config_text):
    return yaml.safe_load(config_text)["backend"]["base_url"]
