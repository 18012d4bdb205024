"""What a writer is told about one file's words: its reading grade, the
claims it makes, alt and link text and headings, and (for an article) its
medical review. One call per file, `assess_writing(source, scanned, rules)`,
so the content check (run.py) and anything that shows one file (a preview's
writer's panel) read the same results.
"""

import datetime
from dataclasses import dataclass

from ...problems import Problem
from ...reviews import ReviewStatus, review_status
from ...settings import SETTINGS
from .claims import claim_problems
from .readability import Reading, measure, reading_problems
from .review_dates import review_problems
from .wording import wording_problems


@dataclass(frozen=True)
class WritingRules:
    """The settings the writing is held to, and the day it is checked on."""

    reading_target: float
    reading_ceiling: float
    production: bool
    review_months: int
    today: datetime.date
    setting_problems: tuple = ()  # settings that are not numbers (their defaults are used)


@dataclass(frozen=True)
class WritingReport:
    reading: Reading
    review: ReviewStatus | None  # articles only
    problems: list


def assess_writing(source, scanned, rules):
    """The WritingReport of one SourceFile, from the scan of its body."""
    reading = measure(scanned)
    review = None
    if source.kind == "article":
        review = review_status(source.meta, rules.review_months, rules.today)
    problems = (
        reading_problems(source, reading, rules)
        + claim_problems(source, scanned)
        + wording_problems(source, scanned)
        + review_problems(source, review)
    )
    return WritingReport(reading, review, problems)


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _months(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


# The settings that must be numbers: (name, what it must be, test).
_NUMBERS = (
    ("CLINIC_READING_GRADE_TARGET", "a number", _number),
    ("CLINIC_READING_GRADE_CEILING", "a number", _number),
    ("CLINIC_REVIEW_MONTHS", "a whole number of months, 1 or more", _months),
)


def writing_rules(settings, today=None):
    """WritingRules from the site's settings (with_defaults applied)."""
    defaults = {setting.name: setting.default for setting in SETTINGS}
    values, problems = {}, []
    for name, kind, valid in _NUMBERS:
        value = settings[name]
        if not valid(value):
            problems.append(
                Problem(
                    "pelicanconf.py",
                    name,
                    f"{value!r} is not {kind}",
                    f"set it to {kind}, such as {defaults[name]}, or remove it",
                )
            )
            value = defaults[name]
        values[name] = value
    return WritingRules(
        reading_target=values["CLINIC_READING_GRADE_TARGET"],
        reading_ceiling=values["CLINIC_READING_GRADE_CEILING"],
        production=bool(settings["CLINIC_PRODUCTION"]),
        review_months=values["CLINIC_REVIEW_MONTHS"],
        today=today or datetime.date.today(),
        setting_problems=tuple(problems),
    )
