"""Production bytes: minified HTML and CSS, and theme files (the one
stylesheet, the search page's script) whose names carry a hash of their
content, so hosts can cache them for a year and a new version is fetched
the moment it changes.

Runs on pelican-granular-signals' `minify` signal: after every page is
written and before compress.py writes the .gz and .br copies.
Off unless CLINIC_MINIFY is true (publishconf.py).
"""

import hashlib
from importlib.metadata import version
from pathlib import Path

import minify_html

from ..seam import Seam, map_inline
from ..settings import with_defaults
from .state import STATE

STYLESHEET = "css/site.css"  # inside the theme's static folder
# Name templates use for the URL path -> file in the theme's static folder.
FINGERPRINTED = {"stylesheet_path": STYLESHEET, "search_script_path": "js/search.js"}

# Spec-compliant output that the Nu HTML checker accepts: attribute quotes
# are dropped only where HTML allows it, and <html lang> and <head> stay.
HTML_OPTIONS = {
    "keep_html_and_head_opening_tags": True,
    "keep_closing_tags": True,
    "minify_css": True,
    "minify_doctype": False,
    "allow_noncompliant_unquoted_attribute_values": False,
    "allow_removing_spaces_between_attributes": False,
}


def name_theme_files(pelican):
    """`initialized`: the URL paths of the fingerprinted theme files, hashed
    in production (templates get them from headers.publish_policy)."""
    settings = with_defaults(pelican.settings)
    STATE.reset_build()
    static = settings["THEME_STATIC_DIR"]
    for name, relative in FINGERPRINTED.items():
        plain = f"{static}/{relative}"
        if settings["CLINIC_MINIFY"]:
            source = Path(settings["THEME"]) / "static" / relative
            STATE.theme_files[name] = hashed_name(plain, source.read_bytes())
        else:
            STATE.theme_files[name] = plain


def hashed_name(path, data):
    """theme/css/site.css -> theme/css/site.<first 10 hex of sha256>.css"""
    stem, suffix = path.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"


# minify-html turns `&lt;` back into `<` wherever the HTML spec allows a raw
# `<` (titles, attribute values). Browsers agree, but a writer's `<script>`
# typed into a title would then appear in the file as a tag to every tool
# that reads HTML less carefully than a browser. So escaped angle brackets
# are hidden from the minifier behind noncharacters (never in real text).
_ESCAPES = {"&lt;": "\ufdd0", "&gt;": "\ufdd1"}


# Names what minify_page makes: pages kept minified by another recipe are
# not reused (speed/output_cache.py).
RECIPE = f"minify-html {version('minify-html')} {HTML_OPTIONS} {_ESCAPES}"


def minify_page(page):
    for entity, hidden in _ESCAPES.items():
        page = page.replace(entity, hidden)
    page = minify_html.minify(page, **HTML_OPTIONS)
    for entity, hidden in _ESCAPES.items():
        page = page.replace(hidden, entity)
    return page


def minify_file(page):
    page.write_text(minify_page(page.read_text("utf-8")), "utf-8")


# `runner(minify_file, pages)`: each page in turn by default; the speed part
# shares them out over worker processes.
RUNNER = Seam(map_inline)


def minify_output(pelican):
    """pelican-granular-signals' `minify`, after every page is written."""
    settings = with_defaults(pelican.settings)
    if not settings["CLINIC_MINIFY"]:
        return
    output = Path(settings["OUTPUT_PATH"])
    RUNNER.runner(minify_file, sorted(output.rglob("*.html")))
    static = output / settings["THEME_STATIC_DIR"]
    for name, relative in FINGERPRINTED.items():
        plain = static / relative
        text = plain.read_text("utf-8")
        # The script is small and readable as it is; only CSS is minified.
        hashed = minify_css(text) if relative == STYLESHEET else text
        (output / STATE.theme_files[name]).write_text(hashed, "utf-8")
        plain.unlink()  # only the hashed copy is linked, so only it ships


def minify_css(css):
    # minify-html minifies CSS inside <style>; a stylesheet is wrapped in one.
    wrapped = minify_html.minify(f"<style>{css}</style>", minify_css=True)
    return wrapped.removeprefix("<style>").removesuffix("</style>")
