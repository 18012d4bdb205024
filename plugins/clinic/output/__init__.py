"""The output part: what happens to the written site.

    search_index.py  each page goes to Pagefind as it is written; the index at the end
    pagefind.py      a small client for Pagefind's service mode
    headers.py       the Content-Security-Policy (meta tag and `_headers`), caching rules
    minify.py        production bytes: minified HTML and CSS, fingerprinted theme files
    compress.py      production bytes: .br and .gz copies of the text files

Its receivers on `finalized` come before pelican-granular-signals' minify,
compress and deploy steps, which it sets up last.
"""

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from . import compress, headers, minify, search_index


def register():
    signals.initialized.connect(search_index.wait_for_background_index)
    signals.initialized.connect(search_index.check_setting)
    signals.initialized.connect(minify.name_theme_files)
    signals.all_generators_finalized.connect(headers.publish_policy)
    signals.all_generators_finalized.connect(search_index.open_index)
    signals.content_written.connect(search_index.add_page)
    # The index first: the _headers file lists its folder (written later,
    # at "compress", but made now).
    signals.finalized.connect(search_index.write_index)
    signals.finalized.connect(headers.write_headers_file)
    # After the receivers above: granular_signals sends "minify", "compress"
    # and "deploy" (the checks part) on `finalized`.
    granular_signals.register()
    blinker.signal("minify").connect(minify.minify_output)
    # Pagefind makes the index while minify works; it is written, then compressed.
    blinker.signal("compress").connect(search_index.finish_index)
    blinker.signal("compress").connect(compress.compress_output)
