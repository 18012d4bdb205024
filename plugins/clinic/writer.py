"""The site's writer: Pelican's, with pages rendered on every core
(page_writer.py) and feed titles and summaries kept as text (feeds.py)."""

from .feeds import EscapedFeedItems
from .page_writer import ParallelPageWriter


class ClinicWriter(EscapedFeedItems, ParallelPageWriter):
    pass


def writer_class(pelican):
    """`get_writer`."""
    return ClinicWriter
