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
from ..seam import Seam
from ..settings import with_defaults
from ..site import redirects
from ..site.authors import load_authors
from ..site.urls import OutputMap, output_map
from .rules.across_files import duplicate_outputs, tag_spellings
from .rules.body import check_body
from .rules.fields import check_fields
from .sources import discover, read_source


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
        source, unreadable = READ.runner(path, kind, root)
        problems += unreadable
        if source:
            sources.append(source)
    if authors is None:
        authors = load_authors(root / settings["CLINIC_AUTHORS_FILE"])
    facts = site_facts(settings, sources, authors)
    converter = None
    for source in sources:
        scanned = (scans or {}).get(str(source.path))
        if scanned is None:
            converter = converter or markdown.Markdown(**settings["MARKDOWN"])
            scanned = scan(converter.reset().convert(source.body))
        problems += CHECK_FILE.runner(source, scanned, facts)
    problems += duplicate_outputs(facts.site_map)
    problems += tag_spellings([s for s in sources if s.kind == "article"])
    problems += redirect_problems(settings, facts.site_map)
    by_kind = {}
    for _path, kind in found:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return problems, CheckReport(len(found), by_kind)


def check_file(source, scanned, facts):
    """Every problem of one file: its front matter and its body (`scanned`:
    the scan of the body as Markdown made it)."""
    return check_fields(source, facts) + check_body(source, scanned, facts)


# The seams to the speed part, which keeps both answers while the file is
# unchanged (and, for check_file, what the checks know of the site too):
# `READ.runner(path, kind, content_root)` gives read_source's answer,
# `CHECK_FILE.runner(source, scanned, facts)` gives check_file's.
READ = Seam(read_source)
CHECK_FILE = Seam(check_file)


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
    name = settings["CLINIC_REDIRECTS_FILE"]
    found, problems = redirects.read_redirects(Path(settings["PATH"]) / name, name)
    return problems + redirects.check(found, site_map, name)


def check_settings_file(settings_file, override=None):
    """`invoke check`: read the site's settings (no plugins, no build) and
    check its content. Returns (problems, CheckReport)."""
    return check_content(read_settings(str(settings_file), override=override))
