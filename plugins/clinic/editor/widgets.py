"""Each kind of front-matter value as a Decap CMS widget.

A field's kind (schema.Field.kind) names the content check's validator for
it; WIDGETS gives the widget that asks for the same thing, with the same
limits where Decap can hold a writer to them (a pattern, a list of choices,
a range), so a mistake is stopped in the editor when the widget allows it
and by the content check on the pull request otherwise. A unit test fails
when a kind has no widget here.
"""

from dataclasses import dataclass

from ..schema import SLUG_PATTERN, SUMMARY_LIMIT
from ..site import locations

DATE_FORMAT = "YYYY-MM-DD"  # moment.js tokens: the check's YYYY-MM-DD


@dataclass(frozen=True)
class Choices:
    """What a writer picks from, as this build knows it."""

    authors: dict  # key -> site.authors.AuthorProfile
    categories: dict  # name -> description
    treatments: dict  # key -> {"name": ..., "url": ...}


# Fields for developers (a page's template, its URL): kept as a file has
# them, never shown. Decap's hidden widget keeps the value a file has and
# writes none for a new file; being in the config at all keeps the keys in
# the schema's order when Decap writes a file.
FOR_DEVELOPERS = ("template", "url", "save_as")
HIDDEN = {"widget": "hidden", "required": False}


def editor_field(field, choices):
    """A schema.Field -> the Decap field that edits it."""
    named = {"label": field.shown_as, "name": field.name}
    widget = HIDDEN if field.name in FOR_DEVELOPERS else WIDGETS[field.kind](field, choices)
    if widget is HIDDEN:
        return {**named, **HIDDEN}
    # The field's help is the hint, unless the widget words it for the editor.
    return {**named, "hint": field.help, **widget, "required": field.required}


def _pattern(regex, message):
    """Decap's `pattern`: [a JavaScript regex, the message under the field]."""
    return {"pattern": [regex, message]}


def _string(field, choices):
    return {"widget": "string"}


def _status(field, choices):
    # Drafts are the editorial workflow's: an entry is published when its
    # pull request is merged. A `status` a file has is kept as written.
    return HIDDEN


def _summary(field, choices):
    return {
        "widget": "text",
        **_pattern(
            f"^[^\\n]{{0,{SUMMARY_LIMIT}}}$", f"at most {SUMMARY_LIMIT} characters, on one line"
        ),
    }


def _date(field, choices):
    # Dates only, kept as the text YYYY-MM-DD (no time, no time zone to shift).
    return {
        "widget": "datetime",
        "format": DATE_FORMAT,
        "date_format": DATE_FORMAT,
        "time_format": False,
        "picker_utc": True,
    }


def _author(field, choices):
    options = [
        {"label": profile.name_with_credentials, "value": key}
        for key, profile in choices.authors.items()
    ]
    return {"widget": "select", "options": options}


def _category(field, choices):
    described = " ".join(f"{name}: {text}" for name, text in choices.categories.items())
    return {"widget": "select", "options": list(choices.categories), "hint": described}


def _tags(field, choices):
    # A list without sub-fields: one text box, the tags separated by commas.
    return {
        "widget": "list",
        "hint": "Separate tags with commas. Reuse the tags other articles have, spelt the same.",
    }


def _quotes(field, choices):
    # One box per sentence: sentences have commas, so not the tags' one box.
    sentence = {"label": "Sentence", "name": "sentence", "widget": "string"}
    return {"widget": "list", "field": sentence}


def _for_developers(field, choices):
    return HIDDEN


def _image(field, choices):
    # The collection's media_folder and public_folder make the value the bare
    # file name in content/images/, as the check expects.
    return {"widget": "image", "choose_url": False}


def _slug(field, choices):
    return {
        "widget": "string",
        **_pattern(SLUG_PATTERN, "lowercase letters, digits and hyphens, such as first-infusion"),
    }


def _phone(field, choices):
    return {
        "widget": "string",
        **_pattern(locations.PHONE_PATTERN, "a US phone number, such as (216) 555-0142"),
    }


def _zip(field, choices):
    return {"widget": "string", **_pattern(locations.ZIP_PATTERN, "five digits, such as 44103")}


def _email(field, choices):
    return {
        "widget": "string",
        **_pattern(locations.EMAIL_PATTERN, "an email address, such as name@example.org"),
    }


def _coordinate(limit):
    def widget(field, choices):
        return {"widget": "number", "value_type": "float", "min": -limit, "max": limit}

    return widget


def _hours(field, choices):
    # One box per weekday: a 24-hour range or "closed", as the check reads them.
    opening = locations.HOURS_PATTERN.removeprefix("^").removesuffix("$")
    day = _pattern(f"^(?:[Cc]losed|{opening})$", "24-hour times such as 08:00-18:00, or closed")
    return {
        "widget": "object",
        "collapsed": False,
        "hint": "24-hour times, such as 08:00-18:00, or closed.",
        "fields": [
            {"label": name.capitalize(), "name": name, "widget": "string", **day}
            for name in locations.WEEKDAYS
        ],
    }


def _treatments(field, choices):
    treatments = choices.treatments.items()
    options = [{"label": treatment["name"], "value": key} for key, treatment in treatments]
    return {
        "widget": "select",
        "multiple": True,
        "min": 1,
        "options": options,
        "hint": "Every treatment this clinic offers.",
    }


# Every validator kind of checks/rules/fields.py, as a widget.
WIDGETS = {
    "text": _string,
    "date": _date,
    "author": _author,
    "category": _category,
    "tags": _tags,
    "summary": _summary,
    "quotes": _quotes,
    "image": _image,
    "status": _status,
    "slug": _slug,
    "phone": _phone,
    "hours": _hours,
    "zip": _zip,
    "email": _email,
    "latitude": _coordinate(90),
    "longitude": _coordinate(180),
    "treatments": _treatments,
    "template": _for_developers,
    "save_as": _for_developers,
}
