"""Keep the preview caches honest for the plugin.

Pelican checks each cached file only against the file itself; our plugin
also reads authors.yml, the images, the clinic settings, and its own code
decides what body_steps keeps. So we fingerprint those inputs and skip
loading the caches when any of them changed.
"""

import hashlib
from pathlib import Path

PLUGIN = Path(__file__).resolve().parent
FINGERPRINT_FILE = "clinic-inputs"


def check(pelican):
    """At `initialized`, before the generators load the cache."""
    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    stored = Path(settings["CACHE_PATH"]) / FINGERPRINT_FILE
    current = fingerprint(settings)
    previous = stored.read_text(encoding="utf-8") if stored.exists() else None
    if current != previous:
        settings["LOAD_CONTENT_CACHE"] = False  # read everything afresh this once
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(current, encoding="utf-8")


def fingerprint(settings):
    digest = hashlib.sha256()
    settings_used = {
        key: value
        for key, value in settings.items()
        if key.startswith(("CLINIC_", "NEWSLETTER")) or key in ("SITEURL", "PATH")
    }
    digest.update(repr(sorted(settings_used.items(), key=lambda item: item[0])).encode())
    content = Path(settings["PATH"])
    watched = [
        content / settings.get("CLINIC_AUTHORS_FILE", "authors.yml"),
        *sorted((content / settings.get("CLINIC_IMAGES_PATH", "images")).rglob("*")),
        *sorted(PLUGIN.glob("*.py")),
    ]
    for path in watched:
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
