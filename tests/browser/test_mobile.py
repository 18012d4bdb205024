"""On a screen 320 CSS px wide (WCAG 1.4.10 reflow: a 1280px window zoomed to
400%, or a small phone): nothing scrolls sideways, the main navigation is on
screen and tappable, body text is at least 16px, and the link lists in
navigation and footer have tap targets of at least 24x24 CSS pixels (WCAG
2.5.8; links inside a sentence are exempt, so only those lists are held to it)."""

import pytest

from .support import recording_context, report

PHONE_WIDTH = 320
PHONE = {"viewport": {"width": PHONE_WIDTH, "height": 640}, "is_mobile": True, "has_touch": True}
MIN_TEXT_PX = 16
MIN_TARGET_PX = 24

MEASURE = """([screen, minText, minTarget]) => {
    const describe = element => `<${element.tagName.toLowerCase()}`
        + (element.className ? ` class="${element.className}"` : '') + '>'
        + ` "${element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
    // Not innerWidth: a phone shrinks a page that overflows to fit, and
    // innerWidth grows with it.
    const width = screen;
    const overflowing = [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .filter(e => e.parentElement === document.body
            || e.parentElement.getBoundingClientRect().right <= width)
        .map(describe);
    const nav = [...document.querySelectorAll('header nav a')].map(link => {
        link.scrollIntoView({block: 'center'});
        const box = link.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
            link: describe(link),
            inView: box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= width,
            tappable: hit !== null && (hit === link || link.contains(hit)),
        };
    });
    window.scrollTo(0, 0);
    const smallText = [...document.querySelectorAll('main p, main li')]
        .filter(e => e.textContent.trim() && e.getClientRects().length > 0)
        .map(e => [describe(e), parseFloat(getComputedStyle(e).fontSize)])
        .filter(([, size]) => size < minText);
    const smallTargets = [...document.querySelectorAll('nav a, footer li a')]
        .filter(e => e.getClientRects().length > 0)
        .map(e => [describe(e), e.getBoundingClientRect()])
        .filter(([, box]) => box.width < minTarget || box.height < minTarget)
        .map(([link, box]) => `${link} is ${Math.round(box.width)}x${Math.round(box.height)}`);
    return {
        scrollWidth: Math.max(document.scrollingElement.scrollWidth, window.innerWidth),
        width,
        overflowing,
        nav,
        smallText,
        smallTargets,
    };
}"""


@pytest.fixture(scope="module")
def phone_measurements(served_site, browser):
    """Every page measured once at 320x640: [(Page, measurements)]."""
    with recording_context(browser, **PHONE) as recorder:
        measured = []
        for page in served_site.pages:
            recorder.visit(page.url)
            measured.append(
                (page, recorder.tab.evaluate(MEASURE, [PHONE_WIDTH, MIN_TEXT_PX, MIN_TARGET_PX]))
            )
        return measured


def test_no_page_scrolls_sideways(phone_measurements):
    problems = [
        f"{page.path}: {m['scrollWidth']}px wide in a {m['width']}px screen, "
        f"widest: {', '.join(m['overflowing'][:5])}"
        for page, m in phone_measurements
        if m["scrollWidth"] > m["width"]
    ]
    assert not problems, report(problems)


def test_main_navigation_is_on_screen_and_tappable(phone_measurements):
    problems = []
    for page, m in phone_measurements:
        if not m["nav"]:
            problems.append(f"{page.path}: no links in the header navigation")
        for link in m["nav"]:
            if not link["inView"]:
                problems.append(f"{page.path}: {link['link']} is not within the screen")
            elif not link["tappable"]:
                problems.append(f"{page.path}: {link['link']} is covered by something else")
    assert not problems, report(problems)


def test_main_navigation_works_by_tap(served_site, browser):
    with recording_context(browser, **PHONE) as recorder:
        recorder.visit(served_site.url())
        link = recorder.tab.locator("header nav a").first
        target = link.get_attribute("href")
        link.tap()
        recorder.tab.wait_for_url(target)


def test_body_text_is_at_least_16px(phone_measurements):
    problems = [
        f"{page.path}: {element} is {size}px"
        for page, m in phone_measurements
        for element, size in m["smallText"]
    ]
    assert not problems, report(problems)


def test_nav_and_footer_links_are_big_enough_to_tap(phone_measurements):
    problems = [
        f"{page.path}: {target}" for page, m in phone_measurements for target in m["smallTargets"]
    ]
    assert not problems, report(problems)
