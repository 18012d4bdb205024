"""`invoke import-wordpress`: the old blog (tests/importer/export.xml, written
for these tests) moved into a fixture site, run after run."""

import sys

import pytest
import yaml
from fixture_site import make_content
from invoke import Context
from pelican.settings import read_settings
from PIL import Image
from sitebuilder import ROOT, run_publish, write

import tasks

sys.path.insert(0, str(ROOT / "scripts"))
from wordpress_import import pictures
from wordpress_import.export import ExportError, read_export
from wordpress_import.run import Options, import_wordpress

EXPORT = ROOT / "tests" / "importer" / "export.xml"
# The uploads folder of the old site: originals and the resized copies WordPress made.
UPLOADS = {
    "2023/05/spravato-chair.jpg": (1600, 1067),
    "2023/05/quiet-room.jpg": (1400, 933),
    "2023/05/quiet-room-1024x683.jpg": (1024, 683),
    "2024/02/circle-of-chairs.png": (1200, 800),
    "2024/02/circle-of-chairs-300x200.png": (300, 200),
}
PRODUCTION = {
    "SITEURL": "https://clinic.example",
    "NEWSLETTER_ACTION": "https://buttondown.email/api/emails/embed-subscribe/clinic",
}

SPRAVATO_DAY = """\
---
title: Spravato day, step by step
date: 2023-05-16
modified: 2023-06-02
author: rosa-delgado
category: Treatments
tags:
  - Spravato
  - Depression
summary: What happens on a Spravato treatment day, from the ride there to the ride home.
hero_image: spravato-chair.jpg
hero_alt: A reclining chair beside a window with soft daylight
---

Many people ask what a Spravato visit is really like. Here is a calm walk through one day at our Cleveland clinic.

## Before you arrive

Eat a light meal a few hours before. **Plan a ride home**, because you cannot drive until the next day.

- Bring your photo ID
- Bring a book or music

![A quiet treatment room with a recliner](/images/quiet-room.jpg)

### During the session

> I listened to music and the two hours went by faster than I thought.

Read [how our support groups work](/blog/finding-a-support-group/) or [the NIMH page on depression](https://www.nimh.nih.gov/health/topics/depression).
"""  # noqa: E501 (the Markdown as written: one paragraph a line)

# Before the support-group post is imported, the link to it leads to the old site.
SPRAVATO_DAY_FIRST = SPRAVATO_DAY.replace(
    "(/blog/finding-a-support-group/)",
    "(https://blog.newpathways.example/2024/02/finding-a-support-group/)",
)

SUPPORT_GROUP = """\
---
title: Finding a support group that fits
date: 2024-02-12
author: james-whitaker
category: Community and support
tags:
  - Support groups
summary: Our groups meet every week in all three cities. Nobody has to talk;
  listening is welcome too.
hero_image: social-default.jpg
hero_alt: "New Pathways Clinic: calm teal and sand gradient"
---

Our groups meet every week in all three cities. Nobody has to talk; listening is welcome too.

[gallery ids="203,204" columns="2"]

## What a first meeting is like

You will sit in a circle with six to ten people and a facilitator. Each person may share for a few minutes.

[Watch or listen on youtube.com](https://www.youtube.com/watch?v=abc123XYZ00)

See our [clinic news](/blog/category/community-and-support/) for dates.
"""  # noqa: E501

EVENING_HOURS = """\
---
title: Notes on our new evening hours
date: 2024-03-01
author: rosa-delgado
category: Community and support
summary: Starting next month, the Columbus clinic stays open until seven on
  Tuesdays and Thursdays.
hero_image: social-default.jpg
hero_alt: "New Pathways Clinic: calm teal and sand gradient"
status: draft
---

Starting next month, the Columbus clinic stays open until seven on Tuesdays and Thursdays.
"""

VISITING_US = """\
---
title: Visiting us
summary: Each clinic has free parking and a step-free entrance. Call ahead if
  you need anything on the day.
modified: 2023-01-10
---

Each clinic has free parking and a step-free entrance. Call ahead if you need anything on the day.

| City | Parking |
| --- | --- |
| Cleveland | Lot behind the building |
| Columbus | Street and garage |
"""

