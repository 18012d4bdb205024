"""typogrify's filters, with smartypants only doing the steps that can change a run of text.

`typogrify.filters.typogrify` runs amp, smartypants, caps, initial_quotes and
widont over the HTML. Most of its time (about 60% on our articles) is the
smartypants library, which sends every run of text between two tags through
about twenty regular-expression passes (escapes, dashes, ellipses, backticks,
quotes) even when the run holds none of the characters those passes look for.
This module walks the tokens as smartypants does (same tokenizer, same skipped
tags, same one-character quote rule) and calls smartypants' own conversion
functions only when the run contains what they act on. Skipped passes could
not have changed the text, so the output is the library's, byte for byte
(tests/test_typeset.py compares them); the library still does every
conversion. The other four filters are typogrify's own, in typogrify's order.
"""

import re

import smartypants
from typogrify import filters

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
    # typogrify's applyfilters() order.
    html = filters.amp(html)
    html = educate_html(html)
    html = filters.caps(html)
    html = filters.initial_quotes(html)
    return filters.widont(html)


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
