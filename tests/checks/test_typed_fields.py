"""Issue 15, findings 6, 7, 10 and 13: front matter is read as the writer
meant it, or refused with the way to write it. Tags are a YAML list (the
check and Pelican then agree on them), scalar fields have the kind the
schema gives them, a hero image is a file name in content/images/, a
location's email is a plain address, and a link never leads to a page the
published site does not have yet."""

import shutil

import pytest
from fixture_site import LOCATION, article, make_content
from refusal import assert_refused, check, switch_off_the_check, written
from sitebuilder import ROOT, build, soup, write


def one_article(tmp_path, **fields):
    return make_content(tmp_path / "content", {"one": article(**fields)})


# --- Finding 6: tags -----------------------------------------------------------


def test_tags_as_a_list_are_two_tags_for_the_check_and_for_pelican(tmp_path):
    content = one_article(tmp_path, tags="[Ketamine, Depression]")
    assert check(content) == []
    site = build(tmp_path / "output", content)
    assert (site / "blog/tag/ketamine/index.html").is_file()
    assert (site / "blog/tag/depression/index.html").is_file()
    assert not (site / "blog/tag/ketamine-depression").exists()


def test_tags_written_as_text_are_refused_with_the_list_to_write(tmp_path):
    assert_refused(
        tmp_path,
        one_article(tmp_path, tags="Ketamine, Depression"),
        "content/articles/one.md:6: tags: 'Ketamine, Depression' is text, not a list: Pelican "
        "would make it one tag, 'Ketamine, Depression' -> write a list in square brackets: "
        "tags: [Ketamine, Depression]",
    )


def test_one_tag_written_as_text_is_refused_too(tmp_path):
    assert check(one_article(tmp_path, tags="Ketamine")) == [
        "content/articles/one.md:6: tags: 'Ketamine' is text, not a list "
        "-> write a list in square brackets: tags: [Ketamine]"
    ]


def test_a_tag_without_letters_or_digits_is_refused(tmp_path):
    assert_refused(
        tmp_path,
        one_article(tmp_path, tags="[Depression, 🙂]"),
        "content/articles/one.md:6: tags: '🙂' has no letter or digit to make its web address "
        "from -> name the tag in words, e.g. [Depression]",
    )


# --- Finding 7: hero images --------------------------------------------------------


@pytest.mark.parametrize("hero", ["/abs/path.png", "../../docs/x.png", "sub/hero.jpg"])
def test_a_hero_image_is_a_bare_file_name(tmp_path, hero):
    assert_refused(
        tmp_path,
        one_article(tmp_path, hero_image=hero),
        f"content/articles/one.md:8: hero_image: '{hero}' is a path, not the name of a picture "
        "in images/ -> put the picture in content/images/ and write only its file name, "
        "e.g. first-infusion.jpg",
    )


def test_a_hero_path_writes_nothing_outside_the_output_even_unchecked(tmp_path, monkeypatch):
    """The build itself ignores a hero path, should the check ever miss one."""
    switch_off_the_check(monkeypatch)
    picture = tmp_path / "docs" / "x.png"
    picture.parent.mkdir()
    shutil.copy(ROOT / "content" / "images" / "logo.png", picture)
    content = one_article(tmp_path, hero_image="../../docs/x.png")
    before = outside_output(tmp_path)
    site = build(tmp_path / "output", content)
    assert soup(site, "blog/one/").find("h1")
    assert outside_output(tmp_path) == before
    assert not [p for p in written(site) if p.name.startswith("x")]


def outside_output(folder):
    return sorted(p for p in folder.rglob("*") if "output" not in p.relative_to(folder).parts)


# --- Finding 10: scalar fields of the schema's kind ---------------------------------


