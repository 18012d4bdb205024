"""Words that work for everyone, read from the body's scan: alt text that
describes the picture, link text that says where it leads, headings in order.

- Alt text (in the text and `hero_alt`) that says nothing to someone who
  cannot see the picture: "image", "photo", "picture of ...", a file name,
  or the page's own title (WCAG 1.1.1).
- Link text that means nothing out of context, as screen-reader users often
  hear links in a list: "click here", "here", "read more", "this link"
  (WCAG 2.4.4).
- Headings that skip a level (`##` then `####`), a second main title (`#`:
  the title is the page's `#` heading), and headings with no text (WCAG 1.3.1).
An empty alt is body.py's (and fields.py's) to report.
"""

import re

from ...problems import Problem
from .text import line_of

SAYS_NOTHING = frozenset(
    (
        "image",
        "img",
        "photo",
        "photograph",
        "picture",
        "pic",
        "graphic",
        "illustration",
        "icon",
        "screenshot",
        "banner",
        "hero",
        "placeholder",
        "untitled",
        "alt",
        "hero image",
        "alt text",
        "an image",
        "a photo",
        "a picture",
        "an illustration",
    )
)
PICTURE_OF = re.compile(r"^(?:an? )?(?:image|picture|photo|photograph|graphic|pic) of\b", re.I)
FILE_NAME = re.compile(
    r"^[\w.-]+\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|bmp|heic)$|^(?:img|dsc|dscn|pxl)[_-]?\d+$",
    re.I,
)
VAGUE_LINKS = frozenset(
    {
        "click here",
        "click",
        "here",
        "read more",
        "more",
        "learn more",
        "find out more",
        "more info",
        "more information",
        "this link",
        "link",
        "this page",
        "this",
        "go",
        "continue",
        "continue reading",
        "details",
    }
)
ALT_FIX = "describe what the picture shows, e.g. 'A nurse adjusts a recliner by a window'"


def wording_problems(source, scanned):
    return (
        alt_problems(source, scanned)
        + link_text_problems(source, scanned)
        + heading_problems(source, scanned)
    )


def alt_problems(source, scanned):
    problems = []
    title = _normal(source.meta.get("title"))
    hero_alt = source.meta.get("hero_alt")
    if isinstance(hero_alt, str):
        why = empty_alt_reason(hero_alt, title)
        if why:
            problems.append(source.problem("hero_alt", why, ALT_FIX))
    for _line, image in scanned.images:
        alt = image.get("alt") or ""
        why = empty_alt_reason(alt, title) if alt.strip() else None
        if why:
            where = line_of(source, f"![{alt}]", alt)
            problems.append(Problem(source.display, "image", why, ALT_FIX, where))
    return problems


def empty_alt_reason(alt, title=""):
    """Why an alt text tells a reader nothing, or None if it may well describe."""
    text = _normal(alt)
    if text in SAYS_NOTHING:
        return f"the alt text '{alt}' does not say what the picture shows"
    if PICTURE_OF.match(text):
        return (
            f"the alt text '{alt}' starts with what screen readers already say "
            "(that it is a picture)"
        )
    if FILE_NAME.match(text):
        return f"the alt text '{alt}' is a file name"
    if title and text == title:
        return f"the alt text '{alt}' repeats the title instead of describing the picture"
    return None


def link_text_problems(source, scanned):
    problems = []
    for _line, href, text in scanned.link_texts:
        normal = _normal(text).rstrip(".:!…")
        if not normal:
            what, fix = f"the link to {href} has no text", "write the link text inside [ ]"
        elif normal in VAGUE_LINKS or normal.startswith("click here"):
            what = f"the link text '{text}' does not say where it leads"
            fix = "say where it goes, e.g. [our treatments page](/treatments/)"
        else:
            continue
        where = line_of(source, f"[{text}]({href}", f"({href}", text)
        problems.append(Problem(source.display, "link", what, fix, where))
    return problems


def heading_problems(source, scanned):
    problems, previous = [], 1  # the page's title is its one level-1 heading
    empty_lines = _empty_heading_lines(source)
    for _line, level, text in scanned.headings:
        marks = "#" * level
        if not text:
            what, fix = "a heading has no text", f"write the heading after `{marks}`, or remove it"
        elif level == 1:
            what = f"`# {text}` is a second main title"
            fix = "use `##`: the title is the page's only `#` heading"
        elif level > previous + 1:
            what = f"`{marks} {text}` skips a level after a `{'#' * previous}` heading"
            fix = f"use `{'#' * (previous + 1)}`, or add the missing level above it"
        else:
            what = None
        if what:
            where = line_of(source, f"{marks} {text}") if text else next(empty_lines)
            problems.append(Problem(source.display, "heading", what, fix, where))
        previous = level
    return problems


def _empty_heading_lines(source):
    """The lines that are only `#` marks, in order (then the body's first line)."""
    for number, line in enumerate(source.body.splitlines(), start=source.body_line):
        if line.strip() and not line.strip().strip("#").strip():
            yield number
    while True:
        yield source.body_line


def _normal(text):
    return " ".join(str(text or "").lower().split())
