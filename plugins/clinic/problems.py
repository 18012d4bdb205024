"""Content problems: collected, never raised one by one, so a writer sees
every mistake in one run, each saying which file, which field and the fix.

A problem is an error (nothing is published while one remains) unless it is
a warning: something a writer should see and may leave for now, such as a
review that is due. Warnings never stop a build.

In GitHub Actions they are also told to GitHub (tell_github): on the
changed line of the pull request, and in plain words on the run's summary."""

import difflib
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    what: str
    fix: str
    line: int = 1  # 0 for inputs without lines (environment variables)
    warning: bool = False

    def __str__(self):
        kind = "warning: " if self.warning else ""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {kind}{self.field}: {self.what} -> {self.fix}"


def errors(problems):
    return [problem for problem in problems if not problem.warning]


def warnings(problems):
    return [problem for problem in problems if problem.warning]


class ContentError(Exception):
    """Raised at the end of the build when any content problem was found."""

    def __init__(self, problems, headline="content problem(s), nothing was published"):
        self.problems = sorted(errors(problems), key=lambda p: (p.path, p.line, p.field))
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} {headline}:\n{lines}")


def closest(value, choices):
    """The choice a typo most likely meant, or None: for "did you mean" fixes."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else None


# --- Told to GitHub ----------------------------------------------------------
# In GitHub Actions (GITHUB_ACTIONS is "true"), `invoke check` and the output
# check of the production build also print each problem as a workflow command,
# which GitHub shows on that line of the pull request's changes, and list them
# in plain words on the run's summary page (the file GITHUB_STEP_SUMMARY names).


def github_annotation(problem):
    """`::error file=...,line=...,title=...::what -> fix` (or ::warning)."""
    level = "warning" if problem.warning else "error"
    where = f"file={_property(problem.path)},line={problem.line},title={_property(problem.field)}"
    return f"::{level} {where}::{_escape(f'{problem.what} -> {problem.fix}')}"


def _escape(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text):
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def github_summary(title, problems, checked=""):
    """The run summary's section for one check, in Markdown."""
    found, noted = errors(problems), warnings(problems)
    headline = f"{len(found)} problem(s) to fix" if found else "no problems"
    lines = [f"### {title}: {headline}", ""]
    if checked:
        lines += [f"{checked}.", ""]
    lines += [_in_words(problem) for problem in _in_order(found)]
    if noted:
        lines += ["", "Warnings (they stop nothing; look at them when you can):", ""]
        lines += [_in_words(problem) for problem in _in_order(noted)]
    return "\n".join(lines) + "\n"


def _in_order(problems):
    return sorted(problems, key=lambda p: (p.path, p.line, p.field))


def _in_words(problem):
    # Angle brackets are escaped: a message may quote HTML such as <img>.
    what = f"{problem.what}. To fix it: {problem.fix}.".replace("<", "&lt;")
    return f"- **{problem.path}**, line {problem.line}, `{problem.field}`: {what}"


def tell_github(title, problems, checked="", environ=None):
    """In GitHub Actions only: annotations, and the summary section."""
    environ = os.environ if environ is None else environ
    if environ.get("GITHUB_ACTIONS") != "true":
        return
    for problem in _in_order(problems):
        print(github_annotation(problem))
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(github_summary(title, problems, checked) + "\n")
