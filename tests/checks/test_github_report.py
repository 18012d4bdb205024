"""Check results where writers look: in GitHub Actions, `invoke check` and
the production build's output check print each problem as an annotation
(shown on that line of the pull request) and list them in plain words on
the run's summary page. Elsewhere they print only what they always did."""

from types import SimpleNamespace

import pytest
from clinic.checks import output
from clinic.problems import Problem, github_annotation, github_summary, tell_github
from fixture_site import article, make_content
from invoke import Context

import tasks

MISSPELT = Problem(
    "content/articles/sleep.md",
    "category",
    "'Treatment' is not one of the site's categories",
    "did you mean 'Treatments'? use one of: Treatments, Families and caregivers",
    line=5,
)
DUE = Problem("content/articles/old.md", "reviewed", "the review is due", "review it", 9, True)


def test_an_error_is_an_error_annotation_on_its_file_and_line():
    assert github_annotation(MISSPELT) == (
        "::error file=content/articles/sleep.md,line=5,title=category::"
        "'Treatment' is not one of the site's categories -> did you mean 'Treatments'? "
        "use one of: Treatments, Families and caregivers"
    )
    assert github_annotation(DUE).startswith("::warning file=content/articles/old.md,line=9,")


def test_what_github_would_misread_is_escaped():
    odd = Problem("content/pages/a,b.md", "title: x", "50% done\nnext line", "fix, then: go", 2)
    assert github_annotation(odd) == (
        "::error file=content/pages/a%2Cb.md,line=2,title=title%3A x::"
        "50%25 done%0Anext line -> fix, then: go"
    )


def test_the_summary_lists_every_problem_in_plain_words():
    summary = github_summary("Content check", [DUE, MISSPELT], "Checked 17 files")
    assert summary.splitlines() == [
        "### Content check: 1 problem(s) to fix",
        "",
        "Checked 17 files.",
        "",
        "- **content/articles/sleep.md**, line 5, `category`: 'Treatment' is not one of the "
        "site's categories. To fix it: did you mean 'Treatments'? use one of: Treatments, "
        "Families and caregivers.",
        "",
        "Warnings (they stop nothing; look at them when you can):",
        "",
        "- **content/articles/old.md**, line 9, `reviewed`: the review is due. "
        "To fix it: review it.",
    ]
    assert github_summary("Content check", []).startswith("### Content check: no problems\n")
    quoting_html = Problem("output/a.html", "image", '<img src="x.jpg"> has no alt', "add it")
    assert "&lt;img" in github_summary("Checks of the built site", [quoting_html])


def test_outside_github_actions_nothing_more_is_told(tmp_path, capsys):
    summary = tmp_path / "summary.md"
    tell_github("Content check", [MISSPELT], environ={"GITHUB_STEP_SUMMARY": str(summary)})
    assert capsys.readouterr().out == "" and not summary.exists()


@pytest.fixture
def in_github_actions(tmp_path, monkeypatch):
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    return summary


def test_invoke_check_annotates_the_pull_request_in_github_actions(
    tmp_path, capsys, in_github_actions
):
    content = make_content(tmp_path / "content", {"sleep": article(category="Treatment")})
    with pytest.raises(SystemExit):
        tasks.check(Context(), content=str(content))
    printed = capsys.readouterr().out
    assert "::error file=content/articles/sleep.md,line=5,title=category::" in printed
    summary = in_github_actions.read_text(encoding="utf-8")
    assert summary.startswith("### Content check: 1 problem(s) to fix")
    assert "- **content/articles/sleep.md**, line 5, `category`" in summary


def test_invoke_test_runs_the_check_without_annotating_twice(tmp_path, capsys, in_github_actions):
    content = make_content(tmp_path / "content", {"fine": article()})
    tasks.check(Context(), content=str(content), github=False)
    assert "::" not in capsys.readouterr().out and not in_github_actions.exists()
    (pre_check,) = [task for task in tasks.test.pre if getattr(task, "task", None) is tasks.check]
    assert pre_check.kwargs == {"github": False}


def test_the_output_check_annotates_the_built_files_in_github_actions(
    tmp_path, capsys, in_github_actions
):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>Home</title>'
        '<meta name="description" content="Home."></head>'
        '<body><main><a href="/gone/">Gone</a></main></body></html>',
        encoding="utf-8",
    )
    pelican = SimpleNamespace(
        settings={"OUTPUT_PATH": str(site), "SITEURL": "", "CLINIC_CHECK_OUTPUT": True}
    )
    with pytest.raises(output.ContentError):
        output.check_after_build(pelican)
    printed = capsys.readouterr().out
    assert "::error file=output/index.html,line=1,title=link::/gone/ leads to no file" in printed
    summary = in_github_actions.read_text(encoding="utf-8")
    assert summary.startswith("### Checks of the built site: 1 problem(s) to fix")
    assert "Checked 1 pages as deployed." in summary
