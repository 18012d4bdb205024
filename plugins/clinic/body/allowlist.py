"""The HTML an article or page body may hold: what the site's Markdown makes,
and the few elements a writer may type by hand. Nothing else.

One list, two users. The content check (checks/rules/html.py, from the
scan in html_scan.py) names each element, attribute or address a body has
that is not on it, with its file and line, and the build stops. The
sanitizer (sanitize.py) removes the same things from what is written, pages
and feeds alike, in case the check ever missed one. tests/body/ hold the two
to agreeing. docs/front-matter.md lists it for writers (`invoke docs`).

Links may lead anywhere on the web, but anything that loads as the page
opens (`src`) must be a file of this site: a picture from another site
would tell it who reads the page, in feed readers too, where no CSP applies.
"""

import re
from dataclasses import dataclass

# Element -> the attributes it may have, besides `id` (the anchors Markdown
# gives headings and footnotes, or a writer's {#anchor}).
ELEMENTS = {
    # Markdown's blocks
    "p": (),
    "h1": (),
    "h2": (),
    "h3": (),
    "h4": (),
    "h5": (),
    "h6": (),
    "blockquote": (),
    "ul": (),
    "ol": ("start",),
    "li": (),
    "hr": (),
    "pre": (),
    # Markdown's "extra": tables, definition lists, footnotes
    "table": (),
    "thead": (),
    "tbody": (),
    "tr": (),
    "th": (),
    "td": (),
    "dl": (),
    "dt": (),
    "dd": (),
    "div": ("class",),
    # Inline
    "a": ("href", "title", "rel", "class"),
    "img": ("src", "alt", "title"),
    "em": (),
    "strong": (),
    "code": ("class",),
    "br": (),
    "abbr": ("title",),
    "sup": (),
    "sub": (),
}
EVERY_ELEMENT = ("id",)
# Classes Markdown writes (footnotes; a fenced code block's language). The
# site styles nothing by them, but they are what Markdown makes.
CLASSES = {"div": {"footnote"}, "a": {"footnote-ref", "footnote-backref"}}
_CODE_LANGUAGE = re.compile(r"language-[\w+#.-]+")
# Where links may go: the web, email, phone; addresses without a scheme
# (/treatments/, #section, {filename}other.md) are this site's.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes that fetch a file as the page opens: only this site's files.
LOADS_A_FILE = frozenset({"src"})
# Elements removed with everything inside them: their content is code,
# or a stand-in for an embed, never text a reader should see.
REMOVED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "video",
        "audio",
        "svg",
        "math",
        "canvas",
        "textarea",
        "select",
        "title",
        "xmp",
        "noembed",
        "noframes",
    }
)

# The start of a URL, as browsers (and nh3's URL parser) read it: spaces
# and control characters around it are dropped, tabs and newlines anywhere.
_URL_EDGES = "".join(chr(code) for code in range(0x21))
_URL_DROPPED = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Refusal:
    """One thing in a body that is not on the list."""

    tag: str
    attribute: str = ""  # "" when the element itself is refused
    value: str = ""


def refusals(tag, attributes):
    """What is not allowed in one start tag (HTMLParser's lower-case tag name
    and (name, value) pairs): the element, or each attribute it may not have."""
    if tag not in ELEMENTS:
        return [Refusal(tag)]
    return [
        Refusal(tag, name, value or "")
        for name, value in attributes
        if not keeps(tag, name, value or "")
    ]


def keeps(tag, attribute, value):
    """True if `tag` may carry `attribute` with this value."""
    if attribute not in EVERY_ELEMENT and attribute not in ELEMENTS.get(tag, ()):
        return False
    if attribute == "class":
        return all(_class_allowed(tag, name) for name in value.split())
    if attribute == "href":
        return scheme(value) in LINK_SCHEMES or scheme(value) is None
    if attribute in LOADS_A_FILE:
        return is_own_file(value)
    return True


def _class_allowed(tag, name):
    if tag == "code":
        return bool(_CODE_LANGUAGE.fullmatch(name))
    return name in CLASSES.get(tag, ())


def scheme(url):
    """A URL's scheme in lower case ("https", "javascript"), None for an
    address on this site."""
    match = _SCHEME.match(url.strip(_URL_EDGES).translate(_URL_DROPPED))
    return match.group(1).lower() if match else None


def is_own_file(url):
    """True for a file of this site: a path, or Pelican's {static} link. Not
    another host (`//host/x`; browsers read a backslash as a slash), nor a
    `data:` or any other scheme."""
    path = url.strip(_URL_EDGES).translate(_URL_DROPPED).replace("\\", "/")
    return scheme(path) is None and not path.startswith("//")


def cleaner_options():
    """The same list, as nh3.Cleaner's options (sanitize.py)."""
    return {
        "tags": set(ELEMENTS),
        "attributes": {"*": set(EVERY_ELEMENT), **{t: set(a) for t, a in ELEMENTS.items()}},
        "attribute_filter": lambda tag, name, value: value if keeps(tag, name, value) else None,
        "url_schemes": set(LINK_SCHEMES),
        "clean_content_tags": set(REMOVED_WITH_CONTENT),
        # Writers' notes and the newsletter form's marker; inert everywhere.
        "strip_comments": False,
        # Links are marked by links.py, and only those leaving the site.
        "link_rel": None,
    }
