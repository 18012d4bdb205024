"""Content problems: collected, never raised one by one, so a writer sees
every mistake in one run, each saying which file, which field and the fix.

A problem is an error (nothing is published while one remains) unless it is
a warning: something a writer should see and may leave for now, such as a
review that is due. Warnings never stop a build."""

import difflib
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
