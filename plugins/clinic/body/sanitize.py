"""The second line of defence: every body is put through nh3 (the Python
binding of ammonia, a maintained HTML sanitizer) with the site's allowlist
(allowlist.py) before anything else touches it, so whatever is written,
pages and feeds alike, holds nothing else even if the content check missed
something.

The check comes first and names each refused thing; a writer is never
"fixed" without a word. So where nh3 changes nothing a browser would see,
the body is kept byte for byte as Markdown made it: nh3 writes HTML its own
way (`&#160;` as `&nbsp;`, say), and the page should not change for that.
Whether it changed anything is judged on the two as parsed (tags,
attributes, text, comments), by the standard library's parser.
"""

from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from . import allowlist

CLEANER = nh3.Cleaner(**allowlist.cleaner_options())


@dataclass(frozen=True)
class Change:
    """Where the sanitizer changed a body: the first place that differs."""

    line: int  # in the body's HTML
    text: str  # the markup or text found there, for finding it in the Markdown


def sanitize(fragment):
    """(the body to write, None) when nh3 leaves it as it is, else (nh3's
    version, the first Change): the body as written, the very same string,
    whenever nothing was removed or moved."""
    cleaned = CLEANER.clean(fragment)
    if cleaned == fragment:
        return fragment, None
    change = first_change(fragment, cleaned)
    return (fragment, None) if change is None else (cleaned, change)


def first_change(before, after):
    """The first token of `before` that `after` lacks or has otherwise, or None."""
    old, new = _tokens(before), _tokens(after)
    for index, (line, token, text) in enumerate(old):
        if index >= len(new) or new[index][1] != token:
            return Change(line, text)
    if len(new) > len(old):
        return Change(old[-1][0] if old else 1, new[len(old)][2])
    return None


class _Tokens(HTMLParser):
    """(line, token, raw text) for each tag, comment, declaration and run of
    text, with character references read (`&#160;` and `&nbsp;` are one).
    Runs of white space alone are left out: where nh3 removed an element,
    the spaces around it run together, and the element is the change."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def _add(self, token, text):
        self.found.append((self.getpos()[0], token, text))

    def handle_starttag(self, tag, attrs):
        pairs = tuple(sorted((name, value or "") for name, value in attrs))
        self._add(("start", tag, pairs), self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        # `<br/>` and `<br>` are one element (HTMLParser would add an end tag).
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self._add(("end", tag), f"</{tag}>")

    def handle_data(self, data):
        if self.found and self.found[-1][1][0] == "data":  # one run of text, however split
            line, (_kind, text), raw = self.found[-1]
            self.found[-1] = (line, ("data", text + data), raw)
        else:
            self._add(("data", data), data.strip()[:40])

    def handle_comment(self, data):
        self._add(("comment", data), f"<!--{data[:40]}")

    def handle_decl(self, decl):
        self._add(("decl", decl), f"<!{decl[:40]}")

    def handle_pi(self, data):
        self._add(("pi", data), f"<?{data[:40]}")

    def unknown_decl(self, data):
        self._add(("decl", data), f"<![{data[:40]}")


def _tokens(html):
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return [found for found in parser.found if found[1][0] != "data" or found[1][1].strip()]
