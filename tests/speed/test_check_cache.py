"""The content check's work on each body is kept in CACHE_PATH between runs
(speed/read/check_cache.py): a new process checks again only the bodies
that changed, and tells the same problems as checking them all."""

import pytest
from clinic.checks import run
from clinic.speed.state import STATE as SPEED
from fixture_site import article, make_content
from sitebuilder import build

# Above the site's reading-grade target: a warning the body check makes.
HARD = (
    "Individuals experiencing treatment-resistant depressive symptomatology frequently "
    "necessitate comprehensive multidisciplinary evaluation prior to the initiation of "
    "pharmacological interventions administered intravenously. "
) * 3
ARTICLES = {"first": article("First") + "\n" + HARD + "\n", "second": article("Second")}


@pytest.fixture
def checked(monkeypatch):
    """The sources whose bodies were really checked (not answered from the cache)."""
    seen = []
    original = run.check_body_of

    def counting(source, scanned, facts):
        seen.append(source.path.stem)
        return original(source, scanned, facts)

    monkeypatch.setattr(run, "check_body_of", counting)
    return seen


def build_as_a_new_process(root, capsys):
    """A build in the same folders each time, as CI's are."""
    SPEED.reset()  # nothing kept in memory: only CACHE_PATH
    build(root / "output", root / "content", CACHE_PATH=str(root / "cache"))
    return [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]


def test_unchanged_bodies_are_not_checked_again_in_a_new_process(tmp_path, checked, capsys):
    make_content(tmp_path / "content", ARTICLES)
    told = build_as_a_new_process(tmp_path, capsys)
    assert {"first", "second"} <= set(checked)
    assert any("first.md" in line and "grade" in line for line in told), told
    checked.clear()
    assert build_as_a_new_process(tmp_path, capsys) == told
    assert checked == []
    edited = tmp_path / "content" / "articles" / "second.md"
    edited.write_text(edited.read_text() + "\nOne more plain sentence.\n")
    assert build_as_a_new_process(tmp_path, capsys) == told
    assert checked == ["second"]


def test_other_facts_check_every_body_again(tmp_path, checked, capsys):
    """A new article changes what links may lead to: every body is checked again."""
    make_content(tmp_path / "content", ARTICLES)
    build_as_a_new_process(tmp_path, capsys)
    checked.clear()
    (tmp_path / "content" / "articles" / "third.md").write_text(article("Third"))
    build_as_a_new_process(tmp_path, capsys)
    assert {"first", "second", "third"} <= set(checked)
