"""The sign-in helper (editor-auth/, a Cloudflare Worker) has its own tests,
written for Node's built-in test runner; this runs them with the suite."""

import shutil
import subprocess

import pytest
from sitebuilder import ROOT

HELPER = ROOT / "editor-auth"


def test_the_sign_in_helpers_own_tests_pass():
    node = shutil.which("node")
    if not node:
        pytest.fail(
            "The sign-in helper's tests need Node.js: install nodejs (apt-get install nodejs)"
        )
    result = subprocess.run(
        [node, "--test", str(HELPER / "worker.test.mjs")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout


def test_wrangler_deploys_the_worker_and_keeps_the_dashboards_variables():
    config = (HELPER / "wrangler.toml").read_text(encoding="utf-8")
    assert 'main = "worker.mjs"' in config and (HELPER / "worker.mjs").is_file()
    assert "keep_vars = true" in config
    assert "SECRET" not in config  # secrets live in Cloudflare, never in the repository
