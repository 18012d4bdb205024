"""A livereload rebuild after one edit (speed/write/unchanged_pages.py and the
documents kept between builds) writes exactly the files whose bytes change,
and leaves the site byte for byte as a full build of the edited content with
the speed part off makes it. A new process (CI's next production build)
renders only the pages whose inputs changed, and copies the rest as an
earlier process rendered them (speed/write/kept_pages.py)."""

import re
import shutil

import pytest
from clinic.speed.state import STATE as SPEED
from clinic.speed.write.page_writer import QueuedPage
from fixture_site import article, make_content
from sitebuilder import ROOT, build

CATEGORIES = ["Treatments", "Recovery and integration", "Families and caregivers"]
TAGS = ["Ketamine", "Sleep", "Family"]
ARTICLES = {
    f"article-{n:02}": article(
        f"Article {n}",
        date=f"2026-01-{n + 1:02}",
        category=CATEGORIES[n % 3],
        tags=f"[{TAGS[n % 3]}, {TAGS[(n + 1) % 3]}]",
        summary=f"What article {n} is about.",
    )
    # A picture in some bodies: the pictures part rewrites them.
    + ("\n![A quiet room]({static}/images/hero.jpg)\n" if n % 4 == 0 else "")
    for n in range(14)
}
EDITED = "articles/article-06.md"


def written_every_build(name):
    """Files every preview writes, whatever changed: the sitemap (written whole
    at the end of a build, by pelican-sitemap), and the copies of static files
    (pictures and their variants, theme files). Not pages, and not _headers or
    _redirects, which are left as they are when their bytes are the same."""
    return name == "sitemap.xml" or name.startswith(("images/", "theme/"))


def preview(output, content, cache, **extra):
    """The preview as livereload builds it (without the search index, which
    tests/speed/test_kept_index.py covers), in this process."""
    return build(
        output,
        content,
        CLINIC_LIVERELOAD=True,
        CLINIC_SEARCH_INDEX=False,
        CACHE_PATH=str(cache),
        CLINIC_IMAGE_CACHE=str(cache / "images"),
        **extra,
    )


def full_build(output, content, cache, **extra):
    """The same site built from nothing, one page after another."""
    return build(
        output,
        content,
        CLINIC_LIVERELOAD=True,
        CLINIC_SEARCH_INDEX=False,
        CLINIC_SPEED=False,
        DELETE_OUTPUT_DIRECTORY=True,
        CACHE_CONTENT=False,
        LOAD_CONTENT_CACHE=False,
        CLINIC_IMAGE_CACHE=str(cache / "images"),
        **extra,
    )


def snapshot(site):
    """{file: (bytes, modification time)} of every file a build wrote."""
    return {
        path.relative_to(site).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file() and ".cache" not in path.parts
    }


def differing(one, two):
    """Files whose bytes differ (or exist in only one), the sitemap's build time aside."""
    names = set(one) | set(two)
    return {
        name
        for name in names
        if name != "sitemap.xml" and (one.get(name) or (None,))[0] != (two.get(name) or (None,))[0]
    }


def edit(content, change):
    path = content / EDITED
    path.write_text(change(path.read_text()))


# Each edit, and pages its changes must reach (besides the article's own):
# what a card, a listing or a link to the article shows.
EDITS = {
    # Seven more words: the page changes, its card (reading time) does not.
    "body": (
        lambda text: text.replace("Text.\n", "Text, and a few more words for readers.\n"),
        set(),
    ),
    "title": (
        lambda text: text.replace("title: Article 6", "title: Article six, renamed"),
        {"index.html", "blog/index.html", "blog/article-05/index.html", "search/index.html"},
    ),
    "summary": (
        lambda text: re.sub(r"summary: .*", "summary: A new summary.", text),
        {"index.html", "blog/category/treatments/index.html"},
    ),
    "tags": (
        lambda text: re.sub(r"tags: .*", "tags: [Ketamine]", text),
        {"blog/tag/sleep/index.html", "blog/tags/index.html"},
    ),
    "category": (
        lambda text: re.sub(r"category: .*", "category: Community and support", text),
        {"blog/category/community-and-support/index.html", "blog/categories/index.html"},
    ),
    "date": (
        lambda text: text.replace("date: 2026-01-07", "date: 2026-01-20"),
        {"index.html", "blog/index.html", "blog/article-13/index.html"},
    ),
    # Cards show neither: only the article's page.
    "hero": (lambda text: re.sub(r"hero_alt: .*", "hero_alt: Calm water at dawn", text), set()),
    "reviewer": (
        lambda text: text.replace(
            "hero_image:", "reviewer: rob-reviewer\nreviewed: 2026-01-09\nhero_image:"
        ),
        set(),
    ),
}


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """The full build of the content before any edit."""
    root = tmp_path_factory.mktemp("before")
    content = make_content(root / "content", ARTICLES)
    return snapshot(full_build(root / "site", content, root / "cache"))


