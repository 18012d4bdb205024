"""Checks across files: two files writing the same page, and one tag spelt
two ways (which would split its articles over two tag pages)."""

import difflib
import re
from collections import Counter, defaultdict

from ...problems import Problem
from ...schema import tags_of

# Tags this alike are taken for one tag misspelt: "Depresion" and "Depression".
_SAME_TAG_RATIO = 0.9
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
    """{odd spelling: the spelling most files use} for tags that are one tag."""
    groups = defaultdict(set)
    keys = {}
    for tag in uses:
        key = re.sub(r"[^a-z0-9]", "", tag.casefold())
        keys[tag] = key
        groups[key].add(tag)
    # Near-identical keys (one typo apart) join the same group. Pairwise, but
    # only within a first letter: a site has tens of distinct tags, not thousands.
    by_letter = defaultdict(list)
    for key in sorted(groups):
        by_letter[key[:1]].append(key)
    for same_letter in by_letter.values():
        for index, key in enumerate(same_letter):
            for other in same_letter[index + 1 :]:
                if _alike(key, other):
                    groups[key] |= groups[other]
                    groups[other] = groups[key]
    preferred = {}
    for spellings in {frozenset(s) for s in groups.values()}:
        if len(spellings) < 2:
            continue
        best = max(sorted(spellings), key=lambda tag: uses[tag])
        preferred.update({tag: best for tag in spellings if tag != best})
    return preferred


def _alike(key, other):
    if min(len(key), len(other)) < _SHORTEST_FUZZY_TAG:
        return False
    return difflib.SequenceMatcher(None, key, other).ratio() >= _SAME_TAG_RATIO
