"""Reading level: the grade of each body, the warning above the target that
names the longest sentences and words, and the production build that stops
above the ceiling (checks/rules/readability.py)."""

from pathlib import Path

import pytest
import textstat
from clinic.body.html_scan import scan
from clinic.checks.run import check_settings_file, markdown_converter
from clinic.checks.sources import read_source
from clinic.checks.writing.readability import PROSE, measure, syllables
from clinic.checks.writing.text import sentence_count, sentences, words
from clinic.problems import ContentError, errors
from fixture_site import article, make_content
from pelican.settings import read_settings
from refusal import PUBLISHING
from sitebuilder import ROOT, build

NEWSLETTER = {"provider": "buttondown", "username": "clinic"}

# Written for this test at about grade 17: long sentences of long words.
HARD_BODY = """
Individuals experiencing treatment-resistant depressive symptomatology frequently require a \
comprehensive psychiatric evaluation, including consideration of pharmacological interventions, \
psychotherapeutic modalities and interdisciplinary coordination, before the initiation of \
ketamine administration.

## Considerations

Subsequently, clinicians demonstrate considerable variability regarding dosage determination \
and the documentation of physiological monitoring parameters throughout administration.

Medication adjustments necessitate individualized consideration by the prescribing physician, \
particularly regarding potential interactions with concurrently administered pharmacological \
agents.
"""

EASY_BODY = """
This page is for people who want to try a new kind of care. It is short. It uses plain words.

## What to bring

Bring your ID and a list of the pills you take. Ask a friend to drive you home. You can rest \
as long as you need.
"""


def hard_article(**fields):
    return article(**fields).split("Opening paragraph.")[0] + HARD_BODY


def easy_article(**fields):
    return article(**fields).split("Opening paragraph.")[0] + EASY_BODY


def check(content, **settings):
    if settings.get("CLINIC_PRODUCTION"):
        # A production build's own settings, so that only the writing is judged.
        settings = {"SITEURL": "https://www.example.org", **PUBLISHING, **settings}
    return check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content), **settings})


def reading(problems):
    return [str(p) for p in problems if p.field == "reading level"]


def prose_of(body):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    found = scan(markdown_converter(settings).convert(body))
    return found, [s for _l, tag, block in found.blocks if tag in PROSE for s in sentences(block)]


def test_an_easy_body_passes_and_its_grade_is_reported(tmp_path):
    content = make_content(tmp_path / "content", {"easy": easy_article()})
    problems, report = check(content)
    assert reading(problems) == []
    grade = report.grades["content/articles/easy.md"]
    assert grade < 4
    assert set(report.grades) >= {"content/locations/testville.md", "content/pages/about.md"}


def test_a_hard_body_is_a_warning_naming_grade_sentences_and_words(tmp_path):
    content = make_content(tmp_path / "content", {"hard": hard_article()})
    problems, report = check(content)
    told = reading(problems)
    assert report.grades["content/articles/hard.md"] > 12
    assert all(p.warning for p in problems if p.field == "reading level")
    summary = told[0]
    assert summary.startswith(
        f"content/articles/hard.md:11: warning: reading level: reads at grade "
        f"{report.grades['content/articles/hard.md']}, above the site's target of 8 and its "
        "ceiling of 10, which stops a production build -> write for grade 8 or lower"
    )
    # The longest sentence first, at its line in the file.
    assert told[1].startswith(
        "content/articles/hard.md:13: warning: reading level: a 27-word sentence: "
        "'Individuals experiencing treatment-resistant depressive symptomatology frequently "
        "require a comprehensive"
    )
    assert told[1].endswith("-> split this sentence: one idea per sentence, 20 words at most")
    # A word with a plainer one comes first, with the plain word.
    assert (
        "content/articles/hard.md:19: warning: reading level: 'medication' has a plainer word "
        "-> say 'medicine' instead of 'medication'"
    ) in told
    named = [line.split("'")[1] for line in told if "has a plainer word" in line]
    assert named == ["individuals", "medication", "subsequently"]
    assert not errors(problems)


def test_the_target_is_a_setting(tmp_path):
    content = make_content(tmp_path / "content", {"hard": hard_article()})
    problems, _report = check(
        content, CLINIC_READING_GRADE_TARGET=40, CLINIC_READING_GRADE_CEILING=50
    )
    assert reading(problems) == []


def test_above_the_ceiling_a_production_check_is_an_error(tmp_path):
    content = make_content(tmp_path / "content", {"hard": hard_article()})
    problems, _report = check(content, CLINIC_PRODUCTION=True)
    stopped = [p for p in errors(problems) if p.field == "reading level"]
    assert len(stopped) == len(reading(problems)) >= 3
    problems, _report = check(content, CLINIC_PRODUCTION=True, CLINIC_READING_GRADE_CEILING=50)
    assert reading(problems) and not errors(problems)


