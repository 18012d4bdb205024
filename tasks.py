"""Writer and developer tasks: `invoke --list` shows them all."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from invoke import call, task

ROOT = Path(__file__).parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PELICAN = f'"{sys.executable}" -m pelican'
HOST, PORT = "localhost", 8000
LOCAL_SETTINGS = ROOT / "pelicanconf.py"  # `invoke new` reads its article addresses


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
def tools(c):
    """Install the npm packages in package-lock.json: the editor's Decap CMS and the
    test tools (axe-core, vnu-jar, lighthouse, wrangler)."""
    installed_lock = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if installed_lock.exists() and installed_lock.stat().st_mtime >= lock.stat().st_mtime:
        return  # already installed from this lock file
    if shutil.which("npm") is None:
        sys.exit(
            "The editor and the test tools are npm packages, and npm is not installed: "
            "install Node.js 20 with npm (https://nodejs.org), then run the command again."
        )
    c.run("npm ci --no-audit --no-fund --loglevel=error")


# The npm packages first: the published editor (/admin/) is Decap CMS as npm
# installs it (plugins/clinic/editor/decap.py), and CI's production build runs
# before its tests would install them.
@task(pre=[tools])
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
    print("Reading grade (Flesch-Kincaid) of each file:")
    for path, grade in report.grades.items():
        print(f"  {'-' if grade is None else grade:>5}  {path}")
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
def reviews(c):
    """List the articles whose medical review is due, in Markdown (the daily CI run's summary)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from clinic.checks.writing.assess import writing_rules  # noqa: PLC0415
    from clinic.checks.writing.review_dates import reviews_due  # noqa: PLC0415
    from clinic.settings import with_defaults  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = with_defaults(read_settings(str(ROOT / "pelicanconf.py")))
    rules = writing_rules(settings)
    print(reviews_due(settings, rules.review_months, rules.today), end="")


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
    """Build, serve at http://localhost:8000, rebuild and reload on every save;
    while a build fails, every page says what to fix."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from writer_tools.live_preview import LivePreview  # noqa: PLC0415

    preview = LivePreview(ROOT / "pelicanconf.py", LIVERELOAD_SETTINGS, ROOT / "theme")
    watched = ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py")
    preview.serve(HOST, PORT, OUTPUT, [ROOT / pattern for pattern in watched])


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


@task(
    help={
        "title": "The article's title, in quotes",
        "category": "One of the categories in pelicanconf.py (default: Treatments)",
        "author": "A key from content/authors.yml (default: maya-okafor)",
        "draft": "Mark it as a draft so it is not published",
        "image": "A JPEG or PNG to copy to content/images/ as the article's picture",
    }
)
def new(c, title, *, category="Treatments", author="maya-okafor", draft=False, image=""):
    """Create content/articles/<slug>.md with every front-matter field filled in."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican.settings import read_settings  # noqa: PLC0415

    from writer_tools import new_article  # noqa: PLC0415

    urls = read_settings(str(LOCAL_SETTINGS))
    try:
        created = new_article.create(
            CONTENT,
            title,
            category=category,
            author=author,
            timezone=urls["TIMEZONE"],
            draft=draft,
            image=image or None,
        )
    except new_article.NewArticleError as error:
        sys.exit(str(error))
    address = urls["DRAFT_URL" if draft else "ARTICLE_URL"].format(slug=created.article.stem)
    print("\n".join(new_article.next_steps(created, f"http://{HOST}:{PORT}/{address}")))


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


# What the browser tests need from the system: command -> Debian package.
# Chromium drives the pages, Java runs the Nu HTML Checker (vnu-jar).
SYSTEM_PACKAGES = {"chromium": "chromium", "java": "default-jre-headless"}


def missing_system_packages():
    """The Debian packages whose command is not on PATH."""
    return [p for command, p in SYSTEM_PACKAGES.items() if shutil.which(command) is None]


def apt_install(packages):
    return "apt-get install -y --no-install-recommends " + " ".join(packages)


@task
def system_tools(c):
    """Install Chromium and Java with apt-get when missing (as root; else say how)."""
    missing = missing_system_packages()
    if not missing:
        return
    packages = " ".join(missing)
    needs = f"The browser tests need Debian packages that are not installed: {packages}."
    if shutil.which("apt-get") is None:
        sys.exit(
            f"{needs} This machine has no apt-get: install Chromium (at /usr/bin/chromium) "
            "and a Java runtime yourself, then run the test command again."
        )
    if os.geteuid() != 0:
        # Stop before anything else runs: every browser test would fail without them.
        sys.exit(
            f"{needs} Only root can install them. Run this, then the test command again:\n\n"
            f"    sudo apt-get update && sudo {apt_install(missing)}\n"
        )
    print(f"{needs} Installing them: apt-get update, then {apt_install(missing)}", flush=True)
    quiet = {"DEBIAN_FRONTEND": "noninteractive"}
    c.run("apt-get update", env=quiet)
    c.run(apt_install(missing), env=quiet)


# CI runs `invoke check` as a step of its own, which tells GitHub; the
# suite's own run of it stays quiet there, so nothing is annotated twice.
@task(pre=[system_tools, lint, call(check, github=False), tools])
def test(c):
    """The whole test suite (installs Chromium and Java if missing; lint first)."""
    c.run(f'"{sys.executable}" -m pytest')


@task(pre=[system_tools, tools])
def search_bench(c):
    """Time from Enter in the search box to the first result -> benchmarks/search.md."""
    c.run(f'"{sys.executable}" scripts/search_latency.py')


@task(
    pre=[system_tools, tools],
    help={
        "host": "static (a plain file server), wrangler (Cloudflare Pages' runtime, with "
        "_headers and _redirects) or both (default)"
    },
)
def lighthouse(c, host="both"):
    """Lighthouse (mobile) on four production pages, per host -> benchmarks/lighthouse.md."""
    c.run(f'"{sys.executable}" scripts/lighthouse.py --host {host}')


# With the npm packages, as `invoke publish`: the production builds measured are
# the site CI publishes, the editor's script included.
@task(
    pre=[tools],
    help={
        "sizes": "Comma-separated article counts (default: 100,1000)",
        "repeat": "Runs of stock and ours per size; the median is reported (default: 3)",
    },
)
def bench(c, sizes="100,1000", repeat=3):
    """Build time and memory, ours vs stock Pelican -> benchmarks/build.md."""
    c.run(f'"{sys.executable}" scripts/bench.py --sizes {sizes} --repeat {repeat}')
