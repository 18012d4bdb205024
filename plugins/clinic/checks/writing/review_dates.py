"""Medical reviews that are due: warnings, never errors, so the daily rebuild
keeps deploying while a review waits. An article is due when its next review
date (reviews.py: CLINIC_REVIEW_MONTHS after the last review) has come, or
when it has never been reviewed. Drafts are left alone until they are ready.

`review_summary` lists them in Markdown for the daily CI run's summary page
(`invoke reviews`, .github/workflows/site.yml).
"""

from pathlib import Path

from ...problems import Problem
from ...reviews import review_status
from ...schema import as_date
from ..sources import discover, read_source


def review_problems(source, status):
    """Warnings for one article's ReviewStatus (None for pages)."""
    if not _needs_review(source, status):
        return []
    if status.reviewed is None:
        return [
            Problem(
                source.display,
                "reviewer",
                "the article has never been medically reviewed",
                "ask a clinician to review it, then add `reviewer:` and `reviewed: YYYY-MM-DD`",
                source.line("title"),
                warning=True,
            )
        ]
    late = " (readers now see a note that it is due for review)" if status.overdue else ""
    return [
        Problem(
            source.display,
            "reviewed",
            f"the medical review of {status.reviewed.isoformat()} was due again on "
            f"{status.next_due.isoformat()}{late}",
            "ask the reviewer to check the article again, then update `reviewed:`",
            source.line("reviewed"),
            warning=True,
        )
    ]


def _needs_review(source, status):
    if status is None or source.meta.get("status") == "draft":
        return False
    if source.meta.get("reviewer") and status.reviewed is None:
        return False  # a reviewer without a real date: fields.py says so, as an error
    return status.reviewed is None or status.due


def review_summary(statuses, today):
    """Markdown for the run's summary: [(SourceFile, ReviewStatus)] of every article."""
    due = [(source, status) for source, status in statuses if _needs_review(source, status)]
    heading = f"## Medical reviews due ({today.isoformat()})\n\n"
    if not due:
        return heading + f"No article needs a medical review ({len(statuses)} checked).\n"
    rows = sorted(
        (_due_since(source, status), source.display, _last(source, status))
        for source, status in due
    )
    rows = [f"| `{display}` | {last} | {since.isoformat()} |" for since, display, last in rows]
    return (
        heading
        + f"Articles that need a medical review: {len(due)} of {len(statuses)}.\n\n"
        + "| article | last reviewed | review due since |\n|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


def _last(source, status):
    if status.reviewed is None:
        return "never"
    return f"{status.reviewed.isoformat()} by {source.meta.get('reviewer')}"


def _due_since(source, status):
    """A review falls due a period after the last one; never reviewed: on publication."""
    if status.reviewed is None:
        return as_date(source.meta.get("date")) or status.next_due
    return status.next_due


def reviews_due(settings, months, today):
    """`review_summary` of every article of a site (settings with defaults)."""
    statuses = []
    for path, kind in discover(settings):
        source = read_source(path, kind, Path(settings["PATH"]))[0] if kind == "article" else None
        if source is not None:
            statuses.append((source, review_status(source.meta, months, today)))
    return review_summary(statuses, today)
