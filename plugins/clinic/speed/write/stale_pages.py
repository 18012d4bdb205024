"""Local previews write over the last build instead of deleting it first,
then remove the pages this build did not write.

Deleting the output folder before every build (Pelican's
DELETE_OUTPUT_DIRECTORY) makes each `invoke livereload` rebuild create
about 2,500 files afresh, and on ext4 creating a file where thousands were
just deleted costs several times more than writing over one (the kernel
passes over recently freed inodes): a rebuild at 1,000 articles took 5.7 s
instead of 4.3 s (benchmarks/build-notes.md). It also left nothing to show
while a failed build was being fixed. So preview builds keep the folder,
and at the end remove each page (.html) that no generator wrote this time,
so a renamed or deleted article's old page is gone as it would be online.
Other files stay until `invoke clean`: images and styles are written over,
and one left behind is harmless in a preview. Production builds start from
an empty folder (publishconf.py) and need none of this.
"""

import os
from pathlib import Path

from ..state import STATE


def page_written(path, context):
    """`content_written`: every page the writer wrote, in any process."""
    if STATE.on:
        STATE.written.add(os.path.abspath(path))  # no resolve(): one system call per folder


def static_files_known(generator):
    """`static_generator_finalized`: static files are copied, not announced."""
    if not STATE.on:
        return
    output = generator.output_path
    for static in generator.staticfiles:
        STATE.written.add(os.path.abspath(os.path.join(output, static.save_as)))


def remove_stale_pages(pelican):
    """`finalized`: pages of an earlier build that this one did not write."""
    settings = pelican.settings
    if not STATE.on or settings["DELETE_OUTPUT_DIRECTORY"] or not STATE.written:
        return  # the folder was emptied first (or nothing was written: a failed build)
    output = Path(os.path.abspath(settings["OUTPUT_PATH"]))
    # The same pages as this process's last build, which left only its own:
    # none can be stale, and the folder need not be searched (livereload).
    pages = (str(output), frozenset(path for path in STATE.written if path.endswith(".html")))
    if pages == STATE.pages_left:
        return
    stale = [page for page in output.rglob("*.html") if str(page) not in STATE.written]
    for page in stale:
        for copy in (page, *page.parent.glob(f"{page.name}.*")):  # and its .gz/.br copies
            copy.unlink()
        _remove_empty_folders(page.parent, output)
    STATE.pages_left = pages
    if stale:
        print(f"Removed {len(stale)} page(s) an earlier build wrote and this one did not.")


def _remove_empty_folders(folder, output):
    while folder != output and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
