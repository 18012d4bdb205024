"""The images part: every picture served as WebP and JPEG (or PNG) variants,
with its size, so pages load fast and nothing shifts.

    variants.py       encode resized copies into the cache; copy the used ones out
    body_pictures.py  <img> in a body -> <picture>; the hero's variants
    image_size.py     a picture's pixel size, read once per version of the file
    img_tag.py        an <img> tag with new attributes, printed as bs4 prints it
    unpublished.py    pictures only drafts and scheduled articles use stay out

Its register() makes the logo when the build starts and, once every
document is read, copies the variants the site uses into the output and
keeps Pelican from copying pictures only unpublished documents use. The
site part calls `body_pictures.prepare` for each document (site/enrich.py).
"""

from pelican import signals

from . import unpublished, variants


def register():
    signals.initialized.connect(variants.make_site_pictures)
    signals.all_generators_finalized.connect(variants.copy_to_output)
    signals.all_generators_finalized.connect(unpublished.leave_out)
