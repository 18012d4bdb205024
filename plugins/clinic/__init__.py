"""The New Pathways Clinic plugin: one Pelican plugin in seven parts.

    site/     what templates get: each document enriched, the site's context
    body/     one body in, page HTML out (called by site/; a seam for speed/)
    images/   responsive pictures (called by site/; copies them out)
    checks/   everything that can reject content, and the gate that stops the build
    output/   what happens to the written site: search index, headers, minify
    speed/    optional: the same site built faster (caches, worker processes)
    editor/   the browser editor at /admin/ (Decap CMS): config from the schema

with settings.py (every setting's default), schema.py (every front-matter
field), problems.py (how a problem is told), documents.py (every
document of a build) and files.py (files written only when they change)
shared by all.

A build flows through them in this order: read (speed/ may read in
workers) -> enrich (site/, body/, images/) -> check (checks/ gate: nothing
is published while any problem remains) -> publish the context and write
the pages (site/, speed/ renders them on every core) -> finish (output/:
index, headers, minify, compress; checks/: the output as deployed). The
editor's folder is written with the pages, by a generator of its own.

`register()` is the one place that fixes the order between the parts: where
two parts listen to the same signal, the one registered first runs first.
"""

from . import checks, editor, images, output, site, speed


def register():
    # First, at `initialized`: whether the caches may be loaded is decided
    # before anything reads them, and the runners are installed.
    speed.register()
    # At `all_generators_finalized`: the gate before anything is published.
    checks.register()
    site.register()
    images.register()
    # Its generator runs after the articles and pages (Pelican runs plugin
    # generators after its own, before the static files).
    editor.register()
    # Last: its `finalized` receivers run before the minify, compress and
    # deploy steps it sets up.
    output.register()
