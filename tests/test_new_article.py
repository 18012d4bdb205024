"""`invoke new`: the article it writes, the picture it copies in (`--image`),
the next steps it prints, and the example texts it writes, which the content
check refuses until the writer has replaced every one."""

import shutil
import subprocess
import sys

import pytest
import yaml
from clinic import schema
from clinic.editor.yaml_style import dump, editor_style, load
from fixture_site import make_content
from invoke import Context
from PIL import Image
from sitebuilder import ROOT, build, soup

import tasks
from writer_tools.new_article import slugify

JPEG = ROOT / "content" / "images" / "integration-after-a-ketamine-session.jpg"
PNG = ROOT / "content" / "images" / "logo.png"


@pytest.fixture
def content(tmp_path, monkeypatch):
    """A fixture content folder that `invoke new` writes into instead of the real one."""
    folder = make_content(tmp_path / "content", {})
    (folder / "articles").mkdir()
    monkeypatch.setattr(tasks, "CONTENT", folder)
    return folder


@pytest.fixture
def new_in(content):
    def new(title, **options):
        tasks.new(Context(), title, **options)
        return content / "articles" / f"{slugify(title)}.md"

    return new


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def test_new_article_takes_category_author_and_draft(new_in):
    path = new_in(
        'Caring for a "partner": week one',
        category="Families and caregivers",
        author="ann-writer",
        draft=True,
    )
    assert path.name == "caring-for-a-partner-week-one.md"
    meta = front_matter(path)
    assert meta["title"] == 'Caring for a "partner": week one'
    assert meta["category"] == "Families and caregivers"
    assert meta["author"] == "ann-writer"
    assert meta["status"] == "draft"
    assert meta["hero_image"] == "caring-for-a-partner-week-one.jpg"


def test_new_article_is_written_as_the_browser_editor_writes(new_in):
    """So the first edit in the browser changes only what the writer changed."""
    path = new_in('Sleep: "small" steps', author="ann-writer", draft=True)
    text = path.read_text(encoding="utf-8")
    assert editor_style(text, [field.name for field in schema.ARTICLE]) == text
    assert text.startswith("---\ntitle: 'Sleep: \"small\" steps'\n")
    assert "tags: []\n" in text and "\n---\n\nStart with an opening paragraph" in text


def test_new_article_is_published_unless_draft(new_in):
    assert "status" not in front_matter(new_in("Plain one", author="ann-writer"))


def test_new_refuses_to_overwrite_an_existing_article(new_in):
    path = new_in("Only once", author="ann-writer")
    path.write_text(path.read_text() + "\nThe writer's own words.\n")
    before = path.read_text()
    with pytest.raises(SystemExit, match="already exists: choose another title"):
        new_in("Only once", author="rob-reviewer")
    assert path.read_text() == before


def test_a_new_article_builds_once_its_image_is_added(new_in, tmp_path):
    path = new_in("First steps", author="ann-writer", category="Treatments", draft=True)
    content = path.parents[1]
    shutil.copy(content / "images" / "hero.jpg", content / "images" / "first-steps.jpg")
    site = build(tmp_path / "output", content)
    assert soup(site, "drafts/first-steps/").find("h1")


# --- The next steps ----------------------------------------------------------


def test_new_prints_the_next_steps_with_the_preview_address(new_in, capsys):
    new_in("First steps", author="ann-writer")
    printed = capsys.readouterr().out
    assert printed.startswith("Created content/articles/first-steps.md\n")
    assert "Add the picture as content/images/first-steps.jpg" in printed
    assert "open http://localhost:8000/blog/first-steps/\n" in printed
    assert "git add content/articles/first-steps.md content/images/first-steps.jpg" in printed
    new_in("Later steps", author="ann-writer", draft=True)
    assert "open http://localhost:8000/drafts/later-steps/\n" in capsys.readouterr().out


# --- --image -----------------------------------------------------------------


def test_image_is_copied_under_the_articles_name(new_in, content, capsys):
    path = new_in("First steps", author="ann-writer", image=str(JPEG))
    picture = content / "images" / "first-steps.jpg"
    assert picture.read_bytes() == JPEG.read_bytes()
    assert front_matter(path)["hero_image"] == "first-steps.jpg"
    printed = capsys.readouterr().out
    assert "Copied the picture to content/images/first-steps.jpg" in printed
    assert "Add the picture" not in printed


def test_the_bytes_decide_the_pictures_kind_not_its_name(new_in, content, tmp_path):
    disguised = tmp_path / "photo.jpg"
    shutil.copy(PNG, disguised)
    path = new_in("First steps", author="ann-writer", image=str(disguised))
    assert front_matter(path)["hero_image"] == "first-steps.png"
    assert (content / "images" / "first-steps.png").read_bytes() == PNG.read_bytes()
    assert not (content / "images" / "first-steps.jpg").exists()


