"""The check and the sanitizer read one allowlist and agree: what the check
accepts, the sanitizer leaves byte for byte; what the check refuses, the
sanitizer removes; and where the two parsers could read markup differently,
the check says so instead of letting the sanitizer fix it quietly."""

import pytest
from clinic.body import allowlist, sanitize, steps
from clinic.checks.run import check_settings_file, markdown_converter
from clinic.checks.sources import discover, read_source
from clinic.problems import errors
from clinic.settings import with_defaults
from fixture_site import ALLOWED_BODY, HOSTILE_CONSTRUCTS, article, make_content
from pelican.settings import read_settings
from sitebuilder import ROOT

SETTINGS = with_defaults(read_settings(str(ROOT / "pelicanconf.py")))
SITEURL = "https://clinic.example"


def markdown(text):
    """The body's HTML as the site's reader makes it."""
    return markdown_converter(SETTINGS).convert(text)


def checked(html):
    """(what the check refuses, whether the sanitizer changed it, what is written)."""
    scanned, written = steps.checked(html, SITEURL)
    return scanned.refused, scanned.sanitizer_change, written


def test_every_allowed_construct_passes_and_is_left_byte_for_byte():
    html = markdown(ALLOWED_BODY)
    # Every construct made it into the HTML, so each was really tried.
    for piece in ("<table>", "<dl>", 'class="footnote"', "<abbr", "<sub>", "<sup", "<!--"):
        assert piece in html, piece
    assert 'class="language-text"' in html and 'id="a-section"' in html
    refused, change, _written = checked(html)
    assert refused == [] and change is None
    assert sanitize.sanitize(html) == (html, None)
    assert sanitize.sanitize(html)[0] is html  # the very same string
    # nh3 writes some of it its own way (&#160;, &#8617;): judged the same.
    assert sanitize.CLEANER.clean(html) != html


def test_the_real_content_is_left_byte_for_byte():
    converter = markdown_converter(SETTINGS)
    bodies = 0
    for path, kind in discover(SETTINGS):
        source, _ = read_source(path, kind, ROOT / "content")
        html = converter.reset().convert(source.body)
        assert sanitize.sanitize(html)[0] is html, path
        assert checked(html)[0] == [], path
        bodies += 1
    assert bodies >= 10


@pytest.mark.parametrize("name", HOSTILE_CONSTRUCTS)
def test_what_the_check_refuses_the_sanitizer_removes(name):
    text, never = HOSTILE_CONSTRUCTS[name]
    html = markdown(f"Before.\n\n{text}\n\nAfter.\n")
    refused, change, written = checked(html)
    assert refused, f"the check let {name} through"
    assert change is not None, f"the sanitizer left {name} as it was"
    for piece in never:
        assert piece in html  # it was there
        assert piece not in written, f"{piece} of {name} survived the sanitizer"
    assert "Before." in written and "After." in written


@pytest.mark.parametrize(
    "html",
    [
        '<p><img src="//cdn.example.net/x.png" alt="x"></p>',
        '<p><img src="\\\\cdn.example.net/x.png" alt="x"></p>',
        '<p><img src="data:image/png;base64,AAAA" alt="x"></p>',
        '<p><a href=" java\tscript:alert(1)">x</a></p>',
        '<p><a href="&#106;avascript:alert(1)">x</a></p>',
        '<p><a href="vbscript:x">x</a></p>',
        '<p><a href="/x" target="_blank">x</a></p>',
        '<p class="lead">x</p>',
        '<div class="footnote extra">x</div>',
        '<p><span style="color: red">x</span></p>',
        "<p><img src=x onerror=alert(1)></p>",
        '<p><img src="x"onerror=alert(1)></p>',
        '<table><tr><th style="text-align: left;">x</th></tr></table>',
        "<embed src=/images/x.png>",
        "<p><math><mi>x</mi></math></p>",
    ],
)
def test_odd_markup_is_refused_and_removed_alike(html):
    refused, change, written = checked(html)
    assert refused and change is not None, html
    for _line, refusal in refused:
        removed = refusal.attribute or f"<{refusal.tag}"
        assert removed not in written.replace("<p", ""), (html, written)


def test_markup_the_parsers_read_differently_is_never_fixed_quietly(tmp_path):
    # The standard library's parser reads one comment; a browser (and nh3)
    # an empty comment, then an <img> whose onerror would run.
    html = "<p>Note:</p>\n<!--> <img src=x onerror=alert(1)> -->\n"
    refused, change, written = checked(html)
    assert refused == []
    assert change is not None and "onerror" not in written
    # ...so the check names it.
    body = article() + "\n<!--> <img src=x onerror=alert(1)> -->\n"
    content = make_content(tmp_path / "content", {"odd": body})
    problems, _ = check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})
    assert [str(p) for p in errors(problems)] == [
        "content/articles/odd.md:18: html: this HTML is broken or incomplete (a tag left open, "
        "or markup a browser reads differently), so the site would have to change it -> close "
        "every tag you open, or write this part in Markdown"
    ]


def test_an_unclosed_tag_is_named_not_mended():
    refused, change, _written = checked("<p>H<sub>2O is water.</p>")
    assert refused == [] and change is not None
    assert change.text == "</p>"


def test_links_may_lead_anywhere_on_the_web_but_pictures_only_come_from_here():
    for url in (
        "https://www.nimh.nih.gov/",
        "//www.nimh.nih.gov/",
        "mailto:a@b.example",
        "tel:988",
    ):
        assert allowlist.keeps("a", "href", url), url
    for url in ("/images/x.jpg", "{static}/images/x.jpg", "../images/x.jpg", "x.jpg"):
        assert allowlist.keeps("img", "src", url), url
    for url in ("https://newpathways.example/images/x.jpg", "//x.example/y.png", "data:,x"):
        assert not allowlist.keeps("img", "src", url), url


def test_the_body_steps_write_what_the_sanitizer_keeps():
    html = markdown("Text.\n\n" + HOSTILE_CONSTRUCTS["pixel noscript"][0] + "\n")
    body = steps.compute(html, SITEURL)
    assert "facebook" not in body.linked
    assert body.scanned.refused
