import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuilder import build, built_with, publish


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


# The production build every suite that checks the deployable output shares
# (metadata, headers, budgets, the browser tests): CI builds it once, with
# `invoke publish`, tests it and publishes the very same files; its folder is
# CLINIC_BUILT_SITE. Without that, the session builds it once, exactly as
# `invoke publish` does, for these settings.
BUILT_SITE = os.environ.get("CLINIC_BUILT_SITE")
PRODUCTION_ENVIRON = (
    built_with(BUILT_SITE)
    if BUILT_SITE
    else {
        "SITEURL": "https://clinic.example",
        "NEWSLETTER_PROVIDER": "buttondown",
        "NEWSLETTER_ACTION": "https://buttondown.email/api/emails/embed-subscribe/clinic",
        # GitHub Actions names the repository; the sign-in helper's address is a
        # repository variable (README: "Browser editor: one-time setup").
        "GITHUB_REPOSITORY": "newpathways/website",
        "EDITOR_AUTH_URL": "https://editor-auth.clinic.example",
    }
)
PRODUCTION_SITEURL = PRODUCTION_ENVIRON["SITEURL"]
# The form's endpoint, and the origins it may redirect through (Buttondown
# answers on two hosts): what form-action allows.
NEWSLETTER_ORIGINS = {
    "https://buttondown.email": "https://buttondown.email https://buttondown.com",
}.get(
    origin := "{0.scheme}://{0.netloc}".format(urlsplit(PRODUCTION_ENVIRON["NEWSLETTER_ACTION"])),
    origin,
)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The production build, made once per session (or by CI, before the tests)."""
    if BUILT_SITE:
        return Path(BUILT_SITE).resolve()
    return publish(tmp_path_factory.mktemp("production"), **PRODUCTION_ENVIRON)
