"""Keep the kept work honest: one fingerprint of everything a build depends
on besides its source files.

Pelican checks each cached file only against the file itself; our plugin
also reads authors.yml and the images, every setting can change what a page
shows, and our own code and the libraries decide what the caches keep. So
those inputs are fingerprinted together: when any of them changed, Pelican's
caches are emptied before the generators load them, and the speed part keys
what it keeps by the same fingerprint (STATE.site_key).

By content, never by modification time: a fresh clone (CI's checkout every
run) has new times and the same bytes, and must find what the last run kept.
"""

import copy
import hashlib
from importlib.metadata import version
from pathlib import Path

from pelican.readers import MarkdownReader

PLUGIN = Path(__file__).resolve().parent.parent
FINGERPRINT_FILE = "clinic-inputs"
OWN_FILES = "clinic-"  # our files in CACHE_PATH start so; Pelican's never do
# Where a build writes and keeps its files, and whether it reads what was
# kept: no page shows them (CI's build and the benchmark's write each run to
# a new folder; a build that ignores the cache still keeps what it made).
NOT_SHOWN = frozenset(
    (
        "OUTPUT_PATH",
        "CACHE_PATH",
        "CLINIC_IMAGE_CACHE",
        "CACHE_CONTENT",
        "LOAD_CONTENT_CACHE",
        "CHECK_MODIFIED_METHOD",
    )
)
# What reads, renders and types the pages: another version, other pages.
# Installed versions do not change while a process runs: looked up once.
LIBRARIES = repr(
    [
        (name, version(name))
        for name in ("pelican", "markdown", "jinja2", "typogrify", "smartypants", "minify-html")
    ]
)


def inputs_changed(settings, current):
    """At `initialized`, before the generators load the cache: True (and the
    cache emptied) if the build's inputs (`current`, their fingerprint)
    changed since the last build."""
    if not settings["CACHE_CONTENT"]:
        return False
    cache = Path(settings["CACHE_PATH"])
    stored = cache / FINGERPRINT_FILE
    previous = stored.read_text(encoding="utf-8") if stored.exists() else None
    if current == previous:
        return False
    # Pelican's reader and generator caches: without them it reads every file afresh.
    for path in cache.glob("*"):
        if path.is_file() and not path.name.startswith(OWN_FILES):
            path.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_text(current, encoding="utf-8")
    return True


def fingerprint(settings):
    """A hex digest of every setting but NOT_SHOWN, the libraries' versions,
    and the bytes of authors.yml, the images and the plugin's code."""
    digest = hashlib.sha256(described_settings(settings).encode())
    digest.update(LIBRARIES.encode())
    content = Path(settings["PATH"])
    images = content / settings["CLINIC_IMAGES_PATH"]
    watched = [
        (content, [content / settings["CLINIC_AUTHORS_FILE"], *sorted(images.rglob("*"))]),
        (PLUGIN, sorted(PLUGIN.rglob("*.py"))),
    ]
    for root, paths in watched:
        for path in paths:
            if path.is_file():
                name = path.relative_to(root).as_posix()
                digest.update(f"{name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def described_settings(settings):
    """Every setting but NOT_SHOWN, as text that is the same in every process
    (functions by name: settings files make new ones each build)."""
    shown = {key: value for key, value in settings.items() if key not in NOT_SHOWN}
    if "MARKDOWN" in shown:
        # Pelican's Markdown reader completes MARKDOWN in place when it starts
        # (the extensions it always adds), so a process's first build would
        # see it otherwise than the next: described as the reader completes it.
        completed = {**shown, "MARKDOWN": copy.deepcopy(shown["MARKDOWN"])}
        shown["MARKDOWN"] = MarkdownReader(completed).settings["MARKDOWN"]
    return repr(sorted((key, _described(value)) for key, value in shown.items()))


def _described(value):
    if isinstance(value, dict):
        return sorted((repr(key), _described(item)) for key, item in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_described(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return repr(value)
