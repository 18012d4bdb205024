"""Every setting of the clinic plugin, its default and what it means: one table.

Settings are read, never written. `with_defaults(settings)` gives a read-only
view of Pelican's settings with each clinic setting a site leaves out filled
in from this table; the parts read their settings through it, and the
template context gets the same defaults (site/context.py). What the plugin
builds from settings (the newsletter form, author profiles, pictures) lives
in each part's state object or in the template context, never in settings.
"""

from collections import ChainMap
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType


@dataclass(frozen=True)
class Setting:
    name: str
    default: object  # a value, or a function of the site's settings
    meaning: str


def _same_as(name):
    """A default that follows another setting (as the site set it, or its default)."""
    return lambda settings: settings.get(name)


SETTINGS = (
    # --- The site and its content folders
    Setting("CLINIC_NAME", _same_as("SITENAME"), "The clinic's name, in the footer and JSON-LD."),
    Setting("CLINIC_MISSION", "", "One sentence about the clinic: home page, footer, JSON-LD."),
    Setting("CLINIC_PRODUCTION", False, "True for the published site (publishconf.py)."),
    Setting("CLINIC_AUTHORS_FILE", "authors.yml", "Writers and reviewers, in the content folder."),
    Setting("CLINIC_LOCATIONS_PATH", "locations", "Folder of the location pages."),
    Setting("CLINIC_IMAGES_PATH", "images", "Folder of the pictures."),
    Setting("CLINIC_REDIRECTS_FILE", "redirects.yml", "Old addresses -> new (content folder)."),
    Setting("CLINIC_CATEGORIES", {}, "The only categories articles may use: {name: description}."),
    Setting("CLINIC_TREATMENTS", {}, "{key: {name, url}}: what location pages may list."),
    Setting("CLINIC_FOOTER_LINKS", (), "(title, url) pairs for the footer's Information list."),
    Setting("CLINIC_WORDS_PER_MINUTE", 220, "Reading speed for the articles' reading time."),
    Setting("CLINIC_RELATED_COUNT", 3, "Related articles shown below each article."),
    # --- What the writing is held to (checks/rules/readability.py, reviews.py)
    Setting("CLINIC_READING_GRADE_TARGET", 8, "Reading grade above which the check warns."),
    Setting(
        "CLINIC_READING_GRADE_CEILING",
        10,
        "Reading grade above which a production build fails (previews warn).",
    ),
    Setting("CLINIC_REVIEW_MONTHS", 12, "Months from a medical review to the next one due."),
    Setting(
        "CLINIC_FEED_ALL_ATOM",
        "feeds/all.atom.xml",
        "The all-articles feed of production builds; previews write no feeds but know "
        "its address, so links and redirects to it are checked everywhere.",
    ),
    # --- Pictures
    Setting("CLINIC_LOGO", "images/logo.png", "The header logo (PNG with transparency)."),
    Setting("CLINIC_SOCIAL_IMAGE", "images/social-default.jpg", "Link-preview picture of pages."),
    Setting(
        "CLINIC_SOCIAL_IMAGE_ALT",
        "New Pathways Clinic: calm teal and sand gradient",
        "Alt text of the link-preview picture.",
    ),
    Setting(
        "CLINIC_IMAGE_CACHE",
        lambda settings: str(Path(settings.get("CACHE_PATH", "cache")) / "clinic-images"),
        "Where encoded picture variants are kept between builds.",
    ),
    # --- The newsletter form
    Setting("NEWSLETTER", {}, "The provider, {'provider': ..., 'action': ...}: newsletter.py."),
    Setting("NEWSLETTER_THANK_YOU_URL", "newsletter/thank-you/", "The page after signing up."),
    Setting(
        "NEWSLETTER_MARKER",
        "<!-- newsletter-form -->",
        "The line in a page's Markdown where the signup form goes.",
    ),
    # --- What happens to the written site
    Setting("CLINIC_MINIFY", False, "Minify HTML and CSS, fingerprint theme files (production)."),
    Setting("CLINIC_COMPRESS", False, "Write .br and .gz copies of the text files (production)."),
    Setting("CLINIC_SEARCH_INDEX", True, "Build the Pagefind search index (True or False)."),
    Setting(
        "CLINIC_SEARCH_INDEX_BACKGROUND",
        False,
        "Write the index after the build returns (invoke livereload).",
    ),
    Setting(
        "CLINIC_LIVERELOAD",
        False,
        "Served by invoke livereload: its inline reload script is allowed (never in production).",
    ),
    Setting(
        "CLINIC_CHECK_OUTPUT",
        _same_as("CLINIC_PRODUCTION"),
        "Check the finished files (links, alt, titles) before they may be deployed.",
    ),
    # --- The browser editor (plugins/clinic/editor/)
    Setting("CLINIC_EDITOR", True, "Build the browser editor (Decap CMS) at CLINIC_EDITOR_URL."),
    Setting("CLINIC_EDITOR_URL", "admin/", "The editor's folder: a top-level folder of its own."),
    Setting(
        "CLINIC_EDITOR_DECAP",
        lambda settings: str(
            Path(settings.get("THEME", "theme")).parent / "node_modules" / "decap-cms"
        ),
        "Decap CMS as npm installs it (`invoke tools`), next to the theme folder.",
    ),
    Setting(
        "CLINIC_EDITOR_CONTENT",
        lambda settings: Path(settings.get("PATH", "content")).name,
        "The content folder's path in the repository, where the editor saves files.",
    ),
    Setting("CLINIC_EDITOR_REPO", "", "owner/name of the GitHub repository the editor saves to."),
    Setting("CLINIC_EDITOR_BRANCH", "main", "The branch pull requests from the editor go to."),
    Setting(
        "CLINIC_EDITOR_AUTH_URL",
        "",
        "Origin of the sign-in helper (editor-auth/, a Cloudflare Worker): README, 'The editor'.",
    ),
    Setting(
        "CLINIC_EDITOR_LOCAL_BACKEND",
        "",
        "decap-server's API URL: set, the editor saves through it (`invoke editor`), not GitHub.",
    ),
    # --- Build speed
    Setting(
        "CLINIC_SPEED",
        True,
        "The speed part: caches, worker processes, libyaml. Off, the same site is built "
        "slowly, in one process (plugins/clinic/speed/).",
    ),
)

NAMES = frozenset(setting.name for setting in SETTINGS)


def defaults(settings):
    """{name: default} for this site (some defaults follow other settings,
    which come earlier in the table)."""
    found = {}
    seen = ChainMap(MappingProxyType(settings), found)
    for setting in SETTINGS:
        default = setting.default
        found[setting.name] = default(seen) if callable(default) else default
    return found


def with_defaults(settings):
    """A read-only view: the site's settings first, then the table's defaults."""
    return ChainMap(MappingProxyType(settings), defaults(settings))