FIRST_RUN_REDIRECTS = [
    ("/2023/05/spravato-day-step-by-step/", "/blog/spravato-day-step-by-step/"),
    ("/category/treatments/", "/blog/category/treatments/"),
    ("/tag/spravato/", "/blog/tag/spravato/"),
    ("/tag/depression/", "/blog/tag/depression/"),
    ("/author/rosa/", "/authors/rosa-delgado/"),
    ("/feed/", "/feeds/all.atom.xml"),
    ("/wp-content/uploads/2023/05/quiet-room.jpg", "/images/quiet-room.jpg"),
]
SECOND_RUN_REDIRECTS = [
    ("/2024/02/finding-a-support-group/", "/blog/finding-a-support-group/"),
    ("/category/clinic-news/", "/blog/category/community-and-support/"),
    ("/tag/support-groups/", "/blog/tag/support-groups/"),
    ("/author/jwhitaker/", "/authors/james-whitaker/"),
]


@pytest.fixture
def old_site(tmp_path):
    """A fixture site to import into, a copy of the old uploads folder, and a
    function running one import the way the task does."""
    content = make_content(tmp_path / "content", {})
    (content / "articles").mkdir()
    uploads = tmp_path / "uploads"
    for relative, size in UPLOADS.items():
        path = uploads / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        fmt = "PNG" if relative.endswith(".png") else "JPEG"
        Image.new("RGB", size, (110, 150, 190)).save(path, fmt)
    settings = read_settings(str(ROOT / "publishconf.py"), override={"PATH": str(content)})

    def run(**options):
        options = {"uploads": uploads, **options}
        return import_wordpress(EXPORT, tmp_path, settings, Options(**options))

    return tmp_path, content, run


def map_clinic_news(root):
    mapping = root / "wordpress-map.yml"
    mapping.write_text(
        mapping.read_text().replace("clinic-news:", "clinic-news: Community and support")
    )


def snapshot(root):
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "uploads" not in p.parts
    }


def test_first_run_imports_what_is_mapped_and_explains_the_mapping(old_site):
    root, content, run = old_site
    report = run()
    article = content / "articles" / "spravato-day-step-by-step.md"
    assert article.read_text() == SPRAVATO_DAY_FIRST
    assert (content / "pages" / "visiting-us.md").read_text() == VISITING_US
    # Clinic news is not one of the site's categories: its posts wait for a person.
    mapping = (root / "wordpress-map.yml").read_text()
    assert "treatments: Treatments\n" in mapping
    assert "clinic-news:  # Clinic news\n" in mapping
    assert "#   Community and support" in mapping
    assert not (content / "articles" / "finding-a-support-group.md").exists()
    assert [str(line) for line in report.lines] == [
        "content/articles/finding-a-support-group.md:1: category: not imported yet: its "
        "WordPress categories (Clinic news) are not mapped -> map them in "
        "wordpress-map.yml and run the import again",
        "content/articles/notes-on-our-new-evening-hours.md:1: category: not imported yet: "
        "its WordPress categories (Clinic news) are not mapped -> map them in "
        "wordpress-map.yml and run the import again",
        "content/authors.yml:12: rosa-delgado: Rosa Delgado was added from WordPress "
        "without a bio -> write their credentials, role and a short bio",
    ]
    assert report.redirects_added == FIRST_RUN_REDIRECTS
    # Only images, each once, at its original size (not WordPress's resized copies).
    assert report.pictures == ["quiet-room.jpg", "spravato-chair.jpg"]
    with Image.open(content / "images" / "quiet-room.jpg") as image:
        assert image.size == (1400, 933)
    assert not list((content / "images").glob("*-1024x683*"))
    authors = yaml.safe_load((content / "authors.yml").read_text())
    assert authors["rosa-delgado"] == {"name": "Rosa Delgado"}


