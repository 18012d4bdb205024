"""Pixel size of an image file, read once per version of the file.

The build asks several times per picture (the hero for the page, the
content check that it is a real image, the logo and social image); each
answer costs opening the file. Keyed on the file's modification time and
size, so a picture replaced during `invoke livereload` is read again.
"""

import functools
import os

from PIL import Image


def image_size(path):
    """(width, height); raises FileNotFoundError, or OSError for a non-image."""
    stat = os.stat(path)
    return _size(os.fspath(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _size(path, _mtime_ns, _bytes):
    with Image.open(path) as image:
        return image.size
