"""The site's output map: every file a build will write, who makes it, and so
which addresses lead somewhere, and which the site keeps for itself.

Worked out from the content files as they are on disk (the way Pelican will
name each output), so `invoke check` knows it without building. One map
serves the content check (two files making one page; a slug or `save_as`
on an address the site keeps; links to pages that do not exist) and the
redirects (an old address must not hide a page or a file of the site; a new
address must exist).

    site_map = output_map(settings, sources, authors)
    site_map.knows_url("/blog/my-article/")  # True
    site_map.clashes()  # [(file, [owner, owner]), ...]
    site_map.taken("feeds/x/index.html")  # ("feeds/", "the feeds")

A source is anything with `kind`, `path` (its file on disk) and `meta` (its
front matter, keys lowercased): checks/sources.py reads them.
"""

import functools
import posixpath
from collections import defaultdict
from pathlib import Path

from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify

from .. import schema
from ..images.variants import PICTURES_DIR
from ..settings import with_defaults

THEME_PAGE = "a page of the theme"
FEEDS = ("FEED_ALL_ATOM", "FEED_ATOM", "FEED_RSS", "FEED_ALL_RSS")
SEARCH_BUNDLE = "pagefind"  # the search index's folder (output/search_index.py)
# What a build writes besides the pages of the content and the theme, whatever
# the settings in use: `invoke check` reads the preview's settings, which
# have no feeds, and must refuse these addresses all the same. A key ending
# in "/" keeps the whole folder.
RESERVED = {
    "_headers": "the security headers file",
    "_redirects": "the redirects file",
    "sitemap.xml": "the sitemap",
    "robots.txt": "the robots.txt file",
    "feeds/": "the feeds",
    f"{SEARCH_BUNDLE}/": "the search index",
    f"{PICTURES_DIR}/": "the resized pictures",
}
TAXONOMIES = ("CATEGORY", "TAG", "AUTHOR")


class OutputMap:
    """Output files (as Pelican's save_as: "blog/x/index.html") -> their makers:
    a source, or a few words naming a page the site makes by itself."""

    def __init__(self):
        self.owners = defaultdict(list)
        self.reserved = {}  # "feeds/" or "_headers" -> what the site writes there

    def add(self, file, owner=THEME_PAGE):
        if file:  # "" means "not written" (drafts in production)
            self.owners[file].append(owner)

    def reserve(self, address, what):
        """Keep a file ("_headers") or a folder ("feeds/") for the site itself."""
        self.reserved[address] = what

    def taken(self, file):
        """(address, what) when the site keeps the address of `file` for
        something else: a reserved file or folder, or a file of the site
        where `file` would need a folder (images/logo.png for
        images/logo.png/index.html). None when it is free."""
        parts = file.split("/")
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix in self.reserved:
                return prefix, self.reserved[prefix]
            if depth == len(parts):
                return None
            if prefix + "/" in self.reserved:
                return prefix + "/", self.reserved[prefix + "/"]
            if prefix in self.owners:
                return prefix, _name(self.owners[prefix][0])
        return None

    def taken_by_content(self):
        """[(source, file, address, what)] for each content file whose page
        would be written where the site keeps the address (see taken)."""
        found = []
        for file, owners in sorted(self.owners.items()):
            taken = self.taken(file)
            for owner in owners:
                if taken and not isinstance(owner, str):
                    found.append((owner, file, *taken))
        return found

    def __contains__(self, file):
        return file in self.owners

    def knows_url(self, path):
        """True if a site path ("/blog/x/", "/images/a.jpg", "/about") leads to a file."""
        file = file_of(path)
        return file in self.owners or f"{file}/index.html" in self.owners

    def owner_of(self, path):
        """The content file whose page a site path leads to, or None."""
        file = file_of(path)
        owners = self.owners.get(file) or self.owners.get(f"{file}/index.html") or ()
        return next((owner for owner in owners if not isinstance(owner, str)), None)

    def clashes(self):
        """[(file, owners)] for every file more than one thing would write."""
        return [(file, owners) for file, owners in sorted(self.owners.items()) if len(owners) > 1]

    def addresses(self):
        """Every page's address ("/blog/x/"), for "did you mean" hints."""
        return sorted("/" + file.removesuffix("index.html") for file in self.owners)


def _name(owner):
    return owner if isinstance(owner, str) else owner.display


def file_of(path):
    """A site path -> the output file it serves: "/a/" -> "a/index.html"."""
    path = path.split("#", 1)[0].lstrip("/")
    return path + "index.html" if not path or path.endswith("/") else path


