"""Finding 8 of issue 15: the tag-spelling comparison stays linear in the
number of tags (it compared every pair: 2,000 tags took minutes). No timed
assertion here (benchmarks say how fast); 10,000 tags in one test run is
the proof that it no longer grows with the square."""

import hashlib

from clinic.checks.rules.across_files import _preferred_spellings
from fixture_site import article, make_content
from test_content_check import check


def distinct_tags(count):
    # Ten hex digits each: no two of them are one typo apart.
    return [f"Topic {hashlib.sha1(str(n).encode()).hexdigest()[:10]}" for n in range(count)]


def test_ten_thousand_tags_are_compared_and_one_misspelling_found(tmp_path):
    tags = distinct_tags(10_000)
    articles = {
        f"a{n}": article(title=f"A{n}", tags="[" + ", ".join(tags[n * 100 : n * 100 + 100]) + "]")
        for n in range(100)
    }
    articles["one"] = article(title="One", tags="[Depression]")
    articles["two"] = article(title="Two", tags="[Depression]")
    articles["three"] = article(title="Three", tags="[Depresion]")
    problems = check(make_content(tmp_path / "content", articles))
    assert problems == [
        "content/articles/three.md:6: tags: 'Depresion' is spelt 'Depression' in other "
        "articles -> write 'Depression' so all of them share one tag page"
    ]


def test_one_typo_apart_is_one_tag():
    uses = {"Depression": 3, "Depresion": 1, "depression": 1, "Ketamnie": 1, "Ketamine": 2}
    assert _preferred_spellings(uses) == {
        "Depresion": "Depression",
        "depression": "Depression",
        "Ketamnie": "Ketamine",
    }


def test_tags_that_differ_only_in_numbers_or_are_short_stay_apart():
    uses = {"Migraine 2025": 2, "Migraine 2026": 1, "Session 1": 1, "Session 2": 1}
    uses |= {"PTSD": 1, "PTS": 1, "OCD": 1}
    assert _preferred_spellings(uses) == {}
