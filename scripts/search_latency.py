"""How long a visitor waits for search results: `invoke search-bench`.

Builds the production site, serves it on 127.0.0.1 (as `invoke lighthouse`
does) and, in headless Chromium, types each query into the header search box
of another page, presses Enter and times until the first result shows on
/search/ (page load, Pagefind's index and the script included). Median of
several runs per query, into benchmarks/search.md. A benchmark, not a test:
the target (well under a second) is read from the numbers, not asserted.
"""

import argparse
import datetime
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lighthouse import CHROME, CHROME_FLAGS, ROOT, build, serve
from machine_info import machine
from playwright.sync_api import sync_playwright

CHROMIUM = CHROME
# Lighthouse's flags; Playwright adds its own headless switch.
CHROMIUM_ARGS = [flag for flag in CHROME_FLAGS.split() if not flag.startswith("--headless")]
QUERIES = ("Spravato", "Columbus", "insurance")
REPORT = ROOT / "benchmarks" / "search.md"


def time_query(browser, siteurl, query):
    """Seconds from Enter in the header box on /about/ to the first result."""
    context = browser.new_context()  # a fresh context: nothing cached
    tab = context.new_page()
    tab.goto(f"{siteurl}/about/")
    tab.get_by_label("Search the site").fill(query)
    start = time.perf_counter()
    tab.keyboard.press("Enter")
    tab.locator("#search-results > li").first.wait_for()
    elapsed = time.perf_counter() - start
    first = tab.locator("#search-results > li h2 a").first.get_attribute("href")
    context.close()
    return elapsed, first


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per query; the median is kept")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        server = serve(folder)
        siteurl = f"http://127.0.0.1:{server.server_address[1]}"
        build(Path(folder), siteurl)
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for query in QUERIES:
            runs = [time_query(browser, siteurl, query) for _ in range(args.runs)]
            median = statistics.median(seconds for seconds, _ in runs)
            rows.append((query, median, max(s for s, _ in runs), runs[0][1]))
            print(f"{query:10} median {median * 1000:.0f} ms, first result {runs[0][1]}")
        browser.close()
        server.shutdown()
    lines = [
        "# Search latency",
        "",
        f"Run with `invoke search-bench` on {datetime.date.today().isoformat()}, "
        f"machine: {machine()}.",
        "From Enter in the header search box on /about/ to the first result on /search/, "
        "in headless Chromium with a fresh cache (page load, Pagefind index and script "
        f"included); {args.runs} runs per query. Target: well under a second.",
        "",
        "| Query | Median (ms) | Slowest (ms) | First result |",
        "|---|---|---|---|",
        *(
            f"| {query} | {median * 1000:.0f} | {slowest * 1000:.0f} | `{first}` |"
            for query, median, slowest, first in rows
        ),
        "",
    ]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print(f"Written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