def test_a_hard_article_stops_the_production_build_with_grade_and_sentences(tmp_path):
    content = make_content(tmp_path / "content", {"hard": hard_article()})
    grade = check(content)[1].grades["content/articles/hard.md"]
    with pytest.raises(ContentError) as error:
        build(tmp_path / "production", content, conf="publishconf.py", NEWSLETTER=NEWSLETTER)
    message = str(error.value)
    assert f"content/articles/hard.md:11: reading level: reads at grade {grade}," in message
    assert "ceiling of 10, which stops a production build" in message
    assert "hard.md:13: reading level: a 27-word sentence: 'Individuals experiencing" in message
    assert "say 'medicine' instead of 'medication'" in message
    assert not (tmp_path / "production" / "blog" / "hard" / "index.html").exists()


def test_a_hard_article_only_warns_in_a_preview_build(tmp_path, capsys):
    content = make_content(tmp_path / "content", {"hard": hard_article()})
    site = build(tmp_path / "preview", content)
    assert (site / "blog" / "hard" / "index.html").is_file()
    assert "hard.md:11: warning: reading level: reads at grade" in capsys.readouterr().out


def test_without_plainer_words_the_longest_words_are_named_but_never_names_or_terms():
    found, _ = prose_of(
        "Esketamine and psychotherapy need interdisciplinary symptomatology reviews at "
        "Cincinnatiuniversity, says Montgomeryshire. Interdisciplinary care helps."
    )
    assert measure(found).hard_words() == [
        ("interdisciplinary", 6, None),
        ("symptomatology", 5, None),
    ]


def test_headings_tables_and_code_are_not_measured():
    table = "\n| Day | Hours |\n|---|---|\n| Wednesday | Extraordinarily complicated |\n"
    code = "\n    administratively_incomprehensible_configuration = 1\n"
    plain, _ = prose_of(EASY_BODY)
    extra, _ = prose_of(
        "## Indescribably complicated organizational considerations\n" + EASY_BODY + table + code
    )
    assert measure(plain) == measure(extra)


def test_a_list_item_is_a_sentence_and_abbreviations_end_none():
    _, found = prose_of(
        "Dr. Reyes works in the U.S. with Ms. Lee. We meet at 9 a.m. on Monday.\n\n- one\n- two\n"
    )
    assert found == [
        "Dr. Reyes works in the U.S. with Ms. Lee.",
        "We meet at 9 a.m. on Monday.",
        "one",
        "two",
    ]


@pytest.mark.parametrize(
    "source", sorted((ROOT / "content" / "articles").glob("*.md")), ids=lambda p: p.stem
)
def test_words_and_syllables_are_textstats(source):
    """The grade comes from textstat's counts: the same words and syllables on
    our real articles; its own grade differs only by its rounding and by the
    short sentences it skips."""
    body = read_source(source, "article", ROOT / "content")[0].body
    found, all_sentences = prose_of(body)
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in all_sentences)
    counted = [word for sentence in all_sentences for word in words(sentence)]
    assert len(counted) == textstat.lexicon_count(text)
    assert abs(sum(map(syllables, counted)) - textstat.syllable_count(text)) <= 3
    assert abs(measure(found).grade - textstat.flesch_kincaid_grade(text)) < 1
    assert 5 <= measure(found).grade <= 8


def test_the_real_content_is_within_the_target():
    problems, report = check_settings_file(ROOT / "pelicanconf.py")
    assert reading(problems) == []
    assert all(grade <= 8 for grade in report.grades.values()), report.grades
    assert len(report.grades) == len(list(Path(ROOT / "content").rglob("*.md")))


def test_a_setting_that_is_not_a_number_is_a_problem(tmp_path):
    content = make_content(tmp_path / "content", {"easy": easy_article()})
    problems, _report = check(content, CLINIC_READING_GRADE_TARGET="eight", CLINIC_REVIEW_MONTHS=0)
    assert [str(p) for p in errors(problems)] == [
        "pelicanconf.py:1: CLINIC_READING_GRADE_TARGET: 'eight' is not a number "
        "-> set it to a number, such as 8, or remove it",
        "pelicanconf.py:1: CLINIC_REVIEW_MONTHS: 0 is not a whole number of months, 1 or more "
        "-> set it to a whole number of months, 1 or more, such as 12, or remove it",
    ]


def test_counting_sentences_agrees_with_splitting_them():
    for source in sorted((ROOT / "content").rglob("*.md")):
        found, _ = prose_of(read_source(source, "page", ROOT / "content")[0].body)
        for _line, _tag, block in found.blocks:
            assert sentence_count(block) == len(sentences(block)), block
