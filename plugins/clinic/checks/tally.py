"""The end-of-build article count: every article file found on disk must be
published, a draft or scheduled. Anything else vanished, and that is an error."""

from dataclasses import dataclass

from ..problems import Problem


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


def tally_articles(articles_gen):
    settings = articles_gen.settings
    found = articles_gen.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    # Production files a future-dated article under drafts; its state (set
    # by site/enrich.py) says what it really is.
    states = [
        getattr(a, "publication_state", "published")
        for a in [*articles_gen.articles, *articles_gen.drafts]
    ]
    return ArticleTally(
        found=len(found),
        published=states.count("published"),
        drafts=states.count("draft"),
        scheduled=states.count("scheduled"),
    )


def missing(tally):
    """Article files found on disk but neither published, drafts nor scheduled."""
    return tally.found - tally.published - tally.drafts - tally.scheduled


def missing_articles_problem(tally):
    return Problem(
        "content/articles",
        "articles",
        f"{tally.line}: {missing(tally)} article file(s) were not read",
        "see the errors above for the file, and fix its front matter",
    )
