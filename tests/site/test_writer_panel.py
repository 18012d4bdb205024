"""The writer's panel: above each article's title in a preview build, the
article's warnings (whatever the checks give), its word count and reading
time; never in production pages, feeds or the search index."""

import dataclasses
import datetime

import pytest
from clinic.checks import gate
from clinic.checks.run import BodyCheck, check_settings_file
from clinic.problems import ContentError, Problem
from fixture_site import article, make_content
from sitebuilder import ROOT, SITE_TIMEZONE, all_html_files, build, pagefind_fragments, soup, text

from writer_tools.new_article import create

NEWSLETTER = {"provider": "buttondown", "username": "clinic"}
PANEL_WORDS = ["Writer's notes", "writer-panel", "warnings to look at", "No warnings."]
# The error page `invoke livereload` serves while a build fails.
ERROR_PAGE_WORDS = ["cannot be shown yet", "build-error", "preview could not be built"]


def fresh_article(content):
    """An article just as `invoke new --image` writes it: every example text left."""
    hero = content / "images" / "hero.jpg"
    create(
        content,
        "First infusion day",
        category="Treatments",
        author="ann-writer",
        timezone=SITE_TIMEZONE,
        image=hero,
    )
    return "blog/first-infusion-day/"


@pytest.fixture
def content(tmp_path):
    # Reviewed today: no warning of its own.
    reviewed = {"reviewer": "rob-reviewer", "reviewed": datetime.date.today().isoformat()}
    return make_content(tmp_path / "content", {"ok": article(title="All done", **reviewed)})


def said(element):
    """An element's text as read, spacing made plain (tags joined without gaps)."""
    return " ".join(element.get_text().replace("\xa0", " ").split())


def panel_of(site, url):
    return soup(site, url).find(class_="writer-panel")


def test_the_panel_lists_the_articles_warnings_words_reading_time_and_grade(tmp_path, content):
    url = fresh_article(content)
    site = build(tmp_path / "output", content)
    page = soup(site, url)
    panel = page.find(class_="writer-panel")
    assert panel.name == "aside" and panel["aria-label"] == "Writer's notes"
    # Above the title, outside the article (which feeds and the search index read).
    assert panel.find_next("h1") is page.find("h1")
    assert panel.find_parent("article") is None
    assert said(panel.find(class_="writer-panel__file")) == (
        "File: content/articles/first-infusion-day.md"
    )
    # The grade `invoke check` reports for the file, against the site's target.
    _problems, report = check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})
    grade = report.grades["content/articles/first-infusion-day.md"]
    assert said(panel.find(class_="writer-panel__facts")) == (
        f"27 words · 1 min read · reading grade {grade:.1f} (the site aims for 8 or below)"
    )
    warnings = [said(li) for li in panel.find_all(class_="writer-panel__warning")]
    assert [w.split(":")[0] for w in warnings] == [
        "Line 2, reviewer",
        "Line 7, summary",
        "Line 10, hero_alt",
        "Line 13, body",
        "Line 15, body",
        "Line 17, body",
        "Line 19, body",
        "Line 21, body",
    ]
    assert warnings[4] == (
        "Line 15, body: '## First section' is the example text `invoke new` wrote "
        "(it cannot be published). To fix: give the section a heading that says what it "
        "is about (keep the `## `)."
    )
    assert text(panel.find(class_="writer-panel__count")) == "8 warnings to look at:"
    clean = panel_of(site, "blog/ok/")
    assert text(clean.find(class_="writer-panel__count")) == "No warnings."
    assert not clean.find(class_="writer-panel__warning")


def test_whatever_warnings_the_checks_give_are_listed(tmp_path, content, monkeypatch):
    """A check added later (a review that is due, a reading grade) needs no
    change here: its warnings reach the panel of the file they name."""
    check_bodies = gate.check_bodies

    def with_a_new_kind_of_warning(*given):
        due = Problem(
            "content/articles/ok.md", "reviewed", "the review is due", "ask the reviewer", 4, True
        )
        checked = check_bodies(*given)
        return BodyCheck([*checked.problems, due], checked.grades)

    monkeypatch.setattr(gate, "check_bodies", with_a_new_kind_of_warning)
    site = build(tmp_path / "output", content)
    warnings = panel_of(site, "blog/ok/").find_all(class_="writer-panel__warning")
    assert [said(li) for li in warnings] == [
        "Line 4, reviewed: the review is due. To fix: ask the reviewer."
    ]


def test_what_the_panel_shows_is_escaped(tmp_path, content, monkeypatch):
    check_bodies = gate.check_bodies

    def hostile(*given):
        note = Problem("content/articles/ok.md", "title", "<script>alert(1)</script>", "<b>", 2)
        checked = check_bodies(*given)
        return BodyCheck([*checked.problems, dataclasses.replace(note, warning=True)], {})

    monkeypatch.setattr(gate, "check_bodies", hostile)
    site = build(tmp_path / "output", content)
    html = (site / "blog/ok/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<b>" not in html


def test_the_placeholders_stop_the_production_build(tmp_path, content):
    fresh_article(content)
    with pytest.raises(ContentError) as error:
        build(tmp_path / "output", content, conf="publishconf.py", NEWSLETTER=NEWSLETTER)
    assert str(error.value).startswith("7 content problem(s)")
    assert "first-infusion-day.md:15: body: '## First section' is the example text" in str(
        error.value
    )


def test_the_preview_search_index_never_holds_the_panel(tmp_path, content):
    url = fresh_article(content)
    site = build(tmp_path / "output", content, CLINIC_SEARCH_INDEX=True)
    assert panel_of(site, url) and panel_of(site, "blog/ok/")
    fragments = pagefind_fragments(site)
    assert {"/blog/ok/", f"/{url}"} <= set(fragments)
    for fragment_url, record in fragments.items():
        for word in [*PANEL_WORDS, "27 words"]:
            assert word not in record["content"], (fragment_url, word)


def test_production_has_no_trace_of_the_panel_or_the_error_page(production_site):
    """Pages, feeds, sitemap, search index: none holds either. (The one
    stylesheet styles both, so it is the only file naming their classes.)"""
    articles = [p for p in all_html_files(production_site) if "/blog/" in p.as_posix()]
    assert len(articles) > 5
    written = [
        path
        for path in production_site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt", ".js")
    ]
    assert any(path.suffix == ".xml" and "feeds" in path.parts for path in written)
    for path in written:
        content = path.read_text(encoding="utf-8")
        for word in PANEL_WORDS + ERROR_PAGE_WORDS:
            assert word not in content, (path, word)
    for record in pagefind_fragments(production_site).values():
        assert "Writer's notes" not in record["content"]
