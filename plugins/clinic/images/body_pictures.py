"""A document's pictures: each `<img>` of this site in its body becomes a
`<picture>` with WebP and JPEG srcsets, and its hero gets its variants.

pelican-image-process writes the `<picture>` markup (its
`harvest_images_in_fragment`, with a WebP srcset through its per-entry output
format setting) into our cache; we add each `<source>`'s type and the
`<img>`'s size and loading, keeping the writer's own alt and title.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from pelican.plugins.image_process import image_process
from PIL import Image

from ..body import links
from ..settings import with_defaults
from .img_tag import img_with
from .state import STATE
from .variants import (
    CONTENT_SIZES,
    DERIVATIVE,
    DERIVATIVES_DIR,
    FALLBACK_WIDTH,
    FORMATS,
    SOURCE_NAME,
    WIDTHS,
    cache_folder,
    fallback_format,
    hero_picture,
    variant_at,
    widths_for,
)

_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc=(["'])(.*?)\1""", re.IGNORECASE)
_LINK_PREFIX = re.compile(r"^\{(static|filename|attach)\}")


def prepare(instance):
    """Once the body steps are done (site/enrich.py): responsive markup for
    images in the body and the hero's variants; the files to copy into the
    output are listed on the instance (variants.copy_to_output)."""
    settings = with_defaults(instance.settings)
    instance.clinic_image_files = []
    if instance._content and "<img" in instance._content:
        instance._content = _IMG_TAG.sub(
            lambda match: _content_picture(match.group(0), instance, settings),
            instance._content,
        )
    hero = getattr(instance, "hero", None)
    if hero is not None:
        instance.hero_picture = hero_picture(hero, settings, instance.clinic_image_files)


def _content_picture(tag, instance, settings):
    """One `<img>` from a body -> `<picture>` with WebP and JPEG srcsets.
    Images that are not ours (other hosts, missing files) stay as they are."""
    match = _SRC.search(tag)
    relative = local_image(match.group(2), settings) if match else None
    if relative is None:
        return tag
    source = Path(settings["PATH"]) / relative
    cache = cache_folder(source, settings)
    key = (cache, relative, settings["SITEURL"])
    if key not in STATE.pictures:  # once per image and process, however often it is used
        STATE.pictures[key] = _harvest(source, relative, cache, settings)
    if STATE.pictures[key] is None:
        return tag  # not an image Pillow can read; the writer's tag is kept
    sources, attributes, files = STATE.pictures[key]
    instance.clinic_image_files += files
    # The writer's alt and title stay.
    return f"<picture>{sources}{img_with(tag, attributes)}</picture>"


def _harvest(source, relative, cache, settings):
    """pelican-image-process encodes the variants (into our cache) and writes
    the <picture>; we add each <source>'s type and the <img>'s size and loading."""
    try:
        with Image.open(source) as image:
            source_width, source_height = image.size
    except OSError:
        return None
    widths = widths_for(source_width, WIDTHS)
    fallback = next((w for w in widths if w >= FALLBACK_WIDTH), widths[-1])
    fallback_ext = fallback_format(relative)
    sources = [
        {
            "name": SOURCE_NAME,
            "sizes": CONTENT_SIZES,
            "srcset": [(f"{w}w", [f"scale_in {w} None False"], ext) for w in widths],
        }
        for ext in ("webp", fallback_ext)
    ]
    process_settings = {
        "IMAGE_PROCESS": {
            DERIVATIVE: {
                "type": "picture",
                "sources": sources,
                "default": (SOURCE_NAME, f"{fallback}w", fallback_ext),
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
        variants = [variant_at(source, cache, url[1:]) for url, _ in entries]
        files += variants
        element["type"] = FORMATS[entries[0][0].rsplit(".", 1)[1]]
        element["srcset"] = ", ".join(
            f"{siteurl}/{variant.relative} {w}"
            for variant, (_, w) in zip(variants, entries, strict=True)
        )
    fallback_variant = variant_at(source, cache, soup.img["src"][1:])
    files.append(fallback_variant)
    attributes = {
        "src": f"{siteurl}/{fallback_variant.relative}",
        "width": str(fallback),
        "height": str(round(source_height * fallback / source_width)),
        "loading": "lazy",
        "decoding": "async",
    }
    return "".join(str(e) for e in soup.find_all("source")), attributes, files


def local_image(src, settings):
    """`{static}/images/x.jpg`, `/images/x.jpg`, `../images/x.jpg` -> `images/x.jpg`
    when that file is in the content folder; None for anything else."""
    path = _LINK_PREFIX.sub("", src.strip())
    # The body steps have put /images/x.jpg under the site's path, if any.
    site_path = links.site_path(settings.get("SITEURL"))
    if site_path and path.startswith(site_path + "/"):
        path = path[len(site_path) :]
    if "://" in path or path.startswith("//") or path.startswith("data:"):
        return None
    parts = [part for part in path.split("?")[0].split("/") if part not in ("", ".", "..")]
    relative = "/".join(parts)
    if not relative or not (Path(settings["PATH"]) / relative).is_file():
        return None
    return relative
