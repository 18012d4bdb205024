"""Reviews that are due are told as warnings, never errors, and listed for the
daily CI run's summary (checks/rules/review_dates.py, `invoke reviews`)."""

import datetime
import subprocess
import sys

from clinic.checks.run import check_settings_file
from clinic.checks.writing.review_dates import reviews_due
from clinic.problems import errors
from clinic.settings import with_defaults
from fixture_site import article, make_content
from pelican.settings import read_settings
from sitebuilder import ROOT, build

TODAY = datetime.date.today()


def days_ago(days):
    return (TODAY - datetime.timedelta(days=days)).isoformat()


ARTICLES = {
    "fresh": article(title="Fresh", reviewer="rob-reviewer", reviewed=days_ago(30)),
    "due": article(title="Due", reviewer="rob-reviewer", reviewed=days_ago(400)),
    "never": article(title="Never"),
    "draft": article(title="Draft", status="draft"),
}


def test_reviews_due_or_missing_are_warnings(tmp_path):
    content = make_content(tmp_path / "content", ARTICLES)
    problems, _report = check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})
    assert errors(problems) == []
    told = sorted(str(p) for p in problems)
    assert told == [
        f"content/articles/due.md:11: warning: reviewed: the medical review of {days_ago(400)} "
        f"was due again on {_a_year_after(days_ago(400))} -> ask the reviewer to check the "
        "article again, then update `reviewed:`",
        "content/articles/never.md:2: warning: reviewer: the article has never been medically "
        "reviewed -> ask a clinician to review it, then add `reviewer:` and `reviewed: "
        "YYYY-MM-DD`",
    ]


def _a_year_after(day):
    date = datetime.date.fromisoformat(day)
    try:
        return date.replace(year=date.year + 1).isoformat()
    except ValueError:  # February 29
        return date.replace(year=date.year + 1, day=28).isoformat()


def test_a_long_overdue_review_says_readers_see_it(tmp_path):
    late = {"late": article(reviewer="rob-reviewer", reviewed=days_ago(800))}
    content = make_content(tmp_path / "content", late)
    (problem,) = check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})[0]
    assert problem.warning
    assert "(readers now see a note that it is due for review)" in str(problem)


def test_a_due_review_never_stops_a_production_build(tmp_path):
    content = make_content(tmp_path / "content", {"due": ARTICLES["due"]})
    site = build(
        tmp_path / "production",
        content,
        conf="publishconf.py",
        NEWSLETTER={"provider": "buttondown", "username": "clinic"},
    )
    assert (site / "blog" / "due" / "index.html").is_file()


def test_the_review_summary_lists_what_is_due_oldest_first(tmp_path):
    content = make_content(tmp_path / "content", ARTICLES)
    settings = with_defaults(read_settings(str(ROOT / "pelicanconf.py"), {"PATH": str(content)}))
    summary = reviews_due(settings, 12, TODAY)
    assert summary == (
        f"## Medical reviews due ({TODAY.isoformat()})\n\n"
        "Articles that need a medical review: 2 of 4.\n\n"
        "| article | last reviewed | review due since |\n|---|---|---|\n"
        "| `content/articles/never.md` | never | 2026-01-05 |\n"
        f"| `content/articles/due.md` | {days_ago(400)} by rob-reviewer | "
        f"{_a_year_after(days_ago(400))} |\n"
    )
    fresh = make_content(tmp_path / "fresh", {"fresh": ARTICLES["fresh"]})
    settings = with_defaults(read_settings(str(ROOT / "pelicanconf.py"), {"PATH": str(fresh)}))
    assert reviews_due(settings, 12, TODAY).endswith(
        "No article needs a medical review (1 checked).\n"
    )


def test_invoke_reviews_prints_the_summary_for_the_real_content():
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "reviews"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"## Medical reviews due ({TODAY.isoformat()})\n")
    assert "| `content/articles/finding-your-people-support-groups.md` | never |" in result.stdout
