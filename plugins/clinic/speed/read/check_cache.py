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
"""

import hashlib
import os

from ...checks import run
from ..state import STATE


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
            run.check_body_of(source, scanned, facts),
        )
    return kept[3]


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
