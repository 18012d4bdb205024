"""The browser editor's config.yml, made from the schema, the settings and
authors.yml: every field a writer can fill in has its widget, its limits
and its hint, so a new field can never be forgotten in the editor."""

import re

import pytest
import yaml
from clinic import schema
from clinic.checks.rules.fields import VALIDATORS
from clinic.editor import widgets
from clinic.editor.config import config_yaml, editor_config
from clinic.site.authors import load_authors
from clinic.site.locations import WEEKDAYS
from pelican.settings import read_settings
from sitebuilder import ROOT


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


@pytest.fixture(scope="module")
def authors(settings):
    return load_authors(ROOT / "content" / "authors.yml")


@pytest.fixture(scope="module")
def config(settings, authors):
    # Through YAML and back: what Decap reads is the file, not the dict.
    return yaml.safe_load(config_yaml(editor_config(settings, authors)))


def collection(config, name):
    (found,) = [c for c in config["collections"] if c["name"] == name]
    return found


def fields_of(config, name):
    return {field["name"]: field for field in collection(config, name)["fields"]}


KINDS = {"articles": "article", "pages": "page", "locations": "location"}


def test_every_validator_kind_has_a_widget():
    assert set(widgets.WIDGETS) == set(VALIDATORS)


@pytest.mark.parametrize(("name", "kind"), KINDS.items())
def test_every_schema_field_is_an_editor_field_in_schema_order(config, name, kind):
    names = [field["name"] for field in collection(config, name)["fields"]]
    assert names == [field.name for field in schema.SCHEMAS[kind]] + ["body"]


@pytest.mark.parametrize(("name", "kind"), KINDS.items())
def test_labels_required_and_hints_come_from_the_schema(config, name, kind):
    editor = fields_of(config, name)
    for field in schema.SCHEMAS[kind]:
        shown = editor[field.name]
        assert shown["label"] == field.shown_as
        if shown["widget"] == "hidden":
            assert field.name == "status" or field.name in widgets.FOR_DEVELOPERS
            continue
        assert shown["required"] is field.required, field.name
        assert shown["hint"], field.name


def test_status_is_left_to_the_editorial_workflow(config):
    assert config["publish_mode"] == "editorial_workflow"
    for name in ("articles", "pages"):
        assert fields_of(config, name)["status"]["widget"] == "hidden"


def pattern_of(field):
    regex, message = field["pattern"]
    assert message
    return re.compile(regex)


def test_summary_is_held_to_the_checks_limit(config):
    summary = pattern_of(fields_of(config, "articles")["summary"])
    assert summary.match("x" * schema.SUMMARY_LIMIT)
    assert not summary.match("x" * (schema.SUMMARY_LIMIT + 1))
    assert not summary.match("two\nlines")


def test_slug_phone_zip_email_and_hours_patterns_accept_what_the_check_accepts(config):
    location = fields_of(config, "locations")
    cases = {
        "slug": (["first-infusion", "newsletter/thank-you"], ["First Infusion", "a--b", "-a"]),
        "phone": (["(216) 555-0142", "216-555-0142"], ["555-0142", "call us"]),
        "zip": (["44103", "44103-1234"], ["4410", "ohio"]),
        "email": (["cleveland@example.org"], ["cleveland", "a@b"]),
    }
    for name, (good, bad) in cases.items():
        pattern = pattern_of(location[name])
        assert all(pattern.match(value) for value in good), name
        assert not any(pattern.match(value) for value in bad), name
    days = location["hours"]["fields"]
    assert [day["name"] for day in days] == list(WEEKDAYS)
    day = pattern_of(days[0])
    assert day.match("08:00-18:00") and day.match("closed")
    assert not day.match("8 to 6")


def test_coordinates_are_numbers_in_range(config):
    location = fields_of(config, "locations")
    assert location["latitude"]["widget"] == "number"
    assert (location["latitude"]["min"], location["latitude"]["max"]) == (-90, 90)
    assert (location["longitude"]["min"], location["longitude"]["max"]) == (-180, 180)


def test_authors_and_reviewers_are_chosen_from_authors_yml(config, authors):
    article = fields_of(config, "articles")
    for name in ("author", "reviewer"):
        options = article[name]["options"]
        assert [option["value"] for option in options] == list(authors)
        assert options[0]["label"] == authors[options[0]["value"]].name_with_credentials


def test_categories_and_treatments_are_chosen_from_the_settings(config, settings):
    assert fields_of(config, "articles")["category"]["options"] == list(
        settings["CLINIC_CATEGORIES"]
    )
    treatments = fields_of(config, "locations")["treatments"]
    assert treatments["multiple"] is True
    assert [o["value"] for o in treatments["options"]] == list(settings["CLINIC_TREATMENTS"])


def test_pictures_are_saved_in_content_images_as_bare_file_names(config):
    assert config["media_folder"] == "content/images"
    for name in KINDS:
        found = collection(config, name)
        assert (found["media_folder"], found["public_folder"]) == ("/content/images", "")
    assert fields_of(config, "articles")["hero_image"]["widget"] == "image"


def test_files_are_written_where_the_check_reads_them(config):
    folders = {c["name"]: c["folder"] for c in config["collections"]}
    assert folders == {
        "articles": "content/articles",
        "pages": "content/pages",
        "locations": "content/locations",
    }
    for found in config["collections"]:
        assert found["format"] == "yaml-frontmatter" and found["extension"] == "md"
        assert found["delete"] is False  # removing a page needs a redirect: by hand


def test_the_body_is_markdown_kept_byte_for_byte(config):
    body = fields_of(config, "articles")["body"]
    assert (body["widget"], body["modes"]) == ("markdown", ["raw"])


def test_a_preview_saves_through_decap_server(config):
    assert config["backend"] == {
        "name": "proxy",
        "proxy_url": "http://localhost:8081/api/v1",
        "branch": "main",
    }


def test_the_published_editor_saves_to_github_through_the_sign_in_helper(settings, authors):
    published = {
        **settings,
        "CLINIC_EDITOR_LOCAL_BACKEND": "",
        "CLINIC_EDITOR_REPO": "clinic/website",
        "CLINIC_EDITOR_AUTH_URL": "https://editor-auth.clinic.example/",
        "SITEURL": "https://clinic.example",
    }
    config = editor_config(published, authors)
    backend = config["backend"]
    assert backend["name"] == "github"
    assert (backend["repo"], backend["branch"]) == ("clinic/website", "main")
    # Decap compares the sign-in window's origin with base_url exactly.
    assert backend["base_url"] == "https://editor-auth.clinic.example"
    assert config["site_url"] == "https://clinic.example"
    assert config["logo_url"] == "https://clinic.example/images/logo.png"


def test_a_new_author_or_category_is_in_the_next_build(settings, authors, tmp_path):
    (tmp_path / "authors.yml").write_text(
        (ROOT / "content" / "authors.yml").read_text(encoding="utf-8")
        + "new-writer:\n  name: Nia Writer\n  credentials: LSW\n  bio: Nia writes.\n",
        encoding="utf-8",
    )
    more = {**settings, "CLINIC_CATEGORIES": {**settings["CLINIC_CATEGORIES"], "News": "New."}}
    config = editor_config(more, load_authors(tmp_path / "authors.yml"))
    article = fields_of(config, "articles")
    assert "new-writer" in [option["value"] for option in article["author"]["options"]]
    assert "News" in article["category"]["options"]