def not_a_picture(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("Remember to ask about parking.\n")
    return path


def vector_drawing(tmp_path):
    path = tmp_path / "drawing.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n')
    return path


def cut_off_download(tmp_path):
    path = tmp_path / "cut.jpg"
    path.write_bytes(JPEG.read_bytes()[:2000])
    return path


def gif(tmp_path):
    path = tmp_path / "animation.gif"
    Image.new("RGB", (8, 8), "teal").save(path)
    return path


def missing(tmp_path):
    return tmp_path / "nowhere.jpg"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (not_a_picture, r"notes\.jpg is not a picture the site can use: .* export it as a JPEG"),
        (vector_drawing, r"drawing\.svg is not a picture the site can use"),
        (cut_off_download, r"cut\.jpg is not a picture the site can use"),
        (gif, r"animation\.gif is a GIF image; the site takes JPEG or PNG: export it as a JPEG"),
        (missing, r"there is no file .*nowhere\.jpg: check the path"),
    ],
)
def test_image_that_is_not_a_jpeg_or_png_is_refused_and_nothing_written(
    new_in, content, tmp_path, make, message
):
    images_before = sorted(p.name for p in (content / "images").iterdir())
    with pytest.raises(SystemExit, match=message):
        new_in("First steps", author="ann-writer", image=str(make(tmp_path)))
    assert not (content / "articles" / "first-steps.md").exists()
    assert sorted(p.name for p in (content / "images").iterdir()) == images_before


def test_image_never_replaces_another_picture(new_in, content):
    taken = content / "images" / "first-steps.jpg"
    shutil.copy(content / "images" / "social-default.jpg", taken)
    with pytest.raises(SystemExit, match=r"content/images/first-steps\.jpg already exists"):
        new_in("First steps", author="ann-writer", image=str(JPEG))
    assert taken.read_bytes() != JPEG.read_bytes()
    assert not (content / "articles" / "first-steps.md").exists()


# --- Placeholders cannot ship ------------------------------------------------


def invoke_check(content):
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


# Where `invoke new` puts its example texts, as `invoke check` names them.
EXAMPLE_TEXTS = [
    (7, "summary", "is the example text `invoke new` wrote"),
    (10, "hero_alt", "is the example text `invoke new` wrote"),
    (13, "body", "'Start with an opening paragraph that says who this article is for"),
    (15, "body", "'## First section' is the example text"),
    (17, "body", "'Write in short paragraphs.' is the example text"),
    (19, "body", "'### A subsection' is the example text"),
    (21, "body", "'More detail here.' is the example text"),
]

WRITTEN = """\
Coming in for a first infusion can feel like a lot. This article walks you through the day.

## Before you arrive

Eat a light meal and bring someone who can drive you home.

### What to bring

Your insurance card and a list of your medicines.
"""


def test_the_check_refuses_every_example_text_until_it_is_replaced(new_in, content):
    path = new_in("First infusion day", author="ann-writer", image=str(JPEG))
    result = invoke_check(content)
    assert result.returncode == 1, result.stdout
    told = [line for line in result.stdout.splitlines() if line.startswith("content/")]
    # A new article has not been medically reviewed yet: a warning, not a refusal.
    assert [line for line in told if ": warning: " in line] == [
        "content/articles/first-infusion-day.md:2: warning: reviewer: the article has never "
        "been medically reviewed -> ask a clinician to review it, then add `reviewer:` and "
        "`reviewed: YYYY-MM-DD`"
    ]
    found = [line for line in told if ": warning: " not in line]
    assert len(found) == len(EXAMPLE_TEXTS), found
    for (line, field, what), told in zip(EXAMPLE_TEXTS, found, strict=True):
        assert told.startswith(f"content/articles/first-infusion-day.md:{line}: {field}: {what}")
        assert " -> " in told  # and the fix
    # Every line of the body `invoke new` wrote is a placeholder the check knows.
    text = path.read_text(encoding="utf-8")
    body_lines = {n for n, line in enumerate(text.splitlines(), 1) if n > 11 and line.strip()}
    assert body_lines == {line for line, field, _ in EXAMPLE_TEXTS if field == "body"}
    assert f"{len(EXAMPLE_TEXTS)} problem(s)" in result.stderr

    fields = {
        **load(text.split("---")[1]),
        "summary": "What happens on the day of a first ketamine infusion.",
        "hero_alt": "A quiet treatment room with a reclining chair",
    }
    path.write_text(f"---\n{dump(fields)}---\n\n{WRITTEN}", encoding="utf-8")
    result = invoke_check(content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems found (1 warning(s) to look at)." in result.stdout
