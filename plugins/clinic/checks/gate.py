"""The gate: every problem with the content stops the build, all at once,
before anything is published or written.

The same checks as `invoke check` (run.py), in two steps:
- before Pelican reads anything, the files (settings, authors.yml, front
  matter, redirects): a file Pelican cannot read then stops the build with
  the check's message, not Pelican's bare "Could not process", which
  `--fatal warnings` (`invoke publish`) turns into an error before any
  later step could explain it;
- once every document is read, the bodies, on the scans Pelican already
  made, plus what only a build can see: a file Pelican could not read, a
  missing thank-you page, an article that vanished without an error naming it.

Each document keeps its own warnings (`clinic_warnings`), its reading grade
(`clinic_reading_grade`, and the site's `clinic_reading_target`) and the
file a writer edits (`clinic_source`), for the writer's panel of the preview.
"""

from dataclasses import dataclass

from pelican.generators import ArticlesGenerator, PagesGenerator

from ..documents import every_document, generator_of
from ..problems import ContentError, Problem, errors, warnings
from ..settings import with_defaults
from . import tally
from .run import check_bodies, check_files
from .sources import display_path
from .state import STATE
from .writing.assess import writing_rules


def check_before_reading(pelican):
    """`initialized`, before the other parts build anything from settings
    and before Pelican reads a file."""
    settings = with_defaults(pelican.settings)
    STATE.files = files = check_files(settings, preview=is_preview(settings))
    if errors(files.problems):
        # Every problem at once: the bodies too, converted here.
        _stop(files.problems + check_bodies(files, settings).problems)


def stop_on_problems(generators):
    """`all_generators_finalized`, before any part publishes or copies anything."""
    articles_gen = generator_of(generators, ArticlesGenerator)
    pages_gen = generator_of(generators, PagesGenerator)
    settings = with_defaults(pages_gen.settings)
    documents = every_document(generators)
    files = STATE.files or check_files(settings, preview=is_preview(settings))
    STATE.files = None  # the next build checks its own files
    scans = {doc.source_path: doc.clinic_body_scan for doc in documents}
    bodies = check_bodies(files, settings, scans)
    problems = files.problems + bodies.problems
    # Pelican keys files by their path inside the content folder.
    generated = pages_gen.context["generated_content"]
    unread = [path for path, text in generated.items() if text is None]
    shown = {display_path(path, settings["PATH"]) for path in unread}
    problems += unreadable_sources(shown - {p.path for p in problems})
    problems += missing_thank_you_page(documents, settings)
    article_tally = tally.tally_articles(articles_gen)
    print(article_tally.line)
    pages = tuple(f"{sub.strip('/')}/" for sub in settings["PAGE_PATHS"])
    unread_articles = [path for path in unread if not path.startswith(pages)]
    if tally.missing(article_tally) > len(unread_articles):
        # Some article vanished without any error naming it: the safety net.
        problems.append(tally.missing_articles_problem(article_tally))
    reading = Reading(bodies.grades, writing_rules(settings).reading_target)
    attach_notes(documents, told_order(warnings(problems)), reading, settings["PATH"])
    _stop(problems)


def is_preview(settings):
    # A preview only warns about what just stops publishing (placeholders).
    return not settings["CLINIC_PRODUCTION"]


def told_order(problems):
    return sorted(problems, key=lambda p: (p.path, p.line, p.field))


def _stop(problems):
    """Tell the warnings; stop the build if any problem is an error."""
    for warning in told_order(warnings(problems)):
        print(warning)
    if errors(problems):
        raise ContentError(problems)


@dataclass(frozen=True)
class Reading:
    grades: dict  # file -> reading grade (None: no running text)
    target: float  # the grade the site aims at or below


def attach_notes(documents, told, reading, content_root):
    """Each document gets the warnings about its own file, in the order told,
    its reading grade and the site's target."""
    by_file = {}
    for warning in told:
        by_file.setdefault(warning.path, []).append(warning)
    for doc in documents:
        doc.clinic_source = display_path(doc.source_path, content_root)
        doc.clinic_warnings = by_file.get(doc.clinic_source, [])
        doc.clinic_reading_grade = reading.grades.get(doc.clinic_source)
        doc.clinic_reading_target = reading.target


def unreadable_sources(paths):
    # Pelican records a file it could not read as None and moves on; for us
    # that is a page silently missing, so it stops the build. The content
    # check usually says why; this covers whatever it did not.
    return [
        Problem(
            path,
            "file",
            "Pelican could not read this file (see the error logged above)",
            "fix the front matter: it needs `---` lines around valid YAML and a title",
        )
        for path in sorted(paths)
    ]


def missing_thank_you_page(documents, settings):
    wanted = settings["NEWSLETTER_THANK_YOU_URL"]
    if any(doc.url == wanted for doc in documents):
        return []
    return [
        Problem(
            "content/pages",
            "NEWSLETTER_THANK_YOU_URL",
            f"no page has the URL {wanted}",
            "add content/pages/thank-you.md with `slug: newsletter/thank-you`",
        )
    ]
