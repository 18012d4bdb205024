"""The strict content check: each writer's mistake gets its own clear
error, `file:LINE: field: what -> fix`, on a small fixture site."""

import subprocess
import sys

import pytest
from clinic.checks.run import check_settings_file, markdown_converter
from clinic.checks.schema_docs import front_matter_reference
from clinic.problems import ContentError, errors
from fixture_site import LOCATION, article, make_content
from pelican.settings import read_settings
from sitebuilder import ROOT, build, write


def check(content):
    """The errors the check finds (warnings, such as a review that is due, aside)."""
    problems, _report = check_settings_file(
        ROOT / "pelicanconf.py", {"PATH": str(content)}, environ={}
    )
    return [str(p) for p in errors(problems)]


def only_problem(tmp_path, articles, edit=None):
    """The one problem a fixture site has (the test fails if there are more)."""
    content = make_content(tmp_path / "content", articles)
    if edit:
        edit(content)
    problems = check(content)
    assert len(problems) == 1, problems
    return problems[0]


def edit_location(old, new):
    def edit(content):
        location = content / "locations" / "testville.md"
        assert old in location.read_text()
        write(location, location.read_text().replace(old, new))

    return edit


def test_a_valid_fixture_has_no_problems(tmp_path):
    assert check(make_content(tmp_path / "content", {"ok": article()})) == []


def invoke_check(*options):
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_real_content_passes():
    result = invoke_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems found" in result.stdout


def test_missing_title(tmp_path):
    message = only_problem(tmp_path, {"one": article(title=None)})
    assert message.startswith("content/articles/one.md:1: title: missing -> add it")


def test_empty_body(tmp_path):
    empty = article().split("---\n\n")[0] + "---\n\n   \n"
    message = only_problem(tmp_path, {"one": empty})
    assert message.startswith("content/articles/one.md:11: body: the file has no text")


def test_impossible_date(tmp_path):
    message = only_problem(tmp_path, {"one": article(date="2025-13-40")})
    assert message == (
        "content/articles/one.md:3: date: '2025-13-40' is not a real date "
        "-> write it as YYYY-MM-DD, e.g. 2026-02-14"
    )


def test_modified_before_published(tmp_path):
    message = only_problem(tmp_path, {"one": article(modified="2025-12-01")})
    assert message.startswith(
        "content/articles/one.md:10: modified: 2025-12-01 is before the publication date 2026-01-05"
    )


def test_unknown_author(tmp_path):
    message = only_problem(tmp_path, {"one": article(author="ann-writter")})
    assert message.startswith(
        "content/articles/one.md:4: author: 'ann-writter' is not in content/authors.yml "
        "-> did you mean 'ann-writer'?"
    )


def test_unknown_category(tmp_path):
    message = only_problem(tmp_path, {"one": article(category="Treatment")})
    assert message.startswith(
        "content/articles/one.md:5: category: 'Treatment' is not one of the site's categories "
        "-> did you mean 'Treatments'?"
    )


def test_tag_spelt_two_ways(tmp_path):
    message = only_problem(
        tmp_path,
        {
            "one": article(title="One", tags="[ketamine]"),
            "two": article(title="Two", tags="[ketamine, Sleep]"),
            "three": article(title="Three", tags="[Ketamine]"),
        },
    )
    assert message == (
        "content/articles/three.md:6: tags: 'Ketamine' is spelt 'ketamine' in other articles "
        "-> write 'ketamine' so all of them share one tag page"
    )


def test_tag_misspelt(tmp_path):
    message = only_problem(
        tmp_path,
        {
            "one": article(title="One", tags="[Depression]"),
            "two": article(title="Two", tags="[Depression]"),
            "three": article(title="Three", tags="[Depresion]"),
        },
    )
    assert message.startswith("content/articles/three.md:6: tags: 'Depresion' is spelt 'Depr")


def test_summary_too_long_for_a_meta_description(tmp_path):
    message = only_problem(tmp_path, {"one": article(summary="Word " * 40)})
    assert message == (
        "content/articles/one.md:7: summary: is 199 characters long, longer than a search "
        "result shows -> shorten it to at most 160 characters"
    )


def test_missing_hero_image_file(tmp_path):
    message = only_problem(tmp_path, {"one": article(hero_image="missing.jpg")})
    assert message.startswith("content/articles/one.md:8: hero_image: images/missing.jpg does not")


