"""Pelican's reader cache let go of once it is saved.

Pelican keeps what its readers made of every file (the Markdown's HTML and
its metadata) in memory for the whole build, though it saves it to
CACHE_PATH as soon as the generator has read everything, and nothing reads
it again in this build (the next build, even in the same livereload process,
loads it from disk). At 1,000 articles that is about 30 MiB, held while the
pages are written and Pagefind builds its index, when the build's memory
peaks (benchmarks/build-notes.md).
"""

from ..state import STATE


def let_go(generator):
    """`article_generator_finalized` and `page_generator_finalized`: after
    Pelican saved the generator's reader cache."""
    if STATE.on:
        generator.readers._cache = {}
