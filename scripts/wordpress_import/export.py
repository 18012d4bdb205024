"""A WordPress export file (WXR, Tools > Export) read into plain records.

WXR is RSS 2.0 with WordPress's own namespaces. lxml reads it with entity
expansion and network access off: an export is a file from elsewhere.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# Older exports (WXR 1.0, 1.1) use the same elements under other versions.
OLD_WP = ("http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/")
IMPORTED_TYPES = ("post", "page")
# WordPress statuses that must not go live here without a person deciding.
UNPUBLISHED = ("draft", "private", "pending", "future", "auto-draft")


class ExportError(Exception):
    """The file is not a WordPress export we can read: says why and what to do."""


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclass(frozen=True)
class Term:
    slug: str  # WordPress's "nicename", the last part of its archive address
    name: str


@dataclass(frozen=True)
class Attachment:
    id: str
    url: str  # the original upload's URL
    file: str  # its path inside wp-content/uploads, e.g. 2023/05/x.jpg
    alt: str


@dataclass
class Post:
    id: str
    type: str  # "post" or "page"
    title: str
    slug: str
    link: str  # the old permalink
    date: datetime.datetime
    modified: datetime.datetime | None
    author: str  # the author's login
    status: str  # WordPress's: publish, draft, private, ...
    html: str
    excerpt: str
    categories: list = field(default_factory=list)  # [Term]
    tags: list = field(default_factory=list)  # [Term]
    thumbnail_id: str = ""

    @property
    def unpublished(self):
        return self.status in UNPUBLISHED


@dataclass
class WordPressExport:
    site_url: str  # e.g. https://blog.example.org (no trailing slash)
    authors: dict  # login -> Author
    categories: dict  # slug -> Term
    tags: dict  # slug -> Term
    attachments: dict  # id -> Attachment
    posts: list  # [Post], posts and pages in the export's order

    def old_path(self, url):
        """A URL of the old site -> its path ("/2023/05/x/"), or None if another site's."""
        parts = urlsplit(url)
        own = urlsplit(self.site_url)
        if parts.netloc and parts.netloc.lower() != own.netloc.lower():
            return None
        return parts.path or "/"


def read_export(path):
    """The export at `path` -> WordPressExport; ExportError if it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as error:
        raise ExportError(
            f"{path}: cannot be read as XML ({error}) -> export it again from WordPress "
            "(Tools > Export > All content) and pass the .xml file"
        ) from error
    root = _with_current_namespace(root)
    channel = root.find("channel")
    if channel is None or channel.find("wp:base_site_url", NS) is None:
        raise ExportError(
            f"{path}: is not a WordPress export (no <wp:base_site_url>) -> "
            "use the file from WordPress's Tools > Export"
        )
    site_url = (_text(channel, "wp:base_blog_url") or _text(channel, "wp:base_site_url")).rstrip(
        "/"
    )
    authors = {}
    for element in channel.findall("wp:author", NS):
        login = _text(element, "wp:author_login")
        authors[login] = Author(login, _text(element, "wp:author_display_name") or login)
    categories = {
        _text(e, "wp:category_nicename"): Term(
            _text(e, "wp:category_nicename"), _text(e, "wp:cat_name")
        )
        for e in channel.findall("wp:category", NS)
    }
    tags = {
        _text(e, "wp:tag_slug"): Term(_text(e, "wp:tag_slug"), _text(e, "wp:tag_name"))
        for e in channel.findall("wp:tag", NS)
    }
    attachments, posts = {}, []
    for item in channel.findall("item"):
        kind = _text(item, "wp:post_type")
        if kind == "attachment":
            attachment = _attachment(item)
            attachments[attachment.id] = attachment
        elif kind in IMPORTED_TYPES:
            posts.append(_post(item, kind, categories, tags))
    return WordPressExport(site_url, authors, categories, tags, attachments, posts)


def _post(item, kind, categories, tags):
    found_categories, found_tags = [], []
    for element in item.findall("category"):
        slug, name = element.get("nicename", ""), (element.text or "").strip()
        if element.get("domain") == "category":
            found_categories.append(categories.get(slug, Term(slug, name)))
        elif element.get("domain") == "post_tag":
            found_tags.append(tags.get(slug, Term(slug, name)))
    meta = _postmeta(item)
    return Post(
        id=_text(item, "wp:post_id"),
        type=kind,
        title=_text(item, "title"),
        slug=_text(item, "wp:post_name"),
        link=_text(item, "link"),
        date=_date(_text(item, "wp:post_date")),
        modified=_date(_text(item, "wp:post_modified"), default=None),
        author=_text(item, "dc:creator"),
        status=_text(item, "wp:status"),
        html=_text(item, "content:encoded"),
        excerpt=_text(item, "excerpt:encoded"),
        categories=found_categories,
        tags=found_tags,
        thumbnail_id=meta.get("_thumbnail_id", ""),
    )


def _attachment(item):
    meta = _postmeta(item)
    url = _text(item, "wp:attachment_url")
    return Attachment(
        id=_text(item, "wp:post_id"),
        url=url,
        file=meta.get("_wp_attached_file") or urlsplit(url).path.split("/uploads/", 1)[-1],
        alt=" ".join(meta.get("_wp_attachment_image_alt", "").split()),
    )


def _postmeta(item):
    return {
        _text(meta, "wp:meta_key"): _text(meta, "wp:meta_value")
        for meta in item.findall("wp:postmeta", NS)
    }


def _text(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _date(text, default=...):
    """WordPress's local date ("2023-05-16 10:00:00"); drafts may have none."""
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        if default is not ...:
            return default
        return datetime.datetime(1970, 1, 1)


def _with_current_namespace(root):
    """Exports from WordPress before 3.x name the wp namespace 1.0 or 1.1."""
    text = etree.tostring(root, encoding="unicode")
    for old in OLD_WP:
        if old in text:
            text = text.replace(old, NS["wp"])
            return etree.fromstring(text, etree.XMLParser(resolve_entities=False, no_network=True))
    return root