@pytest.mark.parametrize("kind", EDITS)
def test_a_rebuild_writes_exactly_the_files_that_change(tmp_path, before, kind):
    content = make_content(tmp_path / "content", ARTICLES)
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = snapshot(preview(site, content, cache))
    change, reached = EDITS[kind]
    edit(content, change)
    second = snapshot(preview(site, content, cache))
    after = snapshot(full_build(tmp_path / "full", content, cache))

    # The same site as a full build of the edited content, byte for byte.
    assert differing(second, after) == set()
    # Exactly the files whose bytes changed were written, and no other.
    changed = differing(before, after)
    written = {name for name in second if first.get(name, (None, None))[1] != second[name][1]}
    assert {name for name in written if not written_every_build(name)} == changed
    assert not any(written_every_build(name) for name in changed)
    assert {"blog/article-06/index.html", *reached} <= changed
    if not reached:
        assert changed == {"blog/article-06/index.html"}


@pytest.mark.parametrize("change", ["added", "removed"])
def test_an_article_added_or_removed(tmp_path, before, change):
    content = make_content(tmp_path / "content", ARTICLES)
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = snapshot(preview(site, content, cache))
    if change == "added":
        (content / "articles" / "article-99.md").write_text(
            article("A new article", date="2026-01-30", category="Treatments", tags="[Sleep]")
        )
    else:
        (content / EDITED).unlink()
    second = snapshot(preview(site, content, cache))
    after = snapshot(full_build(tmp_path / "full", content, cache))

    assert differing(second, after) == set()
    changed = differing(before, after)
    written = {name for name in second if first.get(name, (None, None))[1] != second[name][1]}
    gone = set(first) - set(second)
    assert {name for name in written if not written_every_build(name)} | gone == changed
    page = "blog/article-99/index.html" if change == "added" else "blog/article-06/index.html"
    assert {page, "index.html", "blog/index.html"} <= changed


@pytest.mark.parametrize("change", ["template", "setting"])
def test_a_template_or_setting_changed_between_rebuilds(tmp_path, change):
    """What every page is made from: all of it counts, and the site is again
    byte for byte the full build's."""
    content = make_content(tmp_path / "content", ARTICLES)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    site, cache = tmp_path / "site", tmp_path / "cache"
    extra = {"THEME": str(theme)}
    first = snapshot(preview(site, content, cache, **extra))
    if change == "template":
        card = theme / "templates" / "partials" / "article_card.html"
        card.write_text(card.read_text().replace("article-card__summary", "article-card__text"))
    else:
        extra["CLINIC_MISSION"] = "A new sentence about the clinic."
    second = snapshot(preview(site, content, cache, **extra))
    after = snapshot(full_build(tmp_path / "full", content, cache, **extra))
    assert differing(second, after) == set()
    changed = differing(first, after)
    written = {name for name in second if first[name][1] != second[name][1]}
    assert {name for name in written if not written_every_build(name)} == changed
    assert "index.html" in changed


@pytest.mark.parametrize("kind", ["body", "title", "date"])
def test_a_new_process_renders_only_the_pages_whose_inputs_changed(
    tmp_path, before, kind, monkeypatch
):
    content = make_content(tmp_path / "content", ARTICLES)
    cache = tmp_path / "cache"
    SPEED.reset()
    preview(tmp_path / "one", content, cache)
    edit(content, EDITS[kind][0])
    rendered = []
    render = QueuedPage.write
    monkeypatch.setattr(
        QueuedPage, "write", lambda page, writer: rendered.append(page.name) or render(page, writer)
    )
    SPEED.reset()  # a new process, into a new folder: nothing but what cache/ holds
    second = snapshot(preview(tmp_path / "two", content, cache))
    after = snapshot(full_build(tmp_path / "full", content, cache))

    assert differing(second, after) == set()
    changed = differing(before, after)
    changed_pages = {name for name in changed if name.endswith(".html")}
    # Pages that are given every tag's, category's or author's articles may
    # be rendered again and come out the same: their file is then not written.
    given_every_article = {
        "blog/tags/index.html",
        "blog/categories/index.html",
        "authors/index.html",
    }
    # Pages that name their own file (save_as) may override another's: they
    # are rendered in their turn, never copied ahead of the others.
    in_their_turn = {"404.html", "locations/testville/index.html"}
    allowed = changed_pages | given_every_article | in_their_turn
    assert changed_pages <= set(rendered) <= allowed
    if kind == "body":
        assert sorted(rendered) == sorted({"blog/article-06/index.html", *in_their_turn})
