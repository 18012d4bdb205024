"""Checks across files: two files writing the same page, and one tag spelt
two ways (which would split its articles over two tag pages)."""

import re
from collections import Counter, defaultdict

from ...problems import Problem
from ...schema import tags_of

# Tags one typo apart are taken for one tag misspelt ("Depresion" and
# "Depression"), from six letters and digits up: shorter ones differ by
# design (PTSD, PTS).
_SHORTEST_FUZZY_TAG = 6


def duplicate_outputs(site_map):
    """One problem per content file that makes a page something else makes too
    (`site_map`: the OutputMap of site/urls.py)."""
    problems = []
    for save_as, owners in site_map.clashes():
        names = [_name(owner) for owner in owners]
        for source in owners:
            if isinstance(source, str):
                continue
            others = ", ".join(n for n in names if n != source.display) or source.display
            problems.append(
                source.problem(
                    "slug",
                    f"makes the same page ({save_as}) as {others}, so one would replace the other",
                    "rename one of the files, or give one a different `slug:`",
                )
            )
    return problems


def _name(owner):
    return owner if isinstance(owner, str) else owner.display


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
