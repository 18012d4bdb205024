"""When an article was last medically reviewed, and when its next review is due.

Like NHS.UK's "Page last reviewed / Next review due": the next review falls a
review period (CLINIC_REVIEW_MONTHS) after the last one, or after publication
for an article never reviewed. The article page shows both dates, and a calm
note once a review is more than a whole period late (site/context.py); the
content check lists every review that is due (checks/rules/review_dates.py).
Shared by both parts, so the page and the check can never disagree.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .schema import as_date

CURRENT, DUE, OVERDUE = "current", "due", "overdue"


@dataclass(frozen=True)
class ReviewStatus:
    reviewed: datetime.date | None  # the last medical review; None: never reviewed
    next_due: datetime.date  # a review period after `reviewed` (or after publication)
    state: str  # CURRENT; DUE once next_due has come; OVERDUE a whole period after that

    @property
    def due(self):
        return self.state != CURRENT

    @property
    def overdue(self):
        """More than a review period late: readers are told."""
        return self.state == OVERDUE


def review_status(meta, months, today):
    """The review status, on `today`, of an article with this front matter
    (a date counts only with a reviewer; both were checked before a build
    gets here). `months`: the review period."""
    reviewed = as_date(meta.get("reviewed")) if meta.get("reviewer") else None
    period = relativedelta(months=months)
    next_due = (reviewed or as_date(meta.get("date")) or today) + period
    if today > next_due + period:
        state = OVERDUE
    elif today >= next_due:
        state = DUE
    else:
        state = CURRENT
    return ReviewStatus(reviewed, next_due, state)
