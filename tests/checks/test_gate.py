"""Through a full build: a mistake stops the build with every problem named,
and the production build refuses a form that posts nowhere."""

import datetime

import pytest
from clinic.problems import ContentError, Problem
from fixture_site import article, make_content
from pelican import signals
from refusal import switch_off_the_check
from sitebuilder import build, soup, text, write


def build_errors(tmp_path, articles, **overrides):
    content = make_content(tmp_path / "content", articles)
    with pytest.raises(ContentError) as error:
        build(tmp_path / "output", content, **overrides)
    return str(error.value)


def test_a_valid_fixture_builds(tmp_path):
    site = build(tmp_path / "output", make_content(tmp_path / "content", {"ok": article()}))
    assert (site / "blog/ok/index.html").is_file()
    assert (site / "locations/testville/index.html").is_file()


def test_every_problem_is_reported_at_once_with_file_line_and_fix(tmp_path):
    message = build_errors(
        tmp_path,
        {
            "one": article(title="One", author="nobody"),
            "two": article(title="Two", category="Treatment"),
            "three": article(title="Three", hero_image="missing.jpg", hero_alt='""'),
        },
    )
    assert "articles/one.md:4: author: 'nobody' is not in content/authors.yml" in message
    assert "articles/two.md:5: category: 'Treatment' is not one of the site's categories" in message
    assert "did you mean 'Treatments'?" in message
    assert "articles/three.md:8: hero_image: images/missing.jpg does not exist" in message
    assert "articles/three.md:9: hero_alt: the hero image has no alt text" in message
    assert message.startswith("4 content problem(s)")


def test_reviewer_needs_a_known_person_and_a_date(tmp_path):
    message = build_errors(tmp_path, {"one": article(reviewer="rob-reviewer")})
    assert "content/articles/one.md:10: reviewer: has no `reviewed` date" in message


def test_an_unreadable_article_stops_the_build_instead_of_vanishing(tmp_path):
    broken = "---\ntitle: [unclosed\n---\n\nBody.\n"
    message = build_errors(tmp_path, {"ok": article(), "broken": broken})
    assert message.startswith("1 content problem(s)")
    assert "content/articles/broken.md:2: front matter: cannot be read" in message


def test_a_file_pelican_skips_is_reported_even_if_the_check_missed_it(tmp_path, monkeypatch):
    switch_off_the_check(monkeypatch)
    broken = "---\ntitle: [unclosed\n---\n\nBody.\n"
    message = build_errors(tmp_path, {"ok": article(), "broken": broken})
    assert "content/articles/broken.md:1: file: Pelican could not read this file" in message


