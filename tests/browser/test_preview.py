"""What only the preview shows, in a real browser: the writer's panel above an
article's title and the error page `invoke livereload` serves while a build
fails. The same checks as every production page (axe in light and dark, no
console errors or failed requests, valid HTML), and screenshots of both at
phone and desktop widths, light and dark, in test-artifacts/."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from fixture_site import article, make_content
from sitebuilder import ROOT, SITE_TIMEZONE, build, write

from writer_tools.live_preview import LivePreview
from writer_tools.new_article import create

from .support import origin_of, recording_context, report, serve, static_server
from .test_accessibility import AXE_OPTIONS, SCHEMES, describe
from .test_errors import problems_of
from .test_screenshots import ARTIFACTS, SIZES, png_size
from .test_validity import describe as describe_message
from .test_validity import nu_messages

PANEL = "blog/what-a-first-infusion-day-feels-like/"  # every example text left: 7 warnings
CLEAN = "blog/ready/"  # no warnings
# Where the error pages are put to be served: livereload serves them in place
# of any page, from memory; here they are files of the served preview.
PROBLEMS = "cannot-be-shown/"
MESSAGE = "cannot-be-built/"


@dataclass(frozen=True)
class PreviewPage:
    path: str  # what problems_of and describe name a page by


@dataclass(frozen=True)
class PreviewSite:
    origin: str
    root: Path

    def url(self, path):
        return f"{self.origin}/{path}"


def failed_build_page(base, content, name, **settings):
    """The error page of a preview build of `content` that fails."""
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(base / name),
        "CACHE_PATH": str(base / f"{name}-cache"),
        **settings,
    }
    preview = LivePreview(ROOT / "pelicanconf.py", overrides, ROOT / "theme")
    preview.rebuild()
    assert preview.failure is not None
    return preview.error_page


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("preview")
    content = make_content(base / "content", {"ready": article(title="Ready to publish")})
    hero = content / "images" / "hero.jpg"
    title = "What a first infusion day feels like"
    create(
        content,
        title,
        category="Treatments",
        author="ann-writer",
        timezone=SITE_TIMEZONE,
        image=hero,
    )
    root = build(base / "site", content)
    mistakes = article(category="Treatment", author="nobody")
    broken = make_content(base / "broken" / "content", {"ready": mistakes})
    write(root / PROBLEMS / "index.html", failed_build_page(base, broken, "problems"))
    write(
        root / MESSAGE / "index.html",
        failed_build_page(base, broken, "message", NEWSLETTER={"provider": "pigeon"}),
    )
    server = static_server(root)
    with serve(server):
        yield PreviewSite(origin_of(server), root)


SHOWN = {"panel": PANEL, "clean": CLEAN, "problems": PROBLEMS, "message": MESSAGE}


def test_the_preview_pages_pass_axe_and_load_cleanly(preview_site, browser, axe_source):
    found = []
    with recording_context(browser) as recorder:
        for path in SHOWN.values():
            visit = recorder.visit(preview_site.url(path))
            found += problems_of(PreviewPage(path), visit)
            recorder.tab.evaluate(axe_source)
            for scheme in SCHEMES:
                recorder.tab.emulate_media(color_scheme=scheme)
                result = recorder.tab.evaluate("o => axe.run(document, o)", AXE_OPTIONS)
                found += [describe(PreviewPage(path), scheme, v) for v in result["violations"]]
    assert not found, report(found)


def test_the_panel_and_the_error_page_are_what_the_writer_sees(preview_site, browser):
    with recording_context(browser) as recorder:
        recorder.visit(preview_site.url(PANEL))
        panel = recorder.tab.locator(".writer-panel")
        assert panel.is_visible()
        title = recorder.tab.locator("h1")
        assert panel.bounding_box()["y"] < title.bounding_box()["y"]
        # The seven example texts `invoke new` wrote, and no medical review yet.
        assert recorder.tab.locator(".writer-panel__warning").count() == 8
        recorder.visit(preview_site.url(PROBLEMS))
        assert recorder.tab.locator("h1").inner_text() == "This article cannot be shown yet"
        where = recorder.tab.locator(".build-error__where").all_inner_texts()
        assert where == [
            "content/articles/ready.md, line 4, author",
            "content/articles/ready.md, line 5, category",
        ]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_screenshots_of_the_panel_and_the_error_page(preview_site, browser, width, height):
    ARTIFACTS.mkdir(exist_ok=True)
    viewport = {"width": width, "height": height}
    for scheme in SCHEMES:
        with recording_context(browser, viewport=viewport, color_scheme=scheme) as recorder:
            for name, path in (("panel", PANEL), ("error", PROBLEMS), ("failure", MESSAGE)):
                shot = ARTIFACTS / f"preview-{name}-{scheme}-{width}x{height}.png"
                shot.unlink(missing_ok=True)
                recorder.visit(preview_site.url(path))
                recorder.tab.screenshot(path=shot, full_page=True)
                shot_width, shot_height = png_size(shot)
                assert shot_width == width and shot_height >= height, (shot, shot_width)
                assert shot.stat().st_size > 20_000, f"{shot} is suspiciously small"


def test_the_preview_pages_are_valid_html(preview_site):
    messages = nu_messages(preview_site.root)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, report([describe_message(m, preview_site.root) for m in errors])
