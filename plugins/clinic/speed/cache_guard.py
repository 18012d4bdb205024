"""Keep the preview caches honest for the plugin.

Pelican checks each cached file only against the file itself; our plugin
also reads authors.yml, the images, the clinic settings, and its own code
decides what the body cache keeps. So we fingerprint those inputs, and when
any of them changed, the caches are emptied before the generators load them.
"""

import hashlib
from pathlib import Path

from ..settings import NAMES

PLUGIN = Path(__file__).resolve().parent.parent
FINGERPRINT_FILE = "clinic-inputs"
OWN_FILES = "clinic-"  # our files in CACHE_PATH start so; Pelican's never do


def inputs_changed(settings, current):
    """At `initialized`, before the generators load the cache: True (and the
    cache emptied) if the plugin's inputs (`current`, their fingerprint)
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
    digest = hashlib.sha256()
    settings_used = {
        key: value
        for key, value in settings.items()
        if key in NAMES or key.startswith(("CLINIC_", "NEWSLETTER")) or key in ("SITEURL", "PATH")
    }
    digest.update(repr(sorted(settings_used.items(), key=lambda item: item[0])).encode())
    content = Path(settings["PATH"])
    watched = [
        content / settings["CLINIC_AUTHORS_FILE"],
        *sorted((content / settings["CLINIC_IMAGES_PATH"]).rglob("*")),
        *sorted(PLUGIN.rglob("*.py")),
    ]
    for path in watched:
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