def output_map(settings, sources, authors):
    """The map of a site whose content files are `sources`; `authors` maps
    author keys to profiles (their names make the author pages)."""
    settings = with_defaults(settings)
    site_map = OutputMap()
    for source in sources:
        site_map.add(save_as_of(source, settings), source)
    for name in settings["DIRECT_TEMPLATES"]:
        site_map.add(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
    for save_as in settings["TEMPLATE_PAGES"].values():
        site_map.add(save_as)
    listed = [s for s in sources if s.kind == "article" and not is_draft(s)]
    for listing in _listings(listed, settings, authors):
        site_map.add(listing.save_as, f"the {type(listing).__name__.lower()} page of '{listing}'")
    for file in _static_files(settings):
        site_map.add(file, "a static file")
    for feed in FEEDS:
        site_map.add(settings.get(feed), "a feed")
    for address, what in reserved_addresses(settings).items():
        site_map.reserve(address, what)
    if settings["CLINIC_FEED_ALL_ATOM"] != settings.get("FEED_ALL_ATOM"):
        site_map.add(settings["CLINIC_FEED_ALL_ATOM"], "the feed of production builds")
    return site_map


def reserved_addresses(settings):
    """{address: what}: RESERVED, and the folders these settings give the
    theme's files, the static files, the category, tag and author pages,
    and the home page's later pages."""
    found = dict(RESERVED)
    found[f"{settings['THEME_STATIC_DIR']}/"] = "the theme's files"
    for folder in settings["STATIC_PATHS"]:
        found[f"{folder.strip('/')}/"] = f"the files of content/{folder.strip('/')}/"
    for name in TAXONOMIES:
        folder = settings[f"{name}_SAVE_AS"].partition("{slug}")[0]
        if folder.endswith("/"):
            found[folder] = f"the {name.lower()} pages"
    home = posixpath.dirname(settings["INDEX_SAVE_AS"])
    for minimum, _url, save_as in settings["PAGINATION_PATTERNS"]:
        folder = save_as.replace("{base_name}", home).lstrip("/").partition("{number}")[0]
        if minimum > 1 and folder.endswith("/"):
            found[folder] = "the home page's later pages"
    return found


def _listings(articles, settings, authors):
    """The category, tag and author pages Pelican makes for these articles."""
    found, made = {}, {}
    for source in articles:
        meta = source.meta
        names = [(Tag, tag) for tag in schema.tags_of(meta.get("tags"))]
        if meta.get("category"):
            names.append((Category, str(meta["category"])))
        profile = authors.get(str(meta.get("author", "")))
        if profile is not None:
            names.append((Author, profile.name))
        for kind, name in names:
            # One wrapper (and one slugify) per name, not per article using it.
            if (kind, name) not in made:
                made[kind, name] = kind(name, settings)
            wrapper = made[kind, name]
            if quiet_slug(wrapper):  # a tag without one is a problem the check reports
                found.setdefault((kind, wrapper.slug), wrapper)
    return list(found.values())


def quiet_slug(wrapper):
    """The slug Pelican gives a tag, category or author (as URLWrapper.slug
    makes it), without the warning it logs when there is none: under
    `--fatal warnings` that warning would stop the build before the check
    could say which file has the tag."""
    settings = wrapper.settings
    substitutions = settings.get(
        f"{type(wrapper).__name__.upper()}_REGEX_SUBSTITUTIONS",
        settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
    )
    return _wrapper_slug(
        wrapper.name,
        tuple(map(tuple, substitutions)),
        settings.get("SLUGIFY_PRESERVE_CASE", False),
        settings.get("SLUGIFY_USE_UNICODE", False),
    )


@functools.lru_cache(maxsize=8192)
def _wrapper_slug(name, substitutions, preserve_case, use_unicode):
    # The same few hundred tags on every rebuild: slugified once each.
    return slugify(
        name, regex_subs=list(substitutions), preserve_case=preserve_case, use_unicode=use_unicode
    )


def _static_files(settings):
    root = Path(settings["PATH"])
    for folder in settings["STATIC_PATHS"]:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                yield path.relative_to(root).as_posix()
    for folder in settings["THEME_STATIC_PATHS"]:
        theme_static = Path(settings["THEME"]) / folder
        for path in sorted(theme_static.rglob("*")):
            if path.is_file():
                yield f"{settings['THEME_STATIC_DIR']}/{path.relative_to(theme_static).as_posix()}"


def is_draft(source):
    return str(source.meta.get("status", "")) == "draft"


def slug_of(source, settings):
    if source.meta.get("slug"):
        return str(source.meta["slug"])
    substitutions = tuple(map(tuple, settings.get("SLUG_REGEX_SUBSTITUTIONS", [])))
    return _slug(source.path.stem, substitutions, settings.get("SLUGIFY_PRESERVE_CASE", False))


@functools.lru_cache(maxsize=8192)
def _slug(stem, substitutions, preserve_case):
    """Pelican's slugify, once per file name: every build maps every file."""
    return slugify(stem, regex_subs=list(substitutions), preserve_case=preserve_case)


def save_as_of(source, settings):
    """Where Pelican will write this file's page (mirrors its URL settings);
    "" when it writes none (drafts in production)."""
    if source.meta.get("save_as"):
        return str(source.meta["save_as"])
    draft = is_draft(source)
    if source.kind == "location":
        pattern = settings["CLINIC_LOCATIONS_PATH"].strip("/") + "/{slug}/index.html"
    elif source.kind == "article":
        pattern = settings["DRAFT_SAVE_AS" if draft else "ARTICLE_SAVE_AS"]
    else:
        pattern = settings["DRAFT_PAGE_SAVE_AS" if draft else "PAGE_SAVE_AS"]
    return pattern.format(slug=slug_of(source, settings))
