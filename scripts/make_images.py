"""Generate the site's placeholder artwork.

Every image this script writes is generated abstract placeholder art: soft
gradients and blurred shapes, with no text and no photographs. The clinic can
replace any of them with real photography whenever it wishes; just keep the
file names the articles refer to.

It writes, into content/images/:

* one 1200x800 JPEG per article, named by the ``hero_image:`` line of the
  article's front matter, with colours and shapes loosely following its
  ``hero_alt:`` text;
* ``social-default.jpg`` (1200x630), a calm gradient card for link previews;
* ``logo.png`` (512x512) and ``favicon.png`` (64x64), a simple abstract mark.

Output is seeded from each file name, so re-running it reproduces the same
files. Existing files are overwritten.

Usage: python scripts/make_images.py
"""

import math
import random
import re
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "content" / "articles"
IMAGES = ROOT / "content" / "images"

HERO_SIZE = (1200, 800)
SOCIAL_SIZE = (1200, 630)
SCALE = 2  # shapes are drawn at half size, then enlarged; they are blurred anyway
JPEG = {"quality": 82, "progressive": True, "optimize": True}

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
TEAL = (46, 125, 128)

# Soft, slightly muted versions of the colours the alt texts may name.
COLOURS = {
    "sunrise orange": (244, 150, 90),
    "sky blue": (146, 194, 232),
    "blue": (92, 142, 204),
    "navy": (40, 58, 104),
    "indigo": (58, 50, 118),
    "violet": (124, 92, 172),
    "purple": (122, 84, 150),
    "lavender": (186, 168, 218),
    "lilac": (204, 172, 222),
    "teal": (52, 138, 140),
    "green": (112, 172, 124),
    "sage": (158, 180, 146),
    "mint": (172, 222, 202),
    "gold": (228, 186, 96),
    "amber": (224, 152, 64),
    "orange": (240, 156, 92),
    "peach": (247, 190, 160),
    "coral": (238, 130, 112),
    "rose": (224, 142, 152),
    "pink": (236, 172, 184),
    "sand": (224, 202, 166),
    "cream": (248, 240, 226),
    "ivory": (250, 246, 234),
    "grey": (176, 180, 186),
    "gray": (176, 180, 186),
}
DEFAULT_PALETTE = [COLOURS["teal"], COLOURS["sage"], COLOURS["sand"]]

# Words that pick the motif, checked in this order.
MOTIFS = {
    "waves": ("wave", "ripple", "tide", "flow"),
    "arc": ("arc", "curve", "arch", "rainbow"),
    "glow": ("glow", "haze", "sunrise", "light rising"),
    "rings": ("ring", "halo"),
    "circles": ("circle", "orb", "bubble", "pool", "dot"),
}

COLOUR_RE = re.compile(
    r"\b(?:(pale|soft|light|deep|dark)\s+)?("
    + "|".join(sorted(COLOURS, key=len, reverse=True))
    + r")\b"
)
BACKGROUND_RE = re.compile(r"\b(?:on|over|against)\s+an?\s+([\w\s-]+?)\s+background")


