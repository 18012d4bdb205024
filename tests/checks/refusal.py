"""What every refusal test asserts: `invoke check` gives exactly the
expected messages, and a build of the same content stops with them before
anything reaches the output folder."""

from pathlib import Path

import pytest
from clinic.checks import gate
from clinic.checks.run import BodyCheck, FileCheck, check_settings_file
from clinic.problems import ContentError, errors
from sitebuilder import ROOT, build

PUBLISHING = {"NEWSLETTER": {"provider": "buttondown", "username": "clinic"}}


def check(content, environ=None):
    """Every error `invoke check` finds in a content folder, as printed
    (warnings, such as a review that is due, aside)."""
    problems, _report = check_settings_file(
        ROOT / "pelicanconf.py", {"PATH": str(content)}, environ=environ or {}
    )
    return sorted(str(p) for p in errors(problems))


def assert_refused(tmp_path, content, *expected, conf="pelicanconf.py", **overrides):
    """The check says exactly `expected`; the build stops saying it too and
    writes nothing."""
    assert check(content) == sorted(expected)
    refused_build(tmp_path, content, *expected, conf=conf, **overrides)


def refused_build(tmp_path, content, *expected, conf="pelicanconf.py", **overrides):
    output = Path(tmp_path) / "output"
    if conf == "publishconf.py":
        overrides = {**PUBLISHING, **overrides}
    with pytest.raises(ContentError) as error:
        build(output, content, conf=conf, **overrides)
    for message in expected:
        assert f"  {message}\n" in f"{error.value}\n", str(error.value)
    assert written(output) == []
    return str(error.value)


def written(output):
    """The files a build wrote (sitebuilder.build keeps its cache in .cache)."""
    files = Path(output).rglob("*") if Path(output).exists() else ()
    return [p for p in files if p.is_file() and ".cache" not in p.relative_to(output).parts]


def switch_off_the_check(monkeypatch):
    """The gate passes everything: what the build itself does with content
    the check would have refused (each layer must hold on its own)."""
    passed = FileCheck(sources=[], facts=None, problems=[], report=None)
    monkeypatch.setattr(gate, "check_files", lambda settings, preview=False: passed)
    monkeypatch.setattr(gate, "check_bodies", lambda files, settings, scans=None: BodyCheck([], {}))
