"""Enrich each article and page as Pelican creates it: author profiles,
typography, a plain-text description, the hero image, location routing.

Problems are recorded on the object (`clinic_problems`) rather than raised:
Pelican drops a document whose init raises, and a dropped page is exactly
what we must never allow. site_context reports them all at once.
"""

import datetime
import difflib
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article, Author, Page
from PIL import Image, UnidentifiedImageError

from . import links, locations
from .problems import problem
from .typography import plain_text, shorten, title_markup, typogrify_html


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
    instance.clinic_problems = []
    instance._content = typogrify_html(instance._content)
    instance._content = links.mark_external_links(instance._content, settings["SITEURL"])
    if getattr(instance, "title", None):
        instance.title_html = title_markup(instance.title)
    instance.description = _description(instance)
    if isinstance(instance, Article):
        _attach_people(instance, settings)
        _check_category(instance, settings)
    if "hero_image" in instance.metadata or isinstance(instance, Article):
        instance.hero = _hero_image(instance, settings)
    if locations.is_location_source(
        instance.get_relative_source_path(), settings["CLINIC_LOCATIONS_PATH"]
    ):
        locations.route_location_page(instance, settings["CLINIC_LOCATIONS_PATH"])


def _report(instance, field, what, fix):
    instance.clinic_problems.append(
        problem(instance.source_path, instance.get_relative_source_path(), field, what, fix)
    )


def _description(instance):
    """Plain text for meta description and cards: the writer's summary, or
    the opening of the body. Summary is plain text (FORMATTED_FIELDS is empty)
    so it is escaped like any other field."""
    summary = instance.metadata.get("summary")
    if summary:
        return " ".join(str(summary).split())
    return shorten(plain_text(instance._content))


def _attach_people(article, settings):
    profiles = settings["CLINIC_AUTHOR_PROFILES"]
    key = str(getattr(article, "author", "") or "")
    profile = profiles.get(key)
    if profile is None:
        _report(article, "author", f"'{key}' is not in content/authors.yml", _pick(key, profiles))
    else:
        # Pelican's author pages, feeds and URLs then use the person's name.
        article.author = Author(profile.name, settings)
        article.authors = [article.author]
    article.author_profile = profile
    article.reviewer_profile = None
    reviewer_key = article.metadata.get("reviewer")
    if reviewer_key:
        article.reviewer_profile = profiles.get(str(reviewer_key))
        if article.reviewer_profile is None:
            _report(
                article,
                "reviewer",
                f"'{reviewer_key}' is not in content/authors.yml",
                _pick(str(reviewer_key), profiles),
            )
        reviewed = article.metadata.get("reviewed")
        if not isinstance(reviewed, datetime.date):
            _report(
                article,
                "reviewed",
                "missing or not a date",
                "add the date of the medical review as YYYY-MM-DD",
            )


def _check_category(article, settings):
    categories = settings["CLINIC_CATEGORIES"]
    name = str(getattr(article, "category", ""))
    if name not in categories:
        _report(
            article,
            "category",
            f"'{name}' is not one of the site's categories",
            _pick(name, categories),
        )


def _pick(value, choices):
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}use one of: {', '.join(choices)}"


def _hero_image(instance, settings):
    name = instance.metadata.get("hero_image")
    alt = " ".join(str(instance.metadata.get("hero_alt") or "").split())
    if not name:
        _report(
            instance,
            "hero_image",
            "missing",
            "add a JPEG from content/images/, e.g. hero_image: my-article.jpg",
        )
        return None
    if not alt:
        _report(
            instance,
            "hero_alt",
            "the hero image has no alt text",
            "describe the image in a short sentence for people who cannot see it",
        )
    relative = f"{settings['CLINIC_IMAGES_PATH']}/{name}"
    source = Path(settings["PATH"]) / relative
    try:
        with Image.open(source) as image:
            width, height = image.size
    except FileNotFoundError:
        _report(
            instance,
            "hero_image",
            f"{relative} does not exist",
            "add the file to content/images/ or fix the name",
        )
        return None
    except (UnidentifiedImageError, OSError):
        _report(instance, "hero_image", f"{relative} is not an image", "save it as a JPEG or PNG")
        return None
    return HeroImage(relative, alt, width, height)
