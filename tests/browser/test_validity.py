"""Every built HTML file is valid HTML, by the Nu HTML Checker (vnu.jar from
npm, run with Java), in one run over the whole site."""

import json
import shutil
import subprocess
import warnings

import pytest
from sitebuilder import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_messages(site_root):
    java = shutil.which("java")
    if java is None:
        pytest.fail("The HTML validity test needs Java: apt-get install -y default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run .venv/bin/invoke tools (npm ci)")
    command = [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site_root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return json.loads(result.stderr)["messages"]  # vnu reports on stderr
    except ValueError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}")


def describe(message, site_root):
    where = message.get("url", "").removeprefix("file:").removeprefix(str(site_root) + "/")
    line = message.get("lastLine", "?")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}: {message['message']}" + (f"  [{extract}]" if extract else "")


def test_every_page_is_valid_html(served_site):
    messages = nu_messages(served_site.root)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    # vnu checks files from disk, so it judges the meta CSP against a file:
    # origin where 'self' matches nothing; the browser tests check the CSP
    # where it matters, on the served site. Those notes are noise here.
    notes = [m for m in messages if m not in errors and not _csp_note(m)]
    if notes:
        warnings.warn(
            "Nu HTML Checker warnings:\n" + "\n".join(describe(m, served_site.root) for m in notes),
            stacklevel=1,
        )
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(
        describe(m, served_site.root) for m in errors
    )


def _csp_note(message):
    return message["type"] == "info" and "violates Content Security Policy" in message["message"]
