"""The New Pathways Clinic plugin: clinic settings and content in; template
context (locations, newsletter form, footer, authors) and build checks out.

`register()` only connects signals; each concern lives in its own module.
"""

from pelican import signals

from . import cache_guard, content, feeds, images, minify, site_context, typogrify_cache


def register():
    # First: it decides whether the content cache may be loaded at all.
    signals.initialized.connect(cache_guard.check)
    signals.initialized.connect(typogrify_cache.load)
    signals.initialized.connect(site_context.read_settings)
    signals.initialized.connect(images.read_settings)
    signals.initialized.connect(minify.read_settings)
    signals.content_object_init.connect(content.enrich)
    # After enrich, which reads the hero image.
    signals.content_object_init.connect(images.prepare)
    signals.all_generators_finalized.connect(images.copy_to_output)
    signals.all_generators_finalized.connect(site_context.publish_context)
    signals.get_writer.connect(feeds.writer_class)
    signals.finalized.connect(typogrify_cache.save)
    minify.register()
