"""The site's writer: Pelican's, with feed titles and summaries kept as text.

Pelican's feed writer treats an item's title as HTML (it strips tags), and
puts the summary in as HTML; our titles and summaries are plain text, so a
`<` in them would be lost or become markup. This writer hands Pelican
escaped copies, and makes site-relative links absolute; everything else
is Pelican's own feed code.
"""

import html
import re

from pelican.writers import Writer

from .state import STATE

# Writers link to other pages as "/treatments/"; a feed reader needs the host.
_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


class _EscapedText:
    """An article seen by the feed writer, with title and summary escaped."""

    def __init__(self, item):
        self._item = item
        self.title = html.escape(item.title, quote=False)
        self.summary = html.escape(getattr(item, "description", ""), quote=False)

    def __getattr__(self, name):
        return getattr(self._item, name)

    def get_content(self, siteurl):
        return _ROOT_RELATIVE.sub(rf"\1{siteurl}/", self._item.get_content(siteurl))


class FeedWriter(Writer):
    """Pelican's writer, handing each feed item over as _EscapedText."""

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, _EscapedText(item))


def writer_class(pelican):
    """`get_writer`: this writer, or the subclass of it the speed part installed."""
    return STATE.writer_class or FeedWriter
