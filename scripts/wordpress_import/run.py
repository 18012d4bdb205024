"""One import: a WordPress export in, this site's content, pictures,
authors and redirects out, and a report of what needs a person.

    report = import_wordpress(export, root, settings, Options(uploads=...))

`settings` are the site's production settings (publishconf.py), so the new
addresses are the ones the published site has.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from clinic.schema import fields_of
from clinic.settings import with_defaults
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify

from .addresses import add_redirects
from .body import Links, Note, convert
from .categories import load_mapping
from .export import read_export
from .files import Manifest, markdown_file
from .pictures import PictureLibrary
from .report import Report

SUMMARY_LIMIT = 160
MAPPING_FILE = "wordpress-map.yml"
MANIFEST_FILE = "wordpress-import.json"


@dataclass(frozen=True)
class Options:
    uploads: Path | None = None  # a copy of wp-content/uploads
    mapping: Path | None = None  # the category mapping file
    force: bool = False  # also replace imported files a writer has edited
    download: bool = False  # fetch pictures from the live site


@dataclass
class Plan:
    """Where one post goes."""

    post: object
    kind: str  # "article" or "page"
    slug: str
    category: str | None  # the site category, for articles
    path: Path  # the Markdown file
    url: str  # its new address, "/blog/<slug>/"


def import_wordpress(export_path, root, settings, options=None):
    return _Import(export_path, root, settings, options or Options()).run()


class _Import:
    def __init__(self, export_path, root, settings, options):
        self.root = Path(root)
        self.settings = with_defaults(settings)
        self.content = Path(self.settings["PATH"])
        self.options = options
        self.export = read_export(export_path)
        mapping_path = Path(options.mapping) if options.mapping else self.root / MAPPING_FILE
        self.category_map = load_mapping(
            mapping_path, self.export.categories, self.settings["CLINIC_CATEGORIES"]
        )
        # Files are named as writers see them: content/articles/x.md.
        self.shown_from = self.content.parent
        self.manifest = Manifest(mapping_path.parent / MANIFEST_FILE, self.shown_from)
        self.report = Report()
        self.authors = _Authors(
            self.content / self.settings["CLINIC_AUTHORS_FILE"], self.export.authors, self.settings
        )
        self.pictures = PictureLibrary(
            self.export.attachments.values(),
            self.content / "images",
            uploads=options.uploads,
            download=options.download,
        )
        self.plans = self._plans()
        self.links = Links(page_for=self._page_finder(), picture_for=self._picture_for)
        self.used_pictures = set()

    def run(self):
        for plan in self.plans:
            self._write(plan)
        self.authors.save(self.report, self.shown_from)
        for what, fix in self.pictures.notes:
            self.report.add("content/images", "picture", what, fix)
        self.report.pictures = sorted(name for name in self.pictures.copied.values() if name)
        redirects_file = self.content / self.settings["CLINIC_REDIRECTS_FILE"]
        self.report.redirects_added, clashes = add_redirects(redirects_file, self._redirects())
        for old, existing, new in clashes:
            self.report.add(
                self._shown(redirects_file),
                old,
                f"already redirects to {existing}; the import would send it to {new}",
                "keep the line you want",
            )
        self.manifest.save()
        return self.report

    def _shown(self, path):
        return Path(path).relative_to(self.shown_from).as_posix()

    # --- Where each post goes ----------------------------------------------

    def _plans(self):
        plans = []
        for post in self.export.posts:
            slug = post.slug or _slug(post.title, self.settings)
            if post.type == "page":
                url = "/" + self.settings["PAGE_URL"].format(slug=slug)
                plans.append(Plan(post, "page", slug, None, self._file("pages", slug), url))
                continue
            mapped = [self.category_map.get(c.slug) for c in post.categories]
            category = next((name for name in mapped if name), None)
            if category is None:
                names = ", ".join(c.name for c in post.categories) or "none"
                self.report.add(
                    self._shown(self._file("articles", slug)),
                    "category",
                    f"not imported yet: its WordPress categories ({names}) are not mapped",
                    "map them in wordpress-map.yml and run the import again",
                )
                continue
            url = "/" + self.settings["ARTICLE_URL"].format(slug=slug)
            plans.append(Plan(post, "article", slug, category, self._file("articles", slug), url))
        return plans

    def _file(self, folder, slug):
        return self.content / folder / f"{slug}.md"

    # --- Writing each post ---------------------------------------------------

    def _write(self, plan):
        front, body, notes = self._document(plan)
        self.used_pictures |= set(re.findall(r"\(/images/([^)\s]+)\)", body))
        written = self.manifest.write(
            plan.path, markdown_file(front, body), force=self.options.force
        )
        self.report.written.append(written)
        shown = self._shown(plan.path)
        if written.state.startswith("kept"):
            fix = "compare it with the export; run with --force to replace it"
            self.report.add(shown, "file", f"{written.state}: not replaced", fix)
        text = plan.path.read_text(encoding="utf-8")
        for note in notes:
            self.report.add(shown, note.field, note.what, note.fix, _line_of(text, note.text))

    def _document(self, plan):
        """(front matter, Markdown body, notes) in the order of schema.py's fields."""
        post = plan.post
        body, notes = convert(post.html, self.links)
        summary, cut = _summary(post, body)
        front = {"title": html.unescape(post.title).strip() or plan.slug, "summary": summary}
        if post.modified and post.modified.date() > post.date.date():
            front["modified"] = post.modified.date()
        if plan.kind == "article":
            front["date"] = post.date.date()
            front["author"] = self.authors.key_for(post.author)
            front["category"] = plan.category
            if post.tags:
                front["tags"] = [html.unescape(tag.name) for tag in post.tags]
            front["hero_image"], front["hero_alt"], hero_note = self._hero(post)
            if hero_note:
                notes.append(hero_note)
        if post.unpublished:
            front["status"] = "draft"
        if cut:
            notes.append(Note("summary", cut, "check the summary still says what it is about"))
        order = list(fields_of(plan.kind))
        return dict(sorted(front.items(), key=lambda item: order.index(item[0]))), body, notes

    def _hero(self, post):
        """(hero_image, hero_alt, Note or None): the featured image, or the
        site's default picture until a person picks one."""
        default = self.settings["CLINIC_SOCIAL_IMAGE"].rsplit("/", 1)[-1]
        default_alt = self.settings["CLINIC_SOCIAL_IMAGE_ALT"]
        attachment = self.export.attachments.get(post.thumbnail_id)
        if attachment is None:
            what = "the post had no featured image, so it shows the site's default picture"
            fix = "add a picture to content/images/ and set hero_image and hero_alt"
            return default, default_alt, Note("hero_image", what, fix)
        name = self.pictures.bring(attachment)
        if name and attachment.alt:
            return name, attachment.alt, None
        if name:
            what = f"the featured image {name} has no alt text, so the default picture is shown"
            fix = f"describe it, then set hero_image: {name} and hero_alt"
            return default, default_alt, Note("hero_image", what, fix)
        what = "the featured image could not be brought over (see content/images below)"
        return default, default_alt, Note("hero_image", what, "bring it over by hand")

    # --- Old addresses -------------------------------------------------------

    def _page_finder(self):
        by_old = {}
        for plan in self.plans:
            if not plan.post.unpublished:
                by_old[_folder(self.export.old_path(plan.post.link))] = plan.url
        for slug, category in self.category_map.items():
            if category:
                by_old[f"/category/{slug}/"] = "/" + Category(category, self.settings).url

        def page_for(url):
            old = self.export.old_path(url) if url else None
            return by_old.get(_folder(old)) if old else None

        return page_for

    def _picture_for(self, url):
        attachment = self.pictures.attachment_for(url)
        if attachment is None:
            return None
        name = self.pictures.bring(attachment)
        return (name, attachment.alt) if name else None

    def _redirects(self):
        """(old, new) for every old address that has a home here."""
        settings, wanted = self.settings, []
        published = [p for p in self.plans if not p.post.unpublished]
        for plan in published:
            old = self.export.old_path(plan.post.link)
            if old and "?" not in plan.post.link:
                wanted.append((old, plan.url))
        articles = [p for p in published if p.kind == "article"]
        for slug, category in self.category_map.items():
            if category and any(p.category == category for p in articles):
                wanted.append((f"/category/{slug}/", "/" + Category(category, settings).url))
        tags = {t.slug: t for p in articles for t in p.post.tags}
        for slug, tag in tags.items():
            wanted.append((f"/tag/{slug}/", "/" + Tag(html.unescape(tag.name), settings).url))
        for login in sorted({p.post.author for p in articles}):
            author = self.export.authors.get(login)
            if author:
                url = Author(author.display_name, settings).url
                wanted.append((f"/author/{login}/", "/" + url))
        if articles and settings.get("FEED_ALL_ATOM"):
            wanted.append(("/feed/", "/" + settings["FEED_ALL_ATOM"]))
        for attachment in self.pictures.attachments:
            name = self.pictures.copied.get(attachment.id)
            if name and name in self.used_pictures:
                wanted.append((f"/wp-content/uploads/{attachment.file}", f"/images/{name}"))
        return wanted


