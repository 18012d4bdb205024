"""WCAG 2.2 AA where axe cannot see, in a real browser: text spacing (1.4.12),
forced colours (Windows high contrast: focus and controls still visible),
reduced motion honoured, and focus never hidden behind other content
(2.4.11). Reflow at 320 CSS px (1.4.10) is test_mobile.py's, and axe's WCAG
2.2 rules (target size, 2.5.8) run in test_accessibility.py."""

import pytest

from .support import recording_context, report
from .test_accessibility import pages_covering_every_kind

PHONE = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SIZES = {"320px": PHONE, "1280px": DESKTOP}

# WCAG 1.4.12's own test values: a reader's style sheet may set these, and
# nothing may be cut off or overlap. (Injected past the page's CSP.)
TEXT_SPACING = """
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""

DESCRIBE = """const describe = element => `<${element.tagName.toLowerCase()}`
    + (element.className && typeof element.className === 'string'
        ? ` class="${element.className}"` : '') + '>'
    + ` "${element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;"""

# Text cut off by a box that hides what overflows it, and lines of text that
# cross other text. Text hidden on purpose (the 1px visually-hidden labels)
# is not on screen to overlap anything.
CLIPPED_OR_OVERLAPPING = (
    "() => {"
    + DESCRIBE
    + """
    const hidden = new Map();
    const isHidden = element => {
        if (!element || element === document.body) return false;
        if (!hidden.has(element)) {
            const style = getComputedStyle(element), box = element.getBoundingClientRect();
            hidden.set(element, style.visibility === 'hidden' || style.clipPath !== 'none'
                || element.getClientRects().length === 0
                || (box.width <= 1 && box.height <= 1) || isHidden(element.parentElement));
        }
        return hidden.get(element);
    };
    const clipped = [];
    for (const element of document.body.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        const hides = [style.overflowX, style.overflowY].some(v => v === 'hidden' || v === 'clip');
        if (!hides || isHidden(element) || !element.textContent.trim()) continue;
        if (element.scrollWidth > element.clientWidth + 1
                || element.scrollHeight > element.clientHeight + 1) {
            clipped.push(`${describe(element)} cuts off its text`);
        }
    }
    const lines = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim() || isHidden(node.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) {
            if (box.width > 1 && box.height > 1) lines.push({box, node});
        }
    }
    lines.sort((a, b) => a.box.top - b.box.top);
    const overlapping = [];
    for (let i = 0; i < lines.length; i++) {
        const one = lines[i].box;
        for (let j = i + 1; j < lines.length && lines[j].box.top < one.bottom - 1; j++) {
            const other = lines[j].box;
            if (lines[j].node === lines[i].node) continue;
            const across = Math.min(one.right, other.right) - Math.max(one.left, other.left);
            const down = Math.min(one.bottom, other.bottom) - Math.max(one.top, other.top);
            if (across > 1 && down > 1) {
                overlapping.push(`${describe(lines[i].node.parentElement)} overlaps `
                    + describe(lines[j].node.parentElement));
            }
        }
    }
    return {clipped, overlapping: overlapping.slice(0, 5),
            wider: document.scrollingElement.scrollWidth > innerWidth + 0.5};
}"""
)


@pytest.mark.parametrize("size", SIZES)
def test_text_spacing_cuts_off_or_overlaps_nothing(served_site, browser, size):
    problems = []
    with recording_context(browser, bypass_csp=True, **SIZES[size]) as recorder:
        for page in served_site.pages:
            recorder.visit(page.url)
            recorder.tab.add_style_tag(content=TEXT_SPACING)
            found = recorder.tab.evaluate(CLIPPED_OR_OVERLAPPING)
            problems += [f"{page.path}: {what}" for what in found["clipped"]]
            problems += [f"{page.path}: {what}" for what in found["overlapping"]]
            if found["wider"]:
                problems.append(f"{page.path}: the page scrolls sideways with wider spacing")
    assert not problems, report(problems)


# After each Tab: the focused element, whether its focus is drawn with an
# outline (forced colours drop box-shadows and backgrounds), and whether any
# of it can be seen: some point of it not covered by other content (2.4.11).
FOCUS_NOW = (
    "() => {"
    + DESCRIBE
    + """
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
        .map(([x, y]) => [box.left + box.width * x, box.top + box.height * y])
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const seen = points.some(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === element || element.contains(hit));
    });
    return {
        element: describe(element),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        seen,
    };
}"""
)


def focus_walk(tab, limit=300):
    """[what FOCUS_NOW saw] at each Tab stop, from the top of the page until
    focus leaves it."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        now = tab.evaluate(FOCUS_NOW)
        if now is None:
            return stops
        stops.append(now)
    raise AssertionError(f"Tab never left {tab.url} after {limit} presses")


@pytest.mark.parametrize("size", SIZES)
def test_focus_is_never_hidden_behind_other_content(served_site, browser, size):
    problems = []
    with recording_context(browser, **SIZES[size]) as recorder:
        for page in pages_covering_every_kind(served_site.pages):
            recorder.visit(page.url, new_tab=True)
            stops = focus_walk(recorder.tab)
            problems += [
                f"{page.path}: {stop['element']} is hidden when focused"
                for stop in stops
                if not stop["seen"]
            ]
            if not stops:
                problems.append(f"{page.path}: Tab reaches nothing")
    assert not problems, report(problems)


# Every form control with a visible border of its own on every side.
UNOUTLINED_CONTROLS = (
    "() => {"
    + DESCRIBE
    + """
    const sides = ['Top', 'Right', 'Bottom', 'Left'];
    return [...document.querySelectorAll('button, input, select, textarea')]
        .filter(control => control.getClientRects().length > 0 && control.type !== 'hidden')
        .filter(control => control.getBoundingClientRect().width > 1)
        .filter(control => {
            const style = getComputedStyle(control);
            return !sides.every(side => style[`border${side}Style`] !== 'none'
                && parseFloat(style[`border${side}Width`]) >= 1
                && !/rgba\\(.*, 0\\)$|transparent/.test(style[`border${side}Color`]));
        })
        .map(describe);
}"""
)


def test_forced_colours_keep_focus_and_controls_visible(served_site, browser):
    problems = []
    with recording_context(browser) as recorder:
        for page in pages_covering_every_kind(served_site.pages):
            recorder.visit(page.url, new_tab=True)
            recorder.tab.emulate_media(forced_colors="active")
            assert recorder.tab.evaluate("matchMedia('(forced-colors: active)').matches")
            problems += [
                f"{page.path}: {control} has no visible border in forced colours"
                for control in recorder.tab.evaluate(UNOUTLINED_CONTROLS)
            ]
            problems += [
                f"{page.path}: {stop['element']} shows no outline when focused in forced colours"
                for stop in focus_walk(recorder.tab)
                if not stop["outline"]
            ]
    assert not problems, report(problems)


# What moves on a page: running animations, transitions, smooth scrolling.
MOTION = (
    "() => {"
    + DESCRIBE
    + """
    const seconds = value => Math.max(...value.split(',').map(part => parseFloat(part) || 0));
    const moving = [];
    for (const element of document.querySelectorAll('*')) {  // <html> too
        const style = getComputedStyle(element);
        if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) {
            moving.push(`${describe(element)} is animated (${style.animationName})`);
        }
        if (seconds(style.transitionDuration) > 0.01) {
            moving.push(`${describe(element)} has a ${style.transitionDuration} transition`);
        }
        if (style.scrollBehavior === 'smooth') moving.push(`${describe(element)} scrolls smoothly`);
    }
    return moving;
}"""
)


def test_reduced_motion_is_honoured(served_site, browser):
    problems = []
    with recording_context(browser, reduced_motion="reduce") as recorder:
        for page in served_site.pages:
            recorder.visit(page.url)
            assert recorder.tab.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
            problems += [f"{page.path}: {what}" for what in recorder.tab.evaluate(MOTION)]
    assert not problems, report(problems)


MOVING = """
.moving { transition: opacity 2s; animation: moving-spin 3s infinite; }
@keyframes moving-spin { to { transform: rotate(1turn); } }
html { scroll-behavior: smooth; }
"""


@pytest.mark.parametrize(("preference", "stopped"), [("reduce", True), ("no-preference", False)])
def test_the_stylesheet_stops_motion_a_later_rule_adds(served_site, browser, preference, stopped):
    """The check above can fail, and the site's own rule keeps it passing:
    motion added by any later style stops when readers ask for less."""
    with recording_context(browser, bypass_csp=True, reduced_motion=preference) as recorder:
        recorder.visit(served_site.url())
        recorder.tab.add_style_tag(content=MOVING)
        recorder.tab.evaluate("document.querySelector('main p').classList.add('moving')")
        moving = recorder.tab.evaluate(MOTION)
    assert (moving == []) is stopped, moving
