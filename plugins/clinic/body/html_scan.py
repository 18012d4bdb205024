"""One pass over an HTML document collecting what the checks need: links,
images, element ids, the title, the meta description and the amount of text;
for a body, the same pass finds the links to mark as external (links.py) and
everything the allowlist (allowlist.py) refuses.

The standard library's parser is enough here and keeps the build free of
a heavier HTML dependency.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import allowlist, links

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset"}


@dataclass
class ScannedHtml:
    links: list = field(default_factory=list)  # (line, tag, url)
    images: list = field(default_factory=list)  # (line, attribute dict) of every <img>
    ids: set = field(default_factory=set)
    title: str = ""
    description: str = ""
    refresh: bool = False  # a redirect page (meta refresh)
    text_length: int = 0
    # A body only: (line, allowlist.Refusal) for each thing not on the list,
    # and where the sanitizer changed what the list allows (sanitize.Change).
    refused: list = field(default_factory=list)
    sanitizer_change: object = None


class _Scanner(HTMLParser):
    def __init__(self, own_host=None):
        super().__init__(convert_charrefs=True)
        self.found = ScannedHtml()
        self._in_title = False
        self._skip_depth = 0  # inside <script>/<style>, whose text is not page text
        self.own_host = own_host  # None: a whole page; else a body (links, allowlist)
        self.external_links = []  # ((line, column), raw start tag, attribute list)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        found = self.found
        position = self.getpos()
        line = position[0]
        if self.own_host is not None:
            found.refused += [(line, refusal) for refusal in allowlist.refusals(tag, attrs)]
        if self.own_host is not None and links.is_external_link(tag, attributes, self.own_host):
            self.external_links.append((position, self.get_starttag_text(), attrs))
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                found.ids.add(attributes[name])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted):
            urls = attributes[wanted]
            for url in _srcset_urls(urls) if wanted == "srcset" else [urls]:
                found.links.append((line, tag, url))
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
        elif not self._skip_depth:
            self.found.text_length += len(data.strip())


def _srcset_urls(srcset):
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def scan(html):
    return _run(_Scanner(), html).found


def scan_marking_links(html, siteurl):
    """(the scan of a body, with what the allowlist refuses; `html` with
    rel="noopener noreferrer" on each link to a host other than SITEURL's),
    from one parse: a body's two passes were a fifth of our per-article work."""
    scanner = _run(_Scanner(links.site_host(siteurl)), html)
    return scanner.found, links.mark(html, scanner.external_links)


def _run(scanner, html):
    scanner.feed(html)
    scanner.close()
    scanner.found.title = scanner.found.title.strip()
    return scanner