def test_once_mapped_the_rest_arrives_with_every_note_a_person_needs(old_site):
    root, content, run = old_site
    run()
    map_clinic_news(root)
    report = run()
    articles = content / "articles"
    assert (articles / "finding-a-support-group.md").read_text() == SUPPORT_GROUP
    assert (articles / "notes-on-our-new-evening-hours.md").read_text() == EVENING_HOURS
    # The first post's link to the second now leads to its new address.
    assert (articles / "spravato-day-step-by-step.md").read_text() == SPRAVATO_DAY
    assert [str(line) for line in report.lines] == [
        "content/articles/finding-a-support-group.md:16: shortcode: the WordPress shortcode "
        '[gallery ids="203,204" columns="2"] was not converted -> replace it with text, a link '
        "or a picture (the site has no shortcodes)",
        "content/articles/finding-a-support-group.md:1: removed: a tracking snippet "
        "(facebook.net) was removed -> nothing to do: the site never loads scripts or "
        "trackers from other hosts",
        "content/articles/finding-a-support-group.md:1: removed: a tracking snippet "
        "(facebook.com) was removed -> nothing to do: the site never loads scripts or "
        "trackers from other hosts",
        "content/articles/finding-a-support-group.md:22: embed: an embedded youtube.com player "
        "became a link to https://www.youtube.com/watch?v=abc123XYZ00 -> check that the link "
        "text says what it leads to",
        "content/articles/finding-a-support-group.md:1: image: the picture circle-of-chairs.png "
        "has no alt text, so it was left out of the text -> describe it and add it back: "
        "![A description of the picture](/images/circle-of-chairs.png)",
        "content/articles/finding-a-support-group.md:1: hero_image: the post had no featured "
        "image, so it shows the site's default picture -> add a picture to content/images/ "
        "and set hero_image and hero_alt",
        "content/articles/notes-on-our-new-evening-hours.md:1: hero_image: the post had no "
        "featured image, so it shows the site's default picture -> add a picture to "
        "content/images/ and set hero_image and hero_alt",
        "content/authors.yml:15: james-whitaker: James Whitaker was added from WordPress "
        "without a bio -> write their credentials, role and a short bio",
    ]
    assert report.redirects_added == SECOND_RUN_REDIRECTS
    # The picture without alt text is brought over, ready to be described.
    assert (content / "images" / "circle-of-chairs.png").is_file()
    redirects = yaml.safe_load((content / "redirects.yml").read_text())
    for old, new in FIRST_RUN_REDIRECTS + SECOND_RUN_REDIRECTS:
        assert redirects[old] == new


def test_running_again_changes_nothing(old_site):
    root, _content, run = old_site
    run()
    map_clinic_news(root)
    run()
    before = snapshot(root)
    report = run()
    assert snapshot(root) == before
    assert {written.state for written in report.written} == {"unchanged"}
    assert report.redirects_added == []


def test_an_edited_file_is_kept_unless_forced(old_site):
    _root, content, run = old_site
    run()
    article = content / "articles" / "spravato-day-step-by-step.md"
    edited = article.read_text().replace("a calm walk", "a gentle walk")
    article.write_text(edited)
    report = run()
    assert article.read_text() == edited
    assert str(report.lines[-1]) == (
        "content/articles/spravato-day-step-by-step.md:1: file: kept (edited since): not "
        "replaced -> compare it with the export; run with --force to replace it"
    )
    run(force=True)
    assert article.read_text() == SPRAVATO_DAY_FIRST


def test_a_file_the_import_did_not_write_is_never_replaced(old_site):
    _root, content, run = old_site
    mine = write(content / "pages" / "visiting-us.md", "---\ntitle: Mine\n---\n\nMine.\n")
    report = run(force=True)
    assert mine.read_text() == "---\ntitle: Mine\n---\n\nMine.\n"
    assert (
        "content/pages/visiting-us.md:1: file: kept (not ours): not replaced -> compare it with "
        "the export; run with --force to replace it"
    ) in [str(line) for line in report.lines]


def test_an_author_already_on_the_site_is_recognised_by_name(old_site):
    root, content, run = old_site
    authors = content / "authors.yml"
    authors.write_text(
        authors.read_text() + "james-w:\n  name: James Whitaker\n  credentials: LISW-S\n"
        "  role: Social worker\n  bio: James runs our groups.\n"
    )
    run()
    map_clinic_news(root)
    run()
    text = (content / "articles" / "finding-a-support-group.md").read_text()
    assert "author: james-w\n" in text
    assert yaml.safe_load(authors.read_text()).keys() >= {"james-w", "rosa-delgado"}
    assert "james-whitaker" not in authors.read_text()


