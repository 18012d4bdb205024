"""Build-level steps: read the clinic settings when Pelican starts, and once
every document is read, publish the shared template context (locations,
footer, newsletter form) or stop the build with every problem found."""

from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from . import breadcrumbs, footer, locations, newsletter, redirects, structured_data, tally
from .authors import load_authors
from .content import HeroImage
from .content_check import check_content
from .image_size import image_size
from .problems import ContentError, Problem
from .sources import display_path

DEFAULTS = {
    "CLINIC_PRODUCTION": False,
    "CLINIC_AUTHORS_FILE": "authors.yml",
    "CLINIC_LOCATIONS_PATH": "locations",
    "CLINIC_IMAGES_PATH": "images",
    "CLINIC_MISSION": "",
    "CLINIC_TREATMENTS": {},
    "CLINIC_CATEGORIES": {},
    "CLINIC_FOOTER_LINKS": (),
    "NEWSLETTER": {},
    "NEWSLETTER_THANK_YOU_URL": "newsletter/thank-you/",
    # Where a page wants the signup form, its Markdown has this line.
    "NEWSLETTER_MARKER": "<!-- newsletter-form -->",
    "CLINIC_LOGO": "images/logo.png",
    "CLINIC_SOCIAL_IMAGE": "images/social-default.jpg",
    "CLINIC_SOCIAL_IMAGE_ALT": "New Pathways Clinic: calm teal and sand gradient",
}


def with_defaults(settings):
    """The clinic settings a site may leave out, filled in (also used by `invoke check`)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings.setdefault("CLINIC_NAME", settings["SITENAME"])
    return settings


def read_settings(pelican):
    """Settings in: fill defaults, load the authors list, build the form."""
    settings = with_defaults(pelican.settings)
    authors_file = Path(settings["PATH"]) / settings["CLINIC_AUTHORS_FILE"]
    settings["CLINIC_AUTHOR_PROFILES"] = load_authors(authors_file)
    settings["SOCIAL_IMAGE"] = social_image(settings)
    settings.setdefault("JINJA_FILTERS", {})["json_ld"] = structured_data.script_json
    thank_you = f"{settings['SITEURL']}/{settings['NEWSLETTER_THANK_YOU_URL']}"
    settings["NEWSLETTER_FORM"] = newsletter.build_form(
        settings["NEWSLETTER"], thank_you, settings["CLINIC_PRODUCTION"]
    )


def publish_context(generators):
    """Context out, or every problem at once."""
    articles_gen = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages_gen = next(g for g in generators if isinstance(g, PagesGenerator))
    context, settings = pages_gen.context, pages_gen.settings
    documents = [
        *articles_gen.articles,
        *articles_gen.drafts,
        *articles_gen.hidden_articles,
        *pages_gen.pages,
        *pages_gen.hidden_pages,
        *pages_gen.draft_pages,
    ]
    # The same checks as `invoke check`, on the HTML Pelican already made.
    problems, _report = check_content(
        settings, rendered={doc.source_path: doc.clinic_body_html for doc in documents}
    )
    # Pelican keys files by their path inside the content folder.
    unread = [path for path, text in context["generated_content"].items() if text is None]
    shown = {display_path(path, settings["PATH"]) for path in unread}
    problems += _unreadable_sources(shown - {p.path for p in problems})
    problems += _missing_thank_you_page(documents, settings)
    problems += redirects.problems(generators)
    article_tally = tally.tally_articles(articles_gen)
    print(article_tally.line)
    pages = tuple(f"{sub.strip('/')}/" for sub in settings["PAGE_PATHS"])
    unread_articles = [path for path in unread if not path.startswith(pages)]
    if tally.missing(article_tally) > len(unread_articles):
        # Some article vanished without any error naming it: the safety net.
        problems.append(tally.missing_articles_problem(article_tally))
    if problems:
        raise ContentError(problems)
    clinic_locations = _read_locations(pages_gen.pages, settings)
    context["clinic_locations"] = clinic_locations
    context["site_footer"] = footer.build_footer(settings, clinic_locations)
    context["clinic_authors"] = settings["CLINIC_AUTHOR_PROFILES"]
    context["site_json_ld"] = [
        structured_data.organization(settings, clinic_locations),
        structured_data.website(settings),
    ]
    _attach_page_data([*articles_gen.articles, *articles_gen.drafts], clinic_locations, settings)


def _attach_page_data(articles, clinic_locations, settings):
    """Breadcrumbs and JSON-LD for each article and location page (which
    also gets its Location record); the
    visible breadcrumbs and the BreadcrumbList come from the same list."""
    siteurl = settings["SITEURL"]
    for article in articles:
        article.breadcrumbs = breadcrumbs.for_article(article, settings)
        article.json_ld = [
            structured_data.medical_web_page(article, settings),
            structured_data.breadcrumb_list(article.breadcrumbs, siteurl),
        ]
    for location in clinic_locations:
        location.page.location = location
        location.page.breadcrumbs = breadcrumbs.for_location(location, settings)
        location.page.json_ld = [
            structured_data.medical_clinic(location, settings),
            structured_data.breadcrumb_list(location.page.breadcrumbs, siteurl),
        ]


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


def _unreadable_sources(paths):
    # Pelican records a file it could not read as None and moves on; for us
    # that is a page silently missing, so it stops the build. The content
    # check usually says why; this covers whatever it did not.
    return [
        Problem(
            path,
            "file",
            "Pelican could not read this file (see the error logged above)",
            "fix the front matter: it needs `---` lines around valid YAML and a title",
        )
        for path in sorted(paths)
    ]


def _read_locations(pages, settings):
    """Location records; the content check has already validated every field."""
    found = [
        locations.parse_location(page, settings["CLINIC_TREATMENTS"])
        for page in pages
        if page.template == "location"
    ]
    return sorted(found, key=lambda loc: loc.city)


def _missing_thank_you_page(documents, settings):
    wanted = settings["NEWSLETTER_THANK_YOU_URL"]
    if any(doc.url == wanted for doc in documents):
        return []
    return [
        Problem(
            "content/pages",
            "NEWSLETTER_THANK_YOU_URL",
            f"no page has the URL {wanted}",
            "add content/pages/thank-you.md with `slug: newsletter/thank-you`",
        )
    ]
