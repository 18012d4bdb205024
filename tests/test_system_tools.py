"""The README's test command on a fresh Debian machine: `invoke test` first
installs Chromium and Java with apt-get when they are missing (as root), or
stops at once with the one command to run. Tested with a fake `which`, a fake
user id and a context that records commands instead of running them: nothing
is installed or removed on this machine."""

from unittest import mock

import pytest
from invoke import MockContext, Result
from sitebuilder import ROOT
from test_workflows import README_TEST_COMMAND

import tasks

BOTH = "apt-get install -y --no-install-recommends chromium default-jre-headless"


def machine(monkeypatch, on_path, euid):
    """Pretend only the commands in `on_path` are installed, and the user id is `euid`."""
    found = {command: f"/usr/bin/{command}" for command in on_path}
    monkeypatch.setattr(tasks.shutil, "which", found.get)
    monkeypatch.setattr(tasks.os, "geteuid", lambda: euid)


def recording_context(*commands):
    """A context that accepts exactly `commands` and records each call."""
    return MockContext(run={command: Result() for command in commands})


def test_nothing_is_installed_when_chromium_and_java_are_there(monkeypatch, capsys):
    machine(monkeypatch, ["chromium", "java", "apt-get"], euid=1000)
    context = recording_context()
    tasks.system_tools(context)
    assert context.run.call_args_list == []
    assert capsys.readouterr().out == ""


def test_root_installs_what_is_missing_after_apt_get_update(monkeypatch, capsys):
    machine(monkeypatch, ["apt-get"], euid=0)
    context = recording_context("apt-get update", BOTH)
    tasks.system_tools(context)
    quiet = {"DEBIAN_FRONTEND": "noninteractive"}
    assert context.run.call_args_list == [
        mock.call("apt-get update", env=quiet),
        mock.call(BOTH, env=quiet),
    ]
    said = capsys.readouterr().out
    assert "need Debian packages that are not installed: chromium default-jre-headless" in said
    assert f"Installing them: apt-get update, then {BOTH}" in said


def test_root_installs_only_the_missing_package(monkeypatch):
    machine(monkeypatch, ["chromium", "apt-get"], euid=0)
    java_only = "apt-get install -y --no-install-recommends default-jre-headless"
    context = recording_context("apt-get update", java_only)
    tasks.system_tools(context)
    assert [call.args[0] for call in context.run.call_args_list] == ["apt-get update", java_only]


def test_without_root_it_stops_at_once_printing_the_one_command(monkeypatch):
    machine(monkeypatch, ["java", "apt-get"], euid=1000)
    context = recording_context()
    with pytest.raises(SystemExit) as stop:
        tasks.system_tools(context)
    assert context.run.call_args_list == []
    message = str(stop.value.code)
    assert "not installed: chromium." in message
    command = "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium"
    assert message.splitlines()[-1].strip() == command


def test_without_apt_get_it_says_what_to_install(monkeypatch):
    machine(monkeypatch, [], euid=0)
    with pytest.raises(SystemExit) as stop:
        tasks.system_tools(recording_context())
    assert "no apt-get: install Chromium (at /usr/bin/chromium) and a Java runtime" in str(
        stop.value.code
    )


def test_the_test_task_installs_them_before_anything_else():
    assert tasks.test.pre[0] is tasks.system_tools
    assert tasks.lighthouse.pre[0] is tasks.system_tools


def test_the_production_build_and_the_benchmark_install_the_npm_packages_first():
    """The published editor is Decap CMS as npm installs it; CI's production
    build runs before its tests would install the npm packages."""
    assert tasks.tools in tasks.publish.pre
    assert tasks.tools in tasks.bench.pre


def test_ci_runs_exactly_the_readme_command_and_leaves_installing_to_it():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line for line in script.splitlines() if line.strip() and not line.startswith(("#", "set"))
    ]
    assert commands[-1] == README_TEST_COMMAND
    assert "apt-get" not in "\n".join(commands)
