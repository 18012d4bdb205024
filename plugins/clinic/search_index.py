"""The site search index: Pagefind runs over the written site after every
build (preview, production, livereload), so /search/ always matches the pages.

Pagefind is called directly rather than through pelican-search, which wraps
Stork (no longer developed). Which parts of a page are indexed is decided by
the templates: `data-pagefind-body` on the main content of articles, pages
and location pages, `data-pagefind-ignore` on what repeats on every page.
"""

import json
import subprocess
from pathlib import Path

BUNDLE = "pagefind"  # folder in the output; search.js loads pagefind.js from it
# Pagefind also writes its ready-made search interfaces. search.js uses only
# the pagefind.js API, so these are removed rather than deployed unused.
UNUSED_UI = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """The search index could not be built: the build stops, saying why."""


def pagefind_command(output_path):
    """The Pagefind binary shipped by the pagefind_bin wheel, and its arguments."""
    try:
        from pagefind_bin import get_executable  # noqa: PLC0415 (only needed here)

        binary = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(
            f"Pagefind is not installed ({error}) -> run: .venv/bin/pip install -r requirements.txt"
        ) from error
    return [str(binary), "--site", str(output_path), "--output-subdir", BUNDLE, "--silent"]


def build_index(pelican):
    """`finalized` signal: index the written site, or stop the build."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    result = subprocess.run(pagefind_command(output), check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind could not build the search index for {output} "
            f"(exit code {result.returncode}):\n{result.stdout}{result.stderr}\n"
            "-> the site was written but has no working search; fix the error above and rebuild"
        )
    for name in UNUSED_UI:
        (output / BUNDLE / name).unlink(missing_ok=True)
    pages = indexed_page_count(output)
    print(f"Search index: {pages} pages indexed by Pagefind in {output / BUNDLE}")


def indexed_page_count(output):
    """Pages in the index, from Pagefind's own entry file."""
    path = Path(output) / BUNDLE / "pagefind-entry.json"
    try:
        entry = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise SearchIndexError(
            f"Pagefind ran but {path} is missing or unreadable ({error}) -> rebuild the site"
        ) from error
    return sum(language["page_count"] for language in entry["languages"].values())
