"""The content check's work on each file, kept while the file is unchanged.

Every build runs the whole content check (checks/gate.py), which reads each
content file again and checks its body (links, HTML, the writing): at 1,000
articles about a second, on every livereload rebuild, for files that did
not change. Through the check's seams (checks/run.py), a file whose size
and modification time are unchanged is not read again, and the problems of
its front matter and body are not worked out again while what the checks know of the site is
the same too: the settings and the plugin's other inputs (the pictures among
them), the site's authors, categories and treatments, the writing rules and
their day, and every file the site will have with its status and date
(links are checked against them: a link to a draft is refused).

A body's problems are also kept in CACHE_PATH between runs, by a hash of the
file as read and of those facts: the production build in CI (a new process
each time, with cache/ kept) checks again only the bodies that changed. The
writing checks (reading grade, claims, wording) were 2.5 s of a production
build after one edit at 1,000 articles.
"""

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from ...checks import run
from ..state import STATE

BODY_CHECKS_FILE = "clinic-body-checks.pickle"


def read_kept(path, kind, content_root):
    """The speed part's runner for run.READ."""
    stat = os.stat(path)
    stamp = (stat.st_size, stat.st_mtime_ns)
    key = (str(path), kind, str(content_root))
    kept = STATE.sources.get(key)
    if kept is None or kept[0] != stamp:
        kept = STATE.sources[key] = (stamp, run.read_source(path, kind, content_root))
    STATE.sources_used.add(key)
    return kept[1]


def check_kept(source, scanned, facts):
    """The speed part's runner for run.CHECK_BODY: the same source and scan
    (a file read again makes new ones), checked against the same facts."""
    facts_key = _facts_key(facts)
    kept = STATE.file_checks.get(id(source))
    if kept is None or kept[0] is not source or kept[1] is not scanned or kept[2] != facts_key:
        kept = STATE.file_checks[id(source)] = (
            source,
            scanned,
            facts_key,
            _checked_before(source, scanned, facts, facts_key),
        )
    return kept[3]


def _checked_before(source, scanned, facts, facts_key):
    """check_body_of's answer, from CACHE_PATH when an earlier run checked
    the same file against the same facts. The scan is made from the body by
    settings the facts key holds, so the file as read stands for it."""
    key = hashlib.blake2b(facts_key + pickle.dumps(source)).digest()
    found = STATE.body_checks.get(key)
    if found is None:
        found = STATE.body_checks[key] = run.check_body_of(source, scanned, facts)
        STATE.body_checks_saved = False
    STATE.body_checks_used.add(key)
    return found


def load_body_checks(cache_path):
    """When a build starts: the body checks earlier runs kept (read once per process)."""
    STATE.body_checks_used.clear()
    path = Path(cache_path) / BODY_CHECKS_FILE
    if STATE.body_checks_file == path:
        return
    STATE.body_checks_file, STATE.body_checks, STATE.body_checks_saved = path, {}, False
    with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError, AttributeError):
        STATE.body_checks = pickle.loads(path.read_bytes())
        STATE.body_checks_saved = True


def save_body_checks(pelican):
    """`finalized`: keep the body checks this build used, and only those."""
    if not STATE.on or STATE.body_checks_file is None:
        return
    used = {key: STATE.body_checks[key] for key in STATE.body_checks_used}
    if used.keys() == STATE.body_checks.keys() and STATE.body_checks_saved:
        return  # the file already holds exactly these
    STATE.body_checks = used
    path = STATE.body_checks_file
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(pickle.dumps(used))
    partial.replace(path)  # never half a file, even if the build is stopped
    STATE.body_checks_saved = True


def front_kept(source, facts, preview):
    """The speed part's runner for run.CHECK_FRONT: the same source, checked
    against the same facts, in the same kind of build."""
    key = (_facts_key(facts), preview)
    kept = STATE.front_checks.get(id(source))
    if kept is None or kept[0] is not source or kept[1] != key:
        kept = STATE.front_checks[id(source)] = (
            source,
            key,
            run.check_front_of(source, facts, preview),
        )
    return kept[2]


def _facts_key(facts):
    kept = STATE.facts_key
    if kept is None or kept[0] is not facts:
        known = (
            STATE.site_key,
            facts.siteurl,
            str(facts.content_root),
            str(facts.images_root),
            facts.images_dir,
            repr(facts.categories),
            repr(facts.treatments),
            repr(sorted((facts.authors or {}).items())),
            sorted(facts.site_map.owners),
            repr(facts.writing),
            sorted(
                (path, s.kind, str(s.meta.get("status")), str(s.meta.get("date")))
                for path, s in facts.sources_by_path.items()
            ),
        )
        kept = STATE.facts_key = (facts, hashlib.blake2b(repr(known).encode()).digest())
    return kept[1]


def forget_unused():
    """When a build starts: forget the files the last build no longer had."""
    STATE.sources = {key: STATE.sources[key] for key in STATE.sources_used if key in STATE.sources}
    STATE.sources_used.clear()
    alive = {id(source) for _stamp, (source, _problems) in STATE.sources.values()}
    STATE.file_checks = {key: kept for key, kept in STATE.file_checks.items() if key in alive}
    STATE.front_checks = {key: kept for key, kept in STATE.front_checks.items() if key in alive}
    STATE.facts_key = None
