"""`invoke bench`: how fast is our build next to stock Pelican?

Generates a seeded corpus of N realistic articles (about 1,000 words, headings,
lists, links, one image each, front matter valid for our content rules) into
a temporary folder and builds it, each build in its own process, with:
- ours: this project's theme, plugin and local settings (pelicanconf.py):
  the quick preview, `invoke build`, which leaves out the search index,
- ours + search index: the same with the Pagefind index, as `invoke build
  --search`, `invoke serve` and livereload build it,
- ours (production): publishconf.py (minify, feeds, .gz/.br copies, index),
  first with nothing kept, then after one edit with what the first kept,
- stock: Pelican's default theme and settings, same Markdown;
then an incremental preview: edit one article and rebuild in the same process,
as `invoke livereload` does (the bench corpus and the real site). Results go
to benchmarks/build.md.
"""

import argparse
import contextlib
import datetime
import itertools
import json
import os
import platform
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from machine_info import machine
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tasks import WITH_SEARCH  # tasks.py lives at the root

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "benchmarks" / "build.md"
IMAGE_POOL = 20  # distinct images shared by the articles (a real blog reuses some)

TOPICS = [
    "ketamine infusions",
    "Spravato nasal spray",
    "ketamine-assisted psychotherapy",
    "support groups",
    "treatment-resistant depression",
    "integration practices",
    "sleep after treatment",
    "family support",
    "PTSD care",
    "anxiety and ketamine",
]
HEADINGS = [
    "What to expect",
    "Before your first visit",
    "How it works",
    "Who it may help",
    "Questions to ask your clinician",
    "Looking after yourself afterward",
    "When to call us",
    "What the research says",
    "Practical tips",
    "Support for families",
]
SENTENCES = [
    "Many people notice a change within the first few sessions, while others need more time.",
    "Your care team checks your blood pressure and how you feel before and after each visit.",
    "It helps to plan a quiet afternoon and a ride home, because you should not drive that day.",
    "Treatment works best alongside therapy, sleep, movement and the people who support you.",
    "Write down anything that felt important, even if it seems small or strange at first.",
    "Side effects such as dizziness or nausea usually fade within an hour or two.",
    "Bring a list of your current medicines, including supplements, to every appointment.",
    "Insurance coverage varies, so our billing team confirms your benefits before you start.",
    "Integration is not a test you can fail, and there is no single right way to do it.",
    "If you feel worse, or have thoughts of harming yourself, call or text 988 right away.",
    "Partners and friends can help by listening without trying to fix everything at once.",
    "Research is still growing, and results differ from person to person.",
    "A short walk, a warm meal and an early night are often the best plan after a session.",
    "Ask your psychiatrist how this treatment fits with the medicines you already take.",
    "Some people find a support group helpful for hearing how others manage the same steps.",
    # Quotes, apostrophes and dashes (typogrify's work), about as often as in
    # content/articles/: a few of each per 1,000 words.
    'One member put it simply: "I finally felt like myself again."',
    "Recovery isn't a straight line -- some weeks are harder than others.",
]
LIST_ITEMS = [
    "Eat a light meal a few hours before",
    "Wear comfortable clothes",
    "Bring headphones and a playlist you like",
    "Arrange a ride home",
    "Keep the evening free",
    "Note questions for your next visit",
    "Drink water through the day",
    "Tell someone you trust how you are feeling",
]


def generate(folder, count, seed=2026):
    """A content folder: our authors, pages and locations, N articles."""
    rng = random.Random(seed)
    folder = Path(folder)
    for name in ("pages", "locations"):
        shutil.copytree(ROOT / "content" / name, folder / name)
    shutil.copy(ROOT / "content" / "authors.yml", folder / "authors.yml")
    images = folder / "images"
    images.mkdir(parents=True)
    for name in ("logo.png", "favicon.png", "social-default.jpg"):
        shutil.copy(ROOT / "content" / "images" / name, images / name)
    for number in range(IMAGE_POOL):
        _art(rng).save(images / f"bench-{number:02}.jpg", quality=85)
    authors = list(yaml.safe_load((ROOT / "content" / "authors.yml").read_text()))
    categories = list(_settings()["CLINIC_CATEGORIES"])
    articles = folder / "articles"
    articles.mkdir()
    for number in range(count):
        (articles / f"bench-{number:04}.md").write_text(
            _article(rng, number, count, authors, categories), encoding="utf-8"
        )
    return folder


