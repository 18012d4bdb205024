"""The GitHub Actions workflows: valid against GitHub's workflow schema (so a
broken workflow fails here, not on merge), and shaped as the README says:
tests before any deploy, least privilege, one deploy at a time, daily runs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pelican.settings import read_settings
from sitebuilder import ROOT, write

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
README_TEST_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/invoke test"
)


def schema_check(*paths):
    command = [sys.executable, "-m", "check_jsonschema"]
    command += ["--builtin-schema", "vendor.github-workflows", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.fixture(scope="module")
def site_workflow():
    return load(ROOT / ".github" / "workflows" / "site.yml")


def steps(job):
    return job["steps"]


def runs(job):
    return "\n".join(step.get("run", "") for step in steps(job))


def uses(job, action):
    return [step for step in steps(job) if step.get("uses", "").startswith(action + "@")]


def test_workflows_match_githubs_schema():
    assert WORKFLOWS
    result = schema_check(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = write(
        tmp_path / "broken.yml",
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    step: []\n",
    )
    result = schema_check(broken)
    assert result.returncode != 0
    assert "'step' was unexpected" in result.stdout


def test_actions_are_pinned_to_a_version_or_commit():
    for path in WORKFLOWS:
        for ref in re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", ref), ref


def test_triggers(site_workflow):
    on = site_workflow["on"]
    assert "pull_request" in on and "workflow_dispatch" in on
    assert on["push"]["branches"] == ["main"]
    (schedule,) = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "must run every day"
    assert minute.isdigit() and hour.isdigit()


def test_least_privilege(site_workflow):
    assert site_workflow["permissions"] == {"contents": "read"}
    jobs = site_workflow["jobs"]
    for name, job in jobs.items():
        if name != "deploy":
            assert "permissions" not in job, name
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_build_job_builds_once_tests_that_build_checks_and_uploads(site_workflow):
    build = site_workflow["jobs"]["build"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_TEST_COMMAND in readme
    commands = runs(build).splitlines()
    # The content check first: a writer's mistake is annotated within a minute.
    order = [
        commands.index(".venv/bin/invoke check"),
        commands.index(".venv/bin/invoke publish"),
        commands.index(README_TEST_COMMAND),
    ]
    assert order == sorted(order)
    # The tests check the production build the job made (and publishes),
    # instead of making their own (tests/conftest.py).
    tests = next(s for s in steps(build) if s.get("run") == README_TEST_COMMAND)
    assert tests["env"] == {"CLINIC_BUILT_SITE": "output"}
    assert commands.count(".venv/bin/invoke publish") == 1
    # The cache of picture variants, compressed copies and page scans comes
    # back before the build and is kept right after it.
    names = [step.get("uses", step.get("run", "")) for step in steps(build)]
    (restore,) = uses(build, "actions/cache/restore")
    (save,) = uses(build, "actions/cache/save")
    assert restore["with"]["path"] == save["with"]["path"] == "cache/"
    # What the production build keeps is in that folder.
    production_cache = read_settings(str(ROOT / "publishconf.py"))["CACHE_PATH"]
    assert Path(production_cache).resolve().is_relative_to(ROOT / "cache")
    assert restore["with"]["restore-keys"] == "site-cache-"
    assert (
        names.index(restore["uses"])
        < names.index(".venv/bin/invoke publish")
        < names.index(save["uses"])
        < names.index(README_TEST_COMMAND)
    )
    assert "chromium" in runs(build) and "default-jre-headless" in runs(build)
    (python,) = uses(build, "actions/setup-python")
    assert python["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "requirements.txt",
    }
    (node,) = uses(build, "actions/setup-node")
    assert node["with"]["node-version"] == "20" and node["with"]["cache"] == "npm"
    uploads = {step["with"]["path"]: step for step in uses(build, "actions/upload-artifact")}
    assert set(uploads) == {"output/", "test-artifacts/"}
    assert "cancelled()" in uploads["test-artifacts/"]["if"]  # screenshots of failures too
    (pages,) = uses(build, "actions/upload-pages-artifact")
    assert pages["with"]["path"] == "output/"
    assert pages["if"] == "github.event_name != 'pull_request'"
    publish = next(s for s in steps(build) if s.get("run") == ".venv/bin/invoke publish")
    assert "vars.SITEURL" in publish["env"]["SITEURL"]
    assert "vars.NEWSLETTER_ACTION" in publish["env"]["NEWSLETTER_ACTION"]
    assert "vars.EDITOR_AUTH_URL" in publish["env"]["EDITOR_AUTH_URL"]


def test_deploy_waits_for_the_build_and_never_races(site_workflow):
    deploy = site_workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    (step,) = steps(deploy)
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")
    # Runs on main are never cancelled by a newer run either.
    assert "pull_request" in str(site_workflow["concurrency"]["cancel-in-progress"])


def test_the_daily_run_lists_reviews_due_on_its_summary_page(site_workflow):
    build = site_workflow["jobs"]["build"]
    (step,) = [s for s in steps(build) if "invoke reviews" in s.get("run", "")]
    assert step["run"] == '.venv/bin/invoke reviews >> "$GITHUB_STEP_SUMMARY"'
    assert "github.event_name == 'schedule'" in step["if"]
    # A list of warnings: it never stops the deploy.
    assert step["continue-on-error"] is True
    commands = runs(build).splitlines()
    assert commands.index(step["run"]) > commands.index(".venv/bin/invoke check")
