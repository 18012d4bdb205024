"""The New Pathways Clinic plugin: clinic settings and content in; template
context (locations, newsletter form, footer, authors) and build checks out.

`register()` only connects signals; each concern lives in its own module.
"""

from pelican import signals

from . import (
    content,
    feeds,
    output_check,
    reading_time,
    redirects,
    related,
    search_index,
    security,
    site_context,
)


def register():
    signals.initialized.connect(site_context.read_settings)
    signals.content_object_init.connect(content.enrich)
    signals.all_generators_finalized.connect(site_context.publish_context)
    signals.all_generators_finalized.connect(security.publish_policy)
    signals.get_generators.connect(redirects.get_generators)
    # The search index first: the _headers file and the output check see it.
    signals.finalized.connect(search_index.build_index)
    signals.finalized.connect(security.write_headers_file)
    signals.get_writer.connect(feeds.writer_class)
    signals.article_generator_finalized.connect(reading_time.attach)
    signals.article_generator_finalized.connect(related.attach)
    signals.finalized.connect(output_check.check_after_build)
