"""schema.org JSON-LD, built as Python data and serialised by `json.dumps`.

Each function takes what a page shows and returns a dict; nothing here
concatenates strings into JSON. `script_json` makes the text safe to place
inside <script type="application/ld+json">.
"""

import json

from markupsafe import Markup

CONTEXT = "https://schema.org"


def absolute(siteurl, path=""):
    return f"{siteurl}/{path}"


def organization_id(siteurl):
    return absolute(siteurl, "#organization")


def clinic_id(siteurl, location):
    return absolute(siteurl, f"{location.url}#clinic")


def organization(settings, locations):
    siteurl = settings["SITEURL"]
    return {
        "@context": CONTEXT,
        "@type": "MedicalOrganization",
        "@id": organization_id(siteurl),
        "name": settings["CLINIC_NAME"],
        "url": absolute(siteurl),
        "logo": absolute(siteurl, settings["CLINIC_LOGO"]),
        "description": settings["CLINIC_MISSION"],
        "department": [{"@id": clinic_id(siteurl, loc)} for loc in locations],
    }


def website(settings):
    siteurl = settings["SITEURL"]
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": absolute(siteurl, "#website"),
        "name": settings["SITENAME"],
        "url": absolute(siteurl),
        "inLanguage": settings["DEFAULT_LANG"],
        "publisher": {"@id": organization_id(siteurl)},
    }


def medical_clinic(location, settings):
    siteurl = settings["SITEURL"]
    return {
        "@context": CONTEXT,
        "@type": "MedicalClinic",
        "@id": clinic_id(siteurl, location),
        "name": location.name,
        "url": absolute(siteurl, location.url),
        "telephone": location.tel.removeprefix("tel:"),
        "email": location.email,
        "image": absolute(siteurl, settings["CLINIC_LOGO"]),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "addressLocality": location.city,
            "addressRegion": location.state,
            "postalCode": location.zip,
            "addressCountry": "US",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": location.latitude,
            "longitude": location.longitude,
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{day.day}",
                "opens": day.opens,
                "closes": day.closes,
            }
            for day in location.hours
            if not day.closed
        ],
        "medicalSpecialty": "https://schema.org/Psychiatric",
        "availableService": [
            {
                "@type": "MedicalTherapy",
                "name": treatment.name,
                "url": absolute(siteurl, treatment.url),
            }
            for treatment in location.treatments
        ],
        "parentOrganization": {"@id": organization_id(siteurl)},
    }


def person(profile, siteurl, url=None):
    data = {
        "@type": "Person",
        "name": profile.name,
        "honorificSuffix": profile.credentials,
        "jobTitle": profile.role,
    }
    if url is not None:
        data["url"] = absolute(siteurl, url)
    return data


def medical_web_page(article, settings):
    siteurl = settings["SITEURL"]
    data = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "@id": absolute(siteurl, f"{article.url}#page"),
        "url": absolute(siteurl, article.url),
        "headline": article.title,
        "name": article.title,
        "description": article.description,
        "inLanguage": settings["DEFAULT_LANG"],
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "author": person(article.author_profile, siteurl, article.author.url),
        "publisher": {"@id": organization_id(siteurl)},
        "isPartOf": {"@id": absolute(siteurl, "#website")},
    }
    if getattr(article, "hero", None):
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute(siteurl, article.hero.path),
            "width": article.hero.width,
            "height": article.hero.height,
        }
    if getattr(article, "reviewer_profile", None) and article.review.reviewed:
        data["reviewedBy"] = person(article.reviewer_profile, siteurl)
        data["lastReviewed"] = article.review.reviewed.isoformat()
    return data


def breadcrumb_list(crumbs, siteurl):
    """crumbs: (title, url) pairs, the same list the visible breadcrumbs use."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": title,
                "item": absolute(siteurl, url),
            }
            for position, (title, url) in enumerate(crumbs, start=1)
        ],
    }


# Characters that could end the <script> element or start markup inside it;
# JSON allows them as \u escapes, so the data reads back unchanged.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data):
    """JSON text that is safe inside a <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))