def test_hero_image_without_alt_text(tmp_path):
    message = only_problem(tmp_path, {"one": article(hero_alt=None)})
    assert message.startswith("content/articles/one.md:1: hero_alt: the hero image has no alt text")


def test_inline_image_without_alt_text(tmp_path):
    body = article() + "\nSee the room:\n\n![](/images/hero.jpg)\n"
    message = only_problem(tmp_path, {"one": body})
    assert message.startswith(
        "content/articles/one.md:20: image: /images/hero.jpg has no alt text -> describe"
    )


def test_malformed_yaml(tmp_path):
    broken = article(title="[unclosed")
    message = only_problem(tmp_path, {"one": broken})
    assert message.startswith("content/articles/one.md:2: front matter: cannot be read:")
    assert "double quotes" in message


def test_not_utf8(tmp_path):
    def latin1(content):
        path = content / "articles" / "one.md"
        path.write_bytes(path.read_bytes().replace(b"Text.", b"Caf\xe9 text."))

    message = only_problem(tmp_path, {"one": article()}, latin1)
    assert message.startswith(
        "content/articles/one.md:16: file: is not valid UTF-8 text (byte 0xe9) -> re-save"
    )


def test_two_files_with_the_same_address(tmp_path):
    content = make_content(
        tmp_path / "content",
        {"first": article(title="First"), "second": article(title="Second", slug="first")},
    )
    problems = check(content)
    assert problems == [
        "content/articles/first.md:1: slug: makes the same page (blog/first/index.html) as "
        "content/articles/second.md, so one would replace the other -> rename one of the "
        "files, or give one a different `slug:`",
        "content/articles/second.md:10: slug: makes the same page (blog/first/index.html) as "
        "content/articles/first.md, so one would replace the other -> rename one of the "
        "files, or give one a different `slug:`",
    ]


def test_a_copied_article_that_keeps_its_title_and_summary(tmp_path):
    original = article(title="Your first infusion", summary="What to expect on the day.")
    copy = original.replace("date: 2026-01-05", "date: 2026-02-01")
    content = make_content(tmp_path / "content", {"first-infusion": original, "copy": copy})
    retitle = "give each page its own title; if one file is a copy, retitle the copy"
    rewrite = (
        "write a summary of what this page alone covers; if one file is a copy, "
        "rewrite the copy's summary"
    )
    assert check(content) == [
        "content/articles/copy.md:2: title: 'Your first infusion' is also the title of "
        f"content/articles/first-infusion.md:2 -> {retitle}",
        "content/articles/first-infusion.md:2: title: 'Your first infusion' is also the title "
        f"of content/articles/copy.md:2 -> {retitle}",
        "content/articles/copy.md:7: summary: is also the summary of "
        f"content/articles/first-infusion.md:7 -> {rewrite}",
        "content/articles/first-infusion.md:7: summary: is also the summary of "
        f"content/articles/copy.md:7 -> {rewrite}",
    ]


def test_a_page_may_not_take_an_articles_title_in_other_case_or_spacing(tmp_path):
    content = make_content(tmp_path / "content", {"one": article(title="Your first infusion")})
    write(content / "pages" / "visit.md", "---\ntitle: your  FIRST infusion\n---\n\nText.\n")
    problems = check(content)
    assert [p.split(" -> ")[0] for p in problems] == [
        "content/articles/one.md:2: title: 'Your first infusion' is also the title of "
        "content/pages/visit.md:2",
        "content/pages/visit.md:2: title: 'your  FIRST infusion' is also the title of "
        "content/articles/one.md:2",
    ]


def test_a_page_cannot_replace_a_page_of_the_theme(tmp_path):
    def shadow(content):
        write(content / "pages" / "locations.md", "---\ntitle: Our places\n---\n\nText.\n")

    message = only_problem(tmp_path, {"one": article()}, shadow)
    assert message.startswith(
        "content/pages/locations.md:1: slug: makes the same page (locations/index.html) "
        "as a page of the theme"
    )


@pytest.mark.parametrize(
    ("field", "line"),
    [("phone: (216) 555-0100\n", "phone"), ("street: 1 Main Street\n", "street")],
)
def test_location_missing_a_field(tmp_path, field, line):
    message = only_problem(tmp_path, {"one": article()}, edit_location(field, ""))
    assert message.startswith(f"content/locations/testville.md:1: {line}: missing -> add it")