def _settings():
    settings = {}
    exec((ROOT / "pelicanconf.py").read_text(), settings)
    return settings


def _art(rng):
    """A 1200x800 soft gradient with a few circles, like our hero art."""
    image = Image.new("RGB", (1200, 800))
    draw = ImageDraw.Draw(image)
    top = [rng.randrange(40, 220) for _ in range(3)]
    bottom = [rng.randrange(40, 220) for _ in range(3)]
    for y in range(800):
        mix = y / 799
        draw.line(
            [(0, y), (1199, y)],
            fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(6):
        x, y, r = rng.randrange(1200), rng.randrange(800), rng.randrange(40, 220)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(250, 240, 220), width=3)
    return image


def _paragraph(rng, sentences=5):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


TAGS = ["Ketamine", "Spravato", "Therapy", "Family", "Sleep"]


def _article(rng, number, count, authors, categories):
    topic = rng.choice(TOPICS)
    title = f"{rng.choice(HEADINGS)} with {topic}, part {number + 1}"
    image = f"bench-{number % IMAGE_POOL:02}.jpg"
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 900)
    other = f"bench-{rng.randrange(count):04}"
    # Numbered like the title: the content check refuses two pages with one summary.
    summary = (
        f"A plain guide to {topic} (part {number + 1}), what a visit involves "
        "and how to look after yourself."
    )
    front = {
        "title": title,
        "date": day.isoformat(),
        "author": rng.choice(authors),
        "category": rng.choice(categories),
        "tags": f"[{', '.join(rng.sample(TAGS, 2))}]",
        "summary": summary,
        "hero_image": image,
        "hero_alt": f"Abstract soft-colored art for an article about {topic}",
    }
    body = [_paragraph(rng, 6)]
    for section, heading in enumerate(rng.sample(HEADINGS, 6)):
        body.append(f"## {heading}")
        body += [_paragraph(rng), _paragraph(rng, 4)]
        if section == 1:
            body.append(f"![{front['hero_alt']}]({{static}}/images/{image})")
        if section == 2:
            body.append(f"### {rng.choice(HEADINGS)} in practice")
            body.append("\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, 4)))
        if section == 3:
            body.append(
                "\n".join(f"{i}. {item}" for i, item in enumerate(rng.sample(LIST_ITEMS, 3), 1))
            )
        if section == 4:
            body.append(
                f"Read [a related article]({{filename}}/articles/{other}.md), see "
                "[the 988 Lifeline](https://988lifeline.org/) or ask about "
                f"[{topic}]({{filename}}/pages/treatments.md)."
            )
        body.append(_paragraph(rng, 3))
    front_matter = "\n".join(f"{key}: {value}" for key, value in front.items())
    return f"---\n{front_matter}\n---\n\n" + "\n\n".join(body) + "\n"


NEWSLETTER = "https://buttondown.email/api/emails/embed-subscribe/bench"

STOCK_SETTINGS = """\
SITENAME = "Bench"
PATH = {path!r}
TIMEZONE = "America/New_York"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages", "locations"]
STATIC_PATHS = ["images"]
IGNORE_FILES = [".#*", "404.md"]  # it names our 404 template
PLUGINS = []  # not the plugins installed in this environment
"""


SEARCH = "ours + search index"

_runs = itertools.count(1)


def fresh(output):
    """A new, empty output folder for each build. The builds' outputs are
    deleted together at the end, not one before the next: on this machine's
    ext4, creating files just after thousands were deleted is several times
    slower (the kernel passes over recently freed inodes), which slowed
    whichever build came next, and ours, with more files, the most."""
    return Path(f"{output}-{next(_runs)}")


# Production, first with nothing kept in CACHE_PATH but the picture variants,
# then again after one article is edited, with what the first build kept
# there (compressed copies and page scans by the files' bytes), as CI keeps
# cache/ between runs (.github/workflows/site.yml).
PRODUCTION = "production, nothing kept"
PRODUCTION_AGAIN = "production after one edit"
KEPT_BY_PRODUCTION = ("clinic-compressed.pickle", "clinic-page-scans.pickle")


def run_build(kind, content, output, cache, written_to=None):
    """One build in its own process: (seconds, peak MiB, pages written,
    processor seconds). `written_to`, a list, gets the folder it wrote."""
    output = fresh(output)
    if written_to is not None:
        written_to.append(output)
    environ = {**os.environ, "SITEURL": "https://bench.example", "NEWSLETTER_ACTION": NEWSLETTER}
    if kind == "stock":
        conf = Path(cache).parent / "stock.py"
        conf.write_text(STOCK_SETTINGS.format(path=str(content)))
        command = ["-s", str(conf)]
    else:
        conf = "publishconf.py" if kind in (PRODUCTION, PRODUCTION_AGAIN) else "pelicanconf.py"
        command = ["-s", conf, "--cache-path", str(cache)]
        if kind == SEARCH:
            command += WITH_SEARCH.split()
    command = [sys.executable, "-m", "pelican", str(content), *command, "-o", str(output), "-q"]
    return _measure(command, environ, output)


def _measure(command, environ, output):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=environ)
    with TreeMemory(process.pid) as memory:
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    # The build's and every process it waited for (workers, Pagefind): on this
    # machine's cores, what the build asked of them, whatever else was running.
    processor = usage.ru_utime + usage.ru_stime
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"Build failed: {' '.join(command)}")
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    return seconds, memory.peak, pages, processor


