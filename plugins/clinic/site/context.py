"""What templates get for the whole site.

When a build starts, the authors list, the newsletter form and the
link-preview image are built from settings (a bad setting stops the build
before any work). Each generator's templates get the clinic settings with
their defaults, those objects and the `json_ld` filter. Once every document
is read and the checks part has passed them, the location records, footer,
site-wide JSON-LD, and each article's and location's breadcrumbs and JSON-LD
are published, with each article's review status (reviews.py).
"""

import datetime
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from ..documents import articles_of, generator_of
from ..images.image_size import image_size
from ..images.state import STATE as IMAGES
from ..images.variants import HeroImage
from ..problems import ContentError, Problem
from ..reviews import review_status
from ..seam import Seam
from ..settings import defaults, with_defaults
from . import locations, navigation, newsletter, structured_data
from .authors import load_authors
from .state import STATE


def read_settings(pelican):
    """`initialized`: the objects every document and template of the build uses."""
    settings = with_defaults(pelican.settings)
    STATE.authors = load_authors(Path(settings["PATH"]) / settings["CLINIC_AUTHORS_FILE"])
    STATE.social_image = social_image(settings)
    thank_you = f"{settings['SITEURL']}/{settings['NEWSLETTER_THANK_YOU_URL']}"
    STATE.newsletter_form = newsletter.build_form(
        settings["NEWSLETTER"], thank_you, settings["CLINIC_PRODUCTION"]
    )


def give_templates(generator):
    """`generator_init`: each generator's templates see the clinic settings
    (defaults filled in), what read_settings built, and the JSON-LD filter."""
    generator.env.filters["json_ld"] = structured_data.script_json
    context = generator.context
    for name, value in defaults(generator.settings).items():
        context.setdefault(name, value)
    context["signup_form"] = STATE.newsletter_form
    context["social_image"] = STATE.social_image
    context["logo_picture"] = IMAGES.logo
    context["clinic_authors"] = STATE.authors


def publish(generators):
    """`all_generators_finalized`, after the checks part passed every document:
    the location records, footer and JSON-LD for every page."""
    articles_gen = generator_of(generators, ArticlesGenerator)
    pages_gen = generator_of(generators, PagesGenerator)
    context, settings = pages_gen.context, with_defaults(pages_gen.settings)
    clinic_locations = read_locations(pages_gen.pages, settings)
    context["clinic_locations"] = clinic_locations
    context["site_footer"] = navigation.build_footer(settings, clinic_locations)
    context["site_json_ld"] = [
        structured_data.organization(settings, clinic_locations),
        structured_data.website(settings),
    ]
    siteurl = settings["SITEURL"]
    today = datetime.date.today()
    for article in articles_of(articles_gen, ("articles", "drafts")):
        article.review = review_status(article.metadata, settings["CLINIC_REVIEW_MONTHS"], today)
        article.breadcrumbs, article.json_ld = ARTICLE_PARTS.runner(article, settings)
    for location in clinic_locations:
        location.page.location = location
        location.page.breadcrumbs = navigation.location_breadcrumbs(location, settings)
        location.page.json_ld = [
            structured_data.medical_clinic(location, settings),
            structured_data.breadcrumb_list(location.page.breadcrumbs, siteurl),
        ]


def article_parts(article, settings):
    """(breadcrumbs, JSON-LD) of an article's page: from the article and the
    settings alone."""
    breadcrumbs = navigation.article_breadcrumbs(article, settings)
    json_ld = [
        structured_data.medical_web_page(article, settings),
        structured_data.breadcrumb_list(breadcrumbs, settings["SITEURL"]),
    ]
    return breadcrumbs, json_ld


# The seam to the speed part, which keeps them for an article it kept.
ARTICLE_PARTS = Seam(article_parts)


def read_locations(pages, settings):
    """Location records; the content check has already validated every field."""
    found = [
        locations.parse_location(page, settings["CLINIC_TREATMENTS"])
        for page in pages
        if page.template == "location"
    ]
    return sorted(found, key=lambda loc: loc.city)


def social_image(settings):
    """The link-preview image for pages without a hero image."""
    relative = settings["CLINIC_SOCIAL_IMAGE"]
    try:
        width, height = image_size(Path(settings["PATH"]) / relative)
    except OSError as error:
        raise ContentError(
            [
                Problem(
                    relative, "CLINIC_SOCIAL_IMAGE", str(error), "add the image or fix the setting"
                )
            ]
        ) from error
    return HeroImage(relative, settings["CLINIC_SOCIAL_IMAGE_ALT"], width, height)
