"""What needs a person after an import, one line each, in the site's own
`file:LINE: field: what -> fix` form."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    path: str
    field: str
    what: str
    fix: str
    line: int = 1

    def __str__(self):
        return f"{self.path}:{self.line}: {self.field}: {self.what} -> {self.fix}"


@dataclass
class Report:
    lines: list = field(default_factory=list)  # [Line]: what needs a person
    written: list = field(default_factory=list)  # [files.Written]
    redirects_added: list = field(default_factory=list)  # [(old, new)]
    pictures: list = field(default_factory=list)  # file names in content/images

    def add(self, path, field_name, what, fix, line=1):
        self.lines.append(Line(path, field_name, what, fix, line))

    def summary(self):
        counts = {}
        for written in self.written:
            counts[written.state] = counts.get(written.state, 0) + 1
        files = ", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or "none"
        return (
            f"WordPress import: files {files}; {len(self.pictures)} pictures; "
            f"{len(self.redirects_added)} redirects added; "
            f"{len(self.lines)} thing(s) need a person"
        )
