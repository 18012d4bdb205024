"""The Content-Security-Policy every page carries, and the `_headers` file,
on the production build as CI publishes it."""

import re
from pathlib import Path

import pytest
from clinic.output import headers as security
from clinic.site import newsletter
from conftest import NEWSLETTER_ORIGINS, PRODUCTION_ENVIRON, PRODUCTION_SITEURL
from sitebuilder import ROOT, all_html_files, redirects_listed, soup

TEMPLATES = ROOT / "theme" / "templates"
# Buttondown answers on both hosts, and form-action governs redirects too.
ENDPOINT_ORIGIN = NEWSLETTER_ORIGINS
# Scripts only from the theme's script folder and Pagefind's, never from
# elsewhere on the site (a picture folder, say).
SCRIPT_FOLDERS = f"{PRODUCTION_SITEURL}/theme/js/ {PRODUCTION_SITEURL}/pagefind/"
EXPECTED_CSP = (
    f"default-src 'self'; script-src {SCRIPT_FOLDERS}; style-src 'self'; "
    "img-src 'self'; font-src 'self'; connect-src 'self'; "
    f"form-action 'self' {ENDPOINT_ORIGIN}; frame-src 'none'; child-src 'none'; "
    "object-src 'none'; base-uri 'self'"
)
# The search page alone runs WebAssembly (Pagefind), in the page and a worker.
EXPECTED_SEARCH_CSP = (
    EXPECTED_CSP.replace(
        f"script-src {SCRIPT_FOLDERS};", f"script-src {SCRIPT_FOLDERS} 'wasm-unsafe-eval';"
    )
    + "; worker-src 'self'"
)


# The browser editor alone may evaluate code (Decap CMS), run the scripts in
# its own folder, inject styles and read pictures from blob: URLs; the
# published one saves to GitHub.
EXPECTED_ADMIN_CSP = (
    EXPECTED_CSP.replace(
        f"script-src {SCRIPT_FOLDERS};",
        f"script-src {SCRIPT_FOLDERS} 'unsafe-eval' {PRODUCTION_SITEURL}/admin/;",
    )
    .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';")
    .replace("img-src 'self';", "img-src 'self' blob: https://avatars.githubusercontent.com;")
    .replace("connect-src 'self';", "connect-src 'self' blob: https://api.github.com;")
)


def expected_policy(url):
    if url.startswith("admin/"):
        return EXPECTED_ADMIN_CSP
    return EXPECTED_SEARCH_CSP if url.startswith("search/") else EXPECTED_CSP


def settings_with_form(action, production=True, siteurl="https://clinic.example", **extra):
    """(settings, the newsletter form built from them)."""
    form = newsletter.build_form(
        {"provider": "generic", "action": action} if action else {},
        f"{siteurl}/newsletter/thank-you/",
        production,
    )
    settings = {"SITEURL": siteurl, "CLINIC_PRODUCTION": production, "THEME_STATIC_DIR": "theme"}
    return {**settings, **extra}, form


# --- The policy as data ---------------------------------------------------


