"""The checks on the finished site: run by every production build, they
stop it on a link to nowhere, an image without alt, an empty page or a page
without title and description."""

import re
import shutil

from clinic.checks.output import check_output
from fixture_site import article
from sitebuilder import ROOT, run_publish, write

PAGE = (
    '<!doctype html><html lang="en"><head><title>{title}</title>'
    '<meta name="description" content="A page."></head>'
    '<body><main id="main"><h1>Heading</h1>{body}</main></body></html>'
)


def site_with(tmp_path, pages):
    output = tmp_path / "output"
    write(output / "index.html", PAGE.format(title="Home", body='<a href="#main">Skip</a>'))
    write(output / "blog/one/index.html", PAGE.format(title="One", body='<h2 id="part">Part</h2>'))
    write(output / "images/x.jpg", "jpeg bytes")
    for path, html in pages.items():
        write(output / path, html)
    return [str(p) for p in check_output(output, "https://clinic.example")]


def test_a_sound_site_has_no_problems(tmp_path):
    links = (
        '<a href="/blog/one/">a</a> <a href="https://clinic.example/blog/one/#part">b</a> '
        '<a href="../one/">c</a> <img src="/images/x.jpg" alt=""> '
        '<a href="https://example.org/">d</a> <a href="mailto:a@b.example">e</a>'
    )
    assert site_with(tmp_path, {"blog/two/index.html": PAGE.format(title="Two", body=links)}) == []


def test_links_to_missing_files_and_fragments(tmp_path):
    body = (
        '<a href="/blog/gone/">a</a>\n<img src="/images/none.jpg" alt="x">\n'
        '<a href="/blog/one/#nope">b</a>\n<a href="#nowhere">c</a>'
    )
    problems = site_with(tmp_path, {"about/index.html": PAGE.format(title="About", body=body)})
    assert problems == [
        "output/about/index.html:1: link: /blog/gone/ leads to no file in the built site "
        "-> fix the link in the template or content file that makes this page",
        "output/about/index.html:2: link: /images/none.jpg leads to no file in the built site "
        "-> fix the link in the template or content file that makes this page",
        'output/about/index.html:3: link: /blog/one/#nope: there is no id="nope" on that page '
        "-> fix the link in the template or content file that makes this page",
        'output/about/index.html:4: link: #nowhere: there is no id="nowhere" on that page '
        "-> fix the link in the template or content file that makes this page",
    ]


def test_image_without_alt_empty_page_no_title_no_description(tmp_path):
    bare = '<!doctype html><html lang="en"><head></head><body></body></html>'
    no_alt = PAGE.format(title="Pic", body='<img src="/images/x.jpg">')
    problems = site_with(tmp_path, {"bare.html": bare, "pic.html": no_alt})
    assert problems == [
        "output/bare.html:1: title: the page has no <title> -> give it a title",
        "output/bare.html:1: description: no meta description -> give the page a summary",
        "output/bare.html:1: page: the page is empty -> check its template",
        'output/pic.html:1: image: <img src="/images/x.jpg"> has no alt attribute '
        '-> add alt text (alt="" only for pure decoration)',
    ]


def test_the_production_build_fails_on_a_broken_fragment(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    write(
        content / "articles" / "one.md",
        article(author="maya-okafor", hero_image="social-default.jpg")
        + "\nSee [the part](/blog/one/#no-such-heading).\n",
    )
    result = run_publish(
        tmp_path / "output",
        content,
        NEWSLETTER_ACTION="https://buttondown.email/api/emails/embed-subscribe/clinic",
    )
    assert result.returncode != 0
    log = " ".join(result.stdout.split())  # Pelican's log indents and pads lines
    assert "1 problem(s) in the built site, which must not be deployed:" in log
    assert re.search(
        r"output/blog/one/index.html:\d+: link: /blog/one/#no-such-heading: there is no "
        r'id="no-such-heading" on that page',
        log,
    )
