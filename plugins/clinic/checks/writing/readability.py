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
("Dr.", "U.S."). The counts are worked out here because the warning must
name sentences and words, and so that each distinct word is counted once
rather than once per use, which keeps 1,000 articles fast.
"""

from dataclasses import dataclass
from functools import cache

import textstat

from ...problems import Problem
from . import text
from .plain_words import PLAINER, TERMS
from .text import line_of, shortened

PROSE = frozenset(("p", "li", "dt", "dd", "blockquote", "figcaption", "div", ""))
SHOWN = 3  # longest sentences and hardest words named in a warning
LONG_SENTENCE = 20  # words; shorter sentences are never called long
HARD_WORD = 4  # syllables: "medication", "approximately"


@dataclass(frozen=True)
class Reading:
    """How hard one body is to read. The grade is worked out at once; what
    makes it hard (`longest`, `hard_words`) only when asked."""

    grade: float | None  # Flesch-Kincaid grade, one decimal; None: no running text
    words: int
    sentences: int
    prose: tuple = ()  # the blocks of running text that were measured

    def longest(self, count=SHOWN):
        """[(words, sentence)]: the longest sentences, longest first."""
        found = [(len(text.words(s)), s) for block in self.prose for s in text.sentences(block)]
        return sorted(found, key=lambda pair: -pair[0])[:count]

    def hard_words(self, count=SHOWN):
        """[(word, syllables, plainer word or None)]: words with a plainer word
        first, then the longest; never names (capitalised inside a sentence)
        or TERMS."""
        found, named = {}, set()
        for block in self.prose:
            for sentence in text.sentences(block):
                for position, word in enumerate(text.words(sentence)):
                    key = word.lower()
                    if position and word[:1].isupper():
                        named.add(key)
                    if key in PLAINER or syllables(word) >= HARD_WORD:
                        found[key] = syllables(word)
        candidates = [
            (word, number, PLAINER.get(word))
            for word, number in found.items()
            if word not in named and word not in TERMS
        ]
        candidates.sort(key=lambda c: (c[2] is None, -c[1], c[0]))
        return candidates[:count]


@cache
def syllables(word):
    """textstat's (pyphen's) syllables in one word, counted once per word."""
    return sum(textstat.syllable_count(part) for part in word.lower().split("-") if part)


def measure(scanned):
    """The Reading of a body from its scan (body/html_scan.py)."""
    prose = tuple(block for _line, tag, block in scanned.blocks if tag in PROSE)
    total_words = total_syllables = total_sentences = 0
    for block in prose:
        block_words = text.words(block)
        total_words += len(block_words)
        total_syllables += sum(map(syllables, block_words))
        total_sentences += text.sentence_count(block)
    if not total_words:
        return Reading(None, 0, total_sentences, prose)
    grade = 0.39 * total_words / total_sentences + 11.8 * total_syllables / total_words - 15.59
    return Reading(round(grade, 1), total_words, total_sentences, prose)


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
    for count, sentence in reading.longest():
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
    for word, count, plainer in reading.hard_words():
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
