"""`invoke new`: a new article from the scaffold (plugins/clinic/scaffold.py),
its picture copied in when the writer names one, and the next steps.

Nothing is written unless everything can be: a title without letters, an
article that exists, or a picture the site cannot use stops it first, with
a message that says what to do.
"""

import datetime
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from clinic import scaffold
from clinic.editor.yaml_style import dump
from PIL import Image

# The pictures an article's hero may be (schema.py: "JPEG or PNG"), by the
# format Pillow reads from the file's bytes, whatever its name says.
PICTURE_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}


class NewArticleError(Exception):
    """Why the article was not created, and what to do (the whole message)."""


@dataclass(frozen=True)
class NewArticle:
    article: Path
    picture: Path  # where the hero picture is (copied there) or goes (not yet)
    picture_copied: bool


def slugify(title):
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def create(content, title, *, category, author, timezone, draft=False, image=None):
    """Write content/articles/<slug>.md (and copy `image` to
    content/images/<slug>.<jpg|png>); returns the NewArticle. `timezone`:
    the site's TIMEZONE, whose today the article is dated (the machine's
    date can already be tomorrow there, which would schedule it)."""
    slug = slugify(title)
    if not slug:
        raise NewArticleError("The title needs at least one letter or digit.")
    article = Path(content) / "articles" / f"{slug}.md"
    if article.exists():
        raise NewArticleError(f"{shown(article)} already exists: choose another title.")
    suffix = picture_suffix(Path(image)) if image else ".jpg"
    picture = Path(content) / "images" / f"{slug}{suffix}"
    if image and picture.exists() and picture.read_bytes() != Path(image).read_bytes():
        raise NewArticleError(
            f"{shown(picture)} already exists and is another picture: "
            "choose another title, or move that picture away first."
        )
    fields = scaffold.front_matter(
        title,
        today=datetime.datetime.now(ZoneInfo(timezone)).date().isoformat(),
        author=author,
        category=category,
        image=picture.name,
        draft=draft,
    )
    # Written as the browser editor writes it (`invoke tidy` keeps files so).
    text = f"---\n{dump(fields)}---\n\n{scaffold.BODY}"
    if image:
        picture.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image, picture)
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(text, encoding="utf-8")
    return NewArticle(article, picture, picture_copied=bool(image))


def shown(path):
    """A file as the writer finds it: from the project folder (content/...)."""
    return path.relative_to(path.parents[2]).as_posix()


def next_steps(new, preview_url):
    """What to do now, in order, as lines to print."""
    article, picture = shown(new.article), shown(new.picture)
    lines = [f"Created {article}"]
    if new.picture_copied:
        lines.append(f"Copied the picture to {picture}")
    lines += ["", "Next steps:"]
    steps = [f"Open {article} and replace every example text with your own words."]
    if not new.picture_copied:
        steps.append(
            f"Add the picture as {picture} (a JPEG; for a PNG, also change "
            "hero_image to end in .png)."
        )
    steps += [
        f"Preview it: run .venv/bin/invoke livereload and open {preview_url}",
        "Check it: .venv/bin/invoke check (it names any example text still there).",
        "Once a clinician has checked it, add `reviewer:` and `reviewed:` (docs/front-matter.md).",
        f"Commit it: git add {article} {picture}",
    ]
    lines += [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]
    return lines


def picture_suffix(path):
    """ ".jpg" or ".png" for a picture the site can use; otherwise a
    NewArticleError saying why not and what to do."""
    export = "export it as a JPEG (about 1200 x 800 pixels) and run the command again"
    try:
        with Image.open(path) as picture:
            kind = picture.format
            picture.load()  # the whole file, so a cut-off download is found now
    except FileNotFoundError as error:
        raise NewArticleError(
            f"--image: there is no file {path}: check the path (you can drag the "
            "picture into the terminal to type its path)."
        ) from error
    except IsADirectoryError as error:
        raise NewArticleError(f"--image: {path} is a folder: name one picture in it.") from error
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        # UnidentifiedImageError (not a raster image at all) is an OSError,
        # and so is a damaged one.
        raise NewArticleError(
            f"--image: {path} is not a picture the site can use: its bytes are not a "
            f"readable JPEG or PNG image (an SVG, PDF or HEIC file will not do): {export}."
        ) from error
    if kind not in PICTURE_SUFFIXES:
        raise NewArticleError(
            f"--image: {path} is a {kind} image; the site takes JPEG or PNG: {export}."
        )
    return PICTURE_SUFFIXES[kind]
