"""The page `invoke livereload` shows for every page while the last preview
build failed: theme/templates/build_error.html with the site's stylesheet,
listing each problem as the check tells it (file, line, field, what, fix),
or the message of whatever else failed.

Rendered here, with the theme's own templates and autoescape on, rather than
by Pelican: a failed build writes nothing, and no build ever writes this.
"""

import html
from dataclasses import dataclass
from pathlib import Path

import jinja2
from clinic.problems import ContentError

TEMPLATE = "build_error.html"
# Without JavaScript (no livereload script), how often the page asks again.
REFRESH_SECONDS = 5


@dataclass(frozen=True)
class BuildFailure:
    problems: tuple = ()  # Problems, in the order the check prints them
    message: str = ""  # what failed, when it was not the content

    @classmethod
    def of(cls, error):
        if isinstance(error, ContentError):
            return cls(problems=tuple(error.problems))
        return cls(message=f"{type(error).__name__}: {error}")


def render(failure, theme, stylesheet):
    """The error page's HTML for a BuildFailure, with the theme at `theme`;
    `stylesheet`: the URL path of the site's stylesheet."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(theme) / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        return environment.get_template(TEMPLATE).render(
            problems=failure.problems,
            message=failure.message,
            stylesheet=stylesheet,
            refresh=REFRESH_SECONDS,
        )
    except (jinja2.TemplateError, OSError) as error:
        # Someone is editing the theme: say what failed rather than nothing.
        return _bare_page(failure, error)


def _bare_page(failure, error):
    told = [f"{p.path}:{p.line}: {p.field}: {p.what} -> {p.fix}" for p in failure.problems]
    text = "\n".join([*told, failure.message, f"(The error page failed too: {error})"])
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8">'
        "<title>Cannot be shown yet | Preview</title>"
        f"<h1>This article cannot be shown yet</h1><pre>{html.escape(text)}</pre></html>"
    )