def test_location_missing_hours(tmp_path):
    hours = LOCATION[LOCATION.index("hours:") : LOCATION.index("treatments:")]
    message = only_problem(tmp_path, {"one": article()}, edit_location(hours, ""))
    assert message.startswith("content/locations/testville.md:1: hours: missing -> add it")


def test_location_invalid_phone(tmp_path):
    message = only_problem(tmp_path, {"one": article()}, edit_location("(216) 555-0100", "555-01"))
    assert message == (
        "content/locations/testville.md:9: phone: '555-01' is not a US phone number "
        "-> write it as (216) 555-0142"
    )


def test_location_closes_before_it_opens(tmp_path):
    edit = edit_location('friday: "08:00-12:30"', 'friday: "17:00-08:00"')
    message = only_problem(tmp_path, {"one": article()}, edit)
    assert message.startswith(
        "content/locations/testville.md:13: hours: friday: closes (08:00) before it opens (17:00)"
    )


@pytest.mark.parametrize(
    "link", ["/no-such-page/", "{filename}missing.md", "{filename}/pages/gone.md"]
)
def test_internal_link_to_a_page_that_does_not_exist(tmp_path, link):
    body = article() + f"\nRead [the other article]({link}).\n"
    message = only_problem(tmp_path, {"one": body})
    assert message.startswith(f"content/articles/one.md:18: link: {link} ")
    assert "-> fix the address" in message


def test_internal_links_that_resolve_are_fine(tmp_path):
    links = (
        "[a](/locations/) [b](/blog/two/) [c]({filename}two.md) [d](/locations/testville/) "
        "[e](/images/hero.jpg) [f](/blog/tag/ketamine/) [g](https://example.org/) [h](#top)"
    )
    content = make_content(
        tmp_path / "content",
        {"one": article() + f"\n{links}\n", "two": article(title="Two")},
    )
    assert check(content) == []


def test_unknown_front_matter_key_suggests_the_right_one(tmp_path):
    typo = article(summary=None, Sumary="A short summary.")
    assert only_problem(tmp_path, {"one": typo}) == (
        "content/articles/one.md:9: Sumary: unknown field 'Sumary' for articles "
        "-> did you mean 'summary'? use one of: title, date, modified, author, category, tags, "
        "summary, hero_image, hero_alt, reviewer, reviewed, status, slug, claims_reviewed"
    )


def test_an_unknown_key_with_no_likely_meaning_is_still_reported(tmp_path):
    message = only_problem(tmp_path, {"one": article(colour="blue")})
    assert message.startswith(
        "content/articles/one.md:10: colour: unknown field 'colour' for articles "
        "-> remove it, or use one of: title, date,"
    )


def test_every_problem_at_once_from_invoke_check(tmp_path):
    content = make_content(
        tmp_path / "content",
        {"one": article(author="nobody"), "two": article(title="Two", category="Nope")},
    )
    result = invoke_check("--content", str(content))
    assert result.returncode == 1
    assert "content/articles/one.md:4: author: 'nobody'" in result.stdout
    assert "content/articles/two.md:5: category: 'Nope'" in result.stdout
    assert "2 problem(s)" in result.stderr


def test_the_build_runs_the_same_check(tmp_path):
    content = make_content(tmp_path / "content", {"one": article(date="2025-13-40")})
    with pytest.raises(ContentError) as error:
        build(tmp_path / "output", content)
    assert "content/articles/one.md:3: date: '2025-13-40' is not a real date" in str(error.value)
    assert not (tmp_path / "output" / "index.html").exists()


def test_the_writers_reference_is_generated_from_the_schema():
    categories = read_settings(str(ROOT / "pelicanconf.py"))["CLINIC_CATEGORIES"]
    written = (ROOT / "docs" / "front-matter.md").read_text(encoding="utf-8")
    assert written == front_matter_reference(categories), "run `invoke docs` and commit the file"


def test_the_check_reads_markdown_with_the_sites_extensions(tmp_path):
    """Tables and {#id} attributes read as the build reads them: a link to a
    heading's own id and a table's text are what the page will have."""
    body = article() + "\n## Hours {#hours}\n\n| Day | Time |\n|---|---|\n| Monday | 9-5 |\n"
    content = make_content(tmp_path / "content", {"one": body})
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    html = markdown_converter(settings).convert(body.split("---\n")[-1])
    assert '<h2 id="hours">Hours</h2>' in html and "<td>Monday</td>" in html
    assert check(content) == []
