"""The strict content check: every content file against the schema, every
body, the checks across files, and the redirects. `invoke check` runs it
without building; every build runs it too (gate.py), reusing the scans of the
bodies Pelican already converted.

    problems, report = check_content(settings)
"""

from dataclasses import dataclass
from pathlib import Path

import markdown
from pelican.settings import read_settings

from ..body.html_scan import scan
from ..settings import with_defaults
from ..site import redirects
from ..site.authors import load_authors
from ..site.urls import OutputMap, output_map
from .rules.across_files import duplicate_outputs, tag_spellings
from .rules.body import check_body
from .rules.fields import check_fields
from .sources import discover, display_path, read_source


@dataclass
class SiteFacts:
    """What the checks compare content against."""

    content_root: Path
    images_root: Path
    images_dir: str
    authors: dict
    categories: dict
    treatments: dict
    siteurl: str
    site_map: OutputMap

    def knows_url(self, path):
        return self.site_map.knows_url(path)


@dataclass(frozen=True)
class CheckReport:
    files: int
    by_kind: dict  # kind -> number of files

    @property
    def line(self):
        kinds = ", ".join(f"{n} {kind}s" for kind, n in sorted(self.by_kind.items()))
        return f"Content check: {self.files} files ({kinds})"


def check_content(settings, scans=None, authors=None):
    """(problems, CheckReport). `scans` maps a source path to the scan of the
    body Pelican made of it (a build has them); other files are converted
    here. `authors`: the profiles the build read (else authors.yml is read)."""
    settings = with_defaults(settings)
    root = Path(settings["PATH"])
    sources, problems = [], []
    found = discover(settings)
    for path, kind in found:
        source, unreadable = read_source(path, kind, root)
        problems += unreadable
        if source:
            sources.append(source)
    if authors is None:
        authors = load_authors(root / settings["CLINIC_AUTHORS_FILE"])
    facts = site_facts(settings, sources, authors)
    converter = None
    for source in sources:
        problems += check_fields(source, facts)
        scanned = (scans or {}).get(str(source.path))
        if scanned is None:
            converter = converter or markdown.Markdown(**settings["MARKDOWN"])
            scanned = scan(converter.reset().convert(source.body))
        problems += check_body(source, scanned, facts)
    problems += duplicate_outputs(facts.site_map)
    problems += tag_spellings([s for s in sources if s.kind == "article"])
    problems += redirect_problems(settings, facts.site_map)
    by_kind = {}
    for _path, kind in found:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return problems, CheckReport(len(found), by_kind)


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
        site_map=output_map(settings, sources, authors),
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


def check_settings_file(settings_file, override=None):
    """`invoke check`: read the site's settings (no plugins, no build) and
    check its content. Returns (problems, CheckReport)."""
    return check_content(read_settings(str(settings_file), override=override))