def test_policy_allows_the_newsletter_endpoint_for_forms_only():
    policy = security.content_security_policy(
        *settings_with_form(PRODUCTION_ENVIRON["NEWSLETTER_ACTION"])
    )
    assert policy == EXPECTED_CSP
    sources = {source for directive in policy.split(";") for source in directive.split()[1:]}
    assert not sources & {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"}
    assert "wasm" not in policy


def test_only_the_search_page_may_run_webassembly():
    settings, form = settings_with_form(PRODUCTION_ENVIRON["NEWSLETTER_ACTION"])
    assert security.content_security_policy(settings, form, "search") == EXPECTED_SEARCH_CSP


def test_only_the_editor_may_evaluate_code_and_it_talks_only_to_where_it_saves():
    settings, form = settings_with_form(PRODUCTION_ENVIRON["NEWSLETTER_ACTION"])
    assert security.content_security_policy(settings, form, "admin") == EXPECTED_ADMIN_CSP
    for kind in security.POLICY_KINDS:
        if kind != "admin":
            assert "'unsafe-eval'" not in security.content_security_policy(settings, form, kind)
    # A preview's editor saves through decap-server on this computer, not GitHub.
    local = {**settings, "CLINIC_EDITOR_LOCAL_BACKEND": "http://127.0.0.1:8082/api/v1"}
    policy = security.content_security_policy(local, form, "admin")
    assert "connect-src 'self' blob: http://127.0.0.1:8082;" in policy
    assert "github" not in policy


def test_any_other_provider_adds_exactly_its_own_origin():
    mailchimp = "https://clinic.us1.list-manage.com/subscribe/post?u=abc&id=def"
    policy = security.content_security_policy(*settings_with_form(mailchimp))
    assert "form-action 'self' https://clinic.us1.list-manage.com;" in policy


def test_preview_form_posts_to_our_own_page_so_forms_stay_self_only():
    policy = security.content_security_policy(
        *settings_with_form(None, production=False, siteurl="")
    )
    assert "form-action 'self';" in policy
    assert "http" not in policy


def test_an_endpoint_on_our_own_host_adds_nothing():
    own = settings_with_form("https://clinic.example/subscribe")
    assert "form-action 'self';" in security.content_security_policy(*own)


def test_scripts_come_only_from_the_script_folders_of_a_site_with_an_address():
    deployed = security.csp_directives(*settings_with_form("https://buttondown.email/x"))
    assert deployed["script-src"] == SCRIPT_FOLDERS.split()
    # A preview has no address of its own (SITEURL is empty): its own origin.
    preview = security.csp_directives(*settings_with_form(None, production=False, siteurl=""))
    assert preview["script-src"] == ["'self'"]


def test_livereload_inline_loader_is_allowed_only_in_local_preview():
    local = settings_with_form(None, production=False, siteurl="", CLINIC_LIVERELOAD=True)
    assert "script-src 'self' 'unsafe-inline';" in security.content_security_policy(*local)
    deployed = settings_with_form("https://buttondown.email/x", CLINIC_LIVERELOAD=True)
    assert "unsafe-inline" not in security.content_security_policy(*deployed)


def test_header_policy_adds_frame_ancestors():
    header = security.header_content_security_policy(
        *settings_with_form(PRODUCTION_ENVIRON["NEWSLETTER_ACTION"])
    )
    assert header == EXPECTED_CSP + "; frame-ancestors 'none'"


# --- Every page of the production build ------------------------------------


def test_every_page_carries_the_policy_before_anything_it_governs(production_site):
    pages = all_html_files(production_site)
    assert len(pages) > 20
    for path in pages:
        url = path.relative_to(production_site).as_posix()
        head = soup(production_site, url).head
        tags = [t for t in head.find_all(True)]
        csp = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and csp["content"] == expected_policy(url), url
        # Only charset may come first: a policy applies to what follows it.
        assert tags.index(csp) == 1, url
        referrer = head.find("meta", attrs={"name": "referrer"})
        assert referrer["content"] == "strict-origin-when-cross-origin", url


def test_pages_have_nothing_inline_that_the_policy_would_block(production_site):
    for path in all_html_files(production_site):
        url = path.relative_to(production_site).as_posix()
        page = soup(production_site, url)
        assert not page.find_all("style"), url
        for element in page.find_all(True):
            assert "style" not in element.attrs, (url, element.name)
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, (url, element.name, handlers)
            for attr in ("href", "src", "action"):
                assert not str(element.get(attr, "")).startswith("javascript:"), url
        for script in page.find_all("script"):
            # JSON-LD is data, never executed; any other script must be a file.
            assert script.get("type") == "application/ld+json" or script.get("src"), url


def test_templates_have_no_inline_styles_or_scripts():
    for template in TEMPLATES.rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert not re.search(r"\sstyle\s*=", source), template
        assert not re.search(r"<style[\s>]", source), template
        assert not re.search(r"\son[a-z]+\s*=", source), template
        for tag in re.findall(r"<script\b[^>]*>", source):
            assert "application/ld+json" in tag or "src=" in tag, (template, tag)


# --- The _headers file -----------------------------------------------------


def parse_headers_file(text):
    """[(pattern, {header: value})] in file order."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            rules.append((line.strip(), {}))
        else:
            name, value = line.strip().split(":", 1)
            assert name not in rules[-1][1], f"{name} twice under {rules[-1][0]}"
            rules[-1][1][name] = value.strip()
    return rules


def matches(pattern, request_path):
    """The hosts' matching: a trailing * matches anything, else exact."""
    if pattern.endswith("*"):
        return request_path.startswith(pattern[:-1])
    return request_path == pattern


def request_path(site, file):
    path = "/" + file.relative_to(site).as_posix()
    return path.removesuffix("index.html")


@pytest.fixture(scope="module")
def header_rules(production_site):
    return parse_headers_file((production_site / "_headers").read_text(encoding="utf-8"))


def test_headers_file_sends_the_privacy_headers_everywhere(header_rules):
    pattern, headers = header_rules[0]
    assert pattern == "/*"
    max_age = int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1))
    assert max_age >= 31536000
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = dict(item.strip().split("=") for item in headers["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics"):
        assert permissions[feature] == "()", feature
    # Hosts join every matching rule's headers: these two must come from one rule each.
    assert "Cache-Control" not in headers and "Content-Security-Policy" not in headers


def test_every_page_gets_exactly_one_policy_its_own(production_site, header_rules):
    policies = [
        (p, h["Content-Security-Policy"])
        for p, h in header_rules
        if h.get("Content-Security-Policy")
    ]
    redirect_folders = {old.split("/")[1] for old, _ in redirects_listed(production_site)}
    for page in all_html_files(production_site):
        path = request_path(production_site, page)
        found = [value for pattern, value in policies if matches(pattern, path)]
        if path.split("/")[1] in redirect_folders:
            assert found == [], path  # the redirect page's own <meta> policy applies
            continue
        expected = expected_policy(path.lstrip("/")) + "; frame-ancestors 'none'"
        assert found == [expected], path


def test_every_file_gets_exactly_one_cache_rule(production_site, header_rules):
    cache_rules = [(p, h["Cache-Control"]) for p, h in header_rules if "Cache-Control" in h]
    files = [
        f
        for f in Path(production_site).rglob("*")
        if f.is_file()
        and not f.name.startswith("_")
        and ".cache" not in f.parts
        # .gz/.br copies are served in place of their original, under its path.
        and f.suffix not in (".gz", ".br")
    ]
    redirect_folders = {old.split("/")[1] for old, _ in redirects_listed(production_site)}
    assert "wp-content" in redirect_folders
    for file in files:
        path = request_path(production_site, file)
        found = [value for pattern, value in cache_rules if matches(pattern, path)]
        if path.split("/")[1] in redirect_folders:
            assert found == [], path  # left to the host's default (revalidate)
            continue
        assert len(found) == 1, (path, found)
        if path.startswith(("/theme/", "/pictures/")):  # addresses that change with the bytes
            assert found == ["public, max-age=31536000, immutable"], path
        elif path.startswith("/images/"):
            assert "immutable" not in found[0] and "max-age=604800" in found[0], path
        else:
            assert found == ["public, max-age=0, must-revalidate"], path
