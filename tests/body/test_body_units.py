"""The body part's small pieces on their own: title typography, the
plain-text opening, the word count, the reading time and the scan's words."""

import pytest
from clinic.body import reading_time, steps
from clinic.body.html_scan import scan
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


def test_the_scan_reads_the_words_the_writing_checks_need():
    found = scan(
        "<p>One <em>two</em>. <code>x = 1</code> three</p>\n"
        "<ul><li>Item<ul><li>inner</li></ul>tail</li></ul>\n"
        '<h2 id="a">Head <code>code</code></h2><h3></h3>\n'
        '<p><a href="/x/">click here</a> and <a href="/y/"><img src="a.jpg" alt="Logo"></a></p>\n'
        "<table><tr><th>Day</th><td>8-5</td></tr></table><pre>not prose</pre>loose"
    )
    assert found.blocks == [
        (1, "p", "One two. three"),
        (2, "li", "Item"),
        (2, "li", "inner"),
        (2, "li", "tail"),
        (4, "p", "click here and"),
        (5, "th", "Day"),
        (5, "td", "8-5"),
        (5, "", "loose"),
    ]
    assert found.headings == [(3, 2, "Head code"), (3, 3, "")]
    assert found.link_texts == [(4, "/x/", "click here"), (4, "/y/", "Logo")]
