"""Links in article and page bodies that leave the site get
rel="noopener noreferrer": the other site learns nothing about which page
(and so which condition) the visitor was reading.

html_scan.py finds the start tags of external links in the same pass over
the body that the content check's scan makes; `mark` rewrites only those
tags, every other byte is left as written.
"""

import re
from html import escape, unescape
from urllib.parse import urlsplit

PRIVATE_REL = ("noopener", "noreferrer")
# Start tags of links as a browser finds them in finished HTML, and their href.
_LINK_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def site_host(siteurl):
    return urlsplit(siteurl or "").netloc.lower()


def is_external(href, own_host):
    parts = urlsplit(href.strip())
    if parts.scheme not in ("http", "https", ""):
        return False  # mailto:, tel:, ... open no page
    return bool(parts.netloc) and parts.netloc.lower() != own_host


def is_external_link(tag, attributes, own_host):
    """A start tag (HTMLParser's tag name and attribute dict) of a link to another host."""
    href = attributes.get("href") if tag == "a" else None
    return bool(href) and is_external(href, own_host)


def has_unmarked_external_link(html, siteurl):
    """True if finished HTML still has a link to another host without
    rel="noreferrer". Links are marked in the body as written, before
    typogrify; in broken raw HTML (a tag left open) typogrify's added tags
    can change where a tag ends, and with it which links a browser sees."""
    own_host = site_host(siteurl)
    for tag in _LINK_TAG.findall(html):
        href = _HREF.search(tag)
        if href and "noreferrer" not in tag:
            value = unescape(next(group for group in href.groups() if group is not None))
            if is_external(value, own_host):
                return True
    return False


def mark(html, found):
    """`html` with each start tag in `found` ((line, column) as HTMLParser
    counts them, the raw tag, its attribute list) given the private rel."""
    if not found:
        return html
    line_starts = _line_starts(html)
    pieces, cursor = [], 0
    for (line, column), raw, attrs in found:
        start = line_starts[line - 1] + column
        pieces += [html[cursor:start], _with_private_rel(attrs)]
        cursor = start + len(raw)
    pieces.append(html[cursor:])
    return "".join(pieces)


def _with_private_rel(attrs):
    rel = []
    for name, value in attrs:
        if name == "rel" and value:
            rel += value.split()
    rel += [token for token in PRIVATE_REL if token not in rel]
    kept = [(name, value) for name, value in attrs if name != "rel"] + [("rel", " ".join(rel))]
    rendered = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in kept
    )
    return f"<a{rendered}>"


def _line_starts(text):
    # HTMLParser counts lines by "\n" only, so must this.
    starts, index = [0], text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts
