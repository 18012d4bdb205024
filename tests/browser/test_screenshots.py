"""Full-page screenshots of the home page, an article and a location page at
phone and desktop widths, saved to test-artifacts/ for reviewers (CI keeps
the folder)."""

import struct

import pytest
from sitebuilder import ROOT

from .support import recording_context

ARTIFACTS = ROOT / "test-artifacts"
SIZES = [(360, 740), (1280, 800)]
SHOWN = ["home", "article", "location"]


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])  # IHDR width, height


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_screenshots_of_home_article_and_location(served_site, browser, width, height):
    ARTIFACTS.mkdir(exist_ok=True)
    first_of = {}
    for page in served_site.pages:
        first_of.setdefault(page.template, page)
    with recording_context(browser, viewport={"width": width, "height": height}) as recorder:
        for template in SHOWN:
            path = ARTIFACTS / f"{template}-{width}x{height}.png"
            path.unlink(missing_ok=True)
            recorder.visit(first_of[template].url)
            recorder.tab.screenshot(path=path, full_page=True)
            shot_width, shot_height = png_size(path)
            assert shot_width == width and shot_height >= height, (path, shot_width, shot_height)
            assert path.stat().st_size > 20_000, f"{path} is suspiciously small"
