"""Issue 15, findings 5 and 11, through `invoke publish` exactly as CI runs
it (`--fatal warnings`, in its own process): a file Pelican cannot read
stops the build with the content check's message, not Pelican's bare
"Could not process ... Warning or error encountered"; and drafts, which
production writes nowhere, never stop it."""

import pytest
from conftest import PRODUCTION_ENVIRON
from fixture_site import article, make_content
from refusal import written
from sitebuilder import run_publish, write

DUPLICATE = (
    "makes the same page (blog/one/index.html) as {other}, so one would replace the other "
    "-> rename one of the files, or give one a different `slug:`"
)


def publish_refused(tmp_path, content, expected):
    result = run_publish(tmp_path / "output", content=content, **PRODUCTION_ENVIRON)
    told = result.stdout + result.stderr
    assert result.returncode == 1, told
    # Pelican's log pads each line to the terminal's width.
    lines = [line.strip() for line in told.splitlines()]
    for message in expected:
        assert message in lines, told
    assert "Could not process" not in told
    assert "Warning or error encountered" not in told
    assert written(tmp_path / "output") == []


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        (
            "yaml",
            article(title="[unclosed").encode(),
            [
                "content/articles/broken.md:2: front matter: cannot be read: did not find "
                "expected ',' or ']' -> write each field as `name: value`; put values "
                "containing `: ` or `#` in double quotes; write lists as [one, two]"
            ],
        ),
        (
            "latin-1",
            article().encode().replace(b"Text.", b"Caf\xe9 au lait."),
            [
                "content/articles/broken.md:16: file: is not valid UTF-8 text (byte 0xe9) "
                "-> re-save the file with the encoding UTF-8 (your editor's Save As or "
                "Encoding menu)"
            ],
        ),
        (
            "empty",
            b"",
            [
                "content/articles/broken.md:1: front matter: the file does not start with a "
                "`---` line -> begin the file with `---`, the fields (title: ...), then "
                "another `---`"
            ],
        ),
        (
            "impossible date",
            article(date="2024-02-30").encode(),
            [
                "content/articles/broken.md:3: date: '2024-02-30' is not a real date "
                "-> write it as YYYY-MM-DD, e.g. 2026-02-14"
            ],
        ),
        (
            "duplicate slug",
            article(title="Broken", slug="one").encode(),
            [
                "content/articles/broken.md:10: slug: "
                + DUPLICATE.format(other="content/articles/one.md"),
                "content/articles/one.md:1: slug: "
                + DUPLICATE.format(other="content/articles/broken.md"),
            ],
        ),
    ],
)
def test_publish_prints_the_check_message(tmp_path, name, raw, expected):
    content = make_content(tmp_path / "content", {"one": article()})
    (content / "articles" / "broken.md").write_bytes(raw)
    publish_refused(tmp_path, content, expected)


def test_two_drafts_and_a_draft_page_never_stop_a_deploy(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "live": article(),
            "first-draft": article(title="First draft", status="draft"),
            "second-draft": article(title="Second draft", status="draft"),
        },
    )
    write(content / "pages" / "coming.md", "---\ntitle: Coming\nstatus: draft\n---\n\nSoon.\n")
    result = run_publish(tmp_path / "output", content=content, **PRODUCTION_ENVIRON)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "output"
    assert (site / "blog/live/index.html").is_file()
    pages = [p.relative_to(site).as_posix() for p in written(site)]
    assert not [p for p in pages if "draft" in p or "coming" in p]
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "First draft" not in feed and "Second draft" not in feed


def test_a_page_with_the_slug_of_a_location_is_told_not_warned(tmp_path):
    """Pelican wants one slug per page, locations included, even when their
    addresses differ; its warning alone would stop `invoke publish` unnamed."""
    content = make_content(tmp_path / "content", {"one": article()})
    write(content / "pages" / "testville.md", "---\ntitle: Guide\n---\n\nText.\n")
    same = "is also the slug of {}: each needs its own -> rename one of the files, or give one "
    publish_refused(
        tmp_path,
        content,
        [
            "content/locations/testville.md:1: slug: 'testville' "
            + same.format("content/pages/testville.md")
            + "a different `slug:`",
            "content/pages/testville.md:1: slug: 'testville' "
            + same.format("content/locations/testville.md")
            + "a different `slug:`",
        ],
    )
