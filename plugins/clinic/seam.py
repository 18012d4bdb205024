"""A seam: a place where a part does one job in a default way that the speed
part may replace with a faster one giving the same result (caches, worker
processes). The part calls `SEAM.runner(...)`; the speed part calls `use()`
when a build starts with it on, `reset()` when off. body/steps.py has the
first of them (its own class, the same shape); the others are made here.
"""


def map_inline(function, items):
    """The default of the seams that map: every item in turn, in this process."""
    return [function(item) for item in items]


class Seam:
    def __init__(self, default):
        self.default = default
        self.reset()

    def reset(self):
        self.runner = self.default

    def use(self, runner):
        self.runner = runner
