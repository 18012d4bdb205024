"""What writers use: the spelling check with the project's word list, and the
pre-commit configuration (`invoke new`: test_new_article.py)."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuilder import ROOT, write

BIN = Path(sys.executable).parent
WRITER_DOCS = ["content", "README.md", "CONTRIBUTING.md"]


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
    assert hooks["content-check"]["entry"].endswith("invoke check")
    assert hooks["content-check"]["files"] == "^content/"
    assert "ruff check" in hooks["ruff-check"]["entry"]
    assert "ruff format --check" in hooks["ruff-format"]["entry"]
    assert hooks["codespell"]["entry"].endswith("codespell")
    assert hooks["codespell"]["types"] == ["markdown"]
    for hook in hooks.values():
        tool = hook["entry"].split()[0]
        assert (ROOT / tool).exists() or shutil.which(tool), tool
