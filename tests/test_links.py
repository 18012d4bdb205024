"""Links that leave the site tell the other site nothing (rel="noopener
noreferrer"); links within the site are left exactly as written."""

from clinic.links import mark_external_links
from fixture_site import article, make_content
from sitebuilder import build, soup, text, write

SITEURL = "https://clinic.example"

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
    content = make_content(tmp_path / "content", {"ok": article(), "links": body})
    write(
        content / "pages" / "sources.md",
        "---\ntitle: Sources\n---\n\nFrom [the FDA](https://www.fda.gov/).\n",
    )
    site = build(tmp_path / "output", content, SITEURL=SITEURL)
    prose = soup(site, "blog/links/").find("main")
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
