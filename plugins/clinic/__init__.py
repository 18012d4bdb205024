"""The New Pathways Clinic plugin: clinic settings and content in; template
context (locations, newsletter form, footer, authors) and build checks out.

`register()` only connects signals; each concern lives in its own module.
"""

import blinker
from pelican import signals

from . import (
    body_steps,
    cache_guard,
    content,
    front_matter,
    images,
    minify,
    output_check,
    page_writer,
    parallel,
    reading_time,
    redirects,
    related,
    search_index,
    security,
    site_context,
    stale_pages,
    writer,
)


def register():
    # First: it decides whether the content cache may be loaded at all.
    signals.initialized.connect(cache_guard.check)
    signals.initialized.connect(stale_pages.start)
    signals.initialized.connect(body_steps.load)
    signals.initialized.connect(site_context.read_settings)
    signals.initialized.connect(images.read_settings)
    signals.initialized.connect(minify.read_settings)
    signals.readers_init.connect(front_matter.use_libyaml)
    signals.content_object_init.connect(content.enrich)
    # After enrich, which reads the hero image.
    signals.content_object_init.connect(images.prepare)
    signals.article_generator_preread.connect(parallel.open_batch)
    # First at pretaxonomy: deferred article bodies are finished before
    # anything lists, sorts or reads them.
    signals.article_generator_pretaxonomy.connect(parallel.finish)
    signals.all_generators_finalized.connect(images.copy_to_output)
    signals.all_generators_finalized.connect(site_context.publish_context)
    signals.all_generators_finalized.connect(security.publish_policy)
    signals.get_generators.connect(redirects.get_generators)
    # The search index first: the _headers file and the output check see it.
    search_index.register()  # pages go to Pagefind as written; index at finalized
    signals.finalized.connect(security.write_headers_file)
    signals.get_writer.connect(writer.writer_class)
    signals.page_writer_finalized.connect(page_writer.flush_pages)
    signals.article_generator_finalized.connect(reading_time.attach)
    signals.article_generator_finalized.connect(related.attach)
    signals.finalized.connect(body_steps.save)
    signals.content_written.connect(stale_pages.page_written)
    signals.static_generator_finalized.connect(stale_pages.static_files_known)
    signals.finalized.connect(stale_pages.remove_stale_pages)
    minify.register()
    # pelican-granular-signals (set up by minify.register) runs "minify",
    # "compress", then "deploy" after `finalized`: the output check goes
    # last, on the files exactly as they would be deployed.
    blinker.signal("deploy").connect(output_check.check_after_build)
