"""Responsive images: every hero and content image is served as WebP and JPEG
variants 480, 800 and 1200 px wide, with width and height so nothing shifts.

pelican-image-process does the resizing (its `process_image`) and writes the
`<picture>` markup for images in article bodies (its `harvest_images_in_fragment`,
with a WebP srcset through its per-entry output format setting). We add what
it lacks:
- a cache keyed by the source's content hash and these settings, outside the
  output folder (which Pelican empties on every build), so an unchanged image
  is never encoded twice;
- a `type` on each `<source>`, so a browser without WebP falls back to JPEG;
- `loading`, `decoding`, `width` and `height` on the `<img>`.

WebP, not AVIF: on our soft-gradient art WebP files are 4x smaller and encode
3x faster (measured with Pillow 13), and every browser we support reads it.
Hero images are rendered by the `picture` macro in partials/picture.html from
the ResponsiveImage built here.
"""

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import PIL
from bs4 import BeautifulSoup
from pelican.plugins.image_process import image_process
from PIL import Image

from .image_size import image_size
from .img_tag import img_with

VERSION = 1  # bump to invalidate every cached variant
WIDTHS = (480, 800, 1200)
FALLBACK_WIDTH = 800  # the <img src> for browsers without srcset
FORMATS = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
DERIVATIVES_DIR = "derivatives"
# pelican-image-process writes <DERIVATIVES_DIR>/<derivative>/<source name>/<w>w/<file>;
# heroes use the same paths, so an image used as hero and in a body is encoded once.
DERIVATIVE = "responsive"
SOURCE_NAME = "default"
# The hero spans the page column (.wrap, 72rem); body images the text measure (44rem).
HERO_SIZES = "(min-width: 74rem) 72rem, 100vw"
CONTENT_SIZES = "(min-width: 46rem) 44rem, 100vw"
LOGO_WIDTHS = (40, 80, 120)
LOGO_SIZES = "40px"

