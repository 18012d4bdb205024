"""Decap CMS's built files, as npm installs them (`invoke tools`, pinned in
package-lock.json), copied into the editor's folder so the editor loads
from the site's own origin: no CDN.

The copy is what the browser can load: the main script, the chunks it loads
as it needs them, the WebAssembly files those use, and the licence notices
of the code inside. Not the source maps, nor `cms.js` (the same program
under its old name) and its chunks.
"""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

SCRIPT = "decap-cms.js"
SHIPPED = (SCRIPT, f"{SCRIPT}.LICENSE.txt", f"*.{SCRIPT}", "*.wasm")


@dataclass(frozen=True)
class Decap:
    package: Path  # node_modules/decap-cms
    version: str

    @property
    def dist(self):
        return self.package / "dist"

    def files(self):
        """The files the site serves, by name in dist/."""
        return sorted({path for pattern in SHIPPED for path in self.dist.glob(pattern)})


def find_decap(package):
    """The installed Decap CMS, or None when npm has not installed it."""
    package = Path(package)
    try:
        manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    decap = Decap(package, str(manifest.get("version", "")))
    return decap if (decap.dist / SCRIPT).is_file() else None


def copy_decap(decap, folder):
    """Copy Decap's files into `folder`. A preview writes over the last build,
    so a file already there with the same size and time is left alone."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in decap.files():
        target = folder / source.name
        if _same(source, target):
            continue
        shutil.copy2(source, target)


def _same(source, target):
    try:
        here, there = source.stat(), target.stat()
    except FileNotFoundError:
        return False
    return here.st_size == there.st_size and here.st_mtime_ns == there.st_mtime_ns
