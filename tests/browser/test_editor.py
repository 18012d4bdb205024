"""The browser editor end to end, offline: decap-server in git mode on
loopback against a temporary git copy of content/, /admin/ built to save
through it, and Chromium as a writer: a new article filled in by its
labels, with an uploaded picture and its alt text, saved as a branch with
one commit that the content check passes, then published (merged) and
built; existing files opened and saved with one field changed and nothing
else; mistakes stopped in the editor, or named by the check. No request
leaves the machine. Screenshots for CONTRIBUTING.md go to
test-artifacts/editor/."""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from clinic import schema
from clinic.editor import yaml_style
from clinic.problems import errors
from sitebuilder import ROOT, build, soup, text

from .editor_support import (
    ARTIFACTS,
    SCREENSHOTS,
    Writer,
    branches,
    check_branch,
    commits_on,
    content_repository,
    decap_server,
    export_content,
    file_on,
    files_changed,
    offline_context,
    raw_file_on,
)
from .support import origin_of, serve, static_server

ARTICLE_ORDER = [field.name for field in schema.ARTICLE]
# An article whose body has what must survive an edit in the browser: a
# {filename} link, a ## heading, a list and an inline image.
ROUND_TRIP_BODY = (
    "\nRead [our treatments page]({filename}/pages/treatments.md) before you come.\n\n"
    "## What to bring\n\n"
    "- A list of your medicines\n"
    "- Someone to drive you home\n\n"
    "![Soft teal waves]({static}/images/integration-after-a-ketamine-session.jpg)\n"
)
ROUND_TRIP = {
    "title": "Getting ready for your first visit",
    "date": "2026-05-12",
    "author": "maya-okafor",
    "category": "Treatments",
    "tags": ["Ketamine"],
    "summary": "What to bring and what to expect on the day of your first visit.",
    "hero_image": "integration-after-a-ketamine-session.jpg",
    "hero_alt": "Abstract art of soft teal and sand-colored waves",
}


@dataclass(frozen=True)
class Workspace:
    repo: Path
    origin: str


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editor")
    front = yaml_style.dump(ROUND_TRIP)
    repo = content_repository(
        tmp / "repo",
        {"content/articles/getting-ready.md": f"---\n{front}---\n{ROUND_TRIP_BODY}"},
    )
    with decap_server(repo) as api:
        server = static_server(tmp / "site")
        build(tmp / "site", repo / "content", CLINIC_EDITOR_LOCAL_BACKEND=api)
        with serve(server):
            yield Workspace(repo, origin_of(server))


@pytest.fixture
def writer(workspace, browser):
    with offline_context(browser) as context:
        yield Writer(context.new_page(), workspace.origin)


def picture(path):
    """A writer's picture: one of the site's, under a new name."""
    shutil.copy(ROOT / "content" / "images" / "integration-after-a-ketamine-session.jpg", path)
    return path


# --- A new article, from the editor to the published site ---------------------

NEW = {
    "title": "Sleep and mood: small steps that help",
    "date": "2026-11-03",
    "modified": "2026-11-04",
    "author": "maya-okafor",
    "category": "Recovery and integration",
    "tags": ["Sleep", "Self-care"],
    "summary": "How sleep and mood affect each other, and small changes to your evenings "
    "that many people find help.",
    "hero_image": "sleep-and-mood.jpg",
    "hero_alt": "A bed with soft grey sheets beside a window at dawn",
    "reviewer": "daniel-reyes",
    "reviewed": "2026-11-01",
    "slug": "sleep-and-mood",
}
NEW_BODY = (
    "Sleep and mood are closely linked. This article shares small steps that may help.\n\n"
    "## Why sleep matters\n\n"
    "Poor sleep can make low mood harder to manage. Read about [our treatments](/treatments/).\n\n"
    "### Small steps\n\n"
    "- Keep a regular time to get up\n"
    "- Dim the lights after dinner\n"
)


