"""Related articles kept between builds (speed/read/related_cache.py): the same
choice as site/navigation.py makes, given to the new build's articles, and
made afresh when a date, slug, tag or category changes."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from clinic.site import navigation
from clinic.speed.read import related_cache
from clinic.speed.state import STATE as SPEED

EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


@dataclass(eq=False)  # hashed by identity, like Pelican's articles
class FakeArticle:
    source_path: str
    slug: str
    date: datetime.datetime
    category: SimpleNamespace
    tags: list


def site(tags_of_third=("a",)):
    """A new set of article objects, as each build reads."""
    return [
        FakeArticle(
            f"/content/{n}.md",
            f"article-{n}",
            EPOCH + datetime.timedelta(days=n),
            SimpleNamespace(slug="c" if n % 2 else "d"),
            [SimpleNamespace(slug=t) for t in (tags_of_third if n == 3 else ("a", "b")[: n % 3])],
        )
        for n in range(12)
    ]


@pytest.fixture
def choices(monkeypatch):
    """How often the related articles were really chosen."""
    SPEED.related = None
    made = []
    original = navigation.related_articles

    def counting(published, articles, count):
        made.append(1)
        return original(published, articles, count)

    monkeypatch.setattr(navigation, "related_articles", counting)
    return made


def as_slugs(chosen):
    return [[other.slug for other in found] for found in chosen]


def test_a_rebuild_gets_the_same_choice_for_its_own_articles(choices):
    first = site()
    related_cache.related_kept(first, first, 3)
    second = site()
    kept = related_cache.related_kept(second, second, 3)
    assert len(choices) == 1
    assert as_slugs(kept) == as_slugs(navigation.RelatedIndex(second).related(a, 3) for a in second)
    assert all(other in second for found in kept for other in found)


def test_a_changed_tag_makes_a_new_choice(choices):
    first = site()
    related_cache.related_kept(first, first, 3)
    second = site(tags_of_third=("b",))
    chosen = related_cache.related_kept(second, second, 3)
    assert len(choices) == 2
    assert as_slugs(chosen) == as_slugs(navigation.related_articles(second, second, 3))
