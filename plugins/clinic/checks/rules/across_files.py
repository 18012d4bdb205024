"""Checks across files: two files writing the same page (or one the site
keeps for itself), two pages with the same title or summary, one tag spelt
two ways (which would split its articles over two tag pages), and a link to
a page published later than the link."""

import datetime
import os
import re
from collections import Counter, defaultdict

from ...problems import Problem
from ...schema import as_date, tags_of
from ...site.urls import is_draft, slug_of
from .body import line_of, link_target

# Tags one typo apart are taken for one tag misspelt ("Depresion" and
# "Depression"), from six letters and digits up: shorter ones differ by
# design (PTSD, PTS).
_SHORTEST_FUZZY_TAG = 6


def duplicate_outputs(site_map, sources, settings):
    """One problem per content file that makes a page something else makes
    too, that the site keeps for itself (`site_map`: the OutputMap of
    site/urls.py), or whose slug another file has."""
    problems, told = [], set()
    for source, file, address, what in site_map.taken_by_content():
        field = "save_as" if source.meta.get("save_as") else "slug"
        problems.append(
            source.problem(
                field,
                f"{file} is an address the site keeps for {what} ({address})",
                f"choose another `{field}:`"
                if source.meta.get(field)
                else "rename the file, or give it a `slug:` of its own",
            )
        )
        told.add(source.path)
    for save_as, owners in site_map.clashes():
        names = [_name(owner) for owner in owners]
        for source in owners:
            if isinstance(source, str) or source.path in told:
                continue
            others = ", ".join(n for n in names if n != source.display) or source.display
            problems.append(
                source.problem(
                    "slug",
                    f"makes the same page ({save_as}) as {others}, so one would replace the other",
                    "rename one of the files, or give one a different `slug:`",
                )
            )
            told.add(source.path)
    return problems + _same_slugs(sources, settings, told)


def _same_slugs(sources, settings, told):
    """Pelican wants one slug per article, and one per page (locations are
    pages), even where their addresses differ (a draft's, in production, is
    none): it warns about the others, and `invoke publish` stops on that
    warning without naming the cause."""
    groups = defaultdict(list)
    for source in sources:
        groups[source.kind == "article", slug_of(source, settings)].append(source)
    problems = []
    for (_article, slug), same in groups.items():
        if len(same) < 2:
            continue
        for source in (s for s in same if s.path not in told):
            others = ", ".join(other.display for other in same if other is not source)
            problems.append(
                source.problem(
                    "slug",
                    f"'{slug}' is also the slug of {others}: each needs its own",
                    "rename one of the files, or give one a different `slug:`",
                )
            )
    return problems


def _name(owner):
    return owner if isinstance(owner, str) else owner.display


# Fields no two pages may share, and the fix: search results and browser tabs
# show them, so two pages alike here look like one page listed twice (a copied
# article that was never retitled is the usual cause).
_DISTINCT_FIELDS = {
    "title": "give each page its own title; if one file is a copy, retitle the copy",
    "summary": "write a summary of what this page alone covers; if one file is a copy, "
    "rewrite the copy's summary",
}


def same_title_or_summary(sources):
    """One problem per file whose title (or summary) another file also has,
    naming the other file and line. Compared without case or extra spaces."""
    problems = []
    for name, fix in _DISTINCT_FIELDS.items():
        alike = defaultdict(list)
        for source in sources:
            value = source.meta.get(name)
            if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
                alike[" ".join(str(value).casefold().split())].append(source)
        for same in alike.values():
            if len(same) < 2:
                continue
            for source in same:
                others = ", ".join(
                    f"{other.display}:{other.line(name)}" for other in same if other is not source
                )
                what = f"is also the {name} of {others}"
                if name == "title":
                    what = f"'{source.meta[name]}' {what}"
                problems.append(source.problem(name, what, fix))
    return problems


def tag_spellings(sources):
    """One problem per file that spells a tag differently from the other files."""
    uses = Counter()
    where = defaultdict(list)
    for source in sources:
        for tag in tags_of(source.meta.get("tags")):
            uses[tag] += 1
            where[tag].append(source)
    preferred = _preferred_spellings(uses)
    problems = []
    for tag, better in sorted(preferred.items()):
        for source in where[tag]:
            problems.append(
                Problem(
                    source.display,
                    "tags",
                    f"'{tag}' is spelt '{better}' in other articles",
                    f"write '{better}' so all of them share one tag page",
                    source.line("tags"),
                )
            )
    return problems


