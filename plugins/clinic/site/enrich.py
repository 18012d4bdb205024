"""Enrich each article and page as Pelican creates it: author profiles, the
title's typography, the publication state, the hero image, location routing,
then the body (body part) and its pictures (images part).

Nothing here judges the content: the checks part does, and stops the build
before any page is written. Enrichment only has to survive bad input without
raising, because Pelican silently drops a document whose init raises.
"""

import datetime
from pathlib import Path

from pelican.contents import Article, Author, Page

from .. import schema
from ..body import reading_time, steps
from ..body.typography import title_markup
from ..images import body_pictures
from ..images.image_size import image_size
from ..images.variants import HeroImage
from ..settings import with_defaults
from . import locations
from .state import STATE


def enrich(instance):
    """`content_object_init`."""
    if not isinstance(instance, (Article, Page)):
        return
    settings = with_defaults(instance.settings)
    if getattr(instance, "title", None):
        instance.title_html = title_markup(instance.title)
    if isinstance(instance, Article):
        _attach_people(instance)
        instance.publication_state = _publication_state(instance)
    if "hero_image" in instance.metadata or isinstance(instance, Article):
        instance.hero = _hero_image(instance, settings)
    if locations.is_location_source(
        instance.get_relative_source_path(), settings["CLINIC_LOCATIONS_PATH"]
    ):
        locations.route_location_page(instance, settings["CLINIC_LOCATIONS_PATH"])
    # The body as the writer's Markdown made it, before typography, links and
    # pictures rewrite it: what the content check judges.
    instance.clinic_body_html = instance._content
    steps.run(instance, then=finish_body)


def finish_body(instance, body):
    """The body as the page shows it, and what comes of it: the plain-text
    description for meta tags and cards (the writer's summary, or the opening
    of the body), the reading time, the check's scan; then the pictures.
    Summary is plain text (FORMATTED_FIELDS is empty), escaped like any field."""
    instance._content = body.linked
    instance.clinic_body_scan = body.scanned
    instance.clinic_word_count = body.words
    summary = instance.metadata.get("summary")
    instance.description = " ".join(str(summary).split()) if summary else body.opening
    speed = with_defaults(instance.settings)["CLINIC_WORDS_PER_MINUTE"]
    instance.reading_minutes = reading_time.minutes(body.words, speed)
    instance.reading_time = reading_time.label(instance.reading_minutes)
    body_pictures.prepare(instance)


def _attach_people(article):
    profiles = STATE.authors
    article.author_profile = profiles.get(str(getattr(article, "author", "") or ""))
    if article.author_profile:
        # Pelican's author pages, feeds and URLs then use the person's name.
        article.author = Author(article.author_profile.name, article.settings)
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
    if not name or not schema.bare_file_name(name):
        return None  # a path could lead outside content/images/: the check refuses it
    alt = " ".join(str(instance.metadata.get("hero_alt") or "").split())
    relative = f"{settings['CLINIC_IMAGES_PATH']}/{name}"
    try:
        width, height = image_size(Path(settings["PATH"]) / relative)
    except OSError:  # missing or not an image: the content check reports it
        return None
    return HeroImage(relative, alt, width, height)
