"""The strict content check: every content file against the schema, every
body, and the checks across files. `invoke check` runs it without building;
every build runs it too (site_context), reusing the HTML Pelican already made.

    problems, report = check_content(settings)
"""

from dataclasses import dataclass
from pathlib import Path

import markdown
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify

from .authors import load_authors
from .body_checks import check_body
from .field_checks import check_fields
from .site_checks import duplicate_outputs, tag_spellings, tags_of
from .sources import discover, read_source


@dataclass
class SiteFacts:
    """What the checks compare content against."""

    content_root: Path
    images_root: Path
    images_dir: str
    authors: dict
    categories: dict
    treatments: dict
    siteurl: str
    known_urls: set

    def knows_url(self, path):
        path = path.lstrip("/").removesuffix("index.html")
        return path in self.known_urls or f"{path}/" in self.known_urls


@dataclass(frozen=True)
class CheckReport:
    files: int
    by_kind: dict  # kind -> number of files

    @property
    def line(self):
        kinds = ", ".join(f"{n} {kind}s" for kind, n in sorted(self.by_kind.items()))
        return f"Content check: {self.files} files ({kinds})"


def check_content(settings, rendered=None):
    """(problems, CheckReport). `rendered` maps a source path to the body
    HTML Pelican made for it; other files are converted here."""
    root = Path(settings["PATH"])
    sources, problems = [], []
    found = discover(settings)
    for path, kind in found:
        source, unreadable = read_source(path, kind, root)
        problems += unreadable
        if source:
            sources.append(source)
    facts = site_facts(settings, sources)
    converter = None
    for source in sources:
        problems += check_fields(source, facts)
        html = (rendered or {}).get(str(source.path))
        if html is None:
            converter = converter or markdown.Markdown(**settings["MARKDOWN"])
            html = converter.reset().convert(source.body)
        problems += check_body(source, html, facts)
    problems += duplicate_outputs(planned_outputs(sources, settings))
    problems += tag_spellings([s for s in sources if s.kind == "article"])
    by_kind = {}
    for _path, kind in found:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return problems, CheckReport(len(found), by_kind)


def site_facts(settings, sources):
    root = Path(settings["PATH"])
    images_dir = settings["CLINIC_IMAGES_PATH"]
    authors = settings.get("CLINIC_AUTHOR_PROFILES")
    if authors is None:
        authors = load_authors(root / settings["CLINIC_AUTHORS_FILE"])
    return SiteFacts(
        content_root=root,
        images_root=root / images_dir,
        images_dir=images_dir,
        authors=authors,
        categories=settings["CLINIC_CATEGORIES"],
        treatments=settings["CLINIC_TREATMENTS"],
        siteurl=settings["SITEURL"],
        known_urls=known_urls(settings, sources, authors),
    )


def planned_outputs(sources, settings):
    """[(save_as, owner)]: each content file's page, and the theme's own pages
    (owner None) that a content file must not overwrite."""
    outputs = [(save_as_of(source, settings), source) for source in sources]
    for name in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            outputs.append((save_as, None))
    outputs += [(save_as, None) for save_as in settings["TEMPLATE_PAGES"].values()]
    return outputs


def slug_of(source, settings):
    if source.meta.get("slug"):
        return str(source.meta["slug"])
    return slugify(
        source.path.stem,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
    )


def save_as_of(source, settings):
    """Where Pelican will write this file's page (mirrors its URL settings)."""
    if source.meta.get("save_as"):
        return str(source.meta["save_as"])
    slug = slug_of(source, settings)
    draft = str(source.meta.get("status", "")) == "draft"
    if source.kind == "location":
        pattern = settings["CLINIC_LOCATIONS_PATH"].strip("/") + "/{slug}/index.html"
    elif source.kind == "article":
        pattern = settings["DRAFT_SAVE_AS" if draft else "ARTICLE_SAVE_AS"]
    else:
        pattern = settings["DRAFT_PAGE_SAVE_AS" if draft else "PAGE_SAVE_AS"]
    return pattern.format(slug=slug)


def known_urls(settings, sources, authors):
    """Every site-relative address a link may point to, without the leading
    slash: content pages, the theme's listings, static files and feeds."""
    urls = {"", settings["THEME_STATIC_DIR"] + "/"}
    urls |= {save_as_of(s, settings).removesuffix("index.html") for s in sources}
    for name in settings["DIRECT_TEMPLATES"]:
        urls.add(settings.get(f"{name.upper()}_URL", f"{name}.html"))
    urls |= set(settings["TEMPLATE_PAGES"].values())
    urls |= {Category(name, settings).url for name in settings["CLINIC_CATEGORIES"]}
    articles = [s for s in sources if s.kind == "article"]
    urls |= {Tag(tag, settings).url for s in articles for tag in tags_of(s)}
    urls |= {Author(profile.name, settings).url for profile in authors.values()}
    root = Path(settings["PATH"])
    for folder in settings["STATIC_PATHS"]:
        urls |= {p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()}
    theme_static = Path(settings["THEME"]) / "static"
    urls |= {
        f"{settings['THEME_STATIC_DIR']}/{p.relative_to(theme_static).as_posix()}"
        for p in theme_static.rglob("*")
        if p.is_file()
    }
    for feed in ("FEED_ALL_ATOM", "FEED_ATOM", "FEED_RSS", "FEED_ALL_RSS"):
        if settings.get(feed):
            urls.add(settings[feed])
    return urls


def check_settings_file(settings_file, override=None):
    """`invoke check`: read the site's settings (no plugins, no build) and
    check its content. Returns (problems, CheckReport)."""
    from pelican.settings import read_settings  # noqa: PLC0415 (only the CLI needs it)

    from .site_context import with_defaults  # noqa: PLC0415 (site_context imports us)

    return check_content(with_defaults(read_settings(str(settings_file), override=override)))