class TreeMemory:
    """The peak, over a build, of the memory all its processes hold together
    (the build, its workers, Pagefind): each one's proportional set size
    (shared pages counted once), summed, sampled every SAMPLE seconds. A
    process's own peak (ru_maxrss) would miss Pagefind's share, or count the
    forked workers' shared pages twice."""

    SAMPLE = 0.05

    def __init__(self, pid):
        self.pid, self.peak = pid, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._done.set()
        self._thread.join()

    def _sample(self):
        while not self._done.wait(self.SAMPLE):
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(self.pid)) / 1024)


def _tree(root):
    """`root` and every process below it."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _pss(pid):
    """Proportional set size of a process, in KiB (0 once it has exited)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


INCREMENTAL = """\
import sys, time
from pathlib import Path
from pelican import Pelican
from pelican.settings import read_settings
from clinic.output import search_index
from tasks import LIVERELOAD_SETTINGS
content, output, cache, edited, rounds = sys.argv[1:6]
def run():
    settings = read_settings("pelicanconf.py", override={**LIVERELOAD_SETTINGS,
        "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache})
    start = time.perf_counter()
    Pelican(settings).run()
    pages = time.perf_counter() - start
    search_index.wait_for_background_index()
    return pages, time.perf_counter() - start
def stamps():
    return {p: p.stat().st_mtime_ns for p in Path(output).rglob("*") if p.is_file()}
run()  # the build livereload starts with
path = Path(edited)
text = path.read_text()
for edit in range(int(rounds)):
    before = stamps()
    path.write_text(text + "\\nAn extra paragraph added by the benchmark, edit %d.\\n" % edit)
    pages, indexed = run()
    after = stamps()
    written = [p for p in after if before.get(p) != after[p]]
    html = sum(1 for p in written if p.suffix == ".html")
    print("REBUILD %.3f %.3f %d %d" % (pages, indexed, html, len(written)))
path.write_text(text)
"""
# Edits of the same article, one rebuild each. The median is reported with the
# fastest and the slowest: at 1,000 articles the same rebuild takes 0.7 to
# 1.0 s from one round to the next on this machine.
ROUNDS = 7


