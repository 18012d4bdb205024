"""Issue 15, findings 3 (second half), 9 and 10: no page, slug or redirect
may take an address the site writes itself (feeds, sitemap, _headers,
_redirects, robots.txt, the search index, theme files, pictures, taxonomy
pages), and a page uses only the templates made for pages."""

import pytest
from clinic.site.urls import output_map, reserved_addresses
from fixture_site import article, make_content
from pelican.settings import read_settings
from refusal import assert_refused, check
from sitebuilder import ROOT, write


def with_page(tmp_path, front_matter):
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "pages" / "h.md", f"---\ntitle: H\n{front_matter}\n---\n\nText.\n")
    return content


@pytest.mark.parametrize(
    ("save_as", "what"),
    [
        ("_headers", "the security headers file (_headers)"),
        ("_redirects", "the redirects file (_redirects)"),
        ("sitemap.xml", "the sitemap (sitemap.xml)"),
        ("robots.txt", "the robots.txt file (robots.txt)"),
        ("theme/js/search.js", "the theme's files (theme/)"),
        ("pagefind/pagefind.js", "the search index (pagefind/)"),
        ("feeds/all.atom.xml", "the feeds (feeds/)"),
        ("blog/tag/ketamine/index.html", "the tag pages (blog/tag/)"),
        ("images/logo.png", "the files of content/images/ (images/)"),
    ],
)
def test_a_page_cannot_be_saved_over_a_file_the_site_writes(tmp_path, save_as, what):
    content = with_page(tmp_path, f"save_as: {save_as}")
    assert_refused(
        tmp_path,
        content,
        f"content/pages/h.md:3: save_as: {save_as} is an address the site keeps for {what} "
        "-> choose another `save_as:`",
    )


@pytest.mark.parametrize(
    ("save_as", "message"),
    [
        ("../outside.html", "'../outside.html' is not a file inside the site -> write a path "),
        ("notes.js", "'notes.js' is not an .html file: a page is a web page -> end it in .html"),
    ],
)
def test_save_as_is_an_html_file_inside_the_site(tmp_path, save_as, message):
    (problem,) = check(with_page(tmp_path, f"save_as: {save_as}"))
    assert problem.startswith(f"content/pages/h.md:3: save_as: {message}")


def test_a_page_uses_only_the_templates_made_for_pages(tmp_path):
    content = with_page(tmp_path, "template: redirect")
    assert_refused(
        tmp_path,
        content,
        "content/pages/h.md:3: template: 'redirect' is not a template a page may use "
        "-> use one of: page, 404",
    )


@pytest.mark.parametrize(
    ("slug", "address", "what"),
    [
        ("tag/ketamine", "blog/tag/ketamine/index.html", "the tag pages (blog/tag/)"),
        ("tag/sleep", "blog/tag/sleep/index.html", "the tag pages (blog/tag/)"),
        (
            "category/treatments",
            "blog/category/treatments/index.html",
            "the category pages (blog/category/)",
        ),
    ],
)
def test_an_article_slug_cannot_take_a_taxonomy_address(tmp_path, slug, address, what):
    # tag/sleep: no article has that tag yet; a later one would clash.
    content = make_content(tmp_path / "content", {"ok": article(slug=slug)})
    assert_refused(
        tmp_path,
        content,
        f"content/articles/ok.md:10: slug: {address} is an address the site keeps for {what} "
        "-> choose another `slug:`",
    )


def test_a_page_slug_cannot_take_an_author_page(tmp_path):
    content = with_page(tmp_path, "slug: authors/ann-writer")
    assert_refused(
        tmp_path,
        content,
        "content/pages/h.md:3: slug: authors/ann-writer/index.html is an address the site "
        "keeps for the author pages (authors/) -> choose another `slug:`",
    )


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("/./", "/./: the old address '/./' contains a '.' or '..' part"),
        ("/blog//x/", "/blog//x/: the old address '/blog//x/' contains // (a part with no name)"),
    ],
)
def test_a_malformed_old_address_names_its_redirects_line(tmp_path, old, message):
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "redirects.yml", f"/fine/: /blog/ok/\n{old}: /blog/ok/\n")
    assert_refused(
        tmp_path,
        content,
        f"content/redirects.yml:2: {message} -> write `/old-address/: /blog/new-address/`, "
        "one per line",
    )


@pytest.mark.parametrize(
    ("old", "what"),
    [
        (
            "/_headers",
            "/_headers/: is an address the site keeps for the security headers file (_headers)",
        ),
        (
            "/sitemap.xml",
            "/sitemap.xml: is an address the site keeps for the sitemap (sitemap.xml)",
        ),
        (
            "/feeds/all.atom.xml",
            "/feeds/all.atom.xml: is an address the site keeps for the feeds (feeds/)",
        ),
        (
            "/pagefind/pagefind.js",
            "/pagefind/pagefind.js: is an address the site keeps for the search index (pagefind/)",
        ),
        (
            "/images/logo.png",
            "/images/logo.png: is an address the site keeps for the files of "
            "content/images/ (images/)",
        ),
        (
            "/theme/css/site.css",
            "/theme/css/site.css: is an address the site keeps for the theme's files (theme/)",
        ),
    ],
)
def test_an_old_address_cannot_be_a_file_the_site_writes(tmp_path, old, what):
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "redirects.yml", f"{old}: /blog/ok/\n")
    assert_refused(
        tmp_path,
        content,
        f"content/redirects.yml:1: {what} -> remove this line: the site's own files and folders "
        "cannot be redirected",
    )


def test_the_check_keeps_every_address_production_writes():
    """`invoke check` reads the preview's settings, which have no feeds: the
    addresses production writes must be kept by them all the same."""
    preview = read_settings(str(ROOT / "pelicanconf.py"))
    production = read_settings(str(ROOT / "publishconf.py"))
    preview_map = output_map(preview, [], {})
    for feed in ("FEED_ALL_ATOM", "CATEGORY_FEED_ATOM"):
        assert preview_map.taken(production[feed].format(slug="treatments")), feed
    assert set(reserved_addresses(production)) <= set(reserved_addresses(preview))
