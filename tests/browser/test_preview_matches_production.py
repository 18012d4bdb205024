"""What ships is what was previewed: the home page, an article, a location
and the search page (with results) render the same in the preview and in the
production build, element by element (tag, box size and position, computed
font size, weight and colours), at 360 and 1280 px, light and dark. Also:
the text-like fields of each form share one height, at least 44 px.

A minifier rule can unstyle production alone (minify-html drops
type="text", so a stylesheet that selected on it left the newsletter form's
first-name box tiny on every published page while the preview was fine);
this test compares what the browser draws, so any such rule is caught.

Fair builds: the preview is built with the search index (as `invoke build
--search` and livereload make it) and without scheduled articles (as
production on the same day), so both list the same articles and search
shows the same results. Only the rendered body is compared: the preview's
`noindex`, its Content-Security-Policy and production's canonical and feed
links are in <head> and draw nothing. Elements drawn in one build only are
listed in NOT_COMPARED, each with its reason; nothing else may differ.
"""

import difflib
import re

import pytest
from playwright.sync_api import expect
from sitebuilder import ROOT, preview

import pelicanconf

from .support import origin_of, report, serve, static_server

ARTIFACTS = ROOT / "test-artifacts"
WIDTHS = {360: 740, 1280: 800}
SCHEMES = ("light", "dark")
SEARCH_QUERY = "Spravato"
# Elements left out of the comparison (CSS selector: why), removed from both
# builds before measuring so that the elements after them line up.
NOT_COMPARED = {
    ".newsletter-form .notice": "only the preview draws it: the preview's form sends nothing "
    "and says so, production posts to the newsletter provider",
    ".writer-panel": "only the preview has the writer's notes (warnings, word count) above "
    "an article; production never contains them",
    ".newsletter-form__honeypot": "the field for bots, off-screen and clipped, never seen: "
    "the minifier drops the space between its label and field, which moves the field 5 px "
    "inside its hidden box",
}
# Boxes may differ by rounding only.
TOLERANCE_PX = 0.5
TEXT_LIKE = (
    "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])"
    ":not([type=button]):not([type=reset]):not([type=image]):not([type=file]), select, textarea"
)
MIN_FIELD_PX = 44

# Every drawn element of <body>, in document order, with what the visitor
# sees of it. An element is named by its tag, id and classes and its place
# among its parent's children, so a report points at it.
MEASURE = """([remove, textLike]) => {
    const removed = {};
    for (const selector of remove) {
        const found = [...document.querySelectorAll(selector)];
        found.forEach(element => element.remove());
        removed[selector] = found.length;
    }
    const name = element => {
        let text = element.tagName.toLowerCase();
        if (element.id) text += '#' + element.id;
        for (const c of element.classList) text += '.' + c;
        return text;
    };
    const path = element => {
        const parts = [];
        for (let e = element; e && e !== document.body; e = e.parentElement) {
            const index = [...e.parentElement.children].indexOf(e) + 1;
            parts.unshift(`${name(e)}:${index}`);
        }
        return parts.slice(-4).join(' > ');
    };
    const round = value => Math.round(value * 100) / 100;
    const elements = [];
    for (const element of document.body.querySelectorAll('*')) {
        if (element.getClientRects().length === 0) continue;  // not drawn
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        elements.push({
            key: name(element),
            path: path(element),
            box: [round(box.x + scrollX), round(box.y + scrollY), round(box.width),
                  round(box.height)],
            style: {
                'font-size': style.fontSize,
                'font-weight': style.fontWeight,
                color: style.color,
                'background-color': style.backgroundColor,
                'border-color': style.borderColor,
            },
        });
    }
    const forms = [...document.querySelectorAll('form')].map(form => ({
        form: path(form),
        // Not the honeypot: hidden from people, off-screen on purpose.
        fields: [...form.querySelectorAll(textLike)]
            .filter(field => field.getClientRects().length > 0)
            .filter(field => !field.closest('[aria-hidden=true]'))
            .map(field => [path(field), round(field.getBoundingClientRect().height)]),
    }));
    return {elements, forms, removed};
}"""


@pytest.fixture(scope="module")
def served_preview(tmp_path_factory):
    """The preview of the real content, with the search index and without
    scheduled articles, served on 127.0.0.1 (it links root-relative, so it
    sits at its server's root like any preview)."""
    root = tmp_path_factory.mktemp("preview-site")
    preview(root, "CLINIC_SEARCH_INDEX=true", "WITH_FUTURE_DATES=false")
    server = static_server(root)
    with serve(server):
        yield origin_of(server)


