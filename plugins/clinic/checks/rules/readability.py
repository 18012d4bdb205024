"""Reading level: the Flesch-Kincaid grade of every article and page body.

Health-literacy guidance (NIH, AMA, CDC) asks for patient materials at about
a 6th-8th grade reading level. Above CLINIC_READING_GRADE_TARGET a file gets
a warning naming its longest sentences and hardest words, with a plainer word
where plain_words.py knows one; above CLINIC_READING_GRADE_CEILING the
production build stops (previews only warn).

What is measured: the running text a reader reads, as the scan found it
(body/html_scan.py): paragraphs, list items, quotes and captions. Not
measured: headings (labels, not sentences), tables (opening hours, prices),
code, and the front matter. Each list item counts as a sentence.

The grade is Flesch-Kincaid's formula, 0.39 x words per sentence + 11.8 x
syllables per word - 15.59, with textstat's syllable counts (pyphen's
dictionary, offline) and its words. textstat's own `flesch_kincaid_grade`
counts the same words and syllables (tests/checks/) but its grade is up to
about a grade higher: it rounds syllables per word to a tenth first, skips
sentences of one or two words, and ends a sentence at every full stop
("Dr.", "U.S."). The counts are worked out here, in one pass, because the
warning must name the sentences and words, and because each distinct word is
counted once rather than once per use, which keeps 1,000 articles fast.
"""

from dataclasses import dataclass
from functools import cache

import textstat

from ...problems import Problem
from .plain_words import PLAINER, TERMS
from .text import line_of, sentences, shortened, words

PROSE = frozenset(("p", "li", "dt", "dd", "blockquote", "figcaption", "div", ""))
SHOWN = 3  # longest sentences and hardest words named in a warning
LONG_SENTENCE = 20  # words; shorter sentences are never called long
HARD_WORD = 4  # syllables: "medication", "approximately"


@dataclass(frozen=True)
class Reading:
    """How hard one body is to read."""

    grade: float | None  # Flesch-Kincaid grade, one decimal; None: no running text
    words: int
    sentences: int
    longest: tuple  # (words, sentence): the longest sentences, longest first
    hard_words: tuple  # (word, syllables, plainer word or None), hardest first


@cache
def syllables(word):
    """textstat's (pyphen's) syllables in one word, counted once per word."""
    return sum(textstat.syllable_count(part) for part in word.lower().split("-") if part)


def measure(scanned):
    """The Reading of a body from its scan (body/html_scan.py)."""
    all_sentences = [
        sentence
        for _line, tag, block in scanned.blocks
        if tag in PROSE
        for sentence in sentences(block)
    ]
    total_words = total_syllables = 0
    lengths, found = [], {}  # found: word -> (syllables, is a name)
    for sentence in all_sentences:
        sentence_words = words(sentence)
        lengths.append(len(sentence_words))
        total_words += len(sentence_words)
        for position, word in enumerate(sentence_words):
            count = syllables(word)
            total_syllables += count
            if count >= HARD_WORD or word.lower() in PLAINER:
                _note_word(found, word, count, position)
    if not total_words:
        return Reading(None, 0, len(all_sentences), (), ())
    grade = 0.39 * total_words / len(all_sentences) + 11.8 * total_syllables / total_words - 15.59
    ranked = sorted(range(len(lengths)), key=lambda n: -lengths[n])
    longest = tuple((lengths[n], all_sentences[n]) for n in ranked[:SHOWN])
    return Reading(round(grade, 1), total_words, len(all_sentences), longest, _hardest(found))


def _note_word(found, word, count, position):
    """Remember a long word; a capital inside a sentence marks it as a name."""
    key = word.lower()
    named = position > 0 and word[:1].isupper()
    known = found.get(key)
    found[key] = (count, named or (known is not None and known[1]))


def _hardest(found):
    """Words with a plainer word first, then the longest; never names or TERMS."""
    candidates = [
        (word, count, PLAINER.get(word))
        for word, (count, named) in found.items()
        if not named and word not in TERMS
    ]
    candidates.sort(key=lambda c: (c[2] is None, -c[1], c[0]))
    return tuple(candidates[:SHOWN])


def reading_problems(source, reading, rules):
    """Warnings for a body above the target grade; errors above the ceiling
    in a production build, so the build names what to fix."""
    if reading.grade is None or reading.grade <= rules.reading_target:
        return []
    stops = rules.production and reading.grade > rules.reading_ceiling
    what = f"reads at grade {reading.grade}, above the site's target of {rules.reading_target}"
    if reading.grade > rules.reading_ceiling:
        what += f" and its ceiling of {rules.reading_ceiling}, which stops a production build"
    problems = [
        Problem(
            source.display,
            "reading level",
            what,
            f"write for grade {rules.reading_target} or lower: "
            "split the long sentences and use the plainer words named below",
            source.body_line,
            warning=not stops,
        )
    ]
    for count, sentence in reading.longest:
        if count > LONG_SENTENCE:
            problems.append(
                Problem(
                    source.display,
                    "reading level",
                    f"a {count}-word sentence: '{shortened(sentence)}'",
                    "split this sentence: one idea per sentence, 20 words at most",
                    line_of(source, sentence),
                    warning=not stops,
                )
            )
    for word, count, plainer in reading.hard_words:
        if plainer:
            what, fix = f"'{word}' has a plainer word", f"say '{plainer}' instead of '{word}'"
        else:
            what = f"'{word}' is a long word ({count} syllables)"
            fix = "use a shorter, everyday word if there is one, or explain this one"
        problems.append(
            Problem(
                source.display,
                "reading level",
                what,
                fix,
                line_of(source, word),
                warning=not stops,
            )
        )
    return problems
