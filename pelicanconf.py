"""Settings for local work: `invoke build`, `invoke livereload`.

Production overrides live in publishconf.py.
"""

AUTHOR = "New Pathways Clinic"
SITENAME = "New Pathways Clinic"
SITEURL = ""
SITE_DESCRIPTION = (
    "Ketamine infusions, Spravato, ketamine-assisted psychotherapy and support "
    "groups in Cleveland, Columbus and Cincinnati, Ohio."
)
DEFAULT_LANG = "en"
TIMEZONE = "America/New_York"

# URLs come from file names, so retitling an article never breaks its links.
SLUGIFY_SOURCE = "basename"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
ARTICLE_PATHS = ["articles"]
# Location pages are read as pages; the clinic plugin routes them to
# /locations/<slug>/ with the location template.
PAGE_PATHS = ["pages", "locations"]
STATIC_PATHS = ["images"]
# Hidden files (.DS_Store, editors' swap files) are neither read nor published.
# Pelican's default, "**/.*", is matched against bare file names, so it
# matches none of them.
IGNORE_FILES = [".*"]

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["yaml_metadata", "neighbors", "sitemap", "clinic"]

# Pretty URLs ending in "/".
ARTICLE_URL = "blog/{slug}/"
ARTICLE_SAVE_AS = "blog/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
CATEGORY_URL = "blog/category/{slug}/"
CATEGORY_SAVE_AS = "blog/category/{slug}/index.html"
CATEGORIES_URL = "blog/categories/"
CATEGORIES_SAVE_AS = "blog/categories/index.html"
TAG_URL = "blog/tag/{slug}/"
TAG_SAVE_AS = "blog/tag/{slug}/index.html"
TAGS_URL = "blog/tags/"
TAGS_SAVE_AS = "blog/tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
INDEX_URL = ""
ARCHIVES_URL = "blog/"
ARCHIVES_SAVE_AS = "blog/index.html"
LOCATIONS_URL = "locations/"
LOCATIONS_SAVE_AS = "locations/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "categories", "tags", "authors", "locations", "search"]
# Site search: a Pagefind index of the written pages (plugins/clinic/output/search_index.py).
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
# The quick preview (`invoke build`) leaves the index out: at 1,000 articles
# it adds half as much again to the build (benchmarks/build.md). livereload
# (in the background), serve, `invoke build --search` and production
# (publishconf.py) build it.
CLINIC_SEARCH_INDEX = False

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Autoescape every template; only rendered article/page bodies are marked safe.
# auto_reload off: each build makes a new environment anyway, and otherwise
# every macro import re-checks its file on disk (thousands of times a build).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
# Summaries stay plain text: escaped like every other field, and not run
# through Markdown a second time.
FORMATTED_FIELDS = []
# The clinic plugin applies typogrify itself (it also does smart quotes, so
# Markdown's smarty extension is not used) (titles must be escaped first).
TYPOGRIFY = False

# Local preview shows drafts and scheduled articles.
WITH_FUTURE_DATES = True
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
# Previews write over the last build and then remove the pages it no longer
# has (plugins/clinic/speed/write/stale_pages.py): much faster rebuilds, and a failed
# build leaves the last good one to look at. publishconf.py starts empty.
DELETE_OUTPUT_DIRECTORY = False
# Fast previews: Markdown is converted again only for files that changed,
# and the clinic plugin keeps its body steps' results (speed/read/body_cache.py);
# cache_guard.py drops both when authors.yml, images, any setting, the
# plugin or the libraries change. Not the "generator" layer: it fails at
# ~1,000 articles (in one livereload session the speed part keeps whole
# documents in memory).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
# Pelican saves that cache after every build; gzipped, saving 1,000 articles'
# Markdown took longer than a whole livereload rebuild of one page.
GZIP_CACHE = False

# No feeds in local preview (publishconf.py turns them on). Previews still
# know the feed's address, so links and redirects to it are checked.
CLINIC_FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- The clinic plugin --------------------------------------------------
CLINIC_NAME = SITENAME
CLINIC_MISSION = (
    "New Pathways Clinic offers evidence-based ketamine and esketamine "
    "treatment, therapy and peer support for adults in Ohio living with "
    "depression, anxiety, PTSD, migraine and bipolar disorder."
)
# Articles use only these categories (name: one-line description).
CLINIC_CATEGORIES = {
    "Treatments": "How our treatments work, who they may help and what a visit involves.",
    "Recovery and integration": "Making the most of treatment in everyday life.",
    "Families and caregivers": "For partners, parents and friends supporting someone in care.",
    "Community and support": "Support groups and the people who make them.",
}
CLINIC_TREATMENTS = {
    "ketamine-infusions": {"name": "Ketamine infusions", "url": "treatments/#ketamine-infusions"},
    "spravato": {"name": "Spravato (esketamine) nasal spray", "url": "treatments/#spravato"},
    "ketamine-assisted-psychotherapy": {
        "name": "Ketamine-assisted psychotherapy",
        "url": "treatments/#ketamine-assisted-psychotherapy",
    },
    "support-groups": {"name": "Support groups", "url": "treatments/#support-groups"},
}
CLINIC_FOOTER_LINKS = (
    ("Treatments", "treatments/"),
    ("Locations", "locations/"),
    ("Articles", "blog/"),
    ("About us", "about/"),
    ("Newsletter", "newsletter/"),
    ("Privacy", "privacy/"),
    ("Accessibility", "accessibility/"),
)
# No provider in local preview: the form submits to the thank-you page and
# says it is a preview. publishconf.py requires a real endpoint.
NEWSLETTER = {}
NEWSLETTER_THANK_YOU_URL = "newsletter/thank-you/"

MAIN_MENU = (
    ("Treatments", "treatments/"),
    ("Locations", "locations/"),
    ("Articles", "blog/"),
    ("About", "about/"),
)

# The browser editor (plugins/clinic/editor/) at CLINIC_EDITOR_URL, admin/ by
# default. A preview's editor saves through decap-server on this computer
# (`invoke editor` starts both, with the preview); the published one saves to
# GitHub (publishconf.py).
CLINIC_EDITOR_LOCAL_BACKEND = "http://localhost:8081/api/v1"

# robots.txt: previews are never indexed; production points at the sitemap.
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}
SITEMAP = {
    "format": "xml",
    # Not pages anyone should land on from a search (the editor is for writers).
    "exclude": [r"^404\.html$", r"^newsletter/thank-you/$", r"^drafts/", r"^search/$", r"^admin/"],
}
