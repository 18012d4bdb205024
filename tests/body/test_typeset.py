"""typeset.py gives typogrify's and smartypants' own output, byte for byte,
on our content, on the cases their documentation lists, and on random HTML
made of the characters and tags their passes react to."""

import random

import markdown
import pytest
import smartypants
from clinic.body import typeset
from pelican.settings import read_settings
from sitebuilder import ROOT
from typogrify import filters
from typogrify.filters import typogrify

TRICKY = [
    "",
    '"',
    "'",
    '<p>"Quoted" text -- and more...</p>',
    "<p>He said, \"'Quoted' words in a larger quote.\"</p>",
    "<p>Back in the '80s, it wasn't \"cool\".</p>",
    "<p>``Backticks'' and `single' ones</p>",
    r"<p>Escaped \"quotes\" and \\ and \. \- \` \'</p>",
    "<p>A . . . pause</p>",
    '<p><em>"</em>Lone quote tokens<em>\'</em> and <b>"</b></p>',
    '<pre>Do not "touch" -- this...</pre><p>but "this" -- yes</p>',
    "<code>x = 'a'</code> isn't code",
    "<kbd>'q'</kbd><samp>\"s\"</samp><tt>--</tt><math>'m'</math><script>a='b'</script>",
    "<pre><code>nested 'skip'</code> still 'pre'</pre> 'after'",
    "</pre> stray 'closing' tag <pre>open 'inside'",
    "<!-- a comment -- with dashes --> and 'text'",
    "<!-- plain comment --> 'quoted'",
    '<a href="/x?a=1&amp;b=2" title="It\'s &quot;fine&quot;">It\'s a link</a>',
    '<h2>"Jayhawks" & KU fans act extremely obnoxiously</h2>',
    "<li>D.O.T. and RFID in a list item</li><li>One more item here</li>",
    "One&nbsp;&amp;&nbsp;two &#8220;done&#8221; &ldquo;too&rdquo;",
    "&quot;Entity quotes&quot; stay",
]

PIECES = [
    '"', "'", "''", "``", "`", "--", "---", "...", ". . .", ".", "\\", '\\"', "\\'", "\\-",
    " ", "  ", "\n", "word", "it's", "KU", "D.O.T. ", "HE34T", "'80s", "&", " & ", "&amp;",
    "&nbsp;", "&#8212;", "<p>", "</p>", "<h2>", "</h2>", "<li>", "</li>", "<em>", "</em>",
    '<a href="a\'b">', "</a>", "<pre>", "</pre>", "<code>", "</code>", "<kbd>", "</kbd>",
    "<script>", "</script>", "<!-- c -->", "<!-- a -- b -->", "<br>", "x", "(", "[",
    " &#38; ", "&nbsp;&amp;&nbsp;", "\xa0", "\t", "<h3>", "</h3>", "<dt>", "</dd>", "<b>",
    "</b>", "<i>", "</i>", "</li ",
    '<span class="c d">', "</span>", "<strong>", "</strong>", '<abbr title="x y">', "</abbr>",
    '<img alt="a b">', "</blockquote>", "<a <b>", "<>", ">", "<", "</p", "last word",
]  # fmt: skip


def random_html(rng):
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 30)))


def our_bodies():
    """Every content file's body as the site's Markdown renders it."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    converter = markdown.Markdown(**settings["MARKDOWN"])
    bodies = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("---", 2)[2] if text.startswith("---") else text
        bodies.append(converter.reset().convert(body))
    return bodies


def test_our_content_is_typeset_as_typogrify_does():
    bodies = our_bodies()
    assert len(bodies) > 10
    for body in bodies:
        assert typeset.typogrify(body) == typogrify(body)


@pytest.mark.parametrize("html", TRICKY)
def test_documented_cases_match_the_libraries(html):
    assert typeset.educate_html(html) == smartypants.smartypants(html)
    assert typeset.typogrify(html) == typogrify(html)


def test_random_html_matches_the_libraries():
    rng = random.Random(6)
    for _ in range(6000):
        html = random_html(rng)
        assert typeset.educate_html(html) == smartypants.smartypants(html), html
        assert typeset.typogrify(html) == typogrify(html), html
        assert typeset.widont(html) == filters.widont(html), html
