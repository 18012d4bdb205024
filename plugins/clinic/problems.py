"""Content problems: collected, never raised one by one, so a writer sees
every mistake in one run, each saying which file, which field and the fix."""

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    what: str
    fix: str
    line: int = 1

    def __str__(self):
        return f"{self.path}:{self.line}: {self.field}: {self.what} -> {self.fix}"


class ContentError(Exception):
    """Raised at the end of the build when any content problem was found."""

    def __init__(self, problems, headline="content problem(s), nothing was published"):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field))
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} {headline}:\n{lines}")


def line_of_field(source_path, field):
    """Line number of `field:` in a file's front matter (1 when absent)."""
    pattern = re.compile(rf"^{re.escape(field)}\s*:", re.IGNORECASE)
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return 1


def problem(source_path, display_path, field, what, fix):
    """A Problem located at the line where `field` is set in the file."""
    return Problem(display_path, field, what, fix, line_of_field(source_path, field))
