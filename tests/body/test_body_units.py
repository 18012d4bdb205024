"""The body part's small pieces on their own: title typography, the
plain-text opening, the word count and the reading time."""

import pytest
from clinic.body import reading_time, steps
from clinic.body.typography import shorten, title_markup


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (220, 1), (221, 2), (440, 2), (1320, 6), (1321, 7)]
)
def test_reading_time_is_words_over_220_rounded_up_at_least_one(words, minutes):
    assert reading_time.minutes(words, 220) == minutes


def test_word_count_counts_text_not_markup():
    html = '<h2 id="a-long-anchor">Two words</h2><p><a href="/x/">one</a>&nbsp;more</p>' * 110
    words = steps.compute(html, "").words
    assert words == 440
    assert reading_time.minutes(words, 220) == 2
    assert reading_time.label(6) == "6 min read"


def test_title_markup_escapes_before_typography():
    html = str(title_markup('A & B "quoted" <script>'))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html
    assert "&#8220;quoted&#8221;" in html or "“quoted”" in html


def test_shorten_cuts_at_a_word():
    assert shorten("one two three", limit=100) == "one two three"
    cut = shorten("word " * 60, limit=30)
    assert len(cut) <= 30 and cut.endswith("…") and "wor…" not in cut
