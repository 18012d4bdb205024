"""A draft's or a scheduled article's pictures, original and variants, are
not published: their names would give the article away."""

import shutil

import pytest
from fixture_site import article, make_content
from pelican.plugins.sitemap import sitemap
from sitebuilder import build

NEWSLETTER = {"provider": "buttondown", "username": "clinic"}


@pytest.fixture
def content(tmp_path):
    folder = make_content(
        tmp_path / "content",
        {
            "live": article(),
            "secret-plan": article(
                title="Secret plan", status="draft", hero_image="secret-plan.jpg"
            )
            + "\n![A chart of the plan](/images/secret-chart.jpg)\n",
            "future-launch": article(
                title="Future launch", date="2999-01-01", hero_image="future-launch.jpg"
            ),
            # A draft using the live article's picture takes nothing away from it.
            "shared": article(title="Shared", status="draft"),
        },
    )
    for name in ("secret-plan.jpg", "secret-chart.jpg", "future-launch.jpg"):
        shutil.copy(folder / "images" / "hero.jpg", folder / "images" / name)
    return folder


def published(site):
    # sitebuilder keeps the build's cache in the output folder; it is not published.
    return [p for p in site.rglob("*") if p.is_file() and ".cache" not in p.parts]


def files_named(site, *words):
    return [p for p in published(site) if any(word in p.name for word in words)]


def test_production_publishes_no_picture_only_drafts_use(tmp_path, content, monkeypatch):
    monkeypatch.setattr(sitemap.generator, "_main_pelican", None)
    site = build(tmp_path / "production", content, conf="publishconf.py", NEWSLETTER=NEWSLETTER)
    assert (site / "blog/live/index.html").is_file()
    assert not (site / "blog/secret-plan").exists() and not (site / "blog/future-launch").exists()
    assert files_named(site, "secret", "future-launch") == []
    # The live article's hero, original and variants, is there.
    assert (site / "images/hero.jpg").is_file()
    assert files_named(site / "pictures", "hero.webp")
    for path in published(site):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "secret" not in text and "future-launch" not in text, path


def test_previews_keep_them_for_the_draft_pages(tmp_path, content):
    site = build(tmp_path / "preview", content)
    assert (site / "drafts/secret-plan/index.html").is_file()
    for name in ("secret-plan.jpg", "secret-chart.jpg", "future-launch.jpg"):
        assert (site / "images" / name).is_file(), name
    assert files_named(site / "pictures", "secret-plan.webp", "future-launch.webp")
