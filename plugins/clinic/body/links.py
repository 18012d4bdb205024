"""Addresses in article and page bodies, rewritten where they must be:

- a link that leaves the site gets rel="noopener noreferrer": the other site
  learns nothing about which page (and so which condition) the visitor was
  reading;
- an address written from the domain's root (/treatments/, /images/x.jpg)
  is put under the path the site is served from, when SITEURL has one
  (https://example.org/clinic -> /clinic/treatments/). Writers keep writing
  /treatments/ wherever the site is hosted.

html_scan.py finds the start tags to rewrite in the same pass over the body
that the content check's scan makes; `mark` rewrites only those tags, every
other byte is left as written.
"""

import re
from html import escape, unescape
from urllib.parse import urlsplit

PRIVATE_REL = ("noopener", "noreferrer")
# The one attribute of each element a body may hold (allowlist.py) that
# names an address.
ADDRESS_ATTRIBUTE = {"a": "href", "img": "src"}
# Start tags of links as a browser finds them in finished HTML, and their href.
_LINK_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def site_host(siteurl):
    return urlsplit(siteurl or "").netloc.lower()


def site_path(siteurl):
    """The path the site is served under: "/clinic" for
    https://example.org/clinic, "" at a domain's root or in a preview."""
    return urlsplit(siteurl or "").path.rstrip("/")


def under_path(url, path):
    """`url` written from the domain's root, under the site's `path`
    (/treatments/ -> /clinic/treatments/); any other address as it is."""
    if path and url.startswith("/") and not url.startswith("//"):
        return path + url
    return url


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


def rewritten(tag, attrs, own_host, path):
    """The attribute list (HTMLParser's) a body's start tag is to be written
    with, or None to leave the tag exactly as written: a link to another
    host gains the private rel; an address from the domain's root goes under
    the site's `path`."""
    name = ADDRESS_ATTRIBUTE.get(tag)
    if name is None:
        return None
    external = is_external_link(tag, dict(attrs), own_host)
    new = [
        (key, under_path(value, path) if key == name and value else value) for key, value in attrs
    ]
    if external:
        new = _with_private_rel(new)
    return new if external or new != attrs else None


def mark(html, found):
    """`html` with each start tag in `found` ((line, column) as HTMLParser
    counts them, the raw tag, its name, its new attribute list) rewritten."""
    if not found:
        return html
    line_starts = _line_starts(html)
    pieces, cursor = [], 0
    for (line, column), raw, tag, attrs in found:
        start = line_starts[line - 1] + column
        pieces += [html[cursor:start], _start_tag(tag, attrs)]
        cursor = start + len(raw)
    pieces.append(html[cursor:])
    return "".join(pieces)


def _with_private_rel(attrs):
    rel = []
    for name, value in attrs:
        if name == "rel" and value:
            rel += value.split()
    rel += [token for token in PRIVATE_REL if token not in rel]
    return [(name, value) for name, value in attrs if name != "rel"] + [("rel", " ".join(rel))]


def _start_tag(tag, attrs):
    rendered = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attrs
    )
    return f"<{tag}{rendered}>"


def _line_starts(text):
    # HTMLParser counts lines by "\n" only, so must this.
    starts, index = [0], text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts
