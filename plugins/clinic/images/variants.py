"""Responsive variants: every hero, logo and body picture is served as WebP and
JPEG (or PNG) copies 480, 800 and 1200 px wide, with width and height so
nothing shifts.

pelican-image-process does the resizing (its `process_image`; body pictures
also use its `<picture>` markup: body_pictures.py). We add what it lacks:
- a cache keyed by the source's content hash and these settings, outside the
  output folder (which production empties on every build), so an unchanged
  image is never encoded twice;
- a `type` on each `<source>`, so a browser without WebP falls back to JPEG;
- `loading`, `decoding`, `width` and `height` on the `<img>`.

WebP, not AVIF: on our soft-gradient art WebP files are 4x smaller and encode
3x faster (measured with Pillow 13), and every browser we support reads it.
Heroes and the logo are rendered by the `picture` macro in
partials/picture.html from the ResponsiveImage built here.
"""

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import PIL
from pelican.plugins.image_process import image_process

from ..documents import every_document, is_written
from ..settings import with_defaults
from .image_size import image_size
from .state import STATE

VERSION = 1  # bump to invalidate every cached variant
WIDTHS = (480, 800, 1200)
FALLBACK_WIDTH = 800  # the <img src> for browsers without srcset
FORMATS = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
DERIVATIVES_DIR = "derivatives"
# pelican-image-process writes <DERIVATIVES_DIR>/<derivative>/<source name>/<w>w/<file>
# into the cache; heroes use the same paths, so an image used as hero and in a
# body is encoded once.
# The site serves them from PICTURES_DIR/<the cache folder's hash>/<w>w/<file>:
# a replaced picture gets new addresses, so hosts may cache them for a year
# (output/headers.py), where the writer's own /images/ files keep their names.
PICTURES_DIR = "pictures"
DERIVATIVE = "responsive"
SOURCE_NAME = "default"
# The hero spans the page column (.wrap, 72rem); body images the text measure (44rem).
HERO_SIZES = "(min-width: 74rem) 72rem, 100vw"
CONTENT_SIZES = "(min-width: 46rem) 44rem, 100vw"
LOGO_WIDTHS = (40, 80, 120)
LOGO_SIZES = "40px"


@dataclass(frozen=True)
class Source:
    type: str  # MIME type, e.g. "image/webp"
    variants: tuple  # ((path relative to the site root, width), ...)


class Variant(NamedTuple):
    source: Path  # the writer's image
    cached: Path  # the encoded file in the cache
    relative: str  # where it goes in the output, e.g. pictures/<hash>/800w/x.webp
    width: int


@dataclass(frozen=True)
class ResponsiveImage:
    src: str  # the fallback JPEG, relative to the site root
    alt: str
    width: int
    height: int
    sources: tuple  # (Source, ...), best format first
    sizes: str  # how wide it is shown, for the browser's choice of variant


@dataclass(frozen=True)
class HeroImage:
    """A document's main picture (or the site's link-preview picture) as written."""

    path: str  # relative to the site root, e.g. "images/x.jpg"
    alt: str
    width: int
    height: int


def make_site_pictures(pelican):
    """`initialized`: the header logo, which every page shows."""
    STATE.reset_build()
    STATE.logo = logo_picture(with_defaults(pelican.settings), STATE.site_files)


def copy_to_output(generators):
    """`all_generators_finalized` (after Pelican emptied the output folder, if
    it does): copy each cached variant the site uses into the output; none
    of a document the build does not write (unpublished.py)."""
    output = Path(generators[0].settings["OUTPUT_PATH"])
    documents = [document for document in every_document(generators) if is_written(document)]
    files = [f for document in documents for f in document.clinic_image_files]
    copied = set()
    for variant in [*STATE.site_files, *files]:
        if variant.relative in copied:
            continue
        copied.add(variant.relative)
        if not variant.cached.exists():  # the cache was emptied during the build
            encode(variant)
        target = output / variant.relative
        if _same_copy(variant.cached, target):
            continue  # a preview writing over the last build: already there
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(variant.cached, target)


def _same_copy(cached, target):
    """A variant's bytes depend on its cached path alone (the folder is named
    after the source's hash), so a target of the same size copied after the
    cached file was made holds them."""
    try:
        source, copy = cached.stat(), target.stat()
    except OSError:
        return False
    return copy.st_size == source.st_size and copy.st_mtime_ns >= source.st_mtime_ns


def encode(variant):
    """Resize with pelican-image-process; it skips a file already in the cache."""
    return image_process.process_image(
        (str(variant.source), str(variant.cached), [f"scale_in {variant.width} None False"]),
        {"IMAGE_PROCESS_FORCE": False},
    )


def hero_picture(hero, settings, files):
    """Variants of a HeroImage for the picture macro."""
    return responsive(
        hero.path,
        hero.alt,
        (hero.width, hero.height),
        settings,
        files,
        fallback=fallback_format(hero.path),
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
    cache = cache_folder(source, settings)
    stem = Path(path).stem
    folder = f"{Path(path).parent.as_posix()}/{DERIVATIVES_DIR}/{DERIVATIVE}/{SOURCE_NAME}"
    sources = []
    for extension in ("webp", fallback):
        variants = []
        for width in widths_for(size[0], widths):
            variant = variant_at(source, cache, f"{folder}/{width}w/{stem}.{extension}")
            # Opening a cached WebP just to read its width costs more than
            # image-process's own arithmetic for scale_in without upscaling.
            scaled = int(min(width / size[0], 1.0) * size[0])
            encoded = encode(variant) if not variant.cached.exists() else (scaled,)
            files.append(variant)
            variants.append((variant.relative, encoded[0]))
        sources.append(Source(FORMATS[extension], tuple(variants)))
    fallbacks = sources[-1].variants
    # The smallest variant at least fallback_width wide (or the largest there is).
    src, width = next(((p, w) for p, w in fallbacks if w >= fallback_width), fallbacks[-1])
    height = round(size[1] * width / size[0])
    return ResponsiveImage(src, alt, width, height, tuple(sources), sizes)


def fallback_format(path):
    """A PNG (a diagram, a logo) keeps its transparency in a PNG fallback."""
    return "png" if path.lower().endswith(".png") else "jpg"


def variant_at(source, cache, processed):
    """A Variant from an image-process path such as .../800w/x.jpg (in the
    cache folder `cache`): published as pictures/<cache folder>/800w/x.jpg."""
    width_folder, name = processed.split("/")[-2:]
    published = f"{PICTURES_DIR}/{cache.name}/{width_folder}/{name}"
    return Variant(source, cache / processed, published, int(width_folder.removesuffix("w")))


def widths_for(source_width, widths):
    """The variant widths for a source: never upscaled, no duplicates."""
    largest = min(source_width, widths[-1])
    return [*(w for w in widths if w < largest), largest]


def cache_folder(source, settings):
    """Keyed by the source's bytes and everything that shapes a variant."""
    stat = Path(source).stat()
    key = (str(source), stat.st_size, stat.st_mtime_ns, settings["CLINIC_IMAGE_CACHE"])
    if key not in STATE.folders:  # hash each image once per process, not once per use
        STATE.folders[key] = _hash_folder(source, settings)
    return STATE.folders[key]


def _hash_folder(source, settings):
    recipe = json.dumps(
        [VERSION, WIDTHS, FALLBACK_WIDTH, list(FORMATS), PIL.__version__], separators=(",", ":")
    )
    digest = hashlib.sha256(recipe.encode())
    digest.update(Path(source).read_bytes())
    return Path(settings["CLINIC_IMAGE_CACHE"]) / digest.hexdigest()[:20]
