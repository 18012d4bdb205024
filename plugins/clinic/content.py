"""Enrich each article and page as Pelican creates it: author profiles,
typography, a plain-text description, the hero image, location routing.

Nothing here judges the content: the content check (content_check.py) does,
and stops the build before any page is written. Enrichment only has to
survive bad input without raising, because Pelican silently drops a
document whose init raises.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article, Author, Page

from . import body_steps, html_scan, locations, parallel
from .image_size import image_size
from .typography import title_markup


@dataclass(frozen=True)
class HeroImage:
    path: str  # output path relative to the site root, e.g. "images/x.jpg"
    alt: str
    width: int
    height: int


def enrich(instance):
    if not isinstance(instance, (Article, Page)):
        return
    settings = instance.settings
    # The body as the writer's Markdown made it, before typography, links and
    # images are rewritten: what the content check judges (images.py turns
    # /images/x.jpg into derived files the check rightly does not know).
    instance.clinic_body_html = instance._content
    # A long batch of articles has its body done by parallel.py, which then
    # calls apply_body_steps() and images.prepare() in the order used here.
    if not parallel.defer(instance):
        apply_body_steps(instance, body_steps.for_body(instance._content, settings["SITEURL"]))
    if getattr(instance, "title", None):
        instance.title_html = title_markup(instance.title)
    if isinstance(instance, Article):
        _attach_people(instance, settings)
        instance.publication_state = _publication_state(instance)
    if "hero_image" in instance.metadata or isinstance(instance, Article):
        instance.hero = _hero_image(instance, settings)
    if locations.is_location_source(
        instance.get_relative_source_path(), settings["CLINIC_LOCATIONS_PATH"]
    ):
        locations.route_location_page(instance, settings["CLINIC_LOCATIONS_PATH"])


def apply_body_steps(instance, steps):
    """The body as the page shows it, and the plain-text description for meta
    tags and cards: the writer's summary, or the opening of the body. Summary
    is plain text (FORMATTED_FIELDS is empty) so it is escaped like any other
    field. The content check gets the scan of the body as written."""
    html_scan.remember(instance.clinic_body_html, steps.scanned)
    instance._content = steps.linked
    instance.clinic_word_count = steps.words
    summary = instance.metadata.get("summary")
    instance.description = " ".join(str(summary).split()) if summary else steps.opening


def _attach_people(article, settings):
    profiles = settings["CLINIC_AUTHOR_PROFILES"]
    article.author_profile = profiles.get(str(getattr(article, "author", "") or ""))
    if article.author_profile:
        # Pelican's author pages, feeds and URLs then use the person's name.
        article.author = Author(article.author_profile.name, settings)
        article.authors = [article.author]
    article.reviewer_profile = profiles.get(str(article.metadata.get("reviewer", "")))


def _publication_state(article):
    """ "draft", "scheduled" or "published": the preview marks the first two."""
    if article.metadata.get("status") == "draft":
        return "draft"
    now = datetime.datetime.now(article.date.tzinfo or datetime.UTC)
    date = article.date if article.date.tzinfo else article.date.replace(tzinfo=now.tzinfo)
    return "scheduled" if date > now else "published"


def _hero_image(instance, settings):
    """The hero image with its size, or None when the content check will
    already have reported it missing or unreadable."""
    name = instance.metadata.get("hero_image")
    if not name:
        return None
    alt = " ".join(str(instance.metadata.get("hero_alt") or "").split())
    relative = f"{settings['CLINIC_IMAGES_PATH']}/{name}"
    try:
        width, height = image_size(Path(settings["PATH"]) / relative)
    except OSError:  # missing or not an image: the content check reports it
        return None
    return HeroImage(relative, alt, width, height)
