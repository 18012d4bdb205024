"""typogrify's filters, with less work for the same result.

`typogrify.filters.typogrify` runs amp, smartypants, caps, initial_quotes and
widont over the HTML: on our articles it cost more than Markdown itself.
Two of the five are most of it, and both do work that cannot change the text:

- smartypants sends every run of text between two tags through about twenty
  regular-expression passes (escapes, dashes, ellipses, backticks, quotes),
  even when the run holds none of the characters those passes look for.
  `educate_html` walks the tokens as smartypants does (same tokenizer, same
  skipped tags, same one-character quote rule) and calls smartypants' own
  conversion functions only where the run contains what they act on.
- widont tries its pattern at every space of the text, but a match can only
  end at a closing block tag or the end of the text. `widont` looks back from
  those alone.

The output is the libraries', byte for byte: tests/test_typeset.py compares
them on our content, on the cases their documentation lists, and on random
HTML built from the characters and tags the filters react to. amp (skipped
where its pattern cannot match), caps and initial_quotes are typogrify's own,
in typogrify's order.
"""

import re

import smartypants
from typogrify import filters

# widont's pattern, taken apart: a match ends at one of these block closers
# (or at the end of the text), after one word and any inline closers.
_BLOCK_CLOSER = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
_INLINE_CLOSERS = ("</a>", "</em>", "</span>", "</strong>", "</i>", "</b>")
_INLINE_TAG_START = re.compile(r"</?(?:a|em|span|strong|i|b)")

# typogrify's amp pattern: an ampersand (or its entity) with space on both sides.
_LONE_AMPERSAND = re.compile(r"(\s|&nbsp;)(&|&amp;|&\#38;)(\s|&nbsp;)")

# The elements smartypants leaves alone (smartypants.tags_to_skip).
_SKIPPED_TAG = re.compile(rf"<(/)?({'|'.join(smartypants.tags_to_skip)})[^>]*>", re.I)
_NOT_SPACE = re.compile(r"\S")


def typogrify(fragment):
    """Same result as `typogrify.filters.typogrify(fragment)`."""
    return "".join(
        _apply_filters(section) if process else section
        for section, process in filters.process_ignores(fragment)
    )


def _apply_filters(html):
    # typogrify's applyfilters() order. amp changes nothing where its pattern
    # (a lone ampersand between spaces) is nowhere in the text.
    if _LONE_AMPERSAND.search(html):
        html = filters.amp(html)
    html = educate_html(html)
    html = filters.caps(html)
    html = filters.initial_quotes(html)
    return widont(html)


def educate_html(html):
    """Same result as `smartypants.smartypants(html)` with its default
    attributes (quotes, ``backticks'', -- as em dash, ellipses)."""
    result = []
    open_skipped = []  # names of the skipped elements we are inside
    previous_last_char = ""
    for kind, token in smartypants._tokenize(html):
        if kind == "tag":
            result.append(token)
            skipped = _SKIPPED_TAG.match(token)
            if skipped and not skipped.group(1):
                open_skipped.append(skipped.group(2).lower())
            elif skipped and open_skipped and skipped.group(2).lower() == open_skipped[-1]:
                open_skipped.pop()
            continue
        result.append(token if open_skipped else educate_text(token, previous_last_char))
        previous_last_char = token[-1:]
    return "".join(result)


def educate_text(text, previous_last_char):
    """One run of text, as smartypants converts it: each step only where it can apply."""
    if "\\" in text:
        text = smartypants.process_escapes(text)
    if "--" in text:
        text = smartypants.convert_dashes(text)
    if "..." in text or ". . ." in text:
        text = smartypants.convert_ellipses(text)
    if "``" in text or "''" in text:
        text = smartypants.convert_backticks(text)
    # A run that is a lone quote takes its side from the run before it.
    if text == "'":
        return "&#8217;" if _NOT_SPACE.match(previous_last_char) else "&#8216;"
    if text == '"':
        return "&#8221;" if _NOT_SPACE.match(previous_last_char) else "&#8220;"
    if "'" in text or '"' in text:
        text = smartypants.convert_quotes(text)
    return text


def widont(html):
    """Same result as `typogrify.filters.widont(html)`: the space before the
    last word of each paragraph, heading, list item or definition becomes a
    no-break space. typogrify tries its pattern at every space of the text;
    a match can only end at a block closer (or the end), so this looks back
    from each of those alone."""
    pieces, done = [], 0
    ends = [match.start() for match in _BLOCK_CLOSER.finditer(html)] + [len(html)]
    for end in ends:
        space = _space_before_last_word(html, end)
        if space is not None:
            pieces += [html[done : space[0]], "&nbsp;"]
            done = space[1]
    pieces.append(html[done:])
    return "".join(pieces)


def _space_before_last_word(html, end):
    """(start, end) of the spaces widont replaces before `end`, or None."""
    # Back over spaces and closing inline tags, then over the word itself.
    word_end = end
    while word_end > 0:
        if html[word_end - 1].isspace():
            word_end -= 1
            continue
        closer = next((c for c in _INLINE_CLOSERS if html.endswith(c, 0, word_end)), None)
        if closer is None:
            break
        word_end -= len(closer)
    word_start = word_end
    while word_start > 0 and not _ends_word(html[word_start - 1]):
        word_start -= 1
    space_start = word_start
    while space_start > 0 and html[space_start - 1].isspace():
        space_start -= 1
    if word_start == word_end or space_start in (word_start, 0):
        return None
    before = html[space_start - 1]  # a character, or the end of an inline tag
    if before not in "<>":
        return space_start, word_start
    if before == ">":
        tag_from = html.rfind(">", 0, space_start - 1) + 1
        for tag_start in _positions(html, "<", tag_from, space_start - 1):
            if _INLINE_TAG_START.match(html, tag_start):
                return space_start, word_start
    return None


def _ends_word(character):
    return character in "<>" or character.isspace()


def _positions(text, character, start, end):
    found = text.find(character, start, end)
    while found != -1:
        yield found
        found = text.find(character, found + 1, end)
