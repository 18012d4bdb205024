"""Titles as typographic HTML, and plain text out of HTML.

Pelican's own TYPOGRIFY setting treats a title as HTML, so a `<` or `&` in a
title would become markup. We keep TYPOGRIFY off and apply typogrify
ourselves (typeset.py): to titles here, escaped first, and to bodies (already
HTML) with the other body steps (steps.py), once per body.
"""

import html
import re

from markupsafe import Markup

from .typeset import typogrify

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def title_markup(title):
    """Plain-text title -> safe HTML with typographic quotes and dashes."""
    return Markup(typogrify(html.escape(str(title), quote=False)))


def plain_text(fragment):
    """Visible text of an HTML fragment, whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment or ""))).strip()


def shorten(text, limit=155):
    """Cut text at a word boundary to at most `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
