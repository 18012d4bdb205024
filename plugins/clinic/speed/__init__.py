"""The speed part: the same site, built faster. Optional (CLINIC_SPEED).

It wraps the site rather than living inside it. When a build starts
(seams.py) it swaps its own runners in through the seams the other parts
leave open, and takes them out again when it is off. By the build's steps:

    read/    articles converted in worker processes; in one process
             (livereload), documents, body steps, related articles and the
             content check's work kept from one build to the next
    write/   pages rendered on every core, and only the pages whose inputs
             changed (fingerprints): left as they are in one process,
             copied from CACHE_PATH in a new one; compiled templates kept;
             the pages a preview no longer builds removed
    output_cache.py  production: compressed copies and page scans kept by
             each file's bytes, the rest made on every core (workers.py)
    kept_index.py    livereload: one Pagefind for the session, sent only the
             pages that changed

cache_guard.py empties the preview caches when the plugin's other inputs
change; state.py holds what is kept.

Off, everything is done inline, one step after another: the site is byte
for byte the same (tests/speed/), only slower. Turn it off with
DELETE_OUTPUT_DIRECTORY = True, since stale pages are then left behind.
"""

from pelican import signals

from . import seams, workers
from .read import (
    body_cache,
    check_cache,
    kept_documents,
    libyaml_reader,
    parallel,
    reader_cache,
)
from .write import kept_pages, page_writer, stale_pages, templates


def register():
    signals.initialized.connect(seams.install)
    signals.initialized.connect(workers.fewer_arenas)
    signals.readers_init.connect(libyaml_reader.use_libyaml)
    signals.generator_init.connect(templates.use_compiled)
    signals.article_generator_init.connect(kept_documents.use_kept)
    signals.page_generator_init.connect(kept_documents.use_kept)
    signals.article_generator_preread.connect(parallel.open_batch)
    # Deferred article bodies are finished before anything lists, sorts or
    # reads them.
    signals.article_generator_pretaxonomy.connect(parallel.finish)
    signals.all_generators_finalized.connect(kept_documents.all_read)
    signals.article_generator_finalized.connect(reader_cache.let_go)
    signals.page_generator_finalized.connect(reader_cache.let_go)
    signals.page_writer_finalized.connect(page_writer.flush_pages)
    signals.content_written.connect(stale_pages.page_written)
    signals.static_generator_finalized.connect(stale_pages.static_files_known)
    signals.finalized.connect(body_cache.save)
    signals.finalized.connect(check_cache.save_body_checks)
    signals.finalized.connect(stale_pages.remove_stale_pages)
    signals.finalized.connect(kept_pages.forget_unused)
