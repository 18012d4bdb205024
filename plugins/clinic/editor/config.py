"""The editor's config.yml, made at every build from what the site already
knows: the fields and their rules (schema.py), the categories and
treatments (settings), the people (content/authors.yml) and where files live
(settings). Nothing about content is written twice, so a new field, category
or author appears in the editor with the next build.

    config = editor_config(settings, authors)   # a dict, dumped as YAML
"""

from pathlib import PurePosixPath

import yaml

from .. import schema
from ..settings import with_defaults
from .widgets import Choices, editor_field

HEADER = (
    "# Written by plugins/clinic/editor/ at every build, from schema.py, the\n"
    "# settings and content/authors.yml: change those, not this file.\n"
)
# Pull request titles and commit messages; {{collection}} is the singular label.
COMMIT_MESSAGES = {
    "create": "New {{collection}}: {{slug}}",
    "update": "Update {{collection}}: {{slug}}",
    "delete": "Delete {{collection}}: {{slug}}",
    "uploadMedia": "Add picture {{path}}",
    "deleteMedia": "Delete picture {{path}}",
}
BODY = {
    "label": "Text",
    "name": "body",
    "widget": "markdown",
    # Markdown as the file holds it, byte for byte. Decap's rich-text mode
    # writes the whole body anew on any change (other list markers, the blank
    # line after the front matter dropped), so every review would show lines
    # nobody touched; the preview beside the text shows how it will look.
    "modes": ["raw"],
    # Decap shows hints as Markdown: the examples are code, not a link and a picture.
    "hint": "Markdown: `## ` starts a section and `### ` a subsection, `- ` a list item; "
    "`[words](/treatments/)` is a link, `![what it shows](/images/file.jpg)` a picture.",
}
COLLECTIONS = {
    # kind: (label, singular, description)
    "article": ("Articles", "article", "Health articles, listed under Articles on the site."),
    "page": ("Pages", "page", "The site's pages: treatments, about us, privacy and more."),
    "location": ("Locations", "location", "One page per clinic: address, hours, treatments."),
}


def editor_config(settings, authors):
    """The Decap CMS configuration for this site, as a dict."""
    settings = with_defaults(settings)
    choices = Choices(authors, settings["CLINIC_CATEGORIES"], settings["CLINIC_TREATMENTS"])
    content = PurePosixPath(settings["CLINIC_EDITOR_CONTENT"])
    images = content / settings["CLINIC_IMAGES_PATH"]
    config = {
        "backend": backend(settings),
        "publish_mode": "editorial_workflow",
        "locale": settings["DEFAULT_LANG"],
        # Where a new entry's file goes: its title in plain ASCII, as `invoke new`.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": str(images),
        "public_folder": "",
        "logo_url": f"{settings['SITEURL']}/{settings['CLINIC_LOGO']}",
    }
    if settings["SITEURL"]:
        config["site_url"] = config["display_url"] = settings["SITEURL"]
    config["collections"] = [
        collection(kind, content / folder, f"/{images}", choices)
        for kind, folder in folders(settings)
    ]
    return config


def backend(settings):
    """decap-server on this computer when CLINIC_EDITOR_LOCAL_BACKEND is set
    (`invoke editor`, the browser tests), else GitHub through the sign-in helper."""
    branch = settings["CLINIC_EDITOR_BRANCH"]
    if settings["CLINIC_EDITOR_LOCAL_BACKEND"]:
        return {
            "name": "proxy",
            "proxy_url": settings["CLINIC_EDITOR_LOCAL_BACKEND"],
            "branch": branch,
        }
    github = {
        "name": "github",
        "repo": settings["CLINIC_EDITOR_REPO"],
        "branch": branch,
        "squash_merges": True,
        "commit_messages": COMMIT_MESSAGES,
    }
    if settings["CLINIC_EDITOR_AUTH_URL"]:
        # Decap opens <base_url>/auth and trusts messages from that origin only.
        github["base_url"] = settings["CLINIC_EDITOR_AUTH_URL"].rstrip("/")
    return github


def folders(settings):
    """(kind, folder in the content folder) for each folder of content files,
    as the content check finds them (checks/sources.py)."""
    locations = settings["CLINIC_LOCATIONS_PATH"].strip("/")
    found = [("article", folder.strip("/")) for folder in settings["ARTICLE_PATHS"]]
    for folder in settings["PAGE_PATHS"]:
        found.append(("location" if folder.strip("/") == locations else "page", folder.strip("/")))
    return found


def collection(kind, folder, media_folder, choices):
    label, singular, description = COLLECTIONS[kind]
    return {
        "name": folder.name,
        "label": label if folder.name == label.lower() else folder.name.capitalize(),
        "label_singular": singular,
        "description": description,
        "folder": str(folder),
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        # Removing a published page breaks links to it (and needs a redirect):
        # a job for a pull request by hand, not a button.
        "delete": False,
        "slug": "{{slug}}",
        "media_folder": media_folder,
        "public_folder": "",
        "sortable_fields": ["title", "date"] if kind == "article" else ["title"],
        "fields": [editor_field(field, choices) for field in schema.SCHEMAS[kind]] + [BODY],
    }


def config_yaml(config):
    """config.yml's text."""
    return HEADER + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
