"""Production bytes: minified HTML and CSS, and theme files (the one
stylesheet, the search page's script) whose names carry a hash of their
content, so hosts can cache them for a year and a new version is fetched
the moment it changes.

Runs on pelican-granular-signals' `minify` signal: after every page is
written and before pelican-precompress writes the .gz and .br copies.
Off unless CLINIC_MINIFY is true (publishconf.py).
"""

import hashlib
from pathlib import Path

import blinker
import minify_html
from pelican.plugins import granular_signals

STYLESHEET = "css/site.css"  # inside the theme's static folder
# Setting that templates use for the URL path -> file in the theme's static folder.
FINGERPRINTED = {"CLINIC_STYLESHEET": STYLESHEET, "CLINIC_SEARCH_SCRIPT": "js/search.js"}

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


def register():
    granular_signals.register()
    blinker.signal("minify").connect(minify_output)


def read_settings(pelican):
    """URL paths of the fingerprinted theme files, hashed in production."""
    settings = pelican.settings
    settings.setdefault("CLINIC_MINIFY", False)
    static = settings.get("THEME_STATIC_DIR", "theme")
    for setting, relative in FINGERPRINTED.items():
        plain = f"{static}/{relative}"
        if settings["CLINIC_MINIFY"]:
            source = Path(settings["THEME"]) / "static" / relative
            settings[setting] = hashed_name(plain, source.read_bytes())
        else:
            settings[setting] = plain


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


def minify_page(page):
    for entity, hidden in _ESCAPES.items():
        page = page.replace(entity, hidden)
    page = minify_html.minify(page, **HTML_OPTIONS)
    for entity, hidden in _ESCAPES.items():
        page = page.replace(hidden, entity)
    return page


def minify_output(pelican):
    settings = pelican.settings
    if not settings.get("CLINIC_MINIFY"):
        return
    output = Path(settings["OUTPUT_PATH"])
    for page in output.rglob("*.html"):
        page.write_text(minify_page(page.read_text("utf-8")), "utf-8")
    static = output / settings.get("THEME_STATIC_DIR", "theme")
    for setting, relative in FINGERPRINTED.items():
        plain = static / relative
        text = plain.read_text("utf-8")
        # The script is small and readable as it is; only CSS is minified.
        hashed = minify_css(text) if relative == STYLESHEET else text
        (output / settings[setting]).write_text(hashed, "utf-8")
        plain.unlink()  # only the hashed copy is linked, so only it ships


def minify_css(css):
    # minify-html minifies CSS inside <style>; a stylesheet is wrapped in one.
    wrapped = minify_html.minify(f"<style>{css}</style>", minify_css=True)
    return wrapped.removeprefix("<style>").removesuffix("</style>")
