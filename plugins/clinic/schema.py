"""The content schema: every front-matter field each kind of content may
have, whether it is required, its kind of value and what to write.

This is the one place that defines it. The content check validates against
it and the writers' reference (docs/front-matter.md) is generated from it,
so the two can never disagree.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

SUMMARY_LIMIT = 160  # characters; search engines cut meta descriptions near here
# The theme's templates a page may name in `template:` (location pages get
# theirs from their folder; "redirect" would make a page that refreshes itself).
PAGE_TEMPLATES = ("page", "404")
# A `slug`: lowercase words joined by hyphens, folders by "/" (a regex that
# Python's `re` and JavaScript read alike: the browser editor checks it too).
SLUG_PATTERN = r"^[a-z0-9]+(?:[-/][a-z0-9]+)*$"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # a key of checks.VALIDATORS: how the value is checked
    required: bool
    help: str
    example: str
    missing: str = "missing"  # what the check says when a required field is absent
    label: str = ""  # what the browser editor calls it; "" means the name in words

    @property
    def shown_as(self):
        return self.label or self.name.replace("_", " ").capitalize()


TITLE = Field("title", "text", True, "The headline, shown on the page and in search results.", "")
SUMMARY = Field(
    "summary",
    "summary",
    False,
    f"One or two plain sentences, at most {SUMMARY_LIMIT} characters, for lists, search "
    "results and link previews.",
    "How to get ready for your first session, from what to eat to who drives you home.",
)
SLUG = Field(
    "slug",
    "slug",
    False,
    "Overrides the web address, which otherwise comes from the file name.",
    "first-infusion",
    label="Web address (slug)",
)
MODIFIED = Field(
    "modified",
    "date",
    False,
    "Date of the last real update, YYYY-MM-DD; not before `date`.",
    "2026-03-02",
    label="Last updated",
)
HERO_ALT = Field(
    "hero_alt",
    "text",
    True,
    "A short description of the picture for people who cannot see it.",
    "A calm treatment room with a reclining chair and a window",
    missing="the hero image has no alt text",
    label="Picture description (alt text)",
)

ARTICLE = (
    TITLE,
    Field(
        "date",
        "date",
        True,
        "Publication date, YYYY-MM-DD. A future date schedules the article: it goes live on "
        "the first build after that day.",
        "2026-02-14",
        label="Publication date",
    ),
    MODIFIED,
    Field("author", "author", True, "A key from content/authors.yml.", "maya-okafor"),
    Field("category", "category", True, "One of the site's categories (listed below).", ""),
    Field(
        "tags",
        "tags",
        False,
        "Topics, one a line below `tags:`, each written `  - Spravato`. Reuse existing "
        "tags with exactly the same spelling.",
        "",
    ),
    Field("summary", "summary", True, SUMMARY.help, SUMMARY.example),
    Field(
        "hero_image",
        "image",
        True,
        "File name of the picture in content/images/ (JPEG or PNG, about 1200x800): the "
        "name only, no folder.",
        "first-infusion.jpg",
        label="Picture",
    ),
    HERO_ALT,
    Field(
        "reviewer",
        "author",
        False,
        "Key (in content/authors.yml) of the clinician who checked the article.",
        "daniel-reyes",
        label="Medical reviewer",
    ),
    Field(
        "reviewed",
        "date",
        False,
        "Date of that medical review, YYYY-MM-DD; required with `reviewer`.",
        "2026-02-10",
        label="Date of medical review",
    ),
    Field(
        "status",
        "status",
        False,
        "`draft` keeps the article out of the published site (the preview still shows it).",
        "draft",
    ),
    SLUG,
    Field(
        "claims_reviewed",
        "quotes",
        False,
        'Sentences the claims check flags ("cure", "guaranteed", ...) that the medical '
        "reviewer has checked and chosen to keep, each quoted exactly as the article says it. "
        "Accepted only with `reviewer`.",
        '["Many patients ask whether ketamine is a cure for depression."]',
    ),
)

PAGE = (
    TITLE,
    SUMMARY,
    MODIFIED,
    Field(
        "hero_image",
        "image",
        False,
        "File name of a picture in content/images/ for this page.",
        "about-us.jpg",
        label="Picture",
    ),
    Field(
        "hero_alt",
        "text",
        False,
        "Required with `hero_image`: " + HERO_ALT.help,
        "",
        label=HERO_ALT.label,
    ),
    Field(
        "status",
        "status",
        False,
        "`hidden` publishes the page without listing it in menus; `draft` keeps it out.",
        "hidden",
    ),
    SLUG,
    Field(
        "template",
        "template",
        False,
        f"For developers: the theme template to use, one of: {', '.join(PAGE_TEMPLATES)}.",
        "404",
    ),
    Field(
        "url",
        "text",
        False,
        "For developers: the page's address, if not from `slug`.",
        "",
        label="URL",
    ),
    Field(
        "save_as",
        "save_as",
        False,
        "For developers: the output file (ending in .html), if not from `slug`.",
        "404.html",
    ),
)

LOCATION = (
    Field(
        "title",
        "text",
        True,
        "The city, as shown in menus and headings.",
        "Cleveland",
        label="Title (the city)",
    ),
    Field(
        "name",
        "text",
        True,
        "The clinic's full name.",
        "New Pathways Clinic Cleveland",
        label="Clinic name",
    ),
    SUMMARY,
    Field("street", "text", True, "Street address.", "1200 Euclid Avenue, Suite 300"),
    Field("city", "text", True, "City.", "Cleveland"),
    Field("state", "text", True, "Two-letter state code.", "OH"),
    Field(
        "zip",
        "zip",
        True,
        "ZIP code, in quotes so it keeps leading zeros.",
        '"44115"',
        label="ZIP code",
    ),
    Field("phone", "phone", True, "US phone number.", "(216) 555-0142"),
    Field("email", "email", True, "The clinic's email address.", "cleveland@example.org"),
    Field("latitude", "latitude", True, "Decimal degrees, for directions.", "41.5036"),
    Field("longitude", "longitude", True, "Decimal degrees, for directions.", "-81.6811"),
    Field(
        "hours",
        "hours",
        True,
        "Indented lines below `hours:`, one per weekday: `monday: 08:00-18:00` "
        "(24-hour times) or `sunday: closed`.",
        "",
    ),
    Field(
        "treatments",
        "treatments",
        True,
        "Keys of the treatments offered here (from CLINIC_TREATMENTS in pelicanconf.py), "
        "one a line below `treatments:`, each written `  - spravato`.",
        "",
    ),
    Field("parking", "text", False, "Where to park.", "Free lot behind the building."),
    Field("transit", "text", False, "How to arrive by bus or train.", "RTA HealthLine, E 12th."),
    SLUG,
)

SCHEMAS = {"article": ARTICLE, "page": PAGE, "location": LOCATION}


def fields_of(kind):
    """{name: Field} for a kind of content: "article", "page" or "location"."""
    return {field.name: field for field in SCHEMAS[kind]}


def tag_items(value):
    """A `tags` value as Pelican reads it -> its items: a YAML list, or any
    other value as one item (so `a, b` is one tag, which the check refuses)."""
    if value is None or value == "":
        return []
    return [tag for tag in value if tag is not None] if isinstance(value, list) else [value]


def tags_of(value):
    """The tag names a `tags` value gives: read once here for every part."""
    return [str(tag).strip() for tag in tag_items(value) if str(tag).strip()]


def bare_file_name(value):
    """True for a file's name without any folder: `hero_image` values, which
    name a picture in content/images/ and never anything outside it."""
    name = str(value)
    return name == PurePosixPath(name).name and "\\" not in name and not name.startswith(".")


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")


def as_date(value):
    """A date field's value as a date: from YAML's date, a datetime or an ISO
    string; None if it is not a real date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if not _DATE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
