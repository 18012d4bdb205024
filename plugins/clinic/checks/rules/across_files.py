"""Checks across files: two files writing the same page, two pages with the
same title or summary, and one tag spelt two ways (which would split its
articles over two tag pages)."""

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
