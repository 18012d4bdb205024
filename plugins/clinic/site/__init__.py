"""The site part: what the templates get.

enrich.py          each article and page as Pelican creates it: people,
                   state, hero, location routing; then its body and pictures
context.py         the whole site: settings, authors, newsletter form,
                   locations, footer, JSON-LD, breadcrumbs
authors.py         content/authors.yml
locations.py       the location pages' records
newsletter.py      the signup form, from the NEWSLETTER setting
navigation.py      breadcrumbs, related articles, the footer
structured_data.py schema.org JSON-LD, built as data
feeds.py           the writer: feeds with titles and summaries as text
redirects.py       old addresses -> pages and _redirects
urls.py            the output map: every file a build writes, and its maker
state.py           what the part built for this build
"""

from pelican import signals

from . import context, enrich, feeds, navigation, redirects


def register():
    signals.initialized.connect(context.read_settings)
    signals.generator_init.connect(context.give_templates)
    signals.get_generators.connect(redirects.get_generators)
    signals.content_object_init.connect(enrich.enrich)
    signals.article_generator_finalized.connect(navigation.attach_related)
    signals.all_generators_finalized.connect(context.publish)
    signals.get_writer.connect(feeds.writer_class)
