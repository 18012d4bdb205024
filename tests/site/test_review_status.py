"""Review dates that mean something: each article says who reviewed it, when,
and when its next review is due; a review more than a whole period late is
told to readers, calmly (plugins/clinic/reviews.py, partials/review_status.html)."""

import datetime
import json

import pytest
from clinic.reviews import CURRENT, DUE, OVERDUE, review_status
from fixture_site import article, make_content
from sitebuilder import build, soup, text

TODAY = datetime.date(2026, 12, 2)
REVIEWED = {"reviewer": "rob-reviewer", "date": "2025-01-10"}


@pytest.mark.parametrize(
    ("reviewed", "state", "next_due"),
    [
        ("2026-06-01", CURRENT, "2027-06-01"),
        ("2025-12-03", CURRENT, "2026-12-03"),
        ("2025-12-02", DUE, "2026-12-02"),
        ("2024-12-02", DUE, "2025-12-02"),  # a whole period late, not more
        ("2024-12-01", OVERDUE, "2025-12-01"),
    ],
)
def test_the_next_review_is_due_a_period_after_the_last(reviewed, state, next_due):
    status = review_status({**REVIEWED, "reviewed": reviewed}, 12, TODAY)
    assert status.state == state
    assert status.next_due.isoformat() == next_due
    assert status.reviewed.isoformat() == reviewed
    assert status.due == (state != CURRENT) and status.overdue == (state == OVERDUE)


def test_the_period_is_a_setting_and_month_ends_hold():
    status = review_status({**REVIEWED, "reviewed": "2024-02-29"}, 6, TODAY)
    assert status.next_due == datetime.date(2024, 8, 29)
    assert review_status({**REVIEWED, "reviewed": "2025-08-31"}, 6, TODAY).next_due == (
        datetime.date(2026, 2, 28)
    )


def test_never_reviewed_counts_from_publication():
    status = review_status({"date": "2025-11-01"}, 12, TODAY)
    assert status.reviewed is None and status.state == DUE
    assert status.next_due == datetime.date(2026, 11, 1)
    # A date without a reviewer is not a review.
    assert review_status({"reviewed": "2026-11-01", "date": "2020-01-01"}, 12, TODAY).overdue


def days_ago(days):
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def reviewed_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("reviews")
    articles = {
        "fresh": article(title="Fresh", reviewer="rob-reviewer", reviewed=days_ago(30)),
        "due": article(title="Due", reviewer="rob-reviewer", reviewed=days_ago(400)),
        "late": article(title="Late", reviewer="rob-reviewer", reviewed=days_ago(800)),
        "never": article(title="Never", date=days_ago(20)),
    }
    return build(root / "output", make_content(root / "content", articles))


def review_of(site, name):
    page = soup(site, f"blog/{name}/")
    return page.find(class_="review-status"), page.find(class_="review-status__overdue"), page


def test_a_reviewed_article_shows_reviewer_date_and_next_review(reviewed_site):
    line, note, page = review_of(reviewed_site, "fresh")
    reviewed = datetime.date.fromisoformat(days_ago(30))
    next_due = review_status({**REVIEWED, "reviewed": reviewed}, 12, TODAY).next_due
    assert text(line) == (
        f"Medically reviewed by Rob Reviewer, MD on {reviewed:%B %-d, %Y} · "
        f"Next review due {next_due:%B %-d, %Y}"
    )
    assert [t["datetime"] for t in line.find_all("time")] == [
        reviewed.isoformat(),
        next_due.isoformat(),
    ]
    assert note is None
    (data,) = [
        block
        for block in map(json.loads, (s.string for s in page.find_all("script")))
        if block["@type"] == "MedicalWebPage"
    ]
    assert data["lastReviewed"] == reviewed.isoformat()
    assert data["reviewedBy"]["name"] == "Rob Reviewer"


def test_a_review_due_is_for_writers_only_until_a_whole_period_late(reviewed_site):
    line, note, _page = review_of(reviewed_site, "due")
    assert "Next review due" in text(line) and note is None
    line, note, _page = review_of(reviewed_site, "late")
    assert "Medically reviewed by Rob Reviewer" in text(line)
    assert text(note) == (
        "This article is due for its medical review, so some details may be out of date. "
        "Your own clinician can tell you what is current for you."
    )
    assert note.has_attr("data-pagefind-ignore")


def test_an_article_never_reviewed_claims_no_review(reviewed_site):
    line, note, page = review_of(reviewed_site, "never")
    assert line is None and note is None
    assert "Medically reviewed" not in text(page)
