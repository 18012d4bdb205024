"""Keep Pelican's content cache honest for the plugin.

Local previews cache whole articles after the plugin has enriched them
(CONTENT_CACHING_LAYER = "generator"), so typogrify and the image pipeline
do not run again for an article that did not change. Pelican only checks
each article's own file, though: an edit to authors.yml, an image, the clinic
settings or this plugin's code would leave cached articles stale. So we
fingerprint those inputs and skip loading the cache when they changed.
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
