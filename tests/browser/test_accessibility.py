"""WCAG 2.2 AA in a real browser: axe-core on every page in light and dark
colour schemes (its WCAG 2.0, 2.1 and 2.2 A and AA rules, target size
included), the skip link, and a visible focus outline on everything a
keyboard can reach. test_wcag22.py checks what axe cannot."""

import pytest
from bs4 import BeautifulSoup

from .support import recording_context, report

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    # axe ships its one WCAG 2.2 AA rule (2.5.8, targets of at least 24x24 CSS
    # px or spaced as far apart) turned off; the tag alone does not turn it on.
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
WCAG22_RULES = {"target-size"}
SCHEMES = ("light", "dark")
# What axe reports for every rule it ran, even when only violations are asked for.
RAN = ("violations", "passes", "incomplete", "inapplicable")


def describe(page, scheme, violation):
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    more = len(violation["nodes"]) - 5
    if more > 0:
        targets += f" (and {more} more)"
    return (
        f"{page.path} [{scheme}] {violation['id']}: {violation['help']} "
        f"({violation['impact']}) at {targets} - {violation['helpUrl']}"
    )


@pytest.fixture(scope="module")
def axe_violations(served_site, browser, axe_source):
    """{scheme: [readable violation]} over every page: one load per page,
    axe run once per colour scheme."""
    found = {scheme: [] for scheme in SCHEMES}
    with recording_context(browser) as recorder:
        for page in served_site.pages:
            recorder.visit(page.url)
            tab = recorder.tab
            # Evaluated through the DevTools protocol rather than added as a
            # <script>, so a Content-Security-Policy cannot block the checker.
            tab.evaluate(axe_source)
            for scheme in SCHEMES:
                tab.emulate_media(color_scheme=scheme)
                result = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                found[scheme] += [describe(page, scheme, v) for v in result["violations"]]
                ran = {rule["id"] for kind in RAN for rule in result[kind]}
                found[scheme] += [
                    f"{page.path} [{scheme}] axe did not run its {rule} rule"
                    for rule in WCAG22_RULES - ran
                ]
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violations(axe_violations, scheme):
    assert not axe_violations[scheme], report(axe_violations[scheme])


def test_skip_link_is_first_and_moves_focus_to_main(served_site, browser):
    problems = []
    with recording_context(browser) as recorder:
        for page in served_site.pages:
            recorder.visit(page.url)
            tab = recorder.tab
            tab.keyboard.press("Tab")
            first = tab.evaluate(
                """() => {
                    const link = document.activeElement, main = document.querySelector('main');
                    const box = link.getBoundingClientRect();
                    return {
                        element: link.outerHTML.slice(0, 80),
                        href: link.getAttribute('href'),
                        main: main && main.id ? '#' + main.id : null,
                        onScreen: box.width > 0 && box.top >= 0 && box.bottom <= innerHeight,
                    };
                }"""
            )
            if first["main"] is None or first["href"] != first["main"]:
                problems.append(
                    f"{page.path}: the first Tab stop is {first['element']}, not a link to main"
                )
                continue
            if not first["onScreen"]:
                problems.append(f"{page.path}: the skip link is not on screen when focused")
            tab.keyboard.press("Enter")
            if not tab.evaluate("document.activeElement === document.querySelector('main')"):
                problems.append(
                    f"{page.path}: activating the skip link does not move focus to <main>"
                )
    assert not problems, report(problems)


# Records, at each focus, how the element looks focused; after the walk
# (focus has left the page) the same elements are measured at rest.
WATCH_FOCUS = """() => {
    const look = element => {
        const style = getComputedStyle(element);
        return {
            outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
            outlineColor: style.outlineColor,
            shadow: style.boxShadow,
        };
    };
    window.focusLog = [];
    document.addEventListener('focusin', event => window.focusLog.push({
        element: event.target,
        focused: {...look(event.target), visible: event.target.matches(':focus-visible')},
    }));
    window.focusReport = () => {
        const describe = element => {
            const label = (element.textContent.trim() || element.getAttribute('name') || '');
            return `<${element.tagName.toLowerCase()}${element.id ? ' id=' + element.id : ''}>`
                + ` "${label.slice(0, 40)}"`;
        };
        const reached = new Set(window.focusLog.map(stop => stop.element));
        const tabbable = [...document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
            .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
        return {
            stops: window.focusLog.map(stop => ({
                element: describe(stop.element), focused: stop.focused, resting: look(stop.element),
            })),
            unreached: tabbable.filter(e => !reached.has(e)).map(describe),
            tabbable: tabbable.length,
            stillFocused: document.activeElement !== document.body,
        };
    };
}"""


def focus_problem(stop):
    focused, resting = stop["focused"], stop["resting"]
    if not focused["visible"]:
        return "does not match :focus-visible when reached by Tab"
    outline = focused["outline"] >= 2 and (
        resting["outline"] < 2 or focused["outlineColor"] != resting["outlineColor"]
    )
    shadow = focused["shadow"] != "none" and focused["shadow"] != resting["shadow"]
    if not (outline or shadow):
        return f"shows no focus indicator (focused {focused}, at rest {resting})"
    return None


def tab_through(tab, limit=500):
    """Press Tab until focus has visited everything and left the page."""
    tab.evaluate(WATCH_FOCUS)
    presses = tab.evaluate("() => window.focusReport().tabbable") + 1
    for _ in range(limit):
        for _ in range(presses):
            tab.keyboard.press("Tab")
        walk = tab.evaluate("() => window.focusReport()")
        if not walk["stillFocused"]:
            return walk
        presses = 1  # something Tab reaches that the count missed: go on
    raise AssertionError(f"Tab never left {tab.url} after {limit} presses")


INTERACTIVE = "a[href], button, input, select, textarea, summary, [tabindex]"


def kinds_of_interactive_element(page):
    """Each interactive element as a kind: tag, type, its classes and those of
    its nearest classed ancestor (a nav link, a card title link, a link in an
    article body, the email input...)."""
    html = BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser")
    kinds = set()
    for element in html.select(INTERACTIVE):
        parent = element.find_parent(class_=True)
        kinds.add(
            (
                element.name,
                element.get("type"),
                " ".join(element.get("class", [])),
                " ".join(parent.get("class", [])) if parent else "",
            )
        )
    return kinds


def pages_covering_every_kind(pages):
    """Focus styles come from one stylesheet and elements from the templates,
    so walking every page repeats itself: walk, richest first, each page that
    has a kind of element not yet walked, plus one page of every template. A
    page added later with something new (a search box) is walked too."""
    kinds = {page: kinds_of_interactive_element(page) for page in pages}
    walked, seen_kinds, seen_templates = [], set(), set()
    for page in sorted(pages, key=lambda p: len(kinds[p]), reverse=True):
        if kinds[page] - seen_kinds or page.template not in seen_templates:
            walked.append(page)
            seen_kinds |= kinds[page]
            seen_templates.add(page.template)
    return walked


def test_every_interactive_element_is_reached_by_tab_and_shows_focus(served_site, browser):
    problems = []
    with recording_context(browser) as recorder:
        for page in pages_covering_every_kind(served_site.pages):
            recorder.visit(page.url, new_tab=True)
            walk = tab_through(recorder.tab)
            problems += [
                f"{page.path}: {stop['element']} {focus_problem(stop)}"
                for stop in walk["stops"]
                if focus_problem(stop)
            ]
            problems += [
                f"{page.path}: {element} is never reached by Tab" for element in walk["unreached"]
            ]
            if not walk["stops"]:
                problems.append(f"{page.path}: Tab reaches nothing")
    assert not problems, report(problems)
