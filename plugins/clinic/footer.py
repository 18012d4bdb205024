"""The clinic footer, as data for the `clinic_footer` macro. Its locations
are the location pages themselves, so there is no second list to forget."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class Footer:
    clinic_name: str
    mission: str
    locations: tuple
    links: tuple
    year: int


def build_footer(settings, locations, today=None):
    today = today or datetime.date.today()
    return Footer(
        clinic_name=settings["CLINIC_NAME"],
        mission=settings["CLINIC_MISSION"],
        locations=tuple(locations),
        links=tuple(FooterLink(title, url) for title, url in settings["CLINIC_FOOTER_LINKS"]),
        year=today.year,
    )
