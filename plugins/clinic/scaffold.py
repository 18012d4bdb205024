"""The skeleton `invoke new` writes for a new article, and its placeholders:
the example texts a writer must replace before the article may be published.

This is the one place that holds them: `invoke new` writes front_matter()
and BODY, made of PLACEHOLDERS, and the content check refuses every placeholder it
finds (checks/rules/placeholders.py), so the two can never drift apart.
"""

from dataclasses import dataclass

from .schema import SUMMARY_LIMIT


@dataclass(frozen=True)
class Placeholder:
    field: str  # the front-matter field it fills, or "body"
    text: str  # exactly as `invoke new` writes it (a whole line of the body)
    fix: str  # what the writer writes instead


SUMMARY = Placeholder(
    "summary",
    f"One or two sentences for search results and link previews, at most {SUMMARY_LIMIT} "
    "characters.",
    f"write one or two sentences of your own about this article, at most {SUMMARY_LIMIT} "
    "characters: they show in search results and link previews",
)
HERO_ALT = Placeholder(
    "hero_alt",
    "Describe the image for someone who cannot see it.",
    "describe what the picture shows, e.g. `A nurse adjusts a recliner next to a window`",
)
OPENING = Placeholder(
    "body",
    "Start with an opening paragraph that says who this article is for and what it covers.",
    "write the opening paragraph: who the article is for and what it covers",
)
SECTION = Placeholder(
    "body",
    "## First section",
    "give the section a heading that says what it is about (keep the `## `)",
)
SECTION_TEXT = Placeholder(
    "body", "Write in short paragraphs.", "replace it with the section's text"
)
SUBSECTION = Placeholder(
    "body",
    "### A subsection",
    "give the subsection a heading of its own (keep the `### `), or delete it",
)
SUBSECTION_TEXT = Placeholder(
    "body", "More detail here.", "replace it with the subsection's text, or delete it"
)

PLACEHOLDERS = (SUMMARY, HERO_ALT, OPENING, SECTION, SECTION_TEXT, SUBSECTION, SUBSECTION_TEXT)


def front_matter(title, *, today, author, category, image, draft=False):
    """The new article's fields, every one filled in (the writer adds
    `reviewer` and `reviewed` once a clinician has checked it)."""
    fields = {
        "title": title,
        "date": today,
        "author": author,
        "category": category,
        "tags": [],
        "summary": SUMMARY.text,
        "hero_image": image,
        "hero_alt": HERO_ALT.text,
    }
    return {**fields, "status": "draft"} if draft else fields


# The body: one placeholder a paragraph.
BODY = "\n\n".join(p.text for p in PLACEHOLDERS if p.field == "body") + "\n"