_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc=(["'])(.*?)\1""", re.IGNORECASE)
_LINK_PREFIX = re.compile(r"^\{(static|filename|attach)\}")


@dataclass(frozen=True)
class Source:
    type: str  # MIME type, e.g. "image/webp"
    variants: tuple  # ((path relative to the site root, width), ...)


class Variant(NamedTuple):
    source: Path  # the writer's image
    cached: Path  # the encoded file in the cache
    relative: str  # where it goes in the output, e.g. images/derivatives/.../x.webp
    width: int


@dataclass(frozen=True)
class ResponsiveImage:
    src: str  # the fallback JPEG, relative to the site root
    alt: str
    width: int
    height: int
    sources: tuple  # (Source, ...), best format first
    sizes: str  # how wide it is shown, for the browser's choice of variant


def read_settings(pelican):
    """After site_context.read_settings: the cache folder and the logo."""
    settings = pelican.settings
    settings.setdefault("CLINIC_IMAGE_CACHE", str(Path(settings["CACHE_PATH"]) / "clinic-images"))
    # Site-wide images (not tied to a document) list their files here.
    settings["CLINIC_IMAGE_FILES"] = []
    settings["CLINIC_LOGO_PICTURE"] = logo_picture(settings, settings["CLINIC_IMAGE_FILES"])


def prepare(instance):
    """At content_object_init: responsive markup for images in the body and
    the hero's variants; the files to copy are listed on the instance."""
    settings = getattr(instance, "settings", None)
    if settings is None or not hasattr(instance, "_content"):
        return
    if getattr(instance, "clinic_body_pending", False):
        return  # parallel.finish calls this again once the body is back
    instance.clinic_image_files = []
    if instance._content and "<img" in instance._content:
        instance._content = _IMG_TAG.sub(
            lambda match: _content_picture(match.group(0), instance, settings),
            instance._content,
        )
    hero = getattr(instance, "hero", None)
    if hero is not None:
        instance.hero_picture = hero_picture(hero, settings, instance.clinic_image_files)


def copy_to_output(generators):
    """At all_generators_finalized (after Pelican emptied the output folder, if it does):
    copy each cached variant the site uses into the output."""
    settings = generators[0].settings
    documents = []
    for generator in generators:
        for name in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages"):
            documents += getattr(generator, name, [])
        documents += getattr(generator, "draft_pages", [])
    output = Path(settings["OUTPUT_PATH"])
    copied = set()
    files = [f for document in documents for f in getattr(document, "clinic_image_files", [])]
    for variant in [*settings["CLINIC_IMAGE_FILES"], *files]:
        if variant.relative in copied:
            continue
        copied.add(variant.relative)
        if not variant.cached.exists():  # the cache was emptied during the build
            encode(variant)
        target = output / variant.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(variant.cached, target)


def encode(variant):
    """Resize with pelican-image-process; it skips a file already in the cache."""
    return image_process.process_image(
        (str(variant.source), str(variant.cached), [f"scale_in {variant.width} None False"]),
        {"IMAGE_PROCESS_FORCE": False},
    )


def hero_picture(hero, settings, files):
    """Variants of a HeroImage (content.py) for the picture macro."""
    return responsive(
        hero.path,
        hero.alt,
        (hero.width, hero.height),
        settings,
        files,
        fallback=_fallback_format(hero.path),
    )


def logo_picture(settings, files):
    """The header logo, shown 40 px wide: 1x, 2x and 3x screens, PNG fallback
    (it has transparency)."""
    path = settings["CLINIC_LOGO"]
    size = image_size(Path(settings["PATH"]) / path)
    return responsive(
        path,
        "",
        size,
        settings,
        files,
        widths=LOGO_WIDTHS,
        fallback="png",
        fallback_width=LOGO_WIDTHS[0],
        sizes=LOGO_SIZES,
    )


def responsive(
    path,
    alt,
    size,
    settings,
    files,
    *,
    widths=WIDTHS,
    fallback="jpg",
    fallback_width=FALLBACK_WIDTH,
    sizes=HERO_SIZES,
):
    """Resized copies of content/<path> in WebP and the fallback format,
    encoded by pelican-image-process into the cache; (cache file, output
    path) Variants are appended to `files` for copy_to_output."""
    source = Path(settings["PATH"]) / path
    cache = _cache_folder(source, settings)
    stem = Path(path).stem
    folder = f"{Path(path).parent.as_posix()}/{DERIVATIVES_DIR}/{DERIVATIVE}/{SOURCE_NAME}"
    sources = []
    for extension in ("webp", fallback):
        variants = []
        for width in _widths(size[0], widths):
            relative = f"{folder}/{width}w/{stem}.{extension}"
            variant = Variant(source, cache / relative, relative, width)
            # Opening a cached WebP just to read its width costs more than
            # image-process's own arithmetic for scale_in without upscaling.
            scaled = int(min(width / size[0], 1.0) * size[0])
            encoded = encode(variant) if not variant.cached.exists() else (scaled,)
            files.append(variant)
            variants.append((relative, encoded[0]))
        sources.append(Source(FORMATS[extension], tuple(variants)))
    fallbacks = sources[-1].variants
    # The smallest variant at least fallback_width wide (or the largest there is).
    src, width = next(((p, w) for p, w in fallbacks if w >= fallback_width), fallbacks[-1])
    height = round(size[1] * width / size[0])
    return ResponsiveImage(src, alt, width, height, tuple(sources), sizes)


def _content_picture(tag, instance, settings):
    """One `<img>` from a body -> `<picture>` with WebP and JPEG srcsets.
    Images that are not ours (other hosts, missing files) stay as they are."""
    match = _SRC.search(tag)
    relative = _local_image(match.group(2), settings) if match else None
    if relative is None:
        return tag
    source = Path(settings["PATH"]) / relative
    cache = _cache_folder(source, settings)
    key = (cache, relative, settings["SITEURL"])
    if key not in _PICTURES:  # once per image and build process, however often it is used
        _PICTURES[key] = _harvest(source, relative, cache, settings)
    if _PICTURES[key] is None:
        return tag  # not an image Pillow can read; the writer's tag is kept
    sources, attributes, files = _PICTURES[key]
    instance.clinic_image_files += files
    # The writer's alt and title stay.
    return f"<picture>{sources}{img_with(tag, attributes)}</picture>"


# (cache folder, image, SITEURL) -> (<source> markup, <img> attributes, Variants)
_PICTURES = {}


def _harvest(source, relative, cache, settings):
    """pelican-image-process encodes the variants (into our cache) and writes
    the <picture>; we add each <source>'s type and the <img>'s size and loading."""
    try:
        with Image.open(source) as image:
            source_width, source_height = image.size
    except OSError:
        return None
    widths = _widths(source_width, WIDTHS)
    fallback = next((w for w in widths if w >= FALLBACK_WIDTH), widths[-1])
    fallback_format = _fallback_format(relative)
    sources = [
        {
            "name": SOURCE_NAME,
            "sizes": CONTENT_SIZES,
            "srcset": [(f"{w}w", [f"scale_in {w} None False"], ext) for w in widths],
        }
        for ext in ("webp", fallback_format)
    ]
    process_settings = {
        "IMAGE_PROCESS": {
            DERIVATIVE: {
                "type": "picture",
                "sources": sources,
                "default": (SOURCE_NAME, f"{fallback}w", fallback_format),
            }
        },
        "IMAGE_PROCESS_DIR": DERIVATIVES_DIR,
        "IMAGE_PROCESS_ADD_CLASS": False,
        "IMAGE_PROCESS_FORCE": False,
        # Written into our cache; copy_to_output puts them in the site.
        "OUTPUT_PATH": str(cache),
        "PATH": settings["PATH"],
        "SITEURL": "",
        "static_content": {},
    }
    fragment = f'<picture><img class="image-process-{DERIVATIVE}" src="/{relative}"></picture>'
    soup = BeautifulSoup(
        image_process.harvest_images_in_fragment(fragment, process_settings), "html.parser"
    )
    siteurl = settings["SITEURL"]
    files = []
    for element in soup.find_all("source"):
        entries = [entry.split(" ") for entry in element["srcset"].split(", ")]
        files += [_variant(source, cache, url[1:]) for url, _ in entries]
        element["type"] = FORMATS[entries[0][0].rsplit(".", 1)[1]]
        element["srcset"] = ", ".join(f"{siteurl}{url} {w}" for url, w in entries)
    src = soup.img["src"]
    files.append(_variant(source, cache, src[1:]))
    attributes = {
        "src": f"{siteurl}{src}",
        "width": str(fallback),
        "height": str(round(source_height * fallback / source_width)),
        "loading": "lazy",
        "decoding": "async",
    }
    return "".join(str(e) for e in soup.find_all("source")), attributes, files


def _fallback_format(path):
    """A PNG (a diagram, a logo) keeps its transparency in a PNG fallback."""
    return "png" if path.lower().endswith(".png") else "jpg"


def _variant(source, cache, relative):
    """A Variant from an image-process path such as .../800w/x.jpg."""
    width = int(relative.split("/")[-2].removesuffix("w"))
    return Variant(source, cache / relative, relative, width)


def _local_image(src, settings):
    """`{static}/images/x.jpg`, `/images/x.jpg`, `../images/x.jpg` -> `images/x.jpg`
    when that file is in the content folder; None for anything else."""
    path = _LINK_PREFIX.sub("", src.strip())
    if "://" in path or path.startswith("//") or path.startswith("data:"):
        return None
    parts = [part for part in path.split("?")[0].split("/") if part not in ("", ".", "..")]
    relative = "/".join(parts)
    if not relative or not (Path(settings["PATH"]) / relative).is_file():
        return None
    return relative


def _widths(source_width, widths):
    """The variant widths for a source: never upscaled, no duplicates."""
    largest = min(source_width, widths[-1])
    return [*(w for w in widths if w < largest), largest]


def _cache_folder(source, settings):
    """Keyed by the source's bytes and everything that shapes a variant."""
    stat = Path(source).stat()
    key = (str(source), stat.st_size, stat.st_mtime_ns, settings["CLINIC_IMAGE_CACHE"])
    if key not in _FOLDERS:  # hash each image once per process, not once per use
        _FOLDERS[key] = _hash_folder(source, settings)
    return _FOLDERS[key]


_FOLDERS = {}


def _hash_folder(source, settings):
    recipe = json.dumps(
        [VERSION, WIDTHS, FALLBACK_WIDTH, list(FORMATS), PIL.__version__], separators=(",", ":")
    )
    digest = hashlib.sha256(recipe.encode())
    digest.update(Path(source).read_bytes())
    return Path(settings["CLINIC_IMAGE_CACHE"]) / digest.hexdigest()[:20]
