"""The newsletter signup, end to end: a loopback server stands in for the
provider, the site is built with its form posting there, and a visitor fills
the form in Chromium."""

import http.server
from dataclasses import dataclass
from urllib.parse import parse_qsl

import pytest
from sitebuilder import build

import pelicanconf

from .support import bind_server, origin_of, recording_context, serve, static_server

THANK_YOU = pelicanconf.NEWSLETTER_THANK_YOU_URL
FORM_PAGE = "newsletter/"
HIDDEN = {"list": "monthly-newsletter"}


class StandInProvider(http.server.BaseHTTPRequestHandler):
    """Records each POST, then sends the browser to the site's thank-you page
    with a 303, as providers do."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        self.server.received.append((dict(self.headers), body))
        self.send_response(303)
        self.send_header("Location", self.server.thank_you)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


@dataclass
class Signup:
    site: str  # the site's origin
    received: list  # (headers, body) of every POST the provider got
    expected: list  # the (name, value) pairs a visitor's sign-up must send

    def url(self, path=""):
        return f"{self.site}/{path}"


def build_with_stand_in(root, site, path=""):
    """The production site built into `root` for the server `site` (under
    `path`), its form posting to a new stand-in provider: (SITEURL, provider)."""
    provider = bind_server(StandInProvider)
    provider.received = []
    siteurl = origin_of(site) + path
    provider.thank_you = f"{siteurl}/{THANK_YOU}"
    newsletter = {
        "provider": "generic",
        "action": f"{origin_of(provider)}/subscribe",
        "hidden": HIDDEN,
        "redirect_field": "redirect",
    }
    build(root, conf="publishconf.py", SITEURL=siteurl, NEWSLETTER=newsletter)
    return siteurl, provider


@pytest.fixture(scope="module")
def signup(tmp_path_factory):
    root = tmp_path_factory.mktemp("signup-site")
    site = static_server(root)
    origin, provider = build_with_stand_in(root, site)
    # What the generic preset and the setting above promise the provider
    # receives from a visitor who types an email, a first name and a clinic.
    expected = [
        ("email", "reader@example.org"),
        ("first_name", "Sam"),
        ("location", "Columbus"),
        ("website", ""),  # the honeypot, left empty by people
        ("list", "monthly-newsletter"),
        ("redirect", f"{origin}/{THANK_YOU}"),
    ]
    with serve(provider), serve(site):
        yield Signup(origin, provider.received, expected)


def fill_in(tab, email="reader@example.org"):
    tab.get_by_label("Email address").fill(email)
    tab.get_by_label("First name").fill("Sam")
    tab.get_by_label("Nearest clinic").select_option(label="Columbus")


def submit_and_land(tab, signup):
    tab.get_by_role("button", name="Sign up").click()
    tab.wait_for_url(signup.url(THANK_YOU))


def test_signup_sends_exactly_the_configured_fields_and_thanks_the_visitor(signup, browser):
    before = len(signup.received)
    with recording_context(browser) as recorder:
        recorder.visit(signup.url(FORM_PAGE))
        fill_in(recorder.tab)
        submit_and_land(recorder.tab, signup)
        assert recorder.tab.get_by_role("heading", level=1).inner_text()
    posts = signup.received[before:]
    assert len(posts) == 1
    headers, body = posts[0]
    assert sorted(parse_qsl(body, keep_blank_values=True)) == sorted(signup.expected)
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    # The provider never learns which page the visitor was reading: at most
    # the site's address (Chromium's default strict-origin-when-cross-origin).
    assert headers.get("Referer") in (None, f"{signup.site}/"), headers.get("Referer")


@pytest.mark.parametrize(
    ("email", "broken"), [("", "valueMissing"), ("not-an-email", "typeMismatch")]
)
def test_browser_blocks_a_missing_or_invalid_email(signup, browser, email, broken):
    before = len(signup.received)
    with recording_context(browser) as recorder:
        recorder.visit(signup.url(FORM_PAGE))
        tab = recorder.tab
        fill_in(tab, email=email)
        tab.get_by_role("button", name="Sign up").click()
        field = tab.get_by_label("Email address")
        assert field.evaluate(f"input => input.validity.{broken}")
        assert not field.evaluate("input => input.form.checkValidity()")
        assert tab.url == signup.url(FORM_PAGE)
        # Then the visitor corrects it: this one reaches the provider, the
        # blocked attempt never did.
        field.fill("reader@example.org")
        submit_and_land(tab, signup)
    assert len(signup.received) - before == 1


def test_signup_works_without_javascript(signup, browser):
    before = len(signup.received)
    with recording_context(browser, java_script_enabled=False) as recorder:
        recorder.visit(signup.url(FORM_PAGE))
        fill_in(recorder.tab)
        submit_and_land(recorder.tab, signup)
    posts = signup.received[before:]
    assert len(posts) == 1
    assert sorted(parse_qsl(posts[0][1], keep_blank_values=True)) == sorted(signup.expected)


def test_honeypot_is_hidden_from_eyes_keyboards_and_screen_readers(signup, browser):
    with recording_context(browser) as recorder:
        recorder.visit(signup.url(FORM_PAGE))
        tab = recorder.tab
        form = tab.locator("form.newsletter-form__form")
        honeypot = form.locator("input[name=website]")
        assert honeypot.count() == 1
        # Screen readers: hidden from the accessibility tree.
        assert honeypot.evaluate("input => input.closest('[aria-hidden=true]') !== null")
        tree = form.aria_snapshot()
        assert "Email address" in tree and "website" not in tree.lower()
        assert "Leave this field empty" not in tree
        assert form.get_by_role("textbox").count() == 2  # email and first name
        # Eyes: outside the screen, or clipped to nothing.
        box = honeypot.bounding_box()
        assert (
            box is None
            or box["x"] + box["width"] <= 0
            or box["y"] + box["height"] <= 0
            or box["width"] * box["height"] <= 1
        ), box
        # Keyboards: Tab through the whole page never lands on it.
        reached = []
        for _ in range(300):
            tab.keyboard.press("Tab")
            name = tab.evaluate("document.activeElement.getAttribute('name')")
            if tab.evaluate("document.activeElement === document.body"):
                break
            reached.append(name)
        assert "email" in reached  # the walk did pass through the form
        assert "website" not in reached
