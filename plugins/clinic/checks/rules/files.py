"""Every file under content/ is one the site reads, or a problem.

Pelican skips what it does not read without a word: `Notes.MD`, `notes.md.txt`,
a file straight in content/, one in a misspelt folder (content/article/), an
.rst or .html file. And it copies whatever lies in content/images/ as it is,
so an SVG or HTML file there would be a page of this site that runs a script.
So the check walks the content folder once and allows exactly:

- Markdown files (sources.MARKDOWN_SUFFIXES) in the article and page folders;
- pictures in the picture folders (STATIC_PATHS), JPEG, PNG, WebP or GIF,
  told by their first bytes, not only by their names;
- authors.yml and redirects.yml at the top.

Files Pelican ignores (IGNORE_FILES: hidden ones) are left out here too, and
so are the backups editors leave beside a file, outside the picture folders
(Pelican neither reads nor copies them there).
"""

import fnmatch
import os
from pathlib import Path

from ...problems import Problem, closest
from ..sources import MARKDOWN_SUFFIXES, display_path

# The pictures a browser shows as pictures, and never runs: format -> (its
# first bytes, the file name endings that go with it).
PICTURES = {
    "JPEG": ((b"\xff\xd8\xff",), (".jpg", ".jpeg")),
    "PNG": ((b"\x89PNG\r\n\x1a\n",), (".png",)),
    "GIF": ((b"GIF87a", b"GIF89a"), (".gif",)),
    "WebP": ((b"RIFF",), (".webp",)),  # and "WEBP" at byte 8
}
# Other endings for Markdown, which Pelican is told not to read (sources.py).
OTHER_MARKDOWN_SUFFIXES = (".mkd", ".mdown", ".mkdn", ".mdwn")
PICTURE_SUFFIXES = tuple(suffix for _, suffixes in PICTURES.values() for suffix in suffixes)
_HEAD = 16  # bytes read from each picture: enough for every signature above
# What else a file in the picture folder often is, to say so plainly.
_LOOKS_LIKE = (
    (b"<svg", "an SVG drawing, which can run a script"),
    (b"<?xml", "an XML or SVG file, which can run a script"),
    (b"<!doctype html", "a web page"),
    (b"<html", "a web page"),
)
# Drawings and other picture formats: saved again as PNG, they can stay.
_CONVERTIBLE = (".svg", ".bmp", ".tif", ".tiff", ".heic", ".avif")


def check_content_folder(settings):
    """One problem per file under the content folder that the site does not
    read as it is meant to. One walk of the folder; pictures' first bytes."""
    root = Path(settings["PATH"])
    places = _Places(settings)
    problems = []
    for path in _files(root, settings["IGNORE_FILES"]):
        relative = path.relative_to(root)
        display = display_path(path, root)
        if places.holds_pictures(relative):
            what_fix = picture_problem(path)  # Pelican would publish it, whatever its name
        elif is_editor_leftover(path.name):
            continue
        elif len(relative.parts) == 1:
            what_fix = None if relative.name in places.top_files else _loose(relative, places)
        elif places.holds_text(relative):
            what_fix = _text_folder_problem(path)
        else:
            what_fix = _unknown_folder(relative, places)
        if what_fix:
            problems.append(Problem(display, "file", *what_fix))
    return problems


class _Places:
    """Where each kind of file belongs, from the settings."""

    def __init__(self, settings):
        self.text = [folder.strip("/") for folder in settings["ARTICLE_PATHS"]]
        self.text += [folder.strip("/") for folder in settings["PAGE_PATHS"]]
        self.pictures = [folder.strip("/") for folder in settings["STATIC_PATHS"]]
        self.top_files = {settings["CLINIC_AUTHORS_FILE"], settings["CLINIC_REDIRECTS_FILE"]}
        self.articles = settings["ARTICLE_PATHS"][0].strip("/")
        self.pages = settings["PAGE_PATHS"][0].strip("/")
        self.images = settings["CLINIC_IMAGES_PATH"].strip("/")

    def holds_pictures(self, relative):
        return _inside(relative, self.pictures)

    def holds_text(self, relative):
        return _inside(relative, self.text)

    def folders(self):
        return [*self.text, *self.pictures]


def is_editor_leftover(name):
    """A backup editors leave beside the file being edited (notes.md~,
    #notes.md#): never read nor published outside the picture folders, and
    it comes back, so it is not named. (Hidden files, such as .DS_Store or a
    swap file, are in IGNORE_FILES: pelicanconf.py.)"""
    return name.endswith("~") or (name.startswith("#") and name.endswith("#"))