def _summary(post, body):
    """(summary, what was cut or None): the excerpt, or the opening paragraph,
    cut at a sentence boundary within SUMMARY_LIMIT characters."""
    excerpt = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", post.excerpt)).split())
    source = "the excerpt"
    if not excerpt:
        first = next((p for p in body.split("\n\n") if p and p[0].isalnum()), "")
        excerpt = " ".join(re.sub(r"[*_`\[\]]|\(\S+\)", "", first).split())
        source = "the first paragraph"
    if len(excerpt) <= SUMMARY_LIMIT:
        return excerpt, None
    summary = ""
    for sentence in re.split(r"(?<=[.!?])\s+", excerpt):
        if len(summary) + len(sentence) + 1 > SUMMARY_LIMIT:
            break
        summary = f"{summary} {sentence}".strip()
    if not summary:  # one long sentence: cut at a word
        summary = excerpt[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return summary, f"the summary was cut from {source} ({len(excerpt)} characters)"


def _folder(path):
    """ "/a" and "/a/" are one address."""
    if not path:
        return path
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def _slug(text, settings):
    """As Pelican makes slugs from titles, with the site's substitutions."""
    return slugify(
        html.unescape(text),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
    )


def _line_of(text, needle):
    if needle:
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return number
    return 1


class _Authors:
    """Authors of the export as keys of authors.yml, adding the missing ones."""

    def __init__(self, path, export_authors, settings):
        self.path = Path(path)
        self.export_authors = export_authors
        self.settings = settings
        data = yaml.safe_load(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        self.known = {
            str((entry or {}).get("name", "")).strip().lower(): key
            for key, entry in (data or {}).items()
        }
        self.added = {}  # key -> display name

    def key_for(self, login):
        author = self.export_authors.get(login)
        name = author.display_name if author else login
        key = self.known.get(name.strip().lower())
        if key is None:
            key = _slug(name, self.settings) or _slug(login, self.settings)
            self.known[name.strip().lower()] = key
            self.added[key] = name
        return key

    def save(self, report, root):
        if not self.added:
            return
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        text = text.rstrip("\n") + "\n"
        for key, name in self.added.items():
            text += "# Added by the WordPress import: add credentials, role and a short bio.\n"
            line = text.count("\n") + 1
            text += yaml.safe_dump({key: {"name": name}}, allow_unicode=True, sort_keys=False)
            report.add(
                self.path.relative_to(root).as_posix(),
                key,
                f"{name} was added from WordPress without a bio",
                "write their credentials, role and a short bio",
                line,
            )
        self.path.write_text(text, encoding="utf-8")
