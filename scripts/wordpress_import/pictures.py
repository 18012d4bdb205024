"""The export's pictures -> content/images/: only images (checked by their
bytes), each at its largest original size, named after its file.

WordPress serves resized copies of each upload (x-1024x683.jpg); the content
points at those, the media library at the original (x.jpg). Every address of
a picture, original or resized, maps to the one original copied here.
"""

import re
import urllib.request
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

# The first bytes of the raster formats the site accepts.
RASTER = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}
_RESIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
DOWNLOAD_TIMEOUT = 30


def is_raster(data):
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return any(data.startswith(magic) for magic in RASTER)


def original_path(url):
    """An upload's URL or path -> its path inside uploads without the size
    suffix: .../uploads/2023/05/x-1024x683.jpg -> 2023/05/x.jpg."""
    path = urlsplit(url).path
    inside = path.split("/wp-content/uploads/", 1)[-1].lstrip("/")
    return _RESIZED.sub("", inside)


class PictureLibrary:
    """The attachments of an export, by every address that shows them."""

    def __init__(self, attachments, images_folder, uploads=None, download=False):
        self.attachments = list(attachments)
        self.by_path = {original_path(a.file): a for a in self.attachments}
        self.images_folder = Path(images_folder)
        self.uploads = Path(uploads) if uploads else None
        self.download = download
        self.copied = {}  # attachment id -> file name in content/images (or None)
        self.notes = []  # (what, fix) about pictures that could not be brought over

    def attachment_for(self, url):
        if "/wp-content/uploads/" not in url and not url.startswith("wp-content/"):
            return None
        return self.by_path.get(original_path(url))

    def bring(self, attachment):
        """The attachment's file name in content/images/, copying it once; None
        if its file is missing or not an image (noted)."""
        if attachment.id not in self.copied:
            self.copied[attachment.id] = self._copy(attachment)
        return self.copied[attachment.id]

    def _copy(self, attachment):
        data = self._read(attachment)
        if data is None:
            return None
        if not is_raster(data):
            self.notes.append(
                (
                    f"{attachment.file} is not a picture the site shows (JPEG, PNG, GIF or WebP)",
                    "link to it from another site, or convert it to one of those formats",
                )
            )
            return None
        name = self._free_name(PurePosixPath(attachment.file).name, data)
        target = self.images_folder / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return name

    def _read(self, attachment):
        if self.uploads is not None:
            source = self.uploads / original_path(attachment.file)
            if source.is_file():
                return source.read_bytes()
        if self.download:
            try:
                return fetch(attachment.url)
            except OSError as error:
                self.notes.append(
                    (f"{attachment.url} could not be downloaded ({error})", "download it by hand")
                )
                return None
        self.notes.append(
            (
                f"{attachment.file} is not in the uploads folder",
                "pass --uploads with a copy of wp-content/uploads, or --download",
            )
        )
        return None

    def _free_name(self, name, data):
        """`name`, or name-2.jpg, ... when content/images holds another picture by that name."""
        stem, dot, suffix = name.rpartition(".")
        candidate, number = name, 1
        while (self.images_folder / candidate).exists():
            if (self.images_folder / candidate).read_bytes() == data:
                return candidate  # the same picture, brought over before
            number += 1
            candidate = f"{stem}-{number}{dot}{suffix}"
        return candidate


def fetch(url):
    """The bytes at `url` (only used with --download, where there is internet)."""
    with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
        return response.read()
