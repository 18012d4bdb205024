"""Writer and developer tasks: `invoke --list` shows them all."""

import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

from invoke import call, task

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


@task(
    help={
        "content": "Check another content folder (default: content/)",
        "github": "In GitHub Actions, also annotate the pull request (default: yes)",
    }
)
def check(c, content="", github=True):
    """Check every content file (front matter, text, links) without building; list all problems."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.checks.run import check_settings_file  # noqa: PLC0415
    from clinic.problems import errors, tell_github  # noqa: PLC0415

    override = {"PATH": str(Path(content).resolve())} if content else {}
    problems, report = check_settings_file(ROOT / "pelicanconf.py", override)
    print(report.line)
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.field)):
        print(problem)
    if github:
        tell_github("Content check", problems, report.line.replace("Content check: ", "Checked "))
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


# decap-server's git mode checks out branches and commits everything in its
# folder: it gets a clone of its own, never the folder you work in.
EDITOR_REPOSITORY = ROOT / "cache" / "editor-repository"
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


@task
def editor(c):
    """Try the browser editor at http://localhost:8000/admin/ (saves go to a copy of the repo)."""
    node = shutil.which("node")
    if not node or not DECAP_SERVER.is_file():
        sys.exit("The editor needs Node.js and decap-server: run .venv/bin/invoke tools first.")
    repository = editor_repository()
    environ = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repository)}
    environ.update(PORT="8081", BIND_HOST="localhost", LOG_LEVEL="warn")
    server = subprocess.Popen([node, str(DECAP_SERVER)], env=environ)
    print(f"Saving in the editor makes branches cms/... in {repository.relative_to(ROOT)}.")
    # Stopped by Ctrl+C or a kill: decap-server stops too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        livereload(c)
    finally:
        server.terminate()
        server.wait()


def editor_repository(folder=EDITOR_REPOSITORY):
    """A clone of this repository (its last commit) for decap-server to save into."""
    if not (folder / ".git").exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True)
    return folder


def slugify(title):
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


ARTICLE_BODY = """
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
    front_matter = {
        "title": title,
        "date": datetime.date.today().isoformat(),
        "author": author,
        "category": category,
        "tags": [],
        "summary": "One or two sentences for search results and link previews, "
        "at most 160 characters.",
        "hero_image": f"{slug}.jpg",
        "hero_alt": "Describe the image for someone who cannot see it.",
    }
    if draft:
        front_matter["status"] = "draft"
    # Written as the browser editor writes it (`invoke tidy` keeps files so).
    path.write_text(f"---\n{_editor_yaml(front_matter)}---\n{ARTICLE_BODY}", encoding="utf-8")
    print(f"Created {path.relative_to(ROOT)}")
    print(f"Add the hero image as content/images/{slug}.jpg, then run: invoke livereload")
    print(
        "Once a clinician has checked it, add `reviewer:` and `reviewed:` (docs/front-matter.md)."
    )


def _editor_yaml(front_matter):
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.editor.yaml_style import dump  # noqa: PLC0415

    return dump(front_matter)


@task(help={"content": "Tidy another content folder (default: content/)"})
def tidy(c, content=""):
    """Write every content file's front matter as the browser editor writes it."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.checks.sources import discover  # noqa: PLC0415
    from clinic.editor.yaml_style import editor_style  # noqa: PLC0415
    from clinic.schema import SCHEMAS  # noqa: PLC0415
    from clinic.settings import with_defaults  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    override = {"PATH": str(Path(content).resolve())} if content else {}
    settings = with_defaults(read_settings(str(ROOT / "pelicanconf.py"), override=override))
    root = Path(settings["PATH"]).parent
    changed = 0
    for path, kind in discover(settings):
        text = path.read_text(encoding="utf-8")
        tidied = editor_style(text, [field.name for field in SCHEMAS[kind]])
        if tidied != text:
            path.write_text(tidied, encoding="utf-8")
            print(f"Tidied {path.relative_to(root)}")
            changed += 1
    print(f"{changed} file(s) tidied." if changed else "Every file is tidy.")


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


# CI runs `invoke check` as a step of its own, which tells GitHub; the
# suite's own run of it stays quiet there, so nothing is annotated twice.
@task(pre=[lint, call(check, github=False), tools])
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
