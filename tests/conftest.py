import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuilder import build, publish


@pytest.fixture(autouse=True)
def not_in_github_actions(monkeypatch):
    """In CI the suite runs inside GitHub Actions: the builds and checks it
    runs (some of them broken on purpose) must not annotate the pull request
    or write to the run's summary. Tests of that reporting set these again."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real content, built once per test session with the local settings."""
    return build(tmp_path_factory.mktemp("site"))


# The production build as CI publishes it, shared by every suite that checks
# the deployable output (metadata, budgets, browser tests).
PRODUCTION_SITEURL = "https://clinic.example"
PRODUCTION_ENVIRON = {
    "SITEURL": PRODUCTION_SITEURL,
    "NEWSLETTER_PROVIDER": "buttondown",
    "NEWSLETTER_ACTION": "https://buttondown.email/api/emails/embed-subscribe/clinic",
    # GitHub Actions names the repository; the sign-in helper's address is a
    # repository variable (README: "Browser editor: one-time setup").
    "GITHUB_REPOSITORY": "newpathways/website",
    "EDITOR_AUTH_URL": "https://editor-auth.clinic.example",
}


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The real content, built once per session exactly as `invoke publish` builds it."""
    return publish(tmp_path_factory.mktemp("production"), **PRODUCTION_ENVIRON)
