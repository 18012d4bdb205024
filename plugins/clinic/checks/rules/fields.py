"""Front-matter checks for one file against the schema: unknown keys,
missing fields, and each value's kind (date, author, category, ...)."""

import re
from pathlib import Path

from pelican.urlwrappers import Tag

from ...images.image_size import image_size
from ...problems import closest
from ...schema import (
    PAGE_TEMPLATES,
    SLUG_PATTERN,
    SUMMARY_LIMIT,
    as_date,
    bare_file_name,
    fields_of,
    tag_items,
)
from ...site import locations
from ...site.urls import quiet_slug
from .types import wrong_type

_SLUG = re.compile(SLUG_PATTERN)
STATUSES = {"article": ("published", "draft"), "page": ("published", "hidden", "draft")}


def did_you_mean(value, choices):
    """'did you mean X? ' for the closest choice, or ''."""
    match = closest(value, choices)
    return f"did you mean '{match}'? " if match else ""


def pick_from(value, choices):
    return f"{did_you_mean(value, choices)}use one of: {', '.join(map(str, choices))}"


def check_fields(source, facts):
    """Every problem in one file's front matter."""
    schema = fields_of(source.kind)
    problems, misspelt = _unknown_keys(source, schema)
    for name, spec in schema.items():
        value = source.meta.get(name)
        if _empty(value):
            # A misspelt key already says what to write; "missing" would repeat it.
            if spec.required and name not in misspelt:
                example = f" e.g. `{name}: {spec.example}`" if spec.example else ""
                problems.append(
                    source.problem(name, spec.missing, f"add it:{example} ({spec.help})")
                )
            continue
        error = wrong_type(spec, value, source) or VALIDATORS[spec.kind](value, facts, source)
        if error:
            problems.append(source.problem(name, *error))
    problems += _related_fields(source)
    return problems


def _unknown_keys(source, schema):
    """(problems, names suggested for them) for keys the schema lacks."""
    problems, suggested = [], set()
    names = ", ".join(schema)
    for key in source.meta:
        if key in schema:
            continue
        written = source.written_keys.get(key, key)
        match = closest(key, schema)
        if match:
            suggested.add(match)
        problems.append(
            source.problem(
                written,
                f"unknown field '{written}' for {source.kind}s",
                f"did you mean '{match}'? use one of: {names}"
                if match
                else f"remove it, or use one of: {names}",
                line=source.line(key),
            )
        )
    return problems, suggested


def _empty(value):
    return value is None or (isinstance(value, str | list | dict) and not value)


def _related_fields(source):
    """Checks that need two fields at once."""
    meta, problems = source.meta, []
    published, modified = as_date(meta.get("date")), as_date(meta.get("modified"))
    if published and modified and modified < published:
        problems.append(
            source.problem(
                "modified",
                f"{modified.isoformat()} is before the publication date {published.isoformat()}",
                "use the date of the last update, on or after `date`",
            )
        )
    if meta.get("reviewer") and _empty(meta.get("reviewed")):
        problems.append(
            source.problem(
                "reviewer", "has no `reviewed` date", "add `reviewed: YYYY-MM-DD` below it"
            )
        )
    if meta.get("hero_image") and _empty(meta.get("hero_alt")) and source.kind == "page":
        problems.append(
            source.problem(
                "hero_image",
                "the image has no `hero_alt` text",
                "add `hero_alt:` with a short description of the picture",
            )
        )
    return problems


# Each validator returns None, or (what is wrong, how to fix it).


def _text(value, facts, source):
    if isinstance(value, list | dict):
        return "must be plain text, not a list", "write it on one line after the colon"
    return None


def _date(value, facts, source):
    if as_date(value) is None:
        return f"'{value}' is not a real date", "write it as YYYY-MM-DD, e.g. 2026-02-14"
    return None


def _author(value, facts, source):
    if facts.authors is not None and str(value) not in facts.authors:
        return (
            f"'{value}' is not in content/authors.yml",
            f"{pick_from(value, facts.authors)} (or add the person to content/authors.yml)",
        )
    return None


def _category(value, facts, source):
    if str(value) not in facts.categories:
        return f"'{value}' is not one of the site's categories", pick_from(value, facts.categories)
    return None