def mix(a, b, t):
    """Blend colour a towards colour b by fraction t."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def find_colours(text):
    """Return the colours named in text, in order, adjusted by pale/deep etc."""
    found = []
    for modifier, name in COLOUR_RE.findall(text.lower()):
        colour = COLOURS[name]
        if modifier in ("pale", "light"):
            colour = mix(colour, WHITE, 0.45)
        elif modifier == "soft":
            colour = mix(colour, WHITE, 0.15)
        elif modifier in ("deep", "dark"):
            colour = mix(colour, BLACK, 0.3)
        found.append(colour)
    return found


def describe(alt):
    """Turn alt text into (background colours, shape colours, motif, count)."""
    alt = alt.lower()
    background = []
    match = BACKGROUND_RE.search(alt)
    if match:
        background = find_colours(match.group(1))
        alt = alt.replace(match.group(0), " ")
    shapes = find_colours(alt)
    if not background and len(shapes) >= 3:
        # e.g. "a gold glow rising through indigo and violet haze"
        shapes, background = shapes[:1], shapes[1:]
    if not shapes:
        shapes = background[:1] or DEFAULT_PALETTE[:2]
    if not background:
        background = [mix(c, COLOURS["cream"], 0.8) for c in shapes]
    motif = next((m for m, words in MOTIFS.items() if any(w in alt for w in words)), "blobs")
    count = 2 if re.search(r"\b(two|pair|both)\b", alt) else 5
    return background, shapes, motif, count


def gradient(size, stops):
    """A smooth top-to-bottom gradient through the given colour stops."""
    if len(stops) == 1:
        stops = [mix(stops[0], WHITE, 0.4), stops[0], mix(stops[0], BLACK, 0.06)]
    strip = Image.new("RGB", (1, 256))
    for y in range(256):
        pos = y / 255 * (len(stops) - 1)
        i = min(int(pos), len(stops) - 2)
        strip.putpixel((0, y), mix(stops[i], stops[i + 1], pos - i))
    return strip.resize(size, Image.Resampling.BICUBIC).convert("RGBA")


def soft_shape(canvas, colour, blur, shape, *args, **style):
    """Draw one shape, blurred, in colour over the canvas.

    shape names an ImageDraw method ("ellipse", "arc", "polygon"); it is drawn
    on a greyscale mask whose fill/outline values are the shape's opacity, so
    blurred edges fade to transparent instead of darkening.
    """
    mask = Image.new("L", canvas.size, 0)
    getattr(ImageDraw.Draw(mask), shape)(*args, **style)
    layer = Image.new("RGBA", canvas.size, colour)
    layer.putalpha(mask.filter(ImageFilter.GaussianBlur(blur)))
    return Image.alpha_composite(canvas, layer)


def circle(cx, cy, r):
    return (cx - r, cy - r, cx + r, cy + r)


def draw_circles(canvas, colours, rng, count):
    w, h = canvas.size
    if count == 2:  # two circles gently overlapping in the middle
        r = h * 0.3
        for i, colour in enumerate((colours * 2)[:2]):
            cx = w / 2 + (i - 0.5) * r * 1.15
            cy = h / 2 + rng.uniform(-0.04, 0.04) * h
            canvas = soft_shape(canvas, colour, 6, "ellipse", circle(cx, cy, r), fill=180)
        return canvas
    for i in range(count):  # several circles drifting in a loose row
        r = h * rng.uniform(0.11, 0.2)
        cx = w * (0.2 + 0.6 * i / (count - 1)) + rng.uniform(-0.03, 0.03) * w
        cy = h * (0.5 + rng.uniform(-0.14, 0.14))
        alpha = rng.randint(140, 190)
        canvas = soft_shape(
            canvas,
            colours[i % len(colours)],
            8,
            "ellipse",
            circle(cx, cy, r),
            fill=alpha,
        )
    return canvas


def draw_rings(canvas, colours, rng, count):
    w, h = canvas.size
    cx, cy = w * rng.uniform(0.42, 0.58), h * rng.uniform(0.42, 0.58)
    for i in range(min(count, 3)):
        box = circle(cx, cy, h * (0.14 + 0.1 * i))
        colour = colours[i % len(colours)]
        canvas = soft_shape(canvas, colour, 5, "ellipse", box, outline=190, width=16)
    return canvas


def draw_waves(canvas, colours, rng, count):
    w, h = canvas.size
    bands = 5
    for i in range(bands):
        colour = mix(colours[0], colours[-1], i / (bands - 1))
        base = h * (0.3 + 0.14 * i)
        amp = h * rng.uniform(0.04, 0.08)
        freq = rng.uniform(1.0, 1.8)
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + amp * math.sin(freq * math.tau * x / w + phase))
            for x in range(0, w + 10, 10)
        ]
        points += [(w, h), (0, h)]
        canvas = soft_shape(canvas, colour, 5, "polygon", points, fill=200)
    return canvas


def draw_arc(canvas, colours, rng, count):
    w, h = canvas.size
    arc_colour, pool_colour = colours[0], colours[-1]
    cx, cy, r = w / 2, h * 0.8, h * 0.52
    box = circle(cx, cy, r)
    halo = mix(arc_colour, WHITE, 0.25)
    canvas = soft_shape(canvas, halo, 28, "arc", box, 180, 360, fill=130, width=70)
    canvas = soft_shape(canvas, arc_colour, 6, "arc", box, 180, 360, fill=235, width=34)
    pr = h * 0.16
    pool = (cx - pr * 1.5, cy - pr * 1.3, cx + pr * 1.5, cy + pr * 0.3)
    return soft_shape(canvas, pool_colour, 14, "ellipse", pool, fill=210)


def draw_glow(canvas, colours, rng, count):
    w, h = canvas.size
    for _ in range(3):  # faint haze drifting across the background
        cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.5)
        rx, ry = w * rng.uniform(0.2, 0.35), h * rng.uniform(0.1, 0.2)
        haze = mix(canvas.getpixel((int(cx), int(cy)))[:3], WHITE, 0.15)
        box = (cx - rx, cy - ry, cx + rx, cy + ry)
        canvas = soft_shape(canvas, haze, 30, "ellipse", box, fill=90)
    cx, cy = w / 2, h * 1.0  # the glow rises from below the bottom edge
    for r, alpha, blur in ((0.9, 80, 70), (0.6, 140, 50), (0.35, 230, 30)):
        colour = mix(colours[0], WHITE, 0.45 - r * 0.5)
        canvas = soft_shape(canvas, colour, blur, "ellipse", circle(cx, cy, h * r), fill=alpha)
    return canvas


def draw_blobs(canvas, colours, rng, count):
    w, h = canvas.size
    count = min(count, 4)
    for i in range(count):
        rx, ry = w * rng.uniform(0.1, 0.16), h * rng.uniform(0.14, 0.22)
        cx = w * (0.22 + 0.56 * i / max(count - 1, 1)) + rng.uniform(-0.04, 0.04) * w
        cy = h * (0.5 + rng.uniform(-0.15, 0.15))
        box = (cx - rx, cy - ry, cx + rx, cy + ry)
        alpha = rng.randint(170, 210)
        canvas = soft_shape(canvas, colours[i % len(colours)], 14, "ellipse", box, fill=alpha)
    return canvas


DRAW = {
    "circles": draw_circles,
    "rings": draw_rings,
    "waves": draw_waves,
    "arc": draw_arc,
    "glow": draw_glow,
    "blobs": draw_blobs,
}


def add_grain(image, rng, strength=3.0, tile=192):
    """Overlay a faint, seeded film grain so large gradients do not band."""
    noise = Image.new("L", (tile, tile))
    noise.putdata([max(0, min(255, round(rng.gauss(128, strength)))) for _ in range(tile * tile)])
    grain = Image.new("L", image.size)
    for x in range(0, image.width, tile):
        for y in range(0, image.height, tile):
            grain.paste(noise, (x, y))
    grain = Image.merge("RGB", (grain, grain, grain))
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def make_art(name, alt, size=HERO_SIZE):
    """Render one abstract picture whose colours and motif follow the alt text."""
    rng = random.Random(zlib.crc32(name.encode()))
    background, shapes, motif, count = describe(alt)
    small = (size[0] // SCALE, size[1] // SCALE)
    canvas = gradient(small, background)
    canvas = DRAW[motif](canvas, shapes, rng, count)
    image = canvas.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    return add_grain(image, rng)


def front_matter(path):
    """Return the hero image name and alt text from an article's front matter."""
    fields = {}
    text = path.read_text(encoding="utf-8")
    header = text.split("---", 2)[1] if text.startswith("---") else ""
    for line in header.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip().strip("\"'")
    return fields.get("hero_image") or f"{path.stem}.jpg", fields.get("hero_alt", "")


