"""Build a site with this project's theme, plugin and settings, in-process,
into a folder of the test's choosing, and read what was written."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
# The site's time zone: what "today" is for an article's date.
SITE_TIMEZONE = read_settings(str(ROOT / "pelicanconf.py"))["TIMEZONE"]
NOT_IN_GITHUB_ACTIONS = {"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def build(output, content=None, conf="pelicanconf.py", **overrides):
    """Build `content` (default: the real content/) into `output`."""
    settings_override = {"OUTPUT_PATH": str(output), "CACHE_PATH": str(Path(output) / ".cache")}
    if content is not None:
        settings_override["PATH"] = str(content)
    settings_override.update(overrides)
    settings = read_settings(str(ROOT / conf), override=settings_override)
    Pelican(settings).run()
    return Path(output)


def publish(output, **environ):
    """The production build exactly as `invoke publish` runs it, in its own
    process (pelican-sitemap keeps per-process state across builds)."""
    result = run_publish(output, **environ)
    assert result.returncode == 0, result.stdout + result.stderr
    return Path(output)


def run_publish(output, content="content", extra_settings=(), **environ):
    """`pelican <content> -s publishconf.py` in a subprocess; returns the result.
    `extra_settings`: "NAME=json value" overrides, as `pelican -e` takes them."""
    return run_pelican(output, "publishconf.py", content, extra_settings, **environ)


def preview(output, *extra_settings):
    """The local preview of the real content, as `invoke build` makes it but
    with warnings fatal, in its own process (no worker is forked beside a
    test's threads), its cache inside `output`. `extra_settings` as for
    run_publish."""
    cache = f"CACHE_PATH={json.dumps(str(Path(output) / '.cache'))}"
    result = run_pelican(output, "pelicanconf.py", "content", (cache, *extra_settings))
    assert result.returncode == 0, result.stdout + result.stderr
    return Path(output)


def run_pelican(output, conf, content="content", extra_settings=(), **environ):
    """`pelican <content> -s <conf>` in a subprocess; returns the result."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", conf]
    command += ["--fatal", "warnings", "-o", str(output)]
    if extra_settings:
        command += ["-e", *extra_settings]
    return subprocess.run(
        command,
        check=False,
        cwd=ROOT,
        # Wide enough that Pelican's log never wraps an error message. Not
        # told it runs in GitHub Actions (when the suite does): a test build
        # must not annotate the pull request (tests that check it say so).
        env={**os.environ, **NOT_IN_GITHUB_ACTIONS, "COLUMNS": "400", **environ},
        capture_output=True,
        text=True,
    )


def soup(site, url):
    """Parse the page at a site URL such as 'blog/x/' or '404.html'."""
    path = Path(site) / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(element):
    """Visible text with typogrify's non-breaking spaces made plain."""
    return " ".join(element.get_text(" ").replace("\xa0", " ").split())


# The browser editor's folder (CLINIC_EDITOR_URL).
EDITOR = "admin"


def html_pages(site):
    """Every page of the site, without the redirect pages left at old
    addresses (see redirect_pages), which only send the visitor on, and the
    browser editor's page (admin/): a tool for writers, not a page visitors
    read, held to its own rules by tests/editor and tests/browser/test_editor.py."""
    stubs = set(redirect_pages(site))
    editor = Path(site) / EDITOR
    return sorted(p for p in all_html_files(site) if p not in stubs and editor not in p.parents)


def all_html_files(site):
    return sorted(p for p in Path(site).rglob("*.html") if ".cache" not in p.parts)


def redirects_listed(site):
    """(old path, new path) for each line of the site's _redirects file, as
    paths within the site: a site built under a path lists them under it."""
    listing = Path(site) / "_redirects"
    if not listing.exists():
        return []
    base = served_path(site)
    return [
        tuple(path.removeprefix(base) for path in line.split()[:2])
        for line in listing.read_text(encoding="utf-8").splitlines()
    ]


def served_path(site):
    """The path a build is served under ("/clinic"), from its home page's
    canonical link; "" at a domain's root or without one."""
    home = Path(site) / "index.html"
    if not home.is_file():
        return ""
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find(
        "link", rel="canonical"
    )
    return urlsplit(canonical["href"]).path.rstrip("/") if canonical else ""


def redirect_pages(site):
    """The redirect page at each old address in the site's _redirects file."""
    pages = []
    for old, _ in redirects_listed(site):
        path = Path(site) / old.lstrip("/")
        pages.append(path if path.suffix in (".html", ".htm") else path / "index.html")
    return pages


def pagefind_fragments(site):
    """Every page record in the site's Pagefind index, by URL: Pagefind stores
    each as gzipped JSON after a `pagefind_dcd` signature."""
    records = []
    for path in sorted((Path(site) / "pagefind" / "fragment").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        records.append(json.loads(raw[len(b"pagefind_dcd") :]))
    return {record["url"]: record for record in records}


def write(path, body):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def built_with(site):
    """The settings a production build was made with, read back from its home
    page: its address (the canonical link) and its newsletter form's endpoint.
    For a build the tests did not make themselves (CI's, CLINIC_BUILT_SITE)."""
    home = Path(site) / "index.html"
    if not home.is_file():
        raise FileNotFoundError(
            f"CLINIC_BUILT_SITE names {site}, which holds no built site: "
            "run `invoke publish` first, or unset CLINIC_BUILT_SITE to build one"
        )
    page = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    canonical = page.find("link", rel="canonical")["href"]
    form = page.find("form", class_="newsletter-form__form")
    found = {"SITEURL": canonical.removesuffix("/"), "NEWSLETTER_ACTION": form["action"]}
    editor = Path(site) / "admin" / "config.yml"
    if editor.is_file():  # where the browser editor saves, and who signs writers in
        backend = yaml.safe_load(editor.read_text(encoding="utf-8"))["backend"]
        found["GITHUB_REPOSITORY"] = backend.get("repo", "")
        found["EDITOR_AUTH_URL"] = backend.get("base_url", "")
    return found
