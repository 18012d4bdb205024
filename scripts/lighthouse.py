"""`invoke lighthouse`: build the production site, serve it on 127.0.0.1, run
Lighthouse (mobile profile) on four representative pages and record the
scores in benchmarks/lighthouse.md, once per host (`--host`):

- static: a plain file server that sends the build's .br/.gz copies, like
  nginx's gzip_static, and no caching or security headers;
- wrangler: `wrangler pages dev`, Cloudflare Pages' own runtime, which applies
  `_headers` (caching, security) and `_redirects` and compresses by itself.

Not part of pytest: Lighthouse takes ~15 s a page and its numbers vary with
the machine; the byte budgets in tests/test_budgets.py are the CI guard.
"""

import argparse
import contextlib
import datetime
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pages_dev
from machine_info import machine

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PAGES = {
    "Home": "",
    "Article": "blog/integration-after-a-ketamine-session/",
    "Location": "locations/cleveland/",
    "Locations index": "locations/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORT = ROOT / "benchmarks" / "lighthouse.md"
HOSTS = {
    "static": "a plain file server on 127.0.0.1 that sends the build's .br/.gz copies "
    "and no caching or security headers",
    "wrangler": "`wrangler pages dev` on 127.0.0.1 (Cloudflare Pages' runtime: the build's "
    "`_headers` and `_redirects`, its own compression)",
}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the .br or .gz copy beside a file when the browser accepts it,
    as Netlify, nginx (gzip_static) or S3+CloudFront set up for it would."""

    encodings = ((".br", "br"), (".gz", "gzip"))

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepted = self.headers.get("Accept-Encoding", "")
        for suffix, encoding in self.encodings:
            copy = path.with_name(path.name + suffix)
            if path.is_file() and encoding in accepted and copy.is_file():
                data = copy.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                return _Body(data)
        return super().send_head()

    def log_message(self, *args):
        pass  # quiet


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def build(output, siteurl):
    environ = {
        **os.environ,
        "SITEURL": siteurl,
        "NEWSLETTER_ACTION": os.environ.get(
            "NEWSLETTER_ACTION", "https://buttondown.email/api/emails/embed-subscribe/clinic"
        ),
    }
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"]
    subprocess.run(
        [*command, "--fatal", "warnings", "-o", str(output)], check=True, cwd=ROOT, env=environ
    )


def serve(folder):
    handler = functools.partial(StaticHost, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(url):
    """Lighthouse's JSON report for one URL."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(
        command,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def summarise(report):
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    metrics = {
        "LCP (s)": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "TBT (ms)": audits["total-blocking-time"]["numericValue"],
    }
    flagged = sorted(
        audit["title"]
        for audit in audits.values()
        if audit.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")
        and audit.get("score") is not None
        and audit["score"] < 1
    )
    return scores, metrics, flagged, cached_too_briefly(audits["uses-long-cache-ttl"])


def cached_too_briefly(audit):
    """['`/path`: N days', ...]: the files the cache audit wants cached longer."""
    return [
        f"`{urlsplit(item['url']).path}`: {item['cacheLifetimeMs'] / 86_400_000:.0f} days"
        for item in audit.get("details", {}).get("items", [])
    ]


def versions():
    return tuple(
        subprocess.run(
            [tool, "--version"], check=False, capture_output=True, text=True
        ).stdout.strip()
        for tool in (str(LIGHTHOUSE), CHROME)
    )


def write_report(results, runs, loads, path=REPORT):
    """`results`: {host: [(page name, url, (scores, metrics, flagged, cached))]};
    `loads`: the machine's load average at the start and at the end."""
    lighthouse_version, chrome_version = versions()
    today = datetime.date.today().isoformat()
    lines = [
        "# Lighthouse results",
        "",
        f"Run with `invoke lighthouse` on {today}, machine: {machine()}.",
        f"Lighthouse {lighthouse_version}, {chrome_version}, mobile profile",
        f"(simulated throttling), production build; the median of {runs} runs per page",
        f"(by performance score), load average {loads[0]:.1f} at the start and "
        f"{loads[1]:.1f} at the end (other work on the machine slows the runs).",
    ]
    for host, rows in results.items():
        lines += [
            "",
            f"## Served by {host}",
            "",
            f"Served by {HOSTS[host]}.",
            "",
            "| Page | Performance | Accessibility | Best Practices | SEO "
            "| LCP (s) | CLS | TBT (ms) |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, url, (scores, metrics, *_) in rows:
            lines.append(
                f"| {name} (`/{url}`) | "
                + " | ".join(str(scores[c]) for c in CATEGORIES)
                + f" | {metrics['LCP (s)']:.2f} | {metrics['CLS']:.3f}"
                + f" | {metrics['TBT (ms)']:.0f} |"
            )
        flagged = sorted({title for *_, (_, _, found, _) in rows for title in found})
        cached = sorted({file for *_, (_, _, _, files) in rows for file in files})
        lines += [
            "",
            "Audits not passed on at least one page: " + ("; ".join(flagged) or "none") + ".",
        ]
        if host == "static":
            lines += [
                "",
                '"Efficient cache policy" is about the response headers, which this server',
                "does not send; a host that reads `_headers` does (see the wrangler run).",
            ]
        elif cached:
            lines += [
                "",
                "Cached too briefly for Lighthouse: " + ", ".join(cached) + ".",
            ]
        if host != "static" and cached and all(f.startswith("`/images/") for f in cached):
            lines += [
                "",
                "`_headers` caches `/images/` for a week only (plugins/clinic/output/headers.py):",
                "a writer's file keeps its name when replaced, so a longer lifetime would show",
                "visitors the old one; Lighthouse wants about 100 days. Theme files and the",
                "resized pictures under `/pictures/`, whose addresses change with their bytes,",
                "are cached for a year and not flagged.",
            ]
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@contextlib.contextmanager
def hosted(host, work):
    """Build the production site for the address `host` serves it on (its
    absolute URLs must point there) and serve it; yields that address."""
    folder = work / "site"
    folder.mkdir()
    if host == "static":
        # Bind first: the build needs the real address for its absolute URLs.
        server = serve(folder)
        siteurl = f"http://127.0.0.1:{server.server_address[1]}"
        build(folder, siteurl)
        try:
            yield siteurl
        finally:
            server.shutdown()
    else:
        port = pages_dev.free_port()
        siteurl = f"http://{pages_dev.LOOPBACK}:{port}"
        build(folder, siteurl)
        with pages_dev.pages_dev(folder, port, work / "wrangler"):
            yield siteurl


def audit_pages(siteurl, runs):
    rows = []
    for name, url in PAGES.items():
        # Lighthouse's advice for noisy machines: several runs, keep the median.
        measured = sorted(
            (summarise(audit(f"{siteurl}/{url}")) for _ in range(runs)),
            key=lambda run: run[0]["performance"],
        )
        scores, metrics, flagged, cached = measured[len(measured) // 2]
        rows.append((name, url, (scores, metrics, flagged, cached)))
        print(f"{name:16} {scores} {metrics}" + (f"\n  flagged: {flagged}" if flagged else ""))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept")
    parser.add_argument(
        "--host", choices=[*HOSTS, "both"], default="both", help="which server (default: both)"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `invoke tools` first.")
    load = os.getloadavg()[0]
    results = {}
    for host in HOSTS if args.host == "both" else [args.host]:
        print(f"Served by {host}:")
        try:
            with tempfile.TemporaryDirectory() as work, hosted(host, Path(work)) as siteurl:
                results[host] = audit_pages(siteurl, args.runs)
        except pages_dev.WranglerMissing as missing:
            sys.exit(str(missing))
    write_report(results, args.runs, (load, os.getloadavg()[0]), args.report)
    print(f"Written to {args.report.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
