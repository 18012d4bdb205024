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
# Words: letters (Latin, accents included) joined by hyphens or apostrophes,
# or numbers. Spelt out rather than \w: a third faster, and no underscores.
_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
WORD = re.compile(rf"[0-9]+(?:[.,][0-9]+)*|[{_LETTERS}]+(?:[-'\u2019][{_LETTERS}]+)*")
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
        if block[end.start()] == "." and _abbreviation(block, start, end.start() + 1):
            continue
        found.append(block[start : end.end()].strip())
        start = end.end()
    rest = block[start:].strip()
    if rest:
        found.append(rest)
    return found


def sentence_count(block):
    """len(sentences(block)), without making the sentences."""
    count, start = 0, 0
    for end in _END.finditer(block):
        if block[end.start()] != "." or not _abbreviation(block, start, end.start() + 1):
            count, start = count + 1, end.end()
    return count + bool(block[start:].strip())


def _abbreviation(block, start, end):
    """Whether the word ending at `end` (with its full stop) is an abbreviation."""
    last = block[max(start, block.rfind(" ", start, end) + 1) : end].lstrip(OPENING)
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