def compared_pages(served_site):
    """(name, URL path) of the pages compared: the first article and location
    the production build lists, the home page and the search page."""
    first = {}
    for page in served_site.pages:
        first.setdefault(page.template, page.path.removesuffix("index.html"))
    return [
        ("home", ""),
        ("article", first["article"]),
        ("location", first["location"]),
        ("search", f"{pelicanconf.SEARCH_URL}?q={SEARCH_QUERY}"),
    ]


def measure(browser, url, width, scheme, screenshot):
    context = browser.new_context(
        viewport={"width": width, "height": WIDTHS[width]}, color_scheme=scheme
    )
    try:
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        if "?q=" in url:
            # Search results arrive after the page loads; wait for them.
            expect(tab.locator("#search-status")).to_have_text(re.compile(r"\d+ results? for"))
        measured = tab.evaluate(MEASURE, [list(NOT_COMPARED), TEXT_LIKE])
        tab.screenshot(path=screenshot, full_page=True)
        return measured
    finally:
        context.close()


def differences(preview_elements, production_elements):
    """What differs, element by element, as readable lines."""
    found = []
    keys = ([e["key"] for e in preview_elements], [e["key"] for e in production_elements])
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    for op, p1, p2, q1, q2 in matcher.get_opcodes():
        if op != "equal":
            found += [f"only in the preview: {e['path']}" for e in preview_elements[p1:p2]]
            found += [f"only in production: {e['path']}" for e in production_elements[q1:q2]]
            continue
        pairs = zip(preview_elements[p1:p2], production_elements[q1:q2], strict=True)
        for seen, shipped in pairs:
            apart = max(abs(a - b) for a, b in zip(seen["box"], shipped["box"], strict=True))
            if apart > TOLERANCE_PX:
                found.append(
                    f"{shipped['path']}: box (x, y, width, height) {seen['box']} in the "
                    f"preview, {shipped['box']} in production"
                )
            for prop, value in seen["style"].items():
                if shipped["style"][prop] != value:
                    found.append(
                        f"{shipped['path']}: {prop} {value} in the preview, "
                        f"{shipped['style'][prop]} in production"
                    )
    return found


@pytest.fixture(scope="module")
def renderings(served_site, served_preview, browser):
    """{(page, width, scheme): (preview measurements, production measurements)};
    screenshots of both builds go to test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    measured = {}
    for name, path in compared_pages(served_site):
        for width in WIDTHS:
            for scheme in SCHEMES:
                shot = ARTIFACTS / f"compare-{name}-{width}-{scheme}"
                seen = measure(
                    browser,
                    f"{served_preview}/{path}",
                    width,
                    scheme,
                    shot.with_name(shot.name + "-preview.png"),
                )
                shipped = measure(
                    browser,
                    served_site.url(path),
                    width,
                    scheme,
                    shot.with_name(shot.name + "-production.png"),
                )
                measured[name, width, scheme] = (seen, shipped)
    return measured


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["home", "article", "location", "search"])
def test_production_renders_like_the_preview(renderings, page, width):
    problems = []
    for scheme in SCHEMES:
        seen, shipped = renderings[page, width, scheme]
        assert len(shipped["elements"]) > 50, "production drew almost nothing"
        problems += [f"{scheme}: {d}" for d in differences(seen["elements"], shipped["elements"])]
    assert not problems, report(problems[:40])


def test_every_allowed_difference_is_still_there(renderings):
    """An allowance that matches nothing any more would hide nothing but
    read as if it did: remove it from NOT_COMPARED."""
    used = dict.fromkeys(NOT_COMPARED, 0)
    for both in renderings.values():
        for measured in both:
            for selector, count in measured["removed"].items():
                used[selector] += count
    assert all(used.values()), f"nothing in the preview matches: {used}"


@pytest.mark.parametrize("build", ["preview", "production"])
def test_text_like_fields_of_a_form_share_one_height_of_at_least_44px(renderings, build):
    problems, fields_seen = [], 0
    for (page, width, scheme), measured in renderings.items():
        for form in measured[0 if build == "preview" else 1]["forms"]:
            heights = {height for _path, height in form["fields"]}
            fields_seen += len(form["fields"])
            where = f"{page} at {width}px ({scheme}), {form['form']}"
            if heights and max(heights) - min(heights) > TOLERANCE_PX:
                problems.append(f"{where}: fields of different heights {form['fields']}")
            problems += [
                f"{where}: {path} is {height}px high, under {MIN_FIELD_PX}px"
                for path, height in form["fields"]
                if height < MIN_FIELD_PX
            ]
    assert fields_seen > 0, "no form fields found"
    assert not problems, report(problems)
