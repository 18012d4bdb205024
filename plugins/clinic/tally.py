"""The end-of-build article count: every article file found on disk must be
published, a draft or scheduled. Anything else vanished, and that is an error."""

import datetime
from dataclasses import dataclass

from .problems import Problem


@dataclass(frozen=True)
class ArticleTally:
    found: int
    published: int
    drafts: int
    scheduled: int

    @property
    def line(self):
        return (
            f"Articles: {self.found} found, {self.published} published, "
            f"{self.drafts} drafts, {self.scheduled} scheduled"
        )

    @property
    def complete(self):
        return self.found == self.published + self.drafts + self.scheduled


def tally_articles(articles_gen, now=None):
    now = now or datetime.datetime.now(datetime.UTC)
    settings = articles_gen.settings
    found = articles_gen.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    everything = [*articles_gen.articles, *articles_gen.drafts]
    # A future-dated article is "scheduled" whether the preview shows it or
    # production holds it back (Pelican files those under drafts).
    scheduled = [a for a in everything if a.metadata.get("status") != "draft" and _later(a, now)]
    drafts = [a for a in articles_gen.drafts if a.metadata.get("status") == "draft"]
    return ArticleTally(
        found=len(found),
        published=len(everything) - len(scheduled) - len(drafts),
        drafts=len(drafts),
        scheduled=len(scheduled),
    )


def _later(article, now):
    date = article.date
    if date.tzinfo is None:
        date = date.replace(tzinfo=now.tzinfo)
    return date > now


def missing_articles_problem(tally):
    return Problem(
        "content/articles",
        "articles",
        f"{tally.line}: {tally.found - tally.published - tally.drafts - tally.scheduled} "
        "article file(s) were not read",
        "see the errors above for the file, and fix its front matter",
    )
