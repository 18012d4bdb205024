"""Words that work for everyone: alt text that describes, link text that says
where it leads, headings in order and never empty (checks/rules/wording.py)."""

import pytest
from clinic.checks.run import check_settings_file
from clinic.checks.writing.wording import empty_alt_reason
from clinic.problems import errors
from fixture_site import article, make_content
from sitebuilder import ROOT


def problems_of(tmp_path, body, **fields):
    content = make_content(tmp_path / "content", {"one": article(**fields) + body})
    problems = check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})[0]
    return [str(p) for p in errors(problems)]


@pytest.mark.parametrize(
    ("alt", "why"),
    [
        ("Image", "does not say what the picture shows"),
        ("photo", "does not say what the picture shows"),
        ("Picture of a nurse by a window", "starts with what screen readers already say"),
        ("An image of calm waves", "starts with what screen readers already say"),
        ("treatment-room.jpg", "is a file name"),
        ("IMG_2041", "is a file name"),
        ("A test article", "repeats the title instead of describing the picture"),
    ],
)
def test_alt_text_that_says_nothing(alt, why):
    assert why in empty_alt_reason(alt, "a test article")


@pytest.mark.parametrize(
    "alt",
    [
        "A nurse adjusts a recliner next to a window",
        "Soft teal and sand waves on a pale background",
        "Photographs of our three clinics pinned to a board",
    ],
)
def test_alt_text_that_describes_passes(alt):
    assert empty_alt_reason(alt, "a test article") is None


def test_alt_text_in_the_text_and_the_hero(tmp_path):
    body = "\nThe room:\n\n![picture of the room](/images/hero.jpg)\n"
    assert problems_of(tmp_path, body, hero_alt="hero.jpg") == [
        "content/articles/one.md:9: hero_alt: the alt text 'hero.jpg' is a file name "
        "-> describe what the picture shows, e.g. 'A nurse adjusts a recliner by a window'",
        "content/articles/one.md:20: image: the alt text 'picture of the room' starts with what "
        "screen readers already say (that it is a picture) -> describe what the picture shows, "
        "e.g. 'A nurse adjusts a recliner by a window'",
    ]


@pytest.mark.parametrize("words", ["click here", "Here", "Read more", "this link", "More."])
def test_link_text_that_says_nothing_out_of_context(tmp_path, words):
    (problem,) = problems_of(tmp_path, f"\nFor prices, [{words}](/treatments/).\n")
    assert problem == (
        f"content/articles/one.md:18: link: the link text '{words}' does not say where it "
        "leads -> say where it goes, e.g. [our treatments page](/treatments/)"
    )


def test_a_link_with_no_text(tmp_path):
    (problem,) = problems_of(tmp_path, "\nSee [](/treatments/) for more.\n")
    assert problem.startswith(
        "content/articles/one.md:18: link: the link to /treatments/ has no text -> write"
    )


def test_link_text_that_says_where_it_goes_passes(tmp_path):
    body = "\nRead [our treatments page](/treatments/) or [see our locations](/locations/).\n"
    assert problems_of(tmp_path, body) == []


def test_headings_that_skip_a_level_or_make_a_second_title(tmp_path):
    body = "\n#### Too deep\n\nText.\n\n# Second title\n\nMore.\n\n### Fine after a title\n"
    assert problems_of(tmp_path, body) == [
        "content/articles/one.md:18: heading: `#### Too deep` skips a level after a `##` heading "
        "-> use `###`, or add the missing level above it",
        "content/articles/one.md:22: heading: `# Second title` is a second main title "
        "-> use `##`: the title is the page's only `#` heading",
        "content/articles/one.md:26: heading: `### Fine after a title` skips a level after a `#` "
        "heading -> use `##`, or add the missing level above it",
    ]


def test_headings_in_order_pass_and_may_climb_back(tmp_path):
    body = "\n### Deeper\n\nText.\n\n#### Deepest\n\nText.\n\n## Back up\n\nText.\n"
    assert problems_of(tmp_path, body) == []


def test_an_empty_heading(tmp_path):
    body = "\nText.\n\n##\n\nMore text.\n\n###   \n"
    assert problems_of(tmp_path, body) == [
        "content/articles/one.md:20: heading: a heading has no text -> write the heading after "
        "`##`, or remove it",
        "content/articles/one.md:24: heading: a heading has no text -> write the heading after "
        "`###`, or remove it",
    ]