def write_the_new_article(writer, tmp_path):
    """Every field filled in by its label, a picture uploaded, then Save."""
    writer.open("collections/articles/new")
    writer.fill("Title", NEW["title"])
    writer.date("Publication date", NEW["date"])
    writer.date("Last updated", NEW["modified"])
    writer.choose("Author", "Maya Okafor, LPCC-S")
    writer.choose("Category", NEW["category"])
    writer.fill("Tags", ", ".join(NEW["tags"]))
    writer.fill("Summary", NEW["summary"])
    writer.upload_picture(picture(tmp_path / NEW["hero_image"]))
    writer.screenshot(SCREENSHOTS["picture"])
    writer.choose_picture()
    writer.fill("Picture description (alt text)", NEW["hero_alt"])
    writer.choose("Medical reviewer", "Daniel Reyes, MD")
    writer.date("Date of medical review", NEW["reviewed"])
    writer.fill("Web address (slug)", NEW["slug"])
    writer.write_body(NEW_BODY)
    writer.field("Title").scroll_into_view_if_needed()
    writer.screenshot(SCREENSHOTS["new-article"])
    writer.save()
    writer.saved()
    writer.screenshot(SCREENSHOTS["saved"])


NEW_FILE = "content/articles/sleep-and-mood-small-steps-that-help.md"
NEW_BRANCH = "cms/articles/sleep-and-mood-small-steps-that-help"


def assert_saved_as_typed(repo, tmp_path):
    """A branch of its own with one commit: the article and its picture,
    each as typed and uploaded. Returns the article's text."""
    assert NEW_BRANCH in branches(repo)
    (commit,) = commits_on(repo, NEW_BRANCH)
    assert sorted(files_changed(repo, commit)) == [NEW_FILE, "content/images/sleep-and-mood.jpg"]
    uploaded = raw_file_on(repo, NEW_BRANCH, "content/images/sleep-and-mood.jpg")
    assert uploaded == (tmp_path / NEW["hero_image"]).read_bytes()
    text = file_on(repo, NEW_BRANCH, NEW_FILE) + "\n"
    front, body = yaml_style.split_file(text)
    assert yaml_style.load(front) == NEW  # what was typed, field by field
    assert list(yaml_style.load(front)) == [name for name in ARTICLE_ORDER if name in NEW]
    assert body == NEW_BODY  # what was typed, byte for byte
    assert yaml_style.editor_style(text, ARTICLE_ORDER) == text  # the style content keeps
    return text


def test_a_new_article_is_saved_as_a_branch_that_passes_the_check_then_published(
    workspace, writer, tmp_path
):
    writer.sign_in()
    write_the_new_article(writer, tmp_path)
    repo = workspace.repo
    saved = assert_saved_as_typed(repo, tmp_path)
    problems, _report = check_branch(repo, NEW_BRANCH, tmp_path / "checked")
    assert errors(problems) == []  # the warnings (reviews due) never stop a pull request

    writer.open("workflow")
    writer.page.get_by_text(NEW["title"]).first.wait_for()
    writer.screenshot(SCREENSHOTS["workflow"])

    # Ready, then published: merged into main, and the site builds the page.
    writer.open(f"collections/articles/entries/{Path(NEW_FILE).stem}")
    writer.set_status("Ready")
    writer.publish()
    assert NEW_BRANCH not in branches(repo)
    assert file_on(repo, "main", NEW_FILE) + "\n" == saved
    site = build(tmp_path / "published", export_content(repo, "main", tmp_path / "main"))
    page = soup(site, f"blog/{NEW['slug']}/")
    assert text(page.find("h1")) == NEW["title"]
    assert page.find("img", alt=NEW["hero_alt"])
    for step in ("picture", "new-article", "saved", "workflow"):
        shot = ARTIFACTS / SCREENSHOTS[step]
        assert shot.is_file() and shot.stat().st_size > 10_000, shot


def test_screenshots_for_the_writers_guide_are_the_ones_it_shows():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = re.findall(r"docs/images/editor/([\w-]+\.png)", guide)
    assert sorted(set(shown)) == sorted(SCREENSHOTS.values())
    for name in SCREENSHOTS.values():
        assert (ROOT / "docs" / "images" / "editor" / name).is_file(), name


# --- Existing files: one field changed, nothing else -------------------------------


