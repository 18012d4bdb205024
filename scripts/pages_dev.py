"""Serve a built site the way Cloudflare Pages does: `wrangler pages dev`
(npm `wrangler`, pinned in package.json) runs Cloudflare's own runtime
(workerd) locally and reads `_headers` and `_redirects` as the host does.
Used by tests/output/test_real_host.py and `invoke lighthouse --host wrangler`.

    port = free_port()            # build the site for this origin first
    with pages_dev(folder, port, work) as origin:
        ...                       # http://127.0.0.1:<port>
"""

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRANGLER = ROOT / "node_modules" / ".bin" / "wrangler"
INSTALL = "install it with: .venv/bin/invoke tools (npm ci, from package.json)"
LOOPBACK = "127.0.0.1"
# Without a date wrangler asks the npm registry for the newest one; any date
# the installed runtime supports serves static files the same way.
COMPATIBILITY_DATE = "2026-05-01"
STARTUP_SECONDS = 90


class WranglerMissing(RuntimeError):
    pass


def free_port():
    """A loopback port nothing listens on now (the site is built for it
    before wrangler binds it)."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def command(folder, port):
    return [
        str(WRANGLER),
        "pages",
        "dev",
        str(folder),
        "--ip",
        LOOPBACK,
        "--port",
        str(port),
        # Not the default 9229, which a second server would also want.
        "--inspector-port",
        str(free_port()),
        f"--compatibility-date={COMPATIBILITY_DATE}",
        "--show-interactive-dev-session=false",
        "--log-level=warn",
    ]


def quiet_environment(work):
    """No metrics, no fetch of Cloudflare's request metadata (offline), and
    wrangler's logs and state in `work`, not in the project."""
    return {
        **os.environ,
        "WRANGLER_SEND_METRICS": "false",
        "CLOUDFLARE_CF_FETCH_ENABLED": "false",
        "WRANGLER_LOG_PATH": str(Path(work) / "logs"),
    }


@contextlib.contextmanager
def pages_dev(folder, port, work):
    """Serve `folder` on http://127.0.0.1:`port` until the block ends; yields
    the origin. `work`: a folder for wrangler's state and its output log."""
    if not WRANGLER.exists():
        raise WranglerMissing(f"wrangler is not installed ({WRANGLER}): {INSTALL}")
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    log = work / "wrangler.log"
    origin = f"http://{LOOPBACK}:{port}"
    with log.open("w", encoding="utf-8") as output:
        # Its own session, so the runtime processes it starts stop with it.
        process = subprocess.Popen(
            command(folder, port),
            cwd=work,
            env=quiet_environment(work),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_serving(origin, process, log)
            yield origin
        finally:
            _stop(process)


def _wait_until_serving(origin, process, log):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"wrangler pages dev stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(origin + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, whatever the status
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(
        f"wrangler pages dev did not answer on {origin} within {STARTUP_SECONDS} s:\n"
        + log.read_text()[-3000:]
    )


def _stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