def make_social():
    """A calm teal-to-sand gradient card with two large soft glows."""
    rng = random.Random(zlib.crc32(b"social-default"))
    w, h = SOCIAL_SIZE[0] // SCALE, SOCIAL_SIZE[1] // SCALE
    canvas = gradient((w, h), [mix(c, WHITE, 0.2) for c in DEFAULT_PALETTE])
    for cx, cy, r, colour in (
        (0.25, 0.35, 0.5, COLOURS["mint"]),
        (0.78, 0.7, 0.45, COLOURS["peach"]),
    ):
        box = circle(w * cx, h * cy, h * r)
        canvas = soft_shape(canvas, colour, 40, "ellipse", box, fill=110)
    image = canvas.convert("RGB").resize(SOCIAL_SIZE, Image.Resampling.BICUBIC)
    return add_grain(image, rng)


def make_logo(size=512, supersample=4):
    """Two overlapping soft circles on a rounded teal square; no text."""
    s = size * supersample
    mark = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    tile = gradient((s, s), [mix(TEAL, WHITE, 0.15), TEAL, mix(TEAL, BLACK, 0.15)])
    mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, s - 1, s - 1), radius=s * 0.22, fill=255)
    mark.paste(tile, (0, 0), mask)
    r = s * 0.22
    for cx, colour, alpha in ((0.4, WHITE, 220), (0.6, COLOURS["mint"], 190)):
        box = circle(s * cx, s * 0.5, r)
        mark = soft_shape(mark, colour, supersample * 2, "ellipse", box, fill=alpha)
    return mark.resize((size, size), Image.Resampling.LANCZOS)


def main():
    IMAGES.mkdir(parents=True, exist_ok=True)
    written = []
    for article in sorted(ARTICLES.glob("*.md")):
        name, alt = front_matter(article)
        make_art(name, alt).save(IMAGES / name, "JPEG", **JPEG)
        written.append(name)
    make_social().save(IMAGES / "social-default.jpg", "JPEG", **JPEG)
    logo = make_logo()
    logo.save(IMAGES / "logo.png", optimize=True)
    logo.resize((64, 64), Image.Resampling.LANCZOS).save(IMAGES / "favicon.png", optimize=True)
    written += ["social-default.jpg", "logo.png", "favicon.png"]
    for name in written:
        print(f"{name}: {(IMAGES / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
