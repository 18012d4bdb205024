"""Reading time ("6 min read"): words in the plain text of a body at an adult's
average silent reading speed, rounded up, at least 1.

Own code rather than a plugin: it is a few lines, counted from the word count
the body steps already make, and the wording of the label is ours.
"""

import math


def minutes(words, words_per_minute):
    return max(1, math.ceil(words / words_per_minute))


def label(count):
    return f"{count} min read"
