"""`invoke lighthouse`: build the production site, serve it on 127.0.0.1 the
way a static host does (precompressed .br/.gz copies), run Lighthouse (mobile
profile) on four representative pages and record the scores in
benchmarks/lighthouse.md.

Not part of pytest: Lighthouse takes ~15 s a page and its numbers vary with
the machine; the byte budgets in tests/test_budgets.py are the CI guard.
"""

import argparse
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
    return scores, metrics, flagged


def versions():
    return tuple(
        subprocess.run(
            [tool, "--version"], check=False, capture_output=True, text=True
        ).stdout.strip()
        for tool in (str(LIGHTHOUSE), CHROME)
    )


def write_report(rows, runs, load, path=REPORT):
    lighthouse_version, chrome_version = versions()
    today = datetime.date.today().isoformat()
    lines = [
        "# Lighthouse results",
        "",
        f"Run with `invoke lighthouse` on {today}, machine: {machine()}.",
        f"Lighthouse {lighthouse_version}, {chrome_version}, mobile profile",
        "(simulated throttling), production build served from 127.0.0.1 with its .br/.gz copies;",
        f"the median of {runs} runs per page (by performance score), load average {load:.1f}",
        "at the start.",
        "",
        "| Page | Performance | Accessibility | Best Practices | SEO | LCP (s) | CLS | TBT (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, url, (scores, metrics, _) in rows:
        lines.append(
            f"| {name} (`/{url}`) | "
            + " | ".join(str(scores[c]) for c in CATEGORIES)
            + f" | {metrics['LCP (s)']:.2f} | {metrics['CLS']:.3f} | {metrics['TBT (ms)']:.0f} |"
        )
    flagged = sorted({title for *_, (_, _, found) in rows for title in found})
    lines += [
        "",
        "Audits not passed on at least one page: " + ("; ".join(flagged) or "none") + ".",
        "",
        '"Efficient cache policy" is the host\'s response headers (this local server sends',
        "none). The stylesheet and image variants have names that change with their content,",
        "so the host can serve `theme/css/*` and `images/derivatives/*` with",
        "`Cache-Control: public, max-age=31536000, immutable`.",
    ]
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `invoke tools` first.")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        # Bind first: the build needs the real address for its absolute URLs.
        server = serve(folder)
        siteurl = f"http://127.0.0.1:{server.server_address[1]}"
        build(Path(folder), siteurl)
        rows = []
        for name, url in PAGES.items():
            # Lighthouse's advice for noisy machines: several runs, keep the median.
            runs = sorted(
                (summarise(audit(f"{siteurl}/{url}")) for _ in range(args.runs)),
                key=lambda run: run[0]["performance"],
            )
            scores, metrics, flagged = runs[len(runs) // 2]
            rows.append((name, url, (scores, metrics, flagged)))
            print(f"{name:16} {scores} {metrics}" + (f"\n  flagged: {flagged}" if flagged else ""))
        server.shutdown()
    write_report(rows, args.runs, load, args.report)
    print(f"Written to {args.report.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
