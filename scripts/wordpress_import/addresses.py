"""Every old address keeps working: the old site's paths -> this site's, as
lines added to content/redirects.yml.

Posts and pages keep their slugs, so a post at /2023/05/my-post/ (whatever
the old permalink structure: it is read from each post's own link) now lives
at /blog/my-post/. Category, tag and author archives, the feed and every
uploaded picture the content used get a line too. Lines already in the file
are never added twice, and a line the file already has for an old address
with another target is left as the writer made it (and reported).
"""

from pathlib import Path

import yaml

HEADING = "\n# Imported from WordPress by `invoke import-wordpress`.\n"


def read_existing(path):
    """{old path: new path} already in redirects.yml."""
    path = Path(path)
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {_normal(str(old)): str(new) for old, new in data.items()}


def add_redirects(path, wanted):
    """Append the (old, new) pairs not in the file yet; returns (added, clashes)
    where clashes are (old, existing target, wanted target)."""
    path = Path(path)
    existing = read_existing(path)
    added, clashes = [], []
    for old, new in wanted:
        key = _normal(old)
        if key == _normal(new):
            continue  # the same address here: nothing to redirect
        if key in existing:
            if existing[key] != new:
                clashes.append((old, existing[key], new))
            continue
        existing[key] = new
        added.append((old, new))
    if added:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if HEADING.strip() not in text:
            text = text.rstrip("\n") + "\n" + HEADING
        text += "".join(f"{_quoted(old)}: {_quoted(new)}\n" for old, new in added)
        path.write_text(text, encoding="utf-8")
    return added, clashes


def _normal(path):
    """ "/a" and "/a/" are one address (as the site's redirects read them)."""
    last = path.rsplit("/", 1)[-1]
    return path + "/" if last and "." not in last else path


def _quoted(path):
    plain = all(c.isalnum() or c in "/-_.~%" for c in path)
    return path if plain else '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'
