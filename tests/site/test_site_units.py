"""The clinic plugin's pieces on their own, with small inputs."""

import datetime
from types import SimpleNamespace

import pytest
from clinic.site import locations, navigation, newsletter
from clinic.site.authors import AuthorsFileError, load_authors

TREATMENTS = {
    "spravato": {"name": "Spravato", "url": "treatments/#spravato"},
    "support-groups": {"name": "Support groups", "url": "treatments/#support-groups"},
}
WEEK = {day: "08:00-17:00" for day in locations.WEEKDAYS}


def location_page(**changes):
    meta = {
        "name": "Clinic",
        "street": "1 Main St",
        "city": "Cleveland",
        "state": "OH",
        "zip": "44103",
        "phone": "(216) 555-0142",
        "email": "a@b.example",
        "latitude": 41.5,
        "longitude": -81.6,
        "hours": dict(WEEK),
        "treatments": ["spravato"],
    }
    meta.update(changes)
    return SimpleNamespace(metadata=meta, slug="cleveland", url="locations/cleveland/")


# --- locations ------------------------------------------------------------


def test_location_parses_into_a_record():
    location = locations.parse_location(location_page(), TREATMENTS)
    assert location.tel == "tel:+12165550142"
    assert location.one_line_address == "1 Main St, Cleveland, OH 44103"
    assert location.hours[0].day == "Monday" and location.hours[0].label == "8 am to 5 pm"
    assert location.treatments[0].name == "Spravato"
    assert location.directions_url.endswith("route=%3B41.5%2C-81.6")


def test_hours_closed_and_half_hours():
    hours = locations.parse_hours({**WEEK, "friday": "08:30-12:30", "sunday": "closed"})
    assert hours[4].label == "8:30 am to 12:30 pm"
    assert hours[6].closed and hours[6].label == "Closed"


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({**WEEK, "monday": "18:00-08:00"}, "closes (08:00) before it opens (18:00)"),
        ({**WEEK, "monday": "9 to 5"}, "not a time range"),
        ({**WEEK, "monday": "25:00-26:00"}, "not a real time"),
        ({k: v for k, v in WEEK.items() if k != "sunday"}, "no hours for sunday"),
        ({**WEEK, "funday": "closed"}, "unknown day(s) funday"),
        ("9-5 weekdays", "must list each weekday"),
    ],
)
def test_bad_hours_say_what_and_how_to_fix(hours, message):
    with pytest.raises(locations.LocationError) as error:
        locations.parse_hours(hours)
    assert error.value.field == "hours"
    assert message in error.value.what
    assert error.value.fix


@pytest.mark.parametrize("phone", ["555-0142", "(216) 555-014", "call us", "+44 20 7946 0958"])
def test_bad_phone_is_rejected(phone):
    with pytest.raises(locations.LocationError, match="not a US phone number"):
        locations.parse_phone(phone)


@pytest.mark.parametrize("phone", ["(216) 555-0142", "216-555-0142", "216.555.0142"])
def test_good_phone_shapes_are_accepted(phone):
    assert locations.parse_phone(phone) == phone


@pytest.mark.parametrize("field", ["phone", "street", "hours", "zip"])
def test_missing_location_field_is_named(field):
    with pytest.raises(locations.LocationError) as error:
        locations.parse_location(location_page(**{field: None}), TREATMENTS)
    assert error.value.field == field


def test_unknown_treatment_lists_the_known_ones():
    with pytest.raises(locations.LocationError, match="spravato, support-groups"):
        locations.parse_location(location_page(treatments=["reiki"]), TREATMENTS)


def test_bad_zip_and_coordinates():
    with pytest.raises(locations.LocationError, match="ZIP"):
        locations.parse_location(location_page(zip="4410"), TREATMENTS)
    with pytest.raises(locations.LocationError, match="coordinate"):
        locations.parse_location(location_page(latitude=141.0), TREATMENTS)


