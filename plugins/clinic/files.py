"""Files written over the last build's: a preview writes into the same
folder again and again, and a file whose bytes did not change keeps its
modification time (livereload, rsync and browsers' caches go by it)."""

import os


def write_if_changed(path, data):
    """Write `data` (bytes) as the file at `path`, making its folder if need
    be, unless the file already holds exactly those bytes."""
    try:
        with open(path, "rb") as existing:
            if existing.read() == data:
                return
    except OSError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as target:
        target.write(data)