def _preferred_spellings(uses):
    """{odd spelling: the spelling most files use} for tags that are one tag:
    the same letters and digits whatever the case and punctuation, or one
    typo apart (_one_typo_apart)."""
    keys = {}
    for tag in uses:
        key = re.sub(r"[^a-z0-9]", "", tag.casefold())
        if key:  # a tag without letters or digits is reported by fields.py
            keys.setdefault(key, []).append(tag)
    group = _UnionFind()
    for key, other in _one_typo_apart(keys):
        group.join(key, other)
    spellings = defaultdict(list)
    for key, tags in keys.items():
        spellings[group.root(key)] += tags
    preferred = {}
    for tags in spellings.values():
        if len(tags) < 2:
            continue
        best = max(sorted(tags), key=lambda tag: uses[tag])
        preferred.update({tag: best for tag in tags if tag != best})
    return preferred


def _one_typo_apart(keys):
    """Pairs of keys (six characters or more) one typo apart. Such keys share
    a form with one letter dropped, so only keys sharing one are compared:
    linear in the number of tags, where comparing every pair took minutes at
    2,000 tags."""
    by_form = defaultdict(list)
    for key in keys:
        if len(key) >= _SHORTEST_FUZZY_TAG:
            for form in {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}:
                by_form[form].append(key)
    for sharing in by_form.values():
        for index, key in enumerate(sharing):
            for other in sharing[index + 1 :]:
                if _alike(key, other):
                    yield key, other


def _alike(key, other):
    """True if one is the other with one letter added, dropped, changed, or
    two neighbours swapped, and not only in its numbers ("Migraine 2025" and
    "Migraine 2026", "Session 1" and "Session 2" are different tags)."""
    if re.sub(r"\d", "", key) == re.sub(r"\d", "", other):
        return False
    if len(key) > len(other):
        key, other = other, key
    if len(other) - len(key) > 1:
        return False
    start = 0
    while start < len(key) and key[start] == other[start]:
        start += 1
    if len(key) != len(other):
        return key[start:] == other[start + 1 :]
    if key[start + 1 :] == other[start + 1 :]:
        return True
    swapped = key[start : start + 2] == other[start : start + 2][::-1]
    return swapped and key[start + 2 :] == other[start + 2 :]


class _UnionFind:
    """Groups that grow by joining: "Depresion" ~ "Depression" ~ "depression"."""

    def __init__(self):
        self.parent = {}

    def root(self, key):
        while self.parent.get(key, key) != key:
            key = self.parent[key]
        return key

    def join(self, key, other):
        self.parent[self.root(key)] = self.root(other)


def unpublished_links(source, scanned, facts):
    """One problem per link from a page that will be published to a draft,
    or to an article scheduled after it: production would link to nothing.
    `scanned`: the ScannedHtml of the body."""
    if is_draft(source):
        return []
    problems = []
    for _line, _tag, url in scanned.links:
        what = _published_later(url, source, _linked_source(url, source, facts))
        if what:
            problems.append(
                source.problem(
                    "link",
                    what,
                    "remove the link until that page is published, or publish it first",
                    line=line_of(source, url),
                )
            )
    return problems


def _linked_source(url, source, facts):
    """The content file a link leads to, or None (another site, a missing page)."""
    target = link_target(url, source, facts)
    if target is None:
        return None
    if target.file is not None:
        return facts.sources_by_path.get(os.path.normpath(target.file))
    return facts.site_map.owner_of(target.path) if target.path.startswith("/") else None


def _published_later(url, source, target):
    if target is None:
        return None
    if is_draft(target):
        return f"{url} leads to a draft, which the published site does not have"
    due = as_date(target.meta.get("date")) if target.kind == "article" else None
    if due is None or due <= datetime.date.today():
        return None
    since = as_date(source.meta.get("date")) if source.kind == "article" else None
    if since is not None and since >= due:
        return None  # this article goes live on or after the one it links to
    return (
        f"{url} leads to an article scheduled for {due.isoformat()}: until then it is not published"
    )
