"""Writing files so that running the import twice is safe.

A manifest (wordpress-import.json, beside the mapping file) remembers a hash
of every file the import wrote. Running again rewrites a file only while it
is as the import left it; a file a writer has edited since is kept (and
reported) unless --force; a file the import did not write is never touched.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from clinic.editor.yaml_style import dump


@dataclass
class Written:
    path: Path
    state: str  # "new", "updated", "unchanged", "kept (edited since)", "kept (not ours)"


class Manifest:
    def __init__(self, path, root):
        self.path, self.root = Path(path), Path(root)
        self.hashes = {}
        if self.path.exists():
            self.hashes = json.loads(self.path.read_text(encoding="utf-8")).get("files", {})

    def write(self, path, text, force=False):
        path = Path(path)
        key = path.relative_to(self.root).as_posix()
        if path.exists():
            current = _hash(path.read_text(encoding="utf-8"))
            if key not in self.hashes:
                return Written(path, "kept (not ours)")
            if current == _hash(text):
                return Written(path, "unchanged")
            if current != self.hashes[key] and not force:
                return Written(path, "kept (edited since)")
            state = "updated"
        else:
            state = "new"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.hashes[key] = _hash(text)
        return Written(path, state)

    def save(self):
        data = {
            "about": "Files written by `invoke import-wordpress`, with a hash of what it wrote: "
            "a file whose hash no longer matches was edited and is never overwritten.",
            "files": dict(sorted(self.hashes.items())),
        }
        self.path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def markdown_file(front_matter, body):
    """A content file in the site's style: YAML front matter between `---`
    lines, written as the browser editor writes it (dates as YYYY-MM-DD)."""
    fields = {
        key: value.isoformat() if isinstance(value, datetime.date) else value
        for key, value in front_matter.items()
    }
    return f"---\n{dump(fields)}---\n\n{body}"


def _hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
