"""Links in article and page bodies that leave the site get
rel="noopener noreferrer": the other site learns nothing about which page
(and so which condition) the visitor was reading.

The body is parsed with the standard library's HTML parser; only the start
tags of external links are rewritten, every other byte is left as written.
"""

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

PRIVATE_REL = ("noopener", "noreferrer")


def mark_external_links(html, siteurl):
    """`html` with rel="noopener noreferrer" added to each link to another host."""
    own_host = urlsplit(siteurl or "").netloc.lower()
    finder = _ExternalLinkFinder(own_host)
    finder.feed(html)
    finder.close()
    if not finder.found:
        return html
    line_starts = _line_starts(html)
    pieces, cursor = [], 0
    for (line, column), raw, attrs in finder.found:
        start = line_starts[line - 1] + column
        pieces += [html[cursor:start], _with_private_rel(attrs)]
        cursor = start + len(raw)
    pieces.append(html[cursor:])
    return "".join(pieces)


def is_external(href, own_host):
    parts = urlsplit(href.strip())
    if parts.scheme not in ("http", "https", ""):
        return False  # mailto:, tel:, ... open no page
    return bool(parts.netloc) and parts.netloc.lower() != own_host


class _ExternalLinkFinder(HTMLParser):
    def __init__(self, own_host):
        super().__init__(convert_charrefs=True)
        self.own_host = own_host
        self.found = []  # ((line, column), raw start tag, attrs)

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        href = dict(attrs).get("href")
        if href and is_external(href, self.own_host):
            self.found.append((self.getpos(), self.get_starttag_text(), attrs))

    handle_startendtag = handle_starttag


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
