"""Pictures that only unpublished documents use are not published either.

Production writes no draft and no scheduled article (DRAFT_SAVE_AS is ""),
but Pelican copies everything in content/images/, so a draft's hero would
go live, and its name (`new-treatment-launch.jpg`) can give the draft away.
So a picture is left out of the output when the documents that use it (as
hero, in the text, or linked to) are all documents this build does not
write, and the site itself (logo, link-preview picture) does not use it.
Previews write drafts, so they keep every picture. The variants of a
document's pictures are copied for written documents only (variants.py).
"""

from pelican.generators import StaticGenerator

from ..documents import every_document, generator_of, is_written
from ..settings import with_defaults
from .body_pictures import local_image


def pictures_of(document, settings):
    """The pictures of the content folder a document uses ("images/x.jpg")."""
    found = set()
    hero = getattr(document, "hero", None)
    if hero is not None:
        found.add(hero.path)
    scanned = getattr(document, "clinic_body_scan", None)
    for _line, _tag, url in scanned.links if scanned else ():
        relative = local_image(url, settings)
        if relative:
            found.add(relative)
    return found


def unpublished_pictures(documents, settings):
    """Pictures used by documents that are not written, and by nothing that is."""
    if all(is_written(document) for document in documents):
        return set()  # a preview, or nothing unpublished: no picture to look for
    written, unwritten = set(), set()
    for document in documents:
        (written if is_written(document) else unwritten).update(pictures_of(document, settings))
    return unwritten - written - {settings["CLINIC_LOGO"], settings["CLINIC_SOCIAL_IMAGE"]}


def leave_out(generators):
    """`all_generators_finalized`, before the static generator copies the
    pictures: it copies none that only unpublished documents use."""
    static = generator_of(generators, StaticGenerator)
    settings = with_defaults(static.settings)
    left_out = unpublished_pictures(every_document(generators), settings)
    if not left_out:
        return
    # In place: Pelican's context holds the same list, and copies from it.
    static.staticfiles[:] = [
        picture
        for picture in static.staticfiles
        if picture.get_relative_source_path() not in left_out
    ]
