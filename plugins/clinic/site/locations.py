"""Clinic locations: one Markdown file each in `content/locations/`.

Pelican reads them as pages; this module gives them their URL
(`/locations/<slug>/`) and template, and turns their front matter into
`Location` records that the home page, the locations index, the footer and
the newsletter form all share: one source of truth.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from .. import schema

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The record's required fields, from the one schema (the title is the page's).
REQUIRED_FIELDS = tuple(f.name for f in schema.LOCATION if f.required and f.name != "title")
# The shapes of the fields, as regexes that Python's `re` and JavaScript read
# alike: the browser editor checks them as a writer types (plugins/clinic/editor/).
PHONE_PATTERN = r"^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$"
HOURS_PATTERN = r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$"
ZIP_PATTERN = r"^\d{5}(-\d{4})?$"
# A plain address and nothing else: the page links to it as mailto:<email>,
# and anything after it (?bcc=, ?subject=, a second address, %-escapes)
# would copy someone else in or change what the visitor sends.
EMAIL_PATTERN = (
    r"^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_PHONE_DIGITS = re.compile(r"\d")
_PHONE_SHAPE = re.compile(PHONE_PATTERN)
_HOURS = re.compile(HOURS_PATTERN)
_ZIP = re.compile(ZIP_PATTERN)
_EMAIL = re.compile(EMAIL_PATTERN)


class LocationError(ValueError):
    """A front-matter field that cannot be used; carries the field and the fix."""

    def __init__(self, field, what, fix):
        super().__init__(f"{field}: {what} -> {fix}")
        self.field, self.what, self.fix = field, what, fix


@dataclass(frozen=True)
class OpeningHours:
    day: str
    opens: str  # "08:00", or "" when closed
    closes: str

    @property
    def closed(self):
        return not self.opens

    @property
    def label(self):
        if self.closed:
            return "Closed"
        return f"{_twelve_hour(self.opens)} to {_twelve_hour(self.closes)}"


@dataclass(frozen=True)
class Treatment:
    key: str
    name: str
    url: str


@dataclass(frozen=True)
class Location:
    slug: str
    name: str
    street: str
    city: str
    state: str
    zip: str
    phone: str
    email: str
    latitude: float
    longitude: float
    hours: tuple
    treatments: tuple
    parking: str
    transit: str
    url: str
    page: object

    @property
    def tel(self):
        """The phone as a `tel:` URL in E.164 form (+1 and ten digits)."""
        return "tel:+1" + "".join(_PHONE_DIGITS.findall(self.phone))[-10:]

    @property
    def one_line_address(self):
        return f"{self.street}, {self.city}, {self.state} {self.zip}"

    @property
    def directions_url(self):
        """OpenStreetMap directions to the clinic: a plain link, no embed."""
        destination = quote(f"{self.latitude},{self.longitude}")
        return f"https://www.openstreetmap.org/directions?route=%3B{destination}"


def is_location_source(relative_source_path, locations_dir):
    return relative_source_path.startswith(locations_dir.rstrip("/") + "/")


def location_slug(page):
    return page.slug.rsplit("/", 1)[-1]


def route_location_page(page, locations_dir):
    """Give a location page its pretty URL and the location template."""
    slug = location_slug(page)
    page.override_url = f"{locations_dir}/{slug}/"
    page.override_save_as = f"{locations_dir}/{slug}/index.html"
    page.template = "location"


def parse_phone(value):
    text = str(value).strip()
    if not _PHONE_SHAPE.match(text):
        raise LocationError(
            "phone",
            f"'{text}' is not a US phone number",
            "write it as (216) 555-0142",
        )
    return text


def parse_hours(value):
    """{weekday: "HH:MM-HH:MM" | "closed"} -> seven OpeningHours, Monday first."""
    if not isinstance(value, dict):
        raise LocationError(
            "hours",
            "must list each weekday",
            'write one line per day, e.g. `monday: "08:00-18:00"` or `sunday: closed`',
        )
    given = {str(day).lower(): text for day, text in value.items()}
    unknown = sorted(set(given) - set(WEEKDAYS))
    if unknown:
        raise LocationError(
            "hours",
            f"unknown day(s) {', '.join(unknown)}",
            "use the weekday names monday to sunday",
        )
    missing = [day for day in WEEKDAYS if day not in given]
    if missing:
        raise LocationError(
            "hours",
            f"no hours for {', '.join(missing)}",
            "add those days, with `closed` where the clinic is shut",
        )
    return tuple(_parse_day(day, given[day]) for day in WEEKDAYS)


def _parse_day(day, text):
    text = str(text).strip()
    if text.lower() == "closed":
        return OpeningHours(day.capitalize(), "", "")
    match = _HOURS.match(text)
    if not match:
        raise LocationError(
            "hours",
            f"{day}: '{text}' is not a time range",
            'write 24-hour times in quotes, like "08:00-18:00", or `closed`',
        )
    open_h, open_m, close_h, close_m = (int(n) for n in match.groups())
    if open_h > 23 or close_h > 24 or open_m > 59 or close_m > 59:
        raise LocationError("hours", f"{day}: '{text}' is not a real time", "use 00:00 to 24:00")
    if (close_h, close_m) <= (open_h, open_m):
        raise LocationError(
            "hours",
            f"{day}: closes ({close_h:02d}:{close_m:02d}) before it opens "
            f"({open_h:02d}:{open_m:02d})",
            "put the opening time first, in 24-hour form",
        )
    return OpeningHours(
        day.capitalize(), f"{open_h:02d}:{open_m:02d}", f"{close_h:02d}:{close_m:02d}"
    )


def parse_treatments(value, known_treatments):
    keys = value if isinstance(value, list) else [value]
    unknown = [str(k) for k in keys if k not in known_treatments]
    if unknown or not keys:
        raise LocationError(
            "treatments",
            f"unknown treatment(s) {', '.join(unknown) or '(none given)'}",
            f"use keys from CLINIC_TREATMENTS: {', '.join(known_treatments)}",
        )
    return tuple(
        Treatment(key, known_treatments[key]["name"], known_treatments[key]["url"]) for key in keys
    )


def parse_zip(value):
    text = str(value).strip()
    if not _ZIP.match(text):
        raise LocationError(
            "zip", f"'{text}' is not a ZIP code", 'write five digits in quotes, e.g. "44103"'
        )
    return text


def parse_email(value):
    text = str(value).strip()
    if not _EMAIL.match(text):
        raise LocationError(
            "email",
            f"'{text}' is not a plain email address",
            "write only the address, such as name@example.org: no ?subject=, ?bcc=, "
            "spaces or second address",
        )
    return text


def parse_coordinate(field, value, limit):
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not -limit <= number <= limit:
        raise LocationError(
            field, f"'{value}' is not a coordinate", "use decimal degrees, e.g. 41.5036"
        )
    return number


def parse_location(page, known_treatments):
    """Front matter of a location page -> Location. Raises LocationError."""
    meta = page.metadata
    missing = [field for field in REQUIRED_FIELDS if meta.get(field) in (None, "", [], {})]
    if missing:
        raise LocationError(
            missing[0],
            f"missing (also missing: {', '.join(missing[1:])})" if missing[1:] else "missing",
            "add it to the front matter; see content/locations/cleveland.md for the format",
        )
    return Location(
        slug=location_slug(page),
        name=str(meta["name"]).strip(),
        street=str(meta["street"]).strip(),
        city=str(meta["city"]).strip(),
        state=str(meta["state"]).strip(),
        zip=parse_zip(meta["zip"]),
        phone=parse_phone(meta["phone"]),
        email=parse_email(meta["email"]),
        latitude=parse_coordinate("latitude", meta["latitude"], 90),
        longitude=parse_coordinate("longitude", meta["longitude"], 180),
        hours=parse_hours(meta["hours"]),
        treatments=parse_treatments(meta["treatments"], known_treatments),
        parking=str(meta.get("parking", "")).strip(),
        transit=str(meta.get("transit", "")).strip(),
        url=page.url,
        page=page,
    )


def _twelve_hour(hhmm):
    hour, minute = (int(n) for n in hhmm.split(":"))
    suffix = "am" if hour < 12 or hour == 24 else "pm"
    hour = hour % 12 or 12
    return f"{hour}:{minute:02d} {suffix}" if minute else f"{hour} {suffix}"
