"""Writer and developer tasks: `invoke --list` shows them all."""

import datetime
import re
import shutil
import sys
import unicodedata
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PELICAN = f'"{sys.executable}" -m pelican'
HOST, PORT = "localhost", 8000


@task
def clean(c):
    """Remove the built site and the content cache."""
    for folder in (OUTPUT, ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


# The quick preview build leaves out the search index (pelicanconf.py says why).
WITH_SEARCH = "-e CLINIC_SEARCH_INDEX=true"


@task(help={"search": "Also build the search index, so /search/ works in the preview"})
def build(c, search=False):
    """Build the local preview site into output/ (drafts included)."""
    c.run(f"{PELICAN} content -s pelicanconf.py" + (f" {WITH_SEARCH}" if search else ""))


@task
def publish(c):
    """Production build: absolute URLs, feeds, no drafts; warnings are fatal."""
    c.run(f"{PELICAN} content -s publishconf.py --fatal warnings")


@task(help={"content": "Check another content folder (default: content/)"})
def check(c, content=""):
    """Check every content file (front matter, text, links) without building; list all problems."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.checks.run import check_settings_file  # noqa: PLC0415
    from clinic.problems import errors  # noqa: PLC0415

    override = {"PATH": str(Path(content).resolve())} if content else {}
    problems, report = check_settings_file(ROOT / "pelicanconf.py", override)
    print(report.line)
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.field)):
        print(problem)
    found = errors(problems)
    if found:
        sys.exit(f"{len(found)} problem(s): fix them and run `invoke check` again.")
    noted = len(problems) - len(found)
    print(f"No problems found ({noted} warning(s) to look at)." if noted else "No problems found.")


@task
def docs(c):
    """Regenerate docs/front-matter.md from the content schema."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.checks.schema_docs import front_matter_reference  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    categories = read_settings(str(ROOT / "pelicanconf.py"))["CLINIC_CATEGORIES"]
    target = ROOT / "docs" / "front-matter.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(front_matter_reference(categories), encoding="utf-8")
    print(f"Wrote {target.relative_to(ROOT)}")


@task
def serve(c):
    """Build (search index included), serve at http://localhost:8000 (no rebuilds)."""
    build(c, search=True)
    c.run(f"{PELICAN} --listen --bind {HOST} --port {PORT} -s pelicanconf.py")


# The page policy lets livereload's inline loader run; the edited page reloads
# before the search index is finished (plugins/clinic/output/search_index.py).
LIVERELOAD_SETTINGS = {
    "CLINIC_LIVERELOAD": True,
    "CLINIC_SEARCH_INDEX": True,
    "CLINIC_SEARCH_INDEX_BACKGROUND": True,
}


@task
def livereload(c):
    """Build, serve at http://localhost:8000, rebuild and reload on every save."""
    from livereload import Server  # noqa: PLC0415 (only this task needs it)
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    def rebuild():
        try:
            settings = read_settings(str(ROOT / "pelicanconf.py"), LIVERELOAD_SETTINGS)
            Pelican(settings).run()
        except Exception as error:  # keep serving; show the writer why
            print(f"\nBUILD FAILED, the browser still shows the last good build:\n{error}\n")

    rebuild()
    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py"):
        server.watch(str(ROOT / pattern), rebuild)
    server.serve(host=HOST, port=PORT, root=str(OUTPUT), default_filename="index.html")


def slugify(title):
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


ARTICLE_TEMPLATE = """\
---
title: {title}
date: {today}
author: {author}
category: {category}
tags: []
summary: One or two sentences for search results and link previews, at most 160 characters.
hero_image: {slug}.jpg
hero_alt: Describe the image for someone who cannot see it.
{status}# reviewer: daniel-reyes
# reviewed: {today}
---

Start with an opening paragraph that says who this article is for and what it covers.

## First section

Write in short paragraphs.

### A subsection

More detail here.
"""


@task(
    help={
        "title": "The article's title, in quotes",
        "category": "One of the categories in pelicanconf.py (default: Treatments)",
        "author": "A key from content/authors.yml (default: maya-okafor)",
        "draft": "Mark it as a draft so it is not published",
    }
)
def new(c, title, category="Treatments", author="maya-okafor", draft=False):
    """Create content/articles/<slug>.md with every front-matter field filled in."""
    slug = slugify(title)
    if not slug:
        sys.exit("The title needs at least one letter or digit.")
    path = CONTENT / "articles" / f"{slug}.md"
    if path.exists():
        sys.exit(f"{path.relative_to(ROOT)} already exists: choose another title.")
    text = ARTICLE_TEMPLATE.format(
        title=_yaml_string(title),
        today=datetime.date.today().isoformat(),
        author=author,
        category=category,
        slug=slug,
        status="status: draft\n" if draft else "",
    )
    path.write_text(text, encoding="utf-8")
    print(f"Created {path.relative_to(ROOT)}")
    print(f"Add the hero image as content/images/{slug}.jpg, then run: invoke livereload")


def _yaml_string(text):
    """Quote a title so YAML reads it as a plain string, whatever it contains."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@task(
    help={
        "export": "The WordPress export file (Tools > Export > All content), e.g. export.xml",
        "uploads": "A copy of the old site's wp-content/uploads folder, for the pictures",
        "map": "The category mapping file (default: wordpress-map.yml, made on the first run)",
        "force": "Also replace imported files that a writer has edited since",
        "download": "Fetch the pictures from the live site instead (needs internet)",
    }
)
# invoke makes each parameter a flag: --uploads, --map, --force, --download.
def import_wordpress(c, export, uploads="", map="", force=False, download=False):  # noqa: PLR0917
    """Move the WordPress blog in: articles, pages, pictures, authors and every old address."""
    sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "scripts")]
    from pelican.settings import read_settings  # noqa: PLC0415
    from wordpress_import.categories import MappingError  # noqa: PLC0415
    from wordpress_import.export import ExportError  # noqa: PLC0415
    from wordpress_import.run import Options  # noqa: PLC0415
    from wordpress_import.run import import_wordpress as run_import  # noqa: PLC0415

    # The production settings: the addresses the published site has.
    settings = read_settings(str(ROOT / "publishconf.py"), override={"PATH": str(CONTENT)})
    try:
        options = Options(uploads or None, map or None, force, download)
        report = run_import(Path(export), ROOT, settings, options)
    except (ExportError, MappingError) as error:
        sys.exit(str(error))
    print(report.summary())
    for line in report.lines:
        print(line)
    print("\nThe content check on the result:")
    try:
        check(c, content=str(CONTENT))
    except SystemExit as result:
        print(result)


@task
def lint(c):
    """ruff lint and format check."""
    c.run(f'"{sys.executable}" -m ruff check .')
    c.run(f'"{sys.executable}" -m ruff format --check .')


@task
def tools(c):
    """Install the npm test tools (axe-core, vnu-jar, lighthouse) pinned in package-lock.json."""
    installed_lock = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if installed_lock.exists() and installed_lock.stat().st_mtime >= lock.stat().st_mtime:
        return  # already installed from this lock file
    c.run("npm ci --no-audit --no-fund --loglevel=error")


@task(pre=[lint, check, tools])
def test(c):
    """The whole test suite (lint first)."""
    c.run(f'"{sys.executable}" -m pytest')


@task(pre=[tools])
def search_bench(c):
    """Time from Enter in the search box to the first result -> benchmarks/search.md."""
    c.run(f'"{sys.executable}" scripts/search_latency.py')


@task(pre=[tools])
def lighthouse(c):
    """Lighthouse (mobile) on four production pages -> benchmarks/lighthouse.md."""
    c.run(f'"{sys.executable}" scripts/lighthouse.py')


@task(
    help={
        "sizes": "Comma-separated article counts (default: 100,1000)",
        "repeat": "Runs of stock and ours per size; the median is reported (default: 3)",
    }
)
def bench(c, sizes="100,1000", repeat=3):
    """Build time and memory, ours vs stock Pelican -> benchmarks/build.md."""
    c.run(f'"{sys.executable}" scripts/bench.py --sizes {sizes} --repeat {repeat}')