def incremental(content, output, cache):
    """livereload's loop in one process, with its settings: build, then edit
    one article and rebuild, ROUNDS times. Returns the median rebuild:
    (seconds until the pages are written and the reload is sent, seconds
    until the search index is written too, HTML files written, files
    written, and the fastest and the slowest rounds' seconds until the pages
    are written), and the process's peak memory (MiB, Pagefind included)."""
    output = fresh(output)
    edited = sorted((Path(content) / "articles").glob("*.md"))[0]
    command = [sys.executable, "-c", INCREMENTAL, str(content), str(output), str(cache)]
    command += [str(edited), str(ROUNDS)]
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=subprocess.PIPE, text=True)
    with TreeMemory(process.pid) as memory:
        stdout = process.stdout.read()
        _, status, _usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"Incremental build failed: {' '.join(command)}")
    rounds = [line.split()[1:] for line in stdout.splitlines() if line.startswith("REBUILD ")]
    rounds = sorted(rounds, key=lambda found: float(found[0]))
    pages, indexed, html, files = rounds[len(rounds) // 2]
    fastest, slowest = float(rounds[0][0]), float(rounds[-1][0])
    return (float(pages), float(indexed), int(html), int(files), fastest, slowest), memory.peak


def real_content(scratch):
    """A copy of the real site's content, to edit."""
    copy = Path(scratch) / "real-content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def compressed_bytes(output):
    """Total bytes of the .br and of the .gz copies of a production build."""
    totals = {}
    for suffix in (".br", ".gz"):
        totals[suffix] = sum(p.stat().st_size for p in Path(output).rglob(f"*{suffix}"))
    return totals


# A build of ours with the time of each phase: Pelican's signals mark where one
# ends and the next begins. These receivers are connected before the plugins
# register, so each mark is taken before the plugin's own work on that signal.
PHASED_BUILD = """\
import json, sys, time
start = time.perf_counter()
from pelican import main, signals
marks = {}
def mark(name):
    def receiver(*args, **kwargs):
        marks.setdefault(name, time.perf_counter() - start)
    return receiver
receivers = [mark(name) for name in sys.argv[1].split(",")]
for name, receiver in zip(sys.argv[1].split(","), receivers):
    getattr(signals, name).connect(receiver)
sys.argv = ["pelican", *sys.argv[2:]]
try:
    main()
finally:
    marks["end"] = time.perf_counter() - start
    print("PHASES", json.dumps(marks))
"""

# (signal that ends the phase, what happens in the phase)
PHASES = (
    ("initialized", "start-up: Python, Pelican and the plugins imported, settings read"),
    ("article_generator_preread", "generators set up, caches loaded"),
    ("article_generator_pretaxonomy", "articles read: Markdown and body steps in worker processes"),
    ("all_generators_finalized", "articles finished, related articles, reading time, pages read"),
    ("page_writer_finalized", "content check, image copies, page writes queued"),
    ("finalized", "pages rendered and written by worker processes, redirects, static files"),
    ("end", "search index (Pagefind), _headers, caches saved"),
)


def phases(content, output, cache):
    """[(phase, seconds)] of one build of ours with the search index (so the
    index's phase shows too), in its own process."""
    output = fresh(output)
    _drop_content_cache(cache)
    script = Path(cache).parent / "phased_build.py"
    script.write_text(PHASED_BUILD)
    names = ",".join(name for name, _ in PHASES if name != "end")
    command = [sys.executable, str(script), names, str(content), "-s", "pelicanconf.py"]
    command += [*WITH_SEARCH.split(), "-o", str(output), "--cache-path", str(cache), "-q"]
    environ = {**os.environ, "SITEURL": "https://bench.example", "NEWSLETTER_ACTION": NEWSLETTER}
    result = subprocess.run(
        command, check=False, cwd=ROOT, env=environ, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"Build failed:\n{result.stdout}{result.stderr}")
    marks = json.loads(result.stdout.split("PHASES ", 1)[1])
    rows, previous = [], 0.0
    for name, description in PHASES:
        rows.append((description, marks[name] - previous))
        previous = marks[name]
    return rows


# Where our build's time can go: our plugin and the libraries it and Pelican call.
PROFILED = ("clinic", "typogrify", "image_process", "PIL", "markdown", "jinja2", "bs4", "pelican/")


def profile(content, output, cache, top=15):
    """cProfile of our local build: the top functions by cumulative time
    that live in our plugin, our theme or the libraries it calls."""
    stats_file = Path(cache).parent / "profile.out"
    output = fresh(output)
    script = Path(cache).parent / "profiled_build.py"
    script.write_text(
        "import sys\nfrom pelican import main\n"
        f"sys.argv = ['pelican', {str(content)!r}, '-s', 'pelicanconf.py', "
        f"'-o', {str(output)!r}, '--cache-path', {str(cache)!r}, '-q']\nmain()\n"
    )
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats_file), str(script)], cwd=ROOT, check=True
    )
    stats = pstats.Stats(str(stats_file))
    rows = sorted(
        (
            (cumulative, own, calls, f"{_short(filename)}:{line}({function})")
            for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items()
        ),
        reverse=True,
    )
    ours_and_libraries = [row for row in rows if any(name in row[3] for name in PROFILED)]
    by_own_time = sorted(rows, key=lambda row: row[1], reverse=True)
    return stats.total_tt, ours_and_libraries[:top], by_own_time[:top]


