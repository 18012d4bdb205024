"""The strict content check: every content file against the schema, every
body, the checks across files (same page, same title or summary, tag
spellings), the redirects, authors.yml and the settings
from the environment. `invoke check` runs it without building; every build
runs it too (gate.py): the files before Pelican reads any of them, the
bodies once Pelican has converted them (reusing its scans).

    problems, report = check_content(settings)
    files = check_files(settings)  # everything but the bodies
    problems = files.problems + check_bodies(files, settings, scans)
"""

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import markdown
from pelican.settings import read_settings

from ..body.steps import checked
from ..seam import Seam
from ..settings import with_defaults
from ..site import redirects
from ..site.urls import OutputMap, output_map
from . import inputs
from .rules.across_files import (
    duplicate_outputs,
    same_title_or_summary,
    tag_spellings,
    unpublished_links,
)
from .rules.body import check_body
from .rules.fields import check_fields
from .rules.files import check_content_folder
from .rules.html import check_html
from .rules.placeholders import check_placeholders
from .sources import discover, display_path, read_source
from .writing.assess import WritingRules, assess_writing, writing_rules


@dataclass
class SiteFacts:
    """What the checks compare content against."""

    content_root: Path
    images_root: Path
    images_dir: str
    authors: dict | None  # None when authors.yml cannot be read (its problem is told)
    categories: dict
    treatments: dict
    siteurl: str
    site_map: OutputMap
    settings: dict  # with defaults: what Pelican makes addresses from
    sources_by_path: dict  # normalised path on disk -> SourceFile
    writing: WritingRules

    def knows_url(self, path):
        return self.site_map.knows_url(path)


@dataclass(frozen=True)
class CheckReport:
    files: int
    by_kind: dict  # kind -> number of files
    grades: dict = field(default_factory=dict)  # file -> reading grade (None: no text)

    @property
    def line(self):
        kinds = ", ".join(f"{n} {kind}s" for kind, n in sorted(self.by_kind.items()))
        return f"Content check: {self.files} files ({kinds})"


@dataclass
class FileCheck:
    """What the check found before reading any body."""

    sources: list  # SourceFile of every content file that could be read
    facts: SiteFacts
    problems: list
    report: CheckReport


def check_content(settings, scans=None, preview=False):
    """(problems, CheckReport). `scans` maps a source path to the scan of the
    body Pelican made of it; other bodies are converted here. `preview`: a
    preview build, where what only stops publishing (the placeholders of
    `invoke new`) is a warning."""
    files = check_files(settings, preview)
    bodies = check_bodies(files, settings, scans)
    return files.problems + bodies.problems, replace(files.report, grades=bodies.grades)


def check_files(settings, preview=False):
    """Every input but the bodies: settings, authors.yml, each file's front
    matter and the placeholders left in it, the checks across files, the
    redirects."""
    settings = with_defaults(settings)
    root = Path(settings["PATH"])
    sources, problems = [], inputs.settings_problems(settings)
    found = discover(settings)
    for path, kind in found:
        source, unreadable = READ.runner(path, kind, root)
        problems += unreadable
        if source:
            sources.append(source)
    authors, authors_problems = inputs.authors_problems(settings)
    problems += authors_problems
    facts = site_facts(settings, sources, authors)
    problems += facts.writing.setting_problems
    for source in sources:
        problems += CHECK_FRONT.runner(source, facts, preview)
    problems += duplicate_outputs(facts.site_map, sources, settings)
    problems += same_title_or_summary(sources)
    problems += tag_spellings([s for s in sources if s.kind == "article"])
    problems += redirect_problems(settings, facts.site_map)
    problems += check_content_folder(settings)
    by_kind = {}
    for _path, kind in found:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return FileCheck(sources, facts, problems, CheckReport(len(found), by_kind))


@dataclass
class BodyCheck:
    problems: list
    grades: dict  # file -> reading grade (None: no text)


def check_bodies(files, settings, scans=None):
    """Every body's problems, and its reading grade. `scans`: {source path:
    ScannedHtml} of the bodies Pelican converted; the others are converted
    here."""
    problems, grades, converter = [], {}, None
    for source in files.sources:
        scanned = (scans or {}).get(str(source.path))
        if scanned is None:
            converter = converter or markdown_converter(settings)
            scanned = checked(converter.reset().convert(source.body), settings["SITEURL"])[0]
        found, grades[source.display] = CHECK_BODY.runner(source, scanned, files.facts)
        problems += found
    return BodyCheck(problems, grades)


def markdown_converter(settings):
    """Markdown as the site's reader converts a body: Pelican turns on every
    extension named in MARKDOWN's extension_configs (tables, attribute lists,
    footnotes...), and pelican-yaml-metadata leaves out `meta`."""
    options = dict(settings["MARKDOWN"])
    extensions = list(options.get("extensions", []))
    extensions += [name for name in options.get("extension_configs", {}) if name not in extensions]
    options["extensions"] = [name for name in extensions if name != "markdown.extensions.meta"]
    return markdown.Markdown(**options)


def check_front_of(source, facts, preview):
    """The problems of one file's front matter, and the placeholders of
    `invoke new` left in it (warnings in a `preview`)."""
    return check_fields(source, facts) + check_placeholders(source, preview)


def check_body_of(source, scanned, facts):
    """(problems, reading grade) of one file's body (`scanned`: the scan of
    the body as Markdown made it)."""
    written = assess_writing(source, scanned, facts.writing)
    problems = (
        check_body(source, scanned, facts)
        + check_html(source, scanned)
        + unpublished_links(source, scanned, facts)
        + written.problems
    )
    return problems, written.reading.grade


# The seams to the speed part, which keeps the answers while the file is
# unchanged (and, for the checks, what they know of the site too):
# `READ.runner(path, kind, content_root)` gives read_source's answer,
# `CHECK_FRONT.runner(source, facts, preview)` check_front_of's,
# `CHECK_BODY.runner(source, scanned, facts)` check_body_of's.
READ = Seam(read_source)
CHECK_FRONT = Seam(check_front_of)
CHECK_BODY = Seam(check_body_of)


def site_facts(settings, sources, authors):
    root = Path(settings["PATH"])
    images_dir = settings["CLINIC_IMAGES_PATH"]
    return SiteFacts(
        content_root=root,
        images_root=root / images_dir,
        images_dir=images_dir,
        authors=authors,
        categories=settings["CLINIC_CATEGORIES"],
        treatments=settings["CLINIC_TREATMENTS"],
        siteurl=settings["SITEURL"],
        site_map=output_map(settings, sources, authors or {}),
        settings=settings,
        sources_by_path={os.path.normpath(source.path): source for source in sources},
        writing=writing_rules(settings),
    )


def redirect_problems(settings, site_map):
    """Every problem with the redirects file: lines that cannot be read, and
    redirects that point nowhere, hide a page, loop or chain."""
    path = Path(settings["PATH"]) / settings["CLINIC_REDIRECTS_FILE"]
    # Named from the project folder, as every content file is: the path an
    # editor opens, and the one GitHub annotates on the pull request.
    shown = display_path(path, settings["PATH"])
    found, problems = redirects.read_redirects(path, shown)
    return problems + redirects.check(found, site_map, shown)


def check_settings_file(settings_file, override=None, environ=os.environ):
    """`invoke check`: read the site's settings (no plugins, no build) and
    check its content, and the settings set in the environment. Returns
    (problems, CheckReport)."""
    problems, report = check_content(read_settings(str(settings_file), override=override))
    return problems + inputs.environment_problems(environ), report