def change_one_field(writer, entry, label, addition):
    writer.sign_in()
    writer.open(entry)
    field = writer.field(label)
    field.fill(field.input_value() + addition)
    writer.save()
    writer.saved()


def only_changed(before, after):
    """The lines that differ between two texts of the same length in lines."""
    old, new = before.splitlines(), after.splitlines()
    return [(o, n) for o, n in zip(old, new, strict=False) if o != n], len(old) - len(new)


def test_an_article_edited_in_the_browser_keeps_its_body_byte_for_byte(workspace, writer, tmp_path):
    path = "content/articles/getting-ready.md"
    before = (workspace.repo / path).read_text(encoding="utf-8")
    change_one_field(writer, "collections/articles/entries/getting-ready", "Title", " safely")
    branch = "cms/articles/getting-ready"
    assert len(commits_on(workspace.repo, branch)) == 1
    after = file_on(workspace.repo, branch, path) + "\n"
    assert yaml_style.split_file(after)[1] == ROUND_TRIP_BODY
    assert only_changed(before, after) == (
        [(f"title: {ROUND_TRIP['title']}", f"title: {ROUND_TRIP['title']} safely")],
        0,
    )
    problems, _report = check_branch(workspace.repo, branch, tmp_path / "checked")
    assert errors(problems) == []  # the warnings (reviews due) never stop a pull request


# (collection, file stem, label, words added, the one line that changes)
EDITS = [
    (
        "locations",
        "cincinnati",
        "Parking",
        " Ask at the desk.",
        "accessible spaces right by the main door. Ask at the desk.",
    ),
    ("pages", "404", "Title", " here", "title: Page not found here"),
]


@pytest.mark.parametrize("edit", EDITS, ids=[edit[0] for edit in EDITS])
def test_a_location_or_page_edited_in_the_browser_changes_only_that_field(workspace, writer, edit):
    collection, stem, label, addition, line = edit
    entry = f"collections/{collection}/entries/{stem}"
    path = f"content/{collection}/{stem}.md"
    before = (workspace.repo / path).read_text(encoding="utf-8")
    change_one_field(writer, entry, label, addition)
    branch = f"cms/{collection}/{stem}"
    after = file_on(workspace.repo, branch, path) + "\n"
    changed, lines = only_changed(before, after)
    assert lines == 0 and len(changed) == 1 and changed[0][1].strip() == line
    assert yaml_style.split_file(after)[1] == yaml_style.split_file(before)[1]


# --- Mistakes: stopped in the editor, or named by the check -------------------------


def test_required_fields_and_limits_stop_a_save_in_the_editor(workspace, writer):
    writer.sign_in()
    writer.open("collections/articles/new")
    writer.fill("Title", "Half finished")
    writer.fill("Summary", "x" * (schema.SUMMARY_LIMIT + 1))
    writer.write_body("Some text.\n")
    writer.save()
    page = writer.page
    page.get_by_text("Oops, you've missed a required field").wait_for()
    for message in (
        "Picture description (alt text) is required",
        "Picture is required",
        "Summary didn't match the pattern",
        "Author is required",
    ):
        assert page.get_by_text(message).count() == 1, message
    assert not [name for name in branches(workspace.repo) if "half-finished" in name]


def test_a_page_picture_without_alt_text_is_named_by_the_check_on_the_pull_request(
    workspace, writer, tmp_path
):
    """Pages may have a picture or not, so the editor cannot require alt
    text for one; the check on the pull request names the field instead."""
    writer.sign_in()
    writer.open("collections/pages/new")
    writer.fill("Title", "Parking at our clinics")
    writer.fill("Summary", "Where to park at each clinic.")
    writer.upload_picture(picture(tmp_path / "parking.jpg"))
    writer.choose_picture()
    writer.write_body("Every clinic has free parking.\n")
    writer.save()
    writer.saved()
    branch = "cms/pages/parking-at-our-clinics"
    problems, _report = check_branch(workspace.repo, branch, tmp_path / "checked")
    assert [(p.path, p.field, p.what) for p in errors(problems)] == [
        (
            "content/pages/parking-at-our-clinics.md",
            "hero_image",
            "the image has no `hero_alt` text",
        )
    ]