def _short(filename):
    for marker in ("site-packages/", "plugins/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    if "/lib/python3" in filename:  # the standard library
        return filename.split("/lib/", 1)[1].split("/", 1)[1]
    return filename


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs of stock and ours (median)")
    parser.add_argument("--no-profile", action="store_true", help="skip cProfile of the largest")
    parser.add_argument("--report", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    load = os.getloadavg()[0]  # other work on the machine slows stock and ours alike
    results, incremental_results, profiled = [], [], None
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        scratch = Path(folder)
        for size in sizes:
            content = generate(scratch / f"content-{size}", size)
            cache = scratch / f"cache-{size}"
            output = scratch / f"out-{size}"
            # First build: nothing cached, every image variant is encoded.
            row = {"size": size, "ours cold": run_build("ours", content, output, cache)}
            _show(size, "ours cold", row["ours cold"])
            # Then stock and ours in turn (the machine's load hits both alike),
            # ours with its image variants cached and no content cache.
            runs = {"stock": [], "ours": [], SEARCH: []}
            for _ in range(args.repeat):
                for kind, kind_runs in runs.items():
                    _drop_content_cache(cache)
                    kind_runs.append(run_build(kind, content, output, cache))
                    _show(size, kind, kind_runs[-1])
            for kind, kind_runs in runs.items():
                row[kind] = sorted(kind_runs)[len(kind_runs) // 2]  # median by time
            production_pair(row, content, output, cache)
            for kind in ("ours", SEARCH, PRODUCTION, PRODUCTION_AGAIN):
                ratio = row[kind][0] / row["stock"][0]
                print(f"N={size:5} {kind}/stock: {ratio:.2f}x", flush=True)
            results.append(row)
            _drop_content_cache(cache)
            rebuild, memory = incremental(content, output, cache)
            incremental_results.append(
                (size, "bench corpus", rebuild, memory, row["stock"][0], row[SEARCH][0])
            )
            print(f"N={size:5} one edit, rebuild: {rebuild}, {memory:.0f} MiB")
        # The real site, as a writer previews it.
        real = real_content(scratch)
        rebuild, memory = incremental(real, scratch / "out-real", scratch / "cache-real")
        incremental_results.append((0, "the real site", rebuild, memory, None, None))
        print(f"Real site, one edit, rebuild: {rebuild}, {memory:.0f} MiB")
        largest = max(sizes)
        content, cache = scratch / f"content-{largest}", scratch / f"cache-{largest}"
        phased = (largest, phases(content, scratch / "out-phases", cache))
        if not args.no_profile:
            _drop_content_cache(cache)
            profiled = (largest, *profile(content, scratch / "out-prof", cache))
    write_report(args.report, results, incremental_results, profiled, load=load, phased=phased)
    print(f"Written to {args.report}")


def production_pair(row, content, output, cache):
    """The production build with nothing kept, then CI's next run: one article
    edited, the cache kept from the first."""
    size = row["size"]
    _drop_content_cache(cache)
    written = []
    row[PRODUCTION] = run_build(PRODUCTION, content, output, cache, written)
    _show(size, PRODUCTION, row[PRODUCTION])
    edited = sorted((Path(content) / "articles").glob("*.md"))[size // 2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\nA paragraph added before the next production build.\n")
    row[PRODUCTION_AGAIN] = run_build(PRODUCTION_AGAIN, content, output, cache, written)
    edited.write_text(text, encoding="utf-8")
    _show(size, PRODUCTION_AGAIN, row[PRODUCTION_AGAIN])
    row["compressed"] = (compressed_bytes(written[0]), compressed_bytes(written[1]))


def _show(size, kind, result):
    print(f"N={size:5} {kind:20} {_fmt(result)}", flush=True)


def _drop_content_cache(cache):
    """Everything but the image variants: the next build reads and processes all."""
    for path in Path(cache).glob("*"):
        if path.is_file():
            path.unlink()
        elif path.name != "clinic-images":  # the minified pages
            shutil.rmtree(path)


def _fmt(result):
    seconds, memory, pages, processor = result
    return f"{seconds:6.2f} s  {memory:6.0f} MiB  {pages:5} pages  {processor:6.1f} s processor"


def write_report(path, results, incremental_results, profiled, *, load=None, phased=None):
    lines = [
        "# Build benchmark",
        "",
        f"Run with `invoke bench` on {datetime.date.today().isoformat()}, machine: {machine()},",
        f"Python {platform.python_version()}, load average {load:.1f} at the start."
        if load is not None
        else f"Python {platform.python_version()}.",
        "Each build runs in its own process; peak memory is the most that all of a build's",
        "processes (workers and Pagefind too) held together at any moment: their proportional",
        "set sizes, summed, sampled every 0.05 s. The corpus is generated (seeded): ~1,000-word",
        f"articles with headings, lists, links and one image each ({IMAGE_POOL} distinct images).",
        '"ours" is the quick local preview (pelicanconf.py, `invoke build`): no search index.',
        '"ours + search index" adds the Pagefind index (`invoke build --search`, serve,',
        'livereload). "production" is publishconf.py (minified, feeds, .gz/.br copies, index,',
        "output check): first with nothing kept but the picture variants, then after one",
        "article is edited, with the compressed copies and page scans the first build kept",
        "by the files' bytes (as CI keeps cache/ from one run to the next).",
        '"cold" builds start with no image cache (they encode every variant); the others have',
        "the variants cached, as every build after the first does, and no content cache (every",
        "article read and rendered). Stock, ours and ours + search index are the median of",
        "interleaved runs (`--repeat`, default 3); the others run once.",
        "Every build writes into a new folder; all are deleted at the end (see `fresh()`).",
        "Processor time is what the build and every process it started used, user and",
        f"system together: on {os.cpu_count()} cores, at most {os.cpu_count()} seconds of it"
        " per second of wall time.",
        "",
        "| Articles | Build | Wall time (s) | Processor time (s) | Peak memory (MiB) "
        "| Pages written | Time vs stock |",
        "|---|---|---|---|---|---|---|",
    ]
    kinds = ("stock", "ours cold", "ours", SEARCH, PRODUCTION, PRODUCTION_AGAIN)
    for row in results:
        stock_seconds = row["stock"][0]
        for kind in kinds:
            seconds, memory, pages, processor = row[kind]
            lines.append(
                f"| {row['size']} | {kind} | {seconds:.2f} | {processor:.1f} | {memory:.0f} "
                f"| {pages} | {seconds / stock_seconds:.2f}x |"
            )
    if len(results) > 1:
        first, last = results[0], results[-1]
        scale = last["size"] / first["size"]
        growth = ", ".join(
            f"{kind} {last[kind][0] / first[kind][0]:.1f}x" for kind in kinds if kind != "stock"
        )
        lines += [
            "",
            f"Growth from {first['size']} to {last['size']} articles ({scale:.0f}x the articles), "
            f"in time: stock {last['stock'][0] / first['stock'][0]:.1f}x, {growth}.",
        ]
    lines += ["", "Compressed copies of the production build (bytes, all files together):", ""]
    lines += ["| Articles | Build | .br | .gz |", "|---|---|---|---|"]
    for row in results:
        for kind, totals in zip((PRODUCTION, PRODUCTION_AGAIN), row["compressed"], strict=True):
            lines.append(f"| {row['size']} | {kind} | {totals['.br']:,} | {totals['.gz']:,} |")
    lines += [
        "",
        "## One edit in the preview",
        "",
        "`invoke livereload`'s loop in one process, with its settings: build, then append a",
        f"paragraph to one article and rebuild, {ROUNDS} times (the median is shown, then the",
        "fastest and the slowest of the rounds). The",
        "rebuild returns, and livereload sends the browser its reload, once the pages are",
        "written; the search index is finished in the background (the next build waits for it).",
        '"Files written": every file the rebuild wrote, search index included. Peak memory is',
        "that of the livereload process, its workers and its Pagefind together, over the session.",
        "",
        "| Content | Rebuild: pages written, reload sent (s): median (fastest to slowest) "
        "| vs a stock full build | Pages written (files written) | Search index written too (s) "
        "| vs a full build of ours + search index | Peak memory (MiB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, name, rebuild, memory, stock, full in incremental_results:
        pages, indexed, html, files, fastest, slowest = rebuild
        content = f"{size} articles ({name})" if size else name
        ratio = f"{pages / stock:.2f}x" if stock else "-"
        search = f"{indexed / full:.2f}x" if full else "-"
        lines.append(
            f"| {content} | {pages:.2f} ({fastest:.2f} to {slowest:.2f}) | {ratio} "
            f"| {html} ({files}) | {indexed:.2f} | {search} | {memory:.0f} |"
        )
    if phased:
        size, rows = phased
        lines += [
            "",
            f"## Where the time goes (N={size}, ours + search index, one more run, by phase)",
            "",
            "| Seconds | Phase |",
            "|---|---|",
        ]
        lines += [f"| {seconds:.2f} | {description} |" for description, seconds in rows]
        lines.append(f"| {sum(seconds for _, seconds in rows):.2f} | total |")
    if profiled:
        size, total, by_cumulative, by_own = profiled
        lines += [
            "",
            f"## Profile of our build at N={size} (cProfile, {total:.1f} s of own time in total)",
            "",
            "cProfile sees the main process only: Markdown, typogrify and page rendering run in",
            "worker processes, so the main process mostly waits for them (`acquire`, `select`).",
            "",
            "Top functions by own time:",
            "",
            "| Own time (s) | Cumulative (s) | Calls | Function |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {own:.2f} | {cum:.2f} | {calls} | `{name}` |" for cum, own, calls, name in by_own
        ]
        lines += [
            "",
            "Top functions by cumulative time (ours and the libraries we call):",
            "",
            "| Cumulative (s) | Own time (s) | Calls | Function |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {cum:.2f} | {own:.2f} | {calls} | `{name}` |"
            for cum, own, calls, name in by_cumulative
        ]
    path.parent.mkdir(exist_ok=True)
    notes = path.with_name("build-notes.md")
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
