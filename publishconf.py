"""Production settings: `invoke publish` (and CI's deploy).

Everything in pelicanconf.py applies, with these changes.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address; CI sets SITEURL from the repository's settings.
SITEURL = os.environ.get("SITEURL", "https://newpathways.example").rstrip("/")
RELATIVE_URLS = False
CLINIC_PRODUCTION = True
CLINIC_SEARCH_INDEX = True

# Drafts and future-dated (scheduled) articles are never published.
WITH_FUTURE_DATES = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = None

DELETE_OUTPUT_DIRECTORY = True

# The newsletter provider. A production build without an endpoint fails.
NEWSLETTER = {
    "provider": os.environ.get("NEWSLETTER_PROVIDER", "buttondown"),
    "action": os.environ.get("NEWSLETTER_ACTION", ""),
}

# Pelican writes drafts to drafts/ unless told not to: production writes none.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Bytes: minified HTML and CSS, a content-hashed stylesheet, and .gz/.br
# copies of every text file for hosts that serve them (clinic plugin:
# output/minify.py, output/compress.py).
CLINIC_MINIFY = True
CLINIC_COMPRESS = True
# Production builds start from nothing: no content cache is read or written.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