def test_a_bad_location_is_reported_with_its_line(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    location = content / "locations" / "testville.md"
    write(location, location.read_text().replace("(216) 555-0100", "555-0100"))
    with pytest.raises(ContentError, match=r"locations/testville.md:9: phone: '555-0100'"):
        build(tmp_path / "output", content)


def test_production_build_without_newsletter_endpoint_fails(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLETTER_ACTION", raising=False)
    content = make_content(tmp_path / "content", {"ok": article()})
    with pytest.raises(ContentError) as error:
        build(tmp_path / "output", content, conf="publishconf.py")
    assert (
        "environment: NEWSLETTER_ACTION: is not set, so the signup form would post nowhere -> "
        "set NEWSLETTER_ACTION to the provider's https:// form endpoint, such as "
        "https://buttondown.email/api/emails/embed-subscribe/<name>"
    ) in str(error.value)
    assert not (tmp_path / "output" / "index.html").exists()


def test_production_build_posts_to_the_configured_endpoint(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    site = build(
        tmp_path / "output",
        content,
        conf="publishconf.py",
        NEWSLETTER={"provider": "buttondown", "username": "clinic"},
    )
    page = soup(site, "blog/ok/")  # parsed: production HTML is minified
    form = page.find("form", class_="newsletter-form__form")
    assert form["action"] == "https://buttondown.email/api/emails/embed-subscribe/clinic"
    assert form["method"] == "post"
    assert not page.find("meta", attrs={"name": "robots"})


def test_drafts_and_scheduled_articles_are_previewed_but_never_published(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "live": article(),
            "draft": article(title="Draft one", status="draft"),
            "later": article(title="Later one", date="2999-01-01"),
        },
    )
    preview = build(tmp_path / "preview", content)
    draft = soup(preview, "drafts/draft/")
    assert text(draft.find(class_="notice")).startswith("Draft: visible in preview only")
    later = soup(preview, "blog/later/")
    assert text(later.find(class_="notice")).startswith(
        "Scheduled: goes live on the first build after"
    )
    # Pelican lists no drafts; a scheduled article is listed, marked as such.
    badges = [text(b) for b in soup(preview, "").find_all(class_="article-card__badge")]
    assert badges == ["Scheduled"]
    assert soup(preview, "blog/live/").find(class_="article__header").find(class_="notice") is None
    production = build(
        tmp_path / "production",
        content,
        conf="publishconf.py",
        NEWSLETTER={"provider": "buttondown", "username": "clinic"},
    )
    written = {p.relative_to(production).as_posix() for p in production.rglob("*.html")}
    assert "blog/live/index.html" in written
    assert not [p for p in written if "draft" in p or "later" in p]
    feed = (production / "feeds/all.atom.xml").read_text()
    assert "Draft one" not in feed and "Later one" not in feed


def test_every_build_counts_the_articles_it_found(tmp_path, capsys):
    content = make_content(
        tmp_path / "content",
        {
            "live": article(),
            "draft": article(title="Draft one", status="draft"),
            "later": article(title="Later one", date="2999-01-01"),
        },
    )
    build(tmp_path / "preview", content)
    assert "Articles: 3 found, 1 published, 1 drafts, 1 scheduled" in capsys.readouterr().out
    build(
        tmp_path / "production",
        content,
        conf="publishconf.py",
        NEWSLETTER={"provider": "buttondown", "username": "clinic"},
    )
    assert "Articles: 3 found, 1 published, 1 drafts, 1 scheduled" in capsys.readouterr().out


def test_an_article_that_vanishes_makes_the_count_fail(tmp_path, capsys):
    def lose_one(generator):
        generator.articles.pop()

    signals.article_generator_finalized.connect(lose_one)
    try:
        message = build_errors(tmp_path, {"ok": article(), "other": article(title="Other")})
    finally:
        signals.article_generator_finalized.disconnect(lose_one)
    assert "Articles: 2 found, 1 published, 0 drafts, 0 scheduled" in capsys.readouterr().out
    assert "1 article file(s) were not read" in message


def test_a_scheduled_article_goes_live_on_the_first_build_after_its_date(tmp_path):
    today = datetime.date.today()
    content = make_content(
        tmp_path / "content",
        {
            "yesterday": article(title="Yesterday", date=str(today - datetime.timedelta(days=1))),
            "tomorrow": article(title="Tomorrow", date=str(today + datetime.timedelta(days=1))),
        },
    )
    production = build(
        tmp_path / "production",
        content,
        conf="publishconf.py",
        NEWSLETTER={"provider": "buttondown", "username": "clinic"},
    )
    assert (production / "blog/yesterday/index.html").is_file()
    assert not (production / "blog/tomorrow/index.html").exists()


def test_content_error_lists_every_problem_sorted():
    error = ContentError(
        [Problem("b.md", "title", "missing", "add it", 2), Problem("a.md", "date", "bad", "fix", 3)]
    )
    message = str(error)
    assert message.index("a.md:3: date: bad -> fix") < message.index("b.md:2: title: missing")
    assert message.startswith("2 content problem(s)")


def test_warnings_are_told_but_never_stop_anything():
    note = Problem("a.md", "reviewed", "the review is due", "ask the reviewer", 4, warning=True)
    assert str(note) == "a.md:4: warning: reviewed: the review is due -> ask the reviewer"
    error = ContentError([note, Problem("b.md", "title", "missing", "add it", 2)])
    assert error.problems == [Problem("b.md", "title", "missing", "add it", 2)]
    assert str(error).startswith("1 content problem(s)")
