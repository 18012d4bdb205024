"""The words of a body as the writing rules read them: sentences, words, and
the line of the Markdown file where a piece of text was written.

The scan (body/html_scan.py) gives the body's text in blocks (paragraphs,
list items, table cells) with the Markdown already turned into text; the
rules split those into sentences here and point writers back to their file.
"""

import re
from functools import lru_cache

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    (
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "vs",
        "etc",
        "approx",
        "no",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    )
)
# A sentence ends at . ! or ? (and any closing quote or bracket) before a
# space and a capital letter, a digit or an opening quote.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])")
_INITIALS = re.compile(r"^(?:[a-z]\.){2,}$|^[a-z]\.$", re.IGNORECASE)  # U.S., e.g., J.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
NEGATIONS = re.compile(
    r"\b(?:not|no|never|none|nothing|cannot|neither|nor|without)\b|n['\u2019]t\b"
)
OPENING = "(\"'\u201c\u2018"  # what may stand before a sentence's first word
# Curly quotes as straight ones, one character for one (positions hold).
STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
# Markdown that stands between a writer's words in the file but not on the page.
_MARKUP = re.compile(r"\]\([^)]*\)|[*_`\[\]]|\{[^}]*\}|<[^>]+>")


def sentences(block):
    """The sentences of one block of text, in order. A block that does not
    end with a full stop (a list item, a heading) is a sentence of its own."""
    found, start = [], 0
    for end in _END.finditer(block):
        if end.group().startswith(".") and _abbreviation(block[start : end.start() + 1]):
            continue
        found.append(block[start : end.end()].strip())
        start = end.end()
    rest = block[start:].strip()
    if rest:
        found.append(rest)
    return found


def _abbreviation(text):
    last = text.split()[-1].lstrip(OPENING) if text.split() else ""
    return last[:-1].lower() in ABBREVIATIONS or bool(_INITIALS.match(last))


def words(text):
    return WORD.findall(text)


def shortened(sentence, limit=12):
    """The first `limit` words of a sentence, for a message."""
    parts = sentence.split()
    return " ".join(parts[:limit]) + ("…" if len(parts) > limit else "")


def line_of(source, *texts):
    """The line of the file where the first of `texts` that can be found was
    written (as it is, else with Markdown's marks ignored and a long text by
    its opening words), or the body's first line."""
    lines = _plain_lines(source.body, source.body_line)
    for text in texts:
        for number, line in enumerate(source.body.splitlines(), start=source.body_line):
            if text and text in line:
                return number
        parts = _plain(text).split()
        for count in (8, 4, 2):
            probe = " ".join(parts[:count])
            for number, line in lines if probe else ():
                if probe in line:
                    return number
    return source.body_line


@lru_cache(maxsize=16)
def _plain_lines(body, first_line):
    return tuple(
        (number, _plain(line)) for number, line in enumerate(body.splitlines(), start=first_line)
    )


def _plain(text):
    return " ".join(_MARKUP.sub(" ", text.translate(STRAIGHT_QUOTES)).lower().split())
