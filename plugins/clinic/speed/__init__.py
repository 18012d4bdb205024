"""The speed part: the same site, built faster. Optional (CLINIC_SPEED).

It wraps the site rather than living inside it. When a build starts it swaps
its own runners in through the seams the other parts leave open, and takes
them out again when it is off:
- the body seam (body/steps.py): body steps kept between builds
  (body_cache.py), long batches of articles read and converted in worker
  processes (parallel.py, libyaml_reader.py);
- the writer seam (site/state.py): pages rendered by forked workers
  (page_writer.py);
and it keeps the preview's caches and output honest: cache_guard.py empties
the caches when the plugin's other inputs change, stale_pages.py removes the
pages a preview no longer builds (previews write over the last build).

Off, the body steps are computed inline and pages written one by one: the
site is byte for byte the same (tests/speed/), only slower. Turn it off with
DELETE_OUTPUT_DIRECTORY = True, since stale pages are then left behind.
"""

from pelican import signals

from . import (
    body_cache,
    kept_documents,
    libyaml_reader,
    page_writer,
    parallel,
    seams,
    stale_pages,
    templates,
)


def register():
    signals.initialized.connect(seams.install)
    signals.readers_init.connect(libyaml_reader.use_libyaml)
    signals.generator_init.connect(templates.use_compiled)
    signals.article_generator_init.connect(kept_documents.use_kept)
    signals.page_generator_init.connect(kept_documents.use_kept)
    signals.article_generator_preread.connect(parallel.open_batch)
    # Deferred article bodies are finished before anything lists, sorts or
    # reads them.
    signals.article_generator_pretaxonomy.connect(parallel.finish)
    signals.all_generators_finalized.connect(kept_documents.all_read)
    signals.page_writer_finalized.connect(page_writer.flush_pages)
    signals.content_written.connect(stale_pages.page_written)
    signals.static_generator_finalized.connect(stale_pages.static_files_known)
    signals.finalized.connect(body_cache.save)
    signals.finalized.connect(stale_pages.remove_stale_pages)
