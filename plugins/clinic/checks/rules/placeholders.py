"""The example texts `invoke new` writes (scaffold.py) must not be published:
each one left in an article, in the front matter or as a line of the body,
is a problem naming the line and what to write instead.

In a preview build they are warnings: the writer sees the new article, with
them listed in the writer's panel, while writing it. `invoke check` and the
production build refuse them."""

from ...problems import Problem
from ...scaffold import PLACEHOLDERS

BODY_TEXTS = frozenset(p.text for p in PLACEHOLDERS if p.field == "body")
# Each body placeholder's first word: a line starting with none of them is
# passed over without more work (a preview checks every line of every article).
_FIRST_WORDS = frozenset(text.split()[0] for text in BODY_TEXTS)


def check_placeholders(source, preview=False):
    """Every placeholder left in one article (SourceFile)."""
    if source.kind != "article":
        return []
    problems, in_body = [], _body_placeholders(source)
    for placeholder in PLACEHOLDERS:
        if placeholder.field == "body":
            lines = in_body.get(placeholder.text, [])
        elif _plain(source.meta.get(placeholder.field)) == placeholder.text:
            lines = [source.line(placeholder.field)]
        else:
            lines = []
        problems += [_problem(source, placeholder, line, preview) for line in lines]
    return problems


def _problem(source, placeholder, line, preview):
    if placeholder.field == "body":
        what = f"'{placeholder.text}' is the example text `invoke new` wrote"
    else:
        what = "is the example text `invoke new` wrote"
    if preview:
        what += " (it cannot be published)"
    return Problem(source.display, placeholder.field, what, placeholder.fix, line, preview)


def _body_placeholders(source):
    """{placeholder text: [line numbers]} of the body's lines that are one."""
    found = {}
    for number, line in enumerate(source.body.splitlines(), start=source.body_line):
        words = line.split()
        if words and words[0] in _FIRST_WORDS and " ".join(words) in BODY_TEXTS:
            found.setdefault(" ".join(words), []).append(number)
    return found


def _plain(value):
    """Text with its spacing made plain, as a writer would see it."""
    return " ".join(str(value or "").split())
