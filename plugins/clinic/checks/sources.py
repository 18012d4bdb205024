"""Read content files straight from disk, the way a writer sees them.

Pelican hides the details we need for good errors (it lowercases keys,
drops a file whose YAML it cannot read, loses line numbers), so the content
check reads each file itself: bytes -> UTF-8 text -> front matter + body.
"""

import fnmatch
import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Problem

# The site is written in Markdown: Pelican reads these files and no others.
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Pelican's name for what its static-file reader handles (pictures).
_STATIC_READER = "static"


class YAMLDate(str):
    """A value YAML reads as a date, kept as the text written: YAML itself
    raises a bare ValueError on 2025-13-40, and the date check gives a far
    clearer message. Its type tells a text field that Pelican gets a date."""


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's safe loader when available (several times faster), keeping
    dates as YAMLDate text."""


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: YAMLDate(loader.construct_scalar(node))
)


@dataclass
class SourceFile:
    path: Path  # absolute path on disk
    display: str  # path shown to writers, relative to the content folder
    kind: str  # "article", "page" or "location"
    meta: dict  # front matter, keys lowercased as Pelican reads them
    key_lines: dict = field(default_factory=dict)  # key -> line number in the file
    written_keys: dict = field(default_factory=dict)  # key -> key as the writer spelled it
    written_values: dict = field(default_factory=dict)  # key -> its value's text on that line
    body: str = ""  # Markdown below the front matter
    body_line: int = 1  # line number where the body starts

    def line(self, key):
        return self.key_lines.get(key, 1)

    def problem(self, key, what, fix, line=None):
        return Problem(self.display, key, what, fix, line or self.line(key))


def markdown_only(readers):
    """`readers_init`, after pelican-yaml-metadata installed its reader: every
    reader but Markdown's is switched off. reStructuredText's include and raw
    directives read files and addresses while the site is built, HTML files
    would skip every check, and .mkd/.mdown would skip this one. (The READERS
    setting cannot do it alone: pelican-yaml-metadata puts .mkd and .mdown
    back after it.) rules/files.py names each file left unread."""
    kept = {suffix.lstrip(".") for suffix in MARKDOWN_SUFFIXES} | {_STATIC_READER}
    for extension in readers.reader_classes:
        if extension not in kept:
            readers.reader_classes[extension] = None


def discover(settings):
    """[(absolute path, kind)] for every Markdown file Pelican will read."""
    root = Path(settings["PATH"])
    locations_dir = settings["CLINIC_LOCATIONS_PATH"].strip("/")
    folders = [(folder, "article") for folder in settings["ARTICLE_PATHS"]]
    folders += [
        (folder, "location" if folder.strip("/") == locations_dir else "page")
        for folder in settings["PAGE_PATHS"]
    ]
    found = []
    for folder, kind in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in MARKDOWN_SUFFIXES and not _ignored(path, settings):
                found.append((path, kind))
    return found


def _ignored(path, settings):
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in settings["IGNORE_FILES"])


# Asked for every file several times a build (and a livereload rebuild):
# worked out once per file, as pathlib's parsing is most of its cost.
@functools.cache
def display_path(path, content_root):
    """A content file as writers see it: from the project folder
    (content/articles/x.md), so editors can open it. `path` is absolute or
    relative to the content folder (as Pelican keys files)."""
    return (Path(content_root) / path).relative_to(Path(content_root).parent).as_posix()


def read_source(path, kind, content_root):
    """One file -> (SourceFile, []) or (None, [Problem]) when it cannot be read."""
    display = display_path(path, content_root)
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                display,
                "file",
                f"is not valid UTF-8 text (byte 0x{raw[error.start]:02x})",
                "re-save the file with the encoding UTF-8 (your editor's Save As or Encoding menu)",
                line,
            )
        ]
    return _split(text, display, path, kind)


def _split(text, display, path, kind):
    lines = text.lstrip("\ufeff").splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return None, [
            Problem(
                display,
                "front matter",
                "the file does not start with a `---` line",
                "begin the file with `---`, the fields (title: ...), then another `---`",
                (start or 0) + 1,
            )
        ]
    end = next(
        (n for n in range(start + 1, len(lines)) if lines[n].rstrip() in ("---", "...")), None
    )
    if end is None:
        return None, [
            Problem(
                display,
                "front matter",
                "has no closing `---` line",
                "add a line with just `---` after the last field",
                start + 1,
            )
        ]
    front = "\n".join(lines[start + 1 : end])
    try:
        meta = yaml.load(front, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        line = start + 2 + _error_line(error)
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return None, [
            Problem(
                display,
                "front matter",
                f"cannot be read: {reason}",
                "write each field as `name: value`; put values containing `: ` or `#` "
                "in double quotes; write lists as [one, two]",
                line,
            )
        ]
    if not isinstance(meta, dict):
        return None, [
            Problem(
                display,
                "front matter",
                "is not a list of `name: value` fields",
                "write one field per line, such as `title: My article`",
                start + 2,
            )
        ]
    source = SourceFile(
        path=Path(path),
        display=display,
        kind=kind,
        meta={str(key).lower(): value for key, value in meta.items()},
        body="\n".join(lines[end + 1 :]),
        body_line=end + 2,
    )
    for number in range(start + 1, end):
        name = lines[number].split(":", 1)[0]
        if ":" in lines[number] and name and not name[0].isspace():
            key = name.strip().lower()
            source.key_lines.setdefault(key, number + 1)
            source.written_keys.setdefault(key, name.strip())
            source.written_values.setdefault(key, lines[number].split(":", 1)[1].strip())
    return source, []


def _error_line(error):
    """0-based line of a YAML error within the front matter. An unclosed
    bracket or quote is found only at the end; its opening line helps more."""
    mark = getattr(error, "problem_mark", None)
    context = error.context or ""
    if context.startswith(_UNCLOSED) and error.context_mark is not None:
        return error.context_mark.line
    return mark.line if mark else 0


# YAML errors found only where an unclosed bracket or quote runs out.
_UNCLOSED = ("while parsing a flow", "while scanning a quoted")
