"""What the plugin works out from an article or page body alone, once per body.

For each body as Markdown made it: the content check's scan of the body as
written (html_scan.py), the body sanitized against the allowlist
(sanitize.py), then its typographic version (typeset.py) with external links
marked and root-relative addresses put under the site's path (links.py), its
plain-text opening (for descriptions and cards) and its word count (for the
reading time). They depend on nothing but the body and SITEURL.

`run(instance, then)` is the seam between the site and the speed part: it
hands `then(instance, steps)` the BodySteps of the instance's body. Inline by
default (computed here, at once); the speed part installs a runner that keeps
results between builds and sends long batches to worker processes, calling
`then` later. Either way `then` sees the same BodySteps, so the site built is
the same byte for byte (tests/speed/).
"""

from dataclasses import dataclass

from . import html_scan, links, sanitize
from .typeset import typogrify
from .typography import plain_text, shorten


@dataclass(frozen=True)
class BodySteps:
    linked: str  # the body sanitized, typeset, external links marked: what the page shows
    opening: str  # plain-text opening, for descriptions
    words: int  # words of plain text, for the reading time
    scanned: html_scan.ScannedHtml  # the content check's scan of the body as written


def compute(fragment, siteurl):
    """Every step. Links are marked before typogrify, in the scan's pass:
    typogrify leaves tags as they are, so the page is the same as marking
    them after it (tests/body/), except in broken raw HTML, marked again after."""
    scanned, marked = checked(fragment, siteurl)
    linked = typogrify(marked) if marked else marked
    if links.has_unmarked_external_link(linked, siteurl):  # broken raw HTML only
        # Its addresses are already under the site's path: only mark.
        linked = html_scan.scan_marking_links(linked, siteurl, under_site_path=False)[1]
    text = plain_text(linked)
    return BodySteps(linked, shorten(text), len(text.split()), scanned)


def checked(fragment, siteurl):
    """(the check's scan of the body as written, the body as it may be
    written: sanitized, its external links marked). The content check uses
    the scan alone (checks/run.py) when it runs without a build."""
    scanned, marked = html_scan.scan_marking_links(fragment, siteurl)
    written, scanned.sanitizer_change = sanitize.sanitize(fragment)
    if written is not fragment:  # something removed: mark what is left
        marked = html_scan.scan_marking_links(written, siteurl)[1]
    return scanned, marked


def run_inline(instance, then):
    """The default runner: every step now, nothing kept."""
    then(instance, compute(instance._content, instance.settings["SITEURL"]))


class BodyRunner:
    """The body part's one piece of state: the runner behind `run`."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.runner = run_inline

    def use(self, runner):
        self.runner = runner


RUNNER = BodyRunner()


def run(instance, then):
    """The body steps of `instance._content` (the body as Markdown made it),
    handed to `then(instance, steps)`: at once, or later if the speed part
    defers the body to a worker (always before Pelican lists the articles)."""
    RUNNER.runner(instance, then)