@pytest.mark.parametrize(
    ("title", "reads"),
    [
        ("yes", "true or false"),
        ("no", "true or false"),
        ("2026", "a number"),
        ("2026-03-01", "a date"),
    ],
)
def test_a_title_yaml_does_not_read_as_text_is_refused(tmp_path, title, reads):
    assert_refused(
        tmp_path,
        one_article(tmp_path, title=title),
        f"content/articles/one.md:2: title: YAML reads {title} as {reads}, not as text "
        f'-> put it in double quotes: title: "{title}"',
    )


def test_a_quoted_title_is_text(tmp_path):
    assert check(one_article(tmp_path, title='"2026"')) == []


def test_every_scalar_field_has_its_kind(tmp_path):
    content = make_content(
        tmp_path / "content",
        {"one": article(slug="404", summary="yes", status="on", hero_alt="12")},
    )
    location = content / "locations" / "testville.md"
    text = LOCATION.replace('zip: "44100"', "zip: 44100").replace("latitude: 41.5", "latitude: yes")
    write(location, text.replace("longitude: -81.6", 'longitude: "-81.6"'))
    assert_refused(
        tmp_path,
        content,
        "content/articles/one.md:7: summary: YAML reads yes as true or false, not as text "
        '-> put it in double quotes: summary: "yes"',
        "content/articles/one.md:9: hero_alt: YAML reads 12 as a number, not as text "
        '-> put it in double quotes: hero_alt: "12"',
        "content/articles/one.md:10: slug: YAML reads 404 as a number, not as text "
        '-> put it in double quotes: slug: "404"',
        "content/articles/one.md:11: status: YAML reads on as true or false, not as text "
        '-> put it in double quotes: status: "on"',
        "content/locations/testville.md:8: zip: YAML reads 44100 as a number, not as text "
        '-> put it in double quotes: zip: "44100"',
        "content/locations/testville.md:11: latitude: YAML reads yes as true or false, not as a "
        "number -> write the number without quotes, e.g. latitude: 41.5036",
        'content/locations/testville.md:12: longitude: YAML reads "-81.6" as text, not as a '
        "number -> write the number without quotes, e.g. longitude: -81.6811",
    )


# --- Finding 10: links to what production does not publish yet ---------------------


def test_a_link_to_a_draft_is_refused(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "one": article() + "\nSee [the draft]({filename}draft.md).\n",
            "draft": article(title="Draft", status="draft"),
        },
    )
    assert_refused(
        tmp_path,
        content,
        "content/articles/one.md:18: link: {filename}draft.md leads to a draft, which the "
        "published site does not have -> remove the link until that page is published, "
        "or publish it first",
    )


def test_a_link_to_an_article_scheduled_later_is_refused(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "one": article() + "\nSee [what comes](/blog/later/).\n",
            "later": article(title="Later", date="2999-01-01"),
            # Scheduled for the same day: both go live together.
            "same": article(title="Same", date="2999-01-01") + "\n[l]({filename}later.md)\n",
        },
    )
    assert_refused(
        tmp_path,
        content,
        "content/articles/one.md:18: link: /blog/later/ leads to an article scheduled for "
        "2999-01-01: until then it is not published -> remove the link until that page is "
        "published, or publish it first",
    )


def test_a_draft_may_link_to_another_draft(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "one": article(status="draft") + "\n[d]({filename}two.md)\n",
            "two": article(title="Two", status="draft"),
        },
    )
    assert check(content) == []


# --- Finding 13: a location's email -------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "test@newpathways.example?bcc=someone@elsewhere.example&subject=x",
        "test@newpathways.example?subject=Hello",
        "test@newpathways.example?bcc=someone%40elsewhere.example",
        "test@newpathways.example,someone@elsewhere.example",
    ],
)
def test_a_location_email_is_a_plain_address(tmp_path, email):
    content = make_content(tmp_path / "content", {"one": article()})
    location = content / "locations" / "testville.md"
    write(location, LOCATION.replace("test@newpathways.example", email))
    assert_refused(
        tmp_path,
        content,
        f"content/locations/testville.md:10: email: '{email}' is not a plain email address "
        "-> write only the address, such as name@example.org: no ?subject=, ?bcc=, spaces or "
        "second address",
    )
