"""Links that leave the site tell the other site nothing (rel="noopener
noreferrer"); links within the site are left exactly as written."""

import random
from html.parser import HTMLParser

import markdown
from clinic.body import links, steps
from clinic.body.html_scan import scan_marking_links
from clinic.body.typeset import typogrify
from fixture_site import article, make_content
from sitebuilder import build, soup, text, write
from test_typeset import PIECES, our_bodies

SITEURL = "https://clinic.example"


def mark_external_links(html, siteurl):
    return scan_marking_links(html, siteurl)[1]


BODY = """
Read the [NIMH overview](https://www.nimh.nih.gov/health/topics/depression?a=1&b=2).
A [sponsored study](http://trials.example.org/x "Trial") has rel already set.
See [our treatments](/treatments/), [another article]({filename}/articles/ok.md),
[our own address](https://clinic.example/about/) and [a section](#first-section).
Call [988](tel:988) or [email us](mailto:care@newpathways.example).
<a href="https://example.net/" rel="nofollow">Raw HTML link</a>
"""


def test_only_links_to_other_hosts_change():
    html = (
        '<p><a href="https://nimh.example/a?b=1&amp;c=2">N</a> <a href="/blog/">in</a> '
        '<a href="https://clinic.example/x">own</a> <a href="mailto:a@b.example">mail</a>\n'
        '<a\nhref="//cdn.example/p" rel="nofollow">proto</a></p>'
    )
    marked = mark_external_links(html, SITEURL)
    assert marked == (
        '<p><a href="https://nimh.example/a?b=1&amp;c=2" rel="noopener noreferrer">N</a> '
        '<a href="/blog/">in</a> <a href="https://clinic.example/x">own</a> '
        '<a href="mailto:a@b.example">mail</a>\n'
        '<a href="//cdn.example/p" rel="nofollow noopener noreferrer">proto</a></p>'
    )


def test_text_that_looks_like_a_link_is_not_touched():
    html = '<pre>&lt;a href="https://x.example"&gt;</pre><!-- <a href="https://y.example"> -->'
    assert mark_external_links(html, SITEURL) == html


def test_existing_rel_is_kept_and_not_doubled():
    html = '<a rel="noopener external" href="https://x.example">x</a>'
    assert mark_external_links(html, SITEURL) == (
        '<a href="https://x.example" rel="noopener external noreferrer">x</a>'
    )


def test_links_in_built_articles(tmp_path):
    body = article() + BODY
    content = make_content(tmp_path / "content", {"ok": article(title="Ok"), "links": body})
    write(
        content / "pages" / "sources.md",
        "---\ntitle: Sources\n---\n\nFrom [the FDA](https://www.fda.gov/).\n",
    )
    site = build(tmp_path / "output", content, SITEURL=SITEURL)
    prose = soup(site, "blog/links/").find(class_="prose")
    links = {text(a): a for a in prose.find_all("a")}
    for name in ("NIMH overview", "sponsored study", "Raw HTML link"):
        assert set(links[name]["rel"]) >= {"noopener", "noreferrer"}, name
    assert links["Raw HTML link"]["rel"] == ["nofollow", "noopener", "noreferrer"]
    assert links["NIMH overview"]["href"].endswith("depression?a=1&b=2")
    assert links["sponsored study"]["title"] == "Trial"
    internal = {
        "our treatments": "/treatments/",
        "another article": f"{SITEURL}/blog/ok/",
        "our own address": f"{SITEURL}/about/",
        "a section": "#first-section",
        "988": "tel:988",
        "email us": "mailto:care@newpathways.example",
    }
    for name, href in internal.items():
        assert links[name]["href"] == href, name
        assert not links[name].get("rel"), name
    page_link = soup(site, "sources/").find("main").find("a", href="https://www.fda.gov/")
    assert page_link["rel"] == ["noopener", "noreferrer"]


# body/steps.py marks links in the body as written, in the content check's
# pass, then runs typogrify: the same page as marking typogrify's output.


def test_marking_before_typogrify_gives_the_same_pages():
    # Our content links to no other site (yet): BODY's Markdown does, 4 times.
    bodies = [*our_bodies(), markdown.markdown(BODY, extensions=["extra", "toc"])]
    for body in bodies:
        after = mark_external_links(typogrify(body), SITEURL)
        assert steps.compute(body, SITEURL).linked == after


LINKS = [
    '<a href="https://x.example/a--b">',
    '<a href="/in">',
    '<a title="it\'s -- &quot;x&quot;" href="https://y.example">',
    '<a rel="nofollow" href="//cdn.example/x">',
    '<a\nhref="https://z.example"\n>',
    '<a href="https://clinic.example/own">',
]


class _UnmarkedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        external = links.is_external_link(tag, attributes, links.site_host(SITEURL))
        if external and "noreferrer" not in (attributes.get("rel") or ""):
            self.found.append(attributes)


def unmarked(html):
    parser = _UnmarkedLinks()
    parser.feed(html)
    parser.close()
    return parser.found


def test_broken_raw_html_still_has_every_external_link_marked():
    # An unclosed end tag swallows the link in the body as written; typogrify's
    # <span> then closes it, and the link is a real one in the page.
    broken = '</li D.O.T. &#38; <a\nhref="https://z.example"\n>KU</a>'
    assert unmarked(typogrify(broken))
    assert not unmarked(steps.compute(broken, SITEURL).linked)
    rng = random.Random(7)
    pieces = PIECES + LINKS
    for _ in range(5000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        assert not unmarked(steps.compute(html, SITEURL).linked), html