def _tags(value, facts, source):
    for tag in tag_items(value):
        if isinstance(tag, list | dict) or not str(tag).strip():
            return "has an empty or nested tag", "write a flat list, e.g. [Spravato, Depression]"
        if isinstance(tag, bool):
            return "YAML reads a tag as true or false", 'put it in double quotes, e.g. ["yes"]'
        if not quiet_slug(Tag(str(tag).strip(), facts.settings)):
            return (
                f"'{tag}' has no letter or digit to make its web address from",
                "name the tag in words, e.g. [Depression]",
            )
    return None


def _summary(value, facts, source):
    if isinstance(value, list | dict):
        return _text(value, facts, source)
    length = len(" ".join(str(value).split()))
    if length > SUMMARY_LIMIT:
        return (
            f"is {length} characters long, longer than a search result shows",
            f"shorten it to at most {SUMMARY_LIMIT} characters",
        )
    return None


def _quotes(value, facts, source):
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, list | dict) or not str(item).strip() for item in items):
        return "has an empty or nested entry", 'write a list of quoted sentences: ["One.", "Two."]'
    return None


def _image(value, facts, source):
    if not bare_file_name(value):
        return (
            f"'{value}' is a path, not the name of a picture in {facts.images_dir}/",
            f"put the picture in content/{facts.images_dir}/ and write only its file name, "
            "e.g. first-infusion.jpg",
        )
    path = Path(facts.images_root) / str(value)
    try:
        image_size(path)
        return None
    except FileNotFoundError:
        return (
            f"{facts.images_dir}/{value} does not exist",
            "add the picture to content/images/ or correct the file name",
        )
    except OSError:  # PIL's UnidentifiedImageError is one
        return f"{facts.images_dir}/{value} is not a picture", "save it as a JPEG or PNG"


def _status(value, facts, source):
    allowed = STATUSES.get(source.kind, ("published",))
    if str(value) not in allowed:
        return f"'{value}' is not a status", pick_from(value, allowed)
    return None


def _slug(value, facts, source):
    if not _SLUG.match(str(value)):
        return (
            f"'{value}' is not a web address",
            "use lowercase letters, digits and hyphens, e.g. first-infusion",
        )
    return None


def _template(value, facts, source):
    if value not in PAGE_TEMPLATES:
        return f"'{value}' is not a template a page may use", pick_from(value, PAGE_TEMPLATES)
    return None


def _save_as(value, facts, source):
    if facts.site_map.taken(value):
        return None  # across_files.duplicate_outputs says whose address it is
    parts = value.split("/")
    if "\\" in value or any(part in ("", ".", "..") for part in parts):
        return f"'{value}' is not a file inside the site", "write a path such as 404.html"
    if not value.endswith(".html"):
        return (
            f"'{value}' is not an .html file: a page is a web page",
            "end it in .html, or leave `save_as` out (`slug:` sets the address)",
        )
    return None


def _location_field(parse):
    """Adapt a locations.parse_* function: its LocationError becomes our (what, fix)."""

    def validate(value, facts, source):
        try:
            parse(value, facts)
        except locations.LocationError as error:
            return error.what, error.fix
        return None

    return validate


VALIDATORS = {
    "text": _text,
    "date": _date,
    "author": _author,
    "category": _category,
    "tags": _tags,
    "summary": _summary,
    "quotes": _quotes,
    "image": _image,
    "status": _status,
    "slug": _slug,
    "template": _template,
    "save_as": _save_as,
    "phone": _location_field(lambda value, facts: locations.parse_phone(value)),
    "hours": _location_field(lambda value, facts: locations.parse_hours(value)),
    "zip": _location_field(lambda value, facts: locations.parse_zip(value)),
    "email": _location_field(lambda value, facts: locations.parse_email(value)),
    "latitude": _location_field(
        lambda value, facts: locations.parse_coordinate("latitude", value, 90)
    ),
    "longitude": _location_field(
        lambda value, facts: locations.parse_coordinate("longitude", value, 180)
    ),
    "treatments": _location_field(
        lambda value, facts: locations.parse_treatments(value, facts.treatments)
    ),
}
