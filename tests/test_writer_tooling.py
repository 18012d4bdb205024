"""What writers use: the spelling check with the project's word list, and the
pre-commit configuration (`invoke new`: test_new_article.py)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixture_site import article, make_content
from invoke import Context
from sitebuilder import ROOT, write

import tasks

BIN = Path(sys.executable).parent
WRITER_DOCS = ["content", "README.md", "CONTRIBUTING.md"]


# --- invoke tidy -----------------------------------------------------------


def test_invoke_tidy_writes_front_matter_as_the_editor_does(tmp_path, capsys):
    content = make_content(tmp_path / "content", {"flow": article(tags="[Ketamine, Sleep]")})
    tasks.tidy(Context(), content=str(content))
    assert "Tidied content/articles/flow.md" in capsys.readouterr().out
    assert "tags:\n  - Ketamine\n  - Sleep\n" in (content / "articles" / "flow.md").read_text()
    tasks.tidy(Context(), content=str(content))
    assert "Every file is tidy." in capsys.readouterr().out


# --- Spelling ----------------------------------------------------------------


def codespell(*paths, cwd=ROOT):
    command = [str(BIN / "codespell"), *map(str, paths)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_writer_facing_text_has_no_misspellings():
    paths = [p for p in WRITER_DOCS if (ROOT / p).exists()] + (
        ["docs"] if (ROOT / "docs").exists() else []
    )
    assert "CONTRIBUTING.md" in paths
    result = codespell(*paths)
    assert result.returncode == 0, result.stdout + result.stderr


def test_spelling_check_fails_on_a_typo_and_knows_clinical_words(tmp_path):
    text = write(tmp_path / "draft.md", "Esketamine and ECT, unlike OT, recieve care.\n")
    result = codespell(text)
    assert result.returncode != 0
    assert result.stdout.strip() == f"{text}:1: recieve ==> receive"


# --- pre-commit --------------------------------------------------------------

CONFIG = ROOT / ".pre-commit-config.yaml"


def test_pre_commit_config_is_valid():
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(CONFIG)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_download_nothing_and_cover_content_python_and_spelling():
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    hooks = {}
    for repo in config["repos"]:
        assert repo["repo"] == "local"
        for hook in repo["hooks"]:
            assert hook["language"] == "system", hook["id"]
            hooks[hook["id"]] = hook
    assert hooks["tidy"]["entry"].endswith("invoke tidy")
    assert hooks["content-check"]["entry"].endswith("invoke check")
    assert hooks["content-check"]["files"] == "^content/"
    assert "ruff check" in hooks["ruff-check"]["entry"]
    assert "ruff format --check" in hooks["ruff-format"]["entry"]
    assert hooks["codespell"]["entry"].endswith("codespell")
    assert hooks["codespell"]["types"] == ["markdown"]
    for hook in hooks.values():
        tool = hook["entry"].split()[0]
        assert (ROOT / tool).exists() or shutil.which(tool), tool


# --- invoke editor -------------------------------------------------------------


def test_the_local_editor_saves_into_a_clone_never_the_working_folder(tmp_path):
    """decap-server checks out branches and commits all it finds in its
    folder: `invoke editor` gives it a clone of the last commit."""
    copy = tasks.editor_repository(tmp_path / "editor-repository")
    head = subprocess.run(
        ["git", "-C", str(copy), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    ours = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert head == ours and copy != ROOT
    marker = copy / "written-by-the-editor.md"
    marker.write_text("kept\n")
    assert tasks.editor_repository(copy) == copy and marker.exists()  # reused, not cloned again


def test_invoke_editor_says_what_to_install_without_decap_server(tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "DECAP_SERVER", tmp_path / "missing.js")
    with pytest.raises(SystemExit, match=r"run \.venv/bin/invoke tools first"):
        tasks.editor(Context())
