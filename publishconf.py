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

# Feeds need the public address. Without one (SITEURL set but empty) they are
# left out, so that Pelican's own feed warning, fatal here and silent about
# its cause, does not stop the build first: the content check then stops it
# naming the variable to set (plugins/clinic/checks/inputs.py).
FEED_ALL_ATOM = CLINIC_FEED_ALL_ATOM if SITEURL else None  # noqa: F405
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml" if SITEURL else None
FEED_MAX_ITEMS = None

DELETE_OUTPUT_DIRECTORY = True

# The newsletter provider. A production build without an endpoint fails.
NEWSLETTER = {
    "provider": os.environ.get("NEWSLETTER_PROVIDER", "buttondown"),
    "action": os.environ.get("NEWSLETTER_ACTION", ""),
}

# The browser editor saves to GitHub, signing in through the helper in
# editor-auth/ (README: "Browser editor: one-time setup"). GitHub Actions
# names the repository; EDITOR_AUTH_URL is the helper's address. Without
# either, /admin/ says what is missing and the rest of the site is built.
CLINIC_EDITOR_LOCAL_BACKEND = ""
CLINIC_EDITOR_REPO = os.environ.get("GITHUB_REPOSITORY", "")
CLINIC_EDITOR_AUTH_URL = os.environ.get("EDITOR_AUTH_URL", "")

# Pelican writes drafts to drafts/ unless told not to: production writes none.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Bytes: minified HTML and CSS, a content-hashed stylesheet, and .gz/.br
# copies of every text file for hosts that serve them (clinic plugin:
# output/minify.py, output/compress.py).
CLINIC_MINIFY = True
CLINIC_COMPRESS = True
# Markdown is converted again only for the files that changed since the
# last production build (CI keeps cache/ from one run to the next), as in
# previews. Files are compared by their bytes, not their times: CI's fresh
# clone gives every file a new time. cache_guard.py empties the cache when
# anything else a page is made from changed (every setting, authors.yml,
# the images, the plugin's code, the libraries' versions).
CHECK_MODIFIED_METHOD = "sha256"
# Its own cache, inside cache/ (which CI keeps): a preview and a production
# build on one computer have other settings, and in one folder each would
# empty what the other kept.
CACHE_PATH = "cache/production"