def _inside(relative, folders):
    path = relative.as_posix()
    return any(path.startswith(f"{folder}/") for folder in folders)


def _files(root, ignores):
    """Every file under `root`, skipping what Pelican skips (IGNORE_FILES
    matched against each file and folder name, as Pelican does)."""
    for folder, subfolders, names in os.walk(root, followlinks=True):
        subfolders[:] = sorted(d for d in subfolders if not _ignored(d, ignores))
        for name in sorted(names):
            if not _ignored(name, ignores):
                yield Path(folder) / name


def _ignored(name, ignores):
    return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)


def picture_problem(path):
    """(what, fix) when a file in the picture folder is not a JPEG, PNG, WebP
    or GIF picture with a name that says so; else None."""
    with open(path, "rb") as file:
        head = file.read(_HEAD)
    found = picture_format(head)
    suffix = path.suffix.lower()
    if found is None:
        if suffix in _CONVERTIBLE or head.lstrip().lower().startswith(b"<svg"):
            fix = f"save it as a PNG picture, `{path.stem}.png`, and delete this file"
        else:
            fix = "delete it, or move it out of content/: content/images/ takes pictures only"
        return f"is not a JPEG, PNG, WebP or GIF picture: it is {_what_it_is(head, path)}", fix
    if suffix not in PICTURES[found][1]:
        proper = PICTURES[found][1][0]
        return (
            f"is a {found} picture, but its name ends in `{path.suffix or '(nothing)'}`",
            f"rename it to `{path.stem}{proper}` so browsers are told what it is",
        )
    return None


def picture_format(head):
    """The format ("JPEG", "PNG", "GIF", "WebP") a file's first bytes show; None if none."""
    for name, (signatures, _suffixes) in PICTURES.items():
        if head.startswith(signatures) and (name != "WebP" or head[8:12] == b"WEBP"):
            return name
    return None


def _what_it_is(head, path):
    start = head.lstrip().lower()
    for signature, meaning in _LOOKS_LIKE:
        if start.startswith(signature):
            return meaning
    if path.suffix.lower() in (".js", ".mjs"):
        return "a script"
    return f"a {path.suffix} file" if path.suffix else "a file without a type"


def _text_folder_problem(path):
    """(what, fix) for a file in an article or page folder that Pelican will
    not read: only Markdown files with a lower-case .md/.markdown ending are read."""
    if path.suffix in MARKDOWN_SUFFIXES:
        return None
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if path.suffix.lower() in MARKDOWN_SUFFIXES + OTHER_MARKDOWN_SUFFIXES:
        proper = path.suffix.lower() if path.suffix.lower() in MARKDOWN_SUFFIXES else ".md"
        return (
            f"ends in `{path.suffix}`, which the site does not read",
            f"rename it to `{path.stem}{proper}`",
        )
    if any(suffix in MARKDOWN_SUFFIXES for suffix in suffixes[:-1]):
        return (
            f"ends in `{path.suffix}`, so the site does not read it",
            f"rename it to `{path.name[: -len(path.suffix)]}`",
        )
    if path.suffix.lower() in PICTURE_SUFFIXES:
        return (
            "is a picture in a folder of text files, so it is not published",
            f"move it to content/images/ and show it with ![what it shows](/images/{path.name})",
        )
    kind = f"a `{path.suffix}` file" if path.suffix else "a file without `.md` at the end"
    return (
        f"is {kind}: the site reads only Markdown (.md) files, so it is not published",
        f"write it in Markdown and save it as `{path.stem}.md`, or delete it",
    )


def _loose(relative, places):
    """(what, fix) for a file straight in the content folder."""
    suffix = relative.suffix.lower()
    what = "is not in any of the content folders, so it is not published"
    if suffix in MARKDOWN_SUFFIXES:
        return what, (
            f"move it to content/{places.articles}/ (an article) or content/{places.pages}/ "
            "(a page)"
        )
    if suffix in PICTURE_SUFFIXES:
        return what, f"move it to content/{places.images}/"
    return what, f"move it into {_folder_list(places)}, or delete it"


def _unknown_folder(relative, places):
    """(what, fix) for a file in a folder the site does not read, often a typo."""
    folder = relative.parts[0]
    what = f"is in content/{folder}/, a folder the site does not read, so it is not published"
    match = closest(folder, places.folders())
    if match:
        return what, f"did you mean content/{match}/? move the file there"
    return what, f"move it into {_folder_list(places)}"


def _folder_list(places):
    return "one of " + ", ".join(f"content/{folder}/" for folder in places.folders())