# --- newsletter -------------------------------------------------------------

THANKS = "https://site.example/newsletter/thank-you/"


def test_mailchimp_preset_derives_the_honeypot():
    action = "https://clinic.us21.list-manage.com/subscribe/post?u=abc123&id=def456"
    form = newsletter.build_form({"provider": "mailchimp", "action": action}, THANKS, True)
    assert form.action == action and form.method == "post"
    assert (form.email_field, form.first_name_field) == ("EMAIL", "FNAME")
    assert form.honeypot_field == "b_abc123_def456"
    assert form.hidden_fields == ()


def test_mailchimp_without_list_ids_is_an_error():
    with pytest.raises(newsletter.NewsletterSettingsError, match="u= and id="):
        newsletter.build_form(
            {"provider": "mailchimp", "action": "https://x.list-manage.com/subscribe/post"},
            THANKS,
            True,
        )


def test_buttondown_preset():
    form = newsletter.build_form({"provider": "buttondown", "username": "clinic"}, THANKS, True)
    assert form.action == "https://buttondown.email/api/emails/embed-subscribe/clinic"
    assert form.email_field == "email"
    assert form.hidden_fields == (("embed", "1"),)


def test_generic_provider_with_custom_fields_and_redirect():
    settings = {
        "provider": "generic",
        "action": "https://lists.example/subscribe",
        "fields": {"email": "address", "location": "clinic"},
        "honeypot": "hp",
        "redirect_field": "next",
    }
    form = newsletter.build_form(settings, THANKS, True)
    assert (form.email_field, form.first_name_field, form.location_field) == (
        "address",
        "first_name",
        "clinic",
    )
    assert form.honeypot_field == "hp"
    assert form.hidden_fields == (("next", THANKS),)


def test_production_without_endpoint_refuses_to_build():
    with pytest.raises(newsletter.NewsletterSettingsError, match="would post nowhere"):
        newsletter.build_form({"provider": "buttondown"}, THANKS, production=True)


def test_preview_without_endpoint_goes_to_the_thank_you_page():
    form = newsletter.build_form({}, THANKS, production=False)
    assert form.preview and form.action == THANKS and form.method == "get"


@pytest.mark.parametrize("action", ["javascript:alert(1)", "/relative/path", "ftp://x.example/"])
def test_endpoint_must_be_a_web_address(action):
    with pytest.raises(newsletter.NewsletterSettingsError, match="not a web address"):
        newsletter.build_form({"action": action}, THANKS, True)


def test_unknown_provider_lists_the_known_ones():
    with pytest.raises(newsletter.NewsletterSettingsError, match="mailchimp"):
        newsletter.build_form({"provider": "carrier-pigeon"}, THANKS, True)


# --- footer, authors ----------------------------------


def test_footer_year_is_the_build_year():
    settings = {
        "CLINIC_NAME": "Clinic",
        "CLINIC_MISSION": "Care.",
        "CLINIC_FOOTER_LINKS": (("Privacy", "privacy/"),),
    }
    built = navigation.build_footer(settings, ["loc"], today=datetime.date(2031, 5, 1))
    assert built.year == 2031
    assert built.links[0].url == "privacy/" and built.locations == ("loc",)


def test_authors_file_errors_name_the_entry(tmp_path):
    path = tmp_path / "authors.yml"
    path.write_text("ann:\n  credentials: MD\n")
    with pytest.raises(AuthorsFileError, match="ann: missing name"):
        load_authors(path)
    # A name alone is enough to publish (the check warns about the rest).
    path.write_text("ann:\n  name: Ann\n")
    assert load_authors(path)["ann"].bio == ""
    path.write_text("ann: [unclosed\n")
    with pytest.raises(AuthorsFileError, match="not valid YAML"):
        load_authors(path)
    with pytest.raises(AuthorsFileError, match="file not found"):
        load_authors(tmp_path / "missing.yml")
