"""New attributes for one `<img>` tag from an article body, printed as
BeautifulSoup prints a tag, without building a soup for every image.

body_pictures.py parsed each body image into its own BeautifulSoup document to add
the size and loading attributes: a tenth of the main process's work in a
rebuild after one edit at 1,000 articles. The tag is read here with the
standard library's parser (the one bs4's "html.parser" builder uses) and
printed as bs4's default formatter prints it: attributes sorted by name,
`&`, `<` and `>` escaped, values in double quotes unless they hold one, class
lists with single spaces. tests/test_images.py compares the two on many tags.
"""

import re
from html.parser import HTMLParser

# Attributes bs4 keeps as lists of words (on every tag), printed one space apart.
_WORD_LISTS = {"class", "accesskey", "dropzone"}
_SPECIAL = re.compile("[&<>]")
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class _FirstTag(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes = None  # of the first start tag

    def handle_starttag(self, tag, attrs):
        if self.attributes is None:
            self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def img_with(tag, updates):
    """`<img ...>` with `updates` set (the writer's other attributes kept)."""
    parser = _FirstTag()
    parser.feed(tag)
    parser.close()
    attributes = {**(parser.attributes or {}), **updates}
    printed = "".join(
        f" {name}={_quoted(_printed_value(name, value))}"
        for name, value in sorted(attributes.items())
    )
    return f"<img{printed}/>"


def _printed_value(name, value):
    if name in _WORD_LISTS:
        value = " ".join(value.split())
    return _SPECIAL.sub(lambda match: _ENTITY[match.group(0)], value)


def _quoted(value):
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'