def test_the_imported_site_passes_the_check_and_publishes_without_the_pixel(old_site, tmp_path):
    root, content, run = old_site
    run()
    map_clinic_news(root)
    run()
    result = run_publish(tmp_path / "output", content, **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "output"
    assert (site / "blog" / "spravato-day-step-by-step" / "index.html").is_file()
    assert (site / "visiting-us" / "index.html").is_file()
    assert not (site / "blog" / "notes-on-our-new-evening-hours").exists()  # a draft
    old = site / "2023" / "05" / "spravato-day-step-by-step" / "index.html"
    assert "/blog/spravato-day-step-by-step/" in old.read_text()
    listed = (site / "_redirects").read_text()
    assert "/feed/ /feeds/all.atom.xml 301" in listed
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".pf_fragment"):
            text = path.read_bytes()
            assert b"facebook" not in text and b"fbq(" not in text, path


def test_the_task_reports_and_runs_the_check(old_site, monkeypatch, capsys):
    root, content, _run = old_site
    monkeypatch.setattr(tasks, "CONTENT", content)
    uploads = root / "uploads"
    tasks.import_wordpress(
        Context(), str(EXPORT), uploads=str(uploads), map=str(root / "wordpress-map.yml")
    )
    out = capsys.readouterr().out
    assert out.startswith("WordPress import: files 2 new; 2 pictures; 7 redirects added;")
    assert "The content check on the result:" in out
    assert "No problems found" in out


def test_a_file_that_is_not_an_export_is_refused_with_the_fix(tmp_path):
    not_export = write(tmp_path / "posts.xml", "<rss><channel><title>x</title></channel></rss>")
    with pytest.raises(ExportError, match="is not a WordPress export"):
        read_export(not_export)
    broken = write(tmp_path / "broken.xml", "<rss><channel>")
    with pytest.raises(ExportError, match="export it again from WordPress"):
        read_export(broken)


def test_the_export_expands_no_entities(tmp_path):
    """An export is a file from elsewhere: an entity it defines stays unexpanded."""
    text = (
        EXPORT.read_text()
        .replace(
            '<?xml version="1.0" encoding="UTF-8" ?>',
            '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM '
            '"file:///etc/passwd">]>',
        )
        .replace("Spravato day, step by step", "&secret;")
    )
    export = read_export(write(tmp_path / "export.xml", text))
    assert "root:" not in export.posts[0].title


def test_pictures_can_come_from_the_live_site(old_site, monkeypatch):
    """--download fetches each original by its URL in the export (faked here:
    the machine that runs the tests has no internet)."""
    root, _content, run = old_site
    asked = []

    def fetch(url):
        asked.append(url)
        relative = url.split("/wp-content/uploads/", 1)[1]
        return (root / "uploads" / relative).read_bytes()

    monkeypatch.setattr(pictures, "fetch", fetch)
    report = run(uploads=None, download=True)
    assert report.pictures == ["quiet-room.jpg", "spravato-chair.jpg"]
    assert sorted(asked) == [
        "https://blog.newpathways.example/wp-content/uploads/2023/05/quiet-room.jpg",
        "https://blog.newpathways.example/wp-content/uploads/2023/05/spravato-chair.jpg",
    ]


def test_a_file_that_is_not_a_picture_is_not_brought_over(old_site):
    root, content, run = old_site
    (root / "uploads" / "2023" / "05" / "quiet-room.jpg").write_bytes(b"<svg onload=x>")
    report = run()
    assert not (content / "images" / "quiet-room.jpg").exists()
    assert (
        "content/images:1: picture: 2023/05/quiet-room.jpg is not a picture the site shows "
        "(JPEG, PNG, GIF or WebP) -> link to it from another site, or convert it to one of "
        "those formats"
    ) in [str(line) for line in report.lines]
