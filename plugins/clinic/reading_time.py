"""Reading time for articles ("6 min read"): words in the plain text of the
body at an adult's average silent reading speed, rounded up, at least 1.

Own code rather than a plugin: it is a few lines, counted once per article
from the body Pelican already holds, and the wording of the label is ours.
"""

import math

from .typography import plain_text

WORDS_PER_MINUTE = 220


def minutes(html, words_per_minute=WORDS_PER_MINUTE, words=None):
    """`words`: the count if already known (body_steps.py counts it)."""
    if words is None:
        words = len(plain_text(html).split())
    return max(1, math.ceil(words / words_per_minute))


def label(count):
    return f"{count} min read"


def attach(generator):
    """`article_generator_finalized`: every article gets reading_minutes and reading_time."""
    speed = generator.settings.get("CLINIC_WORDS_PER_MINUTE", WORDS_PER_MINUTE)
    for article in [*generator.articles, *generator.drafts, *generator.hidden_articles]:
        words = getattr(article, "clinic_word_count", None)
        article.reading_minutes = minutes(article._content, speed, words)
        article.reading_time = label(article.reading_minutes)
