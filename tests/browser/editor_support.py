"""The browser editor, offline: a temporary git copy of content/ served by
decap-server in git mode on loopback (a branch and one commit per saved
entry, as the editorial workflow makes a branch and a pull request on
GitHub), a browser context that lets no request leave the machine, and a
writer's hands: filling fields by their labels, uploading a picture,
saving, publishing."""

import contextlib
import io
import json
import re
import shutil
import socket
import subprocess
import tarfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from clinic.checks.run import check_content
from conftest import PRODUCTION_SITEURL
from pelican.settings import read_settings
from sitebuilder import ROOT

from .support import LOOPBACK, is_csp_violation

NODE_MODULES = ROOT / "node_modules"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
ARTIFACTS = ROOT / "test-artifacts" / "editor"
# Screenshots of each step, for CONTRIBUTING.md's "Writing in the browser"
# (copied to docs/images/editor/ when the editor's look changes).
SCREENSHOTS = {
    "sign-in": "editor-sign-in.png",  # the published editor (test_editor_page.py)
    "picture": "editor-picture.png",
    "new-article": "editor-new-article.png",
    "saved": "editor-saved.png",
    "workflow": "editor-workflow.png",
}


# --- The repository and decap-server -----------------------------------------


def git(repo, *args, data=None):
    result = subprocess.run(
        ["git", "-C", str(repo), *args], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8", "replace").strip()


def content_repository(folder, extra_files=None):
    """A git repository holding a copy of content/ (plus `extra_files`,
    {path in the repository: text}) committed on main."""
    shutil.copytree(ROOT / "content", folder / "content")
    for path, text in (extra_files or {}).items():
        (folder / path).write_text(text, encoding="utf-8")
    git(folder, "init", "--quiet", "--initial-branch=main")
    git(folder, "config", "user.name", "Test Writer")
    git(folder, "config", "user.email", "writer@newpathways.example")
    git(folder, "add", "--all")
    git(folder, "commit", "--quiet", "--message", "The site's content")
    return folder


def free_port():
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def decap_server(repo):
    """decap-server in git mode on a loopback port; yields its API URL."""
    node = shutil.which("node")
    if not node or not DECAP_SERVER.is_file():
        pytest.fail("The editor tests need Node.js and decap-server: run .venv/bin/invoke tools")
    port = free_port()
    environ = {
        "PATH": str(Path(node).parent) + ":/usr/bin:/bin",
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(repo),
        "PORT": str(port),
        "BIND_HOST": LOOPBACK,
        "LOG_LEVEL": "error",
    }
    process = subprocess.Popen(
        [node, str(DECAP_SERVER)], env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    api = f"http://{LOOPBACK}:{port}/api/v1"
    try:
        _wait_for(api, process)
        yield api
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(api, process):
    question = json.dumps({"action": "info"}).encode()
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"decap-server stopped: {process.stdout.read().decode()}")
        request = urllib.request.Request(
            api, data=question, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if "editorial_workflow" in json.load(answer)["publish_modes"]:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail("decap-server did not answer on loopback")


def branches(repo):
    return git(repo, "branch", "--format=%(refname:short)").splitlines()


def file_on(repo, branch, path):
    return git(repo, "show", f"{branch}:{path}")


def raw_file_on(repo, branch, path):
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{branch}:{path}"], capture_output=True, check=True
    ).stdout


def commits_on(repo, branch):
    """The commits a branch has that main has not."""
    return git(repo, "log", "--format=%H", f"main..{branch}").splitlines()


def files_changed(repo, commit):
    return git(repo, "show", "--name-only", "--format=", commit).splitlines()


def export_content(repo, branch, folder):
    """A branch's content folder, written out to `folder`/content."""
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", branch, "content"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "content"


def check_branch(repo, branch, folder):
    """The content check (invoke check) on a branch's content, as its pull
    request would run it: (problems, report)."""
    content = export_content(repo, branch, folder)
    return check_content(
        read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    )


# --- A browser that stays on this machine --------------------------------------


# The production build's own host: the browser reaches it on this machine
# (conftest.py maps it to the loopback server that serves the build).
SERVED_HOST = urlsplit(PRODUCTION_SITEURL).hostname


def is_local(url):
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in (LOOPBACK, SERVED_HOST)


@contextlib.contextmanager
def offline_context(browser, allowed_violations=(), **options):
    """A fresh context in which any request for another host is stopped and
    recorded, and every Content-Security-Policy violation too: the test
    using it fails if there was a request, or a violation that contains
    none of `allowed_violations` (the editor's policy must be all it needs)."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, timezone_id="America/New_York", **options
    )
    leaked, violations = [], []

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            leaked.append(route.request.url)
            route.abort()

    def watch(page):
        page.on(
            "console",
            lambda message: (
                violations.append(message.text) if is_csp_violation(message.text) else None
            ),
        )

    context.route("**/*", guard)
    context.on("page", watch)
    try:
        yield context
    finally:
        context.close()
    assert not leaked, f"requests that would have left the machine: {leaked}"
    unexpected = [v for v in violations if not any(a in v for a in allowed_violations)]
    assert not unexpected, f"the page's policy blocked what the editor needed: {unexpected}"


class Writer:
    """A writer in the editor: fields by their labels, as a person sees them."""

    def __init__(self, page, origin):
        self.page, self.origin = page, origin
        # decap-server commits with git: slow when the machine is busy.
        page.set_default_timeout(60_000)
        page.on("dialog", lambda dialog: dialog.accept())  # "Are you sure ...?"

    def open(self, path=""):
        self.page.goto(f"{self.origin}/admin/#/{path}")

    def sign_in(self):
        self.open()
        self.page.get_by_role("button", name="Login").click()
        self.page.get_by_role("link", name=re.compile("Articles")).first.wait_for()

    def field(self, label):
        """The control labelled `label` (Decap adds " (optional)")."""
        pattern = re.compile(rf"^{re.escape(label)}( \(optional\))?$")
        return self.page.get_by_label(pattern)

    def fill(self, label, text):
        self.field(label).fill(text)

    def date(self, label, value):
        self.page.locator("input[type=date]").and_(self.field(label)).fill(value)

    def choose(self, label, *options):
        for option in options:
            self.field(label).click()
            self.page.get_by_role("option", name=option, exact=True).click()

    def text(self, label):
        """The Markdown box: Decap labels its container, not the box itself."""
        container = self.page.locator("[aria-label='markdown field']").filter(
            has=self.page.get_by_text(label, exact=True)
        )
        return container.get_by_role("textbox")

    def write_body(self, text, label="Text"):
        box = self.text(label)
        box.click()
        self.page.keyboard.type(text)

    def upload_picture(self, path, button="Choose an image"):
        self.page.get_by_role("button", name=button).click()
        with self.page.expect_file_chooser() as chooser:
            self.page.get_by_text("Upload", exact=True).click()
        chooser.value.set_files(str(path))
        self.page.get_by_text(Path(path).name, exact=True).wait_for()

    def choose_picture(self):
        self.page.get_by_role("button", name="Choose selected").click()

    def save(self):
        self.page.get_by_role("button", name="Save").click()

    def saved(self):
        self.page.get_by_text("Entry saved").wait_for()
        # A new entry's page moves to the entry's own address once saved:
        # going elsewhere before that would be undone by it.
        self.page.wait_for_url(re.compile(r"/entries/"))

    def set_status(self, status):
        self.page.get_by_role("button", name=re.compile("^Status")).click()
        self.page.get_by_role("menuitem", name=status).click()
        self.page.get_by_role("button", name=f"Status: {status}").wait_for()

    def publish(self):
        self.page.get_by_role("button", name="Publish", exact=True).first.click()
        self.page.get_by_role("menuitem", name="Publish now").click()
        self.page.get_by_text("Entry published").wait_for()

    def screenshot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=path)
        return path
