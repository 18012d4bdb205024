"""HTML in a body: only what the allowlist (body/allowlist.py) lists. Each
element, attribute or address it refuses is named with its line and what to
do instead, and stops every build: pasted tracking codes, embeds, forms,
pictures from other websites, scripts in links.

The sanitizer removes the same things from what is written (pages and
feeds); this is how the writer hears of it first."""

from ...body.allowlist import ELEMENTS, EVERY_ELEMENT, scheme

# Elements refused, by what they would do: (names, what, fix); {tag} is the element.
ELEMENT_MESSAGES = (
    (
        {"script"},
        "{tag} is not allowed in the text: it runs code, as tracking codes (pixels, analytics) do",
        "remove it: articles run no scripts, and the site never loads trackers",
    ),
    (
        {"noscript"},
        "{tag} is the part of a tracking code (such as a pixel) that reports readers even "
        "without scripts",
        "remove it with the rest of the tracking code: the site never loads trackers",
    ),
    (
        {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"},
        "{tag} would show another website inside the page, and tell it who is reading",
        "remove it and link to the page instead, e.g. [Watch the video](https://...)",
    ),
    (
        {"video", "audio", "source", "track", "picture"},
        "{tag} would play a file inside the page",
        "remove it and link to the video or recording instead, e.g. [Watch the video](https://...)",
    ),
    (
        {"link", "meta", "base", "style", "head", "body", "html", "title"},
        "{tag} changes how the whole page loads or looks, or sends readers elsewhere",
        "remove it: the site's own stylesheet and settings apply to every page",
    ),
    (
        {"form", "input", "button", "select", "option", "textarea", "label", "fieldset"},
        "{tag} would send what readers type to another website",
        "remove it and link to the newsletter page (/newsletter/) or a location's phone "
        "number instead",
    ),
    (
        {"svg", "math", "canvas"},
        "{tag} drawings can run code",
        "save the drawing as a PNG picture in content/images/ and show it with "
        "![what it shows](/images/drawing.png)",
    ),
)
LINK_FIX = "link to a web address (https://...) or a page of this site (/treatments/)"
MARKDOWN_FIX = (
    "remove the tag and keep its text, or write it in Markdown (*emphasis*, **strong**, "
    "## heading, - list); docs/front-matter.md lists the HTML the site allows"
)


def check_html(source, found):
    """`found`: the scan of the body (body/html_scan.py), with its refusals."""
    lines = _Lines(source)
    problems = []
    for _line, refusal in found.refused:
        field, what, fix, needles = describe(refusal)
        problems.append(source.problem(field, what, fix, line=lines.find(needles)))
    change = found.sanitizer_change
    if change is not None and not found.refused:
        # Markup this check and the sanitizer read differently: say so, never fix it quietly.
        problems.append(
            source.problem(
                "html",
                "this HTML is broken or incomplete (a tag left open, or markup a browser "
                "reads differently), so the site would have to change it",
                "close every tag you open, or write this part in Markdown",
                line=lines.find([change.text]),
            )
        )
    return problems


def describe(refusal):
    """(field, what, fix, text to find it by in the Markdown) for one Refusal."""
    tag, name, value = refusal.tag, refusal.attribute, refusal.value
    if not name:
        what, fix = _element(tag)
        return "html", what, fix, [f"<{tag}"]
    if name == "src":
        return "image", *_picture_source(value), _url_needles(value)
    if name == "href":
        kind = scheme(value)
        what = (
            f"{value} runs code instead of opening a page"
            if kind == "javascript"
            else f"{value} is not a web, email or phone address"
        )
        return "link", what, LINK_FIX, _url_needles(value)
    # A table column aligned with `:` makes a style attribute the Markdown does not show.
    table = [":--", "--:"] if name == "style" else []
    return "html", *_attribute(tag, name, value), [f"{name}=", name, *table]


def _element(tag):
    for names, what, fix in ELEMENT_MESSAGES:
        if tag in names:
            return what.format(tag=f"`<{tag}>`"), fix
    if tag.startswith(("!", "?")):  # a declaration or processing instruction
        return f"`<{tag}` is not HTML a page's text may hold", "remove it"
    return f"`<{tag}>` is not one of the HTML elements the site allows", MARKDOWN_FIX


def _picture_source(value):
    if scheme(value) == "data":
        return (
            f"{value[:40]}... is a picture pasted into the text",
            "save it as a file in content/images/ and show it with "
            "![what it shows](/images/file.jpg)",
        )
    return (
        f"{value} is a picture on another website: it would tell that site who reads the "
        "page, in feed readers too",
        "download it into content/images/ (only a picture the clinic may use: keep a note "
        "of its licence), then show it with ![what it shows](/images/file.jpg)",
    )


def _attribute(tag, name, value):
    shown = f"`{name}` on `<{tag}>`"
    if name.startswith("on"):
        return f"{shown} runs code", "remove it: articles run no scripts"
    if name == "style":
        return (
            f"{shown} sets its own look, which the site's security policy blocks",
            "remove it; a table column aligned with `:` in its `---` line makes one: "
            "write that line with dashes only, |---|",
        )
    if name == "ping":
        return f"{shown} tells another website who clicked the link", "remove it"
    if name == "class":
        return f"class `{value}` on `<{tag}>` is not one the site uses", "remove it"
    allowed = ", ".join((*ELEMENTS.get(tag, ()), *EVERY_ELEMENT))
    return f"{shown} is not an attribute the site allows", f"remove it; <{tag}> may have: {allowed}"


def _url_needles(value):
    # A raw `&amp;` in the Markdown reads as `&`: then the part before it is found.
    return [value, value.split("&")[0]] if value else ["src="]


class _Lines:
    """Finds what the HTML holds in the Markdown below the front matter: the
    next line holding it each time, so two of a kind get their own lines."""

    def __init__(self, source):
        self.first = source.body_line
        self.lines = [line.lower() for line in source.body.splitlines()]
        self.after = {}  # text -> index of the line after the one it was last found on

    def find(self, needles):
        for needle in needles:
            text = needle.lower()
            start = self.after.get(text, 0)
            for index in range(start, len(self.lines)):
                if text and text in self.lines[index]:
                    self.after[text] = index + 1
                    return self.first + index
            if start:  # found before, and no further: the same line again
                return self.first + start - 1
        return self.first
