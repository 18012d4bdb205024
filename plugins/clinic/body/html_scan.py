"""One pass over an HTML document collecting what the checks need: links,
images, element ids, the title, the meta description and the amount of text;
the words the writing checks read (running text, headings, link text); for a
body, the same pass finds the links to mark as external (links.py) and
everything the allowlist (allowlist.py) refuses.

The standard library's parser is enough here and keeps the build free of
a heavier HTML dependency.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import allowlist, links

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset"}

# Elements whose text is a block of its own: a paragraph, a list item, a
# table cell... Text before a nested block (a list inside a list item) is a
# block too. Headings are kept apart, with their level.
TEXT_BLOCKS = frozenset(
    (
        "p",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "caption",
        "figcaption",
        "blockquote",
        "div",
        "section",
        "article",
        "aside",
    )
)
HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Text that is not prose: code, and what is never shown.
NOT_PROSE = frozenset(("pre", "code", "kbd", "samp", "script", "style"))


@dataclass
class ScannedHtml:
    links: list = field(default_factory=list)  # (line, tag, url)
    images: list = field(default_factory=list)  # (line, attribute dict) of every <img>
    ids: set = field(default_factory=set)
    title: str = ""
    description: str = ""
    refresh: bool = False  # a redirect page (meta refresh)
    text_length: int = 0
    blocks: list = field(default_factory=list)  # (line, tag, text) of each block of text
    headings: list = field(default_factory=list)  # (line, level, text) of each heading
    link_texts: list = field(default_factory=list)  # (line, href, text) of each <a href>
    # A body only: (line, allowlist.Refusal) for each thing not on the list,
    # and where the sanitizer changed what the list allows (sanitize.Change).
    refused: list = field(default_factory=list)
    sanitizer_change: object = None


class _Scanner(HTMLParser):
    def __init__(self, own_host=None, site_path=""):
        super().__init__(convert_charrefs=True)
        self.found = ScannedHtml()
        self._in_title = False
        self._skip_depth = 0  # inside <script>/<style>, whose text is not page text
        self.own_host = own_host  # None: a whole page; else a body (links, allowlist)
        self.site_path = site_path  # a body's root-relative addresses go under it
        self.rewrites = []  # ((line, column), raw start tag, tag, new attribute list)
        self._block = None  # [line, tag, pieces] of the text block being read
        self._blocks = []  # tags of the open text blocks, innermost last
        self._heading = None  # [line, level, pieces] inside <h1>..<h6>
        self._link = None  # [line, href, pieces] inside <a href>
        self._not_prose = 0  # inside code, pre, script or style

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        found = self.found
        position = self.getpos()
        line = position[0]
        if self.own_host is not None:
            found.refused += [(line, refusal) for refusal in allowlist.refusals(tag, attrs)]
            rewritten = links.rewritten(tag, attrs, self.own_host, self.site_path)
            if rewritten is not None:
                self.rewrites.append((position, self.get_starttag_text(), tag, rewritten))
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                found.ids.add(attributes[name])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted):
            urls = attributes[wanted]
            for url in _srcset_urls(urls) if wanted == "srcset" else [urls]:
                found.links.append((line, tag, url))
        self._words_start(tag, attributes, line)
        if tag == "img":
            found.images.append((line, attributes))
            for url in _srcset_urls(attributes.get("srcset") or ""):
                found.links.append((line, tag, url))
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            self._meta(attributes)
        elif tag in ("script", "style"):
            self._skip_depth += 1

    def _meta(self, attributes):
        if attributes.get("name") == "description":
            self.found.description = (attributes.get("content") or "").strip()
        if (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.refresh = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in ("script", "style"):
            self._skip_depth = max(0, self._skip_depth - 1)
        self._words_end(tag)

    # Declarations and processing instructions have no place in a body.
    def handle_decl(self, decl):
        self._refuse("!", decl)

    def handle_pi(self, data):
        self._refuse("?", data)

    def unknown_decl(self, data):
        self._refuse("![", data)

    def _refuse(self, opening, text):
        if self.own_host is not None:
            name = opening + (text.split() or [""])[0]  # "!DOCTYPE", "?php"
            self.found.refused.append((self.getpos()[0], allowlist.Refusal(name)))

    def handle_data(self, data):
        if self._in_title:
            self.found.title += data
            return
        if not self._skip_depth:
            self.found.text_length += len(data.strip())
            self._words(data)

    # --- The words: blocks of running text, headings, link text

    def close(self):
        super().close()
        self._flush_block()

    def _words_start(self, tag, attributes, line):
        if tag in TEXT_BLOCKS:
            self._flush_block()
            self._blocks.append(tag)
        elif tag in HEADINGS:
            self._flush_block()
            self._heading = [line, HEADINGS[tag], []]
        elif tag in NOT_PROSE:
            self._not_prose += 1
        elif tag == "a" and attributes.get("href") is not None:
            self._link = [line, attributes["href"], []]
        elif tag == "img" and self._link is not None:
            self._link[2].append(attributes.get("alt") or "")  # an image link says its alt
        elif tag == "br" and self._block is not None:
            self._block[2].append(" ")

    def _words_end(self, tag):
        if tag in TEXT_BLOCKS:
            self._flush_block()
            if tag in self._blocks:
                del self._blocks[len(self._blocks) - 1 - self._blocks[::-1].index(tag)]
        elif tag in HEADINGS and self._heading is not None:
            line, level, pieces = self._heading
            self.found.headings.append((line, level, _joined(pieces)))
            self._heading = None
        elif tag in NOT_PROSE:
            self._not_prose = max(0, self._not_prose - 1)
        elif tag == "a" and self._link is not None:
            line, href, pieces = self._link
            self.found.link_texts.append((line, href, _joined(pieces)))
            self._link = None

    def _words(self, data):
        if self._link is not None:
            self._link[2].append(data)
        if self._heading is not None:
            self._heading[2].append(data)
        elif not self._not_prose:
            if self._block is None:
                if not data.strip():
                    return
                tag = self._blocks[-1] if self._blocks else ""
                self._block = [self.getpos()[0], tag, []]
            self._block[2].append(data)

    def _flush_block(self):
        if self._block is not None:
            line, tag, pieces = self._block
            text = _joined(pieces)
            if text:
                self.found.blocks.append((line, tag, text))
            self._block = None


def _joined(pieces):
    return " ".join("".join(pieces).split())


def _srcset_urls(srcset):
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def scan(html):
    return _run(_Scanner(), html).found


def scan_marking_links(html, siteurl, under_site_path=True):
    """(the scan of a body, with what the allowlist refuses; `html` with
    rel="noopener noreferrer" on each link to a host other than SITEURL's
    and, if `under_site_path`, its root-relative addresses under SITEURL's
    path), from one parse: a body's two passes were a fifth of our
    per-article work."""
    path = links.site_path(siteurl) if under_site_path else ""
    scanner = _run(_Scanner(links.site_host(siteurl), path), html)
    return scanner.found, links.mark(html, scanner.rewrites)


def _run(scanner, html):
    scanner.feed(html)
    scanner.close()
    scanner.found.title = scanner.found.title.strip()
    return scanner
