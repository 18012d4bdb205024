"""Breadcrumb trails as (title, url) pairs: the visible breadcrumbs and the
BreadcrumbList JSON-LD are both drawn from these, so they always match."""


def for_article(article, settings):
    return [
        ("Home", ""),
        ("Articles", settings["ARCHIVES_URL"]),
        (article.category.name, article.category.url),
        (article.title, article.url),
    ]


def for_location(location, settings):
    return [
        ("Home", ""),
        ("Locations", settings["LOCATIONS_URL"]),
        (location.city, location.url),
    ]
